//! OpenAM / OpenSSO: HTTP status codes in the CREST error body.
//!
//! OpenAM's REST APIs answer errors with an HTTP status from 400 to 505 and
//! a JSON body written by ForgeRock's `ResourceException` (the "CREST" error
//! body): `{"code":404,"reason":"Not Found","message":"…"}`, optionally with
//! `detail` and `cause`.
//!
//! - [`Status`]: the catalog (the documented codes and those the server
//!   knows by name), available without `std`; [`Code`]: a known status or any
//!   other number, as a body carries it; [`Class`].
//! - [`ErrorBody`]: the CREST error body, parsed and written back byte for
//!   byte; [`Cause`].
//! - [`Reply`]: a CREST error body or one of the authenticate endpoint's
//!   other failure shapes ([`ReplyBody`]: [`LegacyFailure`],
//!   [`ModuleFailure`]).
//!
//! ```
//! use sso_errors::openam::{ErrorBody, Status};
//!
//! let body = ErrorBody::parse(br#"{"code":503,"reason":"Service Unavailable","message":"Forgot password is not accessible."}"#)?;
//! assert_eq!(body.code, Status::ServiceUnavailable);
//! assert!(body.code.is_retryable());
//! # Ok::<(), sso_errors::Error>(())
//! ```

#[cfg(feature = "std")]
mod body;
mod codes;
#[cfg(feature = "std")]
mod html;
#[cfg(feature = "std")]
mod number;
#[cfg(feature = "std")]
mod reply;

#[cfg(feature = "std")]
pub use body::{Cause, ErrorBody};
pub use codes::{Class, Code, Status};
#[cfg(feature = "std")]
pub use reply::{LegacyFailure, ModuleFailure, Reply, ReplyBody};
