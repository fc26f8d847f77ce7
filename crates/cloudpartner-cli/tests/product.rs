//! `cloudpartner product list|status|show|image list|watch` against the emulator's
//! Product Ingestion API, human and `--json`; bad input refused with one line and a hint.

mod common;

use cloudpartner_emulator::Emulator;
use common::{FAST, FAST_POLL, Server, json_lines, run};

#[test]
fn list_shows_every_product_with_its_offer_and_durable_id() {
    let server = Server::start();
    let out = run(server.product(&["list"])).expect_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("OFFER       NAME        TYPE"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].starts_with(
            "vm-new      VM new      azureVirtualMachine  generallyAvailable  product/"
        ),
        "{}",
        out.stdout
    );
    assert!(
        lines[2].starts_with("vm-release  VM release"),
        "{}",
        out.stdout
    );

    let out = run(server.product(&["list", "--json"])).expect_code(0);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["offerId"], "vm-release");
    assert!(
        docs[1]["productId"]
            .as_str()
            .unwrap()
            .starts_with("product/")
    );
    assert_eq!(docs[1]["type"], "azureVirtualMachine");
}

#[test]
fn status_says_the_stage_in_words_the_submissions_and_what_to_run_next() {
    let server = Server::start();
    let out = run(server.product(&["status", "vm-release", "vm-new"])).expect_code(0);
    let text = &out.stdout;
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("vm-release (product/") && first.ends_with("): live"),
        "{text}"
    );
    assert!(text.contains("\n  preview  succeeded  "), "{text}");
    assert!(text.contains("\n  live     succeeded  "), "{text}");
    assert!(text.contains("\n  next: nothing waits; a new image: cloudpartner product release vm-release --plan PLAN"), "{text}");
    assert!(text.contains("): never published\n"), "{text}");
    assert!(text.contains("\n  preview  none\n  live     none\n  next: cloudpartner product publish vm-new --watch\n"), "{text}");

    let out = run(server.product(&["status", "vm-release", "vm-new", "--json"])).expect_code(0);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs[0]["offerId"], "vm-release");
    assert!(
        docs[0]["productId"]
            .as_str()
            .unwrap()
            .starts_with("product/")
    );
    assert_eq!(docs[0]["stage"], "live");
    assert_eq!(docs[0]["live"]["result"], "succeeded");
    assert_eq!(docs[0]["preview"]["id"], docs[0]["live"]["id"]);
    assert_eq!(docs[1]["stage"], "never_published");
    assert_eq!(docs[1]["preview"], serde_json::Value::Null);
    assert_eq!(
        docs[1]["next"],
        "cloudpartner product publish vm-new --watch"
    );
}

#[test]
fn status_while_certifying_says_so_with_its_start_and_the_watch_to_run() {
    let server = Server::start();
    run(server.product(&["publish", "vm-release"])).expect_code(0);
    let out = run(server.product(&["status", "vm-release"])).expect_code(0);
    let first = out.stdout.lines().next().unwrap();
    assert!(
        first.ends_with("): certifying in preview, started just now"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\n  preview  running  "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n  next: cloudpartner product watch vm-release --until review\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_unknown_product_is_one_line_and_a_hint_and_others_are_still_shown() {
    let server = Server::start();
    let out = run(server.product(&["status", "no-such-offer"])).expect_code(1);
    assert_eq!(out.error_lines().len(), 1, "{}", out.stderr);
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
    let out = run(server.product(&["status", "no-such-offer", "vm-new", "--json"])).expect_code(1);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs[0]["offerId"], "no-such-offer");
    assert_eq!(docs[0]["error"]["kind"], "not_found");
    assert_eq!(docs[1]["stage"], "never_published");
}

#[test]
fn show_lists_the_tree_and_json_is_the_tree_as_sent() {
    let server = Server::start();
    let out = run(server.product(&["show", "vm-release"])).expect_code(0);
    assert!(
        out.stdout.starts_with("vm-release (product/"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("): draft tree, "), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("\n  virtual-machine-plan-technical-configuration  "),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("\nplans: "), "{}", out.stdout);
    out.assert_no_signature();

    let out =
        run(server.product(&["show", "vm-release", "--target", "live", "--json"])).expect_code(0);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["target"]["targetType"], "live");
    assert!(docs[0]["root"].as_str().unwrap().starts_with("product/"));
    assert!(docs[0]["resources"].as_array().unwrap().len() > 5);
}

#[test]
fn image_list_shows_each_plan_version_and_image_type() {
    let server = Server::start();
    let out = run(server.product(&["image", "list", "vm-release"])).expect_code(0);
    let text = &out.stdout;
    assert!(
        text.starts_with("PLAN      VERSION  STATE               IMAGE TYPE  OS DISK"),
        "{text}"
    );
    assert!(text.contains("\nstandard  1.0.0    generallyAvailable  x64Gen1     https://emulator.blob.core.windows.net/vhds/vm-release/standard/1.0.0.vhd"), "{text}");
    assert!(
        text.contains("\n                                       x64Gen2     "),
        "{text}"
    );
    assert!(
        text.contains("\nbyol      1.0.0    generallyAvailable  x64Gen2"),
        "{text}"
    );

    let out = run(server.product(&[
        "image",
        "list",
        "vm-release",
        "--plan",
        "standard",
        "--json",
    ]))
    .expect_code(0);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["offerId"], "vm-release");
    assert_eq!(docs[0]["planId"], "standard");
    assert_eq!(docs[0]["versionNumber"], "1.0.0");
    assert_eq!(docs[0]["images"][1]["imageType"], "x64Gen2");
}

#[test]
fn an_unknown_plan_lists_the_plans() {
    let server = Server::start();
    let out =
        run(server.product(&["image", "list", "vm-release", "--plan", "gold"])).expect_code(2);
    let error = out.error_lines()[0];
    assert!(
        error.contains("no plan `gold`") && error.contains("standard") && error.contains("byol"),
        "{error}"
    );
    assert_eq!(
        out.hint_lines(),
        ["hint: the plans and versions: `cloudpartner product image list vm-release`"]
    );
}

#[test]
fn watch_follows_a_preview_until_it_waits_for_go_live_then_until_live() {
    let server = Server::with(Emulator::builder().time_scale(FAST));
    run(server.product(&["publish", "vm-release"])).expect_code(0);
    let mut args = vec!["watch", "vm-release", "--until", "review"];
    args.extend(FAST_POLL);
    let out = run(server.product(&args)).expect_code(5);
    assert!(
        out.stdout
            .contains("  waiting for go-live (preview succeeded, just now)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n  next: cloudpartner product go-live vm-release --watch\n"),
        "{}",
        out.stdout
    );

    run(server.product(&["go-live", "vm-release"])).expect_code(0);
    let mut args = vec!["watch", "vm-release", "--json"];
    args.extend(FAST_POLL);
    let out = run(server.product(&args)).expect_code(0);
    let docs = json_lines(&out.stdout);
    let last = docs.last().unwrap();
    assert_eq!(last["offerId"], "vm-release");
    assert!(last["productId"].as_str().unwrap().starts_with("product/"));
    assert_eq!(last["stage"], "live");
}

#[test]
fn watch_times_out_with_124() {
    let server = Server::start();
    run(server.product(&["publish", "vm-release"])).expect_code(0);
    let mut args = vec!["watch", "vm-release", "--timeout", "0.3"];
    args.extend(FAST_POLL);
    let out = run(server.product(&args)).expect_code(124);
    assert!(
        out.stdout.contains("certifying in preview"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_ingestion_url_comes_from_the_environment_too() {
    let server = Server::start();
    let out = run(common::cloudpartner(&["product", "list", "--json"])
        .env("CLOUDPARTNER_INGESTION_URL", server.ingestion_url())
        .env("CLOUDPARTNER_TOKEN", server.token()))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout).len(), 2);
    // A wrong --ingestion-version reaches the service, which refuses it.
    let out = run(server
        .product(&["list"])
        .arg("--ingestion-version")
        .arg("v1"))
    .expect_code(1);
    assert!(
        out.error_lines()[0].contains("bad_request")
            || out.error_lines()[0].to_lowercase().contains("version"),
        "{}",
        out.stderr
    );
    let _ = FAST;
}
