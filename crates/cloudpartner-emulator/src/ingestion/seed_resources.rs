//! The resources of a scenario product's draft tree: product, property,
//! listing, availability, reseller, customer leads, and per plan its plan,
//! listing, availability and VM technical configuration.

use serde_json::{Map, Value, json};

use crate::ingestion::resource_types::{
    TECH_CONFIG, plan_guid, plan_level_id, product_guid, product_level_id, schema_uri,
};
use crate::ingestion::scenario_part::{ImageType, ScenarioPlan, ScenarioProduct};

/// A resource document: a JSON object, keys in order.
pub(crate) type Resource = Map<String, Value>;

/// The image URI of a scenario version: one blob per product, plan and
/// version, shared by the plan's SKUs.
pub(crate) fn scenario_image_uri(product: &str, plan: &str, version: &str) -> String {
    format!("https://emulator.blob.core.windows.net/vhds/{product}/{plan}/{version}.vhd")
}

/// The draft resources of a scenario product, in tree order.
pub(crate) fn seed_resources(external_id: &str, product: &ScenarioProduct) -> Vec<Resource> {
    let guid = product_guid(external_id);
    let product_id = format!("product/{guid}");
    let alias = product
        .alias
        .clone()
        .unwrap_or_else(|| external_id.to_owned());
    let mut resources = vec![
        object(json!({
            "$schema": schema_uri("product"),
            "id": product_id,
            "identity": {"externalId": external_id},
            "type": "azureVirtualMachine",
            "alias": alias,
            "lifecycleState": "generallyAvailable"
        })),
        product_level(
            "property",
            &guid,
            json!({"kind": "azureVM", "termsOfUse": "Standard contract."}),
        ),
        product_level(
            "listing",
            &guid,
            json!({"kind": "azureVM", "title": alias, "summary": alias,
                   "description": format!("{alias}, served by the emulator."), "languageId": "en-us"}),
        ),
        product_level(
            "price-and-availability-offer",
            &guid,
            json!({"previewAudiences": []}),
        ),
        product_level("reseller", &guid, json!({"resellerChannelState": "notSet"})),
        product_level("customer-leads", &guid, json!({"leadDestination": "none"})),
    ];
    for (plan_id, plan) in &product.plans {
        resources.extend(plan_resources(external_id, &plan_id.0, plan));
    }
    resources
}

/// A product-level resource: `$schema`, `id`, `product`, then `fields`.
fn product_level(resource_type: &str, guid: &str, fields: Value) -> Resource {
    let mut resource = object(json!({
        "$schema": schema_uri(resource_type),
        "id": product_level_id(resource_type, guid),
        "product": format!("product/{guid}"),
    }));
    resource.extend(object(fields));
    resource
}

/// The resources of one plan.
fn plan_resources(external_id: &str, plan_id: &str, plan: &ScenarioPlan) -> Vec<Resource> {
    let product = product_guid(external_id);
    let guid = plan_guid(external_id, plan_id);
    let plan_reference = format!("plan/{product}/{guid}");
    let plan_level = |resource_type: &str, fields: Value| {
        let mut resource = object(json!({
            "$schema": schema_uri(resource_type),
            "id": plan_level_id(resource_type, &product, &guid),
            "product": format!("product/{product}"),
            "plan": plan_reference,
        }));
        resource.extend(object(fields));
        resource
    };
    let skus: Vec<(ImageType, String)> = match &plan.skus {
        Some(skus) => skus
            .iter()
            .map(|sku| (sku.image_type, sku.sku_id.0.clone()))
            .collect(),
        None => vec![(ImageType::X64Gen2, plan_id.to_owned())],
    };
    let versions: Vec<Value> = plan
        .versions
        .iter()
        .map(|version| {
            let uri = scenario_image_uri(external_id, plan_id, version);
            json!({
                "versionNumber": version,
                "vmImages": skus.iter().map(|(image_type, _)| json!({
                    "imageType": image_type.as_str(),
                    "source": {"sourceType": "sasUri", "osDisk": {"uri": uri}, "dataDisks": []}
                })).collect::<Vec<Value>>(),
                "lifecycleState": "generallyAvailable"
            })
        })
        .collect();
    vec![
        object(json!({
            "$schema": schema_uri("plan"),
            "id": plan_reference,
            "product": format!("product/{product}"),
            "identity": {"externalId": plan_id},
            "alias": plan_id,
            "azureRegions": ["azureGlobal"]
        })),
        plan_level(
            "plan-listing",
            json!({"kind": "azureVM-plan", "name": plan_id, "summary": plan_id,
                   "description": format!("Plan {plan_id}."), "languageId": "en-us"}),
        ),
        plan_level(
            "price-and-availability-plan",
            json!({"visibility": "visible", "pricing": {"licenseModel": "payAsYouGo"}}),
        ),
        plan_level(
            TECH_CONFIG,
            json!({
                "operatingSystem": {"family": "linux", "type": "other", "friendlyName": "Emulated Linux"},
                "recommendedVmSizes": [],
                "openPorts": [],
                "vmProperties": {"supportsExtensions": true, "supportsBackup": false,
                                 "supportsAcceleratedNetworking": false, "supportsCloudInit": true},
                "skus": skus.iter().map(|(image_type, sku_id)| json!({
                    "imageType": image_type.as_str(), "skuId": sku_id
                })).collect::<Vec<Value>>(),
                "vmImageVersions": versions
            }),
        ),
    ]
}

/// The object inside a `json!` object literal.
fn object(value: Value) -> Resource {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The value at a JSON pointer (`/identity/externalId`) in a resource.
pub(crate) fn field<'a>(resource: &'a Resource, pointer: &str) -> Option<&'a Value> {
    let pointer = pointer.strip_prefix('/')?;
    let (first, rest) = pointer.split_once('/').unwrap_or((pointer, ""));
    let value = resource.get(first)?;
    if rest.is_empty() {
        Some(value)
    } else {
        value.pointer(&format!("/{rest}"))
    }
}
