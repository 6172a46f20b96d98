#!/usr/bin/env bash
# Backup and restore, tested end to end (docs/operations.md, "Backup and restore"): for PostgreSQL (pg_dump / pg_restore) and
# for the embedded H2 file database (H2's Script / RunScript tools). For each: start Kyodo, create projects,
# tasks and history through the REST API, stop, back up, restore into a new database, start again and check
# that every process instance, task, history entry, registry and project row is there and that work goes on: tasks
# open before the backup are completed by their people, a new project is proposed, numbered and taken in. Exits
# non-zero with the reason (and the application's last log lines) when anything of this fails.
# Usage (repository root, after ./mvnw package): reliability/backup-restore.sh [postgres|h2|all]
# PostgreSQL needs a local server where `runuser -u postgres -- psql` works (as .ci/run sets up); the databases
# <KYODO_BACKUP_DB>_src and _dst (default kyodo_backup) are created and dropped, the app listens on KYODO_BACKUP_TEST_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
jar=target/kyodo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests"; exit 2; }
port=${KYODO_BACKUP_TEST_PORT:-8095}
db=${KYODO_BACKUP_DB:-kyodo_backup}
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

# As a demo person (password = user id): prints the HTTP status; the answer is kept in $work/answer.
http_as() { # user method path [json body]
  local body=()
  [ $# -ge 4 ] && body=(-d "$4")
  curl -sS -o "$work/answer" -w '%{http_code}' -u "$1:$1" -H 'Content-Type: application/json' -X "$2" \
    "$base$3" "${body[@]}" || echo 000
}
answer() { python3 -c 'import sys,json; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/answer" "$1"; }
fail() {
  echo "FAIL: $*" >&2
  [ -s "$work/answer" ] && echo "last answer: $(head -c 600 "$work/answer")" >&2
  { echo "application log (last lines):"; tail -20 "$work/app.log"; } >&2
  exit 1
}

proposal() { # title
  printf '{"variables":{"title":{"value":"%s"},"issue":{"value":"独居高齢者が地域で孤立している"},"content":{"value":"週1回の見守り訪問"},"expectedEffect":{"value":"孤立の解消"},"proposedBudget":{"value":500000}}}' "$1"
}
check_sheet='{"variables":{"voluntaryPublicInterest":{"value":true},"notForProfit":{"value":true},"notPoliticalOrReligious":{"value":true},"notAgainstPublicOrder":{"value":true},"exercisesPublicAuthority":{"value":false},"privateOrValuePromoting":{"value":false},"leadership":{"value":"EQUAL"},"collaborationMerits":{"value":"[\"LOCAL_NEEDS\",\"FINE_GRAINED\"]","type":"Json"},"cityFunding":{"value":false},"eventBased":{"value":false},"jointBody":{"value":false},"publicFacility":{"value":false},"mainStaff":{"value":"suzuki"},"deputyStaff":{"value":"yamamoto"}}}'

start_project() { # user title -> prints the project number (the lifecycle's business key)
  [ "$(http_as "$1" POST /engine-rest/process-definition/key/collaboration/submit-form "$(proposal "$2")")" = 200 ] \
    || fail "$1 could not propose the project 「$2」"
  local instance; instance=$(answer 'd["id"]')
  [ "$(http_as admin GET "/engine-rest/history/process-instance/$instance")" = 200 ] || fail "the lifecycle $instance of 「$2」 is not there"
  answer 'd["businessKey"]'
}
task_of() { # user project task-key -> prints the id of that project's open task, as the user sees it
  [ "$(http_as "$1" GET "/engine-rest/task?processInstanceBusinessKey=$2&taskDefinitionKey=$3")" = 200 ] \
    || fail "$1 cannot list the tasks of project $2"
  answer 'd[0]["id"] if len(d) == 1 else ""'
}
submit() { # user task-id json
  [ "$(http_as "$1" POST "/engine-rest/task/$2/submit-form" "$3")" = 204 ] || fail "$1 could not complete task $2"
}

create_data() { # two projects of two partners, the first one taken in by the office
  project_a=$(start_project hikari "バックアップ確認の事業 ひかり")
  project_b=$(start_project midori "バックアップ確認の事業 みどり")
  intake=$(task_of tanaka "$project_a" AssignDepartment)
  [ -n "$intake" ] || fail "no intake task (AssignDepartment) for project $project_a"
  submit tanaka "$intake" '{"variables":{"departmentGroup":{"value":"dept-fukushi"},"intakeNote":{"value":"福祉課で検討"}}}'
  # Open before the backup, completed on the restored copy.
  check_sheet_task=$(task_of suzuki "$project_a" FillCheckSheet)
  [ -n "$check_sheet_task" ] || fail "no check sheet task (FillCheckSheet) for suzuki in project $project_a"
  rest "$base/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000" \
    | python3 -c 'import sys,json; print("\n".join(t["id"] + " " + t["taskDefinitionKey"] for t in json.load(sys.stdin)))' \
    >"$work/open-before"
}

snapshot() { # counts that must survive: instances, tasks, history, variables, registry, projects
  printf 'instances=%s tasks=%s history=%s variables=%s organisations=%s projects=%s\n' \
    "$(rest "$base/engine-rest/process-instance/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/engine-rest/task/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/engine-rest/history/activity-instance/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/engine-rest/history/variable-instance/count" | python3 -c 'import sys,json; print(json.load(sys.stdin)["count"])')" \
    "$(rest "$base/api/organisations?limit=200" | python3 -c 'import sys,json; print(len(json.load(sys.stdin)))')" \
    "$(rest "$base/api/projects?limit=200" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')"
}

work_goes_on() { # the restored copy takes new work from the people whose work it is
  rest "$base/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000" \
    | python3 -c 'import sys,json; print("\n".join(t["id"] + " " + t["taskDefinitionKey"] for t in json.load(sys.stdin)))' \
    >"$work/open-after"
  cmp -s "$work/open-before" "$work/open-after" || fail "the open tasks differ after the restore:
$(diff "$work/open-before" "$work/open-after")"
  # suzuki (福祉課) fills in the check sheet that was open before the backup; ① moves on to the assessment.
  [ "$(task_of suzuki "$project_a" FillCheckSheet)" = "$check_sheet_task" ] \
    || fail "suzuki does not see the check sheet task $check_sheet_task of project $project_a after the restore"
  submit suzuki "$check_sheet_task" "$check_sheet"
  [ "$(http_as admin GET "/engine-rest/history/task?taskId=$check_sheet_task")" = 200 ] \
    && [ "$(answer 'd[0]["deleteReason"]')" = completed ] || fail "task $check_sheet_task is not completed in the history"
  [ -n "$(task_of suzuki "$project_a" AssessPriorityAndForm)" ] \
    || fail "project $project_a did not move on to the assessment (AssessPriorityAndForm) after the check sheet"
  # The office takes in the other partner's proposal, open since before the backup as well.
  intake_b=$(task_of tanaka "$project_b" AssignDepartment)
  [ -n "$intake_b" ] && grep -q "^$intake_b AssignDepartment$" "$work/open-before" \
    || fail "tanaka does not find the intake task of project $project_b that was open before the backup"
  submit tanaka "$intake_b" '{"variables":{"departmentGroup":{"value":"dept-fukushi"}}}'
  # hikari proposes a new project: numbered after the restored ones, registered and taken in like any other.
  project_c=$(start_project hikari "復元の後の事業")
  python3 -c 'import sys; a, b, c = sys.argv[1:]; sys.exit(0 if c > max(a, b) else 1)' "$project_a" "$project_b" "$project_c" \
    || fail "the new project's number $project_c does not follow the restored $project_a and $project_b"
  [ "$(http_as hikari GET "/api/projects/$project_c")" = 200 ] && [ "$(answer 'd["title"]')" = "復元の後の事業" ] \
    || fail "hikari does not find the new project $project_c in Kyodo's project list"
  [ -n "$(task_of tanaka "$project_c" AssignDepartment)" ] \
    || fail "the new project $project_c has no intake task (AssignDepartment) for the office"
  echo "work goes on: suzuki completed the check sheet of $project_a and tanaka the intake of $project_b (both open" \
    "before the backup), hikari proposed $project_c"
}

compare() { # before after
  if [ "$1" != "$2" ]; then echo "FAIL: before $1, after $2"; exit 1; fi
  echo "same after restore: $2"
}

if [ "$which" = postgres ] || [ "$which" = all ]; then
  echo "== PostgreSQL: pg_dump / pg_restore =="
  psql_admin() { runuser -u postgres -- psql -qtAc "$1"; }
  for copy in ${db}_src ${db}_dst; do
    psql_admin "DROP DATABASE IF EXISTS $copy" >/dev/null 2>&1
    psql_admin "CREATE DATABASE $copy OWNER kyodo" >/dev/null
  done
  pg_args=(--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://localhost:5432/${db}_src)
  start_app "${pg_args[@]}"
  create_data
  before=$(snapshot)
  stop_app
  PGPASSWORD=kyodo pg_dump -h localhost -U kyodo -Fc -f "$work/kyodo.dump" ${db}_src
  PGPASSWORD=kyodo pg_restore -h localhost -U kyodo --no-owner -d ${db}_dst "$work/kyodo.dump"
  start_app --spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://localhost:5432/${db}_dst
  compare "$before" "$(snapshot)"
  work_goes_on
  stop_app
  psql_admin "DROP DATABASE ${db}_src" >/dev/null
  psql_admin "DROP DATABASE ${db}_dst" >/dev/null
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
  work_goes_on
  stop_app
fi
echo "backup and restore: OK"
