//! Everything a merchant endpoint can answer an error with: an error body, or
//! nothing at all.

use std::fmt;

use super::ErrorBody;
use super::body::{not_an_error_body, not_json};
use crate::{Error, Vendor};

/// An error answer of a merchant User Management / SSO-token endpoint, given
/// its HTTP status.
///
/// | variant | HTTP | body |
/// | --- | --- | --- |
/// | [`Body`](Reply::Body) | 400 validation, 403 token generation refused (other statuses from the provider's other APIs) | `{"message":[…]}` |
/// | [`NoBody`](Reply::NoBody) | 401 or 403: insufficient privileges, as documented for every API | none |
///
/// The provider's web server may also answer a 401 with an HTML error page:
/// [`parse`](Self::parse) reports it as [`Error::NotAnErrorBody`] with the
/// status, as it does an empty body with any status but 401 or 403.
///
/// ```
/// use sso_errors::Error;
/// use sso_errors::merchant::Reply;
///
/// let reply = Reply::parse(403, b"")?;
/// assert_eq!(reply, Reply::NoBody { status: 403 });
/// assert!(reply.is_insufficient_privileges());
///
/// let html = b"<!doctype html><html><head><title>HTTP Status 401 \xE2\x80\x93 Unauthorized</title></head></html>";
/// let err = Reply::parse(401, html).unwrap_err();
/// assert!(matches!(err, Error::NotAnErrorBody { status: Some(401), .. }));
///
/// let reply = Reply::parse(400, br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password"}]}"#)?;
/// assert!(matches!(reply, Reply::Body(_)));
/// assert_eq!(reply.http_status(), Some(400));
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
// Boxing the body would cost every parse an allocation.
#[allow(clippy::large_enum_variant)]
pub enum Reply<'a> {
    /// An error body.
    Body(ErrorBody<'a>),
    /// A 401 or 403 without a body: insufficient privileges.
    NoBody {
        /// The HTTP status (401 or 403).
        status: u16,
    },
}

impl<'a> Reply<'a> {
    /// Recognises and parses an error answer, borrowing from `input`.
    ///
    /// An empty input (or only whitespace) with status 401 or 403 is
    /// [`NoBody`](Self::NoBody); anything else must be an error body.
    ///
    /// # Errors
    ///
    /// - [`Error::NotAnErrorBody`], carrying `http_status`, for an HTML
    ///   page, an empty input with a status other than 401 or 403, or an
    ///   empty `message` list;
    /// - [`Error::Malformed`] and [`Error::WrongVendor`] as for
    ///   [`ErrorBody::parse`].
    pub fn parse(http_status: u16, input: &'a [u8]) -> Result<Self, Error> {
        match not_json(input) {
            Some(_) if input.trim_ascii().is_empty() && matches!(http_status, 401 | 403) => {
                Ok(Self::NoBody {
                    status: http_status,
                })
            }
            Some(what) => Err(not_an_error_body(Some(http_status), what, input)),
            None => match ErrorBody::parse(input) {
                Ok(body) => Ok(Self::Body(body)),
                Err(Error::NotAnErrorBody {
                    vendor,
                    status: None,
                    what,
                    input,
                }) => Err(Error::NotAnErrorBody {
                    vendor,
                    status: Some(http_status),
                    what,
                    input,
                }),
                Err(err) => Err(err),
            },
        }
    }

    /// The error body, if there is one.
    #[must_use]
    pub const fn body(&self) -> Option<&ErrorBody<'a>> {
        match self {
            Self::Body(body) => Some(body),
            Self::NoBody { .. } => None,
        }
    }

    /// The HTTP status that goes with the answer: the body's (see
    /// [`ErrorBody::http_status`]), or the bodiless answer's.
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Body(body) => body.http_status(),
            Self::NoBody { status } => Some(*status),
        }
    }

    /// Whether the answer reports insufficient privileges: a bodiless 401 or
    /// 403, or a body with the description `Insufficient Privileges: not
    /// allowed to call this API`.
    #[must_use]
    pub fn is_insufficient_privileges(&self) -> bool {
        match self {
            Self::Body(body) => body
                .message()
                .iter()
                .any(|entry| entry.description == super::Template::InsufficientPrivileges),
            Self::NoBody { .. } => true,
        }
    }

    /// Whether sending the same request again later may succeed (see
    /// [`ErrorBody::is_retryable`]); never for a bodiless answer.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.body().is_some_and(ErrorBody::is_retryable)
    }

    /// The body as it goes on the wire: empty for [`NoBody`](Self::NoBody).
    #[must_use]
    pub fn to_body(&self) -> String {
        match self {
            Self::Body(body) => body.to_json(),
            Self::NoBody { .. } => String::new(),
        }
    }

    /// Detaches the answer from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Reply<'static> {
        match self {
            Self::Body(body) => Reply::Body(body.into_owned()),
            Self::NoBody { status } => Reply::NoBody { status },
        }
    }
}

/// The body's message, or `merchant User Management error: HTTP 401 without
/// a body (insufficient privileges)`.
impl fmt::Display for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Body(body) => body.fmt(f),
            Self::NoBody { status } => write!(
                f,
                "{} error: HTTP {status} without a body (insufficient privileges)",
                Vendor::Merchant
            ),
        }
    }
}

impl std::error::Error for Reply<'_> {}
