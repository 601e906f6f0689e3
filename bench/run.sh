#!/usr/bin/env bash
# Entry point of `npm run bench`: sysbench OLTP tests (oltp_point_select by default) against a private MariaDB (the
# reference) and TidalDB, each over plain TCP and over TLS, printed as one table with the TidalDB/MariaDB QPS ratio
# per case.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
BENCH_LIB="$BENCH_DIR/lib"
RESULTS_FILE="$BENCH_DIR/.work/results.txt"
# mariadbd and mariadb-install-db live in sbin, which a non-root PATH may lack.
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
# shellcheck source=lib/sysbench.sh
source "$BENCH_LIB/sysbench.sh"
# shellcheck source=lib/report.sh
source "$BENCH_LIB/report.sh"

# Defaults; each can also come from the environment (BENCH_TIME=60 npm run bench).
BENCH_TIME=${BENCH_TIME:-20}
BENCH_THREADS=${BENCH_THREADS:-4}
BENCH_TABLE_SIZE=${BENCH_TABLE_SIZE:-10000}
BENCH_WARMUP=${BENCH_WARMUP:-5}
BENCH_MARIADB_ONLY=${BENCH_MARIADB_ONLY:-0}
BENCH_KEEP=${BENCH_KEEP:-0}
BENCH_TESTS=${BENCH_TESTS:-oltp_point_select}
BENCH_PS_MODE=${BENCH_PS_MODE:-auto}
readonly BENCH_KNOWN_TESTS=' oltp_point_select oltp_read_only oltp_read_write oltp_write_only oltp_update_index oltp_update_non_index oltp_insert oltp_delete '

usage() {
  cat <<USAGE
Usage: npm run bench -- [options]      (or: bash bench/run.sh [options])

Runs sysbench OLTP tests against a private MariaDB and TidalDB on 127.0.0.1, plain and over TLS.

  --tests LIST      comma-separated sysbench tests (default ${BENCH_TESTS}; env BENCH_TESTS), e.g.
                    oltp_point_select,oltp_read_only,oltp_read_write

  --time N          seconds measured per case (default ${BENCH_TIME}; env BENCH_TIME)
  --threads N       sysbench client threads (default ${BENCH_THREADS}; env BENCH_THREADS)
  --table-size N    rows in sbtest1 (default ${BENCH_TABLE_SIZE}; env BENCH_TABLE_SIZE)
  --warmup N        unmeasured seconds before the first case of each server (default ${BENCH_WARMUP}; env BENCH_WARMUP)
  --ps-mode MODE    auto (server-side prepared statements, sysbench's default) or disable (text queries)
                    (default ${BENCH_PS_MODE}; env BENCH_PS_MODE)
  --mariadb-only    skip TidalDB (env BENCH_MARIADB_ONLY=1)
  --keep            keep the work directory (datadirs, logs, sysbench reports) after a successful run
  -h, --help        show this help

The table is printed and written to bench/.work/results.txt.
USAGE
}

# Parses the command line into the BENCH_* settings.
parse_args() {
  local opt value
  while (($# > 0)); do
    opt=$1
    value=
    if [[ $opt == --*=* ]]; then value=${opt#*=}; opt=${opt%%=*}; fi
    case $opt in
      --time | --threads | --table-size | --warmup)
        if [[ -z $value ]]; then
          (($# >= 2)) || die "${opt} needs a value"
          value=$2
          shift
        fi
        [[ $value =~ ^[0-9]+$ ]] || die "${opt} needs a whole number, got '${value}'"
        case $opt in
          --time) BENCH_TIME=$value ;;
          --threads) BENCH_THREADS=$value ;;
          --table-size) BENCH_TABLE_SIZE=$value ;;
          --warmup) BENCH_WARMUP=$value ;;
        esac
        ;;
      --tests)
        if [[ -z $value ]]; then
          (($# >= 2)) || die "--tests needs a value"
          value=$2
          shift
        fi
        BENCH_TESTS=$value
        ;;
      --ps-mode)
        if [[ -z $value ]]; then
          (($# >= 2)) || die "--ps-mode needs a value"
          value=$2
          shift
        fi
        BENCH_PS_MODE=$value
        ;;
      --mariadb-only) BENCH_MARIADB_ONLY=1 ;;
      --keep) BENCH_KEEP=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown option '$1'" ;;
    esac
    shift
  done
  ((BENCH_TIME >= 1)) || die "--time must be at least 1"
  ((BENCH_THREADS >= 1)) || die "--threads must be at least 1"
  ((BENCH_TABLE_SIZE >= 1)) || die "--table-size must be at least 1"
  [[ $BENCH_PS_MODE == auto || $BENCH_PS_MODE == disable ]] || die "--ps-mode must be auto or disable, got '${BENCH_PS_MODE}'"
  local test
  for test in ${BENCH_TESTS//,/ }; do
    [[ $BENCH_KNOWN_TESTS == *" $test "* ]] || die "unknown sysbench test '${test}' (known:${BENCH_KNOWN_TESTS% })"
  done
}

REPORT_PRINTED=0
WORK=

# Prints the report and saves it to RESULTS_FILE.
publish_report() {
  mkdir -p "$(dirname "$RESULTS_FILE")"
  echo
  format_report | tee "$RESULTS_FILE"
  REPORT_PRINTED=1
}

# Always runs on exit: stops both servers, shows whatever was measured, removes or keeps the work directory.
on_exit() {
  local rc=$?
  set +e
  # The signal may arrive inside a command whose output is redirected to a log; report to the terminal instead.
  exec 1>&8 2>&9
  stop_sysbench
  stop_tidal
  stop_mariadb
  if ((REPORT_PRINTED == 0 && ${#CASE_ORDER[@]} > 0)); then
    log "partial results:"
    publish_report
  fi
  if [[ -n $WORK && -d $WORK ]]; then
    if ((rc == 0 && BENCH_KEEP == 0)); then rm -rf "$WORK"; else log "work directory kept: ${WORK}"; fi
  fi
  exit "$rc"
}

main() {
  parse_args "$@"
  install_missing_packages
  ((BENCH_MARIADB_ONLY == 1)) || ensure_tidal_built "$REPO_ROOT"

  exec 8>&1 9>&2
  mkdir -p "$BENCH_DIR/.work"
  WORK=$(mktemp -d "$BENCH_DIR/.work/run-$(date +%Y%m%d-%H%M%S)-XXXX")
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  SB_LOG_DIR="$WORK/logs"
  SB_CLIENT_DIR="$WORK/sysbench-client"
  mkdir -p "$SB_LOG_DIR"
  log "work directory ${WORK}"

  local generator mariadb_port tidal_port
  generator=$(make_certs "$REPO_ROOT" "$WORK/tls" "$SB_CLIENT_DIR")
  log "TLS certificates made with ${generator}"
  mariadb_port=$(free_port)
  tidal_port=$(free_port "$mariadb_port")

  # One server at a time, so neither competes with the other for CPU.
  start_mariadb "$WORK/mariadb" "$mariadb_port" "$WORK/tls"
  SERVER_VERSION[mariadb]=$(mariadb_version "$mariadb_port")
  bench_server mariadb "$mariadb_port"
  stop_mariadb

  if ((BENCH_MARIADB_ONLY == 0)); then
    start_tidal "$REPO_ROOT" "$WORK/tidaldb" "$tidal_port" "$WORK/tls"
    SERVER_VERSION[tidaldb]=$(sql_exec "$tidal_port" 'SELECT VERSION()' 2>/dev/null || echo unknown)
    bench_server tidaldb "$tidal_port"
    stop_tidal
  fi

  publish_report
  if has_failed_case; then die "some cases failed; see the notes above and the logs in ${WORK}"; fi
}

main "$@"
