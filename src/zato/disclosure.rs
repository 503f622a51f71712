//! Which sub-statuses a caller may see, and which go only to the log.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use super::{Code, Response, Severity, Status, SubStatus};
use crate::error::Bounded;
use crate::{List, Wire};

/// A policy deciding which sub-statuses may be revealed to the caller.
///
/// Zato decides per error whether the specific sub-status may be shown. When
/// it may not, the caller gets the generic `E005001` (`auth.not_allowed`)
/// and the specific code goes only to the server log, so as not to tell an
/// adversary whether a user exists. A hidden warning is dropped from the
/// caller's list (a warning never turns into an error). Unknown codes are
/// hidden unless [`reveal_unknown`](Self::reveal_unknown) says otherwise.
///
/// [`Disclosure::LOGIN`] (also the [`Default`]) matches what the real server
/// does at login: an unknown user (`E001001`), a wrong password (`E003001`),
/// a missing input such as the password (`E008003`), an expired-password
/// error (`E003006`) and disallowed login metadata (`E006001`) all come back
/// as `E005001`.
///
/// ```
/// use sso_errors::zato::{Disclosure, Status, SubStatus};
///
/// let out = Disclosure::LOGIN.disclose("30e22dfde268b7ba0b56ad0d", [SubStatus::UsernameInvalid]);
/// assert_eq!(out.response.to_json(), r#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#);
/// assert_eq!(out.logged, [SubStatus::UsernameInvalid]);
///
/// // A service that may tell the caller about locked accounts:
/// let policy = Disclosure::HIDE_ALL.reveal(SubStatus::AuthLocked);
/// let out = policy.disclose("7bc5", [SubStatus::AuthLocked]);
/// assert!(out.response.has(SubStatus::AuthLocked));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Disclosure {
    /// One bit per [`SubStatus`], by discriminant: set when hidden.
    hidden: u64,
    reveal_unknown: bool,
}

const _: () = assert!(SubStatus::COUNT <= 64, "the hidden set is a u64");

impl Disclosure {
    /// Every known code is revealed; unknown codes are hidden.
    pub const REVEAL_ALL: Self = Self {
        hidden: 0,
        reveal_unknown: false,
    };

    /// Every code is hidden: the caller only ever sees `E005001`.
    pub const HIDE_ALL: Self = Self {
        hidden: u64::MAX,
        reveal_unknown: false,
    };

    /// The real server's behaviour at login (see the type's documentation).
    pub const LOGIN: Self = Self::REVEAL_ALL
        .hide(SubStatus::UsernameInvalid)
        .hide(SubStatus::PasswordInvalid)
        .hide(SubStatus::CommonMissingInput)
        .hide(SubStatus::PasswordEAboutToExp)
        .hide(SubStatus::MetadataNotAllowed);

    const fn bit(code: SubStatus) -> u64 {
        1 << (code as u8)
    }

    /// The same policy, with `code` hidden.
    #[must_use]
    pub const fn hide(self, code: SubStatus) -> Self {
        Self {
            hidden: self.hidden | Self::bit(code),
            ..self
        }
    }

    /// The same policy, with `code` revealed.
    #[must_use]
    pub const fn reveal(self, code: SubStatus) -> Self {
        Self {
            hidden: self.hidden & !Self::bit(code),
            ..self
        }
    }

    /// The same policy, revealing (or hiding) codes the catalog does not know.
    #[must_use]
    pub const fn reveal_unknown(self, reveal: bool) -> Self {
        Self {
            reveal_unknown: reveal,
            ..self
        }
    }

    /// Whether `code` may be shown to the caller. `E005001` itself is always
    /// revealed.
    #[must_use]
    pub const fn is_revealed(self, code: SubStatus) -> bool {
        matches!(code, SubStatus::AuthNotAllowed) || self.hidden & Self::bit(code) == 0
    }

    /// Whether a code as received may be shown to the caller.
    #[must_use]
    pub fn reveals(self, code: &Code<'_>) -> bool {
        match code.known() {
            Some(known) => self.is_revealed(known),
            None => self.reveal_unknown,
        }
    }

    /// Splits the specific sub-statuses of an outcome into the response the
    /// caller may see and the full list for the server log.
    ///
    /// The response's status is `error` if any error code remains, else
    /// `warning` if any warning remains, else `ok`.
    pub fn disclose<'a, C: Into<Code<'a>>>(
        self,
        cid: impl Into<Cow<'a, str>>,
        codes: impl IntoIterator<Item = C>,
    ) -> Disclosed<'a> {
        let logged: Vec<Code<'a>> = codes.into_iter().map(Into::into).collect();
        let mut public: Vec<Code<'a>> = Vec::with_capacity(logged.len());
        // Each code is shown once: known codes are told apart by a bit each,
        // unknown ones by `UnknownShown`, so the work stays linear in the
        // codes.
        let mut known_shown = 0u64;
        let mut unknown_shown = UnknownShown::of(self.reveal_unknown, &logged);
        let mut first_known = |known: SubStatus| {
            let bit = Self::bit(known);
            let first = known_shown & bit == 0;
            known_shown |= bit;
            first
        };
        for code in &logged {
            let (first, shown) = if self.reveals(code) {
                let first = if let Some(known) = code.known() {
                    first_known(known)
                } else {
                    unknown_shown.first(code.as_str())
                };
                (first, code.clone())
            } else if severity(code) == Severity::Error {
                let hidden = SubStatus::AuthNotAllowed;
                (first_known(hidden), Wire::from(hidden))
            } else {
                continue;
            };
            if first {
                public.push(shown);
            }
        }
        let status = if public.iter().any(|c| severity(c) == Severity::Error) {
            Status::Error
        } else if public.is_empty() {
            Status::Ok
        } else {
            Status::Warning
        };
        Disclosed {
            response: Response::with_codes(status, cid, List::from(public)),
            logged,
        }
    }
}

/// The unknown codes already shown, so that each is shown once.
///
/// Codes of Zato's own shape (`E` or `W` and six digits) take one bit each,
/// in a bitset spanning the lowest to the highest such code of the input,
/// when that span needs no more 64-bit words than there are such codes: it
/// stays in cache where a set of 100,000 texts would not, and it is never
/// larger than the list of codes. Codes too far apart for their number, and
/// other texts, go into a set sized once for all of them. Either way the work
/// is linear in the codes.
struct UnknownShown<'s> {
    /// The number of the bitset's first bit ([`number`]).
    base: u32,
    bits: Vec<u64>,
    other: HashSet<&'s str>,
}

impl<'s> UnknownShown<'s> {
    /// Room for every unknown code of `codes`, or none if unknown codes are
    /// not revealed (they are never shown, so never looked up).
    fn of(revealed: bool, codes: &'s [Code<'_>]) -> Self {
        let mut range: Option<(u32, u32)> = None;
        let (mut shaped, mut other) = (0, 0);
        for code in codes.iter().filter(|code| revealed && !code.is_known()) {
            match number(code.as_str()) {
                Some(n) => {
                    range = Some(range.map_or((n, n), |(low, high)| (low.min(n), high.max(n))));
                    shaped += 1;
                }
                None => other += 1,
            }
        }
        let span = range.map(|(low, high)| (low, (high - low) as usize / 64 + 1));
        match span {
            // No more words than codes: the bitset's memory stays linear in
            // the input, however far apart two codes are.
            Some((base, words)) if words <= shaped => Self {
                base,
                bits: vec![0; words],
                other: HashSet::with_capacity(other),
            },
            // Too few codes for their range: they go into the set too.
            _ => Self {
                base: 0,
                bits: Vec::new(),
                other: HashSet::with_capacity(other + shaped),
            },
        }
    }

    /// Whether `code` is shown for the first time; it is marked as shown.
    fn first(&mut self, code: &'s str) -> bool {
        let bit = number(code)
            .and_then(|n| n.checked_sub(self.base))
            .map(|i| i as usize);
        match bit.and_then(|i| Some((self.bits.get_mut(i / 64)?, 1u64 << (i % 64)))) {
            Some((word, bit)) => {
                let first = *word & bit == 0;
                *word |= bit;
                first
            }
            // Only a code `of` did not see: the set still tells.
            None => self.other.insert(code),
        }
    }
}

/// `E000000`…`E999999` as 0…999,999 and `W000000`…`W999999` as
/// 1,000,000…1,999,999; `None` for any other text.
fn number(code: &str) -> Option<u32> {
    let (offset, digits) = match code.as_bytes() {
        [b'E', digits @ ..] => (0, digits),
        [b'W', digits @ ..] => (1_000_000, digits),
        _ => return None,
    };
    if digits.len() != 6 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n: u32 = core::str::from_utf8(digits).ok()?.parse().ok()?;
    Some(offset + n)
}

/// The severity of a code as received: from the catalog, or from the `W`
/// prefix of an unknown code.
fn severity(code: &Code<'_>) -> Severity {
    match code.known() {
        Some(known) => known.severity(),
        None if code.as_str().starts_with('W') => Severity::Warning,
        None => Severity::Error,
    }
}

impl Default for Disclosure {
    /// [`Disclosure::LOGIN`].
    fn default() -> Self {
        Self::LOGIN
    }
}

/// What [`Disclosure::disclose`] gives: the caller's response and the
/// server log's codes.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Disclosed<'a> {
    /// The body to send to the caller.
    pub response: Response<'a>,
    /// Every specific sub-status, for the server log.
    pub logged: Vec<Code<'a>>,
}

capped_debug! {
    /// The response and the logged codes, escaped and capped at
    /// [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
    [] Disclosed<'_> => "Disclosed" { response, logged }
}

/// How many codes of each list a [`Disclosed`] log line names.
const LOGGED_CODES_SHOWN: usize = 16;

impl crate::text::LogLine for Disclosed<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn codes<'c, 'a: 'c>(
            f: &mut fmt::Formatter<'_>,
            codes: impl ExactSizeIterator<Item = &'c Code<'a>>,
            labels: bool,
        ) -> fmt::Result {
            let count = codes.len();
            for code in codes.take(LOGGED_CODES_SHOWN) {
                write!(f, " {}", Bounded(code.as_str()))?;
                if let Some(label) = code.known().and_then(SubStatus::label).filter(|_| labels) {
                    write!(f, " {label}")?;
                }
            }
            if count > LOGGED_CODES_SHOWN {
                write!(f, " and {} more", count - LOGGED_CODES_SHOWN)?;
            }
            Ok(())
        }
        f.write_str(self.response.status.code())?;
        codes(f, self.response.sub_status.iter(), false)?;
        f.write_str("; logged")?;
        if self.logged.is_empty() {
            f.write_str(" nothing")
        } else {
            codes(f, self.logged.iter(), true)
        }
    }
}

log_line! {
    /// The server's log line: the status and codes the caller got, then every
    /// specific code with its label, as in `error E005001; logged E001001
    /// username.invalid`. Neither the `cid` nor the session token is written;
    /// codes are escaped, and each list stops after 16 codes with the count of
    /// the rest, so the line is bounded whatever the input.
    ///
    /// ```
    /// use sso_errors::zato::{Disclosure, SubStatus};
    ///
    /// let out = Disclosure::LOGIN.disclose("30e22dfde268b7ba0b56ad0d", [SubStatus::PasswordInvalid]);
    /// assert_eq!(out.to_string(), "error E005001; logged E003001 password.invalid");
    /// ```
    Disclosed<'_>;
}
