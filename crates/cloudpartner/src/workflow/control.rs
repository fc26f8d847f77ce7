//! What a progress callback returns: nothing (go on), or whether to stop.

use std::ops::ControlFlow;

/// The return value of a release's progress callback: `()` goes on;
/// `ControlFlow::Break(())` stops the release right after the event, before anything
/// more is sent (the release then ends with an [`crate::ErrorKind::Canceled`] error).
pub trait ProgressControl {
    /// True to stop.
    fn stops(self) -> bool;
}

impl ProgressControl for () {
    fn stops(self) -> bool {
        false
    }
}

impl ProgressControl for ControlFlow<()> {
    fn stops(self) -> bool {
        self.is_break()
    }
}
