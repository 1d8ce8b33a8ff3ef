#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md once and prints its figures as Markdown (also in
# benchmarks/target/results/summary.md): the JMH benchmarks in process, the session state sizes, then load.sh
# (Payara Micro 6 and the simulator on free 127.0.0.1 ports: wrk A/B rounds, sign-ins, JFR). About 15 minutes on
# 2 cores. Not part of ./run-tests.sh or mvn verify.
#   ./benchmarks/run.sh          JMH_ARGS="..." overrides the JMH options; see load.sh for its settings
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/target/results
JAR=benchmarks/target/benchmarks.jar
JMH_ARGS=${JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}

echo "run: building (tests skipped; ./run-tests.sh runs them)..."
mvn -B -q -o -Pload package -pl simulator,benchmarks/bench-war,benchmarks -am -DskipTests \
  || mvn -B -q -Pload package -pl simulator,benchmarks/bench-war,benchmarks -am -DskipTests
rm -rf "$OUT"
mkdir -p "$OUT"

echo "run: JMH ($JMH_ARGS)"
echo "load average before JMH: $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/jmh-load.txt"
# shellcheck disable=SC2086
java -jar "$JAR" $JMH_ARGS -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt" 2>&1 || { tail -40 "$OUT/jmh.txt"; exit 1; }
echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/jmh-load.txt"
sed -n '/^Benchmark /,$p' "$OUT/jmh.txt"

echo "run: session state sizes"
java -cp "$JAR" io.oiefilter.bench.jmh.SessionSizes "$OUT/sizes.json" 2>/dev/null | grep '^serialized'

./benchmarks/load.sh --no-build
