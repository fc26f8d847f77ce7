//! The Product Ingestion API's state: products and configure jobs, played
//! on the emulator's clock. Every method first plays what has come due
//! (jobs ending, submissions finishing), under one lock.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde_json::Value;

use crate::clock::{SimulationClock, format_timestamp};
use crate::ingestion::configure_plan::plan_configure;
use crate::ingestion::job::{JOB_SECONDS, Job, JobEnd};
use crate::ingestion::product_state::{
    EntryState, ProductState, RunningPush, SubmissionEntry, Target, upsert,
};
use crate::ingestion::resource_types::product_guid;
use crate::ingestion::scenario_part::{IngestionScenario, PreviewOutcome};
use crate::ingestion::seed_resources::{Resource, field, seed_resources};
use crate::ingestion::submission_failure::certification_errors;
use crate::lock::lock;

/// The most jobs remembered; the oldest ended ones make room.
const JOB_CAPACITY: usize = 1000;

/// The first submission id handed out (ids are big numbers, as on the wire).
const FIRST_SUBMISSION_ID: u64 = 1_152_921_505_697_000_000;

/// The products and jobs of the Product Ingestion API.
#[derive(Debug)]
pub(crate) struct ProductStore {
    clock: SimulationClock,
    base_url: String,
    inner: Mutex<Inner>,
}

/// What the lock guards.
#[derive(Debug)]
pub(crate) struct Inner {
    /// The products, in scenario order then creation order.
    pub products: Vec<ProductState>,
    jobs: VecDeque<Job>,
    next_submission: u64,
}

impl ProductStore {
    /// The state of a scenario's products; published ones have preview and
    /// live holding their draft, with one submission in both.
    pub fn new(scenario: IngestionScenario, clock: SimulationClock, base_url: String) -> Self {
        let mut next_submission = FIRST_SUBMISSION_ID;
        let published_at = format_timestamp(clock.wall_time(0.0, -7.0 * 86_400.0));
        let products = scenario
            .products
            .into_iter()
            .map(|(external_id, product)| {
                let draft = seed_resources(&external_id.0, &product);
                let published = product.published.then(|| {
                    next_submission += 1;
                    SubmissionEntry {
                        id: next_submission,
                        created: published_at.clone(),
                        state: EntryState::Succeeded,
                    }
                });
                ProductState {
                    guid: product_guid(&external_id.0),
                    external_id: external_id.0,
                    preview: published.as_ref().map(|_| draft.clone()),
                    live: published.as_ref().map(|_| draft.clone()),
                    draft,
                    preview_entry: published.clone(),
                    live_entry: published,
                    running: None,
                    preview_play: product.preview,
                    live_play: product.live,
                }
            })
            .collect();
        ProductStore {
            clock,
            base_url,
            inner: Mutex::new(Inner {
                products,
                jobs: VecDeque::new(),
                next_submission,
            }),
        }
    }

    /// The emulator's base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Runs `read` on the state as of now.
    pub fn read<T>(&self, read: impl FnOnce(&Inner, f64) -> T) -> T {
        let now = self.clock.now();
        let mut inner = lock(&self.inner);
        inner.advance(now, &self.clock);
        read(&inner, now)
    }

    /// Accepts a configure request: plans it against the products as they
    /// are, starts its job (failing when it ends if the service refuses the
    /// request), and its submission at once. Returns the job's status.
    pub fn accept(&self, resources: Vec<Resource>) -> Value {
        let now = self.clock.now();
        let mut inner = lock(&self.inner);
        inner.advance(now, &self.clock);
        let plan = plan_configure(resources, &inner.products);
        let mut job = Job {
            id: uuid::Uuid::new_v4().to_string(),
            accepted_at: now,
            ends_at: now + JOB_SECONDS,
            start: format_timestamp(self.clock.wall_time(0.0, now)),
            end: None,
            outcome: JobEnd::Pending,
            planned_errors: Vec::new(),
            changes: Vec::new(),
            submission: None,
            stored: Vec::new(),
        };
        match plan {
            Err(errors) => job.planned_errors = errors,
            Ok(plan) => {
                job.stored = plan.changes.iter().map(|(_, r)| r.clone()).collect();
                match plan.submission {
                    None => job.changes = plan.changes,
                    Some((guid, target)) => {
                        inner.apply(plan.changes);
                        job.ends_at = inner.start_push(&guid, target, &job, &self.clock);
                        job.submission = Some((guid, target));
                    }
                }
            }
        }
        let status = job.status(now, &self.base_url);
        inner.remember(job);
        status
    }

    /// Cancels a running job: `Ok(status)` with `jobResult` `cancelled`, or
    /// `Err(false)` when it already ended, `Err(true)` when it is unknown.
    pub fn cancel(&self, job_id: &str) -> Result<Value, bool> {
        let now = self.clock.now();
        let mut inner = lock(&self.inner);
        inner.advance(now, &self.clock);
        let end = format_timestamp(self.clock.wall_time(0.0, now));
        let Some(job) = inner.jobs.iter_mut().find(|job| job.id == job_id) else {
            return Err(true);
        };
        if job.is_done() {
            return Err(false);
        }
        job.outcome = JobEnd::Cancelled;
        job.end = Some(end);
        job.changes.clear();
        let status = job.status(now, &self.base_url);
        if let Some((guid, target)) = job.submission.take() {
            if let Some(product) = inner.products.iter_mut().find(|p| p.guid == guid) {
                if let Some(running) = product.running.take() {
                    *product.entry_mut(target) = running.previous_entry;
                    if target == Target::Preview {
                        product.preview = running.previous_preview;
                    }
                }
            }
        }
        Ok(status)
    }

    /// A job's status (`Ok`), or its detail when `detail`; `None` when unknown.
    pub fn job(&self, job_id: &str, detail: bool) -> Option<Result<Value, ()>> {
        self.read(|inner, now| {
            let job = inner.jobs.iter().find(|job| job.id == job_id)?;
            Some(match detail {
                false => Ok(job.status(now, &self.base_url)),
                true if job.is_done() => Ok(job.detail()),
                true => Err(()),
            })
        })
    }
}

impl Inner {
    /// Plays every job that has come due, in the order they end.
    fn advance(&mut self, now: f64, clock: &SimulationClock) {
        loop {
            let due = self
                .jobs
                .iter()
                .enumerate()
                .filter(|(_, job)| !job.is_done() && job.ends_at <= now)
                .min_by(|(_, a), (_, b)| a.ends_at.total_cmp(&b.ends_at))
                .map(|(index, _)| index);
            let Some(index) = due else { return };
            let mut job = self.jobs[index].clone();
            job.end = Some(format_timestamp(clock.wall_time(0.0, job.ends_at)));
            job.outcome = if !job.planned_errors.is_empty() {
                JobEnd::Failed(std::mem::take(&mut job.planned_errors))
            } else {
                self.apply(std::mem::take(&mut job.changes));
                match &job.submission {
                    Some((guid, target)) => self.finish_push(guid, *target),
                    None => JobEnd::Succeeded,
                }
            };
            self.jobs[index] = job;
        }
    }

    /// Stores resources in their products' drafts (creating new products).
    fn apply(&mut self, changes: Vec<(String, Resource)>) {
        for (guid, resource) in changes {
            if !self.products.iter().any(|product| product.guid == guid) {
                let external_id = field(&resource, "/identity/externalId")
                    .and_then(Value::as_str)
                    .unwrap_or(&guid)
                    .to_owned();
                self.products.push(ProductState {
                    external_id,
                    guid: guid.clone(),
                    draft: Vec::new(),
                    preview: None,
                    live: None,
                    preview_entry: None,
                    live_entry: None,
                    running: None,
                    preview_play: Default::default(),
                    live_play: Default::default(),
                });
            }
            if let Some(product) = self.products.iter_mut().find(|p| p.guid == guid) {
                upsert(&mut product.draft, resource);
            }
        }
    }

    /// Starts a push of a product; returns the simulated time it ends.
    fn start_push(
        &mut self,
        guid: &str,
        target: Target,
        job: &Job,
        clock: &SimulationClock,
    ) -> f64 {
        self.next_submission += 1;
        let fresh_id = self.next_submission;
        let Some(product) = self.products.iter_mut().find(|p| p.guid == guid) else {
            return job.ends_at;
        };
        let (id, seconds) = match target {
            Target::Preview => (fresh_id, product.preview_play.seconds),
            Target::Live => (
                product
                    .preview_entry
                    .as_ref()
                    .map_or(fresh_id, |entry| entry.id),
                product.live_play.seconds,
            ),
        };
        let previous_entry = product.entry_mut(target).replace(SubmissionEntry {
            id,
            created: format_timestamp(clock.wall_time(0.0, job.accepted_at)),
            state: EntryState::Running,
        });
        let previous_preview = product.preview.clone();
        if target == Target::Preview {
            product.preview = Some(product.draft.clone());
        }
        product.running = Some(RunningPush {
            job_id: job.id.clone(),
            target,
            previous_entry,
            previous_preview,
        });
        job.accepted_at + seconds.max(JOB_SECONDS)
    }

    /// Ends a product's push: its entry completes, live takes preview.
    fn finish_push(&mut self, guid: &str, target: Target) -> JobEnd {
        let Some(product) = self.products.iter_mut().find(|p| p.guid == guid) else {
            return JobEnd::Succeeded;
        };
        product.running = None;
        let failed = target == Target::Preview
            && product.preview_play.outcome == PreviewOutcome::CertificationFailed;
        let id = product.entry(target).map_or(0, |entry| entry.id);
        if let Some(entry) = product.entry_mut(target) {
            entry.state = if failed {
                EntryState::Failed
            } else {
                EntryState::Succeeded
            };
        }
        if failed {
            return JobEnd::Failed(certification_errors(&product.guid, id));
        }
        if target == Target::Live {
            product.live = product.preview.clone();
        }
        JobEnd::Succeeded
    }

    /// Keeps a job, dropping the oldest ended ones beyond the capacity.
    fn remember(&mut self, job: Job) {
        self.jobs.push_back(job);
        while self.jobs.len() > JOB_CAPACITY {
            match self.jobs.iter().position(Job::is_done) {
                Some(index) => {
                    self.jobs.remove(index);
                }
                None => break,
            }
        }
    }

    /// The product with this guid.
    pub fn product(&self, guid: &str) -> Option<&ProductState> {
        self.products.iter().find(|product| product.guid == guid)
    }
}
