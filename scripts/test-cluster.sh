#!/usr/bin/env bash
# `npm run test:cluster`: the etcd storage engine on real 3-member etcd clusters (client and peer mutual TLS on
# loopback): the engine contract suite, engine-specific failure tests, and tidal-server end to end with the etcd
# leader killed. Installs etcd-server when etcd is missing; prints how long it took (it should stay under 3 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v etcd >/dev/null 2>&1 || need_apt+=(etcd-server)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v mariadb >/dev/null 2>&1 || need_apt+=(mariadb-client)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test:cluster: missing ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 1
  fi
  echo "test:cluster: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "${need_apt[@]}" >/dev/null
fi

[ -d node_modules ] || npm ci --no-audit --no-fund
npx tsc -p tsconfig.json
started=$SECONDS
status=0
node --test --test-concurrency=2 --test-timeout=300000 $(find dist/test/cluster -name '*.cluster.js' | sort) || status=$?
echo "test:cluster: $(etcd --version | head -1), finished in $((SECONDS - started)) s"
exit $status
