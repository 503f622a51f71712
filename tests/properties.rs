//! Properties that hold for every catalog and every parser: the fast lookup
//! agrees with the compile-time phf table on any input, and no input makes a
//! parser panic; what parses re-renders to something that parses the same.

mod common;

use common::scaled;
use sso_errors::__private::Baselines;
use sso_errors::Body;
use sso_errors::{Catalog, merchant, openam, zato, zenlogin};

/// A small deterministic generator (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Strings near the catalog's keys: the keys themselves, and keys with a
/// byte changed, added or removed, plus random short strings.
fn near_keys(keys: &[&str], rng: &mut Rng, count: usize) -> Vec<String> {
    const ALPHABET: &[u8] =
        b"EW0123456789._abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\0\x7f";
    let mut out: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
    while out.len() < count {
        let mut bytes: Vec<u8> = if keys.is_empty() || rng.below(4) == 0 {
            Vec::new()
        } else {
            keys[rng.below(keys.len())].as_bytes().to_vec()
        };
        match rng.below(4) {
            0 if !bytes.is_empty() => {
                let at = rng.below(bytes.len());
                bytes[at] = ALPHABET[rng.below(ALPHABET.len())];
            }
            1 if !bytes.is_empty() => {
                bytes.remove(rng.below(bytes.len()));
            }
            _ => {
                for _ in 0..=rng.below(9) {
                    let at = rng.below(bytes.len() + 1);
                    bytes.insert(at, ALPHABET[rng.below(ALPHABET.len())]);
                }
            }
        }
        out.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    out
}

/// Every string one edit away from a key: each byte removed, doubled,
/// moved to its neighbouring values or its other case, and a byte added at
/// either end. The same strings on every run, however few random ones a
/// reduced run makes.
fn one_edit_from(keys: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for key in keys {
        let bytes = key.as_bytes();
        for (at, &byte) in bytes.iter().enumerate() {
            let mut removed = bytes.to_vec();
            removed.remove(at);
            let mut doubled = bytes.to_vec();
            doubled.insert(at, byte);
            out.extend([removed, doubled]);
            for changed in [byte.wrapping_add(1), byte.wrapping_sub(1), byte ^ 0x20] {
                let mut edited = bytes.to_vec();
                edited[at] = changed;
                out.push(edited);
            }
        }
        out.extend([[bytes, b"0"].concat(), [b"0", bytes].concat()]);
    }
    out.into_iter()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

macro_rules! agrees_with_phf {
    ($name:ident, $Ty:ty) => {
        #[test]
        fn $name() {
            let codes: Vec<&str> = <$Ty as Baselines>::phf_codes().keys().copied().collect();
            let labels: Vec<&str> = <$Ty as Baselines>::phf_labels().keys().copied().collect();
            assert_eq!(
                codes.len(),
                <$Ty>::ALL.len() + <$Ty>::ALL.iter().filter(|c| c.alias().is_some()).count()
            );
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
            for input in near_keys(&codes, &mut rng, scaled(20_000))
                .into_iter()
                .chain(one_edit_from(&codes))
            {
                assert_eq!(
                    <$Ty>::resolve(&input),
                    <$Ty as Baselines>::phf_codes().get(input.as_str()).copied(),
                    "{input:?}"
                );
                assert_eq!(
                    <$Ty>::resolve(&input),
                    <$Ty as Baselines>::match_code(&input),
                    "{input:?}"
                );
            }
            for input in near_keys(&labels, &mut rng, scaled(20_000))
                .into_iter()
                .chain(one_edit_from(&labels))
            {
                assert_eq!(
                    <$Ty as Catalog>::from_label(&input),
                    <$Ty as Baselines>::phf_labels()
                        .get(input.as_str())
                        .copied(),
                    "{input:?}"
                );
                assert_eq!(
                    <$Ty as Catalog>::from_label(&input),
                    <$Ty as Baselines>::match_label(&input),
                    "{input:?}"
                );
            }
            for &entry in <$Ty>::ALL {
                assert_eq!(<$Ty as Catalog>::from_code(entry.code()), Some(entry));
                if let Some(label) = <$Ty as Catalog>::label(entry) {
                    assert_eq!(<$Ty as Catalog>::from_label(label), Some(entry));
                }
            }
        }
    };
}

agrees_with_phf!(zato_status_lookup_agrees_with_phf, zato::Status);
agrees_with_phf!(zato_sub_status_lookup_agrees_with_phf, zato::SubStatus);
agrees_with_phf!(zenlogin_lookup_agrees_with_phf, zenlogin::ErrorCode);
agrees_with_phf!(openam_lookup_agrees_with_phf, openam::Status);
agrees_with_phf!(merchant_lookup_agrees_with_phf, merchant::ErrorCode);

/// Bodies mutated byte by byte: flipped, cut, repeated, spliced.
fn mutations(seeds: &[&[u8]], rng: &mut Rng, count: usize) -> Vec<Vec<u8>> {
    const BYTES: &[u8] = b"{}[]\",:\\ 0123456789eE-+.truefalsn\x00\xff\xc3\xa9u";
    let mut out: Vec<Vec<u8>> = seeds.iter().map(|s| s.to_vec()).collect();
    while out.len() < count {
        let mut body = seeds[rng.below(seeds.len())].to_vec();
        for _ in 0..=rng.below(3) {
            match rng.below(5) {
                0 if !body.is_empty() => {
                    let at = rng.below(body.len());
                    body[at] = BYTES[rng.below(BYTES.len())];
                }
                1 if !body.is_empty() => body.truncate(rng.below(body.len())),
                2 if !body.is_empty() => {
                    body.remove(rng.below(body.len()));
                }
                3 => {
                    let other = seeds[rng.below(seeds.len())];
                    let at = rng.below(body.len() + 1);
                    let from = rng.below(other.len());
                    body.splice(at..at, other[from..].iter().copied());
                }
                _ => {
                    let at = rng.below(body.len() + 1);
                    body.insert(at, BYTES[rng.below(BYTES.len())]);
                }
            }
        }
        out.push(body);
    }
    out
}

const ZATO_SEEDS: &[&[u8]] = &[
    br#"{"status":"ok","cid":"7bc5ffdf15ff1baa90693a9a","ust":"gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."}"#,
    br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
    br#"{"status":"error","sub_status":"E003007","cid":"e6","x":{"a":[1,2.5,null]}}"#,
    br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#,
    b"Bad request",
];

const OPENAM_SEEDS: &[&[u8]] = &[
    br#"{"code":400,"reason":"Bad Request","message":"Username or email not provided in request"}"#,
    br#"{"code":500,"reason":"Internal Server Error","message":"x","detail":{"a":1},"cause":{"message":"ERROR"}}"#,
    br#"{"error":401,"reason":"Unauthorized","message":"Access denied"}"#,
    br#"{"errorMessage":"Invalid Password!!","failureUrl":""}"#,
    br#"{"failure":true,"reason":"http-auth-failed","authId":"12345"}"#,
    br#"{"tokenId":"AQIC5w"}"#,
];

const MERCHANT_SEEDS: &[&[u8]] = &[
    br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid username: finance1234 already exists"}]}"#,
    br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
    br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":10001,"description":"Invalid first name ","invalidProperty":{"name":"currency"}}]}"#,
    b"<html><body>HTTP Status 401</body></html>",
];

const ZENLOGIN_SEEDS: &[&[u8]] = &[
    br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#,
    br#"{"errors":[{"id":"1","links":{"about":"https://x"},"status":"400","code":"101","title":"t","detail":"d","source":{"pointer":"/data/a","parameter":"p"},"meta":{"k":[1]}}],"meta":{"m":true},"jsonapi":{"version":"1.0"}}"#,
    br#"{"data":{"type":"x","id":"1"}}"#,
];

/// What holds for every body, whatever the input: parsing never panics, and
/// a body that parses writes back a body that parses to an equal value and
/// to the same JSON (the second writing equals the first), by the borrowing
/// and the owning parse alike, and equality is reflexive.
fn body_round_trips<'s, B: Body<'s>>(inputs: &'s [Vec<u8>]) -> usize {
    let mut parsed = 0;
    for input in inputs {
        let _ = sso_errors::detect::detect(input);
        if let Ok(body) = B::parse(input) {
            parsed += 1;
            assert_eq!(body, body.clone());
            let again = body.to_json();
            let reparsed = B::parse_owned(again.as_bytes())
                .unwrap_or_else(|e| panic!("re-rendered body parses: {e}: {again}"));
            assert_eq!(reparsed, body.clone().into_owned());
            assert_eq!(reparsed.to_json(), again);
            assert_eq!(body.codes(), reparsed.codes());
        }
    }
    parsed
}

#[test]
fn every_body_round_trips_whatever_the_input() {
    let zato = mutations(ZATO_SEEDS, &mut Rng(1), scaled(20_000));
    assert!(body_round_trips::<zato::Response<'_>>(&zato) > 0);
    assert!(body_round_trips::<zato::BadRequest<'_>>(&zato) > 0);
    let openam = mutations(OPENAM_SEEDS, &mut Rng(2), scaled(20_000));
    assert!(body_round_trips::<openam::ErrorBody<'_>>(&openam) > 0);
    let merchant = mutations(MERCHANT_SEEDS, &mut Rng(3), scaled(20_000));
    assert!(body_round_trips::<merchant::ErrorBody<'_>>(&merchant) > 0);
    let zenlogin = mutations(ZENLOGIN_SEEDS, &mut Rng(4), scaled(20_000));
    assert!(body_round_trips::<zenlogin::ErrorDocument<'_>>(&zenlogin) > 0);
}

/// Every reply, with any status: parsing never panics, and a reply that
/// parses writes back a body that parses to an equal reply.
#[test]
fn every_reply_round_trips_whatever_the_input() {
    macro_rules! replies {
        ($($Reply:ty, $seeds:expr, $seed:literal);+ $(;)?) => {$(
            let mut rng = Rng($seed);
            let mut parsed = 0;
            for input in mutations($seeds, &mut rng, scaled(5_000)) {
                for status in [200, 400, 401, 403, 500] {
                    if let Ok(reply) = <$Reply>::parse(status, &input) {
                        parsed += 1;
                        assert_eq!(reply.http_status(), status);
                        let again = reply.to_body();
                        let reparsed = <$Reply>::parse(status, again.as_bytes())
                            .unwrap_or_else(|e| panic!("re-rendered reply parses: {e}"));
                        assert_eq!(reparsed, reply);
                        assert_eq!(reparsed.to_body(), again);
                    }
                }
            }
            assert!(parsed > 0, "{}: no reply parsed", stringify!($Reply));
        )+};
    }
    replies! {
        zato::Reply<'_>, ZATO_SEEDS, 11;
        openam::Reply<'_>, OPENAM_SEEDS, 12;
        merchant::Reply<'_>, MERCHANT_SEEDS, 13;
        zenlogin::Reply<'_>, ZENLOGIN_SEEDS, 14;
        sso_errors::AnyReply<'_>, ZATO_SEEDS, 15;
        sso_errors::AnyReply<'_>, OPENAM_SEEDS, 16;
        sso_errors::AnyReply<'_>, MERCHANT_SEEDS, 17;
        sso_errors::AnyReply<'_>, ZENLOGIN_SEEDS, 18;
    }
}

/// Template values read back from a detail render the same detail.
#[test]
fn zenlogin_template_values_render_back() {
    let mut rng = Rng(4);
    for input in mutations(ZENLOGIN_SEEDS, &mut rng, scaled(20_000)) {
        let Ok(document) = zenlogin::ErrorDocument::parse(&input) else {
            continue;
        };
        for error in document.errors.iter() {
            if let Ok(values) = error.values() {
                let code = error.known().expect("values come from a known code");
                let rendered = code.render(values.as_slice()).expect("values re-render");
                assert_eq!(Some(rendered.as_str()), error.detail.as_deref());
            }
        }
    }
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(zato::Response::parse(deep.as_bytes()).is_err());
    // A deep value in a member kept verbatim is skipped without recursion,
    // so it is accepted and written back as it came.
    let nested = format!(
        r#"{{"status":"ok","cid":"a","x":{}1{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let response = zato::Response::parse(nested.as_bytes()).unwrap();
    assert_eq!(response.to_json(), nested);
    assert!(openam::ErrorBody::parse(deep.as_bytes()).is_err());
    assert!(merchant::ErrorBody::parse(deep.as_bytes()).is_err());
    assert!(zenlogin::ErrorDocument::parse(deep.as_bytes()).is_err());
    assert_eq!(sso_errors::detect::detect(deep.as_bytes()), None);
}
