//! `cloudpartner product image add|deprecate|restore`, `configure`, `job`, `job cancel`,
//! `publish` and `go-live` against the emulator, human and `--json`; bad configure
//! files and unknown job ids refused with one line and a hint.

mod common;

use common::{FAST_POLL, SAS_URL, Server, json_lines, run};

fn with_poll<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(FAST_POLL);
    all
}

#[test]
fn image_add_configures_the_draft_and_follows_the_job() {
    let server = Server::fast();
    let out = run(server.product(&with_poll(&[
        "image",
        "add",
        "vm-new",
        "--plan",
        "standard",
        "--version",
        "1.1.0",
        "--os-disk-url",
        SAS_URL,
        "--data-disk",
        &format!("0={SAS_URL}"),
    ])))
    .expect_code(0);
    let text = &out.stdout;
    assert!(
        text.starts_with("vm-new: configure accepted, job "),
        "{text}"
    );
    assert!(text.contains(": succeeded ("), "{text}");
    assert!(
        text.ends_with(
            "the draft holds it; publish: cloudpartner product publish vm-new --watch\n"
        ),
        "{text}"
    );
    out.assert_no_signature();
    let list = run(server.product(&["image", "list", "vm-new", "--json"])).expect_code(0);
    let docs = json_lines(&list.stdout);
    assert_eq!(docs[0]["versionNumber"], "1.1.0");
    assert_eq!(docs[0]["images"][0]["dataDisks"][0]["lun"], 0);

    // Again: the draft already says so, nothing sent.
    let posts = server.configure_posts();
    let out = run(server.product(&with_poll(&[
        "image",
        "add",
        "vm-new",
        "--plan",
        "standard",
        "--version",
        "1.1.0",
        "--os-disk-url",
        SAS_URL,
        "--data-disk",
        &format!("0={SAS_URL}"),
        "--json",
    ])))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["diff"], "");
    assert_eq!(server.configure_posts(), posts);

    let out = run(server.product(&[
        "image",
        "add",
        "vm-new",
        "--plan",
        "standard",
        "--version",
        "1.2.0",
        "--os-disk-url",
        SAS_URL,
        "--no-wait",
        "--json",
    ]))
    .expect_code(0);
    let doc = &json_lines(&out.stdout)[0];
    assert_eq!(doc["offerId"], "vm-new");
    assert_eq!(doc["planId"], "standard");
    let job_id = doc["jobId"].as_str().unwrap().to_owned();
    let out = run(server.product(&with_poll(&["job", &job_id, "--watch"]))).expect_code(0);
    assert!(
        out.stdout.contains(&format!("job {job_id}: succeeded")),
        "{}",
        out.stdout
    );
}

#[test]
fn deprecate_then_restore_a_version() {
    let server = Server::fast();
    let out = run(server.product(&with_poll(&[
        "image",
        "deprecate",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "1.0.0",
        "--reason",
        "endOfSupport",
        "--json",
    ])))
    .expect_code(0);
    let doc = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(doc["offerId"], "vm-release");
    assert_eq!(doc["result"], "succeeded");
    let list =
        run(server.product(&["image", "list", "vm-release", "--plan", "byol"])).expect_code(0);
    assert!(
        list.stdout.contains("\nbyol  1.0.0    deprecated  "),
        "{}",
        list.stdout
    );
    run(server.product(&with_poll(&[
        "image",
        "restore",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "1.0.0",
    ])))
    .expect_code(0);
    let list = run(server.product(&["image", "list", "vm-release", "--plan", "byol", "--json"]))
        .expect_code(0);
    assert_eq!(
        json_lines(&list.stdout)[0]["lifecycleState"],
        "generallyAvailable"
    );
    // An unknown version names itself; nothing sent.
    let posts = server.configure_posts();
    let out = run(server.product(&[
        "image",
        "deprecate",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "9.9.9",
    ]))
    .expect_code(2);
    assert!(out.error_lines()[0].contains("9.9.9"), "{}", out.stderr);
    assert_eq!(server.configure_posts(), posts);
}

#[test]
fn configure_sends_resources_as_written_and_a_failed_job_lists_its_errors() {
    let server = Server::fast();
    let tree = run(server.product(&["show", "vm-new", "--json"])).expect_code(0);
    let tree: serde_json::Value = serde_json::from_str(tree.stdout.trim()).unwrap();
    let resources = tree["resources"].as_array().unwrap();
    let mut config = resources
        .iter()
        .find(|r| {
            r["$schema"]
                .as_str()
                .unwrap()
                .contains("virtual-machine-plan-technical-configuration")
        })
        .unwrap()
        .clone();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.json");
    std::fs::write(
        &file,
        serde_json::to_string(&serde_json::json!({"resources": [config.clone()]})).unwrap(),
    )
    .unwrap();
    let out =
        run(server.product(&with_poll(&["configure", file.to_str().unwrap()]))).expect_code(0);
    assert!(
        out.stdout
            .starts_with("configure of 1 resource accepted: job "),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(": succeeded"), "{}", out.stdout);

    // An image type the plan has no SKU for: the job fails, its error names the resource.
    config["vmImageVersions"] = serde_json::json!([{"versionNumber": "3.0.0", "vmImages": [{"imageType": "arm64Gen2",
        "source": {"sourceType": "sasUri", "osDisk": {"uri": SAS_URL}, "dataDisks": []}}]}]);
    let out = run(server
        .product(&with_poll(&["configure", "-"]))
        .write_stdin(serde_json::to_string(&vec![config]).unwrap()))
    .expect_code(3);
    assert!(out.stdout.contains(": failed"), "{}", out.stdout);
    assert!(
        out.stdout.contains("\n  businessValidationError: "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("(virtual-machine-plan-technical-configuration/"),
        "{}",
        out.stdout
    );
    out.assert_no_signature();

    let out = run(server
        .product(&["configure", "-", "--no-wait", "--json"])
        .write_stdin(serde_json::to_string(&tree["resources"]).unwrap()))
    .expect_code(0);
    let doc = &json_lines(&out.stdout)[0];
    assert!(doc["jobId"].is_string());
}

#[test]
fn bad_configure_files_are_refused_before_sending() {
    let server = Server::fast();
    for (body, said) in [
        ("{not json", "stdin is not JSON"),
        ("{\"value\": []}", "is not a list of resources"),
        ("[1, 2]", "resource 1: a resource is a JSON object"),
        ("[{\"id\": \"product/x\"}]", "has no \"$schema\""),
        ("[]", "holds no resources"),
    ] {
        let out = run(server.product(&["configure", "-"]).write_stdin(body)).expect_code(1);
        assert_eq!(out.error_lines().len(), 1, "{}", out.stderr);
        assert!(
            out.error_lines()[0].contains(said),
            "{body}: {}",
            out.stderr
        );
        assert!(
            out.hint_lines()[0].starts_with("hint: a configure file is a JSON list of resources"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(server.ingestion_requests(), Vec::<String>::new());
}

#[test]
fn an_unknown_job_id_says_where_job_ids_come_from() {
    let server = Server::fast();
    let out = run(server.product(&["job", "00000000-0000-0000-0000-000000000000"])).expect_code(1);
    assert_eq!(out.error_lines().len(), 1);
    assert!(
        out.error_lines()[0].contains("job 00000000-0000-0000-0000-000000000000"),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].starts_with("hint: check the job id: "),
        "{}",
        out.stderr
    );
    let out = run(server.product(&["job", "cancel", "00000000-0000-0000-0000-000000000000"]))
        .expect_code(1);
    assert!(
        out.hint_lines()[0].starts_with("hint: check the job id: "),
        "{}",
        out.stderr
    );
}

#[test]
fn publish_then_go_live_with_watch_and_cancel_a_running_job() {
    let server = Server::fast();
    let out = run(server.product(&with_poll(&["publish", "vm-new", "--watch"]))).expect_code(0);
    assert!(
        out.stdout.starts_with("vm-new: publish accepted, job "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("): waiting for go-live (preview succeeded"),
        "{}",
        out.stdout
    );
    let out =
        run(server.product(&with_poll(&["go-live", "vm-new", "--watch", "--json"]))).expect_code(0);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs[0]["action"], "go-live");
    assert_eq!(docs[0]["offerId"], "vm-new");
    let job_id = docs[0]["jobId"].as_str().unwrap();
    assert_eq!(docs.last().unwrap()["jobId"], job_id);
    assert_eq!(docs.last().unwrap()["result"], "succeeded");
    let status = run(server.product(&["status", "vm-new", "--json"])).expect_code(0);
    assert_eq!(json_lines(&status.stdout)[0]["stage"], "live");

    // On the real clock a preview runs for a day: cancel its job.
    let slow = Server::start();
    let out = run(slow.product(&["publish", "vm-release", "--json"])).expect_code(0);
    let job_id = json_lines(&out.stdout)[0]["jobId"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = run(slow.product(&["job", &job_id])).expect_code(0);
    assert!(
        out.stdout.starts_with(&format!("job {job_id}: ")),
        "{}",
        out.stdout
    );
    let out = run(slow.product(&["job", "cancel", &job_id, "--json"])).expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["result"], "cancelled");
    let out = run(slow.product(&["job", &job_id, "--watch"])).expect_code(4);
    assert!(out.stdout.contains("cancelled"), "{}", out.stdout);
    let out = run(slow.product(&["job", "cancel", &job_id])).expect_code(1);
    assert!(
        out.hint_lines()[0].contains(&format!("cloudpartner product job {job_id}")),
        "{}",
        out.stderr
    );
}

#[test]
fn help_ends_with_an_example_and_completions_know_product() {
    for args in [
        &["product", "list", "--help"][..],
        &["product", "status", "--help"],
        &["product", "watch", "--help"],
        &["product", "show", "--help"],
        &["product", "image", "list", "--help"],
        &["product", "image", "add", "--help"],
        &["product", "image", "deprecate", "--help"],
        &["product", "configure", "--help"],
        &["product", "job", "--help"],
        &["product", "job", "cancel", "--help"],
        &["product", "publish", "--help"],
        &["product", "go-live", "--help"],
        &["product", "release", "--help"],
    ] {
        let out = run(common::cloudpartner(args)).expect_code(0);
        let tail: Vec<&str> = out.stdout.trim_end().lines().rev().take(4).collect();
        assert!(
            tail.iter()
                .any(|l| l.trim_start().starts_with("cloudpartner product "))
                && out.stdout.contains("Example:\n"),
            "{args:?}: {}",
            out.stdout
        );
    }
    let out = run(common::cloudpartner(&["completions", "bash"])).expect_code(0);
    assert!(
        out.stdout.contains("product")
            && out.stdout.contains("--ingestion-url")
            && out.stdout.contains("go-live")
    );
}

#[test]
fn job_watch_json_prints_each_change_then_the_job_as_it_ended() {
    // A configure job runs for 10 simulated seconds: about 1 s at this scale.
    let server = Server::with(cloudpartner_emulator::Emulator::builder().time_scale(10.0));
    let out = run(server.product(&[
        "image",
        "add",
        "vm-new",
        "--plan",
        "standard",
        "--version",
        "1.2.0",
        "--os-disk-url",
        SAS_URL,
        "--no-wait",
        "--json",
    ]))
    .expect_code(0);
    let job_id = json_lines(&out.stdout)[0]["jobId"]
        .as_str()
        .unwrap()
        .to_owned();
    let out =
        run(server.product(&with_poll(&["job", &job_id, "--watch", "--json"]))).expect_code(0);
    let docs = json_lines(&out.stdout);
    assert!(docs.len() >= 2, "one line per change: {}", out.stdout);
    for doc in &docs {
        assert_eq!(doc["jobId"], job_id.as_str(), "{doc}");
    }
    assert_ne!(docs[0]["status"], "completed", "{}", out.stdout);
    assert_eq!(docs.last().unwrap()["status"], "completed");
    assert_eq!(docs.last().unwrap()["result"], "succeeded");
    assert!(docs.windows(2).all(|w| w[0] != w[1]), "{}", out.stdout);
}
