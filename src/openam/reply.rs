//! Everything an OpenAM REST endpoint can fail with: the CREST error body, or
//! one of the authenticate endpoint's two other failure shapes.

use std::borrow::Cow;
use std::fmt;

use super::ErrorBody;
use crate::body;
use crate::body::Key;
use crate::reply::Shape;
use crate::{Error, Members, Vendor};

body! {
    /// The legacy authenticate endpoint's failure body:
    ///
    /// ```json
    /// {"errorMessage":"Invalid Password!!","failureUrl":"http://localhost:8080"}
    /// ```
    ///
    /// `failureUrl` is there only when the authentication chain sets one. A body
    /// built in code is written `errorMessage`, `failureUrl`; a parsed one keeps
    /// its key order (the server builds it in a hash map, so the order carries
    /// no meaning) and any other members.
    pub struct LegacyFailure<'a>: "an OpenAM legacy authentication failure object" {
        /// What went wrong (`errorMessage`).
        pub error_message: Cow<'a, str> = "errorMessage",
        /// Where the browser is to be sent after the failure (`failureUrl`).
        pub failure_url: Option<Cow<'a, str>> = "failureUrl",
    }
}

impl<'a> LegacyFailure<'a> {
    /// A body with a message.
    #[must_use]
    pub fn new(error_message: impl Into<Cow<'a, str>>) -> Self {
        Self {
            error_message: error_message.into(),
            failure_url: None,
            members: Members::new(),
            layout: body::Layout::default(),
        }
    }

    /// Sets `failureUrl`.
    #[must_use]
    pub fn with_failure_url(mut self, failure_url: impl Into<Cow<'a, str>>) -> Self {
        self.failure_url = Some(failure_url.into());
        self
    }
}

body! {
    /// The body an authentication module passes through the authenticate
    /// endpoint on failure, such as the HTTP (Negotiate) module's:
    ///
    /// ```json
    /// {"failure":true,"reason":"http-auth-failed","authId":"12345"}
    /// ```
    ///
    /// `reason` is the module's machine token, not a reason phrase. A body built
    /// in code is written `failure`, `reason`, `authId`; a parsed one keeps its
    /// key order and any other members. `authId` identifies an authentication
    /// in progress: `Debug` and `Display` never show it.
    pub struct ModuleFailure<'a>: "an OpenAM authentication module failure object" {
        /// `true`.
        pub failure: bool = "failure",
        /// The module's token for what failed (`http-auth-failed`).
        pub reason: Option<Cow<'a, str>> = "reason",
        /// The ID of the authentication in progress (`authId`).
        @secret pub auth_id: Option<Cow<'a, str>> = "authId",
    }
}

impl<'a> ModuleFailure<'a> {
    /// A failure with a module's reason token.
    #[must_use]
    pub fn new(reason: impl Into<Cow<'a, str>>) -> Self {
        Self {
            failure: true,
            reason: Some(reason.into()),
            auth_id: None,
            members: Members::new(),
            layout: body::Layout::default(),
        }
    }

    /// Sets `authId`.
    #[must_use]
    pub fn with_auth_id(mut self, auth_id: impl Into<Cow<'a, str>>) -> Self {
        self.auth_id = Some(auth_id.into());
        self
    }
}

/// Any failure of an OpenAM REST endpoint, with the HTTP status it came
/// with: see [`ReplyBody`].
///
/// ```
/// use sso_errors::openam::{Reply, ReplyBody, Status};
///
/// let reply = Reply::parse(401, br#"{"code":401,"reason":"Unauthorized","message":"Authentication Failed"}"#)?;
/// assert!(matches!(reply.body(), ReplyBody::Error(body) if body.code == Status::Unauthorized));
///
/// let reply = Reply::parse(401, br#"{"failure":true,"reason":"http-auth-failed","authId":"12345"}"#)?;
/// assert_eq!(reply.body().auth_id(), Some("12345"));
/// assert_eq!(reply.http_status(), 401);
///
/// let err = Reply::parse(200, br#"{"tokenId":"AQIC5w...YyMA..*"}"#).unwrap_err();
/// assert_eq!(err.category(), sso_errors::Category::NotAnErrorBody);
/// assert_eq!(err.http_status(), Some(200));
/// # Ok::<(), sso_errors::Error>(())
/// ```
pub type Reply<'a> = crate::Reply<ReplyBody<'a>>;

/// The CREST body's code; the authenticate endpoint's other failures carry
/// none (their status is the reply's).
fn codes_of<'b>(body: &'b ReplyBody<'_>) -> Vec<Cow<'b, str>> {
    match body {
        ReplyBody::Error(body) => body.codes(),
        ReplyBody::Legacy(_) | ReplyBody::Module(_) => Vec::new(),
    }
}

/// The [`message`](ReplyBody::message).
fn detail_of<'b>(body: &'b ReplyBody<'_>) -> Option<Cow<'b, str>> {
    body.message().map(Cow::Borrowed)
}

/// What a failure means: the CREST body's kind, from its code. The
/// authenticate endpoint's other failures carry no code: a legacy message
/// that is a reason phrase (`Unsupported Media Type`) names its status;
/// else their kind is the error status they came with (415 is a bad
/// request, 401 rejected credentials); without one, they reject the
/// credentials, which is what the endpoint fails for.
fn kind_of(body: &ReplyBody<'_>, http_status: Option<u16>) -> crate::ErrorKind {
    let phrase = match body {
        ReplyBody::Error(body) => return body.kind(),
        ReplyBody::Legacy(legacy) => super::Status::from_label(&legacy.error_message),
        ReplyBody::Module(_) => None,
    };
    match (phrase, http_status) {
        (Some(status), _) => status.kind(),
        (None, Some(status @ 400..=599)) => crate::ErrorKind::of_http_status(status),
        (None, _) => crate::ErrorKind::BadCredentials,
    }
}

reply_body! {
    /// The body of an OpenAM failure.
    ///
    /// | variant | body |
    /// | --- | --- |
    /// | [`Error`](ReplyBody::Error) | the CREST error body, `{"code":…,"reason":…,"message":…}` (also the old form with `"error"`) |
    /// | [`Legacy`](ReplyBody::Legacy) | the legacy authenticate endpoint's `{"errorMessage":…,"failureUrl":…}` |
    /// | [`Module`](ReplyBody::Module) | an authentication module's own `{"failure":true,"reason":…,"authId":…}` |
    pub enum ReplyBody<'a>: OpenAm, read = read,
        kind = kind_of, retryable = is_retryable, codes = codes_of, detail = detail_of {
        /// A CREST error body.
        Error(ErrorBody<'a>),
        /// The legacy authenticate endpoint's failure.
        Legacy(LegacyFailure<'a>),
        /// An authentication module's own failure body.
        Module(ModuleFailure<'a>),
    }
}

impl ReplyBody<'_> {
    /// What went wrong: the error body's message (or reason), the legacy
    /// `errorMessage`, or the module's `reason` token.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Error(body) => Some(body.message_or_reason()),
            Self::Legacy(body) => Some(&body.error_message),
            Self::Module(body) => body.reason.as_deref(),
        }
    }

    /// The authenticate endpoint's `failureUrl`, wherever the body has it.
    #[must_use]
    pub fn failure_url(&self) -> Option<Cow<'_, str>> {
        match self {
            Self::Error(body) => body.failure_url(),
            Self::Legacy(body) => body.failure_url.as_deref().map(Cow::Borrowed),
            Self::Module(_) => None,
        }
    }

    /// The module body's `authId`.
    #[must_use]
    pub fn auth_id(&self) -> Option<&str> {
        match self {
            Self::Module(body) => body.auth_id.as_deref(),
            Self::Error(_) | Self::Legacy(_) => None,
        }
    }
}

/// A CREST body of a retryable status (408, 429, 503, 504); never an
/// authentication failure.
fn is_retryable(body: &ReplyBody<'_>) -> bool {
    match body {
        ReplyBody::Error(body) => body.code.is_retryable(),
        ReplyBody::Legacy(_) | ReplyBody::Module(_) => false,
    }
}

impl crate::text::LogLine for ReplyBody<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Error(body) => fmt::Display::fmt(body, f),
            Self::Legacy(_) | Self::Module(_) => {
                write!(f, "{} authentication failed", Vendor::OpenAm)?;
                match self.message() {
                    Some(message) => write!(f, ": {}", crate::error::Bounded(message)),
                    None => Ok(()),
                }
            }
        }
    }
}

log_line! {
    /// `OpenAM 404 Not Found: …`, or `OpenAM authentication failed: …`.
    ReplyBody<'_>;
}

/// Picks the body: one with `errorMessage` is the legacy endpoint's, one
/// with `failure` (and no `code`) a module's, any other the CREST error body.
fn read<'a>(_: u16, input: &'a [u8], shape: Shape<'_>) -> Result<ReplyBody<'a>, Error> {
    match shape {
        Shape::Object(top) if !top.has(Key::Code) && top.has(Key::ErrorMessage) => {
            body::parse_slice(Vendor::OpenAm, input).map(ReplyBody::Legacy)
        }
        Shape::Object(top) if !top.has(Key::Code) && top.has(Key::Failure) => {
            body::parse_slice(Vendor::OpenAm, input).map(ReplyBody::Module)
        }
        _ => ErrorBody::parse(input).map(ReplyBody::Error),
    }
}
