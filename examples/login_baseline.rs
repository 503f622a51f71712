//! The baseline of the login server's load benchmark: a plain axum handler
//! on the same route that answers every request with a Zato error body made
//! by `serde_json::json!`, without parsing the request or any crate type.
//!
//! ```sh
//! cargo run --release --features axum --example login_baseline -- --addr 127.0.0.1:17011
//! ```
//!
//! See BENCHMARKS.md for the comparison and `benches/login_load.sh` for the
//! run.

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use serde_json::json;

async fn login() -> impl IntoResponse {
    let mut cid = [0u8; 12];
    if getrandom::fill(&mut cid).is_err() {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain")],
            String::new(),
        );
    }
    let cid: String = cid.iter().map(|b| format!("{b:02x}")).collect();
    let body = json!({"status": "error", "cid": cid, "sub_status": ["E005001"]});
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let addr = match (args.next().as_deref(), args.next()) {
        (None, _) => "127.0.0.1:17011".to_owned(),
        (Some("--addr"), Some(addr)) => addr,
        _ => {
            eprintln!("usage: login_baseline [--addr ADDRESS]");
            return std::process::ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("could not listen on {addr}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("listening on {addr}");
    let app = Router::new().route("/zato/sso/user/login", post(login));
    if let Err(e) = axum::serve(listener, app).await {
        eprintln!("server error: {e}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}
