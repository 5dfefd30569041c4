#!/usr/bin/env bash
# Installs whatever the project needs and is missing; a no-op (a few seconds) when everything is there.
# Called by `npm start` and `npm test`, so both work on a fresh clone. Safe to run again at any time.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null; then fail "$1 is missing and apt-get is not available: install $1 yourself"; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "$1 is missing: install it (apt-get install $*) or run setup as root"
    sudo="sudo -n"
  fi
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    $sudo apt-get update -qq >/dev/null
    apt_updated=1
  fi
  shift
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Node.js ---------------------------------------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"

# --- Java 17+ and Maven (Kafka runs from the official jars) ------------------------------------------
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then
  apt_install "Java 17" openjdk-17-jre-headless
fi
command -v mvn >/dev/null || apt_install Maven maven
# kcat: an independent Kafka client the conformance tests cross-check kafkajs with.
command -v kcat >/dev/null || apt_install kcat kcat
# Chromium: the console's end-to-end tests drive Debian's build through playwright-core (which downloads nothing).
command -v chromium >/dev/null || apt_install Chromium chromium

# --- npm dependencies ------------------------------------------------------------------------------
# `npm ci` rejects our lockfile on this registry: it lacks some other platforms' optional binaries
# (@swc/core-darwin-*, @nx/nx-win32-*), so `npm install` writes a lockfile without them and `npm ci`
# then reports them "Missing". `npm install` with the committed lockfile installs exactly the locked
# versions, so that is what we run, and only when the lockfile changed since the last install.
stamp=node_modules/.leadscore-lock.sha256
want=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "npm install (locked versions)"
  npm install --no-audit --no-fund --loglevel=error
  # npm may normalise the lockfile it just honoured; record the hash of what is now on disk.
  sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1 >"$stamp"
fi

# --- Kafka 4.4 jars from Maven Central --------------------------------------------------------------
kafka_jar=$(ls tools/kafka/lib/kafka_2.13-4.4.0.jar 2>/dev/null || true)
if [ -z "$kafka_jar" ]; then
  say "fetching Kafka 4.4.0 jars from Maven Central (mvn)"
  rm -rf tools/kafka/lib
  mvn -q -B -f tools/kafka/pom.xml dependency:copy-dependencies
fi

# --- build (swc, cached by Nx) ---------------------------------------------------------------------
mkdir -p .local
say "build"
NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build --parallel=2 --outputStyle=static >"$root/.local/build.log" 2>&1 \
  || { cat "$root/.local/build.log" >&2; fail "build failed (log above)"; }
rm -f "$root/.local/build.log"
# npm links a workspace's bin only when its file exists: after the first build, link `leadscore` (npx leadscore).
[ -e node_modules/.bin/leadscore ] || npm rebuild @leadscore/cli --loglevel=error >/dev/null
say "ready"
