//! The `http` and `axum` features: statuses convert, and every body, reply
//! and problem document goes out as a response with the vendor's status,
//! content type and exact bytes, and comes back in the same.

mod common;

use axum_core::response::IntoResponse;
use http_body_util::BodyExt as _;
use sso_errors::{AnyReply, Body, Catalog, Vendor, Verdict, merchant, openam, zato, zenlogin};

fn statuses_convert<C: Catalog>() -> usize
where
    http::StatusCode: From<C>,
{
    for entry in C::ALL {
        assert_eq!(http::StatusCode::from(*entry).as_u16(), entry.http_status());
    }
    C::ALL.len()
}

#[test]
fn every_catalog_entry_has_its_status_code() {
    let n = statuses_convert::<zato::Status>()
        + statuses_convert::<zato::SubStatus>()
        + statuses_convert::<zenlogin::ErrorCode>()
        + statuses_convert::<openam::Status>()
        + statuses_convert::<merchant::ErrorCode>();
    assert!(n > 100);
    for status in openam::Status::ALL {
        let code = http::StatusCode::from(*status);
        assert_eq!(openam::Status::try_from(code), Ok(*status));
        assert_eq!(openam::Code::from(code), *status);
        assert_eq!(
            http::StatusCode::try_from(openam::Code::from(*status)).unwrap(),
            code
        );
    }
    let err = openam::Status::try_from(http::StatusCode::IM_A_TEAPOT).unwrap_err();
    assert_eq!(err.to_string(), "unknown OpenAM status code of 3 bytes");
    assert_eq!(err.input().as_str(), "418");
}

fn content_type<T>(response: &http::Response<T>) -> Option<&str> {
    response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap())
}

/// The media type each answer should go out with.
fn expected_type(vendor: Vendor, body: &[u8]) -> Option<&'static str> {
    match body.trim_ascii().first() {
        None => None,
        Some(b'{') => Some(vendor.media_type()),
        Some(_) => Some("text/plain; charset=utf-8"),
    }
}

/// A response's status, content type and body.
fn parts(response: &http::Response<String>) -> (u16, Option<&str>, &str) {
    (
        response.status().as_u16(),
        content_type(response),
        response.body(),
    )
}

#[test]
fn every_answer_goes_out_and_comes_back_the_same() {
    let mut seen = 0;
    for (name, status, body) in common::answers() {
        let Ok(reply) = AnyReply::parse(status, &body) else {
            continue;
        };
        let response = reply.to_http();
        assert_eq!(response.status().as_u16(), status, "{name}");
        assert_eq!(
            content_type(&response),
            expected_type(reply.vendor(), &body),
            "{name}"
        );
        assert_eq!(response.body().as_bytes(), reply.to_body().as_bytes());
        assert_eq!(AnyReply::from_http(&response).unwrap(), reply, "{name}");
        // `From` gives the same response as `to_http`.
        let expected = parts(&response);
        assert_eq!(
            parts(&http::Response::from(reply.clone())),
            expected,
            "{name}"
        );
        if let Some(problem) = Verdict::from(reply.clone()).problem() {
            assert_eq!(
                parts(&http::Response::from(problem.clone())),
                parts(&problem.to_http()),
                "{name}"
            );
        }
        // The vendor's own reply reads it back, and goes out the same.
        let again = match &reply {
            AnyReply::Zato(r) => zato::Reply::from_http(&response)
                .map(|x| x == *r && parts(&http::Response::from(x)) == expected),
            AnyReply::Zenlogin(r) => zenlogin::Reply::from_http(&response)
                .map(|x| x == *r && parts(&http::Response::from(x)) == expected),
            AnyReply::OpenAm(r) => openam::Reply::from_http(&response)
                .map(|x| x == *r && parts(&http::Response::from(x)) == expected),
            AnyReply::Merchant(r) => merchant::Reply::from_http(&response)
                .map(|x| x == *r && parts(&http::Response::from(x)) == expected),
            _ => unreachable!(),
        };
        assert!(again.unwrap(), "{name}");
        seen += 1;
    }
    assert!(seen > 60, "{seen}");
}

#[test]
fn the_seed_bodies_go_out_with_their_own_status() {
    let zato = zato::Response::parse(common::SEED_ANSWERS[0].1).unwrap();
    let response: http::Response<String> = zato.clone().into();
    assert_eq!(response.status(), 403);
    assert_eq!(content_type(&response), Some("application/json"));
    assert_eq!(response.body().as_bytes(), common::SEED_ANSWERS[0].1);

    let envelope = zato::BadRequest::parse(common::SEED_ANSWERS[1].1).unwrap();
    assert_eq!(envelope.to_http().status(), 400);

    let document = zenlogin::ErrorDocument::parse(common::SEED_ANSWERS[3].1).unwrap();
    let response = document.to_http();
    assert_eq!(response.status(), 400);
    assert_eq!(content_type(&response), Some("application/vnd.api+json"));
    assert_eq!(response.body().as_bytes(), common::SEED_ANSWERS[3].1);

    let openam = openam::ErrorBody::parse(common::SEED_ANSWERS[4].1).unwrap();
    assert_eq!(openam.to_http().status(), 404);

    let merchant = merchant::ErrorBody::parse(common::SEED_ANSWERS[6].1).unwrap();
    let response = merchant.to_http();
    assert_eq!(response.status(), 403);
    assert_eq!(response.body().as_bytes(), common::SEED_ANSWERS[6].1);
}

#[test]
fn a_json_api_content_type_names_zenlogin() {
    // Zenlogin's members beside the merchant's `message` list: either could
    // have sent it, unless the content type says JSON:API.
    let body = r#"{"errors":[{"code":"3003"}],"message":[{"errorName":"x"}]}"#;
    let plain = http::Response::builder()
        .status(400)
        .header("content-type", "application/json")
        .body(body)
        .unwrap();
    assert!(AnyReply::from_http(&plain).is_err());
    let json_api = http::Response::builder()
        .status(400)
        .header("content-type", "application/vnd.api+json; charset=utf-8")
        .body(body)
        .unwrap();
    assert_eq!(
        AnyReply::from_http(&json_api).unwrap().vendor(),
        Vendor::Zenlogin
    );
}

#[test]
fn a_status_http_cannot_carry_goes_out_as_500() {
    let reply = merchant::Reply::new(1000, merchant::ReplyBody::NoBody);
    assert_eq!(reply.to_http().status(), 500);
}

/// Runs an axum response to its status, content type and bytes.
fn sent(response: axum_core::response::Response) -> (u16, Option<String>, Vec<u8>) {
    let status = response.status().as_u16();
    let media = content_type(&response).map(str::to_owned);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let bytes = runtime
        .block_on(response.into_body().collect())
        .unwrap()
        .to_bytes();
    (status, media, bytes.to_vec())
}

#[test]
fn axum_sends_bodies_replies_and_problems_exactly() {
    for (name, status, body) in common::answers() {
        let Ok(reply) = AnyReply::parse(status, &body) else {
            continue;
        };
        let expected = (
            status,
            expected_type(reply.vendor(), &body).map(str::to_owned),
            reply.to_body().into_bytes(),
        );
        let Some(problem) = Verdict::from(reply.clone()).problem() else {
            continue;
        };
        let problem_json = problem.to_json();
        let problem_status = problem.status;
        assert_eq!(sent(reply.into_response()), expected, "{name}");
        assert_eq!(
            sent(problem.into_response()),
            (
                problem_status,
                Some("application/problem+json".to_owned()),
                problem_json.into_bytes()
            ),
            "{name}"
        );
    }
    let reply = zato::Reply::parse(403, common::SEED_ANSWERS[0].1).unwrap();
    let (status, media, bytes) = sent(reply.into_response());
    assert_eq!((status, media.as_deref()), (403, Some("application/json")));
    assert_eq!(bytes, common::SEED_ANSWERS[0].1);
    let body = zenlogin::ErrorDocument::parse(common::SEED_ANSWERS[3].1).unwrap();
    let (status, media, bytes) = sent(body.into_response());
    assert_eq!(
        (status, media.as_deref()),
        (400, Some("application/vnd.api+json"))
    );
    assert_eq!(bytes, common::SEED_ANSWERS[3].1);
    let body = merchant::ErrorBody::parse(common::SEED_ANSWERS[6].1).unwrap();
    assert_eq!(sent(body.into_response()).2, common::SEED_ANSWERS[6].1);
    let body = openam::ErrorBody::parse(common::SEED_ANSWERS[4].1).unwrap();
    assert_eq!(sent(body.into_response()).0, 404);
    let body = zato::BadRequest::parse(common::SEED_ANSWERS[1].1).unwrap();
    assert_eq!(sent(body.into_response()).0, 400);
}
