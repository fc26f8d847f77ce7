//! A text progress bar: `[#####-----]  50%`.

/// The width of the bar between its brackets.
pub const BAR_WIDTH: usize = 10;

/// `[#####-----]` for `percent` (0..=100): a mark per full tenth, so the bar is only
/// full at 100 %.
pub fn progress_bar(percent: u8) -> String {
    let percent = usize::from(percent.min(100));
    let filled = percent * BAR_WIDTH / 100;
    format!("[{}{}]", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled))
}

/// The bar and the percentage, right-aligned: `[####------]  40%`.
pub fn progress_cell(percent: u8) -> String {
    format!("{} {:>3}%", progress_bar(percent), percent.min(100))
}

/// An overall progress in 0..=1 as a whole percentage, rounded down so that only a
/// finished publish shows 100 %.
pub fn whole_percent(progress: f64) -> u8 {
    if progress.is_nan() {
        return 0;
    }
    (progress.clamp(0.0, 1.0) * 100.0 + 1e-9).floor() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_tenths() {
        assert_eq!(progress_bar(0), "[----------]");
        assert_eq!(progress_bar(50), "[#####-----]");
        assert_eq!(progress_bar(99), "[#########-]");
        assert_eq!(progress_bar(100), "[##########]");
        assert_eq!(progress_bar(250), "[##########]");
        assert_eq!(progress_cell(40), "[####------]  40%");
        assert_eq!(progress_cell(100), "[##########] 100%");
    }

    #[test]
    fn overall_progress_rounds_down() {
        assert_eq!(whole_percent(0.999), 99);
        assert_eq!(whole_percent(1.0), 100);
        assert_eq!(whole_percent(0.29), 29);
        assert_eq!(whole_percent(f64::NAN), 0);
        assert_eq!(whole_percent(-1.0), 0);
    }
}
