//! The machinery shared by every vendor catalog.
//!
//! Each vendor's documented code set is declared once, as a table with one row
//! per code, through the crate-internal `catalog!` macro. From that row the
//! macro derives the fieldless enum variant and its documentation, the
//! `const fn` accessors, the compile-time lookup tables (a perfect hash built
//! at compile time, checked against a [`phf`] table in the tests), the
//! [`Catalog`] implementation, and the `Display`/`FromStr` conversions.
//!
//! Why `phf` is a dependency: the macro also emits each catalog's `phf_map!`
//! of codes and of labels. They are the table of record that the perfect
//! hash is checked against, entry by entry and on every neighbour of every
//! key, and the baseline the lookup benchmarks compare it with; the crate's
//! own lookups never use them. They reach the tests and benchmarks through a
//! hidden module, and are compiled into every build because the table that
//! emits the fast path emits them beside it.
//!
//! Generic code walks any catalog through the [`Catalog`] trait:
//!
//! ```
//! use sso_errors::{Catalog, zato::SubStatus};
//!
//! fn describe<C: Catalog>() -> usize {
//!     C::ALL.iter().filter(|c| c.http_status() >= 400).count()
//! }
//! assert_eq!(describe::<SubStatus>(), 37);
//! ```

use core::fmt::{Debug, Display};
use core::hash::Hash;

use crate::{ErrorKind, Vendor};

/// Where a catalog entry comes from.
///
/// The vendors' published documentation and what their servers actually send do
/// not always agree; every entry records which of the two it is backed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// Listed in the vendor's published documentation only.
    Documentation,
    /// Sent by the vendor's real server but missing from its documentation.
    Server,
    /// Listed in the documentation and sent by the real server.
    Both,
}

impl Origin {
    /// Whether the vendor's documentation lists the entry (possibly under an
    /// alias spelling, see [`Catalog::alias`]).
    #[must_use]
    pub const fn is_documented(self) -> bool {
        matches!(self, Self::Documentation | Self::Both)
    }

    /// Whether the entry is known to be sent by the vendor's real server.
    #[must_use]
    pub const fn is_sent_by_server(self) -> bool {
        matches!(self, Self::Server | Self::Both)
    }
}

/// How a received code was spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Spelling {
    /// The canonical wire code, the one the real server sends.
    Canonical,
    /// The documented alias spelling of the code (for example Zato's
    /// `E010010`, which the server sends as `E010001`).
    Alias,
}

/// A vendor vocabulary: one fieldless enum whose variants are the vendor's
/// documented codes.
///
/// Every vendor enum of this crate implements it, so generic code can list,
/// look up and describe the codes of any catalog.
///
/// ```
/// use sso_errors::{Catalog, Spelling, zato::SubStatus};
///
/// assert_eq!(SubStatus::resolve("E010010"), Some((SubStatus::PasswordResetCouldNotAccess, Spelling::Alias)));
/// assert_eq!(<SubStatus as Catalog>::from_code("E005001"), Some(SubStatus::AuthNotAllowed));
/// assert!(SubStatus::ALL.iter().all(|c| SubStatus::from_code(c.code()) == Some(*c)));
/// ```
///
/// Sealed: the crate's catalogs are its only implementations, so that the
/// trait can grow without breaking anyone.
pub trait Catalog:
    sealed::Sealed + Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + Sized + 'static
{
    /// The vendor whose catalog this is.
    const VENDOR: Vendor;

    /// What one code of this catalog is called in messages (`"sub-status"`).
    const NOUN: &'static str;

    /// Every entry, in table order.
    const ALL: &'static [Self];

    /// The canonical wire code, exactly as the vendor's server sends it.
    fn code(self) -> &'static str;

    /// The documented alternative spelling of [`code`](Self::code), if the
    /// vendor's documentation spells the code differently from its server.
    fn alias(self) -> Option<&'static str>;

    /// The vendor's symbolic name for the code, where it has one.
    fn label(self) -> Option<&'static str>;

    /// The vendor's own description of the code.
    fn description(self) -> &'static str;

    /// The HTTP status a response carrying this code comes with.
    fn http_status(self) -> u16;

    /// Where the entry comes from.
    fn origin(self) -> Origin;

    /// What the entry means for the caller (see [`ErrorKind`]).
    fn kind(self) -> ErrorKind;

    /// Whether the same request may succeed if sent again later, as the
    /// entry's [`kind`](Self::kind) says.
    #[must_use]
    fn is_retryable(self) -> bool {
        self.kind().is_retryable()
    }

    /// Whether the entry's HTTP status is a client error (4xx).
    #[must_use]
    fn is_client_error(self) -> bool {
        matches!(self.http_status(), 400..=499)
    }

    /// Whether the entry's HTTP status is a server error (5xx).
    #[must_use]
    fn is_server_error(self) -> bool {
        matches!(self.http_status(), 500..=599)
    }

    /// Looks a wire code up, accepting the canonical spelling and the alias,
    /// and says which of the two it was.
    fn resolve(code: &str) -> Option<(Self, Spelling)>;

    /// Looks a wire code up, accepting the canonical spelling and the alias.
    #[must_use]
    fn from_code(code: &str) -> Option<Self> {
        Self::resolve(code).map(|(value, _)| value)
    }

    /// Looks a label up ([`label`](Self::label)).
    fn from_label(label: &str) -> Option<Self>;
}

pub(crate) mod sealed {
    /// Keeps [`Catalog`](super::Catalog) to the crate's own catalogs.
    pub trait Sealed {}
}

/// Declares one vendor catalog. See the module documentation.
///
/// Row grammar, one row per code, fields in this order:
///
/// ```text
/// Variant = "code" { [alias: "…",] [label: "…",] http: 403, origin: Both, kind: NotAllowed, [example: "…",] text: "…" }
/// ```
macro_rules! catalog {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Name:ident: $repr:ident {
            vendor: $vendor:ident,
            noun: $noun:literal,
            $(
                $(#[$vmeta:meta])*
                $Variant:ident = $code:literal {
                    $(alias: $alias:literal,)?
                    $(label: $label:literal,)?
                    http: $http:literal,
                    origin: $origin:ident,
                    kind: $kind:ident,
                    $(example: $example:literal,)?
                    text: $text:literal $(,)?
                }
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            // Only derives that implement `core` traits: no public signature
            // names a strum trait, so strum is not part of the API.
            strum::Display, strum::IntoStaticStr,
        )]
        #[non_exhaustive]
        #[repr($repr)]
        $vis enum $Name {
            $(
                #[doc = $text]
                #[doc = ""]
                #[doc = concat!(
                    "Wire code `", $code, "`",
                    $(", label `", $label, "`",)?
                    $(", documented as `", $alias, "`",)?
                    "; HTTP ", stringify!($http), "; kind [`", stringify!($kind),
                    "`](crate::ErrorKind::", stringify!($kind), ")."
                )]
                $(#[$vmeta])*
                #[strum(to_string = $code)]
                $Variant,
            )*
        }

        impl $Name {
            /// Number of entries in the catalog.
            pub const COUNT: usize = [$(stringify!($Variant)),*].len();

            /// Every entry, in table order.
            pub const ALL: &'static [Self] = &[$(Self::$Variant),*];

            /// The canonical wire code, exactly as the vendor's server sends it.
            #[must_use]
            #[inline]
            pub const fn code(self) -> &'static str {
                match self { $(Self::$Variant => $code,)* }
            }

            /// The documented alternative spelling of the code, if the
            /// vendor's documentation spells it differently from its server.
            #[must_use]
            #[inline]
            pub const fn alias(self) -> Option<&'static str> {
                match self { $(Self::$Variant => $crate::catalog::__opt!($($alias)?),)* }
            }

            /// The vendor's own description of the code.
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$Variant => $text,)* }
            }

            /// The HTTP status a response carrying this code comes with.
            #[must_use]
            #[inline]
            pub const fn http_status(self) -> u16 {
                match self { $(Self::$Variant => $http,)* }
            }

            /// What the entry means for the caller: one classification across
            /// vendors (see [`ErrorKind`](crate::ErrorKind)).
            #[must_use]
            #[inline]
            pub const fn kind(self) -> $crate::ErrorKind {
                match self { $(Self::$Variant => $crate::ErrorKind::$kind,)* }
            }

            /// Whether the same request may succeed if sent again later, as
            /// its [`kind`](Self::kind) says.
            #[must_use]
            #[inline]
            pub const fn is_retryable(self) -> bool {
                self.kind().is_retryable()
            }

            /// Whether the entry's HTTP status is a client error (4xx).
            #[must_use]
            #[inline]
            pub const fn is_client_error(self) -> bool {
                matches!(self.http_status(), 400..=499)
            }

            /// Whether the entry's HTTP status is a server error (5xx).
            #[must_use]
            #[inline]
            pub const fn is_server_error(self) -> bool {
                matches!(self.http_status(), 500..=599)
            }

            /// Where the entry comes from (documentation, real server or both).
            #[must_use]
            #[inline]
            pub const fn origin(self) -> $crate::Origin {
                match self { $(Self::$Variant => $crate::Origin::$origin,)* }
            }

            /// The vendor's symbolic name for the code (Zato's dotted label,
            /// merchant's `errorName`, OpenAM's reason phrase), where it has
            /// one.
            #[must_use]
            #[inline]
            pub const fn label(self) -> Option<&'static str> {
                match self { $(Self::$Variant => $crate::catalog::__opt!($($label)?),)* }
            }

            #[allow(dead_code)]
            #[inline]
            pub(crate) const fn example_opt(self) -> Option<&'static str> {
                match self { $(Self::$Variant => $crate::catalog::__opt!($($example)?),)* }
            }

            /// Every accepted code spelling: canonical codes in table order,
            /// then aliases.
            const CODE_KEYS: &'static [&'static str] = &[$($code,)* $($($alias,)?)*];
            const CODE_VALUES: &'static [($Name, $crate::Spelling)] = &[
                $(($Name::$Variant, $crate::Spelling::Canonical),)*
                $($(($Name::$Variant, $crate::catalog::__alias!($alias)),)?)*
            ];
            const LABEL_KEYS: &'static [&'static str] = &[$($($label,)?)*];

            /// Code lookup as a string `match`: what a catalog of a handful of
            /// codes uses, and the baseline the perfect hash is measured
            /// against.
            #[inline]
            fn match_code(code: &str) -> Option<(Self, $crate::Spelling)> {
                match code {
                    $($code => Some(($Name::$Variant, $crate::Spelling::Canonical)),)*
                    $($($alias => Some(($Name::$Variant, $crate::Spelling::Alias)),)?)*
                    _ => None,
                }
            }

            /// Looks a wire code up, accepting the canonical spelling and the
            /// documented alias, and says which of the two it was.
            ///
            /// A compile-time perfect hash: one multiply, one shift and one
            /// compare, for hits and misses alike (a catalog of four codes or
            /// fewer is a plain `match`, which is faster still).
            #[must_use]
            #[inline]
            pub fn resolve(code: &str) -> Option<(Self, $crate::Spelling)> {
                const SIZE: usize = $crate::perfect::table_size($Name::CODE_KEYS.len());
                const MIN: usize = $crate::perfect::min_len($Name::CODE_KEYS);
                const MAX: usize = $crate::perfect::max_len($Name::CODE_KEYS);
                const COMMON: usize = $crate::perfect::common_len($Name::CODE_KEYS);
                const MULT: u64 = $crate::perfect::multiplier::<MIN, MAX, COMMON>(SIZE, $Name::CODE_KEYS);
                const WIDE: usize = $crate::perfect::wide(SIZE, $Name::CODE_KEYS);
                // A constant rather than a static: callers in other crates then
                // address it directly instead of through the GOT.
                const TABLE: $crate::perfect::Table<($Name, $crate::Spelling), SIZE, MULT, MIN, MAX, COMMON, WIDE> =
                    $crate::perfect::Table::build($Name::CODE_KEYS, $Name::CODE_VALUES);
                // A handful of codes is fastest as a plain match.
                if $Name::CODE_KEYS.len() <= 4 {
                    return Self::match_code(code);
                }
                TABLE.get(code)
            }

            /// Looks a wire code up, accepting the canonical spelling and the
            /// documented alias ([`resolve`](Self::resolve) says which).
            #[must_use]
            #[inline]
            pub fn from_code(code: &str) -> Option<Self> {
                match Self::resolve(code) {
                    Some((value, _)) => Some(value),
                    None => None,
                }
            }

            /// Looks a label up ([`label`](Self::label)).
            #[must_use]
            #[inline]
            pub fn from_label(label: &str) -> Option<Self> {
                Self::by_label(label)
            }

            /// Looks a label up.
            ///
            /// A string `match`: labels are long and of many lengths, where a
            /// length switch and inline compares beat hashing and verifying
            /// (measured in `benches/lookup.rs`). Labels are checked unique at
            /// compile time.
            #[allow(dead_code)]
            #[inline]
            pub(crate) fn by_label(label: &str) -> Option<Self> {
                const _: () = $crate::perfect::assert_unique($Name::LABEL_KEYS);
                match label {
                    $($($label => Some($Name::$Variant),)?)*
                    _ => None,
                }
            }

        }

        impl $crate::__private::Baselines for $Name {
            fn phf_codes() -> &'static phf::Map<&'static str, ($Name, $crate::Spelling)> {
                static BY_CODE: phf::Map<&'static str, ($Name, $crate::Spelling)> = phf::phf_map! {
                    $($code => ($Name::$Variant, $crate::Spelling::Canonical),)*
                    $($($alias => ($Name::$Variant, $crate::Spelling::Alias),)?)*
                };
                &BY_CODE
            }

            fn phf_labels() -> &'static phf::Map<&'static str, $Name> {
                static BY_LABEL: phf::Map<&'static str, $Name> = phf::phf_map! {
                    $($($label => $Name::$Variant,)?)*
                };
                &BY_LABEL
            }

            #[inline]
            fn match_code(code: &str) -> Option<($Name, $crate::Spelling)> {
                $Name::match_code(code)
            }

            #[inline]
            fn match_label(label: &str) -> Option<$Name> {
                #[allow(unreachable_patterns)]
                match label {
                    $($($label => Some($Name::$Variant),)?)*
                    _ => None,
                }
            }
        }

        impl $crate::catalog::sealed::Sealed for $Name {}

        /// The entry's HTTP status.
        #[cfg(feature = "http")]
        impl From<$Name> for http::StatusCode {
            fn from(code: $Name) -> Self {
                $crate::integrations::http::status_code(code.http_status())
            }
        }

        impl $crate::Catalog for $Name {
            const VENDOR: $crate::Vendor = $crate::Vendor::$vendor;
            const NOUN: &'static str = $noun;
            const ALL: &'static [Self] = $Name::ALL;

            #[inline]
            fn code(self) -> &'static str { $Name::code(self) }
            #[inline]
            fn alias(self) -> Option<&'static str> { $Name::alias(self) }
            #[inline]
            fn label(self) -> Option<&'static str> { $Name::label(self) }
            #[inline]
            fn description(self) -> &'static str { $Name::description(self) }
            #[inline]
            fn http_status(self) -> u16 { $Name::http_status(self) }
            #[inline]
            fn origin(self) -> $crate::Origin { $Name::origin(self) }
            #[inline]
            fn kind(self) -> $crate::ErrorKind { $Name::kind(self) }
            #[inline]
            fn resolve(code: &str) -> Option<(Self, $crate::Spelling)> { $Name::resolve(code) }
            #[inline]
            fn from_label(label: &str) -> Option<Self> { $Name::from_label(label) }
        }

        impl core::str::FromStr for $Name {
            type Err = $crate::UnknownCode;

            /// Parses a wire code (canonical or alias).
            #[inline]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$Name as $crate::Catalog>::from_code(s)
                    .ok_or_else(|| $crate::UnknownCode::new::<$Name>(s))
            }
        }

        impl TryFrom<&str> for $Name {
            type Error = $crate::UnknownCode;

            fn try_from(s: &str) -> Result<Self, $crate::UnknownCode> {
                s.parse()
            }
        }

        #[cfg(feature = "std")]
        impl serde::Serialize for $Name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        #[cfg(feature = "std")]
        impl<'de> serde::Deserialize<'de> for $Name {
            #[inline]
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::body::read_known::<$Name, D>(deserializer)
            }
        }

        // A member holding a known code: an unknown one is an error.
        #[cfg(feature = "std")]
        serde_field!($Name);
    };
}

#[doc(hidden)]
macro_rules! __opt {
    () => {
        None
    };
    ($v:literal) => {
        Some($v)
    };
}
#[doc(hidden)]
pub(crate) use __opt;

#[doc(hidden)]
macro_rules! __alias {
    ($v:literal) => {
        $crate::Spelling::Alias
    };
}
#[doc(hidden)]
pub(crate) use __alias;
