#!/usr/bin/env bash
# Entry point of `npm run bench:load`: LOAD DATA LOCAL INFILE of one generated 1,000,000-row file into TidalDB and
# MariaDB, alternately A B A B, as rows per second, and TidalDB's peak resident memory (its bound while streaming).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
BENCH_LIB="$BENCH_DIR/lib"
RESULTS_FILE="$BENCH_DIR/.work/load-data.txt"
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
# shellcheck source=lib/side-by-side.sh
source "$BENCH_LIB/side-by-side.sh"

LOAD_ROWS=${LOAD_ROWS:-1000000}
LOAD_ROUNDS=${LOAD_ROUNDS:-3}
# TidalDB refuses LOAD DATA LOCAL unless started with it (local_infile is OFF by default, as in MySQL 8.0).
export BENCH_TIDAL_ARGS="${BENCH_TIDAL_ARGS:-} --local-infile"

main() {
  local result peak
  log "LOAD DATA LOCAL of ${LOAD_ROWS} rows, ${LOAD_ROUNDS} alternating rounds"
  run_side_by_side "$REPO_ROOT" "$BENCH_DIR" load load-data-client --rows "$LOAD_ROWS" --rounds "$LOAD_ROUNDS"
  result=$SIDE_BY_SIDE_RESULT
  peak=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$TIDAL_PID/status")
  log "raw: ${result}"
  mkdir -p "$(dirname "$RESULTS_FILE")"
  node -e '
    const r = JSON.parse(process.argv[1]);
    const k = (v) => v.map((x) => (x / 1000).toFixed(1) + "k").join(" ");
    console.log(`LOAD DATA LOCAL INFILE, ${r.rows} rows (~100 bytes each), ${r.rounds} alternating rounds (TidalDB, then MariaDB ${process.argv[2]})`);
    console.log(`TidalDB median ${(r.tidalMedian / 1000).toFixed(1)}k rows/s [${k(r.tidal)}]; MariaDB median ${(r.mariadbMedian / 1000).toFixed(1)}k rows/s [${k(r.mariadb)}]; ratio TidalDB/MariaDB ${(r.tidalMedian / r.mariadbMedian).toFixed(2)}`);
    console.log(`TidalDB peak resident memory: ${process.argv[3]} MiB`);
  ' "$result" "$SIDE_BY_SIDE_MARIADB_VERSION" "$peak" | tee "$RESULTS_FILE"
}

main "$@"
