#!/usr/bin/env bash
# Entry point of `npm run bench:json`: a JSON_EXTRACT filter over 100,000 documents on TidalDB (binary JSON column)
# and MariaDB (JSON = LONGTEXT, re-parsed per row), both servers up, the query timed alternately A B A B.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
BENCH_LIB="$BENCH_DIR/lib"
RESULTS_FILE="$BENCH_DIR/.work/json-extract.txt"
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

JSON_ROWS=${JSON_ROWS:-100000}
JSON_ROUNDS=${JSON_ROUNDS:-5}
WORK=

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
  [[ -f $REPO_ROOT/dist/bench/json-extract-client.js ]] || (cd "$REPO_ROOT" && npm run build --silent) >&2
  mkdir -p "$BENCH_DIR/.work"
  WORK=$(mktemp -d "$BENCH_DIR/.work/json-$(date +%Y%m%d-%H%M%S)-XXXX")
  trap on_exit EXIT
  make_certs "$REPO_ROOT" "$WORK/tls" "$WORK/client" >/dev/null
  local mariadb_port tidal_port mariadb_version result
  mariadb_port=$(free_port)
  tidal_port=$(free_port "$mariadb_port")
  start_mariadb "$WORK/mariadb" "$mariadb_port" "$WORK/tls"
  mariadb_version=$(mariadb_version "$mariadb_port")
  start_tidal "$REPO_ROOT" "$WORK/tidaldb" "$tidal_port" "$WORK/tls"
  log "loading ${JSON_ROWS} documents into each server, then ${JSON_ROUNDS} alternating rounds"
  result=$(node "$REPO_ROOT/dist/bench/json-extract-client.js" --tidal-port "$tidal_port" --mariadb-port "$mariadb_port" \
    --rows "$JSON_ROWS" --rounds "$JSON_ROUNDS")
  log "raw: ${result}"
  mkdir -p "$(dirname "$RESULTS_FILE")"
  node -e '
    const r = JSON.parse(process.argv[1]);
    const ms = (v) => v.map((x) => x.toFixed(0)).join(" ");
    console.log(`JSON_EXTRACT filter over ${r.rows} documents (${r.matched} match): ${r.query}`);
    console.log(`MariaDB ${process.argv[2]} (LONGTEXT): median ${r.mariadbMedianMs.toFixed(0)} ms  [${ms(r.mariadb)}]`);
    console.log(`TidalDB (binary JSON):        median ${r.tidalMedianMs.toFixed(0)} ms  [${ms(r.tidal)}]`);
    console.log(`ratio TidalDB/MariaDB time: ${r.ratio.toFixed(2)} (lower is better; rounds alternate TidalDB, MariaDB)`);
    console.log(`for scale, the same filter on an INT column (${r.baselineQuery}): ratio ${r.baselineRatio.toFixed(2)}`);
  ' "$result" "$mariadb_version" | tee "$RESULTS_FILE"
}

main "$@"
