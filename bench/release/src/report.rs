//! The side-by-side table of the tools' releases.

use crate::run::RunResult;
use crate::scenario::BenchScenario;
use crate::tools::{RELEASE, Tool};

/// Prints what the release waits through, then one row per tool, with ratios to
/// cloudpartner's (none when it did not run).
pub fn print(scenario: &BenchScenario, results: &[RunResult]) {
    let scale = scenario.time_scale;
    println!(
        "release of image {} of {}/{}: configure job {}, preview certification {}, push to live {} (simulated)",
        RELEASE.version,
        RELEASE.offer,
        RELEASE.plan,
        simulated(scenario.job_seconds),
        simulated(scenario.preview_seconds),
        simulated(scenario.live_seconds),
    );
    println!(
        "time scale {scale}: those waits are {:.2} s of real time for every tool; \"beyond\" is its wall time less them",
        scenario.simulated_real_seconds()
    );
    println!();
    let header = [
        "tool",
        "live",
        "wall s",
        "beyond s",
        "x",
        "requests",
        "x",
        "configure",
        "job polls",
        "submission reads",
        "other reads",
        "other",
    ];
    let base = results.iter().find(|r| r.tool == Tool::Cloudpartner);
    let mut rows = vec![header.map(String::from).to_vec()];
    for result in results {
        // Only a release that reached live waited through every simulated wait.
        let finished = result.live && result.exited_ok;
        let beyond = result.wall_seconds - scenario.simulated_real_seconds();
        let counts = result.requests;
        let ratio = |mine: f64, theirs: Option<f64>| match theirs {
            Some(theirs) if theirs > 0.0 => format!("{:.1}", mine / theirs),
            _ => String::from("-"),
        };
        let base_beyond = base.map(|b| b.wall_seconds - scenario.simulated_real_seconds());
        let base_requests = base.map(|b| b.requests.total as f64);
        rows.push(vec![
            result.tool.name().to_owned(),
            String::from(match (result.live, result.exited_ok) {
                (true, true) => "yes",
                (true, false) => "yes (exit != 0)",
                (false, _) => "NO",
            }),
            format!("{:.2}", result.wall_seconds),
            if finished {
                format!("{beyond:.2}")
            } else {
                String::from("-")
            },
            if finished {
                ratio(beyond, base_beyond)
            } else {
                String::from("-")
            },
            counts.total.to_string(),
            ratio(counts.total as f64, base_requests),
            counts.configure.to_string(),
            counts.job_polls.to_string(),
            counts.submission_reads.to_string(),
            counts.other_reads.to_string(),
            counts.other.to_string(),
        ]);
    }
    print_table(&rows);
    println!();
    println!(
        "x: ratio to cloudpartner's (beyond: above 1 is more time lost past the waits; requests: more requests sent)"
    );
}

/// Simulated seconds in the largest whole unit that fits.
fn simulated(seconds: f64) -> String {
    match seconds {
        s if s >= 3600.0 && s % 3600.0 == 0.0 => format!("{} h", s / 3600.0),
        s if s >= 60.0 && s % 60.0 == 0.0 => format!("{} min", s / 60.0),
        s => format!("{s} s"),
    }
}

/// Columns padded to their widest cell; the first left-aligned, the rest right.
fn print_table(rows: &[Vec<String>]) {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, &width))| {
                if i == 0 {
                    format!("{cell:<width$}")
                } else {
                    format!("{cell:>width$}")
                }
            })
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
}
