//! Zenlogin: numeric codes with detail templates, in a JSON:API error document.
//!
//! - [`ErrorCode`]: the catalog, every code of Zenlogin's error table with its
//!   text, the field it concerns, its [`Group`] and its HTTP status.
//! - [`Template`], [`ErrorCode::render`], [`ErrorCode::parse_detail`]: filling a text's
//!   placeholders (`$value`, `{{owner.emailAddress}}`,
//!   `{{identityEmailAddress}}`) in, and reading them back from a received
//!   `detail`.
//! - [`Code`]: a code as a body carries it, known ([`ErrorCode`]) or kept
//!   verbatim.
//! - [`ErrorDocument`], [`ErrorObject`]: the JSON:API 1.0 error document the
//!   API answers with, parsed and written back exactly.
//!
//! ```
//! use sso_errors::zenlogin::{ErrorCode, ErrorDocument, ErrorObject, Template};
//!
//! // Look a code up: by code, or by the table's `101` alias.
//! let code: ErrorCode = "3003".parse()?;
//! assert_eq!(code.field(), Some("application_key"));
//! assert_eq!(ErrorCode::from_code("101"), Some(ErrorCode::InvalidReqTest));
//!
//! // Parse what the API sent, read the echoed value back, write it back unchanged.
//! let body = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
//! let document = ErrorDocument::parse(body)?;
//! assert!(document.has(ErrorCode::InvalidApplicationKey));
//! assert_eq!(document.errors[0].values()?.get("$value"), Some("appl01234567891"));
//! assert_eq!(document.http_status(), 400);
//! assert_eq!(document.to_json().as_bytes(), body);
//!
//! // Render one: a template takes exactly as many values as its text has placeholders.
//! const KEY: Template<1> = ErrorCode::InvalidApplicationKey.template().unwrap();
//! let built = ErrorDocument::new([ErrorObject::new(KEY.code(), KEY.render(["appl01234567891"])?)]);
//! assert_eq!(built.to_json().as_bytes(), body);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod codes;
#[cfg(feature = "std")]
mod document;
#[cfg(feature = "std")]
mod jsonapi;
#[cfg(feature = "std")]
mod object;
#[cfg(feature = "std")]
mod reply;
mod template;

pub use codes::{ErrorCode, Group};
#[cfg(feature = "std")]
pub use document::ErrorDocument;
#[cfg(feature = "std")]
pub use jsonapi::InvalidMember;
#[cfg(feature = "std")]
pub use object::{ErrorObject, Source};
#[cfg(feature = "std")]
pub use reply::{Reply, ReplyBody};
pub use template::{
    MAX_VALUE_LEN, Mismatch, Placeholder, Placeholders, RenderError, Segment, Segments, Template,
    Values,
};

/// A Zenlogin code as a body carries it: a known [`ErrorCode`] or an unknown
/// code kept verbatim.
#[cfg(feature = "std")]
pub type Code<'a> = crate::Wire<'a, ErrorCode>;
