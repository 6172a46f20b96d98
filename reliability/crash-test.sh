#!/usr/bin/env bash
# Crash test (docs/reliability.md): Kyodo on PostgreSQL under load from 4 concurrent clients that carry projects
# through the whole lifecycle over REST, killed with kill -9 at random moments and restarted, again and again;
# then every answer the clients got is compared with the engine's history and Kyodo's tables (nothing lost,
# duplicated or stuck, no incident, timers fired, the app's tables agree with the engine). Prints a summary and
# exits non-zero on any loss.
# Usage (repository root, after ./mvnw package): reliability/crash-test.sh [--short] [--kills N] [--summary FILE]
#   --short   2 kills at shorter intervals (about 3 minutes; what .ci/run runs)
# Needs a local PostgreSQL where `runuser -u postgres -- psql` works (as .ci/run sets up), python3 and curl.
# Creates its own database kyodo_rel_crash (KYODO_CRASH_DB) and drops it at the end; port 8087 (KYODO_CRASH_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/kyodo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests"; exit 2; }
db=${KYODO_CRASH_DB:-kyodo_rel_crash}
port=${KYODO_CRASH_PORT:-8087}
kills=5 min=15 max=35 summary=
while [ $# -gt 0 ]; do
  case "$1" in
    --short) kills=2 min=10 max=20 ;;
    --kills) kills=$2; shift ;;
    --summary) summary=$2; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
  shift
done
work=$(mktemp -d /tmp/kyodo-crash.XXXXXX)
. reliability/scratch-database.sh
python3 reliability/kyodo_load.py crash --database "$db" --workdir "$work" --port "$port" --clients 4 \
  --kills "$kills" --min-interval "$min" --max-interval "$max" ${summary:+--summary "$summary"}
