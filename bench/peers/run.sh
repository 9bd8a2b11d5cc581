#!/usr/bin/env bash
# Agora against Clarabel and OSQP on exactly the same problems, in one run: Agora solves each case
# (`agora bench --export-qp`, which also writes the lowered QP of every step), then Clarabel and
# OSQP (Python, in a virtual environment this script makes) solve the exported QPs, case after
# case; the objectives must agree to 1e-6 relative. Prints a table of time ratios (Agora / peer,
# below 1 means Agora is faster) and the machine's load. Never needed by the tests.
#
#   bench/peers/run.sh                    # IEEE 14-bus (first 2000 steps of each design), then
#                                         # dense full P2P at 200, 500, 1000 and 2000 peers
#   bench/peers/run.sh --max-peers 500    # leave out the dense markets above 500 peers
#   STEPS=all bench/peers/run.sh          # the whole IEEE 14-bus year (17520 steps per design)
#
# Cases:
#   ieee14     examples/ieee14/ieee14.agora with the measured data (../shared/data/ieee14-p2p, or
#              DATA_DIR), designs full, community and hybrid, on one thread. Time per step:
#              Agora's solve of the step (its outcome's seconds; full P2P's second, minimum-norm
#              solve included); Clarabel "direct": the model is built once and per step only the
#              costs and bounds are updated (`update`), rebuilt only when a step changes which
#              bounds are finite or equal (counted in the "rebuilt" column; such a rebuild is
#              part of that step's time); OSQP: set up once, then `update` per step.
#   dense-N    a synthetic full P2P market of N peers (bench/peers/market.py, seeded), one step.
#              Time: Agora's whole step (set-up of its factorisation included) against the
#              peers' set-up plus solve.
#   sparse     the 10,000-peer market with 20 partners each is not run: Agora cannot express a
#              partner limit yet (issue 17).
#
# Environment:
#   STEPS          IEEE 14-bus steps per design (default 2000; "all" for the year)
#   SIZES          dense market sizes (default "200 500 1000 2000")
#   DATA_DIR       the measured IEEE 14-bus data (default ../shared/data/ieee14-p2p)
#   OUT            where the exports and results go (default bench/peers/target/run-<time>)
#   VENV           the Python virtual environment (default bench/peers/target/venv)
#   PYTHON         the Python that makes it (default python3)
#   TOLERANCE      the peers' tolerance (default 1e-8; Agora runs at its default, 1e-7)
#   KEEP           1 keeps the exported QPs (default: deleted after the run, they are large)
#   AGORA_JAVA_OPTS  JVM options of Agora (default -Xmx8g)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
max_peers=
while [ $# -gt 0 ]; do
    case "$1" in
        --max-peers) max_peers=$2; shift 2 ;;
        --max-peers=*) max_peers=${1#*=}; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
steps=${STEPS:-2000}
sizes=${SIZES:-"200 500 1000 2000"}
data_dir=${DATA_DIR:-"$repo/../shared/data/ieee14-p2p"}
out=${OUT:-"$here/target/run-$(date -u +%Y%m%dT%H%M%SZ)"}
venv=${VENV:-"$here/target/venv"}
tolerance=${TOLERANCE:-1e-8}
export AGORA_JAVA_OPTS=${AGORA_JAVA_OPTS:--Xmx8g}
agora="$repo/bin/agora"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import clarabel, osqp, numpy, scipy" 2>/dev/null; then
    echo "making the Python environment $venv (clarabel 0.11.1, osqp 1.1.3) ..." >&2
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install -q clarabel==0.11.1 osqp==1.1.3 numpy scipy >&2
fi
py="$venv/bin/python"
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
echo "load before: $(uptime)" | tee "$out/load.txt"

# Agora on one case (exporting its QPs), then each peer on every exported design.
case_run() {
    local name=$1
    shift
    echo "=== $name" >&2
    "$agora" bench "$@" --backends ipm --modes centralized --threads 1 \
        --export-qp "$out/$name" | tee "$out/$name.agora.txt" >&2
    for design_dir in "$out/$name"/*/; do
        for solver in clarabel osqp; do
            "$py" "$here/peers.py" "$design_dir" "$solver" --tolerance "$tolerance" \
                --case "$name" >> "$results" \
                || echo "{\"case\": \"$name\", \"solver\": \"$solver\", \"design\": \"$(basename "$design_dir")\", \"error\": \"exit $?\"}" >> "$results"
        done
    done
    [ "${KEEP:-0}" = 1 ] || find "$out/$name" -name '*.f64' -delete
}

ieee=("$repo/examples/ieee14/ieee14.agora" --designs all)
if [ -f "$data_dir/info.csv" ]; then
    ieee+=(--set "data_dir=$(cd "$data_dir" && pwd -P)")
else
    echo "no measured data at $data_dir: the scenario's generated profiles are used" >&2
fi
[ "$steps" = all ] || ieee+=(--steps "$steps")
case_run ieee14 "${ieee[@]}"

for n in $sizes; do
    if [ -n "$max_peers" ] && [ "$n" -gt "$max_peers" ]; then
        echo "dense-$n left out (--max-peers $max_peers)" >&2
        continue
    fi
    "$py" "$here/market.py" "$n" > "$out/dense-$n.agora"
    case_run "dense-$n" "$out/dense-$n.agora"
done
echo "load after: $(uptime)" | tee -a "$out/load.txt"
"$py" "$here/report.py" "$out"
