//! The machinery every vendor's body is built from: one declaration per
//! JSON object ([`body!`](declare)), one [`Field`] per value shape, JSON
//! values kept verbatim ([`RawJson`]), undefined members kept in place
//! ([`Members`]), and the [`Body`] trait that every vendor body implements.

#[macro_use]
mod declare;
#[macro_use]
mod field;
mod members;
mod rare;
mod raw;
mod scan;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed};

pub(crate) use field::{Borrow, Field, Mode, Own, Seed, Write, read_known, wire};
pub(crate) use members::Layout;
pub use members::Members;
pub(crate) use members::{Member, TextMap};
pub(crate) use rare::Rare;
pub(crate) use raw::CowStr;
pub use raw::RawJson;
pub(crate) use scan::{Key, TopLevel};

use crate::{Error, Vendor};

mod sealed {
    /// Keeps [`Body`](super::Body) to the crate's own bodies.
    pub trait Sealed {}
}

pub(crate) use sealed::Sealed;

/// A vendor's error body: what every body of the crate can do, for code
/// that handles any of them.
///
/// Sealed: only the crate's bodies implement it.
///
/// ```
/// use sso_errors::{Body, Vendor};
///
/// fn round_trip<'a, B: Body<'a>>(input: &'a [u8]) -> Result<bool, sso_errors::Error> {
///     let body = B::parse(input)?;
///     Ok(body.to_json().as_bytes() == input)
/// }
///
/// let body = br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
/// assert!(round_trip::<sso_errors::zato::Response<'_>>(body)?);
/// assert_eq!(<sso_errors::zato::Response<'_> as Body>::VENDOR, Vendor::Zato);
/// # Ok::<(), sso_errors::Error>(())
/// ```
pub trait Body<'a>: Sealed + Sized + Clone + fmt::Debug + PartialEq + serde::Serialize {
    /// The vendor whose body this is.
    const VENDOR: Vendor;

    /// The same body, owning its data.
    type Owned: Body<'static> + serde::de::DeserializeOwned;

    /// Parses a body, borrowing from `input` wherever no unescaping is
    /// needed.
    ///
    /// # Errors
    ///
    /// An [`Error`] saying what is wrong with `input`.
    fn parse(input: &'a [u8]) -> Result<Self, Error>;

    /// Parses a body into one that owns its data, for callers who return or
    /// store it.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse).
    fn parse_owned(input: &[u8]) -> Result<Self::Owned, Error>;

    /// The compact JSON body, in the received key order for a parsed body.
    fn to_json(&self) -> String;

    /// The HTTP status the body is sent with.
    fn http_status(&self) -> u16;

    /// What the body means for the caller: the kind of its first code (see
    /// each body's `kind`).
    fn kind(&self) -> crate::ErrorKind;

    /// Whether the same request may succeed if sent again later: every code
    /// the body carries is retryable.
    fn is_retryable(&self) -> bool;

    /// The codes the body carries, as the wire spells them, known or not
    /// (OpenAM's numbers in decimal).
    fn codes(&self) -> Vec<std::borrow::Cow<'_, str>>;

    /// Detaches the body from the input it borrows from.
    fn into_owned(self) -> Self::Owned;

    /// The body as an HTTP response: its [`http_status`](Self::http_status),
    /// the vendor's `Content-Type` ([`Vendor::media_type`]) and the exact
    /// bytes of [`to_json`](Self::to_json).
    ///
    /// ```
    /// use sso_errors::{Body, zenlogin::{ErrorCode, ErrorDocument, ErrorObject}};
    ///
    /// let error = ErrorObject::render(ErrorCode::InvalidApplicationKey, &["appl0"])?;
    /// let response = ErrorDocument::new([error]).to_http();
    /// assert_eq!(response.status(), 400);
    /// assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
    /// assert_eq!(response.body(), r#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl0"}]}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    fn to_http(&self) -> http::Response<String> {
        crate::integrations::http::response(
            self.http_status(),
            Some(Self::VENDOR.media_type()),
            self.to_json(),
        )
    }
}

/// Why a JSON object is not the body expected, found by the crate rather
/// than by `serde`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mismatch {
    /// A required member is missing.
    Missing(&'static str),
    /// A member appears twice.
    Duplicate(&'static str),
    /// Valid JSON of the wrong shape, with the reason.
    Data(&'static str),
    /// Not an error body: what it is instead.
    NotAnErrorBody(&'static str),
}

impl Mismatch {
    /// The `serde` error that carries the problem out of the parser.
    pub(crate) fn into_error<E: de::Error>(self) -> E {
        match self {
            Self::Missing(name) => E::missing_field(name),
            Self::Duplicate(name) => E::custom(format_args!("duplicate member `{name}`")),
            Self::Data(reason) => E::custom(reason),
            Self::NotAnErrorBody(what) => {
                CONTEXT.with(|c| c.not_an_error_body.set(Some(what)));
                E::custom(what)
            }
        }
    }
}

/// What a failed parse knew beyond `serde_json`'s message: which member it
/// was reading, and whether the input is not an error body at all. Kept per
/// thread so that the happy path carries nothing.
struct Context {
    member: Cell<Option<&'static str>>,
    not_an_error_body: Cell<Option<&'static str>>,
}

thread_local! {
    static CONTEXT: Context = const {
        Context { member: Cell::new(None), not_an_error_body: Cell::new(None) }
    };
}

/// Notes that reading member `name` failed (the innermost member wins).
#[cold]
pub(crate) fn in_member<E>(err: E, name: &'static str) -> E {
    CONTEXT.with(|c| {
        if c.member.get().is_none() {
            c.member.set(Some(name));
        }
    });
    err
}

/// The member whose reading failed, for the error being built.
pub(crate) fn failed_member() -> Option<&'static str> {
    CONTEXT.with(|c| c.member.get())
}

/// Forgets what an earlier failed parse left.
#[inline]
fn reset_context() {
    CONTEXT.with(|c| {
        c.member.set(None);
        c.not_an_error_body.set(None);
    });
}

/// The index of `name` in `names`, at compile time where it can be.
pub(crate) const fn position(names: &[&str], name: &str) -> usize {
    let mut rest = names;
    let mut at = 0;
    while let [first, tail @ ..] = rest {
        if crate::perfect::eq(first.as_bytes(), name.as_bytes()) {
            return at;
        }
        rest = tail;
        at += 1;
    }
    usize::MAX
}

/// Checks at compile time that `order` names every one of `fields` fields
/// once.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated in constants only: a bad index is a build error"
)]
pub(crate) const fn assert_order(order: &[usize], fields: usize) {
    assert!(order.len() == fields, "the order names every member once");
    let mut seen = 0u32;
    let mut at = 0;
    while at < order.len() {
        assert!(order[at] < fields, "the order names a declared member");
        assert!(
            seen & (1 << order[at]) == 0,
            "the order names a member twice"
        );
        seen |= 1 << order[at];
        at += 1;
    }
}

/// A secret member in `Debug`: whether it is there, never its value.
pub(crate) struct Redacted(pub(crate) bool);

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 { "Some(<redacted>)" } else { "None" })
    }
}

/// Parses a whole input as body `T`, borrowing from it, and requires that
/// nothing but whitespace follows.
///
/// Valid UTF-8 (every well-formed body) is checked once, as a whole, and then
/// read as text, so no string is checked again on its own; other input goes
/// through the byte reader, which reports where the bad bytes are.
#[inline]
pub(crate) fn parse_slice<'a, T: Field<'a>>(vendor: Vendor, input: &'a [u8]) -> Result<T, Error> {
    reset_context();
    let result = match core::str::from_utf8(input) {
        Ok(text) => finish(&mut serde_json::Deserializer::from_str(text)).map(|mut value: T| {
            // A walk over the members kept (usually none), cheaper than a
            // scan of the input for a backslash.
            value.respell(text);
            value
        }),
        Err(_) => finish(&mut serde_json::Deserializer::from_slice(input)),
    };
    result.map_err(|e| error_of(vendor, &e, input))
}

#[cold]
#[inline(never)]
fn error_of(vendor: Vendor, err: &serde_json::Error, input: &[u8]) -> Error {
    let not_an_error_body = CONTEXT.with(|c| c.not_an_error_body.get());
    match not_an_error_body {
        Some(what) => match crate::detect::detect(input) {
            Some(found) if found != vendor => Error::wrong_vendor(vendor, found, input),
            _ => Error::not_an_error_body(vendor, None, what, input),
        },
        None => Error::from_json(vendor, err, input),
    }
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

/// Runs `T`'s reader on the whole input of `de`.
#[inline]
fn finish<'a, T: Field<'a>, R: serde_json::de::Read<'a>>(
    de: &mut serde_json::Deserializer<R>,
) -> Result<T, serde_json::Error> {
    let value = Seed::<Borrow, T>::new().deserialize(&mut *de)?;
    de.end()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::assert_order;

    #[test]
    fn an_order_names_every_member_once() {
        assert_order(&[2, 0, 1], 3);
        assert_order(&[], 0);
    }

    #[test]
    #[should_panic(expected = "names every member once")]
    fn an_order_missing_a_member_is_refused() {
        assert_order(&[0, 1], 3);
    }

    #[test]
    #[should_panic(expected = "names a declared member")]
    fn an_order_naming_an_undeclared_member_is_refused() {
        assert_order(&[0, 3, 1], 3);
    }

    #[test]
    #[should_panic(expected = "names a member twice")]
    fn an_order_naming_a_member_twice_is_refused() {
        assert_order(&[1, 2, 1], 3);
    }
}
