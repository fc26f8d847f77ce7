//! The image helpers of a technical configuration under the full-state rule: every
//! version and deprecation schedule the service holds is kept unless asked otherwise.

use cloudpartner::ErrorKind;
use cloudpartner::ingestion::{
    DataDisk, LifecycleState, TechnicalConfiguration, VmImage, VmImageVersion, parse_resource_tree,
};
use serde_json::Value;

fn config(name: &str, plan: &str) -> TechnicalConfiguration {
    let path = format!(
        "{}/../../fixtures/ingestion/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_resource_tree(&std::fs::read(path).unwrap())
        .unwrap()
        .technical_configuration(plan)
        .unwrap()
}

fn versions(config: &TechnicalConfiguration) -> Vec<Value> {
    config.resource().definition()["vmImageVersions"]
        .as_array()
        .unwrap()
        .clone()
}

fn both(uri: &str) -> Vec<VmImage> {
    vec![
        VmImage::sas_uri("x64Gen1", uri),
        VmImage::sas_uri("x64Gen2", uri),
    ]
}

#[test]
fn adding_a_version_appends_it_and_keeps_every_other_one_as_it_was() {
    let mut config = config("tree-draft", "standard");
    let before = versions(&config);
    let mut new = VmImageVersion::new(
        "3.0.0",
        both("https://x.blob.core.windows.net/v/3.vhd?sig=s"),
    );
    new.images[0]
        .data_disks
        .push(DataDisk::new(15, "https://x.blob.core.windows.net/v/d.vhd"));
    config.set_vm_image_version(&new).unwrap();
    let after = versions(&config);
    assert_eq!(
        &after[..before.len()],
        &before[..],
        "the others are untouched"
    );
    assert_eq!(after.len(), before.len() + 1);
    let added = &after[before.len()];
    assert_eq!(added["versionNumber"], "3.0.0");
    assert_eq!(added["lifecycleState"], "generallyAvailable");
    assert_eq!(
        added["vmImages"][0]["source"]["dataDisks"][0]["lunNumber"],
        15
    );
    assert_eq!(added["vmImages"][1]["imageType"], "x64Gen2");
}

#[test]
fn replacing_a_version_keeps_its_deprecation_schedule_and_unknown_fields() {
    let mut config = config("tree-draft", "standard");
    let before = versions(&config);
    config
        .set_vm_image_version(&VmImageVersion::new(
            "1.1.0",
            both("https://x.blob.core.windows.net/v/new.vhd"),
        ))
        .unwrap();
    let after = versions(&config);
    assert_eq!(after.len(), before.len());
    assert_eq!(
        after[1]["deprecationSchedule"],
        before[1]["deprecationSchedule"]
    );
    assert_eq!(after[1]["lifecycleState"], "deprecated");
    assert_eq!(
        after[1]["vmImages"][0]["source"]["osDisk"]["uri"],
        "https://x.blob.core.windows.net/v/new.vhd"
    );
    assert_eq!(after[0], before[0]);
    assert_eq!(after[2], before[2], "the gallery version is kept as it is");
}

#[test]
fn deprecate_and_restore_change_only_that_version() {
    let mut config = config("tree-draft", "standard");
    let before = versions(&config);
    config
        .deprecate_vm_image_version("1.0.0", Some("criticalSecurityIssue"), Some("P30D"))
        .unwrap();
    let after = versions(&config);
    assert_eq!(after[0]["lifecycleState"], "deprecated");
    assert_eq!(
        after[0]["deprecationSchedule"]["reason"],
        "criticalSecurityIssue"
    );
    assert_eq!(after[0]["deprecationSchedule"]["dateOffset"], "P30D");
    assert_eq!(
        &after[1..],
        &before[1..],
        "every other version and schedule kept"
    );

    config.restore_vm_image_version("1.1.0").unwrap();
    let restored = config.vm_image_versions();
    assert_eq!(
        restored[1].lifecycle_state,
        Some(LifecycleState::GenerallyAvailable)
    );
    assert!(restored[1].deprecation_schedule.is_none());
    assert_eq!(
        restored[0].lifecycle_state,
        Some(LifecycleState::Deprecated)
    );
    assert_eq!(versions(&config)[2], before[2]);

    let err = config
        .deprecate_vm_image_version("1.0.0", Some("boredom"), None)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    let err = config.restore_vm_image_version("9.9.9").unwrap_err();
    assert!(err.message().contains("1.0.0, 1.1.0, 2.0.0"), "{err}");
}

#[test]
fn removing_a_published_version_or_one_not_known_to_be_unpublished_is_refused() {
    let mut preview = config("tree-preview", "standard");
    let err = preview.remove_vm_image_version("1.0.0").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert!(err.message().contains("full-state"), "{err}");
    // A draft read without a client does not know what was published.
    let mut draft = config("tree-draft", "standard");
    let err = draft.remove_vm_image_version("2.0.0").unwrap_err();
    assert!(err.message().contains("cannot tell"), "{err}");
    assert_eq!(draft.vm_image_versions().len(), 3, "nothing removed");
}

#[test]
fn what_the_service_would_refuse_is_refused_before_anything_is_sent() {
    let mut config = config("tree-draft", "standard");
    let before = versions(&config);
    let cases = [
        (
            VmImageVersion::new("2.0", both("https://x/os.vhd")),
            "N.N.N",
        ),
        (
            VmImageVersion::new("3.0.0", both("http://x/os.vhd?sig=s3cr3t")),
            "https",
        ),
        (
            VmImageVersion::new(
                "3.0.0",
                vec![VmImage::sas_uri("arm64Gen2", "https://x/os.vhd")],
            ),
            "x64Gen1, x64Gen2",
        ),
        (
            VmImageVersion::new(
                "3.0.0",
                vec![VmImage {
                    data_disks: vec![DataDisk::new(16, "https://x/d.vhd")],
                    ..VmImage::sas_uri("x64Gen1", "https://x/os.vhd")
                }],
            ),
            "0..15",
        ),
        (VmImageVersion::new("3.0.0", vec![]), "no image"),
    ];
    for (version, says) in cases {
        let err = config.set_vm_image_version(&version).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
        assert!(err.message().contains(says), "{err} should say {says}");
        assert!(!err.message().contains("s3cr3t"), "{err}");
    }
    assert_eq!(versions(&config), before);
}

#[test]
fn an_unknown_plan_names_the_plans() {
    let path = format!(
        "{}/../../fixtures/ingestion/tree-draft.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let tree = parse_resource_tree(&std::fs::read(path).unwrap()).unwrap();
    let err = tree.technical_configuration("gold").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert!(err.message().contains("standard, arm"), "{err}");
}
