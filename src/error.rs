//! The crate's own errors. Each says what was expected and where, and keeps
//! a bounded copy of the offending input for those who ask for it: messages
//! never quote the input's values, since they end up in logs and the input
//! may carry session tokens.

use core::fmt;

use crate::{Catalog, Vendor};

/// A short, inline copy of an offending input, for error messages.
///
/// It holds at most [`CAPACITY`](Self::CAPACITY) bytes of the input, cut at a
/// character boundary, and remembers the input's full length. It never
/// allocates, so it is available without `std`.
///
/// ```
/// use sso_errors::Snippet;
///
/// let long = "x".repeat(1000);
/// let snippet = Snippet::new(&long);
/// assert_eq!(snippet.as_str().len(), Snippet::CAPACITY);
/// assert!(snippet.is_truncated());
/// assert_eq!(snippet.original_len(), 1000);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Snippet {
    bytes: [u8; Snippet::CAPACITY],
    len: u8,
    original_len: usize,
}

impl Snippet {
    /// How many bytes of the input are kept.
    pub const CAPACITY: usize = 64;

    /// Copies at most [`CAPACITY`](Self::CAPACITY) bytes of `input`.
    #[must_use]
    pub fn new(input: &str) -> Self {
        let end = Self::kept_len(input);
        let mut bytes = [0; Self::CAPACITY];
        if let (Some(to), Some(from)) = (bytes.get_mut(..end), input.as_bytes().get(..end)) {
            to.copy_from_slice(from);
        }
        Self {
            bytes,
            // `end` is at most CAPACITY (64), so it fits.
            len: u8::try_from(end).unwrap_or(0),
            original_len: input.len(),
        }
    }

    /// How many bytes of `input` are kept: at most
    /// [`CAPACITY`](Self::CAPACITY), cut back to a character boundary.
    fn kept_len(input: &str) -> usize {
        crate::text::cut_len(input, Self::CAPACITY)
    }

    /// Like [`new`](Self::new), for raw bytes: invalid UTF-8 is replaced by
    /// the longest valid prefix.
    #[must_use]
    pub fn from_bytes(input: &[u8]) -> Self {
        let head = input.get(..Self::CAPACITY).unwrap_or(input);
        let text = match core::str::from_utf8(head) {
            Ok(text) => text,
            Err(e) => core::str::from_utf8(head.get(..e.valid_up_to()).unwrap_or_default())
                .unwrap_or_default(),
        };
        let mut snippet = Self::new(text);
        snippet.original_len = input.len();
        snippet
    }

    /// The kept part of the input.
    #[must_use]
    pub fn as_str(&self) -> &str {
        let kept = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        core::str::from_utf8(kept).unwrap_or_default()
    }

    /// The length in bytes of the whole input.
    #[must_use]
    pub const fn original_len(&self) -> usize {
        self.original_len
    }

    /// Whether part of the input was cut off.
    #[must_use]
    pub const fn is_truncated(&self) -> bool {
        self.original_len > self.len as usize
    }
}

impl fmt::Debug for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Shows the kept input quoted, with control and bidirectional-override
/// characters escaped, and the full length when cut.
impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        write_escaped(f, self.as_str())?;
        f.write_str("\"")?;
        if self.is_truncated() {
            write!(f, "… ({} bytes in all)", self.original_len)?;
        }
        Ok(())
    }
}

/// A string that is not a code of the catalog it was looked up in.
///
/// Its message and its `Debug` name the catalog and the input's length,
/// never the input: what was sent where a code belongs may be anything (a
/// one-time password sent as a status, a session token). The input is
/// behind [`input`](Self::input), for those who decide to show it.
///
/// ```
/// use sso_errors::zato::SubStatus;
///
/// let err = "E999999".parse::<SubStatus>().unwrap_err();
/// assert_eq!(err.input().as_str(), "E999999");
/// assert_eq!(err.to_string(), "unknown Zato SSO sub-status code of 7 bytes");
/// assert!(!format!("{err:?}").contains("E999999"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unknown {vendor} {noun} code of {} bytes", input.original_len())]
pub struct UnknownCode {
    vendor: Vendor,
    noun: &'static str,
    input: Snippet,
}

impl UnknownCode {
    /// The error for `input` not being a code of catalog `C`.
    #[must_use]
    pub fn new<C: Catalog>(input: &str) -> Self {
        Self {
            vendor: C::VENDOR,
            noun: C::NOUN,
            input: Snippet::new(input),
        }
    }

    /// The vendor whose catalog was searched.
    #[must_use]
    pub const fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// What was looked for (`"sub-status"`, `"status"`, …).
    #[must_use]
    pub const fn noun(&self) -> &'static str {
        self.noun
    }

    /// The input that was not found: its start, at most
    /// [`Snippet::CAPACITY`] bytes, and its length. It may be a secret.
    #[must_use]
    pub const fn input(&self) -> &Snippet {
        &self.input
    }
}

/// The catalog and the input's length, never the input.
impl fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownCode")
            .field("vendor", &self.vendor)
            .field("noun", &self.noun)
            .field("bytes", &self.input.original_len())
            .finish()
    }
}

#[cfg(feature = "std")]
pub(crate) use crate::text::Bounded;
pub(crate) use crate::text::write_escaped;

/// What kind of failure an [`Error`] is, in the spirit of
/// `serde_json::Error::classify`.
///
/// ```
/// use sso_errors::{Category, zato::Response};
///
/// assert_eq!(Response::parse(b"{").unwrap_err().category(), Category::Eof);
/// assert_eq!(Response::parse(b"{]").unwrap_err().category(), Category::Syntax);
/// assert_eq!(Response::parse(br#"{"status":"ok"}"#).unwrap_err().category(), Category::Data);
/// ```
#[cfg(feature = "std")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Category {
    /// The input is not valid JSON.
    Syntax,
    /// The input ends in the middle of a JSON value.
    Eof,
    /// Valid JSON of the wrong shape for the vendor's body: a missing or
    /// repeated member, a member of the wrong type, a value out of range.
    Data,
    /// A code the catalog does not hold, where only known codes are accepted.
    UnknownCode,
    /// Another vendor's error body.
    WrongVendor,
    /// Not an error body at all: a success body, an HTML page, an empty body.
    NotAnErrorBody,
    /// A response of unknown origin that is no vendor's error body.
    Unrecognized,
    /// A response of unknown origin that several vendors could have sent:
    /// give the vendor.
    Ambiguous,
}

/// One row per category: its identifier and its words.
#[cfg(feature = "std")]
macro_rules! categories {
    ($($category:ident $id:ident $words:literal;)+) => {
        impl Category {
            /// Every category.
            pub const ALL: &'static [Self] = &[$(Self::$category),+];

            /// The category's identifier, in snake case (`not_an_error_body`):
            /// what serde writes and [`from_id`](Self::from_id) reads, stable
            /// across releases.
            ///
            /// ```
            /// use sso_errors::Category;
            ///
            /// assert_eq!(Category::NotAnErrorBody.id(), "not_an_error_body");
            /// assert_eq!(Category::from_id("eof"), Some(Category::Eof));
            /// assert_eq!(Category::Eof.to_string(), "truncated JSON");
            /// ```
            #[must_use]
            pub const fn id(self) -> &'static str {
                match self { $(Self::$category => stringify!($id),)+ }
            }

            /// The category in words, as [`Display`](fmt::Display) writes it.
            #[must_use]
            pub const fn words(self) -> &'static str {
                match self { $(Self::$category => $words,)+ }
            }

            /// The category with this [`id`](Self::id), if any.
            #[must_use]
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $(stringify!($id) => Some(Self::$category),)+ _ => None }
            }
        }
    };
}

#[cfg(feature = "std")]
categories! {
    Syntax syntax "invalid JSON";
    Eof eof "truncated JSON";
    Data data "wrong shape";
    UnknownCode unknown_code "unknown code";
    WrongVendor wrong_vendor "another vendor's body";
    NotAnErrorBody not_an_error_body "not an error body";
    Unrecognized unrecognized "no vendor's body";
    Ambiguous ambiguous "ambiguous body";
}

/// Writes the category in [`words`](Category::words).
#[cfg(feature = "std")]
impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

serde_as_id!(Category, "category", |id| {
    Category::from_id(id).ok_or("expected the id of a Category, such as `syntax`")
});

/// Everything that can go wrong when reading a vendor's body or code.
///
/// One pointer wide, so that `Result<T, Error>` stays small. Its `Display`
/// says what was expected and where (member, line and column), and what kind
/// of value was found (`a string`, `an integer`); it never quotes a value of
/// the input, not even a code that was looked up, so that a message cannot
/// carry a session token or a one-time password into a log. The start of the
/// input is kept, escaped and bounded, behind [`snippet`](Self::snippet). It
/// has no [`source`](std::error::Error::source): the message is the whole
/// story, and `serde_json`'s own error, which quotes the input's values, is
/// not kept.
///
/// ```
/// use sso_errors::{Category, Vendor, openam::ErrorBody};
///
/// let err = ErrorBody::parse(br#"{"code":"404","reason":"Not Found"}"#).unwrap_err();
/// assert_eq!(err.category(), Category::Data);
/// assert_eq!(err.vendor(), Some(Vendor::OpenAm));
/// assert_eq!(err.member(), Some("code"));
/// assert_eq!((err.line(), err.column()), (1, 13));
/// assert_eq!(
///     err.to_string(),
///     "malformed OpenAM body at line 1, column 13, member `code`: invalid type: a string, expected a status code number",
/// );
/// assert!(std::mem::size_of::<sso_errors::Error>() <= 16);
/// ```
#[cfg(feature = "std")]
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[cfg(feature = "std")]
#[derive(Clone, PartialEq, Eq)]
struct Inner {
    category: Category,
    /// The vendor whose body was expected; `None` when no vendor was.
    vendor: Option<Vendor>,
    /// For [`Category::Ambiguous`], the vendors the body could be from.
    candidates: Option<(Vendor, Vendor)>,
    /// The vendor the body belongs to, for [`Category::WrongVendor`].
    found: Option<Vendor>,
    /// The HTTP status the caller gave.
    status: Option<u16>,
    /// What was wrong and what was expected, free of input values.
    reason: std::borrow::Cow<'static, str>,
    member: Option<&'static str>,
    line: usize,
    column: usize,
    snippet: Snippet,
    unknown: Option<UnknownCode>,
}

#[cfg(feature = "std")]
impl Error {
    fn new(category: Category, vendor: Vendor, input: &[u8]) -> Self {
        Self::without_vendor(category, Some(vendor), input)
    }

    fn without_vendor(category: Category, vendor: Option<Vendor>, input: &[u8]) -> Self {
        Self(Box::new(Inner {
            category,
            vendor,
            candidates: None,
            found: None,
            status: None,
            reason: std::borrow::Cow::Borrowed(""),
            member: None,
            line: 0,
            column: 0,
            snippet: Snippet::from_bytes(input),
            unknown: None,
        }))
    }

    /// The input is another vendor's error body.
    pub(crate) fn wrong_vendor(expected: Vendor, found: Vendor, input: &[u8]) -> Self {
        let mut err = Self::new(Category::WrongVendor, expected, input);
        err.0.found = Some(found);
        err
    }

    /// The input is not an error body: `what` says what it is instead.
    pub(crate) fn not_an_error_body(
        vendor: Vendor,
        status: Option<u16>,
        what: &'static str,
        input: &[u8],
    ) -> Self {
        let mut err = Self::new(Category::NotAnErrorBody, vendor, input);
        err.0.status = status;
        err.0.reason = std::borrow::Cow::Borrowed(what);
        err
    }

    /// Records the HTTP status the input came with.
    #[must_use]
    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.0.status = Some(status);
        self
    }

    /// What kind of failure this is.
    #[must_use]
    pub fn category(&self) -> Category {
        self.0.category
    }

    /// The vendor whose body or code was expected; `None` for a body of
    /// unknown origin that no vendor's ([`Category::Unrecognized`],
    /// [`Category::Ambiguous`]).
    #[must_use]
    pub fn vendor(&self) -> Option<Vendor> {
        self.0.vendor
    }

    /// For [`Category::Ambiguous`], two vendors the body could be from.
    #[must_use]
    pub fn candidates(&self) -> Option<(Vendor, Vendor)> {
        self.0.candidates
    }

    /// A response of unknown origin that is no vendor's error body: `what`
    /// says what it is.
    pub(crate) fn unrecognized(status: u16, what: &'static str, input: &[u8]) -> Self {
        let mut err = Self::without_vendor(Category::Unrecognized, None, input);
        err.0.status = Some(status);
        err.0.reason = std::borrow::Cow::Borrowed(what);
        err
    }

    /// A response of unknown origin that two vendors could have sent.
    pub(crate) fn ambiguous(status: u16, first: Vendor, second: Vendor, input: &[u8]) -> Self {
        let mut err = Self::without_vendor(Category::Ambiguous, None, input);
        err.0.status = Some(status);
        err.0.candidates = Some((first, second));
        err
    }

    /// For [`Category::WrongVendor`], the vendor the body belongs to.
    #[must_use]
    pub fn found_vendor(&self) -> Option<Vendor> {
        self.0.found
    }

    /// The HTTP status the input came with, when the caller gave it.
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.0.status
    }

    /// What was wrong and what was expected instead (`missing field `cid``,
    /// `an HTML page`), without the position: the message's last part.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The member being read when the error occurred, when known.
    #[must_use]
    pub fn member(&self) -> Option<&'static str> {
        self.0.member
    }

    /// The 1-based line of the problem in the input (0 when not known).
    #[must_use]
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The 1-based column of the problem in the input (0 when not known).
    #[must_use]
    pub fn column(&self) -> usize {
        self.0.column
    }

    /// For [`Category::UnknownCode`], the code that was not found.
    #[must_use]
    pub fn unknown_code(&self) -> Option<&UnknownCode> {
        self.0.unknown.as_ref()
    }

    /// The start of the offending input, at most [`Snippet::CAPACITY`]
    /// bytes. It may hold secrets (a session token): it is not part of the
    /// message, and is for callers who decide to show it.
    #[must_use]
    pub fn snippet(&self) -> &Snippet {
        &self.0.snippet
    }

    /// A [`Category::Data`], [`Syntax`](Category::Syntax) or
    /// [`Eof`](Category::Eof) error from a `serde_json` error, unless the
    /// input is recognisably another vendor's body.
    pub(crate) fn from_json(vendor: Vendor, err: &serde_json::Error, input: &[u8]) -> Self {
        let category = match err.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                Category::Syntax
            }
            serde_json::error::Category::Eof => Category::Eof,
            serde_json::error::Category::Data => Category::Data,
        };
        if category == Category::Data {
            if let Some(found) = crate::detect::detect(input) {
                if found != vendor {
                    return Self::wrong_vendor(vendor, found, input);
                }
            }
        }
        let mut out = Self::new(category, vendor, input);
        out.0.reason = std::borrow::Cow::Owned(reason_of(err));
        out.0.member = crate::body::failed_member();
        out.0.line = err.line();
        out.0.column = err.column();
        out
    }
}

/// The longest reason kept from a `serde_json` message.
#[cfg(feature = "std")]
const MAX_REASON: usize = 160;

/// `serde_json`'s message without its position, and with the values it
/// quotes from the input (`invalid type: string "AQIC…"`) replaced by what
/// kind of value they are (`a string`).
#[cfg(feature = "std")]
pub(crate) fn reason_of(err: &serde_json::Error) -> String {
    let text = err.to_string();
    // serde_json appends " at line L column C"; it is reported apart.
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    let mut reason = String::new();
    // The expectation is the crate's own text, and comes last; what stands
    // between it and the prefix describes the input.
    let quoting = ["invalid type: ", "invalid value: "]
        .into_iter()
        .find_map(|prefix| Some((prefix, text.strip_prefix(prefix)?)))
        .and_then(|(prefix, rest)| Some((prefix, rest.split_at(rest.rfind(", expected ")?))));
    match quoting {
        Some((prefix, (found, expected))) => {
            reason.push_str(prefix);
            reason.push_str(kind_of_value(found));
            reason.push_str(expected);
        }
        _ if text.starts_with("unknown variant ") || text.starts_with("unknown field ") => {
            reason.push_str(text.split('`').next().unwrap_or(text).trim_end());
            if let Some(at) = text.rfind(", expected ") {
                reason.push_str(&text[at..]);
            }
        }
        _ => reason.push_str(text),
    }
    if reason.len() > MAX_REASON {
        reason.truncate(crate::text::cut_len(&reason, MAX_REASON));
        reason.push('…');
    }
    reason
}

/// What kind of value serde's description of an unexpected value names.
#[cfg(feature = "std")]
fn kind_of_value(found: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        // The crate's own visitors name the type already (`refuse!`).
        ("a string", "a string"),
        ("an integer", "an integer"),
        ("a number", "a number"),
        ("a boolean", "a boolean"),
        ("an object", "an object"),
        ("an array", "an array"),
        ("string", "a string"),
        ("integer", "an integer"),
        ("floating point", "a number"),
        ("boolean", "a boolean"),
        ("map", "an object"),
        ("sequence", "an array"),
        ("unit", "null"),
        ("null", "null"),
        ("character", "a string"),
    ];
    KINDS
        .iter()
        .find(|(prefix, _)| found.starts_with(prefix))
        .map_or("another value", |(_, kind)| kind)
}

#[cfg(feature = "std")]
impl From<UnknownCode> for Error {
    fn from(unknown: UnknownCode) -> Self {
        let mut err = Self::new(Category::UnknownCode, unknown.vendor(), b"");
        err.0.snippet = *unknown.input();
        err.0.unknown = Some(unknown);
        err
    }
}

#[cfg(feature = "std")]
impl crate::text::LogLine for Error {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &*self.0;
        let vendor = e.vendor.map_or("a", Vendor::with_article);
        let name = e.vendor.map_or("", Vendor::name);
        match e.category {
            Category::UnknownCode => match &e.unknown {
                Some(unknown) => fmt::Display::fmt(unknown, f),
                None => write!(f, "unknown {name} code"),
            },
            Category::WrongVendor => {
                let found = e.found.map_or("another vendor's", Vendor::with_article);
                write!(f, "expected {vendor} error body, found {found} one")
            }
            Category::NotAnErrorBody | Category::Unrecognized => {
                match e.vendor {
                    Some(_) => write!(f, "not {vendor} error body")?,
                    None => f.write_str("not an error body of any vendor")?,
                }
                if let Some(status) = e.status {
                    write!(f, " (HTTP {status})")?;
                }
                write!(f, ": {}", e.reason)
            }
            Category::Ambiguous => {
                f.write_str("ambiguous error body")?;
                if let Some(status) = e.status {
                    write!(f, " (HTTP {status})")?;
                }
                if let Some((first, second)) = e.candidates {
                    write!(
                        f,
                        ": it could be {} or {} one; give the vendor",
                        first.with_article(),
                        second.with_article()
                    )?;
                }
                Ok(())
            }
            Category::Syntax | Category::Eof | Category::Data => {
                write!(f, "malformed {name} body")?;
                if e.line > 0 {
                    write!(f, " at line {}, column {}", e.line, e.column)?;
                }
                if let Some(member) = e.member {
                    write!(f, ", member `{member}`")?;
                }
                write!(f, ": {}", e.reason)
            }
        }
    }
}

log_line! {
    #[cfg(feature = "std")]
    Error;
}

/// Shows the category, the vendor and the message; like `Display`, never
/// the input's values.
#[cfg(feature = "std")]
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Fields<'e>(&'e Error);
        impl fmt::Debug for Fields<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let e = self.0;
                f.debug_struct("Error")
                    .field("category", &e.0.category)
                    .field("vendor", &e.0.vendor)
                    .field("message", &format_args!("{e}"))
                    .finish()
            }
        }
        crate::text::capped_debug(f, &Fields(self))
    }
}

/// No [`source`](std::error::Error::source): the message says all, and
/// what caused it (`serde_json`'s error) quotes the input's values.
#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use serde::de::Error as _;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only ever refused")]
    enum Known {
        A,
        B,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only ever refused")]
    struct Strict {
        a: u8,
    }

    #[test]
    fn a_reason_names_the_kind_of_value_never_the_value() {
        let err = serde_json::from_str::<Known>(r#""AQICsecret""#).unwrap_err();
        assert_eq!(reason_of(&err), "unknown variant, expected `A` or `B`");
        let err = serde_json::from_str::<Strict>(r#"{"AQICsecret":1}"#).unwrap_err();
        assert_eq!(reason_of(&err), "unknown field, expected `a`");
        let err = serde_json::from_str::<u8>(r#""AQICsecret""#).unwrap_err();
        assert_eq!(reason_of(&err), "invalid type: a string, expected u8");
        let err = serde_json::from_str::<u8>("300").unwrap_err();
        assert_eq!(reason_of(&err), "invalid value: an integer, expected u8");
        let err = serde_json::from_str::<Vec<u8>>("[").unwrap_err();
        assert_eq!(reason_of(&err), "EOF while parsing a list");
    }

    #[test]
    fn an_error_names_its_position_when_it_has_one() {
        let err = Error::from_json(Vendor::Zato, &serde_json::Error::custom("bad"), b"{}");
        assert_eq!(err.to_string(), "malformed Zato SSO body: bad");
        let err = crate::zato::Response::parse(b"{").unwrap_err();
        let message = "malformed Zato SSO body at line 1, column 1: EOF while parsing an object";
        assert_eq!(err.to_string(), message);
        assert_eq!(
            format!("{err:?}"),
            format!("Error {{ category: Eof, vendor: Some(Zato), message: {message} }}")
        );
    }

    #[test]
    fn a_reason_is_cut_at_a_character_boundary() {
        let exact = "a".repeat(MAX_REASON);
        assert_eq!(reason_of(&serde_json::Error::custom(&exact)), exact);
        let over = format!("{exact}a");
        assert_eq!(
            reason_of(&serde_json::Error::custom(over)),
            format!("{exact}…")
        );
        // The cut falls inside the last `é`, which goes whole.
        let across = format!("a{}", "é".repeat(MAX_REASON / 2));
        let cut = format!("a{}…", "é".repeat(MAX_REASON / 2 - 1));
        assert_eq!(reason_of(&serde_json::Error::custom(across)), cut);
    }
}
