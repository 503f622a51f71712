//! Everything a Zato SSO endpoint can answer with: the SSO response, or the
//! 400 envelope produced before the SSO service runs.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use super::Response;
use crate::body::{
    self, Borrow, Fields, Layout, Mode, Own, StrSeed, WriteFields, serialize_object, visit_object,
};
use crate::{Error, Members, Vendor};

/// The 400 body Zato's HTTP channel sends when a required input is missing,
/// before the SSO service runs:
///
/// ```json
/// {"result":"Error","cid":"000000000000000000000005","details":"Bad request"}
/// ```
///
/// Parsed bodies are written back with their key order and any other
/// members.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BadRequest<'a> {
    /// `"Error"`.
    pub result: Cow<'a, str>,
    /// Correlation ID assigned to the request.
    pub cid: Cow<'a, str>,
    /// `"Bad request"`.
    pub details: Cow<'a, str>,
    /// Any other members, in order.
    pub members: Members<'a>,
    layout: Layout,
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
            layout: Layout::default(),
        }
    }

    /// Parses the envelope, borrowing from `input`.
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] when `input` is not this envelope.
    #[inline]
    pub fn parse(input: &'a [u8]) -> Result<Self, Error> {
        body::parse_slice(Vendor::Zato, input, BadRequestSeed::<Borrow>(PhantomData))
    }

    /// The compact JSON body.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Detaches the body from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> BadRequest<'static> {
        BadRequest {
            result: Cow::Owned(self.result.into_owned()),
            cid: Cow::Owned(self.cid.into_owned()),
            details: Cow::Owned(self.details.into_owned()),
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

impl fmt::Display for BadRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} (cid {})",
            Vendor::Zato,
            self.result,
            self.details,
            self.cid
        )
    }
}

impl std::error::Error for BadRequest<'_> {}

const NAMES: &[&str] = &["result", "cid", "details"];

#[derive(Default)]
struct BadRequestFields<'a>([Option<Cow<'a, str>>; 3]);

impl<'a> Fields<'a> for BadRequestFields<'a> {
    const NAMES: &'static [&'static str] = NAMES;

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

impl WriteFields for BadRequest<'_> {
    const NAMES: &'static [&'static str] = NAMES;

    fn present(&self, _: usize) -> bool {
        true
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            0 => map.serialize_value(&self.result),
            1 => map.serialize_value(&self.cid),
            _ => map.serialize_value(&self.details),
        }
    }
}

impl serde::Serialize for BadRequest<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

struct BadRequestSeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(BadRequestSeed<'a, M> => BadRequest<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for BadRequestSeed<'a, M> {
    type Value = BadRequest<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Zato bad-request envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = BadRequestFields::default();
        let mut members = Members::new();
        let mut layout = Layout::default();
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        let [result, cid, details] = fields.0;
        Ok(BadRequest {
            result: result.ok_or_else(|| de::Error::missing_field("result"))?,
            cid: cid.ok_or_else(|| de::Error::missing_field("cid"))?,
            details: details.ok_or_else(|| de::Error::missing_field("details"))?,
            members,
            layout,
        })
    }
}

/// Deserializes the envelope, owning its strings.
impl<'de> serde::Deserialize<'de> for BadRequest<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BadRequestSeed::<Own>(PhantomData).deserialize(deserializer)
    }
}

/// Any answer of a Zato SSO endpoint, so that a caller can tell them apart.
///
/// | variant | HTTP | body |
/// | --- | --- | --- |
/// | [`Response`](Reply::Response) | 200 (`ok`, `warning`; a few failures), 403 (`error`) | `{"status":…,"cid":…,…}` |
/// | [`BadRequest`](Reply::BadRequest) | 400 | `{"result":"Error","cid":…,"details":"Bad request"}` |
/// | [`PlainBadRequest`](Reply::PlainBadRequest) | 400 | the text `Bad request` (channels that do not speak JSON) |
///
/// ```
/// use sso_errors::zato::Reply;
///
/// let reply = Reply::parse(br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#)?;
/// assert!(matches!(reply, Reply::BadRequest(_)));
/// assert_eq!(reply.http_status(), 400);
///
/// assert_eq!(Reply::parse(b"Bad request")?, Reply::PlainBadRequest);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<'a> {
    /// The SSO service's response.
    Response(Response<'a>),
    /// The 400 JSON envelope for a missing required input.
    BadRequest(BadRequest<'a>),
    /// The 400 plain-text body `Bad request`.
    PlainBadRequest,
}

impl<'a> Reply<'a> {
    /// The plain-text 400 body.
    pub const PLAIN_BAD_REQUEST: &'static str = "Bad request";

    /// Recognises and parses any Zato SSO answer, borrowing from `input`.
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] for input that is none of the three;
    /// [`Error::WrongVendor`] for another vendor's error body.
    #[inline]
    pub fn parse(input: &'a [u8]) -> Result<Self, Error> {
        if input.trim_ascii() == Self::PLAIN_BAD_REQUEST.as_bytes() {
            return Ok(Self::PlainBadRequest);
        }
        match body::top_level_keys::<16>(input) {
            Some(keys) if !keys.has("status") && keys.has("result") => {
                BadRequest::parse(input).map(Self::BadRequest)
            }
            _ => Response::parse(input).map(Self::Response),
        }
    }

    /// The HTTP status the answer comes with.
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        match self {
            Self::Response(response) => response.http_status(),
            Self::BadRequest(_) | Self::PlainBadRequest => 400,
        }
    }

    /// The correlation ID, when the answer has one.
    #[must_use]
    pub fn cid(&self) -> Option<&str> {
        match self {
            Self::Response(response) => Some(&response.cid),
            Self::BadRequest(envelope) => Some(&envelope.cid),
            Self::PlainBadRequest => None,
        }
    }

    /// The body as it goes on the wire.
    #[must_use]
    pub fn to_body(&self) -> String {
        match self {
            Self::Response(response) => response.to_json(),
            Self::BadRequest(envelope) => envelope.to_json(),
            Self::PlainBadRequest => Self::PLAIN_BAD_REQUEST.to_owned(),
        }
    }

    /// Detaches the answer from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Reply<'static> {
        match self {
            Self::Response(response) => Reply::Response(response.into_owned()),
            Self::BadRequest(envelope) => Reply::BadRequest(envelope.into_owned()),
            Self::PlainBadRequest => Reply::PlainBadRequest,
        }
    }
}

impl fmt::Display for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Response(response) => response.fmt(f),
            Self::BadRequest(envelope) => envelope.fmt(f),
            Self::PlainBadRequest => write!(f, "{} {}", Vendor::Zato, Self::PLAIN_BAD_REQUEST),
        }
    }
}

impl std::error::Error for Reply<'_> {}
