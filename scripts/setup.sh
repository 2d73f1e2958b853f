#!/usr/bin/env bash
# Installs what Kinline needs beyond npm packages, idempotently: Neo4j from Maven Central (via
# the embedded launcher's pom) and Debian's Chromium for the browser tests. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }

if ! need java || ! need javac || ! need mvn; then
  echo "[setup] Java 17+ and Maven are required for the embedded Neo4j." >&2
  if [ "$(id -u)" = 0 ] && need apt-get; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
  else
    echo "[setup] install a JDK 17 and Maven, or set NEO4J_URI to an existing Neo4j." >&2
    [ -n "${NEO4J_URI:-}" ] || exit 1
  fi
fi

if [ -z "${NEO4J_URI:-}" ]; then
  npx tsx -e "import('./graph/neo4j/embedded.ts').then((m) => m.prepareEmbeddedNeo4j())"
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && need apt-get; then
    echo "[setup] installing Debian's Chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[setup] Chromium is missing: run 'sudo apt-get install chromium' (browser tests need it)." >&2
    exit 1
  fi
fi
