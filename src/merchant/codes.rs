//! The merchant catalog: documented `(code, errorName)` pairs, and the
//! templates their descriptions follow.

catalog! {
    /// A documented merchant error: one `(code, errorName)` pair.
    ///
    /// The provider reuses a code under several `errorName`s across its APIs,
    /// so an entry of a body is identified by the **pair**, never by the code
    /// alone: use [`from_pair`](Self::from_pair) for what a body carries.
    ///
    /// | variant | `code` | `errorName` | HTTP |
    /// | --- | --- | --- | --- |
    /// | [`ValidationGeneralFailure`](Self::ValidationGeneralFailure) | `10001` | `VALIDATION_GENERAL_FAILURE` | 400 |
    /// | [`FailedToGenerateSsoToken`](Self::FailedToGenerateSsoToken) | `50500` | `Failed to generate SSO token` | 403 |
    ///
    /// The code-only lookups ([`from_code`](Self::from_code),
    /// [`resolve`](Self::resolve), `FromStr`) name the *documented* entry that
    /// has this code. They do not say that a received entry is that entry:
    /// `{"code":"10001","errorName":"INVALID_PLAN"}` is not
    /// `ValidationGeneralFailure`.
    ///
    /// ```
    /// use sso_errors::merchant::ErrorCode;
    ///
    /// let known = ErrorCode::from_pair("50500", "Failed to generate SSO token");
    /// assert_eq!(known, Some(ErrorCode::FailedToGenerateSsoToken));
    /// assert_eq!(ErrorCode::from_pair("10001", "INVALID_PLAN"), None);
    ///
    /// let documented = ErrorCode::ValidationGeneralFailure;
    /// assert_eq!(documented.code(), "10001");
    /// assert_eq!(documented.error_name(), "VALIDATION_GENERAL_FAILURE");
    /// assert_eq!(documented.http_status(), 400);
    /// ```
    pub enum ErrorCode: u8 {
        vendor: Merchant,
        noun: "error",
        ValidationGeneralFailure = "10001" {
            label: "VALIDATION_GENERAL_FAILURE",
            http: 400,
            origin: Documentation, kind: InvalidInput,
            example: "Invalid username: finance1234 already exists",
            text: "A User API request failed validation; the description names the offending field (username, first name, last name, email or password)",
        }
        FailedToGenerateSsoToken = "50500" {
            label: "Failed to generate SSO token",
            http: 403,
            origin: Documentation, kind: RateLimited,
            example: "Exceeded limit of SSO token generations per minute",
            text: "SSO token generation was refused: too many tokens were generated, or the user ID does not belong to the caller",
        }
    }
}

impl ErrorCode {
    /// The `errorName` the entry is documented with, exactly as the provider
    /// writes it (`VALIDATION_GENERAL_FAILURE`, `Failed to generate SSO
    /// token`).
    #[must_use]
    pub const fn error_name(self) -> &'static str {
        // Every row has a label.
        match self.label() {
            Some(label) => label,
            None => "",
        }
    }

    /// Looks a received entry up by its `(code, errorName)` pair: `Some` only
    /// when both match one documented entry exactly (case and spaces
    /// included).
    ///
    /// ```
    /// use sso_errors::merchant::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::from_pair("10001", "VALIDATION_GENERAL_FAILURE"),
    ///     Some(ErrorCode::ValidationGeneralFailure),
    /// );
    /// assert_eq!(ErrorCode::from_pair("10001", "validation_general_failure"), None);
    /// assert_eq!(ErrorCode::from_pair("50500", "VALIDATION_GENERAL_FAILURE"), None);
    /// ```
    #[must_use]
    #[inline]
    pub fn from_pair(code: &str, error_name: &str) -> Option<Self> {
        // The name first: a `match` on it, then the code's exact check (a
        // code is at most 7 bytes, compared as one word).
        match Self::by_label(error_name) {
            Some(entry) if crate::perfect::same_text(entry.code(), code) => Some(entry),
            _ => None,
        }
    }

    /// Like [`from_pair`](Self::from_pair), for a code received as a JSON
    /// number.
    ///
    /// ```
    /// use sso_errors::merchant::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::from_number_pair(10001, "VALIDATION_GENERAL_FAILURE"),
    ///     Some(ErrorCode::ValidationGeneralFailure),
    /// );
    /// ```
    #[must_use]
    pub fn from_number_pair(code: u64, error_name: &str) -> Option<Self> {
        match Self::code_for_number(code) {
            Some(code) => Self::from_pair(code, error_name),
            None => None,
        }
    }

    /// The documented code whose decimal digits are `code`, as the string the
    /// provider writes (`10001` → `"10001"`); `None` when no entry has it.
    #[must_use]
    pub const fn code_for_number(code: u64) -> Option<&'static str> {
        let mut rest: &[Self] = Self::ALL;
        while let [entry, tail @ ..] = rest {
            let text = entry.code();
            if decimal_eq(text.as_bytes(), code) {
                return Some(text);
            }
            rest = tail;
        }
        None
    }

    /// The documented entry with this `errorName`, whatever its code.
    ///
    /// ```
    /// use sso_errors::merchant::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::from_error_name("Failed to generate SSO token"),
    ///     Some(ErrorCode::FailedToGenerateSsoToken),
    /// );
    /// ```
    #[must_use]
    #[inline]
    pub fn from_error_name(error_name: &str) -> Option<Self> {
        Self::by_label(error_name)
    }

    /// An example description the entry is documented with.
    #[must_use]
    pub const fn example(self) -> &'static str {
        match self.example_opt() {
            Some(example) => example,
            None => "",
        }
    }

    /// The description templates documented for the entry.
    ///
    /// ```
    /// use sso_errors::merchant::{ErrorCode, Template};
    ///
    /// assert_eq!(
    ///     ErrorCode::FailedToGenerateSsoToken.templates(),
    ///     [Template::ExceededTokenGenerationLimit, Template::InsufficientPrivileges],
    /// );
    /// ```
    #[must_use]
    pub const fn templates(self) -> &'static [Template] {
        match self {
            Self::ValidationGeneralFailure => &[
                Template::InvalidUsername,
                Template::InvalidFirstName,
                Template::InvalidLastName,
                Template::InvalidEmail,
                Template::InvalidPassword,
            ],
            Self::FailedToGenerateSsoToken => &[
                Template::ExceededTokenGenerationLimit,
                Template::InsufficientPrivileges,
            ],
        }
    }
}

impl core::error::Error for ErrorCode {}

/// A documented description: fixed text around at most one value.
///
/// Each template is a `prefix`, then the value it carries (if any), then a
/// `suffix`. A description matches a template when it starts with the prefix
/// and ends with the suffix, the two not overlapping; the value is everything
/// between them, so it may be empty or contain anything, the suffix
/// included (`Invalid username: a already exists already exists` carries the
/// username `a already exists`). A template without a value matches its text
/// exactly. No description matches two templates.
///
/// | template | text | HTTP |
/// | --- | --- | --- |
/// | [`InvalidUsername`](Self::InvalidUsername) | `Invalid username: <username> already exists` | 400 |
/// | [`InvalidFirstName`](Self::InvalidFirstName) | `Invalid first name <name>` | 400 |
/// | [`InvalidLastName`](Self::InvalidLastName) | `Invalid last name <name>` | 400 |
/// | [`InvalidEmail`](Self::InvalidEmail) | `Invalid email <email>` | 400 |
/// | [`InvalidPassword`](Self::InvalidPassword) | `Invalid password` | 400 |
/// | [`ExceededTokenGenerationLimit`](Self::ExceededTokenGenerationLimit) | `Exceeded limit of SSO token generations per minute` | 403, retryable |
/// | [`InsufficientPrivileges`](Self::InsufficientPrivileges) | `Insufficient Privileges: not allowed to call this API` | 403 |
///
/// ```
/// use sso_errors::merchant::Template;
///
/// assert_eq!(
///     Template::match_description("Invalid email @bls.com"),
///     Some((Template::InvalidEmail, "@bls.com")),
/// );
/// assert_eq!(Template::match_description("Invalid first name "), Some((Template::InvalidFirstName, "")));
/// assert_eq!(Template::match_description("Invalid plan"), None);
/// assert!(Template::ExceededTokenGenerationLimit.is_retryable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Template {
    /// `Invalid username: <username> already exists` (validation, 400).
    InvalidUsername,
    /// `Invalid first name <name>` (validation, 400).
    InvalidFirstName,
    /// `Invalid last name <name>` (validation, 400).
    InvalidLastName,
    /// `Invalid email <email>` (validation, 400).
    InvalidEmail,
    /// `Invalid password` (validation, 400).
    InvalidPassword,
    /// `Exceeded limit of SSO token generations per minute` (token
    /// generation, 403): too many tokens were generated; retry later.
    ExceededTokenGenerationLimit,
    /// `Insufficient Privileges: not allowed to call this API` (token
    /// generation, 403): the user ID does not belong to the caller.
    InsufficientPrivileges,
}

impl Template {
    /// Every template, in the order the documentation lists them.
    pub const ALL: &'static [Self] = &[
        Self::InvalidUsername,
        Self::InvalidFirstName,
        Self::InvalidLastName,
        Self::InvalidEmail,
        Self::InvalidPassword,
        Self::ExceededTokenGenerationLimit,
        Self::InsufficientPrivileges,
    ];

    /// The text before the value (the whole text for a template without
    /// one).
    #[must_use]
    pub const fn prefix(self) -> &'static str {
        match self {
            Self::InvalidUsername => "Invalid username: ",
            Self::InvalidFirstName => "Invalid first name ",
            Self::InvalidLastName => "Invalid last name ",
            Self::InvalidEmail => "Invalid email ",
            Self::InvalidPassword => "Invalid password",
            Self::ExceededTokenGenerationLimit => {
                "Exceeded limit of SSO token generations per minute"
            }
            Self::InsufficientPrivileges => "Insufficient Privileges: not allowed to call this API",
        }
    }

    /// The text after the value (empty for most templates).
    #[must_use]
    pub const fn suffix(self) -> &'static str {
        match self {
            Self::InvalidUsername => " already exists",
            _ => "",
        }
    }

    /// The name of the value the template carries, as the documentation
    /// writes its placeholder (`username`, `name`, `email`); `None` for a
    /// fixed text.
    #[must_use]
    pub const fn placeholder(self) -> Option<&'static str> {
        match self {
            Self::InvalidUsername => Some("username"),
            Self::InvalidFirstName | Self::InvalidLastName => Some("name"),
            Self::InvalidEmail => Some("email"),
            Self::InvalidPassword
            | Self::ExceededTokenGenerationLimit
            | Self::InsufficientPrivileges => None,
        }
    }

    /// The template as the documentation writes it, placeholder included
    /// (`Invalid first name <name>`).
    #[must_use]
    pub const fn text(self) -> &'static str {
        match self {
            Self::InvalidUsername => "Invalid username: <username> already exists",
            Self::InvalidFirstName => "Invalid first name <name>",
            Self::InvalidLastName => "Invalid last name <name>",
            Self::InvalidEmail => "Invalid email <email>",
            Self::InvalidPassword
            | Self::ExceededTokenGenerationLimit
            | Self::InsufficientPrivileges => self.prefix(),
        }
    }

    /// The catalog entry the template is documented under.
    #[must_use]
    pub const fn error_code(self) -> ErrorCode {
        match self {
            Self::InvalidUsername
            | Self::InvalidFirstName
            | Self::InvalidLastName
            | Self::InvalidEmail
            | Self::InvalidPassword => ErrorCode::ValidationGeneralFailure,
            Self::ExceededTokenGenerationLimit | Self::InsufficientPrivileges => {
                ErrorCode::FailedToGenerateSsoToken
            }
        }
    }

    /// The HTTP status a body with this description comes with: 400 for
    /// validation, 403 for refused token generation.
    #[must_use]
    pub const fn http_status(self) -> u16 {
        self.error_code().http_status()
    }

    /// What a description of the template means for the caller.
    #[must_use]
    pub const fn kind(self) -> crate::ErrorKind {
        use crate::ErrorKind;
        match self {
            Self::InvalidUsername => ErrorKind::AlreadyExists,
            Self::InvalidFirstName
            | Self::InvalidLastName
            | Self::InvalidEmail
            | Self::InvalidPassword => ErrorKind::InvalidInput,
            Self::ExceededTokenGenerationLimit => ErrorKind::RateLimited,
            Self::InsufficientPrivileges => ErrorKind::NotAllowed,
        }
    }

    /// Whether the same request may succeed later, as the
    /// [`kind`](Self::kind) says: only
    /// [`ExceededTokenGenerationLimit`](Self::ExceededTokenGenerationLimit),
    /// a per-minute limit.
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        self.kind().is_retryable()
    }

    /// Whether the template carries a value.
    #[must_use]
    pub const fn has_value(self) -> bool {
        self.placeholder().is_some()
    }

    /// Which template `description` follows, with the value it carries
    /// (empty for a fixed text); `None` when it follows none.
    ///
    /// Deterministic: the value is everything between the prefix and the
    /// suffix (see the type's documentation).
    #[must_use]
    pub fn match_description(description: &str) -> Option<(Self, &str)> {
        Self::ALL.iter().find_map(|&template| {
            template
                .value_in(description)
                .map(|value| (template, value))
        })
    }

    /// The value `description` carries if it follows this template.
    #[must_use]
    pub fn value_in(self, description: &str) -> Option<&str> {
        if self.has_value() {
            description
                .strip_prefix(self.prefix())?
                .strip_suffix(self.suffix())
        } else if description == self.prefix() {
            Some("")
        } else {
            None
        }
    }
}

/// Writes the template as the documentation does (`Invalid email <email>`).
impl core::fmt::Display for Template {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.text())
    }
}

/// Whether `text` is the plain decimal spelling of `number` (no sign, no
/// leading zero).
const fn decimal_eq(text: &[u8], number: u64) -> bool {
    if let [] | [b'0', _, ..] = text {
        return false;
    }
    let mut value: u64 = 0;
    let mut rest = text;
    while let [digit, tail @ ..] = rest {
        let digit = *digit;
        rest = tail;
        if !digit.is_ascii_digit() {
            return false;
        }
        value = match value.checked_mul(10) {
            Some(v) => match v.checked_add((digit - b'0') as u64) {
                Some(v) => v,
                None => return false,
            },
            None => return false,
        };
    }
    value == number
}
