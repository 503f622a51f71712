//! A Zato SSO-compatible login service: `POST /zato/sso/user/login` over an
//! in-memory user list, answering with the bodies and HTTP statuses of
//! Zato's User.login.
//!
//! ```sh
//! cargo run --features axum --example zato_login_server -- --addr 127.0.0.1:17010
//! curl -XPOST localhost:17010/zato/sso/user/login -d '
//!   {"username": "user1", "password": "SD:n25a9-?Z8e-49bQ  D%", "current_app": "CRM"}'
//! ```
//!
//! | request | HTTP | body |
//! | --- | --- | --- |
//! | right credentials | 200 | `{"status":"ok","cid":…,"ust":…}` |
//! | password about to expire (`user3`) | 200 | `{"status":"warning","cid":…,"sub_status":["W003005"],"ust":…}` |
//! | unknown user, wrong password, empty password, user not approved (`user4`) | 403 | `{"status":"error","cid":…,"sub_status":["E005001"]}` |
//! | TOTP enabled (`user2`) and no `totp_code` | 403 | `… "sub_status":["E005008"]}` |
//! | an application the server does not know | 200 | `… "sub_status":["E004001"]}` (Zato answers this one with 200) |
//! | malformed JSON, a required field missing | 400 | `{"result":"Error","cid":…,"details":"Bad request"}` |
//!
//! Why a login failed goes only to the log, through the crate's disclosure
//! policy: one line per request on standard error, with the specific
//! sub-status and never a password, TOTP code or session token. Passwords
//! are stored as Argon2id hashes (the `argon2` crate's defaults), and an
//! unknown user costs the same hash check as a known one. On start, the
//! service prints `listening on ADDRESS` on standard output.

mod totp;

use std::io::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use sso_errors::zato::{self, BadRequest, Disclosure, LoginRequest, ReplyBody, SubStatus};
use tokio::sync::Semaphore;

/// The seed's address.
const DEFAULT_ADDR: &str = "127.0.0.1:17010";

/// The applications users may log in from.
const APPS: &[&str] = &["CRM"];

/// How long before a password expires the login warns (`W003005`).
const EXPIRY_WARNING: Duration = Duration::from_secs(7 * 24 * 3600);

/// The TOTP secret of `user2` (RFC 6238's SHA-1 test secret).
const USER2_TOTP_SECRET: &[u8] = b"12345678901234567890";

/// What the login policy hides: the real server's at login, and whether a
/// user is approved, which would tell an adversary the user exists.
const POLICY: Disclosure = Disclosure::LOGIN.hide(SubStatus::AuthNotApproved);

/// A user of the in-memory list.
struct User {
    username: &'static str,
    /// The password's Argon2id hash, in PHC form.
    password_hash: String,
    approved: bool,
    totp_secret: Option<&'static [u8]>,
    password_expiry: SystemTime,
}

/// The service's state: the users, and the hash an unknown user is checked
/// against so that the answer takes as long as for a known one.
struct Users {
    users: Vec<User>,
    decoy_hash: String,
    /// Password checks at once: each takes the hash's 19 MiB and one core.
    hashing: Semaphore,
}

/// The demo users: `user1` is the seed's.
fn users() -> Result<Users, argon2::password_hash::Error> {
    let now = SystemTime::now();
    let year = now + Duration::from_secs(365 * 24 * 3600);
    let soon = now + Duration::from_secs(2 * 24 * 3600);
    let user = |username, password: &str, approved, totp_secret, password_expiry| {
        Ok::<_, argon2::password_hash::Error>(User {
            username,
            password_hash: hash(password)?,
            approved,
            totp_secret,
            password_expiry,
        })
    };
    let users = vec![
        user("user1", "SD:n25a9-?Z8e-49bQ  D%", true, None, year)?,
        user(
            "user2",
            "user2-Pa55w0rd-totp",
            true,
            Some(USER2_TOTP_SECRET),
            year,
        )?,
        user("user3", "user3-Pa55w0rd-expiring", true, None, soon)?,
        user("user4", "user4-Pa55w0rd-pending", false, None, year)?,
    ];
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    Ok(Users {
        users,
        decoy_hash: hash("decoy password nobody has")?,
        hashing: Semaphore::new(workers),
    })
}

fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())?
        .to_string())
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// `bytes` random bytes in hex.
fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0; bytes];
    if getrandom::fill(&mut buf).is_err() {
        // No entropy source: no session can be issued safely.
        std::process::abort();
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// What a login comes to: the specific codes, and whether a session is
/// issued.
struct Outcome {
    codes: Vec<SubStatus>,
    session: bool,
}

impl Outcome {
    fn refused(code: SubStatus) -> Self {
        Self {
            codes: vec![code],
            session: false,
        }
    }
}

/// Checks a login request against the users.
async fn check(users: &Users, request: LoginRequest) -> Outcome {
    if !APPS.contains(&request.current_app.as_str()) {
        return Outcome::refused(SubStatus::AppListInvalid);
    }
    if request.password.is_empty() {
        return Outcome::refused(SubStatus::CommonMissingInput);
    }
    let user = users.users.iter().find(|u| u.username == request.username);
    let hash = user.map_or(users.decoy_hash.clone(), |u| u.password_hash.clone());
    let password = request.password;
    let Ok(_permit) = users.hashing.acquire().await else {
        return Outcome::refused(SubStatus::CommonInternalError);
    };
    let matches = tokio::task::spawn_blocking(move || verify(&password, &hash))
        .await
        .unwrap_or(false);
    let Some(user) = user else {
        return Outcome::refused(SubStatus::UsernameInvalid);
    };
    if !matches {
        return Outcome::refused(SubStatus::PasswordInvalid);
    }
    if !user.approved {
        return Outcome::refused(SubStatus::AuthNotApproved);
    }
    if let Some(secret) = user.totp_secret {
        match request.totp_code.as_deref() {
            None | Some("") => return Outcome::refused(SubStatus::AuthTotpMissing),
            Some(code) if !totp::verify(secret, code, unix_now()) => {
                return Outcome::refused(SubStatus::AuthNotAllowed);
            }
            Some(_) => {}
        }
    }
    let now = SystemTime::now();
    if user.password_expiry <= now {
        return Outcome::refused(SubStatus::PasswordExpired);
    }
    let codes = if user.password_expiry <= now + EXPIRY_WARNING {
        vec![SubStatus::PasswordWAboutToExp]
    } else {
        Vec::new()
    };
    Outcome {
        codes,
        session: true,
    }
}

/// `POST /zato/sso/user/login`.
async fn login(State(users): State<Arc<Users>>, body: Bytes) -> Response {
    let cid = random_hex(12);
    let request: LoginRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => {
            // serde's message can quote the input (a password given as a
            // number): the log gets only what kind of input it was.
            let why = match e.classify() {
                serde_json::error::Category::Data => "a required field missing or mistyped",
                _ => "malformed JSON",
            };
            log(format!("cid={cid} 400 bad request: {why}"));
            return BadRequest::new(cid).into_response();
        }
    };
    let outcome = check(&users, request).await;
    let disclosed = POLICY.disclose(cid.as_str(), outcome.codes);
    let mut response = disclosed.response.clone();
    if outcome.session {
        response = response.with_ust(random_hex(32));
    }
    // Zato answers an application it does not know with 200.
    let status = if disclosed
        .logged
        .iter()
        .any(|c| *c == SubStatus::AppListInvalid)
    {
        200
    } else {
        response.http_status()
    };
    log(format!("cid={cid} {status} {disclosed}"));
    zato::Reply::new(status, ReplyBody::Response(response.into_owned())).into_response()
}

/// Writes one log line to standard error in one write, so that lines of
/// concurrent requests never mix and a line costs one system call.
fn log(line: String) {
    let mut line = format!("POST /zato/sso/user/login {line}");
    line.push('\n');
    // A log that cannot be written must not fail the request.
    let _ = std::io::stderr().write_all(line.as_bytes());
}

fn app(users: Users) -> Router {
    Router::new()
        .route("/zato/sso/user/login", post(login))
        .with_state(Arc::new(users))
}

fn addr() -> Result<SocketAddr, String> {
    let mut args = std::env::args().skip(1);
    let mut addr = DEFAULT_ADDR.to_owned();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--addr" => addr = args.next().ok_or("--addr needs an address")?,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    addr.parse()
        .map_err(|_| format!("--addr takes an address such as {DEFAULT_ADDR}"))
}

#[tokio::main]
async fn main() -> ExitCode {
    let addr = match addr() {
        Ok(addr) => addr,
        Err(why) => {
            eprintln!("{why}\nusage: zato_login_server [--addr ADDRESS]");
            return ExitCode::from(2);
        }
    };
    let users = match users() {
        Ok(users) => users,
        Err(e) => {
            eprintln!("could not hash the users' passwords: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("could not listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(bound) => println!("listening on {bound}"),
        Err(e) => eprintln!("listening, at an address the system does not say: {e}"),
    }
    if let Err(e) = axum::serve(listener, app(users)).await {
        eprintln!("server error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
