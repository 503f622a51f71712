//! Shared by the benchmarks: their settings, and how many inputs one pass of
//! a group covers, recorded next to criterion's own results so that
//! `examples/bench_table.rs` can give nanoseconds per input.

pub mod derive;

use std::path::PathBuf;
use std::time::Duration;

use criterion::Criterion;

/// Criterion's output folder (as criterion finds it).
pub fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    target.join("criterion")
}

/// Notes that one pass of `group` covers `inputs` inputs.
pub fn record_pass(group: &str, inputs: usize) {
    let dir = criterion_home().join(group);
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join("inputs_per_pass"), inputs.to_string());
    }
}

/// The measurement settings every group shares: short, so that the whole
/// suite runs in a few minutes on a small machine.
pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(900))
        .sample_size(40)
        .configure_from_args()
}
