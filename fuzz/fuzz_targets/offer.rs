//! Any bytes: the offer parser never panics, a parsed offer round-trips losslessly, and
//! the image helpers never panic on it, whatever plan and version they are given.
#![no_main]

use cloudpartner::VmImageVersion;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cloudpartner::parse_offers(data);
    let Ok(mut offer) = cloudpartner::parse_offer(data) else {
        return;
    };
    let json = offer.to_json();
    let again = cloudpartner::parse_offer(json.as_bytes()).expect("to_json parses");
    assert_eq!(again.to_json(), json, "lossless round trip");
    let _ = format!("{offer:?}");
    let plans: Vec<String> = offer.plan_ids().into_iter().map(str::to_owned).collect();
    let first_version = plans
        .iter()
        .filter_map(|p| offer.vm_image_versions(p).ok())
        .flatten()
        .map(|v| v.version)
        .next()
        .unwrap_or_else(|| "1.0.0".to_owned());
    for plan in plans.iter().map(String::as_str).chain(["no-such-plan"]) {
        let _ = offer.vm_image_versions(plan);
        let image = VmImageVersion::new("9.9.9", "https://a.blob.core.windows.net/v/os.vhd?sig=x");
        let _ = offer.set_vm_image_version(plan, &image);
        let _ = offer.deprecate_vm_image_version(plan, &first_version);
        let _ = offer.remove_vm_image_version(plan, &first_version, false);
        let _ = offer.remove_vm_image_version(plan, "9.9.9", true);
    }
    let edited = offer.to_json();
    cloudpartner::parse_offer(edited.as_bytes()).expect("an edited offer still parses");
});
