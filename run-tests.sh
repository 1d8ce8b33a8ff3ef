#!/usr/bin/env bash
# Runs every test: unit tests, the simulator's conformance suite, and the Payara Micro +
# Chromium integration tests. Installs Debian's chromium and chromium-driver, a Japanese font, and Node and npm,
# when missing.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "run-tests: installing Debian's chromium and chromium-driver for the browser tests"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# A Japanese font, so that the screenshots of the Japanese pages show the text (Chromium draws boxes without one).
if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=ja 2>/dev/null)" ]]; then
  echo "run-tests: installing Debian's fonts-ipafont-gothic for the Japanese pages' screenshots"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-ipafont-gothic >/dev/null
fi

# Okta's own JavaScript clients (AuthJsIT in Node, SignInWidgetIT in Chromium) are installed by the build with
# npm ci; they need Node 20 or later and npm. Debian's are installed when missing (bookworm's Node 18 is older than
# auth-js 8 asks for: the machine images of this project carry Node 20).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "run-tests: installing Debian's nodejs and npm for the JavaScript client tests"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
if [[ $(node -p 'process.versions.node.split(".")[0]') -lt 20 ]]; then
  echo "run-tests: warning: Node $(node --version) is older than @okta/okta-auth-js 8 supports (20 or later)"
fi

# Hazelcast inside Payara Micro must not phone home (it probes 169.254.169.254 otherwise);
# arquillian.xml passes -Dhazelcast.phone.home.enabled=false too.
export HZ_PHONE_HOME_ENABLED=false
exec mvn -B verify "$@"
