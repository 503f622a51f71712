//! RFC 9457 problem documents: every answer of every vendor, and every
//! error reading one, becomes a document with the RFC's members and types.

mod common;

use serde_json::Value;
use sso_errors::{ErrorKind, Problem, Vendor, Verdict};

/// Checks `problem` against RFC 9457 section 3: the standard members have
/// their types, and extension members have names a consumer can use.
fn assert_rfc_9457(problem: &Problem, context: &str) {
    let json = problem.to_json();
    let Value::Object(members) = serde_json::from_str::<Value>(&json).unwrap() else {
        panic!("{context}: not a JSON object: {json}");
    };
    // type: a URI reference; ours are absolute (https) or about:blank.
    let ty = members["type"].as_str().expect("type is a string");
    assert!(
        ty == "about:blank" || ty.starts_with("https://") && !ty.contains(' '),
        "{context}: {ty}"
    );
    // title: a string; status: an integer HTTP status.
    assert!(members["title"].is_string(), "{context}");
    assert!(!members["title"].as_str().unwrap().is_empty(), "{context}");
    let status = members["status"].as_u64().expect("status is a number");
    assert!((100..=599).contains(&status), "{context}: {status}");
    // detail and instance: strings where present.
    for name in ["detail", "instance"] {
        assert!(
            members.get(name).is_none_or(Value::is_string),
            "{context}: {name}"
        );
    }
    // Extension names: a letter, then at least two letters, digits or `_`
    // (section 3.2, so that consumers can use them as identifiers).
    for name in members.keys() {
        let mut chars = name.chars();
        assert!(
            chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
            "{name}"
        );
        assert!(name.len() >= 3, "{name}");
        assert!(
            chars.all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{name}"
        );
    }
    // The extensions' own types.
    assert!(
        members["kind"]
            .as_str()
            .and_then(ErrorKind::from_id)
            .is_some()
    );
    assert!(members["retryable"].is_boolean());
    if let Some(vendor) = members.get("vendor") {
        assert!(vendor.as_str().unwrap().parse::<Vendor>().is_ok());
    }
    assert!(members.get("code").is_none_or(Value::is_string));
    // Read back, it is the same problem.
    assert_eq!(serde_json::from_str::<Problem>(&json).unwrap(), *problem);
}

#[test]
fn every_failure_becomes_a_valid_problem() {
    let mut seen = 0;
    for (name, status, body) in common::answers() {
        let verdict = Verdict::of(status, &body);
        let Some(problem) = verdict.problem() else {
            assert!(!verdict.is_failure(), "{name}");
            continue;
        };
        assert_rfc_9457(&problem, &name);
        assert!((400..=599).contains(&problem.status), "{name}");
        assert_eq!(problem.upstream_status, Some(status), "{name}");
        assert_eq!(problem.vendor, verdict.vendor(), "{name}");
        assert_eq!(problem.kind, verdict.kind(), "{name}");
        assert_eq!(problem.retryable, verdict.is_retryable(), "{name}");
        match verdict.reply() {
            Some(reply) => {
                seen += 1;
                let codes = reply.codes();
                assert_eq!(problem.code.as_deref(), codes.first().map(|c| &**c));
                if codes.len() > 1 {
                    assert_eq!(problem.codes, codes);
                } else {
                    assert!(problem.codes.is_empty());
                }
                // The first known code's type is its catalog anchor, from
                // the typed code itself.
                match verdict.codes().find_map(|code| code.known()) {
                    Some(known) => assert_eq!(problem.type_uri, Problem::type_of(known), "{name}"),
                    None => assert_eq!(problem.type_uri, Problem::ABOUT_BLANK, "{name}"),
                }
                if status >= 400 {
                    assert_eq!(problem.status, status, "{name}");
                }
            }
            None => {
                assert_eq!(problem.type_uri, "about:blank", "{name}");
                assert!(problem.detail.is_some(), "{name}");
            }
        }
    }
    assert!(seen > 60, "{seen}");
}

#[test]
fn the_seed_answers_as_problems() {
    let expected = [
        r#"{"type":"https://github.com/sso-errors/sso-errors/blob/main/docs/CATALOG.md#zato-e005001","title":"A generic 'You are not allowed to access this resource' message, may be supplemented by details in server log","status":403,"vendor":"zato","code":"E005001","kind":"not_allowed","retryable":false,"upstream_status":403}"#,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad request","vendor":"zato","kind":"missing_input","retryable":false,"upstream_status":400}"#,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad request","vendor":"zato","kind":"missing_input","retryable":false,"upstream_status":400}"#,
        r#"{"type":"https://github.com/sso-errors/sso-errors/blob/main/docs/CATALOG.md#zenlogin-3003","title":"Invalid *application_key* URL param: $value","status":400,"detail":"Invalid *application_key* URL param: appl01234567891","vendor":"zenlogin","code":"3003","kind":"misconfigured","retryable":false,"upstream_status":400}"#,
        r#"{"type":"https://github.com/sso-errors/sso-errors/blob/main/docs/CATALOG.md#openam-404","title":"Not Found","status":404,"detail":"Resource cannot be found.","vendor":"openam","code":"404","kind":"not_found","retryable":false,"upstream_status":404}"#,
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Invalid Password!!","vendor":"openam","kind":"bad_credentials","retryable":false,"upstream_status":401}"#,
        r#"{"type":"https://github.com/sso-errors/sso-errors/blob/main/docs/CATALOG.md#merchant-50500","title":"SSO token generation was refused: too many tokens were generated, or the user ID does not belong to the caller","status":403,"detail":"Exceeded limit of SSO token generations per minute","vendor":"merchant","code":"50500","kind":"rate_limited","retryable":true,"upstream_status":403}"#,
        r#"{"type":"about:blank","title":"Forbidden","status":403,"vendor":"merchant","kind":"not_allowed","retryable":false,"upstream_status":403}"#,
    ];
    for ((status, body), expected) in common::SEED_ANSWERS.iter().zip(expected) {
        let problem = Verdict::of(*status, body).problem().unwrap();
        assert_eq!(problem.to_json(), expected);
    }
}

#[test]
fn several_codes_are_all_listed() {
    let body = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid first name "},{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid last name "}]}"#;
    let problem = Verdict::of(400, body).problem().unwrap();
    assert_eq!(problem.code.as_deref(), Some("10001"));
    assert_eq!(problem.codes, ["10001", "10001"]);
    assert!(problem.to_json().contains(r#""codes":["10001","10001"]"#));
    assert_eq!(problem.detail.as_deref(), Some("Invalid first name "));
}

#[test]
fn a_problem_reads_back_equal_whatever_its_codes() {
    let mut problem = Verdict::of(403, common::SEED_ANSWERS[0].1)
        .problem()
        .unwrap();
    for codes in [
        vec![],
        vec!["E005001".to_owned()],
        vec!["a".into(), "b".into()],
    ] {
        problem.codes = codes;
        let back: Problem = serde_json::from_str(&problem.to_json()).unwrap();
        assert_eq!(back, problem);
    }
}

#[test]
fn a_failure_sent_with_200_gets_the_codes_status() {
    let body = br#"{"status":"error","cid":"c1","sub_status":["E004001"]}"#;
    let problem = Verdict::of(200, body).problem().unwrap();
    assert_eq!((problem.status, problem.upstream_status), (403, Some(200)));
    // No known code: the gateway's own 502, never the 2xx.
    let body = br#"{"status":"error","cid":"c1","sub_status":["E999999"]}"#;
    let problem = Verdict::of(200, body).problem().unwrap();
    assert_eq!(
        (problem.status, problem.title.as_ref()),
        (502, "Bad Gateway")
    );
    // A success has no problem.
    let ok = br#"{"status":"ok","cid":"c1","ust":"gAAAA-secret"}"#;
    assert_eq!(Verdict::of(200, ok).problem(), None);
}

#[test]
fn a_status_http_cannot_carry_is_never_a_problems_status() {
    let body = br#"{"code":404,"reason":"Not Found","message":"m"}"#;
    for status in [0, 1, 99, 200, 302, 600, 65535] {
        let problem = Verdict::of(status, body).problem().unwrap();
        assert_eq!(
            (problem.status, problem.upstream_status),
            (404, Some(status))
        );
    }
    for status in [0, 65535] {
        let problem = Verdict::of(status, b"<html></html>").problem().unwrap();
        assert_eq!(problem.status, 502);
    }
}

#[test]
fn unknown_codes_are_about_blank_with_the_status_phrase() {
    let body = br#"{"errors":[{"code":"9999","detail":"new"}]}"#;
    let problem = Verdict::of(500, body).problem().unwrap();
    assert_eq!(
        (problem.type_uri.as_ref(), problem.title.as_ref()),
        ("about:blank", "Internal Server Error")
    );
    assert_eq!(problem.code.as_deref(), Some("9999"));
    let teapot = br#"{"code":418,"reason":"I'm a teapot","message":"short and stout"}"#;
    let problem = Verdict::of(418, teapot).problem().unwrap();
    assert_eq!(problem.title, "Client Error");
    assert_eq!(problem.kind, ErrorKind::BadRequest);
    // A merchant pair the catalog does not hold is not the code's entry.
    let body = br#"{"message":[{"errorName":"INVALID_PLAN","code":"10001","description":"Invalid plan"}]}"#;
    let problem = Verdict::of(400, body).problem().unwrap();
    assert_eq!(problem.type_uri, Problem::ABOUT_BLANK);
    assert_eq!(
        (problem.title.as_ref(), problem.code.as_deref()),
        ("Bad Request", Some("10001"))
    );
}

#[test]
fn a_long_detail_is_bounded() {
    let long = "x".repeat(100_000);
    let body = format!(r#"{{"code":400,"reason":"Bad Request","message":"{long}"}}"#);
    let problem = Verdict::of(400, body.as_bytes()).problem().unwrap();
    let detail = problem.detail.unwrap();
    assert!(detail.len() <= Problem::DETAIL_MAX && detail.ends_with('…'));
}

#[test]
fn problems_are_written_for_logs_too() {
    let problem = Verdict::of(403, common::SEED_ANSWERS[0].1)
        .problem()
        .unwrap();
    assert_eq!(
        problem.to_string(),
        "HTTP 403 not allowed: A generic 'You are not allowed to access this resource' message, may be supplemented by details in server log (zato E005001)"
    );
}
