//! Parsing a body whose codes are known allocates nothing for the codes, and
//! borrows strings that need no unescaping: counted with a counting
//! allocator.

#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

use counting::{allocations, bytes_allocated, frees};

#[test]
fn zato_bodies_parse_without_allocating() {
    use sso_errors::zato::{Response, SubStatus};
    let bodies: [&[u8]; 4] = [
        br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
        br#"{"status":"ok","cid":"7bc5ffdf15ff1baa90693a9a","ust":"gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."}"#,
        br#"{"status":"warning","cid":"01","sub_status":["W003005"],"ust":"gAAAA"}"#,
        br#"{"status":"error","sub_status":"E003007","cid":"e6"}"#,
    ];
    for body in bodies {
        let (response, count) = allocations(|| Response::parse(body).unwrap());
        assert_eq!(count, 0, "{}", String::from_utf8_lossy(body));
        assert!(response.known().count() == response.sub_status.len());
    }
    // Two known codes need the list's heap storage, and nothing else.
    let body = br#"{"status":"error","cid":"ab","sub_status":["E005001","E005002"]}"#;
    let (response, count) = allocations(|| Response::parse(body).unwrap());
    assert_eq!(count, 1);
    assert_eq!(
        response.sub_status,
        [SubStatus::AuthNotAllowed, SubStatus::AuthLocked]
    );
}

#[test]
fn merchant_bodies_parse_without_allocating() {
    use sso_errors::merchant::ErrorBody;
    let bodies: [&[u8]; 2] = [
        br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid username: finance1234 already exists"}]}"#,
        br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
    ];
    for body in bodies {
        let (parsed, count) = allocations(|| ErrorBody::parse(body).unwrap());
        assert_eq!(parsed.message().len(), 1);
        assert_eq!(count, 0, "{}", String::from_utf8_lossy(body));
    }
}

#[test]
fn openam_bodies_parse_without_allocating() {
    use sso_errors::openam::{ErrorBody, Status};
    let bodies: [&[u8]; 3] = [
        br#"{"code":400,"reason":"Bad Request","message":"Username or email not provided in request"}"#,
        br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#,
        br#"{"code":503,"reason":"Service Unavailable","message":"Forgot password is not accessible."}"#,
    ];
    for body in bodies {
        let (parsed, count) = allocations(|| ErrorBody::parse(body).unwrap());
        assert_eq!(count, 0, "{}", String::from_utf8_lossy(body));
        assert!(parsed.status().is_some_and(Status::is_error));
    }
}

#[test]
fn zenlogin_documents_parse_without_allocating() {
    use sso_errors::zenlogin::{ErrorCode, ErrorDocument};
    let body = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
    let (document, count) = allocations(|| ErrorDocument::parse(body).unwrap());
    assert_eq!(count, 0);
    assert!(document.has(ErrorCode::InvalidApplicationKey));
}

#[test]
fn a_member_zenlogin_does_not_send_costs_only_its_own_room() {
    use sso_errors::zenlogin::ErrorDocument;
    // One object with `meta`: one allocation for the members Zenlogin does
    // not send, holding that one member, not a place for each of the six.
    let body = br#"{"errors":[{"code":"3003","detail":"Invalid","meta":{"n":1}}]}"#;
    let ((document, count), bytes) =
        bytes_allocated(|| allocations(|| ErrorDocument::parse(body).unwrap()));
    assert_eq!(count, 1);
    assert!(bytes <= 64, "{bytes} bytes for one `meta`");
    assert_eq!(
        document.errors[0].meta().map(|meta| meta.get()),
        Some(r#"{"n":1}"#)
    );

    // Two such members: still one allocation, of the size of two.
    let body = br#"{"errors":[{"id":"7f","code":"3003","meta":{"n":1}}]}"#;
    let ((document, count), bytes) =
        bytes_allocated(|| allocations(|| ErrorDocument::parse(body).unwrap()));
    assert_eq!(
        count, 2,
        "the list of members present, and the room for the second"
    );
    assert!(bytes <= 128, "{bytes} bytes for `id` and `meta`");
    assert_eq!(document.errors[0].id(), Some("7f"));
    assert_eq!(document.to_json().as_bytes(), body);
}

#[test]
fn the_counter_counts() {
    let (value, count) = allocations(|| vec![1u8; 16]);
    assert_eq!(count, 1);
    assert_eq!(value.len(), 16);
}

/// Unknown codes of Zato's shape are told apart by one bit each: disclosing
/// 10,000 of them allocates the two lists of codes and a small bitset, and
/// no set of their texts.
#[test]
fn disclosure_tells_codes_of_zatos_shape_apart_by_a_bit_each() {
    use sso_errors::zato::{Code, Disclosure};
    let policy = Disclosure::REVEAL_ALL.reveal_unknown(true);
    for prefix in ['E', 'W'] {
        let codes: Vec<String> = (0..10_000)
            .map(|i| format!("{prefix}{:06}", 200_000 + i))
            .collect();
        let (out, bytes) =
            bytes_allocated(|| policy.disclose("c", codes.iter().map(|c| Code::from(c.as_str()))));
        assert_eq!(out.response.sub_status.len(), codes.len());
        let lists = 2 * codes.len() * std::mem::size_of::<Code<'_>>();
        let bits = codes.len() / 8 + 8;
        assert!(
            bytes <= lists + bits,
            "{prefix}: {bytes} bytes for {lists} of lists"
        );
    }
    // Hidden, unknown codes are never looked up: the two lists, nothing more.
    let codes: Vec<String> = (0..10_000)
        .map(|i| format!("E{:06}", 200_000 + i))
        .collect();
    let (_, bytes) = bytes_allocated(|| {
        Disclosure::REVEAL_ALL.disclose("c", codes.iter().map(|c| Code::from(c.as_str())))
    });
    assert_eq!(bytes, 2 * codes.len() * std::mem::size_of::<Code<'_>>());
    // Texts of other shapes go into a set sized once: three allocations in
    // all, with the two lists.
    let texts: Vec<String> = (0..1_000).map(|i| format!("x{i}")).collect();
    let (_, count) =
        allocations(|| policy.disclose("c", texts.iter().map(|c| Code::from(c.as_str()))));
    assert_eq!(count, 3);
    // Two codes at the ends of the range take no bitset of the whole range.
    let (out, bytes) =
        bytes_allocated(|| policy.disclose("c", [Code::from("E000000"), Code::from("W999999")]));
    assert_eq!(out.response.sub_status.len(), 2);
    assert!(bytes < 4096, "{bytes} bytes for two codes");
}

/// A list is sized once from what it is given, keeps one element inline,
/// and keeps what it holds when room is made.
#[test]
fn a_list_allocates_once_for_what_it_is_given() {
    use sso_errors::List;
    let (list, count) = allocations(|| (0..1_000).collect::<List<u32>>());
    assert_eq!((list.len(), count), (1_000, 1));
    let (list, count) = allocations(|| {
        let mut list = List::new();
        list.reserve(100);
        list.extend(0..100u32);
        list
    });
    assert_eq!((list.len(), count), (100, 1));
    let (list, count) = allocations(|| {
        let mut list = List::new();
        list.reserve(1);
        list.push(7u32);
        list
    });
    assert_eq!((list, count), (List::from(vec![7]), 0));
    let mut many: List<u32> = (0..3).collect();
    many.reserve(10);
    assert_eq!(many, [0, 1, 2]);
    let mut one: List<u32> = (0..1).collect();
    one.reserve(10);
    assert_eq!(one, [0]);
    let ((), count) = allocations(|| one.extend(1..11));
    assert_eq!((one.len(), count), (11, 0));
}

/// A list made from a `Vec` of none or one element keeps no heap storage:
/// the `Vec`'s is freed, and a clone allocates nothing.
#[test]
fn a_list_of_none_or_one_from_a_vec_holds_no_heap_storage() {
    use sso_errors::List;
    let (empty, freed) = frees(|| List::from(Vec::<u32>::with_capacity(16)));
    assert_eq!((empty.len(), freed), (0, 1));
    let (one, freed) = frees(|| List::from(vec![7u32]));
    assert_eq!((one.as_slice(), freed), (&[7][..], 1));
    let (clones, count) = allocations(|| (empty.clone(), one.clone()));
    assert_eq!((clones, count), ((List::new(), List::from(vec![7])), 0));
    // Two or more keep the `Vec`'s storage as it is.
    let (two, freed) = frees(|| List::from(vec![7u32, 8]));
    assert_eq!((two, freed), (List::from(vec![7, 8]), 0));
}

#[test]
fn a_rendered_detail_is_allocated_once_at_its_length() {
    use sso_errors::zenlogin::ErrorCode;
    for value in ["", "a", "appl01234567891", &"x".repeat(5000)] {
        let (detail, bytes) =
            bytes_allocated(|| ErrorCode::InvalidApplicationKey.render(&[value]).unwrap());
        let (_, count) = allocations(|| ErrorCode::InvalidApplicationKey.render(&[value]).unwrap());
        assert_eq!(
            detail,
            format!("Invalid *application_key* URL param: {value}")
        );
        assert_eq!((count, bytes), (1, detail.len()), "{value:?}");
    }
    let (detail, bytes) = bytes_allocated(|| ErrorCode::AccountFrozen.render(&[]).unwrap());
    assert_eq!(bytes, detail.len());
}

#[test]
fn a_verdict_allocates_nothing_beyond_the_parse() {
    use sso_errors::{AnyReply, Verdict};
    let answers: [(u16, &[u8]); 6] = [
        (403, br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#),
        (200, br#"{"status":"warning","cid":"01","sub_status":["W003005"],"ust":"gAAAA"}"#),
        (400, br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#),
        (503, br#"{"code":503,"reason":"Service Unavailable","message":"Forgot password is not accessible."}"#),
        (403, br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#),
        (403, b""),
    ];
    for (status, body) in answers {
        let (_, parse) = allocations(|| AnyReply::parse(status, body).unwrap());
        let (verdict, judged) = allocations(|| {
            Verdict::of(status, body).with_headers([("Retry-After", "120"), ("Date", "x")])
        });
        assert_eq!(judged, parse, "{}", String::from_utf8_lossy(body));
        // Reading its codes, kind and retry costs nothing either.
        let (known, count) = allocations(|| {
            std::hint::black_box((
                verdict.kind(),
                verdict.is_retryable(),
                verdict.retry_after(),
            ));
            verdict
                .codes()
                .filter(|code| code.known().is_some())
                .count()
        });
        assert_eq!((known, count), (verdict.codes().count(), 0));
    }
}
