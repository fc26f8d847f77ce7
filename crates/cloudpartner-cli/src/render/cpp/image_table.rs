//! The image versions of an offer's plans, as a table: plan, version, published date,
//! shown or not, data disks, label and the OS disk (its SAS signature hidden).

use cloudpartner::{Offer, VmImageVersion, redact_sas};

use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};

/// The image versions of a plan (or disk generation).
#[derive(Debug, Clone)]
pub struct PlanImages {
    /// The plan id.
    pub plan: String,
    /// Its versions, in version order.
    pub images: Vec<VmImageVersion>,
}

/// The image versions of `plans` of the offer (every plan when `None`), in document
/// order; an unknown plan is the core's *invalid_argument* (naming those that exist).
pub fn plan_images(offer: &Offer, plan: Option<&str>) -> cloudpartner::Result<Vec<PlanImages>> {
    let ids: Vec<String> = match plan {
        Some(plan) => vec![plan.to_owned()],
        None => offer.plan_ids().into_iter().map(str::to_owned).collect(),
    };
    ids.into_iter()
        .map(|plan| {
            let images = offer.vm_image_versions(&plan)?;
            Ok(PlanImages { plan, images })
        })
        .collect()
}

/// `PLAN  VERSION  PUBLISHED  SHOWN  DATA DISKS  LABEL  OS DISK`; a plan without an image
/// gets a row that says so. URLs are shown with `sig=REDACTED`.
pub fn render_images(plans: &[PlanImages], style: Style, indent: &str) -> Vec<String> {
    let mut table = Table::new(&[
        "PLAN",
        "VERSION",
        "PUBLISHED",
        "SHOWN",
        "DATA DISKS",
        "LABEL",
        "OS DISK",
    ]);
    for plan in plans {
        if plan.images.is_empty() {
            table.push(vec![
                Cell::new(&plan.plan, Tone::Strong),
                Cell::new("no image", Tone::Attention),
            ]);
        }
        for image in &plan.images {
            let (shown, tone) = if image.show_in_gui {
                ("yes", Tone::Good)
            } else {
                ("no (deprecated)", Tone::Attention)
            };
            table.push(vec![
                Cell::new(&plan.plan, Tone::Strong),
                Cell::plain(&image.version),
                Cell::plain(&image.published_date),
                Cell::new(shown, tone),
                Cell::plain(image.data_disks.len().to_string()),
                Cell::plain(&image.label),
                Cell::url(redact_sas(&image.os_vhd_url).into_owned(), Tone::Muted),
            ]);
        }
    }
    if table.is_empty() {
        return vec![format!("{indent}{}", style.paint(Tone::Muted, "no plans"))];
    }
    table.render(style, indent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_per_plan_with_signatures_hidden() {
        let offer = cloudpartner::parse_offer(
            br#"{"definition":{"plans":[{"planId":"a","microsoft-azure-virtualmachines.vmImages":{
                "1.0.0":{"osVhdUrl":"https://x/os.vhd?sv=1&sig=s3cr3t","publishedDate":"11/02/2026","showInGui":false,
                         "label":"One","lunVhdDetails":[{"lun":0,"lunVhdUrl":"https://x/d.vhd?sig=s3cr3t"}]}}},
                {"planId":"b"}]}}"#,
        )
        .unwrap();
        let plans = plan_images(&offer, None).unwrap();
        let lines = render_images(&plans, Style::PLAIN, "");
        assert_eq!(
            lines,
            [
                "PLAN  VERSION   PUBLISHED   SHOWN            DATA DISKS  LABEL  OS DISK",
                "a     1.0.0     11/02/2026  no (deprecated)  1           One    https://x/os.vhd?sv=1&sig=REDACTED",
                "b     no image",
            ]
        );
        assert!(plan_images(&offer, Some("c")).is_err());
    }
}
