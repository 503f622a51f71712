//! One classification of every vendor's errors, chosen so that a caller can
//! act on it, with who must act and the gRPC code a gateway answers with.

use core::fmt;

/// What an error means for the caller, the same across vendors: every entry
/// of every catalog has one ([`Catalog::kind`](crate::Catalog::kind)), set in
/// the catalog's table beside the code.
///
/// The kinds are the distinctions a caller acts on differently: whether to
/// show the end user a message (and which), to fix the integration, to call
/// an operator, or to try again later. Each says [who](ErrorKind::actor)
/// must act, whether the request [may be retried](ErrorKind::is_retryable)
/// unchanged, and its [gRPC code](ErrorKind::grpc). The model is aws-smithy's
/// retry classification (transient, throttling, server, client) refined
/// into gRPC's canonical codes.
///
/// ```
/// use sso_errors::{Actor, Catalog, ErrorKind, zato::SubStatus};
///
/// let kind = SubStatus::SessionExpired.kind();
/// assert_eq!(kind, ErrorKind::Expired);
/// assert_eq!(kind.actor(), Actor::EndUser);
/// assert!(!kind.is_retryable());
/// assert_eq!(kind.grpc().name(), "UNAUTHENTICATED");
/// assert_eq!(kind.grpc().number(), 16);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not an error: the operation succeeded (possibly with a warning).
    Success,
    /// It failed, and the entry does not say why: the details are elsewhere
    /// (Zato's top-level `error`, whose sub-statuses say more).
    Unspecified,
    /// The credentials were rejected, or none were given: bad username or
    /// password, a missing or invalid token.
    BadCredentials,
    /// The caller is known but not allowed to do this.
    NotAllowed,
    /// The account is locked until an administrator unlocks it.
    Locked,
    /// The account's signup has not been confirmed by its user yet.
    NotConfirmed,
    /// The account or application waits for an administrator's approval.
    NotApproved,
    /// A password, session or token has expired (or is about to): the user
    /// must sign in again or set a new password.
    Expired,
    /// What the request names does not exist.
    NotFound,
    /// What the request would create exists already.
    AlreadyExists,
    /// The request conflicts with the current state of the resource.
    Conflict,
    /// A value the end user gave is not acceptable (a password too weak, an
    /// address malformed).
    InvalidInput,
    /// A value the request must carry is missing.
    MissingInput,
    /// A value is too long, or the request too large.
    TooLarge,
    /// The request is wrong at the protocol level (method, media type, path,
    /// version): the integration must change.
    BadRequest,
    /// Too many requests: slow down and retry later.
    RateLimited,
    /// The service is down or overloaded (maintenance): retry later.
    Unavailable,
    /// The request or an upstream call timed out: retry later.
    Timeout,
    /// The service failed: its operator must look at it.
    Internal,
    /// The service does not support what was asked.
    Unsupported,
    /// The integration's configuration is wrong: an invalid or disabled API
    /// key or application, a frozen account.
    Misconfigured,
}

/// Who must act on an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Actor {
    /// The person using the application: sign in again, choose another
    /// name, set a new password.
    EndUser,
    /// The developer who integrates the service, or the operator who
    /// configures and runs it.
    Developer,
    /// Nobody: the request may succeed later as it is (or it succeeded).
    Nobody,
}

impl Actor {
    /// Every actor.
    pub const ALL: [Self; 3] = [Self::EndUser, Self::Developer, Self::Nobody];

    /// The actor's identifier, in snake case (`end_user`): what serde
    /// writes and [`from_id`](Self::from_id) reads, stable across releases.
    ///
    /// ```
    /// use sso_errors::Actor;
    ///
    /// assert_eq!(Actor::EndUser.id(), "end_user");
    /// assert_eq!(Actor::from_id("developer"), Some(Actor::Developer));
    /// assert_eq!(Actor::Developer.to_string(), "the developer or operator");
    /// ```
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::EndUser => "end_user",
            Self::Developer => "developer",
            Self::Nobody => "nobody",
        }
    }

    /// Who acts, in words, as [`Display`](fmt::Display) writes it (`the end
    /// user`).
    #[must_use]
    pub const fn words(self) -> &'static str {
        match self {
            Self::EndUser => "the end user",
            Self::Developer => "the developer or operator",
            Self::Nobody => "nobody",
        }
    }

    /// The actor with this [`id`](Self::id), if any.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|actor| actor.id() == id)
    }
}

/// Writes the actor in [`words`](Actor::words).
impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

serde_as_id!(Actor, "actor", |id| {
    Actor::from_id(id).ok_or("expected `end_user`, `developer` or `nobody`")
});

/// A gRPC canonical status code: the name and number gRPC gives it.
///
/// ```
/// use sso_errors::{ErrorKind, GrpcCode};
///
/// assert_eq!(ErrorKind::RateLimited.grpc(), GrpcCode::ResourceExhausted);
/// assert_eq!(GrpcCode::ResourceExhausted.number(), 8);
/// assert_eq!(GrpcCode::ResourceExhausted.to_string(), "RESOURCE_EXHAUSTED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum GrpcCode {
    /// `OK` (0).
    Ok = 0,
    /// `CANCELLED` (1).
    Cancelled = 1,
    /// `UNKNOWN` (2).
    Unknown = 2,
    /// `INVALID_ARGUMENT` (3).
    InvalidArgument = 3,
    /// `DEADLINE_EXCEEDED` (4).
    DeadlineExceeded = 4,
    /// `NOT_FOUND` (5).
    NotFound = 5,
    /// `ALREADY_EXISTS` (6).
    AlreadyExists = 6,
    /// `PERMISSION_DENIED` (7).
    PermissionDenied = 7,
    /// `RESOURCE_EXHAUSTED` (8).
    ResourceExhausted = 8,
    /// `FAILED_PRECONDITION` (9).
    FailedPrecondition = 9,
    /// `ABORTED` (10).
    Aborted = 10,
    /// `OUT_OF_RANGE` (11).
    OutOfRange = 11,
    /// `UNIMPLEMENTED` (12).
    Unimplemented = 12,
    /// `INTERNAL` (13).
    Internal = 13,
    /// `UNAVAILABLE` (14).
    Unavailable = 14,
    /// `DATA_LOSS` (15).
    DataLoss = 15,
    /// `UNAUTHENTICATED` (16).
    Unauthenticated = 16,
}

impl GrpcCode {
    /// The code's number.
    #[must_use]
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The code's name, as gRPC spells it (`NOT_FOUND`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::Cancelled => "CANCELLED",
            Self::Unknown => "UNKNOWN",
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::DeadlineExceeded => "DEADLINE_EXCEEDED",
            Self::NotFound => "NOT_FOUND",
            Self::AlreadyExists => "ALREADY_EXISTS",
            Self::PermissionDenied => "PERMISSION_DENIED",
            Self::ResourceExhausted => "RESOURCE_EXHAUSTED",
            Self::FailedPrecondition => "FAILED_PRECONDITION",
            Self::Aborted => "ABORTED",
            Self::OutOfRange => "OUT_OF_RANGE",
            Self::Unimplemented => "UNIMPLEMENTED",
            Self::Internal => "INTERNAL",
            Self::Unavailable => "UNAVAILABLE",
            Self::DataLoss => "DATA_LOSS",
            Self::Unauthenticated => "UNAUTHENTICATED",
        }
    }
}

/// Writes the [`name`](GrpcCode::name).
impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One row per kind: who acts, whether a retry may succeed, the gRPC code.
macro_rules! kinds {
    ($($kind:ident $words:literal $id:ident => $actor:ident, $retry:literal, $grpc:ident;)+) => {
        impl ErrorKind {
            /// Every kind.
            pub const ALL: &'static [Self] = &[$(Self::$kind),+];

            /// The kind in words, as [`Display`](fmt::Display) writes it
            /// (`rate limited`).
            #[must_use]
            pub const fn words(self) -> &'static str {
                match self { $(Self::$kind => $words,)+ }
            }

            /// The kind's identifier, in snake case (`rate_limited`): what
            /// serde writes and [`from_id`](Self::from_id) reads, stable
            /// across releases.
            ///
            /// ```
            /// use sso_errors::ErrorKind;
            ///
            /// assert_eq!(ErrorKind::RateLimited.id(), "rate_limited");
            /// assert_eq!(ErrorKind::from_id("rate_limited"), Some(ErrorKind::RateLimited));
            /// assert_eq!(ErrorKind::from_id("rate limited"), None);
            /// ```
            #[must_use]
            pub const fn id(self) -> &'static str {
                match self { $(Self::$kind => stringify!($id),)+ }
            }

            /// The kind with this [`id`](Self::id), if any.
            #[must_use]
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $(stringify!($id) => Some(Self::$kind),)+ _ => None }
            }

            /// Who must act on an error of this kind.
            #[must_use]
            pub const fn actor(self) -> Actor {
                match self { $(Self::$kind => Actor::$actor,)+ }
            }

            /// Whether the same request may succeed if sent again later
            /// ([`RateLimited`](Self::RateLimited),
            /// [`Unavailable`](Self::Unavailable),
            /// [`Timeout`](Self::Timeout)).
            #[must_use]
            pub const fn is_retryable(self) -> bool {
                match self { $(Self::$kind => $retry,)+ }
            }

            /// The gRPC canonical code a gateway answers an error of this
            /// kind with.
            #[must_use]
            pub const fn grpc(self) -> GrpcCode {
                match self { $(Self::$kind => GrpcCode::$grpc,)+ }
            }
        }
    };
}

kinds! {
    Success "success" success => Nobody, false, Ok;
    Unspecified "unspecified" unspecified => Developer, false, Unknown;
    BadCredentials "bad credentials" bad_credentials => EndUser, false, Unauthenticated;
    NotAllowed "not allowed" not_allowed => EndUser, false, PermissionDenied;
    Locked "locked" locked => Developer, false, FailedPrecondition;
    NotConfirmed "not confirmed" not_confirmed => EndUser, false, FailedPrecondition;
    NotApproved "not approved" not_approved => Developer, false, FailedPrecondition;
    Expired "expired" expired => EndUser, false, Unauthenticated;
    NotFound "not found" not_found => Developer, false, NotFound;
    AlreadyExists "already exists" already_exists => EndUser, false, AlreadyExists;
    Conflict "conflict" conflict => Developer, false, Aborted;
    InvalidInput "invalid input" invalid_input => EndUser, false, InvalidArgument;
    MissingInput "missing input" missing_input => Developer, false, InvalidArgument;
    TooLarge "too large" too_large => EndUser, false, OutOfRange;
    BadRequest "bad request" bad_request => Developer, false, InvalidArgument;
    RateLimited "rate limited" rate_limited => Nobody, true, ResourceExhausted;
    Unavailable "unavailable" unavailable => Nobody, true, Unavailable;
    Timeout "timeout" timeout => Nobody, true, DeadlineExceeded;
    Internal "internal" internal => Developer, false, Internal;
    Unsupported "unsupported" unsupported => Developer, false, Unimplemented;
    Misconfigured "misconfigured" misconfigured => Developer, false, FailedPrecondition;
}

/// Writes the kind in [`words`](ErrorKind::words).
impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

impl ErrorKind {
    /// Whether it is an error at all (every kind but
    /// [`Success`](Self::Success)).
    #[must_use]
    pub const fn is_error(self) -> bool {
        !matches!(self, Self::Success)
    }

    /// The kind of an HTTP status that no catalog entry describes: by its
    /// number where HTTP gives it a meaning a caller acts on (408, 429, 503,
    /// 504, 401, 403, 404, 409, 413), else by its class.
    ///
    /// ```
    /// use sso_errors::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::of_http_status(429), ErrorKind::RateLimited);
    /// assert_eq!(ErrorKind::of_http_status(418), ErrorKind::BadRequest);
    /// assert_eq!(ErrorKind::of_http_status(599), ErrorKind::Internal);
    /// ```
    #[must_use]
    pub const fn of_http_status(status: u16) -> Self {
        match status {
            200..=299 => Self::Success,
            401 => Self::BadCredentials,
            403 => Self::NotAllowed,
            404 | 410 => Self::NotFound,
            408 | 504 => Self::Timeout,
            409 | 412 | 428 => Self::Conflict,
            413 | 414 => Self::TooLarge,
            429 => Self::RateLimited,
            501 => Self::Unsupported,
            503 => Self::Unavailable,
            400..=499 => Self::BadRequest,
            500..=599 => Self::Internal,
            _ => Self::Unspecified,
        }
    }
}

serde_as_id!(ErrorKind, "kind", |id| {
    ErrorKind::from_id(id).ok_or("expected the id of an ErrorKind, such as `rate_limited`")
});

/// The rule every vendor's body follows for retrying: it may be retried
/// when it carries at least one code, and every code it carries says so
/// (a code the catalog does not hold says no).
#[cfg(feature = "std")]
pub(crate) fn every_code_retryable(codes: impl IntoIterator<Item = bool>) -> bool {
    let mut any = false;
    for retryable in codes {
        if !retryable {
            return false;
        }
        any = true;
    }
    any
}
