//! The properties the fuzz targets assert, written once.
//!
//! Each target in `fuzz_targets/` is one line that hands its input to one of
//! the checks here: [`body`] for a vendor body type, [`reply`] for a vendor's
//! reply, [`any_reply`], [`problem`], and the template checks. The body and
//! reply checks are generic over a small "family" trait ([`BodyFamily`],
//! [`ReplyFamily`]) with one implementation per vendor type, so that a new
//! body or vendor is a line in the tables of this file.
//!
//! The bound on `Display` and `Debug` is the crate's documented
//! [`sso_errors::DISPLAY_MAX`]: every body, reply, error and problem writes
//! at most that many bytes, with control and bidirectional characters
//! escaped.

use std::borrow::Cow;
use std::fmt::{Debug, Display};

use serde_json::Value;
use sso_errors::{AnyReply, Body, Error, Problem, Reply, ReplyContent, Vendor, Verdict};
use sso_errors::{merchant, openam, zato, zenlogin};

// ---------------------------------------------------------------------------
// Text: length bounds and characters that must not reach a log line

/// The documented bound of every `Display` and `Debug` of a body, reply,
/// error and problem document (src/text.rs).
pub const TEXT_MAX: usize = sso_errors::DISPLAY_MAX;

/// A character that must never appear raw in a `Display` or `Debug`: C0 and
/// C1 controls, DEL, the bidirectional controls, and the line and paragraph
/// separators.
pub fn forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
    )
}

/// Asserts that `text` is at most `max` bytes and holds no [`forbidden`]
/// character.
pub fn assert_clean(what: &str, text: &str, max: usize) {
    assert_clean_but(what, text, max, None);
}

/// [`assert_clean`], letting `allowed` through (the line breaks of `{:#?}`).
pub fn assert_clean_but(what: &str, text: &str, max: usize, allowed: Option<char>) {
    assert!(
        text.len() <= max,
        "{what}: {} bytes, more than {max}: {:?}",
        text.len(),
        text.get(..text.floor_char_boundary(512))
            .unwrap_or_default()
    );
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| forbidden(*c) && Some(*c) != allowed)
    {
        panic!(
            "{what}: raw {c:?} (U+{:04X}) at byte {at}: {text:?}",
            u32::from(c)
        );
    }
}

/// The runs of at least this many ASCII letters and digits in an input are
/// taken for values (session tokens, IDs) that an error message must not
/// quote. The crate quotes at most a 16-byte code.
pub const TOKEN_MIN: usize = 20;

/// Asserts that `message` quotes no token-like run of `input`.
pub fn assert_quotes_no_token(what: &str, message: &str, input: &[u8]) {
    for token in input
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|run| run.len() >= TOKEN_MIN)
    {
        let token = std::str::from_utf8(token).unwrap_or_default();
        assert!(
            !message.contains(token),
            "{what} quotes the input's value {token:?}: {message:?}"
        );
    }
}

/// Everything asserted of an [`Error`] from reading `input`.
pub fn check_error(error: &Error, input: &[u8]) {
    let display = error.to_string();
    check_display("Error", error);
    assert_quotes_no_token("Error Display", &display, input);
    assert_quotes_no_token("Error Debug", &format!("{error:?}"), input);
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        assert_quotes_no_token("Error source", &cause.to_string(), input);
        assert_quotes_no_token("Error source Debug", &format!("{cause:?}"), input);
        source = cause.source();
    }
    use sso_errors::Category;
    let category = error.category();
    if matches!(
        category,
        Category::Syntax
            | Category::Eof
            | Category::Data
            | Category::NotAnErrorBody
            | Category::Unrecognized
    ) {
        assert!(
            display.ends_with(error.reason()),
            "the message {display:?} does not end with the reason {:?}",
            error.reason()
        );
    }
    let snippet = error.snippet();
    assert!(snippet.as_str().len() <= sso_errors::Snippet::CAPACITY);
    if category != Category::UnknownCode {
        // The snippet is the start of the input (an unknown code's is of
        // the code).
        assert!(input.starts_with(snippet.as_str().as_bytes()));
        assert_eq!(snippet.original_len(), input.len());
    }
    assert_clean(
        "Snippet Debug",
        &format!("{snippet:?}"),
        sso_errors::Snippet::CAPACITY * 6 + 64,
    );
}

/// Asserts the `Display`, `Debug` and pretty `Debug` of a value: at most
/// [`TEXT_MAX`] bytes each, and no [`forbidden`] character (pretty `Debug`
/// keeps its line breaks).
pub fn check_display<T: Display + Debug + ?Sized>(what: &str, value: &T) {
    assert_clean(&format!("{what} Display"), &value.to_string(), TEXT_MAX);
    assert_clean(&format!("{what} Debug"), &format!("{value:?}"), TEXT_MAX);
    assert_clean_but(
        &format!("{what} pretty Debug"),
        &format!("{value:#?}"),
        TEXT_MAX,
        Some('\n'),
    );
}

// ---------------------------------------------------------------------------
// JSON values: nothing lost or altered

/// Asserts that `output` is the same JSON value as `input`, once the
/// documented deviations (`normalise`) are applied to the input's value.
///
/// When `serde_json::Value` cannot hold the input (nesting deeper than 128,
/// a number beyond `f64`, a lone surrogate in a kept member), it cannot
/// hold the output either, since the crate keeps such members byte for
/// byte: both failing is accepted.
pub fn assert_same_json(what: &str, input: &[u8], output: &str, normalise: fn(&mut Value)) {
    match (
        serde_json::from_slice::<Value>(input),
        serde_json::from_str::<Value>(output),
    ) {
        (Ok(mut expected), Ok(written)) => {
            normalise(&mut expected);
            assert_eq!(
                expected, written,
                "{what}: the written JSON is not the received value: {output}"
            );
        }
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => panic!("{what}: the written JSON does not parse ({e}): {output}"),
        (Err(e), Ok(_)) => {
            panic!("{what}: the input is not a JSON value ({e}) but was accepted: {output}")
        }
    }
}

/// No deviation.
pub fn unchanged(_: &mut Value) {}

// ---------------------------------------------------------------------------
// Bodies

/// One vendor body type, at every lifetime.
pub trait BodyFamily {
    /// The body owning its data.
    type Owned: PartialEq + Debug + Clone;
    /// The body borrowing from an input of lifetime `'a`.
    type Of<'a>: Body<'a, Owned = Self::Owned> + Display;
    /// The documented deviations, applied to the input's JSON value.
    const NORMALISE: fn(&mut Value) = unchanged;
    /// The body's members that it does not define.
    fn members<'b, 'a>(body: &'b Self::Of<'a>) -> &'b sso_errors::Members<'a>;
    /// The same, to change.
    fn members_mut<'b, 'a>(body: &'b mut Self::Of<'a>) -> &'b mut sso_errors::Members<'a>;
}

/// Everything asserted of body type `F` for any input.
///
/// - parsing never panics; the borrowing and owning parses agree;
/// - an error's `Display`/`Debug` is bounded and clean ([`check_error`]);
/// - a body equals its clone; its `Display`/`Debug` are bounded and clean;
/// - `to_json` parses back, borrowing and owning, to an equal body, which
///   writes the same JSON again; codes, status, kind and retryability
///   survive;
/// - the written JSON is the received JSON value ([`assert_same_json`]).
pub fn body<F: BodyFamily>(data: &[u8]) {
    let parsed = <F::Of<'_> as Body<'_>>::parse(data);
    let owned = <F::Of<'_> as Body<'_>>::parse_owned(data);
    let body = match parsed {
        Err(error) => {
            check_error(&error, data);
            let vendor = <F::Of<'_> as Body<'_>>::VENDOR;
            assert_eq!(error.vendor(), Some(vendor));
            if error.category() == sso_errors::Category::WrongVendor {
                let found = error
                    .found_vendor()
                    .expect("a wrong-vendor error names the vendor found");
                assert_ne!(found, vendor);
                assert_eq!(sso_errors::detect::detect(data), Some(found));
            }
            let other = owned.expect_err("parse failed, parse_owned succeeded");
            assert_eq!(error.category(), other.category());
            assert_eq!(error.to_string(), other.to_string());
            return;
        }
        Ok(body) => body,
    };
    let owned = owned.expect("parse succeeded, parse_owned failed");
    assert_eq!(body, body.clone());
    assert_eq!(owned, body.clone().into_owned());
    check_display("body", &body);
    assert_members_hidden::<F>(&body);

    let json = body.to_json();
    let again = <F::Of<'_> as Body<'_>>::parse(json.as_bytes())
        .unwrap_or_else(|e| panic!("the written body does not parse: {e}: {json}"));
    assert_eq!(again.clone().into_owned(), owned, "written: {json}");
    assert_eq!(again.to_json(), json, "writing is not stable");
    let again_owned = <F::Of<'_> as Body<'_>>::parse_owned(json.as_bytes())
        .unwrap_or_else(|e| panic!("the written body does not parse owned: {e}: {json}"));
    assert_eq!(again_owned, owned);
    assert_eq!(again.codes(), body.codes());
    assert_eq!(again.http_status(), body.http_status());
    assert_eq!(again.kind(), body.kind());
    assert_eq!(again.is_retryable(), body.is_retryable());
    assert_same_json("body", data, &json, F::NORMALISE);
}

/// Asserts that no value of a member the body does not define is written by
/// its `Display` or `Debug`: each run of [`HIDDEN_MIN`] or more ASCII letters
/// and digits of such a value (and of no member's name) that is in what the
/// body writes is also in what the same body writes without those members
/// (the crate's own words, or a member it models).
pub fn assert_members_hidden<F: BodyFamily>(body: &F::Of<'_>) {
    let written = |body: &F::Of<'_>| format!("{body}\n{body:?}\n{body:#?}");
    let full = written(body);
    let mut bare = body.clone();
    let names: Vec<String> = F::members(body)
        .iter()
        .map(|(name, _)| name.to_owned())
        .collect();
    for name in &names {
        F::members_mut(&mut bare).remove(name);
    }
    let bare = written(&bare);
    for (_, value) in F::members(body).iter() {
        for run in value
            .get()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|run| run.len() >= HIDDEN_MIN)
            .filter(|run| !names.iter().any(|name| name.contains(run)))
        {
            assert!(
                !full.contains(run) || bare.contains(run),
                "an unmodelled value {run:?} is written: {full:?}"
            );
        }
    }
}

/// The shortest run of a value that [`assert_members_hidden`] looks for.
pub const HIDDEN_MIN: usize = 8;

// ---------------------------------------------------------------------------
// Statuses

/// The statuses a reply input most often picks.
pub const STATUSES: [u16; 13] = [
    200, 400, 401, 403, 404, 409, 410, 415, 422, 429, 500, 501, 503,
];

/// The HTTP status and body of a reply input: its first two bytes, big
/// endian, pick the status (below `0xE000`: one of [`STATUSES`]; from
/// `0xE000`: the status `value - 0xE000`, so a seed can name any), and the
/// rest is the body. An input shorter than two bytes is a body sent with 400.
pub fn split_status(data: &[u8]) -> (u16, &[u8]) {
    match data {
        [high, low, body @ ..] => {
            let value = u16::from_be_bytes([*high, *low]);
            let status = match value.checked_sub(0xE000) {
                Some(status) => status,
                None => STATUSES[usize::from(value) % STATUSES.len()],
            };
            (status, body)
        }
        _ => (400, data),
    }
}

/// The two bytes [`split_status`] reads as `status`.
pub fn status_prefix(status: u16) -> [u8; 2] {
    (0xE000 + (status & 0x1FFF)).to_be_bytes()
}

// ---------------------------------------------------------------------------
// Replies

/// One vendor's replies, at every lifetime.
pub trait ReplyFamily {
    /// The vendor.
    const VENDOR: Vendor;
    /// The reply body owning its data.
    type Owned: ReplyContent + PartialEq + Debug;
    /// The reply body borrowing from an input of lifetime `'a`.
    type Body<'a>: ReplyContent<Owned = Self::Owned>;
    /// The vendor's `Reply::parse`.
    fn parse(status: u16, input: &[u8]) -> Result<Reply<Self::Body<'_>>, Error>;
    /// The vendor's reply inside an [`AnyReply`], if it is this vendor's.
    fn from_any(reply: AnyReply<'_>) -> Option<Reply<Self::Body<'_>>>;
    /// The documented deviations, applied to the input's JSON value.
    const NORMALISE: fn(&mut Value) = unchanged;
}

/// Asserts that two replies say the same: every accessor agrees.
fn assert_same_reply<B: ReplyContent, C: ReplyContent>(a: &Reply<B>, b: &Reply<C>) {
    assert_eq!(a.http_status(), b.http_status());
    assert_eq!(a.vendor(), b.vendor());
    assert_eq!(a.to_body(), b.to_body());
    assert_eq!(a.kind(), b.kind());
    assert_eq!(a.codes(), b.codes());
    assert_eq!(a.detail(), b.detail());
    assert_eq!(a.media_type(), b.media_type());
    assert_eq!(a.is_retryable(), b.is_retryable());
}

/// Everything asserted of vendor `F`'s replies for any input (the status
/// from [`split_status`]):
///
/// - an error carries the status, and is bounded and clean;
/// - a reply keeps the status and names the vendor; its `Display`/`Debug`
///   are bounded and clean;
/// - `AnyReply::parse_from(Some(vendor), …)` gives the same reply or error;
/// - `to_body` parses back, with the same status, to an equal reply that
///   writes the same body; a JSON body keeps the received JSON value;
/// - the media type is there exactly when the body is not empty.
pub fn reply<F: ReplyFamily>(data: &[u8]) {
    let (status, input) = split_status(data);
    let parsed = F::parse(status, input);
    let any = AnyReply::parse_from(Some(F::VENDOR), status, input);
    let reply = match parsed {
        Err(error) => {
            check_error(&error, input);
            assert_eq!(error.http_status(), Some(status));
            assert_eq!(error.vendor(), Some(F::VENDOR));
            let other = any.expect_err("the vendor's parse failed, parse_from succeeded");
            assert_eq!(error.category(), other.category());
            assert_eq!(error.to_string(), other.to_string());
            return;
        }
        Ok(reply) => reply,
    };
    assert_eq!(reply.http_status(), status);
    assert_eq!(reply.vendor(), F::VENDOR);
    assert_eq!(reply, reply.clone());
    check_display("reply", &reply);
    let from_any = F::from_any(any.expect("the vendor's parse succeeded, parse_from failed"))
        .expect("parse_from(Some(vendor)) gave another vendor's reply");
    assert_eq!(from_any.into_owned(), reply.clone().into_owned());

    let body = reply.to_body();
    assert_eq!(
        reply.media_type().is_some(),
        !body.is_empty(),
        "media type of {body:?}"
    );
    let again = F::parse(status, body.as_bytes())
        .unwrap_or_else(|e| panic!("the written body does not parse: {e}: {body:?}"));
    assert_eq!(
        again.clone().into_owned(),
        reply.clone().into_owned(),
        "written: {body}"
    );
    assert_same_reply(&again, &reply);
    if input.trim_ascii_start().first() == Some(&b'{') {
        assert_same_json("reply", input, &body, F::NORMALISE);
    }
}

/// Everything asserted of [`AnyReply`] and [`detect`](sso_errors::detect::detect):
///
/// - an error carries the status and is bounded and clean; an ambiguous
///   answer names two different vendors;
/// - a reply's vendor is the one `detect` names, when it names one; when it
///   names none, the reply is one recognised without JSON (Zato's plain
///   `Bad request`, the merchant's empty 401/403);
/// - `parse_from(Some(vendor))` and `parse_from(None)` give the same reply;
/// - `to_body` parses back, through `AnyReply::parse`, to an equal reply;
/// - every vendor's `parse_from` on the input behaves ([`check_error`] or
///   bounded `Display`), whichever vendor it is.
pub fn any_reply(data: &[u8]) {
    let (status, input) = split_status(data);
    let detected = sso_errors::detect::detect(input);
    let parsed = AnyReply::parse(status, input);
    let unnamed = AnyReply::parse_from(None, status, input);
    for vendor in Vendor::ALL {
        match AnyReply::parse_from(Some(vendor), status, input) {
            Ok(reply) => {
                assert_eq!(reply.vendor(), vendor);
                check_display("AnyReply", &reply);
            }
            Err(error) => check_error(&error, input),
        }
    }
    let reply = match parsed {
        Err(error) => {
            check_error(&error, input);
            assert_eq!(error.http_status(), Some(status));
            if error.category() == sso_errors::Category::Ambiguous {
                let (first, second) = error
                    .candidates()
                    .expect("an ambiguous error names two vendors");
                assert_ne!(first, second);
            }
            let other = unnamed.expect_err("parse failed, parse_from(None) succeeded");
            assert_eq!(error.to_string(), other.to_string());
            return;
        }
        Ok(reply) => reply,
    };
    assert_eq!(reply.http_status(), status);
    check_display("AnyReply", &reply);
    match detected {
        Some(vendor) => assert_eq!(vendor, reply.vendor(), "detect and AnyReply disagree"),
        None => assert!(
            matches!(
                &reply,
                AnyReply::Zato(r) if *r.body() == zato::ReplyBody::PlainBadRequest
            ) || matches!(
                &reply,
                AnyReply::Merchant(r) if *r.body() == merchant::ReplyBody::NoBody
            ),
            "AnyReply recognised what detect does not: {reply:?}"
        ),
    }
    let named = AnyReply::parse_from(Some(reply.vendor()), status, input)
        .expect("AnyReply succeeded, parse_from(Some(its vendor)) failed");
    assert_eq!(named.into_owned(), reply.clone().into_owned());
    let unnamed = unnamed.expect("parse succeeded, parse_from(None) failed");
    assert_eq!(unnamed.into_owned(), reply.clone().into_owned());

    let body = reply.to_body();
    let again = AnyReply::parse(status, body.as_bytes())
        .unwrap_or_else(|e| panic!("the written body is not recognised: {e}: {body:?}"));
    assert_eq!(again.to_body(), body);
    assert_eq!(again.into_owned(), reply.into_owned(), "written: {body}");
}

// ---------------------------------------------------------------------------
// Problem documents

/// Everything asserted of the verdict on an answer, and of its problem
/// document:
///
/// - the verdict's `Display` and `Debug` are bounded and clean; a success
///   has no problem, a failure has one;
/// - the problem's JSON is an object with a string `type` (the catalog's
///   URI or `about:blank`), a non-empty string `title` and a numeric
///   `status` of 400–599 equal to the document's; it parses back to an
///   equal `Problem`;
/// - `detail` is at most `Problem::DETAIL_MAX` bytes, and is the reply's
///   detail (cut at a character boundary, ending with `…`) or the error's
///   message;
/// - vendor, kind, retryability and the upstream status are the
///   verdict's; the codes are the reply's; an error has no code;
/// - its `Display` is bounded and clean.
pub fn check_verdict(verdict: &Verdict<'_>) {
    check_display("Verdict", verdict);
    let Some(problem) = verdict.problem() else {
        assert!(!verdict.is_failure());
        return;
    };
    let json = problem.to_json();
    let value: Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("problem JSON: {e}: {json}"));
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("problem JSON is not an object: {json}"));
    let type_uri = object
        .get("type")
        .and_then(Value::as_str)
        .expect("problem `type` is a string");
    assert!(
        type_uri == Problem::ABOUT_BLANK || type_uri.starts_with(Problem::TYPE_BASE),
        "problem type {type_uri:?}"
    );
    let title = object
        .get("title")
        .and_then(Value::as_str)
        .expect("problem `title` is a string");
    assert!(!title.is_empty());
    assert!((400..=599).contains(&problem.status), "{json}");
    assert_eq!(
        object.get("status").and_then(Value::as_u64),
        Some(u64::from(problem.status)),
        "problem `status`: {json}"
    );
    let back: Problem = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("problem JSON reads back: {e}: {json}"));
    assert_eq!(back, problem);
    assert_eq!(back.to_json(), json);
    if let Some(detail) = &problem.detail {
        assert!(
            detail.len() <= Problem::DETAIL_MAX,
            "detail of {} bytes",
            detail.len()
        );
    }
    check_display("Problem", &problem);
    assert_eq!(problem.vendor, verdict.vendor());
    assert_eq!(problem.kind, verdict.kind());
    assert_eq!(problem.retryable, verdict.is_retryable());
    assert_eq!(problem.upstream_status, Some(verdict.http_status()));
    match (verdict.reply(), verdict.error()) {
        (Some(reply), _) => {
            let codes = reply.codes();
            assert_eq!(problem.code.as_deref(), codes.first().map(Cow::as_ref));
            if codes.len() >= 2 {
                assert_eq!(
                    problem.codes,
                    codes.iter().map(|c| c.to_string()).collect::<Vec<_>>()
                );
            } else {
                assert!(problem.codes.is_empty());
            }
            if reply.http_status() >= 400 && reply.http_status() <= 599 {
                assert_eq!(problem.status, reply.http_status());
            }
            match (reply.detail(), &problem.detail) {
                (None, None) => {}
                (Some(text), Some(detail)) if text.len() <= Problem::DETAIL_MAX => {
                    assert_eq!(&*text, detail)
                }
                (Some(text), Some(detail)) => {
                    let cut = detail.strip_suffix('…').expect("a cut detail ends with …");
                    assert!(text.starts_with(cut));
                }
                (text, detail) => panic!("reply detail {text:?}, problem detail {detail:?}"),
            }
        }
        (None, Some(error)) => {
            assert_eq!(problem.code, None);
            let message = error.to_string();
            let detail = problem
                .detail
                .as_deref()
                .expect("an error's problem has a detail");
            if message.len() <= Problem::DETAIL_MAX {
                assert_eq!(detail, message);
            }
        }
        (None, None) => panic!("a verdict has a reply or an error"),
    }
}

/// The verdicts on an input (status from [`split_status`]): recognised,
/// and as each vendor's.
pub fn problem(data: &[u8]) {
    let (status, input) = split_status(data);
    check_verdict(&Verdict::of(status, input));
    for vendor in Vendor::ALL {
        check_verdict(&Verdict::of_vendor(vendor, status, input));
    }
}

// ---------------------------------------------------------------------------
// The tables: one entry per body type and per vendor

/// A body's family type and its documented deviations.
macro_rules! bodies {
    ($($Family:ident => $Body:ident, $normalise:expr;)+) => {$(
        #[doc = concat!("`", stringify!($Body), "` at every lifetime.")]
        pub struct $Family;

        impl BodyFamily for $Family {
            type Owned = $Body<'static>;
            type Of<'a> = $Body<'a>;
            const NORMALISE: fn(&mut Value) = $normalise;
            fn members<'b, 'a>(body: &'b Self::Of<'a>) -> &'b sso_errors::Members<'a> {
                &body.members
            }
            fn members_mut<'b, 'a>(body: &'b mut Self::Of<'a>) -> &'b mut sso_errors::Members<'a> {
                &mut body.members
            }
        }
    )+};
}

use merchant::ErrorBody as MerchantBody;
use openam::ErrorBody as OpenAmBody;
use zato::{BadRequest as ZatoBadRequest, Response as ZatoResponseBody};
use zenlogin::ErrorDocument as ZenloginDocument;

bodies! {
    ZatoResponse => ZatoResponseBody, unchanged;
    ZatoBadRequestBody => ZatoBadRequest, unchanged;
    ZenloginErrorDocument => ZenloginDocument, unchanged;
    OpenAmErrorBody => OpenAmBody, unchanged;
    MerchantErrorBody => MerchantBody, unchanged;
}

/// A vendor's family type and reply body, how it sits in `AnyReply`, and
/// its documented deviations.
macro_rules! replies {
    ($($Family:ident => $vendor:ident, $Variant:ident, $normalise:expr;)+) => {$(
        #[doc = concat!("The replies of `", stringify!($vendor), "`.")]
        pub struct $Family;

        impl ReplyFamily for $Family {
            const VENDOR: Vendor = Vendor::$Variant;
            type Owned = $vendor::ReplyBody<'static>;
            type Body<'a> = $vendor::ReplyBody<'a>;
            const NORMALISE: fn(&mut Value) = $normalise;

            fn parse(status: u16, input: &[u8]) -> Result<Reply<Self::Body<'_>>, Error> {
                $vendor::Reply::parse(status, input)
            }

            fn from_any(reply: AnyReply<'_>) -> Option<Reply<Self::Body<'_>>> {
                match reply {
                    AnyReply::$Variant(reply) => Some(reply),
                    _ => None,
                }
            }
        }
    )+};
}

replies! {
    ZatoReplies => zato, Zato, unchanged;
    ZenloginReplies => zenlogin, Zenlogin, unchanged;
    OpenAmReplies => openam, OpenAm, unchanged;
    MerchantReplies => merchant, Merchant, unchanged;
}

// ---------------------------------------------------------------------------
// Templates: Zenlogin detail texts

use zenlogin::{ErrorCode, RenderError, Segment};

/// The fields of a template input: the input split at `0xFF` bytes (which
/// UTF-8 never holds), each field read as UTF-8 (invalid sequences become
/// U+FFFD), so that a seed is readable: `3003\xFFappl0\xFFInvalid …`.
pub fn fields(data: &[u8]) -> Vec<Cow<'_, str>> {
    data.split(|b| *b == 0xFF)
        .map(String::from_utf8_lossy)
        .collect()
}

/// A template input: a code, values, and a text used as a received detail
/// and as a filler value.
#[derive(Debug)]
pub struct TemplateInput<'a> {
    /// The code.
    pub code: ErrorCode,
    /// Values to render, as many as the input gives.
    pub values: Vec<&'a str>,
    /// A received detail, and the value for a missing one.
    pub text: &'a str,
}

impl<'a> TemplateInput<'a> {
    /// From [`fields`]: the code (its spelling, `3003`; anything else picks
    /// one by its first byte), the values, and last the text.
    pub fn new(fields: &'a [Cow<'a, str>]) -> Self {
        let (first, rest) = fields
            .split_first()
            .map_or(("", &[][..]), |(f, r)| (f.as_ref(), r));
        let code = ErrorCode::from_code(first).unwrap_or_else(|| {
            let pick = first.bytes().next().map_or(0, usize::from);
            ErrorCode::ALL[pick % ErrorCode::ALL.len()]
        });
        let (text, values) = rest
            .split_last()
            .map_or(("", &[][..]), |(t, v)| (t.as_ref(), v));
        Self {
            code,
            values: values.iter().map(AsRef::as_ref).collect(),
            text,
        }
    }
}

/// Whether `values` can be read back exactly from `code`'s rendered text:
/// as documented on `ErrorCode::parse_detail`, a value followed by a literal
/// separator must not contain it or end with the start of it, i.e. the
/// separator is first found right after the value.
pub fn readable_back(code: ErrorCode, values: &[&str]) -> bool {
    let segments: Vec<Segment> = code.segments().collect();
    let mut value = values.iter();
    segments.iter().enumerate().all(|(at, segment)| {
        let Segment::Placeholder(_) = segment else {
            return true;
        };
        let given = value.next().copied().unwrap_or_default();
        let later = segments.get(at + 1..).unwrap_or_default();
        match later {
            // A separator, and another placeholder after it.
            [Segment::Literal(separator), rest @ ..]
                if rest.iter().any(|s| matches!(s, Segment::Placeholder(_))) =>
            {
                format!("{given}{separator}").find(separator) == Some(given.len())
            }
            // Two placeholders side by side: the first reads back empty.
            [Segment::Placeholder(_), ..] => given.is_empty(),
            _ => true,
        }
    })
}

/// Renders `values` into `code`'s text and checks the outcome against what
/// `render` documents: a detail exactly when there is one value per
/// placeholder, none longer than `MAX_VALUE_LEN`, and every value
/// [`readable_back`]; the detail then reads back to exactly `values`.
/// Otherwise the error says which of these failed, and its message is
/// bounded and clean.
pub fn render_checked(code: ErrorCode, values: &[&str]) -> Option<String> {
    let count_ok = values.len() == code.arity();
    let len_ok = values
        .iter()
        .all(|value| value.len() <= zenlogin::MAX_VALUE_LEN);
    let readable = readable_back(code, values);
    match code.render(values) {
        Ok(detail) => {
            assert!(count_ok && len_ok && readable, "{code} rendered {values:?}");
            let read = code.parse_detail(&detail).unwrap_or_else(|e| {
                panic!("{code}: a rendered detail does not match its text: {e}: {detail:?}")
            });
            assert_eq!(read.code(), code);
            assert_eq!(
                read.as_slice(),
                values,
                "{code}: values read back from {detail:?}"
            );
            for ((placeholder, value), given) in read.iter().zip(values) {
                assert_eq!(value, *given);
                assert_eq!(read.get(placeholder.token()), Some(*given));
                assert_eq!(read.get(placeholder.name()), Some(*given));
            }
            Some(detail)
        }
        Err(error) => {
            match error {
                RenderError::WrongValueCount {
                    expected, given, ..
                } => {
                    assert!(!count_ok);
                    assert_eq!((expected, given), (code.arity(), values.len()));
                }
                RenderError::ValueTooLong { len, .. } => {
                    assert!(count_ok && !len_ok && len > zenlogin::MAX_VALUE_LEN);
                }
                // A value that would not read back.
                _ => assert!(
                    count_ok && len_ok && !readable,
                    "{code} refused {values:?}: {error}"
                ),
            }
            check_display("RenderError", &error);
            None
        }
    }
}

/// Everything asserted of Zenlogin's detail templates:
///
/// - the segments spell the text, literals are never empty, the placeholder
///   count is the arity, and `template::<N>()` exists exactly for the arity;
/// - `render` and `Template<N>` agree with [`render_checked`], for the
///   input's values as given and fitted to the arity;
/// - any received text that matches renders back to itself;
/// - a rendered detail goes through a JSON document and reads back the same;
/// - `Mismatch` and `RenderError` messages are bounded and clean.
pub fn templates_zenlogin(data: &[u8]) {
    let fields = fields(data);
    let input = TemplateInput::new(&fields);
    let code = input.code;
    let arity = code.arity();
    let mut spelled = String::new();
    for segment in code.segments() {
        match segment {
            Segment::Literal(text) => {
                assert!(!text.is_empty());
                spelled.push_str(text);
            }
            Segment::Placeholder(placeholder) => spelled.push_str(placeholder.token()),
        }
    }
    assert_eq!(spelled, code.description());
    assert_eq!(code.placeholders().count(), arity);
    assert_eq!(code.template::<0>().is_some(), arity == 0);
    assert_eq!(code.template::<1>().is_some(), arity == 1);
    assert_eq!(code.template::<2>().is_some(), arity == 2);
    assert_eq!(code.template::<3>().is_some(), arity == 3);

    render_checked(code, &input.values);

    let values: Vec<&str> = (0..arity)
        .map(|at| input.values.get(at).copied().unwrap_or(input.text))
        .collect();
    let detail = render_checked(code, &values);
    if let Some(detail) = &detail {
        match arity {
            0 => {
                let template = code.template::<0>().expect("arity 0");
                assert_eq!(template.detail(), detail);
                assert!(template.parse(detail).is_ok());
            }
            1 => {
                let template = code.template::<1>().expect("arity 1");
                assert_eq!(template.render([values[0]]).ok().as_ref(), Some(detail));
                assert_eq!(template.parse(detail).ok(), Some([values[0]]));
            }
            2 => {
                let template = code.template::<2>().expect("arity 2");
                assert_eq!(
                    template.render([values[0], values[1]]).ok().as_ref(),
                    Some(detail)
                );
                assert_eq!(template.parse(detail).ok(), Some([values[0], values[1]]));
            }
            _ => {}
        }
    }

    // A received detail: the fuzzer's text as is, and inside the code's text.
    for received in [input.text.to_owned(), spliced(code, input.text)] {
        match code.parse_detail(&received) {
            Ok(read) => {
                let again = code
                    .render(read.as_slice())
                    .expect("values read back render");
                assert_eq!(
                    again, received,
                    "{code}: a matched detail renders back otherwise"
                );
            }
            Err(mismatch) => {
                assert_eq!(mismatch.code(), Some(code));
                assert_clean("Mismatch Display", &mismatch.to_string(), TEXT_MAX);
                assert_clean("Mismatch Debug", &format!("{mismatch:?}"), TEXT_MAX);
            }
        }
    }

    // Through a JSON document, with the escaping it needs.
    let Some(detail) = detail else {
        assert!(zenlogin::ErrorObject::render(code, &values).is_err());
        return;
    };
    let object = zenlogin::ErrorObject::render(code, &values).expect("rendered above");
    let json = zenlogin::ErrorDocument::new([object]).to_json();
    let document = zenlogin::ErrorDocument::parse(json.as_bytes())
        .unwrap_or_else(|e| panic!("a rendered document parses: {e}: {json}"));
    let error = document.errors.first().expect("one error object");
    assert_eq!(error.known(), Some(code));
    assert_eq!(error.detail.as_deref(), Some(detail.as_str()));
    assert_eq!(
        error
            .values()
            .expect("a rendered detail matches")
            .as_slice(),
        values.as_slice()
    );
    body::<ZenloginErrorDocument>(json.as_bytes());
}

/// The code's text with `text` put in place of every placeholder, and also
/// cut into the middle of the text: details that almost match.
fn spliced(code: ErrorCode, text: &str) -> String {
    let mut out = String::new();
    for segment in code.segments() {
        match segment {
            Segment::Literal(literal) => out.push_str(literal),
            Segment::Placeholder(_) => out.push_str(text),
        }
    }
    if text.len() % 3 == 1 {
        let at = out.floor_char_boundary(out.len() / 2);
        out.insert_str(at, text);
    }
    out
}

// ---------------------------------------------------------------------------
// Templates: merchant descriptions

use merchant::{Description, ErrorEntry, Template};

/// A description input: a template, a value, a received text, and the code
/// and `errorName` of the entry that carries it.
#[derive(Debug)]
pub struct DescriptionInput<'a> {
    /// The template.
    pub template: Template,
    /// The value to render the template with.
    pub value: &'a str,
    /// A received description.
    pub text: &'a str,
    /// The entry's `code`.
    pub code: &'a str,
    /// The entry's `errorName`.
    pub name: &'a str,
}

impl<'a> DescriptionInput<'a> {
    /// From [`fields`]: the template (its index in `Template::ALL` in
    /// decimal; anything else picks one by its first byte), the value, the
    /// text, the code and the `errorName`; missing fields are empty.
    pub fn new(fields: &'a [Cow<'a, str>]) -> Self {
        let field = |at: usize| fields.get(at).map_or("", AsRef::as_ref);
        let pick = field(0)
            .parse::<usize>()
            .unwrap_or_else(|_| field(0).bytes().next().map_or(0, usize::from));
        Self {
            template: Template::ALL[pick % Template::ALL.len()],
            value: field(1),
            text: field(2),
            code: field(3),
            name: field(4),
        }
    }
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

/// Asserts that two descriptions are the same typed value: variant
/// (template), value, text, equality and hash.
fn assert_same_description(a: &Description<'_>, b: &Description<'_>) {
    assert_eq!(a.template(), b.template());
    assert_eq!(a.value(), b.value());
    assert_eq!(a.to_string(), b.to_string());
    assert_eq!(a, b);
    assert_eq!(hash_of(a), hash_of(b));
}

/// Everything asserted of a received description `text`: parsing is
/// lossless (`Display`, `to_text` and serialization give `text` back), the
/// template and value are those of `Template::match_description`, and every
/// way to build it (borrowed, owned, `Cow`, deserialized, detached) gives
/// the same description.
pub fn check_description(text: &str) {
    let description = Description::parse(text);
    assert_eq!(description.to_string(), text);
    assert_eq!(description.to_text(), text);
    assert_eq!(
        serde_json::to_string(&description).ok(),
        serde_json::to_string(text).ok()
    );
    let matched = Template::match_description(text);
    assert_eq!(
        description.template(),
        matched.map(|(template, _)| template)
    );
    match matched {
        Some((template, value)) if template.has_value() => {
            assert_eq!(description.value(), Some(value))
        }
        _ => assert_eq!(description.value(), None),
    }
    assert_eq!(
        description.is_retryable(),
        matched.is_some_and(|(template, _)| template.is_retryable())
    );
    assert_eq!(
        description.http_status(),
        matched.map(|(template, _)| template.http_status())
    );
    assert_same_description(&Description::from(text.to_owned()), &description);
    assert_same_description(&Description::from(Cow::Borrowed(text)), &description);
    assert_same_description(&description.clone().into_owned(), &description);
    let json = serde_json::to_string(text).expect("a string serializes");
    let read: Description<'_> =
        serde_json::from_str(&json).expect("a JSON string is a description");
    assert_same_description(&read, &description);
    assert_clean(
        "Description Debug",
        &format!("{description:?}"),
        16 * text.len() + 256,
    );
}

/// Everything asserted of the merchant's description templates:
///
/// - any received text: [`check_description`];
/// - a template rendered with any value spells prefix, value, suffix; it
///   parses back to the same template and value, equals the verbatim
///   `Other` form of its text (equality is by text) with the same hash;
/// - an entry carrying it goes through a JSON body and back unchanged,
///   with any code and `errorName`, and the body passes [`body`].
pub fn templates_merchant(data: &[u8]) {
    let fields = fields(data);
    let input = DescriptionInput::new(&fields);
    check_description(input.text);

    let template = input.template;
    let description = Description::from_template(template, input.value);
    let text = if template.has_value() {
        [template.prefix(), input.value, template.suffix()].concat()
    } else {
        template.prefix().to_owned()
    };
    assert_eq!(description.to_string(), text);
    assert_eq!(description.to_text(), text);
    assert_eq!(description.template(), Some(template));
    assert_eq!(
        description.value(),
        template.has_value().then_some(input.value)
    );
    assert_eq!(
        template.value_in(&text),
        Some(if template.has_value() {
            input.value
        } else {
            ""
        })
    );
    assert_same_description(&Description::parse(&text), &description);
    let other = Description::Other(Cow::Owned(text.clone()));
    assert_eq!(other, description);
    assert_eq!(hash_of(&other), hash_of(&description));
    check_description(&text);

    let entry = ErrorEntry::from_parts(input.code, input.name, description);
    let json = MerchantBody::new(entry.clone()).to_json();
    let parsed = MerchantBody::parse(json.as_bytes())
        .unwrap_or_else(|e| panic!("a built body parses: {e}: {json}"));
    let read = parsed.message().first().expect("one entry");
    assert_eq!(read, &entry);
    assert_eq!(read.description_text(), text);
    assert_eq!(read.code, input.code);
    assert_eq!(read.error_name, input.name);
    assert_same_description(&read.description, &entry.description);
    body::<MerchantErrorBody>(json.as_bytes());
}
