//! Properties over generated input (proptest). Each runs 10,000 cases; set
//! `PROPTEST_CASES` for more (`PROPTEST_CASES=200000 cargo test --release
//! --test proptests`).
//!
//! - Every catalog: every entry round-trips its code, label and JSON, and
//!   every string that is not a code gets the typed error, never another
//!   entry (exhaustively for `[EW]dddddd` and 1–5 digit strings).
//! - Every body, through the `Body` trait: generated bodies (unknown codes,
//!   aliases, repeated and extra members, JSON:API's optional members) parse,
//!   write back to a body that parses equal and holds the same JSON, in the
//!   same order; equality is reflexive and symmetric; bodies built in code
//!   write and parse back equal.
//! - Arbitrary bytes and arbitrary JSON given to every parser, reply and the
//!   recognition return a value or a typed error.
//! - Templates render and read back the same values.
//! - The Zato disclosure policy never lets a hidden code through.
//! - Every `Display` and `Debug` is at most `DISPLAY_MAX` bytes and holds no
//!   raw control or bidirectional character.

mod common;

use std::collections::HashMap;
use std::fmt;

use proptest::prelude::*;
use proptest::test_runner::Config;
use sso_errors::zato::{Disclosure, SubStatus};
use sso_errors::{
    AnyReply, Body, Catalog, DISPLAY_MAX, Error, Vendor, detect, merchant, openam, zato, zenlogin,
};

fn config() -> Config {
    Config {
        cases: u32::try_from(common::cases()).unwrap_or(u32::MAX),
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// Log safety

fn is_unsafe(c: char, pretty: bool) -> bool {
    (c.is_control() && !(pretty && c == '\n'))
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `Display`, `Debug` and `{:#?}` of `value` are bounded and safe.
fn assert_log_safe<T: fmt::Display + fmt::Debug>(value: &T) {
    for (text, pretty) in [
        (value.to_string(), false),
        (format!("{value:?}"), false),
        (format!("{value:#?}"), true),
    ] {
        assert!(text.len() <= DISPLAY_MAX, "{} bytes", text.len());
        assert!(
            !text.chars().any(|c| is_unsafe(c, pretty)),
            "raw control or bidi character in {text:?}"
        );
    }
}

fn assert_error_safe(err: &Error) {
    assert_log_safe(err);
}

// ---------------------------------------------------------------------------
// JSON, compared in order and with repeated members

/// A JSON value that keeps member order and repeated members.
#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Number(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Number(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Json, E> {
                serde_json::Number::from_f64(v)
                    .map(Json::Number)
                    .ok_or_else(|| E::custom("not a finite number"))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::String(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = a.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = a.next_entry()? {
                    members.push(member);
                }
                Ok(Json::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

fn json(text: &[u8]) -> Json {
    serde_json::from_slice(text).expect("valid JSON")
}

// ---------------------------------------------------------------------------
// Generators

/// A JSON string literal of arbitrary text, with the controls, quotes,
/// bidi characters and escapes that log forgery needs.
fn string_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ -~]{0,12}",
        2 => any::<String>(),
        1 => Just("\u{1b}[2J\r\nforged line\u{202e}".to_owned()),
        1 => "[\"\\\\/\\u{0}-\\u{1f}\\u{202a}-\\u{202e}é😀]{0,6}",
    ]
    .prop_map(|s| serde_json::to_string(&s).unwrap())
}

/// A JSON number as a server may spell it.
fn number_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        Just("1.0".to_owned()),
        Just("-0".to_owned()),
        Just("1e3".to_owned()),
        Just("0.5".to_owned()),
        Just("12345678901234567890".to_owned()),
    ]
}

/// Arbitrary JSON text, with repeated members in its objects.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        number_literal(),
        string_literal(),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(
                (prop_oneof!["[a-z]{1,3}", Just("x".to_owned())], inner),
                0..4
            )
            .prop_map(|members| object(&members)),
        ]
    })
}

fn object(members: &[(String, String)]) -> String {
    let members: Vec<String> = members
        .iter()
        .map(|(name, value)| format!("{}:{value}", serde_json::to_string(name).unwrap()))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// Members a vendor does not define, possibly repeated.
fn extras(defined: &'static [&'static str]) -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            prop_oneof![
                "x_[a-z]{0,3}",
                Just("x_extra".to_owned()),
                Just("_".to_owned())
            ],
            json_text(),
        ),
        0..3,
    )
    .prop_map(move |members| {
        members
            .into_iter()
            .filter(|(name, _)| !defined.contains(&name.as_str()))
            .collect()
    })
}

/// A JSON string of a code: known, aliased, of a code's shape, or anything.
fn code_literal(known: &'static [&'static str], shape: &'static str) -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(known).prop_map(|c| serde_json::to_string(c).unwrap()),
        2 => proptest::string::string_regex(shape).unwrap().prop_map(|c| serde_json::to_string(&c).unwrap()),
        1 => string_literal(),
    ]
    .boxed()
}

/// Joins members, in a shuffled order, into an object.
fn shuffled(members: Vec<(String, String)>) -> impl Strategy<Value = String> {
    Just(members).prop_shuffle().prop_map(|m| object(&m))
}

fn zato_codes() -> &'static [&'static str] {
    &["E005001", "E010010", "W003005", "E001001", "E008004"]
}

fn zato_response() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["ok", "warning", "error"][..]),
        string_literal(),
        prop_oneof![
            Just(None),
            prop::collection::vec(code_literal(zato_codes(), "[EW][0-9]{6}"), 0..4)
                .prop_map(|v| Some(format!("[{}]", v.join(",")))),
            code_literal(zato_codes(), "[EW][0-9]{6}").prop_map(Some),
        ],
        prop::option::of(string_literal()),
        extras(&["status", "cid", "sub_status", "ust"]),
    )
        .prop_flat_map(|(status, cid, sub_status, ust, extras)| {
            let mut members = vec![
                ("status".to_owned(), format!("\"{status}\"")),
                ("cid".to_owned(), cid),
            ];
            members.extend(sub_status.map(|v| ("sub_status".to_owned(), v)));
            members.extend(ust.map(|v| ("ust".to_owned(), v)));
            members.extend(extras);
            shuffled(members)
        })
}

fn zato_bad_request() -> impl Strategy<Value = String> {
    (string_literal(), extras(&["result", "cid", "details"])).prop_flat_map(|(cid, extras)| {
        let mut members = vec![
            ("result".to_owned(), "\"Error\"".to_owned()),
            ("cid".to_owned(), cid),
            ("details".to_owned(), "\"Bad request\"".to_owned()),
        ];
        members.extend(extras);
        shuffled(members)
    })
}

const ZENLOGIN_CODES: &[&str] = &["3003", "1001", "101", "1011", "3001", "4002"];

fn zenlogin_object() -> impl Strategy<Value = String> {
    (
        prop::option::of(code_literal(ZENLOGIN_CODES, "[0-9]{1,5}")),
        prop::option::of(string_literal()),
        prop::option::of(string_literal()),
        prop::option::of(prop_oneof![
            Just("\"400\"".to_owned()),
            Just("\"500\"".to_owned())
        ]),
        prop::option::of(string_literal()),
        prop::option::of(string_literal().prop_map(|p| format!("{{\"pointer\":{p}}}"))),
        prop::option::of(Just("{\"about\":\"https://zenlogin.co/docs\"}".to_owned())),
        prop::option::of(json_text().prop_map(|j| format!("{{\"m\":{j}}}"))),
        extras(&[
            "code", "detail", "id", "status", "title", "source", "links", "meta",
        ]),
    )
        .prop_flat_map(
            |(code, detail, id, status, title, source, links, meta, extras)| {
                let mut members = Vec::new();
                for (name, value) in [
                    ("code", code),
                    ("detail", detail),
                    ("id", id),
                    ("status", status),
                    ("title", title),
                    ("source", source),
                    ("links", links),
                    ("meta", meta),
                ] {
                    members.extend(value.map(|v| (name.to_owned(), v)));
                }
                members.extend(extras);
                shuffled(members)
            },
        )
}

fn zenlogin_document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(zenlogin_object(), 0..4),
        prop::option::of(Just("{\"version\":\"1.0\"}".to_owned())),
        extras(&["errors", "jsonapi", "meta", "links", "data", "included"]),
    )
        .prop_flat_map(|(errors, jsonapi, extras)| {
            let mut members = vec![("errors".to_owned(), format!("[{}]", errors.join(",")))];
            members.extend(jsonapi.map(|v| ("jsonapi".to_owned(), v)));
            members.extend(extras);
            shuffled(members)
        })
}

fn openam_body() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            prop::sample::select(&[400u16, 401, 403, 404, 409, 418, 500, 503][..]),
            100u16..600
        ],
        any::<bool>(),
        prop::option::of(string_literal()),
        prop::option::of(string_literal()),
        prop::option::of(json_text()),
        extras(&["code", "error", "reason", "message", "detail"]),
    )
        .prop_flat_map(|(code, legacy, reason, message, detail, extras)| {
            let key = if legacy { "error" } else { "code" };
            let mut members = vec![(key.to_owned(), code.to_string())];
            members.extend(reason.map(|v| ("reason".to_owned(), v)));
            members.extend(message.map(|v| ("message".to_owned(), v)));
            members.extend(detail.map(|v| ("detail".to_owned(), v)));
            members.extend(extras);
            shuffled(members)
        })
}

fn merchant_entry() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("\"VALIDATION_GENERAL_FAILURE\"".to_owned()),
            Just("\"Failed to generate SSO token\"".to_owned()),
            string_literal(),
        ],
        prop_oneof![
            code_literal(&["10001", "50500"], "[0-9]{1,5}"),
            Just("10001".to_owned()),
            (0u32..100_000).prop_map(|n| n.to_string()),
        ],
        prop_oneof![
            Just("\"Invalid first name \"".to_owned()),
            Just("\"Exceeded limit of SSO token generations per minute\"".to_owned()),
            string_literal().prop_map(|s| format!(
                "\"Invalid username: {} already exists\"",
                &s[1..s.len() - 1]
            )),
            string_literal(),
        ],
        prop::option::of(json_text()),
        extras(&["errorName", "code", "description", "invalidProperty"]),
    )
        .prop_flat_map(|(name, code, description, invalid, extras)| {
            let mut members = vec![
                ("errorName".to_owned(), name),
                ("code".to_owned(), code),
                ("description".to_owned(), description),
            ];
            members.extend(invalid.map(|v| ("invalidProperty".to_owned(), v)));
            members.extend(extras);
            shuffled(members)
        })
}

fn merchant_body() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(merchant_entry(), 1..4),
        extras(&["message"]),
    )
        .prop_flat_map(|(entries, extras)| {
            let mut members = vec![("message".to_owned(), format!("[{}]", entries.join(",")))];
            members.extend(extras);
            shuffled(members)
        })
}

// ---------------------------------------------------------------------------
// Bodies

/// A generated body: parsed, or refused with a safe error. Parsed, it writes
/// back to a body that parses equal, with the same JSON in the same order.
fn check_body<'a, B: Body<'a> + fmt::Display>(text: &'a str) -> Result<(), TestCaseError> {
    let body = match B::parse(text.as_bytes()) {
        Ok(body) => body,
        Err(err) => {
            assert_error_safe(&err);
            return Ok(());
        }
    };
    let written = body.to_json();
    let again = B::parse_owned(written.as_bytes()).unwrap();
    let owned = body.clone().into_owned();
    prop_assert_eq!(&again, &owned);
    prop_assert_eq!(&owned, &again);
    prop_assert_eq!(&body, &body.clone());
    prop_assert_eq!(again.to_json(), written.clone());
    prop_assert_eq!(json(written.as_bytes()), json(text.as_bytes()));
    prop_assert_eq!(B::parse_owned(text.as_bytes()).unwrap(), owned);
    assert_log_safe(&body);
    // The entry point recognises it as its vendor's, given the vendor.
    let reply = AnyReply::parse_from(Some(B::VENDOR), body.http_status(), text.as_bytes());
    if let Ok(reply) = reply {
        assert_log_safe(&reply);
    }
    Ok(())
}

/// Bodies of every vendor with `s` (a secret-looking string) and `n` (a
/// secret-looking number) in every value the crate does not model, or
/// models as a secret (member names may be written, values never): top-level and nested members, `detail`, `meta` and
/// `cause`, array elements, numbers, values of the wrong type in modelled
/// members, and the members known to be secrets.
fn hostile_bodies(s: &str, n: &str) -> Vec<String> {
    vec![
        // Zato.
        format!(r#"{{"status":"ok","cid":"c1","ust":"{s}","reset_key":"{s}","password":"{s}"}}"#),
        format!(
            r#"{{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"{s}","totp_code":{n}}}"#
        ),
        format!(
            r#"{{"status":"error","cid":"c1","sub_status":["E005001"],"new_password":["{s}",{n}]}}"#
        ),
        format!(r#"{{"status":"{s}","cid":"c1"}}"#),
        format!(r#"{{"status":"ok","cid":{n}}}"#),
        format!(r#"{{"status":"ok","cid":"c1","sub_status":{{"k":"{s}"}}}}"#),
        format!(r#"{{"status":"ok","cid":"c1","sub_status":[{n}]}}"#),
        format!(r#"{{"status":{n},"cid":"c1"}}"#),
        format!(r#"{{"result":"Error","cid":"c1","details":"Bad request","ust":"{s}"}}"#),
        format!(r#"{{"result":{n},"cid":"c1","details":"Bad request"}}"#),
        // Zenlogin.
        format!(
            r#"{{"errors":[{{"code":"3003","detail":"d","meta":{{"k":"{s}"}},"extra":{n}}}],"meta":{{"p":"{s}"}}}}"#
        ),
        format!(
            r#"{{"errors":[{{"code":"4002","detail":"Invalid *X_API_SECRET_KEY* Header value: {s}"}}]}}"#
        ),
        format!(r#"{{"errors":[{{"code":"4002","detail":"{s}"}}]}}"#),
        format!(r#"{{"errors":[{{"code":{n},"detail":"d"}}]}}"#),
        format!(r#"{{"errors":[{{"code":"3003","detail":{{"x":"{s}"}}}}]}}"#),
        format!(r#"{{"errors":"{s}"}}"#),
        format!(r#"{{"errors":["{s}"]}}"#),
        format!(
            r#"{{"errors":[{{"code":"3003","source":{{"pointer":"/data","x":"{s}"}},"links":{{"about":"{s}"}}}}]}}"#
        ),
        format!(r#"{{"data":{{"id":"{s}"}}}}"#),
        // OpenAM.
        format!(
            r#"{{"code":401,"reason":"Unauthorized","message":"m","detail":{{"tokenId":"{s}","n":{n}}},"cause":{{"message":"m","x":"{s}"}}}}"#
        ),
        format!(r#"{{"code":"{s}","reason":"x"}}"#),
        format!(r#"{{"code":{n}{n},"reason":"x"}}"#),
        format!(r#"{{"code":{n}.5,"reason":"x"}}"#),
        format!(r#"{{"code":400,"reason":{{"k":"{s}"}},"message":"m"}}"#),
        format!(r#"{{"tokenId":"{s}","successUrl":"/openam/console"}}"#),
        format!(r#"{{"errorMessage":"Invalid Password!!","authId":"{s}","password":"{s}"}}"#),
        format!(r#"{{"failure":true,"reason":"http-auth-failed","authId":"{s}"}}"#),
        format!(r#"{{"failure":"{s}","authId":"{s}"}}"#),
        format!(r#"{{"errorMessage":{n}}}"#),
        // Merchant.
        format!(
            r#"{{"message":[{{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password","password":"{s}","invalidProperty":{{"v":"{s}"}}}}],"apiKey":"{s}"}}"#
        ),
        format!(
            r#"{{"message":[{{"errorName":"x","code":{{"k":"{s}","n":{n}}},"description":"d"}}]}}"#
        ),
        format!(r#"{{"message":[{{"errorName":{n},"code":"10001","description":"d"}}]}}"#),
        format!(r#"{{"message":["{s}"]}}"#),
        format!(r#"{{"message":"{s}"}}"#),
        // No vendor's.
        format!(r#"<html><body>{s} {n}</body></html>"#),
        format!(r#""{s}""#),
        n.to_owned(),
    ]
}

/// Asserts that no text the crate writes of `value` holds `secrets`.
fn assert_hides<T: fmt::Display + fmt::Debug + ?Sized>(
    what: &str,
    value: &T,
    secrets: &[&str],
) -> Result<(), TestCaseError> {
    for text in [
        value.to_string(),
        format!("{value:?}"),
        format!("{value:#?}"),
    ] {
        prop_assert!(text.len() <= DISPLAY_MAX, "{} bytes", text.len());
        for secret in secrets {
            prop_assert!(
                !text.contains(secret),
                "{} writes {}: {}",
                what,
                secret,
                text
            );
        }
    }
    Ok(())
}

/// [`assert_hides`] for an error and its whole `source()` chain.
fn assert_error_hides(err: &Error, secrets: &[&str]) -> Result<(), TestCaseError> {
    assert_hides("error", err, secrets)?;
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        assert_hides("source", cause, secrets)?;
        source = cause.source();
    }
    Ok(())
}

/// Arbitrary bytes, arbitrary JSON, and every vendor's generated bodies.
fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        json_text().prop_map(String::into_bytes),
        zato_response().prop_map(String::into_bytes),
        zenlogin_document().prop_map(String::into_bytes),
        openam_body().prop_map(String::into_bytes),
        merchant_body().prop_map(String::into_bytes),
    ]
}

/// OpenAM's authenticate endpoint's other failure bodies.
fn legacy_openam() -> impl Strategy<Value = String> {
    (
        string_literal(),
        prop::option::of(string_literal()),
        any::<bool>(),
    )
        .prop_map(|(message, url, module)| match (module, url) {
            (false, None) => format!(r#"{{"errorMessage":{message}}}"#),
            (false, Some(url)) => format!(r#"{{"errorMessage":{message},"failureUrl":{url}}}"#),
            (true, None) => format!(r#"{{"failure":true,"reason":{message}}}"#),
            (true, Some(id)) => format!(r#"{{"failure":true,"reason":{message},"authId":{id}}}"#),
        })
}

/// `text` with the characters of its strings written as `\uXXXX` escapes
/// where `pattern`'s bit for their place is set; escapes already there are
/// kept.
fn escape_strings(text: &str, pattern: u64) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars();
    let mut in_string = false;
    let mut at = 0u32;
    while let Some(c) = chars.next() {
        if !in_string {
            in_string = c == '"';
            out.push(c);
            continue;
        }
        match c {
            '"' => {
                in_string = false;
                out.push(c);
            }
            '\\' => {
                out.push(c);
                let next = chars.next().unwrap_or('\\');
                out.push(next);
                if next == 'u' {
                    out.extend(chars.by_ref().take(4));
                }
            }
            c => {
                at = at.wrapping_add(1);
                if pattern >> (at % 64) & 1 == 1 {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn zato_responses_round_trip(text in zato_response()) {
        check_body::<zato::Response<'_>>(&text)?;
    }

    #[test]
    fn zato_bad_requests_round_trip(text in zato_bad_request()) {
        check_body::<zato::BadRequest<'_>>(&text)?;
    }

    #[test]
    fn zenlogin_documents_round_trip(text in zenlogin_document()) {
        check_body::<zenlogin::ErrorDocument<'_>>(&text)?;
    }

    #[test]
    fn openam_bodies_round_trip(text in openam_body()) {
        check_body::<openam::ErrorBody<'_>>(&text)?;
    }

    #[test]
    fn merchant_bodies_round_trip(text in merchant_body()) {
        check_body::<merchant::ErrorBody<'_>>(&text)?;
    }

    /// Bodies built in code write and parse back equal.
    #[test]
    fn built_bodies_round_trip(
        cid in any::<String>(),
        codes in prop::collection::vec(prop_oneof![
            prop::sample::select(SubStatus::ALL).prop_map(|c| c.code().to_owned()),
            any::<String>(),
        ], 0..4),
        ust in any::<String>(),
        detail in any::<String>(),
        number in 0u16..1000,
        message in any::<String>(),
        value in any::<String>(),
    ) {
        let zato = zato::Response::error(cid.as_str(), codes.iter().map(|c| zato::Code::from(c.as_str())))
            .with_ust(ust.as_str());
        prop_assert_eq!(zato::Response::parse_owned(zato.to_json().as_bytes()).unwrap(), zato.clone().into_owned());
        let envelope = zato::BadRequest::new(cid.as_str());
        prop_assert_eq!(zato::BadRequest::parse_owned(envelope.to_json().as_bytes()).unwrap(), envelope);
        let document = zenlogin::ErrorDocument::new(codes.iter().map(|c| {
            zenlogin::ErrorObject::new(zenlogin::Code::from(c.as_str()), detail.as_str())
        }));
        prop_assert_eq!(zenlogin::ErrorDocument::parse_owned(document.to_json().as_bytes()).unwrap(), document);
        let openam = openam::ErrorBody::new(number).with_message(message.as_str()).with_reason(detail.as_str());
        prop_assert_eq!(openam::ErrorBody::parse_owned(openam.to_json().as_bytes()).unwrap(), openam);
        for template in merchant::Template::ALL {
            let description = merchant::Description::from_template(*template, value.as_str());
            let code = template.error_code();
            let body = merchant::ErrorBody::new(merchant::ErrorEntry::new(code, description));
            prop_assert_eq!(merchant::ErrorBody::parse_owned(body.to_json().as_bytes()).unwrap(), body);
        }
    }

    /// Arbitrary bytes, and arbitrary JSON, get a value or a typed error
    /// from every parser, every reply and the recognition.
    #[test]
    fn any_input_gets_a_value_or_a_safe_error(
        bytes in any_input(),
        status in prop::sample::select(&[200u16, 400, 401, 403, 404, 500, 503][..]),
    ) {
        fn each<'a, B: Body<'a> + fmt::Display>(bytes: &'a [u8]) {
            match B::parse(bytes) {
                Ok(body) => assert_log_safe(&body),
                Err(err) => assert_error_safe(&err),
            }
        }
        each::<zato::Response<'_>>(&bytes);
        each::<zato::BadRequest<'_>>(&bytes);
        each::<zenlogin::ErrorDocument<'_>>(&bytes);
        each::<openam::ErrorBody<'_>>(&bytes);
        each::<merchant::ErrorBody<'_>>(&bytes);
        let _ = detect::detect(&bytes);
        for vendor in [None, Some(Vendor::Zato), Some(Vendor::Zenlogin), Some(Vendor::OpenAm), Some(Vendor::Merchant)] {
            match AnyReply::parse_from(vendor, status, &bytes) {
                Ok(reply) => {
                    assert_log_safe(&reply);
                    let again = reply.to_body();
                    prop_assert_eq!(AnyReply::parse_from(Some(reply.vendor()), status, again.as_bytes()).unwrap(), reply.clone());
                    let verdict = sso_errors::Verdict::from(reply);
                    assert_log_safe(&verdict);
                    if let Some(problem) = verdict.problem() {
                        assert_log_safe(&problem);
                    }
                }
                Err(err) => assert_error_safe(&err),
            }
        }
    }

    /// Any answer, with any status and any `Retry-After` and `Date`, gets a
    /// verdict: its line is bounded and safe, a retry is offered only for a
    /// failure and never beyond the maximum, and its problem's status is
    /// 400–599 and reads back equal.
    #[test]
    fn any_answer_gets_a_verdict(
        bytes in any_input(),
        status in prop_oneof![
            any::<u16>(),
            prop::sample::select(&[200u16, 400, 401, 403, 404, 429, 500, 502, 503, 504][..]),
        ],
        retry_after in prop_oneof![
            any::<String>(),
            "[0-9]{1,25}",
            "(Mon|Sun), [0-9]{2} (Nov|Feb) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
        ],
        date in prop::option::of("(Mon|Sun), [0-9]{2} (Nov|Feb) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT"),
        named in prop::option::of(prop::sample::select(Vendor::ALL.to_vec())),
    ) {
        let mut headers = vec![("Retry-After", retry_after)];
        headers.extend(date.map(|date| ("Date", date)));
        for vendor in [None, named] {
            let verdict = match vendor {
                Some(vendor) => sso_errors::Verdict::of_vendor(vendor, status, &bytes),
                None => sso_errors::Verdict::of(status, &bytes),
            }
            .with_headers(headers.iter().map(|(name, value)| (*name, value.as_str())));
            assert_log_safe(&verdict);
            prop_assert!(verdict.is_failure() || !verdict.is_retryable());
            prop_assert!(verdict.is_retryable() || verdict.retry_after().is_none());
            prop_assert!(verdict.retry_after().is_none_or(|wait| wait <= sso_errors::Verdict::RETRY_AFTER_MAX));
            prop_assert_eq!(verdict.problem().is_some(), verdict.is_failure());
            if let Some(problem) = verdict.problem() {
                prop_assert!((400..=599).contains(&problem.status), "{}", problem.status);
                assert_log_safe(&problem);
                let back: sso_errors::Problem = serde_json::from_str(&problem.to_json()).unwrap();
                prop_assert_eq!(back, problem);
            }
            let owned = verdict.clone().into_owned();
            prop_assert_eq!(owned.to_string(), verdict.to_string());
        }
    }

    /// Whatever a vendor's own `Reply` accepts, the any-vendor path
    /// recognises as that vendor (the same reply) or reports as ambiguous
    /// naming it.
    #[test]
    fn any_reply_agrees_with_every_vendors_reply(
        bytes in prop_oneof![
            json_text().prop_map(String::into_bytes),
            zato_response().prop_map(|t| t.into_bytes()),
            zato_bad_request().prop_map(|t| t.into_bytes()),
            zenlogin_document().prop_map(|t| t.into_bytes()),
            openam_body().prop_map(|t| t.into_bytes()),
            merchant_body().prop_map(|t| t.into_bytes()),
            legacy_openam().prop_map(|t| t.into_bytes()),
            Just(b"Bad request".to_vec()),
            Just(Vec::new()),
        ],
        status in prop::sample::select(&[200u16, 400, 401, 403, 404, 500, 503][..]),
    ) {
        let any = AnyReply::parse(status, &bytes);
        for vendor in Vendor::ALL {
            let Ok(reply) = AnyReply::parse_from(Some(vendor), status, &bytes) else {
                continue;
            };
            match &any {
                Ok(found) => prop_assert_eq!(found, &reply),
                Err(err) => {
                    prop_assert_eq!(err.category(), sso_errors::Category::Ambiguous, "{}", err);
                    let (a, b) = err.candidates().unwrap();
                    prop_assert!(a == vendor || b == vendor, "{}", err);
                }
            }
        }
    }

    /// Re-escaping a body's strings (`\uXXXX` for any of their characters,
    /// names and values alike) changes no answer: the same JSON value gets
    /// the same verdict and the same reply.
    #[test]
    fn escaping_changes_no_answer(
        text in prop_oneof![
            zato_response(),
            zato_bad_request(),
            zenlogin_document(),
            openam_body(),
            merchant_body(),
            legacy_openam(),
        ],
        pattern in any::<u64>(),
        status in prop::sample::select(&[200u16, 400, 401, 403, 404, 500, 503][..]),
    ) {
        let escaped = escape_strings(&text, pattern);
        let plain = sso_errors::Verdict::of(status, text.as_bytes());
        let again = sso_errors::Verdict::of(status, escaped.as_bytes());
        prop_assert_eq!(plain.outcome(), again.outcome(), "{}", escaped);
        prop_assert_eq!(plain.kind(), again.kind(), "{}", escaped);
        prop_assert_eq!(plain.is_retryable(), again.is_retryable());
        prop_assert_eq!(plain.vendor(), again.vendor(), "{}", escaped);
        prop_assert_eq!(plain.codes().collect::<Vec<_>>(), again.codes().collect::<Vec<_>>());
        prop_assert_eq!(plain.reply().map(AnyReply::kind), again.reply().map(AnyReply::kind));
        prop_assert_eq!(plain.error().map(Error::category), again.error().map(Error::category));
    }

    /// Zenlogin: values rendered into a code's detail read back the same.
    #[test]
    fn zenlogin_templates_read_back(
        code in prop::sample::select(zenlogin::ErrorCode::ALL),
        values in prop::collection::vec(any::<String>(), 2),
    ) {
        let values: Vec<&str> = values.iter().map(String::as_str).take(code.arity()).collect();
        match code.render(&values) {
            Ok(detail) => {
                let back = code.parse_detail(&detail).unwrap();
                prop_assert_eq!(back.as_slice(), values.as_slice());
            }
            Err(err) => {
                prop_assert!(matches!(err, zenlogin::RenderError::Ambiguous { .. }), "{err}");
                assert_log_safe(&err);
            }
        }
    }

    /// Merchant: a description rendered from a template reads back as it.
    #[test]
    fn merchant_descriptions_read_back(
        template in prop::sample::select(merchant::Template::ALL),
        value in any::<String>(),
    ) {
        let description = merchant::Description::from_template(template, value.as_str());
        let text = description.to_text();
        let back = merchant::Description::parse(&text);
        prop_assert_eq!(back.template(), Some(template));
        prop_assert_eq!(back.value(), description.value());
        prop_assert_eq!(&back, &description);
    }

    /// Whatever the codes and the policy, the caller sees only revealed
    /// codes and `E005001`, each once, and the log every code.
    #[test]
    fn disclosure_never_reveals_a_hidden_code(
        hidden in prop::collection::vec(prop::sample::select(SubStatus::ALL), 0..8),
        reveal_unknown in any::<bool>(),
        codes in prop::collection::vec(prop_oneof![
            prop::sample::select(SubStatus::ALL).prop_map(|c| c.code().to_owned()),
            "[EW][0-9]{6}",
            any::<String>(),
        ], 0..8),
    ) {
        let policy = hidden
            .iter()
            .fold(Disclosure::REVEAL_ALL, |p, c| p.hide(*c))
            .reveal_unknown(reveal_unknown);
        let out = policy.disclose("c1", codes.iter().map(|c| zato::Code::from(c.as_str())));
        prop_assert_eq!(out.logged.len(), codes.len());
        let mut seen = std::collections::HashSet::new();
        for shown in out.response.sub_status.iter() {
            prop_assert!(seen.insert(shown.as_str().to_owned()), "shown twice");
            prop_assert!(*shown == SubStatus::AuthNotAllowed || policy.reveals(shown));
            prop_assert!(*shown == SubStatus::AuthNotAllowed || codes.iter().any(|c| c == shown.as_str()));
        }
        let json = out.response.to_json();
        for code in &codes {
            let wire = zato::Code::from(code.as_str());
            if !policy.reveals(&wire) && wire != SubStatus::AuthNotAllowed {
                prop_assert!(!out.response.sub_status.contains(&wire), "{code} shown");
            }
        }
        prop_assert!(json.len() < 64 + codes.iter().map(|c| c.len() * 6 + 3).sum::<usize>() + 100);
        assert_log_safe(&out);
    }

    /// Any string: a catalog gives its entry or the typed error naming the
    /// input, never another entry.
    #[test]
    fn lookups_give_the_entry_or_the_typed_error(text in prop_oneof![any::<String>(), "[EW0-9]{1,8}"]) {
        check_lookup::<zato::Status>(&text);
        check_lookup::<zato::SubStatus>(&text);
        check_lookup::<zenlogin::ErrorCode>(&text);
        check_lookup::<openam::Status>(&text);
        check_lookup::<merchant::ErrorCode>(&text);
    }
}

// ---------------------------------------------------------------------------
// Catalogs, exhaustively

/// Every spelling a catalog accepts: canonical codes and aliases.
fn spellings<C: Catalog>() -> HashMap<&'static str, C> {
    let mut map = HashMap::new();
    for entry in C::ALL {
        map.insert(entry.code(), *entry);
        if let Some(alias) = entry.alias() {
            map.insert(alias, *entry);
        }
    }
    map
}

fn check_lookup<C>(text: &str)
where
    C: Catalog + std::str::FromStr<Err = sso_errors::UnknownCode> + fmt::Debug,
{
    let expected = C::ALL
        .iter()
        .find(|c| c.code() == text || c.alias() == Some(text))
        .copied();
    assert_eq!(C::from_code(text), expected, "{text:?}");
    match text.parse::<C>() {
        Ok(found) => assert_eq!(Some(found), expected),
        Err(err) => {
            assert_eq!(expected, None);
            assert_eq!(err.vendor(), C::VENDOR);
            assert_log_safe(&err);
        }
    }
}

fn catalog_round_trips<C>() -> usize
where
    C: Catalog + serde::Serialize + serde::de::DeserializeOwned + fmt::Debug,
{
    for entry in C::ALL {
        assert_eq!(C::from_code(entry.code()), Some(*entry));
        if let Some(alias) = entry.alias() {
            assert_eq!(C::from_code(alias), Some(*entry));
        }
        if let Some(label) = entry.label() {
            assert_eq!(C::from_label(label), Some(*entry), "{label}");
        }
        let json = serde_json::to_string(entry).unwrap();
        assert_eq!(json, serde_json::to_string(entry.code()).unwrap());
        assert_eq!(serde_json::from_str::<C>(&json).unwrap(), *entry);
    }
    C::ALL.len()
}

#[test]
fn every_catalog_entry_round_trips_code_label_and_json() {
    let n = catalog_round_trips::<zato::Status>()
        + catalog_round_trips::<zato::SubStatus>()
        + catalog_round_trips::<zenlogin::ErrorCode>()
        + catalog_round_trips::<openam::Status>()
        + catalog_round_trips::<merchant::ErrorCode>();
    assert!(n > 100);
}

/// Every 7-character `[EW]dddddd` string, against the Zato table.
#[test]
fn every_zato_code_shape_is_looked_up_exactly() {
    let known = spellings::<zato::SubStatus>();
    let mut found = 0;
    let mut text = String::with_capacity(7);
    for prefix in ['E', 'W'] {
        for n in 0..1_000_000 {
            text.clear();
            text.push(prefix);
            fmt::Write::write_fmt(&mut text, format_args!("{n:06}")).unwrap();
            let got = zato::SubStatus::from_code(&text);
            assert_eq!(got, known.get(text.as_str()).copied(), "{text}");
            found += usize::from(got.is_some());
        }
    }
    assert_eq!(found, known.len());
}

/// Every string of 1–5 digits (leading zeros included), against every
/// catalog with numeric codes.
#[test]
fn every_short_number_is_looked_up_exactly() {
    let zenlogin = spellings::<zenlogin::ErrorCode>();
    let openam = spellings::<openam::Status>();
    let merchant = spellings::<merchant::ErrorCode>();
    let mut found = 0;
    for digits in 1..=5 {
        for n in 0..10u32.pow(digits) {
            let text = format!("{n:0width$}", width = digits as usize);
            let a = zenlogin::ErrorCode::from_code(&text);
            assert_eq!(a, zenlogin.get(text.as_str()).copied(), "{text}");
            let b = openam::Status::from_code(&text);
            assert_eq!(b, openam.get(text.as_str()).copied(), "{text}");
            let c = merchant::ErrorCode::from_code(&text);
            assert_eq!(c, merchant.get(text.as_str()).copied(), "{text}");
            assert_eq!(zato::SubStatus::from_code(&text), None);
            found += usize::from(a.is_some()) + usize::from(b.is_some()) + usize::from(c.is_some());
        }
    }
    assert_eq!(found, zenlogin.len() + openam.len() + merchant.len());
}

proptest! {
    // Each case reads 38 bodies through every parser, reply and verdict:
    // a fiftieth of the cases covers as many inputs as the other properties.
    #![proptest_config(Config {
        cases: u32::try_from(common::scaled(200)).unwrap_or(u32::MAX),
        ..config()
    })]

    /// No string of the input that the crate does not model, nor a known
    /// secret, appears in what it writes: `Display`, `Debug` and `{:#?}` of
    /// every body, reply, verdict and problem, every error and its sources.
    #[test]
    fn nothing_unmodelled_leaves(
        secret in "[A-Za-z0-9_-]{12,24}",
        number in "[1-9][0-9]{9,15}",
        status in prop::sample::select(&[200u16, 400, 401, 403, 500, 503][..]),
    ) {
        let secrets = [secret.as_str(), number.as_str()];
        for body in hostile_bodies(&secret, &number) {
            let bytes = body.as_bytes();
            fn each<'a, B: Body<'a> + fmt::Display>(bytes: &'a [u8], secrets: &[&str]) -> Result<(), TestCaseError> {
                match B::parse(bytes) {
                    Ok(body) => assert_hides("body", &body, secrets),
                    Err(err) => assert_error_hides(&err, secrets),
                }
            }
            each::<zato::Response<'_>>(bytes, &secrets)?;
            each::<zato::BadRequest<'_>>(bytes, &secrets)?;
            each::<zenlogin::ErrorDocument<'_>>(bytes, &secrets)?;
            each::<openam::ErrorBody<'_>>(bytes, &secrets)?;
            each::<merchant::ErrorBody<'_>>(bytes, &secrets)?;
            for vendor in [None, Some(Vendor::Zato), Some(Vendor::Zenlogin), Some(Vendor::OpenAm), Some(Vendor::Merchant)] {
                match AnyReply::parse_from(vendor, status, bytes) {
                    Ok(reply) => assert_hides("reply", &reply, &secrets)?,
                    Err(err) => assert_error_hides(&err, &secrets)?,
                }
                let verdict = match vendor {
                    Some(vendor) => sso_errors::Verdict::of_vendor(vendor, status, bytes),
                    None => sso_errors::Verdict::of(status, bytes),
                };
                assert_hides("verdict", &verdict, &secrets)?;
                if let Some(problem) = verdict.problem() {
                    assert_hides("problem", &problem, &secrets)?;
                    let json = problem.to_json();
                    for secret in secrets {
                        prop_assert!(!json.contains(secret), "problem JSON writes {}: {}", secret, json);
                    }
                }
            }
        }
    }
}
