//! `examples/zato_login_server` over real HTTP: the seed's requests get the
//! seed's statuses, content type and exact bodies, every request a fresh
//! `cid`, and the log never a password or a session token.

#[path = "../examples/zato_login_server/totp.rs"]
mod totp;

use std::collections::HashSet;
use std::time::{SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use sso_errors::zato::{self, ReplyBody, Status, SubStatus};

#[path = "common/example.rs"]
mod example;
use example::Example;

/// The seed's User.login request body, as its curl example sends it.
const SEED_LOGIN: &str = "\n  {\n  \"username\":     \"user1\",\n  \"password\":     \"SD:n25a9-?Z8e-49bQ  D%\",\n  \"current_app\":  \"CRM\"\n  }";

const PASSWORDS: [&str; 4] = [
    "SD:n25a9-?Z8e-49bQ  D%",
    "user2-Pa55w0rd-totp",
    "user3-Pa55w0rd-expiring",
    "user4-Pa55w0rd-pending",
];

/// The example, started on a free loopback port.
struct Server {
    example: Example,
    url: String,
}

impl Server {
    fn start() -> Self {
        let example = Example::start("zato_login_server", &["--addr", "127.0.0.1:0"]);
        let url = format!("{}/zato/sso/user/login", example.url());
        Self { example, url }
    }

    /// Stops the server and returns its log.
    fn stop(self) -> String {
        self.example.stop()
    }
}

type HttpClient = Client<HttpConnector, Full<Bytes>>;

fn client() -> HttpClient {
    Client::builder(TokioExecutor::new()).build_http()
}

/// What the server answered.
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

async fn post(client: &HttpClient, url: &str, body: &str) -> Answer {
    let request = hyper::Request::post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Full::new(Bytes::from(body.to_owned())))
        .unwrap();
    let response = client.request(request).await.unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_type,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// The `cid` of a body, checked to be 24 hex digits.
fn cid(answer: &Answer) -> String {
    let reply = zato::Reply::parse(answer.status, answer.body.as_bytes()).unwrap();
    let cid = reply.body().cid().unwrap().to_owned();
    assert!(
        cid.len() == 24 && cid.bytes().all(|b| b.is_ascii_hexdigit()),
        "{cid}"
    );
    cid
}

/// The `ust` of a success body, checked to be 64 hex digits.
fn ust(answer: &Answer) -> String {
    let reply = zato::Reply::parse(answer.status, answer.body.as_bytes()).unwrap();
    let ReplyBody::Response(response) = reply.body() else {
        panic!("{}", answer.body)
    };
    let ust = response.ust.as_deref().unwrap().to_owned();
    assert!(ust.len() == 64 && ust.bytes().all(|b| b.is_ascii_hexdigit()));
    ust
}

fn request(username: &str, password: &str) -> String {
    format!(r#"{{"username":"{username}","password":"{password}","current_app":"CRM"}}"#)
}

fn error_body(cid: &str, code: SubStatus) -> String {
    format!(
        r#"{{"status":"error","cid":"{cid}","sub_status":["{}"]}}"#,
        code.code()
    )
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_as_the_seed_documents() {
    let server = Server::start();
    let client = client();
    let url = &server.url;
    let mut usts = Vec::new();

    // Everything is OK: 200, status, cid, ust, in the seed's order.
    let ok = post(&client, url, SEED_LOGIN).await;
    assert_eq!(
        (ok.status, ok.content_type.as_str()),
        (200, "application/json")
    );
    let (cid_ok, ust_ok) = (cid(&ok), ust(&ok));
    assert_eq!(
        ok.body,
        format!(r#"{{"status":"ok","cid":"{cid_ok}","ust":"{ust_ok}"}}"#)
    );
    usts.push(ust_ok);

    // Invalid username or password, and a user not approved: 403, E005001.
    for body in [
        request("user1", "not the password"),
        request("nobody", "SD:n25a9-?Z8e-49bQ  D%"),
        request("user1", ""),
        request("user4", PASSWORDS[3]),
    ] {
        let answer = post(&client, url, &body).await;
        assert_eq!(answer.status, 403, "{body}");
        assert_eq!(answer.content_type, "application/json");
        assert_eq!(
            answer.body,
            error_body(&cid(&answer), SubStatus::AuthNotAllowed)
        );
    }

    // TOTP: no code is E005008, a wrong one E005001, the right one a session.
    let totp_user = request("user2", PASSWORDS[1]);
    let answer = post(&client, url, &totp_user).await;
    assert_eq!(answer.status, 403);
    assert_eq!(
        answer.body,
        error_body(&cid(&answer), SubStatus::AuthTotpMissing)
    );
    let with_code = |code: &str| {
        format!(
            r#"{{"username":"user2","password":"{}","current_app":"CRM","totp_code":"{code}"}}"#,
            PASSWORDS[1]
        )
    };
    let right = totp::code(b"12345678901234567890", now());
    assert!(totp::verify(b"12345678901234567890", &right, now()));
    let wrong = format!("{:06}", (right.parse::<u32>().unwrap() + 1) % 1_000_000);
    let answer = post(&client, url, &with_code(&wrong)).await;
    assert_eq!(
        answer.body,
        error_body(&cid(&answer), SubStatus::AuthNotAllowed)
    );
    let answer = post(&client, url, &with_code(&right)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    usts.push(ust(&answer));

    // A password about to expire: a warning beside the session.
    let answer = post(&client, url, &request("user3", PASSWORDS[2])).await;
    assert_eq!(answer.status, 200);
    let (cid_w, ust_w) = (cid(&answer), ust(&answer));
    assert_eq!(
        answer.body,
        format!(
            r#"{{"status":"warning","cid":"{cid_w}","sub_status":["W003005"],"ust":"{ust_w}"}}"#
        )
    );
    usts.push(ust_w);

    // A required field missing, and malformed JSON: the 400 envelope.
    for body in [
        r#"{"username":"user1","password":"SD:n25a9-?Z8e-49bQ  D%"}"#,
        r#"{"username":"user1","password":12345,"current_app":"CRM"}"#,
        r#"{"username":"user1","#,
        "",
    ] {
        let answer = post(&client, url, body).await;
        assert_eq!(answer.status, 400, "{body}");
        assert_eq!(answer.content_type, "application/json");
        let cid = cid(&answer);
        assert_eq!(
            answer.body,
            format!(r#"{{"result":"Error","cid":"{cid}","details":"Bad request"}}"#)
        );
    }

    // An application the server does not know: Zato's 200 with an error.
    let answer = post(
        &client,
        url,
        r#"{"username":"user1","password":"x","current_app":"ERP"}"#,
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        error_body(&cid(&answer), SubStatus::AppListInvalid)
    );

    let log = server.stop();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 14, "one line per request:\n{log}");
    for secret in PASSWORDS.into_iter().chain(usts.iter().map(String::as_str)) {
        assert!(!log.contains(secret), "the log holds a secret:\n{log}");
    }
    assert!(!log.contains(&right), "the log holds a TOTP code");
    assert!(!log.contains("12345"), "the log quotes the input");
    // The specific reasons are in the log, never in the bodies.
    for reason in [
        "E003001 password.invalid",
        "E001001 username.invalid",
        "E008003 common.missing_input",
        "E005004 auth.not_approved",
        "E005008 auth.totp_missing",
        "W003005 password.w_about_to_exp",
    ] {
        assert!(log.contains(reason), "{reason} is not logged:\n{log}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_few_hundred_concurrent_logins_all_get_their_answer() {
    let server = Server::start();
    let client = client();
    let mut tasks = Vec::new();
    for i in 0..300_usize {
        let (client, url) = (client.clone(), server.url.clone());
        tasks.push(tokio::spawn(async move {
            let (body, expected) = match i % 4 {
                0 => (SEED_LOGIN.to_owned(), Status::Ok),
                1 => (request("user1", "wrong"), Status::Error),
                2 => (request("user3", PASSWORDS[2]), Status::Warning),
                _ => (r#"{"username":"user1"}"#.to_owned(), Status::Error),
            };
            let answer = post(&client, &url, &body).await;
            let reply = zato::Reply::parse(answer.status, answer.body.as_bytes()).unwrap();
            match (reply.body(), i % 4) {
                (ReplyBody::BadRequest(_), 3) => assert_eq!(answer.status, 400),
                (ReplyBody::Response(response), _) => {
                    assert_eq!(response.status, expected, "{}", answer.body);
                    assert_eq!(response.ust.is_some(), expected != Status::Error);
                }
                _ => panic!("{i}: {}", answer.body),
            }
            cid(&answer)
        }));
    }
    let mut cids = HashSet::new();
    for task in tasks {
        assert!(cids.insert(task.await.unwrap()), "a cid was given twice");
    }
    assert_eq!(cids.len(), 300);
    let log = server.stop();
    assert_eq!(log.lines().count(), 300);
}
