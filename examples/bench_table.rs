//! Prints the benchmark results as one table: per case, the crate's median
//! time per input beside each baseline's, the ratios, and whether the case
//! meets its target. The `verdict_*` groups, which measure the crate against
//! its own parse, get a table of their own after it.
//!
//! ```sh
//! cargo bench && cargo run --release --example bench_table
//! ```
//!
//! It reads criterion's results (`target/criterion/<group>/<function>/new/
//! estimates.json`) and the number of inputs per pass that the benchmarks
//! record beside them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

const BASELINES: &[&str] = &[
    "loop_overhead",
    "phf_map",
    "hashmap",
    "string_match",
    "linear_scan",
    "serde_derive",
    "serde_json_value",
    "json_macro",
    "direct",
];

/// The groups of `benches/verdict.rs`: `Verdict::of` (function `verdict`)
/// beside `AnyReply::parse` (function `any_reply`) of the same inputs.
const VERDICT_GROUPS: &str = "verdict_";

/// The most a verdict may cost, as a multiple of the parse it is made from.
const VERDICT_MAX_RATIO: f64 = 1.1;

/// The median of one benchmark, in nanoseconds per pass.
fn median(group: &Path, function: &str) -> Option<f64> {
    let text = std::fs::read_to_string(group.join(function).join("new/estimates.json")).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value["median"]["point_estimate"].as_f64()
}

/// How many inputs one pass of the group covers.
fn inputs_per_pass(group: &Path) -> Result<f64, Box<dyn std::error::Error>> {
    Ok(std::fs::read_to_string(group.join("inputs_per_pass"))?
        .trim()
        .parse()?)
}

/// The target a `verdict_*` case must meet, given the verdict's time over
/// the parse's.
fn verdict_target(ratio: f64) -> String {
    if ratio <= VERDICT_MAX_RATIO {
        "met".to_owned()
    } else {
        format!("MISSED: {ratio:.2}x any_reply > {VERDICT_MAX_RATIO}x")
    }
}

/// The target a case must meet: a verdict and the reason.
fn verdict(case: &str, per_input: f64, ratio: impl Fn(&str) -> Option<f64>) -> String {
    let mut misses = Vec::new();
    let mut need = |ok: bool, what: String| {
        if !ok {
            misses.push(what);
        }
    };
    if case.starts_with("code_") {
        if let Some(r) = ratio("phf_map") {
            need(r >= 8.0, format!("{r:.1}x phf_map < 8x"));
        }
        if let Some(r) = ratio("string_match") {
            need(r >= 2.5, format!("{r:.1}x string_match < 2.5x"));
        }
        need(per_input <= 3.0, format!("{per_input:.2} ns > 3 ns"));
    } else if case.starts_with("label_") || case.starts_with("pair_") {
        if let Some(r) = ratio("phf_map") {
            need(r >= 5.0, format!("{r:.1}x phf_map < 5x"));
        }
        if let Some(r) = ratio("string_match") {
            need(
                r >= 1.0 / 1.2,
                format!("{:.2}x slower than string_match", 1.0 / r),
            );
        }
    } else if case.starts_with("reverse_") {
        need(per_input <= 1.0, format!("{per_input:.2} ns > 1 ns"));
    } else if case.starts_with("parse_any_") {
        // The entry point costs at most 1.2x the vendor's own parse.
        if let Some(r) = ratio("direct") {
            need(
                r >= 1.0 / 1.2,
                format!("{:.2}x the direct parse > 1.2x", 1.0 / r),
            );
        }
    } else if case.starts_with("parse_") {
        if let Some(r) = ratio("serde_json_value") {
            need(r >= 2.0, format!("{r:.1}x serde_json_value < 2x"));
        }
    } else if case.starts_with("render_") {
        if let Some(r) = ratio("json_macro") {
            need(r >= 1.5, format!("{r:.1}x json_macro < 1.5x"));
        }
    }
    if misses.is_empty() {
        "met".to_owned()
    } else {
        format!("MISSED: {}", misses.join("; "))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let home = support::criterion_home();
    let mut groups: Vec<PathBuf> = std::fs::read_dir(&home)
        .map_err(|e| format!("{}: {e} (run `cargo bench` first)", home.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("inputs_per_pass").is_file())
        .collect();
    groups.sort();
    let is_verdict = |group: &PathBuf| {
        group
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(VERDICT_GROUPS))
    };
    let (verdict_groups, groups): (Vec<PathBuf>, Vec<PathBuf>) =
        groups.into_iter().partition(is_verdict);

    let mut out = String::new();
    if !groups.is_empty() {
        writeln!(
            out,
            "| case | inputs/pass | sso_errors ns | {} | target |",
            BASELINES
                .iter()
                .map(|b| format!("{b} ns (ratio)"))
                .collect::<Vec<_>>()
                .join(" | ")
        )?;
        writeln!(out, "|{}", " --- |".repeat(BASELINES.len() + 4))?;
    }
    for group in groups {
        let case = group
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let inputs = inputs_per_pass(&group)?;
        let Some(ours) = median(&group, "sso_errors") else {
            continue;
        };
        let per_input = ours / inputs;
        let ratio = |baseline: &str| median(&group, baseline).map(|theirs| theirs / ours);
        let cells: Vec<String> = BASELINES
            .iter()
            .map(|b| match median(&group, b) {
                Some(theirs) => format!("{:.2} ({:.1}x)", theirs / inputs, theirs / ours),
                None => "–".to_owned(),
            })
            .collect();
        writeln!(
            out,
            "| {case} | {inputs} | {per_input:.2} | {} | {} |",
            cells.join(" | "),
            verdict(&case, per_input, ratio)
        )?;
    }
    if !verdict_groups.is_empty() {
        // Here the ratio is the crate's time over its own parse's.
        if !out.is_empty() {
            writeln!(out)?;
        }
        writeln!(
            out,
            "| case | inputs/pass | any_reply ns | verdict ns | verdict/any_reply (lower is better) | target |"
        )?;
        writeln!(out, "|{}", " --- |".repeat(6))?;
    }
    for group in verdict_groups {
        let case = group
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let inputs = inputs_per_pass(&group)?;
        let (Some(parse), Some(judged)) = (median(&group, "any_reply"), median(&group, "verdict"))
        else {
            continue;
        };
        let ratio = judged / parse;
        writeln!(
            out,
            "| {case} | {inputs} | {:.2} | {:.2} | {ratio:.2}x | {} |",
            parse / inputs,
            judged / inputs,
            verdict_target(ratio)
        )?;
    }
    print!("{out}");
    Ok(())
}
