#!/usr/bin/env bash
# How much Java heap 'agora run' really needs against what 'agora check' estimates (the estimate
# 'run' uses to refuse a market too large for the heap; agora.market.run.MemoryEstimate). For each
# generated market it finds, by bisection, the smallest -Xmx (within 4 MB) at which 'agora run'
# completes without an OutOfMemoryError (checking is off: AGORA_NO_HEAP_CHECK=1), then prints the
# estimate 'agora check' shows at that heap. The estimate should be at or above the measurement.
#
#   bench/memory-estimate.sh                        # full P2P 100x100 .. 300x300, pools of 2000 and 8000
#   SIZES="100 200" POOLS="" SOLVERS=ojalgo bench/memory-estimate.sh
#
# Environment:
#   SIZES    producers = consumers of the full P2P markets (default: 100 200 300; links = SIZE²)
#   POOLS    peers of the pool markets, 20 communities and a grid (default: 2000 8000)
#   SOLVERS  ojalgo, ortools and/or admm (default: ojalgo admm ortools; ortools only up to 150)
#   THREADS  worker threads (default: 1 2)
#   STEPS    steps of each market (default: 4, so that two threads solve at once)
#   AGORA_JAR the command line's jar (default: cli/target/agora.jar, built if missing)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
jar=${AGORA_JAR:-"$repo/cli/target/agora.jar"}
[ -f "$jar" ] || (cd "$repo" && mvn -q -B -DskipTests -pl cli -am package >&2)
sizes=${SIZES:-100 200 300}
pools=${POOLS-2000 8000}
solvers=${SOLVERS:-ojalgo admm ortools}
threads=${THREADS:-1 2}
steps=${STEPS:-4}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A full P2P market of $1 producers and $1 consumers (every producer trades with every consumer).
full_market() {
    local n=$1 i
    echo "scenario \"full $n x $n\""
    echo "time from 2019-01-01 12:00 step 1 h count $steps"
    for ((i = 0; i < n; i++)); do
        echo "producer p$i { bounds = 0 MW .. 40 MW; cost = 0.05 \$/MW²h * p² + $((20 + i % 7)) \$/MWh * p }"
        echo "consumer c$i { bounds = -30 MW .. 0 MW; cost = 0.20 \$/MW²h * p² + $((60 + i % 5)) \$/MWh * p }"
    done
    printf 'market {\n    design full\n}\n'
}

# $1 peers in 20 communities that clear as pools, and a grid (design community).
pool_market() {
    local n=$1 k i per=$(($1 / 20))
    echo "scenario \"pools of $n\""
    echo "time from 2019-01-01 12:00 step 1 h count $steps"
    echo "grid g { import price = 60 \$/MWh; export price = 40 \$/MWh }"
    for ((k = 0; k < 20; k++)); do
        echo "community c$k clears pool {"
        for ((i = 0; i < per; i += 2)); do
            echo "  producer p${k}_$i { bounds = 0 MW .. 4 MW; cost = 0.05 \$/MW²h * p² + $((20 + i % 7)) \$/MWh * p }"
            echo "  consumer d${k}_$i { bounds = -3 MW .. 0 MW; cost = 0.20 \$/MW²h * p² + $((60 + i % 5)) \$/MWh * p }"
        done
        echo "}"
    done
    printf 'market {\n    design community\n}\n'
}

# Smallest -Xmx in MB at which the run completes (exit 0 or 1, no OutOfMemoryError).
smallest_heap() {
    local file=$1 lo=16 hi=8192 mid
    shift
    while [ $((hi - lo)) -gt 4 ]; do
        mid=$(((lo + hi) / 2))
        if AGORA_NO_HEAP_CHECK=1 java "-Xmx${mid}m" -jar "$jar" run "$file" "$@" >/dev/null 2>"$work/err" \
            || [ $? -eq 1 ]; then
            if grep -qE "OutOfMemoryError|out of memory" "$work/err"; then lo=$mid; else hi=$mid; fi
        else
            lo=$mid
        fi
    done
    echo "$hi"
}

printf '%-16s %-20s %7s %12s %12s  %s\n' market solver threads "needs [MB]" "estimate" "(estimate: solving + in use)"
measure() {
    local label=$1 file=$2 solver=$3 t args heap line
    if [ "$solver" = admm ]; then args=(--solve admm); else args=(--solve centralized --backend "$solver"); fi
    for t in $threads; do
        heap=$(smallest_heap "$file" --threads "$t" "${args[@]}")
        line=$(java "-Xmx${heap}m" -jar "$jar" check "$file" 2>&1 | grep '^memory:' || true)
        printf '%-16s %-20s %7s %12s %12s  %s\n' "$label" "$solver" "$t" "$heap" \
            "$(sed -n 's/.*needs about \([0-9.]* [MG]B\).*besides the \([0-9]* MB\).*/\1 + \2/p' <<< "$line")" \
            "${line:-(check shows no estimate: below a quarter of the heap)}"
    done
}

for n in $sizes; do
    full_market "$n" > "$work/full-$n.agora"
    for solver in $solvers; do
        if [ "$solver" = ortools ] && [ "$n" -gt 150 ]; then continue; fi
        # check estimates the scenario's own solve mode and backend: say which
        sed -i "s/^    design full.*/    design full\n    solve $( [ "$solver" = admm ] && echo admm || echo "centralized with $solver")/" "$work/full-$n.agora"
        measure "full ${n}x$n" "$work/full-$n.agora" "$solver"
        full_market "$n" > "$work/full-$n.agora"
    done
done
for n in $pools; do
    for solver in $solvers; do
        pool_market "$n" > "$work/pools-$n.agora"
        sed -i "s/^    design community.*/    design community\n    solve $( [ "$solver" = admm ] && echo admm || echo "centralized with $solver")/" "$work/pools-$n.agora"
        measure "pools of $n" "$work/pools-$n.agora" "$solver"
    done
done
