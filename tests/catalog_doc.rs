//! `docs/CATALOG.md` is generated from the catalogs' tables: this test
//! fails when the committed file is out of date. Regenerate it with
//! `UPDATE_CATALOG=1 cargo test --test catalog_doc`.

use std::fmt::Write as _;

use sso_errors::{AnyCode, Catalog, Problem, merchant, openam, zato, zenlogin};

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn table<C: Catalog + Into<AnyCode>>(out: &mut String, title: &str) {
    writeln!(out, "## {title}\n").unwrap();
    writeln!(
        out,
        "| code | label | description | HTTP | kind | retryable | origin |\n| --- | --- | --- | --- | --- | --- | --- |"
    )
    .unwrap();
    for entry in C::ALL {
        // The anchor a problem document's `type` points at.
        let any: AnyCode = (*entry).into();
        let anchor = format!(
            "{}-{}",
            any.vendor().id(),
            entry.code().to_ascii_lowercase()
        );
        assert_eq!(
            Problem::type_of(any),
            format!("{}{anchor}", Problem::TYPE_BASE)
        );
        let code = match entry.alias() {
            Some(alias) => format!(
                "<a id=\"{anchor}\"></a>`{}` (documented as `{alias}`)",
                entry.code()
            ),
            None => format!("<a id=\"{anchor}\"></a>`{}`", entry.code()),
        };
        writeln!(
            out,
            "| {code} | {} | {} | {} | {:?} | {} | {:?} |",
            entry
                .label()
                .map_or_else(String::new, |l| format!("`{}`", cell(l))),
            cell(entry.description()),
            entry.http_status(),
            entry.kind(),
            if entry.is_retryable() { "yes" } else { "no" },
            entry.origin(),
        )
        .unwrap();
    }
    out.push('\n');
}

fn catalog() -> String {
    let mut out = String::from(
        "# Catalog\n\nEvery code of every vendor the crate knows, generated from the catalog \
         tables (`cargo test --test catalog_doc` checks it is current). `kind` is the \
         cross-vendor `ErrorKind`; `origin` says whether the vendor's documentation, its \
         server, or both know the code. Each code's anchor (`#zato-e005001`) is the `type` of \
         the crate's RFC 9457 problem documents for it.\n\n",
    );
    table::<zato::Status>(&mut out, "Zato SSO status");
    table::<zato::SubStatus>(&mut out, "Zato SSO sub-status");
    table::<zenlogin::ErrorCode>(&mut out, "Zenlogin");
    table::<openam::Status>(&mut out, "OpenAM");
    table::<merchant::ErrorCode>(&mut out, "Merchant User Management");
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn the_committed_catalog_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/CATALOG.md");
    let generated = catalog();
    if std::env::var_os("UPDATE_CATALOG").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/CATALOG.md is out of date: run `UPDATE_CATALOG=1 cargo test --test catalog_doc`"
    );
}
