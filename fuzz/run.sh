#!/usr/bin/env bash
# Runs every fuzz target, one after another, for SECONDS each, from a copy of
# the committed corpus (fuzz/corpus/<target>/ is never written), with the
# dictionary fuzz/json.dict and one fuzzing process at a time. Stops with a
# non-zero status at the first crash or property violation; its input is in
# fuzz/artifacts/<target>/.
#
# Usage: fuzz/run.sh SECONDS [TARGET...]
#
# Environment:
#   FUZZ_SANITIZER          sanitizer to build with (default: none; the crate
#                           forbids unsafe code, and without ASan the targets
#                           run several times faster)
#   FUZZ_MAX_LEN            longest input, in bytes (default: 8192)
#   FUZZ_KEEP_GOING         1: after a crash, go on with the next target, and
#                           exit non-zero at the end (for long campaigns)
#   FUZZ_WORK_DIR           where the working corpus and the logs go; kept
#                           afterwards (default: a temporary directory,
#                           removed at exit)
set -euo pipefail

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 SECONDS [TARGET...]" >&2
    exit 2
fi
seconds=$1
shift

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$fuzz_dir/.."

# cargo fuzz needs nightly flags (-Z); stable rustc accepts them with this.
export RUSTC_BOOTSTRAP=1
sanitizer=${FUZZ_SANITIZER:-none}
max_len=${FUZZ_MAX_LEN:-8192}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

echo "== building the fuzz targets (sanitizer: $sanitizer)"
cargo fuzz build --sanitizer "$sanitizer"
# The binaries run directly: one build for the whole run, whatever changes
# in the tree meanwhile.
triple=$(rustc -vV | sed -n 's/^host: //p')
bin_dir="fuzz/target/$triple/release"

if [[ -n ${FUZZ_WORK_DIR:-} ]]; then
    work=$FUZZ_WORK_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/sso-fuzz.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

summary=()
failed=()
for target in "${targets[@]}"; do
    corpus="$work/corpus/$target"
    mkdir -p "$corpus"
    if [[ -d "fuzz/corpus/$target" ]]; then
        # Seeds join whatever a kept working corpus already holds.
        cp -R "fuzz/corpus/$target/." "$corpus/"
    fi
    log="$work/$target.log"
    echo "== $target: ${seconds}s from $(find "$corpus" -type f | wc -l) corpus files"
    mkdir -p "fuzz/artifacts/$target"
    status=0
    "$bin_dir/$target" "$corpus" \
        -artifact_prefix="fuzz/artifacts/$target/" \
        -dict=fuzz/json.dict \
        -max_total_time="$seconds" \
        -max_len="$max_len" \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -workers=1 \
        -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
    if [[ $status -ne 0 ]]; then
        tail -n 60 "$log" >&2
        echo "== $target FAILED (exit $status); the input is in fuzz/artifacts/$target/" >&2
        echo "   reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer $sanitizer $target fuzz/artifacts/$target/<file>" >&2
        echo "   minimise:  RUSTC_BOOTSTRAP=1 cargo fuzz tmin --sanitizer $sanitizer $target fuzz/artifacts/$target/<file>" >&2
        if [[ ${FUZZ_KEEP_GOING:-} != 1 ]]; then
            exit 1
        fi
        failed+=("$target")
        summary+=("$(printf '%-24s %12s execs %8s exec/s %6ss  CRASHED' "$target" "${execs:-?}" "${rate:-?}" "${took:-?}")")
        continue
    fi
    summary+=("$(printf '%-24s %12s execs %8s exec/s %6ss' "$target" "${execs:-?}" "${rate:-?}" "${took:-$seconds}")")
    echo "   ${summary[-1]}"
done

printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "== ${#failed[@]} of ${#targets[@]} targets crashed: ${failed[*]}" >&2
    exit 1
fi
echo "== all ${#targets[@]} targets passed"
