//! The body of `POST configure`: `{"$schema"?, "resources": [{…}, …]}`;
//! anything else is a 400 `badRequest` (the request itself is invalid).

use serde_json::Value;

use crate::ingestion::seed_resources::Resource;
use crate::ingestion::wire_error::WireError;

/// The resources of a configure body, or the 400 when it is malformed.
pub(crate) fn request_resources(body: &[u8]) -> Result<Vec<Resource>, WireError> {
    let document: Value = serde_json::from_slice(body).map_err(|error| {
        WireError::bad_request(format!("The request body is not valid JSON: {error}."))
    })?;
    let Some(resources) = document.get("resources").and_then(Value::as_array) else {
        return Err(WireError::bad_request(
            "The request body must be an object with 'resources', a list of resources.",
        ));
    };
    resources
        .iter()
        .enumerate()
        .map(|(index, resource)| match resource {
            Value::Object(resource) => Ok(resource.clone()),
            _ => Err(WireError::bad_request(format!(
                "resources[{index}] must be a JSON object."
            ))),
        })
        .collect()
}
