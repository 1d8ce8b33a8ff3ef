#!/usr/bin/env bash
# The server-level benchmarks (BENCHMARKS.md): the bench WAR with and without the filter, sessions local and
# replicated, on one Payara Micro 6 next to the simulator, both on free 127.0.0.1 ports. wrk (Debian's; installed
# when missing) keeps cookies like a browser (cookies.lua); A/B variants alternate over several rounds. Then sign-ins:
# one at a time (wall time per step minus the simulator's own), bounded-concurrency (sign-ins per second, Payara's
# CPU per sign-in from /proc), phased (CPU per step), and again under JFR (where the request threads' CPU goes).
# Everything is bounded in count and time; what it started is stopped by PID. Results: benchmarks/target/results/.
#   ./benchmarks/load.sh [--no-build]        (settings below can be given in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}                        # A/B rounds of the GET comparisons
WRK_SECONDS=${WRK_SECONDS:-8}              # per variant and round
WARM_SECONDS=${WARM_SECONDS:-10}           # per variant, once, before the rounds
WRK_THREADS=${WRK_THREADS:-2}              # one browser (session) per wrk thread
WRK_CONNECTIONS=${WRK_CONNECTIONS:-8}
SIGNIN_CONCURRENCY=${SIGNIN_CONCURRENCY:-4}
SIGNIN_WARMUP=${SIGNIN_WARMUP:-150}
SIGNIN_COUNT=${SIGNIN_COUNT:-300}
LATENCY_WARMUP=${LATENCY_WARMUP:-20}
LATENCY_COUNT=${LATENCY_COUNT:-60}
JFR_BROWSERS=${JFR_BROWSERS:-150}

OUT=benchmarks/target/results
WORK=benchmarks/target/load
JAR=benchmarks/target/benchmarks.jar
WARS=benchmarks/bench-war/target

if [[ ${1:-} != --no-build ]]; then
  echo "load: building the simulator, the bench WARs and the drivers (tests skipped)..."
  mvn -B -q -o -Pload package -pl simulator,benchmarks/bench-war,benchmarks -am -DskipTests \
    || mvn -B -q -Pload package -pl simulator,benchmarks/bench-war,benchmarks -am -DskipTests
fi

if ! command -v wrk >/dev/null; then
  echo "load: installing Debian's wrk"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

# Payara Micro 6 in the it-tests' version (${payara-micro.version}), copied from Maven by the pom's "load" profile.
PAYARA_JAR=$(ls benchmarks/target/payara/payara-micro-6.*.jar 2>/dev/null | head -1)
if [[ -z $PAYARA_JAR ]]; then echo "load: no Payara Micro 6 in benchmarks/target/payara/: build with -Pload" >&2; exit 1; fi

rm -rf "$WORK" "$OUT/wrk.tsv" "$OUT"/signin-*.json "$OUT"/jfr-* "$OUT"/load-*.md
mkdir -p "$WORK/payara-root" "$OUT"
PORTS=($(java -cp "$JAR" io.oiefilter.bench.load.FreePorts 3))
SIM_PORT=${PORTS[0]} APP_PORT=${PORTS[1]} HZ_PORT=${PORTS[2]}
SIM=http://127.0.0.1:$SIM_PORT
APP=http://127.0.0.1:$APP_PORT

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do   # up to 20 s for a clean stop, then no more waiting
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive == 0 ]] && return
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

{
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
  echo "jdk: $(java -version 2>&1 | head -2 | tail -1)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "payara: $(basename "$PAYARA_JAR" .jar)"
  echo "settings: rounds=$ROUNDS wrk=${WRK_SECONDS}s -t$WRK_THREADS -c$WRK_CONNECTIONS warm=${WARM_SECONDS}s signIns=$SIGNIN_COUNT@$SIGNIN_CONCURRENCY (warm-up $SIGNIN_WARMUP) latency=$LATENCY_COUNT jfrBrowsers=$JFR_BROWSERS"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"

echo "load: simulator on $SIM, Payara Micro on $APP (logs in $WORK/)"
java -Xmx512m -jar simulator/target/oie-simulator-*-standalone.jar --port "$SIM_PORT" > "$WORK/simulator.log" 2>&1 &
pids+=($!)

# Loopback only (as demo.sh and the it-tests): HTTP listeners on 127.0.0.1 by a preboot file, Hazelcast a cluster
# of one on 127.0.0.1 (tcpip, never multicast, socket.bind.any off) so that distributable apps really use its store,
# no phone-home. The client secret goes through the environment, not the command line.
cat > "$WORK/loopback.preboot" <<'PREBOOT'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1
PREBOOT
for v in filter-local bare-local filter-repl bare-repl; do cp "$WARS/bench-$v.war" "$WORK/"; done
HZ_PHONE_HOME_ENABLED=false OKTA_OAUTH2_CLIENT_SECRET=demo-client-secret-not-for-production \
java -Xmx1g -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
     -Dokta.oauth2.issuer="$SIM/oauth2/default" -Dokta.oauth2.clientId=0oa-demo-web-app \
     -Dokta.oauth2.redirectUri=http://localhost:8080/sample/authorization-code/callback \
     -jar "$PAYARA_JAR" --port "$APP_PORT" --disablephonehome \
     --prebootcommandfile "$WORK/loopback.preboot" --clustermode "tcpip:127.0.0.1:$HZ_PORT" --interfaces 127.0.0.1 \
     --startport "$HZ_PORT" --clustername "oie-bench-$HZ_PORT" --rootdir "$WORK/payara-root" \
     --deploy "$WORK/bench-filter-local.war" --deploy "$WORK/bench-bare-local.war" \
     --deploy "$WORK/bench-filter-repl.war" --deploy "$WORK/bench-bare-repl.war" > "$WORK/payara.log" 2>&1 &
PAYARA_PID=$!
pids+=($PAYARA_PID)

wait_for() { # url what seconds
  for _ in $(seq 1 "$3"); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "load: a process stopped; see $WORK/*.log" >&2; exit 1; }; done
    sleep 1
  done
  echo "load: $2 did not answer in $3 s; see $WORK/*.log" >&2
  exit 1
}
wait_for "$SIM/oauth2/default/.well-known/openid-configuration" "the simulator" 60
for v in filter-local bare-local filter-repl bare-repl; do wait_for "$APP/bench-$v/pub/static.txt" "bench-$v" 300; done
echo "load: started (Payara PID $PAYARA_PID)"

driver() { java -cp "$JAR" io.oiefilter.bench.load.SignInLoad "$@"; }
sessions() { driver sessions "$1" "$WRK_THREADS" "$2" | tr '\n' '\t'; }

# group variant path cookies(tab-separated, one per wrk thread; "-" none)
declare -A PATH_OF COOKIES_OF
PATH_OF[local-filter]=bench-filter-local/app/static.txt
PATH_OF[local-bare]=bench-bare-local/app/static.txt
PATH_OF[local-baresession]=bench-bare-local/app/static.txt   # the same, sending a session cookie of its own: what a session costs
PATH_OF[repl-filter]=bench-filter-repl/app/static.txt
PATH_OF[repl-bare]=bench-bare-repl/app/static.txt
PATH_OF[repl-sessionjsp]=bench-bare-repl/pub/session.jsp
PATH_OF[public-filter]=bench-filter-local/pub/static.txt
PATH_OF[public-bare]=bench-bare-local/pub/static.txt
VARIANTS=(local-filter local-bare local-baresession repl-filter repl-bare repl-sessionjsp public-filter public-bare)

measure() { # variant seconds round
  local v=$1 cookies=()
  IFS=$'\t' read -r -a cookies <<< "${COOKIES_OF[$v]:--}"
  local line
  line=$(wrk -t "$WRK_THREADS" -c "$WRK_CONNECTIONS" -d "${2}s" -s benchmarks/cookies.lua "$APP/${PATH_OF[$v]}" -- "${cookies[@]}" \
         | grep '^RESULT' || true)
  if [[ -z $line ]]; then echo "load: wrk gave no result for $v" >&2; exit 1; fi
  if [[ $3 =~ ^[0-9]+$ ]]; then   # a measured round (not "warm" or "profiled")
    printf '%s\t%s\t%s\t%s\n' "$v" "$3" "$(cut -d' ' -f1 /proc/loadavg)" "${line#RESULT }" >> "$OUT/wrk.tsv"
  fi
  echo "  $v round $3: ${line#RESULT }"
}

echo "load: signing in the wrk browsers"
COOKIES_OF[local-filter]=$(sessions "$APP/bench-filter-local/" signin)
COOKIES_OF[repl-filter]=$(sessions "$APP/bench-filter-repl/" signin)
COOKIES_OF[local-baresession]=$(sessions "$APP/bench-bare-local/" visit:pub/session.jsp)
COOKIES_OF[repl-sessionjsp]=$(sessions "$APP/bench-bare-repl/" visit:pub/session.jsp)

echo "load: warming up each variant (${WARM_SECONDS}s)"
for v in "${VARIANTS[@]}"; do measure "$v" "$WARM_SECONDS" warm; done
echo "load: $ROUNDS rounds of ${WRK_SECONDS}s per variant, the order reversed every other round"
for r in $(seq 1 "$ROUNDS"); do
  order=("${VARIANTS[@]}")
  if (( r % 2 == 0 )); then order=($(printf '%s\n' "${VARIANTS[@]}" | tac)); fi
  for v in "${order[@]}"; do measure "$v" "$WRK_SECONDS" "$r"; done
done

SIGNIN_APP=$APP/bench-filter-local/
echo "load: sign-ins one at a time ($LATENCY_WARMUP warm-up, $LATENCY_COUNT measured)"
echo "load average before the sign-ins: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
driver latency "$SIGNIN_APP" "$SIM" "$LATENCY_WARMUP" "$LATENCY_COUNT" "$OUT/signin-latency.json" > /dev/null
echo "load: sign-ins $SIGNIN_CONCURRENCY at a time ($SIGNIN_WARMUP warm-up, $SIGNIN_COUNT measured, at most 240 s each)"
driver throughput "$SIGNIN_APP" "$SIM" "$PAYARA_PID" "$SIGNIN_CONCURRENCY" "$SIGNIN_WARMUP" "$SIGNIN_COUNT" 240 \
  "$OUT/signin-throughput.json" > /dev/null
echo "load: $JFR_BROWSERS phased sign-ins (every browser step 1, then step 2, then 3: CPU per step)"
driver phased "$SIGNIN_APP" "$SIM" "$PAYARA_PID" "$SIGNIN_CONCURRENCY" "$JFR_BROWSERS" "$OUT/signin-phased.json" > /dev/null

# JFR (the JDK's recorder, started by jcmd as -XX:StartFlightRecording would, but only now, so that nothing above ran
# profiled): the profile settings with Java stacks sampled every 2 ms instead of 10; a signed-in GET through the
# filter per session mode, then the phased sign-ins again.
echo "load: profiling with JFR: signed-in GETs (${WRK_SECONDS}s each), then $JFR_BROWSERS phased sign-ins"
sed 's/control="method-sampling-java-interval">[0-9]* ms/control="method-sampling-java-interval">2 ms/' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$WORK/bench.jfc"
jcmd "$PAYARA_PID" JFR.start name=oie-bench settings="$(pwd)/$WORK/bench.jfc" > /dev/null
now() { date -u +%Y-%m-%dT%H:%M:%S.%NZ; }
windows=()
for v in local-filter repl-filter; do
  from=$(now); measure "$v" "$WRK_SECONDS" profiled > /dev/null; windows+=("{\"step\":\"$v\",\"from\":\"$from\",\"to\":\"$(now)\"}")
done
(IFS=,; echo "{\"steps\":[${windows[*]}]}") > "$OUT/jfr-get-windows.json"
driver phased "$SIGNIN_APP" "$SIM" "$PAYARA_PID" "$SIGNIN_CONCURRENCY" "$JFR_BROWSERS" "$OUT/jfr-signin-windows.json" > /dev/null
jcmd "$PAYARA_PID" JFR.dump name=oie-bench filename="$(pwd)/$OUT/jfr-bench.jfr" > /dev/null
jcmd "$PAYARA_PID" JFR.stop name=oie-bench > /dev/null
jfr summary "$OUT/jfr-bench.jfr" > "$OUT/jfr-summary.txt"
java -cp "$JAR" io.oiefilter.bench.load.JfrSteps "$OUT/jfr-bench.jfr" "$OUT/jfr-signin-windows.json" "$OUT/jfr-steps.md" "sign-in step" > /dev/null
java -cp "$JAR" io.oiefilter.bench.load.JfrSteps "$OUT/jfr-bench.jfr" "$OUT/jfr-get-windows.json" "$OUT/jfr-get.md" "signed-in GET" > /dev/null
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

cleanup
pids=()
java -cp "$JAR" io.oiefilter.bench.load.Report "$OUT"
