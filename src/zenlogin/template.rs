//! Detail templates: the placeholders in a code's text, filling them in, and
//! reading them back from a received `detail`.
//!
//! A placeholder is `$name` (a letter, then letters, digits or `_`) or
//! `{{name}}`. Zenlogin's texts hold `$value` (the caller's input echoed back)
//! and, in 3001, `{{owner.emailAddress}}` and `{{identityEmailAddress}}`.

use core::fmt;

use super::ErrorCode;
use crate::Snippet;

/// The most placeholders one detail text holds (3001 has two). Checked at
/// compile time against every text of the catalog.
const MAX_PLACEHOLDERS: usize = 2;

const _: () = {
    let mut rest: &[ErrorCode] = ErrorCode::ALL;
    while let [code, tail @ ..] = rest {
        assert!(
            code.arity() <= MAX_PLACEHOLDERS,
            "a Zenlogin text holds more placeholders than `Values` can hold"
        );
        rest = tail;
    }
};

/// The longest value, in bytes, that rendering echoes into a detail: 64 KiB.
///
/// Echoed values come from the caller and are untrusted. Rendering never
/// alters them (no truncation, no escaping: the JSON serializer escapes what
/// JSON needs), so a longer value is refused with
/// [`RenderError::ValueTooLong`] instead of being written. Parsing has no
/// such cap: a received detail is kept as is, whatever its length.
pub const MAX_VALUE_LEN: usize = 64 * 1024;

/// A placeholder in a detail text, as the text spells it (`$value`,
/// `{{owner.emailAddress}}`).
///
/// ```
/// use sso_errors::zenlogin::ErrorCode;
///
/// let names: Vec<_> = ErrorCode::AccountPendingApproval.placeholders().map(|p| p.name()).collect();
/// assert_eq!(names, ["owner.emailAddress", "identityEmailAddress"]);
/// assert_eq!(ErrorCode::InvalidApplicationKey.placeholders().next().unwrap().token(), "$value");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Placeholder {
    token: &'static str,
}

impl Placeholder {
    /// The placeholder exactly as the text spells it (`$value`,
    /// `{{identityEmailAddress}}`).
    #[must_use]
    pub const fn token(self) -> &'static str {
        self.token
    }

    /// The placeholder's name, without `$` or braces (`value`,
    /// `identityEmailAddress`).
    #[must_use]
    pub fn name(self) -> &'static str {
        let token = self.token;
        token
            .strip_prefix('$')
            .or_else(|| token.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")))
            .unwrap_or(token)
    }

    /// Whether `key` is this placeholder's [`token`](Self::token) or
    /// [`name`](Self::name).
    fn is(self, key: &str) -> bool {
        self.token == key || self.name() == key
    }
}

/// Writes the [`token`](Placeholder::token).
impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.token)
    }
}

/// A piece of a detail text: literal text or a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Text written as is.
    Literal(&'static str),
    /// A value to fill in.
    Placeholder(Placeholder),
}

/// The pieces of a detail text, in order ([`ErrorCode::segments`]). Literal
/// pieces are never empty.
#[derive(Debug, Clone)]
pub struct Segments {
    text: &'static str,
    at: usize,
}

impl Iterator for Segments {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        let rest = self.text.get(self.at..).filter(|rest| !rest.is_empty())?;
        match next_placeholder(self.text.as_bytes(), self.at) {
            Some((start, end)) if start == self.at => {
                self.at = end;
                let token = self.text.get(start..end)?;
                Some(Segment::Placeholder(Placeholder { token }))
            }
            Some((start, _)) => {
                let literal = self.text.get(self.at..start)?;
                self.at = start;
                Some(Segment::Literal(literal))
            }
            None => {
                self.at = self.text.len();
                Some(Segment::Literal(rest))
            }
        }
    }
}

impl core::iter::FusedIterator for Segments {}

/// The placeholders of a detail text, in order ([`ErrorCode::placeholders`]).
#[derive(Debug, Clone)]
pub struct Placeholders(Segments);

impl Iterator for Placeholders {
    type Item = Placeholder;

    fn next(&mut self) -> Option<Placeholder> {
        self.0.find_map(|segment| match segment {
            Segment::Placeholder(placeholder) => Some(placeholder),
            Segment::Literal(_) => None,
        })
    }
}

impl core::iter::FusedIterator for Placeholders {}

/// The byte range of the first placeholder at or after `from`.
const fn next_placeholder(text: &[u8], from: usize) -> Option<(usize, usize)> {
    use crate::perfect::byte_at;
    let mut at = from;
    while let Some(byte) = byte_at(text, at) {
        let next = byte_at(text, at + 1);
        if byte == b'$' && matches!(next, Some(b) if b.is_ascii_alphabetic()) {
            let mut end = at + 2;
            while matches!(byte_at(text, end), Some(b) if b.is_ascii_alphanumeric() || b == b'_') {
                end += 1;
            }
            return Some((at, end));
        }
        if byte == b'{' && matches!(next, Some(b'{')) {
            let mut end = at + 2;
            while let Some(b) = byte_at(text, end) {
                if b == b'}' && matches!(byte_at(text, end + 1), Some(b'}')) {
                    return Some((at, end + 2));
                }
                end += 1;
            }
        }
        at += 1;
    }
    None
}

/// The byte ranges of the placeholders of `text` (at most
/// [`MAX_PLACEHOLDERS`]) and their number.
fn spans(text: &str) -> ([(usize, usize); MAX_PLACEHOLDERS], usize) {
    let mut spans = [(0, 0); MAX_PLACEHOLDERS];
    let mut len = 0;
    let mut from = 0;
    while let Some(span) = next_placeholder(text.as_bytes(), from) {
        let Some(slot) = spans.get_mut(len) else {
            break;
        };
        *slot = span;
        len += 1;
        from = span.1;
    }
    (spans, len)
}

/// Matches `detail` against `text`: the values, in order, and their number;
/// `None` when `detail` does not match.
///
/// Every placeholder but the last ends at the first occurrence of the literal
/// text that follows it; the last takes everything up to the text's closing
/// literal.
fn match_detail<'d>(text: &str, detail: &'d str) -> Option<([&'d str; MAX_PLACEHOLDERS], usize)> {
    let mut values = [""; MAX_PLACEHOLDERS];
    let (spans, len) = spans(text);
    let (Some(first), Some(last)) = (spans.first(), len.checked_sub(1).and_then(|i| spans.get(i)))
    else {
        return (detail == text).then_some((values, 0));
    };
    let head = text.get(..first.0)?;
    let tail = text.get(last.1..)?;
    let mut rest = detail.strip_prefix(head)?.strip_suffix(tail)?;
    for (at, pair) in spans.get(..len)?.windows(2).enumerate() {
        let separator = text.get(pair.first()?.1..pair.get(1)?.0)?;
        let end = if separator.is_empty() {
            0
        } else {
            rest.find(separator)?
        };
        *values.get_mut(at)? = rest.get(..end)?;
        rest = rest.get(end + separator.len()..)?;
    }
    *values.get_mut(len - 1)? = rest;
    Some((values, len))
}

/// Counts the placeholders of `text`.
const fn count_placeholders(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut from = 0;
    while let Some((_, end)) = next_placeholder(bytes, from) {
        count += 1;
        from = end;
    }
    count
}

impl ErrorCode {
    /// The number of placeholders in the code's text: 0 for a fixed text, 1
    /// for the `$value` codes, 2 for 3001.
    ///
    /// ```
    /// use sso_errors::zenlogin::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::AccountFrozen.arity(), 0);
    /// assert_eq!(ErrorCode::InvalidApplicationKey.arity(), 1);
    /// assert_eq!(ErrorCode::AccountPendingApproval.arity(), 2);
    /// ```
    #[must_use]
    pub const fn arity(self) -> usize {
        count_placeholders(self.description())
    }

    /// The code's text, typed by its number of placeholders: `Some` when the
    /// text has exactly `N`.
    ///
    /// A [`Template<N>`] renders from exactly `N` values, so a code that takes
    /// no value cannot be given one and a code that takes values cannot be
    /// rendered without them. In a `const` item the check happens at compile
    /// time:
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, Template};
    ///
    /// const APPLICATION_KEY: Template<1> = ErrorCode::InvalidApplicationKey.template().unwrap();
    /// assert_eq!(
    ///     APPLICATION_KEY.parse("Invalid *application_key* URL param: appl01234567891")?,
    ///     ["appl01234567891"],
    /// );
    /// assert!(ErrorCode::InvalidApplicationKey.template::<0>().is_none());
    /// # Ok::<(), sso_errors::zenlogin::Mismatch>(())
    /// ```
    ///
    /// ```compile_fail,E0080
    /// use sso_errors::zenlogin::{ErrorCode, Template};
    ///
    /// // 3003 takes one value: no `Template<0>` exists for it.
    /// const NONE: Template<0> = ErrorCode::InvalidApplicationKey.template().unwrap();
    /// ```
    #[must_use]
    pub const fn template<const N: usize>(self) -> Option<Template<N>> {
        if self.arity() == N {
            Some(Template { code: self })
        } else {
            None
        }
    }

    /// The pieces of the code's text: literal text and placeholders.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, Segment};
    ///
    /// let pieces: Vec<_> = ErrorCode::InvalidRequestPath.segments().collect();
    /// assert!(matches!(pieces[..], [Segment::Literal("Invalid request path: "), Segment::Placeholder(_)]));
    /// ```
    #[must_use]
    pub fn segments(self) -> Segments {
        Segments {
            text: self.description(),
            at: 0,
        }
    }

    /// The placeholders of the code's text, in order.
    #[must_use]
    pub fn placeholders(self) -> Placeholders {
        Placeholders(self.segments())
    }

    /// Reads the placeholder values back from a received `detail`.
    ///
    /// The text before the first placeholder and after the last must match
    /// exactly. Every `$value` placeholder ends its text, so the value is
    /// everything after the literal prefix, whatever it holds (quotes,
    /// newlines, the template's own text). In 3001 the two placeholders are
    /// separated by literal text: the first value ends at the **first**
    /// occurrence of that separator, and the second value takes the rest. The
    /// second value is the caller's input (`identity_email_address`), the
    /// first the account owner's address; splitting at the first occurrence
    /// recovers any caller input exactly. The text is ambiguous, and no
    /// reading can tell, only when the owner's address itself contains the
    /// separator (or ends with the start of it).
    ///
    /// The values borrow from `detail`; nothing is allocated.
    ///
    /// ```
    /// use sso_errors::zenlogin::ErrorCode;
    ///
    /// let values = ErrorCode::InvalidApplicationKey.parse_detail("Invalid *application_key* URL param: appl01234567891")?;
    /// assert_eq!(values.get("$value"), Some("appl01234567891"));
    ///
    /// let detail = "While your account is pending approval, email notifications can only be tested for the email address owner@example.com. You are attempting to make a request for the email address: someone@example.com";
    /// let values = ErrorCode::AccountPendingApproval.parse_detail(detail)?;
    /// assert_eq!(values.as_slice(), ["owner@example.com", "someone@example.com"]);
    ///
    /// assert!(ErrorCode::InvalidApplicationKey.parse_detail("Invalid key").is_err());
    /// # Ok::<(), sso_errors::zenlogin::Mismatch>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Mismatch`] when `detail` does not have the code's text around its
    /// placeholders.
    pub fn parse_detail(self, detail: &str) -> Result<Values<'_>, Mismatch> {
        match match_detail(self.description(), detail) {
            Some((slots, len)) => Ok(Values {
                code: self,
                slots,
                len,
            }),
            None => Err(Mismatch {
                code: Some(self),
                detail: Snippet::new(detail),
            }),
        }
    }

    /// Fills the code's placeholders in, in order, from `values`.
    ///
    /// [`template`](Self::template) checks the number of values at compile
    /// time; this checks it when called.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, RenderError};
    ///
    /// assert_eq!(
    ///     ErrorCode::InvalidApplicationKey.render(&["appl01234567891"])?,
    ///     "Invalid *application_key* URL param: appl01234567891",
    /// );
    /// assert!(matches!(
    ///     ErrorCode::AccountFrozen.render(&["unexpected"]),
    ///     Err(RenderError::WrongValueCount { expected: 0, given: 1, .. }),
    /// ));
    /// # Ok::<(), RenderError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RenderError::WrongValueCount`] when `values` does not have one value
    /// per placeholder; [`RenderError::ValueTooLong`] when a value is longer
    /// than [`MAX_VALUE_LEN`].
    #[cfg(feature = "std")]
    pub fn render(self, values: &[&str]) -> Result<String, RenderError> {
        let expected = self.arity();
        if values.len() != expected {
            return Err(RenderError::WrongValueCount {
                code: self,
                expected,
                given: values.len(),
            });
        }
        // The detail's exact length, so that it is allocated once: the text
        // with each placeholder's token replaced by its value.
        let mut len = self.description().len();
        for (placeholder, value) in self.placeholders().zip(values) {
            if value.len() > MAX_VALUE_LEN {
                return Err(RenderError::ValueTooLong {
                    code: self,
                    placeholder,
                    len: value.len(),
                });
            }
            len = len - placeholder.token().len() + value.len();
        }
        // A value holding the text that follows its placeholder would end
        // early when the detail is read back.
        let (spans, count) = spans(self.description());
        for (at, pair) in spans
            .get(..count)
            .unwrap_or_default()
            .windows(2)
            .enumerate()
        {
            let (Some(first), Some(second), Some(value)) =
                (pair.first(), pair.get(1), values.get(at))
            else {
                continue;
            };
            let separator = self
                .description()
                .get(first.1..second.0)
                .unwrap_or_default();
            // With no text between two placeholders, the first value must be
            // empty: an empty separator is found at 0.
            let mut joined = String::with_capacity(value.len() + separator.len());
            joined.push_str(value);
            joined.push_str(separator);
            let ends_early = joined.find(separator) != Some(value.len());
            if ends_early {
                let placeholder = self.placeholders().nth(at);
                if let Some(placeholder) = placeholder {
                    return Err(RenderError::Ambiguous {
                        code: self,
                        placeholder,
                    });
                }
            }
        }
        let mut detail = String::with_capacity(len);
        let mut values = values.iter();
        for segment in self.segments() {
            match segment {
                Segment::Literal(text) => detail.push_str(text),
                Segment::Placeholder(_) => detail.push_str(values.next().copied().unwrap_or("")),
            }
        }
        Ok(detail)
    }
}

/// A code's detail text with exactly `N` placeholders ([`ErrorCode::template`]).
///
/// ```
/// use sso_errors::zenlogin::{ErrorCode, Template};
///
/// let pending: Template<2> = ErrorCode::AccountPendingApproval.template().unwrap();
/// let detail = pending.render(["owner@example.com", "someone@example.com"])?;
/// assert!(detail.ends_with("for the email address: someone@example.com"));
/// assert_eq!(pending.parse(&detail)?, ["owner@example.com", "someone@example.com"]);
///
/// let frozen: Template<0> = ErrorCode::AccountFrozen.template().unwrap();
/// assert_eq!(frozen.detail(), ErrorCode::AccountFrozen.description());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Template<const N: usize> {
    code: ErrorCode,
}

impl<const N: usize> Template<N> {
    /// The code.
    #[must_use]
    pub const fn code(self) -> ErrorCode {
        self.code
    }

    /// The text, with its placeholders.
    #[must_use]
    pub const fn text(self) -> &'static str {
        self.code.description()
    }

    /// Fills the placeholders in, in order.
    ///
    /// # Errors
    ///
    /// [`RenderError::ValueTooLong`] when a value is longer than
    /// [`MAX_VALUE_LEN`].
    #[cfg(feature = "std")]
    pub fn render(self, values: [&str; N]) -> Result<String, RenderError> {
        self.code.render(&values)
    }

    /// Reads the values back from a received `detail`
    /// ([`ErrorCode::parse_detail`]).
    ///
    /// # Errors
    ///
    /// [`Mismatch`] when `detail` does not have the code's text around its
    /// placeholders.
    pub fn parse(self, detail: &str) -> Result<[&str; N], Mismatch> {
        let values = self.code.parse_detail(detail)?;
        Ok(core::array::from_fn(|at| {
            values.slots.get(at).copied().unwrap_or("")
        }))
    }
}

impl Template<0> {
    /// The detail: the text as is, since it has no placeholder.
    #[must_use]
    pub const fn detail(self) -> &'static str {
        self.code.description()
    }
}

/// The placeholder values read back from a detail
/// ([`ErrorCode::parse_detail`]), borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Values<'d> {
    code: ErrorCode,
    slots: [&'d str; MAX_PLACEHOLDERS],
    len: usize,
}

impl<'d> Values<'d> {
    /// The code whose text the detail matched.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The values, in the order of the placeholders.
    #[must_use]
    pub fn as_slice(&self) -> &[&'d str] {
        self.slots.get(..self.len).unwrap_or_default()
    }

    /// The value of a placeholder, by token (`$value`) or name (`value`).
    #[must_use]
    pub fn get(&self, placeholder: &str) -> Option<&'d str> {
        self.iter()
            .find(|(p, _)| p.is(placeholder))
            .map(|(_, value)| value)
    }

    /// Each placeholder with its value, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Placeholder, &'d str)> + '_ {
        self.code
            .placeholders()
            .zip(self.as_slice().iter().copied())
    }

    /// The number of values.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether the text has no placeholder.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A received detail that does not have its code's text around the
/// placeholders ([`ErrorCode::parse_detail`]).
///
/// The detail itself is left untouched where it is (the caller's string, the
/// [`ErrorObject`](super::ErrorObject)'s `detail`); the error holds the code
/// and the start of the detail, so that it owns nothing and can be returned
/// with `?` from any function.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mismatch {
    code: Option<ErrorCode>,
    detail: Snippet,
}

impl Mismatch {
    /// There was nothing to match `detail` against: no known code.
    #[must_use]
    pub fn nothing_to_match(detail: &str) -> Self {
        Self {
            code: None,
            detail: Snippet::new(detail),
        }
    }

    /// The code whose text the detail was matched against; `None` when
    /// there was no known code to match against.
    #[must_use]
    pub const fn code(&self) -> Option<ErrorCode> {
        self.code
    }

    /// The start of the detail, as received.
    #[must_use]
    pub const fn detail(&self) -> &Snippet {
        &self.detail
    }
}

/// `detail does not match the text of Zenlogin error 3003`. The detail
/// echoes the caller's input, so it is not written: it is behind
/// [`detail`](Mismatch::detail).
impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(
                f,
                "detail does not match the text of {} error {code}",
                crate::Vendor::Zenlogin,
            ),
            None => write!(
                f,
                "no known {} code to match the detail against",
                crate::Vendor::Zenlogin
            ),
        }
    }
}

/// The code and the detail's length, never the detail.
impl fmt::Debug for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mismatch")
            .field("code", &self.code)
            .field("detail_bytes", &self.detail.original_len())
            .finish()
    }
}

impl core::error::Error for Mismatch {}

/// Why a detail could not be rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RenderError {
    /// The number of values differs from the number of placeholders.
    WrongValueCount {
        /// The code being rendered.
        code: ErrorCode,
        /// Its number of placeholders.
        expected: usize,
        /// The number of values given.
        given: usize,
    },
    /// A value holds the text that follows its placeholder in the
    /// template, so the detail would read back with a different value
    /// (3001's first address may not hold the words between the two).
    Ambiguous {
        /// The code being rendered.
        code: ErrorCode,
        /// The placeholder the value was for.
        placeholder: Placeholder,
    },
    /// A value is longer than [`MAX_VALUE_LEN`].
    ValueTooLong {
        /// The code being rendered.
        code: ErrorCode,
        /// The placeholder the value was for.
        placeholder: Placeholder,
        /// The value's length in bytes.
        len: usize,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vendor = crate::Vendor::Zenlogin;
        match *self {
            Self::WrongValueCount {
                code,
                expected,
                given,
            } => write!(
                f,
                "{vendor} error {code} takes {expected} value{}, {given} given",
                if expected == 1 { "" } else { "s" }
            ),
            Self::Ambiguous { code, placeholder } => write!(
                f,
                "the value for {placeholder} of {vendor} error {code} holds the text that \
                 follows it, so the detail would not read back the same"
            ),
            Self::ValueTooLong {
                code,
                placeholder,
                len,
            } => write!(
                f,
                "the value for {placeholder} of {vendor} error {code} is {len} bytes long; \
                 at most {MAX_VALUE_LEN} are echoed"
            ),
        }
    }
}

impl core::error::Error for RenderError {}
