//! Recognising which vendor an error body came from, by its top-level
//! members alone, however many there are.

use crate::Vendor;
use crate::body::TopLevel;

/// Which vendor's error body `input` looks like, from its top-level members:
///
/// | vendor | members |
/// | --- | --- |
/// | Zenlogin | `errors` (a JSON:API error document) |
/// | merchant | `message` holding a list |
/// | OpenAM | a numeric `code` (or legacy `error`) with `reason` or `message`; or the authenticate endpoint's `errorMessage`, or `failure` with `authId` |
/// | Zato | `status` of `ok`, `warning` or `error`; or the 400 envelope `result` + `details` |
///
/// `None` when the input is not a JSON object or matches none of them.
///
/// ```
/// use sso_errors::{Vendor, detect::detect};
///
/// assert_eq!(detect(br#"{"status":"error","cid":"30e2","sub_status":["E005001"]}"#), Some(Vendor::Zato));
/// assert_eq!(detect(br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#), Some(Vendor::OpenAm));
/// assert_eq!(detect(b"<html>401</html>"), None);
/// ```
#[must_use]
pub fn detect(input: &[u8]) -> Option<Vendor> {
    TopLevel::scan(input).and_then(|top| of(&top))
}

/// The vendor of a body with these top-level members.
pub(crate) fn of(top: &TopLevel) -> Option<Vendor> {
    if top.has("errors") {
        return Some(Vendor::Zenlogin);
    }
    if top.first_byte("message") == Some(b'[') {
        return Some(Vendor::Merchant);
    }
    if (top.is_number("code") || top.is_number("error"))
        && (top.has("reason") || top.has("message"))
    {
        return Some(Vendor::OpenAm);
    }
    if top.has("errorMessage") || (top.has("failure") && top.has("authId")) {
        return Some(Vendor::OpenAm);
    }
    if top.has_zato_status() || (top.has("result") && top.has("details")) {
        return Some(Vendor::Zato);
    }
    None
}
