//! The Zato SSO response body and the 400 envelope.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use super::{Status, SubStatus};
use crate::body::{
    self, Borrow, CowStr, Fields, Layout, Mode, Own, StrSeed, WireSeed, WriteFields,
    serialize_object, visit_object,
};
use crate::{Error, List, Members, Snippet, Vendor, Wire};

/// A Zato SSO sub-status as a body carries it: a known [`SubStatus`] or an
/// unknown code kept verbatim.
pub type Code<'a> = Wire<'a, SubStatus>;

/// How a received body spelled `sub_status`, so that it is written back the
/// same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Shape {
    /// Left out when empty, a list otherwise (what a body built in code does).
    #[default]
    OmitEmpty,
    /// A list, even when empty (`"sub_status": []`).
    List,
    /// A bare string (`"sub_status": "E003007"`), as some of Zato's own
    /// documentation shows it.
    Bare,
}

/// A Zato SSO response: the flat JSON body every SSO service returns.
///
/// ```json
/// {"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}
/// ```
///
/// A body built in code is written with the documented key order (`status`,
/// `cid`, `sub_status`, `ust`, then any other members), `sub_status` left out
/// when empty and `ust` when absent. A parsed body is written back exactly as
/// received: the same key order, `sub_status` as a list, an empty list or a
/// bare string as it came, service-specific members (a user record's fields,
/// `reset_key`, …) kept verbatim in their places, unknown sub-statuses kept.
///
/// ```
/// use sso_errors::zato::{Response, Status, SubStatus};
///
/// let body = br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
/// let response = Response::parse(body)?;
/// assert_eq!(response.status, Status::Error);
/// assert_eq!(response.sub_status[0], SubStatus::AuthNotAllowed);
/// assert_eq!(response.http_status(), 403);
/// assert_eq!(response.to_json().as_bytes(), body);
///
/// let built = Response::error("30e22dfde268b7ba0b56ad0d", [SubStatus::AuthNotAllowed]);
/// assert_eq!(built, response);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Clone)]
pub struct Response<'a> {
    /// Overall status.
    pub status: Status,
    /// Correlation ID assigned to the request (hex, not always 24 characters).
    pub cid: Cow<'a, str>,
    /// Error or warning codes; empty on success.
    pub sub_status: List<Code<'a>>,
    /// User session token (login only).
    pub ust: Option<Cow<'a, str>>,
    /// Service-specific members beside the standard ones, in order.
    pub members: Members<'a>,
    shape: Shape,
    layout: Layout,
}

impl<'a> Response<'a> {
    /// A success body.
    #[must_use]
    pub fn ok(cid: impl Into<Cow<'a, str>>) -> Self {
        Self::new(Status::Ok, cid, List::new())
    }

    /// An error body with the given sub-statuses.
    #[must_use]
    pub fn error<C: Into<Code<'a>>>(
        cid: impl Into<Cow<'a, str>>,
        sub_status: impl IntoIterator<Item = C>,
    ) -> Self {
        Self::new(
            Status::Error,
            cid,
            sub_status.into_iter().map(Into::into).collect(),
        )
    }

    /// A warning body with the given sub-statuses.
    #[must_use]
    pub fn warning<C: Into<Code<'a>>>(
        cid: impl Into<Cow<'a, str>>,
        sub_status: impl IntoIterator<Item = C>,
    ) -> Self {
        Self::new(
            Status::Warning,
            cid,
            sub_status.into_iter().map(Into::into).collect(),
        )
    }

    /// A body with every standard member given.
    #[must_use]
    pub fn new(status: Status, cid: impl Into<Cow<'a, str>>, sub_status: List<Code<'a>>) -> Self {
        Self {
            status,
            cid: cid.into(),
            sub_status,
            ust: None,
            members: Members::new(),
            shape: Shape::OmitEmpty,
            layout: Layout::default(),
        }
    }

    /// Sets the user session token.
    #[must_use]
    pub fn with_ust(mut self, ust: impl Into<Cow<'a, str>>) -> Self {
        self.ust = Some(ust.into());
        self
    }

    /// Writes `sub_status` even when it is empty (`"sub_status": []`), as
    /// Zato's password-reset services do.
    #[must_use]
    pub fn with_empty_sub_status_list(mut self) -> Self {
        self.shape = Shape::List;
        self
    }

    /// Parses a body, borrowing from `input` wherever no unescaping is
    /// needed.
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] for input that is not a Zato response (with the
    /// reason: not JSON, a missing `status` or `cid`, an unknown `status`, a
    /// `sub_status` that is neither a list nor a string, …);
    /// [`Error::WrongVendor`] for another vendor's error body.
    #[inline]
    pub fn parse(input: &'a [u8]) -> Result<Self, Error> {
        body::parse_slice(Vendor::Zato, input, ResponseSeed::<Borrow>(PhantomData))
    }

    /// The HTTP status the body comes with: 200 for `ok` and `warning`, 403
    /// for `error`.
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        self.status.http_status()
    }

    /// Whether the status is `ok`.
    #[must_use]
    pub const fn is_ok(&self) -> bool {
        matches!(self.status, Status::Ok)
    }

    /// The known sub-statuses, in order, skipping unknown ones.
    pub fn known(&self) -> impl Iterator<Item = SubStatus> + '_ {
        self.sub_status.iter().filter_map(Wire::known)
    }

    /// Whether the body carries `code`.
    #[must_use]
    pub fn has(&self, code: SubStatus) -> bool {
        self.sub_status.iter().any(|c| *c == code)
    }

    /// The compact JSON body.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing to a string cannot fail: every member is valid JSON.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Detaches the body from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        Response {
            status: self.status,
            cid: Cow::Owned(self.cid.into_owned()),
            sub_status: self.sub_status.map(Wire::into_owned),
            ust: self.ust.map(|u| Cow::Owned(u.into_owned())),
            members: self.members.into_owned(),
            shape: self.shape,
            layout: self.layout,
        }
    }
}

/// Equal when every member is equal; key order and the spelling of
/// `sub_status` (list or bare string) do not count.
impl PartialEq for Response<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.cid == other.cid
            && self.sub_status == other.sub_status
            && self.ust == other.ust
            && self.members == other.members
    }
}

impl Eq for Response<'_> {}

impl fmt::Debug for Response<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("cid", &self.cid)
            .field("sub_status", &self.sub_status)
            .field("ust", &self.ust.as_ref().map(|_| "…"))
            .field("members", &self.members)
            .finish()
    }
}

/// `Zato SSO error (cid …): E005001 auth.not_allowed`. The session token is
/// never written.
impl fmt::Display for Response<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} (cid {})", Vendor::Zato, self.status, self.cid)?;
        for (i, code) in self.sub_status.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            match code.known() {
                Some(known) => write!(f, "{} {}", code.as_str(), known.label())?,
                None => write!(f, "{code}")?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for Response<'_> {}

struct ResponseFields<'a> {
    status: Option<Status>,
    cid: Option<Cow<'a, str>>,
    sub_status: List<Code<'a>>,
    shape: Shape,
    ust: Option<Cow<'a, str>>,
}

const STATUS: usize = 0;
const CID: usize = 1;
const SUB_STATUS: usize = 2;
const UST: usize = 3;
const NAMES: &[&str] = &["status", "cid", "sub_status", "ust"];

impl<'a> Fields<'a> for ResponseFields<'a> {
    const NAMES: &'static [&'static str] = NAMES;

    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            STATUS => {
                let text = map.next_value::<CowStr<'de>>()?.0;
                let status = Status::from_code(&text).ok_or_else(|| {
                    de::Error::custom(format_args!(
                        "unknown status {}, expected \"ok\", \"warning\" or \"error\"",
                        Snippet::new(&text)
                    ))
                })?;
                self.status = Some(status);
            }
            CID => self.cid = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?),
            SUB_STATUS => {
                let (list, shape) = map.next_value_seed(SubStatusSeed::<M>(PhantomData))?;
                self.sub_status = list;
                self.shape = shape;
            }
            _ => self.ust = Some(map.next_value_seed(StrSeed::<M>(PhantomData))?),
        }
        Ok(())
    }
}

impl WriteFields for Response<'_> {
    const NAMES: &'static [&'static str] = NAMES;

    fn present(&self, index: usize) -> bool {
        match index {
            SUB_STATUS => self.shape != Shape::OmitEmpty || !self.sub_status.is_empty(),
            UST => self.ust.is_some(),
            _ => true,
        }
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            STATUS => map.serialize_value(&self.status),
            CID => map.serialize_value(&self.cid),
            SUB_STATUS => match (self.shape, self.sub_status.as_slice()) {
                (Shape::Bare, [one]) => map.serialize_value(one),
                _ => map.serialize_value(&self.sub_status),
            },
            _ => map.serialize_value(&self.ust),
        }
    }
}

/// Reads `sub_status`: a list of codes or one bare code.
struct SubStatusSeed<'a, M>(PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for SubStatusSeed<'a, M> {
    type Value = (List<Code<'a>>, Shape);

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for SubStatusSeed<'a, M> {
    type Value = (List<Code<'a>>, Shape);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`sub_status` as a list of codes or one code")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = List::new();
        while let Some(code) = seq.next_element_seed(WireSeed::<M, SubStatus>(PhantomData))? {
            list.push(code);
        }
        Ok((list, Shape::List))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok((List::from_iter([wire::<M>(Cow::Borrowed(v))]), Shape::Bare))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok((
            List::from_iter([wire::<M>(Cow::Owned(v.to_owned()))]),
            Shape::Bare,
        ))
    }
}

fn wire<'de, 'a, M: Mode<'de, 'a>>(text: Cow<'de, str>) -> Code<'a> {
    match SubStatus::resolve(&text) {
        Some((value, spelling)) => Wire::from_known(value, spelling),
        None => Wire::from_unknown(M::str(text)),
    }
}

struct ResponseSeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(ResponseSeed<'a, M> => Response<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for ResponseSeed<'a, M> {
    type Value = Response<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Zato SSO response object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = ResponseFields {
            status: None,
            cid: None,
            sub_status: List::new(),
            shape: Shape::OmitEmpty,
            ust: None,
        };
        let mut members = Members::new();
        let mut layout = Layout::default();
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        let status = fields
            .status
            .ok_or_else(|| de::Error::missing_field("status"))?;
        let cid = fields.cid.ok_or_else(|| de::Error::missing_field("cid"))?;
        Ok(Response {
            status,
            cid,
            sub_status: fields.sub_status,
            ust: fields.ust,
            members,
            shape: fields.shape,
            layout,
        })
    }
}

impl serde::Serialize for Response<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes any body, owning its strings. [`Response::parse`] borrows
/// instead.
impl<'de> serde::Deserialize<'de> for Response<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ResponseSeed::<Own>(PhantomData).deserialize(deserializer)
    }
}
