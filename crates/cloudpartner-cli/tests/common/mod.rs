//! Shared by the CLI's test files: an emulator running in the test process, the
//! `cloudpartner` binary with a clean environment, and output checks.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use cloudpartner_emulator::{Emulator, EmulatorBuilder, Scenario};

/// The `cloudpartner` binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_cloudpartner");

/// An emulator on its own tokio runtime, so the test thread can run the binary.
pub struct Server {
    emulator: Option<Emulator>,
    runtime: tokio::runtime::Runtime,
}

impl Server {
    /// The default scenario on the real clock.
    pub fn start() -> Server {
        Server::with(Emulator::builder())
    }

    /// The default scenario on a clock a million times faster: a whole release of
    /// `vm-release` (about four simulated days) takes well under a second.
    pub fn fast() -> Server {
        Server::with(Emulator::builder().time_scale(FAST))
    }

    /// A scenario from its JSON text.
    pub fn scenario(json: &str) -> Server {
        let scenario = Scenario::from_json_str(json).expect("test scenario");
        Server::with(Emulator::builder().scenario(scenario))
    }

    /// Whatever the builder says.
    pub fn with(builder: EmulatorBuilder) -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        let emulator = runtime.block_on(builder.start()).expect("emulator starts");
        Server {
            emulator: Some(emulator),
            runtime,
        }
    }

    /// The running emulator.
    pub fn emulator(&self) -> &Emulator {
        self.emulator.as_ref().expect("running")
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        self.emulator().base_url().to_owned()
    }

    /// The token the emulator accepts.
    pub fn token(&self) -> String {
        self.emulator().token().to_owned()
    }

    /// `cloudpartner --base-url URL --token TOKEN ARGS...`
    pub fn cli(&self, args: &[&str]) -> assert_cmd::Command {
        let mut command = cloudpartner(&["--base-url", &self.url(), "--token", &self.token()]);
        command.args(args);
        command
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(emulator) = self.emulator.take() {
            self.runtime.block_on(emulator.shutdown());
        }
    }
}

/// The time scale of [`Server::fast`].
pub const FAST: f64 = 1_000_000.0;

/// The poll bounds that follow a fast emulator.
pub const FAST_POLL: [&str; 4] = ["--min-interval", "0.02", "--max-interval", "0.05"];

/// The signature of [`SAS_URL`]: it must never be printed in human output.
pub const SIG: &str = "Zm9yLXRlc3RzLW9ubHk%3D";

/// An image URL with a SAS token.
pub const SAS_URL: &str = "https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2021-08-06&sr=b&sp=rl&sig=Zm9yLXRlc3RzLW9ubHk%3D";

/// The signature of the emulator's default image URLs.
pub const DEFAULT_SIG: &str = "Xq3mQ9vB7wJk2LzT8yRf4uN1cHd6pGsA0eVbKo5iUjM";

impl Server {
    /// The methods of the API requests received so far (`GET`, `PUT`, `POST`).
    pub fn methods(&self) -> Vec<String> {
        self.emulator()
            .requests()
            .iter()
            .filter(|r| r.path.starts_with("/api/"))
            .map(|r| r.method.clone())
            .collect()
    }

    /// Starts `cloudpartner --base-url URL --token TOKEN ARGS...` without waiting.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        std::process::Command::new(BIN)
            .env_clear()
            .args(["--base-url", &self.url(), "--token", &self.token()])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary starts")
    }

    /// Waits until the emulator has received a request with this method (at most 20 s).
    pub fn wait_for_request(&self, method: &str) {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while !self.methods().iter().any(|m| m == method) {
            assert!(
                std::time::Instant::now() < deadline,
                "no {method} request came"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Waits for a spawned command and collects what it printed.
pub fn finish(child: std::process::Child) -> Run {
    let output = child.wait_with_output().expect("the binary ends");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The binary with an empty environment (no credentials, no `az` on `PATH`, no
/// `NO_COLOR`), so that nothing from the machine leaks into a test.
pub fn cloudpartner(args: &[&str]) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(BIN);
    command
        .env_clear()
        .args(args)
        .timeout(Duration::from_secs(60));
    command
}

/// What a finished run printed, and how it ended.
pub struct Run {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs the command (owned, or borrowed as `&mut`) to the end.
pub fn run(mut command: impl std::borrow::BorrowMut<assert_cmd::Command>) -> Run {
    let output = command.borrow_mut().output().expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Run {
    /// Panics with the whole output unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code {} instead of {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    /// The `error:` lines of stderr.
    pub fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect()
    }

    /// The `hint:` lines of stderr.
    pub fn hint_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("hint:"))
            .collect()
    }

    /// Asserts that no SAS signature (of the tests or of the emulator's documents) was
    /// printed.
    pub fn assert_no_signature(&self) {
        self.assert_never_shows(SIG);
        self.assert_never_shows(DEFAULT_SIG);
    }

    /// Asserts that `secret` appears in neither stdout nor stderr.
    pub fn assert_never_shows(&self, secret: &str) {
        assert!(
            !self.stdout.contains(secret) && !self.stderr.contains(secret),
            "`{secret}` was printed\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
    }
}

/// The repository's `fixtures/status` folder.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/status")
}

/// JSON equality with numbers compared within 1e-9.
pub fn json_close(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_close(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_close(v, w)))
        }
        _ => a == b,
    }
}

/// Parses each stdout line as JSON.
pub fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

impl Server {
    /// The Product Ingestion base URL, `<url>/rp/product-ingestion`.
    pub fn ingestion_url(&self) -> String {
        self.emulator().ingestion_base_url()
    }

    /// `cloudpartner --ingestion-url URL --token TOKEN product ARGS...`
    pub fn product(&self, args: &[&str]) -> assert_cmd::Command {
        let mut command = cloudpartner(&[
            "--ingestion-url",
            &self.ingestion_url(),
            "--token",
            &self.token(),
            "product",
        ]);
        command.args(args);
        command
    }

    /// Starts `cloudpartner … product ARGS...` without waiting.
    pub fn spawn_product(&self, args: &[&str]) -> std::process::Child {
        std::process::Command::new(BIN)
            .env_clear()
            .args([
                "--ingestion-url",
                &self.ingestion_url(),
                "--token",
                &self.token(),
                "product",
            ])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary starts")
    }

    /// `METHOD path` of the Product Ingestion requests received so far (the path after
    /// the base URL).
    pub fn ingestion_requests(&self) -> Vec<String> {
        self.emulator()
            .requests()
            .iter()
            .filter_map(|r| {
                r.path
                    .strip_prefix("/rp/product-ingestion/")
                    .map(|p| format!("{} {p}", r.method))
            })
            .collect()
    }

    /// How many `POST configure` requests came (configure, publish, go-live).
    pub fn configure_posts(&self) -> usize {
        self.ingestion_requests()
            .iter()
            .filter(|r| *r == "POST configure")
            .count()
    }

    /// Waits until `n` configure posts came (at most 20 s).
    pub fn wait_for_configure_posts(&self, n: usize) {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while self.configure_posts() < n {
            assert!(
                std::time::Instant::now() < deadline,
                "no {n} configure posts came"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Sends SIGINT to a spawned command.
pub fn interrupt(child: &std::process::Child) {
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
}
