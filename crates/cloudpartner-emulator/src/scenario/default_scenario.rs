//! The scenario served when none is given: its shared parts, and each API's
//! default part.

use crate::apis::ApiScenarios;
use crate::auth::client_credentials::ClientCredentials;
use crate::scenario::{DEFAULT_TOKEN, Scenario};

impl Scenario {
    /// The scenario served when none is given.
    ///
    /// - token `emulator-token`; one client: tenant `contoso-tenant`, client
    ///   id `contoso-app`, secret `contoso-secret`;
    /// - publisher `contoso` with fixed documents in every offer state:
    ///   `never-published` (neverPublished, no steps), `not-started`
    ///   (notStarted), `review-offer` (waitingForPublisherReview at the
    ///   `publisher-signoff` step, preview link), `running-offer` (running,
    ///   Certification inProgress at 40 %), `live-offer` (succeeded, every step
    ///   complete, preview and live links), `canceled-offer` (canceled during
    ///   Certification), `failed-offer` (failed, Certification rejected with an
    ///   error message);
    /// - `vm-offer`, a simulated publish starting when the emulator starts
    ///   with the six steps of the reference sample (Validate Pre-Requisites,
    ///   Certification, Provisioning, Packaging and Lead Generation
    ///   Registration, Publisher signoff, Live), succeeding after
    ///   [`DEFAULT_PUBLISH_SECONDS`](crate::DEFAULT_PUBLISH_SECONDS) simulated seconds;
    /// - each of those with a small VM offer document (one plan `standard`,
    ///   image version `1.0.0`), so the publishing API lists them all;
    /// - and `vm-release`, a VM offer never published (draft only, status
    ///   `neverPublished`) with plans `standard` (image versions `1.0.0` and
    ///   `1.1.0`, disk generation `standard-gen2` with `1.1.0`) and `byol`
    ///   (`1.1.0`), for whole releases: PUT, publish, go-live;
    ///   `rejected-release`, the same offer whose publish has its
    ///   Certification rejected (a release of it fails with exit code 3);
    ///   `corevm-release`, the same plans in an offer of type
    ///   `microsoft-azure-corevm`, images under
    ///   `microsoft-azure-corevm.vmImagesPublicAzure`;
    /// - `live-offer` serves its document from the draft, preview and
    ///   production slots, `review-offer` from the draft and preview;
    /// - for the Product Ingestion API, product `vm-release` (published and
    ///   live; plans `standard`, SKUs `standard` x64Gen1 and `standard-gen2`
    ///   x64Gen2, and `byol`, x64Gen2; version `1.0.0` in each) and `vm-new`
    ///   (plan `standard`, never published, no versions); see the crate docs.
    pub fn default_scenario() -> Scenario {
        Scenario {
            token: String::from(DEFAULT_TOKEN),
            time_scale: 1.0,
            clients: vec![ClientCredentials {
                tenant: String::from("contoso-tenant"),
                client_id: String::from("contoso-app"),
                client_secret: String::from("contoso-secret"),
            }],
            faults: Vec::new(),
            apis: ApiScenarios::defaults(),
        }
    }
}
