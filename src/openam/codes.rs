//! The OpenAM status catalog: the HTTP status codes of the seed's list and
//! the further ones OpenAM's `ResourceException` knows, and the code as an
//! error body carries it.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::UnknownCode;

catalog! {
    /// An OpenAM REST status code.
    ///
    /// The 14 codes of OpenAM's published list of REST status codes (200,
    /// 201, and the error codes from 400 to 503), plus the 13 further error
    /// codes that OpenAM's `ResourceException` knows by name (402, 407, 408,
    /// 411, 412, 413, 414, 416, 417, 428, 502, 504, 505). The codes are the
    /// HTTP status numbers: on the wire an error body carries them as a JSON
    /// number (see [`Code`]), and [`code`](Self::code) gives the decimal
    /// text.
    ///
    /// The [`reason`](Self::reason) is the phrase exactly as the server spells
    /// it (`Request Time-out`, `Request-URI Too Large`,
    /// `Requested range not satisfiable`, `HTTP Version not supported`). 200
    /// and 201 are success statuses: the server never puts them in an error
    /// body, and their phrases are the list's headings `OK` and `Created`.
    ///
    /// On its own, a `Status` serializes as its decimal string (`"404"`), like
    /// every catalog of this crate; in an error body the code is a JSON
    /// number, read and written through [`Code`].
    ///
    /// ```
    /// use sso_errors::openam::Status;
    ///
    /// assert_eq!(Status::from_u16(404), Some(Status::NotFound));
    /// assert_eq!(Status::NotFound.as_u16(), 404);
    /// assert_eq!(Status::RequestTimeOut.reason(), "Request Time-out");
    /// assert_eq!("503".parse::<Status>()?, Status::ServiceUnavailable);
    /// assert!(Status::ServiceUnavailable.is_retryable());
    /// assert!(Status::Ok.is_success() && !Status::Ok.is_error());
    /// # Ok::<(), sso_errors::UnknownCode>(())
    /// ```
    pub enum Status: u8 {
        vendor: OpenAm,
        noun: "status",
        Ok = "200" {
            label: "OK", http: 200, origin: Documentation, kind: Success,
            text: "The request was successful and a resource returned, depending on the request. For example, a successful HTTP GET on /users/myUser returns a user profile and status code 200, whereas a successful HTTP DELETE returns {\"success\",\"true\"} and status code 200.",
        }
        Created = "201" {
            label: "Created", http: 201, origin: Documentation, kind: Success,
            text: "The request succeeded and the resource was created.",
        }
        BadRequest = "400" {
            label: "Bad Request", http: 400, origin: Both, kind: InvalidInput,
            example: "Username or email not provided in request",
            text: "The request was malformed. Either parameters required by the action were missing, or as in the following example incorrect data was sent in the payload for the action.",
        }
        Unauthorized = "401" {
            label: "Unauthorized", http: 401, origin: Both, kind: BadCredentials,
            example: "Access denied",
            text: "The request requires user authentication as in the following example, which is missing an SSO Token value.",
        }
        PaymentRequired = "402" {
            label: "Payment Required", http: 402, origin: Server, kind: NotAllowed,
            text: "Reserved by HTTP for future use (payment required).",
        }
        Forbidden = "403" {
            label: "Forbidden", http: 403, origin: Both, kind: NotAllowed,
            example: "Permission to perform the read operation denied to id=demo,ou=user,dc=openam,dc=forgerock,dc=org",
            text: "Access was forbidden during an operation on a resource as in the following example, which has a regular user trying to read the OpenAM administrator profile.",
        }
        NotFound = "404" {
            label: "Not Found", http: 404, origin: Both, kind: NotFound,
            example: "Resource cannot be found.",
            text: "The specified resource could not be found as in the following example, which is attempting to read a nonexistent user’s profile.",
        }
        MethodNotAllowed = "405" {
            label: "Method Not Allowed", http: 405, origin: Both, kind: BadRequest,
            text: "The HTTP method is not allowed for the requested resource.",
        }
        NotAcceptable = "406" {
            label: "Not Acceptable", http: 406, origin: Both, kind: BadRequest,
            example: "Accept-API-Version: Requested version \"999.0\" does not match any routes.",
            text: "The request contains parameters that are not acceptable as in the following example, which specifies an API version parameter that is not supported by OpenAM.",
        }
        ProxyAuthenticationRequired = "407" {
            label: "Proxy Authentication Required", http: 407, origin: Server, kind: BadCredentials,
            text: "The client must first authenticate itself with the proxy.",
        }
        RequestTimeOut = "408" {
            label: "Request Time-out", http: 408, origin: Server, kind: Timeout,
            text: "The server did not receive a complete request within the time it was prepared to wait; the request may be repeated.",
        }
        Conflict = "409" {
            label: "Conflict", http: 409, origin: Both, kind: Conflict,
            example: "Multiple users found",
            text: "The request would have resulted in a conflict with the current state of the resource. For example using the Forgot Password feature and specifying the user’s email address as in the following example, where multiple users have the same email address.",
        }
        Gone = "410" {
            label: "Gone", http: 410, origin: Both, kind: Expired,
            example: "Token not found",
            text: "The requested resource is no longer available, and will not become available again. The URI returned for resetting a password may have expired as in the following example:",
        }
        LengthRequired = "411" {
            label: "Length Required", http: 411, origin: Server, kind: BadRequest,
            text: "The server refuses to accept the request without a defined Content-Length.",
        }
        PreconditionFailed = "412" {
            label: "Precondition Failed", http: 412, origin: Server, kind: Conflict,
            text: "A precondition of the request evaluated to false: the resource's current version does not match the version provided.",
        }
        RequestEntityTooLarge = "413" {
            label: "Request Entity Too Large", http: 413, origin: Server, kind: TooLarge,
            text: "The request entity is larger than the server is willing or able to process.",
        }
        RequestUriTooLarge = "414" {
            label: "Request-URI Too Large", http: 414, origin: Server, kind: TooLarge,
            text: "The request URI is longer than the server is willing to interpret.",
        }
        UnsupportedMediaType = "415" {
            label: "Unsupported Media Type", http: 415, origin: Both, kind: BadRequest,
            text: "The request is in a format not supported by the requested resource for the requested method as in the following example, which is attempting to pass basic authentication credentials as form-encoded data rather than query string parameters.",
        }
        RequestedRangeNotSatisfiable = "416" {
            label: "Requested range not satisfiable", http: 416, origin: Server, kind: BadRequest,
            text: "None of the ranges in the request's Range header field overlap the current extent of the selected resource.",
        }
        ExpectationFailed = "417" {
            label: "Expectation Failed", http: 417, origin: Server, kind: BadRequest,
            text: "The expectation given in the request's Expect header field could not be met by the server.",
        }
        PreconditionRequired = "428" {
            label: "Precondition Required", http: 428, origin: Server, kind: Conflict,
            text: "The server requires the request to be conditional: the resource requires a version, but none was supplied in the request.",
        }
        InternalServerError = "500" {
            label: "Internal Server Error", http: 500, origin: Both, kind: Internal,
            example: "No email provided in profile.",
            text: "The server encountered an unexpected condition which prevented it from fulfilling the request. This could be caused by an invalid configuration in the Email Service, or as in the following example the specified user account not having an associated email address to send the Forgot Password URI to.",
        }
        NotImplemented = "501" {
            label: "Not Implemented", http: 501, origin: Both, kind: Unsupported,
            example: "Actions are not supported for resource instances",
            text: "The resource does not support the functionality required to fulfill the request as in the following example, which is attempting to delete an entry as a delete action instead of using an HTTP DELETE request.",
        }
        BadGateway = "502" {
            label: "Bad Gateway", http: 502, origin: Server, kind: Internal,
            text: "The server, while acting as a gateway or proxy, received an invalid response from the upstream server.",
        }
        ServiceUnavailable = "503" {
            label: "Service Unavailable", http: 503, origin: Both, kind: Unavailable,
            example: "Forgot password is not accessible.",
            text: "The requested resource was temporarily unavailable. The service may have been disabled, as in the following example, where the Forgot Password functionality has been disabled.",
        }
        GatewayTimeOut = "504" {
            label: "Gateway Time-out", http: 504, origin: Server, kind: Timeout,
            text: "The server, while acting as a gateway or proxy, did not receive a timely response from the upstream server.",
        }
        HttpVersionNotSupported = "505" {
            label: "HTTP Version not supported", http: 505, origin: Server, kind: Unsupported,
            text: "The server does not support the HTTP protocol version used in the request.",
        }
    }
}

/// The lowest and highest numbers of the catalog.
const FIRST: u16 = 200;
const LAST: u16 = 505;

/// Every number from [`FIRST`] to [`LAST`], mapped to its status: the array
/// behind [`Status::from_u16`]. Building it checks, at compile time, that
/// every entry's wire code is the decimal text of its number.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated in a constant: a bad index is a build error"
)]
const BY_NUMBER: [Option<Status>; (LAST - FIRST + 1) as usize] = {
    let mut table = [None; (LAST - FIRST + 1) as usize];
    let mut i = 0;
    while i < Status::ALL.len() {
        let status = Status::ALL[i];
        let number = status.as_u16();
        assert!(
            number >= FIRST && number <= LAST,
            "a status outside FIRST..=LAST"
        );
        assert!(
            table[(number - FIRST) as usize].is_none(),
            "a status listed twice"
        );
        assert!(
            is_decimal(status.code().as_bytes(), number),
            "code() is not the number"
        );
        table[(number - FIRST) as usize] = Some(status);
        i += 1;
    }
    table
};

/// Whether `text` is the decimal spelling of `number`, without leading zeros.
const fn is_decimal(mut text: &[u8], mut number: u16) -> bool {
    while let [head @ .., last] = text {
        if *last != b'0' + (number % 10) as u8 {
            return false;
        }
        number /= 10;
        if number == 0 {
            return head.is_empty();
        }
        text = head;
    }
    false
}

/// The reason a `ResourceException` carries for a code it has no phrase for.
const RESOURCE_EXCEPTION: &str = "Resource Exception";

/// The class predicates shared by [`Status`] and [`Code`], from `as_u16`.
macro_rules! classes {
    () => {
        /// Success, client error, server error or other, from the number.
        #[must_use]
        pub const fn class(self) -> Class {
            Class::of(self.as_u16())
        }

        /// Whether the number is a success status (2xx): not an error.
        #[must_use]
        pub const fn is_success(self) -> bool {
            matches!(self.class(), Class::Success)
        }

        /// Whether the number is an error status (4xx or 5xx).
        #[must_use]
        pub const fn is_error(self) -> bool {
            self.class().is_error()
        }

        /// Whether the resource does not support what was asked: 501
        /// `Not Implemented`, OpenAM's `NotSupportedException`.
        #[must_use]
        pub const fn is_not_supported(self) -> bool {
            self.as_u16() == 501
        }
    };
}

impl Status {
    /// The status with HTTP number `code`, through an array lookup.
    ///
    /// ```
    /// use sso_errors::openam::Status;
    ///
    /// assert_eq!(Status::from_u16(408), Some(Status::RequestTimeOut));
    /// assert_eq!(Status::from_u16(499), None);
    /// ```
    #[must_use]
    pub const fn from_u16(code: u16) -> Option<Self> {
        if code < FIRST || code > LAST {
            return None;
        }
        match BY_NUMBER.split_at_checked((code - FIRST) as usize) {
            Some((_, [status, ..])) => *status,
            _ => None,
        }
    }

    /// The HTTP status number (the same as [`http_status`](Self::http_status)).
    #[must_use]
    pub const fn as_u16(self) -> u16 {
        self.http_status()
    }

    /// The reason phrase, exactly as the server spells it (`Not Found`,
    /// `Request Time-out`); `OK` and `Created` for the two success statuses.
    #[must_use]
    pub const fn reason(self) -> &'static str {
        // Every status row has a label.
        match self.label() {
            Some(reason) => reason,
            None => RESOURCE_EXCEPTION,
        }
    }

    /// Looks a reason phrase up, spelled exactly as the server spells it.
    ///
    /// ```
    /// use sso_errors::openam::Status;
    ///
    /// assert_eq!(Status::from_reason("Request-URI Too Large"), Some(Status::RequestUriTooLarge));
    /// assert_eq!(Status::from_reason("Request-URI Too Long"), None);
    /// ```
    #[must_use]
    pub fn from_reason(reason: &str) -> Option<Self> {
        Self::by_label(reason)
    }

    /// The message of the example the OpenAM documentation gives for the
    /// status, where it gives one as a JSON body. (Its 415 example is the
    /// servlet container's HTML page, not an OpenAM body.)
    ///
    /// ```
    /// use sso_errors::openam::Status;
    ///
    /// assert_eq!(Status::Gone.example(), Some("Token not found"));
    /// assert_eq!(Status::MethodNotAllowed.example(), None);
    /// ```
    #[must_use]
    pub const fn example(self) -> Option<&'static str> {
        self.example_opt()
    }

    classes!();
}

/// Looks a number up, failing with the number as the unknown input.
impl TryFrom<u16> for Status {
    type Error = UnknownCode;

    fn try_from(code: u16) -> Result<Self, UnknownCode> {
        Self::from_u16(code).ok_or_else(|| {
            let mut buf = [0; 5];
            UnknownCode::new::<Self>(decimal(code, &mut buf))
        })
    }
}

impl From<Status> for u16 {
    fn from(status: Status) -> Self {
        status.as_u16()
    }
}

/// Writes `number` in decimal into the end of `buf`.
fn decimal(mut number: u16, buf: &mut [u8; 5]) -> &str {
    let mut start = buf.len();
    for digit in buf.iter_mut().rev() {
        *digit = b'0' + u8::try_from(number % 10).unwrap_or(0);
        start -= 1;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    core::str::from_utf8(buf.get(start..).unwrap_or_default()).unwrap_or_default()
}

/// The class of an HTTP status number.
///
/// ```
/// use sso_errors::openam::{Class, Code, Status};
///
/// assert_eq!(Status::Created.class(), Class::Success);
/// assert_eq!(Code::new(499).class(), Class::ClientError);
/// assert_eq!(Code::new(302).class(), Class::Other);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// 2xx: the request succeeded; not an error.
    Success,
    /// 4xx: the request was at fault.
    ClientError,
    /// 5xx: the server failed.
    ServerError,
    /// Any other number (1xx, 3xx, or outside 100–599).
    Other,
}

impl Class {
    /// The class of HTTP status number `code`.
    #[must_use]
    pub const fn of(code: u16) -> Self {
        match code {
            200..=299 => Self::Success,
            400..=499 => Self::ClientError,
            500..=599 => Self::ServerError,
            _ => Self::Other,
        }
    }

    /// Whether the class is an error class (4xx or 5xx).
    #[must_use]
    pub const fn is_error(self) -> bool {
        matches!(self, Self::ClientError | Self::ServerError)
    }
}

/// The code of an OpenAM error body: a known [`Status`], or any other number
/// kept as it came (a `ResourceException` may carry any code, such as 499).
///
/// A `Code` is a JSON number on the wire, from 0 to 65535. Equality, order
/// and hashing are by number.
///
/// ```
/// use sso_errors::openam::{Code, Status};
///
/// let known = Code::new(404);
/// assert_eq!(known.known(), Some(Status::NotFound));
/// assert_eq!(known, Status::NotFound);
/// assert_eq!(known.default_reason(), "Not Found");
///
/// let unknown = Code::new(499);
/// assert_eq!(unknown.known(), None);
/// assert_eq!(unknown.as_u16(), 499);
/// assert_eq!(unknown.default_reason(), "Resource Exception");
/// assert!(unknown.is_client_error());
/// ```
#[derive(Clone, Copy)]
pub struct Code(Result<Status, u16>);

impl Code {
    /// The reason a `ResourceException` carries for a code the server has no
    /// phrase for.
    pub const RESOURCE_EXCEPTION: &'static str = RESOURCE_EXCEPTION;

    /// The code with number `number`, resolved to its [`Status`] when known.
    #[must_use]
    pub const fn new(number: u16) -> Self {
        match Status::from_u16(number) {
            Some(status) => Self(Ok(status)),
            None => Self(Err(number)),
        }
    }

    /// The code of a known status.
    #[must_use]
    pub const fn from_status(status: Status) -> Self {
        Self(Ok(status))
    }

    /// The catalog entry, if the number is in the catalog.
    #[must_use]
    pub const fn known(self) -> Option<Status> {
        match self.0 {
            Ok(status) => Some(status),
            Err(_) => None,
        }
    }

    /// Whether the number is in the catalog.
    #[must_use]
    pub const fn is_known(self) -> bool {
        self.0.is_ok()
    }

    /// The number.
    #[must_use]
    pub const fn as_u16(self) -> u16 {
        match self.0 {
            Ok(status) => status.as_u16(),
            Err(number) => number,
        }
    }

    /// The reason a `ResourceException` with this code carries unless
    /// overridden: the server's phrase for the error codes it knows,
    /// [`RESOURCE_EXCEPTION`](Self::RESOURCE_EXCEPTION) for any other number,
    /// including 200 and 201, which the server never puts in an error body.
    #[must_use]
    pub const fn default_reason(self) -> &'static str {
        match self.0 {
            Ok(status) if status.is_error() => status.reason(),
            _ => RESOURCE_EXCEPTION,
        }
    }

    classes!();

    /// What the code means for the caller: the status's
    /// [`kind`](Status::kind), or for a number outside the catalog the kind
    /// of its HTTP status ([`ErrorKind::of_http_status`](crate::ErrorKind::of_http_status)).
    ///
    /// ```
    /// use sso_errors::ErrorKind;
    /// use sso_errors::openam::Code;
    ///
    /// assert_eq!(Code::new(404).kind(), ErrorKind::NotFound);
    /// assert_eq!(Code::new(429).kind(), ErrorKind::RateLimited);
    /// assert!(Code::new(429).is_retryable());
    /// ```
    #[must_use]
    pub const fn kind(self) -> crate::ErrorKind {
        match self.known() {
            Some(status) => status.kind(),
            None => crate::ErrorKind::of_http_status(self.as_u16()),
        }
    }

    /// Whether the request may succeed if sent again later, as the
    /// [`kind`](Self::kind) says (408, 429, 503, 504).
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        self.kind().is_retryable()
    }

    /// Whether the number is a client error (4xx).
    #[must_use]
    pub const fn is_client_error(self) -> bool {
        matches!(self.class(), Class::ClientError)
    }

    /// Whether the number is a server error (5xx).
    #[must_use]
    pub const fn is_server_error(self) -> bool {
        matches!(self.class(), Class::ServerError)
    }
}

impl From<Status> for Code {
    fn from(status: Status) -> Self {
        Self::from_status(status)
    }
}

impl From<u16> for Code {
    fn from(number: u16) -> Self {
        Self::new(number)
    }
}

impl From<Code> for u16 {
    fn from(code: Code) -> Self {
        code.as_u16()
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.as_u16() == other.as_u16()
    }
}

impl Eq for Code {}

impl PartialEq<Status> for Code {
    fn eq(&self, other: &Status) -> bool {
        self.as_u16() == other.as_u16()
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_u16().cmp(&other.as_u16())
    }
}

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_u16().hash(state);
    }
}

/// `NotFound` for a known code, `Unknown(499)` otherwise.
impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Ok(status) => write!(f, "{status:?}"),
            Err(number) => write!(f, "Unknown({number})"),
        }
    }
}

/// Writes the number.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_u16())
    }
}

#[cfg(test)]
mod checks {
    use super::is_decimal;

    /// The compile-time check of the table: a code's text is its number.
    #[test]
    fn is_decimal_reads_the_plain_spelling_only() {
        assert!(is_decimal(b"404", 404));
        assert!(is_decimal(b"0", 0));
        assert!(!is_decimal(b"0404", 404));
        assert!(!is_decimal(b"405", 404));
        assert!(!is_decimal(b"40", 404));
        assert!(!is_decimal(b"1404", 404));
        assert!(!is_decimal(b"", 0));
    }
}
