//! The command line's names for the core's arguments: an error about an argument names
//! the flag that was typed (`--os-vhd-url`), not the core's field (`os_vhd_url`).

use cloudpartner::Error;

/// The flag that gives the core's argument `argument`, where the flag is not simply its
/// name.
fn flag_for(argument: &str) -> Option<&'static str> {
    match argument {
        "os_vhd_url" => Some("--os-vhd-url"),
        "force" => Some("--force"),
        _ => None,
    }
}

/// The error (`kind: message`) with the argument it is about spelled as its flag.
///
/// The core names `os_vhd_url` in `os_vhd_url `http://…` is not an https URL`; the
/// command line says `--os-vhd-url `http://…` is not an https URL`.
pub fn in_flag_terms(error: &Error) -> String {
    let text = error.to_string();
    match error.argument().and_then(|argument| {
        let flag = flag_for(argument)?;
        let at = word_at(&text, argument)?;
        Some((argument, flag, at))
    }) {
        Some((argument, flag, at)) => {
            format!("{}{flag}{}", &text[..at], &text[at + argument.len()..])
        }
        None => text,
    }
}

/// Where `word` first stands as a word of `text` (not inside `image_version` for `version`).
fn word_at(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// The hint for an error about one of the image flags, when one helps more than a list.
pub fn argument_hint(error: &Error) -> Option<&'static str> {
    match error.argument()? {
        "os_vhd_url" | "data_disks" => Some(
            "give the VHD's https URL with its SAS token, e.g. from `az storage blob generate-sas \
--full-uri --permissions r --expiry DATE --account-name A --container-name C --name FILE.vhd`",
        ),
        "version" => Some("an image version is dot-separated integers, like 2.0.0 or 2026.12.01"),
        "force" => Some(
            "run it again with --force to remove it anyway: the plan is then left without an \
image, and the service refuses to publish it until one is added",
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudpartner::{VmImageVersion, parse_offer};

    fn offer() -> cloudpartner::Offer {
        parse_offer(
            br#"{"offerTypeId": "microsoft-azure-virtualmachines", "definition": {"plans": [
                {"planId": "p", "microsoft-azure-virtualmachines.vmImages": {"1.0.0": {"osVhdUrl": "https://a/1.vhd"}}}]}}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_error_names_the_flag() {
        let error = offer()
            .set_vm_image_version("p", &VmImageVersion::new("2.0.0", "http://a/2.vhd?sig=x"))
            .unwrap_err();
        let text = in_flag_terms(&error);
        assert_eq!(
            text,
            "invalid_argument: --os-vhd-url `http://a/2.vhd?sig=REDACTED` is not an https URL"
        );
        assert!(
            argument_hint(&error)
                .unwrap()
                .contains("https URL with its SAS token")
        );

        let error = offer()
            .remove_vm_image_version("p", "1.0.0", false)
            .unwrap_err();
        let text = in_flag_terms(&error);
        assert!(text.ends_with("(`--force` removes it anyway)"), "{text}");
        assert!(
            argument_hint(&error)
                .unwrap()
                .starts_with("run it again with --force")
        );

        let error = offer()
            .set_vm_image_version("p", &VmImageVersion::new("2.x", "https://a/2.vhd"))
            .unwrap_err();
        // "image version `2.x` is not …" reads as it is.
        assert_eq!(error.argument(), Some("version"));
        assert!(in_flag_terms(&error).starts_with("invalid_argument: image version `2.x`"));
        assert!(argument_hint(&error).unwrap().contains("dot-separated"));
    }

    #[test]
    fn only_whole_words_are_replaced() {
        assert_eq!(word_at("image_version version", "version"), Some(14));
        assert_eq!(word_at("os_vhd_urls", "os_vhd_url"), None);
    }
}
