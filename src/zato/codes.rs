//! The Zato SSO status and sub-status catalogs.

catalog! {
    /// The top-level `status` of a Zato SSO response.
    ///
    /// ```
    /// use sso_errors::zato::Status;
    ///
    /// assert_eq!(Status::from_code("warning"), Some(Status::Warning));
    /// assert_eq!(Status::Error.http_status(), 403);
    /// assert_eq!(Status::Ok.to_string(), "ok");
    /// ```
    pub enum Status: u8 {
        vendor: Zato,
        noun: "status",
        Ok = "ok" {
            http: 200,
            origin: Both, kind: Success,
            text: "Operation completed successfully, there is no error nor warning to report",
        }
        Warning = "warning" {
            http: 200,
            origin: Both, kind: Success,
            text: "Operation may have completed successfully but there was an issue to report, check sub-status for details",
        }
        Error = "error" {
            http: 403,
            origin: Both, kind: Unspecified,
            text: "Operation failed, check sub-status for details",
        }
    }
}

catalog! {
    /// A Zato SSO sub-status code: `E` for an error, `W` for a warning.
    ///
    /// The 36 codes of Zato's published status-code table plus the two the
    /// server sends without documenting them (`E003008`, `E005008`). The
    /// documentation's `E010010` is the server's `E010001`: the variant is
    /// [`PasswordResetCouldNotAccess`](Self::PasswordResetCouldNotAccess),
    /// canonical code `E010001`, and `E010010` is accepted as its alias.
    ///
    /// ```
    /// use sso_errors::zato::{Severity, SubStatus};
    ///
    /// let code = SubStatus::from_code("E005001").unwrap();
    /// assert_eq!(code, SubStatus::AuthNotAllowed);
    /// assert_eq!(code.label(), Some("auth.not_allowed"));
    /// assert_eq!(code.severity(), Severity::Error);
    /// assert_eq!(SubStatus::from_label("password.w_about_to_exp"), Some(SubStatus::PasswordWAboutToExp));
    /// assert_eq!(SubStatus::from_code("E010010"), Some(SubStatus::PasswordResetCouldNotAccess));
    /// ```
    pub enum SubStatus: u8 {
        vendor: Zato,
        noun: "sub-status",
        UsernameInvalid = "E001001" {
            label: "username.invalid", http: 403, origin: Both, kind: BadCredentials,
            text: "Such a username does not exist in database",
        }
        UsernameExists = "E001002" {
            label: "username.exists", http: 403, origin: Both, kind: AlreadyExists,
            text: "This username already exists - for instance, during user creation",
        }
        UsernameTooLong = "E001003" {
            label: "username.too_long", http: 403, origin: Both, kind: TooLarge,
            text: "Username is longer than configuration allows it",
        }
        UsernameHasWhitespace = "E001004" {
            label: "username.has_whitespace", http: 403, origin: Both, kind: InvalidInput,
            text: "Username contains whitespace",
        }
        UserIdInvalid = "E001100" {
            label: "user_id.invalid", http: 403, origin: Both, kind: NotFound,
            text: "Such a user ID does not exist in database",
        }
        EmailInvalid = "E002001" {
            label: "email.invalid", http: 403, origin: Both, kind: NotFound,
            text: "Such an email does not exist in database",
        }
        EmailExists = "E002002" {
            label: "email.exists", http: 403, origin: Both, kind: AlreadyExists,
            text: "This email already exists - for instance, during user creation if emails are required to be unique",
        }
        EmailTooLong = "E002003" {
            label: "email.too_long", http: 403, origin: Both, kind: TooLarge,
            text: "Email address is longer than configuration allows it",
        }
        EmailHasWhitespace = "E002004" {
            label: "email.has_whitespace", http: 403, origin: Both, kind: InvalidInput,
            text: "Email address contains whitespace",
        }
        EmailMissing = "E002005" {
            label: "email.missing", http: 403, origin: Both, kind: MissingInput,
            text: "There was no email given on input yet one is required",
        }
        PasswordInvalid = "E003001" {
            label: "password.invalid", http: 403, origin: Both, kind: InvalidInput,
            text: "Password is invalid per rules defined in configuration",
        }
        PasswordTooShort = "E003002" {
            label: "password.too_short", http: 403, origin: Both, kind: InvalidInput,
            text: "Password is too short",
        }
        PasswordTooLong = "E003003" {
            label: "password.too_long", http: 403, origin: Both, kind: TooLarge,
            text: "Password is too long",
        }
        PasswordExpired = "E003004" {
            label: "password.expired", http: 403, origin: Both, kind: Expired,
            text: "A call was issued using an account whose password has expired (e.g. in between login and this call)",
        }
        PasswordWAboutToExp = "W003005" {
            label: "password.w_about_to_exp", http: 200, origin: Both, kind: Expired,
            text: "A warning to indicate that the password is about to expire",
        }
        PasswordEAboutToExp = "E003006" {
            label: "password.e_about_to_exp", http: 403, origin: Both, kind: Expired,
            text: "Exactly as W003005 but returned as an error, per configuration",
        }
        PasswordMustSendNew = "E003007" {
            label: "password.must_send_new", http: 403, origin: Both, kind: Expired,
            text: "Request was rejected, user must send a new password to set in place of current one",
        }
        PasswordNotComplexEnough = "E003008" {
            label: "password.not_complex_enough", http: 403, origin: Server, kind: InvalidInput,
            text: "Password does not meet the complexity rules defined in configuration",
        }
        AppListInvalid = "E004001" {
            label: "app_list.invalid", http: 403, origin: Both, kind: Misconfigured,
            text: "Application name given on input was not found in configuration",
        }
        AppListNoSignup = "E004002" {
            label: "app_list.no_signup", http: 403, origin: Both, kind: NotAllowed,
            text: "Application name on input exists but it is not possible to log in from it, i.e. user must use another application to log in",
        }
        AuthNotAllowed = "E005001" {
            label: "auth.not_allowed", http: 403, origin: Both, kind: NotAllowed,
            text: "A generic 'You are not allowed to access this resource' message, may be supplemented by details in server log",
        }
        AuthLocked = "E005002" {
            label: "auth.locked", http: 403, origin: Both, kind: Locked,
            text: "Account is locked, cannot be used until unlocked",
        }
        AuthInvalidSignupStatus = "E005003" {
            label: "auth.invalid_signup_status", http: 403, origin: Both, kind: NotConfirmed,
            text: "Account cannot be used to log into because the signup process is not complete yet, e.g. the user has not confirmed it yet",
        }
        AuthNotApproved = "E005004" {
            label: "auth.not_approved", http: 403, origin: Both, kind: NotApproved,
            text: "Account waits for approval from a super-admin, it is not possible to log in until it is approved",
        }
        AuthSuperUserRequired = "E005005" {
            label: "auth.super_user_required", http: 403, origin: Both, kind: NotAllowed,
            text: "Super-user's privileges are required to carry out a given action but current user is not one",
        }
        AuthNoSuchSignUpToken = "E005006" {
            label: "auth.no_such_sign_up_token", http: 403, origin: Both, kind: NotFound,
            text: "Signup token given on input does not exist",
        }
        AuthSignUpConfirmed = "E005007" {
            label: "auth.sign_up_confirmed", http: 403, origin: Both, kind: AlreadyExists,
            text: "An attempt to confirm a signup process was made using a token that has been already used once",
        }
        AuthTotpMissing = "E005008" {
            label: "auth.totp_missing", http: 403, origin: Server, kind: MissingInput,
            text: "A TOTP code is required because the user has two-factor authentication enabled, but none was given on input",
        }
        MetadataNotAllowed = "E006001" {
            label: "metadata.not_allowed", http: 403, origin: Both, kind: Misconfigured,
            text: "Current application that the user is logging in from is not allowed to send login metadata, such as remote_addr and user_agent",
        }
        SessionNoSuchSession = "E007001" {
            label: "session.no_such_session", http: 403, origin: Both, kind: Expired,
            text: "Input user session token UST was invalid - either does not exist or the session expired",
        }
        SessionExpired = "E007002" {
            label: "session.expired", http: 403, origin: Both, kind: Expired,
            text: "The session pointed to by input UST exists but has already expired",
        }
        CommonInvalidOperation = "E008001" {
            label: "common.invalid_operation", http: 403, origin: Both, kind: NotAllowed,
            text: "The requested operation is invalid, e.g. a user attempts to delete his or her own account",
        }
        CommonInvalidInput = "E008002" {
            label: "common.invalid_input", http: 403, origin: Both, kind: InvalidInput,
            text: "At least one of values given on input was not valid",
        }
        CommonMissingInput = "E008003" {
            label: "common.missing_input", http: 403, origin: Both, kind: MissingInput,
            text: "A value was expected on input but it was not provided by the caller",
        }
        CommonInternalError = "E008004" {
            label: "common.internal_error", http: 403, origin: Both, kind: Internal,
            text: "An internal error has occurred, check server logs for details",
        }
        AttrAlreadyExists = "E009001" {
            label: "attr.already_exists", http: 403, origin: Both, kind: AlreadyExists,
            text: "An attempt was made to create an attribute of a name that already exists",
        }
        AttrNoSuchAttr = "E009002" {
            label: "attr.no_such_attr", http: 403, origin: Both, kind: NotFound,
            text: "An attempt was made to access an attribute of a name that does not exist (applies to all of .get, .update and .delete)",
        }
        PasswordResetCouldNotAccess = "E010001" {
            alias: "E010010", label: "password_reset.could_not_access", http: 403, origin: Both, kind: Expired,
            text: "Input password reset token or reset key could not be accessed for any reason, e.g. they never existed or they already expired or the one-time use reset token was already accessed earlier",
        }
    }
}

/// Whether a sub-status reports an error or a warning, from its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// `W` prefix: the operation may have succeeded; there is an issue to report.
    Warning,
    /// `E` prefix: the operation failed.
    Error,
}

impl Severity {
    /// The top-level status a response carrying only codes of this severity has.
    #[must_use]
    #[inline]
    pub const fn status(self) -> Status {
        match self {
            Self::Warning => Status::Warning,
            Self::Error => Status::Error,
        }
    }
}

impl SubStatus {
    /// Error or warning, from the code's `E`/`W` prefix.
    #[must_use]
    #[inline]
    pub const fn severity(self) -> Severity {
        match self.code().as_bytes() {
            [b'W', ..] => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Whether the code is a warning (`W` prefix).
    #[must_use]
    #[inline]
    pub const fn is_warning(self) -> bool {
        matches!(self.severity(), Severity::Warning)
    }
}

impl Status {
    /// Whether the operation failed.
    #[must_use]
    #[inline]
    pub const fn is_error(self) -> bool {
        matches!(self, Self::Error)
    }
}

impl core::error::Error for SubStatus {}
