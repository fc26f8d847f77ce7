//! What a publish checks before it starts (422 `InvalidOffer`): every plan
//! of a virtual machine offer, and each of its disk generations, has an
//! image version, and every image URL is https.

use axum::http::StatusCode;
use serde_json::Value;

use crate::cpp::offer_document::Document;
use crate::http::error_response::ApiError;

/// The VM offer types and the key under which their plans hold images.
const VM_OFFER_TYPES: [(&str, &str); 2] = [
    (
        "microsoft-azure-virtualmachines",
        "microsoft-azure-virtualmachines.vmImages",
    ),
    (
        "microsoft-azure-corevm",
        "microsoft-azure-corevm.vmImagesPublicAzure",
    ),
];

/// A 422 `InvalidOffer` error.
fn invalid(message: String) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "InvalidOffer", message)
}

/// Checks a draft before it is published. Offers of other types than VM
/// offers are not checked.
pub(crate) fn validate_for_publish(document: &Document) -> Result<(), ApiError> {
    let offer_type = document.get("offerTypeId").and_then(Value::as_str);
    if !VM_OFFER_TYPES.iter().any(|(id, _)| Some(*id) == offer_type) {
        return Ok(());
    }
    let plans = document
        .get("definition")
        .and_then(|definition| definition.get("plans"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if plans.is_empty() {
        return Err(invalid(String::from(
            "The offer has no plans: a virtual machine offer needs at least one plan with an image version.",
        )));
    }
    for plan in plans {
        check_images(plan)?;
        let generations = plan
            .get("diskGenerations")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for generation in generations {
            check_images(generation)?;
        }
    }
    Ok(())
}

/// Checks the images of a plan or disk generation.
fn check_images(plan: &Value) -> Result<(), ApiError> {
    let plan_id = plan.get("planId").and_then(Value::as_str).unwrap_or("");
    let images = VM_OFFER_TYPES
        .iter()
        .find_map(|(_, key)| plan.get(*key))
        .and_then(Value::as_object);
    let Some(images) = images.filter(|images| !images.is_empty()) else {
        return Err(invalid(format!(
            "Plan '{plan_id}' has no VM image version. Add one before publishing."
        )));
    };
    for (version, image) in images {
        let is_https = |url: Option<&Value>| {
            url.and_then(Value::as_str)
                .and_then(|url| url.get(..8))
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        };
        if !is_https(image.get("osVhdUrl")) {
            return Err(invalid(format!(
                "Plan '{plan_id}', VM image version '{version}': osVhdUrl must be an https URL."
            )));
        }
        let data_disks = image
            .get("lunVhdDetails")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for disk in data_disks {
            if !is_https(disk.get("lunVhdUrl")) {
                let lun = disk.get("lun").map(Value::to_string).unwrap_or_default();
                return Err(invalid(format!(
                    "Plan '{plan_id}', VM image version '{version}', data disk LUN {lun}: lunVhdUrl must be an https URL."
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(value: Value) -> Result<(), String> {
        match value {
            Value::Object(document) => {
                validate_for_publish(&document).map_err(|error| error.message)
            }
            _ => unreachable!(),
        }
    }

    fn offer(plans: Value) -> Value {
        json!({"offerTypeId": "microsoft-azure-virtualmachines", "definition": {"plans": plans}})
    }

    const IMAGE: &str = "microsoft-azure-virtualmachines.vmImages";

    #[test]
    fn complete_offers_pass() {
        let plans = json!([{"planId": "a", IMAGE: {"1.0.0": {"osVhdUrl": "https://x/a.vhd?sig=s",
            "lunVhdDetails": [{"lun": 0, "lunVhdUrl": "HTTPS://x/d.vhd"}]}},
            "diskGenerations": [{"planId": "a-gen2", IMAGE: {"1.0.0": {"osVhdUrl": "https://x/b.vhd"}}}]}]);
        assert_eq!(check(offer(plans)), Ok(()));
        assert_eq!(
            check(json!({"offerTypeId": "microsoft-azure-applications"})),
            Ok(())
        );
        let corevm = json!({"offerTypeId": "microsoft-azure-corevm", "definition": {"plans": [
            {"planId": "c", "microsoft-azure-corevm.vmImagesPublicAzure": {"1.0.0": {"osVhdUrl": "https://x"}}}]}});
        assert_eq!(check(corevm), Ok(()));
    }

    #[test]
    fn problems_name_the_plan() {
        let error = check(offer(json!([{"planId": "a", IMAGE: {}}]))).unwrap_err();
        assert!(
            error.contains("Plan 'a' has no VM image version"),
            "{error}"
        );
        let error = check(offer(
            json!([{"planId": "a", IMAGE: {"1.0.0": {"osVhdUrl": "https://x"}},
            "diskGenerations": [{"planId": "a-gen2"}]}]),
        ))
        .unwrap_err();
        assert!(
            error.contains("Plan 'a-gen2' has no VM image version"),
            "{error}"
        );
        let error = check(offer(
            json!([{"planId": "b", IMAGE: {"2.0.0": {"osVhdUrl": "http://x"}}}]),
        ))
        .unwrap_err();
        assert!(
            error.contains("Plan 'b', VM image version '2.0.0': osVhdUrl"),
            "{error}"
        );
        let error = check(offer(
            json!([{"planId": "b", IMAGE: {"2.0.0": {"osVhdUrl": "https://x",
            "lunVhdDetails": [{"lun": 3, "lunVhdUrl": "ftp://x"}]}}}]),
        ))
        .unwrap_err();
        assert!(error.contains("data disk LUN 3: lunVhdUrl"), "{error}");
        let error = check(offer(json!([]))).unwrap_err();
        assert!(error.contains("no plans"), "{error}");
    }
}
