//! Everything an OpenAM REST endpoint can fail with: the CREST error body, or
//! one of the authenticate endpoint's two other failure shapes.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use super::ErrorBody;
use super::body::{NoCode, not_an_error_body, not_json};
use crate::body::{
    Borrow, Fields, Layout, Mode, Own, StrSeed, WriteFields, parse_slice, serialize_object,
    top_level_keys, visit_object,
};
use crate::{Error, Members, Snippet, Vendor};

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
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct LegacyFailure<'a> {
    /// What went wrong (`errorMessage`).
    pub error_message: Cow<'a, str>,
    /// Where the browser is to be sent after the failure (`failureUrl`).
    pub failure_url: Option<Cow<'a, str>>,
    /// Any other members, in order.
    pub members: Members<'a>,
    layout: Layout,
}

impl<'a> LegacyFailure<'a> {
    /// A body with a message.
    #[must_use]
    pub fn new(error_message: impl Into<Cow<'a, str>>) -> Self {
        Self {
            error_message: error_message.into(),
            failure_url: None,
            members: Members::new(),
            layout: Layout::default(),
        }
    }

    /// Sets `failureUrl`.
    #[must_use]
    pub fn with_failure_url(mut self, failure_url: impl Into<Cow<'a, str>>) -> Self {
        self.failure_url = Some(failure_url.into());
        self
    }

    /// Detaches the body from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> LegacyFailure<'static> {
        LegacyFailure {
            error_message: Cow::Owned(self.error_message.into_owned()),
            failure_url: self.failure_url.map(|u| Cow::Owned(u.into_owned())),
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

const LEGACY_NAMES: &[&str] = &["errorMessage", "failureUrl"];

#[derive(Default)]
struct LegacyFields<'a>([Option<Cow<'a, str>>; 2]);

impl<'a> Fields<'a> for LegacyFields<'a> {
    const NAMES: &'static [&'static str] = LEGACY_NAMES;

    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if let Some(slot) = self.0.get_mut(index) {
            *slot = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?);
        }
        Ok(())
    }
}

impl WriteFields for LegacyFailure<'_> {
    const NAMES: &'static [&'static str] = LEGACY_NAMES;

    fn present(&self, index: usize) -> bool {
        index == 0 || self.failure_url.is_some()
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            0 => map.serialize_value(&self.error_message),
            _ => map.serialize_value(&self.failure_url),
        }
    }
}

struct LegacySeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(LegacySeed<'a, M> => LegacyFailure<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for LegacySeed<'a, M> {
    type Value = LegacyFailure<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OpenAM legacy authentication failure object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = LegacyFields::default();
        let mut members = Members::new();
        let mut layout = Layout::default();
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        let [error_message, failure_url] = fields.0;
        Ok(LegacyFailure {
            error_message: error_message.ok_or_else(|| de::Error::missing_field("errorMessage"))?,
            failure_url,
            members,
            layout,
        })
    }
}

impl serde::Serialize for LegacyFailure<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes the body, owning its strings.
impl<'de> serde::Deserialize<'de> for LegacyFailure<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        LegacySeed::<Own>(PhantomData).deserialize(deserializer)
    }
}

/// The body an authentication module passes through the authenticate
/// endpoint on failure, such as the HTTP (Negotiate) module's:
///
/// ```json
/// {"failure":true,"reason":"http-auth-failed","authId":"12345"}
/// ```
///
/// `reason` is the module's machine token, not a reason phrase. A body built
/// in code is written `failure`, `reason`, `authId`; a parsed one keeps its
/// key order and any other members.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ModuleFailure<'a> {
    /// `true`.
    pub failure: bool,
    /// The module's token for what failed (`http-auth-failed`).
    pub reason: Option<Cow<'a, str>>,
    /// The ID of the authentication in progress (`authId`).
    pub auth_id: Option<Cow<'a, str>>,
    /// Any other members, in order.
    pub members: Members<'a>,
    layout: Layout,
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
            layout: Layout::default(),
        }
    }

    /// Sets `authId`.
    #[must_use]
    pub fn with_auth_id(mut self, auth_id: impl Into<Cow<'a, str>>) -> Self {
        self.auth_id = Some(auth_id.into());
        self
    }

    /// Detaches the body from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> ModuleFailure<'static> {
        ModuleFailure {
            failure: self.failure,
            reason: self.reason.map(|r| Cow::Owned(r.into_owned())),
            auth_id: self.auth_id.map(|a| Cow::Owned(a.into_owned())),
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

const FAILURE: usize = 0;
const REASON: usize = 1;
const MODULE_NAMES: &[&str] = &["failure", "reason", "authId"];

#[derive(Default)]
struct ModuleFields<'a> {
    failure: Option<bool>,
    reason: Option<Cow<'a, str>>,
    auth_id: Option<Cow<'a, str>>,
}

impl<'a> Fields<'a> for ModuleFields<'a> {
    const NAMES: &'static [&'static str] = MODULE_NAMES;

    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            FAILURE => self.failure = Some(map.next_value()?),
            REASON => self.reason = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?),
            _ => self.auth_id = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?),
        }
        Ok(())
    }
}

impl WriteFields for ModuleFailure<'_> {
    const NAMES: &'static [&'static str] = MODULE_NAMES;

    fn present(&self, index: usize) -> bool {
        match index {
            FAILURE => true,
            REASON => self.reason.is_some(),
            _ => self.auth_id.is_some(),
        }
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            FAILURE => map.serialize_value(&self.failure),
            REASON => map.serialize_value(&self.reason),
            _ => map.serialize_value(&self.auth_id),
        }
    }
}

struct ModuleSeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(ModuleSeed<'a, M> => ModuleFailure<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for ModuleSeed<'a, M> {
    type Value = ModuleFailure<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OpenAM authentication module's failure object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = ModuleFields::default();
        let mut members = Members::new();
        let mut layout = Layout::default();
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        Ok(ModuleFailure {
            failure: fields
                .failure
                .ok_or_else(|| de::Error::missing_field("failure"))?,
            reason: fields.reason,
            auth_id: fields.auth_id,
            members,
            layout,
        })
    }
}

impl serde::Serialize for ModuleFailure<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes the body, owning its strings.
impl<'de> serde::Deserialize<'de> for ModuleFailure<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ModuleSeed::<Own>(PhantomData).deserialize(deserializer)
    }
}

/// The body of an [`AuthFailure`]: one of the authenticate endpoint's two
/// failure shapes that are not CREST error bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthFailureBody<'a> {
    /// `{"errorMessage":…,"failureUrl":…}`, the legacy endpoint's.
    Legacy(LegacyFailure<'a>),
    /// `{"failure":true,"reason":…,"authId":…}`, a module's own body.
    Module(ModuleFailure<'a>),
}

impl serde::Serialize for AuthFailureBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Legacy(body) => body.serialize(serializer),
            Self::Module(body) => body.serialize(serializer),
        }
    }
}

/// A failed login at OpenAM's authenticate endpoint (`/json/authenticate`)
/// that does not come as a CREST error body, with the HTTP status it came
/// with (401 for a failed login, 415 for a request in the wrong format):
/// the legacy endpoint's `{"errorMessage":…}`, or a module's pass-through
/// body such as `{"failure":true,"reason":"http-auth-failed",…}`. The
/// endpoint's usual failure is an [`ErrorBody`]; [`Reply`] tells them
/// apart.
///
/// ```
/// use sso_errors::openam::{AuthFailure, AuthFailureBody};
///
/// let body = br#"{"errorMessage":"Invalid Password!!","failureUrl":"http://localhost:8080"}"#;
/// let failure = AuthFailure::parse(401, body)?;
/// assert!(matches!(failure.body, AuthFailureBody::Legacy(_)));
/// assert_eq!(failure.message(), Some("Invalid Password!!"));
/// assert_eq!(failure.failure_url(), Some("http://localhost:8080"));
/// assert_eq!(failure.to_json().as_bytes(), body);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthFailure<'a> {
    /// The HTTP status the body came with.
    pub http_status: u16,
    /// The body.
    pub body: AuthFailureBody<'a>,
}

impl<'a> AuthFailure<'a> {
    /// Parses one of the two shapes, borrowing from `input`: a body with
    /// `errorMessage` is the legacy one, a body with `failure` a module's.
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] for input that is neither (a CREST error body
    /// included: parse it with [`ErrorBody`] or [`Reply`]);
    /// [`Error::NotAnErrorBody`] for a success body, an HTML page or an empty
    /// body; [`Error::WrongVendor`] for another vendor's error body.
    pub fn parse(http_status: u16, input: &'a [u8]) -> Result<Self, Error> {
        let status = Some(http_status);
        if let Some(what) = not_json(input) {
            return Err(not_an_error_body(input, status, what));
        }
        let body = match top_level_keys::<32>(input) {
            Some(keys) if keys.has("errorMessage") => AuthFailureBody::Legacy(parse_slice(
                Vendor::OpenAm,
                input,
                LegacySeed::<Borrow>(PhantomData),
            )?),
            Some(keys) if keys.has("failure") => AuthFailureBody::Module(parse_slice(
                Vendor::OpenAm,
                input,
                ModuleSeed::<Borrow>(PhantomData),
            )?),
            _ => {
                return Err(match ErrorBody::blank().read(input, status) {
                    Err(e) => e,
                    Ok(None) => Error::Malformed {
                        vendor: Vendor::OpenAm,
                        reason: "a CREST error body (`code`), not an authentication failure: \
                                 parse it with `openam::ErrorBody` or `openam::Reply`"
                            .to_owned(),
                        line: 0,
                        column: 0,
                        input: Snippet::from_bytes(input),
                    },
                    Ok(Some(no_code)) => no_code.into_error(input, status),
                });
            }
        };
        Ok(Self { http_status, body })
    }

    /// What went wrong: the legacy `errorMessage`, or the module's `reason`
    /// token.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match &self.body {
            AuthFailureBody::Legacy(body) => Some(&body.error_message),
            AuthFailureBody::Module(body) => body.reason.as_deref(),
        }
    }

    /// The legacy body's `failureUrl`.
    #[must_use]
    pub fn failure_url(&self) -> Option<&str> {
        match &self.body {
            AuthFailureBody::Legacy(body) => body.failure_url.as_deref(),
            AuthFailureBody::Module(_) => None,
        }
    }

    /// The module body's `authId`.
    #[must_use]
    pub fn auth_id(&self) -> Option<&str> {
        match &self.body {
            AuthFailureBody::Legacy(_) => None,
            AuthFailureBody::Module(body) => body.auth_id.as_deref(),
        }
    }

    /// The compact JSON body.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.body).unwrap_or_default()
    }

    /// Detaches the failure from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> AuthFailure<'static> {
        AuthFailure {
            http_status: self.http_status,
            body: match self.body {
                AuthFailureBody::Legacy(body) => AuthFailureBody::Legacy(body.into_owned()),
                AuthFailureBody::Module(body) => AuthFailureBody::Module(body.into_owned()),
            },
        }
    }
}

/// `OpenAM authentication failed (HTTP 401): Invalid Password!!`.
impl fmt::Display for AuthFailure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} authentication failed (HTTP {})",
            Vendor::OpenAm,
            self.http_status
        )?;
        match self.message() {
            Some(message) => write!(f, ": {message}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for AuthFailure<'_> {}

/// Any failure of an OpenAM REST endpoint, so that a caller can tell them
/// apart.
///
/// | variant | body |
/// | --- | --- |
/// | [`Error`](Reply::Error) | the CREST error body, `{"code":…,"reason":…,"message":…}` (also the old form with `"error"`) |
/// | [`AuthFailure`](Reply::AuthFailure) | the authenticate endpoint's `{"errorMessage":…}` or a module's `{"failure":true,…}` |
///
/// ```
/// use sso_errors::openam::{Reply, Status};
///
/// let reply = Reply::parse(401, br#"{"code":401,"reason":"Unauthorized","message":"Authentication Failed"}"#)?;
/// assert!(matches!(&reply, Reply::Error(body) if body.code == Status::Unauthorized));
///
/// let reply = Reply::parse(401, br#"{"failure":true,"reason":"http-auth-failed","authId":"12345"}"#)?;
/// assert!(matches!(&reply, Reply::AuthFailure(failure) if failure.auth_id() == Some("12345")));
/// assert_eq!(reply.http_status(), 401);
///
/// let err = Reply::parse(200, br#"{"tokenId":"AQIC5w...YyMA..*"}"#).unwrap_err();
/// assert!(matches!(err, sso_errors::Error::NotAnErrorBody { status: Some(200), .. }));
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<'a> {
    /// A CREST error body.
    Error(ErrorBody<'a>),
    /// One of the authenticate endpoint's other failure shapes.
    AuthFailure(AuthFailure<'a>),
}

impl<'a> Reply<'a> {
    /// Recognises and parses a failure body that came with HTTP status
    /// `http_status`, borrowing from `input`.
    ///
    /// # Errors
    ///
    /// As [`ErrorBody::parse`]; [`Error::NotAnErrorBody`] says which
    /// `http_status` the input came with.
    pub fn parse(http_status: u16, input: &'a [u8]) -> Result<Self, Error> {
        let mut body = ErrorBody::blank();
        match body.read(input, Some(http_status)) {
            Ok(None) => Ok(Self::Error(body)),
            Ok(Some(NoCode::AuthFailure)) => {
                AuthFailure::parse(http_status, input).map(Self::AuthFailure)
            }
            Ok(Some(no_code)) => Err(no_code.into_error(input, Some(http_status))),
            Err(e) => match top_level_keys::<32>(input) {
                // A module's body may have members that are not CREST's.
                Some(keys)
                    if !keys.has("code") && (keys.has("errorMessage") || keys.has("failure")) =>
                {
                    AuthFailure::parse(http_status, input).map(Self::AuthFailure)
                }
                _ => Err(e),
            },
        }
    }

    /// The HTTP status: the error body's code, or the status the
    /// authentication failure came with.
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        match self {
            Self::Error(body) => body.http_status(),
            Self::AuthFailure(failure) => failure.http_status,
        }
    }

    /// The message: the error body's message (or reason), or the
    /// authentication failure's.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Error(body) => Some(body.message_or_reason()),
            Self::AuthFailure(failure) => failure.message(),
        }
    }

    /// The authenticate endpoint's `failureUrl`, wherever the body has it.
    #[must_use]
    pub fn failure_url(&self) -> Option<Cow<'_, str>> {
        match self {
            Self::Error(body) => body.failure_url(),
            Self::AuthFailure(failure) => failure.failure_url().map(Cow::Borrowed),
        }
    }

    /// The compact JSON body.
    #[must_use]
    pub fn to_json(&self) -> String {
        match self {
            Self::Error(body) => body.to_json(),
            Self::AuthFailure(failure) => failure.to_json(),
        }
    }

    /// Detaches the reply from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Reply<'static> {
        match self {
            Self::Error(body) => Reply::Error(body.into_owned()),
            Self::AuthFailure(failure) => Reply::AuthFailure(failure.into_owned()),
        }
    }
}

impl fmt::Display for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Error(body) => body.fmt(f),
            Self::AuthFailure(failure) => failure.fmt(f),
        }
    }
}

impl std::error::Error for Reply<'_> {}

impl serde::Serialize for Reply<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Error(body) => body.serialize(serializer),
            Self::AuthFailure(failure) => failure.body.serialize(serializer),
        }
    }
}
