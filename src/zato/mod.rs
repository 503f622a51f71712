//! Zato SSO: the `ok`/`warning`/`error` status, the `E`/`W` sub-status
//! catalog, the response body, the 400 envelope, User.login, and the policy
//! deciding which sub-statuses a caller may see.
//!
//! ```
//! use sso_errors::zato::{Response, SubStatus};
//!
//! let response = Response::parse(br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#)?;
//! assert!(response.has(SubStatus::AuthNotAllowed));
//! # Ok::<(), sso_errors::Error>(())
//! ```

mod codes;
#[cfg(feature = "std")]
mod disclosure;
#[cfg(feature = "std")]
mod login;
#[cfg(feature = "std")]
mod reply;
#[cfg(feature = "std")]
mod response;

pub use codes::{Severity, Status, SubStatus};
#[cfg(feature = "std")]
pub use disclosure::{Disclosed, Disclosure};
#[cfg(feature = "std")]
pub use login::LoginRequest;
#[cfg(feature = "std")]
pub use reply::{BadRequest, Reply, ReplyBody};
#[cfg(feature = "std")]
pub use response::{Code, Response, SubStatuses};
