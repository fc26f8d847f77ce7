//! Helpers shared by the HTTP tests.

use cloudpartner_emulator::{Emulator, Scenario};

/// An HTTP client that ignores proxy settings and does not follow redirects. reqwest is
/// built without a rustls provider (the workspace uses ring): install it first.
pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client")
}

/// The status URL of an offer; the ids must already be percent-encoded.
pub fn status_url(emulator: &Emulator, publisher: &str, offer: &str) -> String {
    format!(
        "{}/api/publishers/{publisher}/offers/{offer}/status?api-version=2017-10-31",
        emulator.base_url()
    )
}

/// Starts an emulator serving the scenario in `json`.
pub async fn start(json: &str) -> Emulator {
    let scenario = Scenario::from_json_str(json).expect("a valid test scenario");
    Emulator::builder()
        .scenario(scenario)
        .start()
        .await
        .expect("the emulator starts")
}

/// Starts an emulator serving the default scenario.
pub async fn start_default() -> Emulator {
    Emulator::builder()
        .start()
        .await
        .expect("the emulator starts")
}

/// GETs an offer's status with the emulator's token.
pub async fn get_status(emulator: &Emulator, publisher: &str, offer: &str) -> reqwest::Response {
    client()
        .get(status_url(emulator, publisher, offer))
        .bearer_auth(emulator.token())
        .send()
        .await
        .expect("a response")
}

/// GETs an offer's status and parses the 200 JSON body.
pub async fn status_document(
    emulator: &Emulator,
    publisher: &str,
    offer: &str,
) -> serde_json::Value {
    let response = get_status(emulator, publisher, offer).await;
    assert_eq!(response.status(), 200, "status of {publisher}/{offer}");
    crate::support::json_body(response)
        .await
        .expect("a JSON document")
}

/// The `error.code` of an API error response.
pub async fn api_error_code(response: reqwest::Response) -> String {
    let body: serde_json::Value = crate::support::json_body(response)
        .await
        .expect("a JSON error body");
    body["error"]["code"]
        .as_str()
        .expect("an error code")
        .to_owned()
}

/// A scenario with one publisher `p` and fixed offers `o1` and `o2`, plus
/// these faults.
pub fn scenario_with_faults(faults: &str) -> String {
    format!(
        r#"{{"publishers": {{"p": {{"offers": {{
            "o1": {{"status": {{"status": "succeeded", "steps": []}}}},
            "o2": {{"status": {{"status": "running", "steps": []}}}}
        }}}}}}, "faults": {faults}}}"#
    )
}

/// Reads a response body as JSON.
pub async fn json_body(response: reqwest::Response) -> Result<serde_json::Value, String> {
    let text = response.text().await.map_err(|error| error.to_string())?;
    serde_json::from_str(&text).map_err(|error| format!("{error} in {text:?}"))
}

/// The URL of an API path (starting with `/api/`), with the api-version.
pub fn api_url(emulator: &Emulator, path: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!(
        "{}{path}{separator}api-version=2017-10-31",
        emulator.base_url()
    )
}

/// Sends a request with the emulator's token.
pub async fn send(emulator: &Emulator, request: reqwest::RequestBuilder) -> reqwest::Response {
    request
        .bearer_auth(emulator.token())
        .send()
        .await
        .expect("a response")
}

/// GETs an API path with the emulator's token.
pub async fn api_get(emulator: &Emulator, path: &str) -> reqwest::Response {
    send(emulator, client().get(api_url(emulator, path))).await
}

/// GETs an API path and parses the 200 JSON body.
pub async fn api_json(emulator: &Emulator, path: &str) -> serde_json::Value {
    let response = api_get(emulator, path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    json_body(response).await.expect("a JSON document")
}

/// PUTs an offer document with the given precondition headers.
pub async fn put_offer(
    emulator: &Emulator,
    publisher: &str,
    offer: &str,
    document: &serde_json::Value,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = client()
        .put(api_url(
            emulator,
            &format!("/api/publishers/{publisher}/offers/{offer}"),
        ))
        .header("content-type", "application/json")
        .body(document.to_string());
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(emulator, request).await
}

/// POSTs to an offer's publish, golive or cancel route with `body`.
pub async fn post_action(
    emulator: &Emulator,
    publisher: &str,
    offer: &str,
    action: &str,
    body: &str,
) -> reqwest::Response {
    let request = client()
        .post(api_url(
            emulator,
            &format!("/api/publishers/{publisher}/offers/{offer}/{action}"),
        ))
        .body(body.to_owned());
    send(emulator, request).await
}

/// A VM offer document `o` of publisher `p` with one plan `plan` and one
/// image version `1.0.0`.
pub fn vm_offer(publisher: &str, offer: &str) -> serde_json::Value {
    serde_json::json!({
        "offerTypeId": "microsoft-azure-virtualmachines",
        "publisherId": publisher,
        "status": "neverPublished",
        "id": offer,
        "version": 1,
        "definition": {
            "displayText": "Test VM",
            "offer": {"microsoft-azure-marketplace.title": "Test VM", "x-unknown": {"kept": [1, 2]}},
            "plans": [{
                "planId": "plan",
                "microsoft-azure-virtualmachines.vmImages": {
                    "1.0.0": {"osVhdUrl": "https://x.blob.core.windows.net/v/os.vhd?sig=s", "lunVhdDetails": []}
                },
                "diskGenerations": []
            }]
        },
        "changedTime": "2026-12-01T20:59:26.1234567Z"
    })
}
