//! The offer documents of the default scenario: a small VM offer document
//! for each of `contoso`'s status offers, and the release offers: realistic
//! VM offers with two plans (one with a Gen2 disk generation) and image
//! versions, never published, for whole releases against the emulator —
//! `vm-release` and `rejected-release` of type
//! `microsoft-azure-virtualmachines`, `corevm-release` of type
//! `microsoft-azure-corevm` (its images under
//! `microsoft-azure-corevm.vmImagesPublicAzure`, where distributions' offers
//! and SUSE's azure-img-utils 1.x keep them).

use serde_json::{Value, json};

use crate::cpp::offer_document::Document;

/// The id of the default scenario's release offer.
pub(crate) const VM_RELEASE: &str = "vm-release";

/// The id of the default scenario's release offer whose certification is rejected.
pub(crate) const REJECTED_RELEASE: &str = "rejected-release";

/// The id of the default scenario's release offer of type `microsoft-azure-corevm`.
pub(crate) const COREVM_RELEASE: &str = "corevm-release";

/// The key of a VM plan's images.
const VM_IMAGES: &str = "microsoft-azure-virtualmachines.vmImages";

/// The offer type of virtual machine offers.
const VM_OFFER_TYPE: &str = "microsoft-azure-virtualmachines";

/// The offer type of the core virtual machine offers distributions publish.
const COREVM_OFFER_TYPE: &str = "microsoft-azure-corevm";

/// The key of a core VM plan's images.
const COREVM_IMAGES: &str = "microsoft-azure-corevm.vmImagesPublicAzure";

/// One of the default scenario's release offers: its id, title and type.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ReleaseOffer {
    /// The offer id.
    pub id: &'static str,
    /// The offer's `displayText` and marketplace title.
    pub title: &'static str,
    /// Whether it is of type `microsoft-azure-corevm` (else
    /// `microsoft-azure-virtualmachines`).
    pub corevm: bool,
}

/// The release offers of the default scenario.
pub(crate) const RELEASE_OFFERS: [ReleaseOffer; 3] = [
    ReleaseOffer {
        id: VM_RELEASE,
        title: "Contoso Release VM",
        corevm: false,
    },
    ReleaseOffer {
        id: REJECTED_RELEASE,
        title: "Contoso Rejected Release VM",
        corevm: false,
    },
    ReleaseOffer {
        id: COREVM_RELEASE,
        title: "Contoso Core VM",
        corevm: true,
    },
];

/// An object value as a document (every caller passes an object).
fn document(value: Value) -> Document {
    match value {
        Value::Object(document) => document,
        _ => Document::new(),
    }
}

/// A SAS URL to a VHD in Contoso's storage account, with a (made-up) `sig`.
fn sas_url(blob: &str) -> String {
    format!(
        "https://contosoimages.blob.core.windows.net/vhds/{blob}?sv=2021-08-06&sr=b&sp=rl&st=2026-11-01T00%3A00%3A00Z&se=2027-11-01T00%3A00%3A00Z&sig=Xq3mQ9vB7wJk2LzT8yRf4uN1cHd6pGsA0eVbKo5iUjM%3D"
    )
}

/// One image version of a plan.
fn image(version: &str, published_date: &str, description: &str, data_disks: &[&str]) -> Value {
    let lun_vhd_details: Vec<Value> = data_disks
        .iter()
        .enumerate()
        .map(|(lun, blob)| json!({"lun": lun, "lunVhdUrl": sas_url(blob)}))
        .collect();
    json!({
        "osVhdUrl": sas_url(&format!("contoso-release-{version}-os.vhd")),
        "label": format!("Contoso Release VM {version}"),
        "mediaName": format!("contoso-release-{}", version.replace('.', "-")),
        "description": description,
        "publishedDate": published_date,
        "showInGui": true,
        "lunVhdDetails": lun_vhd_details,
    })
}

/// A release offer: a VM offer with plans `standard` (images 1.0.0 and
/// 1.1.0, and the disk generation `standard-gen2` with 1.1.0) and `byol`
/// (1.1.0), never published; the plans' fields named after the offer type.
pub(crate) fn release_document(offer: ReleaseOffer) -> Document {
    let (offer_type, images_key) = if offer.corevm {
        (COREVM_OFFER_TYPE, COREVM_IMAGES)
    } else {
        (VM_OFFER_TYPE, VM_IMAGES)
    };
    let field = |name: &str| format!("{offer_type}.{name}");
    let standard_images = json!({
        "1.0.0": image("1.0.0", "11/02/2026", "Ubuntu 22.04 LTS with the Contoso agent 1.0.", &[]),
        "1.1.0": image("1.1.0", "11/20/2026", "Ubuntu 22.04 LTS with the Contoso agent 1.1 and a data disk.",
            &["contoso-release-1.1.0-data0.vhd"]),
    });
    let gen2_images = json!({
        "1.1.0": image("1.1.0", "11/20/2026", "Ubuntu 22.04 LTS (Gen2) with the Contoso agent 1.1.", &[]),
    });
    let byol_images = json!({
        "1.1.0": image("1.1.0", "11/20/2026", "Ubuntu 22.04 LTS with the Contoso agent 1.1, bring your own license.", &[]),
    });
    document(json!({
        "offerTypeId": offer_type,
        "publisherId": "contoso",
        "status": "neverPublished",
        "id": offer.id,
        "version": 1,
        "definition": {
            "displayText": offer.title,
            "offer": {
                "microsoft-azure-marketplace-testdrive.enabled": false,
                "microsoft-azure-marketplace.title": offer.title,
                "microsoft-azure-marketplace.summary": "A hardened Ubuntu server with the Contoso agent.",
                "microsoft-azure-marketplace.longSummary": "Contoso Release VM is an Ubuntu 22.04 LTS server, hardened and preconfigured with the Contoso monitoring agent.",
                "microsoft-azure-marketplace.description": "<p>Contoso Release VM is an <b>Ubuntu 22.04 LTS</b> server, hardened to the CIS benchmark and preconfigured with the Contoso monitoring agent.</p>",
                "microsoft-azure-marketplace.offerMarketingUrlIdentifier": "contoso-release-vm",
                "microsoft-azure-marketplace.allowedSubscriptions": [],
                "microsoft-azure-marketplace.usefulLinks": [
                    {"linkTitle": "Documentation", "linkUrl": "https://docs.contoso.com/release-vm"}
                ],
                "microsoft-azure-marketplace.categoryMap": [
                    {"categoryL1": "compute", "categoryL2-compute": ["operating-systems"]}
                ],
                "microsoft-azure-marketplace.smallLogo": "https://contosoimages.blob.core.windows.net/logos/release-vm-48.png",
                "microsoft-azure-marketplace.mediumLogo": "https://contosoimages.blob.core.windows.net/logos/release-vm-90.png",
                "microsoft-azure-marketplace.largeLogo": "https://contosoimages.blob.core.windows.net/logos/release-vm-216.png",
                "microsoft-azure-marketplace.screenshots": [],
                "microsoft-azure-marketplace.videos": [],
                "microsoft-azure-marketplace.leadDestination": "None",
                "microsoft-azure-marketplace.privacyURL": "https://www.contoso.com/privacy",
                "microsoft-azure-marketplace.useEnterpriseContract": false,
                "microsoft-azure-marketplace.termsOfUse": "<p>Use of this image is subject to the Contoso license terms.</p>",
                "microsoft-azure-marketplace.engineeringContactName": "Jane Doe",
                "microsoft-azure-marketplace.engineeringContactEmail": "jdoe@contoso.com",
                "microsoft-azure-marketplace.engineeringContactPhone": "+1 425 555 0100",
                "microsoft-azure-marketplace.supportContactName": "Contoso Support",
                "microsoft-azure-marketplace.supportContactEmail": "support@contoso.com",
                "microsoft-azure-marketplace.supportContactPhone": "+1 425 555 0199",
                "microsoft-azure-marketplace.publicAzureSupportUrl": "https://support.contoso.com",
                "microsoft-azure-marketplace.fairfaxSupportUrl": ""
            },
            "plans": [
                {
                    "planId": "standard",
                    (field("skuTitle")): format!("{} Standard", offer.title),
                    (field("skuSummary")): "The hardened server with the Contoso agent.",
                    (field("skuDescription")): "Ubuntu 22.04 LTS, CIS hardened, with the Contoso monitoring agent.",
                    (field("hideSKUForSolutionTemplate")): false,
                    (field("cloudAvailability")): ["PublicAzure"],
                    (field("certificationsFairfax")): [],
                    (field("operatingSystemFamily")): "Linux",
                    (field("osType")): "Ubuntu",
                    (field("operationSystem")): "Ubuntu 22.04 LTS",
                    (field("recommendedVMSizes")): ["d2s-standard-v3", "d4s-standard-v3", "e2s-standard-v3"],
                    (field("openPorts")): [],
                    (images_key): standard_images,
                    "regions": ["US", "CA", "GB", "DE", "FR"],
                    "diskGenerations": [
                        {
                            "planId": "standard-gen2",
                            (images_key): gen2_images
                        }
                    ]
                },
                {
                    "planId": "byol",
                    (field("skuTitle")): format!("{} (BYOL)", offer.title),
                    (field("skuSummary")): "Bring your own Contoso license.",
                    (field("skuDescription")): "Ubuntu 22.04 LTS, CIS hardened, with the Contoso agent; license it with your Contoso subscription.",
                    (field("hideSKUForSolutionTemplate")): false,
                    (field("cloudAvailability")): ["PublicAzure"],
                    (field("certificationsFairfax")): [],
                    (field("operatingSystemFamily")): "Linux",
                    (field("osType")): "Ubuntu",
                    (field("operationSystem")): "Ubuntu 22.04 LTS",
                    (field("recommendedVMSizes")): ["d2s-standard-v3"],
                    (field("openPorts")): [],
                    (images_key): byol_images,
                    "regions": ["US", "CA"],
                    "diskGenerations": []
                }
            ]
        },
        "changedTime": "2026-11-20T16:05:12.4818395Z"
    }))
}

/// A small VM offer document for one of the default scenario's status
/// offers: one plan `standard` with image version `1.0.0`, no disk
/// generation.
pub(crate) fn small_vm_offer_document(offer: &str, display_text: &str, status: &str) -> Document {
    document(json!({
        "offerTypeId": "microsoft-azure-virtualmachines",
        "publisherId": "contoso",
        "status": status,
        "id": offer,
        "version": 1,
        "definition": {
            "displayText": display_text,
            "offer": {
                "microsoft-azure-marketplace.title": display_text,
                "microsoft-azure-marketplace.summary": format!("{display_text}, a Contoso virtual machine.")
            },
            "plans": [
                {
                    "planId": "standard",
                    "microsoft-azure-virtualmachines.skuTitle": format!("{display_text} Standard"),
                    "microsoft-azure-virtualmachines.operatingSystemFamily": "Linux",
                    VM_IMAGES: {
                        "1.0.0": {
                            "osVhdUrl": sas_url(&format!("{offer}-1.0.0-os.vhd")),
                            "label": "1.0.0",
                            "mediaName": format!("{offer}-1-0-0"),
                            "description": format!("{display_text} 1.0.0"),
                            "publishedDate": "03/01/2018",
                            "showInGui": true,
                            "lunVhdDetails": []
                        }
                    },
                    "diskGenerations": []
                }
            ]
        },
        "changedTime": "2018-03-01T09:00:00.0000000Z"
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpp::publish_validation::validate_for_publish;

    #[test]
    fn the_documents_can_be_published() {
        assert_eq!(
            validate_for_publish(&release_document(RELEASE_OFFERS[0])),
            Ok(())
        );
        assert_eq!(
            validate_for_publish(&small_vm_offer_document("o", "O", "published")),
            Ok(())
        );
    }

    #[test]
    fn every_release_offer_can_be_published_and_keeps_its_images_under_its_type() {
        for offer in RELEASE_OFFERS {
            let document = release_document(offer);
            assert_eq!(validate_for_publish(&document), Ok(()), "{}", offer.id);
            let document = Value::Object(document);
            assert_eq!(document["id"], offer.id);
            let plans = document["definition"]["plans"].as_array().unwrap();
            let key = if offer.corevm {
                COREVM_IMAGES
            } else {
                VM_IMAGES
            };
            let other = if offer.corevm {
                VM_IMAGES
            } else {
                COREVM_IMAGES
            };
            for plan in plans {
                assert!(plan[key].is_object(), "{}: {plan}", offer.id);
                assert!(plan.get(other).is_none(), "{}: {plan}", offer.id);
            }
            assert!(plans[0]["diskGenerations"][0][key].is_object());
        }
        let corevm = Value::Object(release_document(RELEASE_OFFERS[2]));
        assert_eq!(corevm["offerTypeId"], COREVM_OFFER_TYPE);
        assert_eq!(
            corevm["definition"]["plans"][0]["microsoft-azure-corevm.skuTitle"],
            "Contoso Core VM Standard"
        );
    }

    #[test]
    fn vm_release_has_its_plans_and_versions() {
        let document = Value::Object(release_document(RELEASE_OFFERS[0]));
        let plans = document["definition"]["plans"].as_array().unwrap();
        let ids: Vec<&str> = plans
            .iter()
            .map(|plan| plan["planId"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["standard", "byol"]);
        let versions: Vec<&String> = plans[0][VM_IMAGES].as_object().unwrap().keys().collect();
        assert_eq!(versions, ["1.0.0", "1.1.0"]);
        assert_eq!(plans[0]["diskGenerations"][0]["planId"], "standard-gen2");
        assert_eq!(plans[1]["diskGenerations"], json!([]));
        let image = &plans[0][VM_IMAGES]["1.1.0"];
        assert!(image["osVhdUrl"].as_str().unwrap().contains("&sig="));
        assert_eq!(image["lunVhdDetails"][0]["lun"], 0);
        // Keys keep document order.
        let keys: Vec<&String> = document.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "offerTypeId",
                "publisherId",
                "status",
                "id",
                "version",
                "definition",
                "changedTime"
            ]
        );
    }
}
