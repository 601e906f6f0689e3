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
# shellcheck source=lib/side-by-side.sh
source "$BENCH_LIB/side-by-side.sh"

JSON_ROWS=${JSON_ROWS:-100000}
JSON_ROUNDS=${JSON_ROUNDS:-5}

main() {
  local mariadb_version result
  log "loading ${JSON_ROWS} documents into each server, then ${JSON_ROUNDS} alternating rounds"
  run_side_by_side "$REPO_ROOT" "$BENCH_DIR" json json-extract-client --rows "$JSON_ROWS" --rounds "$JSON_ROUNDS"
  mariadb_version=$SIDE_BY_SIDE_MARIADB_VERSION
  result=$SIDE_BY_SIDE_RESULT
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
