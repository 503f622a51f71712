//! Parses (and optionally writes back) one documented body of a vendor `N`
//! times: a fixed workload for counting instructions, which unlike time does
//! not vary with the load of a shared machine.
//!
//! ```sh
//! cargo build --release --example parse_loop
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/parse_loop zenlogin 20000
//! ```
//!
//! The first argument is `zato`, `zenlogin`, `openam` or `merchant`, with a
//! `render-` prefix to write each parsed body back too, or a `derive-` prefix
//! to parse the same body into the plain `#[derive(Deserialize)]` struct of
//! the benchmarks' `serde_derive` baseline, or an `any-` prefix to
//! recognise it with `AnyReply::parse`, or a `reply-` prefix for the
//! vendor's own `Reply::parse`; the second is `N`.
//! The difference between runs of `N` and of 0 is the work of `N` parses.

use std::hint::black_box;

use sso_errors::{Body, merchant, openam, zato, zenlogin};

#[path = "../benches/support/derive.rs"]
mod derive;

const ZATO: &[u8] =
    br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
const ZENLOGIN: &[u8] = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
const OPENAM: &[u8] = br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#;
const MERCHANT: &[u8] = br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;

/// Parses `input` as a `B`, `n` times, writing each body back if `render`.
fn run<'a, B: Body<'a>>(input: &'a [u8], n: usize, render: bool) -> Result<(), sso_errors::Error> {
    for _ in 0..n {
        let body = B::parse(black_box(input))?;
        if render {
            black_box(body.to_json());
        } else {
            black_box(body);
        }
    }
    Ok(())
}

/// Parses `input` into the hand-written derive `T`, `n` times.
fn run_derive<'a, T: serde::Deserialize<'a>>(input: &'a [u8], n: usize) -> serde_json::Result<()> {
    for _ in 0..n {
        black_box(serde_json::from_slice::<T>(black_box(input))?);
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (which, n) = match (args.next(), args.next()) {
        (Some(which), Some(n)) => (which, n.parse::<usize>()?),
        _ => return Err("usage: parse_loop [render-]VENDOR N".into()),
    };
    if let Some((how, vendor)) = which
        .split_once('-')
        .filter(|(how, _)| matches!(*how, "any" | "reply"))
    {
        let input = match vendor {
            "zato" => ZATO,
            "zenlogin" => ZENLOGIN,
            "openam" => OPENAM,
            "merchant" => MERCHANT,
            other => return Err(format!("unknown vendor {other:?}").into()),
        };
        for _ in 0..n {
            let kind = match (how, vendor) {
                ("any", _) => sso_errors::AnyReply::parse(400, black_box(input))?.kind(),
                (_, "zato") => zato::Reply::parse(400, black_box(input))?.kind(),
                (_, "zenlogin") => zenlogin::Reply::parse(400, black_box(input))?.kind(),
                (_, "openam") => openam::Reply::parse(400, black_box(input))?.kind(),
                _ => merchant::Reply::parse(400, black_box(input))?.kind(),
            };
            black_box(kind);
        }
        return Ok(());
    }
    if let Some(vendor) = which.strip_prefix("derive-") {
        match vendor {
            "zato" => run_derive::<derive::ZatoBody<'_>>(ZATO, n)?,
            "zenlogin" => run_derive::<derive::ZenloginBody<'_>>(ZENLOGIN, n)?,
            "openam" => run_derive::<derive::OpenamBody<'_>>(OPENAM, n)?,
            "merchant" => run_derive::<derive::MerchantBody<'_>>(MERCHANT, n)?,
            other => return Err(format!("unknown vendor {other:?}").into()),
        }
        return Ok(());
    }
    let (vendor, render) = match which.strip_prefix("render-") {
        Some(vendor) => (vendor, true),
        None => (which.as_str(), false),
    };
    match vendor {
        "zato" => run::<zato::Response<'_>>(ZATO, n, render)?,
        "zenlogin" => run::<zenlogin::ErrorDocument<'_>>(ZENLOGIN, n, render)?,
        "openam" => run::<openam::ErrorBody<'_>>(OPENAM, n, render)?,
        "merchant" => run::<merchant::ErrorBody<'_>>(MERCHANT, n, render)?,
        other => return Err(format!("unknown vendor {other:?}").into()),
    }
    Ok(())
}
