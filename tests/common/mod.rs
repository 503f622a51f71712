//! Helpers shared by the integration tests.

#![allow(dead_code)]

use serde_json::value::RawValue;

/// Removes the whitespace outside strings, keeping everything else (key
/// order, number spelling, escapes) exactly as written.
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// One stored vector: `{"source": …, "http_status": N | null, "body": …}`.
#[derive(serde::Deserialize)]
pub struct Vector {
    pub source: String,
    pub http_status: Option<u16>,
    pub body: Box<RawValue>,
}

/// Every vector in `tests/data/<dir>/`, with its file name, in name order.
pub fn vectors(dir: &str) -> Vec<(String, Vector)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir);
    let mut names: Vec<_> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let text = std::fs::read_to_string(path.join(&name)).unwrap();
            serde_json::from_str::<Vector>(&text)
                .ok()
                .map(|v| (name, v))
        })
        .collect()
}

#[test]
fn compact_keeps_strings_and_order() {
    assert_eq!(
        compact("{\n  \"b\" : \"x y\\\" z\",\n  \"a\": [1, 2]\n}"),
        r#"{"b":"x y\" z","a":[1,2]}"#
    );
}

/// The seeds' example answers of every vendor, with their statuses.
pub const SEED_ANSWERS: [(u16, &[u8]); 8] = [
    (403, br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#),
    (400, br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#),
    (400, b"Bad request"),
    (400, br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#),
    (404, br#"{"code":404,"reason":"Not Found","message":"Resource cannot be found."}"#),
    (401, br#"{"errorMessage":"Invalid Password!!","failureUrl":""}"#),
    (403, br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#),
    (403, b""),
];

/// Every answer of the seeds and of the corpus of real bodies, compacted,
/// with its status (400 where the corpus has none) and a name.
pub fn answers() -> Vec<(String, u16, Vec<u8>)> {
    let mut all: Vec<(String, u16, Vec<u8>)> = SEED_ANSWERS
        .iter()
        .enumerate()
        .map(|(i, (status, body))| (format!("seed {i}"), *status, body.to_vec()))
        .collect();
    for dir in ["zato", "zenlogin", "openam", "merchant"] {
        for (name, vector) in vectors(dir) {
            let status = vector.http_status.unwrap_or(400);
            all.push((
                format!("{dir}/{name}"),
                status,
                compact(vector.body.get()).into_bytes(),
            ));
        }
    }
    all
}

/// Cases per property: `PROPTEST_CASES`, or 10,000.
pub fn cases() -> usize {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// `n` generated inputs at the default 10,000 cases, scaled with
/// [`cases`] (at least one): a reduced run, such as a mutation run, is
/// reduced everywhere alike.
pub fn scaled(n: usize) -> usize {
    (n.saturating_mul(cases()) / 10_000).max(1)
}
