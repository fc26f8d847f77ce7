//! The reads: `GET product`, `GET plan?product=`, `GET
//! resource-tree/product/{guid}?targetType=`, `GET <durable id>` (draft),
//! `GET submission/{guid}` and `GET submission/{guid}/{id}`. Unknown
//! products and resources are 404 `notFound`, before faults apply.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use crate::faults::fault_route::FaultRoute;
use crate::http::error_response::json_response;
use crate::ingestion::ingestion_call::{IngestionCall, query_value};
use crate::ingestion::paging::page;
use crate::ingestion::product_state::{ProductState, resource_id};
use crate::ingestion::resource_types::id_product_guid;
use crate::ingestion::seed_resources::field;
use crate::ingestion::wire_error::WireError;

/// The base of every route.
pub(crate) const BASE_PATH: &str = "/rp/product-ingestion";

/// A 200 JSON answer, or the error.
fn answer_of(result: Result<Value, WireError>) -> Response {
    match result {
        Ok(document) => json_response(StatusCode::OK, document.to_string()),
        Err(error) => error.into_response(),
    }
}

/// Answers a read after faults: `read` runs on the store (`None`: 404
/// `not_found`), `offer` names the product for faults.
async fn answer_read(
    call: IngestionCall,
    route: FaultRoute,
    offer: Option<String>,
    read: impl FnOnce(&IngestionCall) -> Result<Value, WireError>,
) -> Response {
    call.answer(route, None, offer.as_deref(), |call| answer_of(read(call)))
        .await
}

/// The external id of a product, by guid; `None` when unknown.
fn external_id(call: &IngestionCall, guid: &str) -> Option<String> {
    call.state()
        .read(|inner, _| inner.product(guid).map(|p| p.external_id.clone()))
}

fn product_not_found(id: &str) -> Response {
    WireError::not_found(format!("The product '{id}' was not found.")).into_response()
}

/// `GET product[?externalId=][&type=][&$maxpagesize=]`
pub(crate) async fn products(call: IngestionCall) -> Response {
    let query = call.query().unwrap_or("").to_owned();
    let external_id = query_value(&query, "externalId");
    let product_type = query_value(&query, "type");
    let offer = external_id.clone();
    answer_read(call, FaultRoute::IngestionProduct, offer, move |call| {
        let values = call.state().read(|inner, _| {
            inner
                .products
                .iter()
                .filter(|p| external_id.as_ref().is_none_or(|id| &p.external_id == id))
                .filter_map(ProductState::product_resource)
                .filter(|product| {
                    product_type
                        .as_ref()
                        .is_none_or(|t| product.get("type").and_then(Value::as_str) == Some(t))
                })
                .map(|product| Value::Object(product.clone()))
                .collect::<Vec<Value>>()
        });
        let mut link = format!("{}{BASE_PATH}/product", call.state().base_url());
        let filters = [("externalId", &external_id), ("type", &product_type)];
        for (index, (key, value)) in filters
            .iter()
            .filter_map(|(k, v)| Some((k, v.as_ref()?)))
            .enumerate()
        {
            let separator = if index == 0 { '?' } else { '&' };
            let value =
                percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC);
            link.push_str(&format!("{separator}{key}={value}"));
        }
        page(values, &query, &link)
    })
    .await
}

/// `GET plan?product=product/{guid}[&externalId=]`
pub(crate) async fn plans(call: IngestionCall) -> Response {
    let query = call.query().unwrap_or("").to_owned();
    let Some(product) = query_value(&query, "product") else {
        return WireError::bad_request(
            "The query parameter 'product' (a product durable id) is required.",
        )
        .into_response();
    };
    let guid = product
        .strip_prefix("product/")
        .unwrap_or(&product)
        .to_owned();
    let Some(offer) = external_id(&call, &guid) else {
        return product_not_found(&product);
    };
    let plan_id = query_value(&query, "externalId");
    answer_read(
        call,
        FaultRoute::IngestionProduct,
        Some(offer),
        move |call| {
            let values = call.state().read(|inner, _| {
                inner.product(&guid).map_or_else(Vec::new, |state| {
                    state
                        .plans()
                        .filter(|plan| {
                            plan_id.as_ref().is_none_or(|id| {
                                field(plan, "/identity/externalId").and_then(Value::as_str)
                                    == Some(id)
                            })
                        })
                        .map(|plan| Value::Object(plan.clone()))
                        .collect()
                })
            });
            let link = format!(
                "{}{BASE_PATH}/plan?product=product%2F{guid}",
                call.state().base_url()
            );
            page(values, &query, &link)
        },
    )
    .await
}

/// `GET resource-tree/product/{guid}?targetType=draft|preview|live`
pub(crate) async fn resource_tree(call: IngestionCall, guid: &str) -> Response {
    let target = query_value(call.query().unwrap_or(""), "targetType")
        .unwrap_or_else(|| String::from("draft"));
    if !["draft", "preview", "live"].contains(&target.as_str()) {
        return WireError::bad_request(format!(
            "The targetType '{target}' is not one of draft, preview, live."
        ))
        .into_response();
    }
    let Some(offer) = external_id(&call, guid) else {
        return product_not_found(&format!("product/{guid}"));
    };
    let tree = call
        .state()
        .read(|inner, _| inner.product(guid).and_then(|p| p.tree(&target)));
    if tree.is_none() {
        return WireError::not_found(format!(
            "The product 'product/{guid}' has nothing in {target} yet."
        ))
        .into_response();
    }
    answer_read(call, FaultRoute::IngestionTree, Some(offer), |call| {
        call.state()
            .read(|inner, _| inner.product(guid).and_then(|p| p.tree(&target)))
            .ok_or_else(|| WireError::not_found("The tree is gone."))
    })
    .await
}

/// `GET <durable id>`: one resource of a draft.
pub(crate) async fn resource(call: IngestionCall, id: String) -> Response {
    let guid = id_product_guid(&id).unwrap_or("").to_owned();
    let find = move |call: &IngestionCall| {
        call.state().read(|inner, _| {
            inner
                .product(&guid)?
                .draft
                .iter()
                .find(|resource| resource_id(resource) == Some(&id))
                .map(|resource| Value::Object(resource.clone()))
        })
    };
    let Some(found) = find(&call) else {
        return WireError::not_found("The resource was not found.").into_response();
    };
    let offer = id_product_guid(found["id"].as_str().unwrap_or(""))
        .and_then(|guid| external_id(&call, guid));
    answer_read(call, FaultRoute::IngestionResource, offer, |call| {
        find(call).ok_or_else(|| WireError::not_found("The resource was not found."))
    })
    .await
}

/// `GET submission/{guid}[?targetType=]` and `GET submission/{guid}/{id}`.
pub(crate) async fn submissions(call: IngestionCall, guid: &str, id: Option<&str>) -> Response {
    let Some(offer) = external_id(&call, guid) else {
        return product_not_found(&format!("product/{guid}"));
    };
    let target = query_value(call.query().unwrap_or(""), "targetType");
    let list = |call: &IngestionCall| {
        call.state().read(|inner, _| {
            inner
                .product(guid)
                .map_or_else(Vec::new, ProductState::submissions)
        })
    };
    if let Some(id) = id {
        let wanted = format!("submission/{guid}/{id}");
        if !list(&call).iter().any(|s| s["id"] == wanted.as_str()) {
            return WireError::not_found(format!("The submission '{wanted}' was not found."))
                .into_response();
        }
        return answer_read(call, FaultRoute::IngestionSubmission, Some(offer), |call| {
            list(call)
                .into_iter()
                .find(|s| s["id"] == wanted.as_str())
                .ok_or_else(|| WireError::not_found("The submission was not found."))
        })
        .await;
    }
    answer_read(call, FaultRoute::IngestionSubmission, Some(offer), |call| {
        let value: Vec<Value> = list(call)
            .into_iter()
            .filter(|s| {
                target.as_ref().is_none_or(|t| {
                    s.pointer("/target/targetType").and_then(Value::as_str) == Some(t)
                })
            })
            .collect();
        Ok(serde_json::json!({"value": value}))
    })
    .await
}
