//! The merchant error body and its entries.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};

use super::{Description, ErrorCode};
use crate::ErrorKind;
use crate::body::{self, Field, Mismatch, Mode};
use crate::error::Bounded;
use crate::{List, Members, RawJson, Vendor};

body! {
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
    /// **`code`** is a JSON string, or a JSON integer (`10001`), as some of the
    /// provider's APIs send it: a [`Code`] keeps which, and is written back the
    /// same.
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
    pub struct ErrorEntry<'a>: "a merchant error entry object" {
        /// The provider's name for the error (`errorName`).
        pub error_name: Cow<'a, str> = "errorName",
        /// The error code, as the wire carried it (`"10001"`, or `10001`).
        pub code: Code<'a> = "code",
        /// What went wrong, typed when it follows a documented template.
        pub description: Description<'a> = "description",
    }
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
        code: impl Into<Code<'a>>,
        error_name: impl Into<Cow<'a, str>>,
        description: impl Into<Description<'a>>,
    ) -> Self {
        Self {
            error_name: error_name.into(),
            code: code.into(),
            description: description.into(),
            members: Members::new(),
            layout: body::Layout::default(),
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

    /// What the entry means for the caller: its description's template's
    /// kind (the same pair can be a rate limit or a refusal), else its
    /// pair's, else that of its HTTP status.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match (self.description.template(), self.known()) {
            (Some(template), _) => template.kind(),
            (None, Some(pair)) => pair.kind(),
            (None, None) => ErrorKind::of_http_status(self.http_status().unwrap_or(400)),
        }
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
}

impl crate::text::LogLine for ErrorEntry<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A code no entry of the catalog has is received text: only its
        // length.
        match ErrorCode::from_code(&self.code) {
            Some(known) => f.write_str(known.code())?,
            None => write!(f, "{}", crate::text::Withheld(self.code.len()))?,
        }
        write!(
            f,
            " {}: {}",
            Bounded(&self.error_name),
            Bounded(&self.description.to_text())
        )
    }
}

log_line! {
    /// `10001 VALIDATION_GENERAL_FAILURE: Invalid password`.
    ErrorEntry<'_>;
}

/// A merchant entry's `code` as the wire carried it: its text, and whether
/// it came as a JSON integer (`10001`) rather than a string (`"10001"`),
/// which is how it is written back. The two spellings are the same code:
/// they compare and hash alike.
///
/// ```
/// use sso_errors::merchant::{Code, ErrorBody};
///
/// let input = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":10001,"description":"Invalid password"}]}"#;
/// let body = ErrorBody::parse(input)?;
/// let code = &body.message()[0].code;
/// assert_eq!(code, "10001");
/// assert!(code.is_number());
/// assert_eq!(body.to_json().as_bytes(), input);
/// assert_eq!(*code, Code::from("10001"));
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Clone, Eq)]
pub struct Code<'a> {
    text: Cow<'a, str>,
    number: bool,
}

impl Code<'_> {
    /// The code's decimal or other text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the wire carried it as a JSON integer.
    #[must_use]
    pub const fn is_number(&self) -> bool {
        self.number
    }

    /// The same code, owning its text.
    #[must_use]
    pub fn into_owned(self) -> Code<'static> {
        Code {
            text: Cow::Owned(self.text.into_owned()),
            number: self.number,
        }
    }
}

/// A code written as a JSON string.
impl<'a> From<&'a str> for Code<'a> {
    fn from(text: &'a str) -> Self {
        Self {
            text: Cow::Borrowed(text),
            number: false,
        }
    }
}

/// A code written as a JSON string.
impl From<String> for Code<'_> {
    fn from(text: String) -> Self {
        Self {
            text: Cow::Owned(text),
            number: false,
        }
    }
}

/// A code written as a JSON string.
impl<'a> From<Cow<'a, str>> for Code<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Self {
            text,
            number: false,
        }
    }
}

/// A code written as a JSON integer.
impl From<u64> for Code<'_> {
    fn from(number: u64) -> Self {
        Self {
            // A documented code needs no allocation.
            text: ErrorCode::code_for_number(number)
                .map_or_else(|| Cow::Owned(number.to_string()), Cow::Borrowed),
            number: true,
        }
    }
}

impl core::ops::Deref for Code<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Code<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Code<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl PartialEq<str> for Code<'_> {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Code<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for Code<'_> {
    fn eq(&self, other: &String) -> bool {
        self.text == other.as_str()
    }
}

impl std::hash::Hash for Code<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Debug for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.number {
            f.write_str(&self.text)
        } else {
            fmt::Debug::fmt(&*self.text, f)
        }
    }
}

/// Writes the code's text.
impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl serde::Serialize for Code<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Field::write(self, s)
    }
}

impl<'de> serde::Deserialize<'de> for Code<'static> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <Code<'static> as Field<'static>>::read::<body::Own, D>(d)
    }
}

impl<'a> Field<'a> for Code<'a> {
    type Owned = Code<'static>;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CodeVisitor::<M>(PhantomData))
    }

    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.number {
            if let Ok(number) = self.text.parse::<u64>() {
                return s.serialize_u64(number);
            }
            if let Ok(number) = self.text.parse::<i64>() {
                return s.serialize_i64(number);
            }
        }
        s.serialize_str(&self.text)
    }

    fn into_owned(self) -> Code<'static> {
        Code::into_owned(self)
    }
}

struct CodeVisitor<'a, M>(PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for CodeVisitor<'a, M> {
    type Value = Code<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`code` as a string or an integer")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Code::from(M::str(Cow::Borrowed(v))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Code::from(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Code::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Code::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Ok(Code {
                text: Cow::Owned(v.to_string()),
                number: true,
            }),
        }
    }

    refuse!('de; bool f64 unit seq map);
}

impl<'a> Field<'a> for Description<'a> {
    type Owned = Description<'static>;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Cow::<'a, str>::read::<M, D>(d).map(Description::from_cow)
    }

    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, s)
    }

    fn into_owned(self) -> Description<'static> {
        Description::into_owned(self)
    }
}
body! {
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
    /// unknown codes, `errorName`s and descriptions kept, and a `code`
    /// received as a JSON integer written back as one. Standard members' strings are written with standard
    /// JSON escaping, so a character escaped where it need not be (`\/`,
    /// `\u00e9`) comes back plain (`/`, `é`); extra members are kept byte for
    /// byte. A body built in
    /// code is written in the documented order (`message`; `errorName`, `code`,
    /// `description`), extra members last.
    ///
    /// **An empty `message` list** does not report any error: parsing it is
    /// [`Category::NotAnErrorBody`](crate::Category::NotAnErrorBody), and an `ErrorBody` always holds at least one
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
    /// assert_eq!(body.http_status(), 403);
    /// assert_eq!(body.to_json().as_bytes(), input);
    /// # Ok::<(), sso_errors::Error>(())
    /// ```
    pub struct ErrorBody<'a>: "a merchant error body object", vendor = Merchant, pages = true,
        check = not_empty {
        message: List<ErrorEntry<'a>> = "message",
    }
}

/// An empty `message` list reports no error.
fn not_empty(body: &ErrorBody<'_>) -> Result<(), Mismatch> {
    if body.message.is_empty() {
        Err(Mismatch::NotAnErrorBody("an empty `message` list"))
    } else {
        Ok(())
    }
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
            message: List::one(entry),
            members: Members::new(),
            layout: body::Layout::default(),
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
    /// refused); 400, the status of the API's validation errors, when no
    /// entry is documented.
    #[must_use]
    pub fn http_status(&self) -> u16 {
        self.message()
            .iter()
            .find_map(ErrorEntry::http_status)
            .unwrap_or(400)
    }

    /// What the body means for the caller: its first entry's
    /// [`kind`](ErrorEntry::kind).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.message()
            .first()
            .map_or(ErrorKind::Unspecified, ErrorEntry::kind)
    }

    /// The entries' codes, as the wire spells them.
    #[must_use]
    pub fn codes(&self) -> Vec<Cow<'_, str>> {
        self.message()
            .iter()
            .map(|entry| Cow::Borrowed(entry.code.as_ref()))
            .collect()
    }

    /// Whether sending the same request again later may succeed: every entry
    /// is retryable (the per-minute token-generation limit).
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        crate::kind::every_code_retryable(self.message().iter().map(ErrorEntry::is_retryable))
    }
}

impl crate::text::LogLine for ErrorBody<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error", Vendor::Merchant)?;
        for (i, entry) in self.message().iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            fmt::Display::fmt(entry, f)?;
        }
        Ok(())
    }
}

log_line! {
    /// `merchant User Management error: 10001 VALIDATION_GENERAL_FAILURE: Invalid
    /// password; 10001 VALIDATION_GENERAL_FAILURE: Invalid email x`.
    ErrorBody<'_>;
}

impl std::error::Error for ErrorBody<'_> {}
