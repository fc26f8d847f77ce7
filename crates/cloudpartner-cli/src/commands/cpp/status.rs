//! `cloudpartner status PUBLISHER OFFER... [--json]`
//!
//! `--json` prints one line per offer, in the order given: the status document with the
//! publisher and offer ids first, or, for an offer that failed, its error.

use crate::args::{GlobalArgs, StatusArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{failure_line, to_line, with_ids};
use crate::output::{eprint_line, print, print_line};
use crate::render::cpp::offer_report::render_offer_report;
use crate::render::style::{Style, Tone};

/// Fetches the offers concurrently and prints each (a report, or a JSON line) in the
/// order given; each failure is one line on stderr, the hints once after them.
pub async fn status(global: &GlobalArgs, args: &StatusArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let out = Style::for_stdout(global.color);
    let err = Style::for_stderr(global.color);
    let results = connection
        .client
        .offer_statuses(
            &args.publisher,
            args.offers.iter().cloned(),
            cloudpartner::DEFAULT_CONCURRENCY,
        )
        .await;
    let mut hints: Vec<String> = Vec::new();
    let mut failed = false;
    let mut shown = 0;
    for (offer, result) in results {
        let title = format!("{}/{offer}", args.publisher);
        match result {
            Ok(status) if args.json => print_line(&to_line(&with_ids(
                &args.publisher,
                &offer,
                status.to_value(),
            ))),
            Ok(status) => {
                if shown > 0 {
                    print("\n");
                }
                print(&render_offer_report(&title, &status, out));
                shown += 1;
            }
            Err(error) => {
                failed = true;
                if args.json {
                    print_line(&to_line(&failure_line(&args.publisher, &offer, &error)));
                }
                let failure = connection.failure(&error, Some(&title));
                eprint_line(&format!(
                    "{} {}",
                    err.paint(Tone::Bad, "error:"),
                    failure.message
                ));
                if let Some(hint) = failure.hint.filter(|h| !hints.contains(h)) {
                    hints.push(hint);
                }
            }
        }
    }
    for hint in hints {
        eprint_line(&format!("{} {hint}", err.paint(Tone::Active, "hint:")));
    }
    Ok(if failed { Exit::Error } else { Exit::Ok })
}
