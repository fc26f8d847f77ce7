//! Product Ingestion reads, route by route, with the peers' quirks: `//`
//! in paths, query keys in any case, `%24version` or no `$version`, paging.

use serde_json::{Value, json};

use crate::ingestion_support::{
    find_resource, get, get_ok, product_id, start_scaled, start_scenario, tech_config, url,
};
use crate::support::client;

#[tokio::test]
async fn products_are_found_by_external_id_whatever_the_key_case() {
    let emulator = start_scaled(1.0).await;
    for key in ["externalId", "externalid", "externalID", "EXTERNALID"] {
        let list = get_ok(&emulator, &format!("product?{key}=vm-release")).await;
        let products = list["value"].as_array().unwrap();
        assert_eq!(products.len(), 1, "{key}: {list}");
        let product = &products[0];
        assert_eq!(product["identity"]["externalId"], "vm-release");
        assert_eq!(product["type"], "azureVirtualMachine");
        assert_eq!(product["lifecycleState"], "generallyAvailable");
        assert!(product["id"].as_str().unwrap().starts_with("product/"));
        assert_eq!(
            product["$schema"],
            "https://schema.mp.microsoft.com/schema/product/2022-07-01"
        );
    }
    let none = get_ok(&emulator, "product?externalId=nope").await;
    assert_eq!(none, json!({"value": []}));
}

#[tokio::test]
async fn version_is_optional_and_may_be_percent_encoded() {
    let emulator = start_scaled(1.0).await;
    for query in [
        "",
        "&%24version=2022-07-01",
        "&$version=2022-03-01-preview2",
        "&%24VERSION=2022-07-01",
    ] {
        let list = get_ok(&emulator, &format!("product?externalId=vm-new{query}")).await;
        assert_eq!(list["value"].as_array().unwrap().len(), 1, "{query}");
    }
    let (status, body) = get(&emulator, "product?%24version=latest").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "badRequest");
    assert_eq!(body["error"]["details"], json!([]));
}

#[tokio::test]
async fn double_slashes_are_single_slashes() {
    let emulator = start_scaled(1.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/");
    let single = get_ok(
        &emulator,
        &format!("resource-tree/product/{guid}?targetType=draft"),
    )
    .await;
    let double = get_ok(
        &emulator,
        &format!("/resource-tree/product/{guid}?targetType=draft"),
    )
    .await;
    assert_eq!(single, double);
    let inner = get_ok(&emulator, &format!("resource-tree//product/{guid}/")).await;
    assert_eq!(single, inner);
}

#[tokio::test]
async fn every_request_needs_the_token() {
    let emulator = start_scaled(1.0).await;
    let response = client()
        .get(url(&emulator, "product"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = crate::support::json_body(response).await.unwrap();
    assert_eq!(body["error"]["code"], "unauthorized");
    assert_eq!(body["error"]["details"], json!([]));
    let response = client()
        .get(url(&emulator, "product"))
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn trees_hold_every_vm_resource_with_known_types() {
    let emulator = start_scaled(1.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/").to_owned();
    for target in ["draft", "preview", "live"] {
        let tree = get_ok(
            &emulator,
            &format!("resource-tree/product/{guid}?targetType={target}"),
        )
        .await;
        assert_eq!(tree["root"], product.as_str());
        assert_eq!(tree["target"]["targetType"], target);
        assert_eq!(
            tree["$schema"],
            "https://schema.mp.microsoft.com/schema/resource-tree/2022-03-01-preview2"
        );
        let known = [
            "product",
            "plan",
            "property",
            "listing",
            "plan-listing",
            "price-and-availability-offer",
            "price-and-availability-plan",
            "reseller",
            "customer-leads",
            "submission",
            "virtual-machine-plan-technical-configuration",
        ];
        for resource in tree["resources"].as_array().unwrap() {
            let id = resource["id"].as_str().unwrap();
            let prefix = id.split('/').next().unwrap();
            assert!(known.contains(&prefix), "{id}");
            let schema = resource["$schema"].as_str().unwrap();
            assert!(
                schema.starts_with(&format!("https://schema.mp.microsoft.com/schema/{prefix}/")),
                "{schema}"
            );
            if prefix != "product" {
                assert_eq!(resource["product"], product.as_str(), "{id}");
            }
        }
        let submission = find_resource(&tree, "submission", |_| true);
        assert_eq!(submission["target"]["targetType"], target);
        let plan = find_resource(&tree, "plan", |r| r["identity"]["externalId"] == "standard");
        assert_eq!(plan["azureRegions"], json!(["azureGlobal"]));
        let standard = tech_config(&tree, "standard");
        assert_eq!(
            standard["skus"],
            json!([{"imageType": "x64Gen1", "skuId": "standard"}, {"imageType": "x64Gen2", "skuId": "standard-gen2"}])
        );
        assert_eq!(standard["vmImageVersions"][0]["versionNumber"], "1.0.0");
        assert_eq!(
            standard["vmImageVersions"][0]["vmImages"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        let byol = tech_config(&tree, "byol");
        assert_eq!(
            byol["skus"],
            json!([{"imageType": "x64Gen2", "skuId": "byol"}])
        );
    }
    // Never published: no preview or live tree.
    let new = product_id(&emulator, "vm-new").await;
    let new_guid = new.trim_start_matches("product/");
    let (status, body) = get(
        &emulator,
        &format!("resource-tree/product/{new_guid}?targetType=live"),
    )
    .await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["error"]["code"], "notFound");
    let (status, _) = get(
        &emulator,
        "resource-tree/product/00000000-0000-4000-8000-000000000000",
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get(
        &emulator,
        &format!("resource-tree/product/{guid}?targetType=flight"),
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn durable_ids_are_stable_and_read_one_draft_resource() {
    let first = start_scaled(1.0).await;
    let second = start_scaled(1.0).await;
    assert_eq!(
        product_id(&first, "vm-release").await,
        product_id(&second, "vm-release").await
    );
    let product = product_id(&first, "vm-release").await;
    let guid = product.trim_start_matches("product/");
    let tree = get_ok(&first, &format!("resource-tree/product/{guid}")).await;
    let config = tech_config(&tree, "standard");
    let id = config["id"].as_str().unwrap();
    assert_eq!(get_ok(&first, id).await, config);
    assert_eq!(
        get_ok(&first, &product).await["identity"]["externalId"],
        "vm-release"
    );
    let (status, body) = get(
        &first,
        &format!("virtual-machine-plan-technical-configuration/{guid}/nope"),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "notFound");
    let (status, _) = get(&first, "no-such-route").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn plans_of_a_product() {
    let emulator = start_scaled(1.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let plans = get_ok(&emulator, &format!("plan?product={product}")).await;
    let mut names: Vec<&str> = plans["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|plan| plan["identity"]["externalId"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["byol", "standard"]);
    let one = get_ok(
        &emulator,
        &format!("plan?product={product}&externalid=byol"),
    )
    .await;
    assert_eq!(one["value"].as_array().unwrap().len(), 1);
    let (status, _) = get(&emulator, "plan").await;
    assert_eq!(status, 400);
    let (status, _) = get(
        &emulator,
        "plan?product=product/00000000-0000-4000-8000-000000000000",
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn submissions_of_published_and_new_products() {
    let emulator = start_scaled(1.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/");
    let list = get_ok(&emulator, &format!("submission/{guid}")).await;
    let value = list["value"].as_array().unwrap();
    assert_eq!(value.len(), 3, "{list}");
    assert_eq!(value[0]["id"], format!("submission/{guid}/0"));
    assert_eq!(value[0]["target"]["targetType"], "draft");
    assert!(value[0].get("status").is_none());
    let (preview, live) = (&value[1], &value[2]);
    assert_eq!(preview["target"]["targetType"], "preview");
    assert_eq!(live["target"]["targetType"], "live");
    assert_eq!(preview["id"], live["id"], "nothing newer waits in preview");
    for entry in [preview, live] {
        assert_eq!(entry["status"], "completed");
        assert_eq!(entry["result"], "succeeded");
        assert!(entry["created"].as_str().unwrap().ends_with('Z'));
        let number = entry["id"].as_str().unwrap().rsplit('/').next().unwrap();
        assert!(number.parse::<u64>().unwrap() > 1_000_000_000_000_000_000);
    }
    let one = get_ok(&emulator, preview["id"].as_str().unwrap()).await;
    assert_eq!(&one, preview);
    let only_live = get_ok(&emulator, &format!("submission/{guid}?targetType=live")).await;
    assert_eq!(only_live["value"].as_array().unwrap().len(), 1);
    let new = product_id(&emulator, "vm-new").await;
    let list = get_ok(
        &emulator,
        &format!("submission/{}", new.trim_start_matches("product/")),
    )
    .await;
    assert_eq!(
        list["value"].as_array().unwrap().len(),
        1,
        "only the draft entry"
    );
    let (status, _) = get(&emulator, &format!("submission/{guid}/42")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_product_list_pages_with_plain_alphanumeric_tokens() {
    let products: Vec<String> = (1..=5)
        .map(|n| format!(r#""offer-{n}": {{"plans": {{"p": {{}}}}}}"#))
        .collect();
    let emulator = start_scenario(
        &format!(
            r#"{{"ingestion": {{"products": {{{}}}}}}}"#,
            products.join(",")
        ),
        1.0,
    )
    .await;
    let mut link = url(&emulator, "product?%24maxpagesize=2&%24version=2022-07-01");
    let mut pages = Vec::new();
    loop {
        let response = client()
            .get(&link)
            .bearer_auth(emulator.token())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let page: Value = crate::support::json_body(response).await.unwrap();
        pages.push(
            page["value"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["identity"]["externalId"].as_str().unwrap().to_owned())
                .collect::<Vec<String>>(),
        );
        let Some(next) = page.get("@nextLink") else {
            break;
        };
        let next = next.as_str().unwrap().to_owned();
        assert!(
            next.starts_with(&emulator.ingestion_base_url()),
            "absolute: {next}"
        );
        let token = next.split("continuationToken=").nth(1).unwrap();
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric()), "{token}");
        // cloudpub re-encodes the pairs it split, `$` included.
        link = next.replace('$', "%24");
    }
    assert_eq!(
        pages,
        [
            vec!["offer-1", "offer-2"],
            vec!["offer-3", "offer-4"],
            vec!["offer-5"]
        ]
    );
    let all = get_ok(&emulator, "product").await;
    assert_eq!(all["value"].as_array().unwrap().len(), 5);
    assert!(all.get("@nextLink").is_none());
    let (status, _) = get(&emulator, "product?continuationToken=garbage").await;
    assert_eq!(status, 400);
}
