//! The merchant User Management / SSO-token API: the `(code, errorName)`
//! catalog, the description templates, the error body and the bodiless
//! answers, pinned against the documented and real bodies.

mod common;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use common::{compact, vectors};
use sso_errors::merchant::{
    Description, ErrorBody, ErrorCode, ErrorEntry, Reply, ReplyBody, Template,
};
use sso_errors::{Catalog, Category, Error, Origin, RawJson, Spelling, Vendor};

/// Whether `err` reports a malformed body (what was one `Malformed`
/// variant): not JSON, truncated JSON, or JSON of the wrong shape.
fn is_malformed(err: &Error) -> bool {
    matches!(
        err.category(),
        Category::Syntax | Category::Eof | Category::Data
    )
}

#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

use counting::allocations;

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/merchant")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The four body examples of the documentation, as printed (the readable
/// copy shows `@` where the page source has `:::at:::`).
const SEED_BODIES: &[&str] = &[
    "seed_400_invalid_username.json",
    "seed_403_exceeded_token_generation_limit.json",
    "seed_403_insufficient_privileges.json",
    "seed_400_three_validation_errors.json",
];

fn validation(description: Description<'static>) -> ErrorEntry<'static> {
    ErrorEntry::new(ErrorCode::ValidationGeneralFailure, description)
}

fn token(description: Description<'static>) -> ErrorEntry<'static> {
    ErrorEntry::new(ErrorCode::FailedToGenerateSsoToken, description)
}

/// The seed examples, built in code.
fn seed_built() -> Vec<ErrorBody<'static>> {
    vec![
        ErrorBody::new(validation(Description::InvalidUsername {
            username: "finance1234".into(),
        })),
        ErrorBody::new(token(Description::ExceededTokenGenerationLimit)),
        ErrorBody::new(token(Description::InsufficientPrivileges)),
        ErrorBody::new(validation(Description::InvalidFirstName {
            name: "".into(),
        }))
        .with(validation(Description::InvalidLastName { name: "".into() }))
        .with(validation(Description::InvalidEmail {
            email: "@bls.com".into(),
        })),
    ]
}

// ---------------------------------------------------------------- catalog

#[test]
fn catalog_holds_the_two_documented_pairs() {
    assert_eq!(ErrorCode::COUNT, 2);
    let pairs: Vec<_> = ErrorCode::ALL
        .iter()
        .map(|c| (c.code(), c.error_name(), c.http_status()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("10001", "VALIDATION_GENERAL_FAILURE", 400),
            ("50500", "Failed to generate SSO token", 403),
        ]
    );
    for &code in ErrorCode::ALL {
        assert_eq!(
            ErrorCode::from_pair(code.code(), code.error_name()),
            Some(code)
        );
        assert_eq!(ErrorCode::from_code(code.code()), Some(code));
        assert_eq!(ErrorCode::from_error_name(code.error_name()), Some(code));
        assert_eq!(code.alias(), None);
        assert_eq!(code.origin(), Origin::Documentation);
        assert_eq!(Catalog::label(code), Some(code.error_name()));
        assert_eq!(code.to_string(), code.code());
        assert_eq!(code.code().parse::<ErrorCode>(), Ok(code));
        assert_eq!(
            ErrorCode::resolve(code.code()),
            Some((code, Spelling::Canonical))
        );
        assert!(!code.description().is_empty());
        // Every documented example follows one of the entry's templates.
        let (template, _) = Template::match_description(code.example()).unwrap();
        assert!(code.templates().contains(&template));
        assert!(code.templates().iter().all(|t| t.error_code() == code));
    }
    assert_eq!(ErrorCode::VENDOR, Vendor::Merchant);
}

#[test]
fn a_pair_identifies_an_entry_and_a_code_alone_does_not() {
    // The code names the documented entry …
    assert_eq!(
        ErrorCode::from_code("10001"),
        Some(ErrorCode::ValidationGeneralFailure)
    );
    // … but a received entry with another errorName is not that entry.
    assert_eq!(ErrorCode::from_pair("10001", "INVALID_PLAN"), None);
    assert_eq!(
        ErrorCode::from_pair("50500", "VALIDATION_GENERAL_FAILURE"),
        None
    );
    assert_eq!(
        ErrorCode::from_pair("10001", "Failed to generate SSO token"),
        None
    );
    assert_eq!(
        ErrorCode::from_pair("10001", "validation_general_failure"),
        None
    );
    assert_eq!(
        ErrorCode::from_pair("10001 ", "VALIDATION_GENERAL_FAILURE"),
        None
    );
    assert_eq!(ErrorCode::from_pair("", ""), None);
    assert_eq!(
        ErrorCode::from_pair("14042", "NO_PAYMENT_DETAILS_LINKED_TO_TOKEN"),
        None
    );

    assert_eq!(
        ErrorCode::from_number_pair(50500, "Failed to generate SSO token"),
        Some(ErrorCode::FailedToGenerateSsoToken)
    );
    assert_eq!(ErrorCode::from_number_pair(10001, "INVALID_PLAN"), None);
    assert_eq!(ErrorCode::code_for_number(10001), Some("10001"));
    assert_eq!(ErrorCode::code_for_number(1001), None);
    assert_eq!(ErrorCode::code_for_number(u64::MAX), None);

    let err = "14042".parse::<ErrorCode>().unwrap_err();
    assert_eq!(err.vendor(), Vendor::Merchant);
    assert_eq!(
        err.to_string(),
        "unknown merchant User Management error code of 5 bytes"
    );
}

#[test]
fn pair_lookup_needs_both_halves() {
    for &code in ErrorCode::ALL {
        assert_eq!(
            ErrorCode::from_pair(code.code(), code.error_name()),
            Some(code)
        );
        assert_eq!(ErrorCode::from_pair(code.code(), ""), None);
        assert_eq!(ErrorCode::from_pair("", code.error_name()), None);
        let longer = format!("{} ", code.error_name());
        assert_eq!(ErrorCode::from_pair(code.code(), &longer), None);
    }
}

// ------------------------------------------------------------- templates

#[test]
fn templates_are_the_documented_texts() {
    let listed: Vec<String> = data("seed_description_templates.txt")
        .lines()
        .map(str::to_owned)
        .collect();
    let validation: Vec<&str> = Template::ALL
        .iter()
        .filter(|t| t.error_code() == ErrorCode::ValidationGeneralFailure)
        .map(|t| t.text())
        .collect();
    // The documentation lists the username template in its example, then
    // the four others.
    assert_eq!(validation[0], "Invalid username: <username> already exists");
    assert_eq!(validation[1..], listed);
    assert_eq!(
        Template::ExceededTokenGenerationLimit.text(),
        "Exceeded limit of SSO token generations per minute"
    );
    assert_eq!(
        Template::InsufficientPrivileges.text(),
        "Insufficient Privileges: not allowed to call this API"
    );
    for &template in Template::ALL {
        assert_eq!(template.to_string(), template.text());
        let expected = if template.error_code() == ErrorCode::ValidationGeneralFailure {
            400
        } else {
            403
        };
        assert_eq!(template.http_status(), expected);
        assert_eq!(
            template.is_retryable(),
            template == Template::ExceededTokenGenerationLimit
        );
        match template.placeholder() {
            Some(name) => assert_eq!(
                template.text(),
                format!("{}<{name}>{}", template.prefix(), template.suffix())
            ),
            None => assert_eq!(template.text(), template.prefix()),
        }
    }
}

/// Values a description may carry, hostile ones included.
fn adversarial_values() -> Vec<String> {
    let mut values: Vec<String> = [
        "",
        " ",
        "finance1234",
        "@bls.com",
        "a already exists",
        " already exists",
        "already exists",
        "x already exists already exists",
        "Invalid username: y already exists",
        "Invalid password",
        "quote \" and backslash \\ and slash /",
        "\"\"",
        "new\nline\ttab\u{0}nul",
        "émoji 🦀 and ünïcödé",
        "<script>alert(1)</script>",
        "}]},{\"code\":\"1\"",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    values.push("x".repeat(10_000));
    values.push(" already exists".repeat(700));
    values.push("é\"".repeat(5_000));
    values
}

#[test]
fn every_template_renders_and_parses_back_with_any_value() {
    for &template in Template::ALL {
        for value in adversarial_values() {
            let description = Description::from_template(template, value.clone());
            let text = description.to_string();
            assert_eq!(description.to_text(), text);
            if template.has_value() {
                assert_eq!(
                    text,
                    format!("{}{value}{}", template.prefix(), template.suffix())
                );
            } else {
                assert_eq!(text, template.prefix());
            }

            // Borrowed and owned parses agree, and give the value back.
            for parsed in [Description::parse(&text), Description::from(text.clone())] {
                assert_eq!(parsed.template(), Some(template), "{text:?}");
                let expected = template.has_value().then_some(value.as_str());
                assert_eq!(parsed.value(), expected, "{template:?}");
                assert_eq!(parsed, description);
                assert_eq!(parsed.to_string(), text);
            }
            assert_eq!(
                Template::match_description(&text),
                Some((
                    template,
                    if template.has_value() {
                        value.as_str()
                    } else {
                        ""
                    }
                ))
            );

            // Through a whole body, borrowed and owned.
            let body = ErrorBody::new(ErrorEntry::new(template.error_code(), description.clone()));
            let json = body.to_json();
            let parsed = ErrorBody::parse(json.as_bytes()).unwrap();
            assert_eq!(parsed, body);
            assert_eq!(parsed.message()[0].description.value(), description.value());
            assert_eq!(parsed.to_json(), json);
            let owned: ErrorBody<'static> = serde_json::from_str(&json).unwrap();
            assert_eq!(owned, body);
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&json).unwrap()["message"][0]["description"],
                text.as_str()
            );
        }
    }
}

#[test]
fn username_is_everything_between_the_prefix_and_the_final_suffix() {
    let cases = [
        (
            "Invalid username: finance1234 already exists",
            Some("finance1234"),
        ),
        (
            "Invalid username: a already exists already exists",
            Some("a already exists"),
        ),
        ("Invalid username:  already exists", Some("")),
        (
            "Invalid username:  already exists already exists",
            Some(" already exists"),
        ),
        // Prefix and suffix would overlap: no username at all.
        ("Invalid username: already exists", None),
        ("Invalid username: x already exists ", None),
        ("Invalid username finance1234 already exists", None),
        ("invalid username: x already exists", None),
        ("Invalid username: x", None),
    ];
    for (text, username) in cases {
        let description = Description::parse(text);
        match username {
            Some(username) => assert_eq!(
                description,
                Description::InvalidUsername {
                    username: username.into()
                },
                "{text:?}"
            ),
            None => assert_eq!(description, Description::Other(text.into()), "{text:?}"),
        }
        assert_eq!(description.to_string(), text);
    }
}

#[test]
fn a_description_is_typed_exactly_when_it_follows_a_template() {
    // Every cut of every template's text, near misses and texts that merely
    // start like a template: the typed parse agrees with
    // `Template::match_description` on all of them.
    let mut texts: Vec<String> = [
        "",
        "I",
        "E",
        "Invalid",
        "Invalid ",
        "Invalid  password",
        "Invalid passwords",
        "Invalid x",
        "Invalid é",
        "Insufficient",
        "Exceeded",
        "Ins",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for &template in Template::ALL {
        let empty = format!("{}{}", template.prefix(), template.suffix());
        let full = format!("{}x{}", template.prefix(), template.suffix());
        for at in 0..=full.len() {
            texts.push(full[..at].to_owned());
            texts.push(format!("{}!", &full[..at]));
            texts.push(full[at..].to_owned());
        }
        texts.push(format!("{full} "));
        texts.push(format!(" {full}"));
        texts.push(full.to_lowercase());
        texts.push(full.to_uppercase());
        texts.push(empty);
    }
    for text in &texts {
        let expected = Template::match_description(text);
        for parsed in [Description::parse(text), Description::from(text.clone())] {
            assert_eq!(parsed.template(), expected.map(|(t, _)| t), "{text:?}");
            match expected {
                Some((template, value)) => assert_eq!(
                    parsed.value(),
                    template.has_value().then_some(value),
                    "{text:?}"
                ),
                None => assert!(matches!(&parsed, Description::Other(t) if t == text)),
            }
            assert_eq!(parsed.to_string(), *text);
            assert_eq!(parsed, Description::Other(text.as_str().into()));
        }
    }
}

#[test]
fn the_seed_s_own_descriptions_parse() {
    assert_eq!(
        Description::parse("Invalid first name "),
        Description::InvalidFirstName { name: "".into() }
    );
    assert_eq!(
        Description::parse("Invalid last name "),
        Description::InvalidLastName { name: "".into() }
    );
    assert_eq!(
        Description::parse("Invalid email @bls.com"),
        Description::InvalidEmail {
            email: "@bls.com".into()
        }
    );
    assert_eq!(
        Description::parse("Invalid password"),
        Description::InvalidPassword
    );
    // Near misses are kept verbatim.
    for text in [
        "Invalid first name",
        "Invalid password ",
        "Invalid Password",
        "Invalid email",
        "Exceeded limit of SSO token generations per minute.",
        "Insufficient privileges: not allowed to call this API",
        "",
        "Invalid plan",
    ] {
        let description = Description::parse(text);
        assert_eq!(description.template(), None, "{text:?}");
        assert!(matches!(&description, Description::Other(t) if t == text));
        assert_eq!(description.to_string(), text);
        assert_eq!(description.value(), None);
        assert_eq!(description.http_status(), None);
    }
}

#[test]
fn the_rate_limit_is_retryable_and_told_apart_from_missing_privileges() {
    let limit = Description::parse("Exceeded limit of SSO token generations per minute");
    let privileges = Description::parse("Insufficient Privileges: not allowed to call this API");
    assert!(limit.is_retryable());
    assert!(!privileges.is_retryable());
    assert!(matches!(limit, Description::ExceededTokenGenerationLimit));
    assert!(matches!(privileges, Description::InsufficientPrivileges));
    assert_ne!(limit, privileges);
    assert_eq!(limit.http_status(), Some(403));
    assert_eq!(privileges.http_status(), Some(403));
    for &template in Template::ALL {
        let description = Description::from(template);
        assert_eq!(
            description.is_retryable(),
            template == Template::ExceededTokenGenerationLimit
        );
    }
}

#[test]
fn description_equality_and_hash_are_by_text() {
    let typed = Description::InvalidPassword;
    let verbatim = Description::Other("Invalid password".into());
    assert_eq!(typed, verbatim);
    assert_eq!(verbatim, Template::InvalidPassword);
    assert!(verbatim.is_retryable() == typed.is_retryable());
    assert_eq!(verbatim.template(), None);
    let email = Description::Other("Invalid email a@b".into());
    assert_eq!(
        email,
        Description::InvalidEmail {
            email: "a@b".into()
        }
    );
    assert_ne!(
        email,
        Description::InvalidEmail {
            email: "a@c".into()
        }
    );
    assert_ne!(
        Description::InvalidFirstName { name: "x".into() },
        Description::InvalidLastName { name: "x".into() }
    );
    let set: HashSet<Description<'_>> = [
        typed,
        verbatim,
        email,
        Description::InvalidEmail {
            email: "a@b".into(),
        },
        Description::Other("Invalid plan".into()),
    ]
    .into_iter()
    .collect();
    assert_eq!(set.len(), 3);
}

// ------------------------------------------------------------------ bodies

#[test]
fn every_seed_example_round_trips_byte_for_byte() {
    for (name, built) in SEED_BODIES.iter().zip(seed_built()) {
        let printed = data(name);
        let compact = compact(&printed);

        // Borrowing parse, of the compacted and of the printed form.
        let body = ErrorBody::parse(compact.as_bytes()).unwrap();
        assert_eq!(body.to_json(), compact, "{name}");
        assert_eq!(
            ErrorBody::parse(printed.as_bytes()).unwrap().to_json(),
            compact,
            "{name}"
        );
        assert_eq!(
            ErrorBody::parse(body.to_json().as_bytes()).unwrap(),
            body,
            "{name}"
        );

        // Owning serde.
        let owned: ErrorBody<'static> = serde_json::from_str(&printed).unwrap();
        assert_eq!(owned, body, "{name}");
        assert_eq!(serde_json::to_string(&owned).unwrap(), compact, "{name}");

        // Built in code.
        assert_eq!(built, body, "{name}");
        assert_eq!(built.to_json(), compact, "{name}");

        // Every seed entry is a documented pair with a typed description.
        for entry in body.message() {
            assert!(entry.known().is_some(), "{name}: {entry}");
            assert!(entry.description.template().is_some(), "{name}: {entry}");
            assert!(entry.members.is_empty());
            assert_eq!(
                entry.http_status(),
                entry.known().map(ErrorCode::http_status)
            );
        }
    }
}

#[test]
fn seed_examples_have_the_documented_meaning() {
    let bodies: Vec<ErrorBody<'static>> = SEED_BODIES
        .iter()
        .map(|name| serde_json::from_str(&data(name)).unwrap())
        .collect();

    assert_eq!(bodies[0].http_status(), 400);
    assert!(bodies[0].has(ErrorCode::ValidationGeneralFailure));
    assert_eq!(
        bodies[0].message()[0].description.value(),
        Some("finance1234")
    );
    assert!(!bodies[0].is_retryable());

    assert_eq!(bodies[1].http_status(), 403);
    assert!(bodies[1].is_retryable());
    assert_eq!(
        bodies[1].known().collect::<Vec<_>>(),
        [ErrorCode::FailedToGenerateSsoToken]
    );

    assert_eq!(bodies[2].http_status(), 403);
    assert!(!bodies[2].is_retryable());
    assert!(ReplyBody::Error(bodies[2].clone()).is_insufficient_privileges());
    assert!(!ReplyBody::Error(bodies[1].clone()).is_insufficient_privileges());
    assert!(
        Reply::new(403, ReplyBody::Error(bodies[2].clone()))
            .body()
            .is_insufficient_privileges()
    );

    let three = &bodies[3];
    assert_eq!(three.message().len(), 3);
    let templates: Vec<_> = three
        .message()
        .iter()
        .map(|e| e.description.template())
        .collect();
    assert_eq!(
        templates,
        [
            Some(Template::InvalidFirstName),
            Some(Template::InvalidLastName),
            Some(Template::InvalidEmail)
        ]
    );
    assert_eq!(
        three.message()[2].description_text(),
        "Invalid email @bls.com"
    );
    assert_eq!(
        three.to_string(),
        "merchant User Management error: \
         10001 VALIDATION_GENERAL_FAILURE: Invalid first name ; \
         10001 VALIDATION_GENERAL_FAILURE: Invalid last name ; \
         10001 VALIDATION_GENERAL_FAILURE: Invalid email @bls.com"
    );
    assert_eq!(three.clone().into_message().len(), 3);
}

#[test]
fn a_numeric_code_is_accepted_and_written_back_as_a_number() {
    let input = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":10001,"description":"Invalid password"}]}"#;
    let body = ErrorBody::parse(input).unwrap();
    let entry = &body.message()[0];
    assert_eq!(entry.code, "10001");
    assert!(entry.code.is_number());
    assert_eq!(entry.known(), Some(ErrorCode::ValidationGeneralFailure));
    assert_eq!(body.to_json().as_bytes(), input);
    // It parses back equal, and equal to the string spelling: the string
    // and the number are the same code.
    assert_eq!(ErrorBody::parse(body.to_json().as_bytes()).unwrap(), body);
    let string = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password"}]}"#;
    assert_eq!(ErrorBody::parse(string).unwrap(), body);
    assert!(
        !ErrorBody::parse(string).unwrap().message()[0]
            .code
            .is_number()
    );
    let owned: ErrorBody<'_> = serde_json::from_slice(input).unwrap();
    assert_eq!(owned, body);

    // Unknown and negative numbers are kept as their decimal text.
    for (number, text) in [
        ("14042", "14042"),
        ("0", "0"),
        ("-7", "-7"),
        ("18446744073709551615", "18446744073709551615"),
    ] {
        let input =
            format!(r#"{{"message":[{{"errorName":"X","code":{number},"description":"d"}}]}}"#);
        let body = ErrorBody::parse(input.as_bytes()).unwrap();
        assert_eq!(body.message()[0].code, text);
        assert_eq!(body.message()[0].known(), None);
    }
    // Other JSON types are not codes.
    for code in ["1.5", "1e4", "true", "null", "[\"10001\"]", "{}"] {
        let input =
            format!(r#"{{"message":[{{"errorName":"X","code":{code},"description":"d"}}]}}"#);
        let err = ErrorBody::parse(input.as_bytes()).unwrap_err();
        assert!(is_malformed(&err), "{code}: {err}");
        assert!(
            err.to_string().contains("`code` as a string or an integer"),
            "{code}: {err}"
        );
    }
}

#[test]
fn unknown_pairs_and_texts_are_kept_verbatim() {
    let input = br#"{"message":[{"errorName":"INVALID_PLAN","code":"10001","description":"Invalid plan"},{"errorName":"VALIDATION_GENERAL_FAILURE","code":"50500","description":"Invalid password"}]}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.to_json().as_bytes(), input);
    assert_eq!(body.known().count(), 0);
    assert!(!body.has(ErrorCode::ValidationGeneralFailure));
    let [first, second] = body.message() else {
        panic!()
    };
    assert_eq!(first.error_name, "INVALID_PLAN");
    assert_eq!(first.known(), None);
    assert_eq!(first.http_status(), None);
    assert_eq!(first.description, Description::Other("Invalid plan".into()));
    // The description is typed whatever the pair.
    assert_eq!(second.known(), None);
    assert_eq!(second.description, Description::InvalidPassword);
    assert_eq!(second.http_status(), Some(400));
    assert_eq!(body.http_status(), 400);
}

#[test]
fn extra_members_and_key_order_are_kept() {
    let input = br#"{"requestId":"r-1","message":[{"code":"10001","invalidProperty":{"name":"currency","value":"XXX"},"errorName":"VALIDATION_GENERAL_FAILURE","description":"Invalid plan"},{"description":"Invalid password","invalidProperty":"password","errorName":"VALIDATION_GENERAL_FAILURE","code":"10001"}],"meta":[1,{"b":2,"a":1}]}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(body.to_json().as_bytes(), input);
    let owned: ErrorBody<'static> = serde_json::from_slice(input).unwrap();
    assert_eq!(owned.to_json().as_bytes(), input);
    assert_eq!(owned, body);

    assert_eq!(body.members.get("requestId").unwrap().get(), r#""r-1""#);
    assert_eq!(
        body.members.get("meta").unwrap().get(),
        r#"[1,{"b":2,"a":1}]"#
    );
    let [first, second] = body.message() else {
        panic!()
    };
    assert_eq!(
        first.invalid_property().unwrap().get(),
        r#"{"name":"currency","value":"XXX"}"#
    );
    assert_eq!(
        second.invalid_property().unwrap().as_string().unwrap(),
        "password"
    );
    assert_eq!(first.known(), Some(ErrorCode::ValidationGeneralFailure));

    // Built in code: canonical order, extra members last.
    let built = ErrorBody::new(
        validation(Description::Other("Invalid plan".into()))
            .with_invalid_property(RawJson::from_json(r#"{"name":"currency"}"#).unwrap())
            .with_invalid_property(RawJson::from_json(r#""plan""#).unwrap()),
    );
    assert_eq!(
        built.to_json(),
        r#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid plan","invalidProperty":"plan"}]}"#
    );
    assert_eq!(built.message()[0].members.len(), 1);
}

#[test]
fn entries_can_be_edited_and_added() {
    let input = br#"{"message":[{"code":"10001","errorName":"VALIDATION_GENERAL_FAILURE","description":"Invalid password"}]}"#;
    let mut body = ErrorBody::parse(input).unwrap();
    body.message_mut()[0].description = Description::InvalidEmail { email: "e".into() };
    body.push(token(Description::InsufficientPrivileges));
    assert_eq!(
        body.to_json(),
        r#"{"message":[{"code":"10001","errorName":"VALIDATION_GENERAL_FAILURE","description":"Invalid email e"},{"errorName":"Failed to generate SSO token","code":"50500","description":"Insufficient Privileges: not allowed to call this API"}]}"#
    );
    assert_eq!(ErrorBody::from_entries(Vec::new()), None);
    let rebuilt = ErrorBody::from_entries(body.clone().into_message()).unwrap();
    assert_eq!(rebuilt, body);
}

#[test]
fn escaped_and_long_strings_round_trip() {
    let long = "x".repeat(10_000);
    let values = [
        r#"quo\"te"#.to_owned(),
        r"back\\slash".to_owned(),
        r"new\nline".to_owned(),
        r"\u0000".to_owned(),
        "émoji 🦀".to_owned(),
        long,
    ];
    for value in values {
        let input = format!(
            r#"{{"message":[{{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid username: {value} already exists"}}]}}"#
        );
        let body = ErrorBody::parse(input.as_bytes()).unwrap();
        assert_eq!(body.to_json(), input);
        let expected: String = serde_json::from_str(&format!("\"{value}\"")).unwrap();
        assert_eq!(
            body.message()[0].description.value(),
            Some(expected.as_str())
        );
        let owned = body.clone().into_owned();
        assert_eq!(owned, body);
    }
}

#[test]
fn needless_escapes_come_back_plain() {
    let input = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email a\/b\u00e9"}],"x":"\/"}"#;
    let body = ErrorBody::parse(input).unwrap();
    assert_eq!(
        body.message()[0].description,
        Description::InvalidEmail {
            email: "a/bé".into()
        }
    );
    // Extra members are kept byte for byte; standard strings are re-escaped.
    assert_eq!(
        body.to_json(),
        r#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email a/bé"}],"x":"\/"}"#
    );
}

#[test]
fn a_parsed_body_outlives_its_input_once_owned() {
    let owned: ErrorBody<'static> = {
        let input = data("seed_400_three_validation_errors.json");
        ErrorBody::parse(input.as_bytes()).unwrap().into_owned()
    };
    assert_eq!(owned.message().len(), 3);
    assert_eq!(
        owned.to_json(),
        compact(&data("seed_400_three_validation_errors.json"))
    );
    let reply: Reply<'static> = {
        let input = data("seed_403_insufficient_privileges.json");
        Reply::parse(403, input.as_bytes()).unwrap().into_owned()
    };
    assert!(reply.body().is_insufficient_privileges());
    assert_eq!(reply.http_status(), 403);
}

#[test]
fn a_known_single_entry_body_parses_without_allocating() {
    for name in &SEED_BODIES[..3] {
        let input = compact(&data(name));
        let (body, count) = allocations(|| ErrorBody::parse(input.as_bytes()).unwrap());
        assert_eq!(count, 0, "{name}");
        assert!(matches!(body.message()[0].error_name, Cow::Borrowed(_)));
        let (known, count) = allocations(|| body.message()[0].known());
        assert!(known.is_some());
        assert_eq!(count, 0);
    }
    // The username is borrowed from the input too; so is a numeric code.
    let input = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":10001,"description":"Invalid username: finance1234 already exists"}]}"#;
    let (body, count) = allocations(|| ErrorBody::parse(input).unwrap());
    assert_eq!(count, 0);
    assert!(matches!(
        &body.message()[0].description,
        Description::InvalidUsername {
            username: Cow::Borrowed("finance1234")
        }
    ));
}

#[test]
fn bodies_of_any_number_of_entries_keep_them_in_order() {
    let entry = |i: usize| match i % 3 {
        0 => format!(
            r#"{{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email e{i}"}}"#
        ),
        1 => format!(
            r#"{{"description":"Invalid username: u{i} already exists","x{i}":[{i}],"code":"5{i}","errorName":"N{i}"}}"#
        ),
        _ => format!(
            r#"{{"code":50500,"errorName":"Failed to generate SSO token","invalidProperty":"p{i}","description":"Other {i}"}}"#
        ),
    };
    for count in 1..=9 {
        let entries: Vec<String> = (0..count).map(entry).collect();
        let input = format!(r#"{{"a":1,"message":[{}],"b":[]}}"#, entries.join(","));
        let body = ErrorBody::parse(input.as_bytes()).unwrap();
        assert_eq!(body.message().len(), count);
        assert_eq!(body.to_json(), input);
        for (i, entry) in body.message().iter().enumerate() {
            match i % 3 {
                0 => {
                    assert_eq!(entry.known(), Some(ErrorCode::ValidationGeneralFailure));
                    assert_eq!(entry.description.value(), Some(format!("e{i}").as_str()));
                    assert!(entry.members.is_empty());
                }
                1 => {
                    assert_eq!(entry.code, format!("5{i}"));
                    assert_eq!(entry.error_name, format!("N{i}"));
                    assert_eq!(entry.description.value(), Some(format!("u{i}").as_str()));
                    assert_eq!(
                        entry.members.get(&format!("x{i}")).unwrap().get(),
                        format!("[{i}]")
                    );
                }
                _ => {
                    assert_eq!(entry.known(), Some(ErrorCode::FailedToGenerateSsoToken));
                    assert_eq!(
                        entry.description,
                        Description::Other(format!("Other {i}").into())
                    );
                    assert_eq!(
                        entry.invalid_property().unwrap().get(),
                        format!(r#""p{i}""#)
                    );
                }
            }
        }
        let owned: ErrorBody<'static> = serde_json::from_str(&input).unwrap();
        assert_eq!(owned, body);
        assert_eq!(owned.to_json(), body.to_json());
        let list: Vec<ErrorEntry<'static>> =
            serde_json::from_str(&format!("[{}]", entries.join(","))).unwrap();
        assert_eq!(list, body.message());
    }
    // Several plain entries need the list's heap storage, and nothing else.
    for count in 2..=4 {
        let entries = vec![entry(0); count].join(",");
        let input = format!(r#"{{"message":[{entries}]}}"#);
        let (body, count_allocations) = allocations(|| ErrorBody::parse(input.as_bytes()).unwrap());
        assert_eq!(body.message().len(), count);
        assert_eq!(count_allocations, 1, "{count} entries");
    }
}

#[test]
fn a_bad_later_entry_is_reported_as_the_first_would_be() {
    let good = r#"{"errorName":"X","code":"1","description":"d"}"#;
    let cases = [
        (
            r#"{"errorName":"X","description":"d"}"#,
            "missing field `code`",
        ),
        (
            r#"{"code":"1","description":"d"}"#,
            "missing field `errorName`",
        ),
        (r#"{"description":"d"}"#, "missing field `errorName`"),
        (
            r#"{"errorName":"X","code":"1"}"#,
            "missing field `description`",
        ),
        (
            r#"{"errorName":"X","code":"1","code":"2","description":"d"}"#,
            "duplicate member `code`",
        ),
        (
            r#"{"errorName":"X","code":"1","description":"d","description":"d"}"#,
            "duplicate member `description`",
        ),
        (r#""x""#, "expected a merchant error entry object"),
        (
            r#"{"errorName":"X","code":true,"description":"d"}"#,
            "`code` as a string or an integer",
        ),
        (
            r#"{"errorName":"X","code":"1","description":1}"#,
            "expected a string",
        ),
    ];
    for (bad, reason) in cases {
        for before in 0..3 {
            let mut entries = vec![good; before];
            entries.push(bad);
            let input = format!(r#"{{"message":[{}]}}"#, entries.join(","));
            let err = ErrorBody::parse(input.as_bytes()).unwrap_err();
            assert!(is_malformed(&err), "{input}: {err}");
            assert_eq!(err.vendor(), Some(Vendor::Merchant), "{input}: {err}");
            assert!(err.reason().contains(reason), "{input}: {err}");
            let err = serde_json::from_str::<ErrorBody<'_>>(&input).unwrap_err();
            assert!(err.to_string().contains(reason), "{input}: {err}");
        }
    }
}

// -------------------------------------------------------- not error bodies

#[test]
fn an_empty_message_list_is_not_an_error_body() {
    for input in [
        r#"{"message":[]}"#,
        r#"{"message":[],"x":1}"#,
        "{\"message\" : [ ]}",
    ] {
        let err = ErrorBody::parse(input.as_bytes()).unwrap_err();
        assert_eq!(err.category(), Category::NotAnErrorBody, "{err}");
        assert_eq!(err.vendor(), Some(Vendor::Merchant), "{err}");
        assert_eq!(err.http_status(), None, "{err}");
        assert!(err.reason().contains("empty `message`"), "{err}");
        assert!(serde_json::from_str::<ErrorBody<'_>>(input).is_err());
        let err = Reply::parse(400, input.as_bytes()).unwrap_err();
        assert_eq!(err.category(), Category::NotAnErrorBody, "{err}");
        assert_eq!(err.http_status(), Some(400), "{err}");
    }
}

#[test]
fn bodiless_401_and_403_are_insufficient_privileges() {
    for status in [401, 403] {
        for input in [&b""[..], b" ", b"\r\n"] {
            let reply = Reply::parse(status, input).unwrap();
            assert_eq!(reply, Reply::new(status, ReplyBody::NoBody));
            assert_eq!(*reply.body(), ReplyBody::NoBody);
            assert!(reply.body().is_insufficient_privileges());
            assert!(!reply.is_retryable());
            assert_eq!(reply.http_status(), status);
            assert_eq!(reply.body().error_body(), None);
            assert_eq!(reply.to_body(), "");
        }
    }
    assert_eq!(
        Reply::new(401, ReplyBody::NoBody).to_string(),
        "HTTP 401: merchant User Management error: no body (insufficient privileges)"
    );
    for status in [200, 400, 404, 500] {
        let err = Reply::parse(status, b"").unwrap_err();
        assert_eq!(err.category(), Category::NotAnErrorBody, "{err}");
        assert_eq!(err.http_status(), Some(status), "{err}");
        assert_eq!(err.reason(), "an empty body", "{err}");
    }
    let err = ErrorBody::parse(b"").unwrap_err();
    assert_eq!(err.category(), Category::NotAnErrorBody, "{err}");
    assert_eq!(err.http_status(), None, "{err}");
}

#[test]
fn malformed_bodies_are_reported_not_panicked_on() {
    let cases: &[&[u8]] = &[
        b"{",
        b"null",
        b"[]",
        b"\"message\"",
        b"Unauthorized",
        b"{}",
        br#"{"message":"Unauthorized"}"#,
        br#"{"message":{"errorName":"X","code":"1","description":"d"}}"#,
        br#"{"message":["wrong"]}"#,
        br#"{"message":[{"code":"1","description":"d"}]}"#,
        br#"{"message":[{"errorName":"X","description":"d"}]}"#,
        br#"{"message":[{"errorName":"X","code":"1"}]}"#,
        br#"{"message":[{"errorName":"X","code":"1","description":7}]}"#,
        br#"{"message":[{"errorName":"X","code":"1","code":"2","description":"d"}]}"#,
        br#"{"message":[],"message":[]}"#,
        br#"{"message":[{"errorName":"X","code":"1","description":"d"}]} x"#,
        b"\xff\xfe",
    ];
    for input in cases {
        let err = ErrorBody::parse(input).unwrap_err();
        assert!(is_malformed(&err), "{input:?}: {err}");
        assert_eq!(err.vendor(), Some(Vendor::Merchant));
        let err = Reply::parse(400, input).unwrap_err();
        assert!(is_malformed(&err), "{err}");
    }
}

#[test]
fn another_vendor_s_body_is_named() {
    let openam = br#"{"code":401,"reason":"Unauthorized","message":"Authentication Failed"}"#;
    let err = ErrorBody::parse(openam).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err}");
    assert_eq!(err.vendor(), Some(Vendor::Merchant), "{err}");
    assert_eq!(err.found_vendor(), Some(Vendor::OpenAm), "{err}");
    let zato = br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#;
    let err = Reply::parse(403, zato).unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor, "{err}");
    assert_eq!(err.found_vendor(), Some(Vendor::Zato), "{err}");
}

// ----------------------------------------------------------------- vectors

#[test]
fn every_real_world_vector_is_handled() {
    let vectors = vectors("merchant");
    assert_eq!(vectors.len(), 6);
    let mut seen = 0;
    for (name, vector) in vectors {
        let raw = vector.body.get();
        if raw.starts_with('"') {
            // A text body: the provider's web server's HTML 401 page.
            let html: String = serde_json::from_str(raw).unwrap();
            assert!(html.starts_with("<!doctype html>"), "{name}");
            assert_eq!(vector.http_status, Some(401), "{name}");
            let err = Reply::parse(401, html.as_bytes()).unwrap_err();
            assert_eq!(err.category(), Category::NotAnErrorBody, "{name}: {err}");
            assert_eq!(err.vendor(), Some(Vendor::Merchant), "{name}: {err}");
            assert_eq!(err.http_status(), Some(401), "{name}: {err}");
            assert_eq!(err.reason(), "an HTML page", "{name}: {err}");
            assert!(err.snippet().as_str().starts_with("<!doctype html>"));
            let err = ErrorBody::parse(html.as_bytes()).unwrap_err();
            assert_eq!(err.category(), Category::NotAnErrorBody, "{name}: {err}");
            assert_eq!(err.http_status(), None, "{name}: {err}");
            seen += 1;
            continue;
        }

        let compact = compact(raw);
        let body = ErrorBody::parse(compact.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Written back byte for byte, a numeric code too.
        let expected = compact.clone();
        assert_eq!(body.to_json(), expected, "{name}");
        assert_eq!(
            ErrorBody::parse(expected.as_bytes()).unwrap(),
            body,
            "{name}"
        );
        let owned: ErrorBody<'static> = serde_json::from_str(&compact).unwrap();
        assert_eq!(owned, body, "{name}");

        let status = vector.http_status.unwrap_or(400);
        let reply = Reply::parse(status, compact.as_bytes()).unwrap();
        assert_eq!(reply.body().error_body(), Some(&body), "{name}");
        assert_eq!(reply.http_status(), status, "{name}");
        assert_eq!(reply.to_body(), expected);

        let entry = &body.message()[0];
        match name.as_str() {
            "andriichuk_422_validation_general_failure_numeric_code.json" => {
                assert_eq!(entry.known(), Some(ErrorCode::ValidationGeneralFailure));
                assert_eq!(entry.code, "10001");
                assert_eq!(entry.description, Description::Other("Invalid plan".into()));
                assert_eq!(
                    entry.invalid_property().unwrap().get(),
                    r#"{"name":"currency"}"#
                );
                assert_eq!(body.http_status(), 400);
            }
            "ordercloud_400_no_payment_details_linked_to_token.json" => {
                assert_eq!(entry.known(), None);
                assert_eq!(entry.code, "14042");
                assert_eq!(entry.error_name, "NO_PAYMENT_DETAILS_LINKED_TO_TOKEN");
                // No entry is documented: the body falls back to 400.
                assert_eq!(entry.http_status(), None);
                assert_eq!(body.http_status(), 400);
            }
            _ => {
                assert!(name.starts_with("android_sdk_"), "{name}");
                assert_eq!(entry.known(), None, "{name}");
                assert_eq!(entry.description.template(), None, "{name}");
            }
        }
        assert!(!body.is_retryable());
        seen += 1;
    }
    assert_eq!(seen, 6);
}

#[test]
fn any_description_writes_its_own_text_and_hashes_by_it() {
    use std::hash::{BuildHasher, RandomState};
    let other = Description::parse("Token is not associated with a payment method");
    assert_eq!(
        other.to_text(),
        "Token is not associated with a payment method"
    );
    assert_eq!(
        serde_json::to_string(&other).unwrap(),
        r#""Token is not associated with a payment method""#
    );
    let fixed = Description::from_cow(Cow::Owned("Invalid password".to_owned()));
    assert_eq!(fixed, Description::InvalidPassword);
    assert_eq!(fixed.to_text(), "Invalid password");
    let named = Description::from_cow(Cow::Owned("Invalid first name Ann".to_owned()));
    assert_eq!(named.value(), Some("Ann"));
    let state = RandomState::new();
    assert_eq!(
        state.hash_one(&fixed),
        state.hash_one(Description::parse("Invalid password"))
    );
    assert_ne!(state.hash_one(&fixed), state.hash_one(&other));
    assert_ne!(
        state.hash_one(&named),
        state.hash_one(Description::parse("Invalid first name Bob"))
    );
}

#[test]
fn an_entry_code_compares_hashes_and_prints_as_its_text() {
    use sso_errors::merchant::Code;
    use std::hash::{BuildHasher, RandomState};

    let text = Code::from("10001");
    let number = Code::from(10001_u64);
    let other = Code::from("50500");
    assert_eq!((text.as_str(), number.as_str()), ("10001", "10001"));
    assert_eq!(Code::from(String::from("x1")).as_str(), "x1");

    // The two spellings are one code; another text is another.
    assert_eq!(text, number);
    assert_eq!(number, text);
    assert_ne!(text, other);
    assert_ne!(other, number);
    assert!(text == *"10001");
    assert!(text != *"10002");
    assert_eq!(text, "10001");
    assert_ne!(text, "50500");
    let (same, shorter) = (String::from("10001"), String::from("1000"));
    assert_eq!(text, same);
    assert_ne!(text, shorter);

    let hasher = RandomState::new();
    assert_eq!(hasher.hash_one(&text), hasher.hash_one(&number));
    assert_eq!(hasher.hash_one(&text), hasher.hash_one("10001"));
    assert_ne!(hasher.hash_one(&text), hasher.hash_one(&other));
    let set: HashSet<Code<'_>> = [text.clone(), number.clone(), other.clone()].into();
    assert_eq!(set.len(), 2);

    // Debug shows how the wire carried it; Display writes the text.
    assert_eq!(format!("{text:?} {number:?}"), r#""10001" 10001"#);
    assert_eq!(format!("{text} {number} {other}"), "10001 10001 50500");
}
