//! What a configure request asks for: each resource's type known, its references
//! (`product`, `plan`: durable ids, `{"externalId"}`, `{"resourceName"}`)
//! resolved, its durable id found or made, and the service's checks run;
//! the result is the changes to store, or the errors the job fails with.

use std::collections::HashMap;

use serde_json::Value;

use crate::ingestion::product_state::{ProductState, Target, resource_id, upsert};
use crate::ingestion::resource_types::{
    RESOURCE_TYPES, id_product_guid, id_type, is_plan_level, is_tech_config, plan_guid,
    plan_level_id, product_guid, product_level_id, schema_type,
};
use crate::ingestion::seed_resources::{Resource, field};
use crate::ingestion::submission_rules::accept_submission;
use crate::ingestion::tech_config_rules::{PublishedConfigurations, tech_config_errors};
use crate::ingestion::wire_error::job_error;

/// What an accepted configure request changes.
#[derive(Debug, Default)]
pub(crate) struct ConfigurePlan {
    /// The resources to store, as sent but for their durable ids and
    /// references: `(product guid, resource)`, in request order.
    pub changes: Vec<(String, Resource)>,
    /// The product (guid) and target of its submission.
    pub submission: Option<(String, Target)>,
}

/// Plans a configure request against the products as they are: the
/// changes, or every error the job fails with.
pub(crate) fn plan_configure(
    resources: Vec<Resource>,
    products: &[ProductState],
) -> Result<ConfigurePlan, Vec<Value>> {
    let mut planner = Planner {
        products,
        drafts: HashMap::new(),
        names: HashMap::new(),
        plan: ConfigurePlan::default(),
        errors: Vec::new(),
    };
    let mut order: Vec<(usize, Resource)> = resources.into_iter().enumerate().collect();
    order.sort_by_key(|(_, resource)| rank(resource));
    for (index, resource) in order {
        planner.resource(index, resource);
    }
    if planner.errors.is_empty() {
        Ok(planner.plan)
    } else {
        Err(planner.errors)
    }
}

/// The order resources are taken in: products, plans, the rest, the submission.
fn rank(resource: &Resource) -> u8 {
    match resource_type(resource) {
        Some("product") => 0,
        Some("plan") => 1,
        Some("submission") => 3,
        _ => 2,
    }
}

/// A resource's type, from its `$schema`.
fn resource_type(resource: &Resource) -> Option<&str> {
    resource
        .get("$schema")
        .and_then(Value::as_str)
        .and_then(schema_type)
}

/// The state of a request being planned.
struct Planner<'a> {
    products: &'a [ProductState],
    /// The drafts as the request changes them, by product guid.
    drafts: HashMap<String, Vec<Resource>>,
    /// `resourceName` → durable id.
    names: HashMap<String, String>,
    plan: ConfigurePlan,
    errors: Vec<Value>,
}

impl Planner<'_> {
    fn fail(&mut self, code: &str, message: String, label: &str) {
        self.errors
            .push(job_error(code, message, Some(label), Vec::new()));
    }

    fn product(&self, guid: &str) -> Option<&ProductState> {
        self.products.iter().find(|product| product.guid == guid)
    }

    /// The draft of a product as the request has changed it so far.
    fn draft(&self, guid: &str) -> Option<&Vec<Resource>> {
        self.drafts
            .get(guid)
            .or_else(|| self.product(guid).map(|product| &product.draft))
    }

    fn find(&self, guid: &str, id: &str) -> Option<&Resource> {
        self.draft(guid)?
            .iter()
            .find(|resource| resource_id(resource) == Some(id))
    }

    /// Plans one resource.
    fn resource(&mut self, index: usize, mut resource: Resource) {
        let name = resource
            .remove("resourceName")
            .and_then(|name| name.as_str().map(str::to_owned));
        resource.remove("validations");
        let label = resource_id(&resource)
            .map(str::to_owned)
            .or_else(|| name.clone())
            .unwrap_or_else(|| format!("resources[{index}]"));
        let Some(schema) = resource.get("$schema").and_then(Value::as_str) else {
            return self.fail(
                "schemaValidationError",
                String::from("The resource has no '$schema'."),
                &label,
            );
        };
        let resource_type = match schema_type(schema) {
            Some(resource_type) if RESOURCE_TYPES.contains(&resource_type) => {
                resource_type.to_owned()
            }
            _ => {
                return self.fail(
                    "schemaValidationError",
                    format!(
                        "The $schema '{schema}' names no resource type of a virtual machine product; known types: {}.",
                        RESOURCE_TYPES.join(", ")
                    ),
                    &label,
                );
            }
        };
        if let Some(id) = resource_id(&resource) {
            if id_type(id) != resource_type {
                let message =
                    format!("The id '{id}' does not name a resource of type '{resource_type}'.");
                return self.fail("invalidId", message, &label);
            }
        }
        let planned = match resource_type.as_str() {
            "product" => self.product_resource(&mut resource, &label),
            "submission" => return self.submission(&resource, &label),
            _ => self.owned_resource(&resource_type, &mut resource, &label),
        };
        let Some(product) = planned else { return };
        if let (Some(name), Some(id)) = (name, resource_id(&resource)) {
            self.names.insert(name, id.to_owned());
        }
        let mut draft = self.draft(&product).cloned().unwrap_or_default();
        upsert(&mut draft, resource.clone());
        self.drafts.insert(product.clone(), draft);
        self.plan.changes.push((product, resource));
    }

    /// A product resource: by id, else by `identity.externalId` (new when unknown).
    fn product_resource(&mut self, resource: &mut Resource, label: &str) -> Option<String> {
        if let Some(id) = resource_id(resource) {
            let guid = id_product_guid(id).unwrap_or("").to_owned();
            if self.draft(&guid).is_none() {
                self.fail(
                    "resourceNotFound",
                    format!("The product '{id}' was not found."),
                    label,
                );
                return None;
            }
            return Some(guid);
        }
        let Some(external_id) = field(resource, "/identity/externalId").and_then(Value::as_str)
        else {
            let message = String::from("A product needs an 'id' or 'identity.externalId'.");
            self.fail("schemaValidationError", message, label);
            return None;
        };
        let guid = self
            .products
            .iter()
            .find(|product| product.external_id == external_id)
            .map_or_else(|| product_guid(external_id), |product| product.guid.clone());
        set_id(resource, product_level_id("product", &guid));
        Some(guid)
    }

    /// A resource of a product (and maybe of a plan): its references
    /// resolved, its id found or made, technical configurations checked.
    fn owned_resource(
        &mut self,
        resource_type: &str,
        resource: &mut Resource,
        label: &str,
    ) -> Option<String> {
        let product = match resource.get("product") {
            Some(reference) => self.resolve_product(reference, label)?,
            None => match resource_id(resource).and_then(id_product_guid) {
                Some(guid) if self.draft(guid).is_some() => guid.to_owned(),
                _ => {
                    let message = String::from("The resource has no 'product' reference.");
                    self.fail("schemaValidationError", message, label);
                    return None;
                }
            },
        };
        resource.insert(
            String::from("product"),
            Value::from(format!("product/{product}")),
        );
        let plan = if is_plan_level(resource_type) {
            let Some(reference) = resource.get("plan") else {
                let message = String::from("The resource has no 'plan' reference.");
                self.fail("schemaValidationError", message, label);
                return None;
            };
            let plan = self.resolve_plan(&product, reference, label)?;
            resource.insert(String::from("plan"), Value::from(plan.clone()));
            Some(plan)
        } else {
            None
        };
        match resource_id(resource) {
            Some(id) => {
                if id_product_guid(id) != Some(product.as_str())
                    || self.find(&product, id).is_none()
                {
                    let message = format!(
                        "The resource '{id}' was not found in product 'product/{product}'."
                    );
                    self.fail("resourceNotFound", message, label);
                    return None;
                }
            }
            None => {
                let id = if resource_type == "plan" {
                    self.plan_id(&product, resource, label)?
                } else if let Some(plan) = &plan {
                    plan_level_id(
                        resource_type,
                        &product,
                        plan.rsplit('/').next().unwrap_or(""),
                    )
                } else {
                    product_level_id(resource_type, &product)
                };
                set_id(resource, id);
            }
        }
        if resource_type == "plan" && !resource.contains_key("azureRegions") {
            resource.insert(
                String::from("azureRegions"),
                serde_json::json!(["azureGlobal"]),
            );
        }
        if is_tech_config(resource_type) {
            let id = resource_id(resource).unwrap_or("").to_owned();
            let errors = self.tech_config_errors(&product, &id, resource);
            if !errors.is_empty() {
                self.errors.extend(errors);
                return None;
            }
        }
        Some(product)
    }

    /// The id of a plan sent without one: the plan with its external id, or a new one.
    fn plan_id(&mut self, product: &str, resource: &Resource, label: &str) -> Option<String> {
        let Some(external_id) = field(resource, "/identity/externalId").and_then(Value::as_str)
        else {
            let message = String::from("A plan needs an 'id' or 'identity.externalId'.");
            self.fail("schemaValidationError", message, label);
            return None;
        };
        if let Some(existing) = self.plan_by_external_id(product, external_id) {
            return Some(existing);
        }
        let product_external_id = self
            .product(product)
            .map(|state| state.external_id.clone())
            .unwrap_or_else(|| product.to_owned());
        Some(format!(
            "plan/{product}/{}",
            plan_guid(&product_external_id, external_id)
        ))
    }

    fn plan_by_external_id(&self, product: &str, external_id: &str) -> Option<String> {
        self.draft(product)?
            .iter()
            .filter(|resource| resource_id(resource).is_some_and(|id| id_type(id) == "plan"))
            .find(|plan| {
                field(plan, "/identity/externalId").and_then(Value::as_str) == Some(external_id)
            })
            .and_then(resource_id)
            .map(str::to_owned)
    }

    /// A `product` reference: the product's guid.
    fn resolve_product(&mut self, reference: &Value, label: &str) -> Option<String> {
        let guid = match reference {
            Value::String(id) => id
                .strip_prefix("product/")
                .filter(|guid| self.draft(guid).is_some())
                .map(str::to_owned),
            Value::Object(object) => {
                if let Some(external_id) = object.get("externalId").and_then(Value::as_str) {
                    self.products
                        .iter()
                        .find(|product| product.external_id == external_id)
                        .map(|product| product.guid.clone())
                        .or_else(|| {
                            let guid = product_guid(external_id);
                            self.drafts.contains_key(&guid).then_some(guid)
                        })
                } else {
                    object
                        .get("resourceName")
                        .and_then(Value::as_str)
                        .and_then(|name| self.names.get(name))
                        .and_then(|id| id.strip_prefix("product/"))
                        .map(str::to_owned)
                }
            }
            _ => None,
        };
        if guid.is_none() {
            let message = format!("The product {reference} was not found.");
            self.fail("resourceNotFound", message, label);
        }
        guid
    }

    /// A `plan` reference within `product`: the plan's durable id.
    fn resolve_plan(&mut self, product: &str, reference: &Value, label: &str) -> Option<String> {
        let id = match reference {
            Value::String(id) => self.find(product, id).map(|_| id.clone()),
            Value::Object(object) => match object.get("externalId").and_then(Value::as_str) {
                Some(external_id) => self.plan_by_external_id(product, external_id),
                None => object
                    .get("resourceName")
                    .and_then(Value::as_str)
                    .and_then(|name| self.names.get(name))
                    .filter(|id| self.find(product, id).is_some())
                    .cloned(),
            },
            _ => None,
        }
        .filter(|id| id_type(id) == "plan");
        if id.is_none() {
            let message =
                format!("The plan {reference} was not found in product 'product/{product}'.");
            self.fail("resourceNotFound", message, label);
        }
        id
    }

    /// The service's checks on a technical configuration.
    fn tech_config_errors(&self, product: &str, id: &str, resource: &Resource) -> Vec<Value> {
        let state = self.product(product);
        fn in_tree<'a>(tree: Option<&'a Vec<Resource>>, id: &str) -> Option<&'a Resource> {
            tree.and_then(|tree| tree.iter().find(|r| resource_id(r) == Some(id)))
        }
        let known = PublishedConfigurations {
            draft: state.and_then(|state| in_tree(Some(&state.draft), id)),
            preview: state.and_then(|state| in_tree(state.preview.as_ref(), id)),
            live: state.and_then(|state| in_tree(state.live.as_ref(), id)),
        };
        tech_config_errors(id, resource, &known)
    }

    /// A submission: at most one per request, of a known product.
    fn submission(&mut self, resource: &Resource, label: &str) {
        if self.plan.submission.is_some() {
            let message = String::from("A configure request holds at most one submission.");
            return self.fail("invalidRequest", message, label);
        }
        let Some(reference) = resource.get("product") else {
            let message = String::from("The submission has no 'product' reference.");
            return self.fail("schemaValidationError", message, label);
        };
        let Some(guid) = self.resolve_product(reference, label) else {
            return;
        };
        let Some(product) = self.product(&guid) else {
            let message = String::from("A product is submitted once it exists.");
            return self.fail("invalidState", message, label);
        };
        match accept_submission(resource, product) {
            Ok(target) => self.plan.submission = Some((guid, target)),
            Err(errors) => self.errors.extend(errors),
        }
    }
}

/// Sets a resource's `id`, right after its `$schema`.
fn set_id(resource: &mut Resource, id: String) {
    let index = resource
        .keys()
        .position(|key| key == "$schema")
        .map_or(0, |position| position + 1);
    resource.shift_insert(index, String::from("id"), Value::from(id));
}
