//! Wire values: a code as a body carries it.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::{Catalog, Spelling};

/// A code as received in (or destined for) a vendor's body.
///
/// A known code becomes its catalog variant; an unknown code is kept verbatim,
/// so parsing and re-serializing a body never loses or alters anything.
///
/// **Aliases.** A known code received in its documented alias spelling (Zato's
/// `E010010` for `E010001`) resolves to the canonical variant, and remembers
/// the spelling: [`as_str`](Self::as_str) and serialization write back the
/// spelling that was received. [`canonical`](Self::canonical) gives the
/// same value respelled canonically.
///
/// **Equality** is by meaning: an alias equals its canonical spelling, and a
/// `Wire` equals the catalog variant it resolves to. Unknown codes compare by
/// their text.
///
/// ```
/// use sso_errors::Wire;
/// use sso_errors::zato::SubStatus;
///
/// let known = Wire::<SubStatus>::parse("E005001");
/// assert_eq!(known, SubStatus::AuthNotAllowed);
///
/// let alias = Wire::<SubStatus>::parse("E010010");
/// assert_eq!(alias.known(), Some(SubStatus::PasswordResetCouldNotAccess));
/// assert_eq!(alias.as_str(), "E010010");
/// assert_eq!(alias.canonical().as_str(), "E010001");
///
/// let unknown = Wire::<SubStatus>::parse("E999999");
/// assert_eq!(unknown.known(), None);
/// assert_eq!(unknown.as_str(), "E999999");
/// ```
#[derive(Clone)]
pub struct Wire<'a, C> {
    repr: Repr<'a, C>,
}

#[derive(Clone)]
enum Repr<'a, C> {
    Known(C, Spelling),
    Unknown(Cow<'a, str>),
}

impl<'a, C: Catalog> Wire<'a, C> {
    /// Resolves a received code, borrowing it when it is unknown.
    #[must_use]
    pub fn parse(code: &'a str) -> Self {
        Self::from_cow(Cow::Borrowed(code))
    }

    /// Resolves a received code.
    #[must_use]
    pub fn from_cow(code: Cow<'a, str>) -> Self {
        let repr = match C::resolve(&code) {
            Some((value, spelling)) => Repr::Known(value, spelling),
            None => Repr::Unknown(code),
        };
        Self { repr }
    }

    /// A known code, spelled as given.
    pub(crate) const fn from_known(value: C, spelling: Spelling) -> Self {
        Self {
            repr: Repr::Known(value, spelling),
        }
    }

    /// A code that is not in the catalog; the caller has checked.
    pub(crate) const fn from_unknown(code: Cow<'a, str>) -> Self {
        Self {
            repr: Repr::Unknown(code),
        }
    }

    /// The catalog variant, if the code is known.
    #[must_use]
    pub const fn known(&self) -> Option<C> {
        match self.repr {
            Repr::Known(value, _) => Some(value),
            Repr::Unknown(_) => None,
        }
    }

    /// How a known code was spelled; `None` for an unknown code.
    #[must_use]
    pub const fn spelling(&self) -> Option<Spelling> {
        match self.repr {
            Repr::Known(_, spelling) => Some(spelling),
            Repr::Unknown(_) => None,
        }
    }

    /// Whether the code is in the catalog.
    #[must_use]
    pub const fn is_known(&self) -> bool {
        matches!(self.repr, Repr::Known(..))
    }

    /// The code as it goes on the wire: the received spelling.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.repr {
            Repr::Known(value, Spelling::Canonical) => value.code(),
            Repr::Known(value, Spelling::Alias) => value.alias().unwrap_or(value.code()),
            Repr::Unknown(text) => text,
        }
    }

    /// The same code, spelled canonically if it is known.
    #[must_use]
    pub fn canonical(self) -> Self {
        match self.repr {
            Repr::Known(value, _) => value.into(),
            unknown @ Repr::Unknown(_) => Self { repr: unknown },
        }
    }

    /// Detaches the value from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Wire<'static, C> {
        let repr = match self.repr {
            Repr::Known(value, spelling) => Repr::Known(value, spelling),
            Repr::Unknown(text) => Repr::Unknown(Cow::Owned(text.into_owned())),
        };
        Wire { repr }
    }
}

impl<C: Catalog> From<C> for Wire<'_, C> {
    fn from(value: C) -> Self {
        Self {
            repr: Repr::Known(value, Spelling::Canonical),
        }
    }
}

impl<'a, C: Catalog> From<&'a str> for Wire<'a, C> {
    fn from(code: &'a str) -> Self {
        Self::parse(code)
    }
}

impl<C: Catalog> From<String> for Wire<'_, C> {
    fn from(code: String) -> Self {
        Self::from_cow(Cow::Owned(code))
    }
}

impl<C: Catalog> PartialEq for Wire<'_, C> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.repr, &other.repr) {
            (Repr::Known(a, _), Repr::Known(b, _)) => a == b,
            (Repr::Unknown(a), Repr::Unknown(b)) => a == b,
            _ => false,
        }
    }
}

impl<C: Catalog> Eq for Wire<'_, C> {}

impl<C: Catalog> PartialEq<C> for Wire<'_, C> {
    fn eq(&self, other: &C) -> bool {
        self.known() == Some(*other)
    }
}

impl<C: Catalog> Hash for Wire<'_, C> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.repr {
            Repr::Known(value, _) => {
                state.write_u8(0);
                value.hash(state);
            }
            Repr::Unknown(text) => {
                state.write_u8(1);
                text.hash(state);
            }
        }
    }
}

impl<C: Catalog> fmt::Debug for Wire<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Known(value, Spelling::Canonical) => write!(f, "{value:?}"),
            Repr::Known(value, Spelling::Alias) => write!(f, "{value:?} (as {:?})", self.as_str()),
            // Received text no catalog holds: only its length.
            Repr::Unknown(text) => write!(f, "Unknown({} bytes)", text.len()),
        }
    }
}

/// Writes a known code as it goes on the wire; an unknown one as `unknown
/// code of N bytes`, since it is received text that may be anything
/// ([`as_str`](Wire::as_str) gives it).
impl<C: Catalog> fmt::Display for Wire<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Known(..) => f.write_str(self.as_str()),
            Repr::Unknown(text) => fmt::Display::fmt(&crate::text::Withheld(text.len()), f),
        }
    }
}

impl<C: Catalog> serde::Serialize for Wire<'_, C> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes from a JSON string, always owning an unknown code; parse a
/// whole body with the vendor's borrowing parser to borrow it instead.
impl<'de, 'a, C: Catalog> serde::Deserialize<'de> for Wire<'a, C> {
    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Self as crate::body::Field<'a>>::read::<crate::body::Own, D>(deserializer)
    }
}
