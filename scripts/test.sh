#!/usr/bin/env bash
# The one test command (`npm test`): installs what is missing, builds, checks, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v mariadb >/dev/null 2>&1 || need_apt+=(mariadb-client)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
# The TLS audit test (test/e2e/tls-audit.test.ts) scans the server with both.
command -v testssl >/dev/null 2>&1 || need_apt+=(testssl.sh)
command -v sslscan >/dev/null 2>&1 || need_apt+=(sslscan)
command -v sysbench >/dev/null 2>&1 || need_apt+=(sysbench)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test: missing ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 1
  fi
  echo "test: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "${need_apt[@]}" >/dev/null
fi

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
