//! The main job of the crate, for each vendor: look a code up, parse a real
//! error body into typed values, and render one.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use sso_errors::zato::{self, Disclosure, SubStatus};
use sso_errors::{merchant, openam, zenlogin};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("== Zato SSO");
    let code: SubStatus = "E005001".parse()?;
    println!(
        "lookup   {code} = {} ({}): {}",
        code.label().unwrap_or_default(),
        code.http_status(),
        code.description()
    );

    let received =
        br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
    let response = zato::Response::parse(received)?;
    println!("parsed   {response}");
    println!(
        "         HTTP {}, codes {:?}",
        response.http_status(),
        response.sub_status
    );

    let out = Disclosure::LOGIN.disclose("7bc5ffdf15ff1baa90693a9a", [SubStatus::UsernameInvalid]);
    println!("rendered {}", out.response.to_json());
    println!("         logged only: {:?}", out.logged);

    println!();
    println!("== Zenlogin");
    let code: zenlogin::ErrorCode = "3003".parse()?;
    println!(
        "lookup   {code} ({}, HTTP {}): {}",
        code.group(),
        code.http_status(),
        code.description()
    );
    let received = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
    let document = zenlogin::ErrorDocument::parse(received)?;
    println!("parsed   {document} (HTTP {})", document.http_status());
    for error in document.errors.iter() {
        if let (Some(code), Ok(values)) = (error.known(), error.values()) {
            println!(
                "         {} error about {:?}: {:?}",
                code.group(),
                code.field(),
                values.as_slice()
            );
        }
    }
    let rendered = zenlogin::ErrorDocument::from(zenlogin::ErrorObject::render(
        zenlogin::ErrorCode::InvalidIpAddress,
        &["300.1.2.3"],
    )?);
    println!("rendered {}", rendered.to_json());

    println!();
    println!("== OpenAM");
    let status = openam::Status::from_u16(503).ok_or("unknown status")?;
    println!(
        "lookup   {} {} (retryable: {}): {}",
        status.as_u16(),
        status.reason(),
        status.is_retryable(),
        status.description()
    );
    let received = br#"{"code":401,"reason":"Unauthorized","message":"Authentication Failed"}"#;
    let body = openam::ErrorBody::parse(received)?;
    println!("parsed   {body}");
    let rendered =
        openam::ErrorBody::new(openam::Status::NotFound).with_message("Resource cannot be found.");
    println!("rendered {}", rendered.to_json());

    println!();
    println!("== merchant User Management");
    let code = merchant::ErrorCode::from_pair("50500", "Failed to generate SSO token")
        .ok_or("unknown pair")?;
    println!(
        "lookup   {code} / {} ({}): {}",
        code.error_name(),
        code.http_status(),
        code.description()
    );
    let received = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}]}"#;
    let body = merchant::ErrorBody::parse(received)?;
    println!("parsed   {body}");
    println!(
        "         HTTP {:?}, description {:?}",
        body.http_status(),
        body.message()[0].description
    );
    let rendered = merchant::ErrorBody::new(merchant::ErrorEntry::new(
        merchant::ErrorCode::FailedToGenerateSsoToken,
        merchant::Description::InsufficientPrivileges,
    ));
    println!("rendered {}", rendered.to_json());

    Ok(())
}
