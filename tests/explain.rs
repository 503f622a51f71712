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

/// The JSON of a run that may exit 1: standard output is still one object.
fn any_json(output: &Output) -> serde_json::Value {
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn prints_the_verdict_on_any_answer() {
    let openam = br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#;
    let out = json(&explain(
        &[
            "--parse",
            "--json",
            "--status",
            "503",
            "--header",
            "Retry-After: 120",
        ],
        openam,
    ));
    assert_eq!(out["outcome"], "failure");
    assert_eq!(out["kind"], "unavailable");
    assert_eq!(out["actor"], "nobody");
    assert_eq!(out["retryable"], true);
    assert_eq!(out["retry_after_s"], 120);
    assert_eq!(out["vendor"], "openam");
    assert_eq!(out["http_status"], 503);
    assert_eq!(out["errors"][0]["code"], "503");
    assert_eq!(out["problem"]["status"], 503);
    assert_eq!(out["problem"]["retry_after"], 120);

    // A warning passes on: no problem.
    let warning = br#"{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"gAAAA"}"#;
    let out = json(&explain(&["--parse", "--json", "--status", "200"], warning));
    assert_eq!(
        (out["outcome"].as_str(), out["kind"].as_str()),
        (Some("warning"), Some("expired"))
    );
    assert!(out["problem"].is_null() && out["retry_after_s"].is_null());
    assert_eq!(out["actor"], "end_user");

    // No vendor's body: a verdict all the same, and status 1.
    let run = explain(
        &[
            "--parse",
            "--json",
            "--status",
            "502",
            "--header",
            "retry-after:7",
        ],
        b"<html>Bad Gateway</html>",
    );
    assert_eq!(run.status.code(), Some(1));
    let out = any_json(&run);
    assert_eq!(out["vendor"], serde_json::Value::Null);
    assert_eq!(
        (out["kind"].as_str(), out["retry_after_s"].as_u64()),
        (Some("unavailable"), Some(7))
    );
    assert_eq!(out["problem"]["status"], 502);
    assert_eq!(out["errors"], serde_json::json!([]));
    let run = explain(&["--parse", "--status", "200"], br#"{"tokenId":"AQIC5w"}"#);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&run.stdout).lines().next(),
        Some("HTTP 200 success")
    );

    // A header without a colon is wrong usage.
    assert_eq!(
        explain(&["--parse", "--header", "Retry-After 5"], b"")
            .status
            .code(),
        Some(2)
    );
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
