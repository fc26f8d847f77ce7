//! `cloudpartner image list PUBLISHER OFFER [--plan PLAN] [--json]`

use serde_json::{Value, json};

use crate::args::GlobalArgs;
use crate::args::cpp::image::ImageListArgs;
use crate::commands::cpp::offer_edit::read_draft;
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::print_line;
use crate::render::cpp::image_table::{plan_images, render_images};
use crate::render::style::Style;

/// Lists the image versions of the draft's plans: a table (URLs with `sig=REDACTED`),
/// or one line per version with the real URLs
/// (`{"publisherId", "offerId", "planId", "version", "osVhdUrl", …}`).
pub async fn image_list(global: &GlobalArgs, args: &ImageListArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let (p, o) = (args.publisher.as_str(), args.offer.as_str());
    let offer = read_draft(&connection, p, o).await?;
    let plans = plan_images(&offer, args.plan.as_deref())
        .map_err(|e| Failure::error(format!("{p}/{o}: {e}")).with_exit(Exit::Usage))?;
    if args.json {
        for plan in &plans {
            for image in &plan.images {
                let disks: Vec<Value> = image
                    .data_disks
                    .iter()
                    .map(|d| json!({"lun": d.lun, "lunVhdUrl": d.vhd_url}))
                    .collect();
                print_line(&to_line(&with_ids(
                    p,
                    o,
                    json!({
                        "planId": plan.plan,
                        "version": image.version,
                        "osVhdUrl": image.os_vhd_url,
                        "label": image.label,
                        "mediaName": image.media_name,
                        "description": image.description,
                        "publishedDate": image.published_date,
                        "showInGui": image.show_in_gui,
                        "lunVhdDetails": disks,
                    }),
                )));
            }
        }
    } else {
        for line in render_images(&plans, Style::for_stdout(global.color), "") {
            print_line(&line);
        }
    }
    Ok(Exit::Ok)
}
