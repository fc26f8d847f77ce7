//! Shared helpers for the client tests: an emulator with a scenario, a fast client, and a
//! raw one-shot HTTP server for answers the emulator does not make.

#![allow(dead_code)]

use std::time::Duration;

use cloudpartner::{Client, ClientBuilder, RetryPolicy};
use cloudpartner_emulator::{Emulator, Scenario};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub const TOKEN: &str = "test-token-5ecret";

/// A scenario with a fixed offer `fixed`, a publish `vm`, and the given faults.
pub fn scenario(faults: serde_json::Value) -> Scenario {
    let doc = serde_json::json!({
        "token": TOKEN,
        "clients": [{"tenant": "t1", "clientId": "c1", "clientSecret": "s1"}],
        "publishers": {"contoso": {"offers": {
            "fixed": {"status": {"status": "succeeded", "steps": [
                {"id": "validate", "stepName": "Validate", "status": "complete", "progressPercentage": 100}
            ]}},
            "a/b?c#d %e": {"status": {"status": "running", "steps": []}},
            "other": {"status": {"status": "failed", "steps": []}}
        }}},
        "faults": faults,
    });
    Scenario::from_json_str(&doc.to_string()).expect("valid scenario")
}

pub async fn emulator(faults: serde_json::Value) -> Emulator {
    Emulator::builder()
        .scenario(scenario(faults))
        .start()
        .await
        .expect("emulator starts")
}

pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 4,
        base: Duration::from_millis(5),
        cap: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(2),
    }
}

pub fn builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .token(TOKEN)
        .retry_policy(fast_retries())
        .timeout(Duration::from_secs(5))
}

pub fn client(emulator: &Emulator) -> Client {
    builder(emulator.base_url()).build().unwrap()
}

/// The error a default client gets for the `fixed` offer (the test expects one).
pub async fn fixed_offer_error(emulator: &Emulator) -> cloudpartner::Error {
    client(emulator)
        .offer_status("contoso", "fixed")
        .await
        .expect_err("the request should fail")
}

/// Serves `response` (raw HTTP) to every connection; returns the base URL.
pub async fn raw_server(response: &'static str) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let _ = socket.write_all(response.as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}
