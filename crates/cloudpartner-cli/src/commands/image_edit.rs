//! `cloudpartner image add|remove|deprecate PUBLISHER OFFER --plan PLAN --version V ...`:
//! read the draft, change it, write it back with the ETag read (or, with `--dry-run`,
//! print the diff and send nothing).

use crate::args::GlobalArgs;
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::offer_edit::{ImageChange, apply, read_draft, write_draft};
use crate::output::{print, print_line};
use crate::render::definition_diff::colored_diff;
use crate::render::style::{Style, Tone};

/// Applies `change` to the draft of PUBLISHER/OFFER.
pub async fn image_edit(
    global: &GlobalArgs,
    publisher: &str,
    offer: &str,
    change: ImageChange,
    dry_run: bool,
) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let style = Style::for_stdout(global.color);
    let title = style.paint(Tone::Strong, &format!("{publisher}/{offer}"));
    let draft = read_draft(&connection, publisher, offer).await?;
    let edit = apply(&change, &draft)?;
    if dry_run {
        print(&colored_diff(&edit.diff(), style));
        print_line(&format!(
            "{title}: {} (dry run: nothing was written)",
            edit.summary
        ));
        return Ok(Exit::Ok);
    }
    let stored = write_draft(&connection, &edit).await?;
    print_line(&format!(
        "{title}: {}; offer version {} written",
        edit.summary,
        stored.version()
    ));
    Ok(Exit::Ok)
}
