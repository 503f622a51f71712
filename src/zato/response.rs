//! The Zato SSO response body.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::{Status, SubStatus};
use crate::body::{self, Field, Mode, Seed};
use crate::error::Bounded;
use crate::{List, Vendor, Wire};

/// A Zato SSO sub-status as a body carries it: a known [`SubStatus`] or an
/// unknown code kept verbatim.
pub type Code<'a> = Wire<'a, SubStatus>;

body! {
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
    pub struct Response<'a>: "a Zato SSO response object", vendor = Zato {
        /// Overall status.
        pub status: Status = "status",
        /// Correlation ID assigned to the request (hex, not always 24 characters).
        pub cid: Cow<'a, str> = "cid",
        /// Error or warning codes; empty on success.
        pub sub_status: SubStatuses<'a> = "sub_status",
        /// User session token (login only). Secret: `Debug` and `Display`
        /// never show it.
        @secret pub ust: Option<Cow<'a, str>> = "ust",
    }
}

impl<'a> Response<'a> {
    /// A success body.
    #[must_use]
    pub fn ok(cid: impl Into<Cow<'a, str>>) -> Self {
        Self::new(Status::Ok, cid, List::<Code<'a>>::new())
    }

    /// An error body with the given sub-statuses.
    #[must_use]
    pub fn error<C: Into<Code<'a>>>(
        cid: impl Into<Cow<'a, str>>,
        sub_status: impl IntoIterator<Item = C>,
    ) -> Self {
        Self::new(Status::Error, cid, sub_status)
    }

    /// A warning body with the given sub-statuses.
    #[must_use]
    pub fn warning<C: Into<Code<'a>>>(
        cid: impl Into<Cow<'a, str>>,
        sub_status: impl IntoIterator<Item = C>,
    ) -> Self {
        Self::new(Status::Warning, cid, sub_status)
    }

    /// A body with every standard member given.
    #[must_use]
    pub fn new<C: Into<Code<'a>>>(
        status: Status,
        cid: impl Into<Cow<'a, str>>,
        sub_status: impl IntoIterator<Item = C>,
    ) -> Self {
        Self::with_codes(
            status,
            cid,
            sub_status.into_iter().map(Into::into).collect(),
        )
    }

    /// [`new`](Self::new) with the list already built, which it keeps.
    pub(crate) fn with_codes(
        status: Status,
        cid: impl Into<Cow<'a, str>>,
        codes: List<Code<'a>>,
    ) -> Self {
        Self {
            status,
            cid: cid.into(),
            sub_status: SubStatuses {
                codes,
                shape: Shape::OmitEmpty,
            },
            ust: None,
            members: crate::Members::new(),
            layout: body::Layout::default(),
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
        self.sub_status.shape = Shape::List;
        self
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

    /// What the response means for the caller: the kind of its first known
    /// sub-status, else of its `status` (`ok` and `warning` a success,
    /// `error` unspecified).
    #[must_use]
    pub fn kind(&self) -> crate::ErrorKind {
        self.known()
            .next()
            .map_or(self.status.kind(), SubStatus::kind)
    }

    /// Whether the same request may succeed if sent again later: Zato says
    /// this of no sub-status.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        crate::kind::every_code_retryable(
            self.sub_status
                .iter()
                .map(|code| code.known().is_some_and(SubStatus::is_retryable)),
        )
    }

    /// The codes the body carries, as the wire spells them.
    #[must_use]
    pub fn codes(&self) -> Vec<Cow<'_, str>> {
        self.sub_status
            .iter()
            .map(|code| Cow::Borrowed(code.as_str()))
            .collect()
    }
}

impl crate::text::LogLine for Response<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} (cid {})",
            Vendor::Zato,
            self.status,
            Bounded(&self.cid)
        )?;
        for (i, code) in self.sub_status.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            // A code not in the catalog shows only its length (`Wire`).
            match code.known().and_then(SubStatus::label) {
                Some(label) => write!(f, "{code} {label}")?,
                None => write!(f, "{code}")?,
            }
        }
        Ok(())
    }
}

log_line! {
    /// `Zato SSO error (cid …): E005001 auth.not_allowed`. The session token is
    /// never written.
    Response<'_>;
}

impl std::error::Error for Response<'_> {}

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

/// The `sub_status` member: a list of codes, and how the body spelled it (a
/// list, an empty list, or one bare string, as some of Zato's own
/// documentation shows it) so that it is written back the same way.
///
/// It dereferences to a [`List`] of [`Code`]s and compares with slices and
/// arrays of codes or of [`SubStatus`]es; the spelling does not count.
///
/// ```
/// use sso_errors::zato::{Response, SubStatus};
///
/// let bare = Response::parse(br#"{"status":"error","cid":"e6","sub_status":"E003007"}"#)?;
/// assert_eq!(bare.sub_status, [SubStatus::PasswordMustSendNew]);
/// assert_eq!(bare.to_json(), r#"{"status":"error","cid":"e6","sub_status":"E003007"}"#);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct SubStatuses<'a> {
    codes: List<Code<'a>>,
    shape: Shape,
}

impl<'a> Deref for SubStatuses<'a> {
    type Target = List<Code<'a>>;

    fn deref(&self) -> &List<Code<'a>> {
        &self.codes
    }
}

impl DerefMut for SubStatuses<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.codes
    }
}

impl<'a> From<List<Code<'a>>> for SubStatuses<'a> {
    fn from(codes: List<Code<'a>>) -> Self {
        Self {
            codes,
            shape: Shape::OmitEmpty,
        }
    }
}

impl PartialEq for SubStatuses<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.codes == other.codes
    }
}

impl Eq for SubStatuses<'_> {}

impl<'a, U> PartialEq<[U]> for SubStatuses<'a>
where
    Code<'a>: PartialEq<U>,
{
    fn eq(&self, other: &[U]) -> bool {
        self.codes.as_slice() == other
    }
}

impl<'a, U, const N: usize> PartialEq<[U; N]> for SubStatuses<'a>
where
    Code<'a>: PartialEq<U>,
{
    fn eq(&self, other: &[U; N]) -> bool {
        self.codes.as_slice() == other
    }
}

impl fmt::Debug for SubStatuses<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.codes.fmt(f)
    }
}

impl<'a> Field<'a> for SubStatuses<'a> {
    type Owned = SubStatuses<'static>;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SubStatusVisitor::<M>(std::marker::PhantomData))
    }

    #[inline]
    fn absent() -> Option<Self> {
        Some(Self::default())
    }

    #[inline]
    fn is_present(&self) -> bool {
        self.shape != Shape::OmitEmpty || !self.codes.is_empty()
    }

    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.shape, self.codes.as_slice()) {
            (Shape::Bare, [one]) => s.serialize_str(one.as_str()),
            _ => self.codes.write(s),
        }
    }

    fn into_owned(self) -> SubStatuses<'static> {
        SubStatuses {
            codes: Field::into_owned(self.codes),
            shape: self.shape,
        }
    }
}

/// Reads `sub_status`: a list of codes or one bare code.
struct SubStatusVisitor<'a, M>(std::marker::PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for SubStatusVisitor<'a, M> {
    type Value = SubStatuses<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`sub_status` as a list of codes or one code")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut codes = List::new();
        while let Some(code) = seq.next_element_seed(Seed::<M, Code<'a>>::new())? {
            codes.push(code);
        }
        Ok(SubStatuses {
            codes,
            shape: Shape::List,
        })
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(bare(body::wire::<M, SubStatus>(Cow::Borrowed(v))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(bare(body::wire::<M, SubStatus>(Cow::Owned(v.to_owned()))))
    }

    refuse!('de; bool i64 u64 f64 unit map);
}

fn bare(code: Code<'_>) -> SubStatuses<'_> {
    SubStatuses {
        codes: List::one(code),
        shape: Shape::Bare,
    }
}
