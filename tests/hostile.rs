//! Inputs built to hurt: huge strings, repeated objects and members, keys
//! far down a body, and text that would forge a log line. Each case once
//! went wrong; the scale benchmark (`benches/scale.rs`) covers their cost.

use sso_errors::zato::{Disclosure, SubStatus};
use sso_errors::{AnyReply, Body, DISPLAY_MAX, Error, detect, merchant, openam, zato, zenlogin};

mod common;

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
    for bad in [
        '\u{1b}', '\r', '\n', '\u{202e}', '\u{2028}', '\u{2029}', '\u{85}',
    ] {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
}

#[test]
fn a_body_cannot_forge_a_log_line() {
    let forged = r"\u001b[2J\r\nPOST /login 200 ok user=admin\u202e\u2028\u2029\u0085";
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
            "unknown Zato SSO sub-status code of 7 bytes".into()
        )
    );
    // Never quoted, nor in Debug: a one-time password sent as a status.
    let totp = UnknownCode::new::<zato::Status>("731902");
    assert_eq!(totp.to_string(), "unknown Zato SSO status code of 6 bytes");
    assert!(!format!("{totp:?}").contains("731902"));
    assert_eq!(totp.input().as_str(), "731902");
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

#[test]
fn a_replys_whole_line_is_capped() {
    // A body whose own line fills the cap: the reply's line, with its
    // `HTTP 400: ` in front, is capped as a whole.
    let entry = r#"{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}"#;
    let body = format!(r#"{{"message":[{}]}}"#, vec![entry; 1000].join(","));
    let parsed = merchant::ErrorBody::parse(body.as_bytes()).unwrap();
    assert!(parsed.to_string().len() > DISPLAY_MAX - 16);
    let reply = AnyReply::parse(400, body.as_bytes()).unwrap();
    let line = reply.to_string();
    assert!(line.starts_with("HTTP 400: "), "{line}");
    assert!(line.len() <= DISPLAY_MAX, "{} bytes", line.len());
    let merchant = merchant::Reply::parse(400, body.as_bytes()).unwrap();
    assert!(merchant.to_string().len() <= DISPLAY_MAX);
    let verdict = sso_errors::Verdict::of(400, body.as_bytes());
    assert!(verdict.to_string().len() <= DISPLAY_MAX);
}

// ---------------------------------------------------------------------------
// Nothing of the input that the crate does not model leaves through
// `Display`, `Debug`, an error's message or its `source()` chain.

const TOKEN: &str = "AQIC5wM2LY4SfczntBbEs";
const PASSWORD: &str = "hunter2hunter2";
const TOTP: &str = "731902";

/// Every text the crate writes of `value`, and of its error chain.
fn written<T: std::fmt::Display + std::fmt::Debug>(value: &T) -> String {
    format!("{value}\n{value:?}\n{value:#?}")
}

fn chain(err: &dyn std::error::Error) -> String {
    let mut out = format!("{err}\n{err:?}\n{err:#?}");
    let mut source = err.source();
    while let Some(cause) = source {
        out.push_str(&format!("\n{cause}\n{cause:?}"));
        source = cause.source();
    }
    out
}

fn assert_hidden(what: &str, text: &str) {
    for secret in [TOKEN, PASSWORD, TOTP] {
        assert!(!text.contains(secret), "{what} writes {secret}: {text}");
    }
}

#[test]
fn debug_shows_no_unmodelled_member_nor_a_known_secret() {
    let bodies: Vec<(u16, String)> = vec![
        // A real Zato body's reset_key, and a password sent as a member.
        (
            200,
            format!(
                r#"{{"status":"ok","cid":"c1","reset_key":"{TOKEN}","password":"{PASSWORD}"}}"#
            ),
        ),
        // tokenId inside an OpenAM detail.
        (
            401,
            format!(
                r#"{{"code":401,"reason":"Unauthorized","message":"m","detail":{{"tokenId":"{TOKEN}"}}}}"#
            ),
        ),
        // Zenlogin meta, and an unknown member of an error object.
        (
            400,
            format!(
                r#"{{"errors":[{{"code":"3003","detail":"d","meta":{{"totp_code":"{TOTP}"}},"x":"{TOKEN}"}}],"meta":{{"p":"{PASSWORD}"}}}}"#
            ),
        ),
        // authId in the legacy body, where it is no member the body defines.
        (
            401,
            format!(r#"{{"errorMessage":"Invalid Password!!","authId":"{TOKEN}"}}"#),
        ),
        (
            401,
            format!(r#"{{"failure":true,"reason":"http-auth-failed","authId":"{TOKEN}"}}"#),
        ),
        // ust sent in the bad-request envelope.
        (
            400,
            format!(r#"{{"result":"Error","cid":"c1","details":"Bad request","ust":"{TOKEN}"}}"#),
        ),
        // new_password and totp_code beside a merchant entry.
        (
            400,
            format!(
                r#"{{"message":[{{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password","new_password":"{PASSWORD}"}}],"totp_code":{TOTP}}}"#
            ),
        ),
    ];
    for (status, body) in &bodies {
        let reply =
            AnyReply::parse(*status, body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_hidden(body, &written(&reply));
        let verdict = sso_errors::Verdict::of(*status, body.as_bytes());
        assert_hidden(body, &written(&verdict));
        if let Some(problem) = verdict.problem() {
            assert_hidden(body, &written(&problem));
            assert_hidden(body, &problem.to_json());
        }
    }
    // The value stays reachable, on purpose.
    let body = format!(r#"{{"status":"ok","cid":"c1","reset_key":"{TOKEN}"}}"#);
    let response = zato::Response::parse(body.as_bytes()).unwrap();
    assert_eq!(
        response.members.get("reset_key").unwrap().get(),
        format!(r#""{TOKEN}""#)
    );
}

#[test]
fn zenlogins_echoed_api_key_is_redacted_everywhere() {
    let body = format!(
        r#"{{"errors":[{{"code":"4002","detail":"Invalid *X_API_SECRET_KEY* Header value: {TOKEN}"}}]}}"#
    );
    let document = zenlogin::ErrorDocument::parse(body.as_bytes()).unwrap();
    assert_hidden("document", &written(&document));
    let verdict = sso_errors::Verdict::of(400, body.as_bytes());
    assert_hidden("verdict", &written(&verdict));
    let problem = verdict.problem().unwrap();
    assert_eq!(
        problem.detail.as_deref(),
        Some("Invalid *X_API_SECRET_KEY* Header value: <redacted>")
    );
    assert_hidden("problem", &problem.to_json());
    // Whatever the detail says, for that code.
    let body = format!(r#"{{"errors":[{{"code":"4002","detail":"key {TOKEN} refused"}}]}}"#);
    assert_hidden(
        "other text",
        &written(&sso_errors::Verdict::of(400, body.as_bytes())),
    );
    // The received text is the field's.
    assert!(
        document.errors[0]
            .detail
            .as_deref()
            .unwrap()
            .ends_with(TOKEN)
    );
}

#[test]
fn no_error_quotes_the_input_nor_has_a_source_that_does() {
    let long = "A".repeat(MIB);
    let inputs = [
        format!(r#"{{"code":"{TOKEN}","reason":"x"}}"#),
        format!(r#"{{"code":"{long}","reason":"x"}}"#),
        format!(r#"{{"status":"ok","cid":{TOTP}{TOTP}}}"#),
        format!(r#"{{"status":"ok","cid":"c","sub_status":{{"a":"{TOKEN}"}}}}"#),
        format!(r#"{{"failure":"{TOKEN}","authId":"x"}}"#),
        format!(r#"{{"message":[{{"errorName":"x","code":{{"{TOKEN}":1}},"description":"d"}}]}}"#),
        format!(r#"{{"errors":[{{"code":{TOTP}{TOTP}}}]}}"#),
        format!(r#"{{"errors":"{TOKEN}"}}"#),
    ];
    for input in &inputs {
        for vendor in sso_errors::Vendor::ALL {
            if let Err(err) = AnyReply::parse_from(Some(vendor), 400, input.as_bytes()) {
                let text = chain(&err);
                assert_hidden(input, &text);
                assert!(!text.contains(&long[..64]));
                assert!(text.lines().all(|line| line.len() <= DISPLAY_MAX));
            }
        }
        // The bodies' own Deserialize says no more.
        if let Err(err) = serde_json::from_str::<openam::ErrorBody<'_>>(input) {
            assert_hidden(input, &err.to_string());
        }
        if let Err(err) = serde_json::from_str::<zato::Response<'_>>(input) {
            assert_hidden(input, &err.to_string());
        }
        if let Err(err) = serde_json::from_str::<merchant::ErrorBody<'_>>(input) {
            assert_hidden(input, &err.to_string());
        }
    }
}

#[test]
fn unknown_codes_and_mismatches_hide_their_input_in_debug() {
    let err = TOTP.parse::<zato::Status>().unwrap_err();
    assert_hidden("UnknownCode", &written(&err));
    // A six-digit TOTP sent as Zato's status: not quoted, nor in the
    // problem a gateway answers with.
    let body = format!(r#"{{"status":"{TOTP}","cid":"c1"}}"#);
    let err = zato::Response::parse(body.as_bytes()).unwrap_err();
    assert_hidden("status", &chain(&err));
    let verdict = sso_errors::Verdict::of_vendor(sso_errors::Vendor::Zato, 403, body.as_bytes());
    assert_hidden("problem", &verdict.problem().unwrap().to_json());
    let mismatch = zenlogin::ErrorCode::InvalidApplicationKey
        .parse_detail(TOKEN)
        .unwrap_err();
    assert_hidden("Mismatch", &written(&mismatch));
    // An invalid JSON:API member: its value is described, not quoted.
    let err = zenlogin::Source::from_pointer(TOKEN).unwrap_err();
    assert_hidden("InvalidMember", &written(&err));
}

#[test]
fn recognition_reads_json_values_however_escaped() {
    let escaped = br#"{"status":"\u0065rror","cid":"c1","sub_status":["E005001"]}"#;
    assert!(zato::Reply::parse(403, escaped).is_ok());
    let reply = AnyReply::parse(403, escaped).unwrap();
    assert_eq!(reply.vendor(), sso_errors::Vendor::Zato);
    // With a merchant list beside it, either could have sent it.
    let both = br#"{"status":"\u0065rror","cid":"c1","sub_status":["E005001"],"message":[{"errorName":"x","code":"1","description":"d"}]}"#;
    let err = AnyReply::parse(403, both).unwrap_err();
    assert_eq!(err.category(), sso_errors::Category::Ambiguous);
    let plain = br#"{"status":"error","cid":"c1","sub_status":["E005001"],"message":[{"errorName":"x","code":"1","description":"d"}]}"#;
    assert_eq!(
        AnyReply::parse(403, plain).unwrap_err().category(),
        sso_errors::Category::Ambiguous
    );
}

#[test]
fn the_member_order_decides_nothing() {
    let one = br#"{"error":404,"code":500,"reason":"Not Found","message":"m"}"#;
    let other = br#"{"code":500,"error":404,"reason":"Not Found","message":"m"}"#;
    let a = openam::ErrorBody::parse(one).unwrap_err();
    let b = openam::ErrorBody::parse(other).unwrap_err();
    assert_eq!((a.category(), a.reason()), (b.category(), b.reason()));
    assert_eq!(a.reason(), "duplicate member `code`");
    // A legacy `error` that is no number is another member, in either order.
    let text = br#"{"error":"invalid_grant","code":400,"reason":"Bad Request","message":"m"}"#;
    assert_eq!(openam::ErrorBody::parse(text).unwrap().members.len(), 1);
}

#[test]
fn member_names_come_back_as_they_were_spelled() {
    // Names of members no body defines, with escapes, at the top level and
    // nested (an error object, its `source`), in the borrowing and the owning
    // parse.
    let zato = br#"{"status":"ok","cid":"c1","x\u0041y":1,"\/p":"q","plain":true}"#;
    let response = zato::Response::parse(zato).unwrap();
    assert_eq!(response.to_json().as_bytes(), zato);
    assert_eq!(response.members.get("xAy").unwrap().get(), "1");
    assert_eq!(
        zato::Response::parse_owned(zato)
            .unwrap()
            .to_json()
            .as_bytes(),
        zato
    );
    let document = br#"{"errors":[{"code":"3003","d\u0065tail2":"x","source":{"pointer":"/x","p\u0061r":1}}],"m\u0065ta2":{}}"#;
    let parsed = zenlogin::ErrorDocument::parse(document).unwrap();
    assert_eq!(parsed.to_json().as_bytes(), document);
    // Through the replies too, and through serde into other shapes.
    let reply = AnyReply::parse(200, zato).unwrap();
    assert_eq!(reply.to_body().as_bytes(), zato);
    let value = serde_json::to_value(&response).unwrap();
    assert_eq!(value["xAy"], 1);
    // Escaped quotes and backslashes inside a name, whitespace around the
    // colon, a name that only ends in an escape.
    for body in [
        &br#"{"status":"ok","cid":"c1","q\"\u0041\\":1}"#[..],
        br#"{"status":"ok","cid":"c1", "\\\"\u0042" :	[1,"\""] }"#,
        br#"{"status":"ok","cid":"c1","a":1,"b\u0043":{"\u0044":2}}"#,
        br#"{"status":"ok","cid":"c1","\\\\\u0045":null}"#,
    ] {
        let response = zato::Response::parse(body).unwrap();
        let compact = common::compact(std::str::from_utf8(body).unwrap());
        assert_eq!(
            response.to_json(),
            compact,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // A body built in code writes names with standard escaping.
    let mut built = zato::Response::ok("c1");
    built
        .members
        .push("x\"y", sso_errors::RawJson::from_json("1").unwrap());
    assert_eq!(built.to_json(), r#"{"status":"ok","cid":"c1","x\"y":1}"#);
}
