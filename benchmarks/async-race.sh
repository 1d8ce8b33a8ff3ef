#!/usr/bin/env bash
# Does the container lose or double an asynchronous answer? Plain servlet code, no oie-filter: the bench WAR's
# AsyncRaceServlet answers in four ways (another thread dispatching at once or after 100 ms, the request thread
# dispatching, another thread completing), each COUNT times at CONCURRENCY, and AsyncRace counts what came back.
# On Payara Micro 6 (the it-tests' version) on free 127.0.0.1 ports: phone-home off, Hazelcast a cluster of one on
# 127.0.0.1 (--nocluster would still listen on every interface). Bounded in count and time; Payara is stopped by
# PID. See README "Asynchronous servlets". About 3 minutes.
#   ./benchmarks/async-race.sh [--no-build]      COUNT (20000), CONCURRENCY (8), RACE_SECONDS (120 per way)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-20000}
CONCURRENCY=${CONCURRENCY:-8}
SECONDS_PER_WAY=${RACE_SECONDS:-120}
JAR=benchmarks/target/benchmarks.jar
WORK=benchmarks/target/async-race

if [[ ${1:-} != --no-build ]]; then
  echo "async-race: building the bench WAR and the driver (tests skipped)..."
  mvn -B -q -o -Pload package -pl benchmarks/bench-war,benchmarks -am -DskipTests \
    || mvn -B -q -Pload package -pl benchmarks/bench-war,benchmarks -am -DskipTests
fi
PAYARA_JAR=$(ls benchmarks/target/payara/payara-micro-6.*.jar 2>/dev/null | head -1)
if [[ -z $PAYARA_JAR ]]; then echo "async-race: no Payara Micro 6 in benchmarks/target/payara/: build with -Pload" >&2; exit 1; fi

rm -rf "$WORK"
mkdir -p "$WORK/payara-root"
PORTS=($(java -cp "$JAR" io.oiefilter.bench.load.FreePorts 2))
PORT=${PORTS[0]} HZ_PORT=${PORTS[1]}
cp benchmarks/bench-war/target/bench-bare-local.war "$WORK/"
HZ_PHONE_HOME_ENABLED=false java -Xmx512m -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
  -jar "$PAYARA_JAR" --port "$PORT" --disablephonehome \
  --prebootcommandfile it-tests/src/test/resources/payara-loopback.preboot --clustermode "tcpip:127.0.0.1:$HZ_PORT" \
  --interfaces 127.0.0.1 --startport "$HZ_PORT" --clustername "oie-race-$HZ_PORT" --rootdir "$WORK/payara-root" \
  --deploy "$WORK/bench-bare-local.war" > "$WORK/payara.log" 2>&1 &
PAYARA_PID=$!
stop() {
  kill "$PAYARA_PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$PAYARA_PID" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$PAYARA_PID" 2>/dev/null || true
}
trap stop EXIT INT TERM

BASE=http://127.0.0.1:$PORT/bench-bare-local
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$BASE/pub/static.txt" && break
  kill -0 "$PAYARA_PID" 2>/dev/null || { echo "async-race: Payara stopped; see $WORK/payara.log" >&2; exit 1; }
  sleep 1
done
echo "async-race: $(basename "$PAYARA_JAR" .jar) on $BASE, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$JAR" io.oiefilter.bench.load.AsyncRace "$BASE" "$COUNT" "$CONCURRENCY" "$SECONDS_PER_WAY" | tee "$WORK/results.md"
