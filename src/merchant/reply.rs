//! Everything a merchant endpoint can answer an error with: an error body, or
//! nothing at all.

use std::borrow::Cow;
use std::fmt;

use super::ErrorBody;
use crate::reply::Shape;
use crate::{Error, Vendor};

/// An error answer of a merchant User Management / SSO-token endpoint, with
/// the HTTP status it came with: see [`ReplyBody`].
///
/// The provider's web server may also answer a 401 with an HTML error page:
/// [`parse`](crate::Reply::parse) reports it as
/// [`Category::NotAnErrorBody`](crate::Category::NotAnErrorBody) with the
/// status, as it does an empty body with any status but 401 or 403.
///
/// ```
/// use sso_errors::Category;
/// use sso_errors::merchant::{Reply, ReplyBody};
///
/// let reply = Reply::parse(403, b"")?;
/// assert_eq!(*reply.body(), ReplyBody::NoBody);
/// assert!(reply.body().is_insufficient_privileges());
///
/// let html = b"<!doctype html><html><head><title>HTTP Status 401 \xE2\x80\x93 Unauthorized</title></head></html>";
/// let err = Reply::parse(401, html).unwrap_err();
/// assert_eq!((err.category(), err.http_status()), (Category::NotAnErrorBody, Some(401)));
///
/// let reply = Reply::parse(422, br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password"}]}"#)?;
/// assert!(matches!(reply.body(), ReplyBody::Error(body) if body.http_status() == 400));
/// assert_eq!(reply.http_status(), 422);
/// # Ok::<(), sso_errors::Error>(())
/// ```
pub type Reply<'a> = crate::Reply<ReplyBody<'a>>;

/// The entries' codes; none without a body.
fn codes_of<'b>(body: &'b ReplyBody<'_>) -> Vec<Cow<'b, str>> {
    body.error_body().map(ErrorBody::codes).unwrap_or_default()
}

/// The first entry's description, as the wire carried it.
fn detail_of<'b>(body: &'b ReplyBody<'_>) -> Option<Cow<'b, str>> {
    let entry = body.error_body()?.message().first()?;
    Some(entry.description_text())
}

/// What an answer means: the body's kind; no body is insufficient
/// privileges.
fn kind_of(body: &ReplyBody<'_>, _: Option<u16>) -> crate::ErrorKind {
    match body {
        ReplyBody::Error(body) => body.kind(),
        ReplyBody::NoBody => crate::ErrorKind::NotAllowed,
    }
}

reply_body! {
    /// The body of a merchant error answer.
    ///
    /// | variant | HTTP | body |
    /// | --- | --- | --- |
    /// | [`Error`](ReplyBody::Error) | 400 validation, 403 token generation refused (other statuses from the provider's other APIs) | `{"message":[…]}` |
    /// | [`NoBody`](ReplyBody::NoBody) | 401 or 403: insufficient privileges, as documented for every API | none |
    // Boxing the body would cost every parse an allocation.
    #[allow(clippy::large_enum_variant)]
    pub enum ReplyBody<'a>: Merchant, read = read,
        kind = kind_of, retryable = is_retryable, codes = codes_of, detail = detail_of {
        /// An error body.
        Error(ErrorBody<'a>),
        /// A 401 or 403 without a body: insufficient privileges.
        NoBody = "",
    }
}

impl<'a> ReplyBody<'a> {
    /// The error body, if there is one.
    #[must_use]
    pub const fn error_body(&self) -> Option<&ErrorBody<'a>> {
        match self {
            Self::Error(body) => Some(body),
            Self::NoBody => None,
        }
    }

    /// Whether the answer reports insufficient privileges: no body, or a
    /// body with the description `Insufficient Privileges: not allowed to
    /// call this API`.
    #[must_use]
    pub fn is_insufficient_privileges(&self) -> bool {
        match self {
            Self::Error(body) => body
                .message()
                .iter()
                .any(|entry| entry.description == super::Template::InsufficientPrivileges),
            Self::NoBody => true,
        }
    }
}

/// See [`ErrorBody::is_retryable`]; never for a bodiless answer.
fn is_retryable(body: &ReplyBody<'_>) -> bool {
    body.error_body().is_some_and(ErrorBody::is_retryable)
}

impl crate::text::LogLine for ReplyBody<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Error(body) => fmt::Display::fmt(body, f),
            Self::NoBody => write!(
                f,
                "{} error: no body (insufficient privileges)",
                Vendor::Merchant
            ),
        }
    }
}

log_line! {
    /// The body's message, or `merchant User Management error: no body
    /// (insufficient privileges)`.
    ReplyBody<'_>;
}

/// Picks the body: an empty input (or only whitespace) with status 401 or
/// 403 is no body; anything else must be an error body (an empty input with
/// another status is not an error body).
fn read<'a>(http_status: u16, input: &'a [u8], shape: Shape<'_>) -> Result<ReplyBody<'a>, Error> {
    match shape {
        Shape::Empty if matches!(http_status, 401 | 403) => Ok(ReplyBody::NoBody),
        _ => ErrorBody::parse(input).map(ReplyBody::Error),
    }
}
