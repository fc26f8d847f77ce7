//! `cloudpartner product image add|deprecate|restore OFFER --plan PLAN --version V …`:
//! the draft's technical configuration changed and sent through configure (the job
//! followed unless `--no-wait`); `--dry-run` prints the diff and sends nothing.

use cloudpartner::WatchUntil;
use cloudpartner::ingestion::{Target, TechnicalConfiguration};
use serde_json::{Map, Value};

use super::connection::IngestionConnection;
use super::job_wait::{follow_job, print_job};
use super::release::check_image;
use crate::args::GlobalArgs;
use crate::args::ingestion::{ImageAddArgs, ImageChangeArgs};
use crate::args::intervals::IntervalArgs;
use crate::commands::waiting::{request_timeout, watch_options};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::to_line;
use crate::output::{print, print_line};
use crate::render::diff::colored_diff;
use crate::render::style::Style;

/// Adds (or replaces) a version: one image per image type of the plan's SKUs.
pub async fn add(global: &GlobalArgs, args: &ImageAddArgs) -> Result<Exit, Failure> {
    let spec = &args.image;
    check_image(
        "product image add",
        &spec.version,
        &spec.os_disk_url,
        spec.gen2_os_disk_url.as_deref(),
        &spec.data_disk,
    )?;
    let edit = Edit {
        offer: &args.offer,
        plan: &spec.plan,
        dry_run: args.dry_run,
        no_wait: args.no_wait,
        json: args.json,
        intervals: args.intervals,
    };
    edit.run(global, |config| {
        let version = config.image_version_for(
            &spec.version,
            &spec.os_disk_url,
            spec.gen2_os_disk_url.as_deref(),
            &spec.data_disk,
        );
        config.set_vm_image_version(&version)
    })
    .await
}

/// Deprecates (`deprecate`) or restores a version.
pub async fn change(
    global: &GlobalArgs,
    args: &ImageChangeArgs,
    deprecate: bool,
) -> Result<Exit, Failure> {
    cloudpartner::ingestion::check_version_number(&args.version).map_err(|e| {
        Failure::error(e.to_string())
            .with_hint("see `cloudpartner product image --help`")
            .with_exit(Exit::Usage)
    })?;
    let edit = Edit {
        offer: &args.offer,
        plan: &args.plan,
        dry_run: args.dry_run,
        no_wait: args.no_wait,
        json: args.json,
        intervals: args.intervals,
    };
    edit.run(global, |config| {
        if deprecate {
            config.deprecate_vm_image_version(
                &args.version,
                args.reason.as_deref(),
                args.date_offset.as_deref(),
            )
        } else {
            config.restore_vm_image_version(&args.version)
        }
    })
    .await
}

struct Edit<'a> {
    offer: &'a str,
    plan: &'a str,
    dry_run: bool,
    no_wait: bool,
    json: bool,
    intervals: IntervalArgs,
}

impl Edit<'_> {
    async fn run(
        &self,
        global: &GlobalArgs,
        change: impl FnOnce(&mut TechnicalConfiguration) -> cloudpartner::Result<()>,
    ) -> Result<Exit, Failure> {
        let options = watch_options(&self.intervals, WatchUntil::Terminal, global.timeout)?;
        let connection = IngestionConnection::open(global, request_timeout(global))?;
        let offer = self.offer;
        let tree = connection
            .client
            .resource_tree(offer, Target::Draft)
            .await
            .map_err(|e| connection.failure(&e, Some(offer)))?;
        let before = tree
            .technical_configuration(self.plan)
            .map_err(|e| connection.failure(&e, Some(offer)))?;
        let mut after = before.clone();
        change(&mut after).map_err(|e| connection.failure(&e, Some(offer)))?;
        let name = format!("{offer} plan {} technical configuration", self.plan);
        let diff = cloudpartner::document::json_diff(
            &before.resource().to_value(),
            &after.resource().to_value(),
            &format!("{name} (draft)"),
            &format!("{name} (to configure)"),
        );
        let style = Style::for_stdout(global.color);
        let mut ids = Map::new();
        ids.insert("offerId".into(), offer.into());
        ids.insert("productId".into(), tree.root().into());
        ids.insert("planId".into(), self.plan.into());
        if self.dry_run || diff.is_empty() {
            if self.json {
                let mut line = ids.clone();
                line.insert("dryRun".into(), self.dry_run.into());
                line.insert("diff".into(), Value::from(diff.clone()));
                print_line(&to_line(&Value::Object(line)));
            } else if diff.is_empty() {
                print_line(&format!(
                    "{offer}: the draft already says so: nothing to send"
                ));
            } else {
                print(&colored_diff(&diff, style));
                print_line("dry run: nothing was sent");
            }
            return Ok(Exit::Ok);
        }
        let job = connection
            .client
            .configure(&[after.resource().clone()])
            .await
            .map_err(|e| connection.failure(&e, Some(offer)))?;
        if self.no_wait {
            print_job(&job, &ids, self.json, style);
            if !self.json {
                print_line(&format!(
                    "follow it: cloudpartner product job {} --watch",
                    job.id
                ));
            }
            return Ok(Exit::Ok);
        }
        if !self.json {
            print_line(&format!("{offer}: configure accepted, job {}", job.id));
        }
        let (_, exit) = follow_job(&connection, &job.id, options, &ids, self.json, style).await?;
        if exit == Exit::Ok && !self.json {
            print_line(&format!(
                "the draft holds it; publish: cloudpartner product publish {offer} --watch"
            ));
        }
        Ok(exit)
    }
}
