//! `cloudpartner serve` as a child process: it prints its URL and token, answers the
//! other subcommands, and stops cleanly on SIGTERM and Ctrl-C (SIGINT).

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use common::{cloudpartner, json_lines, run};

/// A running `cloudpartner serve` and what it printed before "Ctrl-C stops it.".
struct Served {
    child: Child,
    stdout: BufReader<ChildStdout>,
    banner: Vec<String>,
    url: String,
    token: String,
}

impl Served {
    fn start(args: &[&str]) -> Served {
        let mut child = Command::new(common::BIN)
            .env_clear()
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut banner = Vec::new();
        loop {
            let mut line = String::new();
            assert!(
                stdout.read_line(&mut line).unwrap() > 0,
                "serve ended early: {banner:?}"
            );
            let line = line.trim_end().to_owned();
            let done = line == "Ctrl-C stops it.";
            banner.push(line);
            if done {
                break;
            }
        }
        let url = banner[0]
            .strip_prefix("cloudpartner emulator listening on ")
            .expect("the URL comes first")
            .to_owned();
        let token = banner[1]
            .strip_prefix("token: ")
            .expect("then the token")
            .to_owned();
        Served {
            child,
            stdout,
            banner,
            url,
            token,
        }
    }

    fn signal(&self, name: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits for the exit (at most 10 s); returns the code and the rest of stdout.
    fn wait(mut self) -> (Option<i32>, String) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("serve did not stop");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut rest = String::new();
        for line in self.stdout.lines() {
            rest.push_str(&line.unwrap());
            rest.push('\n');
        }
        (status.code(), rest)
    }
}

#[test]
fn serve_prints_url_token_and_an_example_then_stops_on_sigterm() {
    let served = Served::start(&["--time-scale", "1000"]);
    assert!(
        served.url.starts_with("http://127.0.0.1:"),
        "{}",
        served.url
    );
    assert_eq!(served.token, "emulator-token");
    let banner = served.banner.join("\n");
    assert!(
        banner.contains("contoso/vm-offer") && banner.contains("contoso/never-published"),
        "{banner}"
    );
    let example = served
        .banner
        .iter()
        .find_map(|l| l.strip_prefix("try: cloudpartner "))
        .expect("an example command");
    assert_eq!(
        example,
        format!(
            "--base-url {} --token emulator-token status contoso vm-offer",
            served.url
        )
    );
    // The example works.
    let args: Vec<&str> = example.split(' ').collect();
    let out = run(cloudpartner(&args)).expect_code(0);
    assert!(
        out.stdout.starts_with("contoso/vm-offer  running"),
        "{}",
        out.stdout
    );

    served.signal("TERM");
    let (code, rest) = served.wait();
    assert_eq!(code, Some(0));
    assert!(rest.contains("terminated: stopping the emulator"), "{rest}");
}

#[test]
fn ctrl_c_stops_serve_cleanly() {
    let served = Served::start(&["--port", "0"]);
    served.signal("INT");
    let (code, rest) = served.wait();
    assert_eq!(code, Some(0));
    assert!(
        rest.contains("interrupted: stopping the emulator"),
        "{rest}"
    );
}

#[test]
fn serve_runs_a_scenario_file_on_its_clock() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("scenario.json");
    std::fs::write(
        &scenario,
        r#"{"token": "file-token", "timeScale": 500, "publishers": {"fabrikam": {"offers": {
            "quick": {"publish": {"steps": [
              {"id": "a", "stepName": "Only step", "estimatedTimeFrame": "< 1 hour", "durationSeconds": 100}]}},
            "done": {"status": {"status": "succeeded", "steps": []}}}}}}"#,
    )
    .unwrap();
    let served = Served::start(&["--scenario", scenario.to_str().unwrap()]);
    assert_eq!(served.token, "file-token");
    assert!(
        served.banner.iter().any(|l| l.contains("time scale 500")),
        "{:?}",
        served.banner
    );
    assert!(
        served
            .banner
            .iter()
            .any(|l| l.starts_with("time scale: 500 (announced in every answer")),
        "{:?}",
        served.banner
    );
    let out = run(cloudpartner(&[
        "--base-url",
        &served.url,
        "--token",
        "file-token",
        "watch",
        "fabrikam",
        "quick",
        "--min-interval",
        "0.05",
        "--max-interval",
        "0.1",
        "--json",
    ]))
    .expect_code(0);
    assert_eq!(
        json_lines(&out.stdout).last().unwrap()["status"],
        "succeeded"
    );
    served.signal("TERM");
    assert_eq!(served.wait().0, Some(0));
}

#[test]
fn a_broken_scenario_names_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("broken.json");
    std::fs::write(
        &scenario,
        r#"{"publishers": {"contoso": {"offers": {"x": {"publish": {"steps": [
            {"id": "a", "stepName": "A", "durationSeconds": "soon"}]}}}}}}"#,
    )
    .unwrap();
    let out = run(cloudpartner(&[
        "serve",
        "--scenario",
        scenario.to_str().unwrap(),
    ]))
    .expect_code(1);
    let error = out.error_lines()[0];
    assert!(error.contains("broken.json"), "{error}");
    assert!(
        error.contains("publishers.contoso.offers.x.publish.steps[0].durationSeconds"),
        "{error}"
    );

    let out = run(cloudpartner(&[
        "serve",
        "--scenario",
        "/no/such/scenario.json",
    ]))
    .expect_code(1);
    assert!(
        out.error_lines()[0].contains("/no/such/scenario.json"),
        "{}",
        out.stderr
    );
}

#[test]
fn serve_refuses_a_bad_time_scale_and_a_busy_port() {
    run(cloudpartner(&["serve", "--time-scale", "0"])).expect_code(2);
    run(cloudpartner(&["serve", "--port", "70000"])).expect_code(2);
    let served = Served::start(&[]);
    let port = served.url.rsplit(':').next().unwrap().to_owned();
    let out = run(cloudpartner(&["serve", "--port", &port])).expect_code(1);
    assert!(
        out.error_lines()[0].contains(&format!("cannot start the emulator on 127.0.0.1:{port}")),
        "{}",
        out.stderr
    );
    served.signal("TERM");
    assert_eq!(served.wait().0, Some(0));
}

#[test]
fn serve_prints_both_base_urls_and_exports_that_product_commands_use() {
    let served = Served::start(&["--time-scale", "1000"]);
    let ingestion = format!("{}/rp/product-ingestion", served.url);
    assert!(
        served
            .banner
            .contains(&format!("Product Ingestion API: {ingestion}")),
        "{:?}",
        served.banner
    );
    assert!(
        served
            .banner
            .contains(&"products: vm-new vm-release".to_owned()),
        "{:?}",
        served.banner
    );
    let exports: Vec<&str> = served
        .banner
        .iter()
        .filter_map(|l| l.strip_prefix("export "))
        .collect();
    assert_eq!(
        exports,
        [
            format!("CLOUDPARTNER_BASE_URL={}", served.url),
            format!("CLOUDPARTNER_INGESTION_URL={ingestion}"),
            "CLOUDPARTNER_TOKEN=emulator-token".to_owned(),
        ]
    );
    // The exports are all a product command needs.
    let mut command = cloudpartner(&["product", "status", "vm-release", "--json"]);
    for export in &exports {
        let (name, value) = export.split_once('=').unwrap();
        command.env(name, value);
    }
    let out = run(command).expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["stage"], "live");
    served.signal("TERM");
    let (code, _) = served.wait();
    assert_eq!(code, Some(0));
}

/// A watch with none of its interval flags follows the clock the emulator announces: a
/// three-day publish played 100 000 times faster ends in seconds, not at the next
/// five-minute poll.
#[test]
fn a_watch_follows_the_clock_serve_announces() {
    let served = Served::start(&["--time-scale", "100000"]);
    let started = Instant::now();
    let out = run(cloudpartner(&[
        "--base-url",
        &served.url,
        "--token",
        &served.token,
        "--timeout",
        "60",
        "watch",
        "contoso",
        "vm-offer",
    ]))
    .expect_code(0);
    assert!(out.stdout.contains("succeeded"), "{}", out.stdout);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    served.signal("TERM");
}

/// The CLI against `served` with the README's `export`s.
fn against(served: &Served, args: &[&str]) -> assert_cmd::Command {
    let mut command = cloudpartner(args);
    command
        .env("CLOUDPARTNER_BASE_URL", &served.url)
        .env("CLOUDPARTNER_TOKEN", &served.token);
    command
}

#[test]
fn the_readme_offers_are_in_the_default_scenario_as_the_readme_runs_it() {
    let served = Served::start(&["--port", "0", "--time-scale", "100000"]);
    let vhd = "https://contosoimages.blob.core.windows.net/vhds/release-2.0.0-os.vhd?sv=2021-08-06&sig=c2VjcmV0";
    let release = [
        "release",
        "contoso",
        "rejected-release",
        "--plan",
        "standard",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        vhd,
        "--go-live",
        "--timeout",
        "120",
    ];
    // "When a phase fails": exit code 3, the phase, the message, the command to run.
    let out = run(against(&served, &release)).expect_code(3);
    assert_eq!(
        out.error_lines(),
        ["error: release failed at review: contoso/rejected-release: Certification rejected"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("\n  Certification: Certification failed: the operating system disk of the image is not generalized."),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0]
            .starts_with("hint: see what happened: cloudpartner operations contoso rejected-release --state failed"),
        "{}",
        out.stderr
    );
    out.assert_no_signature();

    // live-offer is live: its production slot is there.
    let out = run(against(
        &served,
        &[
            "offer",
            "show",
            "contoso",
            "live-offer",
            "--slot",
            "production",
            "--json",
        ],
    ))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "published");

    // corevm-release keeps its images where azure-img-utils 1.x writes them; one
    // added and removed again leaves the plan as it was.
    let corevm_images = |served: &Served| {
        let out = run(against(
            served,
            &["offer", "show", "contoso", "corevm-release", "--json"],
        ))
        .expect_code(0);
        let offer = json_lines(&out.stdout).remove(0);
        assert!(
            offer["definition"]["plans"][0]
                .get("microsoft-azure-virtualmachines.vmImages")
                .is_none()
        );
        offer["definition"]["plans"][0]["microsoft-azure-corevm.vmImagesPublicAzure"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(corevm_images(&served), ["1.0.0", "1.1.0"]);
    let image = [
        "contoso",
        "corevm-release",
        "--plan",
        "standard",
        "--version",
        "2.0.0",
    ];
    let add: Vec<&str> = ["image", "add"]
        .into_iter()
        .chain(image)
        .chain(["--os-vhd-url", vhd])
        .collect();
    run(against(&served, &add)).expect_code(0);
    assert_eq!(corevm_images(&served), ["1.0.0", "1.1.0", "2.0.0"]);
    let remove: Vec<&str> = ["image", "remove"].into_iter().chain(image).collect();
    run(against(&served, &remove)).expect_code(0);
    assert_eq!(corevm_images(&served), ["1.0.0", "1.1.0"]);

    served.signal("TERM");
    assert_eq!(served.wait().0, Some(0));
}

#[test]
fn serve_refuses_client_flags_and_honours_token() {
    for args in [
        &["serve", "--base-url", "http://127.0.0.1:1"][..],
        &["--tenant-id", "t", "serve", "--client-id", "c"][..],
        &["serve", "--timeout", "5"][..],
    ] {
        let out = run(cloudpartner(args)).expect_code(2);
        let error = out.error_lines()[0];
        assert!(
            error.starts_with("error: serve does not take --"),
            "{error}"
        );
        for flag in args.iter().filter(|a| a.starts_with("--")) {
            assert!(error.contains(flag), "{error}");
        }
        assert!(out.stdout.is_empty(), "{}", out.stdout);
    }

    let served = Served::start(&["--token", "pipeline-token"]);
    assert_eq!(served.token, "pipeline-token");
    assert!(
        served
            .banner
            .contains(&String::from("export CLOUDPARTNER_TOKEN=pipeline-token")),
        "{:?}",
        served.banner
    );
    let status = |token: &str| {
        run(cloudpartner(&[
            "--base-url",
            &served.url,
            "--token",
            token,
            "status",
            "contoso",
            "live-offer",
        ]))
    };
    status("pipeline-token").expect_code(0);
    let refused = status("emulator-token").expect_code(1);
    assert!(refused.stderr.contains("401"), "{}", refused.stderr);
    served.signal("TERM");
    assert_eq!(served.wait().0, Some(0));
}

#[test]
fn serve_says_when_the_shells_token_is_not_the_emulators() {
    let mut child = Command::new(common::BIN)
        .env_clear()
        .env("CLOUDPARTNER_TOKEN", "a-real-looking-token")
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("Ctrl-C stops it.") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0);
        assert!(!line.contains("a-real-looking-token"), "{line}");
    }
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: CLOUDPARTNER_TOKEN in this shell is not the emulator's token"),
        "{stderr}"
    );
    assert!(
        stderr.contains("export CLOUDPARTNER_TOKEN=emulator-token"),
        "{stderr}"
    );
    assert!(!stderr.contains("a-real-looking-token"), "{stderr}");
}
