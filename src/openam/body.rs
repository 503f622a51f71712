//! The OpenAM (ForgeRock CREST) error body.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use super::{Code, Status};
use crate::body::{
    Borrow, Fields, Layout, Mode, Own, RawSeed, StrSeed, WriteFields, parse_slice,
    serialize_object, visit_object,
};
use crate::{Error, Members, RawJson, Snippet, Vendor};

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
#[derive(Clone)]
pub struct ErrorBody<'a> {
    /// The status code: the HTTP status the body comes with.
    pub code: Code,
    /// The reason phrase (`Not Found`), or whatever reason the server set.
    pub reason: Option<Cow<'a, str>>,
    /// What went wrong, as sent: one maintained fork HTML-escapes it (see
    /// [`unescaped_message`](Self::unescaped_message)).
    pub message: Option<Cow<'a, str>>,
    /// Additional detail for applications: any JSON value, kept verbatim.
    pub detail: Option<RawJson<'a>>,
    /// The message of the exception that caused this one, when the server
    /// includes it.
    pub cause: Option<Box<Cause<'a>>>,
    /// Other members beside the standard ones, in order.
    pub members: Members<'a>,
    key: CodeKey,
    /// An `error` member beside `code`: not the code, kept as received.
    error_member: Option<Box<RawJson<'a>>>,
    layout: Layout,
}

/// Which member carries the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum CodeKey {
    /// `"code"`, what every current server sends.
    #[default]
    Code,
    /// `"error"`, what very old servers (json-resource 1.x) sent.
    Error,
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
            key: CodeKey::Code,
            error_member: None,
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
        self.key = CodeKey::Error;
        self
    }

    /// Parses a body, borrowing from `input` wherever no unescaping is
    /// needed. A known code costs no allocation; nor do strings without
    /// escapes, or `detail`.
    ///
    /// # Errors
    ///
    /// - [`Error::Malformed`] for input that is not an OpenAM error body,
    ///   with the reason: not JSON; a `code` that is not a whole JSON number
    ///   from 0 to 65535 (a string, a negative or fractional number, 70000);
    ///   a missing `code`; an authentication failure of another shape (parse
    ///   those with [`Reply`](super::Reply));
    /// - [`Error::NotAnErrorBody`] for a success body (`{"tokenId":"…"}`),
    ///   an HTML page or an empty body;
    /// - [`Error::WrongVendor`] for another vendor's error body.
    ///
    /// ```
    /// use sso_errors::Error;
    /// use sso_errors::openam::ErrorBody;
    ///
    /// let err = ErrorBody::parse(br#"{"tokenId":"AQIC5w...YyMA..*"}"#).unwrap_err();
    /// assert!(matches!(err, Error::NotAnErrorBody { .. }));
    ///
    /// let err = ErrorBody::parse(br#"{"code":"400","reason":"Bad Request"}"#).unwrap_err();
    /// assert!(matches!(err, Error::Malformed { .. }));
    /// ```
    pub fn parse(input: &'a [u8]) -> Result<Self, Error> {
        // Filled in inside the `Result` that is returned, not moved into one
        // once read.
        let mut parsed = Ok(Self::blank());
        if let Ok(body) = &mut parsed {
            match body.read(input, None) {
                Ok(None) => {}
                Ok(Some(no_code)) => parsed = Err(no_code.into_error(input, None)),
                Err(e) => parsed = Err(e),
            }
        }
        parsed
    }

    /// A body with nothing set, for a parser to fill in.
    #[inline]
    pub(crate) fn blank() -> Self {
        Self {
            code: Code::new(0),
            reason: None,
            message: None,
            detail: None,
            cause: None,
            members: Members::new(),
            key: CodeKey::Code,
            error_member: None,
            layout: Layout::default(),
        }
    }

    /// Reads `input`, which came with HTTP `status` when known, into this
    /// [blank](Self::blank) body, borrowing from it. When the input is a JSON
    /// object without a code, says what it is instead (the body is then left
    /// partly filled in).
    #[inline]
    pub(crate) fn read(
        &mut self,
        input: &'a [u8],
        status: Option<u16>,
    ) -> Result<Option<NoCode>, Error> {
        if let Some(what) = not_json(input) {
            return Err(not_an_error_body(input, status, what));
        }
        parse_slice(Vendor::OpenAm, input, BodySeed::<Borrow>::new(self))
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
    pub const fn is_legacy(&self) -> bool {
        matches!(self.key, CodeKey::Error)
    }

    /// An `error` member received beside `code`: it is then not the code,
    /// and is kept verbatim and written back in its place.
    #[must_use]
    pub fn error_member(&self) -> Option<&RawJson<'a>> {
        self.error_member.as_deref()
    }

    /// The compact JSON body.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing to a string cannot fail: every member is valid JSON.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Detaches the body from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> ErrorBody<'static> {
        ErrorBody {
            code: self.code,
            reason: self.reason.map(|r| Cow::Owned(r.into_owned())),
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
            detail: self.detail.map(RawJson::into_owned),
            cause: self.cause.map(|cause| Box::new(cause.into_owned())),
            members: self.members.into_owned(),
            key: self.key,
            error_member: self.error_member.map(|error| Box::new(error.into_owned())),
            layout: self.layout,
        }
    }
}

/// Equal when every member is equal; key order and the key carrying the
/// code (`code` or `error`) do not count.
impl PartialEq for ErrorBody<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.reason == other.reason
            && self.message == other.message
            && self.detail == other.detail
            && self.cause == other.cause
            && self.members == other.members
            && self.error_member == other.error_member
    }
}

impl Eq for ErrorBody<'_> {}

impl fmt::Debug for ErrorBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("ErrorBody");
        s.field("code", &self.code)
            .field("reason", &self.reason)
            .field("message", &self.message)
            .field("detail", &self.detail)
            .field("cause", &self.cause)
            .field("members", &self.members);
        if self.is_legacy() {
            s.field("legacy", &true);
        }
        if let Some(error) = &self.error_member {
            s.field("error_member", error);
        }
        s.finish()
    }
}

/// `OpenAM 404 Not Found: Resource cannot be found.` The message is left
/// out when it is missing or only repeats the reason.
impl fmt::Display for ErrorBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = self.reason_or_default();
        write!(f, "{} {} {reason}", Vendor::OpenAm, self.code)?;
        match self.message.as_deref() {
            Some(message) if message != reason => write!(f, ": {message}"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for ErrorBody<'_> {}

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
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Cause<'a> {
    /// The cause's message.
    pub message: Option<Cow<'a, str>>,
    /// Other members, in order.
    pub members: Members<'a>,
    layout: Layout,
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

    /// Detaches the cause from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Cause<'static> {
        Cause {
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

impl serde::Serialize for Cause<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes a cause, owning its strings.
impl<'de> serde::Deserialize<'de> for Cause<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CauseSeed::<Own>(PhantomData).deserialize(deserializer)
    }
}

const CAUSE_NAMES: &[&str] = &["message"];

#[derive(Default)]
struct CauseFields<'a> {
    message: Option<Cow<'a, str>>,
}

impl<'a> Fields<'a> for CauseFields<'a> {
    const NAMES: &'static [&'static str] = CAUSE_NAMES;

    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        _: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        self.message = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?);
        Ok(())
    }
}

impl WriteFields for Cause<'_> {
    const NAMES: &'static [&'static str] = CAUSE_NAMES;

    fn present(&self, _: usize) -> bool {
        self.message.is_some()
    }

    fn write<S: SerializeMap>(&self, _: usize, map: &mut S) -> Result<(), S::Error> {
        map.serialize_value(&self.message)
    }
}

struct CauseSeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(CauseSeed<'a, M> => Cause<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for CauseSeed<'a, M> {
    type Value = Cause<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`cause` as an object with a `message`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = CauseFields::default();
        let mut members = Members::new();
        let mut layout = Layout::default();
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        Ok(Cause {
            message: fields.message,
            members,
            layout,
        })
    }
}

/// Reads a code: a whole JSON number from 0 to 65535. Anything else is an
/// error naming the value.
impl<'de> serde::Deserialize<'de> for Code {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CodeVisitor)
    }
}

/// Writes the number.
impl serde::Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = Code;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`code` as a JSON number from 0 to 65535")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Code, E> {
        u16::try_from(v).map(Code::new).map_err(|_| {
            E::custom(format_args!(
                "`code` {v} is above 65535, expected a JSON number from 0 to 65535"
            ))
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Code, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(format_args!(
                "`code` {v} is negative, expected a JSON number from 0 to 65535"
            ))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Code, E> {
        Err(E::custom(format_args!(
            "`code` {v:?} is not an integer, expected a JSON number from 0 to 65535"
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Code, E> {
        Err(E::custom(format_args!(
            "`code` {} is a string, expected a JSON number from 0 to 65535",
            Snippet::new(v)
        )))
    }
}

/// Reads a code from a raw JSON value (the `error` member of old servers).
fn code_from_raw<E: de::Error>(raw: &RawJson<'_>) -> Result<Code, E> {
    raw.as_raw().deserialize_any(CodeVisitor).map_err(|e| {
        let mut reason = e.to_string();
        if let Some(at) = reason.rfind(" at line ") {
            reason.truncate(at);
        }
        E::custom(reason.replace("`code`", "`error`"))
    })
}

/// Why an input is not an error body, before parsing it: empty, or an HTML
/// page.
pub(crate) fn not_json(input: &[u8]) -> Option<&'static str> {
    match input.trim_ascii_start().first() {
        None => Some("an empty body"),
        Some(b'<') => Some("an HTML page"),
        Some(_) => None,
    }
}

/// The error for an input that is not JSON (`what` says what it is).
#[cold]
#[inline(never)]
pub(crate) fn not_an_error_body(input: &[u8], status: Option<u16>, what: &'static str) -> Error {
    Error::NotAnErrorBody {
        vendor: Vendor::OpenAm,
        status,
        what,
        input: Snippet::from_bytes(input),
    }
}

/// What a JSON object without a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoCode {
    /// The authenticate endpoint's legacy or pass-through failure.
    AuthFailure,
    /// CREST members without `code`.
    MissingCode,
    /// The authenticate endpoint's success body, `{"tokenId":…}`.
    Token,
    /// Any other object: a resource, an action's result.
    Success,
}

impl NoCode {
    /// What an object without a code is: `fields` holds the standard members
    /// read, `members` the others.
    fn of(fields: &BodyFields<'_, '_>, members: &Members<'_>) -> Self {
        if members.get("errorMessage").is_some() || members.get("failure").is_some() {
            Self::AuthFailure
        } else if fields.reason.is_some()
            || fields.message.is_some()
            || fields.detail.is_some()
            || fields.cause.is_some()
            || fields.error.is_some()
        {
            Self::MissingCode
        } else if members.get("tokenId").is_some() {
            Self::Token
        } else {
            Self::Success
        }
    }

    /// What the message says.
    const fn describe(self) -> &'static str {
        match self {
            Self::AuthFailure => {
                "an authentication failure (`errorMessage` or `failure`), not a CREST error body: \
                 parse it with `openam::Reply`"
            }
            Self::MissingCode => "missing field `code`",
            Self::Token => "a success body (`tokenId`)",
            Self::Success => "a JSON object without `code`, `reason` or `message`",
        }
    }

    /// The error for `input`, which came with HTTP `status` when known.
    pub(crate) fn into_error(self, input: &[u8], status: Option<u16>) -> Error {
        if let Some(found) = crate::detect::detect(input) {
            if found != Vendor::OpenAm {
                return Error::WrongVendor {
                    expected: Vendor::OpenAm,
                    found,
                    input: Snippet::from_bytes(input),
                };
            }
        }
        match self {
            Self::AuthFailure | Self::MissingCode => Error::Malformed {
                vendor: Vendor::OpenAm,
                reason: self.describe().to_owned(),
                line: 0,
                column: 0,
                input: Snippet::from_bytes(input),
            },
            Self::Token | Self::Success => Error::NotAnErrorBody {
                vendor: Vendor::OpenAm,
                status,
                what: self.describe(),
                input: Snippet::from_bytes(input),
            },
        }
    }
}

/// HTML unescaping of the five entities the escaping fork writes.
pub(crate) fn unescape_html(text: &str) -> Cow<'_, str> {
    const ENTITIES: [(&str, char); 5] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
    ];
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let entity = ENTITIES
            .iter()
            .find_map(|(entity, ch)| tail.strip_prefix(entity).map(|after| (*ch, after)));
        if let Some((ch, after)) = entity {
            out.push(ch);
            rest = after;
        } else {
            out.push('&');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

const CODE: usize = 0;
const ERROR: usize = 1;
const REASON: usize = 2;
const MESSAGE: usize = 3;
const DETAIL: usize = 4;
const NAMES: &[&str] = &["code", "error", "reason", "message", "detail", "cause"];

/// Reads the standard members of a body straight into it.
struct BodyFields<'b, 'a> {
    code: &'b mut Code,
    reason: &'b mut Option<Cow<'a, str>>,
    message: &'b mut Option<Cow<'a, str>>,
    detail: &'b mut Option<RawJson<'a>>,
    cause: &'b mut Option<Box<Cause<'a>>>,
    /// Whether `code` was read.
    has_code: bool,
    /// The `error` member: the code of old servers, or kept beside `code`.
    error: Option<RawJson<'a>>,
}

impl<'a> Fields<'a> for BodyFields<'_, 'a> {
    const NAMES: &'static [&'static str] = NAMES;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            CODE => {
                *self.code = map.next_value::<Code>()?;
                self.has_code = true;
            }
            ERROR => self.error = Some(map.next_value_seed(RawSeed::<M>(PhantomData))?),
            REASON => *self.reason = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?),
            MESSAGE => *self.message = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?),
            DETAIL => *self.detail = Some(map.next_value_seed(RawSeed::<M>(PhantomData))?),
            _ => *self.cause = Some(Box::new(map.next_value_seed(CauseSeed::<M>(PhantomData))?)),
        }
        Ok(())
    }
}

impl WriteFields for ErrorBody<'_> {
    const NAMES: &'static [&'static str] = NAMES;

    fn present(&self, index: usize) -> bool {
        match index {
            CODE => self.key == CodeKey::Code,
            ERROR => self.key == CodeKey::Error || self.error_member.is_some(),
            REASON => self.reason.is_some(),
            MESSAGE => self.message.is_some(),
            DETAIL => self.detail.is_some(),
            _ => self.cause.is_some(),
        }
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            CODE => map.serialize_value(&self.code),
            ERROR => match (self.key, &self.error_member) {
                (CodeKey::Code, Some(error)) => map.serialize_value(error),
                _ => map.serialize_value(&self.code),
            },
            REASON => map.serialize_value(&self.reason),
            MESSAGE => map.serialize_value(&self.message),
            DETAIL => map.serialize_value(&self.detail),
            _ => map.serialize_value(&self.cause),
        }
    }
}

/// Reads a body into a [blank](ErrorBody::blank) one, in place: the body is
/// not moved through the layers of the deserializer. The value is what the
/// input is instead when it is an object without a code.
struct BodySeed<'b, 'a, M> {
    body: &'b mut ErrorBody<'a>,
    mode: PhantomData<M>,
}

impl<'b, 'a, M> BodySeed<'b, 'a, M> {
    #[inline]
    const fn new(body: &'b mut ErrorBody<'a>) -> Self {
        Self {
            body,
            mode: PhantomData,
        }
    }
}

map_seed!(BodySeed<'_, 'a, M> => Option<NoCode>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for BodySeed<'_, 'a, M> {
    type Value = Option<NoCode>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OpenAM error body object")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let ErrorBody {
            code,
            reason,
            message,
            detail,
            cause,
            members,
            key,
            error_member,
            layout,
        } = self.body;
        let mut fields = BodyFields {
            code,
            reason,
            message,
            detail,
            cause,
            has_code: false,
            error: None,
        };
        visit_object::<M, _, _>(&mut map, &mut fields, members, layout)?;
        if fields.has_code {
            if let Some(error) = fields.error {
                *error_member = Some(Box::new(error));
            }
            return Ok(None);
        }
        match &fields.error {
            Some(error) if matches!(error.get().as_bytes().first(), Some(b'-' | b'0'..=b'9')) => {
                *fields.code = code_from_raw(error)?;
                *key = CodeKey::Error;
                Ok(None)
            }
            _ => Ok(Some(NoCode::of(&fields, members))),
        }
    }
}

impl serde::Serialize for ErrorBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes any body, owning its strings. [`ErrorBody::parse`] borrows
/// instead.
impl<'de> serde::Deserialize<'de> for ErrorBody<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut body = ErrorBody::blank();
        match BodySeed::<Own>::new(&mut body).deserialize(deserializer)? {
            None => Ok(body),
            Some(no_code) => Err(de::Error::custom(no_code.describe())),
        }
    }
}
