//! The merchant User Management / SSO-token API: `(code, errorName)` pairs
//! with typed descriptions, the `{"message":[…]}` error body, and the
//! bodiless 401/403 answers.
//!
//! An error is identified by its `(code, errorName)` pair ([`ErrorCode`]),
//! since the provider reuses codes under several names. Its description
//! follows one of the documented [`Template`]s (`Invalid email <email>`,
//! `Exceeded limit of SSO token generations per minute`, …), parsed into a
//! typed `Description` with the value it carries, or is kept verbatim.
//!
//! ```
//! use sso_errors::merchant::{Description, ErrorBody, ErrorCode, Reply, ReplyBody};
//!
//! // An entry is identified by its (code, errorName) pair.
//! let code = ErrorCode::from_pair("50500", "Failed to generate SSO token");
//! assert_eq!(code, Some(ErrorCode::FailedToGenerateSsoToken));
//! assert_eq!(ErrorCode::from_pair("10001", "INVALID_PLAN"), None);
//!
//! // Parse what the server sent, and write it back unchanged.
//! let body = br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;
//! let parsed = ErrorBody::parse(body)?;
//! assert_eq!(parsed.message()[0].description, Description::ExceededTokenGenerationLimit);
//! assert!(parsed.is_retryable());
//! assert_eq!(parsed.to_json().as_bytes(), body);
//!
//! // Descriptions give back the value they carry.
//! let body = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}]}"#;
//! let parsed = ErrorBody::parse(body)?;
//! assert_eq!(parsed.message()[0].description.value(), Some("@bls.com"));
//! assert_eq!(parsed.http_status(), 400);
//!
//! // A bodiless 401/403 means insufficient privileges; an HTML page is not an error body.
//! assert_eq!(*Reply::parse(401, b"")?.body(), ReplyBody::NoBody);
//! assert!(Reply::parse(401, b"<!doctype html><html></html>").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod codes;

#[cfg(feature = "std")]
mod body;
#[cfg(feature = "std")]
mod description;
#[cfg(feature = "std")]
mod reply;

pub use codes::{ErrorCode, Template};

#[cfg(feature = "std")]
pub use body::{Code, ErrorBody, ErrorEntry};
#[cfg(feature = "std")]
pub use description::Description;
#[cfg(feature = "std")]
pub use reply::{Reply, ReplyBody};
