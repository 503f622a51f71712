//! What holds for every vendor alike: one `Body` trait, one `Reply`
//! signature, a small error that never carries a secret of its input.

use sso_errors::{Body, Category, Error, merchant, openam, zato, zenlogin};

#[test]
fn the_error_is_small() {
    assert!(std::mem::size_of::<Error>() <= 16);
    assert!(std::mem::size_of::<Result<(), Error>>() <= 16);
}

/// Secrets as they stand in real bodies: session tokens, an
/// authentication ID, a password.
const SECRETS: &[&str] = &[
    "AQIC5wM2LY4SfczsecretTOKEN",
    "gAAAAABsecretUST",
    "authIdSECRET42",
    "hunter2PASSWORD",
];

/// Bodies carrying the secrets, well-formed and not, of every vendor.
fn carriers() -> Vec<String> {
    let [token, ust, auth_id, password] = [SECRETS[0], SECRETS[1], SECRETS[2], SECRETS[3]];
    vec![
        format!(r#"{{"tokenId":"{token}"}}"#),
        format!(r#"{{"tokenId":"{token}","successUrl":"/openam/console"}}"#),
        format!(r#"{{"tokenId":{token}}}"#),
        format!(r#"{{"status":"ok","cid":"c1","ust":"{ust}"}}"#),
        format!(r#"{{"status":"ok","cid":"c1","ust":"{ust}""#),
        format!(r#"{{"status":"ok","cid":5,"ust":"{ust}"}}"#),
        format!(r#"{{"status":"{ust}","cid":"c1"}}"#),
        format!(r#"{{"status":"error","cid":"c1","sub_status":["{ust}"]}}"#),
        format!(r#"{{"ust":"{ust}","status":"error","cid":["x"]}}"#),
        format!(r#"{{"failure":true,"reason":"http-auth-failed","authId":"{auth_id}"}}"#),
        format!(r#"{{"failure":"yes","authId":"{auth_id}"}}"#),
        format!(r#"{{"authId":"{auth_id}","code":"401"}}"#),
        format!(r#"{{"code":401,"reason":"Unauthorized","message":{{"password":"{password}"}}}}"#),
        format!(r#"{{"username":"user1","password":"{password}","current_app":"CRM"}}"#),
        format!(
            r#"{{"errors":[{{"code":"3003","detail":5,"meta":{{"password":"{password}"}}}}]}}"#
        ),
        format!(r#"{{"errors":"{password}"}}"#),
        format!(r#"{{"message":"{password}"}}"#),
        format!(r#"{{"message":[{{"errorName":"{password}","code":"10001"}}]}}"#),
        format!(r#""{token}""#),
        format!("{token}"),
    ]
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} leaks {secret}: {text}");
    }
}

fn check_error(parser: &str, input: &str, err: &Error) {
    assert_no_secret(&format!("{parser} Display for {input}"), &err.to_string());
    assert_no_secret(&format!("{parser} Debug for {input}"), &format!("{err:?}"));
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        assert_no_secret(&format!("{parser} source for {input}"), &cause.to_string());
        source = cause.source();
    }
}

/// A parsed body shows what it holds in `Debug`, but never the value of a
/// secret member (`ust`, `authId`): checked for the inputs whose secrets
/// stand only in such members.
fn check_body<T: std::fmt::Debug>(parser: &str, input: &str, body: &T) {
    let in_secret_member_only = ["\"ust\":", "\"authId\":"]
        .iter()
        .any(|m| input.contains(m))
        && !input.contains("sub_status")
        && !input.contains("\"status\":\"gAAAA");
    if in_secret_member_only {
        assert_no_secret(&format!("{parser} Debug for {input}"), &format!("{body:?}"));
    }
}

#[test]
fn no_message_carries_a_secret_of_the_input() {
    for input in carriers() {
        let bytes = input.as_bytes();
        macro_rules! each {
            ($($name:literal => $parse:expr),+ $(,)?) => {$(
                match $parse {
                    Ok(body) => check_body($name, &input, &body),
                    Err(err) => check_error($name, &input, &err),
                }
            )+};
        }
        each! {
            "zato::Response" => zato::Response::parse(bytes),
            "zato::BadRequest" => zato::BadRequest::parse(bytes),
            "zato::Reply" => zato::Reply::parse(200, bytes),
            "zenlogin::ErrorDocument" => zenlogin::ErrorDocument::parse(bytes),
            "zenlogin::Reply" => zenlogin::Reply::parse(400, bytes),
            "openam::ErrorBody" => openam::ErrorBody::parse(bytes),
            "openam::Reply" => openam::Reply::parse(401, bytes),
            "merchant::ErrorBody" => merchant::ErrorBody::parse(bytes),
            "merchant::Reply" => merchant::Reply::parse(400, bytes),
            "zato::Response::parse_owned" => <zato::Response<'_> as Body<'_>>::parse_owned(bytes),
            "openam::ErrorBody::parse_owned" => <openam::ErrorBody<'_> as Body<'_>>::parse_owned(bytes),
        }
    }
}

#[test]
fn debug_redacts_secret_members() {
    let body = br#"{"status":"ok","cid":"c1","ust":"gAAAAABsecretUST"}"#;
    let response = zato::Response::parse(body).unwrap();
    assert_eq!(response.ust.as_deref(), Some("gAAAAABsecretUST"));
    let debug = format!("{response:?}");
    assert!(debug.contains("ust: Some(<redacted>)"), "{debug}");
    assert!(!format!("{response}").contains("secret"));

    let body = br#"{"failure":true,"reason":"http-auth-failed","authId":"authIdSECRET42"}"#;
    let reply = openam::Reply::parse(401, body).unwrap();
    assert_eq!(reply.body().auth_id(), Some("authIdSECRET42"));
    assert!(format!("{reply:?}").contains("auth_id: Some(<redacted>)"));
    assert!(!format!("{reply}").contains("SECRET"));
}

#[test]
fn a_token_body_is_not_an_error_body_and_the_token_stays_out() {
    let body = br#"{"tokenId":"AQIC5wM2LY4SfczsecretTOKEN"}"#;
    let err = openam::ErrorBody::parse(body).unwrap_err();
    assert_eq!(err.category(), Category::NotAnErrorBody);
    assert_eq!(err.reason(), "a success body (`tokenId`)");
    // The snippet keeps the input for callers who decide to show it.
    assert!(err.snippet().as_str().contains("AQIC5w"));
    assert!(!err.to_string().contains("AQIC5w"));
}

#[test]
fn errors_say_where_and_what() {
    let err = zato::Response::parse(br#"{"status":"ok","cid":5}"#).unwrap_err();
    assert_eq!(err.category(), Category::Data);
    assert_eq!(err.member(), Some("cid"));
    assert_eq!((err.line(), err.column()), (1, 22));
    assert_eq!(
        err.to_string(),
        "malformed Zato SSO body at line 1, column 22, member `cid`: invalid type: an integer, expected a string"
    );
    // serde_json's error quotes the input's values: it is not the source.
    assert!(std::error::Error::source(&err).is_none());

    let err = zato::Response::parse(br#"{"status":"ok"}"#).unwrap_err();
    assert_eq!(err.reason(), "missing field `cid`");

    let err = zato::Response::parse(br#"{"status":"bogus","cid":"c"}"#).unwrap_err();
    assert_eq!(err.member(), Some("status"));
    assert!(
        err.to_string()
            .contains("unknown Zato SSO status code of 5 bytes"),
        "{err}"
    );

    let err = zato::Response::parse(br#"{"status":"ok","cid":"a","cid":"b"}"#).unwrap_err();
    assert_eq!(err.reason(), "duplicate member `cid`");

    let err = openam::ErrorBody::parse(br#"{"status":"error","cid":"c","sub_status":["E005001"]}"#)
        .unwrap_err();
    assert_eq!(err.category(), Category::WrongVendor);
    assert_eq!(err.found_vendor(), Some(sso_errors::Vendor::Zato));
    assert_eq!(
        err.to_string(),
        "expected an OpenAM error body, found a Zato SSO one"
    );

    let err = merchant::Reply::parse(401, b"<html></html>").unwrap_err();
    assert_eq!(err.http_status(), Some(401));
    assert_eq!(
        err.to_string(),
        "not a merchant User Management error body (HTTP 401): an HTML page"
    );
}

#[test]
fn a_long_string_gives_a_short_message() {
    let long = format!(r#"{{"status":"ok","cid":["{}"]}}"#, "A".repeat(1 << 20));
    let err = zato::Response::parse(long.as_bytes()).unwrap_err();
    assert!(err.to_string().len() < 300, "{}", err.to_string().len());
    assert!(err.snippet().as_str().len() <= sso_errors::Snippet::CAPACITY);
}

/// Every body, through the one trait: parse, write back, parse again.
fn round_trip<'a, B: Body<'a>>(input: &'a [u8]) {
    let body = B::parse(input).unwrap_or_else(|e| panic!("{e}"));
    let json = body.to_json();
    assert_eq!(json.as_bytes(), input);
    let owned = B::parse_owned(json.as_bytes()).unwrap();
    assert_eq!(owned.to_json(), json);
    assert!(!body.codes().is_empty());
    assert!((200..600).contains(&body.http_status()));
}

#[test]
fn every_body_round_trips_through_the_trait() {
    round_trip::<zato::Response<'_>>(
        br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
    );
    round_trip::<zenlogin::ErrorDocument<'_>>(
        br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#,
    );
    round_trip::<openam::ErrorBody<'_>>(
        br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#,
    );
    round_trip::<merchant::ErrorBody<'_>>(
        br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
    );
}

#[test]
fn every_reply_keeps_the_status_it_was_given() {
    let merchant = merchant::Reply::parse(
        422,
        br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid password"}]}"#,
    )
    .unwrap();
    assert_eq!(merchant.http_status(), 422);
    let openam = openam::Reply::parse(
        500,
        br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#,
    )
    .unwrap();
    assert_eq!(openam.http_status(), 500);
    let openam::ReplyBody::Error(body) = openam.body() else {
        panic!("{openam:?}")
    };
    assert_eq!(body.http_status(), 404);
    let zato = zato::Reply::parse(
        200,
        br#"{"status":"error","cid":"c","sub_status":["E007001"]}"#,
    )
    .unwrap();
    assert_eq!(zato.http_status(), 200);
    let zenlogin =
        zenlogin::Reply::parse(400, br#"{"errors":[{"code":"1001","detail":"down"}]}"#).unwrap();
    assert!(zenlogin.is_retryable());
    assert_eq!(zenlogin.vendor(), sso_errors::Vendor::Zenlogin);
}

#[test]
fn recognition_reads_every_key() {
    let mut body = String::from("{");
    for i in 0..100 {
        body.push_str(&format!(r#""k{i}":{i},"#));
    }
    body.push_str(r#""errorMessage":"Invalid Password!!"}"#);
    let reply = openam::Reply::parse(401, body.as_bytes()).unwrap();
    assert!(matches!(reply.body(), openam::ReplyBody::Legacy(_)));
    assert_eq!(
        sso_errors::detect::detect(body.as_bytes()),
        Some(sso_errors::Vendor::OpenAm)
    );

    let mut body = String::from("{");
    for i in 0..40 {
        body.push_str(&format!(r#""k{i}":{i},"#));
    }
    body.push_str(r#""status":"ok","cid":"c"}"#);
    let reply = zato::Reply::parse(200, body.as_bytes()).unwrap();
    assert!(matches!(reply.body(), zato::ReplyBody::Response(_)));
}

/// The one list every body uses: one element inline, more on the heap.
#[test]
fn the_list_grows_from_inline_to_heap_and_back() {
    use sso_errors::List;

    let mut list: List<u8> = List::new();
    assert!(list.is_empty());
    list.push(1);
    assert_eq!(list, [1]);
    list.push(2);
    list.push(3);
    assert_eq!(list, vec![1, 2, 3]);
    list[0] = 9;
    assert_eq!(list.as_slice(), &[9, 2, 3]);
    assert_eq!(list.clone().into_vec(), vec![9, 2, 3]);
    assert_eq!(List::from(vec![4]), [4]);
    assert_eq!(list.map(u16::from), [9u16, 2, 3]);
    let mut list: List<u8> = (0..1).collect();
    list.clear();
    assert!(list.is_empty());
}

/// A list iterates, compares and hashes by its elements, whatever it holds
/// them in.
#[test]
fn a_list_iterates_compares_and_hashes_by_its_elements() {
    use sso_errors::List;
    use std::hash::{BuildHasher, RandomState};

    for values in [vec![], vec![1u8], vec![1, 2, 3]] {
        let list = List::from(values.clone());
        let by_ref: Vec<u8> = (&list).into_iter().copied().collect();
        assert_eq!(by_ref, values);
        let mut seen = Vec::new();
        for value in &list {
            seen.push(*value);
        }
        assert_eq!(seen, values);
        assert_eq!(list.clone().into_iter().collect::<Vec<u8>>(), values);

        assert!(list == values && list == *values.as_slice());
        assert!(!(list != values) && !(list != *values.as_slice()));
        let mut other = values.clone();
        other.push(9);
        assert!(list != other && list != *other.as_slice());
        assert!(!(list == other) && !(list == *other.as_slice()));
        assert_ne!(list, List::from(other.clone()));
    }
    let list = List::from(vec![1u8, 2, 3]);
    assert!(list == [1, 2, 3] && list != [1, 2, 4] && list != [1, 2]);
    assert!(!(list == [3, 2, 1]) && !(list != [1, 2, 3]));

    let state = RandomState::new();
    let hash = |list: &List<u8>| state.hash_one(list);
    assert_eq!(hash(&list), hash(&List::from(vec![1, 2, 3])));
    assert_ne!(hash(&list), hash(&List::from(vec![1, 2])));
    assert_ne!(hash(&List::new()), hash(&List::from(vec![0])));
}

#[test]
fn members_a_body_does_not_define_behave_as_an_ordered_map() {
    use sso_errors::{Members, RawJson};
    use std::hash::{BuildHasher, RandomState};

    let raw = |json: &str| RawJson::from_json(json).unwrap();
    let members: Members<'_> = [("a", raw("1")), ("b", raw(r#""x""#)), ("a", raw("2"))]
        .into_iter()
        .collect();
    assert_eq!(members.len(), 3);
    // Each value shows as its type and size, never its text.
    assert_eq!(
        format!("{members:?}"),
        r#"{"a": RawJson(number, 1 bytes), "b": RawJson(string, 3 bytes), "a": RawJson(number, 1 bytes)}"#
    );

    // Display and Debug describe a raw value; `get` gives its text.
    let string = raw(r#"[1, "a\nb"]"#);
    assert_eq!(string.to_string(), "a JSON array of 11 bytes");
    assert_eq!(format!("{string:?}"), "RawJson(array, 11 bytes)");
    assert_eq!(string.get(), r#"[1, "a\nb"]"#);

    // Removing a key removes every member of that name, and only those.
    let mut fewer = members.clone();
    assert_eq!(
        fewer.remove("a").map(|v| v.get().to_owned()),
        Some("1".into())
    );
    let left: Vec<_> = fewer.iter().map(|(k, v)| (k, v.get())).collect();
    assert_eq!(left, [("b", r#""x""#)]);
    assert_eq!(fewer.remove("a"), None);

    // Equal members hash alike; different ones (almost surely) do not.
    let hasher = RandomState::new();
    assert_eq!(hasher.hash_one(&members), hasher.hash_one(members.clone()));
    assert_ne!(members, fewer);
    assert_ne!(hasher.hash_one(&members), hasher.hash_one(&fewer));
    let mut other_value = fewer.clone();
    other_value.push("c", raw("3"));
    let mut same_keys = fewer.clone();
    same_keys.push("c", raw("4"));
    assert_ne!(hasher.hash_one(&other_value), hasher.hash_one(&same_keys));
}
