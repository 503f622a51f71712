//! The one entry point: a response of unknown origin is recognised as its
//! vendor's reply, parsed once, or refused with the reason.

mod common;

use sso_errors::{AnyReply, Category, ErrorKind, Vendor};

/// Every real body of the corpus, with the status it came with, is
/// recognised as its own vendor's and parses as the vendor's own reply.
#[test]
fn every_real_body_is_recognised_as_its_vendors() {
    let mut seen = 0;
    for (dir, vendor) in [
        ("zato", Vendor::Zato),
        ("openam", Vendor::OpenAm),
        ("merchant", Vendor::Merchant),
    ] {
        for (name, vector) in common::vectors(dir) {
            let status = vector.http_status.unwrap_or(400);
            let body = common::compact(vector.body.get());
            let Ok(reply) = AnyReply::parse(status, body.as_bytes()) else {
                // The corpus holds success and HTML bodies too: the vendor's
                // own parser refuses them alike.
                let mine = AnyReply::parse_from(Some(vendor), status, body.as_bytes());
                assert!(mine.is_err(), "{dir}/{name}: recognised by the vendor only");
                continue;
            };
            assert_eq!(reply.vendor(), vendor, "{dir}/{name}");
            assert_eq!(reply.http_status(), status);
            let direct = AnyReply::parse_from(Some(vendor), status, body.as_bytes()).unwrap();
            assert_eq!(reply, direct, "{dir}/{name}");
            // Written back, it is recognised again as the same reply (the
            // vendors' own tests pin the bytes).
            let again = reply.to_body();
            assert_eq!(
                AnyReply::parse(status, again.as_bytes()).unwrap(),
                reply,
                "{dir}/{name}"
            );
            seen += 1;
        }
    }
    assert!(seen > 60, "{seen}");
}

#[test]
fn seed_examples_of_every_vendor() {
    let cases: [(u16, &[u8], Vendor, ErrorKind); 8] = [
        (403, br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#, Vendor::Zato, ErrorKind::NotAllowed),
        (400, br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#, Vendor::Zato, ErrorKind::MissingInput),
        (400, b"Bad request", Vendor::Zato, ErrorKind::MissingInput),
        (400, br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#, Vendor::Zenlogin, ErrorKind::Misconfigured),
        (404, br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#, Vendor::OpenAm, ErrorKind::NotFound),
        (401, br#"{"errorMessage":"Invalid Password!!","failureUrl":""}"#, Vendor::OpenAm, ErrorKind::BadCredentials),
        (403, br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#, Vendor::Merchant, ErrorKind::RateLimited),
        (403, b"", Vendor::Merchant, ErrorKind::NotAllowed),
    ];
    for (status, input, vendor, kind) in cases {
        let reply = AnyReply::parse(status, input).unwrap();
        assert_eq!((reply.vendor(), reply.kind()), (vendor, kind));
        assert_eq!(reply.to_body().as_bytes(), input);
    }
}

#[test]
fn bodies_that_match_no_vendor_say_why() {
    let cases: [(u16, &[u8], Category, &str); 6] = [
        (
            200,
            br#"{"tokenId":"AQIC5w"}"#,
            Category::Unrecognized,
            "none of the members",
        ),
        (500, b"", Category::Unrecognized, "an empty body"),
        (
            401,
            b"<html>401</html>",
            Category::Unrecognized,
            "an HTML page",
        ),
        (
            500,
            b"Internal Server Error",
            Category::Unrecognized,
            "not a JSON object",
        ),
        (400, b"[1,2]", Category::Unrecognized, "not a JSON object"),
        (
            400,
            br#"{"status":"error","cid":"c","errors":[{"code":"3003"}]}"#,
            Category::Ambiguous,
            "a Zenlogin or a Zato SSO one",
        ),
    ];
    for (status, input, category, why) in cases {
        let err = AnyReply::parse(status, input).unwrap_err();
        assert_eq!(err.category(), category, "{err}");
        assert_eq!(err.vendor(), None);
        assert_eq!(err.http_status(), Some(status));
        assert!(err.to_string().contains(why), "{err}");
        assert!(!err.to_string().contains("AQIC5w"));
    }
    let err = AnyReply::parse(400, br#"{"status":"error","cid":"c","errors":[]}"#).unwrap_err();
    assert_eq!(err.candidates(), Some((Vendor::Zenlogin, Vendor::Zato)));
    // The same when `errors` comes first, and the document is parsed before
    // its other members are looked at.
    for body in [
        &br#"{"errors":[],"status":"error","cid":"c"}"#[..],
        br#"{"errors":[{"code":"3003"}],"message":[{"errorName":"x"}]}"#,
        br#"{"errors":[],"code":404,"reason":"Not Found"}"#,
        br#"{"errors":[],"status":"ok"}"#,
    ] {
        let err = AnyReply::parse(400, body).unwrap_err();
        assert_eq!(err.category(), Category::Ambiguous, "{err}");
    }
    let reply = AnyReply::parse(
        400,
        br#"{"errors":[{"code":"1001"}],"meta":{"a":1},"x":"y"}"#,
    )
    .unwrap();
    assert_eq!(reply.vendor(), Vendor::Zenlogin);
    // A malformed document that opens with `errors` gets Zenlogin's error.
    let err = AnyReply::parse(400, br#"{"errors":[{"code":3003}]}"#).unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::Zenlogin));
    // The vendor, when the caller knows it, settles it.
    let reply = AnyReply::parse_from(
        Some(Vendor::Zato),
        400,
        br#"{"status":"error","cid":"c","errors":[]}"#,
    )
    .unwrap();
    assert_eq!(reply.vendor(), Vendor::Zato);
    // A recognised but malformed body gets its vendor's error.
    let err = AnyReply::parse(403, br#"{"status":"error","cid":5}"#).unwrap_err();
    assert_eq!(err.category(), Category::Data);
    assert_eq!(err.vendor(), Some(Vendor::Zato));
}

/// Every entry of every catalog, found by its code among all vendors' and
/// among its own vendor's only, and shown as that code.
#[test]
fn every_code_is_looked_up_across_catalogs_and_by_vendor() {
    use sso_errors::{AnyCode, Catalog, Lookup, merchant, openam, zato, zenlogin};
    fn entries<C: Catalog + Into<AnyCode>>() -> Vec<AnyCode> {
        C::ALL.iter().map(|&c| c.into()).collect()
    }
    let all = [
        entries::<zato::Status>(),
        entries::<zato::SubStatus>(),
        entries::<zenlogin::ErrorCode>(),
        entries::<openam::Status>(),
        entries::<merchant::ErrorCode>(),
    ]
    .concat();
    for any in all {
        let code = any.code();
        assert_eq!(any.to_string(), code);
        let own = AnyCode::lookup_in(code, Some(any.vendor()));
        assert_eq!(own, Lookup::Found(any), "{code}");
        assert_eq!(own.unique(), Some(any));
        for other in Vendor::ALL.iter().filter(|&&v| v != any.vendor()) {
            assert!(
                !matches!(AnyCode::lookup_in(code, Some(*other)), Lookup::Found(found) if found == any),
                "{code} in {other}"
            );
        }
        match AnyCode::lookup(code) {
            Lookup::Found(found) => assert_eq!(found, any),
            Lookup::Ambiguous(a, b) => assert!(a == any || b == any, "{code}"),
            other => panic!("{code}: {other:?}"),
        }
    }
    assert_eq!(AnyCode::lookup("E999999").unique(), None);
    let two = Lookup::Ambiguous(
        AnyCode::OpenAm(openam::Status::BadRequest),
        AnyCode::Zenlogin(zenlogin::ErrorCode::InvalidIpAddress),
    );
    assert_eq!(two.unique(), None);
}

/// What a reply of unknown origin shows: its vendor's reply, named.
#[test]
fn any_reply_shows_as_its_vendors_reply() {
    let body = br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#;
    let any = AnyReply::parse(403, body).unwrap();
    let AnyReply::Zato(reply) = &any else {
        panic!("{any:?}");
    };
    assert_eq!(any.to_string(), reply.to_string());
    assert!(any.to_string().contains("E005001"), "{any}");
    assert_eq!(format!("{any:?}"), format!("Zato({reply:?})"));
    let document = AnyReply::parse(400, br#"{"errors":[{"code":"3003"}]}"#).unwrap();
    assert!(
        format!("{document:?}").starts_with("Zenlogin("),
        "{document:?}"
    );
    let openam =
        AnyReply::parse(404, br#"{"code":404,"reason":"Not Found","message":"m"}"#).unwrap();
    assert!(format!("{openam:?}").starts_with("OpenAm("), "{openam:?}");
    let merchant = AnyReply::parse(403, b"").unwrap();
    assert!(
        format!("{merchant:?}").starts_with("Merchant("),
        "{merchant:?}"
    );
}

/// The members that tell the vendors apart must stand together where the
/// table pairs them.
#[test]
fn recognition_needs_each_pair_of_members_whole() {
    use sso_errors::detect::detect;
    for (body, vendor) in [
        (
            &br#"{"failure":true,"authId":"a"}"#[..],
            Some(Vendor::OpenAm),
        ),
        // What OpenAM's own reply reads is OpenAM's: a boolean `failure`,
        // a numeric code alone.
        (br#"{"failure":true}"#, Some(Vendor::OpenAm)),
        (br#"{"failure":"yes"}"#, None),
        (br#"{"authId":"a"}"#, None),
        (
            br#"{"result":"Error","details":"Bad request"}"#,
            Some(Vendor::Zato),
        ),
        (br#"{"result":"Error"}"#, None),
        (br#"{"details":"Bad request"}"#, None),
        (
            br#"{"code":400,"reason":"Bad Request"}"#,
            Some(Vendor::OpenAm),
        ),
        (br#"{"code":400}"#, Some(Vendor::OpenAm)),
        (br#"{"reason":"Bad Request"}"#, None),
        // OpenAM's `code` is a number, negative ones too; a string is not it.
        (br#"{"code":-1,"message":"Unknown"}"#, Some(Vendor::OpenAm)),
        (br#"{"code":"400","reason":"Bad Request"}"#, None),
        (br#"{"error":"invalid_grant","message":"x"}"#, None),
        // A member with no value makes the input no JSON object.
        (br#"{"status":"error","cid":,"sub_status":[]}"#, None),
        (br#"{"code":400,"reason":}"#, None),
        (br#"{"code":400,"reason":]"#, None),
        (br#"{"status":"error","cid"::1}"#, None),
    ] {
        assert_eq!(detect(body), vendor, "{}", String::from_utf8_lossy(body));
    }
}

#[test]
fn recognition_reads_members_as_json_does() {
    use sso_errors::detect::detect;
    // An empty object is an object, with none of the members; anything
    // after it makes the input no JSON object at all.
    for (input, why) in [
        (&b"{}"[..], "none of the members"),
        (b" { }\n", "none of the members"),
        (b"{} x", "not a JSON object"),
        (b"{}}", "not a JSON object"),
    ] {
        let err = AnyReply::parse(400, input).unwrap_err();
        assert!(err.to_string().contains(why), "{err}");
    }
    // A repeated member is recognised by its first value, as the body's
    // own parser then reports it.
    assert_eq!(
        detect(br#"{"message":[{"errorName":"x"}],"message":"y"}"#),
        Some(Vendor::Merchant)
    );
    assert_eq!(
        detect(br#"{"message":"y","message":[{"errorName":"x"}]}"#),
        None
    );
    // OpenAM's earlier bodies carry the number under `error`.
    assert_eq!(
        detect(br#"{"error":404,"reason":"Not Found","message":"Not found"}"#),
        Some(Vendor::OpenAm)
    );
    // A member whose name holds a backslash is that name, not the escape
    // it spells: `\u006dessage` is not `message`, in either order.
    for body in [
        &br#"{"errors":[{"code":"3003"}],"\\u006dessage":[{"errorName":"x"}]}"#[..],
        br#"{"\\u006dessage":[{"errorName":"x"}],"errors":[{"code":"3003"}]}"#,
        br#"{"errors":[{"code":"3003"}],"\"message":[{"errorName":"x"}]}"#,
    ] {
        let reply = AnyReply::parse(400, body).unwrap();
        assert_eq!(
            reply.vendor(),
            Vendor::Zenlogin,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // The same name escaped is `message`.
    let err = AnyReply::parse(
        400,
        br#"{"errors":[{"code":"3003"}],"\u006dessage":[{"errorName":"x"}]}"#,
    )
    .unwrap_err();
    assert_eq!(err.category(), Category::Ambiguous, "{err}");
}
