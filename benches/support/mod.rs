//! Shared by the benchmarks: records how many inputs one pass of a group
//! covers, next to criterion's own results, so that `examples/bench_table.rs`
//! can give nanoseconds per input.

use std::path::PathBuf;

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
