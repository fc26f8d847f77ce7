//! The service's checks on a VM technical configuration sent through
//! configure: SKUs and image types, `N.N.N` versions, image types among the
//! plan's SKUs, https image URIs, data disk LUNs, at most 100 versions, and
//! the full-state rule (a published version cannot be left out or deleted;
//! a deprecation dropped is a restore, refused for a version deprecated
//! before it went live).

use serde_json::Value;

use crate::ingestion::scenario_part::is_version_number;
use crate::ingestion::seed_resources::Resource;
use crate::ingestion::wire_error::job_error;

/// The most versions a technical configuration holds.
const MAX_VERSIONS: usize = 100;

/// The image types the service knows.
const IMAGE_TYPES: [&str; 3] = ["x64Gen1", "x64Gen2", "arm64Gen2"];

/// What a technical configuration is checked against: the same resource in
/// the draft (before this request), in preview and in live.
pub(crate) struct PublishedConfigurations<'a> {
    pub draft: Option<&'a Resource>,
    pub preview: Option<&'a Resource>,
    pub live: Option<&'a Resource>,
}

/// The errors of a technical configuration `resource` with durable id `id`;
/// empty when the service accepts it.
pub(crate) fn tech_config_errors(
    id: &str,
    resource: &Resource,
    known: &PublishedConfigurations<'_>,
) -> Vec<Value> {
    let mut errors = Vec::new();
    let mut fail =
        |code: &str, message: String| errors.push(job_error(code, message, Some(id), Vec::new()));
    let skus = resource.get("skus").and_then(Value::as_array);
    let Some(skus) = skus.filter(|skus| !skus.is_empty()) else {
        fail(
            "schemaValidationError",
            String::from(
                "The technical configuration needs 'skus', a non-empty list of {imageType, skuId}.",
            ),
        );
        return errors;
    };
    let mut sku_types = Vec::new();
    for sku in skus {
        let image_type = sku.get("imageType").and_then(Value::as_str).unwrap_or("");
        if !IMAGE_TYPES.contains(&image_type) {
            fail(
                "schemaValidationError",
                format!(
                    "The SKU image type '{image_type}' is not one of x64Gen1, x64Gen2, arm64Gen2."
                ),
            );
        }
        sku_types.push(image_type);
    }
    let versions: &[Value] = resource
        .get("vmImageVersions")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    if versions.len() > MAX_VERSIONS {
        fail(
            "collectionLimitExceeded",
            format!(
                "A plan holds at most {MAX_VERSIONS} image versions; this one lists {}.",
                versions.len()
            ),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for version in versions {
        let number = version
            .get("versionNumber")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !is_version_number(number) {
            fail(
                "schemaValidationError",
                format!(
                    "The versionNumber '{number}' does not match ^[0-9]+\\.[0-9]+\\.[0-9]+$ (at most 32 characters)."
                ),
            );
        }
        if seen.contains(&number) {
            fail(
                "schemaValidationError",
                format!("The version '{number}' is listed twice."),
            );
        }
        seen.push(number);
        let state = lifecycle_state(version);
        if !["generallyAvailable", "deprecated", "deleted"].contains(&state) {
            fail(
                "schemaValidationError",
                format!(
                    "The lifecycleState '{state}' of version '{number}' is not one of generallyAvailable, deprecated, deleted."
                ),
            );
        }
        image_errors(number, version, &sku_types, &mut fail);
    }
    full_state_errors(versions, known, &mut fail);
    errors
}

/// The errors of a version's images.
fn image_errors(
    number: &str,
    version: &Value,
    sku_types: &[&str],
    fail: &mut impl FnMut(&str, String),
) {
    let images: &[Value] = version
        .get("vmImages")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    if images.is_empty() {
        fail(
            "schemaValidationError",
            format!("The version '{number}' needs 'vmImages', a non-empty list."),
        );
    }
    for image in images {
        let image_type = image.get("imageType").and_then(Value::as_str).unwrap_or("");
        if !sku_types.contains(&image_type) {
            fail(
                "businessValidationError",
                format!(
                    "The image type '{image_type}' of version '{number}' is not among the plan's SKUs ({}).",
                    sku_types.join(", ")
                ),
            );
        }
        let source = image.get("source").unwrap_or(&Value::Null);
        match source.get("sourceType").and_then(Value::as_str) {
            Some("sasUri") => {
                let uri = source.pointer("/osDisk/uri").and_then(Value::as_str);
                if !uri.is_some_and(is_https) {
                    fail(
                        "businessValidationError",
                        format!(
                            "The osDisk uri of version '{number}' ({image_type}) must be an https URL."
                        ),
                    );
                }
                let disks: &[Value] = source
                    .get("dataDisks")
                    .and_then(Value::as_array)
                    .map_or(&[], Vec::as_slice);
                let mut luns = Vec::new();
                for disk in disks {
                    let lun = disk.get("lunNumber").and_then(Value::as_u64);
                    match lun {
                        Some(lun) if lun <= 15 && !luns.contains(&lun) => luns.push(lun),
                        _ => fail(
                            "schemaValidationError",
                            format!(
                                "The data disks of version '{number}' need distinct lunNumbers from 0 to 15."
                            ),
                        ),
                    }
                    if !disk
                        .get("uri")
                        .and_then(Value::as_str)
                        .is_some_and(is_https)
                    {
                        fail(
                            "businessValidationError",
                            format!(
                                "The data disk uri of version '{number}' ({image_type}) must be an https URL."
                            ),
                        );
                    }
                }
            }
            Some("sharedImageGallery") => {
                if source
                    .pointer("/sharedImage/resourceId")
                    .and_then(Value::as_str)
                    .is_none()
                {
                    fail(
                        "schemaValidationError",
                        format!(
                            "The shared image of version '{number}' needs sharedImage.resourceId."
                        ),
                    );
                }
            }
            other => fail(
                "schemaValidationError",
                format!(
                    "The sourceType '{}' of version '{number}' is not one of sasUri, sharedImageGallery.",
                    other.unwrap_or("")
                ),
            ),
        }
    }
}

/// The full-state rule: every published version listed and not deleted; a
/// deprecation dropped only for a version that went live.
fn full_state_errors(
    versions: &[Value],
    known: &PublishedConfigurations<'_>,
    fail: &mut impl FnMut(&str, String),
) {
    let find = |list: &[Value], number: &str| -> Option<Value> {
        list.iter()
            .find(|version| version.get("versionNumber").and_then(Value::as_str) == Some(number))
            .cloned()
    };
    let preview = version_list(known.preview);
    let live = version_list(known.live);
    let mut published: Vec<&str> = Vec::new();
    for version in preview.iter().chain(live) {
        if let Some(number) = version.get("versionNumber").and_then(Value::as_str) {
            if !published.contains(&number) {
                published.push(number);
            }
        }
    }
    for number in published {
        match find(versions, number) {
            None => fail(
                "businessValidationError",
                format!(
                    "The image version '{number}' was published and cannot be deleted: send every published version, deprecated ones included (the list is full-state)."
                ),
            ),
            Some(version) if lifecycle_state(&version) == "deleted" => fail(
                "businessValidationError",
                format!(
                    "The image version '{number}' was published and cannot be deleted; deprecate it instead."
                ),
            ),
            Some(version) => {
                let draft_state = find(version_list(known.draft), number);
                let was_deprecated =
                    draft_state.is_some_and(|draft| lifecycle_state(&draft) == "deprecated");
                let is_live = find(live, number).is_some();
                if was_deprecated && lifecycle_state(&version) == "generallyAvailable" && !is_live {
                    fail(
                        "businessValidationError",
                        format!(
                            "Image version '{number}' cannot be restored because it was deprecated before it was published to live."
                        ),
                    );
                }
            }
        }
    }
}

/// The `vmImageVersions` of a technical configuration.
fn version_list(resource: Option<&Resource>) -> &[Value] {
    resource
        .and_then(|resource| resource.get("vmImageVersions"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A version's lifecycle state, `generallyAvailable` when absent.
fn lifecycle_state(version: &Value) -> &str {
    version
        .get("lifecycleState")
        .and_then(Value::as_str)
        .unwrap_or("generallyAvailable")
}

/// Whether a URI is https.
fn is_https(uri: &str) -> bool {
    uri.len() > "https://".len()
        && uri
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}
