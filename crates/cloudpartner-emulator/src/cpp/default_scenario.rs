//! The CPP part of the scenario an emulator serves when given none: publisher `contoso` with
//! an offer in every offer state, `vm-offer`, a simulated publish of a
//! virtual machine offer that starts when the emulator starts, and
//! the release offers, never published, for releases through the publishing
//! API: `vm-release`, `rejected-release` (its certification is rejected) and
//! `corevm-release` (of type `microsoft-azure-corevm`).

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};

use crate::clock::format_timestamp;
use crate::cpp::default_offer_documents::{
    REJECTED_RELEASE, RELEASE_OFFERS, release_document, small_vm_offer_document,
};
use crate::cpp::location::LocationForm;
use crate::cpp::publish_simulation::{OfferIds, SimulatedPublish, SimulatedStep, StepOutcome};
use crate::cpp::scenario_offer::{ScenarioOffer, StatusSource};
use crate::cpp::scenario_part::CppScenario;
use crate::cpp::status_document::OfferDocument;

/// The simulated seconds the default scenario's `vm-offer` publish takes from
/// start to `succeeded` (about 3.9 days); divide by the wanted real seconds to
/// get a time scale, e.g. `DEFAULT_PUBLISH_SECONDS / 20.0` finishes in 20 s.
pub const DEFAULT_PUBLISH_SECONDS: f64 = 335_400.0;

/// The publisher of the default scenario.
const PUBLISHER: &str = "contoso";

/// The notification emails of the default scenario's offers.
const NOTIFICATION_EMAILS: &str = "jdoe@contoso.com";

/// The steps of a virtual machine offer's publish, as in the reference
/// sample: (id, name, description, estimated time frame, simulated seconds).
const VM_OFFER_STEPS: [(&str, &str, &str, &str, f64); 6] = [
    (
        "displaydummycertify",
        "Validate Pre-Requisites",
        "Offer settings provided are validated.",
        "< 15 min",
        600.0,
    ),
    (
        "displaycertify",
        "Certification",
        "Your offer is analyzed by our certification systems for issues.",
        "~2-3 days",
        172_800.0,
    ),
    (
        "displayprovision",
        "Provisioning",
        "Your virtual machine is being replicated in our production systems.",
        "< 1 day",
        28_800.0,
    ),
    (
        "displaypackage",
        "Packaging and Lead Generation Registration",
        "Your virtual machine is being packaged for customers. Additionally, lead systems are being configured and set up.",
        "< 1 hour",
        1_800.0,
    ),
    (
        "publisher-signoff",
        "Publisher signoff",
        "Offer is available to preview. Ensure that everything looks good before making your offer live.",
        "< 1 hour",
        1_800.0,
    ),
    (
        "live",
        "Live",
        "Offer is publicly visible and is available for purchase.",
        "~2-5 days",
        129_600.0,
    ),
];

/// The certification failure of `failed-offer`.
const CERTIFICATION_FAILURE: &str = "<p>Certification failed: the operating system disk of the image is not generalized. Generalize the virtual machine, capture a new image and publish the offer again.</p>";

/// Step `index` of [`VM_OFFER_STEPS`], ending with `outcome`.
fn vm_offer_step(index: usize, outcome: StepOutcome) -> SimulatedStep {
    let (id, step_name, description, estimated_time_frame, duration_seconds) =
        VM_OFFER_STEPS[index];
    SimulatedStep {
        id: id.to_owned(),
        step_name: step_name.to_owned(),
        description: description.to_owned(),
        estimated_time_frame: estimated_time_frame.to_owned(),
        duration_seconds,
        outcome,
        message: None,
    }
}

/// The default publish of a virtual machine offer, starting at simulated time 0.
fn vm_offer_publish() -> SimulatedPublish {
    SimulatedPublish {
        started_seconds_ago: 0.0,
        steps: (0..VM_OFFER_STEPS.len())
            .map(|index| vm_offer_step(index, StepOutcome::Complete))
            .collect(),
    }
}

/// The steps a publish through the API plays by default: the six steps of
/// a VM offer, parking at *Publisher signoff* for the publisher's review.
pub(crate) fn default_release_steps() -> Vec<SimulatedStep> {
    (0..VM_OFFER_STEPS.len())
        .map(|index| match index {
            4 => default_signoff_step(),
            _ => vm_offer_step(index, StepOutcome::Complete),
        })
        .collect()
}

/// The steps a publish of `rejected-release` plays: those of
/// [`default_release_steps`], with Certification rejected.
fn rejected_release_steps() -> Vec<SimulatedStep> {
    let mut steps = default_release_steps();
    steps[1] = SimulatedStep {
        message: Some(CERTIFICATION_FAILURE.to_owned()),
        ..vm_offer_step(1, StepOutcome::Rejected)
    };
    steps
}

/// The default *Publisher signoff* step, parking for review.
pub(crate) fn default_signoff_step() -> SimulatedStep {
    vm_offer_step(4, StepOutcome::WaitingForPublisherReview)
}

/// The default *Live* step.
pub(crate) fn default_live_step() -> SimulatedStep {
    vm_offer_step(5, StepOutcome::Complete)
}

/// The same publish with one step ending differently.
fn vm_offer_publish_ending(
    step_id: &str,
    outcome: StepOutcome,
    message: Option<&str>,
) -> SimulatedPublish {
    let mut publish = vm_offer_publish();
    for step in publish.steps.iter_mut().filter(|step| step.id == step_id) {
        step.outcome = outcome;
        step.message = message.map(str::to_owned);
    }
    publish
}

/// When the fixed documents' publishes started: ten minutes before the
/// reference sample's "Step completed." timestamp.
fn fixed_publish_start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2018-03-16T17:40:45.7215661Z")
        .map(|time| time.with_timezone(&Utc))
        .unwrap_or_default()
}

/// A snapshot of a publish at simulated time `t`, with timestamps on the
/// fixed historical timeline.
fn snapshot(publish: &SimulatedPublish, offer: &str, t: f64) -> OfferDocument {
    let start = fixed_publish_start();
    publish.render(
        OfferIds {
            publisher: PUBLISHER,
            offer,
        },
        NOTIFICATION_EMAILS,
        t,
        |seconds| format_timestamp(start + TimeDelta::milliseconds((seconds * 1000.0) as i64)),
    )
}

/// The fixed documents of the default scenario, by offer id.
fn fixed_documents() -> Vec<(&'static str, OfferDocument)> {
    let publish = vm_offer_publish();
    let certification_start = VM_OFFER_STEPS[0].4;
    let certification_seconds = VM_OFFER_STEPS[1].4;

    let never_published = OfferDocument {
        status: "neverPublished",
        messages: Vec::new(),
        steps: Vec::new(),
        preview_links: Vec::new(),
        live_links: Vec::new(),
        notification_emails: String::new(),
    };

    let not_started = snapshot(&publish, "not-started", -60.0);

    let running = snapshot(
        &publish,
        "running-offer",
        certification_start + 0.405 * certification_seconds,
    );

    let review = snapshot(
        &vm_offer_publish_ending(
            "publisher-signoff",
            StepOutcome::WaitingForPublisherReview,
            None,
        ),
        "review-offer",
        DEFAULT_PUBLISH_SECONDS,
    );

    let live = snapshot(&publish, "live-offer", DEFAULT_PUBLISH_SECONDS);

    let failed = snapshot(
        &vm_offer_publish_ending(
            "displaycertify",
            StepOutcome::Rejected,
            Some(CERTIFICATION_FAILURE),
        ),
        "failed-offer",
        DEFAULT_PUBLISH_SECONDS,
    );

    let cancel_time = certification_start + 0.25 * certification_seconds;
    let cancel_timestamp =
        format_timestamp(fixed_publish_start() + TimeDelta::seconds(cancel_time as i64));
    let canceled = snapshot(&publish, "canceled-offer", cancel_time).canceled(cancel_timestamp);

    vec![
        ("never-published", never_published),
        ("not-started", not_started),
        ("review-offer", review),
        ("running-offer", running),
        ("live-offer", live),
        ("canceled-offer", canceled),
        ("failed-offer", failed),
    ]
}

/// The display text and document `status` of the small offer document of
/// each status offer.
const OFFER_DOCUMENTS: [(&str, &str, &str); 8] = [
    ("never-published", "Contoso Draft VM", "neverPublished"),
    ("not-started", "Contoso Queued VM", "neverPublished"),
    ("review-offer", "Contoso Preview VM", "neverPublished"),
    ("running-offer", "Contoso Certifying VM", "neverPublished"),
    ("live-offer", "Contoso Live VM", "published"),
    ("canceled-offer", "Contoso Canceled VM", "neverPublished"),
    ("failed-offer", "Contoso Rejected VM", "neverPublished"),
    ("vm-offer", "Contoso VM", "neverPublished"),
];

/// A default offer with its status and, from [`OFFER_DOCUMENTS`], its
/// small offer document.
fn default_offer(offer: &str, status: StatusSource) -> ScenarioOffer {
    let document = OFFER_DOCUMENTS
        .iter()
        .find(|(id, _, _)| *id == offer)
        .map(|(id, display_text, status)| small_vm_offer_document(id, display_text, status));
    ScenarioOffer {
        status,
        document,
        release_steps: None,
        notification_emails: String::from(NOTIFICATION_EMAILS),
        omit_etag: None,
    }
}

/// The CPP part of [`Scenario::default_scenario`](crate::Scenario::default_scenario).
pub(crate) fn default_cpp_scenario() -> CppScenario {
    let mut offers: BTreeMap<String, ScenarioOffer> = fixed_documents()
        .into_iter()
        .map(|(offer, document)| {
            let status = StatusSource::Fixed {
                body: document.to_json(),
            };
            (offer.to_owned(), default_offer(offer, status))
        })
        .collect();
    offers.insert(
        String::from("vm-offer"),
        default_offer(
            "vm-offer",
            StatusSource::Simulated {
                publish: vm_offer_publish(),
            },
        ),
    );
    for release in RELEASE_OFFERS {
        let release_steps = (release.id == REJECTED_RELEASE).then(rejected_release_steps);
        offers.insert(
            release.id.to_owned(),
            ScenarioOffer {
                status: StatusSource::NeverPublished,
                document: Some(release_document(release)),
                release_steps,
                notification_emails: String::from(NOTIFICATION_EMAILS),
                omit_etag: None,
            },
        );
    }
    CppScenario {
        publishers: BTreeMap::from([(String::from(PUBLISHER), offers)]),
        location_form: LocationForm::default(),
        omit_etag: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn document(offer: &str) -> Value {
        let scenario = default_cpp_scenario();
        match &scenario.publishers[PUBLISHER][offer].status {
            StatusSource::Fixed { body } => serde_json::from_str(body).unwrap(),
            other => panic!("{offer} is not fixed: {other:?}"),
        }
    }

    fn step_states(document: &Value) -> Vec<(String, u64)> {
        document["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| {
                (
                    step["status"].as_str().unwrap().to_owned(),
                    step["progressPercentage"].as_u64().unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn the_publish_length_matches_the_steps() {
        assert_eq!(vm_offer_publish().total_seconds(), DEFAULT_PUBLISH_SECONDS);
        assert_eq!(
            default_cpp_scenario().publish_seconds("contoso", "vm-offer"),
            Some(DEFAULT_PUBLISH_SECONDS)
        );
        let days = DEFAULT_PUBLISH_SECONDS / 86_400.0;
        assert!((3.0..=4.0).contains(&days), "{days}");
    }

    #[test]
    fn every_offer_state_is_served() {
        let expected = [
            ("never-published", "neverPublished"),
            ("not-started", "notStarted"),
            ("review-offer", "waitingForPublisherReview"),
            ("running-offer", "running"),
            ("live-offer", "succeeded"),
            ("canceled-offer", "canceled"),
            ("failed-offer", "failed"),
        ];
        for (offer, state) in expected {
            assert_eq!(document(offer)["status"], state, "{offer}");
        }
        assert_eq!(default_cpp_scenario().offer_ids().len(), 11);
    }

    #[test]
    fn the_fixed_documents_look_like_the_service() {
        let running = document("running-offer");
        assert_eq!(step_states(&running)[1], (String::from("inProgress"), 40));
        assert_eq!(
            running["steps"][0]["messages"][1]["timestamp"],
            "2018-03-16T17:50:45.7215661Z"
        );

        let review = document("review-offer");
        assert_eq!(
            step_states(&review)[4],
            (String::from("waitingForPublisherReview"), 100)
        );
        assert_eq!(review["previewLinks"].as_array().unwrap().len(), 1);

        let live = document("live-offer");
        assert!(
            step_states(&live)
                .iter()
                .all(|(s, p)| s == "complete" && *p == 100)
        );
        assert_eq!(
            live["liveLinks"][0]["uri"],
            "https://azuremarketplace.microsoft.com/marketplace/apps/contoso.live-offer"
        );

        let failed = document("failed-offer");
        assert_eq!(step_states(&failed)[1].0, "rejected");
        assert_eq!(failed["steps"][1]["messages"][1]["level"], "error");
        assert_eq!(
            failed["steps"][1]["messages"][1]["messageHtml"],
            CERTIFICATION_FAILURE
        );

        let canceled = document("canceled-offer");
        assert_eq!(step_states(&canceled)[1].0, "canceled");

        let not_started = document("not-started");
        assert!(
            step_states(&not_started)
                .iter()
                .all(|(s, _)| s == "notStarted")
        );
        assert_eq!(not_started["notificationEmails"], NOTIFICATION_EMAILS);
    }
}
