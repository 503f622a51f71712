//! Recognising which vendor an error body came from, by its top-level
//! members alone, however many there are.

use crate::Vendor;
use crate::body::{Key, TopLevel};

/// Which vendor's error body `input` looks like, from its top-level members:
///
/// | vendor | members |
/// | --- | --- |
/// | Zenlogin | `errors` (a JSON:API error document) |
/// | merchant | `message` holding a list |
/// | OpenAM | a numeric `code` (or legacy `error`); or the authenticate endpoint's `errorMessage`, or a boolean `failure` |
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

/// The vendor of a body with these top-level members: the first of
/// [`candidates`].
pub(crate) fn of(top: &TopLevel) -> Option<Vendor> {
    candidates(top).next()
}

/// Every vendor whose body has these top-level members, in the order of
/// the table above.
pub(crate) fn candidates(top: &TopLevel) -> impl Iterator<Item = Vendor> + '_ {
    let zenlogin = top.has(Key::Errors);
    let merchant = top.first_byte(Key::Message) == Some(b'[');
    // What OpenAM's reply reads: a numeric code (CREST always sends
    // `reason` and `message` beside it, but the code alone is its body),
    // or the authenticate endpoint's `errorMessage` or boolean `failure`.
    let openam = top.is_number(Key::Code)
        || top.is_number(Key::Error)
        || top.has(Key::ErrorMessage)
        || matches!(top.first_byte(Key::Failure), Some(b't' | b'f'));
    let zato = top.has_zato_status() || (top.has(Key::Result) && top.has(Key::Details));
    [
        (zenlogin, Vendor::Zenlogin),
        (merchant, Vendor::Merchant),
        (openam, Vendor::OpenAm),
        (zato, Vendor::Zato),
    ]
    .into_iter()
    .filter_map(|(matches, vendor)| matches.then_some(vendor))
}
