//! Resident memory of a process, from `/proc/PID/status` (Linux).

/// `VmRSS` and `VmHWM` (the peak) of a process, in KiB; `None` off Linux.
#[derive(Debug, Clone, Copy)]
pub struct Rss {
    pub current_kib: u64,
    pub peak_kib: u64,
}

pub fn rss(pid: Option<u32>) -> Option<Rss> {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/status"),
        None => "/proc/self/status".to_owned(),
    };
    let text = std::fs::read_to_string(path).ok()?;
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
    };
    Some(Rss {
        current_kib: field("VmRSS:")?,
        peak_kib: field("VmHWM:")?,
    })
}

/// `a` to `b` as a growth in percent.
pub fn growth(a: u64, b: u64) -> f64 {
    (b as f64 - a as f64) / a.max(1) as f64 * 100.0
}
