#!/usr/bin/env bash
# The IEEE 14-bus reference case (Sousa et al. 2019, Section 5) over its whole measured year:
# the paper's three designs (full, community, hybrid) and the hybrid design without fees between
# the communities, solved centralized on every backend and decomposed (ADMM). Prints the results
# in the shape of the paper's Tables 4 and 5 next to the paper's numbers, and the throughput
# (wall time, steps/s) of every design × solver.
#
#   bench/ieee14-year.sh                      # the whole year (17520 half-hour steps per design)
#   STEPS=480 bench/ieee14-year.sh            # only the first 480 steps (a quick look)
#   DATA_DIR=/path/to/ieee14-p2p bench/ieee14-year.sh
#   AGORA="java -jar cli/target/agora.jar" bench/ieee14-year.sh   # another build of the CLI
#
# Environment:
#   DATA_DIR  folder with the measured CSV files (default: ../shared/data/ieee14-p2p next to the
#             repository); without it the scenarios' seeded generated profiles are used
#   STEPS     solve only the first STEPS steps (default: all)
#   BACKENDS  backends for centralized solves, comma-separated (default: ipm,ortools; ojalgo
#             takes community and hybrid but refuses the full design, 253 variables)
#   ADMM      1 to also solve by ADMM, 0 to skip it (default: 1)
#   THREADS   worker threads (default: all cores)
#   AGORA     the command line to run (default: bin/agora of this repository)
#
# The measured data are read where they are and never copied (see examples/ieee14/README.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
agora=${AGORA:-"$repo/bin/agora"}
data_dir=${DATA_DIR:-"$repo/../shared/data/ieee14-p2p"}
backends=${BACKENDS:-ipm,ortools}
admm=${ADMM:-1}

common=()
if [ -f "$data_dir/info.csv" ]; then
    data_dir="$(cd "$data_dir" && pwd -P)"
    common+=(--set "data_dir=$data_dir")
    echo "data: measured, $data_dir"
else
    echo "data: $data_dir not found; using the scenarios' generated profiles"
fi
[ -n "${STEPS:-}" ] && common+=(--steps "$STEPS")
[ -n "${THREADS:-}" ] && common+=(--threads "$THREADS")

with_fees="$repo/examples/ieee14/ieee14.agora"
no_fees="$repo/examples/ieee14/ieee14-no-fees.agora"

cat <<'EOF'

The paper (Sousa et al. 2019, Tables 4 and 5; one year, 30 min steps):
Design       Total SW [M$]  Import cost [M$]  Export revenue [M$]  Load [GWh]  Import [GWh]  Export [GWh]  Community exchange [GWh]
Full P2P     45.21          0.072             56.66                401.4       2.1           1041.1        54.4
Community    44.27          2.88              58.95                395.1       45.4          1093.4        0
Hybrid P2P   44.32          2.86              58.71                395.7       44.7          1085.5        9.1
EOF

# One solver over the paper's designs, then the hybrid design without fees.
solve() {
    local label=$1
    shift
    echo
    echo "=== $label: full, community, hybrid"
    $agora run "$with_fees" --design all "${common[@]}" "$@"
    echo "=== $label: hybrid without fees between communities"
    $agora run "$no_fees" --design hybrid "${common[@]}" "$@"
}

status=0
IFS=',' read -r -a backend_list <<< "$backends"
for backend in "${backend_list[@]}"; do
    solve "centralized/$backend" --solve centralized --backend "$backend" || status=1
done
if [ "$admm" = 1 ]; then
    solve "admm" --solve admm || status=1
fi
exit $status
