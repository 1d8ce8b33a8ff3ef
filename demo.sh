#!/usr/bin/env bash
# Starts the demo: the local Okta org (simulator) on 127.0.0.1:9080 and the sample app on
# Payara Micro at http://localhost:8080/sample/. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"

APP_PORT=8080
SIM_PORT=9080
WORK=.demo
PAYARA_VERSION=6.2025.10
mkdir -p "$WORK/payara-root"

for port in $APP_PORT $SIM_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "demo: port $port is already in use; stop what runs there first" >&2
    exit 1
  fi
done

echo "demo: building (tests skipped; ./run-tests.sh runs them)..."
mvn -B -q -DskipTests install
mvn -B -q dependency:copy -Dartifact=fish.payara.extras:payara-micro:$PAYARA_VERSION \
    -DoutputDirectory="$WORK" -Dmdep.stripVersion=true

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 20); do   # up to 10 s for a clean stop, then no more waiting
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive == 0 ]] && return
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

java -jar simulator/target/oie-simulator-*-standalone.jar --port $SIM_PORT > "$WORK/simulator.log" 2>&1 &
pids+=($!)

# Loopback only: the HTTP listeners bound to 127.0.0.1 (preboot file), Hazelcast a cluster of one bound to
# 127.0.0.1 (tcpip, never multicast; socket.bind.any off), no Hazelcast phone-home.
cat > "$WORK/loopback.preboot" <<'PREBOOT'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1
PREBOOT
# The client secret and the API token go in the environment of this one process, never in its arguments (which
# every user of the machine can read in ps): /proc/<pid>/environ is readable by its owner only.
OKTA_OAUTH2_CLIENT_SECRET=demo-client-secret-not-for-production \
OKTA_CLIENT_TOKEN=00demo-management-api-token-not-for-production \
java -Xmx512m -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false \
     -Dokta.oauth2.issuer=http://127.0.0.1:$SIM_PORT/oauth2/default \
     -Dokta.oauth2.clientId=0oa-demo-web-app \
     -Dokta.oauth2.redirectUri=http://localhost:$APP_PORT/sample/authorization-code/callback \
     -Doie.postLogoutRedirectUri=http://localhost:$APP_PORT/sample/oie/signed-out \
     -jar "$WORK/payara-micro.jar" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 --clustername oie-demo --disablephonehome --prebootcommandfile "$WORK/loopback.preboot" \
     --rootdir "$WORK/payara-root" --port $APP_PORT \
     --deploy sample-war/target/sample.war > "$WORK/payara.log" 2>&1 &
pids+=($!)

echo "demo: starting Payara Micro (logs in $WORK/)..."
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://localhost:$APP_PORT/sample/"; then
    cat <<MSG

  oie-filter demo is running.

    Open:      http://localhost:$APP_PORT/sample/
    Sign in:   alice@example.com / Wonderland-2026!
    Activate:  pat@example.com (PROVISIONED): enter it on the sign-in page, read the code in the outbox
    Unlock:    lee@example.com (LOCKED_OUT): "Unlock account?" on the sign-in page, code in the outbox
    Sign up:   open to @example.com addresses (the sample activates that domain only)
    Okta org:  http://127.0.0.1:$SIM_PORT/oauth2/default (the local simulator)
    Outbox:    http://127.0.0.1:$SIM_PORT/admin/outbox.html (emails the org "sent")

  Ctrl-C stops the demo.
MSG
    wait -n "${pids[@]}"
    echo "demo: a process stopped; see $WORK/*.log" >&2
    exit 1
  fi
  sleep 1
done
echo "demo: Payara Micro did not start in 120 s; see $WORK/payara.log" >&2
exit 1
