//! `cloudpartner operation PUBLISHER OFFER ID [--json]`, `operation --url URL [--json]`

use crate::args::{GlobalArgs, OperationArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::{print, print_line};
use crate::render::cpp::operation_table::render_operation;
use crate::render::style::Style;

/// Shows one operation, by id or by the URL publish, go-live or cancel answered (which
/// must be on the API's origin: the token is not sent elsewhere).
pub async fn operation(global: &GlobalArgs, args: &OperationArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let (operation, ids) = match (&args.url, &args.publisher, &args.offer, &args.id) {
        (Some(url), ..) => {
            let operation = connection.client.operation_at(url).await.map_err(|e| {
                let failure = connection.failure(&e, None);
                if e.kind() == cloudpartner::ErrorKind::InvalidArgument {
                    failure.with_exit(Exit::Usage)
                } else {
                    failure
                }
            })?;
            let ids = cloudpartner::OperationRef::from_location(&connection.base_url, url)
                .ok()
                .and_then(|reference| reference.offer());
            (operation, ids)
        }
        (None, Some(p), Some(o), Some(id)) => {
            let operation = connection.client.operation(p, o, id).await.map_err(|e| {
                connection
                    .failure(&e, Some(&format!("{p}/{o}")))
                    .when_part_missing(
                        &e,
                        format!(
                            "no operation {id} on {p}/{o}: `cloudpartner operations {p} {o}` \
lists its operations and their ids"
                        ),
                    )
            })?;
            (operation, Some((p.clone(), o.clone())))
        }
        _ => {
            return Err(Failure::usage("give PUBLISHER OFFER ID, or --url URL"));
        }
    };
    if args.json {
        let line = match &ids {
            Some((p, o)) => to_line(&with_ids(p, o, operation.to_value())),
            None => operation.to_json(),
        };
        print_line(&line);
    } else {
        let title = ids.map_or_else(String::new, |(p, o)| format!("{p}/{o}"));
        print(&render_operation(
            title.trim(),
            &operation,
            Style::for_stdout(global.color),
        ));
    }
    Ok(Exit::Ok)
}
