#!/usr/bin/env bash
# How much Java heap 'agora run' really needs against the estimate it refuses a market by
# (agora.market.run.MemoryEstimate). For each generated market it finds, by bisection, the
# smallest -Xmx (within 4 MB) at which 'agora run' solves every step (the heap check off:
# AGORA_NO_HEAP_CHECK=1), then runs it with 4 MB less, where it would run out of memory: it should
# refuse before solving, and its estimate (solving + in use) be at or above the need. Each market
# is solved with the solver and threads of its market block.
#
#   bench/memory-estimate.sh                        # full P2P 100x100 .. 300x300, pools of 2000 and 8000
#   SIZES="100 200" POOLS="" SOLVERS=ipm bench/memory-estimate.sh
#
# Environment:
#   SIZES    producers = consumers of the full P2P markets (default: 100 200 300; links = SIZE²)
#   POOLS    peers of the pool markets, 20 communities and a grid (default: 2000 8000)
#   SOLVERS  ipm, ortools and/or admm (default: ipm admm ortools; ortools only up to 150)
#   THREADS  worker threads (default: 1 2)
#   STEPS    steps of each market (default: 4, so that two threads solve at once)
#   AGORA_JAR the command line's jar (default: cli/target/agora.jar, built if missing)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
jar=${AGORA_JAR:-"$repo/cli/target/agora.jar"}
[ -f "$jar" ] || (cd "$repo" && mvn -q -B -DskipTests -pl cli -am package >&2)
sizes=${SIZES:-100 200 300}
pools=${POOLS-2000 8000}
solvers=${SOLVERS:-ipm admm ortools}
threads=${THREADS:-1 2}
steps=${STEPS:-4}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The market block: design $1, solved by $2 (ipm, ortools or admm) on $3 threads. 'check'
# estimates for the scenario's own settings, so the run takes them from the file too.
market_block() {
    local solve="centralized with $2"
    [ "$2" = admm ] && solve=admm
    printf 'market {\n    design %s\n    solve %s\n    threads %s\n}\n' "$1" "$solve" "$3"
}

# A full P2P market of $1 producers and $1 consumers (every producer trades with every consumer).
full_market() {
    local n=$1 i
    echo "scenario \"full $n x $n\""
    echo "time from 2019-01-01 12:00 step 1 h count $steps"
    for ((i = 0; i < n; i++)); do
        echo "producer p$i { bounds = 0 MW .. 40 MW; cost = 0.05 \$/MW²h * p² + $((20 + i % 7)) \$/MWh * p }"
        echo "consumer c$i { bounds = -30 MW .. 0 MW; cost = 0.20 \$/MW²h * p² + $((60 + i % 5)) \$/MWh * p }"
    done
    market_block full "$2" "$3"
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
    market_block community "$2" "$3"
}

# Smallest -Xmx in MB at which 'agora run FILE' solves every step (exit 0, not out of memory).
smallest_heap() {
    local file=$1 lo=16 hi=8192 mid
    while [ $((hi - lo)) -gt 4 ]; do
        mid=$(((lo + hi) / 2))
        if AGORA_NO_HEAP_CHECK=1 java "-Xmx${mid}m" -jar "$jar" run "$file" >/dev/null 2>"$work/err" \
            && ! grep -qE "OutOfMemoryError|out of memory" "$work/err"; then
            hi=$mid
        else
            lo=$mid
        fi
    done
    echo "$hi"
}

# One market: the heap it needs, and what 'agora run' says with a heap 4 MB smaller, where it
# would run out of memory: it should refuse up front with an estimate above the need.
measure() {
    local label=$1 file=$2 solver=$3 t=$4 heap said
    heap=$(smallest_heap "$file")
    said=$(java "-Xmx$((heap - 4))m" -jar "$jar" run "$file" 2>&1 >/dev/null | head -1)
    if grep -q "too large for this Java heap" <<< "$said"; then
        said=$(sed -n 's/.*needs about \([0-9.]* [MG]B\).*besides the \([0-9]* MB\) in use.*/refused: \1 + \2 in use/p' <<< "$said")
    else
        said="NOT REFUSED: ${said:-(ran)}"
    fi
    printf '%-16s %-8s %7s %12s  %s\n' "$label" "$solver" "$t" "$heap" "$said"
}

printf '%-16s %-8s %7s %12s  %s\n' market solver threads "needs [MB]" "agora run at 4 MB less"
for n in $sizes; do
    for solver in $solvers; do
        if [ "$solver" = ortools ] && [ "$n" -gt 150 ]; then continue; fi
        for t in $threads; do
            full_market "$n" "$solver" "$t" > "$work/market.agora"
            measure "full ${n}x$n" "$work/market.agora" "$solver" "$t"
        done
    done
done
for n in $pools; do
    for solver in $solvers; do
        for t in $threads; do
            pool_market "$n" "$solver" "$t" > "$work/market.agora"
            measure "pools of $n" "$work/market.agora" "$solver" "$t"
        done
    done
done
