//! One classification across every catalog: every entry has a kind, and the
//! kinds agree with what each vendor documents.

use sso_errors::{Actor, Catalog, ErrorKind, GrpcCode, merchant, openam, zato, zenlogin};

/// Every entry of catalog `C` with its kind, checked against its HTTP status.
fn kinds<C: Catalog>() -> Vec<(C, ErrorKind)> {
    C::ALL
        .iter()
        .map(|&entry| {
            let kind = entry.kind();
            // An entry sent with an error status is an error; one sent with
            // a success status is a success, or a warning (Zato's W003005,
            // a password about to expire, is `Expired`).
            let http = entry.http_status();
            if http >= 400 {
                assert!(
                    kind.is_error(),
                    "{:?} {entry}: {kind:?} with HTTP {http}",
                    C::VENDOR
                );
            } else {
                assert!(
                    !kind.is_error() || entry.code().starts_with('W'),
                    "{:?} {entry}: {kind:?} with HTTP {http}",
                    C::VENDOR
                );
            }
            assert_eq!(entry.is_retryable(), kind.is_retryable(), "{entry}");
            assert_eq!(
                entry.is_client_error(),
                (400..500).contains(&entry.http_status())
            );
            assert_eq!(
                entry.is_server_error(),
                (500..600).contains(&entry.http_status())
            );
            (entry, kind)
        })
        .collect()
}

fn retryable<C: Catalog>() -> Vec<&'static str> {
    kinds::<C>()
        .into_iter()
        .filter(|(_, kind)| kind.is_retryable())
        .map(|(entry, _)| entry.code())
        .collect()
}

#[test]
fn every_entry_of_every_catalog_has_a_kind() {
    assert_eq!(kinds::<zato::Status>().len(), zato::Status::ALL.len());
    assert_eq!(kinds::<zato::SubStatus>().len(), 38);
    assert_eq!(kinds::<zenlogin::ErrorCode>().len(), 38);
    assert_eq!(kinds::<openam::Status>().len(), openam::Status::ALL.len());
    assert_eq!(kinds::<merchant::ErrorCode>().len(), 2);
}

#[test]
fn retryable_entries_are_the_ones_the_vendors_document() {
    // Zato says nothing of retrying, not even for its internal error.
    assert!(retryable::<zato::SubStatus>().is_empty());
    assert_eq!(
        zato::SubStatus::CommonInternalError.kind(),
        ErrorKind::Internal
    );
    // Zenlogin: down for maintenance.
    assert_eq!(retryable::<zenlogin::ErrorCode>(), ["1001"]);
    // OpenAM's retryable exceptions, and 429 by its HTTP meaning.
    assert_eq!(retryable::<openam::Status>(), ["408", "503", "504"]);
    assert!(openam::Code::new(429).is_retryable());
    // The merchant's per-minute token-generation limit.
    assert_eq!(retryable::<merchant::ErrorCode>(), ["50500"]);
}

#[test]
fn the_kinds_a_caller_acts_on() {
    use zato::SubStatus as Z;
    assert_eq!(Z::AuthLocked.kind(), ErrorKind::Locked);
    assert_eq!(Z::AuthNotApproved.kind(), ErrorKind::NotApproved);
    assert_eq!(Z::AuthInvalidSignupStatus.kind(), ErrorKind::NotConfirmed);
    assert_eq!(Z::PasswordExpired.kind(), ErrorKind::Expired);
    assert_eq!(Z::UsernameExists.kind(), ErrorKind::AlreadyExists);
    assert_eq!(Z::CommonMissingInput.kind(), ErrorKind::MissingInput);
    use zenlogin::ErrorCode as Zen;
    assert_eq!(Zen::InvalidXApiSecretKey.kind(), ErrorKind::Misconfigured);
    assert_eq!(Zen::ApplicationDisabled.kind().actor(), Actor::Developer);
    assert_eq!(Zen::IdentityKeyTooLong.kind(), ErrorKind::TooLarge);
    assert_eq!(
        openam::Status::NotImplemented.kind(),
        ErrorKind::Unsupported
    );
    assert_eq!(openam::Status::Conflict.kind(), ErrorKind::Conflict);
    assert_eq!(openam::Code::new(499).kind(), ErrorKind::BadRequest);
    assert_eq!(openam::Code::new(302).kind(), ErrorKind::Unspecified);
}

#[test]
fn every_kind_has_an_actor_and_a_grpc_code() {
    let codes: Vec<(GrpcCode, u8, &str)> = ErrorKind::ALL
        .iter()
        .map(|kind| (kind.grpc(), kind.grpc().number(), kind.grpc().name()))
        .collect();
    for (code, number, name) in &codes {
        assert_eq!(code.to_string(), *name);
        assert!(*number <= 16);
    }
    assert_eq!(ErrorKind::Success.grpc(), GrpcCode::Ok);
    assert_eq!(ErrorKind::Success.actor(), Actor::Nobody);
    for kind in ErrorKind::ALL {
        // Who acts on a retryable error: nobody, the request may go again.
        assert_eq!(
            kind.is_retryable(),
            kind.actor() == Actor::Nobody && kind.is_error(),
            "{kind:?}"
        );
    }
    let retryable: Vec<_> = ErrorKind::ALL.iter().filter(|k| k.is_retryable()).collect();
    assert_eq!(
        retryable,
        [
            &ErrorKind::RateLimited,
            &ErrorKind::Unavailable,
            &ErrorKind::Timeout
        ]
    );
}

#[test]
fn bodies_and_replies_answer_for_the_codes_they_carry() {
    use sso_errors::Body;

    let zato = zato::Reply::parse(
        403,
        br#"{"status":"error","cid":"c","sub_status":["E005002"]}"#,
    )
    .unwrap();
    assert_eq!(zato.kind(), ErrorKind::Locked);
    assert!(!zato.is_retryable());
    let plain = zato::Reply::parse(400, b"Bad request").unwrap();
    assert_eq!(plain.kind(), ErrorKind::MissingInput);
    let ok = zato::Response::parse(br#"{"status":"ok","cid":"c"}"#).unwrap();
    assert_eq!(Body::kind(&ok), ErrorKind::Success);

    let zenlogin =
        zenlogin::Reply::parse(500, br#"{"errors":[{"code":"1001","detail":"down"}]}"#).unwrap();
    assert_eq!(zenlogin.kind(), ErrorKind::Unavailable);
    assert!(zenlogin.is_retryable());
    let unknown = zenlogin::ErrorDocument::parse(br#"{"errors":[{"code":"9999"}]}"#).unwrap();
    assert_eq!(unknown.kind(), ErrorKind::BadRequest);

    let openam = openam::Reply::parse(
        503,
        br#"{"code":503,"reason":"Service Unavailable","message":"x"}"#,
    )
    .unwrap();
    assert_eq!(openam.kind(), ErrorKind::Unavailable);
    assert!(openam.is_retryable());
    let module = openam::Reply::parse(
        401,
        br#"{"failure":true,"reason":"http-auth-failed","authId":"1"}"#,
    )
    .unwrap();
    assert_eq!(module.kind(), ErrorKind::BadCredentials);

    let limit = merchant::Reply::parse(403, br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#)
        .unwrap();
    assert_eq!(limit.kind(), ErrorKind::RateLimited);
    assert!(limit.is_retryable());
    // The same pair with the other description is a refusal, not a limit.
    let refused = merchant::ErrorBody::parse(br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Insufficient Privileges: not allowed to call this API"}]}"#)
        .unwrap();
    assert_eq!(refused.kind(), ErrorKind::NotAllowed);
    assert!(!refused.is_retryable());
    assert_eq!(
        merchant::Reply::parse(401, b"").unwrap().kind(),
        ErrorKind::NotAllowed
    );
    let taken = merchant::ErrorBody::parse(br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid username: finance1234 already exists"}]}"#)
        .unwrap();
    assert_eq!(taken.kind(), ErrorKind::AlreadyExists);
}

#[test]
fn vendors_read_and_write_their_ids() {
    use sso_errors::Vendor;
    for vendor in Vendor::ALL {
        assert_eq!(vendor.id().parse::<Vendor>(), Ok(vendor));
        assert_eq!(vendor.id().to_uppercase().parse::<Vendor>(), Ok(vendor));
        let json = serde_json::to_string(&vendor).unwrap();
        assert_eq!(json, format!("\"{}\"", vendor.id()));
        assert_eq!(serde_json::from_str::<Vendor>(&json).unwrap(), vendor);
    }
    assert!("okta".parse::<Vendor>().is_err());
    assert!(serde_json::from_str::<Vendor>("\"okta\"").is_err());
    assert_eq!(Vendor::OpenAm.to_string(), "OpenAM");
}

/// Every spelling of every catalog, looked up across all of them, finds its
/// own entry, and only it.
#[test]
fn any_code_finds_every_spelling_of_every_catalog() {
    use sso_errors::{AnyCode, Lookup, Vendor};

    fn spellings<C: Catalog>(wrap: fn(C) -> AnyCode) -> Vec<(String, AnyCode)> {
        C::ALL
            .iter()
            .flat_map(|&c| {
                let mut out = vec![(c.code().to_owned(), wrap(c))];
                out.extend(c.alias().map(|a| (a.to_owned(), wrap(c))));
                out
            })
            .collect()
    }
    let all = [
        spellings::<zato::Status>(AnyCode::ZatoStatus),
        spellings::<zato::SubStatus>(AnyCode::Zato),
        spellings::<zenlogin::ErrorCode>(AnyCode::Zenlogin),
        spellings::<openam::Status>(AnyCode::OpenAm),
        spellings::<merchant::ErrorCode>(AnyCode::Merchant),
    ]
    .concat();
    assert_eq!(all.len(), 3 + 39 + 39 + openam::Status::ALL.len() + 2);
    for (spelling, entry) in &all {
        assert_eq!(
            AnyCode::lookup(spelling),
            Lookup::Found(*entry),
            "{spelling}"
        );
        assert_eq!(
            AnyCode::lookup_in(spelling, Some(entry.vendor())),
            Lookup::Found(*entry)
        );
        for other in Vendor::ALL.into_iter().filter(|v| *v != entry.vendor()) {
            assert_eq!(AnyCode::lookup_in(spelling, Some(other)), Lookup::NotFound);
        }
        assert_eq!(entry.kind(), entry.kind());
        assert_eq!(entry.to_string(), entry.code());
    }
    for miss in ["", "E999999", "9999", "499", "10002", "OK", " 404", "404 "] {
        assert_eq!(AnyCode::lookup(miss), Lookup::NotFound, "{miss:?}");
    }
    let code = AnyCode::lookup("50500").unique().unwrap();
    assert_eq!(code.vendor(), Vendor::Merchant);
    assert_eq!(code.label(), Some("Failed to generate SSO token"));
    assert!(code.is_retryable());
    assert_eq!(code.http_status(), 403);
}

/// gRPC's own numbering and spelling of its status codes.
#[test]
fn grpc_codes_have_grpcs_numbers_and_names() {
    let all = [
        (GrpcCode::Ok, 0, "OK"),
        (GrpcCode::Cancelled, 1, "CANCELLED"),
        (GrpcCode::Unknown, 2, "UNKNOWN"),
        (GrpcCode::InvalidArgument, 3, "INVALID_ARGUMENT"),
        (GrpcCode::DeadlineExceeded, 4, "DEADLINE_EXCEEDED"),
        (GrpcCode::NotFound, 5, "NOT_FOUND"),
        (GrpcCode::AlreadyExists, 6, "ALREADY_EXISTS"),
        (GrpcCode::PermissionDenied, 7, "PERMISSION_DENIED"),
        (GrpcCode::ResourceExhausted, 8, "RESOURCE_EXHAUSTED"),
        (GrpcCode::FailedPrecondition, 9, "FAILED_PRECONDITION"),
        (GrpcCode::Aborted, 10, "ABORTED"),
        (GrpcCode::OutOfRange, 11, "OUT_OF_RANGE"),
        (GrpcCode::Unimplemented, 12, "UNIMPLEMENTED"),
        (GrpcCode::Internal, 13, "INTERNAL"),
        (GrpcCode::Unavailable, 14, "UNAVAILABLE"),
        (GrpcCode::DataLoss, 15, "DATA_LOSS"),
        (GrpcCode::Unauthenticated, 16, "UNAUTHENTICATED"),
    ];
    for (code, number, name) in all {
        assert_eq!((code.number(), code.name()), (number, name), "{code:?}");
        assert_eq!(code.to_string(), name);
    }
}

/// A status no entry describes is classified by its own meaning, or else
/// by its class.
#[test]
fn an_http_status_is_classified_by_its_meaning_or_its_class() {
    use ErrorKind::*;
    for (status, kind) in [
        (0, Unspecified),
        (199, Unspecified),
        (200, Success),
        (204, Success),
        (299, Success),
        (300, Unspecified),
        (400, BadRequest),
        (401, BadCredentials),
        (402, BadRequest),
        (403, NotAllowed),
        (404, NotFound),
        (408, Timeout),
        (409, Conflict),
        (410, NotFound),
        (412, Conflict),
        (413, TooLarge),
        (414, TooLarge),
        (418, BadRequest),
        (428, Conflict),
        (429, RateLimited),
        (499, BadRequest),
        (500, Internal),
        (501, Unsupported),
        (502, Internal),
        (503, Unavailable),
        (504, Timeout),
        (599, Internal),
        (600, Unspecified),
    ] {
        assert_eq!(ErrorKind::of_http_status(status), kind, "{status}");
    }
}
