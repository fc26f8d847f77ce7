//! `cloudpartner demo`: the emulator's default scenario on a fast clock, and `vm-offer`
//! watched from its start to live.

use std::time::Duration;

use cloudpartner::{Client, WatchOptions, WatchUntil};
use cloudpartner_emulator::{DEFAULT_PUBLISH_SECONDS, Emulator, Scenario};

use super::cpp::started::{Watched, follow};
use crate::args::{DemoArgs, GlobalArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::print_line;
use crate::render::duration::format_length;
use crate::render::style::{Style, Tone};

const PUBLISHER: &str = "contoso";
const OFFER: &str = "vm-offer";

/// Runs the demo: a publish of about four simulated days in `--seconds` (20) seconds.
pub async fn demo(global: &GlobalArgs, args: &DemoArgs) -> Result<Exit, Failure> {
    let style = Style::for_stdout(global.color);
    let scenario = Scenario::default_scenario();
    let publish_seconds = scenario
        .publish_seconds(PUBLISHER, OFFER)
        .unwrap_or(DEFAULT_PUBLISH_SECONDS);
    let length = args.seconds;
    let time_scale = publish_seconds / length.as_secs_f64();
    let emulator = Emulator::builder()
        .scenario(scenario)
        .time_scale(time_scale)
        .start()
        .await
        .map_err(|e| Failure::error(format!("cannot start the emulator: {e}")))?;
    let base_url = emulator.base_url().to_owned();
    print_line(&format!(
        "{} the Cloud Partner Portal emulator runs at {base_url} (default scenario)",
        style.paint(Tone::Strong, "cloudpartner demo:")
    ));
    print_line(&format!(
        "Watching {PUBLISHER}/{OFFER}: {} of publishing, played back in {}.\n",
        format_length(Duration::from_secs_f64(publish_seconds)),
        format_length(length)
    ));
    let client = Client::builder()
        .base_url(&base_url)
        .token(emulator.token())
        .build()
        .map_err(|e| Failure::error(e.to_string()))?;
    let connection = Connection { client, base_url };
    let interval = demo_interval(length);
    let watched = Watched {
        publisher: PUBLISHER,
        offer: OFFER,
        options: WatchOptions {
            until: WatchUntil::Terminal,
            min_interval: Some(interval),
            max_interval: Some(interval),
            timeout: Some(length * 3 + Duration::from_secs(10)),
        },
        json: false,
        json_ids: false,
    };
    let exit = follow(&connection, &watched, style).await;
    emulator.shutdown().await;
    let exit = exit?;
    if exit == Exit::Ok {
        let program = program_path();
        print_line(&format!(
            "\nNext: run the emulator with `{program} serve --port 8080`, then in another shell:"
        ));
        print_line(&format!(
            "  {program} --base-url http://127.0.0.1:8080 --token emulator-token status contoso running-offer live-offer"
        ));
        if program != "cloudpartner" {
            print_line(
                "(`cargo install --path crates/cloudpartner-cli` puts `cloudpartner` on your PATH)",
            );
        }
    }
    Ok(exit)
}

/// How to run this binary again: `cloudpartner` when that is what `PATH` finds, else
/// the path it ran from (after `make demo`, `target/debug/cloudpartner`).
fn program_path() -> String {
    let Ok(exe) = std::env::current_exe() else {
        return "cloudpartner".to_owned();
    };
    let on_path = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            let candidate = dir.join("cloudpartner");
            candidate.canonicalize().ok() == exe.canonicalize().ok() && candidate.exists()
        })
    });
    if on_path {
        return "cloudpartner".to_owned();
    }
    let shown = std::env::current_dir()
        .ok()
        .and_then(|dir| {
            exe.strip_prefix(dir)
                .ok()
                .map(|p| format!("./{}", p.display()))
        })
        .unwrap_or_else(|| exe.display().to_string());
    if shown.contains(char::is_whitespace) {
        format!("'{shown}'")
    } else {
        shown
    }
}

/// The poll interval for a demo lasting `length`: about 40 polls, between 50 ms and
/// half a second.
fn demo_interval(length: Duration) -> Duration {
    (length / 40).clamp(Duration::from_millis(50), Duration::from_millis(500))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_polls_every_half_second_or_faster() {
        assert_eq!(
            demo_interval(Duration::from_secs(20)),
            Duration::from_millis(500)
        );
        assert_eq!(
            demo_interval(Duration::from_secs(2)),
            Duration::from_millis(50)
        );
        assert_eq!(
            demo_interval(Duration::from_secs(600)),
            Duration::from_millis(500)
        );
    }
}
