# Sourced by crash-test.sh and two-node.sh: a PostgreSQL database of the run's own, created empty now and dropped
# when the script exits; the nodes' logs in a work folder, kept only when the run failed.
# Needs: $db (database name) and $work (work folder) set by the caller; `runuser -u postgres -- psql` working.
psql_admin() { runuser -u postgres -- psql -qtAc "$1"; }
psql_admin "select 1 from pg_roles where rolname='kyodo'" | grep -q 1 || psql_admin "create role kyodo login password 'kyodo'"
psql_admin "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
psql_admin "CREATE DATABASE $db OWNER kyodo" >/dev/null
cleanup() {
  status=$?
  psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  if [ $status -eq 0 ]; then rm -rf "$work"; else echo "logs of the nodes kept in $work"; fi
}
trap cleanup EXIT
