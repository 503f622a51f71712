//! Parsing and rendering each vendor's documented bodies, beside the route a
//! user would take without the crate: a `#[derive(Deserialize)]` struct
//! borrowing from the input, `serde_json::Value` and picking the codes out by
//! hand, or `serde_json::json!` and serializing.
//!
//! Group ids: `parse_<vendor>`, `render_<vendor>`, `parse_any_<vendor>`;
//! function ids: `sso_errors`, `serde_derive`, `serde_json_value`,
//! `json_macro`, `direct` (the vendor's own `Reply::parse`, beside the
//! any-vendor entry point). One iteration is one pass
//! over the vendor's documented bodies (see BENCHMARKS.md for the counts).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use sso_errors::{AnyReply, merchant, openam, zato, zenlogin};

mod support;
use support::derive::{MerchantBody, OpenamBody, ZatoBody, ZenloginBody};
use support::record_pass;

#[path = "../tests/common/mod.rs"]
mod common;

fn load(paths: &[&str]) -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(root.join(path)).expect("test data");
            common::compact(&text).into_bytes()
        })
        .collect()
}

const ZATO: &[&[u8]] = &[
    br#"{"status":"ok","cid":"7bc5ffdf15ff1baa90693a9a","ust":"gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."}"#,
    br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
];

const ZENLOGIN: &[&[u8]] =
    &[br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#];

// The `serde_derive` baselines: the members each body of the crate models,
// as a user would declare them, borrowing from the input. Only some members
// are read, as in the other baselines.

fn str_of<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

fn parse(c: &mut Criterion) {
    record_pass("parse_zato", ZATO.len());
    let mut g = c.benchmark_group("parse_zato");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            for body in ZATO {
                let response = zato::Response::parse(black_box(body)).expect("seed");
                black_box((
                    response.status,
                    response.sub_status.first().and_then(|c| c.known()),
                ));
            }
        });
    });
    g.bench_function("serde_derive", |b| {
        b.iter(|| {
            for body in ZATO {
                let parsed: ZatoBody<'_> = serde_json::from_slice(black_box(body)).expect("seed");
                let status = zato::Status::from_code(parsed.status);
                let codes: Vec<Option<zato::SubStatus>> = parsed
                    .sub_status
                    .iter()
                    .map(|c| zato::SubStatus::from_code(c))
                    .collect();
                black_box((status, parsed.cid, parsed.ust, codes));
            }
        });
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            for body in ZATO {
                let value: Value = serde_json::from_slice(black_box(body)).expect("seed");
                let status = str_of(&value, "status").and_then(zato::Status::from_code);
                let codes: Vec<Option<zato::SubStatus>> = value
                    .get("sub_status")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .map(|c| c.as_str().and_then(zato::SubStatus::from_code))
                            .collect()
                    })
                    .unwrap_or_default();
                black_box((status, str_of(&value, "cid"), str_of(&value, "ust"), codes));
            }
        });
    });
    g.finish();

    record_pass("parse_zenlogin", ZENLOGIN.len());
    let mut g = c.benchmark_group("parse_zenlogin");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            for body in ZENLOGIN {
                let document = zenlogin::ErrorDocument::parse(black_box(body)).expect("seed");
                black_box(
                    document
                        .errors
                        .first()
                        .and_then(zenlogin::ErrorObject::known),
                );
            }
        });
    });
    g.bench_function("serde_derive", |b| {
        b.iter(|| {
            for body in ZENLOGIN {
                let parsed: ZenloginBody<'_> =
                    serde_json::from_slice(black_box(body)).expect("seed");
                let codes: Vec<(Option<zenlogin::ErrorCode>, Option<&str>)> = parsed
                    .errors
                    .iter()
                    .map(|e| (e.code.and_then(zenlogin::ErrorCode::from_code), e.detail))
                    .collect();
                black_box(codes);
            }
        });
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            for body in ZENLOGIN {
                let value: Value = serde_json::from_slice(black_box(body)).expect("seed");
                let codes: Vec<(Option<zenlogin::ErrorCode>, Option<&str>)> = value
                    .get("errors")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .map(|e| {
                                (
                                    str_of(e, "code").and_then(zenlogin::ErrorCode::from_code),
                                    str_of(e, "detail"),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                black_box(codes);
            }
        });
    });
    g.finish();

    let openam_bodies = load(&[
        "openam/seed/400.json",
        "openam/seed/401.json",
        "openam/seed/403.json",
        "openam/seed/404.json",
        "openam/seed/406.json",
        "openam/seed/409.json",
        "openam/seed/410.json",
        "openam/seed/500.json",
        "openam/seed/501.json",
        "openam/seed/503.json",
    ]);
    record_pass("parse_openam", openam_bodies.len());
    let mut g = c.benchmark_group("parse_openam");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            for body in &openam_bodies {
                let parsed = openam::ErrorBody::parse(black_box(body)).expect("seed");
                black_box((parsed.code.known(), parsed.message.as_deref()));
            }
        });
    });
    g.bench_function("serde_derive", |b| {
        b.iter(|| {
            for body in &openam_bodies {
                let parsed: OpenamBody<'_> = serde_json::from_slice(black_box(body)).expect("seed");
                let code = openam::Status::from_u16(parsed.code);
                let message = parsed.message.as_ref().map(|m| &*m.0);
                black_box((code, parsed.reason, message));
            }
        });
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            for body in &openam_bodies {
                let value: Value = serde_json::from_slice(black_box(body)).expect("seed");
                let code = value
                    .get("code")
                    .and_then(Value::as_u64)
                    .and_then(|n| u16::try_from(n).ok())
                    .and_then(openam::Status::from_u16);
                black_box((code, str_of(&value, "reason"), str_of(&value, "message")));
            }
        });
    });
    g.finish();

    let merchant_bodies = load(&[
        "merchant/seed_400_invalid_username.json",
        "merchant/seed_403_exceeded_token_generation_limit.json",
        "merchant/seed_403_insufficient_privileges.json",
        "merchant/seed_400_three_validation_errors.json",
    ]);
    record_pass("parse_merchant", merchant_bodies.len());
    let mut g = c.benchmark_group("parse_merchant");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            for body in &merchant_bodies {
                let parsed = merchant::ErrorBody::parse(black_box(body)).expect("seed");
                black_box(
                    parsed
                        .message()
                        .first()
                        .and_then(merchant::ErrorEntry::known),
                );
            }
        });
    });
    g.bench_function("serde_derive", |b| {
        b.iter(|| {
            for body in &merchant_bodies {
                let parsed: MerchantBody<'_> =
                    serde_json::from_slice(black_box(body)).expect("seed");
                let entries: Vec<(Option<merchant::ErrorCode>, &str)> = parsed
                    .message
                    .iter()
                    .map(|e| {
                        (
                            merchant::ErrorCode::from_pair(e.code, e.error_name),
                            e.description,
                        )
                    })
                    .collect();
                black_box(entries);
            }
        });
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            for body in &merchant_bodies {
                let value: Value = serde_json::from_slice(black_box(body)).expect("seed");
                let entries: Vec<(Option<merchant::ErrorCode>, Option<&str>)> = value
                    .get("message")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .map(|e| {
                                let pair = str_of(e, "code").zip(str_of(e, "errorName")).and_then(
                                    |(code, name)| merchant::ErrorCode::from_pair(code, name),
                                );
                                (pair, str_of(e, "description"))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                black_box(entries);
            }
        });
    });
    g.finish();
}

fn render(c: &mut Criterion) {
    record_pass("render_zato", 2);
    let mut g = c.benchmark_group("render_zato");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            let ok = zato::Response::ok(black_box("7bc5ffdf15ff1baa90693a9a"))
                .with_ust(black_box("gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."));
            black_box(ok.to_json());
            let error = zato::Response::error(
                black_box("30e22dfde268b7ba0b56ad0d"),
                [black_box(zato::SubStatus::AuthNotAllowed)],
            );
            black_box(error.to_json());
        });
    });
    g.bench_function("json_macro", |b| {
        b.iter(|| {
            let ok = json!({
                "status": "ok",
                "cid": black_box("7bc5ffdf15ff1baa90693a9a"),
                "ust": black_box("gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."),
            });
            black_box(ok.to_string());
            let error = json!({
                "status": "error",
                "cid": black_box("30e22dfde268b7ba0b56ad0d"),
                "sub_status": [black_box(zato::SubStatus::AuthNotAllowed).code()],
            });
            black_box(error.to_string());
        });
    });
    g.finish();

    record_pass("render_zenlogin", 1);
    let mut g = c.benchmark_group("render_zenlogin");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            let error = zenlogin::ErrorObject::render(
                black_box(zenlogin::ErrorCode::InvalidApplicationKey),
                &[black_box("appl01234567891")],
            )
            .expect("one value");
            black_box(zenlogin::ErrorDocument::from(error).to_json());
        });
    });
    g.bench_function("json_macro", |b| {
        b.iter(|| {
            let code = black_box(zenlogin::ErrorCode::InvalidApplicationKey);
            let detail = format!(
                "Invalid *application_key* URL param: {}",
                black_box("appl01234567891")
            );
            let document = json!({"errors": [{"code": code.code(), "detail": detail}]});
            black_box(document.to_string());
        });
    });
    g.finish();

    let openam_examples = [
        (
            openam::Status::BadRequest,
            "Username or email not provided in request",
        ),
        (openam::Status::Unauthorized, "Access denied"),
        (openam::Status::NotFound, "Resource cannot be found."),
        (openam::Status::Conflict, "Multiple users found"),
        (
            openam::Status::ServiceUnavailable,
            "Forgot password is not accessible.",
        ),
    ];
    record_pass("render_openam", openam_examples.len());
    let mut g = c.benchmark_group("render_openam");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            for (status, message) in &openam_examples {
                let body =
                    openam::ErrorBody::new(black_box(*status)).with_message(black_box(*message));
                black_box(body.to_json());
            }
        });
    });
    g.bench_function("json_macro", |b| {
        b.iter(|| {
            for (status, message) in &openam_examples {
                let status = black_box(*status);
                let body = json!({"code": status.as_u16(), "reason": status.reason(), "message": black_box(*message)});
                black_box(body.to_string());
            }
        });
    });
    g.finish();

    record_pass("render_merchant", 1);
    let mut g = c.benchmark_group("render_merchant");
    g.bench_function("sso_errors", |b| {
        b.iter(|| {
            let body = merchant::ErrorBody::new(merchant::ErrorEntry::new(
                black_box(merchant::ErrorCode::ValidationGeneralFailure),
                merchant::Description::InvalidEmail {
                    email: black_box("@bls.com").into(),
                },
            ));
            black_box(body.to_json());
        });
    });
    g.bench_function("json_macro", |b| {
        b.iter(|| {
            let code = black_box(merchant::ErrorCode::ValidationGeneralFailure);
            let description = format!("Invalid email {}", black_box("@bls.com"));
            let body = json!({"message": [{"errorName": code.error_name(), "code": code.code(), "description": description}]});
            black_box(body.to_string());
        });
    });
    g.finish();
}

/// The one entry point beside the vendor's own reply parser, over the same
/// bodies: what recognising the vendor costs.
fn parse_any(c: &mut Criterion) {
    fn group(
        c: &mut Criterion,
        name: &str,
        bodies: &[Vec<u8>],
        direct: impl Fn(&[u8]) -> sso_errors::ErrorKind,
    ) {
        record_pass(name, bodies.len());
        let mut g = c.benchmark_group(name);
        g.bench_function("sso_errors", |b| {
            b.iter(|| {
                for body in bodies {
                    let reply = AnyReply::parse(400, black_box(body)).expect("seed");
                    black_box(reply.kind());
                }
            });
        });
        g.bench_function("direct", |b| {
            b.iter(|| {
                for body in bodies {
                    black_box(direct(black_box(body)));
                }
            });
        });
        g.finish();
    }
    let owned = |bodies: &[&[u8]]| bodies.iter().map(|b| b.to_vec()).collect::<Vec<_>>();
    group(c, "parse_any_zato", &owned(ZATO), |body| {
        zato::Reply::parse(400, body).expect("seed").kind()
    });
    group(c, "parse_any_zenlogin", &owned(ZENLOGIN), |body| {
        zenlogin::Reply::parse(400, body).expect("seed").kind()
    });
    let openam_bodies = load(&[
        "openam/seed/400.json",
        "openam/seed/404.json",
        "openam/seed/503.json",
    ]);
    group(c, "parse_any_openam", &openam_bodies, |body| {
        openam::Reply::parse(400, body).expect("seed").kind()
    });
    let merchant_bodies = load(&[
        "merchant/seed_400_invalid_username.json",
        "merchant/seed_403_exceeded_token_generation_limit.json",
    ]);
    group(c, "parse_any_merchant", &merchant_bodies, |body| {
        merchant::Reply::parse(400, body).expect("seed").kind()
    });
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = parse, render, parse_any
}
criterion_main!(benches);
