//! Zato SSO: the catalog, the response body, the 400 envelope, User.login and
//! the disclosure policy, pinned against the vendor's documented and real
//! bodies.

mod common;

use std::borrow::Cow;
use std::collections::HashSet;

use common::{compact, vectors};
use sso_errors::zato::{
    BadRequest, Code, Disclosure, LoginRequest, Reply, ReplyBody, Response, Severity, Status,
    SubStatus,
};
use sso_errors::{Catalog, Category, Origin, Spelling, Vendor, Wire};

/// The success example of the User.login documentation, as printed.
const SEED_LOGIN_OK: &str = r#"{
  "status": "ok",
  "cid": "7bc5ffdf15ff1baa90693a9a",
  "ust": "gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."
}"#;

/// The failure example of the User.login documentation, as printed.
const SEED_LOGIN_ERROR: &str = r#"{
  "status": "error",
  "cid": "30e22dfde268b7ba0b56ad0d",
  "sub_status": ["E005001"]
}"#;

/// The request body of both User.login examples.
const SEED_LOGIN_REQUEST: &str = r#"{
  "username":     "user1",
  "password":     "SD:n25a9-?Z8e-49bQ  D%",
  "current_app":  "CRM"
  }"#;

/// Every code of the status-code table, with its label, as the documentation
/// prints them (`E010010` included, as documented).
const SEED_TABLE: &[(&str, &str)] = &[
    ("E001001", "username.invalid"),
    ("E001002", "username.exists"),
    ("E001003", "username.too_long"),
    ("E001004", "username.has_whitespace"),
    ("E001100", "user_id.invalid"),
    ("E002001", "email.invalid"),
    ("E002002", "email.exists"),
    ("E002003", "email.too_long"),
    ("E002004", "email.has_whitespace"),
    ("E002005", "email.missing"),
    ("E003001", "password.invalid"),
    ("E003002", "password.too_short"),
    ("E003003", "password.too_long"),
    ("E003004", "password.expired"),
    ("W003005", "password.w_about_to_exp"),
    ("E003006", "password.e_about_to_exp"),
    ("E003007", "password.must_send_new"),
    ("E004001", "app_list.invalid"),
    ("E004002", "app_list.no_signup"),
    ("E005001", "auth.not_allowed"),
    ("E005002", "auth.locked"),
    ("E005003", "auth.invalid_signup_status"),
    ("E005004", "auth.not_approved"),
    ("E005005", "auth.super_user_required"),
    ("E005006", "auth.no_such_sign_up_token"),
    ("E005007", "auth.sign_up_confirmed"),
    ("E006001", "metadata.not_allowed"),
    ("E007001", "session.no_such_session"),
    ("E007002", "session.expired"),
    ("E008001", "common.invalid_operation"),
    ("E008002", "common.invalid_input"),
    ("E008003", "common.missing_input"),
    ("E008004", "common.internal_error"),
    ("E009001", "attr.already_exists"),
    ("E009002", "attr.no_such_attr"),
    ("E010010", "password_reset.could_not_access"),
];

#[test]
fn catalog_has_the_36_documented_codes_plus_the_two_the_server_adds() {
    assert_eq!(SubStatus::COUNT, 38);
    assert_eq!(SubStatus::ALL.len(), 38);
    assert_eq!(SEED_TABLE.len(), 36);
    for (code, label) in SEED_TABLE {
        let entry = SubStatus::from_code(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(entry.label(), Some(*label), "{code}");
        assert!(entry.origin().is_documented(), "{code}");
    }
    let server_only: Vec<_> = SubStatus::ALL
        .iter()
        .filter(|c| c.origin() == Origin::Server)
        .map(|c| (c.code(), c.label().unwrap_or_default()))
        .collect();
    assert_eq!(
        server_only,
        [
            ("E003008", "password.not_complex_enough"),
            ("E005008", "auth.totp_missing")
        ]
    );
}

#[test]
fn e010010_is_the_documented_alias_of_e010001() {
    let entry = SubStatus::PasswordResetCouldNotAccess;
    assert_eq!(entry.code(), "E010001");
    assert_eq!(entry.alias(), Some("E010010"));
    assert_eq!(
        SubStatus::resolve("E010010"),
        Some((entry, Spelling::Alias))
    );
    assert_eq!(
        SubStatus::resolve("E010001"),
        Some((entry, Spelling::Canonical))
    );
    let aliased: Vec<_> = SubStatus::ALL
        .iter()
        .filter_map(|c| c.alias().map(|a| (c.code(), a)))
        .collect();
    assert_eq!(aliased, [("E010001", "E010010")]);
}

#[test]
fn catalog_matches_the_server_source_code_list() {
    #[derive(serde::Deserialize)]
    struct Constant {
        code: String,
        python_path: String,
    }
    let text = include_str!("data/zato/source_codes.json");
    let constants: Vec<Constant> = serde_json::from_str(text).unwrap();
    let ours: HashSet<_> = SubStatus::ALL
        .iter()
        .map(|c| {
            (
                c.code().to_owned(),
                c.label().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let theirs: HashSet<_> = constants
        .into_iter()
        .map(|c| (c.code, c.python_path))
        .collect();
    assert_eq!(ours, theirs);
}

#[test]
fn every_code_round_trips_through_code_label_and_json() {
    for &code in SubStatus::ALL {
        assert_eq!(SubStatus::from_code(code.code()), Some(code));
        assert_eq!(code.code().parse::<SubStatus>(), Ok(code));
        assert_eq!(SubStatus::try_from(code.code()), Ok(code));
        assert_eq!(code.to_string(), code.code());
        assert_eq!(<&'static str>::from(code), code.code());
        let label = code.label().expect("every sub-status has a label");
        assert_eq!(SubStatus::from_label(label), Some(code));
        assert_eq!(<SubStatus as Catalog>::from_label(label), Some(code));
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.code()));
        assert_eq!(serde_json::from_str::<SubStatus>(&json).unwrap(), code);
        let wire: Wire<'_, SubStatus> = serde_json::from_str(&json).unwrap();
        assert_eq!(wire, code);
        assert!(!code.description().is_empty());
    }
}

#[test]
fn codes_and_labels_are_unique_and_well_formed() {
    let codes: HashSet<_> = SubStatus::ALL.iter().map(|c| c.code()).collect();
    let labels: HashSet<_> = SubStatus::ALL.iter().filter_map(|c| c.label()).collect();
    assert_eq!(codes.len(), SubStatus::COUNT);
    assert_eq!(labels.len(), SubStatus::COUNT);
    for &code in SubStatus::ALL {
        let text = code.code();
        assert_eq!(text.len(), 7, "{text}");
        assert!(text[1..].bytes().all(|b| b.is_ascii_digit()), "{text}");
        let expected = match text.as_bytes()[0] {
            b'E' => Severity::Error,
            b'W' => Severity::Warning,
            _ => panic!("{text} has no E/W prefix"),
        };
        assert_eq!(code.severity(), expected, "{text}");
        assert_eq!(
            code.http_status(),
            if expected == Severity::Error {
                403
            } else {
                200
            }
        );
        let label = code.label().unwrap_or_default();
        assert!(label.contains('.'), "{label}");
    }
}

#[test]
fn statuses() {
    assert_eq!(Status::ALL, [Status::Ok, Status::Warning, Status::Error]);
    for &status in Status::ALL {
        assert_eq!(Status::from_code(status.code()), Some(status));
        assert_eq!(status.to_string(), status.code());
    }
    assert_eq!(Status::Ok.http_status(), 200);
    assert_eq!(Status::Warning.http_status(), 200);
    assert_eq!(Status::Error.http_status(), 403);
    assert_eq!(Severity::Warning.status(), Status::Warning);
    assert!(Status::from_code("OK").is_none());
}

#[test]
fn unknown_lookups_are_typed_errors_naming_the_input() {
    for input in [
        "", "E", "E00500", "E0050011", "e005001", "W005001", "E005001 ", "\0", "ünï",
    ] {
        assert_eq!(SubStatus::from_code(input), None, "{input:?}");
        let err = input.parse::<SubStatus>().unwrap_err();
        assert_eq!(err.input().as_str(), input);
        assert_eq!(err.vendor(), Vendor::Zato);
        assert!(err.to_string().contains("sub-status"), "{err}");
    }
    let long = "E".repeat(10_000);
    let err = long.parse::<SubStatus>().unwrap_err();
    assert!(err.input().is_truncated());
    assert!(err.to_string().len() < 200);
    assert!(SubStatus::from_label("auth.NOT_allowed").is_none());
}

#[test]
fn seed_login_examples_serialize_byte_for_byte() {
    let ok =
        Response::ok("7bc5ffdf15ff1baa90693a9a").with_ust("gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv...");
    assert_eq!(ok.to_json(), compact(SEED_LOGIN_OK));
    assert_eq!(ok.http_status(), 200);

    let error = Response::error("30e22dfde268b7ba0b56ad0d", [SubStatus::AuthNotAllowed]);
    assert_eq!(error.to_json(), compact(SEED_LOGIN_ERROR));
    assert_eq!(error.http_status(), 403);
}

#[test]
fn seed_login_examples_parse_to_the_typed_values() {
    let ok = Response::parse(SEED_LOGIN_OK.as_bytes()).unwrap();
    assert_eq!(ok.status, Status::Ok);
    assert_eq!(ok.cid, "7bc5ffdf15ff1baa90693a9a");
    assert_eq!(
        ok.ust.as_deref(),
        Some("gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv...")
    );
    assert!(ok.sub_status.is_empty());
    assert_eq!(ok.to_json(), compact(SEED_LOGIN_OK));

    let error = Response::parse(SEED_LOGIN_ERROR.as_bytes()).unwrap();
    assert_eq!(error.status, Status::Error);
    assert_eq!(error.sub_status, [SubStatus::AuthNotAllowed]);
    assert_eq!(error.ust, None);
    assert_eq!(error.to_json(), compact(SEED_LOGIN_ERROR));
    assert_eq!(
        error,
        Response::error("30e22dfde268b7ba0b56ad0d", [SubStatus::AuthNotAllowed])
    );
}

#[test]
fn seed_login_request_both_directions() {
    let request: LoginRequest = serde_json::from_str(SEED_LOGIN_REQUEST).unwrap();
    assert_eq!(
        request,
        LoginRequest::new("user1", "SD:n25a9-?Z8e-49bQ  D%", "CRM")
    );
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        compact(SEED_LOGIN_REQUEST)
    );
    let full = LoginRequest::new("u", "p", "CRM")
        .with_totp_code("123456")
        .with_new_password("q")
        .with_remote_addr("10.1.2.3")
        .with_user_agent("curl");
    let json = serde_json::to_string(&full).unwrap();
    assert_eq!(
        json,
        r#"{"username":"u","password":"p","current_app":"CRM","totp_code":"123456","new_password":"q","remote_addr":"10.1.2.3","user_agent":"curl"}"#
    );
    assert_eq!(serde_json::from_str::<LoginRequest>(&json).unwrap(), full);
    let debug = format!("{full:?}");
    assert!(
        !debug.contains("123456") && !debug.contains("\"q\"") && !debug.contains("\"p\""),
        "{debug}"
    );
    // What may be shown is.
    for shown in [
        "LoginRequest",
        "username: \"u\"",
        "current_app: \"CRM\"",
        "10.1.2.3",
        "curl",
    ] {
        assert!(debug.contains(shown), "{shown} in {debug}");
    }
    assert!(serde_json::from_str::<LoginRequest>(r#"{"username":"u"}"#).is_err());
}

#[test]
fn every_real_body_round_trips_byte_for_byte() {
    let all = vectors("zato");
    assert_eq!(all.len(), 18);
    for (name, vector) in all {
        let raw = vector.body.get();
        // The vectors recorded without an HTTP status are `error` bodies.
        let status = vector.http_status.unwrap_or(403);
        let reply = Reply::parse(status, raw.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(reply.to_body(), compact(raw), "{name} ({})", vector.source);
        assert_eq!(reply.http_status(), status, "{name}");
        // The status the body implies is the one it was recorded with.
        if let Some(recorded) = vector.http_status {
            let implied = match reply.body() {
                ReplyBody::Response(response) => response.http_status(),
                ReplyBody::BadRequest(envelope) => envelope.http_status(),
                ReplyBody::PlainBadRequest => 400,
                other => panic!("{name}: {other:?}"),
            };
            assert_eq!(implied, recorded, "{name}");
        }
        // The owning serde path gives the same body.
        if let ReplyBody::Response(response) = reply.body() {
            let owned: Response<'static> = serde_json::from_str(raw).unwrap();
            assert_eq!(&owned, response, "{name}");
            assert_eq!(owned.to_json(), compact(raw), "{name}");
        }
    }
}

#[test]
fn real_server_shapes() {
    // Success carrying an empty list, a reset key and a 23-character cid.
    let body =
        br#"{"cid":"6e25233ae0738ce1b000c97","status":"ok","reset_key":"gAAAA","sub_status":[]}"#;
    let response = Response::parse(body).unwrap();
    assert!(response.is_ok() && response.sub_status.is_empty());
    assert_eq!(
        response.members.get("reset_key").unwrap().get(),
        r#""gAAAA""#
    );
    assert_eq!(response.to_json().as_bytes(), body);

    // A login warning carries both the warning and the session token.
    let body = br#"{"status":"warning","cid":"01","sub_status":["W003005"],"ust":"gAAAA"}"#;
    let response = Response::parse(body).unwrap();
    assert_eq!(response.status, Status::Warning);
    assert_eq!(response.http_status(), 200);
    assert_eq!(response.sub_status, [SubStatus::PasswordWAboutToExp]);
    assert_eq!(response.ust.as_deref(), Some("gAAAA"));

    // The bare-string spelling is read as a one-code list and written back bare.
    let body = br#"{"status":"error","sub_status":"E003007","cid":"e6"}"#;
    let response = Response::parse(body).unwrap();
    assert_eq!(response.sub_status, [SubStatus::PasswordMustSendNew]);
    assert_eq!(response.to_json().as_bytes(), body);

    // A user record's fields stay in place, whatever their types.
    let body = br#"{"cid":"de","display_name":"John Doe","is_active":true,"n":1.50,"status":"ok","x":null}"#;
    let response = Response::parse(body).unwrap();
    assert_eq!(response.members.len(), 4);
    assert_eq!(response.to_json().as_bytes(), body);
}

#[test]
fn unknown_codes_and_aliases_round_trip_as_received() {
    let body =
        br#"{"status":"error","cid":"ab","sub_status":["E999001","E010010","E010001","W123456"]}"#;
    let response = Response::parse(body).unwrap();
    let [unknown, alias, canonical, unknown_warning] = response.sub_status.as_slice() else {
        panic!("four codes");
    };
    assert_eq!(unknown.known(), None);
    assert_eq!(unknown.as_str(), "E999001");
    assert_eq!(alias.known(), Some(SubStatus::PasswordResetCouldNotAccess));
    assert_eq!(alias.spelling(), Some(Spelling::Alias));
    assert_eq!(alias, canonical);
    assert_eq!(alias.clone().canonical().as_str(), "E010001");
    assert_eq!(unknown_warning.as_str(), "W123456");
    // Written back as received: the alias keeps its spelling.
    assert_eq!(response.to_json().as_bytes(), body);
    assert_eq!(response.known().count(), 2);
}

#[test]
fn bodies_built_in_code_use_the_documented_order() {
    let mut response = Response::warning("c1", [SubStatus::PasswordWAboutToExp]).with_ust("u");
    response.members.push(
        "user_id",
        sso_errors::RawJson::from_json(r#""zusr1""#).unwrap(),
    );
    assert_eq!(
        response.to_json(),
        r#"{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"u","user_id":"zusr1"}"#
    );
    assert_eq!(
        Response::ok("c2").with_empty_sub_status_list().to_json(),
        r#"{"status":"ok","cid":"c2","sub_status":[]}"#
    );
}

#[test]
fn edits_to_a_parsed_body_keep_its_layout() {
    let body = br#"{"cid":"c","x":1,"status":"error","sub_status":["E005001"]}"#;
    let mut response = Response::parse(body).unwrap();
    response.sub_status.push(SubStatus::AuthLocked.into());
    response.ust = Some(Cow::Borrowed("t"));
    assert_eq!(
        response.to_json(),
        r#"{"cid":"c","x":1,"status":"error","sub_status":["E005001","E005002"],"ust":"t"}"#
    );
}

#[test]
fn parsing_borrows_strings_that_need_no_unescaping() {
    let body = br#"{"status":"error","cid":"30e2","sub_status":["E999999"],"ust":"a\"b"}"#;
    let response = Response::parse(body).unwrap();
    assert!(matches!(response.cid, Cow::Borrowed(_)));
    assert!(matches!(response.ust, Some(Cow::Owned(_))));
    assert_eq!(response.ust.as_deref(), Some("a\"b"));
    let owned: Response<'static> = response.clone().into_owned();
    assert_eq!(owned, response);
    let from_reader: Response<'static> = serde_json::from_reader(&body[..]).unwrap();
    assert_eq!(from_reader, response);
}

#[test]
fn malformed_bodies_are_typed_errors() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "EOF"),
        (b"not json", "expected"),
        (b"[]", "Zato SSO response object"),
        (br#"{"cid":"a"}"#, "missing field `status`"),
        (br#"{"status":"ok"}"#, "missing field `cid`"),
        (
            br#"{"status":"fatal","cid":"a"}"#,
            "unknown Zato SSO status code of 5 bytes",
        ),
        (
            br#"{"status":"ok","cid":"a","sub_status":5}"#,
            "`sub_status` as a list",
        ),
        (br#"{"status":"ok","cid":"a","sub_status":[5]}"#, "a string"),
        (br#"{"status":"ok","cid":7}"#, "a string"),
        (
            br#"{"status":"ok","status":"ok","cid":"a"}"#,
            "duplicate member `status`",
        ),
        (br#"{"status":"ok","cid":"a"} x"#, "trailing characters"),
        (br#"{"status":"ok","cid":"a"#, "EOF"),
    ];
    for (input, reason_part) in cases {
        match Response::parse(input) {
            Err(err)
                if matches!(
                    err.category(),
                    Category::Syntax | Category::Eof | Category::Data
                ) && err.vendor() == Some(Vendor::Zato) =>
            {
                let reason = err.reason();
                assert!(
                    reason.contains(reason_part),
                    "{:?}: {reason:?} lacks {reason_part:?}",
                    String::from_utf8_lossy(input)
                );
                assert_eq!(err.snippet().original_len(), input.len());
            }
            other => panic!("{:?}: {other:?}", String::from_utf8_lossy(input)),
        }
    }
}

#[test]
fn other_vendors_bodies_are_reported_as_such() {
    let openam = br#"{"code":401,"reason":"Unauthorized","message":"Access denied"}"#;
    let err = Response::parse(openam).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err:?}");
    assert_eq!(err.vendor(), Some(Vendor::Zato), "{err:?}");
    assert_eq!(err.found_vendor(), Some(Vendor::OpenAm), "{err:?}");
    assert!(err.to_string().contains("OpenAM"), "{err}");
    let zenlogin = br#"{"errors":[{"code":"3003","detail":"x"}]}"#;
    let err = Response::parse(zenlogin).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err:?}");
    assert_eq!(err.found_vendor(), Some(Vendor::Zenlogin), "{err:?}");
}

#[test]
fn error_snippets_are_bounded() {
    let mut body = br#"{"status":"nope","cid":""#.to_vec();
    body.extend(std::iter::repeat_n(b'a', 100_000));
    body.extend(br#""}"#);
    let err = Response::parse(&body).unwrap_err();
    assert!(err.snippet().is_truncated());
    assert!(err.to_string().len() < 400, "{}", err.to_string().len());
}

#[test]
fn the_400_envelopes() {
    let body = br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#;
    let reply = Reply::parse(400, body).unwrap();
    let ReplyBody::BadRequest(envelope) = reply.body() else {
        panic!("{reply:?}");
    };
    assert_eq!(envelope, &BadRequest::new("000000000000000000000005"));
    assert_eq!(envelope.http_status(), 400);
    assert_eq!(reply.http_status(), 400);
    assert_eq!(reply.body().cid(), Some("000000000000000000000005"));
    assert_eq!(reply.to_body().as_bytes(), body);
    assert_eq!(
        BadRequest::new("000000000000000000000005")
            .to_json()
            .as_bytes(),
        body
    );

    for plain in [&b"Bad request"[..], b"Bad request\n"] {
        let reply = Reply::parse(400, plain).unwrap();
        assert_eq!(*reply.body(), ReplyBody::PlainBadRequest);
        assert_eq!(reply, Reply::new(400, ReplyBody::PlainBadRequest));
        assert_eq!(reply.http_status(), 400);
        assert_eq!(reply.body().cid(), None);
        assert_eq!(reply.to_body(), ReplyBody::PLAIN_BAD_REQUEST);
    }
    let err = Reply::parse(400, b"Bad Request!").unwrap_err();
    assert_eq!(err.http_status(), Some(400));
    let err = Reply::parse(400, br#"{"result":"Error"}"#).unwrap_err();
    assert!(
        matches!(
            err.category(),
            Category::Syntax | Category::Eof | Category::Data
        ),
        "{err:?}"
    );
    assert_eq!(err.http_status(), Some(400));

    let ok = Reply::parse(200, br#"{"status":"ok","cid":"a"}"#).unwrap();
    assert_eq!(ok.http_status(), 200);
    let ReplyBody::Response(response) = ok.body() else {
        panic!("{ok:?}");
    };
    assert_eq!(response.http_status(), 200);
}

#[test]
fn responses_are_errors_with_readable_messages() {
    let response = Response::error("30e2", [SubStatus::AuthNotAllowed]).with_ust("secret");
    assert_eq!(
        response.to_string(),
        "Zato SSO error (cid 30e2): E005001 auth.not_allowed"
    );
    assert!(!format!("{response:?}").contains("secret"));
    let boxed: Box<dyn std::error::Error> = Box::new(response.into_owned());
    assert!(boxed.to_string().starts_with("Zato SSO error"));
    let code: Box<dyn std::error::Error> = Box::new(SubStatus::AuthLocked);
    assert_eq!(code.to_string(), "E005002");
    assert_eq!(
        ReplyBody::PlainBadRequest.to_string(),
        "Zato SSO Bad request"
    );
    let reply: Box<dyn std::error::Error> = Box::new(Reply::new(400, ReplyBody::PlainBadRequest));
    assert_eq!(reply.to_string(), "HTTP 400: Zato SSO Bad request");
}

#[test]
fn login_disclosure_masks_what_the_server_masks() {
    for hidden in [
        SubStatus::UsernameInvalid,
        SubStatus::PasswordInvalid,
        SubStatus::CommonMissingInput,
        SubStatus::PasswordEAboutToExp,
        SubStatus::MetadataNotAllowed,
    ] {
        assert!(!Disclosure::LOGIN.is_revealed(hidden), "{hidden:?}");
        let out = Disclosure::default().disclose("c", [hidden]);
        assert_eq!(
            out.response.to_json(),
            r#"{"status":"error","cid":"c","sub_status":["E005001"]}"#
        );
        assert_eq!(out.logged, [hidden]);
    }
    let out = Disclosure::LOGIN.disclose("c", [SubStatus::AuthLocked, SubStatus::UsernameInvalid]);
    assert_eq!(
        out.response.sub_status,
        [SubStatus::AuthLocked, SubStatus::AuthNotAllowed]
    );
    // Two hidden errors give one generic code.
    let out = Disclosure::LOGIN.disclose(
        "c",
        [SubStatus::UsernameInvalid, SubStatus::PasswordInvalid],
    );
    assert_eq!(out.response.sub_status, [SubStatus::AuthNotAllowed]);
    assert_eq!(out.logged.len(), 2);
}

#[test]
fn disclosure_policies_are_the_users() {
    let policy = Disclosure::REVEAL_ALL.hide(SubStatus::AuthLocked);
    assert!(!policy.is_revealed(SubStatus::AuthLocked));
    assert!(
        policy
            .reveal(SubStatus::AuthLocked)
            .is_revealed(SubStatus::AuthLocked)
    );
    assert!(Disclosure::HIDE_ALL.is_revealed(SubStatus::AuthNotAllowed));
    for &code in SubStatus::ALL {
        assert!(Disclosure::REVEAL_ALL.is_revealed(code));
        assert_eq!(
            Disclosure::HIDE_ALL.is_revealed(code),
            code == SubStatus::AuthNotAllowed
        );
    }
    // A hidden warning is dropped, never turned into an error.
    let out = Disclosure::HIDE_ALL.disclose("c", [SubStatus::PasswordWAboutToExp]);
    assert_eq!(out.response.status, Status::Ok);
    assert!(out.response.sub_status.is_empty());
    let out = Disclosure::REVEAL_ALL.disclose("c", [SubStatus::PasswordWAboutToExp]);
    assert_eq!(out.response.status, Status::Warning);
    // Unknown codes are hidden unless the policy says otherwise.
    let unknown = Wire::<SubStatus>::parse("E777777");
    let out = Disclosure::REVEAL_ALL.disclose("c", [unknown.clone()]);
    assert_eq!(out.response.sub_status, [SubStatus::AuthNotAllowed]);
    let out = Disclosure::REVEAL_ALL
        .reveal_unknown(true)
        .disclose("c", [unknown.clone()]);
    assert_eq!(out.response.sub_status, [unknown]);
    let out = Disclosure::LOGIN.disclose("c", Vec::<SubStatus>::new());
    assert_eq!(out.response.to_json(), r#"{"status":"ok","cid":"c"}"#);
}

#[test]
fn generic_code_walks_the_catalog() {
    fn summary<C: Catalog>() -> (usize, Vendor) {
        (C::ALL.len(), C::VENDOR)
    }
    assert_eq!(summary::<SubStatus>(), (38, Vendor::Zato));
    assert_eq!(summary::<Status>(), (3, Vendor::Zato));
    assert_eq!(<SubStatus as Catalog>::NOUN, "sub-status");
    assert_eq!(
        <SubStatus as Catalog>::label(SubStatus::AuthLocked),
        Some("auth.locked")
    );
    assert_eq!(<Status as Catalog>::label(Status::Ok), None);
}

#[test]
fn vocabulary_is_small_and_copy() {
    assert_eq!(std::mem::size_of::<SubStatus>(), 1);
    assert_eq!(std::mem::size_of::<Option<SubStatus>>(), 1);
    assert_eq!(std::mem::size_of::<Status>(), 1);
    let a = SubStatus::AuthLocked;
    let b = a;
    assert_eq!(a, b);
    assert!(SubStatus::UsernameInvalid < SubStatus::PasswordResetCouldNotAccess);
}

#[test]
fn hiding_a_code_twice_keeps_it_hidden() {
    let policy = Disclosure::REVEAL_ALL
        .hide(SubStatus::AuthLocked)
        .hide(SubStatus::AuthLocked);
    assert!(!policy.is_revealed(SubStatus::AuthLocked));
    let out = policy.disclose("c", [SubStatus::AuthLocked]);
    assert_eq!(
        out.response.to_json(),
        r#"{"status":"error","cid":"c","sub_status":["E005001"]}"#
    );
    assert!(
        policy
            .reveal(SubStatus::AuthLocked)
            .is_revealed(SubStatus::AuthLocked)
    );
}

#[test]
fn an_unknown_code_is_a_warning_by_its_w() {
    let shown = Disclosure::REVEAL_ALL.reveal_unknown(true);
    let out = shown.disclose("c", [Code::from("W999999")]);
    assert_eq!(out.response.status, Status::Warning);
    assert_eq!(out.response.codes(), ["W999999"]);
    // Hidden, an unknown warning is dropped and an unknown error masked.
    let out = Disclosure::REVEAL_ALL.disclose("c", [Code::from("W999999")]);
    assert_eq!(out.response.status, Status::Ok);
    assert!(out.response.sub_status.is_empty());
    let out = Disclosure::REVEAL_ALL.disclose("c", [Code::from("E999999")]);
    assert_eq!(out.response.codes(), ["E005001"]);
}

#[test]
fn the_log_line_names_sixteen_codes_then_counts() {
    let policy = Disclosure::REVEAL_ALL.reveal_unknown(true);
    let codes: Vec<String> = (0..17).map(|i| format!("E9000{i:02}")).collect();
    let sixteen = policy.disclose("c", codes[..16].iter().map(|c| Code::from(c.as_str())));
    let line = sixteen.to_string();
    assert!(line.starts_with("error E900000 E900001 "), "{line}");
    assert!(line.ends_with(" E900014 E900015"), "{line}");
    assert!(!line.contains("more"));
    let seventeen = policy.disclose("c", codes.iter().map(|c| Code::from(c.as_str())));
    let line = seventeen.to_string();
    assert!(
        line.contains(" E900015 and 1 more; logged E900000 "),
        "{line}"
    );
    assert!(line.ends_with(" E900015 and 1 more"), "{line}");
    let known =
        Disclosure::LOGIN.disclose("c", [SubStatus::UsernameInvalid, SubStatus::AuthLocked]);
    assert_eq!(
        known.to_string(),
        "error E005001 E005002; logged E001001 username.invalid E005002 auth.locked"
    );
}

#[test]
fn a_code_compares_hashes_and_shows_as_its_entry() {
    use std::hash::{BuildHasher, RandomState};
    let known = Code::from("E005001");
    let unknown = Code::from("E999999");
    assert!(known.is_known() && !unknown.is_known());
    assert!(known == SubStatus::AuthNotAllowed && known != SubStatus::AuthLocked);
    assert!(unknown != SubStatus::AuthNotAllowed);
    // Equal codes hash alike, whatever their spelling; others apart.
    let state = RandomState::new();
    let alias = Code::from("E010010");
    assert_eq!(alias, Code::from("E010001"));
    assert_eq!(
        state.hash_one(&alias),
        state.hash_one(Code::from("E010001"))
    );
    assert_ne!(
        state.hash_one(&known),
        state.hash_one(Code::from("E005002"))
    );
    assert_ne!(
        state.hash_one(&unknown),
        state.hash_one(Code::from("E999998"))
    );
    assert_eq!(known.to_string(), "E005001");
    assert_eq!(alias.to_string(), "E010010");
    assert_eq!(format!("{known:?}"), "AuthNotAllowed");
    assert_eq!(
        format!("{alias:?}"),
        r#"PasswordResetCouldNotAccess (as "E010010")"#
    );
    // A code no catalog holds is received text: only its length shows.
    assert_eq!(format!("{unknown:?}"), "Unknown(7 bytes)");
    assert_eq!(unknown.to_string(), "unknown code of 7 bytes");
    assert_eq!(unknown.as_str(), "E999999");
}

#[test]
fn each_unknown_code_is_shown_once_whatever_its_shape() {
    let policy = Disclosure::REVEAL_ALL.reveal_unknown(true);
    // Zato's shape at both ends of the range, `E` and `W` of the same digits,
    // and texts of other shapes (wrong length, lower case, non-ASCII digits).
    let input = [
        "E999999", "E000000", "W000000", "E999999", "W999999", "E00000", "E0000000", "e000000",
        "E00000١", "W000000", "E00000", "E000000", "W999999", "e000000", "E00000١", "", "E0000000",
        "",
    ];
    let out = policy.disclose("c", input.map(Code::from));
    assert_eq!(
        out.response.codes(),
        [
            "E999999", "E000000", "W000000", "W999999", "E00000", "E0000000", "e000000", "E00000١",
            ""
        ]
    );
    assert_eq!(out.logged.len(), input.len());
    // Codes far apart in the range, each repeated: one of each.
    let far: Vec<String> = (0..2_000)
        .map(|i| format!("{}{:06}", ['E', 'W'][i % 2], (i * 7_919) % 1_000_000))
        .collect();
    let twice = far.iter().chain(&far).map(|c| Code::from(c.as_str()));
    let out = policy.disclose("c", twice);
    assert_eq!(out.response.codes(), far);
    // Codes close together, each repeated: one of each.
    let dense: Vec<String> = (0..1_000).map(|i| format!("E{:06}", 100_000 + i)).collect();
    let twice = dense.iter().chain(&dense).map(|c| Code::from(c.as_str()));
    assert_eq!(policy.disclose("c", twice).response.codes(), dense);
    // Among codes close together, texts of one digit fewer or more are
    // other codes: `E00005` is not `E000005`, nor `E1000005` `W000005`.
    for (prefix, near) in [('E', "E00005"), ('W', "E1000005")] {
        let mut codes: Vec<String> = (0..100).map(|i| format!("{prefix}{i:06}")).collect();
        codes.push(near.to_owned());
        let out = policy.disclose("c", codes.iter().map(|c| Code::from(c.as_str())));
        assert_eq!(out.response.codes(), codes, "{near}");
    }
    // Hidden, unknown codes are never looked up: the errors become one
    // `E005001` and the warnings go.
    let out = Disclosure::REVEAL_ALL.disclose("c", input.map(Code::from));
    assert_eq!(out.response.codes(), ["E005001"]);
}

#[test]
fn severity_follows_the_prefix() {
    use sso_errors::zato::Severity;
    for &code in SubStatus::ALL {
        let warning = code.code().starts_with('W');
        assert_eq!(code.is_warning(), warning, "{code}");
        let (severity, status) = if warning {
            (Severity::Warning, Status::Warning)
        } else {
            (Severity::Error, Status::Error)
        };
        assert_eq!(code.severity(), severity, "{code}");
        assert_eq!(code.severity().status(), status, "{code}");
    }
    assert!(Status::Error.is_error());
    assert!(!Status::Ok.is_error() && !Status::Warning.is_error());
}

#[test]
fn the_bad_request_envelope_is_missing_input_and_not_retried() {
    let envelope = BadRequest::new("000000000000000000000005");
    assert!(!envelope.is_retryable());
    assert_eq!(envelope.kind(), sso_errors::ErrorKind::MissingInput);
    assert!(envelope.codes().is_empty());
    assert_eq!(
        envelope.to_string(),
        "Zato SSO Error: Bad request (cid 000000000000000000000005)"
    );
}

#[test]
fn a_response_with_a_result_member_is_still_the_response() {
    let body = br#"{"status":"ok","cid":"c","result":"Error"}"#;
    let reply = Reply::parse(200, body).unwrap();
    let ReplyBody::Response(response) = reply.body() else {
        panic!("{reply:?}");
    };
    assert_eq!(response.status, Status::Ok);
    assert_eq!(response.to_json(), std::str::from_utf8(body).unwrap());
    // Neither `status` nor `result`: the response is what is missing.
    let err = Reply::parse(400, br#"{"cid":"c"}"#).unwrap_err();
    assert!(err.to_string().contains("status"), "{err}");
}

#[test]
fn a_response_tells_its_status_and_the_codes_it_carries() {
    let error = Response::error("c", [SubStatus::AuthLocked, SubStatus::PasswordExpired]);
    assert!(!error.is_ok());
    assert!(error.has(SubStatus::AuthLocked) && error.has(SubStatus::PasswordExpired));
    assert!(!error.has(SubStatus::AuthNotAllowed));
    assert!(Response::ok("c").is_ok() && !Response::ok("c").has(SubStatus::AuthLocked));
    assert!(!Response::warning("c", [SubStatus::PasswordWAboutToExp]).is_ok());
}

#[test]
fn sub_status_lists_compare_and_show_by_their_codes() {
    use sso_errors::zato::SubStatuses;
    let locked = Response::error("c", [SubStatus::AuthLocked]);
    let other = Response::error("c", [SubStatus::AuthNotAllowed]);
    assert_ne!(locked.sub_status, other.sub_status);
    assert_eq!(
        locked.sub_status,
        Response::error("d", [SubStatus::AuthLocked]).sub_status
    );
    assert!(locked.sub_status == [SubStatus::AuthLocked]);
    assert!(locked.sub_status != [SubStatus::AuthNotAllowed]);
    assert!(locked.sub_status != [SubStatus::AuthLocked, SubStatus::AuthLocked]);
    let same: &[SubStatus] = &[SubStatus::AuthLocked];
    let different: &[SubStatus] = &[SubStatus::AuthNotAllowed];
    assert!(locked.sub_status == *same && locked.sub_status != *different);
    assert_eq!(
        format!("{:?}", locked.sub_status),
        format!("{:?}", locked.sub_status.as_slice())
    );
    let list: sso_errors::List<Code<'_>> =
        [Code::from(SubStatus::AuthLocked)].into_iter().collect();
    assert_eq!(SubStatuses::from(list), locked.sub_status);
}

#[test]
fn a_response_is_retryable_when_every_code_is_known_and_retryable() {
    // Zato marks none of its sub-statuses retryable.
    assert!(SubStatus::ALL.iter().all(|c| !c.is_retryable()));
    assert!(!Response::error("c", [SubStatus::AuthLocked]).is_retryable());
    assert!(!Response::ok("c").is_retryable());
    // An unknown code says nothing of a retry either.
    assert!(!Response::error("c", [Code::from("E999999")]).is_retryable());
}
