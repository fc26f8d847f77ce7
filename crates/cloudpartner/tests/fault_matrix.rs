//! Every fault kind of the emulator on every route, through the client: each surfaces
//! as its documented kind, GETs are retried where the failure is transient, and writes
//! only where the service cannot have acted (DESIGN §3, §8).

mod support;

use std::time::Duration;

use cloudpartner::{
    Client, ErrorKind, OfferSelector, Precondition, RetryPolicy, WatchOptions, WatchUntil,
};
use cloudpartner_emulator::{Emulator, Fault, FaultKind, FaultRoute};

/// The routes, and whether a request there is a write.
const ROUTES: [(FaultRoute, bool); 9] = [
    (FaultRoute::Status, false),
    (FaultRoute::Offer, false),
    (FaultRoute::Offers, false),
    (FaultRoute::Operations, false),
    (FaultRoute::Operation, false),
    (FaultRoute::Put, true),
    (FaultRoute::Publish, true),
    (FaultRoute::GoLive, true),
    (FaultRoute::Cancel, true),
];

/// Routes whose answer the client does not read beyond its status and headers.
fn reads_no_body(route: FaultRoute) -> bool {
    matches!(
        route,
        FaultRoute::Publish | FaultRoute::GoLive | FaultRoute::Cancel
    )
}

/// What a case must come to: success or an error kind, and how many requests the
/// faulty route received.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Outcome {
    kind: Option<ErrorKind>,
    requests: usize,
}

fn ok(requests: usize) -> Outcome {
    Outcome {
        kind: None,
        requests,
    }
}

fn failed(kind: ErrorKind, requests: usize) -> Outcome {
    Outcome {
        kind: Some(kind),
        requests,
    }
}

const RETRIES: u32 = 2;

fn client(emulator: &Emulator) -> Client {
    let mut options = emulator.client_options();
    options.retry_policy = Some(RetryPolicy {
        max_retries: RETRIES,
        base: Duration::from_millis(5),
        cap: Duration::from_millis(20),
        max_retry_after: Duration::from_millis(50),
    });
    options.timeout = Some(Duration::from_millis(400));
    options.max_body_bytes = Some(64 * 1024);
    Client::new(options).unwrap()
}

/// An emulator where the route can be called: a publish parked for review before a
/// go-live, a publish running before a cancel, a publish known for an operation.
async fn ready(route: FaultRoute) -> (Emulator, Option<String>) {
    let scale = if route == FaultRoute::GoLive {
        10_000_000.0
    } else {
        1.0
    };
    let emulator = Emulator::builder().time_scale(scale).start().await.unwrap();
    let c = client(&emulator);
    let mut operation = None;
    if matches!(
        route,
        FaultRoute::GoLive | FaultRoute::Cancel | FaultRoute::Operation
    ) {
        operation = Some(
            c.publish("contoso", "vm-release", ["a@x.com"])
                .await
                .unwrap()
                .id,
        );
    }
    if route == FaultRoute::GoLive {
        let options = WatchOptions {
            until: WatchUntil::PublisherAction,
            timeout: Some(Duration::from_secs(20)),
            ..WatchOptions::default()
        };
        let watch = c.watch("contoso", "vm-release", options).unwrap();
        while let Some(status) = watch.next().await {
            status.unwrap();
        }
    }
    (emulator, operation)
}

/// Calls the route once through the client.
async fn call(c: &Client, route: FaultRoute, operation: Option<&str>) -> cloudpartner::Result<()> {
    let (p, o) = ("contoso", "vm-release");
    match route {
        FaultRoute::Status => c.offer_status(p, o).await.map(drop),
        FaultRoute::Offer => c.offer(p, o, OfferSelector::Draft).await.map(drop),
        FaultRoute::Offers => c.offers(p).await.map(drop),
        FaultRoute::Operations => c.operations(p, o, None).await.map(drop),
        FaultRoute::Operation => c.operation(p, o, operation.unwrap()).await.map(drop),
        FaultRoute::Put => unreachable!("the offer is read first"),
        FaultRoute::Publish => c.publish(p, o, ["a@x.com"]).await.map(drop),
        FaultRoute::GoLive => c.go_live(p, o).await.map(drop),
        FaultRoute::Cancel => c.cancel(p, o, ["a@x.com"]).await.map(drop),
        other => panic!("no call for {other:?}"),
    }
}

/// Runs `fault` on `route` and returns what came of it.
async fn run(fault: &FaultKind, times: Option<u32>, route: FaultRoute) -> (Outcome, String) {
    let (emulator, operation) = ready(route).await;
    let other = Emulator::builder().start().await.unwrap();
    let c = client(&emulator);
    let offer = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    let kind = match fault {
        FaultKind::Redirect { status, .. } => FaultKind::Redirect {
            location: format!("{}{{path}}", other.base_url()),
            status: *status,
        },
        kind => kind.clone(),
    };
    let mut fault = Fault::new(kind).for_route(route);
    if let Some(times) = times {
        fault = fault.times(times);
    }
    let before = emulator.requests().len();
    emulator.add_fault(fault);
    let result = if route == FaultRoute::Put {
        c.put_offer(&offer, Precondition::Any).await.map(drop)
    } else {
        call(&c, route, operation.as_deref()).await
    };
    let method = if route == FaultRoute::Put {
        "PUT"
    } else if ROUTES.iter().any(|(r, write)| *r == route && *write) {
        "POST"
    } else {
        "GET"
    };
    let requests = emulator.requests()[before..]
        .iter()
        .filter(|r| r.method == method)
        .count();
    // A redirect to another origin never takes the token along.
    for request in other.requests() {
        assert!(
            request.header("authorization").is_none(),
            "{route:?}: {request:?}"
        );
    }
    let detail = match &result {
        Ok(()) => "ok".to_owned(),
        Err(e) => e.to_string(),
    };
    (
        Outcome {
            kind: result.err().map(|e| e.kind()),
            requests,
        },
        detail,
    )
}

/// Checks one fault on every route against `expect(route, is_write)`.
async fn check(fault: FaultKind, times: Option<u32>, expect: impl Fn(FaultRoute, bool) -> Outcome) {
    for (route, write) in ROUTES {
        let (outcome, detail) = run(&fault, times, route).await;
        assert_eq!(
            outcome,
            expect(route, write),
            "{fault:?} on {route:?}: {detail}"
        );
    }
}

const ALL_TRIES: usize = 1 + RETRIES as usize;

#[tokio::test]
async fn a_503_once_is_retried_everywhere() {
    let fault = FaultKind::Status {
        status: 503,
        retry_after_seconds: Some(0),
    };
    check(fault, Some(1), |_, _| ok(2)).await;
}

#[tokio::test]
async fn a_429_once_is_retried_everywhere() {
    let fault = FaultKind::Status {
        status: 429,
        retry_after_seconds: Some(0),
    };
    check(fault, Some(1), |_, _| ok(2)).await;
}

#[tokio::test]
async fn a_500_once_is_retried_by_reads_only() {
    let fault = FaultKind::Status {
        status: 500,
        retry_after_seconds: None,
    };
    check(fault, Some(1), |_, write| {
        if write {
            failed(ErrorKind::Server, 1)
        } else {
            ok(2)
        }
    })
    .await;
}

#[tokio::test]
async fn a_502_page_is_a_server_error_retried_by_reads_only() {
    let fault = FaultKind::Html {
        status: 502,
        retry_after_seconds: None,
    };
    check(fault, None, |_, write| {
        failed(ErrorKind::Server, if write { 1 } else { ALL_TRIES })
    })
    .await;
}

#[tokio::test]
async fn client_errors_are_final() {
    let not_found = FaultKind::Status {
        status: 404,
        retry_after_seconds: None,
    };
    check(not_found, None, |_, _| failed(ErrorKind::NotFound, 1)).await;
    let conflict = FaultKind::Status {
        status: 412,
        retry_after_seconds: None,
    };
    check(conflict, None, |_, _| failed(ErrorKind::Conflict, 1)).await;
}

#[tokio::test]
async fn a_reset_is_a_transport_error_retried_by_reads_only() {
    check(FaultKind::Reset, None, |_, write| {
        failed(ErrorKind::Transport, if write { 1 } else { ALL_TRIES })
    })
    .await;
}

#[tokio::test]
async fn broken_json_is_a_parse_error_where_the_body_is_read() {
    check(FaultKind::Malformed, None, |route, _| {
        if reads_no_body(route) {
            ok(1)
        } else {
            failed(ErrorKind::Parse, 1)
        }
    })
    .await;
}

#[tokio::test]
async fn an_oversize_body_is_too_large() {
    check(FaultKind::Oversize { bytes: 200_000 }, None, |_, _| {
        failed(ErrorKind::TooLarge, 1)
    })
    .await;
}

#[tokio::test]
async fn a_slow_body_times_out_and_only_reads_try_again() {
    check(
        FaultKind::SlowBody {
            bytes_per_second: 1,
        },
        None,
        |route, write| {
            if reads_no_body(route) {
                ok(1)
            } else {
                failed(ErrorKind::Timeout, if write { 1 } else { ALL_TRIES })
            }
        },
    )
    .await;
}

#[tokio::test]
async fn latency_within_the_timeout_is_only_slower() {
    check(FaultKind::Latency { ms: 30 }, None, |_, _| ok(1)).await;
}

#[tokio::test]
async fn a_redirect_elsewhere_drops_the_token() {
    let fault = FaultKind::Redirect {
        location: String::new(),
        status: 307,
    };
    check(fault, None, |_, _| failed(ErrorKind::Authentication, 1)).await;
}
