//! The merchant error body and its entries.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::{Description, ErrorCode};
use crate::body::{
    self, Borrow, Fields, Layout, Mode, Own, StrSeed, WriteFields, serialize_object, visit_object,
};
use crate::{Error, Members, RawJson, Snippet, Vendor};

/// One error of a merchant error body: an element of its `message` list.
///
/// ```json
/// {"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid username: finance1234 already exists"}
/// ```
///
/// The entry is identified by its `(code, errorName)` pair
/// ([`known`](Self::known)); an unknown pair, code, `errorName` or
/// description is kept verbatim. Members beside the three standard ones (an
/// `invalidProperty` object or string, …) are kept verbatim in
/// [`members`](Self::members), and a parsed entry is written back with its
/// received key order.
///
/// **`code`** is written as a JSON string. A code received as a JSON integer
/// (`10001`) is accepted and kept as its decimal text, so it is written back
/// as a string (`"10001"`): the one value parsing and re-serializing
/// changes.
///
/// ```
/// use sso_errors::merchant::{Description, ErrorCode, ErrorEntry};
///
/// let entry = ErrorEntry::new(
///     ErrorCode::ValidationGeneralFailure,
///     Description::InvalidEmail { email: "@bls.com".into() },
/// );
/// assert_eq!(
///     serde_json::to_string(&entry)?,
///     r#"{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}"#,
/// );
/// assert_eq!(entry.known(), Some(ErrorCode::ValidationGeneralFailure));
/// assert_eq!(entry.http_status(), Some(400));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ErrorEntry<'a> {
    /// The provider's name for the error (`errorName`).
    pub error_name: Cow<'a, str>,
    /// The error code, as text (`"10001"`).
    pub code: Cow<'a, str>,
    /// What went wrong, typed when it follows a documented template.
    pub description: Description<'a>,
    /// Members beside `errorName`, `code` and `description`, in order
    /// (`invalidProperty`, …).
    pub members: Members<'a>,
    layout: Layout,
}

impl<'a> ErrorEntry<'a> {
    /// The name of the extra member some of the provider's APIs add to an
    /// entry: the offending property, as an object or a string.
    pub const INVALID_PROPERTY: &'static str = "invalidProperty";

    /// An entry of a documented `(code, errorName)` pair.
    #[must_use]
    pub fn new(error_code: ErrorCode, description: impl Into<Description<'a>>) -> Self {
        Self::from_parts(error_code.code(), error_code.error_name(), description)
    }

    /// An entry with any code and `errorName`, documented or not.
    ///
    /// ```
    /// use sso_errors::merchant::ErrorEntry;
    ///
    /// let entry = ErrorEntry::from_parts("14042", "NO_PAYMENT_DETAILS_LINKED_TO_TOKEN", "Token is not associated with a payment method");
    /// assert_eq!(entry.known(), None);
    /// ```
    #[must_use]
    pub fn from_parts(
        code: impl Into<Cow<'a, str>>,
        error_name: impl Into<Cow<'a, str>>,
        description: impl Into<Description<'a>>,
    ) -> Self {
        Self {
            error_name: error_name.into(),
            code: code.into(),
            description: description.into(),
            members: Members::new(),
            layout: Layout::default(),
        }
    }

    /// Sets the `invalidProperty` member (an object or a string), replacing
    /// any present.
    ///
    /// ```
    /// use sso_errors::RawJson;
    /// use sso_errors::merchant::{ErrorCode, ErrorEntry};
    ///
    /// let entry = ErrorEntry::new(ErrorCode::ValidationGeneralFailure, "Invalid plan")
    ///     .with_invalid_property(RawJson::from_json(r#"{"name":"currency"}"#)?);
    /// assert_eq!(entry.invalid_property().unwrap().get(), r#"{"name":"currency"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn with_invalid_property(mut self, value: RawJson<'a>) -> Self {
        self.members.remove(Self::INVALID_PROPERTY);
        self.members.push(Self::INVALID_PROPERTY, value);
        self
    }

    /// The documented entry this entry's `(code, errorName)` pair is; `None`
    /// for a pair the catalog does not hold.
    #[must_use]
    pub fn known(&self) -> Option<ErrorCode> {
        ErrorCode::from_pair(&self.code, &self.error_name)
    }

    /// Whether the entry's pair is `error_code`'s.
    #[must_use]
    pub fn is(&self, error_code: ErrorCode) -> bool {
        self.known() == Some(error_code)
    }

    /// The HTTP status the entry comes with: its pair's, else its
    /// description template's; `None` when neither is documented.
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.known()
            .map(ErrorCode::http_status)
            .or_else(|| self.description.http_status())
    }

    /// Whether the request may succeed if sent again later (the per-minute
    /// token-generation limit).
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.description.is_retryable()
    }

    /// The `invalidProperty` member, when present.
    #[must_use]
    pub fn invalid_property(&self) -> Option<&RawJson<'a>> {
        self.members.get(Self::INVALID_PROPERTY)
    }

    /// The description's text, exactly as received.
    #[must_use]
    pub fn description_text(&self) -> Cow<'_, str> {
        self.description.to_text()
    }

    /// Detaches the entry from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> ErrorEntry<'static> {
        ErrorEntry {
            error_name: Cow::Owned(self.error_name.into_owned()),
            code: Cow::Owned(self.code.into_owned()),
            description: self.description.into_owned(),
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

/// `10001 VALIDATION_GENERAL_FAILURE: Invalid password`.
impl fmt::Display for ErrorEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.code, self.error_name, self.description)
    }
}

const ERROR_NAME: usize = 0;
const CODE: usize = 1;
const DESCRIPTION: usize = 2;
const ENTRY_NAMES: &[&str] = &["errorName", "code", "description"];
/// Every standard member of an entry read, one bit each (bit `index`).
const ALL_ENTRY_MEMBERS: u8 = 0b111;
const ENTRY_EXPECTED: &str = "a merchant error entry object";

impl ErrorEntry<'_> {
    /// The entry the parser fills in: no allocation, and every standard
    /// member is overwritten before the entry is handed out.
    #[inline]
    fn placeholder() -> Self {
        Self {
            error_name: Cow::Borrowed(""),
            code: Cow::Borrowed(""),
            description: Description::Other(Cow::Borrowed("")),
            members: Members::new(),
            layout: Layout::default(),
        }
    }
}

/// Reads an entry's standard members straight into the entry.
struct EntryFields<'e, 'a> {
    error_name: &'e mut Cow<'a, str>,
    code: &'e mut Cow<'a, str>,
    description: &'e mut Description<'a>,
    /// The standard members read, one bit each (bit `index`).
    seen: u8,
}

impl<'a> Fields<'a> for EntryFields<'_, 'a> {
    const NAMES: &'static [&'static str] = ENTRY_NAMES;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            ERROR_NAME => {
                *self.error_name = map.next_value_seed(StrSeed::<M>(PhantomData))?;
                self.seen |= 1 << ERROR_NAME;
            }
            CODE => {
                *self.code = map.next_value_seed(CodeSeed::<M>(PhantomData))?;
                self.seen |= 1 << CODE;
            }
            _ => {
                map.next_value_seed(DescriptionSeed::<M> {
                    description: &mut *self.description,
                    mode: PhantomData,
                })?;
                self.seen |= 1 << DESCRIPTION;
            }
        }
        Ok(())
    }
}

/// Reads the members of an entry object into `entry`, a
/// [`placeholder`](ErrorEntry::placeholder).
#[inline]
fn read_entry<'de, 'a, M: Mode<'de, 'a>, A: MapAccess<'de>>(
    map: &mut A,
    entry: &mut ErrorEntry<'a>,
) -> Result<(), A::Error> {
    let ErrorEntry {
        error_name,
        code,
        description,
        members,
        layout,
    } = entry;
    let mut fields = EntryFields {
        error_name,
        code,
        description,
        seen: 0,
    };
    visit_object::<M, _, _>(map, &mut fields, members, layout)?;
    match fields.seen {
        ALL_ENTRY_MEMBERS => Ok(()),
        seen if seen & (1 << ERROR_NAME) == 0 => Err(de::Error::missing_field("errorName")),
        seen if seen & (1 << CODE) == 0 => Err(de::Error::missing_field("code")),
        _ => Err(de::Error::missing_field("description")),
    }
}

impl WriteFields for ErrorEntry<'_> {
    const NAMES: &'static [&'static str] = ENTRY_NAMES;

    fn present(&self, _: usize) -> bool {
        true
    }

    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error> {
        match index {
            ERROR_NAME => map.serialize_value(&self.error_name),
            CODE => map.serialize_value(&self.code),
            _ => map.serialize_value(&self.description),
        }
    }
}

/// Reads `code`: a JSON string, or an integer kept as its decimal text.
struct CodeSeed<'a, M>(PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for CodeSeed<'a, M> {
    type Value = Cow<'a, str>;

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for CodeSeed<'a, M> {
    type Value = Cow<'a, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`code` as a string or an integer")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(M::str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        // A documented code needs no allocation.
        Ok(match ErrorCode::code_for_number(v) {
            Some(code) => Cow::Borrowed(code),
            None => Cow::Owned(v.to_string()),
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Ok(Cow::Owned(v.to_string())),
        }
    }
}

/// Reads `description` into its place, typed.
struct DescriptionSeed<'e, 'a, M> {
    description: &'e mut Description<'a>,
    mode: PhantomData<M>,
}

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for DescriptionSeed<'_, 'a, M> {
    type Value = ();

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for DescriptionSeed<'_, 'a, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        *self.description = Description::from_cow(M::str(Cow::Borrowed(v)));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.description = Description::from_cow(Cow::Owned(v.to_owned()));
        Ok(())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        *self.description = Description::from_cow(Cow::Owned(v));
        Ok(())
    }
}

/// Reads one entry on its own.
struct EntrySeed<'a, M>(PhantomData<(&'a (), M)>);

map_seed!(EntrySeed<'a, M> => ErrorEntry<'a>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for EntrySeed<'a, M> {
    type Value = ErrorEntry<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(ENTRY_EXPECTED)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entry = ErrorEntry::placeholder();
        read_entry::<M, A>(&mut map, &mut entry)?;
        Ok(entry)
    }
}

impl serde::Serialize for ErrorEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes one entry, owning its strings.
impl<'de> serde::Deserialize<'de> for ErrorEntry<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EntrySeed::<Own>(PhantomData).deserialize(deserializer)
    }
}

/// The entries of a body. One entry, the common case, is held inline so that
/// parsing it allocates nothing.
#[derive(Clone)]
enum Message<'a> {
    One(ErrorEntry<'a>),
    Many(Vec<ErrorEntry<'a>>),
}

impl<'a> Message<'a> {
    fn as_slice(&self) -> &[ErrorEntry<'a>] {
        match self {
            Self::One(entry) => std::slice::from_ref(entry),
            Self::Many(entries) => entries,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [ErrorEntry<'a>] {
        match self {
            Self::One(entry) => std::slice::from_mut(entry),
            Self::Many(entries) => entries,
        }
    }

    fn push(&mut self, entry: ErrorEntry<'a>) {
        match self {
            Self::Many(entries) => entries.push(entry),
            Self::One(_) => {
                let empty = Self::Many(Vec::new());
                if let Self::One(first) = std::mem::replace(self, empty) {
                    *self = Self::Many(vec![first, entry]);
                }
            }
        }
    }

    fn into_vec(self) -> Vec<ErrorEntry<'a>> {
        match self {
            Self::One(entry) => vec![entry],
            Self::Many(entries) => entries,
        }
    }
}

/// A merchant User Management / SSO-token error body: a `message` list of
/// one or more [`ErrorEntry`]s, in order.
///
/// ```json
/// {"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}
/// ```
///
/// A parsed body is written back exactly as received once compacted: the
/// same key order in the body and in every entry, extra members (top-level
/// or in an entry, such as `invalidProperty`) kept verbatim in their places,
/// unknown codes, `errorName`s and descriptions kept. The one value that
/// changes is a `code` received as a JSON integer, written back as a string
/// (see [`ErrorEntry`]). Standard members' strings are written with standard
/// JSON escaping, so a character escaped where it need not be (`\/`,
/// `\u00e9`) comes back plain (`/`, `é`); extra members are kept byte for
/// byte. A body built in
/// code is written in the documented order (`message`; `errorName`, `code`,
/// `description`), extra members last.
///
/// **An empty `message` list** does not report any error: parsing it is
/// [`Error::NotAnErrorBody`], and an `ErrorBody` always holds at least one
/// entry.
///
/// ```
/// use sso_errors::merchant::{Description, ErrorBody, ErrorCode};
///
/// let input = br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;
/// let body = ErrorBody::parse(input)?;
/// let entry = &body.message()[0];
/// assert_eq!(entry.known(), Some(ErrorCode::FailedToGenerateSsoToken));
/// assert_eq!(entry.description, Description::ExceededTokenGenerationLimit);
/// assert!(body.is_retryable());
/// assert_eq!(body.http_status(), Some(403));
/// assert_eq!(body.to_json().as_bytes(), input);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Clone)]
pub struct ErrorBody<'a> {
    message: Message<'a>,
    /// Top-level members beside `message`, in order.
    pub members: Members<'a>,
    layout: Layout,
}

impl<'a> ErrorBody<'a> {
    /// A body with one entry; add more with [`with`](Self::with) or
    /// [`push`](Self::push).
    ///
    /// ```
    /// use sso_errors::merchant::{Description, ErrorBody, ErrorCode, ErrorEntry};
    ///
    /// let body = ErrorBody::new(ErrorEntry::new(ErrorCode::ValidationGeneralFailure, Description::InvalidPassword))
    ///     .with(ErrorEntry::new(ErrorCode::ValidationGeneralFailure, Description::InvalidEmail { email: "x".into() }));
    /// assert_eq!(
    ///     body.to_json(),
    ///     r#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password"},{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email x"}]}"#,
    /// );
    /// ```
    #[must_use]
    pub fn new(entry: ErrorEntry<'a>) -> Self {
        Self {
            message: Message::One(entry),
            members: Members::new(),
            layout: Layout::default(),
        }
    }

    /// A body with the given entries, in order; `None` when there are none.
    #[must_use]
    pub fn from_entries(entries: impl IntoIterator<Item = ErrorEntry<'a>>) -> Option<Self> {
        let mut entries = entries.into_iter();
        let mut body = Self::new(entries.next()?);
        for entry in entries {
            body.push(entry);
        }
        Some(body)
    }

    /// Adds an entry at the end.
    #[must_use]
    pub fn with(mut self, entry: ErrorEntry<'a>) -> Self {
        self.push(entry);
        self
    }

    /// Adds an entry at the end.
    pub fn push(&mut self, entry: ErrorEntry<'a>) {
        self.message.push(entry);
    }

    /// Parses a body, borrowing from `input` wherever no unescaping is
    /// needed. Parsing a body of documented entries whose strings need no
    /// unescaping allocates nothing when it has one entry.
    ///
    /// # Errors
    ///
    /// - [`Error::NotAnErrorBody`] for an empty input, an HTML page (what the
    ///   provider's web server sends for some 401s) or an empty `message`
    ///   list;
    /// - [`Error::Malformed`] for anything else that is not a merchant error
    ///   body (not JSON, no `message` list, an entry without `errorName`,
    ///   `code` or `description`, a `code` that is neither a string nor an
    ///   integer, a repeated member, …);
    /// - [`Error::WrongVendor`] for another vendor's error body.
    #[inline]
    pub fn parse(input: &'a [u8]) -> Result<Self, Error> {
        if let Some(what) = not_json(input) {
            return Err(not_an_error_body(None, what, input));
        }
        let mut body = Self::placeholder();
        if body::parse_slice(Vendor::Merchant, input, BodySeed::<Borrow>::new(&mut body))? {
            Ok(body)
        } else {
            Err(not_an_error_body(None, EMPTY_MESSAGE, input))
        }
    }

    /// The body the parser fills in: one placeholder entry, no allocation.
    #[inline]
    fn placeholder() -> Self {
        Self::new(ErrorEntry::placeholder())
    }

    /// The entries, in order; never empty.
    #[must_use]
    pub fn message(&self) -> &[ErrorEntry<'a>] {
        self.message.as_slice()
    }

    /// The entries, in order, for changing them in place.
    #[must_use]
    pub fn message_mut(&mut self) -> &mut [ErrorEntry<'a>] {
        self.message.as_mut_slice()
    }

    /// The entries, in order.
    #[must_use]
    pub fn into_message(self) -> Vec<ErrorEntry<'a>> {
        self.message.into_vec()
    }

    /// The documented entries, in order, skipping unknown pairs.
    pub fn known(&self) -> impl Iterator<Item = ErrorCode> + '_ {
        self.message().iter().filter_map(ErrorEntry::known)
    }

    /// Whether an entry is `error_code`'s pair.
    #[must_use]
    pub fn has(&self, error_code: ErrorCode) -> bool {
        self.message().iter().any(|entry| entry.is(error_code))
    }

    /// The HTTP status the body comes with: that of the first entry with a
    /// documented pair or description (400 validation, 403 token generation
    /// refused); `None` when no entry is documented.
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.message().iter().find_map(ErrorEntry::http_status)
    }

    /// Whether sending the same request again later may succeed: every entry
    /// is retryable (the per-minute token-generation limit).
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.message().iter().all(ErrorEntry::is_retryable)
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
        let message = match self.message {
            Message::One(entry) => Message::One(entry.into_owned()),
            Message::Many(entries) => {
                Message::Many(entries.into_iter().map(ErrorEntry::into_owned).collect())
            }
        };
        ErrorBody {
            message,
            members: self.members.into_owned(),
            layout: self.layout,
        }
    }
}

/// Equal when every member is equal; key order does not count.
impl PartialEq for ErrorBody<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.message() == other.message() && self.members == other.members
    }
}

impl Eq for ErrorBody<'_> {}

impl fmt::Debug for ErrorBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorBody")
            .field("message", &self.message())
            .field("members", &self.members)
            .finish()
    }
}

/// `merchant User Management error: 10001 VALIDATION_GENERAL_FAILURE: Invalid
/// password; 10001 VALIDATION_GENERAL_FAILURE: Invalid email x`.
impl fmt::Display for ErrorBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error", Vendor::Merchant)?;
        for (i, entry) in self.message().iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            entry.fmt(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ErrorBody<'_> {}

const BODY_NAMES: &[&str] = &["message"];

/// Reads a body's `message` straight into its list.
struct BodyFields<'b, 'a> {
    message: &'b mut Message<'a>,
    /// How many entries `message` held; `None` while it is not read.
    entries: Option<usize>,
}

impl<'a> Fields<'a> for BodyFields<'_, 'a> {
    const NAMES: &'static [&'static str] = BODY_NAMES;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        _: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let seed = MessageSeed::<M> {
            message: &mut *self.message,
            mode: PhantomData,
        };
        self.entries = Some(map.next_value_seed(seed)?);
        Ok(())
    }
}

impl WriteFields for ErrorBody<'_> {
    const NAMES: &'static [&'static str] = BODY_NAMES;

    fn present(&self, _: usize) -> bool {
        true
    }

    fn write<S: SerializeMap>(&self, _: usize, map: &mut S) -> Result<(), S::Error> {
        map.serialize_value(&EntriesSer(self.message()))
    }
}

struct EntriesSer<'s, 'a>(&'s [ErrorEntry<'a>]);

impl serde::Serialize for EntriesSer<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for entry in self.0 {
            seq.serialize_element(entry)?;
        }
        seq.end()
    }
}

/// Reads `message` into a body's list, which holds only the placeholder
/// entry; the value is the number of entries read.
struct MessageSeed<'m, 'a, M> {
    message: &'m mut Message<'a>,
    mode: PhantomData<M>,
}

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for MessageSeed<'_, 'a, M> {
    type Value = usize;

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for MessageSeed<'_, 'a, M> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`message` as a list of error entries")
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut read = 0;
        while seq
            .next_element_seed(SlotSeed::<M> {
                message: &mut *self.message,
                index: read,
                mode: PhantomData,
            })?
            .is_some()
        {
            read += 1;
        }
        Ok(read)
    }
}

/// Reads entry `index` of `message` in place: the first one into the inline
/// placeholder, each later one into a placeholder pushed at the end.
struct SlotSeed<'m, 'a, M> {
    message: &'m mut Message<'a>,
    index: usize,
    mode: PhantomData<M>,
}

map_seed!(SlotSeed<'_, 'a, M> => ());

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for SlotSeed<'_, 'a, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(ENTRY_EXPECTED)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let message = self.message;
        if let Message::One(first) = message {
            if self.index == 0 {
                return read_entry::<M, A>(&mut map, first);
            }
            // Bodies seldom hold more than a few entries.
            let mut entries = Vec::with_capacity(4);
            entries.push(std::mem::replace(first, ErrorEntry::placeholder()));
            *message = Message::Many(entries);
        }
        if let Message::Many(entries) = message {
            entries.push(ErrorEntry::placeholder());
            if let Some(entry) = entries.last_mut() {
                return read_entry::<M, A>(&mut map, entry);
            }
        }
        Ok(())
    }
}

/// Reads a body into `body`, a [`placeholder`](ErrorBody::placeholder), in
/// place; the value is whether its `message` list held any entry.
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

map_seed!(BodySeed<'_, 'a, M> => bool);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for BodySeed<'_, 'a, M> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a merchant error body object")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let ErrorBody {
            message,
            members,
            layout,
        } = self.body;
        let mut fields = BodyFields {
            message,
            entries: None,
        };
        visit_object::<M, _, _>(&mut map, &mut fields, members, layout)?;
        match fields.entries {
            Some(entries) => Ok(entries > 0),
            None => Err(de::Error::missing_field("message")),
        }
    }
}

impl serde::Serialize for ErrorBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object(serializer, self, &self.members, self.layout)
    }
}

/// Deserializes a body, owning its strings; an empty `message` list is an
/// error. [`ErrorBody::parse`] borrows instead.
impl<'de> serde::Deserialize<'de> for ErrorBody<'_> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut body = ErrorBody::placeholder();
        if BodySeed::<Own>::new(&mut body).deserialize(deserializer)? {
            Ok(body)
        } else {
            Err(de::Error::invalid_length(
                0,
                &"one or more error entries in `message`",
            ))
        }
    }
}

pub(super) const EMPTY_MESSAGE: &str = "an empty `message` list";

/// What `input` is when it is plainly not JSON: an empty body or an HTML
/// page.
pub(super) fn not_json(input: &[u8]) -> Option<&'static str> {
    match input.trim_ascii_start().first() {
        None => Some("an empty body"),
        Some(b'<') => Some("an HTML page"),
        Some(_) => None,
    }
}

pub(super) fn not_an_error_body(status: Option<u16>, what: &'static str, input: &[u8]) -> Error {
    Error::NotAnErrorBody {
        vendor: Vendor::Merchant,
        status,
        what,
        input: Snippet::from_bytes(input),
    }
}
