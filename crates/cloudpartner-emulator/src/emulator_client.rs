//! A ready client for a running emulator: its base URL, its token, and polling on its
//! clock.

use cloudpartner::{Client, ClientOptions};

use crate::emulator::Emulator;

impl Emulator {
    /// The options of a client of this emulator: its base URLs (the CPP API's and
    /// the Product Ingestion API's) and token, and a
    /// `poll_time_scale` of the emulator's time scale, so that a watch polls as often in
    /// the emulator's time as it would against the service. Bindings add their own
    /// fields (the User-Agent tag) before building.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let emulator = cloudpartner_emulator::Emulator::builder().time_scale(1000.0).start().await.unwrap();
    /// let options = emulator.client_options();
    /// assert_eq!(options.poll_time_scale, Some(1000.0));
    /// assert_eq!(options.base_url.as_deref(), Some(emulator.base_url()));
    /// assert_eq!(options.ingestion_base_url, Some(format!("{}/rp/product-ingestion", emulator.base_url())));
    /// # }
    /// ```
    pub fn client_options(&self) -> ClientOptions {
        ClientOptions {
            base_url: Some(self.base_url().to_owned()),
            ingestion_base_url: Some(self.ingestion_base_url()),
            token: Some(self.token().into()),
            poll_time_scale: Some(self.time_scale()),
            ..ClientOptions::default()
        }
    }

    /// A client of this emulator (see [`Emulator::client_options`]); an error only when
    /// the scenario's token is blank.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let emulator = cloudpartner_emulator::Emulator::builder().start().await.unwrap();
    /// let status = emulator.client().unwrap().offer_status("contoso", "live-offer").await.unwrap();
    /// assert!(status.is_terminal());
    /// # }
    /// ```
    pub fn client(&self) -> cloudpartner::Result<Client> {
        Client::new(self.client_options())
    }
}

impl Emulator {
    /// A client of this emulator's Product Ingestion API (see
    /// [`Emulator::client_options`]).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let emulator = cloudpartner_emulator::Emulator::builder().start().await.unwrap();
    /// let client = emulator.ingestion_client().unwrap();
    /// let product = client.product("vm-release").await.unwrap();
    /// assert_eq!(product.external_id(), "vm-release");
    /// # }
    /// ```
    pub fn ingestion_client(&self) -> cloudpartner::Result<cloudpartner::ingestion::Client> {
        cloudpartner::ingestion::Client::new(self.client_options())
    }
}
