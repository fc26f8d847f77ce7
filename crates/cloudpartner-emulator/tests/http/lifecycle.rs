//! Starting, running side by side, shutting down and dropping emulators.

use std::time::{Duration, Instant};

use cloudpartner_emulator::{Emulator, Fault, FaultKind};

use crate::support::{client, get_status, start_default, status_url};

/// Whether something accepts connections at the address.
async fn is_listening(addr: std::net::SocketAddr) -> bool {
    tokio::net::TcpStream::connect(addr).await.is_ok()
}

#[tokio::test]
async fn the_base_url_names_the_loopback_address() {
    let emulator = start_default().await;
    assert!(emulator.addr().ip().is_loopback());
    assert_eq!(
        emulator.base_url(),
        format!("http://127.0.0.1:{}", emulator.addr().port())
    );
    assert!(!emulator.base_url().ends_with('/'));
    assert_eq!(emulator.token(), "emulator-token");
}

#[tokio::test]
async fn a_chosen_port_is_used() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let emulator = Emulator::builder().port(port).start().await.unwrap();
    assert_eq!(emulator.addr().port(), port);
    // The port is now taken.
    let clash = Emulator::builder().port(port).start().await;
    assert!(clash.is_err());
}

#[tokio::test]
async fn invalid_time_scales_are_refused() {
    for time_scale in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let error = Emulator::builder()
            .time_scale(time_scale)
            .start()
            .await
            .unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    }
}

#[tokio::test]
async fn several_emulators_run_side_by_side() {
    let first = start_default().await;
    let second = start_default().await;
    assert_ne!(first.addr(), second.addr());
    assert_eq!(
        get_status(&first, "contoso", "live-offer").await.status(),
        200
    );
    assert_eq!(
        get_status(&second, "contoso", "live-offer").await.status(),
        200
    );
    assert_eq!(first.requests().len(), 1);
    assert_eq!(second.requests().len(), 1);
}

#[tokio::test]
async fn shutdown_is_prompt_and_stops_listening() {
    let emulator = start_default().await;
    let addr = emulator.addr();
    // A kept-alive connection does not hold shutdown up.
    let client = client();
    let response = client
        .get(status_url(&emulator, "contoso", "live-offer"))
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let started = Instant::now();
    emulator.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    assert!(!is_listening(addr).await);
}

#[tokio::test]
async fn shutdown_does_not_wait_for_slow_requests_for_long() {
    let emulator = start_default().await;
    emulator.add_fault(Fault::new(FaultKind::Latency { ms: 30_000 }));
    let url = status_url(&emulator, "contoso", "live-offer");
    let token = emulator.token().to_owned();
    let request = tokio::spawn(async move { client().get(url).bearer_auth(token).send().await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    emulator.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let outcome = tokio::time::timeout(Duration::from_secs(2), request)
        .await
        .expect("the request ends")
        .unwrap();
    assert!(outcome.is_err());
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let emulator = start_default().await;
    let addr = emulator.addr();
    drop(emulator);
    let deadline = Instant::now() + Duration::from_secs(2);
    while is_listening(addr).await {
        assert!(Instant::now() < deadline, "still listening after drop");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
