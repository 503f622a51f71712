//! OpenAM: the status catalog, the CREST error body and the authenticate
//! endpoint's other failure shapes, against the OpenAM documentation's
//! examples and real bodies (`tests/data/openam/`).

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use serde_json::value::RawValue;
use sso_errors::openam::{
    Cause, Class, Code, ErrorBody, LegacyFailure, ModuleFailure, Reply, ReplyBody, Status,
};
use sso_errors::{Catalog, Category, Error, Origin, RawJson, Spelling, Vendor};

/// Removes the whitespace between JSON tokens, leaving strings and every
/// other token exactly as written. (Going through `serde_json::Value` would
/// sort the keys; this keeps them in place.)
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for ch in json.chars() {
        if in_string {
            out.push(ch);
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
            }
        } else if !matches!(ch, ' ' | '\t' | '\n' | '\r') {
            if ch == '"' {
                in_string = true;
            }
            out.push(ch);
        }
    }
    // Same JSON value as the input.
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        serde_json::from_str::<serde_json::Value>(json).unwrap(),
    );
    out
}

fn data(path: &str) -> String {
    fs::read_to_string(Path::new("tests/data/openam").join(path)).unwrap()
}

/// Whether the error is a malformed body (any of the old `Malformed`'s
/// categories).
fn is_malformed(err: &Error) -> bool {
    matches!(
        err.category(),
        Category::Syntax | Category::Eof | Category::Data
    )
}

fn malformed_reason(err: &Error) -> &str {
    assert!(is_malformed(err), "expected a malformed body, got {err:?}");
    assert_eq!(err.vendor(), Some(Vendor::OpenAm));
    err.reason()
}

// ---------------------------------------------------------------- catalog

/// Every entry: number, variant, reason phrase exactly as the server spells
/// it, origin, and whether the documentation gives an example body.
#[rustfmt::skip]
const TABLE: &[(u16, Status, &str, Origin, bool)] = &[
    (200, Status::Ok,                           "OK",                              Origin::Documentation, false),
    (201, Status::Created,                      "Created",                         Origin::Documentation, false),
    (400, Status::BadRequest,                   "Bad Request",                     Origin::Both,          true),
    (401, Status::Unauthorized,                 "Unauthorized",                    Origin::Both,          true),
    (402, Status::PaymentRequired,              "Payment Required",                Origin::Server,        false),
    (403, Status::Forbidden,                    "Forbidden",                       Origin::Both,          true),
    (404, Status::NotFound,                     "Not Found",                       Origin::Both,          true),
    (405, Status::MethodNotAllowed,             "Method Not Allowed",              Origin::Both,          false),
    (406, Status::NotAcceptable,                "Not Acceptable",                  Origin::Both,          true),
    (407, Status::ProxyAuthenticationRequired,  "Proxy Authentication Required",   Origin::Server,        false),
    (408, Status::RequestTimeOut,               "Request Time-out",                Origin::Server,        false),
    (409, Status::Conflict,                     "Conflict",                        Origin::Both,          true),
    (410, Status::Gone,                         "Gone",                            Origin::Both,          true),
    (411, Status::LengthRequired,               "Length Required",                 Origin::Server,        false),
    (412, Status::PreconditionFailed,           "Precondition Failed",             Origin::Server,        false),
    (413, Status::RequestEntityTooLarge,        "Request Entity Too Large",        Origin::Server,        false),
    (414, Status::RequestUriTooLarge,           "Request-URI Too Large",           Origin::Server,        false),
    (415, Status::UnsupportedMediaType,         "Unsupported Media Type",          Origin::Both,          false),
    (416, Status::RequestedRangeNotSatisfiable, "Requested range not satisfiable", Origin::Server,        false),
    (417, Status::ExpectationFailed,            "Expectation Failed",              Origin::Server,        false),
    (428, Status::PreconditionRequired,         "Precondition Required",           Origin::Server,        false),
    (500, Status::InternalServerError,          "Internal Server Error",           Origin::Both,          true),
    (501, Status::NotImplemented,               "Not Implemented",                 Origin::Both,          true),
    (502, Status::BadGateway,                   "Bad Gateway",                     Origin::Server,        false),
    (503, Status::ServiceUnavailable,           "Service Unavailable",             Origin::Both,          true),
    (504, Status::GatewayTimeOut,               "Gateway Time-out",                Origin::Server,        false),
    (505, Status::HttpVersionNotSupported,      "HTTP Version not supported",      Origin::Server,        false),
];

#[test]
fn catalog_table() {
    assert_eq!(Status::COUNT, 27);
    assert_eq!(Status::ALL.len(), TABLE.len());
    for (&(number, status, reason, origin, has_example), &listed) in TABLE.iter().zip(Status::ALL) {
        assert_eq!(status, listed, "table order");
        assert_eq!(status.as_u16(), number);
        assert_eq!(status.http_status(), number);
        assert_eq!(u16::from(status), number);
        assert_eq!(status.code(), number.to_string());
        assert_eq!(status.to_string(), number.to_string());
        assert_eq!(Status::from_u16(number), Some(status));
        assert_eq!(Status::try_from(number), Ok(status));
        assert_eq!(
            Status::resolve(&number.to_string()),
            Some((status, Spelling::Canonical))
        );
        assert_eq!(number.to_string().parse::<Status>(), Ok(status));
        assert_eq!(status.reason(), reason, "{number}");
        assert_eq!(Catalog::label(status), Some(reason));
        assert_eq!(Status::from_reason(reason), Some(status));
        assert_eq!(<Status as Catalog>::from_label(reason), Some(status));
        assert_eq!(status.origin(), origin, "{number}");
        assert_eq!(status.alias(), None);
        assert_eq!(status.example().is_some(), has_example, "{number}");
        assert!(!status.description().is_empty());
        assert_eq!(Code::from(status).known(), Some(status));
        // The reason an error body gets by default.
        let default = if status.is_error() {
            reason
        } else {
            "Resource Exception"
        };
        assert_eq!(Code::from(status).default_reason(), default);
    }
    assert_eq!(<Status as Catalog>::VENDOR, Vendor::OpenAm);
    // The documentation's list: 14 codes, all of them documented.
    let documented: Vec<u16> = Status::ALL
        .iter()
        .filter(|s| s.origin().is_documented())
        .map(|s| s.as_u16())
        .collect();
    assert_eq!(
        documented,
        [
            200, 201, 400, 401, 403, 404, 405, 406, 409, 410, 415, 500, 501, 503
        ]
    );
    // The server's list: 25 error codes.
    let server = Status::ALL
        .iter()
        .filter(|s| s.origin().is_sent_by_server())
        .count();
    assert_eq!(server, 25);
}

#[test]
fn descriptions_are_the_documentation_text() {
    assert_eq!(
        Status::Created.description(),
        "The request succeeded and the resource was created."
    );
    assert_eq!(
        Status::MethodNotAllowed.description(),
        "The HTTP method is not allowed for the requested resource."
    );
    assert!(
        Status::NotFound
            .description()
            .starts_with("The specified resource could not be found")
    );
}

#[test]
fn from_u16_matches_the_table_for_every_number() {
    for number in 0..=u16::MAX {
        let expected = Status::ALL.iter().copied().find(|s| s.as_u16() == number);
        assert_eq!(Status::from_u16(number), expected, "{number}");
        assert_eq!(Code::new(number).known(), expected);
        assert_eq!(Code::new(number).as_u16(), number);
    }
}

#[test]
fn unknown_numbers_and_strings() {
    let err = Status::try_from(499).unwrap_err();
    assert_eq!(err.input().as_str(), "499");
    assert_eq!(err.to_string(), "unknown OpenAM status code of 3 bytes");
    assert_eq!(Status::try_from(0).unwrap_err().input().as_str(), "0");
    assert_eq!(
        Status::try_from(65535).unwrap_err().input().as_str(),
        "65535"
    );
    assert!("0404".parse::<Status>().is_err());
    assert!("Not Found".parse::<Status>().is_err());
    assert_eq!(Status::from_reason("not found"), None);
    assert_eq!(Status::from_reason("Request Timeout"), None);
}

#[test]
fn classes() {
    let retryable: Vec<u16> = Status::ALL
        .iter()
        .filter(|s| s.is_retryable())
        .map(|s| s.as_u16())
        .collect();
    assert_eq!(retryable, [408, 503, 504]);
    let not_supported: Vec<u16> = Status::ALL
        .iter()
        .filter(|s| s.is_not_supported())
        .map(|s| s.as_u16())
        .collect();
    assert_eq!(not_supported, [501]);
    for status in Status::ALL {
        let n = status.as_u16();
        assert_eq!(status.is_success(), n < 300, "{n}");
        assert_eq!(status.is_error(), n >= 400, "{n}");
        assert_eq!(status.is_client_error(), (400..500).contains(&n), "{n}");
        assert_eq!(status.is_server_error(), n >= 500, "{n}");
        assert_eq!(status.class(), Code::from(*status).class());
    }
    assert_eq!(Status::Ok.class(), Class::Success);
    assert_eq!(Status::Conflict.class(), Class::ClientError);
    assert_eq!(Status::BadGateway.class(), Class::ServerError);
    let unknown = Code::new(499);
    assert!(unknown.is_client_error() && unknown.is_error() && !unknown.is_retryable());
    assert_eq!(Code::new(599).class(), Class::ServerError);
    assert_eq!(Code::new(302).class(), Class::Other);
    assert!(!Code::new(302).is_error());
    assert!(Code::new(504).is_retryable());
    assert!(Code::new(501).is_not_supported());

    // A body is retryable as its code is.
    for (json, retryable) in [
        (&br#"{"code":503,"reason":"Service Unavailable","message":"Forgot password is not accessible."}"#[..], true),
        (br#"{"code":429,"reason":"Too Many Requests","message":"Slow down"}"#, true),
        (br#"{"code":400,"reason":"Bad Request","message":"Username or email not provided in request"}"#, false),
        (br#"{"code":599,"reason":"Unknown","message":"?"}"#, false),
    ] {
        let body = ErrorBody::parse(json).unwrap();
        assert_eq!(body.is_retryable(), retryable, "{body}");
        assert_eq!(body.is_retryable(), body.code.is_retryable());
    }
}

#[test]
fn code_value_semantics() {
    assert_eq!(Code::new(404), Code::from(Status::NotFound));
    assert_eq!(Code::new(404), Status::NotFound);
    assert_ne!(Code::new(499), Code::new(498));
    assert!(Code::new(499) > Code::from(Status::NotFound));
    assert_eq!(format!("{:?}", Code::new(404)), "NotFound");
    assert_eq!(format!("{:?}", Code::new(499)), "Unknown(499)");
    assert_eq!(Code::new(499).to_string(), "499");
    assert_eq!(u16::from(Code::new(499)), 499);
    assert_eq!(serde_json::to_string(&Code::new(404)).unwrap(), "404");
    assert_eq!(serde_json::from_str::<Code>("499").unwrap(), Code::new(499));
    assert_eq!(Code::RESOURCE_EXCEPTION, "Resource Exception");
}

// ------------------------------------------------ the documentation's examples

/// The documentation's example bodies, verbatim (`tests/data/openam/seed/`,
/// named by code). The 403 example's message is wrapped over two lines in
/// the documentation, which is not valid JSON: the copy joins it with one
/// space.
fn seed_examples() -> Vec<(Status, String)> {
    let mut examples: Vec<_> = fs::read_dir("tests/data/openam/seed")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let number: u16 = path.file_stem()?.to_str()?.parse().ok()?;
            Some((
                Status::from_u16(number).unwrap(),
                fs::read_to_string(path).unwrap(),
            ))
        })
        .collect();
    examples.sort_by_key(|(status, _)| *status);
    examples
}

#[test]
fn every_documented_example_both_directions() {
    let examples = seed_examples();
    let with_example: Vec<Status> = Status::ALL
        .iter()
        .copied()
        .filter(|s| s.example().is_some())
        .collect();
    let from_files: Vec<Status> = examples.iter().map(|(s, _)| *s).collect();
    assert_eq!(from_files, with_example);
    assert_eq!(examples.len(), 10);

    for (status, text) in &examples {
        let expected = compact(text);
        let built = ErrorBody::example(*status).unwrap();
        // Built → bytes.
        assert_eq!(built.to_json(), expected, "{status}");
        // Bytes (as printed, and compact) → value.
        let parsed = ErrorBody::parse(text.as_bytes()).unwrap();
        assert_eq!(parsed, built, "{status}");
        assert_eq!(parsed.to_json(), expected);
        let parsed = ErrorBody::parse(expected.as_bytes()).unwrap();
        assert_eq!(parsed, built);
        assert_eq!(parsed.to_json(), expected);
        assert_eq!(serde_json::from_str::<ErrorBody<'_>>(text).unwrap(), built);
        assert_eq!(parsed.http_status(), status.as_u16());
        assert_eq!(parsed.message.as_deref(), status.example());
    }
}

#[test]
fn documented_success_body_is_not_an_error_body() {
    let text = data("seed/token_id_success.json");
    let err = ErrorBody::parse(text.as_bytes()).unwrap_err();
    assert_eq!(err.category(), Category::NotAnErrorBody, "{err:?}");
    assert_eq!(err.vendor(), Some(Vendor::OpenAm));
    assert_eq!(err.http_status(), None);
    assert!(err.reason().contains("tokenId"), "{}", err.reason());
    assert!(err.snippet().as_str().contains("AQIC5w"));

    // `Reply::parse` (which now also reads the authentication failures).
    let err = Reply::parse(200, text.as_bytes()).unwrap_err();
    assert_eq!(err.category(), Category::NotAnErrorBody, "{err:?}");
    assert_eq!(err.http_status(), Some(200), "{err:?}");

    // Any other object without `code`: a resource, an action's result.
    let err = ErrorBody::parse(br#"{"_id":"demo","username":"demo"}"#).unwrap_err();
    assert_eq!(err.category(), Category::NotAnErrorBody, "{err:?}");
    assert!(serde_json::from_str::<ErrorBody<'_>>(&text).is_err());
}

#[test]
fn html_pages_and_empty_bodies_are_not_error_bodies() {
    // The documentation's 415 example is the servlet container's HTML page.
    for input in [
        &b"<html><head><title>HTTP Status 415</title></head></html>"[..],
        b"  \n<!DOCTYPE html>",
    ] {
        let err = ErrorBody::parse(input).unwrap_err();
        assert_eq!(err.category(), Category::NotAnErrorBody, "{err:?}");
        assert_eq!(err.reason(), "an HTML page", "{err:?}");
        let err = Reply::parse(415, input).unwrap_err();
        assert_eq!(err.category(), Category::NotAnErrorBody, "{err:?}");
        assert_eq!(err.http_status(), Some(415), "{err:?}");
    }
    for input in [&b""[..], b" \r\n"] {
        let err = ErrorBody::parse(input).unwrap_err();
        assert_eq!(err.category(), Category::NotAnErrorBody, "{err:?}");
        assert_eq!(err.reason(), "an empty body", "{err:?}");
    }
    // As the documentation prints it: neither JSON nor a page.
    let err = ErrorBody::parse(b"...\nHTTP Status 415\n...").unwrap_err();
    assert!(is_malformed(&err), "{err:?}");
}

// ------------------------------------------------------------- the error body

#[test]
fn built_bodies_use_the_server_defaults_and_key_order() {
    for status in Status::ALL.iter().filter(|s| s.is_error()) {
        let reason = status.reason();
        assert_eq!(
            ErrorBody::new(*status).to_json(),
            format!(
                r#"{{"code":{},"reason":"{reason}","message":"{reason}"}}"#,
                status.as_u16()
            ),
        );
    }
    assert_eq!(
        ErrorBody::new(Status::Ok).to_json(),
        r#"{"code":200,"reason":"Resource Exception","message":"Resource Exception"}"#,
    );
    let body = ErrorBody::new(Status::BadRequest)
        .with_cause("Origin")
        .with_detail(RawJson::from_json(r#"{"b":1,"a":2}"#).unwrap())
        .with_message("Boom")
        .with_reason("a-reason");
    assert_eq!(
        body.to_json(),
        r#"{"code":400,"reason":"a-reason","message":"Boom","detail":{"b":1,"a":2},"cause":{"message":"Origin"}}"#,
    );
    let parsed = ErrorBody::parse(body.to_json().as_bytes())
        .unwrap()
        .into_owned();
    assert_eq!(parsed, body);
    assert_eq!(parsed.cause.as_deref(), Some(&Cause::new("Origin")));
}

#[test]
fn unknown_code_round_trips() {
    let input = br#"{"code":499,"reason":"Resource Exception","message":"Client Closed Request"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.code, Code::new(499));
    assert_eq!(body.status(), None);
    assert_eq!(body.http_status(), 499);
    assert_eq!(body.to_json().as_bytes(), input);
    assert_eq!(
        ErrorBody::new(499).with_message("Client Closed Request"),
        body
    );
    assert_eq!(
        ErrorBody::parse(br#"{"code":0}"#).unwrap().to_json(),
        r#"{"code":0}"#
    );
    assert_eq!(
        ErrorBody::parse(br#"{"code":65535}"#)
            .unwrap()
            .code
            .as_u16(),
        65535
    );
}

#[test]
fn detail_and_cause_round_trip_in_received_order() {
    let inputs = [
        r#"{"code":400,"reason":"Bad Request","message":"BAD_REQUEST","detail":{"failureReasons":[{"DETAIL_KEY":"DETAIL_VALUE"}]}}"#,
        r#"{"code":500,"reason":"Internal Server Error","message":"ERROR","cause":{"message":"ERROR"}}"#,
        r#"{"cause":{"extra":1,"message":"x"},"detail":7,"message":"m","reason":"r","code":503}"#,
        r#"{"message":"m","code":409,"detail":[1,{"z":null,"a":true}],"reason":"Conflict"}"#,
        r#"{"code":403,"reason":"Forbidden","message":"Forbidden","detail":"a string"}"#,
        r#"{"code":403,"reason":"Forbidden","message":"Forbidden","detail":null}"#,
        r#"{"code":403,"reason":"Forbidden","message":"Forbidden","detail":{"n":1.50,"e":1E+2,"s":"\u00e9"}}"#,
        r#"{"code":500,"cause":{}}"#,
    ];
    for input in inputs {
        let body = ErrorBody::parse(input.as_bytes()).unwrap();
        assert_eq!(body.to_json(), input);
        let owned: ErrorBody<'static> = serde_json::from_str(input).unwrap();
        assert_eq!(owned, body);
        assert_eq!(owned.to_json(), input);
        assert_eq!(body.clone().into_owned().to_json(), input);
    }
    let body = ErrorBody::parse(inputs[2].as_bytes()).unwrap();
    assert_eq!(body.detail.as_ref().unwrap().get(), "7");
    let cause = body.cause.as_ref().unwrap();
    assert_eq!(cause.message.as_deref(), Some("x"));
    assert_eq!(cause.members.get("extra").unwrap().get(), "1");
    // The detail is kept byte for byte, escapes and number spellings included.
    let body = ErrorBody::parse(inputs[6].as_bytes()).unwrap();
    assert_eq!(
        body.detail.unwrap().get(),
        r#"{"n":1.50,"e":1E+2,"s":"\u00e9"}"#
    );

    let err = ErrorBody::parse(br#"{"code":500,"cause":"text"}"#).unwrap_err();
    assert!(malformed_reason(&err).contains("cause"), "{err}");
}

#[test]
fn missing_reason_or_message_stays_missing() {
    for input in [
        r#"{"code":404,"message":"gone away"}"#,
        r#"{"code":404,"reason":"Not Found"}"#,
        r#"{"code":404}"#,
    ] {
        let body = ErrorBody::parse(input.as_bytes()).unwrap();
        assert_eq!(body.to_json(), input);
    }
    let body = ErrorBody::parse(br#"{"code":404}"#).unwrap();
    assert_eq!(body.reason, None);
    assert_eq!(body.message, None);
    assert_eq!(body.reason_or_default(), "Not Found");
    assert_eq!(body.message_or_reason(), "Not Found");
    let body = ErrorBody::parse(br#"{"code":404,"reason":"Nope"}"#).unwrap();
    assert_eq!(body.message_or_reason(), "Nope");
}

#[test]
fn custom_reason_and_extra_members_are_kept() {
    let input = br#"{"code":403,"reason":"a-reason","message":"Forbidden"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.reason.as_deref(), Some("a-reason"));
    assert_eq!(body.reason_or_default(), "a-reason");
    assert_eq!(body.code, Status::Forbidden);
    assert_eq!(body.to_json().as_bytes(), input);

    let input = br#"{"x":[1],"code":401,"reason":"Unauthorized","y":{},"message":"Invalid Password!!","failureUrl":"http://www.example.com/401.html"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.members.len(), 3);
    assert_eq!(
        body.failure_url().as_deref(),
        Some("http://www.example.com/401.html")
    );
    assert_eq!(body.to_json().as_bytes(), input);
    assert_eq!(body.into_owned().to_json().as_bytes(), input);

    let detail =
        ErrorBody::parse(br#"{"code":401,"detail":{"failureUrl":"http://localhost:8080"}}"#)
            .unwrap();
    assert_eq!(
        detail.failure_url().as_deref(),
        Some("http://localhost:8080")
    );
    let none = ErrorBody::parse(br#"{"code":401,"detail":[1]}"#).unwrap();
    assert_eq!(none.failure_url(), None);
}

#[test]
fn html_escaped_messages_are_kept_and_can_be_unescaped() {
    let input = br#"{"code":400,"reason":"Bad Request","message":"&lt;b&gt; &amp;amp; &quot;x&quot; &#39;y&#39; &unknown; & done"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.to_json().as_bytes(), input);
    assert_eq!(
        body.unescaped_message().as_deref(),
        Some(r#"<b> &amp; "x" 'y' &unknown; & done"#),
    );
    let plain = ErrorBody::new(Status::NotFound).with_message("no entities here");
    assert!(matches!(
        plain.unescaped_message(),
        Some(Cow::Borrowed("no entities here"))
    ));
    assert_eq!(
        ErrorBody::parse(br#"{"code":404}"#)
            .unwrap()
            .unescaped_message(),
        None
    );
    // Multi-byte text around entities.
    let body = ErrorBody::new(400).with_message("é&amp;ü&");
    assert_eq!(body.unescaped_message().as_deref(), Some("é&ü&"));
}

#[test]
fn parsing_borrows_from_the_input() {
    let input = br#"{"code":404,"reason":"Not Found","message":"say \"hi\"","detail":{"a":1}}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert!(matches!(body.reason, Some(Cow::Borrowed("Not Found"))));
    // Unescaping needs a copy.
    assert!(matches!(body.message, Some(Cow::Owned(_))));
    let owned: ErrorBody<'static> = body.clone().into_owned();
    assert_eq!(owned, body);
}

#[test]
fn legacy_error_key() {
    let input = br#"{"error":404,"reason":"Not Found","message":"Resource cannot be found."}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert!(body.is_legacy());
    assert_eq!(body.code, Status::NotFound);
    assert_eq!(body.to_json().as_bytes(), input);
    assert_eq!(ErrorBody::example(Status::NotFound).unwrap(), body);
    assert_eq!(
        ErrorBody::example(Status::NotFound)
            .unwrap()
            .with_legacy_error_key()
            .to_json()
            .as_bytes(),
        input,
    );
    let owned: ErrorBody<'static> = serde_json::from_slice(input).unwrap();
    assert!(owned.is_legacy());
    assert_eq!(owned.to_json().as_bytes(), input);

    // An `error` beside `code` is not the code.
    let input = br#"{"code":400,"error":"invalid_request","reason":"Bad Request"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert!(!body.is_legacy());
    assert_eq!(body.code, Status::BadRequest);
    assert_eq!(body.error_member().unwrap().get(), r#""invalid_request""#);
    assert_eq!(body.to_json().as_bytes(), input);

    // A bad number under `error` is described (messages no longer quote
    // the value).
    let err = ErrorBody::parse(br#"{"error":70000,"reason":"x"}"#).unwrap_err();
    assert!(
        malformed_reason(&err).contains("a number above 65535"),
        "{err}"
    );
    // A string `error` is not an OpenAM code: an OAuth 2.0 error is not a CREST body.
    let err =
        ErrorBody::parse(br#"{"error":"invalid_client","error_description":"x"}"#).unwrap_err();
    assert!(malformed_reason(&err).contains("code"), "{err}");
}

#[test]
fn members_in_any_order_parse_the_same_borrowed_and_owned() {
    // `error` before `code`: kept beside it, in its place.
    let input = br#"{"error":"invalid_request","code":400,"reason":"Bad Request"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert!(!body.is_legacy());
    assert_eq!(body.code, Status::BadRequest);
    assert_eq!(body.error_member().unwrap().get(), r#""invalid_request""#);
    assert_eq!(body.to_json().as_bytes(), input);
    let owned: ErrorBody<'static> = serde_json::from_slice(input).unwrap();
    assert_eq!(owned, body);
    assert_eq!(owned.to_json().as_bytes(), input);

    // Every member, the code last.
    let input = br#"{"cause":{"message":"ERROR"},"failureUrl":"/x","detail":{"a":1},"message":"m","reason":"Gone","error":"e","code":410}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.code, Status::Gone);
    assert_eq!(body.reason.as_deref(), Some("Gone"));
    assert_eq!(body.message.as_deref(), Some("m"));
    assert_eq!(body.detail.as_ref().unwrap().get(), r#"{"a":1}"#);
    assert_eq!(body.cause.as_deref(), Some(&Cause::new("ERROR")));
    assert_eq!(body.failure_url().as_deref(), Some("/x"));
    assert_eq!(body.to_json().as_bytes(), input);
    let owned: ErrorBody<'static> = serde_json::from_slice(input).unwrap();
    assert_eq!(owned, body);
    assert_eq!(owned.to_json().as_bytes(), input);
    let reply = Reply::parse(410, input).unwrap();
    assert_eq!(reply.http_status(), 410);
    assert_eq!(reply.to_body().as_bytes(), input);

    // The legacy code, read last.
    let input = br#"{"reason":"Conflict","message":"Conflict","error":409}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert!(body.is_legacy());
    assert_eq!(body.code, Status::Conflict);
    assert_eq!(body.error_member(), None);
    assert_eq!(body.to_json().as_bytes(), input);
    assert_eq!(Reply::parse(409, input).unwrap().http_status(), 409);

    // Without a code, the owning deserializer says what the object is.
    let err = serde_json::from_str::<ErrorBody<'_>>(r#"{"reason":"Bad Request","message":"m"}"#)
        .unwrap_err();
    assert!(err.to_string().contains("missing field `code`"), "{err}");
    let err =
        serde_json::from_str::<ErrorBody<'_>>(&data("seed/token_id_success.json")).unwrap_err();
    assert!(err.to_string().contains("tokenId"), "{err}");
    let err = serde_json::from_str::<ErrorBody<'_>>(r#"{"errorMessage":"Invalid Password!!"}"#)
        .unwrap_err();
    assert!(err.to_string().contains("openam::Reply"), "{err}");

    // A failure after some members were read leaves nothing behind.
    let err = ErrorBody::parse(br#"{"reason":"Bad Request","message":"m","code":-1}"#).unwrap_err();
    assert!(
        malformed_reason(&err).contains("a negative number"),
        "{err}"
    );
    assert_eq!(err.member(), Some("code"), "{err}");
    let err = ErrorBody::parse(br#"{"code":400,"reason":"Bad Request","code":400}"#).unwrap_err();
    assert!(malformed_reason(&err).contains("duplicate"), "{err}");
}

#[test]
fn bad_codes_get_typed_errors_naming_the_value() {
    // The error names what kind of value the code is; the crate's message
    // never quotes the value itself.
    let cases: &[(&str, Option<&str>, &str)] = &[
        (
            r#"{"code":"400","reason":"Bad Request","message":"x"}"#,
            Some(r#""400""#),
            "invalid type: a string",
        ),
        (
            r#"{"code":-1,"reason":"Bad Request","message":"x"}"#,
            Some("-1"),
            "a negative number",
        ),
        (
            r#"{"code":70000,"reason":"Bad Request","message":"x"}"#,
            Some("70000"),
            "a number above 65535",
        ),
        (
            r#"{"code":400.5,"reason":"Bad Request","message":"x"}"#,
            Some("400.5"),
            "a fractional number",
        ),
        (
            r#"{"code":400.0,"reason":"Bad Request","message":"x"}"#,
            Some("400.0"),
            "a whole number written with a fraction or an exponent",
        ),
        (
            r#"{"code":4e2,"reason":"Bad Request","message":"x"}"#,
            Some("4e2"),
            "a whole number written with a fraction or an exponent",
        ),
        (
            r#"{"code":-0,"reason":"Bad Request","message":"x"}"#,
            None,
            "a negative number",
        ),
        (
            r#"{"code":"AQIC5wM2LY4SfczntBbEs","reason":"x"}"#,
            Some("AQIC5wM2LY4SfczntBbEs"),
            "invalid type: a string",
        ),
        (
            r#"{"code":18446744073709551616}"#,
            Some("18446744073709551616"),
            "a number above 65535",
        ),
        (
            r#"{"code":null,"reason":"Bad Request"}"#,
            None,
            "invalid type: null",
        ),
        (r#"{"code":true}"#, None, "invalid type: a boolean"),
    ];
    for (input, value, kind) in cases {
        let err = ErrorBody::parse(input.as_bytes()).unwrap_err();
        assert_eq!(err.category(), Category::Data, "{input}: {err:?}");
        let reason = malformed_reason(&err);
        assert!(reason.contains(kind), "{input}: {reason}");
        assert!(
            reason.contains("expected a status code number"),
            "{input}: {reason}"
        );
        assert_eq!(err.member(), Some("code"), "{input}: {err}");
        assert!(err.to_string().contains(kind), "{err}");
        assert!(err.to_string().contains("member `code`"), "{err}");
        if let Some(value) = value {
            assert!(!err.to_string().contains(value), "{input}: {err}");
        }
        // The body's own Deserialize says the same, never quoting the value.
        let err = serde_json::from_str::<ErrorBody<'_>>(input).unwrap_err();
        assert!(
            err.to_string().contains("expected a status code number"),
            "{err}"
        );
        if let Some(value) = value {
            assert!(!err.to_string().contains(value), "{input}: {err}");
        }
        let err = Reply::parse(400, input.as_bytes()).unwrap_err();
        assert!(is_malformed(&err), "{input}: {err:?}");
        assert_eq!(err.http_status(), Some(400));
    }
    let err = ErrorBody::parse(br#"{"code":404,"code":404}"#).unwrap_err();
    assert!(malformed_reason(&err).contains("duplicate"), "{err}");
    let err = ErrorBody::parse(br#"{"reason":"Bad Request","message":"x"}"#).unwrap_err();
    assert_eq!(malformed_reason(&err), "missing field `code`");
    let err = ErrorBody::parse(br#"{"code":404,"message":5}"#).unwrap_err();
    assert!(is_malformed(&err), "{err:?}");
    let err = ErrorBody::parse(br#"[{"code":404}]"#).unwrap_err();
    assert!(is_malformed(&err), "{err:?}");
    let err = ErrorBody::parse(br#"{"code":404} x"#).unwrap_err();
    assert!(is_malformed(&err), "{err:?}");
}

#[test]
fn other_vendors_bodies_are_recognised() {
    let zato = br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
    let err = ErrorBody::parse(zato).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err:?}");
    assert_eq!(err.vendor(), Some(Vendor::OpenAm));
    assert_eq!(err.found_vendor(), Some(Vendor::Zato), "{err:?}");
    let merchant = br#"{"message":[{"errorName":"X","code":"14042","description":"d"}]}"#;
    let err = ErrorBody::parse(merchant).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err:?}");
    assert_eq!(err.found_vendor(), Some(Vendor::Merchant), "{err:?}");
    let zenlogin = br#"{"errors":[{"code":"3003","detail":"d"}]}"#;
    let err = Reply::parse(400, zenlogin).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err:?}");
    assert_eq!(err.found_vendor(), Some(Vendor::Zenlogin), "{err:?}");
    assert_eq!(err.http_status(), Some(400), "{err:?}");
}

#[test]
fn display() {
    let body = ErrorBody::example(Status::NotFound).unwrap();
    assert_eq!(
        body.to_string(),
        "OpenAM 404 Not Found: Resource cannot be found."
    );
    assert_eq!(
        ErrorBody::new(Status::NotFound).to_string(),
        "OpenAM 404 Not Found"
    );
    assert_eq!(
        ErrorBody::new(499).to_string(),
        "OpenAM 499 Resource Exception"
    );
    let err: Box<dyn std::error::Error> = Box::new(body.into_owned());
    assert!(err.to_string().starts_with("OpenAM 404"));
}

// ---------------------------------------------- the authenticate endpoint

#[test]
fn authentication_failures() {
    let legacy = LegacyFailure::new("Invalid Password!!").with_failure_url("http://localhost:8080");
    let failure = Reply::new(401, ReplyBody::Legacy(legacy));
    let json = r#"{"errorMessage":"Invalid Password!!","failureUrl":"http://localhost:8080"}"#;
    assert_eq!(failure.to_body(), json);
    assert_eq!(Reply::parse(401, json.as_bytes()).unwrap(), failure);
    assert_eq!(failure.http_status(), 401);
    assert_eq!(
        failure.body().to_string(),
        "OpenAM authentication failed: Invalid Password!!"
    );
    assert_eq!(
        failure.to_string(),
        "HTTP 401: OpenAM authentication failed: Invalid Password!!"
    );
    assert_eq!(
        failure.body().failure_url().as_deref(),
        Some("http://localhost:8080")
    );
    assert_eq!(failure.body().auth_id(), None);

    let module = ModuleFailure::new("http-auth-failed").with_auth_id("12345");
    let failure = Reply::new(401, ReplyBody::Module(module));
    let json = r#"{"failure":true,"reason":"http-auth-failed","authId":"12345"}"#;
    assert_eq!(failure.to_body(), json);
    assert_eq!(Reply::parse(401, json.as_bytes()).unwrap(), failure);
    assert_eq!(failure.body().message(), Some("http-auth-failed"));
    assert_eq!(failure.body().auth_id(), Some("12345"));

    // Received order and other members are kept.
    let json = br#"{"reason":"http-auth-failed","x":1,"failure":true,"authId":"12345"}"#;
    let reply = Reply::parse(401, json).unwrap();
    assert_eq!(reply.to_body().as_bytes(), json);
    assert_eq!(reply.http_status(), 401);
    let ReplyBody::Module(module) = reply.body() else {
        panic!("expected a module failure, got {reply:?}");
    };
    assert_eq!(serde_json::to_vec(module).unwrap(), json);
    let owned: ModuleFailure<'static> = serde_json::from_slice(json).unwrap();
    assert_eq!(owned.members.get("x").unwrap().get(), "1");
    let owned: LegacyFailure<'static> = serde_json::from_str(r#"{"errorMessage":"m"}"#).unwrap();
    assert_eq!(owned.failure_url, None);

    // A module body with members CREST would read differently.
    let json = br#"{"failure":true,"reason":"r","cause":"text","message":5}"#;
    assert!(matches!(
        Reply::parse(401, json).unwrap().body(),
        ReplyBody::Module(_)
    ));

    // Not a CREST body, and the other way round: a CREST body is not read
    // as an authentication failure.
    let err = ErrorBody::parse(br#"{"errorMessage":"Unsupported Media Type"}"#).unwrap_err();
    assert!(malformed_reason(&err).contains("Reply"), "{err}");
    let reply = Reply::parse(401, br#"{"code":401,"reason":"Unauthorized"}"#).unwrap();
    assert!(
        matches!(reply.body(), ReplyBody::Error(body) if body.code == Status::Unauthorized),
        "{reply:?}"
    );
    let err = Reply::parse(401, br#"{"failure":"yes"}"#).unwrap_err();
    assert!(is_malformed(&err), "{err:?}");
    assert_eq!(err.http_status(), Some(401));
}

// ------------------------------------------------------------- real bodies

#[derive(serde::Deserialize)]
struct Vector<'a> {
    source: String,
    http_status: Option<u16>,
    #[serde(borrow)]
    body: &'a RawValue,
}

#[test]
fn every_real_body_round_trips_byte_for_byte() {
    let mut paths: Vec<_> = fs::read_dir("tests/data/openam")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 50);
    let (mut crest, mut auth) = (0, 0);
    for path in &paths {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let file = fs::read_to_string(path).unwrap();
        let vector: Vector<'_> = serde_json::from_str(&file).unwrap();
        assert!(!vector.source.is_empty());
        let status = vector
            .http_status
            .unwrap_or_else(|| panic!("{name}: no status"));
        // The body's text as stored (pretty-printed), and compacted with
        // every key left in place.
        let pretty = vector.body.get();
        let expected = compact(pretty);

        for input in [pretty, expected.as_str()] {
            let reply =
                Reply::parse(status, input.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
            // `detail` is kept verbatim, with any whitespace inside it: the
            // output of the compact input is the input itself, and the
            // output of the pretty one compacts to it.
            if input == expected {
                assert_eq!(reply.to_body(), expected, "{name}");
            } else {
                assert_eq!(compact(&reply.to_body()), expected, "{name}");
            }
            assert_eq!(reply.http_status(), status, "{name}");
            assert_eq!(reply.clone().into_owned(), reply);
            match reply.body() {
                ReplyBody::Error(body) => {
                    assert_eq!(&ErrorBody::parse(input.as_bytes()).unwrap(), body);
                    let owned: ErrorBody<'static> = serde_json::from_str(input).unwrap();
                    assert_eq!(&owned, body, "{name}");
                    assert_eq!(compact(&owned.to_json()), expected, "{name}");
                    assert_eq!(owned.to_json(), reply.to_body(), "{name}");
                    assert!(body.code.is_error(), "{name}");
                    assert!(body.message.is_some(), "{name}");
                }
                ReplyBody::Legacy(failure) => {
                    let owned: LegacyFailure<'static> = serde_json::from_str(input).unwrap();
                    assert_eq!(&owned, failure, "{name}");
                    assert!(ErrorBody::parse(input.as_bytes()).is_err(), "{name}");
                }
                ReplyBody::Module(failure) => {
                    let owned: ModuleFailure<'static> = serde_json::from_str(input).unwrap();
                    assert_eq!(&owned, failure, "{name}");
                    assert!(ErrorBody::parse(input.as_bytes()).is_err(), "{name}");
                }
                other => panic!("{name}: unexpected body {other:?}"),
            }
        }
        match Reply::parse(status, expected.as_bytes())
            .unwrap()
            .into_body()
        {
            ReplyBody::Error(body) => {
                crest += 1;
                assert!(
                    body.status().is_some(),
                    "{name}: every real code is in the catalog"
                );
            }
            ReplyBody::Legacy(_) | ReplyBody::Module(_) => auth += 1,
            other => panic!("{name}: unexpected body {other:?}"),
        }
    }
    assert_eq!((crest, auth), (46, 4));
}

#[test]
fn notable_real_bodies() {
    let vector = |name: &str| {
        let file = data(&format!("{name}.json"));
        let vector: Vector<'_> = serde_json::from_str(&file).unwrap();
        compact(vector.body.get())
    };
    // The fork's HTML escaping, next to the unescaped original.
    let escaped = ErrorBody::parse(vector("realm_400_fqdn_invalid_html_escaped").as_bytes())
        .unwrap()
        .into_owned();
    let plain = ErrorBody::parse(vector("realm_400_fqdn_invalid_unescaped_forgerock").as_bytes())
        .unwrap()
        .into_owned();
    assert_ne!(escaped.message, plain.message);
    assert_eq!(escaped.unescaped_message(), plain.message);

    // `failureUrl` under `detail` (the server) and at the top level (its documentation).
    let detail_text = vector("authv2_401_invalid_password_failureurl_detail");
    let detail = ErrorBody::parse(detail_text.as_bytes()).unwrap();
    assert_eq!(
        detail.failure_url().as_deref(),
        Some("http://localhost:8080")
    );
    let top_text = vector("doc_401_invalid_password_toplevel_failureurl");
    let top = ErrorBody::parse(top_text.as_bytes()).unwrap();
    assert_eq!(
        top.failure_url().as_deref(),
        Some("http://www.example.com/401.html")
    );
    assert_eq!(top.members.len(), 1);

    // A reason that is not the standard phrase.
    let custom_text = vector("commons_crestadapter_403_custom_reason");
    let custom = ErrorBody::parse(custom_text.as_bytes()).unwrap();
    assert_eq!(custom.reason.as_deref(), Some("a-reason"));
    assert_eq!(custom.message.as_deref(), Some("Forbidden"));
    assert_eq!(
        custom,
        ErrorBody::new(Status::Forbidden).with_reason("a-reason")
    );

    // A cause.
    let cause_text = vector("commons_responsehandler_500_internal_with_cause");
    let cause = ErrorBody::parse(cause_text.as_bytes()).unwrap();
    assert_eq!(
        cause,
        ErrorBody::new(Status::InternalServerError)
            .with_message("ERROR")
            .with_cause("ERROR")
    );

    // The message defaults to the reason.
    let default_text = vector("commons_crestadapter_404_default_message");
    assert_eq!(
        ErrorBody::parse(default_text.as_bytes()).unwrap(),
        ErrorBody::new(Status::NotFound)
    );
}

// ------------------------------------------------------------- allocations

/// Counts the allocations of the current thread.
#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

#[test]
fn parsing_a_known_code_does_not_allocate() {
    let inputs: [&[u8]; 4] = [
        br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#,
        br#"{"code":401,"reason":"Unauthorized","message":"Invalid Password!!","detail":{"failureUrl":"http://localhost:8080"}}"#,
        br#"{"code":499,"reason":"Resource Exception","message":"m"}"#,
        br#"{"error":404,"reason":"Not Found","message":"Resource cannot be found."}"#,
    ];
    for input in inputs {
        let (body, count) = counting::allocations(|| ErrorBody::parse(input).is_ok());
        assert!(body);
        assert_eq!(count, 0, "{}", String::from_utf8_lossy(input));
        let (status, count) = counting::allocations(|| Status::from_u16(404));
        assert_eq!((count, status), (0, Some(Status::NotFound)));
    }
    // The counter counts: unescaping a string needs a copy.
    let (_, count) =
        counting::allocations(|| ErrorBody::parse(br#"{"code":404,"message":"a\"b"}"#).is_ok());
    assert!(count > 0);
}

#[test]
fn readme_example() -> Result<(), Box<dyn std::error::Error>> {
    // Codes are HTTP status numbers; reasons are spelled as the server spells them.
    let status = Status::from_u16(408).ok_or("unknown")?;
    assert_eq!(status.reason(), "Request Time-out");
    assert!(status.is_retryable());
    assert!(Status::Created.is_success() && !Status::Created.is_error());

    // Parse what the server sent, and write it back unchanged.
    let body = br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#;
    let parsed = ErrorBody::parse(body)?;
    assert_eq!(parsed.code, Status::NotFound);
    assert_eq!(parsed.to_json().as_bytes(), body);

    // Unknown codes are kept; a body built from a code gets the server's defaults.
    assert_eq!(
        ErrorBody::new(Code::new(499)).to_json(),
        r#"{"code":499,"reason":"Resource Exception","message":"Resource Exception"}"#,
    );

    // The authenticate endpoint's other failure shapes.
    let reply = Reply::parse(401, br#"{"errorMessage":"Invalid Password!!"}"#)?;
    assert!(matches!(reply.body(), ReplyBody::Legacy(_)));
    assert_eq!(reply.body().message(), Some("Invalid Password!!"));

    // Quickstart.
    let body = ErrorBody::parse(
        br#"{"code":401,"reason":"Unauthorized","message":"Authentication Failed"}"#,
    )?;
    println!("{body}");
    assert_eq!(
        body.to_string(),
        "OpenAM 401 Unauthorized: Authentication Failed"
    );
    Ok(())
}

#[test]
fn a_code_knows_its_entry_class_and_hash() {
    use sso_errors::openam::Code;
    use std::hash::{BuildHasher, RandomState};
    let found = Code::from(404);
    let teapot = Code::from(418);
    assert!(found.is_known() && !teapot.is_known());
    assert!(found == Status::NotFound && found != Status::Conflict);
    assert!(teapot != Status::BadRequest);
    for (number, client, server) in [
        (404, true, false),
        (418, true, false),
        (503, false, true),
        (599, false, true),
        (302, false, false),
    ] {
        let code = Code::from(number);
        assert_eq!(
            (code.is_client_error(), code.is_server_error()),
            (client, server),
            "{number}"
        );
    }
    let state = RandomState::new();
    assert_eq!(
        state.hash_one(found),
        state.hash_one(Code::from(Status::NotFound))
    );
    assert_ne!(state.hash_one(found), state.hash_one(Code::from(409)));
    assert_ne!(state.hash_one(teapot), state.hash_one(Code::from(419)));
}
