//! Where a product stands (the Product Ingestion answer to "where is my offer?"): its
//! preview and live submissions and the stage derived from them.

use super::states::{ProductStage, Target};
use super::submission::Submission;

/// A product's preview and live submissions, and its stage.
///
/// ```
/// use cloudpartner::ingestion::{ProductStage, ProductStatus, parse_submissions};
/// let subs = parse_submissions(br#"{"value": [
///   {"id": "submission/p/0", "target": {"targetType": "draft"}},
///   {"id": "submission/p/2", "target": {"targetType": "preview"}, "status": "completed", "result": "succeeded"},
///   {"id": "submission/p/1", "target": {"targetType": "live"}, "status": "completed", "result": "succeeded"}]}"#)?;
/// let status = ProductStatus::from_submissions("vm-release", subs);
/// assert_eq!(status.stage, ProductStage::WaitingForGoLive);
/// assert!(status.needs_publisher_action());
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ProductStatus {
    /// The product (its offer id, or its durable id).
    pub product: String,
    /// The latest submission to preview.
    pub preview: Option<Submission>,
    /// The latest submission to live.
    pub live: Option<Submission>,
    /// Where it stands.
    pub stage: ProductStage,
}

impl ProductStatus {
    /// The status of `product` from its submissions.
    pub fn from_submissions(product: &str, submissions: Vec<Submission>) -> ProductStatus {
        let latest = |target: Target| {
            submissions
                .iter()
                .filter(|s| s.target == target)
                .max_by(|a, b| (a.created, numeric(&a.id)).cmp(&(b.created, numeric(&b.id))))
                .cloned()
        };
        let (preview, live) = (latest(Target::Preview), latest(Target::Live));
        let stage = stage(preview.as_ref(), live.as_ref());
        ProductStatus {
            product: product.to_owned(),
            preview,
            live,
            stage,
        }
    }

    /// True when nothing runs and nothing waits for the publisher.
    pub fn is_terminal(&self) -> bool {
        self.stage.is_terminal()
    }

    /// True when a preview waits for go-live.
    pub fn needs_publisher_action(&self) -> bool {
        self.stage.needs_publisher_action()
    }

    /// True while a submission runs.
    pub fn in_progress(&self) -> bool {
        self.stage.in_progress()
    }

    /// The submission that runs, if one does.
    pub fn running(&self) -> Option<&Submission> {
        [self.live.as_ref(), self.preview.as_ref()]
            .into_iter()
            .flatten()
            .find(|s| s.in_progress())
    }
}

/// The number at the end of a submission id (`submission/<g>/1152921515689847470`).
fn numeric(id: &str) -> u128 {
    id.rsplit('/')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn stage(preview: Option<&Submission>, live: Option<&Submission>) -> ProductStage {
    if live.is_some_and(Submission::in_progress) {
        return ProductStage::LiveInProgress;
    }
    if preview.is_some_and(Submission::in_progress) {
        return ProductStage::PreviewInProgress;
    }
    // A preview newer than live: the same id in both means it went live.
    let newer_preview = preview.filter(|p| live.is_none_or(|l| l.id != p.id));
    match (newer_preview, live) {
        (Some(p), _) if p.failed() => ProductStage::PreviewFailed,
        (Some(p), _) if p.succeeded() => ProductStage::WaitingForGoLive,
        (_, Some(l)) if l.failed() => ProductStage::LiveFailed,
        (_, Some(l)) if l.succeeded() => ProductStage::Live,
        (None, None) => ProductStage::NeverPublished,
        _ => ProductStage::Unknown("unknown".to_owned()),
    }
}
