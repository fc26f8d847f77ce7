//! `cloudpartner inspect FILE|- [--json] [--strict]`: a saved status document, parsed
//! as the client would parse the service's answer.

use cloudpartner::{ParseOptions, parse_offer_status_with};

use crate::args::{GlobalArgs, InspectArgs};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::input::read_input;
use crate::output::{print, print_line};
use crate::render::cpp::offer_report::render_offer_report;
use crate::render::style::Style;

/// Reads, parses and prints the document; a parse error says what and where.
pub fn inspect(global: &GlobalArgs, args: &InspectArgs) -> Result<Exit, Failure> {
    let (name, bytes) = read_input(&args.file)?;
    let strict = ParseOptions {
        strict: args.strict,
    };
    let status = parse_offer_status_with(&bytes, strict).map_err(|error| {
        let failure = Failure::error(parse_failure_message(&name, &error));
        if args.strict && cloudpartner::parse_offer_status(&bytes).is_ok() {
            failure.with_hint(
                "the document is fine without --strict: it has values this version does not know",
            )
        } else {
            failure
        }
    })?;
    if args.json {
        print_line(&status.to_json());
    } else {
        print(&render_offer_report(
            &name,
            &status,
            Style::for_stdout(global.color),
        ));
    }
    Ok(Exit::Ok)
}

/// `FILE: parse: invalid JSON at line 67, column 5: …`, with the position added when
/// the message does not already give it.
fn parse_failure_message(name: &str, error: &cloudpartner::Error) -> String {
    let mut message = format!("{name}: {error}");
    if let (Some(line), Some(column)) = (error.line(), error.column()) {
        if !error
            .message()
            .contains(&format!("line {line}, column {column}"))
        {
            message.push_str(&format!(" (line {line}, column {column})"));
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_name_the_file_kind_and_position() {
        let error = cloudpartner::parse_offer_status(b"{\n \"status\": }").unwrap_err();
        let message = parse_failure_message("saved.json", &error);
        assert!(message.starts_with("saved.json: parse: "), "{message}");
        assert!(message.contains("line 2, column "), "{message}");
        let empty = cloudpartner::parse_offer_status(b"  ").unwrap_err();
        assert!(
            parse_failure_message("e.json", &empty).ends_with("(line 1, column 1)"),
            "{}",
            parse_failure_message("e.json", &empty)
        );
    }
}
