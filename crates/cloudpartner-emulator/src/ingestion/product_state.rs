//! One product as the service holds it: its draft resources, what preview
//! and live hold, and its preview and live submissions; and the documents
//! built from them (resource trees, submission entries).

use serde_json::{Value, json};

use crate::ingestion::resource_types::{id_type, schema_uri};
use crate::ingestion::scenario_part::{LivePlay, PreviewPlay};
use crate::ingestion::seed_resources::Resource;

/// A publishing target of a submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Preview: certification, then a preview audience.
    Preview,
    /// Live: everyone.
    Live,
}

impl Target {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Preview => "preview",
            Target::Live => "live",
        }
    }
}

/// Where a submission stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntryState {
    /// `running`/`pending`.
    Running,
    /// `completed`/`succeeded`.
    Succeeded,
    /// `completed`/`failed`.
    Failed,
}

/// A preview or live submission of a product.
#[derive(Clone, Debug)]
pub(crate) struct SubmissionEntry {
    /// The big number closing its durable id, `submission/<guid>/<id>`.
    pub id: u64,
    /// When it was created, as the service writes it.
    pub created: String,
    /// Where it stands.
    pub state: EntryState,
}

/// A push in progress: what it replaced (restored by a cancel) and how it ends.
#[derive(Clone, Debug)]
pub(crate) struct RunningPush {
    /// The job playing it.
    pub job_id: String,
    /// The target it pushes to.
    pub target: Target,
    /// The entry of that target before the push.
    pub previous_entry: Option<SubmissionEntry>,
    /// The preview resources before the push (a preview replaces them).
    pub previous_preview: Option<Vec<Resource>>,
}

/// A product: its trees and submissions.
#[derive(Clone, Debug)]
pub(crate) struct ProductState {
    /// The external id (offer id).
    pub external_id: String,
    /// The GUID of its durable id `product/<guid>`.
    pub guid: String,
    /// The draft resources, in tree order (no submission resource).
    pub draft: Vec<Resource>,
    /// What preview holds, once something was pushed there.
    pub preview: Option<Vec<Resource>>,
    /// What live holds, once something went live.
    pub live: Option<Vec<Resource>>,
    /// The latest preview submission.
    pub preview_entry: Option<SubmissionEntry>,
    /// The latest live submission.
    pub live_entry: Option<SubmissionEntry>,
    /// The push in progress, if any.
    pub running: Option<RunningPush>,
    /// How its previews play.
    pub preview_play: PreviewPlay,
    /// How its live pushes play.
    pub live_play: LivePlay,
}

impl ProductState {
    /// The durable id, `product/<guid>`.
    pub fn durable_id(&self) -> String {
        format!("product/{}", self.guid)
    }

    /// The draft's product resource.
    pub fn product_resource(&self) -> Option<&Resource> {
        self.draft
            .iter()
            .find(|resource| resource_id(resource).is_some_and(|id| id_type(id) == "product"))
    }

    /// The draft's plan resources.
    pub fn plans(&self) -> impl Iterator<Item = &Resource> {
        self.draft
            .iter()
            .filter(|resource| resource_id(resource).is_some_and(|id| id_type(id) == "plan"))
    }

    /// The entry of a target.
    pub fn entry(&self, target: Target) -> Option<&SubmissionEntry> {
        match target {
            Target::Preview => self.preview_entry.as_ref(),
            Target::Live => self.live_entry.as_ref(),
        }
    }

    /// The entry of a target, to change it.
    pub fn entry_mut(&mut self, target: Target) -> &mut Option<SubmissionEntry> {
        match target {
            Target::Preview => &mut self.preview_entry,
            Target::Live => &mut self.live_entry,
        }
    }

    /// The submission resource of the draft, `submission/<guid>/0`.
    pub fn draft_submission(&self) -> Value {
        json!({
            "$schema": schema_uri("submission"),
            "id": format!("submission/{}/0", self.guid),
            "product": self.durable_id(),
            "target": {"targetType": "draft"},
            "lifecycleState": "generallyAvailable"
        })
    }

    /// The submission resource of a preview or live entry.
    pub fn entry_submission(&self, target: Target, entry: &SubmissionEntry) -> Value {
        let (status, result) = match entry.state {
            EntryState::Running => ("running", "pending"),
            EntryState::Succeeded => ("completed", "succeeded"),
            EntryState::Failed => ("completed", "failed"),
        };
        json!({
            "$schema": schema_uri("submission"),
            "id": format!("submission/{}/{}", self.guid, entry.id),
            "product": self.durable_id(),
            "target": {"targetType": target.as_str()},
            "lifecycleState": "generallyAvailable",
            "status": status,
            "result": result,
            "created": entry.created
        })
    }

    /// Every submission: the draft's, then preview's and live's when they exist.
    pub fn submissions(&self) -> Vec<Value> {
        let mut submissions = vec![self.draft_submission()];
        for target in [Target::Preview, Target::Live] {
            if let Some(entry) = self.entry(target) {
                submissions.push(self.entry_submission(target, entry));
            }
        }
        submissions
    }

    /// The resource tree of a target (`draft`, `preview`, `live`); `None`
    /// when that target holds nothing yet.
    pub fn tree(&self, target: &str) -> Option<Value> {
        let (resources, submission) = match target {
            "draft" => (&self.draft, self.draft_submission()),
            "preview" => (
                self.preview.as_ref()?,
                self.entry_submission(Target::Preview, self.preview_entry.as_ref()?),
            ),
            "live" => (
                self.live.as_ref()?,
                self.entry_submission(Target::Live, self.live_entry.as_ref()?),
            ),
            _ => return None,
        };
        let mut all: Vec<Value> = resources.iter().cloned().map(Value::Object).collect();
        all.push(submission);
        Some(json!({
            "$schema": schema_uri("resource-tree"),
            "root": self.durable_id(),
            "target": {"targetType": target},
            "resources": all
        }))
    }
}

/// A resource's durable id.
pub(crate) fn resource_id(resource: &Resource) -> Option<&str> {
    resource.get("id").and_then(Value::as_str)
}

/// Replaces the resource with the same id, or appends it.
pub(crate) fn upsert(resources: &mut Vec<Resource>, resource: Resource) {
    let id = resource_id(&resource).map(str::to_owned);
    match resources
        .iter_mut()
        .find(|existing| resource_id(existing) == id.as_deref())
    {
        Some(existing) => *existing = resource,
        None => resources.push(resource),
    }
}
