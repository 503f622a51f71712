//! `examples/gateway.rs` over real HTTP: in front of the login server
//! example, and in front of a test double on loopback that answers vendor
//! bodies, checking what comes back, what is retried, how often and after
//! what wait.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing;
use serde_json::Value;

#[path = "common/example.rs"]
mod example;
use example::Example;

/// The seed's User.login request, and the login server's other users.
const SEED_LOGIN: &str =
    r#"{"username": "user1", "password": "SD:n25a9-?Z8e-49bQ  D%", "current_app": "CRM"}"#;
const EXPIRING: &str =
    r#"{"username": "user3", "password": "user3-Pa55w0rd-expiring", "current_app": "CRM"}"#;
const WRONG: &str = r#"{"username": "user1", "password": "wrong-password", "current_app": "CRM"}"#;
const MISSING: &str = r#"{"username": "user1", "current_app": "CRM"}"#;

/// What came back: status, content type, `Retry-After`, body.
async fn post(url: &str, body: &str) -> (u16, String, Option<String>, String) {
    let response = reqwest::Client::new()
        .post(format!("{url}/zato/sso/user/login"))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let media = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after");
    (
        response.status().as_u16(),
        media,
        retry_after,
        response.text().await.unwrap(),
    )
}

#[tokio::test]
async fn in_front_of_the_login_server() {
    let upstream = Example::start("zato_login_server", &["--addr", "127.0.0.1:0"]);
    let gateway = Example::start(
        "gateway",
        &["--upstream", &upstream.url(), "--addr", "127.0.0.1:0"],
    );
    let url = gateway.url();

    // A success and a warning go back as the upstream sent them.
    let (status, media, _, body) = post(&url, SEED_LOGIN).await;
    assert_eq!((status, media.as_str()), (200, "application/json"));
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert!(json["ust"].as_str().is_some_and(|ust| !ust.is_empty()));
    let (status, _, _, body) = post(&url, EXPIRING).await;
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (status, &json["status"], &json["sub_status"][0]),
        (200, &Value::from("warning"), &Value::from("W003005"))
    );
    assert!(json["ust"].is_string());

    // Failures are problem documents.
    let (status, media, retry, body) = post(&url, WRONG).await;
    assert_eq!(
        (status, media.as_str(), retry),
        (403, "application/problem+json", None)
    );
    assert_eq!(
        body,
        r#"{"type":"https://github.com/sso-errors/sso-errors/blob/main/docs/CATALOG.md#zato-e005001","title":"A generic 'You are not allowed to access this resource' message, may be supplemented by details in server log","status":403,"vendor":"zato","code":"E005001","kind":"not_allowed","retryable":false,"upstream_status":403}"#
    );
    let (status, _, _, body) = post(&url, MISSING).await;
    assert_eq!(
        (status, body.as_str()),
        (
            400,
            r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad request","vendor":"zato","kind":"missing_input","retryable":false,"upstream_status":400}"#
        )
    );

    // One log line per failure, with the attributes; no secret.
    let log = gateway.stop();
    upstream.stop();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(
        lines,
        [
            "HTTP 403 failure: zato E005001, not allowed, not retryable error.type=not_allowed http.response.status_code=403 sso.vendor=zato sso.code=E005001 sso.retryable=false",
            "HTTP 400 failure: zato, missing input, not retryable error.type=missing_input http.response.status_code=400 sso.vendor=zato sso.retryable=false",
        ],
        "{log}"
    );
    assert!(!log.contains("wrong-password") && !log.contains("SD:n25a9"));
}

/// The test double's answers, by the request body's `case`: status,
/// `Retry-After`, body.
fn answer(case: &str) -> (u16, Option<&'static str>, &'static str) {
    match case {
        "openam_503" => (
            503,
            Some("1"),
            r#"{"code":503,"reason":"Service Unavailable","message":"Forgot password is not accessible."}"#,
        ),
        "merchant_50500" => (
            403,
            None,
            r#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
        ),
        "zenlogin_1001" => (
            500,
            None,
            r#"{"errors":[{"code":"1001","detail":"Down for maintenance"}]}"#,
        ),
        "zenlogin_3003" => (
            400,
            None,
            r#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl0"}]}"#,
        ),
        "zato_e005001" => (
            403,
            None,
            r#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
        ),
        _ => (
            502,
            None,
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
        ),
    }
}

#[tokio::test]
async fn exactly_what_may_be_retried_is_retried() {
    // The double records when each case was asked for.
    let seen: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
    let record = seen.clone();
    let double = Router::new().route(
        "/zato/sso/user/login",
        routing::post(move |body: Bytes| {
            let record = record.clone();
            async move {
                let case = String::from_utf8_lossy(&body).into_owned();
                record.lock().unwrap().push((case.clone(), Instant::now()));
                let (status, retry_after, text) = answer(&case);
                let mut response = (StatusCode::from_u16(status).unwrap(), text).into_response();
                if let Some(value) = retry_after {
                    response
                        .headers_mut()
                        .insert("retry-after", value.parse().unwrap());
                }
                response
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstream = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, double).await.unwrap() });
    let gateway = Example::start(
        "gateway",
        &[
            "--upstream",
            &upstream,
            "--addr",
            "127.0.0.1:0",
            "--retries",
            "2",
            "--backoff-ms",
            "40",
        ],
    );

    // (case, attempts, status answered, Retry-After answered)
    let cases = [
        ("openam_503", 3, 503, Some("1")),
        ("merchant_50500", 3, 403, None),
        ("zenlogin_1001", 3, 500, None),
        ("zenlogin_3003", 1, 400, None),
        ("zato_e005001", 1, 403, None),
        ("html_502", 3, 502, None),
    ];
    for (case, attempts, status, retry_after) in cases {
        let (got, media, retry, body) = post(&gateway.url(), case).await;
        assert_eq!(
            (got, media.as_str()),
            (status, "application/problem+json"),
            "{case}: {body}"
        );
        assert_eq!(retry.as_deref(), retry_after, "{case}");
        let problem: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["retryable"], attempts > 1, "{case}: {body}");
        let times: Vec<Instant> = seen
            .lock()
            .unwrap()
            .iter()
            .filter(|(c, _)| c == case)
            .map(|(_, at)| *at)
            .collect();
        assert_eq!(times.len(), attempts, "{case}");
        // Each retry after the jittered backoff's lower bound (half of
        // 40 ms) at least.
        for pair in times.windows(2) {
            let wait = pair[1] - pair[0];
            assert!(
                wait >= Duration::from_millis(20),
                "{case}: retried after {wait:?}"
            );
        }
    }
    let log = gateway.stop();
    assert_eq!(log.lines().count(), cases.len(), "{log}");
    assert!(log.contains("sso.code=50500 sso.retryable=true"), "{log}");
}
