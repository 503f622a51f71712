//! Looking a code up across every catalog: `"E005001"`, `"3003"`, `"404"`
//! and `"10001"` name entries of four vendors, and a code could be spelled
//! alike in two.

use core::fmt;

use crate::{Catalog, ErrorKind, Origin, Vendor, merchant, openam, zato, zenlogin};

/// An entry of any catalog.
///
/// ```
/// use sso_errors::{AnyCode, ErrorKind, Vendor};
///
/// let code = AnyCode::lookup("E005001").unique().unwrap();
/// assert_eq!(code.vendor(), Vendor::Zato);
/// assert_eq!(code.label(), Some("auth.not_allowed"));
/// assert_eq!(code.kind(), ErrorKind::NotAllowed);
/// assert_eq!(code.to_string(), "E005001");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum AnyCode {
    /// A Zato SSO top-level status (`ok`, `warning`, `error`).
    ZatoStatus(zato::Status),
    /// A Zato SSO sub-status.
    Zato(zato::SubStatus),
    /// A Zenlogin error code.
    Zenlogin(zenlogin::ErrorCode),
    /// An OpenAM status code.
    OpenAm(openam::Status),
    /// A merchant User Management `(code, errorName)` entry.
    Merchant(merchant::ErrorCode),
}

/// Implements the accessors of [`AnyCode`] by delegating to the entry's
/// catalog.
macro_rules! any_code {
    ($($(#[$meta:meta])* $method:ident -> $Out:ty;)+) => {
        impl AnyCode {
            $(
                $(#[$meta])*
                #[must_use]
                pub fn $method(self) -> $Out {
                    match self {
                        Self::ZatoStatus(code) => Catalog::$method(code),
                        Self::Zato(code) => Catalog::$method(code),
                        Self::Zenlogin(code) => Catalog::$method(code),
                        Self::OpenAm(code) => Catalog::$method(code),
                        Self::Merchant(code) => Catalog::$method(code),
                    }
                }
            )+
        }
    };
}

any_code! {
    /// The canonical wire code.
    code -> &'static str;
    /// The vendor's symbolic name for the code, where it has one.
    label -> Option<&'static str>;
    /// The vendor's description of the code.
    description -> &'static str;
    /// The HTTP status a response carrying the code comes with.
    http_status -> u16;
    /// Where the entry comes from.
    origin -> Origin;
    /// What the entry means for the caller.
    kind -> ErrorKind;
    /// Whether the same request may succeed if sent again later.
    is_retryable -> bool;
}

impl AnyCode {
    /// The vendor whose catalog holds the entry.
    #[must_use]
    pub const fn vendor(self) -> Vendor {
        match self {
            Self::ZatoStatus(_) | Self::Zato(_) => Vendor::Zato,
            Self::Zenlogin(_) => Vendor::Zenlogin,
            Self::OpenAm(_) => Vendor::OpenAm,
            Self::Merchant(_) => Vendor::Merchant,
        }
    }

    /// Looks `code` up in every catalog (canonical spellings and aliases),
    /// and says whether none, one or several entries have it.
    ///
    /// ```
    /// use sso_errors::{AnyCode, Lookup, Vendor};
    ///
    /// assert_eq!(AnyCode::lookup("404").unique().map(AnyCode::vendor), Some(Vendor::OpenAm));
    /// assert_eq!(AnyCode::lookup("101").unique().map(AnyCode::code), Some("1011"));
    /// assert_eq!(AnyCode::lookup("E999999"), Lookup::NotFound);
    /// ```
    #[must_use]
    pub fn lookup(code: &str) -> Lookup {
        Self::lookup_in(code, None)
    }

    /// Looks `code` up in `vendor`'s catalogs only, or in every catalog for
    /// `None`: a caller who knows the vendor narrows a code that could
    /// belong to two.
    ///
    /// ```
    /// use sso_errors::{AnyCode, Lookup, Vendor};
    ///
    /// assert!(matches!(AnyCode::lookup_in("3003", Some(Vendor::Zenlogin)), Lookup::Found(_)));
    /// assert_eq!(AnyCode::lookup_in("3003", Some(Vendor::OpenAm)), Lookup::NotFound);
    /// ```
    #[must_use]
    pub fn lookup_in(code: &str, vendor: Option<Vendor>) -> Lookup {
        let candidates = [
            zato::Status::from_code(code).map(Self::ZatoStatus),
            zato::SubStatus::from_code(code).map(Self::Zato),
            zenlogin::ErrorCode::from_code(code).map(Self::Zenlogin),
            openam::Status::from_code(code).map(Self::OpenAm),
            merchant::ErrorCode::from_code(code).map(Self::Merchant),
        ];
        let mut found = candidates
            .into_iter()
            .flatten()
            .filter(|found| vendor.is_none_or(|wanted| wanted == found.vendor()));
        match (found.next(), found.next()) {
            (None, _) => Lookup::NotFound,
            (Some(one), None) => Lookup::Found(one),
            (Some(first), Some(second)) => Lookup::Ambiguous(first, second),
        }
    }
}

/// `From` each catalog's enum into its `AnyCode` variant.
macro_rules! into_any_code {
    ($($T:ty => $V:ident,)+) => {
        $(
            impl From<$T> for AnyCode {
                fn from(code: $T) -> Self {
                    Self::$V(code)
                }
            }
        )+
    };
}

into_any_code! {
    zato::Status => ZatoStatus,
    zato::SubStatus => Zato,
    zenlogin::ErrorCode => Zenlogin,
    openam::Status => OpenAm,
    merchant::ErrorCode => Merchant,
}

/// Writes the canonical wire code.
impl fmt::Display for AnyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What [`AnyCode::lookup`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lookup {
    /// No catalog has the code.
    NotFound,
    /// Exactly one entry has it.
    Found(AnyCode),
    /// Two catalogs have it (the first two, in the order of
    /// [`Vendor::ALL`]): give the vendor to choose.
    Ambiguous(AnyCode, AnyCode),
}

impl Lookup {
    /// The entry, when exactly one has the code.
    #[must_use]
    pub const fn unique(self) -> Option<AnyCode> {
        match self {
            Self::Found(code) => Some(code),
            Self::NotFound | Self::Ambiguous(..) => None,
        }
    }
}
