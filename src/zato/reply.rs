//! Everything a Zato SSO endpoint can answer with: the SSO response, or the
//! 400 envelope produced before the SSO service runs.

use std::borrow::Cow;
use std::fmt;

use super::Response;
use crate::body::Key;
use crate::error::Bounded;
use crate::reply::Shape;
use crate::{Error, Members, Vendor};

body! {
    /// The 400 body Zato's HTTP channel sends when a required input is missing,
    /// before the SSO service runs:
    ///
    /// ```json
    /// {"result":"Error","cid":"000000000000000000000005","details":"Bad request"}
    /// ```
    ///
    /// Parsed bodies are written back with their key order and any other
    /// members.
    pub struct BadRequest<'a>: "a Zato bad-request envelope", vendor = Zato {
        /// `"Error"`.
        pub result: Cow<'a, str> = "result",
        /// Correlation ID assigned to the request.
        pub cid: Cow<'a, str> = "cid",
        /// `"Bad request"`.
        pub details: Cow<'a, str> = "details",
    }
}

impl<'a> BadRequest<'a> {
    /// The envelope the server sends, for a correlation ID.
    #[must_use]
    pub fn new(cid: impl Into<Cow<'a, str>>) -> Self {
        Self {
            result: Cow::Borrowed("Error"),
            cid: cid.into(),
            details: Cow::Borrowed("Bad request"),
            members: Members::new(),
            layout: crate::body::Layout::default(),
        }
    }

    /// The HTTP status the envelope is sent with: 400.
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        400
    }

    /// What the envelope means for the caller: a required input is
    /// missing.
    #[must_use]
    pub const fn kind(&self) -> crate::ErrorKind {
        crate::ErrorKind::MissingInput
    }

    /// Whether the same request may succeed if sent again: no, an input is
    /// missing.
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        false
    }

    /// The codes the body carries: none, the envelope has no sub-status.
    #[must_use]
    pub fn codes(&self) -> Vec<Cow<'_, str>> {
        Vec::new()
    }
}

impl crate::text::LogLine for BadRequest<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} (cid {})",
            Vendor::Zato,
            Bounded(&self.result),
            Bounded(&self.details),
            Bounded(&self.cid)
        )
    }
}

log_line! {
    BadRequest<'_>;
}

impl std::error::Error for BadRequest<'_> {}

/// Any answer of a Zato SSO endpoint, with the HTTP status it came with:
/// see [`ReplyBody`].
///
/// ```
/// use sso_errors::zato::{Reply, ReplyBody};
///
/// let reply = Reply::parse(400, br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#)?;
/// assert!(matches!(reply.body(), ReplyBody::BadRequest(_)));
/// assert_eq!(reply.http_status(), 400);
///
/// assert_eq!(*Reply::parse(400, b"Bad request")?.body(), ReplyBody::PlainBadRequest);
/// # Ok::<(), sso_errors::Error>(())
/// ```
pub type Reply<'a> = crate::Reply<ReplyBody<'a>>;

/// The sub-statuses of a response; the bad-request bodies carry none.
fn codes_of<'b>(body: &'b ReplyBody<'_>) -> Vec<Cow<'b, str>> {
    match body {
        ReplyBody::Response(response) => response.codes(),
        ReplyBody::BadRequest(_) | ReplyBody::PlainBadRequest => Vec::new(),
    }
}

/// The bad request's `details` (or its plain text); a response has no words
/// of its own, only codes.
fn detail_of<'b>(body: &'b ReplyBody<'_>) -> Option<Cow<'b, str>> {
    match body {
        ReplyBody::Response(_) => None,
        ReplyBody::BadRequest(envelope) => Some(Cow::Borrowed(&envelope.details)),
        ReplyBody::PlainBadRequest => Some(Cow::Borrowed(ReplyBody::PLAIN_BAD_REQUEST)),
    }
}

/// What an answer means: its body's kind; the plain `Bad request` says a
/// required input is missing.
fn kind_of(body: &ReplyBody<'_>, _: Option<u16>) -> crate::ErrorKind {
    match body {
        ReplyBody::Response(response) => response.kind(),
        ReplyBody::BadRequest(envelope) => envelope.kind(),
        ReplyBody::PlainBadRequest => crate::ErrorKind::MissingInput,
    }
}

reply_body! {
    /// The body of a Zato SSO answer.
    ///
    /// | variant | HTTP | body |
    /// | --- | --- | --- |
    /// | [`Response`](ReplyBody::Response) | 200 (`ok`, `warning`; a few failures), 403 (`error`) | `{"status":…,"cid":…,…}` |
    /// | [`BadRequest`](ReplyBody::BadRequest) | 400 | `{"result":"Error","cid":…,"details":"Bad request"}` |
    /// | [`PlainBadRequest`](ReplyBody::PlainBadRequest) | 400 | the text `Bad request` (channels that do not speak JSON) |
    pub enum ReplyBody<'a>: Zato, read = read,
        kind = kind_of, retryable = never_retryable, codes = codes_of, detail = detail_of {
        /// The SSO service's response.
        Response(Response<'a>),
        /// The 400 JSON envelope for a missing required input.
        BadRequest(BadRequest<'a>),
        /// The 400 plain-text body `Bad request`.
        PlainBadRequest = ReplyBody::PLAIN_BAD_REQUEST,
    }
}

impl ReplyBody<'_> {
    /// The plain-text 400 body.
    pub const PLAIN_BAD_REQUEST: &'static str = "Bad request";

    /// The correlation ID, when the answer has one.
    #[must_use]
    pub fn cid(&self) -> Option<&str> {
        match self {
            Self::Response(response) => Some(&response.cid),
            Self::BadRequest(envelope) => Some(&envelope.cid),
            Self::PlainBadRequest => None,
        }
    }
}

/// Zato says nothing of retrying: no answer is retryable.
const fn never_retryable(_: &ReplyBody<'_>) -> bool {
    false
}

impl crate::text::LogLine for ReplyBody<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Response(response) => fmt::Display::fmt(response, f),
            Self::BadRequest(envelope) => fmt::Display::fmt(envelope, f),
            Self::PlainBadRequest => write!(f, "{} {}", Vendor::Zato, Self::PLAIN_BAD_REQUEST),
        }
    }
}

log_line! {
    ReplyBody<'_>;
}

/// Picks the body: the plain text `Bad request`, the 400 envelope (`result`
/// and no `status`), or else the response.
fn read<'a>(_: u16, input: &'a [u8], shape: Shape<'_>) -> Result<ReplyBody<'a>, Error> {
    match shape {
        Shape::Other(text) if text == ReplyBody::PLAIN_BAD_REQUEST.as_bytes() => {
            Ok(ReplyBody::PlainBadRequest)
        }
        Shape::Object(top) if !top.has(Key::Status) && top.has(Key::Result) => {
            BadRequest::parse(input).map(ReplyBody::BadRequest)
        }
        _ => Response::parse(input).map(ReplyBody::Response),
    }
}
