//! The OpenAM (ForgeRock CREST) error body.

use std::borrow::Cow;
use std::fmt;

use super::html::unescape_html;
use super::{Code, Status};
use crate::body::{self, Layout, Mismatch};
use crate::error::Bounded;
use crate::{Members, RawJson, Vendor};

body! {
    /// An OpenAM error body, as ForgeRock's `ResourceException` writes it:
    ///
    /// ```json
    /// {"code":400,"reason":"Bad Request","message":"Username or email not provided in request"}
    /// ```
    ///
    /// `code` is a JSON number (a known [`Status`] or any other number, see
    /// [`Code`]); `reason` is the reason phrase; `message` says what went wrong
    /// and falls back to the reason when there is nothing more to say. Then,
    /// only when set, `detail` (any JSON value, kept verbatim) and `cause`
    /// (`{"message":"…"}`).
    ///
    /// A body built in code is written in that key order: `code`, `reason`,
    /// `message`, `detail`, `cause`, then any other members. A parsed body is
    /// written back exactly as received: the same key order, a missing `reason`
    /// or `message` left out, a `reason` that differs from the standard phrase
    /// kept, other members (such as `failureUrl` beside `code`) kept verbatim in
    /// their places, and the number under `"error"` instead of `"code"` for the
    /// bodies of very old servers. Strings are written back with serde_json's
    /// escaping (`\"`, `\\`, control characters), which is also the server's:
    /// a body that escapes anything else (`\/`, `\u00e9`) parses to the same
    /// values but is not rewritten byte for byte.
    ///
    /// ```
    /// use sso_errors::openam::{ErrorBody, Status};
    ///
    /// let body = br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#;
    /// let parsed = ErrorBody::parse(body)?;
    /// assert_eq!(parsed.code, Status::NotFound);
    /// assert_eq!(parsed.message.as_deref(), Some("Resource cannot be found."));
    /// assert_eq!(parsed.http_status(), 404);
    /// assert_eq!(parsed.to_json().as_bytes(), body);
    ///
    /// let built = ErrorBody::new(Status::NotFound).with_message("Resource cannot be found.");
    /// assert_eq!(built, parsed);
    /// # Ok::<(), sso_errors::Error>(())
    /// ```
    pub struct ErrorBody<'a>: "an OpenAM error body object", vendor = OpenAm, pages = true,
        missing = missing_code {
        /// The status code: the HTTP status the body comes with. Under
        /// `error` in the bodies of very old servers.
        pub code: Code = "code" | "error",
        /// The reason phrase (`Not Found`), or whatever reason the server set.
        pub reason: Option<Cow<'a, str>> = "reason",
        /// What went wrong, as sent: one maintained fork HTML-escapes it (see
        /// [`unescaped_message`](Self::unescaped_message)).
        pub message: Option<Cow<'a, str>> = "message",
        /// Additional detail for applications: any JSON value, kept verbatim.
        pub detail: Option<RawJson<'a>> = "detail",
        /// The message of the exception that caused this one, when the server
        /// includes it.
        pub cause: Option<Box<Cause<'a>>> = "cause",
    }
}

impl<'a> ErrorBody<'a> {
    /// The body the server writes for a code and nothing more: the code's
    /// [default reason](Code::default_reason), and that reason again as the
    /// message.
    ///
    /// ```
    /// use sso_errors::openam::{ErrorBody, Status};
    ///
    /// assert_eq!(
    ///     ErrorBody::new(Status::NotFound).to_json(),
    ///     r#"{"code":404,"reason":"Not Found","message":"Not Found"}"#,
    /// );
    /// assert_eq!(
    ///     ErrorBody::new(499).to_json(),
    ///     r#"{"code":499,"reason":"Resource Exception","message":"Resource Exception"}"#,
    /// );
    /// ```
    #[must_use]
    pub fn new(code: impl Into<Code>) -> Self {
        let code = code.into();
        let reason = code.default_reason();
        Self {
            code,
            reason: Some(Cow::Borrowed(reason)),
            message: Some(Cow::Borrowed(reason)),
            detail: None,
            cause: None,
            members: Members::new(),
            layout: Layout::default(),
        }
    }

    /// The example body the OpenAM documentation gives for `status`, where
    /// it gives one.
    ///
    /// ```
    /// use sso_errors::openam::{ErrorBody, Status};
    ///
    /// let example = ErrorBody::example(Status::Conflict).unwrap();
    /// assert_eq!(example.to_json(), r#"{"code":409,"reason":"Conflict","message":"Multiple users found"}"#);
    /// assert!(ErrorBody::example(Status::Ok).is_none());
    /// ```
    #[must_use]
    pub fn example(status: Status) -> Option<ErrorBody<'static>> {
        status
            .example()
            .map(|message| ErrorBody::new(status).with_message(message))
    }

    /// Sets the message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'a, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Overrides the reason phrase.
    #[must_use]
    pub fn with_reason(mut self, reason: impl Into<Cow<'a, str>>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Sets the detail.
    ///
    /// ```
    /// use sso_errors::RawJson;
    /// use sso_errors::openam::{ErrorBody, Status};
    ///
    /// let body = ErrorBody::new(Status::Unauthorized)
    ///     .with_message("Invalid Password!!")
    ///     .with_detail(RawJson::from_json(r#"{"failureUrl":"http://localhost:8080"}"#)?);
    /// assert_eq!(
    ///     body.to_json(),
    ///     r#"{"code":401,"reason":"Unauthorized","message":"Invalid Password!!","detail":{"failureUrl":"http://localhost:8080"}}"#,
    /// );
    /// assert_eq!(body.failure_url().as_deref(), Some("http://localhost:8080"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: RawJson<'a>) -> Self {
        self.detail = Some(detail);
        self
    }

    /// Sets the cause's message, as the server does when told to include the
    /// cause.
    #[must_use]
    pub fn with_cause(mut self, message: impl Into<Cow<'a, str>>) -> Self {
        self.cause = Some(Box::new(Cause::new(message)));
        self
    }

    /// Writes the code under `"error"` instead of `"code"`, as very old
    /// servers (json-resource 1.x) did.
    ///
    /// ```
    /// use sso_errors::openam::{ErrorBody, Status};
    ///
    /// let body = ErrorBody::new(Status::Conflict).with_legacy_error_key();
    /// assert_eq!(body.to_json(), r#"{"error":409,"reason":"Conflict","message":"Conflict"}"#);
    /// ```
    #[must_use]
    pub fn with_legacy_error_key(mut self) -> Self {
        self.layout = Layout::of(body::position(Self::MEMBER_NAMES, "error"));
        self
    }

    /// The known status, if the code is in the catalog.
    #[must_use]
    pub const fn status(&self) -> Option<Status> {
        self.code.known()
    }

    /// The HTTP status the body comes with: the code.
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        self.code.as_u16()
    }

    /// The reason as sent, or the code's
    /// [default reason](Code::default_reason) when the body has none.
    #[must_use]
    pub fn reason_or_default(&self) -> &str {
        self.reason.as_deref().unwrap_or(self.code.default_reason())
    }

    /// The message as sent, or else the reason, as the server falls back.
    #[must_use]
    pub fn message_or_reason(&self) -> &str {
        self.message
            .as_deref()
            .unwrap_or_else(|| self.reason_or_default())
    }

    /// The message with HTML escapes undone.
    ///
    /// One maintained fork of OpenAM (Open Identity Platform, since 2021)
    /// HTML-escapes the message before sending it: `&` `<` `>` `"` `'` become
    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`. [`message`](Self::message)
    /// keeps what was sent; this gives the text with exactly those five
    /// entities replaced, in one pass, and borrows when there is nothing to
    /// replace. Only use it for bodies from such a server: a message from
    /// any other server that contains `&amp;` literally would be altered.
    ///
    /// ```
    /// use sso_errors::openam::ErrorBody;
    ///
    /// let body = ErrorBody::parse(br#"{"code":400,"reason":"Bad Request","message":"FQDN &quot;HOSTNAME&quot; is not valid."}"#)?;
    /// assert_eq!(body.message.as_deref(), Some("FQDN &quot;HOSTNAME&quot; is not valid."));
    /// assert_eq!(body.unescaped_message().as_deref(), Some(r#"FQDN "HOSTNAME" is not valid."#));
    /// # Ok::<(), sso_errors::Error>(())
    /// ```
    #[must_use]
    pub fn unescaped_message(&self) -> Option<Cow<'_, str>> {
        self.message.as_deref().map(unescape_html)
    }

    /// The authenticate endpoint's `failureUrl`: under `detail` (what the
    /// server sends) or at the top level (what its documentation shows).
    #[must_use]
    pub fn failure_url(&self) -> Option<Cow<'_, str>> {
        #[derive(serde::Deserialize)]
        struct Detail {
            #[serde(rename = "failureUrl")]
            failure_url: Option<String>,
        }
        if let Some(url) = self.members.get("failureUrl") {
            return url.as_string();
        }
        let detail = self.detail.as_ref()?.parse::<Detail>().ok()?;
        detail.failure_url.map(Cow::Owned)
    }

    /// Whether the code is under `"error"` (the form of very old servers).
    #[must_use]
    pub fn is_legacy(&self) -> bool {
        self.layout.has(body::position(Self::MEMBER_NAMES, "error"))
    }

    /// An `error` member received beside `code`: it is then not the code,
    /// and is kept verbatim and written back in its place.
    #[must_use]
    pub fn error_member(&self) -> Option<&RawJson<'a>> {
        if self.is_legacy() {
            None
        } else {
            self.members.get("error")
        }
    }

    /// What the body means for the caller: its code's
    /// [`kind`](Code::kind).
    #[must_use]
    pub const fn kind(&self) -> crate::ErrorKind {
        self.code.kind()
    }

    /// Whether the same request may succeed if sent again later: its code
    /// is retryable (408, 429, 503, 504).
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        self.code.is_retryable()
    }

    /// The codes the body carries: its status code.
    #[must_use]
    pub fn codes(&self) -> Vec<Cow<'_, str>> {
        vec![Cow::Owned(self.code.as_u16().to_string())]
    }
}

impl crate::text::LogLine for ErrorBody<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = self.reason_or_default();
        write!(f, "{} {} {}", Vendor::OpenAm, self.code, Bounded(reason))?;
        match self.message.as_deref() {
            Some(message) if message != reason => write!(f, ": {}", Bounded(message)),
            _ => Ok(()),
        }
    }
}

log_line! {
    /// `OpenAM 404 Not Found: Resource cannot be found.` The message is left
    /// out when it is missing or only repeats the reason.
    ErrorBody<'_>;
}

impl std::error::Error for ErrorBody<'_> {}

body! {
    /// The `cause` member of an error body: `{"message":"…"}`, the message of
    /// the exception that caused the error. The server includes it only where
    /// told to (its authentication filters do). Other members are kept.
    ///
    /// ```
    /// use sso_errors::openam::{Cause, ErrorBody, Status};
    ///
    /// let body = ErrorBody::new(Status::InternalServerError).with_message("ERROR").with_cause("ERROR");
    /// assert_eq!(
    ///     body.to_json(),
    ///     r#"{"code":500,"reason":"Internal Server Error","message":"ERROR","cause":{"message":"ERROR"}}"#,
    /// );
    /// assert_eq!(body.cause.as_deref(), Some(&Cause::new("ERROR")));
    /// ```
    pub struct Cause<'a>: "an OpenAM cause object" {
        /// The cause's message.
        pub message: Option<Cow<'a, str>> = "message",
    }
}

impl<'a> Cause<'a> {
    /// A cause with a message.
    #[must_use]
    pub fn new(message: impl Into<Cow<'a, str>>) -> Self {
        Self {
            message: Some(message.into()),
            members: Members::new(),
            layout: Layout::default(),
        }
    }
}

/// What a JSON object without a code is, from the members it has.
fn missing_code(name: &'static str, layout: Layout, members: &Members<'_>) -> Mismatch {
    if members.get("errorMessage").is_some() || members.get("failure").is_some() {
        Mismatch::Data(
            "an authentication failure (`errorMessage` or `failure`), not a CREST error body: \
             parse it with `openam::Reply`",
        )
    } else if layout.len() > 0 || members.get("error").is_some() {
        Mismatch::Missing(name)
    } else if members.get("tokenId").is_some() {
        Mismatch::NotAnErrorBody("a success body (`tokenId`)")
    } else {
        Mismatch::NotAnErrorBody("a JSON object without `code`, `reason` or `message`")
    }
}
