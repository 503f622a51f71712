//! What a Zenlogin endpoint answers an error with: a JSON:API error document.

use std::borrow::Cow;
use std::fmt;

use super::ErrorDocument;
use crate::Error;
use crate::reply::Shape;

/// A Zenlogin error answer, with the HTTP status it came with: see
/// [`ReplyBody`].
///
/// ```
/// use sso_errors::zenlogin::{ErrorCode, Reply, ReplyBody};
///
/// let reply = Reply::parse(400, br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: x"}]}"#)?;
/// let ReplyBody::Document(document) = reply.body() else { unreachable!() };
/// assert!(document.has(ErrorCode::InvalidApplicationKey));
/// assert_eq!(reply.http_status(), 400);
/// # Ok::<(), sso_errors::Error>(())
/// ```
pub type Reply<'a> = crate::Reply<ReplyBody<'a>>;

/// The codes of the document's error objects.
fn codes_of<'b>(body: &'b ReplyBody<'_>) -> Vec<Cow<'b, str>> {
    match body {
        ReplyBody::Document(document) => document.codes(),
    }
}

/// The first error object's `detail`, a secret it echoes redacted
/// ([`ErrorObject::shown`](super::ErrorObject::shown)).
fn detail_of<'b>(body: &'b ReplyBody<'_>) -> Option<Cow<'b, str>> {
    match body {
        ReplyBody::Document(document) => document.errors.iter().find_map(super::ErrorObject::shown),
    }
}

/// What an answer means: the document's kind.
fn kind_of(body: &ReplyBody<'_>, _: Option<u16>) -> crate::ErrorKind {
    match body {
        ReplyBody::Document(document) => document.kind(),
    }
}

reply_body! {
    /// The body of a Zenlogin error answer.
    pub enum ReplyBody<'a>: Zenlogin, read = read, scan = false,
        kind = kind_of, retryable = is_retryable,
        codes = codes_of, detail = detail_of {
        /// The JSON:API error document, Zenlogin's one error body.
        Document(ErrorDocument<'a>),
    }
}

/// Whether every error object's code is retryable (1001, maintenance).
fn is_retryable(body: &ReplyBody<'_>) -> bool {
    match body {
        ReplyBody::Document(document) => document.is_retryable(),
    }
}

impl crate::text::LogLine for ReplyBody<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Document(document) => fmt::Display::fmt(document, f),
        }
    }
}

log_line! {
    ReplyBody<'_>;
}

/// The one body: the error document.
fn read<'a>(_: u16, input: &'a [u8], _: Shape<'_>) -> Result<ReplyBody<'a>, Error> {
    ErrorDocument::parse(input).map(ReplyBody::Document)
}
