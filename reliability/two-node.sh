#!/usr/bin/env bash
# Two nodes on one database (docs/reliability.md): two Kyodo JVMs on different ports share one PostgreSQL
# database, both with the job executor on (Camunda's homogeneous cluster). The first deploys the models, the
# second finds them deployed; 4 clients spread the whole lifecycle over both; about one task completion in three
# is sent to both nodes at the same moment (one must win, the other get 409/404 with a Japanese message, never a
# 5xx); both nodes are restarted together at the end (still one deployment). Then the same checks as the crash
# test: nothing lost or duplicated, every side effect once, timers fired by the job executors, tables agree.
# Usage (repository root, after ./mvnw package): reliability/two-node.sh [--projects N] [--summary FILE]
# Needs a local PostgreSQL where `runuser -u postgres -- psql` works, and python3. Creates its own database
# kyodo_rel_cluster (KYODO_CLUSTER_DB) and drops it at the end; ports 8088 and 8089 (KYODO_CLUSTER_PORTS).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/kyodo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests"; exit 2; }
db=${KYODO_CLUSTER_DB:-kyodo_rel_cluster}
read -r port_a port_b <<<"${KYODO_CLUSTER_PORTS:-8088 8089}"
projects=3 summary=
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) projects=$2; shift ;;
    --summary) summary=$2; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
  shift
done
work=$(mktemp -d /tmp/kyodo-cluster.XXXXXX)
. reliability/scratch-database.sh
python3 reliability/kyodo_load.py two-node --database "$db" --workdir "$work" --port "$port_a" --port-b "$port_b" \
  --clients 4 --projects "$projects" ${summary:+--summary "$summary"}
