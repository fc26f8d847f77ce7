//! The emulator as a child process, so that its memory is measured apart from the
//! client's: it prints its base URL and token, adds the faults given on its standard
//! input (one JSON fault per line), and stops when its input closes.

use std::io::{BufRead, Write};
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};

use cloudpartner_emulator::{Emulator, Fault};

/// The flag that makes the soak binary the emulator.
pub const SERVE_FLAG: &str = "--serve-emulator";

/// Runs the emulator until standard input closes.
pub fn serve() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let emulator = runtime
        .block_on(Emulator::builder().start())
        .expect("the emulator starts");
    println!("{} {}", emulator.base_url(), emulator.token());
    std::io::stdout().flush().ok();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        match Fault::from_json_str(&line) {
            Ok(fault) => emulator.add_fault(fault),
            Err(error) => eprintln!("soak emulator: {error}"),
        }
    }
    runtime.block_on(emulator.stop());
    ExitCode::SUCCESS
}

/// The running child.
pub struct EmulatorProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    pub base_url: String,
    pub token: String,
}

impl EmulatorProcess {
    /// Starts this binary as the emulator.
    pub fn start() -> std::io::Result<EmulatorProcess> {
        let mut child = Command::new(std::env::current_exe()?)
            .arg(SERVE_FLAG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line)?;
        let mut parts = line.split_whitespace();
        let base_url = parts.next().unwrap_or_default().to_owned();
        let token = parts.next().unwrap_or_default().to_owned();
        let stdin = child.stdin.take();
        Ok(EmulatorProcess {
            child,
            stdin,
            base_url,
            token,
        })
    }

    /// Adds a fault (JSON, as in a scenario's `faults`).
    pub fn add_fault(&mut self, fault: &str) {
        if let Some(stdin) = self.stdin.as_mut() {
            let _ = writeln!(stdin, "{fault}");
            let _ = stdin.flush();
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for EmulatorProcess {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}
