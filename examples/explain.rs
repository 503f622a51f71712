//! Explains a vendor's error code, judges an answer (status, headers, body),
//! or renders a vendor's exact error body.
//!
//! ```text
//! explain CODE [--vendor V] [--json]
//! explain --parse [--vendor V] [--status N] [--header "Name: value"]... [--json] < body
//! explain --render VENDOR CODE [--value TEXT]... [--message TEXT]
//! ```
//!
//! `--parse` prints the verdict on every input. Exit status: 0 on success
//! (for `--parse`, when a vendor's body was recognised); 1 for an unknown
//! code or a body no vendor's; 2 for wrong usage.

use std::io::Read as _;
use std::process::ExitCode;

use serde_json::{Value, json};
use sso_errors::{AnyCode, AnyReply, Lookup, Vendor, Verdict, merchant, openam, zato, zenlogin};

const USAGE: &str = "usage: explain CODE [--vendor V] [--json]
       explain --parse [--vendor V] [--status N] [--header \"Name: value\"]... [--json] < body
       explain --render VENDOR CODE [--value TEXT]... [--message TEXT]";

/// What went wrong: the exit status and the message for standard error.
struct Failure(u8, String);

fn usage(why: &str) -> Failure {
    Failure(2, format!("{why}\n{USAGE}"))
}

#[derive(Default)]
struct Args {
    positional: Vec<String>,
    vendor: Option<Vendor>,
    status: Option<u16>,
    headers: Vec<(String, String)>,
    json: bool,
    parse: bool,
    render: bool,
    values: Vec<String>,
    message: Option<String>,
}

fn args() -> Result<Args, Failure> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| usage(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--vendor" => {
                let v = value("--vendor")?;
                args.vendor = Some(v.parse().map_err(|e| usage(&format!("{e}")))?);
            }
            "--status" => {
                let v = value("--status")?;
                args.status = Some(
                    v.parse()
                        .map_err(|_| usage("--status takes an HTTP status"))?,
                );
            }
            "--header" => {
                let v = value("--header")?;
                let (name, value) = v
                    .split_once(':')
                    .ok_or_else(|| usage("--header takes \"Name: value\""))?;
                args.headers
                    .push((name.trim().to_owned(), value.trim().to_owned()));
            }
            "--value" => args.values.push(value("--value")?),
            "--message" => args.message = Some(value("--message")?),
            "--json" => args.json = true,
            "--parse" => args.parse = true,
            "--render" => args.render = true,
            "-h" | "--help" => return Err(Failure(0, USAGE.to_owned())),
            flag if flag.starts_with("--") => return Err(usage(&format!("unknown option {flag}"))),
            _ => args.positional.push(arg),
        }
    }
    Ok(args)
}

/// One entry as JSON: the members every vendor has, and `label` and
/// `severity` where the vendor has them.
fn entry_json(code: AnyCode) -> Value {
    let mut out = json!({
        "vendor": code.vendor().id(),
        "code": code.code(),
        "description": code.description(),
        "http_status": code.http_status(),
        "kind": format!("{:?}", code.kind()),
        "retryable": code.is_retryable(),
        "origin": format!("{:?}", code.origin()),
    });
    if let Some(label) = code.label() {
        out["label"] = json!(label);
    }
    if let AnyCode::Zato(sub_status) = code {
        out["severity"] = json!(format!("{:?}", sub_status.severity()));
    }
    out
}

fn explain(args: &Args) -> Result<String, Failure> {
    let [code] = args.positional.as_slice() else {
        return Err(usage("give one code"));
    };
    let found = match AnyCode::lookup_in(code, args.vendor) {
        Lookup::Found(found) => found,
        Lookup::Ambiguous(a, b) => {
            return Err(Failure(
                1,
                format!(
                    "{code} is a {} code and a {} code: give --vendor",
                    a.vendor(),
                    b.vendor()
                ),
            ));
        }
        _ => return Err(Failure(1, format!("unknown code {code:?}"))),
    };
    if args.json {
        return Ok(entry_json(found).to_string());
    }
    let label = found.label().map(|l| format!(" {l}")).unwrap_or_default();
    Ok(format!(
        "{} {}{label}\n  {}\n  HTTP {}; {:?} ({} acts), {}",
        found.vendor(),
        found.code(),
        found.description(),
        found.http_status(),
        found.kind(),
        found.kind().actor(),
        if found.is_retryable() {
            "retryable"
        } else {
            "not retryable"
        },
    ))
}

/// One error a reply carries, as JSON.
fn wire_json(code: &str, known: Option<AnyCode>, values: Vec<&str>) -> Value {
    let mut out = json!({
        "code": code,
        "known": known.is_some(),
        "kind": known.map(|k| format!("{:?}", k.kind())),
    });
    if let Some(label) = known.and_then(AnyCode::label) {
        out["label"] = json!(label);
    }
    if !values.is_empty() {
        out["values"] = json!(values);
    }
    out
}

fn errors_of(reply: &AnyReply<'_>) -> Vec<Value> {
    match reply {
        AnyReply::Zato(reply) => match reply.body() {
            zato::ReplyBody::Response(response) => response
                .sub_status
                .iter()
                .map(|code| wire_json(code.as_str(), code.known().map(AnyCode::Zato), vec![]))
                .collect(),
            _ => vec![],
        },
        AnyReply::Zenlogin(reply) => match reply.body() {
            zenlogin::ReplyBody::Document(document) => document
                .errors
                .iter()
                .map(|error| {
                    let values = error
                        .values()
                        .map(|v| v.as_slice().to_vec())
                        .unwrap_or_default();
                    wire_json(
                        error.code.as_ref().map_or("", |c| c.as_str()),
                        error.known().map(AnyCode::Zenlogin),
                        values,
                    )
                })
                .collect(),
            _ => vec![],
        },
        AnyReply::OpenAm(reply) => match reply.body() {
            openam::ReplyBody::Error(body) => vec![wire_json(
                &body.code.as_u16().to_string(),
                body.code.known().map(AnyCode::OpenAm),
                vec![],
            )],
            _ => vec![],
        },
        AnyReply::Merchant(reply) => match reply.body() {
            merchant::ReplyBody::Error(body) => body
                .message()
                .iter()
                .map(|entry| {
                    let mut out = wire_json(
                        &entry.code,
                        entry.known().map(AnyCode::Merchant),
                        entry.description.value().into_iter().collect(),
                    );
                    out["errorName"] = json!(entry.error_name);
                    out
                })
                .collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}

fn parse(args: &Args) -> Result<String, Failure> {
    if !args.positional.is_empty() {
        return Err(usage("--parse reads the body on standard input"));
    }
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .map_err(|e| Failure(1, format!("cannot read standard input: {e}")))?;
    let status = args.status.unwrap_or(400);
    let verdict = match args.vendor {
        Some(vendor) => Verdict::of_vendor(vendor, status, &input),
        None => Verdict::of(status, &input),
    }
    .with_headers(args.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let out = if args.json {
        json!({
            "outcome": verdict.outcome().id(),
            "kind": verdict.kind().id(),
            "actor": verdict.actor().id(),
            "retryable": verdict.is_retryable(),
            "retry_after_s": verdict.retry_after().map(|wait| wait.as_secs()),
            "vendor": verdict.vendor().map(Vendor::id),
            "http_status": verdict.http_status(),
            "errors": verdict.reply().map(errors_of).unwrap_or_default(),
            "problem": verdict.problem().map(|problem| {
                serde_json::from_str::<Value>(&problem.to_json()).unwrap_or(Value::Null)
            }),
        })
        .to_string()
    } else {
        let mut text = format!("{verdict}\n  {}; {} acts", verdict.kind(), verdict.actor());
        if let Some(problem) = verdict.problem() {
            text.push_str(&format!("\n  answer: {}", problem.to_json()));
        }
        text
    };
    match verdict.reply() {
        Some(_) => Ok(out),
        // A verdict for every input; no vendor's body is status 1.
        None => {
            println!("{out}");
            Err(Failure(
                1,
                verdict.error().map(ToString::to_string).unwrap_or_default(),
            ))
        }
    }
}

fn render(args: &Args) -> Result<String, Failure> {
    let [vendor, code] = args.positional.as_slice() else {
        return Err(usage("--render takes a vendor and a code"));
    };
    let vendor: Vendor = vendor.parse().map_err(|e| usage(&format!("{e}")))?;
    let unknown = || Failure(1, format!("unknown {vendor} code {code:?}"));
    let values: Vec<&str> = args.values.iter().map(String::as_str).collect();
    match vendor {
        Vendor::Zato => {
            let code = zato::SubStatus::from_code(code).ok_or_else(unknown)?;
            Ok(zato::Response::error("0".repeat(24), [code]).to_json())
        }
        Vendor::Zenlogin => {
            let code = zenlogin::ErrorCode::from_code(code).ok_or_else(unknown)?;
            let error = match &args.message {
                Some(message) => zenlogin::ErrorObject::new(code, message.as_str()),
                None => zenlogin::ErrorObject::render(code, &values)
                    .map_err(|e| usage(&e.to_string()))?,
            };
            Ok(zenlogin::ErrorDocument::new([error]).to_json())
        }
        Vendor::OpenAm => {
            let number: u16 = code.parse().map_err(|_| unknown())?;
            let body = openam::ErrorBody::new(number);
            Ok(match &args.message {
                Some(message) => body.with_message(message.as_str()).to_json(),
                None => body.to_json(),
            })
        }
        Vendor::Merchant => {
            let code = merchant::ErrorCode::from_code(code).ok_or_else(unknown)?;
            let description = args.message.as_deref().unwrap_or(code.example());
            Ok(merchant::ErrorBody::new(merchant::ErrorEntry::new(code, description)).to_json())
        }
        _ => Err(unknown()),
    }
}

fn main() -> ExitCode {
    let result = args().and_then(|args| match (args.parse, args.render) {
        (true, true) => Err(usage("--parse and --render do not go together")),
        (true, false) => parse(&args),
        (false, true) => render(&args),
        (false, false) => explain(&args),
    });
    match result {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure(0, message)) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(Failure(status, message)) => {
            eprintln!("explain: {message}");
            ExitCode::from(status)
        }
    }
}
