//! The publishing endpoints of the client: publishers, offers read and written with
//! ETags, publish, go-live, cancel and operations (DESIGN §8).

use reqwest::Method;
use reqwest::header::{ETAG, HeaderName};
use serde_json::json;
use url::Url;

use super::urls::api_url;
use crate::cpp::client::{Client, check_id};
use crate::cpp::offer::{Offer, parse_offer, parse_offers};
use crate::cpp::offer_selector::OfferSelector;
use crate::cpp::operation::{Operation, parse_operation, parse_operations};
use crate::cpp::operation_ref::OperationRef;
use crate::cpp::precondition::Precondition;
use crate::cpp::publisher::{Publisher, parse_publishers};
use crate::cpp::state::OperationState;
use crate::error::{Error, ErrorKind, Result};
use crate::transport::url_rules::same_origin;
use crate::transport::{ApiRequest, ApiResponse};

const OPERATION_LOCATION: HeaderName = HeaderName::from_static("operation-location");

/// The body of publish and cancel: `{"metadata": {"notification-emails": "a,b"}}`.
fn notification_body<I, S>(emails: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let emails: Vec<String> = emails
        .into_iter()
        .flat_map(|e| {
            e.as_ref()
                .split([',', ';'])
                .map(|e| e.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|e| !e.is_empty())
        .collect();
    json!({"metadata": {"notification-emails": emails.join(",")}})
        .to_string()
        .into_bytes()
}

impl Client {
    fn url(&self, segments: &[&str], query: &[(&str, &str)]) -> String {
        api_url(self.base(), self.api_version(), segments, query)
    }

    /// The publisher accounts the identity may work on (`GET /api/publishers`).
    pub async fn publishers(&self) -> Result<Vec<Publisher>> {
        let url = self.url(&["publishers"], &[]);
        self.get_json(url, parse_publishers).await
    }

    /// A publisher's offers, as summaries: the definition has the display text but no
    /// plans (`GET /api/publishers/{p}/offers`).
    pub async fn offers(&self, publisher_id: &str) -> Result<Vec<Offer>> {
        check_id("publisher", publisher_id)?;
        let url = self.url(&["publishers", publisher_id, "offers"], &[]);
        self.get_json(url, parse_offers).await
    }

    /// One offer: the draft (with its ETag, when the service sends one), a slot, or a
    /// past version. Every field of the document is kept, in order, so that it can be
    /// edited and written back with [`Client::put_offer`].
    ///
    /// ```no_run
    /// # async fn run(client: cloudpartner::Client) -> cloudpartner::Result<()> {
    /// use cloudpartner::{OfferSelector, OfferSlot};
    /// let draft = client.offer("contoso", "vm-release", OfferSelector::Draft).await?;
    /// let live = client.offer("contoso", "vm-release", OfferSelector::Slot(OfferSlot::Production)).await?;
    /// println!("draft v{}, live v{}", draft.version(), live.version());
    /// # Ok(()) }
    /// ```
    pub async fn offer(
        &self,
        publisher_id: &str,
        offer_id: &str,
        selector: OfferSelector,
    ) -> Result<Offer> {
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        let base = ["publishers", publisher_id, "offers", offer_id];
        let version;
        let url = match selector {
            OfferSelector::Draft => self.url(&base, &[]),
            OfferSelector::Slot(slot) => {
                self.url(&[&base[..], &["slot", slot.as_path()]].concat(), &[])
            }
            OfferSelector::Version(n) => {
                version = n.to_string();
                self.url(&[&base[..], &["versions", &version]].concat(), &[])
            }
        };
        let response = self.transport().execute(&ApiRequest::get(url)).await?;
        offer_of(&response)
    }

    /// Writes an offer back (`PUT /api/publishers/{p}/offers/{o}`, the ids taken from the
    /// offer's document) and returns the offer as the service stored it, with its new
    /// ETag. What is sent is the offer as it is now, edits included, every other field
    /// as it was read.
    ///
    /// The write is sent once: it is retried only where the service cannot have acted
    /// (the connection failed before sending, 408, 429, 503). A 409 or 412 is an
    /// [`ErrorKind::Conflict`]: the offer changed since it was read (read it again and
    /// redo the change), or, with [`Precondition::Create`], it exists.
    pub async fn put_offer(&self, offer: &Offer, precondition: Precondition) -> Result<Offer> {
        let publisher_id = offer.publisher_id();
        let offer_id = offer.id();
        if publisher_id.trim().is_empty() || offer_id.trim().is_empty() {
            return Err(Error::invalid_argument(
                "the offer to write has no `publisherId` or `id`",
            ));
        }
        let url = self.url(&["publishers", publisher_id, "offers", offer_id], &[]);
        let (name, value) = precondition.header(offer.etag());
        let request = ApiRequest::with_json(Method::PUT, url, offer.to_json().into_bytes())
            .header(name, value);
        let response = self.transport().execute(&request).await?;
        offer_of(&response)
    }

    /// Publishes the offer's draft: it is validated, copied to preview and certified; the
    /// publish then waits for the publisher's review (watch it with
    /// [`crate::WatchUntil::PublisherAction`], then [`Client::go_live`]). The emails get
    /// the service's notifications.
    ///
    /// A 409 (another operation runs) is [`ErrorKind::Conflict`]; a 422 (the offer does
    /// not validate) is [`ErrorKind::BadRequest`] with the API's code and message.
    pub async fn publish<I, S>(
        &self,
        publisher_id: &str,
        offer_id: &str,
        notification_emails: I,
    ) -> Result<OperationRef>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let response = self
            .post(
                publisher_id,
                offer_id,
                "publish",
                Some(notification_body(notification_emails)),
            )
            .await?;
        self.operation_ref(&response)?
            .ok_or_else(|| missing_location(&response, "publish"))
    }

    /// Makes the reviewed preview live. Only while the offer waits for the publisher's
    /// review; else a [`ErrorKind::Conflict`].
    pub async fn go_live(&self, publisher_id: &str, offer_id: &str) -> Result<OperationRef> {
        let response = self.post(publisher_id, offer_id, "golive", None).await?;
        self.operation_ref(&response)?
            .ok_or_else(|| missing_location(&response, "go-live"))
    }

    /// Cancels the running operation. `Some` operation to follow while the service
    /// cancels (202); `None` when it was done at once (200).
    pub async fn cancel<I, S>(
        &self,
        publisher_id: &str,
        offer_id: &str,
        notification_emails: I,
    ) -> Result<Option<OperationRef>>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let response = self
            .post(
                publisher_id,
                offer_id,
                "cancel",
                Some(notification_body(notification_emails)),
            )
            .await?;
        if response.status == 202 {
            self.operation_ref(&response)
        } else {
            Ok(None)
        }
    }

    /// The offer's operations (`GET .../submissions`), those in `state` only when given.
    pub async fn operations(
        &self,
        publisher_id: &str,
        offer_id: &str,
        state: Option<OperationState>,
    ) -> Result<Vec<Operation>> {
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        let segments = [
            "publishers",
            publisher_id,
            "offers",
            offer_id,
            "submissions",
        ];
        let url = match &state {
            Some(state) => self.url(&segments, &[("status", state.as_wire())]),
            None => self.url(&segments, &[]),
        };
        self.get_json(url, parse_operations).await
    }

    /// One operation by id, with its steps and messages when the service sends them.
    pub async fn operation(
        &self,
        publisher_id: &str,
        offer_id: &str,
        operation_id: &str,
    ) -> Result<Operation> {
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        check_id("operation", operation_id)?;
        let url = self.url(
            &[
                "publishers",
                publisher_id,
                "offers",
                offer_id,
                "operations",
                operation_id,
            ],
            &[],
        );
        self.get_json(url, parse_operation).await
    }

    /// The operation at a URL that publish, go-live or cancel answered (an
    /// [`OperationRef`]'s `url`), in either of its forms. A URL on another origin than
    /// the client's base URL is refused ([`ErrorKind::InvalidArgument`]): the token is
    /// never sent elsewhere.
    pub async fn operation_at(&self, url: &str) -> Result<Operation> {
        let resolved = self
            .base()
            .join(url.trim())
            .map_err(|e| Error::invalid_argument(format!("operation URL `{url}`: {e}")))?;
        if !same_origin(&resolved, self.base()) {
            return Err(Error::invalid_argument(format!(
                "operation URL `{resolved}` is not on the client's origin ({}): refusing to send the token there",
                origin(self.base())
            )));
        }
        let mut resolved = resolved;
        if !resolved.query_pairs().any(|(k, _)| k == "api-version") {
            resolved
                .query_pairs_mut()
                .append_pair("api-version", self.api_version());
        }
        self.get_json(resolved.into(), parse_operation).await
    }

    /// A GET of `url`, its body read by `parse`.
    async fn get_json<T>(&self, url: String, parse: fn(&[u8]) -> Result<T>) -> Result<T> {
        self.transport()
            .execute(&ApiRequest::get(url))
            .await?
            .json(parse)
    }

    async fn post(
        &self,
        publisher_id: &str,
        offer_id: &str,
        action: &str,
        body: Option<Vec<u8>>,
    ) -> Result<ApiResponse> {
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        let url = self.url(
            &["publishers", publisher_id, "offers", offer_id, action],
            &[],
        );
        let request = ApiRequest::with_json(Method::POST, url, body.unwrap_or_default());
        self.transport().execute(&request).await
    }

    /// The operation a 202 points at (`Operation-Location`, else `Location`).
    fn operation_ref(&self, response: &ApiResponse) -> Result<Option<OperationRef>> {
        let location = response
            .header(OPERATION_LOCATION.as_str())
            .or_else(|| response.header("location"));
        location
            .map(|l| OperationRef::from_location(self.base().as_str(), l))
            .transpose()
            .map_err(|e| {
                e.with_status(response.status)
                    .with_request_id(Some(response.request_id.clone()))
            })
    }
}

fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

fn missing_location(response: &ApiResponse, what: &str) -> Error {
    Error::new(
        ErrorKind::Parse,
        format!(
            "{what}: HTTP {} without a Location or Operation-Location header to follow",
            response.status
        ),
    )
    .with_status(response.status)
    .with_request_id(Some(response.request_id.clone()))
}

/// The offer of a response, with the response's ETag.
fn offer_of(response: &ApiResponse) -> Result<Offer> {
    let mut offer = response.json(parse_offer)?;
    offer.set_etag(response.header(ETAG.as_str()).map(str::to_owned));
    Ok(offer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notification_emails_are_one_comma_separated_string() {
        let body = notification_body(["a@x.com", " b@y.com;c@z.com ", ""]);
        assert_eq!(
            String::from_utf8(body).unwrap(),
            r#"{"metadata":{"notification-emails":"a@x.com,b@y.com,c@z.com"}}"#
        );
        let none: [&str; 0] = [];
        assert_eq!(
            String::from_utf8(notification_body(none)).unwrap(),
            r#"{"metadata":{"notification-emails":""}}"#
        );
    }
}
