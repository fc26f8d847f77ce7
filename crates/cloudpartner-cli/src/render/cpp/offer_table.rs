//! `cloudpartner offers`: one row per offer — id, type, status, version, last change.

use cloudpartner::Offer;

use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};
use crate::render::when::format_when;

/// The tone of an offer's `status` as the offer document spells it.
pub fn offer_status_tone(status: &str) -> Tone {
    match status.to_ascii_lowercase().as_str() {
        "published" | "succeeded" | "live" => Tone::Good,
        "neverpublished" | "" => Tone::Muted,
        "failed" => Tone::Bad,
        "running" | "inprogress" => Tone::Active,
        _ => Tone::Plain,
    }
}

/// `ID  TYPE  STATUS  VERSION  CHANGED  NAME`, in the order the service listed them.
pub fn render_offers(offers: &[Offer], style: Style) -> Vec<String> {
    if offers.is_empty() {
        return vec![style.paint(Tone::Muted, "no offers")];
    }
    let mut table = Table::new(&["ID", "TYPE", "STATUS", "VERSION", "CHANGED", "NAME"]);
    for offer in offers {
        table.push(vec![
            Cell::new(offer.id(), Tone::Strong),
            Cell::plain(offer.offer_type_id()),
            Cell::new(offer.status(), offer_status_tone(offer.status())),
            Cell::plain(offer.version().to_string()),
            Cell::new(format_when(offer.changed_time()), Tone::Muted),
            Cell::plain(offer.display_text()),
        ]);
    }
    table.render(style, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_offer() {
        let offers = cloudpartner::parse_offers(
            br#"[{"offerTypeId":"microsoft-azure-virtualmachines","publisherId":"contoso","status":"published",
                 "id":"vm","version":3,"definition":{"displayText":"VM"},"changedTime":"2026-11-20T16:05:12Z"}]"#,
        )
        .unwrap();
        assert_eq!(
            render_offers(&offers, Style::PLAIN),
            [
                "ID  TYPE                             STATUS     VERSION  CHANGED               NAME",
                "vm  microsoft-azure-virtualmachines  published  3        2026-11-20 16:05 UTC  VM",
            ]
        );
    }
}
