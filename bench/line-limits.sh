#!/usr/bin/env bash
# What line limits cost: the IEEE 14-bus year without limits (examples/ieee14/ieee14.agora) and
# with them (ieee14-limits.agora, three lines rated), each design on the fastest backend (ipm),
# and the hybrid design decomposed (ADMM, with its network operator agent). Prints each run's
# wall time and the ratios the line-limits issue sets: with limits within 1.5x without, on each
# design; ADMM within 3x centralized. Run on an idle machine, or compare ratios of one session.
#
#   bench/line-limits.sh
#   STEPS=2000 bench/line-limits.sh          # the first 2000 half-hours only
#
# Environment: DATA_DIR (default ../shared/data/ieee14-p2p, read in place), STEPS (all),
# AGORA (default: bin/agora of this repository).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
agora=${AGORA:-"$repo/bin/agora"}
data_dir=${DATA_DIR:-"$repo/../shared/data/ieee14-p2p"}
common=()
if [ -f "$data_dir/info.csv" ]; then
    common+=(--set "data_dir=$(cd "$data_dir" && pwd -P)")
else
    echo "data: $data_dir not found; using the scenarios' generated profiles"
fi
[ -n "${STEPS:-}" ] && common+=(--steps "$STEPS")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Wall seconds of one design's solve, from the run's solve line ("<design>: N steps in S s ...").
seconds() {
    sed -n "s/^$1: [0-9]* steps in \([0-9.]*\) s .*/\1/p" "$2"
}

run() {
    local label=$1
    shift
    "$agora" run "$@" "${common[@]}" > "$work/$label.txt"
}

run plain "$repo/examples/ieee14/ieee14.agora" --design all
run limits "$repo/examples/ieee14/ieee14-limits.agora" --design all
run admm-plain "$repo/examples/ieee14/ieee14.agora" --design hybrid --solve admm
run admm-limits "$repo/examples/ieee14/ieee14-limits.agora" --design hybrid --solve admm

printf '%-10s %14s %14s %8s\n' design "no limits [s]" "limits [s]" ratio
for design in full community hybrid; do
    a=$(seconds "$design" "$work/plain.txt")
    b=$(seconds "$design" "$work/limits.txt")
    printf '%-10s %14s %14s %8.2f\n' "$design" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
a=$(seconds hybrid "$work/admm-plain.txt")
b=$(seconds hybrid "$work/admm-limits.txt")
c=$(seconds hybrid "$work/limits.txt")
printf '%-10s %14s %14s %8.2f\n' "hybrid/admm" "$a" "$b" "$(echo "$b / $a" | bc -l)"
printf 'ADMM with limits against centralized with limits (hybrid): %.2f\n' "$(echo "$b / $c" | bc -l)"
echo
grep -A4 "^Network" "$work/limits.txt"
grep "^hybrid: congestion\|FAILED" "$work/admm-limits.txt" || true
