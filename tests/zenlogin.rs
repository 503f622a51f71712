//! Zenlogin: the catalog, the detail templates and the JSON:API error
//! document, pinned against Zenlogin's documented table and example and the
//! JSON:API project's own error fixtures.

#![cfg(feature = "std")]

mod common;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use common::compact;
use serde_json::Value;
use sso_errors::zenlogin::{
    ErrorCode, ErrorDocument, ErrorObject, Group, MAX_VALUE_LEN, RenderError, Segment, Source,
    Template,
};
use sso_errors::{Catalog, Category, Error, Origin, RawJson, Spelling, Vendor, Wire};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

use counting::allocations;

fn data(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/zenlogin")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed's example, as printed.
const SEED_EXAMPLE_COMPACT: &str = r#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;

/// 3001's literal text between its two placeholders.
const SEPARATOR_3001: &str = ". You are attempting to make a request for the email address: ";

/// Sample values for a code: one per placeholder.
fn samples(code: ErrorCode) -> Vec<&'static str> {
    match code.arity() {
        0 => vec![],
        1 => vec!["sample value 42"],
        2 => vec!["owner@example.com", "someone@example.com"],
        n => panic!("{code}: {n} placeholders"),
    }
}

/// A malformed-body error (syntax, truncation or shape), or a panic.
#[track_caller]
fn malformed(result: Result<ErrorDocument<'_>, Error>) -> Error {
    match result {
        Err(err)
            if matches!(
                err.category(),
                Category::Syntax | Category::Eof | Category::Data
            ) =>
        {
            assert_eq!(err.vendor(), Some(Vendor::Zenlogin));
            err
        }
        other => panic!("expected a malformed-body error, got {other:?}"),
    }
}

/// The reason of a malformed-body error, or a panic.
#[track_caller]
fn malformed_reason(result: Result<ErrorDocument<'_>, Error>) -> String {
    malformed(result).reason().to_owned()
}

// ---------------------------------------------------------------------------
// A hand-written check of the JSON:API 1.0 schema's rules
// (`jsonapi-schema.json`, `_schemas/1.0/schema.json` of json-api/json-api)
// ---------------------------------------------------------------------------

/// `^[a-zA-Z0-9]{1}(?:[-\w]*[a-zA-Z0-9])?$`
fn is_member_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
}

/// `^(?:\/(?:[^~/]|~0|~1)*)*$`
fn is_pointer(p: &str) -> bool {
    let b = p.as_bytes();
    (b.is_empty() || b[0] == b'/')
        && b.iter()
            .enumerate()
            .all(|(i, c)| *c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

/// `format: uri`: an absolute URI, scheme then RFC 3986 characters.
fn is_uri(u: &str) -> bool {
    let Some((scheme, rest)) = u.split_once(':') else {
        return false;
    };
    let mut s = scheme.chars();
    s.next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c))
}

fn check_meta(at: &str, meta: &Value, out: &mut Vec<String>) {
    match meta.as_object() {
        Some(map) => {
            for name in map.keys() {
                if !is_member_name(name) {
                    out.push(format!("{at}: bad member name {name:?}"));
                }
            }
        }
        None => out.push(format!("{at}: meta must be an object")),
    }
}

fn check_link(at: &str, link: &Value, out: &mut Vec<String>) {
    match link {
        Value::String(url) if is_uri(url) => {}
        Value::Object(object) => {
            match object.get("href") {
                Some(Value::String(url)) if is_uri(url) => {}
                Some(_) => out.push(format!("{at}.href: must be a URI string")),
                None => {}
            }
            if let Some(meta) = object.get("meta") {
                check_meta(&format!("{at}.meta"), meta, out);
            }
        }
        _ => out.push(format!("{at}: a link is a URI string or a link object")),
    }
}

fn check_error(at: &str, error: &Value, out: &mut Vec<String>) {
    let Some(object) = error.as_object() else {
        out.push(format!("{at}: must be an object"));
        return;
    };
    for (key, value) in object {
        match key.as_str() {
            "id" | "status" | "code" | "title" | "detail" => {
                if !value.is_string() {
                    out.push(format!("{at}.{key}: must be a string"));
                }
            }
            "source" => match value.as_object() {
                Some(source) => {
                    match source.get("pointer") {
                        Some(Value::String(p)) if is_pointer(p) => {}
                        Some(_) => out.push(format!("{at}.source.pointer: must be a JSON Pointer")),
                        None => {}
                    }
                    if source.get("parameter").is_some_and(|p| !p.is_string()) {
                        out.push(format!("{at}.source.parameter: must be a string"));
                    }
                }
                None => out.push(format!("{at}.source: must be an object")),
            },
            "links" => match value.as_object() {
                Some(links) => {
                    for (name, link) in links {
                        if name == "about" {
                            check_link(&format!("{at}.links.about"), link, out);
                        } else {
                            out.push(format!("{at}.links: unknown member {name:?}"));
                        }
                    }
                }
                None => out.push(format!("{at}.links: must be an object")),
            },
            "meta" => check_meta(&format!("{at}.meta"), value, out),
            other => out.push(format!("{at}: unknown member {other:?}")),
        }
    }
}

/// Every rule of the JSON:API 1.0 response schema that applies to a document
/// with `errors`; the list of violations (empty when valid).
fn schema_violations(document: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(top) = document.as_object() else {
        return vec!["the document must be an object".into()];
    };
    for key in top.keys() {
        if !["data", "errors", "included", "jsonapi", "links", "meta"].contains(&key.as_str()) {
            out.push(format!("unknown top-level member {key:?}"));
        }
    }
    if !["meta", "data", "errors"]
        .iter()
        .any(|k| top.contains_key(*k))
    {
        out.push("one of meta, data, errors is required".into());
    }
    if top.contains_key("data") && top.contains_key("errors") {
        out.push("data and errors must not coexist".into());
    }
    if top.contains_key("included") && !top.contains_key("data") {
        out.push("included requires data".into());
    }
    if let Some(errors) = top.get("errors") {
        match errors.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    check_error(&format!("errors[{i}]"), item, &mut out);
                    if items[..i].contains(item) {
                        out.push(format!("errors[{i}]: uniqueItems"));
                    }
                }
            }
            None => out.push("errors must be an array".into()),
        }
    }
    if let Some(meta) = top.get("meta") {
        check_meta("meta", meta, &mut out);
    }
    if let Some(jsonapi) = top.get("jsonapi") {
        match jsonapi.as_object() {
            Some(object) => {
                for (key, value) in object {
                    match key.as_str() {
                        "version" if value.is_string() => {}
                        "meta" => check_meta("jsonapi.meta", value, &mut out),
                        _ => out.push(format!("jsonapi.{key}: not allowed")),
                    }
                }
            }
            None => out.push("jsonapi must be an object".into()),
        }
    }
    if let Some(links) = top.get("links") {
        match links.as_object() {
            Some(object) => {
                for (key, value) in object {
                    match key.as_str() {
                        "self" | "related" => check_link(&format!("links.{key}"), value, &mut out),
                        "first" | "last" | "prev" | "next" if value.is_null() => {}
                        "first" | "last" | "prev" | "next" => {
                            check_link(&format!("links.{key}"), value, &mut out);
                        }
                        _ => out.push(format!("links.{key}: not allowed")),
                    }
                }
            }
            None => out.push("links must be an object".into()),
        }
    }
    out
}

/// Asserts that an emitted body is valid against the JSON:API 1.0 schema.
#[track_caller]
fn assert_schema_valid(json: &str) {
    let value: Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    let violations = schema_violations(&value);
    assert!(violations.is_empty(), "{violations:?} in {json}");
}

#[test]
fn the_schema_check_rejects_every_invalid_fixture() {
    for name in [
        "error_must_be_an_object.json",
        "errors_must_be_an_array.json",
        "data_and_errors_must_not_coexist.json",
    ] {
        let value: Value = serde_json::from_str(&data(&format!("jsonapi_invalid/{name}"))).unwrap();
        assert!(!schema_violations(&value).is_empty(), "{name}");
    }
    // Each of the 13 items of invalid_error_objects.json is invalid on its own.
    let value: Value =
        serde_json::from_str(&data("jsonapi_invalid/invalid_error_objects.json")).unwrap();
    for (i, item) in value["errors"].as_array().unwrap().iter().enumerate() {
        let alone = serde_json::json!({ "errors": [item] });
        assert!(!schema_violations(&alone).is_empty(), "item {i}");
    }
    for name in ["one_error.json", "errors_and_meta.json"] {
        let value: Value = serde_json::from_str(&data(&format!("jsonapi_valid/{name}"))).unwrap();
        assert_eq!(schema_violations(&value), Vec::<String>::new(), "{name}");
    }
    let twice = serde_json::json!({ "errors": [{ "code": "1000" }, { "code": "1000" }] });
    assert!(!schema_violations(&twice).is_empty());
}

// ---------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------

/// Every code of the seed's table, in order.
const CODES: [&str; 38] = [
    "1000", "1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010", "1011",
    "1012", "1013", "1014", "1015", "1016", "1017", "1018", "1019", "1020", "1021", "1022", "1023",
    "1024", "1025", "1026", "1027", "2000", "2001", "3000", "3001", "3002", "3003", "3004", "4000",
    "4001", "4002",
];

#[test]
fn the_catalog_has_exactly_the_documented_codes_and_the_alias() {
    assert_eq!(ErrorCode::COUNT, 38);
    assert_eq!(ErrorCode::ALL.len(), 38);
    let codes: Vec<_> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(codes, CODES);

    // 38 codes plus the alias `101`: 39 accepted spellings.
    let mut spellings: HashSet<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
    spellings.extend(ErrorCode::ALL.iter().filter_map(|c| c.alias()));
    assert_eq!(spellings.len(), 39);

    let aliased: Vec<_> = ErrorCode::ALL
        .iter()
        .filter(|c| c.alias().is_some())
        .collect();
    assert_eq!(aliased, [&ErrorCode::InvalidReqTest]);
    assert_eq!(ErrorCode::InvalidReqTest.alias(), Some("101"));
    assert_eq!(
        ErrorCode::resolve("101"),
        Some((ErrorCode::InvalidReqTest, Spelling::Alias))
    );
    assert_eq!(
        ErrorCode::resolve("1011"),
        Some((ErrorCode::InvalidReqTest, Spelling::Canonical))
    );

    for code in ErrorCode::ALL {
        assert_eq!(
            ErrorCode::resolve(code.code()),
            Some((*code, Spelling::Canonical))
        );
        assert_eq!(code.code().parse::<ErrorCode>(), Ok(*code));
        assert_eq!(ErrorCode::try_from(code.code()), Ok(*code));
        assert_eq!(code.to_string(), code.code());
        assert_eq!(code.number().to_string(), code.code());
        assert_eq!(code.label_or_none(), None);
        assert_eq!(code.origin(), Origin::Documentation);
        assert_eq!(<ErrorCode as Catalog>::VENDOR, Vendor::Zenlogin);
    }
    for missing in ["", "999", "1028", "10110", "3005", " 3003", "3003 ", "E003"] {
        assert_eq!(ErrorCode::from_code(missing), None, "{missing:?}");
    }
    // A text 256 bytes longer than a code, beginning and ending like it: a
    // length kept in one byte would mistake it for the code.
    let long = format!("30{}03", "0".repeat(256));
    assert_eq!(ErrorCode::from_code(&long), None);
    assert!(long.parse::<ErrorCode>().is_err());
    let err = "9999".parse::<ErrorCode>().unwrap_err();
    assert_eq!(err.to_string(), "unknown Zenlogin error code of 4 bytes");
}

trait LabelOrNone {
    fn label_or_none(self) -> Option<&'static str>;
}

impl LabelOrNone for ErrorCode {
    fn label_or_none(self) -> Option<&'static str> {
        <Self as Catalog>::label(self)
    }
}

#[test]
fn every_text_is_the_seed_text_verbatim() {
    let table = data("seed_table.txt");
    let mut rows = 0;
    for line in table.lines() {
        let (code, rest) = line.split_once(" | ").unwrap();
        let text = rest.strip_suffix(" |").unwrap();
        let (known, spelling) =
            ErrorCode::resolve(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(known.description(), text, "{code}");
        assert_eq!(spelling == Spelling::Alias, code == "101");
        rows += 1;
    }
    assert_eq!(rows, 38);
    // The seed's own unbalanced parentheses are kept.
    for code in [
        "1020", "1021", "1022", "1023", "1024", "1025", "1026", "1027",
    ] {
        let text = ErrorCode::from_code(code).unwrap().description();
        assert!(text.ends_with("(including multibyte characters"), "{code}");
    }
}

#[test]
fn the_field_comes_from_the_markup() {
    for code in ErrorCode::ALL {
        let text = code.description();
        let expected = text
            .split('*')
            .nth(1)
            .filter(|_| text.matches('*').count() >= 2);
        assert_eq!(code.field(), expected, "{code}");
    }
    let fields: Vec<_> = ErrorCode::ALL
        .iter()
        .map(|c| (c.code(), c.field()))
        .collect();
    let named = |code: &str| fields.iter().find(|(c, _)| *c == code).unwrap().1;
    assert_eq!(named("1003"), Some("identity_key"));
    assert_eq!(named("1004"), Some("identity_email_address"));
    assert_eq!(named("1006"), Some("ip_address"));
    assert_eq!(named("1011"), Some("req_test"));
    assert_eq!(named("1015"), Some("X_API_SECRET_KEY"));
    assert_eq!(named("1027"), Some("identity_metadata"));
    assert_eq!(named("3003"), Some("application_key"));
    assert_eq!(named("4002"), Some("X_API_SECRET_KEY"));
    for code in [
        "1000", "1001", "1002", "1010", "2000", "2001", "3000", "3001", "3002", "3004", "4000",
        "4001",
    ] {
        assert_eq!(named(code), None, "{code}");
    }
}

#[test]
fn the_group_comes_from_the_first_digit() {
    for code in ErrorCode::ALL {
        let expected = match code.code().as_bytes()[0] {
            b'1' => Group::Request,
            b'2' => Group::Account,
            b'3' => Group::Application,
            b'4' => Group::ApiCredential,
            _ => unreachable!(),
        };
        assert_eq!(code.group(), expected, "{code}");
    }
    assert_eq!(Group::ApiCredential.to_string(), "API credential");
}

#[test]
fn request_errors_are_500_processing_errors_400() {
    for code in ErrorCode::ALL {
        let server_side = matches!(code.code(), "1000" | "1001" | "1002");
        assert_eq!(
            code.http_status(),
            if server_side { 500 } else { 400 },
            "{code}"
        );
        assert_eq!(code.is_server_error(), server_side);
    }
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

#[test]
fn placeholders_are_where_the_seed_has_them() {
    let one: Vec<_> = ErrorCode::ALL
        .iter()
        .filter(|c| c.arity() == 1)
        .map(|c| c.code())
        .collect();
    assert_eq!(one, ["1007", "1008", "1009", "1010", "3003", "4002"]);
    let two: Vec<_> = ErrorCode::ALL
        .iter()
        .filter(|c| c.arity() == 2)
        .map(|c| c.code())
        .collect();
    assert_eq!(two, ["3001"]);
    for code in ErrorCode::ALL.iter().filter(|c| c.arity() == 1) {
        let tokens: Vec<_> = code.placeholders().map(|p| p.token()).collect();
        assert_eq!(tokens, ["$value"]);
        assert!(code.description().ends_with("$value"));
    }
    let tokens: Vec<_> = ErrorCode::AccountPendingApproval
        .placeholders()
        .map(|p| p.token())
        .collect();
    assert_eq!(
        tokens,
        ["{{owner.emailAddress}}", "{{identityEmailAddress}}"]
    );

    // The segments put the text back together.
    for code in ErrorCode::ALL {
        let joined: String = code
            .segments()
            .map(|s| match s {
                Segment::Literal(text) => text,
                Segment::Placeholder(p) => p.token(),
            })
            .collect();
        assert_eq!(joined, code.description());
    }
}

#[test]
fn every_code_renders_and_parses_back() {
    for &code in ErrorCode::ALL {
        let values = samples(code);
        let detail = code.render(&values).unwrap();
        if values.is_empty() {
            assert_eq!(detail, code.description());
        }
        let parsed = code.parse_detail(&detail).unwrap();
        assert_eq!(parsed.as_slice(), values, "{code}");
        assert_eq!(parsed.code(), code);
        assert_eq!(parsed.len(), values.len());

        // Through a document and back.
        let document = ErrorDocument::new([ErrorObject::render(code, &values).unwrap()]);
        let json = document.to_json();
        assert_schema_valid(&json);
        let again = ErrorDocument::parse(json.as_bytes()).unwrap();
        assert_eq!(again, document);
        assert_eq!(again.errors[0].values().unwrap().as_slice(), values);
        assert_eq!(again.http_status(), code.http_status());

        // The wrong number of values is refused.
        let mut more = values.clone();
        more.push("extra");
        assert_eq!(
            code.render(&more),
            Err(RenderError::WrongValueCount {
                code,
                expected: values.len(),
                given: values.len() + 1
            })
        );
        if !values.is_empty() {
            assert!(matches!(
                code.render(&[]),
                Err(RenderError::WrongValueCount { given: 0, .. })
            ));
        }
    }
}

#[test]
fn typed_templates_take_exactly_their_values() {
    const KEY: Template<1> = ErrorCode::InvalidApplicationKey.template().unwrap();
    const PENDING: Template<2> = ErrorCode::AccountPendingApproval.template().unwrap();
    const FROZEN: Template<0> = ErrorCode::AccountFrozen.template().unwrap();

    assert_eq!(
        KEY.render(["appl01234567891"]).unwrap(),
        "Invalid *application_key* URL param: appl01234567891"
    );
    assert_eq!(
        KEY.parse("Invalid *application_key* URL param: appl01234567891")
            .unwrap(),
        ["appl01234567891"]
    );
    assert_eq!(FROZEN.render([]).unwrap(), FROZEN.detail());
    assert_eq!(FROZEN.parse(FROZEN.detail()).unwrap(), [] as [&str; 0]);
    let detail = PENDING.render(["a@example.com", "b@example.com"]).unwrap();
    assert_eq!(
        PENDING.parse(&detail).unwrap(),
        ["a@example.com", "b@example.com"]
    );

    assert_eq!(KEY.text(), "Invalid *application_key* URL param: $value");
    assert_eq!(
        PENDING.text(),
        ErrorCode::AccountPendingApproval.description()
    );
    assert_eq!(FROZEN.text(), FROZEN.detail());

    for &code in ErrorCode::ALL {
        assert_eq!(code.template::<0>().is_some(), code.arity() == 0);
        assert_eq!(code.template::<1>().is_some(), code.arity() == 1);
        assert_eq!(code.template::<2>().is_some(), code.arity() == 2);
        assert!(code.template::<3>().is_none());
    }
}

#[test]
fn the_seed_example_value_is_recovered() {
    let values = ErrorCode::InvalidApplicationKey
        .parse_detail("Invalid *application_key* URL param: appl01234567891")
        .unwrap();
    assert_eq!(values.as_slice(), ["appl01234567891"]);
    assert_eq!((values.len(), values.is_empty()), (1, false));
    assert_eq!(values.get("$value"), Some("appl01234567891"));
    assert_eq!(values.get("value"), Some("appl01234567891"));
    assert_eq!(values.get("other"), None);

    let fixed = ErrorCode::AccountFrozen
        .parse_detail(ErrorCode::AccountFrozen.description())
        .unwrap();
    assert_eq!((fixed.len(), fixed.is_empty()), (0, true));
    assert!(fixed.as_slice().is_empty());
}

/// Values a caller could send, echoed back by `$value`.
fn adversarial(code: ErrorCode) -> Vec<String> {
    let text = code.description();
    let prefix = text.split('$').next().unwrap_or(text);
    vec![
        String::new(),
        r#"quote " and 'single'"#.into(),
        r"back\slash \\ \u0000 \n".into(),
        "line\nfeed\r\ncarriage\ttab".into(),
        "nul\0byte\u{1}\u{1f}\u{7f}".into(),
        "\u{2028}\u{2029}é😀\u{feff}".into(),
        "x".repeat(10_000),
        "😀".repeat(10_000),
        prefix.into(),
        text.into(),
        format!("{prefix}{prefix}"),
        "$value".into(),
        "{{identityEmailAddress}}".into(),
        SEPARATOR_3001.into(),
        r#"","code":"1000"}]}"#.into(),
        "</script><script>alert(1)</script>".into(),
    ]
}

#[test]
fn adversarial_values_round_trip_through_json() {
    for &code in ErrorCode::ALL.iter().filter(|c| c.arity() >= 1) {
        for value in adversarial(code) {
            let values: Vec<&str> = match code.arity() {
                1 => vec![&value],
                // The caller's input is the second value of 3001.
                _ => vec!["owner@example.com", &value],
            };
            let document = ErrorDocument::new([ErrorObject::render(code, &values).unwrap()]);
            let json = document.to_json();
            assert_schema_valid(&json);
            let parsed = ErrorDocument::parse(json.as_bytes()).unwrap();
            assert_eq!(
                parsed.errors[0].values().unwrap().as_slice(),
                values,
                "{code} {value:?}"
            );
            // The serde path agrees.
            let owned: ErrorDocument<'static> = serde_json::from_str(&json).unwrap();
            assert_eq!(owned, parsed);
            assert_eq!(owned.to_json(), json);
        }
    }
}

#[test]
fn pending_approval_splits_at_the_first_separator() {
    let code = ErrorCode::AccountPendingApproval;
    // Any caller input, even one holding the separator, is recovered.
    let tricky = format!("x{SEPARATOR_3001}y{SEPARATOR_3001}");
    let detail = code.render(&["owner@example.com", &tricky]).unwrap();
    assert_eq!(
        code.parse_detail(&detail).unwrap().as_slice(),
        ["owner@example.com", tricky.as_str()]
    );

    // An owner address holding the separator would make the text
    // ambiguous: rendering refuses it, and a server's detail of that shape
    // reads as the first split, which renders back to the same text.
    let owner = format!("a{SEPARATOR_3001}b");
    assert!(matches!(
        code.render(&[&owner, "c"]),
        Err(RenderError::Ambiguous {
            code: ErrorCode::AccountPendingApproval,
            ..
        })
    ));
    let detail = code.render(&["a", &format!("b{SEPARATOR_3001}c")]).unwrap();
    let values = code.parse_detail(&detail).unwrap();
    assert_eq!(values.as_slice(), ["a", &format!("b{SEPARATOR_3001}c")]);
    assert_eq!(code.render(values.as_slice()).unwrap(), detail);
    assert_eq!(values.get("owner.emailAddress"), Some("a"));
    assert_eq!(
        values.get("{{identityEmailAddress}}"),
        Some(format!("b{SEPARATOR_3001}c").as_str())
    );
}

#[test]
fn a_detail_that_does_not_match_is_kept_and_reported() {
    let altered = [
        ("3003", "Invalid application_key: appl01234567891"),
        ("3003", "invalid *application_key* URL param: x"),
        ("3003", "Invalid *application_key* URL param"),
        (
            "1016",
            "POST argument *identity_email_address* is required.",
        ),
        (
            "3001",
            "While your account is pending approval, email notifications can only be tested for the email address a@b",
        ),
        ("2000", ""),
    ];
    for (code, detail) in altered {
        let body =
            serde_json::json!({ "errors": [{ "code": code, "detail": detail }] }).to_string();
        let document = ErrorDocument::parse(body.as_bytes()).unwrap();
        let error = &document.errors[0];
        let mismatch = error.values().unwrap_err();
        assert_eq!(mismatch.detail().as_str(), &detail[..detail.len().min(64)]);
        assert_eq!(mismatch.code().map(ErrorCode::code), Some(code));
        assert!(mismatch.to_string().starts_with(&format!(
            "detail does not match the text of Zenlogin error {code}"
        )));
        assert_eq!(error.detail.as_deref(), Some(detail));
        assert_eq!(document.to_json(), body);
    }
    // Nothing to match: an unknown code, or no detail.
    let document =
        ErrorDocument::parse(br#"{"errors":[{"code":"9999","detail":"x"},{"code":"3003"}]}"#)
            .unwrap();
    for error in document.errors.iter() {
        let mismatch = error.values().unwrap_err();
        assert_eq!(mismatch.code(), None);
    }
}

#[test]
fn rendering_caps_echoed_values() {
    let at_cap = "a".repeat(MAX_VALUE_LEN);
    let detail = ErrorCode::InvalidRequestPath.render(&[&at_cap]).unwrap();
    assert_eq!(
        ErrorCode::InvalidRequestPath
            .parse_detail(&detail)
            .unwrap()
            .as_slice(),
        [at_cap.as_str()]
    );

    let over = "a".repeat(MAX_VALUE_LEN + 1);
    let err = ErrorCode::InvalidRequestPath.render(&[&over]).unwrap_err();
    assert!(matches!(err, RenderError::ValueTooLong { len, .. } if len == MAX_VALUE_LEN + 1));
    assert!(err.to_string().contains("$value"));
    let err = ErrorCode::AccountPendingApproval
        .render(&["owner@example.com", &over])
        .unwrap_err();
    assert!(
        matches!(err, RenderError::ValueTooLong { placeholder, .. } if placeholder.name() == "identityEmailAddress")
    );

    // Parsing has no cap.
    let long = format!("Invalid request path: {}", "b".repeat(4 * MAX_VALUE_LEN));
    assert_eq!(
        ErrorCode::InvalidRequestPath
            .parse_detail(&long)
            .unwrap()
            .as_slice()[0]
            .len(),
        4 * MAX_VALUE_LEN
    );
}

// ---------------------------------------------------------------------------
// The error document
// ---------------------------------------------------------------------------

#[test]
fn the_seed_example_both_ways() {
    // As printed (one member per line) and compact, parsed and written back.
    let printed = data("seed_example.json");
    assert_eq!(compact(&printed), SEED_EXAMPLE_COMPACT);
    let document = ErrorDocument::parse(printed.as_bytes()).unwrap();
    assert_eq!(document.to_json(), SEED_EXAMPLE_COMPACT);
    let document = ErrorDocument::parse(SEED_EXAMPLE_COMPACT.as_bytes()).unwrap();
    assert_eq!(document.to_json(), SEED_EXAMPLE_COMPACT);
    assert_eq!(document.errors.len(), 1);
    let error = &document.errors[0];
    assert_eq!(
        error.code,
        Some(Wire::from(ErrorCode::InvalidApplicationKey))
    );
    assert_eq!(error.known(), Some(ErrorCode::InvalidApplicationKey));
    assert_eq!(document.http_status(), 400);

    // Built in code, byte for byte.
    let built = ErrorDocument::new([ErrorObject::new(
        ErrorCode::InvalidApplicationKey,
        ErrorCode::InvalidApplicationKey
            .template::<1>()
            .unwrap()
            .render(["appl01234567891"])
            .unwrap(),
    )]);
    assert_eq!(built.to_json(), SEED_EXAMPLE_COMPACT);
    assert_eq!(built, document);
    assert_eq!(serde_json::to_string(&built).unwrap(), SEED_EXAMPLE_COMPACT);
    assert_schema_valid(&built.to_json());

    assert_eq!(
        built.to_string(),
        "Zenlogin error 3003: Invalid *application_key* URL param: appl01234567891"
    );
}

#[test]
fn parsing_borrows_and_does_not_allocate() {
    let (document, count) =
        allocations(|| ErrorDocument::parse(SEED_EXAMPLE_COMPACT.as_bytes()).unwrap());
    assert_eq!(count, 0);
    assert!(matches!(document.errors[0].detail, Some(Cow::Borrowed(_))));
    let (values, count) = allocations(|| document.errors[0].values().unwrap());
    assert_eq!(count, 0);
    assert_eq!(values.as_slice(), ["appl01234567891"]);

    // An escaped string is unescaped into its own buffer.
    let escaped = br#"{"errors":[{"code":"1010","detail":"Invalid request path: \"/a\""}]}"#;
    let document = ErrorDocument::parse(escaped).unwrap();
    assert!(matches!(document.errors[0].detail, Some(Cow::Owned(_))));
    assert_eq!(document.errors[0].values().unwrap().as_slice(), [r#""/a""#]);

    // into_owned detaches.
    let owned: ErrorDocument<'static> = {
        let input = SEED_EXAMPLE_COMPACT.to_owned();
        ErrorDocument::parse(input.as_bytes()).unwrap().into_owned()
    };
    assert_eq!(owned.to_json(), SEED_EXAMPLE_COMPACT);
}

#[test]
fn the_usual_document_is_small() {
    // Small enough that moving one is a few register copies, not a `memmove`:
    // the members Zenlogin does not send are boxed together, and only there
    // when one of them is.
    let object = std::mem::size_of::<ErrorObject<'static>>();
    let document = std::mem::size_of::<ErrorDocument<'static>>();
    assert!(object <= 72, "ErrorObject is {object} bytes");
    assert!(document <= 104, "ErrorDocument is {document} bytes");
}

#[test]
fn members_zenlogin_does_not_send_are_read_and_set_through_methods() {
    let document = ErrorDocument::parse(SEED_EXAMPLE_COMPACT.as_bytes()).unwrap();
    let error = &document.errors[0];
    assert_eq!(error.id(), None);
    assert_eq!(error.status(), None);
    assert_eq!(error.title(), None);
    assert_eq!(error.source(), None);
    assert!(error.links().is_none() && error.meta().is_none());
    assert!(error.members().is_empty());
    assert!(document.meta().is_none() && document.jsonapi().is_none());
    assert!(document.links().is_none() && document.members().is_empty());

    // Setting them in place gives what the builder methods give.
    let mut set = document.errors[0].clone();
    set.set_id("7f3a")
        .set_status(400)
        .set_title("Invalid application key")
        .set_source(Source::from_parameter("application_key"));
    let built = ErrorObject::new(
        ErrorCode::InvalidApplicationKey,
        error.detail.clone().unwrap(),
    )
    .with_id("7f3a")
    .with_status(400)
    .with_title("Invalid application key")
    .with_source(Source::from_parameter("application_key"));
    assert_eq!(set, built);
    assert_ne!(set, *error);
    assert_eq!(set.id(), Some("7f3a"));
    assert_eq!(set.status(), Some("400"));
    assert_eq!(set.title(), Some("Invalid application key"));
    assert_eq!(
        set.source().and_then(Source::parameter),
        Some("application_key")
    );
    assert_eq!(
        set.to_json(),
        r#"{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891","id":"7f3a","status":"400","title":"Invalid application key","source":{"parameter":"application_key"}}"#
    );

    // An undefined member alone is kept, in its place, and compared.
    let body = r#"{"errors":[{"code":"3003","x-trace":[1,2],"detail":"d"}],"included":[]}"#;
    let document = ErrorDocument::parse(body.as_bytes()).unwrap();
    let error = &document.errors[0];
    assert_eq!(error.id(), None);
    assert_eq!(
        error.members().get("x-trace").map(RawJson::get),
        Some("[1,2]")
    );
    assert_eq!(
        document.members().get("included").map(RawJson::get),
        Some("[]")
    );
    assert_eq!(document.to_json(), body);
    assert_ne!(
        *error,
        ErrorObject::new(ErrorCode::InvalidApplicationKey, "d")
    );
    assert_eq!(document.clone().into_owned(), document);
}

#[test]
fn several_errors_keep_their_order() {
    let body = r#"{"errors":[{"code":"1016","detail":"POST argument *identity_email_address* is required"},{"code":"1018","detail":"POST argument *ip_address* is required"},{"code":"1000","detail":"API request could not be processed. Please contact support: support@zenlogin.co"}]}"#;
    let document = ErrorDocument::parse(body.as_bytes()).unwrap();
    let known: Vec<_> = document.known().collect();
    assert_eq!(
        known,
        [
            ErrorCode::IdentityEmailAddressRequired,
            ErrorCode::IpAddressRequired,
            ErrorCode::RequestNotProcessed
        ]
    );
    assert_eq!(document.to_json(), body);
    assert_eq!(document.http_status(), 500);
    assert!(document.has(ErrorCode::IpAddressRequired));
    assert!(!document.has(ErrorCode::AccountFrozen));
    assert!(
        document
            .to_string()
            .starts_with("Zenlogin errors: 1016: POST argument")
    );

    let built: ErrorDocument<'_> =
        ErrorDocument::new(known.iter().map(|&c| ErrorObject::new(c, c.description())));
    assert_eq!(built.to_json(), body);
    assert_eq!(built.errors.clone().into_vec().len(), 3);
}

#[test]
fn unknown_codes_and_the_alias_are_kept_verbatim() {
    let body = br#"{"errors":[{"code":"9999","detail":"Something new"},{"code":"101","detail":"Invalid *req_test* POST value. Can only be the number 0 or 1 (or do not send it along)"}]}"#;
    let document = ErrorDocument::parse(body).unwrap();
    let unknown = document.errors[0].code.as_ref().unwrap();
    assert!(!unknown.is_known());
    assert_eq!(unknown.as_str(), "9999");
    let alias = document.errors[1].code.as_ref().unwrap();
    assert_eq!(alias.known(), Some(ErrorCode::InvalidReqTest));
    assert_eq!(alias.spelling(), Some(Spelling::Alias));
    assert_eq!(alias.as_str(), "101");
    assert!(document.errors[1].values().is_ok());
    assert_eq!(document.to_json().as_bytes(), body);
    assert_schema_valid(&document.to_json());
}

#[test]
fn codes_must_be_strings() {
    let err = malformed(ErrorDocument::parse(
        br#"{"errors":[{"code":3003,"detail":"x"}]}"#,
    ));
    assert_eq!(err.category(), Category::Data);
    assert_eq!(err.member(), Some("code"));
    assert!(err.reason().contains("expected a string"), "{err}");
}

/// The members the valid fixtures carry are kept and written back in order.
#[test]
fn json_api_valid_fixtures_round_trip() {
    for name in [
        "jsonapi_valid/one_error.json",
        "jsonapi_valid/errors_and_meta.json",
        "jsonapi_1_1/valid_one_error.json",
    ] {
        let text = data(name);
        let document =
            ErrorDocument::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let compacted = compact(&text);
        assert_eq!(compact(&document.to_json()), compacted, "{name}");
        let again = ErrorDocument::parse(compacted.as_bytes()).unwrap();
        assert_eq!(again.to_json(), compacted, "{name}");
        // What is written reads back as an equal document.
        let written = document.to_json();
        assert_eq!(
            ErrorDocument::parse(written.as_bytes()).unwrap(),
            document,
            "{name}"
        );
        // Equality compares the text of `links`/`meta` exactly: these fixtures
        // spell them over several lines, so the compacted reading differs.
        assert_ne!(written, compacted, "{name}");
        assert_ne!(again, document, "{name}");
        let owned: ErrorDocument<'static> = serde_json::from_str(&text).unwrap();
        assert_eq!(owned, document);
        if name.starts_with("jsonapi_valid") {
            assert_schema_valid(&document.to_json());
        }
    }

    let text = data("jsonapi_valid/errors_and_meta.json");
    let document = ErrorDocument::parse(text.as_bytes()).unwrap();
    assert_eq!(document.errors.len(), 2);
    let first = &document.errors[0];
    assert_eq!(first.id(), Some("1"));
    assert_eq!(first.status(), Some("400"));
    assert_eq!(first.code.as_ref().map(Wire::as_str), Some("0x002"));
    assert_eq!(first.known(), None);
    assert_eq!(first.title(), Some("human-readable summary of the problem"));
    assert_eq!(first.detail, None);
    assert_eq!(first.source().and_then(Source::pointer), Some("/data/id"));
    assert_eq!(
        first.links().unwrap().to_value().unwrap(),
        serde_json::json!({ "about": "http://www.example.com/errors/1" })
    );
    assert_eq!(first.http_status(), Some(400));
    assert_eq!(
        document.errors[1].source().and_then(Source::parameter),
        Some("include")
    );
    assert_eq!(
        document.meta().unwrap().to_value().unwrap(),
        serde_json::json!({ "anything": "valid" })
    );
    assert_eq!(document.http_status(), 400);

    // JSON:API 1.1 members are not JSON:API 1.0 ones: kept, not interpreted.
    let text = data("jsonapi_1_1/valid_one_error.json");
    let document = ErrorDocument::parse(text.as_bytes()).unwrap();
    let header = document.errors[1]
        .source()
        .unwrap()
        .members()
        .get("header")
        .unwrap();
    assert_eq!(header.get(), r#""wrong-header""#);
}

#[test]
fn top_level_members_round_trip_in_order() {
    let body = r#"{"jsonapi":{"version":"1.0"},"meta":{"request-id":"a1"},"errors":[{"meta":{"n":1},"code":"1009","id":"e1","detail":"Invalid *ip_address* POST value: 1.2.3","links":{"about":{"href":"https://zenlogin.co/docs","meta":{"x":true}}}}],"links":{"self":"https://api.zenlogin.co/v1/x"}}"#;
    let document = ErrorDocument::parse(body.as_bytes()).unwrap();
    assert_eq!(document.to_json(), body);
    assert_eq!(document.jsonapi().unwrap().get(), r#"{"version":"1.0"}"#);
    assert_eq!(
        document.links().unwrap().get(),
        r#"{"self":"https://api.zenlogin.co/v1/x"}"#
    );
    assert_eq!(document.errors[0].meta().unwrap().get(), r#"{"n":1}"#);
    assert!(document.members().is_empty());
    assert_schema_valid(body);
}

#[test]
fn json_api_invalid_fixtures_give_typed_errors() {
    let err = malformed(ErrorDocument::parse(
        data("jsonapi_invalid/error_must_be_an_object.json").as_bytes(),
    ));
    assert_eq!(err.member(), Some("errors"));
    assert!(
        err.reason().contains("expected a JSON:API error object"),
        "{err}"
    );

    let err = malformed(ErrorDocument::parse(
        data("jsonapi_invalid/errors_must_be_an_array.json").as_bytes(),
    ));
    assert_eq!(err.member(), Some("errors"));
    assert!(err.reason().contains("expected an array"), "{err}");

    let reason = malformed_reason(ErrorDocument::parse(
        data("jsonapi_invalid/data_and_errors_must_not_coexist.json").as_bytes(),
    ));
    assert!(
        reason.contains("`data` and `errors` must not coexist"),
        "{reason}"
    );

    // The first item (line 3) is the one reported.
    let err = malformed(ErrorDocument::parse(
        data("jsonapi_invalid/invalid_error_objects.json").as_bytes(),
    ));
    assert_eq!(err.member(), Some("errors"));
    assert_eq!(err.line(), 3, "{err}");
    assert!(
        err.reason().contains("expected a JSON:API error object"),
        "{err}"
    );

    // Item by item. The crate's rule: the members JSON:API defines must have
    // their type (an error otherwise); syntax inside a string (a pointer's)
    // and members JSON:API does not define are kept as received, as the
    // specification asks of clients.
    let value: Value =
        serde_json::from_str(&data("jsonapi_invalid/invalid_error_objects.json")).unwrap();
    // The member being read, and what was expected of it.
    let expected: [Option<(&str, &str)>; 13] = [
        Some(("errors", "expected a JSON:API error object")),
        Some(("id", "expected a string")),
        Some(("status", "expected a string")),
        Some(("code", "expected a string")),
        Some(("title", "expected a string")),
        Some(("detail", "expected a string")),
        Some(("pointer", "expected a string")),
        None,
        Some(("parameter", "expected a string")),
        None,
        None,
        Some(("source", "expected a JSON:API source object")),
        Some(("meta", "expected a JSON object")),
    ];
    for (i, (item, expected)) in value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .zip(expected)
        .enumerate()
    {
        let alone = serde_json::json!({ "errors": [item] }).to_string();
        let parsed = ErrorDocument::parse(alone.as_bytes());
        match expected {
            Some((member, needle)) => {
                let err = malformed(parsed);
                assert_eq!(err.category(), Category::Data, "item {i}: {err}");
                assert_eq!(err.member(), Some(member), "item {i}: {err}");
                assert!(err.reason().contains(needle), "item {i}: {err}");
            }
            None => {
                let document = parsed.unwrap_or_else(|e| panic!("item {i}: {e}"));
                assert_eq!(document.to_json(), alone, "item {i}");
            }
        }
    }
    let wrong = serde_json::json!({ "errors": [value["errors"][9]] }).to_string();
    let document = ErrorDocument::parse(wrong.as_bytes()).unwrap();
    assert_eq!(
        document.errors[0].members().get("wrong").unwrap().get(),
        r#""not allowed""#
    );

    // Valid under 1.0, invalid only under the 1.1 proposal.
    let text = data("jsonapi_1_1/invalid_error_object_must_not_be_empty.json");
    let empty = ErrorDocument::parse(text.as_bytes()).unwrap();
    assert_eq!(empty.errors[0], ErrorObject::empty());
    assert!(
        ErrorDocument::parse(
            data("jsonapi_1_1/invalid_source_header_not_a_string.json").as_bytes()
        )
        .is_ok()
    );
}

#[test]
fn other_bodies_give_typed_errors() {
    for (body, what) in [
        (r#"{"data":{"type":"article","id":"1"}}"#, "data document"),
        (r#"{"data":null,"meta":{"a":1}}"#, "data document"),
        (r#"{"meta":{"total":0}}"#, "only `meta`"),
    ] {
        match ErrorDocument::parse(body.as_bytes()) {
            Err(err) if err.category() == Category::NotAnErrorBody => {
                assert_eq!(err.vendor(), Some(Vendor::Zenlogin));
                let found = err.reason();
                assert!(found.contains(what), "{found}");
                assert_eq!(err.snippet().as_str(), &body[..body.len().min(64)]);
            }
            other => panic!("{body}: {other:?}"),
        }
        assert!(serde_json::from_str::<ErrorDocument<'_>>(body).is_err());
    }
    // The member being read (the one holding a duplicate), and the reason.
    for (body, member, needle) in [
        ("{}", None, "no `errors` member"),
        (r#"{"error":"x"}"#, None, "no `errors` member"),
        ("[]", None, "JSON:API error document"),
        ("\"errors\"", None, "JSON:API error document"),
        ("not json", None, "expected"),
        ("", None, "EOF"),
        (r#"{"errors":[]} trailing"#, None, "trailing"),
        (
            r#"{"errors":[],"errors":[]}"#,
            None,
            "duplicate member `errors`",
        ),
        (
            r#"{"errors":[{"code":"1000","code":"1001"}]}"#,
            Some("errors"),
            "duplicate member `code`",
        ),
        (
            r#"{"errors":[],"meta":[]}"#,
            Some("meta"),
            "expected a JSON object",
        ),
        (
            r#"{"errors":[],"jsonapi":"1.0"}"#,
            Some("jsonapi"),
            "expected a JSON object",
        ),
        (
            r#"{"errors":[],"links":null}"#,
            Some("links"),
            "expected a JSON object",
        ),
        (
            r#"{"errors":[{"links":"x"}]}"#,
            Some("links"),
            "expected a JSON object",
        ),
        (
            r#"{"errors":[{"code":"1000"},{"code":"1001","detail":7}]}"#,
            Some("detail"),
            "expected a string",
        ),
    ] {
        let err = malformed(ErrorDocument::parse(body.as_bytes()));
        assert_eq!(err.member(), member, "{body}: {err}");
        assert!(err.reason().contains(needle), "{body}: {err}");
    }
    // The second error object's `detail` is the one reported.
    let body = r#"{"errors":[{"code":"1000"},{"code":"1001","detail":7}]}"#;
    let err = malformed(ErrorDocument::parse(body.as_bytes()));
    assert!(
        err.column() > r#"{"errors":[{"code":"1000"},"#.len(),
        "{err}"
    );
    // Another vendor's body.
    let zato = br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
    let err = ErrorDocument::parse(zato).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor);
    assert_eq!(err.vendor(), Some(Vendor::Zenlogin));
    assert_eq!(err.found_vendor(), Some(Vendor::Zato));
    // An empty `errors` array is a valid JSON:API 1.0 error document.
    let empty = ErrorDocument::parse(br#"{"errors":[]}"#).unwrap();
    assert!(empty.errors.is_empty());
    assert_eq!(empty.http_status(), 400);
    assert_eq!(empty.to_json(), r#"{"errors":[]}"#);
}

// ---------------------------------------------------------------------------
// What the crate emits is valid JSON:API 1.0
// ---------------------------------------------------------------------------

#[test]
fn documents_built_in_code_are_valid_json_api() {
    let full = ErrorObject::render(
        ErrorCode::IdentityEmailAddressNotValid,
        &["not-an-address\n\"quoted\""],
    )
    .unwrap()
    .with_id("0f3c")
    .with_status(400)
    .with_title("Invalid email address")
    .with_source(Source::from_pointer("/identity_email_address").unwrap())
    .with_about_link("https://zenlogin.co/docs/errors#1007")
    .unwrap()
    .with_meta(RawJson::from_json(r#"{"attempt":2,"request_id":"r-1"}"#).unwrap())
    .unwrap();
    assert_eq!(
        full.to_json(),
        r#"{"id":"0f3c","links":{"about":"https://zenlogin.co/docs/errors#1007"},"status":"400","code":"1007","title":"Invalid email address","detail":"POST argument *identity_email_address* must be a valid email address. The following was passed in: not-an-address\n\"quoted\"","source":{"pointer":"/identity_email_address"},"meta":{"attempt":2,"request_id":"r-1"}}"#
    );
    let document = ErrorDocument::new([
        full.clone(),
        ErrorObject::new(
            ErrorCode::IpAddressRequired,
            ErrorCode::IpAddressRequired.description(),
        )
        .with_source(Source::from_parameter("ip_address")),
        ErrorObject::empty(),
    ])
    .with_meta(RawJson::from_json(r#"{"request-id":"7f3a"}"#).unwrap())
    .unwrap()
    .with_jsonapi_version("1.0");
    let json = document.to_json();
    assert_schema_valid(&json);
    assert_eq!(ErrorDocument::parse(json.as_bytes()).unwrap(), document);
    assert!(
        json.ends_with(r#"],"meta":{"request-id":"7f3a"},"jsonapi":{"version":"1.0"}}"#),
        "{json}"
    );

    // The builders refuse what would break the schema.
    assert_eq!(
        Source::from_pointer("identity_email_address")
            .unwrap_err()
            .member(),
        "source.pointer"
    );
    assert!(Source::from_pointer("/a~2b").is_err());
    assert!(Source::from_pointer("").is_ok());
    assert!(Source::from_pointer("/a~0b/~1/").is_ok());
    for bad in [
        "",
        "no scheme",
        "https://zenlogin.co/a b",
        "https://zenlogin.co/\"",
        "1http://x",
        "https://x/%zz",
        "https://zenlogin.co/é",
    ] {
        assert_eq!(
            ErrorObject::empty()
                .with_about_link(bad)
                .unwrap_err()
                .member(),
            "links.about",
            "{bad:?}"
        );
    }
    for bad in [
        r#"[1]"#,
        r#""meta""#,
        r#"{"bad name":1}"#,
        r#"{"-x":1}"#,
        r#"{"":1}"#,
        r#"{"ok":1,"é":2}"#,
    ] {
        let meta = RawJson::from_json(bad).unwrap();
        assert_eq!(
            ErrorObject::empty()
                .with_meta(meta.clone())
                .unwrap_err()
                .member(),
            "meta",
            "{bad}"
        );
        assert!(ErrorDocument::new([]).with_meta(meta).is_err(), "{bad}");
    }
}

#[test]
fn a_repeated_error_object_is_written_every_time() {
    let one = ErrorObject::new(
        ErrorCode::AccountFrozen,
        ErrorCode::AccountFrozen.description(),
    );
    let document = ErrorDocument::new([
        one.clone(),
        one.clone(),
        ErrorObject::empty(),
        ErrorObject::empty(),
    ]);
    assert_eq!(document.errors.len(), 4);
    let json = document.to_json();
    // Every object is written, duplicates included: nothing is lost, at the
    // price of JSON:API 1.0's `uniqueItems`.
    assert_eq!(
        json,
        r#"{"errors":[{"code":"2000","detail":"The account associated with this application has been frozen. Please contact support: support@zenlogin.co"},{"code":"2000","detail":"The account associated with this application has been frozen. Please contact support: support@zenlogin.co"},{},{}]}"#
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        schema_violations(&value),
        ["errors[1]: uniqueItems", "errors[3]: uniqueItems"]
    );
    let again = ErrorDocument::parse(json.as_bytes()).unwrap();
    assert_eq!(again, document);
    assert_eq!(again.to_json(), json);

    // Equal as JSON values, but not as text (members in another order,
    // numbers spelled differently): different objects, both written.
    let a = r#"{"errors":[{"code":"1000","meta":{"a":1,"b":[1.0]}},{"meta":{"b":[1],"a":1.0},"code":"1000"}]}"#;
    let document = ErrorDocument::parse(a.as_bytes()).unwrap();
    assert_eq!(document.errors.len(), 2);
    assert_ne!(document.errors[0], document.errors[1]);
    assert_eq!(document.to_json(), a);
    let n = |meta: &str| {
        ErrorObject::empty()
            .with_meta(RawJson::from_json(meta).unwrap())
            .unwrap()
    };
    assert_ne!(n(r#"{"n":1}"#), n(r#"{"n":1.0}"#));
    assert_eq!(n(r#"{"n":1}"#), n(r#"{"n":1}"#));
    // The alias and the canonical spelling are different JSON: both kept.
    let b = r#"{"errors":[{"code":"101"},{"code":"1011"}]}"#;
    assert_eq!(ErrorDocument::parse(b.as_bytes()).unwrap().to_json(), b);
}

// ---------------------------------------------------------------------------
// Status, display, errors
// ---------------------------------------------------------------------------

#[test]
fn the_document_status_comes_from_the_codes() {
    let status = |body: &str| ErrorDocument::parse(body.as_bytes()).unwrap().http_status();
    assert_eq!(status(r#"{"errors":[{"code":"3003"}]}"#), 400);
    assert_eq!(
        status(r#"{"errors":[{"code":"3003"},{"code":"1001"}]}"#),
        500
    );
    assert_eq!(
        status(r#"{"errors":[{"code":"9999","status":"503"}]}"#),
        503
    );
    // A known code's status is the catalog's, whatever `status` says.
    assert_eq!(
        status(r#"{"errors":[{"code":"3003","status":"422"}]}"#),
        400
    );
    assert_eq!(
        status(r#"{"errors":[{"code":"9999","status":"abc"}]}"#),
        400
    );
    assert_eq!(status(r#"{"errors":[{"code":"9999","status":"99"}]}"#), 400);
}

#[test]
fn display_escapes_control_characters() {
    let error =
        ErrorObject::render(ErrorCode::InvalidRequestPath, &["/a\nInjected: yes\u{0}"]).unwrap();
    assert_eq!(
        error.to_string(),
        "1010: Invalid request path: /a\\nInjected: yes\\u{0}"
    );
    let document = ErrorDocument::from(error);
    assert_eq!(
        document.to_string(),
        "Zenlogin error 1010: Invalid request path: /a\\nInjected: yes\\u{0}"
    );
    let untitled =
        ErrorDocument::parse(br#"{"errors":[{"code":"9999"},{"title":"Oh no!"},{}]}"#).unwrap();
    assert_eq!(
        untitled.to_string(),
        "Zenlogin errors: unknown code of 4 bytes; Oh no!; error without code or detail"
    );
    assert_eq!(
        ErrorDocument::new([]).to_string(),
        "Zenlogin error document without errors"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(untitled.into_owned());
    assert!(boxed.to_string().starts_with("Zenlogin errors"));
}

#[test]
fn errors_list_behaves_like_a_vec() {
    let mut document = ErrorDocument::parse(SEED_EXAMPLE_COMPACT.as_bytes()).unwrap();
    document.errors[0].set_status(400);
    document.errors.push(ErrorObject::new(
        ErrorCode::AccountFrozen,
        ErrorCode::AccountFrozen.description(),
    ));
    document.errors.push(ErrorObject::new(
        ErrorCode::ApplicationFrozen,
        ErrorCode::ApplicationFrozen.description(),
    ));
    assert_eq!(document.errors.len(), 3);
    assert_eq!(
        document
            .errors
            .iter()
            .filter_map(ErrorObject::known)
            .count(),
        3
    );
    for error in document.errors.iter_mut() {
        error.set_id("x");
    }
    let json = document.to_json();
    assert!(json.starts_with(r#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891","id":"x","status":"400"}"#), "{json}");
    assert_schema_valid(&json);
    let vec: Vec<ErrorObject<'_>> = document.errors.into();
    assert_eq!(vec.len(), 3);
}

#[test]
fn an_error_object_deserializes_on_its_own() {
    let error: ErrorObject<'static> = serde_json::from_str(
        r#"{"code":"4002","detail":"Invalid *X_API_SECRET_KEY* Header value: sk_live"}"#,
    )
    .unwrap();
    assert_eq!(error.known(), Some(ErrorCode::InvalidXApiSecretKey));
    assert_eq!(error.values().unwrap().as_slice(), ["sk_live"]);
    let err = serde_json::from_str::<ErrorObject<'_>>(r#"{"id":1}"#).unwrap_err();
    assert!(err.to_string().contains("expected a string"), "{err}");
    // At the `id` value.
    assert_eq!((err.line(), err.column()), (1, 7), "{err}");
    let err = serde_json::from_str::<ErrorObject<'_>>(r#""x""#).unwrap_err();
    assert!(
        err.to_string().contains("expected a JSON:API error object"),
        "{err}"
    );
}

#[test]
fn quickstart_snippet_runs() -> Result<(), Box<dyn std::error::Error>> {
    let body = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
    let document = sso_errors::zenlogin::ErrorDocument::parse(body)?;
    println!("{document} (HTTP {})", document.http_status());
    for error in document.errors.iter() {
        if let (Some(code), Ok(values)) = (error.known(), error.values()) {
            println!(
                "  {} error about {:?}: {:?}",
                code.group(),
                code.field(),
                values.as_slice()
            );
        }
    }
    Ok(())
}

#[test]
fn a_document_is_retryable_when_every_code_is_known_and_retryable() {
    let down = ErrorObject::new(ErrorCode::DownForMaintenance, "down");
    let frozen = ErrorObject::new(ErrorCode::AccountFrozen, "frozen");
    assert!(ErrorDocument::new([down.clone()]).is_retryable());
    assert!(ErrorDocument::new([down.clone(), down.clone()]).is_retryable());
    assert!(!ErrorDocument::new([down.clone(), frozen.clone()]).is_retryable());
    assert!(!ErrorDocument::new([frozen]).is_retryable());
    assert!(!ErrorDocument::new([ErrorObject::new("9999", "unknown")]).is_retryable());
    assert!(!ErrorDocument::new(Vec::<ErrorObject<'_>>::new()).is_retryable());
}

#[test]
fn a_document_lists_its_codes_as_sent() {
    let body = br#"{"errors":[{"code":"3003"},{"detail":"no code"},{"code":"9999"}]}"#;
    let document = ErrorDocument::parse(body).unwrap();
    assert_eq!(document.codes(), ["3003", "9999"]);
    assert!(document.has(ErrorCode::InvalidApplicationKey));
    assert!(!document.has(ErrorCode::AccountFrozen));
}

#[test]
fn an_invalid_member_says_which_and_why() {
    let err = ErrorObject::empty()
        .with_about_link("not a URL")
        .unwrap_err();
    assert_eq!(err.member(), "links.about");
    assert_eq!(err.reason(), "not an absolute URI");
    assert_eq!(err.input().as_str(), "not a URL");
    assert_eq!(
        err.to_string(),
        "invalid JSON:API `links.about`: not an absolute URI; a value of 9 bytes"
    );
}

#[test]
fn an_about_link_needs_whole_percent_escapes() {
    for good in [
        "https://zenlogin.co/a%41b",
        "https://zenlogin.co/%41",
        "urn:x%2F%2f",
    ] {
        assert!(ErrorObject::empty().with_about_link(good).is_ok(), "{good}");
    }
    for bad in [
        "https://zenlogin.co/%",
        "https://zenlogin.co/%4",
        "https://zenlogin.co/%4g",
        "https://zenlogin.co/%g4",
        "https://zenlogin.co/%%41",
        "https://zenlogin.co/a b",
    ] {
        assert!(ErrorObject::empty().with_about_link(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_zenlogin_reply_tells_its_codes() {
    let reply = sso_errors::zenlogin::Reply::parse(
        400,
        br#"{"errors":[{"code":"3003","detail":"d"},{"code":"1001"}]}"#,
    )
    .unwrap();
    assert_eq!(reply.codes(), ["3003", "1001"]);
    assert_eq!(reply.detail().as_deref(), Some("d"));
    assert!(!reply.is_retryable());
    let sso_errors::zenlogin::ReplyBody::Document(document) = reply.body() else {
        panic!("{reply:?}");
    };
    assert_eq!(reply.body().to_string(), document.to_string());
    assert!(
        reply.body().to_string().contains("3003: d"),
        "{}",
        reply.body()
    );
    let down = sso_errors::zenlogin::Reply::parse(503, br#"{"errors":[{"code":"1001"}]}"#).unwrap();
    assert!(down.is_retryable());
}
