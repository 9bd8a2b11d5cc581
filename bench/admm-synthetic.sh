#!/usr/bin/env bash
# ADMM on a synthetic full P2P market (one grid, half producers, half consumers, seeded random
# quadratic costs and bounds): 1,000 peers give about 250,000 trade links. Prints the set-up time
# and, per step, wall time, iterations, residuals, messages and bytes (steps after the first start
# warm from the previous one), then solves the first step centrally on ipm and prints how far
# the ADMM objective is from it.
#
#   bench/admm-synthetic.sh                 # 1000 peers, 3 steps, the default tolerance (1e-7)
#   PEERS=2000 STEPS=1 TOLERANCE=1e-6 bench/admm-synthetic.sh
#
# Environment: PEERS (1000), STEPS (3), TOLERANCE (solver default), THREADS (0 = all cores),
# JAVA_OPTS (-Xmx8g).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
echo "building (mvn -q -DskipTests -pl cli -am package, market test classes) ..." >&2
mvn -q -B -Dstyle.color=never -DskipTests -pl cli -am package >&2
mvn -q -B -Dstyle.color=never -DskipTests -pl market test-compile >&2
tolerance=${TOLERANCE:-1e-7}
# shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
exec java ${JAVA_OPTS:--Xmx8g} -cp "market/target/test-classes:cli/target/agora.jar" \
    agora.market.admm.AdmmBenchmark "${PEERS:-1000}" "${STEPS:-3}" "$tolerance" "${THREADS:-0}" centralized
