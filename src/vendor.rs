//! The vendors this crate knows.

use core::fmt;

/// A system whose errors this crate models.
///
/// ```
/// use sso_errors::Vendor;
///
/// assert_eq!(Vendor::Zato.to_string(), "Zato SSO");
/// assert_eq!(Vendor::ALL.len(), 4);
/// ```
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
