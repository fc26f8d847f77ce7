//! `cloudpartner offer show`: the offer's identity and state, then its plans and their
//! image versions.

use cloudpartner::Offer;

use super::image_table::{PlanImages, render_images};
use super::offer_table::offer_status_tone;
use crate::render::style::{Style, Tone};
use crate::render::when::format_when;

const INDENT: &str = "  ";

fn detail(label: &str, value: String) -> String {
    format!("{INDENT}{:<9}{value}", format!("{label}:"))
}

/// The report of an offer read from `source` (`draft`, `production`, `version 3`).
pub fn render_offer(offer: &Offer, source: &str, plans: &[PlanImages], style: Style) -> String {
    let mut lines = vec![format!(
        "{}  {}",
        style.paint(
            Tone::Strong,
            &format!("{}/{}", offer.publisher_id(), offer.id())
        ),
        offer.display_text()
    )];
    lines.push(detail("read", source.to_owned()));
    lines.push(detail("type", offer.offer_type_id().to_owned()));
    lines.push(detail(
        "status",
        style.paint(offer_status_tone(offer.status()), offer.status()),
    ));
    lines.push(detail("version", offer.version().to_string()));
    let changed = format_when(offer.changed_time());
    if !changed.is_empty() {
        lines.push(detail("changed", changed));
    }
    if let Some(etag) = offer.etag() {
        lines.push(detail("etag", etag.to_owned()));
    }
    lines.extend(render_images(plans, style, INDENT));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::cpp::image_table::plan_images;

    #[test]
    fn the_offer_then_its_plans() {
        let offer = cloudpartner::parse_offer(
            br#"{"offerTypeId":"microsoft-azure-virtualmachines","publisherId":"contoso","status":"neverPublished",
                 "id":"vm","version":1,"definition":{"displayText":"VM","plans":[{"planId":"a"}]}}"#,
        )
        .unwrap()
        .with_etag("W/\"1\"");
        let plans = plan_images(&offer, None).unwrap();
        assert_eq!(
            render_offer(&offer, "draft", &plans, Style::PLAIN),
            "contoso/vm  VM\n  read:    draft\n  type:    microsoft-azure-virtualmachines\n  \
status:  neverPublished\n  version: 1\n  etag:    W/\"1\"\n  \
PLAN  VERSION   PUBLISHED  SHOWN  DATA DISKS  LABEL  OS DISK\n  a     no image\n"
        );
    }
}
