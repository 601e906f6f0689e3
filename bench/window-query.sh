#!/usr/bin/env bash
# Entry point of `npm run bench:window`: window queries over 100,000 rows on TidalDB and MariaDB (the same rows),
# both servers up, each query timed alternately A B A B.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
BENCH_LIB="$BENCH_DIR/lib"
RESULTS_FILE="$BENCH_DIR/.work/window-query.txt"
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

WINDOW_ROWS=${WINDOW_ROWS:-100000}
WINDOW_ROUNDS=${WINDOW_ROUNDS:-5}

main() {
  local mariadb_version result
  log "loading ${WINDOW_ROWS} rows into each server, then ${WINDOW_ROUNDS} alternating rounds"
  run_side_by_side "$REPO_ROOT" "$BENCH_DIR" window window-query-client --rows "$WINDOW_ROWS" --rounds "$WINDOW_ROUNDS"
  mariadb_version=$SIDE_BY_SIDE_MARIADB_VERSION
  result=$SIDE_BY_SIDE_RESULT
  log "raw: ${result}"
  mkdir -p "$(dirname "$RESULTS_FILE")"
  node -e '
    const r = JSON.parse(process.argv[1]);
    const ms = (v) => v.map((x) => x.toFixed(0)).join(" ");
    console.log(`window queries over ${r.rows} rows, ${r.rounds} alternating rounds (TidalDB, then MariaDB ${process.argv[2]}); ratio = TidalDB/MariaDB time, lower is better`);
    for (const q of r.results) {
      console.log(`${q.name}: ratio ${q.ratio.toFixed(2)}`);
      console.log(`  ${q.sql}`);
      console.log(`  MariaDB median ${q.mariadbMedianMs.toFixed(0)} ms [${ms(q.mariadb)}]; TidalDB median ${q.tidalMedianMs.toFixed(0)} ms [${ms(q.tidal)}]`);
    }
  ' "$result" "$mariadb_version" | tee "$RESULTS_FILE"
}

main "$@"
