//! Lookups by wire code, label and pair, and the reverse accessors, beside the
//! alternatives a user would write instead, in the same run.
//!
//! Group ids: `code_<vendor>_<case>`, `label_zato_<case>`,
//! `pair_merchant_<case>`, `reverse_<vendor>`; function ids: `sso_errors` for
//! the crate, `phf_map`, `hashmap`, `string_match` and `linear_scan` for the
//! baselines, and `loop_overhead` (the same loop with no lookup) in the code
//! groups. One iteration is one pass over the case's inputs (see
//! BENCHMARKS.md for the counts).

use std::collections::HashMap;
use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use sso_errors::__private::Baselines;
use sso_errors::Catalog;

mod support;
use support::record_pass;

/// Inputs per pass of a `hit_random` case.
const RANDOM_PASS: usize = 256;

/// A fixed pseudo-random sequence (xorshift64), the same on every run.
fn shuffled<T: Clone>(items: &[T], count: usize) -> Vec<T> {
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            items[(state % items.len() as u64) as usize].clone()
        })
        .collect()
}

/// Strings that are not codes of any catalog: empty, too long, wrong case,
/// stray bytes, non-ASCII.
fn malformed() -> Vec<String> {
    [
        "",
        "E",
        "e005001",
        "E005001 ",
        " 3003",
        "E0050011",
        "auth.not_allowed",
        "\u{0}",
        "ünïcödé",
        "{\"code\":400}",
        "null",
        "-400",
        "1e3",
        "VALIDATION_GENERAL_FAILURE",
        "Failed to generate SSO token",
        &"x".repeat(64),
    ]
    .into_iter()
    .map(str::to_owned)
    .collect()
}

/// Times one implementation over one pass of the inputs (static dispatch, so
/// every implementation pays the same loop).
fn run<T>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: &str,
    inputs: &[String],
    lookup: impl Fn(&str) -> Option<T>,
) {
    group.bench_function(id, |b| {
        b.iter(|| {
            for input in inputs {
                black_box(lookup(black_box(input.as_str())));
            }
        });
    });
}

/// The code groups of one catalog: hits in order, hits in random order,
/// misses (well-formed unknown codes and malformed strings).
macro_rules! code_groups {
    ($c:expr, $vendor:literal, $Ty:ty, unknown: [$($unknown:expr),* $(,)?]) => {{
        let phf = <$Ty as Baselines>::phf_codes();
        let hashmap: HashMap<&'static str, _> = phf.entries().map(|(k, v)| (*k, *v)).collect();
        let mut keys: Vec<String> = <$Ty>::ALL.iter().map(|c| c.code().to_owned()).collect();
        keys.extend(<$Ty>::ALL.iter().filter_map(|c| c.alias()).map(str::to_owned));
        let mut misses: Vec<String> = vec![$($unknown.to_string()),*];
        misses.extend(malformed());
        let cases = [
            ("hit", keys.clone()),
            ("hit_random", shuffled(&keys, RANDOM_PASS)),
            ("miss", misses),
        ];
        for (case, inputs) in cases {
            for input in &inputs {
                assert_eq!(<$Ty>::resolve(input), phf.get(input.as_str()).copied(), "{input:?}");
            }
            let name = format!("code_{}_{}", $vendor, case);
            record_pass(&name, inputs.len());
            let mut g = $c.benchmark_group(name);
            run(&mut g, "sso_errors", &inputs, |s| <$Ty>::resolve(s));
            // The loop alone: the floor under every lookup here.
            run(&mut g, "loop_overhead", &inputs, |s| Some(s.len()));
            run(&mut g, "phf_map", &inputs, |s| phf.get(s).copied());
            run(&mut g, "hashmap", &inputs, |s| hashmap.get(s).copied());
            run(&mut g, "string_match", &inputs, |s| <$Ty as Baselines>::match_code(s));
            run(&mut g, "linear_scan", &inputs, |s| {
                <$Ty>::ALL.iter().find_map(|c| {
                    if c.code() == s {
                        Some((*c, sso_errors::Spelling::Canonical))
                    } else if c.alias() == Some(s) {
                        Some((*c, sso_errors::Spelling::Alias))
                    } else {
                        None
                    }
                })
            });
            g.finish();
        }
        let all = <$Ty>::ALL;
        let name = format!("reverse_{}", $vendor);
        // Four accessors per entry: code, label, description, HTTP status.
        record_pass(&name, 4 * all.len());
        let mut reverse = $c.benchmark_group(name);
        reverse.bench_function("sso_errors", |b| {
            b.iter(|| {
                for &code in all {
                    let code = black_box(code);
                    black_box(code.code());
                    black_box(<$Ty as Catalog>::label(code));
                    black_box(code.description());
                    black_box(code.http_status());
                }
            });
        });
        reverse.bench_function("linear_scan", |b| {
            b.iter(|| {
                for &code in all {
                    let code = black_box(code);
                    black_box(phf.entries().find(|(_, v)| v.0 == code).map(|(k, _)| *k));
                }
            });
        });
        reverse.finish();
    }};
}

fn codes(c: &mut Criterion) {
    use sso_errors::{merchant, openam, zato, zenlogin};
    code_groups!(c, "zato", zato::SubStatus, unknown: [
        "E000000", "E001005", "E005009", "E999999", "W003006", "W000001", "E011001", "E010002",
    ]);
    code_groups!(c, "zenlogin", zenlogin::ErrorCode, unknown: [
        "999", "1028", "1099", "1111", "2002", "3005", "4003", "5000",
    ]);
    code_groups!(c, "openam", openam::Status, unknown: [
        "100", "202", "204", "302", "418", "422", "429", "499", "506", "599", "0", "65535",
    ]);
    code_groups!(c, "merchant", merchant::ErrorCode, unknown: [
        "10000", "10002", "14042", "14050", "20027", "50501", "90015", "99999",
    ]);
}

fn pairs(c: &mut Criterion) {
    use sso_errors::merchant::ErrorCode;
    let phf = <ErrorCode as Baselines>::phf_codes();
    let hashmap: HashMap<(&'static str, &'static str), ErrorCode> = ErrorCode::ALL
        .iter()
        .map(|c| ((c.code(), c.error_name()), *c))
        .collect();
    let known: Vec<(String, String)> = ErrorCode::ALL
        .iter()
        .map(|c| (c.code().to_owned(), c.error_name().to_owned()))
        .collect();
    let misses: Vec<(String, String)> = [
        ("10001", "INVALID_PLAN"),
        ("10001", "validation_general_failure"),
        ("50500", "VALIDATION_GENERAL_FAILURE"),
        ("14042", "NO_PAYMENT_DETAILS_LINKED_TO_TOKEN"),
        ("20027", "PAYPAL_UNSUPPORTED_CURRENCY"),
        ("90015", "INVALID_CURRENCY"),
        ("", ""),
        ("50500", "Failed to generate SSO token "),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    let cases = [
        ("hit", known.clone()),
        ("hit_random", shuffled(&known, RANDOM_PASS)),
        ("miss", misses),
    ];
    for (case, inputs) in cases {
        let name = format!("pair_merchant_{case}");
        record_pass(&name, inputs.len());
        let mut g = c.benchmark_group(name);
        let one = |id: &str, lookup: &dyn Fn(&str, &str) -> Option<ErrorCode>| {
            // Checked once, outside the timing: every implementation agrees.
            for (code, name) in &inputs {
                assert_eq!(lookup(code, name), ErrorCode::from_pair(code, name), "{id}");
            }
        };
        one("phf_map", &|code, name| {
            phf.get(code)
                .map(|v| v.0)
                .filter(|c| c.error_name() == name)
        });
        one("hashmap", &|code, name| hashmap.get(&(code, name)).copied());
        one("string_match", &pair_match);
        run_pairs(&mut g, "sso_errors", &inputs, ErrorCode::from_pair);
        run_pairs(&mut g, "phf_map", &inputs, |code, name| {
            phf.get(code)
                .map(|v| v.0)
                .filter(|c| c.error_name() == name)
        });
        run_pairs(&mut g, "hashmap", &inputs, |code, name| {
            hashmap.get(&(code, name)).copied()
        });
        run_pairs(&mut g, "string_match", &inputs, pair_match);
        run_pairs(&mut g, "linear_scan", &inputs, |code, name| {
            ErrorCode::ALL
                .iter()
                .copied()
                .find(|c| c.code() == code && c.error_name() == name)
        });
        g.finish();
    }
}

/// The pair lookup as a generated string `match` would write it.
fn pair_match(code: &str, name: &str) -> Option<sso_errors::merchant::ErrorCode> {
    use sso_errors::merchant::ErrorCode;
    match (code, name) {
        ("10001", "VALIDATION_GENERAL_FAILURE") => Some(ErrorCode::ValidationGeneralFailure),
        ("50500", "Failed to generate SSO token") => Some(ErrorCode::FailedToGenerateSsoToken),
        _ => None,
    }
}

fn run_pairs<T>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: &str,
    inputs: &[(String, String)],
    lookup: impl Fn(&str, &str) -> Option<T>,
) {
    group.bench_function(id, |b| {
        b.iter(|| {
            for (code, name) in inputs {
                black_box(lookup(black_box(code.as_str()), black_box(name.as_str())));
            }
        });
    });
}

fn labels(c: &mut Criterion) {
    use sso_errors::zato::SubStatus;
    let phf = <SubStatus as Baselines>::phf_labels();
    let hashmap: HashMap<&'static str, SubStatus> = phf.entries().map(|(k, v)| (*k, *v)).collect();
    let labels: Vec<String> = SubStatus::ALL
        .iter()
        .filter_map(|c| c.label().map(str::to_owned))
        .collect();
    let mut misses: Vec<String> = [
        "username.missing",
        "auth.allowed",
        "password.too_strong",
        "session.valid",
        "password_reset.could_access",
        "attr.no_such_thing",
        "user.invalid",
        "common.error",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    misses.extend(malformed());
    let cases = [
        ("hit", labels.clone()),
        ("hit_random", shuffled(&labels, RANDOM_PASS)),
        ("miss", misses),
    ];
    for (case, inputs) in cases {
        for input in &inputs {
            assert_eq!(
                SubStatus::from_label(input),
                phf.get(input.as_str()).copied()
            );
        }
        let name = format!("label_zato_{case}");
        record_pass(&name, inputs.len());
        let mut g = c.benchmark_group(name);
        run(&mut g, "sso_errors", &inputs, SubStatus::from_label);
        run(&mut g, "phf_map", &inputs, |s| phf.get(s).copied());
        run(&mut g, "hashmap", &inputs, |s| hashmap.get(s).copied());
        run(
            &mut g,
            "string_match",
            &inputs,
            <SubStatus as Baselines>::match_label,
        );
        run(&mut g, "linear_scan", &inputs, |s| {
            SubStatus::ALL
                .iter()
                .copied()
                .find(|c| c.label() == Some(s))
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = codes, labels, pairs
}
criterion_main!(benches);
