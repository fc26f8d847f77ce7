//! The publishing commands against the emulator: publishers, offers, offer show|put,
//! publish, go-live, cancel (each with --watch), operations and operation.

mod common;

use cloudpartner_emulator::{Emulator, OfferSlot};
use common::{FAST_POLL, Server, json_lines, run};

#[test]
fn publishers_as_a_table_and_as_json() {
    let server = Server::start();
    let out = run(server.cli(&["publishers"])).expect_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("ID       NAME     SELLER ID"),
        "{}",
        out.stdout
    );
    assert!(lines[1].starts_with("contoso  Contoso  "), "{}", out.stdout);
    let out = run(server.cli(&["publishers", "--json"])).expect_code(0);
    let documents = json_lines(&out.stdout);
    assert_eq!(documents[0]["id"], "contoso");
    assert_eq!(documents[0]["publisherId"], "contoso");
    assert_eq!(documents[0]["definition"]["displayText"], "Contoso");
}

#[test]
fn offers_as_a_table_and_as_documents() {
    let server = Server::start();
    let out = run(server.cli(&["offers", "contoso"])).expect_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    for column in ["ID", "TYPE", "STATUS", "VERSION", "CHANGED", "NAME"] {
        assert!(lines[0].contains(column), "{}", lines[0]);
    }
    let release = lines
        .iter()
        .find(|l| l.starts_with("vm-release "))
        .expect("vm-release is listed");
    for cell in [
        "microsoft-azure-virtualmachines",
        "neverPublished",
        "  1  ",
        "2026-11-20 16:05 UTC",
        "Contoso Release VM",
    ] {
        assert!(release.contains(cell), "{release}");
    }
    let out = run(server.cli(&["offers", "contoso", "--json"])).expect_code(0);
    let documents = json_lines(&out.stdout);
    assert_eq!(documents.len(), lines.len() - 1);
    for (line, document) in out.stdout.lines().zip(&documents) {
        assert_eq!(document["publisherId"], "contoso");
        // Every line says what it is about, first; the rest is the document as sent.
        assert!(
            line.starts_with(r#"{"publisherId":"contoso","offerId":""#),
            "{line}"
        );
        assert_eq!(document["offerId"], document["id"]);
        let offer = cloudpartner::parse_offer(line.as_bytes()).unwrap();
        assert_eq!(offer.to_json(), line, "the document as sent");
    }
    let out = run(server.cli(&["offers", "nobody"])).expect_code(1);
    assert!(
        out.error_lines()[0].starts_with("error: nobody: not_found: HTTP 404"),
        "{}",
        out.stderr
    );
}

#[test]
fn offer_show_gives_the_offer_its_plans_and_versions_without_signatures() {
    let server = Server::start();
    let out = run(server.cli(&["offer", "show", "contoso", "vm-release"])).expect_code(0);
    let text = &out.stdout;
    assert!(
        text.starts_with("contoso/vm-release  Contoso Release VM\n  read:    draft\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  status:  neverPublished\n  version: 1\n"),
        "{text}"
    );
    assert!(text.contains("\n  etag:    W/\""), "{text}");
    let rows: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| l.contains("/20"))
        .filter_map(|l| {
            let mut cells = l.split_whitespace();
            Some((cells.next()?, cells.next()?))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("standard", "1.0.0"),
            ("standard", "1.1.0"),
            ("standard-gen2", "1.1.0"),
            ("byol", "1.1.0")
        ],
        "{text}"
    );
    assert!(text.contains("11/02/2026  yes "), "{text}");
    assert!(text.contains("&sig=REDACTED"), "{text}");
    out.assert_no_signature();

    // --json: the document as the emulator holds it, signatures included.
    let out = run(server.cli(&["offer", "show", "contoso", "vm-release", "--json"])).expect_code(0);
    let document: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(
        Some(document),
        server
            .emulator()
            .offer_document("contoso", "vm-release", OfferSlot::Draft)
    );
    assert!(out.stdout.contains(common::DEFAULT_SIG));
}

#[test]
fn offer_show_reads_slots_and_versions() {
    let server = Server::with(Emulator::builder().time_scale(common::FAST));
    // Nothing published yet: no preview.
    let out = run(server.cli(&[
        "offer",
        "show",
        "contoso",
        "vm-release",
        "--slot",
        "preview",
    ]))
    .expect_code(1);
    assert!(out.error_lines()[0].contains("not_found"), "{}", out.stderr);
    let out = run(server.cli(&["offer", "show", "contoso", "vm-release", "--version", "1"]))
        .expect_code(0);
    assert!(
        out.stdout.contains("  read:    version 1\n"),
        "{}",
        out.stdout
    );
    let requests = server.emulator().requests();
    assert!(
        requests[0]
            .path
            .ends_with("/offers/vm-release/slot/Preview"),
        "{requests:?}"
    );
    assert!(
        requests[1].path.ends_with("/offers/vm-release/versions/1"),
        "{requests:?}"
    );
    // A slot and a version together is a usage error.
    run(server.cli(&[
        "offer",
        "show",
        "contoso",
        "vm-release",
        "--slot",
        "draft",
        "--version",
        "1",
    ]))
    .expect_code(2);
    run(server.cli(&[
        "offer",
        "show",
        "contoso",
        "vm-release",
        "--slot",
        "staging",
    ]))
    .expect_code(2);
    run(server.cli(&["offer", "show", "contoso", "vm-release", "--version", "-1"])).expect_code(2);
}

#[test]
fn offer_put_writes_what_show_read_and_refuses_a_stale_document() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("offer.json");
    let out = run(server.cli(&["offer", "show", "contoso", "vm-release", "--json"])).expect_code(0);
    let mut document: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    document["definition"]["displayText"] = "Contoso Release VM, renamed".into();
    std::fs::write(&file, document.to_string()).unwrap();
    let path = file.to_str().unwrap();

    let out = run(server.cli(&["offer", "put", "contoso", "vm-release", path])).expect_code(0);
    assert!(
        out.stdout
            .starts_with("contoso/vm-release: offer version 2 written (ETag W/\""),
        "{}",
        out.stdout
    );
    let put = server
        .emulator()
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT")
        .unwrap();
    assert!(
        put.header("if-match").unwrap().starts_with("W/\""),
        "{put:?}"
    );
    let stored = server
        .emulator()
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap();
    assert_eq!(
        stored["definition"]["displayText"],
        "Contoso Release VM, renamed"
    );
    assert_eq!(
        stored["definition"]["plans"], document["definition"]["plans"],
        "lossless"
    );

    // The same file again: the draft is at version 2 now.
    let out = run(server.cli(&["offer", "put", "contoso", "vm-release", path])).expect_code(1);
    assert!(
        out.error_lines()[0].contains("conflict: the draft is at version 2"),
        "{}",
        out.stderr
    );
    assert!(out.hint_lines()[0].contains("--force"), "{}", out.stderr);
    // --force overwrites; --json prints what was stored.
    let out = run(server.cli(&[
        "offer",
        "put",
        "contoso",
        "vm-release",
        path,
        "--force",
        "--json",
    ]))
    .expect_code(0);
    let stored: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(stored["version"], 3);
    let last = server.emulator().requests().pop().unwrap();
    assert_eq!(last.header("if-match"), Some("*"));
    // A wrong ETag is a conflict.
    let out = run(server.cli(&[
        "offer",
        "put",
        "contoso",
        "vm-release",
        path,
        "--if-match",
        "W/\"old\"",
    ]))
    .expect_code(1);
    assert!(
        out.error_lines()[0].contains("conflict: HTTP 412"),
        "{}",
        out.stderr
    );
    // Running it again with the same ETag would fail the same way: the hint says what works.
    assert_eq!(
        out.hint_lines(),
        [
            "hint: the draft's ETag is no longer the one given with --if-match: `cloudpartner offer show contoso vm-release` shows the current one, or leave --if-match out to have the draft read and checked first"
        ]
    );
    // --create on an offer that exists.
    let out = run(server.cli(&["offer", "put", "contoso", "vm-release", path, "--create"]))
        .expect_code(1);
    assert!(out.error_lines()[0].contains("conflict"), "{}", out.stderr);
    assert_eq!(
        server
            .emulator()
            .requests()
            .pop()
            .unwrap()
            .header("if-none-match"),
        Some("*")
    );
    // --create a new one, from stdin.
    document["id"] = "vm-new".into();
    let out = run(server
        .cli(&["offer", "put", "contoso", "vm-new", "-", "--create"])
        .write_stdin(document.to_string()))
    .expect_code(0);
    assert!(
        out.stdout.starts_with("contoso/vm-new: offer version "),
        "{}",
        out.stdout
    );
    // A document about another offer.
    run(server.cli(&["offer", "put", "contoso", "vm-offer", path, "--force"])).expect_code(2);
    run(server.cli(&[
        "offer",
        "put",
        "contoso",
        "vm-release",
        path,
        "--force",
        "--create",
    ]))
    .expect_code(2);
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"id\": ").unwrap();
    let out = run(server.cli(&[
        "offer",
        "put",
        "contoso",
        "vm-release",
        broken.to_str().unwrap(),
    ]))
    .expect_code(1);
    assert!(out.error_lines()[0].contains("parse"), "{}", out.stderr);
}

#[test]
fn publish_then_go_live_one_command_at_a_time() {
    let server = Server::with(Emulator::builder().time_scale(common::FAST));
    let out = run(server.cli(&[
        "publish",
        "contoso",
        "vm-release",
        "--notification-emails",
        "a@contoso.com; b@contoso.com",
    ]))
    .expect_code(0);
    assert!(
        out.stdout
            .starts_with("contoso/vm-release: publish accepted, operation "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("follow it: cloudpartner watch contoso vm-release --until review\n"),
        "{}",
        out.stdout
    );
    let post = server.emulator().requests().pop().unwrap();
    assert_eq!(
        post.body_json().unwrap()["metadata"]["notification-emails"],
        "a@contoso.com,b@contoso.com"
    );
    // While it runs, another publish is a conflict.
    let out = run(server.cli(&["publish", "contoso", "vm-release"]));
    if out.code == 1 {
        assert!(
            out.error_lines()[0].contains("conflict: HTTP 409"),
            "{}",
            out.stderr
        );
        assert!(out.hint_lines()[0].contains("cloudpartner cancel contoso vm-release"));
    }
    // Wait for the review.
    let mut args = vec!["watch", "contoso", "vm-release", "--until", "review"];
    args.extend(FAST_POLL);
    run(server.cli(&args)).expect_code(5);
    let out = run(server.cli(&["go-live", "contoso", "vm-release", "--json"])).expect_code(0);
    let line = &json_lines(&out.stdout)[0];
    assert_eq!(
        (
            line["publisherId"].as_str(),
            line["offerId"].as_str(),
            line["action"].as_str()
        ),
        (Some("contoso"), Some("vm-release"), Some("go-live"))
    );
    let id = line["operation"]["id"].as_str().unwrap().to_owned();
    let url = line["operation"]["url"].as_str().unwrap().to_owned();
    let mut args = vec!["watch", "contoso", "vm-release"];
    args.extend(FAST_POLL);
    run(server.cli(&args)).expect_code(0);

    // operations: the table, --state, --json with ids.
    let out = run(server.cli(&["operations", "contoso", "vm-release"])).expect_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("ID "), "{}", out.stdout);
    for column in ["TYPE", "STATE", "CREATED", "LAST ACTION"] {
        assert!(lines[0].contains(column), "{}", lines[0]);
    }
    assert!(out.stdout.contains(&id), "{}", out.stdout);
    assert!(out.stdout.contains(" completed "), "{}", out.stdout);
    let out = run(server.cli(&[
        "operations",
        "contoso",
        "vm-release",
        "--json",
        "--state",
        "completed",
    ]))
    .expect_code(0);
    let operations = json_lines(&out.stdout);
    assert!(operations.len() >= 2, "{}", out.stdout);
    for operation in &operations {
        assert_eq!(operation["publisherId"], "contoso");
        assert_eq!(operation["offerId"], "vm-release");
        assert_eq!(operation["status"], "completed");
    }
    let last = server.emulator().requests().pop().unwrap();
    assert!(last.query.unwrap().contains("status=completed"));
    run(server.cli(&["operations", "contoso", "vm-release", "--state", "queued"])).expect_code(2);

    // operation: by id, by URL, as JSON.
    let out = run(server.cli(&["operation", "contoso", "vm-release", &id])).expect_code(0);
    assert!(
        out.stdout.starts_with(&format!(
            "contoso/vm-release operation {id}  goLive completed\n"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n  outcome:      the go-live is done: the offer is live\nsteps, as this operation saw them\n"),
        "{}",
        out.stdout
    );
    // The publish before it: done, and the offer went on from its review.
    let publish_id = operations
        .iter()
        .find(|operation| operation["submissionType"] == "publish")
        .map(|operation| operation["id"].as_str().unwrap().to_owned())
        .unwrap();
    let out = run(server.cli(&["operation", "contoso", "vm-release", &publish_id])).expect_code(0);
    assert!(
        out.stdout.contains(
            "  outcome:      the publish is done: the preview was ready for your review at Publisher signoff; the offer goes on with a go-live (`cloudpartner status contoso vm-release` says where it stands now)\n"
        ),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("  succeeded\n"), "{}", out.stdout);
    let by_url = run(server.cli(&["operation", "--url", &url, "--json"])).expect_code(0);
    let by_id =
        run(server.cli(&["operation", "contoso", "vm-release", &id, "--json"])).expect_code(0);
    let (by_url, by_id) = (
        &json_lines(&by_url.stdout)[0],
        &json_lines(&by_id.stdout)[0],
    );
    assert_eq!(by_url["id"], by_id["id"]);
    // Every line says what it is about, by URL too.
    assert_eq!(by_url["publisherId"], "contoso");
    assert_eq!(by_url["offerId"], "vm-release");
    assert_eq!(by_id["offerId"], "vm-release");
    // A URL on another origin is refused before any request.
    let before = server.emulator().requests().len();
    let out = run(server.cli(&[
        "operation",
        "--url",
        "https://elsewhere.example/api/publishers/contoso/offers/vm-release/operations/x",
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("refusing to send the token"),
        "{}",
        out.stderr
    );
    assert_eq!(server.emulator().requests().len(), before);
    run(server.cli(&["operation", "contoso", "vm-release", "no-such-operation"])).expect_code(1);
    run(server.cli(&["operation", "contoso"])).expect_code(2);
    run(server.cli(&["operation", "contoso", "vm-release", &id, "--url", &url])).expect_code(2);
}

#[test]
fn the_watch_flags_follow_publish_go_live_and_cancel() {
    let server = Server::with(Emulator::builder().time_scale(common::FAST));
    let mut args = vec!["publish", "contoso", "vm-release", "--watch"];
    args.extend(FAST_POLL);
    let out = run(server.cli(&args)).expect_code(5);
    assert!(
        out.stdout.contains("  waiting for publisher review  "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\ncontoso/vm-release  waiting for publisher review"),
        "{}",
        out.stdout
    );
    let mut args = vec!["go-live", "contoso", "vm-release", "--watch", "--json"];
    args.extend(FAST_POLL);
    let out = run(server.cli(&args)).expect_code(0);
    let lines = json_lines(&out.stdout);
    assert!(lines[0]["operation"]["id"].is_string());
    assert_eq!(lines.last().unwrap()["status"], "succeeded");
    assert!(
        lines[1..]
            .iter()
            .all(|l| l["offerId"] == "vm-release" && l.get("steps").is_some())
    );
    // go-live when nothing waits for review.
    let out = run(server.cli(&["go-live", "contoso", "vm-release"])).expect_code(1);
    assert!(out.error_lines()[0].contains("conflict"), "{}", out.stderr);
    assert!(out.hint_lines()[0].contains("only while the preview waits for your review"));
    // cancel when nothing runs.
    let out = run(server.cli(&["cancel", "contoso", "vm-release", "--watch"])).expect_code(0);
    assert_eq!(
        out.stdout,
        "contoso/vm-release: nothing was running, nothing to cancel\n"
    );
}

#[test]
fn cancel_watch_follows_the_offer_until_canceled_with_4() {
    // A real-time clock: the publish runs for days.
    let server = Server::with(Emulator::builder().time_scale(1.0));
    run(server.cli(&["publish", "contoso", "vm-release"])).expect_code(0);
    let mut args = vec![
        "cancel",
        "contoso",
        "vm-release",
        "--watch",
        "--notification-emails",
        "a@contoso.com",
    ];
    args.extend(FAST_POLL);
    let out = run(server.cli(&args)).expect_code(4);
    assert!(
        out.stdout
            .starts_with("contoso/vm-release: cancel accepted, operation "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\ncontoso/vm-release  canceled\n"),
        "{}",
        out.stdout
    );
    let out = run(server.cli(&[
        "operations",
        "contoso",
        "vm-release",
        "--state",
        "canceled",
        "--json",
    ]))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout).len(), 1);
}

#[test]
fn waiting_commands_check_their_intervals_and_timeout() {
    let server = Server::with(Emulator::builder().time_scale(1.0));
    for command in ["publish", "go-live", "cancel"] {
        let out = run(server.cli(&[
            command,
            "contoso",
            "vm-release",
            "--watch",
            "--min-interval",
            "2",
            "--max-interval",
            "1",
        ]))
        .expect_code(2);
        assert!(
            out.stderr.contains("--max-interval"),
            "{command}: {}",
            out.stderr
        );
    }
    assert!(server.emulator().requests().is_empty(), "nothing was sent");
    let mut args = vec![
        "publish",
        "contoso",
        "vm-release",
        "--watch",
        "--timeout",
        "0.3",
    ];
    args.extend(FAST_POLL);
    let out = run(server.cli(&args)).expect_code(124);
    assert!(
        out.error_lines()[0].starts_with("error: timeout: "),
        "{}",
        out.stderr
    );
}
