//! `cloudpartner image add|remove|deprecate PUBLISHER OFFER --plan PLAN --version V ...`:
//! read the draft, change it, write it back with the ETag read (or, with `--dry-run`,
//! print the diff and send nothing).

use crate::args::{GlobalArgs, ImageCommand};
use crate::commands::cpp::offer_edit::{ImageChange, apply, read_draft, write_draft};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{print, print_line};
use crate::render::diff::colored_diff;
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

/// `image list|add|remove|deprecate`.
pub async fn image(global: &GlobalArgs, command: &ImageCommand) -> Result<Exit, Failure> {
    match command {
        ImageCommand::List(args) => super::image_list::image_list(global, args).await,
        ImageCommand::Add(args) => {
            let change = ImageChange::Add {
                plan: args.image.plan.clone(),
                image: args.image.image(),
            };
            image_edit(global, &args.publisher, &args.offer, change, args.dry_run).await
        }
        ImageCommand::Remove(args) => {
            let change = ImageChange::Remove {
                plan: args.plan.clone(),
                version: args.version.clone(),
                force: args.force,
            };
            image_edit(global, &args.publisher, &args.offer, change, args.dry_run).await
        }
        ImageCommand::Deprecate(args) => {
            let change = ImageChange::Deprecate {
                plan: args.plan.clone(),
                version: args.version.clone(),
            };
            image_edit(global, &args.publisher, &args.offer, change, args.dry_run).await
        }
    }
}
