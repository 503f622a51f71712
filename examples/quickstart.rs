//! The main job of the crate, for each vendor: look a code up, parse a real
//! error body into typed values, and render one.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use sso_errors::zato::{self, Disclosure, SubStatus};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("== Zato SSO");
    let code: SubStatus = "E005001".parse()?;
    println!(
        "lookup   {code} = {} ({}): {}",
        code.label(),
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

    Ok(())
}
