//! `cloudpartner product configure FILE|- [--no-wait] [--json]`: resources sent as
//! written, then the job followed; a failed job lists its errors with the resource
//! each names.

use cloudpartner::WatchUntil;
use cloudpartner::ingestion::Resource;
use serde_json::{Map, Value};

use super::connection::IngestionConnection;
use super::job_wait::{follow_job, print_job};
use crate::args::GlobalArgs;
use crate::args::ingestion::ConfigureArgs;
use crate::commands::waiting::{request_timeout, watch_options};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::input::read_input;
use crate::output::print_line;
use crate::render::style::Style;

const HINT: &str = "a configure file is a JSON list of resources, or {\"resources\": [...]}, each \
an object with its \"$schema\"; `cloudpartner product show OFFER --json` prints some";

/// The resources of a configure file; nothing is sent for a file that is not one.
pub fn parse_resources(name: &str, bytes: &[u8]) -> Result<Vec<Resource>, Failure> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| Failure::error(format!("{name} is not JSON: {e}")).with_hint(HINT))?;
    let list = match value {
        Value::Array(list) => list,
        Value::Object(mut o) => match o.remove("resources") {
            Some(Value::Array(list)) => list,
            _ => {
                return Err(Failure::error(format!(
                    "{name} is not a list of resources (an object without a \"resources\" list)"
                ))
                .with_hint(HINT));
            }
        },
        _ => {
            return Err(
                Failure::error(format!("{name} is not a list of resources")).with_hint(HINT)
            );
        }
    };
    if list.is_empty() {
        return Err(Failure::error(format!("{name} holds no resources")).with_hint(HINT));
    }
    list.into_iter()
        .enumerate()
        .map(|(i, v)| {
            let resource = Resource::from_value(v).map_err(|e| {
                Failure::error(format!("{name}: resource {}: {}", i + 1, e.message()))
                    .with_hint(HINT)
            })?;
            if resource.schema().is_empty() {
                return Err(Failure::error(format!(
                    "{name}: resource {} has no \"$schema\"",
                    i + 1
                ))
                .with_hint(HINT));
            }
            Ok(resource)
        })
        .collect()
}

/// Sends the resources and follows the job (unless `--no-wait`).
pub async fn configure(global: &GlobalArgs, args: &ConfigureArgs) -> Result<Exit, Failure> {
    let options = watch_options(&args.intervals, WatchUntil::Terminal, global.timeout)?;
    let (name, bytes) = read_input(&args.file)?;
    let resources = parse_resources(&name, &bytes)?;
    let connection = IngestionConnection::open(global, request_timeout(global))?;
    let job = connection
        .client
        .configure(&resources)
        .await
        .map_err(|e| connection.failure(&e, None))?;
    let style = Style::for_stdout(global.color);
    let ids = Map::new();
    if args.no_wait {
        print_job(&job, &ids, args.json, style);
        if !args.json {
            print_line(&format!(
                "follow it: cloudpartner product job {} --watch",
                job.id
            ));
        }
        return Ok(Exit::Ok);
    }
    if !args.json {
        print_line(&format!(
            "configure of {} resource{} accepted: job {}",
            resources.len(),
            if resources.len() == 1 { "" } else { "s" },
            job.id
        ));
    }
    let (_, exit) = follow_job(&connection, &job.id, options, &ids, args.json, style).await?;
    Ok(exit)
}
