//! Inputs built to hurt: huge strings, repeated objects and members, keys
//! far down a body, and text that would forge a log line. Each case once
//! went wrong; the scale benchmark (`benches/scale.rs`) covers their cost.

use sso_errors::zato::{Disclosure, SubStatus};
use sso_errors::{AnyReply, Body, DISPLAY_MAX, Error, detect, merchant, openam, zato, zenlogin};

const MIB: usize = 1 << 20;

fn assert_short(text: &str) {
    assert!(text.len() <= DISPLAY_MAX, "{} bytes", text.len());
    assert!(
        !text.contains("AAAAAAAA"),
        "the input is quoted: {}",
        &text[..200.min(text.len())]
    );
}

/// Every parser's error for `input` is short and quotes none of it.
fn errors_are_short(input: &[u8]) {
    fn one<'a, B: Body<'a>>(input: &'a [u8]) {
        if let Err(err) = B::parse(input) {
            assert_short(&err.to_string());
            assert_short(&format!("{err:?}"));
        }
    }
    one::<zato::Response<'_>>(input);
    one::<zato::BadRequest<'_>>(input);
    one::<zenlogin::ErrorDocument<'_>>(input);
    one::<openam::ErrorBody<'_>>(input);
    one::<merchant::ErrorBody<'_>>(input);
    if let Err(err) = AnyReply::parse(400, input) {
        assert_short(&err.to_string());
    }
}

#[test]
fn a_huge_string_gives_a_short_error() {
    let huge = "A".repeat(MIB);
    errors_are_short(format!("\"{huge}\"").as_bytes());
    for member in [
        "message",
        "errors",
        "cause",
        "authId",
        "source",
        "cid",
        "sub_status",
    ] {
        errors_are_short(format!(r#"{{"{member}":"{huge}"}}"#).as_bytes());
        errors_are_short(format!(r#"{{"code":400,"{member}":["{huge}"]}}"#).as_bytes());
    }
}

#[test]
fn every_error_object_of_a_document_is_written() {
    for input in [
        r#"{"errors":[{"code":"3003"},{"code":"3003"}]}"#,
        r#"{"errors":[{"code":"3003","meta":{"n":1}},{"code":"3003","meta":{"n":1.0}}]}"#,
        r#"{"errors":[{"meta":{"a":1,"b":2}},{"meta":{"b":2,"a":1}}]}"#,
    ] {
        let document = zenlogin::ErrorDocument::parse(input.as_bytes()).unwrap();
        assert_eq!(document.errors.len(), 2);
        assert_eq!(document.to_json(), input);
        assert_eq!(
            zenlogin::ErrorDocument::parse(document.to_json().as_bytes()).unwrap(),
            document
        );
    }
    // Many alike: all written, in order.
    let many = format!(
        r#"{{"errors":[{}]}}"#,
        vec![r#"{"code":"3003"}"#; 20_000].join(",")
    );
    let document = zenlogin::ErrorDocument::parse(many.as_bytes()).unwrap();
    assert_eq!(document.to_json(), many);
}

#[test]
fn equality_with_repeated_members_is_reflexive_and_symmetric() {
    let a = zenlogin::ErrorDocument::parse(br#"{"errors":[{"x":1,"x":1}]}"#).unwrap();
    let b = zenlogin::ErrorDocument::parse(br#"{"errors":[{"x":1,"x":2}]}"#).unwrap();
    let c = zenlogin::ErrorDocument::parse(br#"{"errors":[{"x":1,"x":2}]}"#).unwrap();
    assert_eq!(b, b.clone());
    assert_eq!(b, c);
    assert_ne!(a, b);
    assert_ne!(b, a);
    for body in [
        &br#"{"status":"ok","cid":"c","x":1,"x":2}"#[..],
        br#"{"status":"ok","cid":"c","x":2,"x":1}"#,
    ] {
        let one = zato::Response::parse(body).unwrap();
        assert_eq!(one, one.clone());
    }
    let x = zato::Response::parse(br#"{"status":"ok","cid":"c","x":1,"x":2}"#).unwrap();
    let y = zato::Response::parse(br#"{"status":"ok","cid":"c","x":2,"x":1}"#).unwrap();
    assert_eq!(x == y, y == x);
}

#[test]
fn a_huge_policy_input_is_disclosed_in_full() {
    let codes: Vec<String> = (0..50_000)
        .map(|i| format!("E{:06}", 100_000 + i))
        .collect();
    let policy = Disclosure::REVEAL_ALL.reveal_unknown(true);
    let out = policy.disclose("c", codes.iter().map(|c| zato::Code::from(c.as_str())));
    assert_eq!(out.response.sub_status.len(), codes.len());
    assert_eq!(out.logged.len(), codes.len());
    assert_short(&out.to_string());
    // Repeated, they are shown once.
    let out = Disclosure::LOGIN.disclose("c", vec![SubStatus::PasswordInvalid; 50_000]);
    assert_eq!(out.response.sub_status.len(), 1);
}

/// `n` filler members before the body's own.
fn filler(n: usize) -> String {
    (0..n).map(|i| format!(r#""k{i}":{i},"#)).collect()
}

#[test]
fn recognition_does_not_depend_on_where_a_key_stands() {
    for n in [0, 15, 16, 17, 23, 24, 25, 40, 41, 1000] {
        let legacy = format!(r#"{{{}"errorMessage":"Invalid Password!!"}}"#, filler(n));
        let reply = openam::Reply::parse(401, legacy.as_bytes()).unwrap();
        assert!(matches!(reply.body(), openam::ReplyBody::Legacy(_)), "{n}");

        let response = format!(
            r#"{{{}"status":"error","cid":"c","sub_status":["E005001"]}}"#,
            filler(n)
        );
        let reply = zato::Reply::parse(403, response.as_bytes()).unwrap();
        assert!(matches!(reply.body(), zato::ReplyBody::Response(_)), "{n}");

        let document = format!(r#"{{{}"errors":[{{"code":"3003"}}]}}"#, filler(n));
        assert_eq!(
            detect::detect(document.as_bytes()),
            Some(sso_errors::Vendor::Zenlogin),
            "{n}"
        );
        assert_eq!(
            AnyReply::parse(400, document.as_bytes()).unwrap().vendor(),
            sso_errors::Vendor::Zenlogin
        );
    }
}

/// No raw escape, line break or bidi override, and a bounded length.
fn assert_one_safe_line(text: &str) {
    assert!(text.len() <= DISPLAY_MAX, "{} bytes", text.len());
    for bad in ['\u{1b}', '\r', '\n', '\u{202e}'] {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
}

#[test]
fn a_body_cannot_forge_a_log_line() {
    let forged = r"\u001b[2J\r\nPOST /login 200 ok user=admin\u202e";
    let long = "m".repeat(MIB);
    let bodies: Vec<(u16, String)> = vec![
        (
            403,
            format!(r#"{{"status":"error","cid":"{forged}","sub_status":["{forged}"]}}"#),
        ),
        (
            400,
            format!(r#"{{"result":"Error","cid":"{forged}","details":"{forged}"}}"#),
        ),
        (
            400,
            format!(r#"{{"errors":[{{"code":"{forged}","detail":"{forged}","title":"{long}"}}]}}"#),
        ),
        (
            404,
            format!(r#"{{"code":404,"reason":"{forged}","message":"{long}"}}"#),
        ),
        (
            401,
            format!(r#"{{"errorMessage":"{forged}","failureUrl":"{long}"}}"#),
        ),
        (
            401,
            format!(r#"{{"failure":true,"reason":"{forged}","authId":"{long}"}}"#),
        ),
        (
            403,
            format!(
                r#"{{"message":[{{"errorName":"{forged}","code":"{forged}","description":"{long}"}}]}}"#
            ),
        ),
    ];
    for (status, body) in &bodies {
        let reply = AnyReply::parse(*status, body.as_bytes()).unwrap();
        assert_one_safe_line(&reply.to_string());
        assert_one_safe_line(&format!("{reply:?}"));
        let verdict = sso_errors::Verdict::from(reply);
        assert_one_safe_line(&verdict.to_string());
        assert_one_safe_line(&format!("{verdict:?}"));
        let problem = verdict.problem().unwrap();
        assert_one_safe_line(&problem.to_string());
        assert_one_safe_line(&format!("{problem:?}"));
    }
    let err: Error =
        zato::Response::parse(format!(r#"{{"status":"{forged}","cid":"c"}}"#).as_bytes())
            .unwrap_err();
    assert_one_safe_line(&err.to_string());
}

#[test]
fn the_input_an_error_quotes_has_its_control_characters_escaped() {
    // The snippet is public, and shown on its own as well as in messages.
    let err = "\u{1b}[2J\u{7}\u{202e}\u{2066}x"
        .parse::<SubStatus>()
        .unwrap_err();
    assert_eq!(
        err.input().to_string(),
        r#""\u{1b}[2J\u{7}\u{202e}\u{2066}x""#
    );
    assert_eq!(format!("{:?}", err.input()), err.input().to_string());
}

#[test]
fn a_long_member_is_cut_at_a_character_boundary() {
    // 255 bytes, then a two-byte character across the 256-byte cut.
    let cid = format!("{}é{}", "a".repeat(255), "b".repeat(10));
    let body = format!(r#"{{"status":"ok","cid":"{cid}"}}"#);
    let response = zato::Response::parse(body.as_bytes()).unwrap();
    let line = response.to_string();
    let shown = format!("{}… ({} bytes in all)", "a".repeat(255), cid.len());
    assert!(line.contains(&shown), "{line}");
    assert!(!line.contains('é') && !line.contains("ab"), "{line}");
    // Exactly 256 bytes: nothing is cut.
    let cid = format!("{}é", "a".repeat(254));
    let body = format!(r#"{{"status":"ok","cid":"{cid}"}}"#);
    let line = zato::Response::parse(body.as_bytes()).unwrap().to_string();
    assert!(
        line.contains(&cid) && !line.contains("bytes in all"),
        "{line}"
    );
}

#[test]
fn an_unknown_code_names_its_vendor_and_what_was_looked_for() {
    use sso_errors::{UnknownCode, Vendor};
    fn of<C: sso_errors::Catalog>(input: &str) -> (Vendor, &'static str, String) {
        let err = UnknownCode::new::<C>(input);
        (err.vendor(), err.noun(), err.to_string())
    }
    assert_eq!(
        of::<zato::SubStatus>("E999999"),
        (
            Vendor::Zato,
            "sub-status",
            r#"unknown Zato SSO sub-status code "E999999""#.into()
        )
    );
    assert_eq!(of::<zato::Status>("fine").1, "status");
    assert_eq!(of::<zenlogin::ErrorCode>("9999").1, "error");
    assert_eq!(of::<openam::Status>("299").1, "status");
    assert_eq!(of::<merchant::ErrorCode>("1").1, "error");
    // As the crate's error, it keeps the code and says the same.
    let unknown = UnknownCode::new::<zato::SubStatus>("E999999");
    let err = Error::from(unknown);
    assert_eq!(err.category(), sso_errors::Category::UnknownCode);
    assert_eq!(err.unknown_code(), Some(&unknown));
    assert_eq!(err.to_string(), unknown.to_string());
    let other = zato::Response::parse(b"[]").unwrap_err();
    assert_eq!(other.unknown_code(), None);
}

#[test]
fn a_snippet_is_cut_back_to_a_character_boundary() {
    use sso_errors::Snippet;
    let cases = [
        // (input, bytes kept)
        ("E005001".to_owned(), 7),
        ("a".repeat(64), 64),
        ("a".repeat(65), 64),
        // A two-byte character across the 64th byte, and one just inside.
        (format!("{}é", "a".repeat(63)), 63),
        (format!("{}é", "a".repeat(62)), 64),
        // A three-byte and a four-byte one across it.
        (format!("{}€tail", "a".repeat(62)), 62),
        (format!("{}🔑tail", "a".repeat(61)), 61),
        ("é".repeat(40), 64),
    ];
    for (input, kept) in cases {
        let snippet = Snippet::new(&input);
        assert_eq!(snippet.as_str(), &input[..kept], "{input}");
        assert_eq!(snippet.original_len(), input.len());
        assert_eq!(snippet.is_truncated(), kept < input.len());
    }
}
