//! The `tower` feature: `RetryPolicy` retries exactly what the verdict says
//! may be retried, after `Retry-After` or a backoff, a bounded number of
//! times (on tokio's paused clock, so that the waits are exact).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sso_errors::tower::RetryPolicy;
use tokio::time::Instant;
use tower::{Service, ServiceBuilder, ServiceExt};

const MERCHANT_LIMIT: &str = r#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;
const ZATO_NOT_ALLOWED: &str =
    r#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;

/// Sends one request through the policy to a service that fails `failures`
/// times with `status`, `retry_after` and `body`, then answers 200: the
/// final status, the attempts and the time it all took.
async fn run(
    policy: RetryPolicy,
    failures: usize,
    status: u16,
    retry_after: Option<&'static str>,
    body: &'static str,
) -> (u16, usize, Duration) {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let mut service =
        ServiceBuilder::new()
            .retry(policy)
            .service_fn(move |_: http::Request<String>| {
                let n = seen.fetch_add(1, Ordering::SeqCst);
                async move {
                    let mut response = http::Response::builder();
                    if n < failures {
                        response = response.status(status);
                        if let Some(value) = retry_after {
                            response = response.header("retry-after", value);
                        }
                        response.body(body.to_owned())
                    } else {
                        response.status(200).body(String::new())
                    }
                }
            });
    let start = Instant::now();
    let response = service
        .ready()
        .await
        .unwrap()
        .call(http::Request::new("{}".to_owned()))
        .await
        .unwrap();
    (
        response.status().as_u16(),
        calls.load(Ordering::SeqCst),
        start.elapsed(),
    )
}

fn policy() -> RetryPolicy {
    RetryPolicy::builder()
        .max_attempts(3)
        .backoff(Duration::from_millis(100))
        .max_wait(Duration::from_secs(10))
        .build()
}

#[tokio::test(start_paused = true)]
async fn waits_retry_after_capped_else_a_backoff() {
    // Retry-After: 2 s, twice.
    let (status, calls, took) = run(policy(), 2, 503, Some("2"), "").await;
    assert_eq!((status, calls), (200, 3));
    assert_eq!(took, Duration::from_secs(4));
    // Beyond the cap: the cap.
    let (_, calls, took) = run(policy(), 1, 429, Some("3600"), "").await;
    assert_eq!((calls, took), (2, Duration::from_secs(10)));
    // No Retry-After: 100 ms, then 200 ms.
    let (_, calls, took) = run(policy(), 2, 403, None, MERCHANT_LIMIT).await;
    assert_eq!((calls, took), (3, Duration::from_millis(300)));
}

#[tokio::test(start_paused = true)]
async fn only_what_may_be_retried_is() {
    // Zato's E005001 at 403: once, no wait.
    let (status, calls, took) = run(policy(), 2, 403, Some("1"), ZATO_NOT_ALLOWED).await;
    assert_eq!((status, calls, took), (403, 1, Duration::ZERO));
    // An HTML 502: retried.
    let (status, calls, _) = run(policy(), 1, 502, None, "<html>Bad Gateway</html>").await;
    assert_eq!((status, calls), (200, 2));
    // Out of attempts: the last failure comes back.
    let (status, calls, _) = run(policy(), 9, 504, None, "").await;
    assert_eq!((status, calls), (504, 3));
    // One attempt retries nothing.
    let once = RetryPolicy::builder().max_attempts(1).build();
    let (status, calls, _) = run(once, 9, 503, None, "").await;
    assert_eq!((status, calls), (503, 1));
}

#[test]
fn the_policy_is_default() {
    let policy: RetryPolicy = Default::default();
    assert_eq!(policy.backoff(), Duration::from_millis(100));
}
