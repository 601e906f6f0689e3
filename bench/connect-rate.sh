#!/usr/bin/env bash
# Entry point of `npm run bench:connect`: new TLS connections per second (full handshake, and resumed sessions)
# against a private MariaDB and TidalDB, one server at a time, with the same certificates and client.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
BENCH_LIB="$BENCH_DIR/lib"
RESULTS_FILE="$BENCH_DIR/.work/connect-rate.txt"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# shellcheck source=lib/common.sh
source "$BENCH_LIB/common.sh"
# shellcheck source=lib/install-deps.sh
source "$BENCH_LIB/install-deps.sh"
# shellcheck source=lib/certs.sh
source "$BENCH_LIB/certs.sh"
# shellcheck source=lib/mariadb.sh
source "$BENCH_LIB/mariadb.sh"
# shellcheck source=lib/tidal.sh
source "$BENCH_LIB/tidal.sh"

CONNECT_TIME=${CONNECT_TIME:-10}
CONNECT_CONCURRENCY=${CONNECT_CONCURRENCY:-4}
WORK=

declare -A RATE=()

# Measures server $1 on port $2 in both modes with the client of connect-rate-client.ts (built into dist/bench).
measure() {
  local name=$1 port=$2 mode json
  for mode in full resumed; do
    json=$(node "$REPO_ROOT/dist/bench/connect-rate-client.js" --port "$port" --seconds "$CONNECT_TIME" --concurrency "$CONNECT_CONCURRENCY" \
      --mode "$mode" --ca "$WORK/tls/ca.pem")
    log "${name} ${mode}: ${json}"
    RATE[$name/$mode]=$(node -e 'const r = JSON.parse(process.argv[1]); if (r.errors > 0) console.log(`failed (${r.firstError})`); else console.log(`${r.perSecond.toFixed(0)} conn/s (${r.reused}/${r.connections} resumed)`)' "$json")
  done
}

on_exit() {
  local rc=$?
  set +e
  stop_tidal
  stop_mariadb
  [[ -n $WORK && -d $WORK && $rc == 0 ]] && rm -rf "$WORK"
  exit "$rc"
}

main() {
  install_missing_packages
  ensure_tidal_built "$REPO_ROOT"
  mkdir -p "$BENCH_DIR/.work"
  WORK=$(mktemp -d "$BENCH_DIR/.work/connect-$(date +%Y%m%d-%H%M%S)-XXXX")
  trap on_exit EXIT
  local generator mariadb_port tidal_port
  generator=$(make_certs "$REPO_ROOT" "$WORK/tls" "$WORK/client")
  log "TLS certificates made with ${generator}"
  mariadb_port=$(free_port)
  tidal_port=$(free_port "$mariadb_port")

  start_mariadb "$WORK/mariadb" "$mariadb_port" "$WORK/tls"
  local mariadb_version
  mariadb_version=$(mariadb_version "$mariadb_port")
  measure mariadb "$mariadb_port"
  stop_mariadb

  start_tidal "$REPO_ROOT" "$WORK/tidaldb" "$tidal_port" "$WORK/tls"
  measure tidaldb "$tidal_port"
  stop_tidal

  mkdir -p "$(dirname "$RESULTS_FILE")"
  {
    echo "New TLS connections per second (${CONNECT_CONCURRENCY} clients, ${CONNECT_TIME} s each; TCP + TLS + login + quit)"
    printf '%-36s %-34s %-34s\n' server 'full handshake' 'resumed session'
    printf '%-36s %-34s %-34s\n' "MariaDB ${mariadb_version}" "${RATE[mariadb/full]}" "${RATE[mariadb/resumed]}"
    printf '%-36s %-34s %-34s\n' TidalDB "${RATE[tidaldb/full]}" "${RATE[tidaldb/resumed]}"
  } | tee "$RESULTS_FILE"
}

main "$@"
