//! The crate's answer about a whole HTTP exchange: did it work, what went
//! wrong, who acts, may the caller retry and when, what to log and what to
//! answer its own caller.

use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, SystemTime};

use crate::{AnyCode, AnyReply, Error, ErrorKind, Problem, Vendor};
use crate::{merchant, openam, zato, zenlogin};

/// How an exchange ended, as the caller's flow sees it.
///
/// ```
/// use sso_errors::{Outcome, Verdict};
///
/// let ok = Verdict::of(200, br#"{"tokenId":"AQIC5wM2LY4Sfcz"}"#);
/// assert_eq!(ok.outcome(), Outcome::Success);
/// assert_eq!(Outcome::Failure.id(), "failure");
/// assert_eq!(Outcome::from_id("warning"), Some(Outcome::Warning));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// It worked: a 2xx answer that is no vendor's error body (OpenAM's
    /// `{"tokenId":…}`, Zato's `ok`, `{"success":"true"}`).
    Success,
    /// It worked, with a warning the caller's flow acts on later: Zato's
    /// `warning` (a login whose password is about to expire, with its
    /// `ust`). Pass the answer on; do not turn it into an error.
    Warning,
    /// It failed: a vendor's error body, whatever the status (Zato sends
    /// some errors with 200), or an answer that is neither a success nor
    /// readable.
    Failure,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Self; 3] = [Self::Success, Self::Warning, Self::Failure];

    /// The outcome's identifier (`success`, `warning`, `failure`): what
    /// serde and [`Display`](fmt::Display) write and
    /// [`from_id`](Self::from_id) reads, stable across releases.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Warning => "warning",
            Self::Failure => "failure",
        }
    }

    /// The outcome with this [`id`](Self::id), if any.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|outcome| outcome.id() == id)
    }

    /// Whether the caller's flow goes on ([`Success`](Self::Success) or
    /// [`Warning`](Self::Warning)).
    #[must_use]
    pub const fn is_success(self) -> bool {
        !matches!(self, Self::Failure)
    }
}

/// Writes the [`id`](Outcome::id).
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

serde_as_id!(Outcome, "outcome", |id| {
    Outcome::from_id(id).ok_or("expected `success`, `warning` or `failure`")
});

/// A code an answer carried, typed: an entry of its vendor's catalog, or
/// the text the wire carried, kept for those who ask for it.
///
/// Merchant entries are known by their (code, `errorName`) pair: `10001`
/// with an `errorName` the catalog does not pair with it is
/// [`Unknown`](Self::Unknown).
///
/// ```
/// use sso_errors::{AnyCode, ReplyCode, Verdict, zato::SubStatus};
///
/// let verdict = Verdict::of(403, br#"{"status":"error","cid":"c1","sub_status":["E005001","E999999"]}"#);
/// let codes: Vec<ReplyCode<'_>> = verdict.codes().collect();
/// assert_eq!(codes[0], ReplyCode::Known(AnyCode::Zato(SubStatus::AuthNotAllowed)));
/// assert_eq!(codes[1].known(), None);
/// assert_eq!(codes[1].text(), "E999999");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReplyCode<'r> {
    /// An entry of the vendor's catalog.
    Known(AnyCode),
    /// A code no entry of the vendor's catalog has.
    Unknown {
        /// The vendor whose body carried it.
        vendor: Vendor,
        /// The code as the wire spelled it (OpenAM's numbers in decimal).
        code: Cow<'r, str>,
        /// The merchant entry's `errorName`; `None` for the other vendors.
        error_name: Option<Cow<'r, str>>,
    },
}

impl ReplyCode<'_> {
    /// The catalog entry, when the code is one.
    #[must_use]
    pub const fn known(&self) -> Option<AnyCode> {
        match self {
            Self::Known(code) => Some(*code),
            Self::Unknown { .. } => None,
        }
    }

    /// The vendor whose body carried the code.
    #[must_use]
    pub const fn vendor(&self) -> Vendor {
        match self {
            Self::Known(code) => code.vendor(),
            Self::Unknown { vendor, .. } => *vendor,
        }
    }

    /// The code's text: the canonical code of a known entry, the wire's
    /// text of another. Received text: escape it before it reaches a log.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Self::Known(code) => code.code(),
            Self::Unknown { code, .. } => code,
        }
    }

    /// Detaches the code from the answer it borrows from.
    #[must_use]
    pub fn into_owned(self) -> ReplyCode<'static> {
        match self {
            Self::Known(code) => ReplyCode::Known(code),
            Self::Unknown {
                vendor,
                code,
                error_name,
            } => ReplyCode::Unknown {
                vendor,
                code: Cow::Owned(code.into_owned()),
                error_name: error_name.map(|name| Cow::Owned(name.into_owned())),
            },
        }
    }
}

/// A known code as its entry's code; an unknown one only by its length,
/// since it is received text that may be anything.
impl fmt::Debug for ReplyCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(code) => f.debug_tuple("Known").field(code).finish(),
            Self::Unknown { vendor, code, .. } => f
                .debug_struct("Unknown")
                .field("vendor", vendor)
                .field("bytes", &code.len())
                .finish_non_exhaustive(),
        }
    }
}

/// The known entry's code (`E005001`); an unknown code as `unknown code of
/// N bytes`, never its text.
impl fmt::Display for ReplyCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(code) => f.write_str(code.code()),
            Self::Unknown { code, .. } => fmt::Display::fmt(&crate::text::Withheld(code.len()), f),
        }
    }
}

/// The codes of an answer, in the order its body carries them: see
/// [`Verdict::codes`].
#[derive(Clone)]
pub struct Codes<'r>(CodesOf<'r>);

/// Only that it is an iterator of codes: what is left holds received text.
impl fmt::Debug for Codes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Codes").finish_non_exhaustive()
    }
}

#[derive(Clone)]
enum CodesOf<'r> {
    None,
    Zato(std::slice::Iter<'r, zato::Code<'r>>),
    Zenlogin(std::slice::Iter<'r, zenlogin::ErrorObject<'r>>),
    OpenAm(Option<openam::Code>),
    Merchant(std::slice::Iter<'r, merchant::ErrorEntry<'r>>),
}

impl<'r> Codes<'r> {
    /// The codes of a vendor's answer.
    pub(crate) fn of(reply: &'r AnyReply<'_>) -> Self {
        Self(match reply {
            AnyReply::Zato(reply) => match reply.body() {
                zato::ReplyBody::Response(response) => {
                    CodesOf::Zato(response.sub_status.as_slice().iter())
                }
                _ => CodesOf::None,
            },
            AnyReply::Zenlogin(reply) => match reply.body() {
                zenlogin::ReplyBody::Document(document) => {
                    CodesOf::Zenlogin(document.errors.as_slice().iter())
                }
            },
            AnyReply::OpenAm(reply) => match reply.body() {
                openam::ReplyBody::Error(body) => CodesOf::OpenAm(Some(body.code)),
                _ => CodesOf::None,
            },
            AnyReply::Merchant(reply) => match reply.body() {
                merchant::ReplyBody::Error(body) => CodesOf::Merchant(body.message().iter()),
                merchant::ReplyBody::NoBody => CodesOf::None,
            },
        })
    }

    const NONE: Self = Self(CodesOf::None);

    /// Whether any code is left, without looking one up.
    fn is_empty(&self) -> bool {
        match &self.0 {
            CodesOf::None => true,
            CodesOf::Zato(codes) => codes.as_slice().is_empty(),
            CodesOf::Zenlogin(errors) => errors.as_slice().iter().all(|e| e.code.is_none()),
            CodesOf::OpenAm(code) => code.is_none(),
            CodesOf::Merchant(entries) => entries.as_slice().is_empty(),
        }
    }
}

impl<'r> Iterator for Codes<'r> {
    type Item = ReplyCode<'r>;

    fn next(&mut self) -> Option<ReplyCode<'r>> {
        match &mut self.0 {
            CodesOf::None => None,
            CodesOf::Zato(codes) => codes.next().map(|code| match code.known() {
                Some(known) => ReplyCode::Known(AnyCode::Zato(known)),
                None => unknown(Vendor::Zato, Cow::Borrowed(code.as_str()), None),
            }),
            CodesOf::Zenlogin(errors) => errors.find_map(|error| {
                let code = error.code.as_ref()?;
                Some(match code.known() {
                    Some(known) => ReplyCode::Known(AnyCode::Zenlogin(known)),
                    None => unknown(Vendor::Zenlogin, Cow::Borrowed(code.as_str()), None),
                })
            }),
            CodesOf::OpenAm(code) => code.take().map(|code| match code.known() {
                Some(known) => ReplyCode::Known(AnyCode::OpenAm(known)),
                None => unknown(Vendor::OpenAm, Cow::Owned(code.as_u16().to_string()), None),
            }),
            CodesOf::Merchant(entries) => entries.next().map(|entry| match entry.known() {
                Some(known) => ReplyCode::Known(AnyCode::Merchant(known)),
                None => unknown(
                    Vendor::Merchant,
                    Cow::Borrowed(entry.code.as_str()),
                    Some(Cow::Borrowed(&entry.error_name)),
                ),
            }),
        }
    }
}

fn unknown<'r>(
    vendor: Vendor,
    code: Cow<'r, str>,
    error_name: Option<Cow<'r, str>>,
) -> ReplyCode<'r> {
    ReplyCode::Unknown {
        vendor,
        code,
        error_name,
    }
}

/// An OpenTelemetry attribute's value, as [`Verdict::attributes`] gives it:
/// a string, an integer or a boolean, the types the semantic conventions
/// use for these keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Attribute {
    /// A string (`error.type`, `sso.vendor`, `sso.code`).
    Str(&'static str),
    /// An integer (`http.response.status_code`).
    Int(i64),
    /// A boolean (`sso.retryable`).
    Bool(bool),
}

impl Attribute {
    /// The value the semantic conventions give a value outside the known
    /// set (here: a code no catalog has).
    pub const OTHER: &'static str = "_OTHER";
}

/// The crate's answer about one HTTP exchange with a vendor: made from the
/// status, the body and, where the caller has them, the headers; it never
/// fails. It says:
///
/// - the [`outcome`](Self::outcome): success, success with a warning, or
///   failure;
/// - the [`kind`](Self::kind), always: from the known codes, else from the
///   body's shape, else from the status (an upstream's 429, 502, 503 and
///   504 decide whatever the body says);
/// - the [`codes`](Self::codes), typed;
/// - who acts ([`actor`](Self::actor)), whether to retry
///   ([`is_retryable`](Self::is_retryable)) and when
///   ([`retry_after`](Self::retry_after), from `Retry-After`);
/// - one log line ([`Display`](fmt::Display)), which writes no value of the
///   body but its known codes;
/// - the RFC 9457 [`problem`](Self::problem) a gateway answers a failure
///   with.
///
/// A body the crate cannot read is part of the verdict
/// ([`error`](Self::error)), not an `Err`.
///
/// ```
/// use std::time::Duration;
/// use sso_errors::{Actor, ErrorKind, Outcome, Vendor, Verdict};
///
/// let verdict = Verdict::of(503, br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#)
///     .with_headers([("Retry-After", "120")]);
/// assert_eq!(verdict.outcome(), Outcome::Failure);
/// assert_eq!((verdict.vendor(), verdict.kind()), (Some(Vendor::OpenAm), ErrorKind::Unavailable));
/// assert_eq!(verdict.actor(), Actor::Nobody);
/// assert_eq!(verdict.retry_after(), Some(Duration::from_secs(120)));
/// assert_eq!(verdict.to_string(), "HTTP 503 failure: openam 503, unavailable, retry in 120 s");
///
/// // A proxy's page is no vendor's, and still gets a verdict.
/// let verdict = Verdict::of(502, b"<html><body>Bad Gateway</body></html>");
/// assert_eq!((verdict.kind(), verdict.is_retryable()), (ErrorKind::Unavailable, true));
/// assert_eq!(verdict.problem().map(|p| p.status), Some(502));
///
/// // A login that worked with a warning: pass it on, the `ust` with it.
/// let verdict = Verdict::of(200, br#"{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"gAAAA"}"#);
/// assert_eq!(verdict.outcome(), Outcome::Warning);
/// assert!(verdict.problem().is_none());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Verdict<'a> {
    http_status: u16,
    answer: Result<AnyReply<'a>, Error>,
    outcome: Outcome,
    kind: ErrorKind,
    retryable: bool,
    retry_after: Option<Duration>,
}

impl<'a> Verdict<'a> {
    /// The longest wait [`retry_after`](Self::retry_after) gives: a
    /// `Retry-After` further off than a day is taken as absurd, and
    /// ignored.
    pub const RETRY_AFTER_MAX: Duration = Duration::from_secs(24 * 60 * 60);

    /// The verdict on an answer with HTTP status `http_status` and body
    /// `body`, of a vendor recognised from the body (see
    /// [`AnyReply::parse`]), borrowing from `body`. Add the headers with
    /// [`with_headers`](Self::with_headers).
    ///
    /// ```
    /// use sso_errors::{ErrorKind, Outcome, Verdict};
    ///
    /// let verdict = Verdict::of(403, br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#);
    /// assert_eq!(verdict.kind(), ErrorKind::RateLimited);
    /// assert!(verdict.is_retryable());
    /// ```
    #[must_use]
    pub fn of(http_status: u16, body: &'a [u8]) -> Self {
        Self::judge(http_status, AnyReply::parse(http_status, body))
    }

    /// The verdict on an answer the caller knows to be `vendor`'s: as
    /// [`of`](Self::of), with the body parsed as that vendor's
    /// ([`AnyReply::parse_from`]).
    #[must_use]
    pub fn of_vendor(vendor: Vendor, http_status: u16, body: &'a [u8]) -> Self {
        Self::judge(
            http_status,
            AnyReply::parse_from(Some(vendor), http_status, body),
        )
    }

    /// The verdict from the status alone, for an answer whose body was not
    /// read (it was too large, or the caller does not wait for it): a 2xx
    /// is a success, an error status a failure of the status's kind, with
    /// no vendor and no codes.
    ///
    /// ```
    /// use sso_errors::{ErrorKind, Outcome, Verdict};
    ///
    /// assert_eq!(Verdict::of_status(204).outcome(), Outcome::Success);
    /// let verdict = Verdict::of_status(503);
    /// assert_eq!((verdict.kind(), verdict.is_retryable()), (ErrorKind::Unavailable, true));
    /// assert_eq!(verdict.vendor(), None);
    /// ```
    #[must_use]
    pub fn of_status(http_status: u16) -> Verdict<'static> {
        Verdict::judge(
            http_status,
            Err(Error::unrecognized(http_status, "a body not read", b"")),
        )
    }

    /// The verdict on a reply already parsed, or on the error reading one
    /// (whose [`http_status`](Error::http_status) it takes, 0 when it has
    /// none).
    #[must_use]
    pub fn of_reply(reply: Result<AnyReply<'a>, Error>) -> Self {
        let http_status = match &reply {
            Ok(reply) => reply.http_status(),
            Err(error) => error.http_status().unwrap_or(0),
        };
        Self::judge(http_status, reply)
    }

    /// Reads the headers that bear on the verdict: `Retry-After` (both of
    /// RFC 9110's forms: delta-seconds, or an HTTP-date taken relative to
    /// the answer's `Date` when it has one, else to now). Names are matched
    /// without regard to case; the first of a repeated header counts.
    ///
    /// ```
    /// use std::time::Duration;
    /// use sso_errors::Verdict;
    ///
    /// let verdict = Verdict::of(429, b"").with_headers([
    ///     ("date", "Sun, 06 Nov 1994 08:49:37 GMT"),
    ///     ("retry-after", "Sun, 06 Nov 1994 08:50:07 GMT"),
    /// ]);
    /// assert_eq!(verdict.retry_after(), Some(Duration::from_secs(30)));
    /// ```
    #[must_use]
    pub fn with_headers<N, V>(mut self, headers: impl IntoIterator<Item = (N, V)>) -> Self
    where
        N: AsRef<str>,
        V: AsRef<[u8]>,
    {
        if !self.retryable {
            return self;
        }
        let mut retry_after: Option<V> = None;
        let mut date: Option<V> = None;
        for (name, value) in headers {
            let name = name.as_ref();
            if retry_after.is_none() && name.eq_ignore_ascii_case("retry-after") {
                retry_after = Some(value);
            } else if date.is_none() && name.eq_ignore_ascii_case("date") {
                date = Some(value);
            }
        }
        self.retry_after = retry_after.and_then(|value| {
            parse_retry_after(
                value.as_ref(),
                date.as_ref().map(AsRef::as_ref),
                SystemTime::now(),
            )
        });
        self
    }

    /// Decides on a parsed answer, or on the error reading it.
    fn judge(http_status: u16, answer: Result<AnyReply<'a>, Error>) -> Self {
        let success = (200..=299).contains(&http_status);
        let outcome = match &answer {
            Ok(AnyReply::Zato(reply)) if success => match reply.body() {
                zato::ReplyBody::Response(response) => match response.status {
                    zato::Status::Ok => Outcome::Success,
                    zato::Status::Warning => Outcome::Warning,
                    _ => Outcome::Failure,
                },
                _ => Outcome::Failure,
            },
            // A body recognisably a vendor's, but unreadable, is a failure
            // whatever the status; anything else with a 2xx worked.
            Err(error) if success && !is_broken_vendor_body(error) => Outcome::Success,
            Ok(_) | Err(_) => Outcome::Failure,
        };
        let (kind, retryable) = match (&answer, outcome) {
            (_, Outcome::Success) => (ErrorKind::Success, false),
            (Ok(reply), Outcome::Warning) => (reply.kind(), false),
            (_, _) => failure(http_status, &answer),
        };
        Self {
            http_status,
            answer,
            outcome,
            kind,
            retryable,
            retry_after: None,
        }
    }

    /// The HTTP status the answer came with.
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        self.http_status
    }

    /// How the exchange ended.
    #[must_use]
    pub const fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// Whether it failed (the outcome is [`Outcome::Failure`]).
    #[must_use]
    pub const fn is_failure(&self) -> bool {
        matches!(self.outcome, Outcome::Failure)
    }

    /// What the answer means for the caller: [`ErrorKind::Success`] for a
    /// success; for a warning, what it warns of (an expiring password is
    /// [`ErrorKind::Expired`]); for a failure, the kind of an upstream's
    /// 429, 502, 503 or 504 whatever the body, else of the first known
    /// code, else of the body's shape, else of the status.
    #[must_use]
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Who must act: [`Actor::Nobody`](crate::Actor::Nobody) for a
    /// success, else the kind's actor.
    #[must_use]
    pub const fn actor(&self) -> crate::Actor {
        self.kind.actor()
    }

    /// Whether the same request may succeed if sent again unchanged: a
    /// failure whose status is 429, 502, 503 or 504, or whose codes are all
    /// known and retryable, or, without codes, whose kind is retryable.
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// How long to wait before retrying, from the answer's `Retry-After`
    /// (see [`with_headers`](Self::with_headers)); `None` when the answer
    /// is not retryable, or has no `Retry-After`, or one that is malformed
    /// or further off than [`RETRY_AFTER_MAX`](Self::RETRY_AFTER_MAX). A
    /// date already past is a wait of zero.
    #[must_use]
    pub const fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The vendor whose body the answer is: the one recognised, or the one
    /// whose body was expected when it could not be read; `None` when the
    /// body is no vendor's.
    #[must_use]
    pub fn vendor(&self) -> Option<Vendor> {
        match &self.answer {
            Ok(reply) => Some(reply.vendor()),
            Err(error) => error.vendor(),
        }
    }

    /// The vendor's reply, when the body was read as one.
    #[must_use]
    pub fn reply(&self) -> Option<&AnyReply<'a>> {
        self.answer.as_ref().ok()
    }

    /// Why the body was not read as a vendor's reply: a success body, a
    /// page, or a malformed body.
    #[must_use]
    pub fn error(&self) -> Option<&Error> {
        self.answer.as_ref().err()
    }

    /// The reply, or the error reading it.
    ///
    /// # Errors
    ///
    /// The error reading the body, when it was not read as a vendor's
    /// reply.
    pub fn into_answer(self) -> Result<AnyReply<'a>, Error> {
        self.answer
    }

    /// The codes the body carries, typed, in its order (none for a body
    /// that was not read). No allocation, no second lookup.
    pub fn codes(&self) -> Codes<'_> {
        self.reply().map_or(Codes::NONE, Codes::of)
    }

    /// The problem document a gateway answers a failure with; `None` for a
    /// success or a warning, which a gateway passes on as they are. See
    /// [`Problem`] for its members.
    ///
    /// ```
    /// use sso_errors::Verdict;
    ///
    /// let verdict = Verdict::of(200, br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#);
    /// let problem = verdict.problem().unwrap();
    /// assert_eq!(problem.status, 403); // E005001's status: never a 2xx
    /// assert_eq!(problem.upstream_status, Some(200));
    /// ```
    #[must_use]
    pub fn problem(&self) -> Option<Problem> {
        self.is_failure().then(|| Problem::of_verdict(self))
    }

    /// The verdict as OpenTelemetry attributes, named by its semantic
    /// conventions, for a span or a metric (no dependency: record them with
    /// whatever records them):
    ///
    /// | key | value |
    /// | --- | --- |
    /// | `error.type` | the kind's [`id`](ErrorKind::id) (`rate_limited`), for a failure only: low cardinality, as the convention asks |
    /// | `http.response.status_code` | the status, as an integer |
    /// | `sso.vendor` | the vendor's [`id`](Vendor::id), when the body was a vendor's |
    /// | `sso.code` | the first code: a known one as its entry spells it, any other `_OTHER`, so that no input can grow a metric's label set; absent without codes |
    /// | `sso.retryable` | whether the request may be retried |
    ///
    /// ```
    /// use sso_errors::{Attribute, Verdict};
    ///
    /// let verdict = Verdict::of(403, br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#);
    /// let span = tracing::info_span!(
    ///     "upstream",
    ///     error.type = tracing::field::Empty,
    ///     http.response.status_code = tracing::field::Empty,
    ///     sso.vendor = tracing::field::Empty,
    ///     sso.code = tracing::field::Empty,
    ///     sso.retryable = tracing::field::Empty,
    /// );
    /// for (key, value) in verdict.attributes() {
    ///     match value {
    ///         Attribute::Str(text) => span.record(key, text),
    ///         Attribute::Int(number) => span.record(key, number),
    ///         Attribute::Bool(flag) => span.record(key, flag),
    ///         _ => &span,
    ///     };
    /// }
    /// let attributes: Vec<_> = verdict.attributes().collect();
    /// assert_eq!(attributes, [
    ///     ("error.type", Attribute::Str("not_allowed")),
    ///     ("http.response.status_code", Attribute::Int(403)),
    ///     ("sso.vendor", Attribute::Str("zato")),
    ///     ("sso.code", Attribute::Str("E005001")),
    ///     ("sso.retryable", Attribute::Bool(false)),
    /// ]);
    /// ```
    pub fn attributes(&self) -> impl Iterator<Item = (&'static str, Attribute)> + use<'_> {
        let code = self
            .codes()
            .next()
            .map(|code| Attribute::Str(code.known().map_or(Attribute::OTHER, AnyCode::code)));
        [
            (
                "error.type",
                self.is_failure().then(|| Attribute::Str(self.kind.id())),
            ),
            (
                "http.response.status_code",
                Some(Attribute::Int(i64::from(self.http_status))),
            ),
            (
                "sso.vendor",
                self.vendor().map(|vendor| Attribute::Str(vendor.id())),
            ),
            ("sso.code", code),
            ("sso.retryable", Some(Attribute::Bool(self.retryable))),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
    }

    /// Detaches the verdict from the body it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Verdict<'static> {
        Verdict {
            http_status: self.http_status,
            answer: self.answer.map(AnyReply::into_owned),
            outcome: self.outcome,
            kind: self.kind,
            retryable: self.retryable,
            retry_after: self.retry_after,
        }
    }
}

/// Whether an error reading an answer says the body is a vendor's, broken:
/// another vendor's or several vendors' body, a wrong member, an unknown
/// code where only known ones are accepted.
fn is_broken_vendor_body(error: &Error) -> bool {
    use crate::Category;
    matches!(
        error.category(),
        Category::Data | Category::UnknownCode | Category::WrongVendor | Category::Ambiguous
    )
}

/// The kind a status gives an answer, whatever its body: an upstream's
/// 429, 502, 503 and 504 are passing conditions.
const fn transient(http_status: u16) -> Option<ErrorKind> {
    match http_status {
        429 => Some(ErrorKind::RateLimited),
        502 | 503 => Some(ErrorKind::Unavailable),
        504 => Some(ErrorKind::Timeout),
        _ => None,
    }
}

/// The kind of an error status no body explains; `Unspecified` for a
/// status that is no error's.
const fn of_status(http_status: u16) -> ErrorKind {
    match http_status {
        400..=599 => ErrorKind::of_http_status(http_status),
        _ => ErrorKind::Unspecified,
    }
}

/// The kind and retryability of a failure.
fn failure(http_status: u16, answer: &Result<AnyReply<'_>, Error>) -> (ErrorKind, bool) {
    if let Some(kind) = transient(http_status) {
        return (kind, true);
    }
    let Ok(reply) = answer else {
        let kind = of_status(http_status);
        return (kind, kind.is_retryable());
    };
    let kind = match reply.kind() {
        ErrorKind::Success | ErrorKind::Unspecified => of_status(http_status),
        kind => kind,
    };
    let retryable = if Codes::of(reply).is_empty() {
        kind.is_retryable()
    } else {
        reply.is_retryable()
    };
    (kind, retryable)
}

/// `Retry-After` (RFC 9110, section 10.2.3): delta-seconds, or an
/// HTTP-date relative to the answer's `Date` (else `now`). `None` when
/// malformed or beyond [`Verdict::RETRY_AFTER_MAX`].
pub(crate) fn parse_retry_after(
    value: &[u8],
    date: Option<&[u8]>,
    now: SystemTime,
) -> Option<Duration> {
    let value = std::str::from_utf8(value).ok()?.trim_matches([' ', '\t']);
    let wait = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Twenty digits or more overflow u64: absurd either way.
        Duration::from_secs(value.parse().ok()?)
    } else {
        let at = httpdate::parse_http_date(value).ok()?;
        let base = date
            .and_then(|date| std::str::from_utf8(date).ok())
            .and_then(|date| httpdate::parse_http_date(date.trim_matches([' ', '\t'])).ok())
            .unwrap_or(now);
        at.duration_since(base).unwrap_or(Duration::ZERO)
    };
    (wait <= Verdict::RETRY_AFTER_MAX).then_some(wait)
}

/// The most codes the log line names; it counts the rest.
const LOGGED_CODES: usize = 8;

impl crate::text::LogLine for Verdict<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {} {}", self.http_status, self.outcome)?;
        match (&self.answer, self.vendor()) {
            (Ok(_), Some(vendor)) => write!(f, ": {}", vendor.id())?,
            (Err(error), Some(vendor)) => {
                write!(
                    f,
                    ": {} body unreadable ({})",
                    vendor.id(),
                    error.category()
                )?;
            }
            (Err(error), None) if self.is_failure() => {
                // The reason is the crate's own words (`an HTML page`).
                match error.reason() {
                    "" => write!(f, ": no vendor's body ({})", error.category())?,
                    reason => write!(f, ": no vendor's body ({reason})")?,
                }
            }
            _ => {}
        }
        let mut codes = self.codes();
        for code in codes.by_ref().take(LOGGED_CODES) {
            write!(f, " {code}")?;
        }
        let more = codes.count();
        if more > 0 {
            write!(f, " and {more} more")?;
        }
        if self.outcome == Outcome::Success {
            return Ok(());
        }
        write!(f, ", {}", self.kind)?;
        match (self.retryable, self.retry_after) {
            (true, Some(wait)) => write!(f, ", retry in {} s", wait.as_secs()),
            (true, None) => f.write_str(", retryable"),
            (false, _) if self.is_failure() => f.write_str(", not retryable"),
            (false, _) => Ok(()),
        }
    }
}

log_line! {
    /// One log line: `HTTP 503 failure: openam 503, unavailable, retry in
    /// 120 s`. It names the status, the outcome, the vendor, the known
    /// codes (an unknown one only by its length), the kind and the retry;
    /// no other value of the body. Escaped, and capped at
    /// [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
    Verdict<'_>;
}

capped_debug! {
    /// The verdict's parts; the reply as its own `Debug` shows it.
    ['a] Verdict<'a> => "Verdict" {
        http_status, outcome, kind, retryable, retry_after, answer,
    }
}

/// The verdict on a vendor's parsed reply.
impl<'a> From<AnyReply<'a>> for Verdict<'a> {
    fn from(reply: AnyReply<'a>) -> Self {
        Self::of_reply(Ok(reply))
    }
}

/// The verdict on one vendor's parsed reply.
///
/// ```
/// use sso_errors::{ErrorKind, Verdict, zato};
///
/// let reply = zato::Reply::parse(400, b"Bad request")?;
/// assert_eq!(Verdict::from(reply).kind(), ErrorKind::MissingInput);
/// # Ok::<(), sso_errors::Error>(())
/// ```
impl<'a, B: crate::ReplyContent> From<crate::Reply<B>> for Verdict<'a>
where
    AnyReply<'a>: From<crate::Reply<B>>,
{
    fn from(reply: crate::Reply<B>) -> Self {
        Self::of_reply(Ok(AnyReply::from(reply)))
    }
}

/// [`Verdict::of_reply`].
impl<'a> From<Result<AnyReply<'a>, Error>> for Verdict<'a> {
    fn from(answer: Result<AnyReply<'a>, Error>) -> Self {
        Self::of_reply(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn retry_after_reads_both_forms() {
        let now = at(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        let parse = |value: &str, date: Option<&str>| {
            parse_retry_after(value.as_bytes(), date.map(str::as_bytes), now)
        };
        assert_eq!(parse("120", None), Some(Duration::from_secs(120)));
        assert_eq!(parse(" 0\t", None), Some(Duration::ZERO));
        assert_eq!(parse("86400", None), Some(Verdict::RETRY_AFTER_MAX));
        assert_eq!(parse("86401", None), None);
        assert_eq!(parse("99999999999999999999999", None), None);
        assert_eq!(parse("-1", None), None);
        assert_eq!(parse("1.5", None), None);
        assert_eq!(parse("", None), None);
        assert_eq!(parse("soon", None), None);
        let later = "Sun, 06 Nov 1994 08:50:07 GMT";
        assert_eq!(parse(later, None), Some(Duration::from_secs(30)));
        // Relative to the answer's own clock, when it sent one.
        let date = Some("Sun, 06 Nov 1994 08:49:57 GMT");
        assert_eq!(parse(later, date), Some(Duration::from_secs(10)));
        // A malformed Date falls back to now; a past date is no wait.
        assert_eq!(
            parse(later, Some("yesterday")),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse("Sun, 06 Nov 1994 08:00:00 GMT", None),
            Some(Duration::ZERO)
        );
        // RFC 850 and asctime forms are HTTP-dates too.
        assert_eq!(
            parse("Sunday, 06-Nov-94 08:50:07 GMT", None),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse("Sun Nov  6 08:50:07 1994", None),
            Some(Duration::from_secs(30))
        );
        // Far off is absurd.
        assert_eq!(parse("Sun, 06 Nov 2094 08:50:07 GMT", None), None);
        assert_eq!(parse_retry_after(b"\xff", None, now), None);
    }
}
