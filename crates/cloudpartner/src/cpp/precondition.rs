//! What a write of an offer requires of the offer the service holds.

use reqwest::header::{HeaderName, IF_MATCH, IF_NONE_MATCH};

use crate::error::{Error, Result};

/// The precondition of [`crate::Client::put_offer`].
///
/// A write that replaced someone else's change would lose it: by default the write
/// requires the offer to be the one that was read (its ETag), and a 412 (the offer
/// changed) or a 409 is an [`crate::ErrorKind::Conflict`] error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Precondition {
    /// `If-Match: <the offer's etag>` when it has one, else `If-Match: *` (the service
    /// often sends no ETag).
    #[default]
    Auto,
    /// `If-Match` with this ETag.
    IfMatch(String),
    /// `If-Match: *`: overwrite whatever is there (the offer must exist).
    Any,
    /// `If-None-Match: *`: create the offer; a conflict when it exists.
    Create,
}

impl Precondition {
    /// The precondition of a binding's `if_match`, `force` and `create` arguments: none
    /// is [`Precondition::Auto`]; more than one, or a blank ETag, is an
    /// [`crate::ErrorKind::InvalidArgument`] error.
    ///
    /// ```
    /// use cloudpartner::Precondition;
    /// assert_eq!(Precondition::from_parts(None, false, false).unwrap(), Precondition::Auto);
    /// assert_eq!(Precondition::from_parts(None, true, false).unwrap(), Precondition::Any);
    /// assert!(Precondition::from_parts(Some("W/\"x\""), true, false).is_err());
    /// assert!(Precondition::from_parts(Some(" "), false, false).is_err());
    /// ```
    pub fn from_parts(if_match: Option<&str>, force: bool, create: bool) -> Result<Precondition> {
        match (if_match, force, create) {
            (None, false, false) => Ok(Precondition::Auto),
            (None, true, false) => Ok(Precondition::Any),
            (None, false, true) => Ok(Precondition::Create),
            (Some(etag), false, false) if etag.trim().is_empty() => Err(Error::invalid_argument(
                "if_match is blank: give an ETag, or none for the offer's own",
            )),
            (Some(etag), false, false) => Ok(Precondition::IfMatch(etag.to_owned())),
            _ => Err(Error::invalid_argument(
                "give at most one of if_match, force and create",
            )),
        }
    }

    /// The header sent for an offer whose ETag is `etag`.
    pub(crate) fn header(&self, etag: Option<&str>) -> (HeaderName, String) {
        match self {
            Precondition::Auto => (
                IF_MATCH,
                etag.filter(|e| !e.trim().is_empty())
                    .unwrap_or("*")
                    .to_owned(),
            ),
            Precondition::IfMatch(etag) => (IF_MATCH, etag.clone()),
            Precondition::Any => (IF_MATCH, "*".to_owned()),
            Precondition::Create => (IF_NONE_MATCH, "*".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let tag = "W/\"datetime'1'\"";
        let etag = Some(tag);
        assert_eq!(Precondition::Auto.header(etag), (IF_MATCH, tag.to_owned()));
        assert_eq!(Precondition::Auto.header(None), (IF_MATCH, "*".to_owned()));
        assert_eq!(Precondition::Any.header(etag), (IF_MATCH, "*".to_owned()));
        assert_eq!(
            Precondition::Create.header(etag),
            (IF_NONE_MATCH, "*".to_owned())
        );
        assert_eq!(
            Precondition::IfMatch("x".into()).header(etag),
            (IF_MATCH, "x".to_owned())
        );
    }
}
