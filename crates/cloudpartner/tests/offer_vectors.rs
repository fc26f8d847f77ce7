//! Runs every offer vector in `fixtures/offer/` (DESIGN §7). A new vector needs no code.
//!
//! `NAME.expected.json` holds `{"list": bool, "offers": [{id, publisherId, offerTypeId,
//! status, version, changedTime, displayText, planIds, imageVersions: {plan: [version]},
//! images: {plan: [image]}}]}` (`list`: the document is an array, read with
//! `parse_offers`), and `"byteForByte": true` when `to_json` must give back the file's
//! very bytes (the file being written in compact form). Every vector checks the lossless
//! round trip: `to_json(parse(doc))` is the document as serde_json (with key order)
//! writes it. `invalid/` vectors fail `parse_offer` with `{"kind", "line", "column"}`.

mod vector_files;

use cloudpartner::{
    ErrorKind, Offer, VmImageVersion, format_timestamp, parse_offer, parse_offers, redact_sas,
};
use serde_json::{Map, Value, json};
use vector_files::{as_json, error_summary, expected, fixtures, has_expected, inputs};

fn image_json(image: &VmImageVersion) -> Value {
    json!({
        "version": image.version,
        "osVhdUrl": image.os_vhd_url,
        "label": image.label,
        "mediaName": image.media_name,
        "description": image.description,
        "publishedDate": image.published_date,
        "showInGui": image.show_in_gui,
        "dataDisks": image.data_disks.iter().map(|d| json!({"lun": d.lun, "vhdUrl": d.vhd_url})).collect::<Vec<_>>(),
    })
}

fn summary(offer: &Offer) -> Value {
    let plan_ids = offer.plan_ids();
    let mut versions = Map::new();
    let mut images = Map::new();
    for id in &plan_ids {
        let list = offer.vm_image_versions(id).unwrap();
        versions.insert(
            (*id).to_owned(),
            list.iter().map(|i| i.version.clone()).collect(),
        );
        if !list.is_empty() {
            images.insert((*id).to_owned(), list.iter().map(image_json).collect());
        }
    }
    json!({
        "id": offer.id(),
        "publisherId": offer.publisher_id(),
        "offerTypeId": offer.offer_type_id(),
        "status": offer.status(),
        "version": offer.version(),
        "changedTime": offer.changed_time().map(|t| format_timestamp(&t)),
        "displayText": offer.display_text(),
        "planIds": plan_ids,
        "imageVersions": versions,
        "images": images,
    })
}

/// Nothing in Debug output is left for `redact_sas` to hide.
fn assert_debug_redacted(name: &str, offer: &Offer) {
    let mut shown = format!("{offer:?}");
    for id in offer.plan_ids() {
        shown += &format!("{:?}", offer.vm_image_versions(id).unwrap());
    }
    assert_eq!(
        redact_sas(&shown),
        shown,
        "{name}: Debug shows a SAS signature"
    );
}

#[test]
fn valid_vectors() {
    let files = inputs(&fixtures("offer"));
    assert!(
        files.len() >= 10,
        "expected at least 10 valid offer vectors"
    );
    for input in files {
        let name = input.display().to_string();
        let bytes = std::fs::read(&input).unwrap();
        let document = as_json(&bytes);
        let guess_list = document.is_array();
        let list = if has_expected(&input) {
            expected(&input, || unreachable!())["list"] == json!(true)
        } else {
            guess_list
        };
        let (offers, items): (Vec<Offer>, Vec<Value>) = if list {
            let offers = parse_offers(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            (offers, document.as_array().unwrap().clone())
        } else {
            let offer = parse_offer(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            (vec![offer], vec![document.clone()])
        };
        assert_eq!(offers.len(), items.len(), "{name}");
        let actual =
            json!({"list": list, "offers": offers.iter().map(summary).collect::<Vec<_>>()});
        let mut want = expected(&input, || actual.clone());
        let byte_for_byte = want
            .as_object_mut()
            .unwrap()
            .remove("byteForByte")
            .is_some_and(|b| b == json!(true));
        assert_eq!(actual, want, "{name}\n got {actual:#}\nwant {want:#}");

        for (offer, item) in offers.iter().zip(&items) {
            let lossless = serde_json::to_string(item).unwrap();
            assert_eq!(
                offer.to_json(),
                lossless,
                "{name}: to_json is lossless, key order included"
            );
            assert_eq!(&offer.to_value(), item, "{name}");
            let again = parse_offer(offer.to_json().as_bytes()).unwrap();
            assert_eq!(&again, offer, "{name}: parse(to_json(x)) == x");
            assert_eq!(again.to_json(), offer.to_json(), "{name}: stable");
            let pretty = parse_offer(offer.to_json_pretty().as_bytes()).unwrap();
            assert_eq!(
                pretty.to_json(),
                lossless,
                "{name}: to_json_pretty is lossless"
            );
            assert_debug_redacted(&name, offer);
        }
        if byte_for_byte {
            assert!(!list, "{name}: byteForByte is for single offers");
            let text = std::str::from_utf8(&bytes).unwrap();
            assert_eq!(
                offers[0].to_json(),
                text.trim_end_matches('\n'),
                "{name}: byte for byte"
            );
        }
    }
}

#[test]
fn invalid_vectors() {
    let files = inputs(&fixtures("offer").join("invalid"));
    assert!(
        files.len() >= 6,
        "expected at least 6 invalid offer vectors"
    );
    for input in files {
        let name = input.display().to_string();
        let bytes = std::fs::read(&input).unwrap();
        let err = match parse_offer(&bytes) {
            Ok(o) => panic!("{name}: parsed, but should fail: {o:?}"),
            Err(e) => e,
        };
        let actual = error_summary(&err);
        assert_eq!(err.kind(), ErrorKind::Parse, "{name}");
        assert_eq!(actual, expected(&input, || actual.clone()), "{name}: {err}");
        assert!(!err.message().is_empty());
    }
}

#[test]
fn the_missing_quote_is_found_on_its_line() {
    let broken = std::fs::read(fixtures("offer").join("invalid/missing-quote.json")).unwrap();
    let err = parse_offer(&broken).unwrap_err();
    let line = String::from_utf8_lossy(&broken)
        .lines()
        .position(|l| l.contains("osType: "))
        .unwrap()
        + 1;
    assert_eq!(err.line(), Some(line), "{err}");
    assert!(err.message().contains(&format!("line {line}")), "{err}");
}

#[test]
fn adding_an_image_to_the_reference_offer_changes_only_that_image() {
    let bytes = std::fs::read(fixtures("offer").join("reference-vm-offer.json")).unwrap();
    let mut offer = parse_offer(&bytes).unwrap();
    let mut image = VmImageVersion::new(
        "1.2.0",
        "https://contosoimages.blob.core.windows.net/vhds/ubuntu-22-04-1.2.0.vhd?sv=2018-03-28&sr=c&sig=FAKEnewSig%3D&sp=rl",
    );
    image.label = "1.2.0".into();
    image.published_date = "04/01/2024".into();
    offer.set_vm_image_version("ubuntu-22-04", &image).unwrap();
    offer
        .deprecate_vm_image_version("ubuntu-22-04", "1.0.0")
        .unwrap();

    let mut edited = offer.to_value();
    let mut original = as_json(&bytes);
    let images = |v: &mut Value| -> Map<String, Value> {
        v["definition"]["plans"][0]
            .as_object_mut()
            .unwrap()
            .insert(
                "microsoft-azure-virtualmachines.vmImages".into(),
                Value::Null,
            )
            .unwrap()
            .as_object()
            .unwrap()
            .clone()
    };
    let (new_images, old_images) = (images(&mut edited), images(&mut original));
    assert_eq!(edited, original, "nothing but the images changed");
    assert_eq!(
        serde_json::to_string(&edited).unwrap(),
        serde_json::to_string(&original).unwrap(),
        "key order too"
    );
    assert_eq!(
        new_images.keys().collect::<Vec<_>>(),
        ["1.0.0", "1.1.0", "1.2.0"]
    );
    assert_eq!(new_images["1.1.0"], old_images["1.1.0"]);
    assert_eq!(new_images["1.0.0"]["showInGui"], json!(false));
    assert_eq!(
        new_images["1.0.0"]["osVhdUrl"],
        old_images["1.0.0"]["osVhdUrl"]
    );
    assert_eq!(
        new_images["1.2.0"],
        json!({"osVhdUrl": image.os_vhd_url, "label": "1.2.0", "publishedDate": "04/01/2024",
               "showInGui": true, "lunVhdDetails": []})
    );
    assert!(!format!("{offer:?}{image:?}").contains("FAKEnewSig"));
}
