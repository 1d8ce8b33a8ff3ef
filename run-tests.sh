#!/usr/bin/env bash
# Runs every test: unit tests, the simulator's conformance suite, and the Payara Micro +
# Chromium integration tests. Installs Debian's chromium and chromium-driver when missing.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "run-tests: installing Debian's chromium and chromium-driver for the browser tests"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Hazelcast inside Payara Micro must not phone home (it probes 169.254.169.254 otherwise);
# arquillian.xml passes -Dhazelcast.phone.home.enabled=false too.
export HZ_PHONE_HOME_ENABLED=false
exec mvn -B verify "$@"
