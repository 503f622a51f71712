//! The vendors this crate knows.

use core::fmt;

/// A system whose errors this crate models.
///
/// ```
/// use sso_errors::Vendor;
///
/// assert_eq!(Vendor::Zato.to_string(), "Zato SSO");
/// assert_eq!("openam".parse::<Vendor>()?, Vendor::OpenAm);
/// assert_eq!(Vendor::OpenAm.id(), "openam");
/// assert_eq!(Vendor::ALL.len(), 4);
/// # Ok::<(), sso_errors::UnknownVendor>(())
/// ```
///
/// With `std`, it serializes as its [`id`](Vendor::id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Vendor {
    /// Zato SSO, the single sign-on of the Zato API platform
    /// ([`zato`](crate::zato)).
    Zato,
    /// Zenlogin, a login-notification API with JSON:API error documents.
    Zenlogin,
    /// OpenAM / OpenSSO (ForgeRock "CREST" REST errors).
    OpenAm,
    /// A payment provider's merchant User Management / SSO-token API.
    Merchant,
}

impl Vendor {
    /// Every vendor.
    pub const ALL: [Self; 4] = [Self::Zato, Self::Zenlogin, Self::OpenAm, Self::Merchant];

    /// The vendor's identifier, as [`FromStr`](core::str::FromStr) and serde
    /// read and write it: the name of its module (`zato`, `zenlogin`,
    /// `openam`, `merchant`).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Zato => "zato",
            Self::Zenlogin => "zenlogin",
            Self::OpenAm => "openam",
            Self::Merchant => "merchant",
        }
    }

    /// The media type of the vendor's JSON error bodies, for the
    /// `Content-Type` header: JSON:API's `application/vnd.api+json` for
    /// Zenlogin (JSON:API requires it of a server, and Zenlogin says it
    /// follows JSON:API), `application/json` for the others.
    ///
    /// ```
    /// use sso_errors::Vendor;
    ///
    /// assert_eq!(Vendor::Zenlogin.media_type(), "application/vnd.api+json");
    /// assert_eq!(Vendor::Zato.media_type(), "application/json");
    /// ```
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Zenlogin => "application/vnd.api+json",
            Self::Zato | Self::OpenAm | Self::Merchant => "application/json",
        }
    }

    /// The vendor's name, as written in messages.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Zato => "Zato SSO",
            Self::Zenlogin => "Zenlogin",
            Self::OpenAm => "OpenAM",
            Self::Merchant => "merchant User Management",
        }
    }
}

impl Vendor {
    /// The name with its indefinite article, for messages ("an OpenAM").
    #[cfg(feature = "std")]
    pub(crate) const fn with_article(self) -> &'static str {
        match self {
            Self::Zato => "a Zato SSO",
            Self::Zenlogin => "a Zenlogin",
            Self::OpenAm => "an OpenAM",
            Self::Merchant => "a merchant User Management",
        }
    }
}

/// Writes the vendor's [`name`](Vendor::name).
impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A string that is not a vendor's [`id`](Vendor::id).
///
/// ```
/// use sso_errors::Vendor;
///
/// let err = "okta".parse::<Vendor>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown vendor, expected one of zato, zenlogin, openam, merchant");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unknown vendor, expected one of zato, zenlogin, openam, merchant")]
#[non_exhaustive]
pub struct UnknownVendor;

/// Reads a vendor's [`id`](Vendor::id), in any ASCII case.
impl core::str::FromStr for Vendor {
    type Err = UnknownVendor;

    fn from_str(s: &str) -> Result<Self, UnknownVendor> {
        Self::ALL
            .into_iter()
            .find(|vendor| vendor.id().eq_ignore_ascii_case(s))
            .ok_or(UnknownVendor)
    }
}

serde_as_id!(Vendor, "vendor", str::parse);
