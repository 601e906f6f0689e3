#!/usr/bin/env bash
# The one test command (`npm test`): installs what is missing, builds, checks, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs the missing Debian packages given after $1, which is extra apt-get flags ('' for none).
install_missing() {
  local flags=$1
  shift
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "test: missing $*; install them (apt-get install ${flags:+$flags }$*) or run as root" >&2
    exit 1
  fi
  echo "test: installing $*"
  apt-get update -qq
  # shellcheck disable=SC2086 # $flags is zero or more words
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade $flags "$@" >/dev/null
}

need_apt=()
command -v mariadb >/dev/null 2>&1 || need_apt+=(mariadb-client)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
# The TLS audit test (test/e2e/tls-audit.test.ts) scans the server with both.
command -v testssl >/dev/null 2>&1 || need_apt+=(testssl.sh)
command -v sslscan >/dev/null 2>&1 || need_apt+=(sslscan)
command -v sysbench >/dev/null 2>&1 || need_apt+=(sysbench)
# The cluster tests (test/cluster) run real etcd members.
command -v etcd >/dev/null 2>&1 || need_apt+=(etcd-server)
install_missing '' "${need_apt[@]}"
# The status-port tests check /metrics with promtool (Debian's prometheus package); the dashboard test drives
# Debian's Chromium through playwright-core. Neither needs its recommended packages.
lean_apt=()
command -v promtool >/dev/null 2>&1 || lean_apt+=(prometheus)
[ -x /usr/bin/chromium ] || lean_apt+=(chromium)
install_missing --no-install-recommends "${lean_apt[@]}"

[ -d node_modules ] || npm ci --no-audit --no-fund

echo "test: generated error table is current"
node scripts/generate-error-table.mjs --check
echo "test: type check and build"
npx tsc -p tsconfig.json
echo "test: lint and layer rules"
npx eslint . --max-warnings=0
npx depcruise src --config .dependency-cruiser.cjs
echo "test: unit and end-to-end tests"
# --test-timeout bounds each test file as a whole too: it must cover the longest budget a file declares (the TLS
# audit's 900 s for testssl.sh, see test/e2e/tls-audit.test.ts), or that file fails while still working.
node --test --test-concurrency=2 --test-timeout=920000 $(find dist/test -name '*.test.js' | sort)
# Issue 15: a server of several processes must answer as one. These end-to-end files exercise the state that spans
# worker processes (row and user locks, KILL/PROCESSLIST, global status, FLUSH, SET GLOBAL, accounts, grants and
# login limits, failed-login lockout, prepared statements and plan caches after DDL, temporary tables, TLS reload,
# cluster-ssl-* reload), so they run once more with every test server started as --max-procs 2 (about two minutes on a
# loaded 2-core box; README "Testing with several worker processes"). The whole suite runs that way with:
# TIDAL_TEST_MAX_PROCS=2 node --test --test-concurrency=1 dist/test/e2e/*.test.js
echo "test: end-to-end files on cross-process state, with max-procs 2"
max_procs_files=(skip-locked kill-waiting user-locks status-counters privileges connection-limits account-tls-and-locking change-user
  prepared-statements text-plan-cache temporary-tables tls-reload status-port-tls-reload information-schema)
TIDAL_TEST_MAX_PROCS=2 node --test --test-concurrency=2 --test-timeout=920000 $(printf 'dist/test/e2e/%s.test.js ' "${max_procs_files[@]}")
# Issue 17: three etcd members and two SQL nodes with mutual TLS on loopback (the storage contract on etcd, row locks
# and bank transfers across nodes through kill -9 of the etcd leader and of a node, DDL/KILL/accounts across nodes);
# about 70-100 s. The same as `npm run test:cluster`.
echo "test: etcd cluster (3 members, 2 SQL nodes, mutual TLS)"
node --test --test-concurrency=2 --test-timeout=300000 $(find dist/test/cluster -name '*.cluster.js' | sort)
