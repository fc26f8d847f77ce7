//! Writing to stdout without panicking when the reader has gone (`| head`).

use std::io::Write;

/// Writes `text` to stdout as is. A closed pipe is not an error worth a crash: the
/// output is dropped.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Writes `line` and a newline to stdout (see [`print`]).
pub fn print_line(line: &str) {
    let mut text = String::with_capacity(line.len() + 1);
    text.push_str(line);
    text.push('\n');
    print(&text);
}

/// Writes `line` and a newline to stderr, ignoring failures.
pub fn eprint_line(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}
