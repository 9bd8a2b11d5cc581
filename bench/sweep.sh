#!/usr/bin/env bash
# agora sweep against a shell loop of agora run: 8 values of the IEEE 14-bus case's fee_scale x
# the paper's three designs over a month of half hours, embedded Spark (local[*]) against 24
# sequential `agora run` calls. Prints both wall times, Spark's overhead per task, and what a study
# of 1,000 variants x a year x 3 designs would take on 1, 10 and 100 executors of 2 cores, from
# the per-step and per-task figures measured here.
#
#   bench/sweep.sh                   # a month (1440 steps) per variant and design
#   STEPS=96 bench/sweep.sh          # a quick look
#   DATA_DIR=/path/to/ieee14-p2p bench/sweep.sh
#
# Environment:
#   DATA_DIR  folder with the measured CSV files (default: ../shared/data/ieee14-p2p next to the
#             repository, read in place); without it the generated profiles are used
#   STEPS     steps per variant and design (default: 1440, a month of half hours)
#   BLOCK     steps per sweep task (default: the sweep's own, 672)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
agora="$repo/bin/agora"
data_dir=${DATA_DIR:-"$repo/../shared/data/ieee14-p2p"}
steps=${STEPS:-1440}
file="$repo/examples/ieee14/ieee14.agora"
fees=(0 0.25 0.5 0.75 1 1.5 2 3)
designs=(full community hybrid)
cores=$(nproc)
year_steps=17520

common=(--steps "$steps")
if [ -f "$data_dir/info.csv" ]; then
    data_dir="$(cd "$data_dir" && pwd -P)"
    common+=(--set "data_dir=$data_dir")
    echo "data: measured, $data_dir"
else
    echo "data: $data_dir not found; using the generated profiles"
fi
block=()
[ -n "${BLOCK:-}" ] && block=(--block-steps "$BLOCK")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

# Build both command lines first, so that no build is timed.
"$agora" --version >/dev/null
"$agora" sweep --version >/dev/null

echo "Spark start-up: a sweep of 1 step of 1 design"
t0=$(now)
"$agora" sweep "$file" --design hybrid --steps 1 >/dev/null 2>"$work/startup.err"
startup=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
echo "  $startup s"

echo "sweep: ${#fees[@]} variants x ${#designs[@]} designs x $steps steps, embedded"
list=$(IFS=,; echo "${fees[*]}")
t0=$(now)
"$agora" sweep "$file" --vary "fee_scale=$list" --design full,community,hybrid "${common[@]}" \
    "${block[@]}" --out "$work/sweep" >"$work/sweep.out" 2>"$work/sweep.err"
sweep_wall=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
grep '^agora sweep:' "$work/sweep.err"

echo "loop: ${#fees[@]} x ${#designs[@]} = $(( ${#fees[@]} * ${#designs[@]} )) sequential agora run calls"
t0=$(now)
for fee in "${fees[@]}"; do
    for design in "${designs[@]}"; do
        "$agora" run "$file" --set "fee_scale=$fee" --design "$design" "${common[@]}" >/dev/null 2>>"$work/loop.err"
    done
done
loop_wall=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')

# The sweep's own account: "N tasks in W s (S s of solving per task on average)"
line=$(grep '^agora sweep: [0-9]* tasks in' "$work/sweep.err")
tasks=$(echo "$line" | sed -E 's/^agora sweep: ([0-9]+) tasks in ([0-9.]+) s \(([0-9.]+) s of solving.*/\1/')
spark_wall=$(echo "$line" | sed -E 's/^agora sweep: ([0-9]+) tasks in ([0-9.]+) s \(([0-9.]+) s of solving.*/\2/')
per_task=$(echo "$line" | sed -E 's/^agora sweep: ([0-9]+) tasks in ([0-9.]+) s \(([0-9.]+) s of solving.*/\3/')

# Seconds of solving per step of each design, from sweep.csv's task_seconds (column by name).
per_step=$(awk -F, -v steps="$steps" -v variants="${#fees[@]}" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { t[$col["design"]] += $col["task_seconds"] }
    END { for (d in t) printf "%s %.6f\n", d, t[d] / (variants * steps) }' "$work/sweep/sweep.csv")

echo
echo "=== results ($cores cores)"
echo "sweep (embedded Spark, one JVM):  $sweep_wall s wall, of which Spark's job $spark_wall s for $tasks tasks"
echo "loop (24 x agora run):           $loop_wall s wall"
awk -v w="$spark_wall" -v c="$cores" -v n="$tasks" -v s="$per_task" 'BEGIN {
    o = (w * c - n * s) / n
    printf "Spark overhead per task:         %.3f s (job wall x cores - solving, per task)\n", o }'
echo "seconds of solving per step:"
echo "$per_step" | sed 's/^/  /'

echo
echo "=== extrapolation: 1,000 variants x a year ($year_steps steps) x 3 designs"
echo "$per_step" | awk -v w="$spark_wall" -v c="$cores" -v n="$tasks" -v s="$per_task" \
    -v year="$year_steps" -v start="$startup" -v block="${BLOCK:-672}" '
    { cpu_step += $2 }
    END {
        overhead = (w * c - n * s) / n
        tasks = 1000 * 3 * int((year + block - 1) / block)
        cpu = 1000 * year * cpu_step + tasks * overhead
        printf "%d tasks; %.0f core-hours of solving and overhead\n", tasks, cpu / 3600
        split("1 10 100", executors, " ")
        for (i = 1; i <= 3; i++) {
            e = executors[i]
            wall = cpu / (2 * e) + start
            printf "  %3d executors x 2 cores: %8.1f h\n", e, wall / 3600
        }
    }'
