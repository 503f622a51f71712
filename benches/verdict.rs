//! The verdict on an answer beside the parse it is made from: `Verdict::of`
//! parses the body with `AnyReply::parse` and then decides outcome, kind and
//! retry, which must cost at most 1.1x the parse of the same bytes.
//!
//! Group ids: `verdict_<vendor>` (`zato`, `zenlogin`, `openam`, `merchant`);
//! function ids: `any_reply` (`AnyReply::parse` of each input, then its kind,
//! retryability and number of codes) and `verdict` (`Verdict::of` of each
//! input, then its kind, retryability, outcome and number of `codes()`). The
//! inputs are the seeds' bodies with their statuses. One iteration is one
//! pass over the vendor's inputs.
//!
//! `AnyReply::codes` collects the codes into a `Vec`, so `any_reply` counts
//! them from the body instead ([`code_count`]): an allocation in the baseline
//! would flatter the verdict.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sso_errors::{AnyReply, Verdict, merchant, openam, zato, zenlogin};

mod support;
use support::record_pass;

const ZATO: &[(u16, &[u8])] = &[
    (
        403,
        br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
    ),
    (
        200,
        br#"{"status":"warning","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["W003005"],"ust":"gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv"}"#,
    ),
];

const ZENLOGIN: &[(u16, &[u8])] = &[(
    400,
    br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#,
)];

const OPENAM: &[(u16, &[u8])] = &[
    (
        404,
        br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#,
    ),
    (
        503,
        br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#,
    ),
];

const MERCHANT: &[(u16, &[u8])] = &[
    (
        403,
        br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
    ),
    (
        400,
        br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}]}"#,
    ),
];

/// The number of codes a reply carries, read from its body without
/// allocating: the codes `Verdict::codes` yields (a Zenlogin error object
/// without a `code` has none).
fn code_count(reply: &AnyReply<'_>) -> usize {
    match reply {
        AnyReply::Zato(reply) => match reply.body() {
            zato::ReplyBody::Response(response) => response.sub_status.len(),
            _ => 0,
        },
        AnyReply::Zenlogin(reply) => match reply.body() {
            zenlogin::ReplyBody::Document(document) => document
                .errors
                .iter()
                .filter(|error| error.code.is_some())
                .count(),
            _ => 0,
        },
        AnyReply::OpenAm(reply) => usize::from(matches!(reply.body(), openam::ReplyBody::Error(_))),
        AnyReply::Merchant(reply) => match reply.body() {
            merchant::ReplyBody::Error(body) => body.message().len(),
            _ => 0,
        },
        _ => 0,
    }
}

fn group(c: &mut Criterion, name: &str, inputs: &[(u16, &[u8])]) {
    // Every input is a vendor's reply, and both routes see the same codes.
    for &(status, body) in inputs {
        let reply = AnyReply::parse(status, body).expect("seed");
        assert_eq!(
            Verdict::of(status, body).codes().count(),
            code_count(&reply),
            "{name}: codes of the HTTP {status} input"
        );
    }
    record_pass(name, inputs.len());
    let mut g = c.benchmark_group(name);
    g.bench_function("any_reply", |b| {
        b.iter(|| {
            for &(status, body) in inputs {
                let reply = AnyReply::parse(black_box(status), black_box(body)).expect("seed");
                black_box((reply.kind(), reply.is_retryable(), code_count(&reply)));
            }
        });
    });
    g.bench_function("verdict", |b| {
        b.iter(|| {
            for &(status, body) in inputs {
                let verdict = Verdict::of(black_box(status), black_box(body));
                black_box((
                    verdict.kind(),
                    verdict.is_retryable(),
                    verdict.outcome(),
                    verdict.codes().count(),
                ));
            }
        });
    });
    g.finish();
}

fn verdict(c: &mut Criterion) {
    group(c, "verdict_zato", ZATO);
    group(c, "verdict_zenlogin", ZENLOGIN);
    group(c, "verdict_openam", OPENAM);
    group(c, "verdict_merchant", MERCHANT);
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = verdict
}
criterion_main!(benches);
