//! The Zenlogin error document: a JSON:API 1.0 document with an `errors`
//! array of error objects.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::{Code, Mismatch, RenderError, Values};
use crate::body::{
    self, Borrow, Fields, Layout, Mode, Own, RawSeed, WriteFields, serialize_object, visit_object,
};
use crate::{Error, Members, RawJson, Snippet, Vendor, Wire};

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

/// A Zenlogin error document: the body of every failed Zenlogin API call.
///
/// ```json
/// {"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}
/// ```
///
/// Zenlogin follows JSON:API 1.0, so the document is a JSON:API error
/// document: an `errors` array of [`ErrorObject`]s, in order, and optionally
/// top-level `meta`, `jsonapi` and `links`.
///
/// **Parsing** checks what JSON:API 1.0 requires of the document's shape and
/// of the members it defines: the body is an object with an `errors` array
/// (not beside `data`), every item is an object, `id`, `status`, `code`,
/// `title`, `detail`, `source.pointer` and `source.parameter` are strings,
/// and `source`, `links`, `meta` and `jsonapi` are objects. Members the
/// specification does not define are, as it asks of clients, not an error:
/// they are kept verbatim in their places ([`members`](Self::members),
/// [`ErrorObject::members`]) and written back. Unknown codes are kept
/// verbatim too ([`Wire`]).
///
/// **Writing.** A parsed document is written back with its members in the
/// received order, `meta`, `jsonapi` and `links` byte for byte (strings are
/// re-escaped the way `serde_json` writes them). A document built in code
/// is written in the specification's member order and is always valid
/// against the JSON:API 1.0 schema: its members are typed, and those that
/// could break the schema (links, `meta`, a source pointer) are checked when
/// set. Since JSON:API requires the items of `errors` to be unique, an error
/// object equal (as JSON) to an earlier one is written once.
///
/// ```
/// use sso_errors::zenlogin::{Code, ErrorDocument, ErrorObject};
///
/// let body = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
/// let document = ErrorDocument::parse(body)?;
/// let error = &document.errors[0];
/// assert_eq!(error.known(), Some(Code::InvalidApplicationKey));
/// assert_eq!(error.values().unwrap()?.get("$value"), Some("appl01234567891"));
/// assert_eq!(document.http_status(), 400);
/// assert_eq!(document.to_json().as_bytes(), body);
///
/// let built = ErrorDocument::new([ErrorObject::render(Code::InvalidApplicationKey, &["appl01234567891"])?]);
/// assert_eq!(built.to_json().as_bytes(), body);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ErrorDocument<'a> {
    /// The error objects, in order.
    pub errors: Errors<'a>,
    /// `meta`, `jsonapi`, `links` and undefined members: boxed, and only
    /// when one is present, which keeps the usual document small.
    rare: Option<Box<DocumentRare<'a>>>,
    layout: Layout,
}

/// The members of an error document that Zenlogin does not send.
#[derive(Clone, Default)]
struct DocumentRare<'a> {
    meta: Option<RawJson<'a>>,
    jsonapi: Option<RawJson<'a>>,
    links: Option<RawJson<'a>>,
    members: Members<'a>,
}

impl DocumentRare<'_> {
    fn into_owned(self) -> DocumentRare<'static> {
        DocumentRare {
            meta: self.meta.map(RawJson::into_owned),
            jsonapi: self.jsonapi.map(RawJson::into_owned),
            links: self.links.map(RawJson::into_owned),
            members: self.members.into_owned(),
        }
    }
}

/// The empty [`Members`], for what has none.
static NO_MEMBERS: Members<'static> = Members::new();

impl<'a> ErrorDocument<'a> {
    /// A document with these error objects, in order.
    #[must_use]
    pub fn new(errors: impl IntoIterator<Item = ErrorObject<'a>>) -> Self {
        Self {
            errors: errors.into_iter().collect(),
            rare: None,
            layout: Layout::default(),
        }
    }

    /// Parses a body, borrowing from `input` wherever no unescaping is
    /// needed. A document with one error object, a known code, no escapes in
    /// its strings and no members JSON:API does not define is parsed without
    /// allocating.
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] for input that is not a JSON:API error document,
    /// with the reason: not JSON, no `errors`, `errors` not an array, an
    /// item that is not an object, `data` beside `errors`, a member of the
    /// wrong type (`"id": 0`, a string `source`, …), a repeated member.
    /// [`Error::NotAnErrorBody`] for a JSON:API document without `errors`
    /// (`data` or only `meta`). [`Error::WrongVendor`] for another vendor's
    /// error body.
    #[inline]
    pub fn parse(input: &'a [u8]) -> Result<Self, Error> {
        let mut document = Self::new([]);
        match body::parse_slice(
            Vendor::Zenlogin,
            input,
            DocumentSeed::<Borrow>::new(&mut document),
        )? {
            Parsed::Document => Ok(document),
            Parsed::NotErrors(what) => Err(Error::NotAnErrorBody {
                vendor: Vendor::Zenlogin,
                status: None,
                what,
                input: Snippet::from_bytes(input),
            }),
        }
    }

    /// Sets the top-level `meta` object.
    ///
    /// ```
    /// use sso_errors::RawJson;
    /// use sso_errors::zenlogin::{Code, ErrorDocument, ErrorObject};
    ///
    /// let document = ErrorDocument::new([ErrorObject::new(Code::AccountFrozen, Code::AccountFrozen.description())])
    ///     .with_meta(RawJson::from_json(r#"{"request-id":"7f3a"}"#)?)?;
    /// assert!(document.to_json().ends_with(r#"],"meta":{"request-id":"7f3a"}}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `meta` is not a JSON object or one of its
    /// member names is not a valid JSON:API member name.
    pub fn with_meta(mut self, meta: RawJson<'a>) -> Result<Self, InvalidMember> {
        check_meta("meta", &meta)?;
        self.rare_mut().meta = Some(meta);
        Ok(self)
    }

    /// Sets the top-level `jsonapi` object to `{"version": version}`.
    ///
    /// ```
    /// use sso_errors::zenlogin::{Code, ErrorDocument, ErrorObject};
    ///
    /// let document = ErrorDocument::from(ErrorObject::new(Code::AccountFrozen, "Account frozen"))
    ///     .with_jsonapi_version("1.0");
    /// assert_eq!(document.jsonapi().unwrap().get(), r#"{"version":"1.0"}"#);
    /// ```
    #[must_use]
    pub fn with_jsonapi_version(mut self, version: &str) -> Self {
        self.rare_mut().jsonapi = Some(RawJson::from_value(
            &serde_json::json!({ "version": version }),
        ));
        self
    }

    fn rare_mut(&mut self) -> &mut DocumentRare<'a> {
        self.rare.get_or_insert_with(Box::default)
    }

    /// The top-level `meta` object, verbatim.
    #[must_use]
    #[inline]
    pub fn meta(&self) -> Option<&RawJson<'a>> {
        self.rare.as_ref().and_then(|rare| rare.meta.as_ref())
    }

    /// The top-level `jsonapi` object, verbatim.
    #[must_use]
    #[inline]
    pub fn jsonapi(&self) -> Option<&RawJson<'a>> {
        self.rare.as_ref().and_then(|rare| rare.jsonapi.as_ref())
    }

    /// The top-level `links` object, verbatim.
    #[must_use]
    #[inline]
    pub fn links(&self) -> Option<&RawJson<'a>> {
        self.rare.as_ref().and_then(|rare| rare.links.as_ref())
    }

    /// Top-level members JSON:API does not define for an error document
    /// (`included`, extensions, …), as received. Always empty for a document
    /// built in code.
    #[must_use]
    #[inline]
    pub const fn members(&self) -> &Members<'a> {
        match &self.rare {
            Some(rare) => &rare.members,
            None => &NO_MEMBERS,
        }
    }

    /// The HTTP status the document comes with: the highest of its error
    /// objects' [`http_status`](ErrorObject::http_status) (so 500 when any
    /// code is a request error), or 400, Zenlogin's status for a processing
    /// error, when none has one.
    #[must_use]
    pub fn http_status(&self) -> u16 {
        self.errors
            .iter()
            .filter_map(ErrorObject::http_status)
            .max()
            .unwrap_or(400)
    }

    /// The known codes, in order, skipping unknown and missing ones.
    pub fn known(&self) -> impl Iterator<Item = Code> + '_ {
        self.errors.iter().filter_map(ErrorObject::known)
    }

    /// Whether an error object carries `code`.
    #[must_use]
    pub fn has(&self, code: Code) -> bool {
        self.known().any(|known| known == code)
    }

    /// The compact JSON body.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing to a string cannot fail: every member is valid JSON.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Detaches the document from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> ErrorDocument<'static> {
        ErrorDocument {
            errors: self.errors.into_owned(),
            rare: self.rare.map(|rare| Box::new(rare.into_owned())),
            layout: self.layout,
        }
    }
}

impl<'a> From<ErrorObject<'a>> for ErrorDocument<'a> {
    fn from(error: ErrorObject<'a>) -> Self {
        Self::new([error])
    }
}

/// Equal when every member is equal as JSON (key order and insignificant
/// whitespace do not count), error objects in the same order.
impl PartialEq for ErrorDocument<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.errors == other.errors
            && option_json_eq(self.meta(), other.meta())
            && option_json_eq(self.jsonapi(), other.jsonapi())
            && option_json_eq(self.links(), other.links())
            && members_json_eq(self.members(), other.members())
    }
}

impl Eq for ErrorDocument<'_> {}

impl fmt::Debug for ErrorDocument<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorDocument")
            .field("errors", &self.errors)
            .field("meta", &self.meta())
            .field("jsonapi", &self.jsonapi())
            .field("links", &self.links())
            .field("members", self.members())
            .finish()
    }
}

/// `Zenlogin error 3003: Invalid *application_key* URL param: …`, each
/// error object as its [`Display`](ErrorObject#impl-Display-for-ErrorObject<'_>)
/// writes it, separated by `; `.
impl fmt::Display for ErrorDocument<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            0 => write!(f, "{} error document without errors", Vendor::Zenlogin),
            1 => write!(f, "{} error ", Vendor::Zenlogin),
            _ => write!(f, "{} errors: ", Vendor::Zenlogin),
        }?;
        for (at, error) in self.errors.iter().enumerate() {
            if at > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ErrorDocument<'_> {}

// ---------------------------------------------------------------------------
// The list of error objects
// ---------------------------------------------------------------------------

/// The `errors` array: the error objects of a document, in order.
///
/// It dereferences to a slice, so it reads like one (`errors[0]`,
/// `errors.iter()`, `errors.len()`). A single error object, by far the most
/// common case, is held inline: parsing one does not allocate.
///
/// ```
/// use sso_errors::zenlogin::{Code, ErrorObject, Errors};
///
/// let mut errors = Errors::new();
/// errors.push(ErrorObject::new(Code::IdentityKeyRequired, Code::IdentityKeyRequired.description()));
/// errors.push(ErrorObject::new(Code::IpAddressRequired, Code::IpAddressRequired.description()));
/// assert_eq!(errors.len(), 2);
/// assert_eq!(errors[1].known(), Some(Code::IpAddressRequired));
/// ```
#[derive(Clone, Default)]
pub struct Errors<'a>(Slots<'a>);

// One error object inline is the point: it spares the allocation.
#[derive(Clone)]
enum Slots<'a> {
    Inline(Option<ErrorObject<'a>>),
    Heap(Vec<ErrorObject<'a>>),
}

impl Default for Slots<'_> {
    fn default() -> Self {
        Self::Inline(None)
    }
}

impl<'a> Errors<'a> {
    /// No error objects.
    #[must_use]
    pub const fn new() -> Self {
        Self(Slots::Inline(None))
    }

    /// Appends an error object.
    #[inline]
    pub fn push(&mut self, error: ErrorObject<'a>) {
        match &mut self.0 {
            Slots::Inline(slot @ None) => *slot = Some(error),
            Slots::Heap(list) => list.push(error),
            Slots::Inline(Some(_)) => {
                if let Slots::Inline(Some(first)) = std::mem::take(&mut self.0) {
                    self.0 = Slots::Heap(vec![first, error]);
                }
            }
        }
    }

    /// The error objects as a slice.
    #[must_use]
    pub fn as_slice(&self) -> &[ErrorObject<'a>] {
        match &self.0 {
            Slots::Inline(None) => &[],
            Slots::Inline(Some(one)) => std::slice::from_ref(one),
            Slots::Heap(list) => list,
        }
    }

    /// The error objects as a mutable slice.
    #[must_use]
    pub fn as_mut_slice(&mut self) -> &mut [ErrorObject<'a>] {
        match &mut self.0 {
            Slots::Inline(None) => &mut [],
            Slots::Inline(Some(one)) => std::slice::from_mut(one),
            Slots::Heap(list) => list,
        }
    }

    /// The error objects as a vector.
    #[must_use]
    pub fn into_vec(self) -> Vec<ErrorObject<'a>> {
        match self.0 {
            Slots::Inline(one) => one.into_iter().collect(),
            Slots::Heap(list) => list,
        }
    }

    /// Detaches the error objects from the input they borrow from.
    #[must_use]
    pub fn into_owned(self) -> Errors<'static> {
        Errors(match self.0 {
            Slots::Inline(one) => Slots::Inline(one.map(ErrorObject::into_owned)),
            Slots::Heap(list) => {
                Slots::Heap(list.into_iter().map(ErrorObject::into_owned).collect())
            }
        })
    }
}

impl<'a> Deref for Errors<'a> {
    type Target = [ErrorObject<'a>];

    fn deref(&self) -> &Self::Target {
        self.as_slice()
    }
}

impl DerefMut for Errors<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.as_mut_slice()
    }
}

impl<'a> FromIterator<ErrorObject<'a>> for Errors<'a> {
    fn from_iter<I: IntoIterator<Item = ErrorObject<'a>>>(iter: I) -> Self {
        let mut errors = Self::new();
        errors.extend(iter);
        errors
    }
}

impl<'a> Extend<ErrorObject<'a>> for Errors<'a> {
    fn extend<I: IntoIterator<Item = ErrorObject<'a>>>(&mut self, iter: I) {
        for error in iter {
            self.push(error);
        }
    }
}

impl<'a> From<Vec<ErrorObject<'a>>> for Errors<'a> {
    fn from(list: Vec<ErrorObject<'a>>) -> Self {
        Self(Slots::Heap(list))
    }
}

impl<'a> From<Errors<'a>> for Vec<ErrorObject<'a>> {
    fn from(errors: Errors<'a>) -> Self {
        errors.into_vec()
    }
}

impl<'s, 'a> IntoIterator for &'s Errors<'a> {
    type Item = &'s ErrorObject<'a>;
    type IntoIter = std::slice::Iter<'s, ErrorObject<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'s, 'a> IntoIterator for &'s mut Errors<'a> {
    type Item = &'s mut ErrorObject<'a>;
    type IntoIter = std::slice::IterMut<'s, ErrorObject<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

/// Compares the error objects, in order.
impl PartialEq for Errors<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Errors<'_> {}

impl fmt::Debug for Errors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Writes each distinct error object once, in order (`uniqueItems`).
impl serde::Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for (at, error) in self.iter().enumerate() {
            let earlier = self.get(..at).unwrap_or_default();
            if !earlier.iter().any(|e| e.same(error, true)) {
                seq.serialize_element(error)?;
            }
        }
        seq.end()
    }
}

// ---------------------------------------------------------------------------
// The error object
// ---------------------------------------------------------------------------

/// One JSON:API error object: a Zenlogin `code` and its `detail`, and the
/// other members JSON:API 1.0 defines (`id`, `links`, `status`, `title`,
/// `source`, `meta`), all optional.
///
/// `code` and `detail`, the members Zenlogin sends, are public fields. The
/// others are read through methods ([`id`](Self::id),
/// [`status`](Self::status), …) and set through builder methods and setters;
/// `links` and `meta` are checked when set, so that an error object built in
/// code is always valid JSON:API. Members JSON:API does not define are only
/// ever kept from a parsed body ([`members`](Self::members)).
///
/// ```
/// use sso_errors::zenlogin::{Code, ErrorObject, Source};
///
/// let error = ErrorObject::render(Code::InvalidIpAddress, &["300.1.1.1"])?
///     .with_status(400)
///     .with_source(Source::from_parameter("ip_address"));
/// assert_eq!(
///     error.to_json(),
///     r#"{"status":"400","code":"1009","detail":"Invalid *ip_address* POST value: 300.1.1.1","source":{"parameter":"ip_address"}}"#,
/// );
/// assert_eq!(error.status(), Some("400"));
/// assert_eq!(error.source().and_then(Source::parameter), Some("ip_address"));
/// assert_eq!(error.values().unwrap()?.as_slice(), ["300.1.1.1"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ErrorObject<'a> {
    /// The Zenlogin code: a known [`Code`] or an unknown code kept verbatim.
    pub code: Option<Wire<'a, Code>>,
    /// The code's text with its placeholders filled in.
    pub detail: Option<Cow<'a, str>>,
    /// The members Zenlogin does not send: boxed, and only when one is
    /// present, which keeps the usual error object small.
    rare: Option<Box<ObjectRare<'a>>>,
    layout: Layout,
}

/// The members of an error object that Zenlogin does not send.
#[derive(Clone, Default)]
struct ObjectRare<'a> {
    id: Option<Cow<'a, str>>,
    status: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    source: Option<Source<'a>>,
    links: Option<RawJson<'a>>,
    meta: Option<RawJson<'a>>,
    members: Members<'a>,
}

impl ObjectRare<'_> {
    fn into_owned(self) -> ObjectRare<'static> {
        ObjectRare {
            id: self.id.map(own),
            status: self.status.map(own),
            title: self.title.map(own),
            source: self.source.map(Source::into_owned),
            links: self.links.map(RawJson::into_owned),
            meta: self.meta.map(RawJson::into_owned),
            members: self.members.into_owned(),
        }
    }
}

impl<'a> ErrorObject<'a> {
    /// An error object with a code and its detail, as Zenlogin sends it.
    ///
    /// `detail` is written as given: use [`render`](Self::render) or
    /// [`Template::render`](super::Template::render) to fill a code's
    /// placeholders in.
    #[must_use]
    pub fn new(code: impl Into<Wire<'a, Code>>, detail: impl Into<Cow<'a, str>>) -> Self {
        Self {
            code: Some(code.into()),
            detail: Some(detail.into()),
            ..Self::empty()
        }
    }

    /// An error object with a code and its text, its placeholders filled in
    /// from `values` ([`Code::render`]).
    ///
    /// # Errors
    ///
    /// [`RenderError`] when `values` does not have one value per placeholder
    /// or a value is too long.
    pub fn render(code: Code, values: &[&str]) -> Result<Self, RenderError> {
        code.render(values).map(|detail| Self::new(code, detail))
    }

    /// An error object without any member (`{}`).
    #[must_use]
    #[inline]
    pub fn empty() -> Self {
        Self {
            code: None,
            detail: None,
            rare: None,
            layout: Layout::default(),
        }
    }

    /// Sets `id`.
    #[must_use]
    pub fn with_id(mut self, id: impl Into<Cow<'a, str>>) -> Self {
        self.set_id(id);
        self
    }

    /// Sets `status` to an HTTP status, written as a string (`"400"`).
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.set_status(status);
        self
    }

    /// Sets `title`.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Cow<'a, str>>) -> Self {
        self.set_title(title);
        self
    }

    /// Sets `source`.
    #[must_use]
    pub fn with_source(mut self, source: Source<'a>) -> Self {
        self.set_source(source);
        self
    }

    /// Sets `links` to `{"about": url}`: a link to further details about
    /// this occurrence of the problem.
    ///
    /// ```
    /// use sso_errors::zenlogin::{Code, ErrorObject};
    ///
    /// let error = ErrorObject::new(Code::ApplicationDisabled, Code::ApplicationDisabled.description())
    ///     .with_about_link("https://zenlogin.co/admin/account/settings")?;
    /// assert_eq!(error.links().unwrap().get(), r#"{"about":"https://zenlogin.co/admin/account/settings"}"#);
    /// assert!(ErrorObject::empty().with_about_link("not a URL").is_err());
    /// # Ok::<(), sso_errors::zenlogin::InvalidMember>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `url` is not an absolute URI (RFC 3986: a
    /// scheme, then only URI characters, others percent-encoded).
    pub fn with_about_link(mut self, url: &str) -> Result<Self, InvalidMember> {
        if !is_uri(url) {
            return Err(InvalidMember::new(
                "links.about",
                "not an absolute URI",
                url,
            ));
        }
        self.rare_mut().links = Some(RawJson::from_value(&serde_json::json!({ "about": url })));
        Ok(self)
    }

    /// Sets `meta`.
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `meta` is not a JSON object or one of its
    /// member names is not a valid JSON:API member name.
    pub fn with_meta(mut self, meta: RawJson<'a>) -> Result<Self, InvalidMember> {
        check_meta("meta", &meta)?;
        self.rare_mut().meta = Some(meta);
        Ok(self)
    }

    /// Sets `id`, in place.
    ///
    /// ```
    /// use sso_errors::zenlogin::{Code, ErrorObject};
    ///
    /// let mut error = ErrorObject::new(Code::AccountFrozen, Code::AccountFrozen.description());
    /// error.set_id("7f3a").set_status(403).set_title("Account frozen");
    /// assert_eq!(error.id(), Some("7f3a"));
    /// assert_eq!(error.status(), Some("403"));
    /// assert_eq!(error.title(), Some("Account frozen"));
    /// ```
    pub fn set_id(&mut self, id: impl Into<Cow<'a, str>>) -> &mut Self {
        self.rare_mut().id = Some(id.into());
        self
    }

    /// Sets `status` to an HTTP status, written as a string (`"400"`), in
    /// place.
    pub fn set_status(&mut self, status: u16) -> &mut Self {
        self.rare_mut().status = Some(Cow::Owned(status.to_string()));
        self
    }

    /// Sets `title`, in place.
    pub fn set_title(&mut self, title: impl Into<Cow<'a, str>>) -> &mut Self {
        self.rare_mut().title = Some(title.into());
        self
    }

    /// Sets `source`, in place.
    pub fn set_source(&mut self, source: Source<'a>) -> &mut Self {
        self.rare_mut().source = Some(source);
        self
    }

    fn rare_mut(&mut self) -> &mut ObjectRare<'a> {
        self.rare.get_or_insert_with(Box::default)
    }

    /// A unique identifier for this occurrence of the problem.
    #[must_use]
    #[inline]
    pub fn id(&self) -> Option<&str> {
        self.rare.as_ref().and_then(|rare| rare.id.as_deref())
    }

    /// The HTTP status, as a string (`"400"`), as received.
    #[must_use]
    #[inline]
    pub fn status(&self) -> Option<&str> {
        self.rare.as_ref().and_then(|rare| rare.status.as_deref())
    }

    /// A short summary of the problem (Zenlogin sends none).
    #[must_use]
    #[inline]
    pub fn title(&self) -> Option<&str> {
        self.rare.as_ref().and_then(|rare| rare.title.as_deref())
    }

    /// What in the request the error is about.
    #[must_use]
    #[inline]
    pub fn source(&self) -> Option<&Source<'a>> {
        self.rare.as_ref().and_then(|rare| rare.source.as_ref())
    }

    /// The `links` object, verbatim.
    #[must_use]
    #[inline]
    pub fn links(&self) -> Option<&RawJson<'a>> {
        self.rare.as_ref().and_then(|rare| rare.links.as_ref())
    }

    /// The `meta` object, verbatim.
    #[must_use]
    #[inline]
    pub fn meta(&self) -> Option<&RawJson<'a>> {
        self.rare.as_ref().and_then(|rare| rare.meta.as_ref())
    }

    /// Members JSON:API does not define, as received. Always empty for an
    /// error object built in code.
    #[must_use]
    #[inline]
    pub const fn members(&self) -> &Members<'a> {
        match &self.rare {
            Some(rare) => &rare.members,
            None => &NO_MEMBERS,
        }
    }

    /// The code, if it is present and known.
    #[must_use]
    #[inline]
    pub fn known(&self) -> Option<Code> {
        self.code.as_ref().and_then(Wire::known)
    }

    /// The placeholder values of `detail`, read back against the code's text
    /// ([`Code::parse_detail`]). `None` when there is nothing to match: no
    /// known code or no `detail`.
    ///
    /// ```
    /// use sso_errors::zenlogin::{Code, ErrorObject};
    ///
    /// let error = ErrorObject::new(Code::InvalidApplicationKey, "Invalid application key");
    /// let mismatch = error.values().unwrap().unwrap_err();
    /// assert_eq!(mismatch.detail().as_str(), "Invalid application key");
    /// assert_eq!(error.detail.as_deref(), Some("Invalid application key"));
    /// ```
    #[must_use]
    pub fn values(&self) -> Option<Result<Values<'_>, Mismatch>> {
        let code = self.known()?;
        let detail = self.detail.as_deref()?;
        Some(code.parse_detail(detail))
    }

    /// The HTTP status the error comes with: the known code's
    /// ([`Code::http_status`]), else the `status` member when it is an HTTP
    /// status (100–599).
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.known().map(Code::http_status).or_else(|| {
            self.status()
                .and_then(|status| status.parse::<u16>().ok())
                .filter(|status| (100..=599).contains(status))
        })
    }

    /// The compact JSON object.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Detaches the error object from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> ErrorObject<'static> {
        ErrorObject {
            code: self.code.map(Wire::into_owned),
            detail: self.detail.map(own),
            rare: self.rare.map(|rare| Box::new(rare.into_owned())),
            layout: self.layout,
        }
    }

    /// Equality as JSON values, as the schema's `uniqueItems` compares:
    /// `links`, `meta` and other members by value, and the code by its
    /// spelling (`json`) or by its meaning (not `json`: an alias equals its
    /// canonical spelling).
    fn same(&self, other: &Self, json: bool) -> bool {
        let codes = match (&self.code, &other.code) {
            (Some(a), Some(b)) if json => a.as_str() == b.as_str(),
            (a, b) => a == b,
        };
        codes
            && self.detail == other.detail
            && self.id() == other.id()
            && self.status() == other.status()
            && self.title() == other.title()
            && self.source() == other.source()
            && option_json_eq(self.links(), other.links())
            && option_json_eq(self.meta(), other.meta())
            && members_json_eq(self.members(), other.members())
    }
}

fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

/// Equal when every member is equal as JSON (key order and insignificant
/// whitespace do not count). A code equals its alias spelling (see
/// [`Wire`]).
impl PartialEq for ErrorObject<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.same(other, false)
    }
}

impl Eq for ErrorObject<'_> {}

impl fmt::Debug for ErrorObject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorObject")
            .field("id", &self.id())
            .field("status", &self.status())
            .field("code", &self.code)
            .field("title", &self.title())
            .field("detail", &self.detail)
            .field("source", &self.source())
            .field("links", &self.links())
            .field("meta", &self.meta())
            .field("members", self.members())
            .finish()
    }
}

/// `3003: Invalid *application_key* URL param: appl01234567891`: the code,
/// then the detail (or the title). Control characters in the text, which
/// can come from echoed input, are written escaped (`\n`, `\u{0}`).
impl fmt::Display for ErrorObject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.detail.as_deref().or_else(|| self.title());
        match (&self.code, text) {
            (Some(code), Some(text)) => {
                write_escaped(f, code.as_str())?;
                f.write_str(": ")?;
                write_escaped(f, text)
            }
            (Some(code), None) => write_escaped(f, code.as_str()),
            (None, Some(text)) => write_escaped(f, text),
            (None, None) => f.write_str("error without code or detail"),
        }
    }
}

impl std::error::Error for ErrorObject<'_> {}

fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for part in text.split_inclusive(char::is_control) {
        match part.char_indices().last() {
            Some((at, c)) if c.is_control() => {
                f.write_str(part.get(..at).unwrap_or_default())?;
                write!(f, "{}", c.escape_default())?;
            }
            _ => f.write_str(part)?,
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The source object
// ---------------------------------------------------------------------------

/// An error object's `source`: what in the request the error is about.
///
/// ```
/// use sso_errors::zenlogin::Source;
///
/// let source = Source::from_pointer("/data/attributes/identity_email_address")?;
/// assert_eq!(source.pointer(), Some("/data/attributes/identity_email_address"));
/// assert!(Source::from_pointer("identity_email_address").is_err());
/// assert_eq!(Source::from_parameter("application_key").parameter(), Some("application_key"));
/// # Ok::<(), sso_errors::zenlogin::InvalidMember>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Source<'a> {
    pointer: Option<Cow<'a, str>>,
    parameter: Option<Cow<'a, str>>,
    members: Members<'a>,
    layout: Layout,
}

impl<'a> Source<'a> {
    /// A source pointing into the request document.
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `pointer` is not a JSON Pointer (RFC 6901:
    /// empty, or `/`-separated tokens where `~` is only written `~0` or
    /// `~1`).
    pub fn from_pointer(pointer: impl Into<Cow<'a, str>>) -> Result<Self, InvalidMember> {
        let pointer = pointer.into();
        if !is_json_pointer(&pointer) {
            return Err(InvalidMember::new(
                "source.pointer",
                "not a JSON Pointer (RFC 6901)",
                &pointer,
            ));
        }
        Ok(Self {
            pointer: Some(pointer),
            ..Self::empty()
        })
    }

    /// A source naming the query parameter that caused the error.
    #[must_use]
    pub fn from_parameter(parameter: impl Into<Cow<'a, str>>) -> Self {
        Self {
            parameter: Some(parameter.into()),
            ..Self::empty()
        }
    }

    fn empty() -> Self {
        Self {
            pointer: None,
            parameter: None,
            members: Members::new(),
            layout: Layout::default(),
        }
    }

    /// The JSON Pointer, as received.
    #[must_use]
    pub fn pointer(&self) -> Option<&str> {
        self.pointer.as_deref()
    }

    /// The query parameter, as received.
    #[must_use]
    pub fn parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    /// Other members (JSON:API 1.1's `header`, …), as received.
    #[must_use]
    pub const fn members(&self) -> &Members<'a> {
        &self.members
    }

    /// Detaches the source from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Source<'static> {
        Source {
            pointer: self.pointer.map(own),
            parameter: self.parameter.map(own),
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

// ---------------------------------------------------------------------------
// Checking what the crate builds
// ---------------------------------------------------------------------------

/// A member value that would make an error document invalid JSON:API, given
/// to a method that builds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid JSON:API `{member}`: {reason}; input: {input}")]
pub struct InvalidMember {
    member: &'static str,
    reason: &'static str,
    input: Snippet,
}

impl InvalidMember {
    fn new(member: &'static str, reason: &'static str, input: &str) -> Self {
        Self {
            member,
            reason,
            input: Snippet::new(input),
        }
    }

    /// The member being set (`source.pointer`, `links.about`, `meta`).
    #[must_use]
    pub const fn member(&self) -> &'static str {
        self.member
    }

    /// What is wrong with the value.
    #[must_use]
    pub const fn reason(&self) -> &'static str {
        self.reason
    }

    /// The start of the value.
    #[must_use]
    pub const fn input(&self) -> &Snippet {
        &self.input
    }
}

/// RFC 6901, as the schema's pattern `^(?:\/(?:[^~/]|~0|~1)*)*$` has it.
fn is_json_pointer(pointer: &str) -> bool {
    let bytes = pointer.as_bytes();
    (bytes.is_empty() || bytes.first() == Some(&b'/'))
        && bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'~')
            .all(|(at, _)| matches!(bytes.get(at + 1), Some(b'0' | b'1')))
}

/// An absolute URI (RFC 3986): a scheme, then URI characters only.
fn is_uri(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    let bytes = rest.as_bytes();
    let rest_ok = bytes.iter().enumerate().all(|(at, &b)| {
        if b == b'%' {
            bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
        } else {
            b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)
        }
    });
    scheme_ok && rest_ok
}

/// A JSON:API member name: `^[a-zA-Z0-9](?:[-\w]*[a-zA-Z0-9])?$`.
fn is_member_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        }
        _ => false,
    }
}

/// Checks that `meta` is an object whose member names are JSON:API member
/// names.
fn check_meta(member: &'static str, meta: &RawJson<'_>) -> Result<(), InvalidMember> {
    struct Names;
    impl<'de> Visitor<'de> for Names {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut bad = None;
            while let Some(name) = map.next_key::<body::CowStr<'de>>()? {
                map.next_value::<IgnoredAny>()?;
                if bad.is_none() && !is_member_name(&name.0) {
                    bad = Some(name.0.into_owned());
                }
            }
            Ok(bad)
        }
    }
    let mut de = serde_json::Deserializer::from_str(meta.get());
    match de::Deserializer::deserialize_map(&mut de, Names) {
        Ok(None) => Ok(()),
        Ok(Some(name)) => Err(InvalidMember::new(
            member,
            "a member name is not a JSON:API member name",
            &name,
        )),
        Err(_) => Err(InvalidMember::new(member, "not a JSON object", meta.get())),
    }
}

// ---------------------------------------------------------------------------
// JSON equality, for `uniqueItems`
// ---------------------------------------------------------------------------

fn option_json_eq(a: Option<&RawJson<'_>>, b: Option<&RawJson<'_>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => raw_json_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn raw_json_eq(a: &RawJson<'_>, b: &RawJson<'_>) -> bool {
    a.get() == b.get() || matches!((a.to_value(), b.to_value()), (Ok(a), Ok(b)) if value_eq(&a, &b))
}

fn members_json_eq(a: &Members<'_>, b: &Members<'_>) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| raw_json_eq(v, w)))
        && b.iter().all(|(k, _)| a.get(k).is_some())
}

/// Deep equality as JSON Schema defines it: numbers by value (`1` equals
/// `1.0`), objects regardless of member order.
fn value_eq(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y
                || matches!((x.as_f64(), y.as_f64()), (Some(x), Some(y)) if x.total_cmp(&y).is_eq())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| value_eq(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| value_eq(v, w)))
        }
        _ => a == b,
    }
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

const DOCUMENT_NAMES: &[&str] = &["errors", "meta", "jsonapi", "links"];
const ERRORS: usize = 0;
const META: usize = 1;
const JSONAPI: usize = 2;

impl WriteFields for ErrorDocument<'_> {
    const NAMES: &'static [&'static str] = DOCUMENT_NAMES;

    fn present(&self, index: usize) -> bool {
        match index {
            ERRORS => true,
            META => self.meta().is_some(),
            JSONAPI => self.jsonapi().is_some(),
            _ => self.links().is_some(),
        }
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            ERRORS => map.serialize_value(&self.errors),
            META => map.serialize_value(&self.meta()),
            JSONAPI => map.serialize_value(&self.jsonapi()),
            _ => map.serialize_value(&self.links()),
        }
    }
}

impl serde::Serialize for ErrorDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, self.members(), self.layout)
    }
}

/// JSON:API 1.0's order of the error object's members.
const OBJECT_NAMES: &[&str] = &[
    "id", "links", "status", "code", "title", "detail", "source", "meta",
];
const ID: usize = 0;
const LINKS: usize = 1;
const STATUS: usize = 2;
const CODE: usize = 3;
const TITLE: usize = 4;
const DETAIL: usize = 5;
const SOURCE: usize = 6;

impl WriteFields for ErrorObject<'_> {
    const NAMES: &'static [&'static str] = OBJECT_NAMES;

    fn present(&self, index: usize) -> bool {
        match index {
            CODE => self.code.is_some(),
            DETAIL => self.detail.is_some(),
            ID => self.id().is_some(),
            LINKS => self.links().is_some(),
            STATUS => self.status().is_some(),
            TITLE => self.title().is_some(),
            SOURCE => self.source().is_some(),
            _ => self.meta().is_some(),
        }
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            CODE => map.serialize_value(&self.code),
            DETAIL => map.serialize_value(&self.detail),
            ID => map.serialize_value(&self.id()),
            LINKS => map.serialize_value(&self.links()),
            STATUS => map.serialize_value(&self.status()),
            TITLE => map.serialize_value(&self.title()),
            SOURCE => map.serialize_value(&self.source()),
            _ => map.serialize_value(&self.meta()),
        }
    }
}

impl serde::Serialize for ErrorObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, self.members(), self.layout)
    }
}

const SOURCE_NAMES: &[&str] = &["pointer", "parameter"];
const POINTER: usize = 0;

impl WriteFields for Source<'_> {
    const NAMES: &'static [&'static str] = SOURCE_NAMES;

    fn present(&self, index: usize) -> bool {
        if index == POINTER {
            self.pointer.is_some()
        } else {
            self.parameter.is_some()
        }
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        if index == POINTER {
            map.serialize_value(&self.pointer)
        } else {
            map.serialize_value(&self.parameter)
        }
    }
}

impl serde::Serialize for Source<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Where a member is, for messages: `errors[2].source.pointer`.
#[derive(Clone, Copy)]
struct At {
    /// The error object's index in `errors`; `None` for a top-level member
    /// or an error object read on its own.
    index: Option<usize>,
    /// The member's path (`source.pointer`).
    member: &'static str,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(index) => write!(f, "`errors[{index}].{}`", self.member),
            None => write!(f, "`{}`", self.member),
        }
    }
}

/// A string member, in mode `M`.
struct TextSeed<'a, M> {
    at: At,
    mode: PhantomData<(&'a (), M)>,
}

impl<M> TextSeed<'_, M> {
    const fn new(index: Option<usize>, member: &'static str) -> Self {
        Self {
            at: At { index, member },
            mode: PhantomData,
        }
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for TextSeed<'a, M> {
    type Value = Cow<'a, str>;

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for TextSeed<'a, M> {
    type Value = Cow<'a, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as a string", self.at)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(M::str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A member that JSON:API requires to be an object, kept verbatim.
struct ObjectSeed<'a, M>(At, PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for ObjectSeed<'a, M> {
    type Value = RawJson<'a>;

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        let raw = RawSeed::<M>(PhantomData).deserialize(deserializer)?;
        if raw.get().starts_with('{') {
            return Ok(raw);
        }
        let found = match raw.get().as_bytes().first() {
            Some(b'"') => "a string",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        };
        Err(de::Error::custom(format_args!(
            "invalid type: {found}, expected {} as a JSON object",
            self.0
        )))
    }
}

/// What reading a JSON:API document found.
enum Parsed {
    /// An error document, read into the seed's target.
    Document,
    /// A JSON:API document without `errors`: what it is instead.
    NotErrors(&'static str),
}

/// Reads a document into `document`, in place: the document is not moved
/// through the layers of the deserializer.
struct DocumentSeed<'d, 'a, M> {
    document: &'d mut ErrorDocument<'a>,
    mode: PhantomData<M>,
}

impl<'d, 'a, M> DocumentSeed<'d, 'a, M> {
    #[inline]
    const fn new(document: &'d mut ErrorDocument<'a>) -> Self {
        Self {
            document,
            mode: PhantomData,
        }
    }
}

map_seed!(DocumentSeed<'_, 'a, M> => Parsed);

/// Reads a document's members straight into it.
struct DocumentFields<'d, 'a> {
    document: &'d mut ErrorDocument<'a>,
    /// Whether `errors` was read.
    errors: bool,
}

impl<'a> Fields<'a> for DocumentFields<'_, 'a> {
    const NAMES: &'static [&'static str] = DOCUMENT_NAMES;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let object = |member| {
            ObjectSeed::<M>(
                At {
                    index: None,
                    member,
                },
                PhantomData,
            )
        };
        match index {
            ERRORS => {
                let seed = ErrorsSeed::<M> {
                    errors: &mut self.document.errors,
                    mode: PhantomData,
                };
                map.next_value_seed(seed)?;
                self.errors = true;
            }
            META => self.document.rare_mut().meta = Some(map.next_value_seed(object("meta"))?),
            JSONAPI => {
                self.document.rare_mut().jsonapi = Some(map.next_value_seed(object("jsonapi"))?);
            }
            _ => self.document.rare_mut().links = Some(map.next_value_seed(object("links"))?),
        }
        Ok(())
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for DocumentSeed<'_, 'a, M> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON:API error document (a JSON object with an `errors` array)")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Members::new();
        let mut layout = Layout::default();
        let mut fields = DocumentFields {
            document: &mut *self.document,
            errors: false,
        };
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        let has_errors = fields.errors;
        let has_data = !members.is_empty() && members.get("data").is_some();
        let document = self.document;
        match has_errors {
            true if has_data => Err(de::Error::custom(
                "`data` and `errors` must not coexist in a JSON:API document",
            )),
            true => {
                if !members.is_empty() {
                    document.rare_mut().members = members;
                }
                document.layout = layout;
                Ok(Parsed::Document)
            }
            false if has_data => Ok(Parsed::NotErrors(
                "a JSON:API data document (`data`, no `errors`)",
            )),
            false if document.meta().is_some() => Ok(Parsed::NotErrors(
                "a JSON:API document holding only `meta` (no `errors`)",
            )),
            false => Err(de::Error::custom(
                "not a JSON:API error document: no `errors` member",
            )),
        }
    }
}

/// Reads `errors`, an array of error objects, into an empty [`Errors`].
struct ErrorsSeed<'e, 'a, M> {
    errors: &'e mut Errors<'a>,
    mode: PhantomData<M>,
}

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for ErrorsSeed<'_, 'a, M> {
    type Value = ();

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for ErrorsSeed<'_, 'a, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`errors` as an array of error objects")
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut index = 0;
        while seq
            .next_element_seed(PushSeed::<M> {
                errors: &mut *self.errors,
                index,
                mode: PhantomData,
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
}

/// Reads the error object at `index` of `errors` and appends it; the first
/// one is read in place.
struct PushSeed<'e, 'a, M> {
    errors: &'e mut Errors<'a>,
    index: usize,
    mode: PhantomData<M>,
}

map_seed!(PushSeed<'_, 'a, M> => ());

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for PushSeed<'_, 'a, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`errors[{}]` as a JSON:API error object (a JSON object)",
            self.index
        )
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if let Slots::Inline(slot @ None) = &mut self.errors.0 {
            let object = slot.insert(ErrorObject::empty());
            return read_object::<M, A>(&mut map, Some(self.index), object);
        }
        let mut object = ErrorObject::empty();
        read_object::<M, A>(&mut map, Some(self.index), &mut object)?;
        self.errors.push(object);
        Ok(())
    }
}

/// Reads the members of an error object into `object`, which is empty.
#[inline]
fn read_object<'de, 'a, M: Mode<'de, 'a>, A: MapAccess<'de>>(
    map: &mut A,
    index: Option<usize>,
    object: &mut ErrorObject<'a>,
) -> Result<(), A::Error> {
    let mut members = Members::new();
    let mut layout = Layout::default();
    let mut fields = ObjectFields {
        index,
        object: &mut *object,
    };
    visit_object::<M, _, _>(map, &mut fields, &mut members, &mut layout)?;
    if !members.is_empty() {
        object.rare_mut().members = members;
    }
    object.layout = layout;
    Ok(())
}

/// Reads one error object on its own.
struct ErrorObjectSeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(ErrorObjectSeed<'a, M> => ErrorObject<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for ErrorObjectSeed<'a, M> {
    type Value = ErrorObject<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON:API error object (a JSON object)")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = ErrorObject::empty();
        read_object::<M, A>(&mut map, None, &mut object)?;
        Ok(object)
    }
}

/// Reads an error object's members straight into it.
struct ObjectFields<'o, 'a> {
    index: Option<usize>,
    object: &'o mut ErrorObject<'a>,
}

impl<'a> Fields<'a> for ObjectFields<'_, 'a> {
    const NAMES: &'static [&'static str] = OBJECT_NAMES;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let at = self.index;
        let object = &mut *self.object;
        let text = |member| TextSeed::<M>::new(at, member);
        let json = |member| ObjectSeed::<M>(At { index: at, member }, PhantomData);
        match index {
            CODE => {
                let code = map.next_value_seed(text("code"))?;
                object.code = Some(match Code::resolve(&code) {
                    Some((value, spelling)) => Wire::from_known(value, spelling),
                    None => Wire::from_unknown(code),
                });
            }
            DETAIL => object.detail = Some(map.next_value_seed(text("detail"))?),
            ID => object.rare_mut().id = Some(map.next_value_seed(text("id"))?),
            LINKS => object.rare_mut().links = Some(map.next_value_seed(json("links"))?),
            STATUS => object.rare_mut().status = Some(map.next_value_seed(text("status"))?),
            TITLE => object.rare_mut().title = Some(map.next_value_seed(text("title"))?),
            SOURCE => {
                let seed = SourceSeed::<M> {
                    index: at,
                    mode: PhantomData,
                };
                object.rare_mut().source = Some(map.next_value_seed(seed)?);
            }
            _ => object.rare_mut().meta = Some(map.next_value_seed(json("meta"))?),
        }
        Ok(())
    }
}

/// Reads `source`.
struct SourceSeed<'a, M> {
    index: Option<usize>,
    mode: PhantomData<(&'a (), M)>,
}

map_seed!(SourceSeed<'a, M> => Source<'a>);

struct SourceFields<'a> {
    index: Option<usize>,
    source: Source<'a>,
}

impl<'a> Fields<'a> for SourceFields<'a> {
    const NAMES: &'static [&'static str] = SOURCE_NAMES;

    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if index == POINTER {
            let seed = TextSeed::<M>::new(self.index, "source.pointer");
            self.source.pointer = Some(map.next_value_seed(seed)?);
        } else {
            let seed = TextSeed::<M>::new(self.index, "source.parameter");
            self.source.parameter = Some(map.next_value_seed(seed)?);
        }
        Ok(())
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for SourceSeed<'a, M> {
    type Value = Source<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = At {
            index: self.index,
            member: "source",
        };
        write!(f, "{at} as a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = SourceFields {
            index: self.index,
            source: Source::empty(),
        };
        let mut members = Members::new();
        let mut layout = Layout::default();
        visit_object::<M, _, _>(&mut map, &mut fields, &mut members, &mut layout)?;
        let mut source = fields.source;
        source.members = members;
        source.layout = layout;
        Ok(source)
    }
}

/// Deserializes any error document, owning its strings.
/// [`ErrorDocument::parse`] borrows instead.
impl<'de> serde::Deserialize<'de> for ErrorDocument<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut document = ErrorDocument::new([]);
        match DocumentSeed::<Own>::new(&mut document).deserialize(deserializer)? {
            Parsed::Document => Ok(document),
            Parsed::NotErrors(what) => Err(de::Error::custom(format_args!(
                "not a JSON:API error document: {what}"
            ))),
        }
    }
}

/// Deserializes one error object, owning its strings.
impl<'de> serde::Deserialize<'de> for ErrorObject<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ErrorObjectSeed::<Own>(PhantomData).deserialize(deserializer)
    }
}
