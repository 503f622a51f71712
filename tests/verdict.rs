//! The verdict on every answer the vendors send: the seeds' examples, the
//! corpus of real bodies, and what no vendor wrote (a proxy's page, an empty
//! 429), with `Retry-After` in both of its forms.

mod common;

use std::time::Duration;

use sso_errors::Outcome::{self, Failure, Success, Warning};
use sso_errors::{
    Actor, AnyCode, Category, DISPLAY_MAX, ErrorKind, ReplyCode, Vendor, Verdict, merchant, zato,
};

/// A stored answer's name, outcome, kind id, retryability, and problem
/// status and type anchor.
type Row = (
    &'static str,
    Outcome,
    &'static str,
    bool,
    Option<(u16, &'static str)>,
);

/// Every seed example and real body of the corpus (see `common::answers`):
/// its outcome, kind, retryability and problem (status and the type's
/// anchor), as the vendor's documentation reads.
const CORPUS: &[Row] = &[
    (
        "seed 0",
        Failure,
        "not_allowed",
        false,
        Some((403, "zato-e005001")),
    ),
    (
        "seed 1",
        Failure,
        "missing_input",
        false,
        Some((400, "about:blank")),
    ),
    (
        "seed 2",
        Failure,
        "missing_input",
        false,
        Some((400, "about:blank")),
    ),
    (
        "seed 3",
        Failure,
        "misconfigured",
        false,
        Some((400, "zenlogin-3003")),
    ),
    (
        "seed 4",
        Failure,
        "not_found",
        false,
        Some((404, "openam-404")),
    ),
    (
        "seed 5",
        Failure,
        "bad_credentials",
        false,
        Some((401, "about:blank")),
    ),
    (
        "seed 6",
        Failure,
        "rate_limited",
        true,
        Some((403, "merchant-50500")),
    ),
    (
        "seed 7",
        Failure,
        "not_allowed",
        false,
        Some((403, "about:blank")),
    ),
    (
        "zato/doc_login_error_e005001.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "zato-e005001")),
    ),
    ("zato/doc_login_ok.json", Success, "success", false, None),
    (
        "zato/doc_topic_login_e003007_scalar_sub_status.json",
        Failure,
        "expired",
        false,
        Some((400, "zato-e003007")),
    ),
    (
        "zato/doc_topic_login_e006001_scalar_sub_status.json",
        Failure,
        "misconfigured",
        false,
        Some((400, "zato-e006001")),
    ),
    (
        "zato/doc_topic_login_ok_ust_before_cid.json",
        Success,
        "success",
        false,
        None,
    ),
    (
        "zato/doc_topic_user_patch_ok_minimal.json",
        Success,
        "success",
        false,
        None,
    ),
    (
        "zato/doc_user_get_error_e005001.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "zato-e005001")),
    ),
    (
        "zato/doc_user_get_ok_regular_user.json",
        Success,
        "success",
        false,
        None,
    ),
    (
        "zato/doc_user_get_ok_super_user_sorted_keys.json",
        Success,
        "success",
        false,
        None,
    ),
    (
        "zato/page_password_reset_access_token_e010001.json",
        Failure,
        "expired",
        false,
        Some((403, "zato-e010001")),
    ),
    (
        "zato/page_password_reset_access_token_ok_reset_key.json",
        Success,
        "success",
        false,
        None,
    ),
    (
        "zato/page_password_reset_change_password_e010001.json",
        Failure,
        "expired",
        false,
        Some((403, "zato-e010001")),
    ),
    (
        "zato/page_password_reset_create_token_ok_empty_sub_status.json",
        Success,
        "success",
        false,
        None,
    ),
    (
        "zato/test_login_missing_username_bad_request.json",
        Failure,
        "missing_input",
        false,
        Some((400, "about:blank")),
    ),
    (
        "zato/test_login_totp_missing_e005008.json",
        Failure,
        "missing_input",
        false,
        Some((403, "zato-e005008")),
    ),
    (
        "zato/test_login_w003005_warning_with_ust.json",
        Warning,
        "expired",
        false,
        None,
    ),
    (
        "zato/test_user_attr_create_already_exists_e009001.json",
        Failure,
        "already_exists",
        false,
        Some((403, "zato-e009001")),
    ),
    (
        "zato/test_user_patch_username_exists_e001002.json",
        Failure,
        "already_exists",
        false,
        Some((403, "zato-e001002")),
    ),
    (
        "openam/authv1_401_error_message_failure_url.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "about:blank")),
    ),
    (
        "openam/authv1_401_http_auth_failed_passthrough.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "about:blank")),
    ),
    (
        "openam/authv1_415_error_message.json",
        Failure,
        "bad_request",
        false,
        Some((415, "about:blank")),
    ),
    (
        "openam/authv2_401_http_auth_failed_passthrough.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "about:blank")),
    ),
    (
        "openam/authv2_401_invalid_password_failureurl_detail.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "openam-401")),
    ),
    (
        "openam/authv2_415_unsupported_media_type.json",
        Failure,
        "bad_request",
        false,
        Some((415, "openam-415")),
    ),
    (
        "openam/commons_authz_403_create_not_allowed_detail.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/commons_authz_403_not_authorized_endpoint_detail.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/commons_crestadapter_400_boom.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/commons_crestadapter_403_custom_reason.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/commons_crestadapter_404_default_message.json",
        Failure,
        "not_found",
        false,
        Some((404, "openam-404")),
    ),
    (
        "openam/commons_crestadapter_500_boom_cause_not_serialized.json",
        Failure,
        "internal",
        false,
        Some((500, "openam-500")),
    ),
    (
        "openam/commons_crestadapter_501_boom.json",
        Failure,
        "unsupported",
        false,
        Some((501, "openam-501")),
    ),
    (
        "openam/commons_crestadapter_503_detail.json",
        Failure,
        "unavailable",
        true,
        Some((503, "openam-503")),
    ),
    (
        "openam/commons_oauth2_403_access_token_null.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/commons_readme_501_mark_as_stolen.json",
        Failure,
        "unsupported",
        false,
        Some((501, "openam-501")),
    ),
    (
        "openam/commons_readme_501_reset_password.json",
        Failure,
        "unsupported",
        false,
        Some((501, "openam-501")),
    ),
    (
        "openam/commons_readme_501_roll_out.json",
        Failure,
        "unsupported",
        false,
        Some((501, "openam-501")),
    ),
    (
        "openam/commons_responsehandler_400_detail_failure_reasons.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/commons_responsehandler_401_access_denied.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "openam-401")),
    ),
    (
        "openam/commons_responsehandler_500_internal_with_cause.json",
        Failure,
        "internal",
        false,
        Some((500, "openam-500")),
    ),
    (
        "openam/doc_400_minimum_password_length.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/doc_400_no_requested_version.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/doc_400_unable_to_find_account.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/doc_400_username_or_email_not_provided.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/doc_401_access_denied_logout.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "openam-401")),
    ),
    (
        "openam/doc_401_invalid_password_toplevel_failureurl.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "openam-401")),
    ),
    (
        "openam/doc_403_forbidden_session_property.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/doc_403_permission_denied_read.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/doc_403_resource_set_not_owner.json",
        Failure,
        "not_allowed",
        false,
        Some((403, "openam-403")),
    ),
    (
        "openam/doc_404_resource_not_found.json",
        Failure,
        "not_found",
        false,
        Some((404, "openam-404")),
    ),
    (
        "openam/doc_404_resource_set_not_found.json",
        Failure,
        "not_found",
        false,
        Some((404, "openam-404")),
    ),
    (
        "openam/doc_404_version_no_route.json",
        Failure,
        "not_found",
        false,
        Some((404, "openam-404")),
    ),
    (
        "openam/doc_406_version_not_acceptable.json",
        Failure,
        "bad_request",
        false,
        Some((406, "openam-406")),
    ),
    (
        "openam/doc_409_multiple_users_found.json",
        Failure,
        "conflict",
        false,
        Some((409, "openam-409")),
    ),
    (
        "openam/doc_409_resource_type_in_use.json",
        Failure,
        "conflict",
        false,
        Some((409, "openam-409")),
    ),
    (
        "openam/doc_410_token_not_found.json",
        Failure,
        "expired",
        false,
        Some((410, "openam-410")),
    ),
    (
        "openam/doc_500_no_email_in_profile.json",
        Failure,
        "internal",
        false,
        Some((500, "openam-500")),
    ),
    (
        "openam/doc_501_actions_not_supported.json",
        Failure,
        "unsupported",
        false,
        Some((501, "openam-501")),
    ),
    (
        "openam/doc_503_forgot_password_disabled.json",
        Failure,
        "unavailable",
        true,
        Some((503, "openam-503")),
    ),
    (
        "openam/docbkx_400_username_not_provided.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/jsonreststatus_401_detail.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "openam-401")),
    ),
    (
        "openam/realm_400_fqdn_invalid_html_escaped.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/realm_400_fqdn_invalid_unescaped_forgerock.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/realm_400_invalid_realm.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/ui_sdk_mock_401_authentication_failed.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "openam-401")),
    ),
    (
        "openam/uma_400_missing_subject.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/uma_400_policy_id_mismatch.json",
        Failure,
        "invalid_input",
        false,
        Some((400, "openam-400")),
    ),
    (
        "openam/uma_404_policy_not_found.json",
        Failure,
        "not_found",
        false,
        Some((404, "openam-404")),
    ),
    (
        "openam/uma_500_not_queryable.json",
        Failure,
        "internal",
        false,
        Some((500, "openam-500")),
    ),
    (
        "merchant/andriichuk_422_validation_general_failure_numeric_code.json",
        Failure,
        "invalid_input",
        false,
        Some((422, "merchant-10001")),
    ),
    (
        "merchant/android_sdk_14050_paypal_token_already_used.json",
        Failure,
        "bad_request",
        false,
        Some((400, "about:blank")),
    ),
    (
        "merchant/android_sdk_20027_paypal_unsupported_currency.json",
        Failure,
        "bad_request",
        false,
        Some((400, "about:blank")),
    ),
    (
        "merchant/android_sdk_90015_invalid_currency.json",
        Failure,
        "bad_request",
        false,
        Some((400, "about:blank")),
    ),
    (
        "merchant/ordercloud_400_no_payment_details_linked_to_token.json",
        Failure,
        "bad_request",
        false,
        Some((400, "about:blank")),
    ),
    (
        "merchant/ordercloud_401_html_not_json.json",
        Failure,
        "bad_credentials",
        false,
        Some((401, "about:blank")),
    ),
];

#[test]
fn every_answer_of_the_corpus_gets_the_expected_verdict() {
    let answers = common::answers();
    assert_eq!(answers.len(), CORPUS.len(), "a new body needs its row");
    for ((name, status, body), row) in answers.iter().zip(CORPUS) {
        let (expected_name, outcome, kind, retryable, problem) = *row;
        assert_eq!(name, expected_name);
        let verdict = Verdict::of(*status, body);
        assert_eq!(verdict.outcome(), outcome, "{name}");
        assert_eq!(verdict.kind().id(), kind, "{name}");
        assert_eq!(verdict.is_retryable(), retryable, "{name}");
        let got = verdict.problem().map(|p| {
            let anchor = p.type_uri.rsplit('#').next().unwrap_or_default().to_owned();
            (p.status, anchor)
        });
        assert_eq!(
            got.as_ref().map(|(s, a)| (*s, a.as_str())),
            problem,
            "{name}"
        );
        // A retry is never offered without a failure; the line is bounded.
        assert!(!verdict.is_retryable() || verdict.is_failure(), "{name}");
        assert!(verdict.to_string().len() <= DISPLAY_MAX);
    }
}

/// The JSON:API project's own fixtures, as a Zenlogin answer of 400.
#[test]
fn the_json_api_fixtures() {
    let cases = [
        (
            "jsonapi_valid/one_error.json",
            Some(Vendor::Zenlogin),
            "bad_request",
            400,
        ),
        (
            "jsonapi_valid/errors_and_meta.json",
            Some(Vendor::Zenlogin),
            "bad_request",
            400,
        ),
        (
            "jsonapi_1_1/valid_one_error.json",
            Some(Vendor::Zenlogin),
            "bad_request",
            400,
        ),
        (
            "jsonapi_invalid/errors_must_be_an_array.json",
            None,
            "bad_request",
            400,
        ),
        (
            "jsonapi_invalid/error_must_be_an_object.json",
            None,
            "bad_request",
            400,
        ),
    ];
    for (path, vendor, kind, status) in cases {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/zenlogin")
            .join(path);
        let body = common::compact(&std::fs::read_to_string(file).unwrap());
        let verdict = Verdict::of(400, body.as_bytes());
        assert_eq!(verdict.outcome(), Failure, "{path}");
        assert_eq!(verdict.reply().map(|r| r.vendor()), vendor, "{path}");
        assert_eq!(verdict.kind().id(), kind, "{path}");
        assert_eq!(verdict.problem().map(|p| p.status), Some(status), "{path}");
    }
}

struct Case {
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static [u8],
    outcome: Outcome,
    kind: ErrorKind,
    retry: Option<Option<u64>>,
    vendor: Option<Vendor>,
    problem: Option<u16>,
}

const RETRY_120: &[(&str, &str)] = &[("Retry-After", "120")];

/// Answers a gateway meets, whoever wrote them. `retry`: `None` when not
/// retryable, else the delay in seconds, if any.
const CASES: &[Case] = &[
    // A proxy's pages and bodiless answers: the status decides.
    Case { status: 502, headers: &[], body: b"<html><body><h1>502 Bad Gateway</h1></body></html>", outcome: Failure, kind: ErrorKind::Unavailable, retry: Some(None), vendor: None, problem: Some(502) },
    Case { status: 503, headers: RETRY_120, body: b"<html>Service Unavailable</html>", outcome: Failure, kind: ErrorKind::Unavailable, retry: Some(Some(120)), vendor: None, problem: Some(503) },
    Case { status: 504, headers: &[], body: b"", outcome: Failure, kind: ErrorKind::Timeout, retry: Some(None), vendor: None, problem: Some(504) },
    Case { status: 429, headers: &[("retry-after", "7")], body: b"", outcome: Failure, kind: ErrorKind::RateLimited, retry: Some(Some(7)), vendor: None, problem: Some(429) },
    Case { status: 500, headers: &[], body: b"Internal Server Error", outcome: Failure, kind: ErrorKind::Internal, retry: None, vendor: None, problem: Some(500) },
    // Successes that are no vendor's error body.
    Case { status: 200, headers: &[], body: br#"{"tokenId":"AQIC5wM2LY4Sfcz","successUrl":"/openam/console","realm":"/"}"#, outcome: Success, kind: ErrorKind::Success, retry: None, vendor: None, problem: None },
    Case { status: 200, headers: &[], body: br#"{"success":"true"}"#, outcome: Success, kind: ErrorKind::Success, retry: None, vendor: None, problem: None },
    Case { status: 204, headers: &[], body: b"", outcome: Success, kind: ErrorKind::Success, retry: None, vendor: None, problem: None },
    Case { status: 200, headers: &[], body: br#"{"status":"ok","cid":"c1","ust":"gAAAA"}"#, outcome: Success, kind: ErrorKind::Success, retry: None, vendor: Some(Vendor::Zato), problem: None },
    // A warning goes on, its ust with it.
    Case { status: 200, headers: &[], body: br#"{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"gAAAA"}"#, outcome: Warning, kind: ErrorKind::Expired, retry: None, vendor: Some(Vendor::Zato), problem: None },
    // Errors sent with 200, and ok bodies sent with an error status.
    Case { status: 200, headers: &[], body: br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#, outcome: Failure, kind: ErrorKind::NotAllowed, retry: None, vendor: Some(Vendor::Zato), problem: Some(403) },
    Case { status: 403, headers: &[], body: br#"{"status":"ok","cid":"c1"}"#, outcome: Failure, kind: ErrorKind::NotAllowed, retry: None, vendor: Some(Vendor::Zato), problem: Some(403) },
    // The vendors' retryable answers, and their status beside them.
    Case { status: 503, headers: &[("Retry-After", "30")], body: br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#, outcome: Failure, kind: ErrorKind::Unavailable, retry: Some(Some(30)), vendor: Some(Vendor::OpenAm), problem: Some(503) },
    Case { status: 403, headers: RETRY_120, body: br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#, outcome: Failure, kind: ErrorKind::RateLimited, retry: Some(Some(120)), vendor: Some(Vendor::Merchant), problem: Some(403) },
    Case { status: 500, headers: &[], body: br#"{"errors":[{"code":"1001","detail":"Down for maintenance"}]}"#, outcome: Failure, kind: ErrorKind::Unavailable, retry: Some(None), vendor: Some(Vendor::Zenlogin), problem: Some(500) },
    Case { status: 400, headers: RETRY_120, body: br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: x"}]}"#, outcome: Failure, kind: ErrorKind::Misconfigured, retry: None, vendor: Some(Vendor::Zenlogin), problem: Some(400) },
    Case { status: 403, headers: RETRY_120, body: br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#, outcome: Failure, kind: ErrorKind::NotAllowed, retry: None, vendor: Some(Vendor::Zato), problem: Some(403) },
    // An upstream's 429, 503 and 504 decide, whatever the body says.
    Case { status: 429, headers: &[], body: br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#, outcome: Failure, kind: ErrorKind::RateLimited, retry: Some(None), vendor: Some(Vendor::Zato), problem: Some(429) },
    Case { status: 504, headers: &[], body: br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#, outcome: Failure, kind: ErrorKind::Timeout, retry: Some(None), vendor: Some(Vendor::Zato), problem: Some(504) },
    Case { status: 503, headers: &[], body: br#"{"status":"error","cid":"c1","sub_status":["E005001"]}"#, outcome: Failure, kind: ErrorKind::Unavailable, retry: Some(None), vendor: Some(Vendor::Zato), problem: Some(503) },
    // OpenAM's authenticate failures: their status, or their reason phrase.
    Case { status: 415, headers: &[], body: br#"{"errorMessage":"Unsupported Media Type"}"#, outcome: Failure, kind: ErrorKind::BadRequest, retry: None, vendor: Some(Vendor::OpenAm), problem: Some(415) },
    Case { status: 408, headers: &[], body: br#"{"errorMessage":"Timed out"}"#, outcome: Failure, kind: ErrorKind::Timeout, retry: Some(None), vendor: Some(Vendor::OpenAm), problem: Some(408) },
    Case { status: 200, headers: &[], body: br#"{"failure":true,"reason":"http-auth-failed","authId":"x"}"#, outcome: Failure, kind: ErrorKind::BadCredentials, retry: None, vendor: Some(Vendor::OpenAm), problem: Some(502) },
    // A vendor's body, broken: a failure whatever the status (a code as a
    // string is no OpenAM body).
    Case { status: 200, headers: &[], body: br#"{"status":"error","cid":5}"#, outcome: Failure, kind: ErrorKind::Unspecified, retry: None, vendor: Some(Vendor::Zato), problem: Some(502) },
    Case { status: 400, headers: &[], body: br#"{"code":"400","reason":"Bad Request","message":"m"}"#, outcome: Failure, kind: ErrorKind::BadRequest, retry: None, vendor: None, problem: Some(400) },
];

#[test]
fn answers_a_gateway_meets() {
    for (i, case) in CASES.iter().enumerate() {
        let verdict =
            Verdict::of(case.status, case.body).with_headers(case.headers.iter().copied());
        let what = format!("case {i}: {verdict}");
        assert_eq!(verdict.outcome(), case.outcome, "{what}");
        assert_eq!(verdict.kind(), case.kind, "{what}");
        let retry = verdict
            .is_retryable()
            .then(|| verdict.retry_after().map(|d| d.as_secs()));
        assert_eq!(retry, case.retry, "{what}");
        assert_eq!(verdict.vendor(), case.vendor, "{what}");
        let problem = verdict.problem();
        assert_eq!(problem.as_ref().map(|p| p.status), case.problem, "{what}");
        if let Some(problem) = problem {
            assert_eq!(problem.retry_after, retry.flatten(), "{what}");
            assert_eq!(problem.upstream_status, Some(case.status), "{what}");
        }
        let actor = if case.outcome == Success {
            Actor::Nobody
        } else {
            case.kind.actor()
        };
        assert_eq!(verdict.actor(), actor, "{what}");
    }
}

#[test]
fn codes_are_typed_to_the_end() {
    let body = br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"},{"errorName":"INVALID_PLAN","code":"10001","description":"Invalid plan"}]}"#;
    let verdict = Verdict::of(400, body);
    let codes: Vec<ReplyCode<'_>> = verdict.codes().collect();
    assert_eq!(codes.len(), 2);
    assert_eq!(
        codes[0].known(),
        Some(AnyCode::Merchant(
            merchant::ErrorCode::ValidationGeneralFailure
        ))
    );
    // The same code with another errorName is another entry: unknown.
    match &codes[1] {
        ReplyCode::Unknown {
            vendor,
            code,
            error_name,
        } => {
            assert_eq!(
                (*vendor, &**code, error_name.as_deref()),
                (Vendor::Merchant, "10001", Some("INVALID_PLAN"))
            );
        }
        other => panic!("{other:?}"),
    }
    // OpenAM's numbers, known or not.
    let verdict = Verdict::of(
        499,
        br#"{"code":499,"reason":"Client Closed","message":"m"}"#,
    );
    let code = verdict.codes().next().unwrap();
    assert_eq!(
        (code.known(), code.text(), code.vendor()),
        (None, "499", Vendor::OpenAm)
    );
    // Zenlogin's objects without a code carry none.
    let verdict = Verdict::of(400, br#"{"errors":[{"detail":"x"},{"code":"3003"}]}"#);
    let codes: Vec<_> = verdict.codes().map(|c| c.text().to_owned()).collect();
    assert_eq!(codes, ["3003"]);
    // An unreadable answer carries none.
    assert_eq!(Verdict::of(502, b"<html>").codes().count(), 0);
    // Owned, the codes are the same.
    let owned = Verdict::of(403, common::SEED_ANSWERS[0].1).into_owned();
    let code: ReplyCode<'static> = owned.codes().next().unwrap().into_owned();
    // An unknown merchant pair keeps its errorName when detached.
    let body = br#"{"message":[{"errorName":"INVALID_PLAN","code":"10001","description":"Invalid plan"}]}"#;
    let detached: ReplyCode<'static> = Verdict::of(400, body).codes().next().unwrap().into_owned();
    assert!(matches!(
        &detached,
        ReplyCode::Unknown { error_name: Some(name), .. } if name == "INVALID_PLAN"
    ));
    assert_eq!(
        code,
        ReplyCode::Known(AnyCode::Zato(zato::SubStatus::AuthNotAllowed))
    );
}

#[test]
fn retry_after_from_the_headers() {
    let body = br#"{"code":503,"reason":"Service Unavailable","message":"Down"}"#;
    let wait = |headers: &[(&str, &str)]| {
        Verdict::of(503, body)
            .with_headers(headers.iter().copied())
            .retry_after()
    };
    assert_eq!(wait(&[]), None);
    assert_eq!(
        wait(&[("Retry-After", "120")]),
        Some(Duration::from_secs(120))
    );
    assert_eq!(
        wait(&[("RETRY-AFTER", " 5 ")]),
        Some(Duration::from_secs(5))
    );
    // The first of a repeated header counts.
    assert_eq!(
        wait(&[("retry-after", "1"), ("retry-after", "2")]),
        Some(Duration::from_secs(1))
    );
    // An HTTP-date, relative to the answer's Date.
    let date = "Sun, 06 Nov 1994 08:49:37 GMT";
    let at = "Sun, 06 Nov 1994 08:51:37 GMT";
    assert_eq!(
        wait(&[("Date", date), ("Retry-After", at)]),
        Some(Duration::from_secs(120))
    );
    assert_eq!(
        wait(&[("Retry-After", at), ("date", date)]),
        Some(Duration::from_secs(120))
    );
    // Without a Date, relative to now: long past, so no wait.
    assert_eq!(wait(&[("Retry-After", at)]), Some(Duration::ZERO));
    // Another header is no Date; the first Date and the first Retry-After
    // count.
    assert_eq!(
        wait(&[("Expires", date), ("Retry-After", at)]),
        Some(Duration::ZERO)
    );
    assert_eq!(
        wait(&[("Date", date), ("Date", at), ("Retry-After", at)]),
        Some(Duration::from_secs(120))
    );
    assert_eq!(
        wait(&[("Retry-After", at), ("Retry-After", date)]),
        Some(Duration::ZERO)
    );
    // Malformed or absurd: none.
    for bad in [
        "",
        "soon",
        "-5",
        "1e3",
        "12 s",
        "99999999999999999999999",
        "86401",
        "Sun, 06 Nov 1994",
    ] {
        assert_eq!(wait(&[("Retry-After", bad)]), None, "{bad:?}");
    }
    // Bytes that are no text, and a Date that is no date.
    let verdict = Verdict::of(503, body).with_headers([("retry-after", &b"\xff\xfe"[..])]);
    assert_eq!(verdict.retry_after(), None);
    let verdict = Verdict::of(503, body).with_headers([("date", "never"), ("retry-after", "3")]);
    assert_eq!(verdict.retry_after(), Some(Duration::from_secs(3)));
    // Not retryable: no wait offered, whatever the header says.
    let verdict = Verdict::of(404, br#"{"code":404,"reason":"Not Found","message":"m"}"#)
        .with_headers([("Retry-After", "10")]);
    assert_eq!(verdict.retry_after(), None);
}

#[test]
fn one_log_line() {
    let line = |status, body: &[u8]| Verdict::of(status, body).to_string();
    assert_eq!(
        line(403, common::SEED_ANSWERS[0].1),
        "HTTP 403 failure: zato E005001, not allowed, not retryable"
    );
    assert_eq!(
        line(
            200,
            br#"{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"gAAAA-secret"}"#
        ),
        "HTTP 200 warning: zato W003005, expired"
    );
    assert_eq!(
        line(200, br#"{"tokenId":"AQIC-secret"}"#),
        "HTTP 200 success"
    );
    assert_eq!(
        line(502, b"<html>secret</html>"),
        "HTTP 502 failure: no vendor's body (an HTML page), unavailable, retryable"
    );
    assert_eq!(
        line(200, br#"{"status":"error","cid":5}"#),
        "HTTP 200 failure: zato body unreadable (wrong shape), unspecified, not retryable"
    );
    // An unknown code only by its length.
    assert_eq!(
        line(
            403,
            br#"{"status":"error","cid":"c1","sub_status":["secret-ish"]}"#
        ),
        "HTTP 403 failure: zato unknown code of 10 bytes, not allowed, not retryable"
    );
    // Many codes: the first eight, and a count.
    let many = format!(
        r#"{{"status":"error","cid":"c1","sub_status":[{}]}}"#,
        vec![r#""E005001""#; 100_000].join(",")
    );
    let text = line(403, many.as_bytes());
    assert!(
        text.ends_with("E005001 and 99992 more, not allowed, not retryable"),
        "{text}"
    );
    assert_eq!(text.matches("E005001").count(), 8);
}

#[test]
fn the_words_of_every_outcome_actor_and_category() {
    for outcome in Outcome::ALL {
        assert_eq!(Outcome::from_id(outcome.id()), Some(outcome));
        assert_eq!(outcome.to_string(), outcome.id());
        let json = serde_json::to_string(&outcome).unwrap();
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), outcome);
    }
    assert!(Outcome::Warning.is_success() && !Outcome::Failure.is_success());
    for actor in Actor::ALL {
        assert_eq!(Actor::from_id(actor.id()), Some(actor));
        assert_eq!(actor.to_string(), actor.words());
        let json = serde_json::to_string(&actor).unwrap();
        assert_eq!(json, format!("\"{}\"", actor.id()));
        assert_eq!(serde_json::from_str::<Actor>(&json).unwrap(), actor);
    }
    assert_eq!(Actor::from_id("end user"), None);
    for category in Category::ALL {
        assert_eq!(Category::from_id(category.id()), Some(*category));
        assert_eq!(category.to_string(), category.words());
        let json = serde_json::to_string(category).unwrap();
        assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), *category);
    }
    assert_eq!(Category::ALL.len(), 8);
}

#[test]
fn a_verdict_is_owned_cloned_and_sent() {
    fn sendable<T: Send + Sync + Clone + 'static>(_: &T) {}
    let body = common::SEED_ANSWERS[6].1.to_vec();
    let verdict = Verdict::of(403, &body).with_headers(RETRY_120.iter().copied());
    let owned: Verdict<'static> = verdict.clone().into_owned();
    drop(body);
    sendable(&owned);
    assert_eq!(owned.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(owned.kind(), ErrorKind::RateLimited);
    assert_eq!(
        owned.to_string(),
        "HTTP 403 failure: merchant 50500, rate limited, retry in 120 s"
    );
    // A parsed reply, or the error reading one, converts.
    let answer =
        sso_errors::AnyReply::parse(404, br#"{"code":404,"reason":"Not Found","message":"m"}"#);
    assert_eq!(Verdict::from(answer).kind(), ErrorKind::NotFound);
    let answer = sso_errors::AnyReply::parse(503, b"<html>");
    let verdict = Verdict::from(answer);
    assert_eq!(
        (verdict.http_status(), verdict.kind()),
        (503, ErrorKind::Unavailable)
    );
    assert_eq!(
        verdict.error().map(|e| e.category()),
        Some(Category::Unrecognized)
    );
    assert!(verdict.into_answer().is_err());
    // The vendor named by the caller.
    let verdict = Verdict::of_vendor(Vendor::Merchant, 401, b"");
    assert_eq!(
        (verdict.vendor(), verdict.kind()),
        (Some(Vendor::Merchant), ErrorKind::NotAllowed)
    );
}

#[test]
fn opentelemetry_attributes() {
    use sso_errors::Attribute::{Bool, Int, Str};
    let of = |status, body: &[u8]| Verdict::of(status, body).attributes().collect::<Vec<_>>();
    assert_eq!(
        of(200, br#"{"tokenId":"AQIC5w"}"#),
        [
            ("http.response.status_code", Int(200)),
            ("sso.retryable", Bool(false))
        ]
    );
    // A warning is no error: no `error.type`.
    assert_eq!(
        of(
            200,
            br#"{"status":"warning","cid":"c1","sub_status":["W003005"],"ust":"u"}"#
        ),
        [
            ("http.response.status_code", Int(200)),
            ("sso.vendor", Str("zato")),
            ("sso.code", Str("W003005")),
            ("sso.retryable", Bool(false)),
        ]
    );
    // Any code no catalog has is `_OTHER`: no input grows a label set.
    assert_eq!(
        of(
            403,
            br#"{"status":"error","cid":"c1","sub_status":["E123456","E005001"]}"#
        ),
        [
            ("error.type", Str("not_allowed")),
            ("http.response.status_code", Int(403)),
            ("sso.vendor", Str("zato")),
            ("sso.code", Str("_OTHER")),
            ("sso.retryable", Bool(false)),
        ]
    );
    assert_eq!(
        of(503, b"<html>"),
        [
            ("error.type", Str("unavailable")),
            ("http.response.status_code", Int(503)),
            ("sso.retryable", Bool(true)),
        ]
    );
    assert_eq!(
        of(403, common::SEED_ANSWERS[6].1),
        [
            ("error.type", Str("rate_limited")),
            ("http.response.status_code", Int(403)),
            ("sso.vendor", Str("merchant")),
            ("sso.code", Str("50500")),
            ("sso.retryable", Bool(true)),
        ]
    );
}

#[test]
fn a_verdict_from_the_status_alone() {
    for (status, outcome, kind) in [
        (200, Success, ErrorKind::Success),
        (401, Failure, ErrorKind::BadCredentials),
        (429, Failure, ErrorKind::RateLimited),
        (504, Failure, ErrorKind::Timeout),
        (0, Failure, ErrorKind::Unspecified),
    ] {
        let verdict = Verdict::of_status(status);
        assert_eq!(
            (verdict.outcome(), verdict.kind()),
            (outcome, kind),
            "{status}"
        );
        assert_eq!((verdict.vendor(), verdict.codes().count()), (None, 0));
    }
}

#[test]
fn every_code_must_say_retry() {
    // The first code is retryable, the second not: the kind is the first's,
    // and the verdict does not retry.
    let body = br#"{"errors":[{"code":"1001","detail":"Down"},{"code":"3003","detail":"x"}]}"#;
    let verdict = Verdict::of(500, body);
    assert_eq!(verdict.kind(), ErrorKind::Unavailable);
    assert!(!verdict.is_retryable());
    // Only retryable codes: retried.
    let body = br#"{"errors":[{"code":"1001","detail":"Down"},{"code":"1001","detail":"Down"}]}"#;
    assert!(Verdict::of(500, body).is_retryable());
    // The merchant's limit beside a validation failure: not retried.
    let body = br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"},{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid email @bls.com"}]}"#;
    let verdict = Verdict::of(400, body);
    assert_eq!(
        (verdict.kind(), verdict.is_retryable()),
        (ErrorKind::RateLimited, false)
    );
    // An unknown code says no, whatever the kind.
    let body = br#"{"errors":[{"code":"1001","detail":"Down"},{"code":"9999"}]}"#;
    assert!(!Verdict::of(500, body).is_retryable());
}

#[test]
fn debug_names_known_codes_and_counts_the_rest() {
    let verdict = Verdict::of(
        403,
        br#"{"status":"error","cid":"c1","sub_status":["E005001","secret-code"]}"#,
    );
    let codes: Vec<String> = verdict.codes().map(|code| format!("{code:?}")).collect();
    assert_eq!(
        codes,
        [
            "Known(Zato(AuthNotAllowed))",
            "Unknown { vendor: Zato, bytes: 11, .. }"
        ]
    );
    let shown: Vec<String> = verdict.codes().map(|code| code.to_string()).collect();
    assert_eq!(shown, ["E005001", "unknown code of 11 bytes"]);
    assert_eq!(format!("{:?}", verdict.codes()), "Codes { .. }");
    assert!(!format!("{verdict:?}").contains("secret-code"));
}
