//! `product image list`: the VM image versions of each plan.

use cloudpartner::ingestion::{TechnicalConfiguration, VmImageVersion};
use serde_json::{Value, json};

use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};

/// One row per version and image: plan, version, state, image type, OS disk (`sig=`
/// hidden), data disks.
pub fn render_images(configs: &[TechnicalConfiguration], style: Style) -> Vec<String> {
    let mut table = Table::new(&[
        "PLAN",
        "VERSION",
        "STATE",
        "IMAGE TYPE",
        "OS DISK",
        "DATA DISKS",
    ]);
    for config in configs {
        for version in config.vm_image_versions() {
            let state = version
                .lifecycle_state
                .as_ref()
                .map_or("", |s| s.as_wire())
                .to_owned();
            let tone = match state.as_str() {
                "generallyAvailable" => Tone::Good,
                "deprecated" => Tone::Attention,
                _ => Tone::Muted,
            };
            for (i, image) in version.images.iter().enumerate() {
                let disk = if image.is_sas_uri() {
                    cloudpartner::redact_sas(&image.os_disk_uri).into_owned()
                } else {
                    image.shared_image_resource_id.clone()
                };
                let first = i == 0;
                table.push(vec![
                    Cell::new(if first { config.plan_id() } else { "" }, Tone::Strong),
                    Cell::plain(if first {
                        version.version_number.as_str()
                    } else {
                        ""
                    }),
                    Cell::new(if first { state.as_str() } else { "" }, tone),
                    Cell::plain(image.image_type.clone()),
                    Cell::url(disk, Tone::Plain),
                    Cell::plain(image.data_disks.len().to_string()),
                ]);
            }
        }
    }
    table.render(style, "")
}

/// One version as JSON (URLs as stored).
pub fn version_value(plan: &str, v: &VmImageVersion) -> Value {
    json!({
        "planId": plan,
        "versionNumber": v.version_number,
        "lifecycleState": v.lifecycle_state.as_ref().map(|s| s.as_wire()),
        "images": v.images.iter().map(|i| json!({
            "imageType": i.image_type,
            "sourceType": i.source_type,
            "osDiskUri": i.os_disk_uri,
            "dataDisks": i.data_disks.iter().map(|d| json!({"lun": d.lun, "uri": d.uri})).collect::<Vec<_>>(),
            "sharedImageResourceId": i.shared_image_resource_id,
        })).collect::<Vec<_>>(),
        "deprecationSchedule": v.deprecation_schedule.as_ref().map(|d| json!({
            "date": d.date, "dateOffset": d.date_offset, "reason": d.reason,
        })),
    })
}
