#!/usr/bin/env bash
# Runs Django 3.2's own test suite (its MySQL backend unmodified) against a fresh TidalDB and against MariaDB, side by
# side, and prints each one's pass/fail/error counts. Not part of `npm test`: it takes many minutes.
#
#   scripts/run-django-suite.sh                    # the default app set below, both servers
#   DJANGO_APPS="basic lookup" scripts/run-django-suite.sh
#   DJANGO_TARGETS=tidal scripts/run-django-suite.sh   # only TidalDB (or: mariadb)
#
# Needs Debian's python3-mysqldb python3-django python3-tz python3-sqlparse python3-asgiref (installed when missing)
# and Django's source tarball for tests/ (downloaded from Debian's archive into $DJANGO_WORK when missing).
# MariaDB: the server at MARIADB_HOST:MARIADB_PORT (default 127.0.0.1:3306, user root, no password).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DJANGO_VERSION=3.2.25
DJANGO_WORK=${DJANGO_WORK:-/tmp/tidal-django}
TARGETS=${DJANGO_TARGETS:-"tidal mariadb"}
# The chosen apps: what ORMs exercise most (queries, expressions, functions, schema changes, introspection,
# transactions, time), about a fifth of the suite, so that both runs end within an hour on a shared 2-core machine.
# Left out: migrations, prefetch_related and the contrib/admin/forms/templates apps (slow, or not about the database).
APPS=${DJANGO_APPS:-"backends basic lookup queries aggregation annotations expressions model_fields schema introspection
inspectdb transactions db_functions timezones update delete ordering select_related many_to_one many_to_many datetimes
dates"}
PYTHON=/usr/bin/python3

if ! "$PYTHON" -c 'import MySQLdb, django, pytz, sqlparse, asgiref' 2>/dev/null; then
  apt-get install -y -qq python3-mysqldb python3-django python3-tz python3-sqlparse python3-asgiref >/dev/null
fi
mkdir -p "$DJANGO_WORK"
if [ ! -d "$DJANGO_WORK/Django-$DJANGO_VERSION/tests" ]; then
  (cd "$DJANGO_WORK" && curl -sSfO "http://deb.debian.org/debian/pool/main/p/python-django/python-django_$DJANGO_VERSION.orig.tar.gz" &&
    tar xzf "python-django_$DJANGO_VERSION.orig.tar.gz")
fi
TESTS="$DJANGO_WORK/Django-$DJANGO_VERSION/tests"
cp "$ROOT/scripts/django/test_mysql.py" "$TESTS/test_tidal_mysql.py"

SERVER_PID=
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

start_tidal() {
  [ -f "$ROOT/dist/src/cli/tidal-server.js" ] || npm run build --silent
  local dir; dir=$(mktemp -d "$DJANGO_WORK/data.XXXXXX")
  node "$ROOT/dist/src/cli/tidal-server.js" --port 0 --status-port 0 --path "$dir/data" --temp-dir "$dir/tmp" --log-format json \
    --log-level info >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    TIDAL_PORT=$(grep 'server is running MySQL protocol' "$dir/server.log" | grep -o '"port":[0-9]*' | head -1 | cut -d: -f2 || true)
    [ -n "$TIDAL_PORT" ] && return 0
    sleep 0.2
  done
  echo "tidal-server did not start; see $dir/server.log" >&2
  exit 1
}

# Prints "name: P passed, F failed, E errors, S skipped" from Django's runner output.
summarize() {
  local name=$1 log=$2
  "$PYTHON" - "$name" "$log" <<'PY'
import re, sys
name, path = sys.argv[1], sys.argv[2]
text = open(path, encoding='utf-8', errors='replace').read()
ran = re.findall(r'^Ran (\d+) tests?', text, re.M)
counts = {k: 0 for k in ('failures', 'errors', 'skipped', 'expected failures', 'unexpected successes')}
if ran:
    ran = int(ran[-1])
    tail = re.findall(r'^(?:FAILED|OK) ?\((.*)\)$', text, re.M)
    for part in (tail[-1].split(', ') if tail else []):
        key, _, value = part.rpartition('=')
        if key in counts: counts[key] = int(value)
    note = f'ran {ran}'
else:
    # Stopped (timeout or crash) before the summary: count the progress line's marks (-v 1: one per test).
    marks = ''.join(re.findall(r'^[.sFExu]{20,}', text, re.M))
    counts.update({'failures': marks.count('F'), 'errors': marks.count('E'), 'skipped': marks.count('s'), 'expected failures': marks.count('x')})
    ran = len(marks)
    note = f'INCOMPLETE: stopped after {ran} tests, counted from the progress marks'
passed = ran - counts['failures'] - counts['errors'] - counts['skipped'] - counts['expected failures']
print(f"{name}: {passed} passed, {counts['failures']} failed, {counts['errors']} errors, {counts['skipped']} skipped ({note})")
PY
}

for target in $TARGETS; do
  case $target in
    tidal) start_tidal; host=127.0.0.1; port=$TIDAL_PORT ;;
    mariadb) host=${MARIADB_HOST:-127.0.0.1}; port=${MARIADB_PORT:-3306} ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  log="$DJANGO_WORK/django-$target.log"
  prefix="tidal_django_$target"
  # Django connects to the settings' own databases (not only the test ones) for some apps: create them, drop after.
  dbs() { "$PYTHON" -c "import MySQLdb, sys; c = MySQLdb.connect(host='$host', port=$port, user='root'); cur = c.cursor(); [cur.execute(f'{sys.argv[1]} DATABASE IF {sys.argv[2]} EXISTS \`{n}\`') for n in sys.argv[3:]]" "$@" "${prefix}_default" "${prefix}_other"; }
  dbs CREATE NOT
  echo "== Django $DJANGO_VERSION suite against $target ($host:$port), log: $log"
  # --parallel 1: cloning test databases needs mysqldump and would multiply the load on a shared machine.
  (cd "$TESTS" && DJANGO_DB_HOST=$host DJANGO_DB_PORT=$port DJANGO_DB_PREFIX="$prefix" \
    PYTHONPATH="$DJANGO_WORK/Django-$DJANGO_VERSION" timeout "${DJANGO_TIMEOUT:-5400}" \
    "$PYTHON" runtests.py --settings=test_tidal_mysql --parallel 1 --noinput -v 1 $APPS) >"$log" 2>&1 || true
  dbs DROP "" "test_${prefix}_default" "test_${prefix}_other" || true
  summarize "$target" "$log" | tee "$DJANGO_WORK/summary-$target.txt"
  cleanup; SERVER_PID=
done
