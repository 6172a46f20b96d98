#!/usr/bin/env bash
# Backup and restore, tested end to end (README "Backup and restore"): for PostgreSQL (pg_dump / pg_restore) and
# for the embedded H2 file database (H2's Script / RunScript tools). For each: start Kyodo, create projects,
# tasks and history through the REST API, stop, back up, restore into a new database, start again and check
# that every process instance, task, history entry and registry row is there and that work goes on.
# Usage (repository root, after ./mvnw package): reliability/backup-restore.sh [postgres|h2|all]
# PostgreSQL needs a local server where `runuser -u postgres -- psql` works (as .ci/run sets up).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
jar=target/kyodo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests"; exit 2; }
port=${KYODO_BACKUP_TEST_PORT:-8095}
base=http://localhost:$port
work=$(mktemp -d)
app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"' EXIT

start_app() { # extra arguments for java -jar
  java -jar "$jar" --server.port=$port --camunda.bpm.job-execution.enabled=false "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "$base/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  echo "application did not start:"; tail -40 "$work/app.log"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

rest() { curl -fsS -u admin:admin -H 'Content-Type: application/json' "$@"; }
proposal='{"variables":{"title":{"value":"バックアップ確認の提案"},"issue":{"value":"課題"},"content":{"value":"内容"},"expectedEffect":{"value":"効果"}}}'

create_data() {
  for user in hikari midori; do
    curl -fsS -u $user:$user -H 'Content-Type: application/json' -X POST \
      "$base/engine-rest/process-definition/key/examination/submit-form" -d "$proposal" >/dev/null
  done
  task=$(rest "$base/engine-rest/task?taskDefinitionKey=AssignDepartment&maxResults=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)[0]["id"])')
  curl -fsS -u tanaka:tanaka -H 'Content-Type: application/json' -X POST "$base/engine-rest/task/$task/submit-form" \
    -d '{"variables":{"departmentGroup":{"value":"dept-fukushi"}}}' >/dev/null
}

snapshot() { # counts that must survive: instances, tasks, history, variables, registry
  printf 'instances=%s tasks=%s history=%s variables=%s organisations=%s\n' \
    "$(rest "$base/engine-rest/process-instance/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/engine-rest/task/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/engine-rest/history/activity-instance/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/engine-rest/history/variable-instance/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/api/organisations?limit=200" | python3 -c 'import sys,json; print(len(json.load(sys.stdin)))')"
}

work_goes_on() { # the restored copy accepts work: the other proposal's open intake task is completed
  task=$(rest "$base/engine-rest/task?taskDefinitionKey=AssignDepartment&maxResults=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)[0]["id"])')
  curl -fsS -u tanaka:tanaka -H 'Content-Type: application/json' -X POST "$base/engine-rest/task/$task/submit-form" \
    -d '{"variables":{"departmentGroup":{"value":"dept-kankyo"}}}' -o /dev/null -w '%{http_code}' | grep -q 204
}

compare() { # before after
  if [ "$1" != "$2" ]; then echo "FAIL: before $1, after $2"; exit 1; fi
  echo "same after restore: $2"
}

if [ "$which" = postgres ] || [ "$which" = all ]; then
  echo "== PostgreSQL: pg_dump / pg_restore =="
  psql_admin() { runuser -u postgres -- psql -qtAc "$1"; }
  for db in kyodo_backup_src kyodo_backup_dst; do
    psql_admin "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
    psql_admin "CREATE DATABASE $db OWNER kyodo" >/dev/null
  done
  pg_args=(--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://localhost:5432/kyodo_backup_src)
  start_app "${pg_args[@]}"
  create_data
  before=$(snapshot)
  stop_app
  PGPASSWORD=kyodo pg_dump -h localhost -U kyodo -Fc -f "$work/kyodo.dump" kyodo_backup_src
  PGPASSWORD=kyodo pg_restore -h localhost -U kyodo --no-owner -d kyodo_backup_dst "$work/kyodo.dump"
  start_app --spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://localhost:5432/kyodo_backup_dst
  compare "$before" "$(snapshot)"
  work_goes_on && echo "the restored database takes new work"
  stop_app
  psql_admin "DROP DATABASE kyodo_backup_src" >/dev/null
  psql_admin "DROP DATABASE kyodo_backup_dst" >/dev/null
fi

if [ "$which" = h2 ] || [ "$which" = all ]; then
  echo "== H2: Script / RunScript =="
  h2() { java -cp "$jar" -Dloader.main="$1" org.springframework.boot.loader.launch.PropertiesLauncher "${@:2}"; }
  start_app --spring.datasource.url="jdbc:h2:file:$work/src/kyodo"
  create_data
  before=$(snapshot)
  stop_app
  h2 org.h2.tools.Script -url "jdbc:h2:file:$work/src/kyodo" -user sa -script "$work/kyodo-backup.zip" -options compression zip
  h2 org.h2.tools.RunScript -url "jdbc:h2:file:$work/dst/kyodo" -user sa -script "$work/kyodo-backup.zip" -options compression zip
  start_app --spring.datasource.url="jdbc:h2:file:$work/dst/kyodo"
  compare "$before" "$(snapshot)"
  work_goes_on && echo "the restored database takes new work"
  stop_app
fi
echo "backup and restore: OK"
