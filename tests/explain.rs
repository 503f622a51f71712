//! The contract of `examples/explain.rs`, which other tools rely on: its
//! arguments, its JSON and its exit statuses.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// The example binary `cargo test` builds beside this test.
fn explain(args: &[&str], stdin: &[u8]) -> Output {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    let mut child = Command::new(dir.join(format!("explain{}", std::env::consts::EXE_SUFFIX)))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the explain example is built with the tests");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn explains_a_code() {
    let out = json(&explain(&["E005001", "--json"], b""));
    assert_eq!(out["vendor"], "zato");
    assert_eq!(out["code"], "E005001");
    assert_eq!(out["label"], "auth.not_allowed");
    assert_eq!(out["severity"], "Error");
    assert_eq!(out["http_status"], 403);
    assert_eq!(out["kind"], "NotAllowed");
    assert_eq!(out["retryable"], false);
    assert!(out["description"].as_str().unwrap().contains("not allowed"));

    let out = json(&explain(&["1001", "--vendor", "zenlogin", "--json"], b""));
    assert_eq!(out["retryable"], true);
    let text = explain(&["404"], b"");
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("Not Found"));

    let unknown = explain(&["E999999"], b"");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(!unknown.stderr.is_empty());
    assert_eq!(
        explain(&["3003", "--vendor", "openam"], b"").status.code(),
        Some(1)
    );
    assert_eq!(explain(&[], b"").status.code(), Some(2));
    assert_eq!(
        explain(&["3003", "--vendor", "okta"], b"").status.code(),
        Some(2)
    );
    assert_eq!(explain(&["--bogus"], b"").status.code(), Some(2));
}

#[test]
fn parses_a_body_on_standard_input() {
    let body = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01"},{"code":"9999"}]}"#;
    let out = json(&explain(&["--parse", "--json", "--status", "400"], body));
    assert_eq!(out["vendor"], "zenlogin");
    let errors = out["errors"].as_array().unwrap();
    assert_eq!(errors[0]["code"], "3003");
    assert_eq!(errors[0]["known"], true);
    assert_eq!(errors[0]["kind"], "Misconfigured");
    assert_eq!(errors[0]["values"], serde_json::json!(["appl01"]));
    assert_eq!(errors[1]["code"], "9999");
    assert_eq!(errors[1]["known"], false);
    assert!(errors[1]["kind"].is_null());

    let merchant = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}]}"#;
    let out = json(&explain(&["--parse", "--json"], merchant));
    assert_eq!(out["vendor"], "merchant");
    assert_eq!(out["errors"][0]["label"], "VALIDATION_GENERAL_FAILURE");
    assert_eq!(out["errors"][0]["values"], serde_json::json!(["@bls.com"]));

    let text = explain(
        &["--parse"],
        br#"{"code":404,"reason":"Not Found","message":"gone"}"#,
    );
    assert!(text.status.success());
    assert_eq!(explain(&["--parse"], b"hello").status.code(), Some(1));
    assert_eq!(explain(&["--parse", "--json"], b"").status.code(), Some(1));
}

#[test]
fn renders_a_vendors_exact_body() {
    let render = |args: &[&str]| {
        let out = explain(args, b"");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        render(&["--render", "zenlogin", "3003", "--value", "appl01234567891"]),
        "{\"errors\":[{\"code\":\"3003\",\"detail\":\"Invalid *application_key* URL param: appl01234567891\"}]}\n"
    );
    assert_eq!(
        render(&[
            "--render",
            "openam",
            "409",
            "--message",
            "Multiple users found"
        ]),
        "{\"code\":409,\"reason\":\"Conflict\",\"message\":\"Multiple users found\"}\n"
    );
    assert_eq!(
        render(&["--render", "merchant", "50500"]),
        "{\"message\":[{\"errorName\":\"Failed to generate SSO token\",\"code\":\"50500\",\"description\":\"Exceeded limit of SSO token generations per minute\"}]}\n"
    );
    assert!(render(&["--render", "zato", "E005001"]).contains(r#""sub_status":["E005001"]"#));
    assert_eq!(
        explain(&["--render", "zato", "E999999"], b"").status.code(),
        Some(1)
    );
    assert_eq!(
        explain(&["--render", "zenlogin", "3003"], b"")
            .status
            .code(),
        Some(2)
    );
}
