//! `cloudpartner publishers`: one row per publisher account.

use cloudpartner::Publisher;

use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};

/// `ID  NAME  SELLER ID`, one row per publisher.
pub fn render_publishers(publishers: &[Publisher], style: Style) -> Vec<String> {
    if publishers.is_empty() {
        return vec![style.paint(Tone::Muted, "no publishers")];
    }
    let mut table = Table::new(&["ID", "NAME", "SELLER ID"]);
    for publisher in publishers {
        table.push(vec![
            Cell::new(&publisher.id, Tone::Strong),
            Cell::plain(&publisher.display_text),
            Cell::new(&publisher.seller_id, Tone::Muted),
        ]);
    }
    table.render(style, "")
}
