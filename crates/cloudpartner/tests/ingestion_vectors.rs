//! Runs every Product Ingestion vector in `fixtures/ingestion/` (see its README). A new
//! vector needs no code. Every tree round-trips losslessly, key order included.

mod vector_files;

use cloudpartner::ingestion::{
    ProductStatus, ResourceTree, parse_job, parse_page, parse_resource_tree, parse_submissions,
};
use cloudpartner::{format_timestamp, redact_sas};
use serde_json::{Map, Value, json};
use vector_files::{as_json, error_summary, expected, fixtures, inputs};

fn tree_summary(tree: &ResourceTree) -> Value {
    let mut configs = Map::new();
    for plan in tree.plan_ids() {
        let config = tree.technical_configuration(plan).unwrap();
        let versions: Vec<Value> = config
            .vm_image_versions()
            .iter()
            .map(|v| {
                json!({
                    "versionNumber": v.version_number,
                    "lifecycleState": v.lifecycle_state.as_ref().map(|s| s.as_wire().to_owned()),
                    "deprecationReason": v.deprecation_schedule.as_ref().map(|d| d.reason.clone()),
                    "images": v.images.iter().map(|i| json!({
                        "imageType": i.image_type,
                        "sourceType": i.source_type,
                        "osDiskUri": i.os_disk_uri,
                        "dataDisks": i.data_disks.iter().map(|d| json!([d.lun, d.uri])).collect::<Vec<_>>(),
                        "sharedImageResourceId": i.shared_image_resource_id,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        configs.insert(
            plan.to_owned(),
            json!({"imageTypes": config.image_types(), "versions": versions}),
        );
    }
    json!({
        "kind": "tree",
        "root": tree.root(),
        "target": tree.target().as_wire(),
        "productExternalId": tree.product().map(|p| p.external_id().to_owned()),
        "planIds": tree.plan_ids(),
        "submission": tree.submission().map(|s| s.id().to_owned()),
        "resourceCount": tree.resources().len(),
        "technicalConfigurations": configs,
    })
}

fn summary(kind: &str, bytes: &[u8], name: &str) -> Value {
    let fail = |e: cloudpartner::Error| -> ! { panic!("{name}: {e}") };
    match kind {
        "tree" => {
            let tree = parse_resource_tree(bytes).unwrap_or_else(|e| fail(e));
            let document = as_json(bytes);
            assert_eq!(
                tree.to_json(),
                serde_json::to_string(&document).unwrap(),
                "{name}: lossless"
            );
            for resource in tree.resources() {
                let again = cloudpartner::ingestion::Resource::parse(resource.to_json().as_bytes())
                    .unwrap();
                assert_eq!(&again, resource, "{name}: {} round trip", resource.id());
                let shown = format!("{resource:?}");
                assert_eq!(redact_sas(&shown), shown, "{name}: Debug shows a signature");
            }
            tree_summary(&tree)
        }
        "job" => {
            let job = parse_job(bytes).unwrap_or_else(|e| fail(e));
            json!({
                "kind": "job",
                "id": job.id,
                "status": job.status.as_wire(),
                "result": job.result.as_wire(),
                "done": job.is_done(),
                "succeeded": job.succeeded(),
                "certification": job.is_certification_failure(),
                "start": job.start.map(|t| format_timestamp(&t)),
                "end": job.end.map(|t| format_timestamp(&t)),
                "errorLines": job.errors.iter().flat_map(|e| e.lines()).collect::<Vec<_>>(),
            })
        }
        "submissions" => {
            let list = parse_submissions(bytes).unwrap_or_else(|e| fail(e));
            let count = list.len();
            let status = ProductStatus::from_submissions("contoso-vm", list);
            json!({
                "kind": "submissions",
                "count": count,
                "stage": status.stage.as_wire(),
                "preview": status.preview.map(|s| s.id),
                "live": status.live.map(|s| s.id),
            })
        }
        "page" => {
            let page = parse_page(bytes).unwrap_or_else(|e| fail(e));
            json!({
                "kind": "page",
                "externalIds": page.resources.iter().map(|r| r.external_id()).collect::<Vec<_>>(),
                "nextLink": page.next_link,
            })
        }
        other => panic!("{name}: unknown vector kind {other}"),
    }
}

#[test]
fn valid_vectors() {
    let files = inputs(&fixtures("ingestion"));
    assert!(files.len() >= 15, "expected at least 15 ingestion vectors");
    for input in files {
        let name = input.display().to_string();
        let bytes = std::fs::read(&input).unwrap();
        let want = expected(&input, || {
            unreachable!("every vector has its expected file")
        });
        let kind = want["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no kind"));
        let actual = summary(kind, &bytes, &name);
        assert_eq!(actual, want, "{name}\n got {actual:#}\nwant {want:#}");
    }
}

#[test]
fn invalid_vectors() {
    let files = inputs(&fixtures("ingestion").join("invalid"));
    assert!(files.len() >= 4);
    for input in files {
        let name = input.display().to_string();
        let bytes = std::fs::read(&input).unwrap();
        let mut want = expected(&input, || unreachable!());
        let parser = want
            .as_object_mut()
            .unwrap()
            .remove("parser")
            .unwrap_or_else(|| panic!("{name}: no parser"));
        let err = match parser.as_str().unwrap() {
            "tree" => parse_resource_tree(&bytes).map(drop),
            "job" => parse_job(&bytes).map(drop),
            other => panic!("{name}: unknown parser {other}"),
        }
        .expect_err(&name);
        let mut actual = error_summary(&err);
        if want.get("line").is_none() {
            actual.as_object_mut().unwrap().retain(|k, _| k == "kind");
        }
        assert_eq!(actual, want, "{name}: {err}");
    }
}
