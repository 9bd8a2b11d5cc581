#!/usr/bin/env bash
# The mutation campaign: MutationPropertyTest with MUTATIONS mutations of each of the 8 valid
# examples (12,500 each, 100,000 in all, by default; CI runs 250 each). Each mutant is compiled,
# and checked with `agora check` when it compiles; a mutant must end within MUTANT_SECONDS with
# positioned, bounded, visible diagnostics or a clean check. Prints the counts: inputs tried,
# rejected, compiled and checked, and the distinct failure signatures with a first example of
# each (0 signatures is the goal). Not run in CI: it takes about an hour on 2 cores.
#
#   bench/mutations.sh                     # 12,500 per file, seed 20190101
#   MUTATIONS=1000 SEED=7 bench/mutations.sh
#   KINDS=LONG_CHAIN,SPECIAL_FILE bench/mutations.sh   # some kinds of mutation only (Mutator.Kind)
#
# Environment: MUTATIONS (12500 per file), SEED (20190101), MUTANT_SECONDS (30), KINDS (all).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
report="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$report" "$log"' EXIT
start=$(date +%s)
echo "running ${MUTATIONS:-12500} mutations of each example (seed ${SEED:-20190101}) ..." >&2
# its own build folder (target-bench), so the campaign can run beside other builds of this tree
status=0
mvn -B -ntp -Dstyle.color=never -Dagora.target=target-bench -pl examples -am test \
    -Dtest=MutationPropertyTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dagora.mutations="${MUTATIONS:-12500}" -Dagora.seed="${SEED:-20190101}" \
    -Dagora.mutantSeconds="${MUTANT_SECONDS:-30}" -Dagora.mutationKinds="${KINDS:-}" \
    -Dagora.mutationReport="$report" >"$log" 2>&1 || status=$?
if [ ! -s "$report" ]; then
    tail -50 "$log" >&2
    echo "the campaign did not report (exit $status)" >&2
    exit 1
fi
cat "$report"
echo "wall time: $(( $(date +%s) - start )) s"
if [ "$status" -ne 0 ]; then
    grep -E "^\[ERROR\] +(MutationPropertyTest|Tests run)" "$log" | head -20 || true
fi
exit "$status"
