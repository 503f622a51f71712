//! A gateway in front of one Zato SSO upstream: it forwards
//! `POST /zato/sso/user/login` with reqwest, through the crate's `Classify`
//! middleware and retry strategy, and answers its own caller from the
//! verdict.
//!
//! ```sh
//! cargo run --features axum --example zato_login_server -- --addr 127.0.0.1:17010 &
//! cargo run --features axum,reqwest --example gateway -- \
//!     --upstream http://127.0.0.1:17010 --addr 127.0.0.1:17020
//! ```
//!
//! - A success or a warning (a login whose password is about to expire) goes
//!   back unchanged: status, content type and bytes.
//! - A failure is answered with its RFC 9457 problem document, with
//!   `Retry-After` when the upstream sent one; a failure the verdict says may
//!   be retried is retried first (`--retries`, default 2, after a jittered
//!   backoff from half of `--backoff-ms`, default 50, to four times it).
//!   reqwest-retry's policies wait by their backoff, not by `Retry-After`.
//! - Each failure writes one line to standard error: the verdict and its
//!   OpenTelemetry attributes. On start, the gateway prints `listening on
//!   ADDRESS` on standard output.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use reqwest_retry::policies::ExponentialBackoff;
use reqwest_retry::{Jitter, RetryTransientMiddleware};
use sso_errors::reqwest::{Classify, Strategy};
use sso_errors::{Attribute, Verdict};

const USAGE: &str = "usage: gateway --upstream URL [--addr ADDRESS] [--retries N] [--backoff-ms N]";

/// What the gateway forwards to.
struct Upstream {
    client: ClientWithMiddleware,
    login: String,
}

/// Forwards a login, and answers from the verdict on what came back.
async fn login(State(up): State<Arc<Upstream>>, headers: HeaderMap, body: Bytes) -> Response {
    let mut request = up.client.post(&up.login).body(body);
    if let Some(media) = headers.get(header::CONTENT_TYPE) {
        request = request.header(header::CONTENT_TYPE, media.as_bytes());
    }
    let response = match request.send().await {
        Ok(response) => response,
        Err(e) => {
            // No answer at all: the gateway's own 502.
            eprintln!("upstream unreachable: {e}");
            let problem = Verdict::of_status(502).problem();
            return problem.map_or_else(
                || StatusCode::BAD_GATEWAY.into_response(),
                IntoResponse::into_response,
            );
        }
    };
    let status = response.status();
    let verdict = response
        .extensions()
        .get::<Verdict<'static>>()
        .cloned()
        .unwrap_or_else(|| Verdict::of_status(status.as_u16()));
    if let Some(problem) = verdict.problem() {
        eprintln!("{verdict} {}", attributes(&verdict));
        return problem.into_response();
    }
    let media = response.headers().get(header::CONTENT_TYPE).cloned();
    match response.bytes().await {
        Ok(bytes) => {
            let mut out = (status, bytes).into_response();
            if let Some(media) = media {
                out.headers_mut().insert(header::CONTENT_TYPE, media);
            }
            out
        }
        Err(e) => {
            eprintln!("upstream body unreadable: {e}");
            StatusCode::BAD_GATEWAY.into_response()
        }
    }
}

/// The verdict's attributes as `key=value` pairs.
fn attributes(verdict: &Verdict<'_>) -> String {
    verdict
        .attributes()
        .map(|(key, value)| match value {
            Attribute::Str(text) => format!("{key}={text}"),
            Attribute::Int(number) => format!("{key}={number}"),
            Attribute::Bool(flag) => format!("{key}={flag}"),
            _ => format!("{key}=?"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

struct Args {
    upstream: String,
    addr: String,
    retries: u32,
    backoff: Duration,
}

fn args() -> Result<Args, String> {
    let mut upstream = None;
    let mut addr = String::from("127.0.0.1:17020");
    let mut retries = 2;
    let mut backoff = Duration::from_millis(50);
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--upstream" => upstream = Some(value()?),
            "--addr" => addr = value()?,
            "--retries" => retries = value()?.parse().map_err(|_| "--retries takes a number")?,
            "--backoff-ms" => {
                let ms = value()?
                    .parse()
                    .map_err(|_| "--backoff-ms takes a number")?;
                backoff = Duration::from_millis(ms);
            }
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    let upstream = upstream.ok_or("--upstream is required")?;
    Ok(Args {
        upstream,
        addr,
        retries,
        backoff,
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(why) => {
            eprintln!("{why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // Jittered, so that gateways do not retry in step: each wait is between
    // half the backoff and the doubled backoff, at most four times it.
    let policy = ExponentialBackoff::builder()
        .retry_bounds(args.backoff, args.backoff * 4)
        .jitter(Jitter::Bounded)
        .build_with_max_retries(args.retries);
    // Classify inside the retry middleware: each attempt is judged first.
    let client = ClientBuilder::new(reqwest::Client::new())
        .with(RetryTransientMiddleware::new_with_policy_and_strategy(
            policy, Strategy,
        ))
        .with(Classify::default())
        .build();
    let upstream = Arc::new(Upstream {
        client,
        login: format!(
            "{}/zato/sso/user/login",
            args.upstream.trim_end_matches('/')
        ),
    });
    let app = Router::new()
        .route("/zato/sso/user/login", post(login))
        .with_state(upstream);
    let listener = match tokio::net::TcpListener::bind(&args.addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("could not listen on {}: {e}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(bound) => println!("listening on {bound}"),
        Err(e) => eprintln!("listening, at an address the system does not say: {e}"),
    }
    if let Err(e) = axum::serve(listener, app).await {
        eprintln!("server error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
