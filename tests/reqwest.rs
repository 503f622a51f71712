//! The `reqwest` feature over real HTTP, against a test double on loopback
//! that answers vendor bodies: `Classify` judges each answer and passes it
//! on unchanged, and `Strategy` retries exactly what the verdict says may
//! be retried.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use reqwest_middleware::ClientBuilder;
use reqwest_retry::RetryTransientMiddleware;
use reqwest_retry::policies::ExponentialBackoff;
use sso_errors::reqwest::{Classify, Strategy};
use sso_errors::{ErrorKind, Outcome, Vendor, Verdict};

const MERCHANT_LIMIT: &str = r#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;
const ZATO_NOT_ALLOWED: &str =
    r#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;

/// A test double on loopback: `/fail/N/STATUS` answers `STATUS` with the
/// body of `?body=` N times, then 200; `/count` says how many requests came.
struct Upstream {
    url: String,
    hits: Arc<AtomicUsize>,
}

async fn upstream() -> Upstream {
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    let app = Router::new().route(
        "/fail/{times}/{status}/{body}",
        get(
            move |axum::extract::Path((times, status, body)): axum::extract::Path<(
                usize,
                u16,
                String,
            )>| {
                let seen = seen.clone();
                async move {
                    let n = seen.fetch_add(1, Ordering::SeqCst);
                    let mut headers = HeaderMap::new();
                    headers.insert("x-upstream", "double".parse().unwrap());
                    if n >= times {
                        return (
                            StatusCode::OK,
                            headers,
                            String::from(r#"{"tokenId":"AQIC5w"}"#),
                        );
                    }
                    let text = match body.as_str() {
                        "merchant" => MERCHANT_LIMIT.to_owned(),
                        "zato" => ZATO_NOT_ALLOWED.to_owned(),
                        "html" => "<html><body>Bad Gateway</body></html>".to_owned(),
                        "big" => format!(r#"{{"pad":"{}"}}"#, "x".repeat(100_000)),
                        _ => String::new(),
                    };
                    headers.insert("retry-after", "1".parse().unwrap());
                    (StatusCode::from_u16(status).unwrap(), headers, text)
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Upstream { url, hits }
}

fn client(retries: u32) -> reqwest_middleware::ClientWithMiddleware {
    let policy = ExponentialBackoff::builder()
        .retry_bounds(Duration::from_millis(5), Duration::from_millis(20))
        .build_with_max_retries(retries);
    ClientBuilder::new(reqwest::Client::new())
        .with(RetryTransientMiddleware::new_with_policy_and_strategy(
            policy, Strategy,
        ))
        .with(Classify::default())
        .build()
}

#[tokio::test]
async fn a_failure_is_judged_and_passed_on_unchanged() {
    let up = upstream().await;
    let url = format!("{}/fail/9/403/merchant", up.url);
    let response = client(0).get(&url).send().await.unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(response.headers()["x-upstream"], "double");
    assert_eq!(response.url().as_str(), url);
    let verdict = response
        .extensions()
        .get::<Verdict<'static>>()
        .unwrap()
        .clone();
    assert_eq!(
        (verdict.vendor(), verdict.kind()),
        (Some(Vendor::Merchant), ErrorKind::RateLimited)
    );
    assert_eq!(verdict.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(response.text().await.unwrap(), MERCHANT_LIMIT);
}

#[tokio::test]
async fn a_success_is_judged_by_its_status_and_its_body_left_alone() {
    let up = upstream().await;
    let response = client(0)
        .get(format!("{}/fail/0/403/zato", up.url))
        .send()
        .await
        .unwrap();
    let verdict = response.extensions().get::<Verdict<'static>>().unwrap();
    assert_eq!(verdict.outcome(), Outcome::Success);
    assert_eq!(response.text().await.unwrap(), r#"{"tokenId":"AQIC5w"}"#);
}

#[tokio::test]
async fn a_body_beyond_the_cap_is_judged_by_the_status_and_passed_on_whole() {
    let up = upstream().await;
    let client = ClientBuilder::new(reqwest::Client::new())
        .with(Classify::builder().body_max(1024).build())
        .build();
    let response = client
        .get(format!("{}/fail/9/503/big", up.url))
        .send()
        .await
        .unwrap();
    let verdict = response
        .extensions()
        .get::<Verdict<'static>>()
        .unwrap()
        .clone();
    assert_eq!(
        (verdict.vendor(), verdict.kind()),
        (None, ErrorKind::Unavailable)
    );
    assert_eq!(verdict.retry_after(), Some(Duration::from_secs(1)));
    let text = response.text().await.unwrap();
    assert_eq!(text.len(), 100_000 + r#"{"pad":""}"#.len());
}

#[tokio::test]
async fn exactly_what_the_verdict_says_is_retried() {
    // (status, body, failures before a 200, attempts expected, final status)
    let cases = [
        // The merchant's per-minute limit at 403: retried (the default
        // strategy would give up on a 403).
        (403, "merchant", 2, 3, 200),
        // Zato's E005001 at 403: never retried.
        (403, "zato", 2, 1, 403),
        // A proxy's page at 502: retried, whatever the body.
        (502, "html", 1, 2, 200),
        // Out of retries: the last failure comes back.
        (503, "empty", 9, 3, 503),
    ];
    for (status, body, failures, attempts, last) in cases {
        let up = upstream().await;
        let url = format!("{}/fail/{failures}/{status}/{body}", up.url);
        let response = client(2).get(&url).send().await.unwrap();
        assert_eq!(response.status(), last, "{url}");
        assert_eq!(up.hits.load(Ordering::SeqCst), attempts, "{url}");
    }
}

#[test]
fn both_are_default() {
    let _: Classify = Default::default();
    let _: Strategy = Default::default();
    assert_eq!(Classify::default().body_max(), 64 * 1024);
}
