//! The `http` crate: status codes, and bodies, replies and problem
//! documents as `http::Response`s.

use http::header::{CONTENT_TYPE, HeaderValue};
use http::{Response, StatusCode};

use crate::{AnyReply, Error, Problem, Reply, ReplyContent, Vendor, Verdict, openam};

/// `status` as an `http::StatusCode`. Every catalog's statuses are valid;
/// a number HTTP cannot carry (outside 100–999, only from a reply built in
/// code) becomes 500 Internal Server Error.
pub(crate) fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A response with `status`, `Content-Type: media_type` (none when
/// `None`) and `body`.
pub(crate) fn response(status: u16, media_type: Option<&str>, body: String) -> Response<String> {
    let mut response = Response::new(body);
    *response.status_mut() = status_code(status);
    if let Some(value) = media_type.and_then(|media| HeaderValue::from_str(media).ok()) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

impl<B: ReplyContent> Reply<B> {
    /// The reply as an HTTP response: its status, its body's `Content-Type`
    /// ([`media_type`](Self::media_type), none for no body) and the exact
    /// bytes of [`to_body`](Self::to_body). A status HTTP cannot carry
    /// (outside 100–999, only from [`Reply::new`]) is sent as 500.
    ///
    /// ```
    /// use sso_errors::merchant;
    ///
    /// let reply = merchant::Reply::parse(401, b"")?;
    /// let response = reply.to_http();
    /// assert_eq!(response.status(), 401);
    /// assert!(response.headers().get("content-type").is_none());
    /// assert_eq!(merchant::Reply::from_http(&response)?, reply);
    /// # Ok::<(), sso_errors::Error>(())
    /// ```
    #[must_use]
    pub fn to_http(&self) -> Response<String> {
        response(self.http_status(), self.media_type(), self.to_body())
    }
}

/// [`Reply::to_http`].
impl<B: ReplyContent> From<Reply<B>> for Response<String> {
    fn from(reply: Reply<B>) -> Self {
        reply.to_http()
    }
}

impl<'a> AnyReply<'a> {
    /// Recognises and parses an HTTP response of unknown origin: its status
    /// and body, as [`parse`](Self::parse) does. A `Content-Type` of
    /// JSON:API (`application/vnd.api+json`), which only Zenlogin sends,
    /// names the vendor, as [`parse_from`](Self::parse_from) would; any other
    /// is left to the body, which says more.
    ///
    /// ```
    /// use sso_errors::{AnyReply, Vendor};
    ///
    /// let response = http::Response::builder()
    ///     .status(403)
    ///     .header("content-type", "application/json")
    ///     .body(r#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#)
    ///     .unwrap();
    /// let reply = AnyReply::from_http(&response)?;
    /// assert_eq!((reply.vendor(), reply.http_status()), (Vendor::Zato, 403));
    /// # Ok::<(), sso_errors::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse).
    pub fn from_http<T: AsRef<[u8]>>(response: &'a Response<T>) -> Result<Self, Error> {
        let vendor = named_vendor(response);
        Self::parse_from(vendor, response.status().as_u16(), response.body().as_ref())
    }

    /// The reply as an HTTP response (see [`Reply::to_http`]).
    #[must_use]
    pub fn to_http(&self) -> Response<String> {
        response(self.http_status(), self.media_type(), self.to_body())
    }
}

/// The vendor a response's `Content-Type` names: JSON:API's
/// (`application/vnd.api+json`), which only Zenlogin sends. Any other is
/// left to the body, which says more.
fn named_vendor<T>(response: &Response<T>) -> Option<Vendor> {
    let json_api = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            media
                .trim()
                .eq_ignore_ascii_case(Vendor::Zenlogin.media_type())
        });
    json_api.then_some(Vendor::Zenlogin)
}

impl<'a> Verdict<'a> {
    /// The verdict on an HTTP response: its status, its headers
    /// (`Retry-After`, `Date`; see [`with_headers`](Self::with_headers))
    /// and its body, in one call. A `Content-Type` of JSON:API names
    /// Zenlogin, as for [`AnyReply::from_http`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use sso_errors::{ErrorKind, Verdict};
    ///
    /// let response = http::Response::builder()
    ///     .status(503)
    ///     .header("retry-after", "30")
    ///     .body(r#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#)
    ///     .unwrap();
    /// let verdict = Verdict::from_http(&response);
    /// assert_eq!(verdict.kind(), ErrorKind::Unavailable);
    /// assert_eq!(verdict.retry_after(), Some(Duration::from_secs(30)));
    /// ```
    #[must_use]
    pub fn from_http<T: AsRef<[u8]>>(response: &'a Response<T>) -> Self {
        let status = response.status().as_u16();
        let body = response.body().as_ref();
        let verdict = match named_vendor(response) {
            Some(vendor) => Self::of_vendor(vendor, status, body),
            None => Self::of(status, body),
        };
        verdict.with_headers(
            response
                .headers()
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_bytes())),
        )
    }
}

/// [`Verdict::from_http`].
impl<'a, T: AsRef<[u8]>> From<&'a Response<T>> for Verdict<'a> {
    fn from(response: &'a Response<T>) -> Self {
        Self::from_http(response)
    }
}

/// [`AnyReply::to_http`].
impl From<AnyReply<'_>> for Response<String> {
    fn from(reply: AnyReply<'_>) -> Self {
        reply.to_http()
    }
}

impl Problem {
    /// The problem document as an HTTP response: its `status`,
    /// `Content-Type: application/problem+json`, `Retry-After` (in
    /// seconds) when the problem has a [`retry_after`](Self::retry_after),
    /// and [`to_json`](Self::to_json).
    ///
    /// ```
    /// use sso_errors::Verdict;
    ///
    /// let verdict = Verdict::of(503, br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#)
    ///     .with_headers([("Retry-After", "120")]);
    /// let response = verdict.problem().unwrap().to_http();
    /// assert_eq!(response.status(), 503);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert_eq!(response.headers()["retry-after"], "120");
    /// assert!(response.body().contains(r#""retryable":true"#));
    /// ```
    #[must_use]
    pub fn to_http(&self) -> Response<String> {
        let mut out = response(self.status, Some(Self::MEDIA_TYPE), self.to_json());
        if let Some(seconds) = self.retry_after {
            out.headers_mut()
                .insert(http::header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        out
    }
}

/// [`Problem::to_http`].
impl From<Problem> for Response<String> {
    fn from(problem: Problem) -> Self {
        problem.to_http()
    }
}

/// OpenAM's code is the HTTP status: any status is a code, known or not.
///
/// ```
/// use sso_errors::openam::{Code, Status};
///
/// assert_eq!(Code::from(http::StatusCode::NOT_FOUND), Status::NotFound);
/// ```
impl From<StatusCode> for openam::Code {
    fn from(status: StatusCode) -> Self {
        Self::from(status.as_u16())
    }
}

/// The catalog entry of a status, if OpenAM's table has it.
///
/// ```
/// use sso_errors::openam::Status;
///
/// assert_eq!(Status::try_from(http::StatusCode::CONFLICT), Ok(Status::Conflict));
/// assert!(Status::try_from(http::StatusCode::IM_A_TEAPOT).is_err());
/// ```
impl TryFrom<StatusCode> for openam::Status {
    type Error = crate::UnknownCode;

    fn try_from(status: StatusCode) -> Result<Self, Self::Error> {
        Self::from_u16(status.as_u16())
            .ok_or_else(|| crate::UnknownCode::new::<Self>(status.as_str()))
    }
}

/// The code as an HTTP status; a number HTTP cannot carry (outside
/// 100–999) is refused.
///
/// ```
/// use sso_errors::openam::Code;
///
/// assert_eq!(http::StatusCode::try_from(Code::from(418)).unwrap(), http::StatusCode::IM_A_TEAPOT);
/// assert!(http::StatusCode::try_from(Code::from(1000)).is_err());
/// ```
impl TryFrom<openam::Code> for StatusCode {
    type Error = http::status::InvalidStatusCode;

    fn try_from(code: openam::Code) -> Result<Self, Self::Error> {
        Self::from_u16(code.as_u16())
    }
}
