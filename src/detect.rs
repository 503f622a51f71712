//! Recognising which vendor an error body came from, by its top-level
//! members alone.

use serde_json::value::RawValue;

use crate::Vendor;
use crate::body::top_level_keys;

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
    let keys = top_level_keys::<24>(input)?;
    let is = |key: &str, first: u8| {
        keys.get(key)
            .is_some_and(|v: &RawValue| v.get().as_bytes().first() == Some(&first))
    };
    let is_number = |key: &str| {
        keys.get(key)
            .is_some_and(|v: &RawValue| v.get().as_bytes().first().is_some_and(u8::is_ascii_digit))
    };
    if keys.has("errors") {
        return Some(Vendor::Zenlogin);
    }
    if is("message", b'[') {
        return Some(Vendor::Merchant);
    }
    if (is_number("code") || is_number("error")) && (keys.has("reason") || keys.has("message")) {
        return Some(Vendor::OpenAm);
    }
    if keys.has("errorMessage") || (keys.has("failure") && keys.has("authId")) {
        return Some(Vendor::OpenAm);
    }
    let zato_status = keys
        .get("status")
        .is_some_and(|v| matches!(v.get(), r#""ok""# | r#""warning""# | r#""error""#));
    if zato_status || (keys.has("result") && keys.has("details")) {
        return Some(Vendor::Zato);
    }
    None
}
