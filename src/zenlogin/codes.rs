//! The Zenlogin error catalog.

catalog! {
    /// A Zenlogin error code, as the `code` member of a JSON:API error object
    /// carries it (a JSON string such as `"3003"`).
    ///
    /// Every code of Zenlogin's published error table. The table prints `101`
    /// between 1010 and 1012, for `req_test`: a typo for 1011. The variant is
    /// [`InvalidReqTest`](Self::InvalidReqTest), canonical code `1011`, and
    /// `101` is accepted as its alias.
    ///
    /// The [`description`](Self::description) is the table's detail text,
    /// verbatim, with its `*field*` markup and its placeholders (`$value`,
    /// `{{owner.emailAddress}}`, `{{identityEmailAddress}}`): see
    /// [`template`](Self::template) to fill them in and
    /// [`parse_detail`](Self::parse_detail) to read them back.
    ///
    /// **HTTP status.** Zenlogin answers a *request error* (its server could
    /// not process the request) with 500 and a *processing error* ("an
    /// invalid argument") with 400. The request errors are the three codes
    /// whose text says the request itself was not processed: 1000 (could not
    /// be processed), 1001 (down for maintenance) and 1002 (too large: "we
    /// cannot process it", refused before any argument is looked at, with the
    /// same "Please contact support" as 1000). Every other code (arguments,
    /// account, application, API credential) is a processing error: 400.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, Group};
    ///
    /// let code: ErrorCode = "3003".parse()?;
    /// assert_eq!(code, ErrorCode::InvalidApplicationKey);
    /// assert_eq!(code.field(), Some("application_key"));
    /// assert_eq!(code.group(), Group::Application);
    /// assert_eq!(code.http_status(), 400);
    /// assert_eq!(ErrorCode::RequestNotProcessed.http_status(), 500);
    ///
    /// // The table's `101` is 1011.
    /// assert_eq!(ErrorCode::from_code("101"), Some(ErrorCode::InvalidReqTest));
    /// assert_eq!(ErrorCode::InvalidReqTest.code(), "1011");
    /// assert_eq!(ErrorCode::InvalidReqTest.alias(), Some("101"));
    /// # Ok::<(), sso_errors::UnknownCode>(())
    /// ```
    // The detail texts quote Zenlogin's settings URL as is.
    #[allow(rustdoc::bare_urls)]
    pub enum ErrorCode: u8 {
        vendor: Zenlogin,
        noun: "error",
        RequestNotProcessed = "1000" {
            http: 500, origin: Documentation, kind: Internal,
            text: "API request could not be processed. Please contact support: support@zenlogin.co",
        }
        DownForMaintenance = "1001" {
            http: 500, origin: Documentation, kind: Unavailable,
            text: "Zenlogin is down for maintenance. This request will not be processed.",
        }
        RequestTooLarge = "1002" {
            http: 500, origin: Documentation, kind: TooLarge,
            text: "Your request is too large. For security reasons, we cannot process it. Please contact support: support@zenlogin.co",
        }
        IdentityKeyPlaceholder = "1003" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "The *identity_key* value is still using the placeholder value. Please change this to the key for the user logging into your product.",
        }
        IdentityEmailAddressPlaceholder = "1004" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "The *identity_email_address* value is still using the placeholder value. Please change this to the email address for the user logging into your product.",
        }
        UserAgentPlaceholder = "1005" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "The *user_agent* value is still using the placeholder value. Please change this to the User Agent that the user is logging in from.",
        }
        IpAddressPlaceholder = "1006" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "The *ip_address* value is still using the placeholder value. Please change this to the IP Address that the user is logging in from.",
        }
        IdentityEmailAddressNotValid = "1007" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "POST argument *identity_email_address* must be a valid email address. The following was passed in: $value",
        }
        IdentityMetadataNotJsonObject = "1008" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "POST argument *identity_metadata* can only be a JSON object. The following was passed in: $value",
        }
        InvalidIpAddress = "1009" {
            http: 400, origin: Documentation, kind: InvalidInput,
            text: "Invalid *ip_address* POST value: $value",
        }
        InvalidRequestPath = "1010" {
            http: 400, origin: Documentation, kind: BadRequest,
            text: "Invalid request path: $value",
        }
        InvalidReqTest = "1011" {
            alias: "101", http: 400, origin: Documentation, kind: BadRequest,
            text: "Invalid *req_test* POST value. Can only be the number 0 or 1 (or do not send it along)",
        }
        InvalidReqWait = "1012" {
            http: 400, origin: Documentation, kind: BadRequest,
            text: "Invalid *req_wait* POST value. Can only be the number 0 or 1 (or do not send it along)",
        }
        InvalidReqProcess = "1013" {
            http: 400, origin: Documentation, kind: BadRequest,
            text: "Invalid *req_process* POST value. Can only be the number 0 or 1 (or do not send it along)",
        }
        InvalidReqForceSend = "1014" {
            http: 400, origin: Documentation, kind: BadRequest,
            text: "Invalid *req_force_send* POST value. Can only be the number 0 or 1 (or do not send it along)",
        }
        XApiSecretKeyRequired = "1015" {
            http: 400, origin: Documentation, kind: MissingInput,
            text: "Header *X_API_SECRET_KEY* is required",
        }
        IdentityEmailAddressRequired = "1016" {
            http: 400, origin: Documentation, kind: MissingInput,
            text: "POST argument *identity_email_address* is required",
        }
        IdentityKeyRequired = "1017" {
            http: 400, origin: Documentation, kind: MissingInput,
            text: "POST argument *identity_key* is required",
        }
        IpAddressRequired = "1018" {
            http: 400, origin: Documentation, kind: MissingInput,
            text: "POST argument *ip_address* is required",
        }
        UserAgentRequired = "1019" {
            http: 400, origin: Documentation, kind: MissingInput,
            text: "POST argument *user_agent* is required",
        }
        IpAddressTooLong = "1020" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *ip_address* must be less than (or equal to) 256 characters in length (including multibyte characters",
        }
        UserAgentTooLong = "1021" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *user_agent* must be less than (or equal to) 512 characters in length (including multibyte characters",
        }
        IdentityKeyTooLong = "1022" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *identity_key* must be less than (or equal to) 128 characters in length (including multibyte characters",
        }
        IdentityEmailAddressTooLong = "1023" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *identity_email_address* must be less than (or equal to) 256 characters in length (including multibyte characters",
        }
        IdentityFirstNameTooLong = "1024" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *identity_first_name* must be less than (or equal to) 256 characters in length (including multibyte characters",
        }
        IdentityLastNameTooLong = "1025" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *identity_last_name* must be less than (or equal to) 256 characters in length (including multibyte characters",
        }
        IdentityFullNameTooLong = "1026" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *identity_full_name* must be less than (or equal to) 256 characters in length (including multibyte characters",
        }
        IdentityMetadataTooLong = "1027" {
            http: 400, origin: Documentation, kind: TooLarge,
            text: "POST argument *identity_metadata* must be less than (or equal to) 1024 characters in length (including multibyte characters",
        }
        AccountFrozen = "2000" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "The account associated with this application has been frozen. Please contact support: support@zenlogin.co",
        }
        AccountNoLongerValid = "2001" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "The account associated with this application is no longer valid. Please contact support: support@zenlogin.co",
        }
        ApplicationDisabled = "3000" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "This application has been disabled. Please log into your Zenlogin account to re-enable it: https://zenlogin.co/admin/account/settings",
        }
        AccountPendingApproval = "3001" {
            http: 400, origin: Documentation, kind: NotApproved,
            text: "While your account is pending approval, email notifications can only be tested for the email address {{owner.emailAddress}}. You are attempting to make a request for the email address: {{identityEmailAddress}}",
        }
        ApplicationFrozen = "3002" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "This application has been frozen. Please contact support: support@zenlogin.co",
        }
        InvalidApplicationKey = "3003" {
            http: 400, origin: Documentation, kind: Misconfigured, example: "appl01234567891",
            text: "Invalid *application_key* URL param: $value",
        }
        ApplicationNoLongerValid = "3004" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "This application is no longer valid. Please contact support: support@zenlogin.co",
        }
        ApiCredentialFrozen = "4000" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "This API credential has been frozen. Please contact support: support@zenlogin.co",
        }
        ApiCredentialNoLongerValid = "4001" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "This API credential is no longer valid. Please contact support: support@zenlogin.co",
        }
        InvalidXApiSecretKey = "4002" {
            http: 400, origin: Documentation, kind: Misconfigured,
            text: "Invalid *X_API_SECRET_KEY* Header value: $value",
        }
    }
}

/// What a Zenlogin code is about, from its first digit.
///
/// ```
/// use sso_errors::zenlogin::{ErrorCode, Group};
///
/// assert_eq!(ErrorCode::IpAddressRequired.group(), Group::Request);
/// assert_eq!(ErrorCode::AccountFrozen.group(), Group::Account);
/// assert_eq!(ErrorCode::InvalidXApiSecretKey.group(), Group::ApiCredential);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Group {
    /// `1xxx`: the request or one of its arguments (POST arguments, headers,
    /// the request path), including the three request errors 1000–1002.
    Request,
    /// `2xxx`: the Zenlogin account the application belongs to.
    Account,
    /// `3xxx`: the application (its key, its state, its approval).
    Application,
    /// `4xxx`: the API credential (`X_API_SECRET_KEY`).
    ApiCredential,
}

impl Group {
    /// The group's name, in Zenlogin's words.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Account => "account",
            Self::Application => "application",
            Self::ApiCredential => "API credential",
        }
    }
}

/// Writes the group's [`name`](Group::name).
impl core::fmt::Display for Group {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl ErrorCode {
    /// The code as a number (`3003`).
    ///
    /// ```
    /// use sso_errors::zenlogin::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::InvalidApplicationKey.number(), 3003);
    /// assert_eq!(ErrorCode::InvalidReqTest.number(), 1011);
    /// ```
    #[must_use]
    pub const fn number(self) -> u16 {
        let mut digits = self.code().as_bytes();
        let mut number: u16 = 0;
        while let [digit, rest @ ..] = digits {
            // Every code is four ASCII digits: no overflow.
            if digit.is_ascii_digit() {
                number = number
                    .saturating_mul(10)
                    .saturating_add((*digit - b'0') as u16);
            }
            digits = rest;
        }
        number
    }

    /// What the code is about, from its first digit.
    #[must_use]
    pub const fn group(self) -> Group {
        match self.code().as_bytes() {
            [b'2', ..] => Group::Account,
            [b'3', ..] => Group::Application,
            [b'4', ..] => Group::ApiCredential,
            _ => Group::Request,
        }
    }

    /// The request field the code is about, where its text names one: the
    /// name the text marks up as `*field*` (a POST argument, a header, a URL
    /// parameter).
    ///
    /// ```
    /// use sso_errors::zenlogin::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::IdentityEmailAddressNotValid.field(), Some("identity_email_address"));
    /// assert_eq!(ErrorCode::XApiSecretKeyRequired.field(), Some("X_API_SECRET_KEY"));
    /// assert_eq!(ErrorCode::AccountFrozen.field(), None);
    /// ```
    #[must_use]
    pub const fn field(self) -> Option<&'static str> {
        marked_up(self.description())
    }
}

/// The text between the first two `*` of `text`, if there are two with
/// something between them.
const fn marked_up(text: &'static str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    let mut open = 0;
    while matches!(crate::perfect::byte_at(bytes, open), Some(b) if b != b'*') {
        open += 1;
    }
    let start = open + 1;
    let mut close = start;
    while matches!(crate::perfect::byte_at(bytes, close), Some(b) if b != b'*') {
        close += 1;
    }
    if close >= bytes.len() || close == start {
        return None;
    }
    // `start < close < len`, and `*` is ASCII, so both cuts are in range
    // and on character boundaries.
    let (_, tail) = bytes.split_at(start);
    let (name, _) = tail.split_at(close - start);
    match core::str::from_utf8(name) {
        Ok(name) => Some(name),
        Err(_) => None,
    }
}

impl core::error::Error for ErrorCode {}

impl ErrorCode {
    /// Whether the code's detail echoes a secret of the caller's: 4002's
    /// `$value` is the `X_API_SECRET_KEY` header it was sent. Wherever the
    /// crate writes such a detail (`Display`, `Debug`, a reply's
    /// [`detail`](crate::ReplyContent::detail) and so a problem document),
    /// the value is `<redacted>`.
    ///
    /// ```
    /// use sso_errors::zenlogin::ErrorCode;
    ///
    /// assert!(ErrorCode::InvalidXApiSecretKey.echoes_secret());
    /// assert!(!ErrorCode::InvalidApplicationKey.echoes_secret());
    /// ```
    #[must_use]
    pub const fn echoes_secret(self) -> bool {
        matches!(self, Self::InvalidXApiSecretKey)
    }
}

#[cfg(test)]
mod tests {
    use super::marked_up;

    #[test]
    fn the_marked_up_name_is_between_the_first_two_stars() {
        assert_eq!(
            marked_up("Invalid *ip_address* POST value"),
            Some("ip_address")
        );
        assert_eq!(marked_up("*a*"), Some("a"));
        assert_eq!(marked_up("no mark"), None);
        assert_eq!(marked_up("one *mark"), None);
        assert_eq!(marked_up("empty ** mark"), None);
        assert_eq!(marked_up("ends with *"), None);
        assert_eq!(marked_up(""), None);
    }
}
