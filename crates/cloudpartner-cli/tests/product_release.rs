//! `cloudpartner product release` against the emulator: a whole release to live, a
//! release interrupted (SIGINT) and run again, a certification failure (exit 3, the
//! nested errors shown), a release while a submission runs (conflict), dry runs that
//! send nothing, bad input refused before anything is sent; `sig=` never printed.

#![cfg(unix)]

mod common;

use cloudpartner_emulator::{Emulator, Scenario};
use common::{FAST, FAST_POLL, SAS_URL, Server, finish, interrupt, json_lines, run};

fn release_args<'a>(offer: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "release",
        offer,
        "--plan",
        "standard",
        "--version",
        "2.0.0",
        "--os-disk-url",
        SAS_URL,
    ];
    args.extend(FAST_POLL);
    args.extend_from_slice(extra);
    args
}

/// The phase column of each stdout line but the title.
fn phases(stdout: &str) -> Vec<&str> {
    let mut phases: Vec<&str> = stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    phases.dedup();
    phases
}

fn server_with(ingestion: &str, time_scale: f64) -> Server {
    let scenario =
        Scenario::from_json_str(&format!(r#"{{"ingestion": {ingestion}}}"#)).expect("scenario");
    Server::with(
        Emulator::builder()
            .scenario(scenario)
            .time_scale(time_scale),
    )
}

const VM_RELEASE_PLANS: &str = r#""plans": {"standard": {"skus": [{"imageType": "x64Gen1", "skuId": "standard"},
    {"imageType": "x64Gen2", "skuId": "standard-gen2"}], "versions": ["1.0.0"]}}"#;

#[test]
fn a_whole_release_goes_live_and_a_second_run_sends_nothing() {
    let server = Server::fast();
    let out = run(server.product(&release_args("vm-release", &["--go-live"]))).expect_code(0);
    let text = &out.stdout;
    assert_eq!(
        phases(text),
        [
            "read", "change", "write", "publish", "review", "go-live", "live", "done"
        ],
        "{text}"
    );
    assert!(
        text.starts_with("vm-release: release image 2.0.0 of plan standard (until live)\n"),
        "{text}"
    );
    assert!(text.contains("\nchange   standard: image 2.0.0 added (os disk https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2021-08-06&sr=b&sp=rl&sig=REDACTED)\n"), "{text}");
    assert!(text.contains("\nwrite    configured (job "), "{text}");
    assert!(
        text.contains("\npublish  preview submitted (job "),
        "{text}"
    );
    assert!(
        text.contains("\nreview   the preview succeeded: it waits for go-live, after "),
        "{text}"
    );
    assert!(
        text.contains("\ngo-live  go-live submitted (job "),
        "{text}"
    );
    assert!(
        text.contains("\ndone     vm-release is live with image 2.0.0 of plan standard, after "),
        "{text}"
    );
    out.assert_no_signature();
    assert_eq!(out.stderr, "");
    assert_eq!(server.configure_posts(), 3);

    // Live holds it now: nothing is sent again.
    let out =
        run(server.product(&release_args("vm-release", &["--go-live", "--json"]))).expect_code(0);
    let docs = json_lines(&out.stdout);
    assert!(
        docs.iter().all(|d| d["offerId"] == "vm-release"),
        "{}",
        out.stdout
    );
    assert!(
        docs.iter().skip(1).all(|d| d["productId"]
            .as_str()
            .is_some_and(|p| p.starts_with("product/"))),
        "{}",
        out.stdout
    );
    assert_eq!(docs[2]["phase"], "write");
    assert_eq!(docs[2]["skipped"], true);
    assert_eq!(docs.last().unwrap()["result"], "live");
    assert_eq!(server.configure_posts(), 3);

    let live = run(server.product(&[
        "image",
        "list",
        "vm-release",
        "--target",
        "live",
        "--plan",
        "standard",
        "--json",
    ]))
    .expect_code(0);
    let versions: Vec<String> = json_lines(&live.stdout)
        .iter()
        .map(|d| d["versionNumber"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(versions, ["1.0.0", "2.0.0"]);
}

#[test]
fn without_go_live_it_stops_at_review_with_5_and_names_the_go_live() {
    let server = Server::fast();
    let out = run(server.product(&release_args("vm-release", &[]))).expect_code(5);
    assert!(out.stdout.contains("\ndone     the preview holds image 2.0.0; go live: cloudpartner product go-live vm-release --watch (or run this again with --go-live)\n"), "{}", out.stdout);
    // Run again with --go-live: the preview is not published again.
    let out = run(server.product(&release_args("vm-release", &["--go-live"]))).expect_code(0);
    assert!(
        out.stdout
            .contains("\nwrite    the draft already holds it: not sent again\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\npublish  the preview already holds it: not published again\n"),
        "{}",
        out.stdout
    );
    assert_eq!(server.configure_posts(), 3);
}

#[test]
fn a_release_interrupted_during_certification_resumes_when_run_again() {
    // Certification takes 3 s, going live 1 s.
    let server = server_with(
        &format!(
            r#"{{"products": {{"vm-release": {{"published": true, {VM_RELEASE_PLANS},
            "preview": {{"seconds": 300}}, "live": {{"seconds": 100}}}}}}}}"#
        ),
        100.0,
    );
    let child = server.spawn_product(&release_args("vm-release", &["--go-live"]));
    server.wait_for_configure_posts(2);
    std::thread::sleep(std::time::Duration::from_millis(200));
    interrupt(&child);
    let out = finish(child);
    assert_eq!(out.code, 130, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("interrupted at review: the preview goes on at the service: run the same command again to resume"), "{}", out.stderr);
    out.assert_no_signature();
    assert_eq!(server.configure_posts(), 2);

    let out = run(server.product(&release_args("vm-release", &["--go-live"]))).expect_code(0);
    let text = &out.stdout;
    assert!(
        text.contains("\nwrite    the draft already holds it: not sent again\n"),
        "{text}"
    );
    assert!(
        text.contains("\npublish  a preview of it is in progress: waiting for it\n")
            || text.contains("\npublish  the preview already holds it: not published again\n"),
        "{text}"
    );
    assert!(
        text.contains("\ndone     vm-release is live with image 2.0.0 of plan standard"),
        "{text}"
    );
    // Only the go-live was sent the second time.
    assert_eq!(server.configure_posts(), 3);
}

#[test]
fn a_failed_certification_exits_3_with_the_nested_errors_as_a_tree() {
    let server = server_with(
        &format!(
            r#"{{"products": {{"vm-release": {{"published": true, {VM_RELEASE_PLANS},
            "preview": {{"seconds": 3600, "outcome": "certificationFailed"}}}}}}}}"#
        ),
        FAST,
    );
    let out = run(server.product(&release_args("vm-release", &["--go-live"]))).expect_code(3);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "error: release failed at review: vm-release: the certification of image 2.0.0 failed",
        "{}",
        out.stderr
    );
    assert!(
        lines[1].starts_with("  internalServerError: Operation failed (submission/"),
        "{}",
        out.stderr
    );
    assert!(lines[2].starts_with("    invalidState: "), "{}", out.stderr);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("      invalidState: Certification")),
        "{}",
        out.stderr
    );
    assert!(lines.last().unwrap().starts_with("hint: fix the image, then run the same command with its new --os-disk-url: the version is replaced and published again (the job: cloudpartner product job "), "{}", out.stderr);
    assert!(!out.stdout.contains("go-live"), "{}", out.stdout);
    out.assert_no_signature();

    let out = run(server.product(&release_args("vm-release", &["--json"]))).expect_code(3);
    let last = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(last["offerId"], "vm-release");
    assert_eq!(last["exitCode"], 3);
    assert!(last["details"].as_array().unwrap().len() >= 3, "{last}");
}

#[test]
fn a_release_while_a_submission_runs_is_a_conflict_with_a_hint() {
    let server = Server::start();
    run(server.product(&["publish", "vm-release"])).expect_code(0);
    let posts = server.configure_posts();
    let out = run(server.product(&release_args("vm-release", &[]))).expect_code(1);
    let error = out.error_lines()[0];
    assert!(
        error.starts_with(
            "error: release failed at read: conflict: vm-release: submission submission/"
        ),
        "{error}"
    );
    assert!(error.contains("to preview is in progress"), "{error}");
    assert_eq!(
        out.hint_lines(),
        [
            "hint: wait for it with `cloudpartner product watch vm-release`, then run the same command again"
        ]
    );
    assert_eq!(server.configure_posts(), posts);

    // publish itself says what blocks it.
    let out = run(server.product(&["publish", "vm-release"])).expect_code(1);
    assert!(
        out.error_lines()[0].contains("in progress"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.hint_lines(),
        [
            "hint: see where it stands: `cloudpartner product status vm-release`, and wait with `cloudpartner product watch vm-release`"
        ]
    );
}

#[test]
fn dry_runs_print_the_diff_and_send_nothing() {
    let server = Server::fast();
    let out = run(server.product(&release_args("vm-release", &["--dry-run", "--go-live"])))
        .expect_code(0);
    let text = &out.stdout;
    assert!(text.contains("\n--- vm-release plan standard technical configuration (draft)\n+++ vm-release plan standard technical configuration (to configure)\n"), "{text}");
    assert!(
        text.contains("\n+      \"versionNumber\": \"2.0.0\",\n"),
        "{text}"
    );
    assert!(text.ends_with("done     dry run: nothing was sent (without --dry-run: configure, publish, review, go-live, live)\n"), "{text}");
    out.assert_no_signature();

    let out = run(server.product(&[
        "image",
        "add",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "2.0.0",
        "--os-disk-url",
        SAS_URL,
        "--dry-run",
    ]))
    .expect_code(0);
    assert!(
        out.stdout
            .contains("\n+          \"imageType\": \"x64Gen2\",\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("dry run: nothing was sent\n"),
        "{}",
        out.stdout
    );
    out.assert_no_signature();

    let out = run(server.product(&[
        "image",
        "deprecate",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "1.0.0",
        "--reason",
        "endOfSupport",
        "--dry-run",
    ]))
    .expect_code(0);
    assert!(
        out.stdout
            .contains("\n+      \"lifecycleState\": \"deprecated\""),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\"reason\": \"endOfSupport\""),
        "{}",
        out.stdout
    );

    let requests = server.ingestion_requests();
    assert!(
        requests.iter().all(|r| r.starts_with("GET ")),
        "{requests:?}"
    );
    assert!(!requests.is_empty());
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let server = Server::fast();
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "release",
                "vm-release",
                "--plan",
                "standard",
                "--version",
                "2.0",
                "--os-disk-url",
                SAS_URL,
            ],
            "is not N.N.N",
        ),
        (
            &[
                "release",
                "vm-release",
                "--plan",
                "standard",
                "--version",
                "2.0.0",
                "--os-disk-url",
                "http://example.com/os.vhd",
            ],
            "is not an https URL",
        ),
        (
            &[
                "release",
                "vm-release",
                "--plan",
                "standard",
                "--version",
                "2.0.0",
                "--os-disk-url",
                SAS_URL,
                "--data-disk",
                "16=https://a.example/d.vhd",
            ],
            "outside 0..15",
        ),
        (
            &[
                "image",
                "add",
                "vm-release",
                "--plan",
                "standard",
                "--version",
                "x.y.z",
                "--os-disk-url",
                SAS_URL,
            ],
            "is not N.N.N",
        ),
    ];
    for (args, said) in cases {
        let out = run(server.product(args)).expect_code(2);
        assert_eq!(out.error_lines().len(), 1, "{}", out.stderr);
        assert!(out.error_lines()[0].contains(said), "{}", out.stderr);
        assert_eq!(out.hint_lines().len(), 1, "{}", out.stderr);
        out.assert_no_signature();
    }
    assert_eq!(server.ingestion_requests(), Vec::<String>::new());

    // An unknown plan needs the tree: it is read, nothing is written.
    let mut args = release_args("vm-release", &[]);
    args[3] = "gold";
    let out = run(server.product(&args)).expect_code(2);
    assert!(
        out.error_lines()[0].contains("no plan `gold` (its plans: "),
        "{}",
        out.stderr
    );
    assert_eq!(server.configure_posts(), 0);
    let out = run(server.product(&release_args("no-such-offer", &[]))).expect_code(1);
    assert!(
        out.error_lines()[0].contains("no-such-offer"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.hint_lines(),
        [
            "hint: list the products with `cloudpartner product list` (offer ids, as in Partner Center)"
        ]
    );
    assert_eq!(server.configure_posts(), 0);
}

#[test]
fn a_release_that_runs_out_of_its_timeout_exits_124_and_says_how_to_resume() {
    // On the real clock a configure job takes 10 s.
    let server = Server::start();
    let out =
        run(server.product(&release_args("vm-release", &["--timeout", "0.5"]))).expect_code(124);
    assert!(
        out.error_lines()[0].starts_with("error: release failed at write: "),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.hint_lines(),
        [
            "hint: it goes on: run the same command again to resume (`cloudpartner product status vm-release` shows where it is)"
        ]
    );
    out.assert_no_signature();
}

#[test]
fn product_watch_stops_on_ctrl_c_with_130() {
    let server = Server::start();
    run(server.product(&["publish", "vm-release"])).expect_code(0);
    let mut args = vec!["watch", "vm-release"];
    args.extend(FAST_POLL);
    let child = server.spawn_product(&args);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let polls = || {
        server
            .ingestion_requests()
            .iter()
            .filter(|r| r.starts_with("GET submission/"))
            .count()
    };
    while polls() < 4 {
        assert!(
            std::time::Instant::now() < deadline,
            "the watch did not poll"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    interrupt(&child);
    let out = finish(child);
    assert_eq!(out.code, 130, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("certifying in preview"),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stderr.trim_end(),
        "interrupted: stopped watching vm-release"
    );
}
