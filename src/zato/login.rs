//! The User.login request.

use std::fmt;

/// The body of a User.login request (`POST /zato/sso/user/login`).
///
/// Optional fields are left out of the JSON when absent. `Debug` never shows
/// the passwords or the TOTP code.
///
/// ```
/// use sso_errors::zato::LoginRequest;
///
/// let request = LoginRequest::new("user1", "SD:n25a9-?Z8e-49bQ  D%", "CRM");
/// assert_eq!(
///     serde_json::to_string(&request)?,
///     r#"{"username":"user1","password":"SD:n25a9-?Z8e-49bQ  D%","current_app":"CRM"}"#,
/// );
/// assert!(!format!("{request:?}").contains("SD:n25a9"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct LoginRequest {
    /// Username to log in with.
    pub username: String,
    /// Password for username.
    pub password: String,
    /// Name of the application that the call is attempted from.
    pub current_app: String,
    /// TOTP code, if the user has two-factor authentication enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_code: Option<String>,
    /// Required only if the current password has already expired or the user
    /// needs to set a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_password: Option<String>,
    /// Remote address (IP) of the API client, accepted only if configuration
    /// allows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_addr: Option<String>,
    /// User agent of the API client, accepted only if configuration allows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

impl LoginRequest {
    /// A request with the three required fields.
    #[must_use]
    pub fn new(
        username: impl Into<String>,
        password: impl Into<String>,
        current_app: impl Into<String>,
    ) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
            current_app: current_app.into(),
            totp_code: None,
            new_password: None,
            remote_addr: None,
            user_agent: None,
        }
    }

    /// Sets the TOTP code.
    #[must_use]
    pub fn with_totp_code(mut self, totp_code: impl Into<String>) -> Self {
        self.totp_code = Some(totp_code.into());
        self
    }

    /// Sets the new password.
    #[must_use]
    pub fn with_new_password(mut self, new_password: impl Into<String>) -> Self {
        self.new_password = Some(new_password.into());
        self
    }

    /// Sets the remote address.
    #[must_use]
    pub fn with_remote_addr(mut self, remote_addr: impl Into<String>) -> Self {
        self.remote_addr = Some(remote_addr.into());
        self
    }

    /// Sets the user agent.
    #[must_use]
    pub fn with_user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }
}

/// The fields, the passwords and the TOTP code redacted, escaped and capped
/// at [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
impl fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |set: bool| if set { Some("…") } else { None };
        crate::text::capped_debug(
            f,
            &crate::text::DebugWith(|f: &mut fmt::Formatter<'_>| {
                f.debug_struct("LoginRequest")
                    .field("username", &self.username)
                    .field("password", &"…")
                    .field("current_app", &self.current_app)
                    .field("totp_code", &hidden(self.totp_code.is_some()))
                    .field("new_password", &hidden(self.new_password.is_some()))
                    .field("remote_addr", &self.remote_addr)
                    .field("user_agent", &self.user_agent)
                    .finish()
            }),
        )
    }
}
