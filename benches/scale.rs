//! Linear cost: one body holding 10,000 and 100,000 codes, error objects or
//! entries, parsed and written back, and Zato's disclosure of that many
//! codes. Linear growth is 10× from `n10000` to `n100000`.
//!
//! Group ids: `scale_parse_<vendor>`, `scale_render_<vendor>`,
//! `scale_disclose_zato`; function ids `n10000` and `n100000`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use sso_errors::zato::{self, Disclosure};
use sso_errors::{Body, merchant, openam, zenlogin};

const SIZES: [usize; 2] = [10_000, 100_000];

/// A Zato response with `n` distinct sub-status codes.
fn zato_body(n: usize) -> String {
    let codes: Vec<String> = (0..n)
        .map(|i| format!("\"E{:06}\"", i % 1_000_000))
        .collect();
    format!(
        r#"{{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":[{}]}}"#,
        codes.join(",")
    )
}

/// A Zenlogin document of `n` error objects, each with its own `meta`
/// (the case that was quadratic to write).
fn zenlogin_body(n: usize) -> String {
    let errors: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"code":"3003","detail":"Invalid *application_key* URL param: a{i}","meta":{{"n":{i}}}}}"#))
        .collect();
    format!(r#"{{"errors":[{}]}}"#, errors.join(","))
}

/// An OpenAM body with `n` members beside its standard ones (its one code
/// is fixed), each kept and written back in its place.
fn openam_body(n: usize) -> String {
    let members: Vec<String> = (0..n)
        .map(|i| format!(r#""x{i}":{{"field":"f{i}"}}"#))
        .collect();
    format!(
        r#"{{"code":400,"reason":"Bad Request","message":"Invalid input",{}}}"#,
        members.join(",")
    )
}

/// A merchant body of `n` validation entries.
fn merchant_body(n: usize) -> String {
    let entries: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email e{i}"}}"#))
        .collect();
    format!(r#"{{"message":[{}]}}"#, entries.join(","))
}

/// The bodies of every size.
fn inputs(body: fn(usize) -> String) -> Vec<(usize, String)> {
    SIZES.iter().map(|&n| (n, body(n))).collect()
}

fn scale<'a, B: Body<'a>>(c: &mut Criterion, vendor: &str, inputs: &'a [(usize, String)]) {
    let mut group = c.benchmark_group(format!("scale_parse_{vendor}"));
    for (n, input) in inputs {
        group.bench_function(BenchmarkId::from_parameter(format!("n{n}")), |b| {
            b.iter(|| {
                B::parse(black_box(input.as_bytes())).map(|body| black_box(body).http_status())
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group(format!("scale_render_{vendor}"));
    for (n, input) in inputs {
        let Ok(parsed) = B::parse(input.as_bytes()) else {
            panic!("{vendor} n{n} does not parse");
        };
        group.bench_function(BenchmarkId::from_parameter(format!("n{n}")), |b| {
            b.iter(|| black_box(&parsed).to_json().len());
        });
    }
    group.finish();
}

fn parse_and_render(c: &mut Criterion) {
    scale::<zato::Response<'_>>(c, "zato", &inputs(zato_body));
    scale::<zenlogin::ErrorDocument<'_>>(c, "zenlogin", &inputs(zenlogin_body));
    scale::<openam::ErrorBody<'_>>(c, "openam", &inputs(openam_body));
    scale::<merchant::ErrorBody<'_>>(c, "merchant", &inputs(merchant_body));
}

fn disclose(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale_disclose_zato");
    for n in SIZES {
        // Distinct codes, each revealed: the list the caller gets is as long
        // as the input.
        let codes: Vec<String> = (0..n).map(|i| format!("E{:06}", 100_000 + i)).collect();
        let policy = Disclosure::REVEAL_ALL.reveal_unknown(true);
        group.bench_function(BenchmarkId::from_parameter(format!("n{n}")), |b| {
            b.iter(|| {
                let out = policy.disclose("c1", codes.iter().map(|c| zato::Code::from(c.as_str())));
                black_box(out.response.sub_status.len())
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = parse_and_render, disclose
}
criterion_main!(benches);
