//! Typed descriptions: a received `description` parsed into its template and
//! value, or kept verbatim.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::de::Deserializer;
use serde::ser::Serializer;

use super::Template;
use crate::body::CowStr;

/// The `description` of a merchant error entry, typed when it follows a
/// documented [`Template`], kept verbatim otherwise.
///
/// Parsing is lossless: rendering a parsed description ([`Display`],
/// [`to_text`](Self::to_text), serialization) gives back exactly the received
/// text, for every input. The value of a template is everything between its
/// prefix and its suffix (see [`Template`]), so it may be empty
/// (`"Invalid first name "`), contain the suffix, quotes or anything else.
///
/// **Equality** is by text: [`Other`](Self::Other) holding a text that
/// follows a template equals the typed form of that text.
///
/// ```
/// use sso_errors::merchant::{Description, Template};
///
/// let description = Description::parse("Invalid username: finance1234 already exists");
/// assert_eq!(description, Description::InvalidUsername { username: "finance1234".into() });
/// assert_eq!(description.template(), Some(Template::InvalidUsername));
/// assert_eq!(description.value(), Some("finance1234"));
/// assert_eq!(description.to_string(), "Invalid username: finance1234 already exists");
///
/// let limit = Description::parse("Exceeded limit of SSO token generations per minute");
/// assert!(limit.is_retryable());
/// assert!(matches!(limit, Description::ExceededTokenGenerationLimit));
///
/// let other = Description::parse("Invalid plan");
/// assert_eq!(other, Description::Other("Invalid plan".into()));
/// assert_eq!(other.template(), None);
/// ```
///
/// [`Display`]: fmt::Display
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Description<'a> {
    /// `Invalid username: <username> already exists`.
    InvalidUsername {
        /// The username that already exists.
        username: Cow<'a, str>,
    },
    /// `Invalid first name <name>`.
    InvalidFirstName {
        /// The rejected first name (empty when none was given).
        name: Cow<'a, str>,
    },
    /// `Invalid last name <name>`.
    InvalidLastName {
        /// The rejected last name (empty when none was given).
        name: Cow<'a, str>,
    },
    /// `Invalid email <email>`.
    InvalidEmail {
        /// The rejected email address.
        email: Cow<'a, str>,
    },
    /// `Invalid password`.
    InvalidPassword,
    /// `Exceeded limit of SSO token generations per minute`: retryable.
    ExceededTokenGenerationLimit,
    /// `Insufficient Privileges: not allowed to call this API`.
    InsufficientPrivileges,
    /// A description that follows no documented template, kept verbatim.
    Other(Cow<'a, str>),
}

impl<'a> Description<'a> {
    /// Parses a description, borrowing the value from `text`.
    #[must_use]
    pub fn parse(text: &'a str) -> Self {
        match match_template(text) {
            Some((template, value)) => Self::typed(template, Cow::Borrowed(value)),
            None => Self::Other(Cow::Borrowed(text)),
        }
    }

    /// Parses a description, keeping a borrowed text borrowed and reusing an
    /// owned one's buffer.
    #[must_use]
    pub fn from_cow(text: Cow<'a, str>) -> Self {
        match text {
            Cow::Borrowed(text) => Self::parse(text),
            Cow::Owned(mut text) => match match_template(&text) {
                Some((template, _)) => {
                    // What is left between the fixed texts is the value (none
                    // for a fixed description).
                    text.truncate(text.len() - template.suffix().len());
                    text.drain(..template.prefix().len());
                    Self::typed(template, Cow::Owned(text))
                }
                None => Self::Other(Cow::Owned(text)),
            },
        }
    }

    /// The description of `template` carrying `value` (ignored by a template
    /// without one).
    ///
    /// ```
    /// use sso_errors::merchant::{Description, Template};
    ///
    /// let description = Description::from_template(Template::InvalidEmail, "@bls.com");
    /// assert_eq!(description.to_string(), "Invalid email @bls.com");
    /// ```
    #[must_use]
    pub fn from_template(template: Template, value: impl Into<Cow<'a, str>>) -> Self {
        Self::typed(template, value.into())
    }

    fn typed(template: Template, value: Cow<'a, str>) -> Self {
        match template {
            Template::InvalidUsername => Self::InvalidUsername { username: value },
            Template::InvalidFirstName => Self::InvalidFirstName { name: value },
            Template::InvalidLastName => Self::InvalidLastName { name: value },
            Template::InvalidEmail => Self::InvalidEmail { email: value },
            Template::InvalidPassword => Self::InvalidPassword,
            Template::ExceededTokenGenerationLimit => Self::ExceededTokenGenerationLimit,
            Template::InsufficientPrivileges => Self::InsufficientPrivileges,
        }
    }

    /// The template the description follows; `None` for
    /// [`Other`](Self::Other) (even when its text follows one).
    #[must_use]
    pub const fn template(&self) -> Option<Template> {
        Some(match self {
            Self::InvalidUsername { .. } => Template::InvalidUsername,
            Self::InvalidFirstName { .. } => Template::InvalidFirstName,
            Self::InvalidLastName { .. } => Template::InvalidLastName,
            Self::InvalidEmail { .. } => Template::InvalidEmail,
            Self::InvalidPassword => Template::InvalidPassword,
            Self::ExceededTokenGenerationLimit => Template::ExceededTokenGenerationLimit,
            Self::InsufficientPrivileges => Template::InsufficientPrivileges,
            Self::Other(_) => return None,
        })
    }

    /// The value a typed description carries (the username, name or email).
    #[must_use]
    pub fn value(&self) -> Option<&str> {
        match self {
            Self::InvalidUsername { username: value }
            | Self::InvalidFirstName { name: value }
            | Self::InvalidLastName { name: value }
            | Self::InvalidEmail { email: value } => Some(value),
            _ => None,
        }
    }

    /// Whether the request may succeed if sent again later: true only for
    /// [`ExceededTokenGenerationLimit`](Self::ExceededTokenGenerationLimit).
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.key().0.is_some_and(Template::is_retryable)
    }

    /// The HTTP status that goes with the description's template.
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.key().0.map(Template::http_status)
    }

    /// The description's text, exactly as it goes on the wire.
    #[must_use]
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            Self::Other(text) => Cow::Borrowed(text),
            _ => match (self.template(), self.value()) {
                (Some(template), Some(value)) => {
                    Cow::Owned([template.prefix(), value, template.suffix()].concat())
                }
                (Some(template), None) => Cow::Borrowed(template.prefix()),
                (None, _) => Cow::Borrowed(""),
            },
        }
    }

    /// Detaches the description from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Description<'static> {
        let own = |value: Cow<'a, str>| Cow::Owned(value.into_owned());
        match self {
            Self::InvalidUsername { username } => Description::InvalidUsername {
                username: own(username),
            },
            Self::InvalidFirstName { name } => Description::InvalidFirstName { name: own(name) },
            Self::InvalidLastName { name } => Description::InvalidLastName { name: own(name) },
            Self::InvalidEmail { email } => Description::InvalidEmail { email: own(email) },
            Self::InvalidPassword => Description::InvalidPassword,
            Self::ExceededTokenGenerationLimit => Description::ExceededTokenGenerationLimit,
            Self::InsufficientPrivileges => Description::InsufficientPrivileges,
            Self::Other(text) => Description::Other(own(text)),
        }
    }

    /// The template and value the text stands for, whichever variant holds
    /// it: what equality and hashing compare.
    fn key(&self) -> (Option<Template>, &str) {
        match self {
            Self::Other(text) => match match_template(text) {
                Some((template, value)) => (Some(template), value),
                None => (None, text),
            },
            _ => (self.template(), self.value().unwrap_or_default()),
        }
    }
}

/// Which template `text` follows, with the value it carries: the same answer
/// as [`Template::match_description`], found by checking only the template
/// the text's first bytes allow rather than trying each in turn (no text
/// can follow two templates: no template's prefix starts another's).
#[inline]
fn match_template(text: &str) -> Option<(Template, &str)> {
    match text.strip_prefix("Invalid ") {
        Some(rest) => match rest.as_bytes().first()? {
            b'u' => follows(Template::InvalidUsername, text),
            b'f' => follows(Template::InvalidFirstName, text),
            b'l' => follows(Template::InvalidLastName, text),
            b'e' => follows(Template::InvalidEmail, text),
            b'p' => follows(Template::InvalidPassword, text),
            _ => None,
        },
        None => match text.as_bytes().first()? {
            b'E' => follows(Template::ExceededTokenGenerationLimit, text),
            b'I' => follows(Template::InsufficientPrivileges, text),
            _ => None,
        },
    }
}

/// `template` and the value `text` carries, if `text` follows `template`.
/// Meant to be inlined into each call, where the template's texts are
/// constants and their comparisons become a few word loads.
#[inline]
fn follows(template: Template, text: &str) -> Option<(Template, &str)> {
    template.value_in(text).map(|value| (template, value))
}

impl<'a> From<&'a str> for Description<'a> {
    fn from(text: &'a str) -> Self {
        Self::parse(text)
    }
}

impl From<String> for Description<'_> {
    fn from(text: String) -> Self {
        Self::from_cow(Cow::Owned(text))
    }
}

impl<'a> From<Cow<'a, str>> for Description<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Self::from_cow(text)
    }
}

/// The description of a template without a value.
impl From<Template> for Description<'_> {
    fn from(template: Template) -> Self {
        Self::typed(template, Cow::Borrowed(""))
    }
}

impl PartialEq for Description<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Description<'_> {}

impl PartialEq<Template> for Description<'_> {
    fn eq(&self, other: &Template) -> bool {
        self.key().0 == Some(*other)
    }
}

impl Hash for Description<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// Writes the description's text exactly as it goes on the wire.
impl fmt::Display for Description<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, self.template()) {
            (Self::Other(text), _) => f.write_str(text),
            (_, Some(template)) => {
                f.write_str(template.prefix())?;
                f.write_str(self.value().unwrap_or_default())?;
                f.write_str(template.suffix())
            }
            (_, None) => Ok(()),
        }
    }
}

/// Serializes the text, as a JSON string.
impl serde::Serialize for Description<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Deserializes a JSON string, owning the value.
impl<'de> serde::Deserialize<'de> for Description<'_> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = CowStr::deserialize(deserializer)?.0.into_owned();
        Ok(Self::from_cow(Cow::Owned(text)))
    }
}
