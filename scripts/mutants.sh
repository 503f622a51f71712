#!/usr/bin/env bash
# Mutation testing of what changed: the mutants cargo-mutants makes of the
# lines of src/ changed since BASE (default: the previous commit), each run
# against the suites .cargo/mutants.toml names. Exits non-zero when a mutant
# survives (a changed line no test checks); see TESTING.md.
#
# Usage: scripts/mutants.sh [BASE]
#
# Environment:
#   PROPTEST_CASES   generated cases per property (default here: 50)
#   MUTANTS_OUT      where mutants.out/ goes (default: target/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

base=${1:-HEAD~1}
if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
    # A shallow clone: fetch the parent it lacks.
    git fetch -q --deepen=1 2>/dev/null || true
fi
if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
    echo "mutants: no commit $base in this clone to compare with" >&2
    exit 1
fi

diff=$(mktemp)
trap 'rm -f "$diff"' EXIT
git diff "$base" -- src >"$diff"
if [[ ! -s $diff ]]; then
    echo "mutants: src/ is unchanged since $base"
    exit 0
fi

version=27.1.0
if ! cargo mutants --version 2>/dev/null | grep -q " $version"; then
    cargo install --locked --version "$version" cargo-mutants
fi

# A change to the compile-time tables can send the multiplier search through
# all its candidates before the build fails: such a build is cut off.
status=0
PROPTEST_CASES=${PROPTEST_CASES:-50} cargo mutants \
    --in-diff "$diff" --build-timeout 180 --output "${MUTANTS_OUT:-target}" || status=$?
# cargo-mutants exits 3 when mutants only timed out: a mutant that hangs its
# build or the tests is one the suite notices. 2 is a missed mutant.
if [[ $status -eq 3 ]]; then
    echo "mutants: the mutants not caught timed out, which counts as caught"
    exit 0
fi
exit "$status"
