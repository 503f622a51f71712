//! The main job of the crate: the verdict on what an upstream answered (did
//! it work, what kind of failure, who acts, retry when, what to log, what to
//! answer); then, for each vendor, look a code up, parse what the server
//! sent, write a body back.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use sso_errors::{AnyCode, AnyReply, Verdict, merchant, openam, zato, zenlogin};

/// An answer's headers, as name and value.
type Headers = &'static [(&'static str, &'static str)];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // What upstreams answered: status, headers, body. One verdict each.
    let answers: [(u16, Headers, &[u8]); 6] = [
        (
            403,
            &[],
            br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
        ),
        (
            200,
            &[],
            br#"{"status":"warning","cid":"7bc5","sub_status":["W003005"],"ust":"gAAAAABakZB"}"#,
        ),
        (
            503,
            &[("Retry-After", "120")],
            br#"{"code":503,"reason":"Service Unavailable","message":"Down for maintenance"}"#,
        ),
        (
            403,
            &[],
            br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
        ),
        (502, &[], b"<html><body>Bad Gateway</body></html>"),
        (200, &[], br#"{"tokenId":"AQIC5wM2LY4Sfcz"}"#),
    ];
    for (status, headers, body) in answers {
        let verdict = Verdict::of(status, body).with_headers(headers.iter().copied());
        println!("log      {verdict}");
        match verdict.problem() {
            Some(problem) => println!("answer   {} {}", problem.status, problem.to_json()),
            None => println!("answer   pass it on as it came ({})", verdict.outcome()),
        }
    }
    println!();

    // Look codes up in every catalog at once.
    for code in ["E005001", "1001", "503", "50500"] {
        let entry = AnyCode::lookup(code).unique().ok_or("unknown code")?;
        println!(
            "{:<9} {:<24} {} ({}, HTTP {}{})",
            entry.code(),
            entry.vendor().to_string(),
            entry.label().unwrap_or("-"),
            entry.kind(),
            entry.http_status(),
            if entry.is_retryable() {
                ", retryable"
            } else {
                ""
            },
        );
    }
    println!();

    // Parse what each server sent, and write it back unchanged.
    let zato = br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
    let zenlogin = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
    let openam = br#"{"code":401,"reason":"Unauthorized","message":"Authentication Failed"}"#;
    let merchant = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}]}"#;
    let response = zato::Response::parse(zato)?;
    println!("parsed   {response}");
    assert_eq!(response.to_json().as_bytes(), zato);
    let document = zenlogin::ErrorDocument::parse(zenlogin)?;
    println!("parsed   {document}");
    let key = document.errors[0].values()?;
    println!(
        "         the application key it echoes: {}",
        key.as_slice().join(", ")
    );
    println!("parsed   {}", openam::ErrorBody::parse(openam)?);
    let body = merchant::ErrorBody::parse(merchant)?;
    println!("parsed   {body}");
    println!(
        "         the email it names: {}",
        body.message()[0].description.value().unwrap_or("-")
    );
    println!();

    // Answer as a server would: the caller sees E005001, the log the reason.
    let out = zato::Disclosure::LOGIN.disclose(
        "7bc5ffdf15ff1baa90693a9a",
        [zato::SubStatus::UsernameInvalid],
    );
    println!("answer   {}", out.response.to_json());
    println!(
        "log      {}",
        out.logged
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let key = zenlogin::ErrorCode::InvalidIpAddress
        .template()
        .ok_or("no template")?;
    let rendered = zenlogin::ErrorDocument::new([zenlogin::ErrorObject::new(
        key.code(),
        key.render(["300.1.2.3"])?,
    )]);
    println!("answer   {}", rendered.to_json());
    println!();

    // A reply of unknown origin, parsed: the vendor's own members.
    for (status, input) in [
        (403, &zato[..]),
        (
            503,
            br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#,
        ),
        (401, b""),
    ] {
        let reply = AnyReply::parse(status, input)?;
        println!(
            "HTTP {status}  {:<24} {} ({})",
            reply.vendor().to_string(),
            reply.kind(),
            if reply.is_retryable() {
                "retry later"
            } else {
                "do not retry"
            },
        );
    }
    // And one that no vendor sends: a typed error that says why.
    let err = AnyReply::parse(200, br#"{"tokenId":"AQIC5wM2LY4Sfcz"}"#).unwrap_err();
    println!("HTTP 200  {err}");
    Ok(())
}
