//! The crate's own errors. Each carries the offending input (truncated to
//! [`Snippet::CAPACITY`] bytes) and says what was expected.

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
        let mut end = input.len().min(Self::CAPACITY);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; Self::CAPACITY];
        bytes[..end].copy_from_slice(&input.as_bytes()[..end]);
        Self {
            bytes,
            // `end` is at most CAPACITY (64), so it fits.
            len: u8::try_from(end).unwrap_or(0),
            original_len: input.len(),
        }
    }

    /// Like [`new`](Self::new), for raw bytes: invalid UTF-8 is replaced by
    /// the longest valid prefix.
    #[must_use]
    pub fn from_bytes(input: &[u8]) -> Self {
        let head = &input[..input.len().min(Self::CAPACITY)];
        let text = match core::str::from_utf8(head) {
            Ok(text) => text,
            Err(e) => core::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
        };
        let mut snippet = Self::new(text);
        snippet.original_len = input.len();
        snippet
    }

    /// The kept part of the input.
    #[must_use]
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
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

/// Shows the kept input quoted and escaped, with the full length when cut.
impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())?;
        if self.is_truncated() {
            write!(f, "… ({} bytes in all)", self.original_len)?;
        }
        Ok(())
    }
}

/// A string that is not a code of the catalog it was looked up in.
///
/// ```
/// use sso_errors::zato::SubStatus;
///
/// let err = "E999999".parse::<SubStatus>().unwrap_err();
/// assert_eq!(err.input().as_str(), "E999999");
/// assert_eq!(err.to_string(), r#"unknown Zato SSO sub-status code "E999999""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unknown {vendor} {noun} code {input}")]
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

    /// The input that was not found.
    #[must_use]
    pub const fn input(&self) -> &Snippet {
        &self.input
    }
}

/// Everything that can go wrong when parsing a vendor's body.
///
/// Every variant names the vendor, what was expected, and carries the
/// offending input as a [`Snippet`].
#[cfg(feature = "std")]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A code that the catalog does not hold, where only known codes are
    /// accepted.
    #[error(transparent)]
    UnknownCode(#[from] UnknownCode),

    /// The input is not JSON, or is JSON of the wrong shape for the vendor's
    /// body.
    #[error("malformed {vendor} body at line {line}, column {column}: {reason}; input: {input}")]
    Malformed {
        /// The vendor whose body was expected.
        vendor: Vendor,
        /// What was wrong, and what was expected instead.
        reason: String,
        /// 1-based line of the problem (0 when not known).
        line: usize,
        /// 1-based column of the problem (0 when not known).
        column: usize,
        /// The start of the input.
        input: Snippet,
    },

    /// The input is another vendor's error body.
    #[error("expected a {expected} error body, found a {found} one; input: {input}")]
    WrongVendor {
        /// The vendor whose body was expected.
        expected: Vendor,
        /// The vendor the body looks like.
        found: Vendor,
        /// The start of the input.
        input: Snippet,
    },

    /// The input is not an error body at all: a success body, an HTML page,
    /// an empty body.
    #[error("not a {vendor} error body{}: {what}; input: {input}", DisplayStatus(*.status))]
    NotAnErrorBody {
        /// The vendor whose body was expected.
        vendor: Vendor,
        /// The HTTP status the input came with, when the caller gave it.
        status: Option<u16>,
        /// What the input is instead.
        what: &'static str,
        /// The start of the input.
        input: Snippet,
    },
}

#[cfg(feature = "std")]
struct DisplayStatus(Option<u16>);

#[cfg(feature = "std")]
impl fmt::Display for DisplayStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(status) => write!(f, " (HTTP {status})"),
            None => Ok(()),
        }
    }
}

#[cfg(feature = "std")]
impl Error {
    /// The vendor whose body or code was expected.
    #[must_use]
    pub const fn vendor(&self) -> Vendor {
        match self {
            Self::UnknownCode(e) => e.vendor(),
            Self::Malformed { vendor, .. } | Self::NotAnErrorBody { vendor, .. } => *vendor,
            Self::WrongVendor { expected, .. } => *expected,
        }
    }

    /// The start of the offending input.
    #[must_use]
    pub const fn input(&self) -> &Snippet {
        match self {
            Self::UnknownCode(e) => e.input(),
            Self::Malformed { input, .. }
            | Self::WrongVendor { input, .. }
            | Self::NotAnErrorBody { input, .. } => input,
        }
    }

    /// A [`Malformed`](Self::Malformed) error from a `serde_json` error,
    /// unless the input is recognisably another vendor's body.
    pub(crate) fn from_json(vendor: Vendor, err: &serde_json::Error, input: &[u8]) -> Self {
        if !err.is_syntax() && !err.is_eof() {
            if let Some(found) = crate::detect::detect(input) {
                if found != vendor {
                    return Self::WrongVendor {
                        expected: vendor,
                        found,
                        input: Snippet::from_bytes(input),
                    };
                }
            }
        }
        let mut reason = err.to_string();
        // serde_json appends " at line L column C"; we report those apart.
        if let Some(at) = reason.rfind(" at line ") {
            reason.truncate(at);
        }
        Self::Malformed {
            vendor,
            reason,
            line: err.line(),
            column: err.column(),
            input: Snippet::from_bytes(input),
        }
    }
}
