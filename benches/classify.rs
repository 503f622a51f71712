//! What `sso_errors::reqwest::Classify` adds to an answer, beside building
//! the answer alone.
//!
//! A success (2xx) is judged by its status, and its body is not read, so
//! its cost must not grow with the body: `classify_success_1k` and
//! `classify_success_1m` are a 200 `reqwest::Response` of 1 KiB and 1 MiB.
//! A failure's body is read (up to 64 KiB), judged and put back:
//! `classify_failure` is the merchant's 403 `50500` body (per-minute token
//! limit, 140 bytes).
//!
//! Function ids, in every group: `build` builds the response (an
//! `http::Response` of a `Vec<u8>` body, turned into a `reqwest::Response`)
//! and drops it; `classify` builds the same response and awaits
//! `Classify::default().classify(response)` on a current-thread tokio
//! runtime's `block_on` (the runtime made once, outside the loop), then
//! drops the result. `classify` less `build` is what `Classify` costs.
//!
//! Before the loops, each group checks that the verdict is in the answer's
//! extensions and that the body comes out whole.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sso_errors::Verdict;
use sso_errors::reqwest::Classify;
use tokio::runtime::Runtime;

const KIB: usize = 1024;
const MIB: usize = 1024 * 1024;

/// The merchant's answer when SSO tokens were asked for too often: retryable.
const MERCHANT_50500: &[u8] = br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;

/// A response of `status` with `body`, as a reqwest client would give it on.
fn build(status: u16, body: Vec<u8>) -> reqwest::Response {
    reqwest::Response::from(http::Response::builder().status(status).body(body).unwrap())
}

/// Classifies one answer and checks what comes out.
fn check(rt: &Runtime, status: u16, body: &[u8]) {
    let response = rt
        .block_on(Classify::default().classify(build(status, body.to_vec())))
        .expect("classify");
    assert_eq!(response.status().as_u16(), status);
    let verdict = response
        .extensions()
        .get::<Verdict<'static>>()
        .cloned()
        .expect("a verdict in the extensions");
    if (200..300).contains(&status) {
        assert!(!verdict.is_failure(), "HTTP {status}: {verdict}");
    } else {
        assert!(verdict.is_failure(), "HTTP {status}: {verdict}");
        assert!(verdict.is_retryable(), "HTTP {status}: {verdict}");
        assert_eq!(verdict.codes().count(), 1, "HTTP {status}: {verdict}");
    }
    let bytes = rt.block_on(response.bytes()).expect("the body");
    assert_eq!(&bytes[..], body, "HTTP {status}: the body comes out whole");
}

fn group(c: &mut Criterion, rt: &Runtime, name: &str, status: u16, body: fn() -> Vec<u8>) {
    check(rt, status, &body());
    let mut g = c.benchmark_group(name);
    g.bench_function("build", |b| {
        b.iter(|| build(black_box(status), body()));
    });
    g.bench_function("classify", |b| {
        b.iter(|| {
            let response = build(black_box(status), body());
            rt.block_on(Classify::default().classify(response))
                .expect("classify")
        });
    });
    g.finish();
}

fn classify(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    group(c, &rt, "classify_success_1k", 200, || vec![b'x'; KIB]);
    group(c, &rt, "classify_success_1m", 200, || vec![b'x'; MIB]);
    group(c, &rt, "classify_failure", 403, || MERCHANT_50500.to_vec());
}

criterion_group!(benches, classify);
criterion_main!(benches);
