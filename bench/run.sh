#!/usr/bin/env bash
# Entry point of `npm run bench`: TidalDB next to a private MariaDB (the reference) on the same machine, both
# running, measured alternately run by run (A B A B) so that the machine's noise falls on both alike: sysbench OLTP
# tests plain and over TLS at several thread counts, then new TLS connections per second, memory per idle TLS
# connection and contended bank transfers. Prints each server's mean and spread, the TidalDB/MariaDB ratio and
# each server's CPU microseconds per query.
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
# shellcheck source=lib/cpu.sh
source "$BENCH_LIB/cpu.sh"
# shellcheck source=lib/sysbench.sh
source "$BENCH_LIB/sysbench.sh"
# shellcheck source=lib/extras.sh
source "$BENCH_LIB/extras.sh"
# shellcheck source=lib/report.sh
source "$BENCH_LIB/report.sh"

# Defaults; each can also come from the environment (BENCH_TIME=60 npm run bench).
BENCH_TIME=${BENCH_TIME:-20}
BENCH_THREAD_LIST=${BENCH_THREADS:-4,16}
BENCH_ROUNDS=${BENCH_ROUNDS:-2}
BENCH_TABLE_SIZE=${BENCH_TABLE_SIZE:-10000}
BENCH_WARMUP=${BENCH_WARMUP:-5}
BENCH_MARIADB_ONLY=${BENCH_MARIADB_ONLY:-0}
BENCH_KEEP=${BENCH_KEEP:-0}
BENCH_TESTS=${BENCH_TESTS:-oltp_point_select,oltp_read_only,oltp_read_write,oltp_write_only,oltp_insert}
BENCH_PS_MODE=${BENCH_PS_MODE:-auto}
BENCH_EXTRAS=${BENCH_EXTRAS:-connect,idle,bank}
CONNECT_TIME=${CONNECT_TIME:-10}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-1000}
BANK_ACCOUNTS=${BANK_ACCOUNTS:-100}
BANK_CONNECTIONS=${BANK_CONNECTIONS:-8}
readonly BENCH_KNOWN_TESTS=' oltp_point_select oltp_read_only oltp_read_write oltp_write_only oltp_update_index oltp_update_non_index oltp_insert oltp_delete '

usage() {
  cat <<USAGE
Usage: npm run bench -- [options]      (or: bash bench/run.sh [options])

Runs sysbench OLTP tests against a private MariaDB and TidalDB on 127.0.0.1, plain and over TLS, alternating the
servers run by run, then the extras (TLS connects/s, memory per idle TLS connection, bank transfers).

  --tests LIST      comma-separated sysbench tests, or none (extras only) (default ${BENCH_TESTS}; env BENCH_TESTS)
  --time N          seconds per run (default ${BENCH_TIME}; env BENCH_TIME)
  --threads LIST    sysbench client threads, comma-separated (default ${BENCH_THREAD_LIST}; env BENCH_THREADS)
  --rounds N        runs per case and server, alternating (default ${BENCH_ROUNDS}; env BENCH_ROUNDS)
  --extras LIST     connect,idle,bank or none (default ${BENCH_EXTRAS}; env BENCH_EXTRAS); env CONNECT_TIME,
                    IDLE_CONNECTIONS, BANK_ACCOUNTS, BANK_CONNECTIONS size them
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
      --time | --rounds | --table-size | --warmup)
        if [[ -z $value ]]; then
          (($# >= 2)) || die "${opt} needs a value"
          value=$2
          shift
        fi
        [[ $value =~ ^[0-9]+$ ]] || die "${opt} needs a whole number, got '${value}'"
        case $opt in
          --time) BENCH_TIME=$value ;;
          --rounds) BENCH_ROUNDS=$value ;;
          --table-size) BENCH_TABLE_SIZE=$value ;;
          --warmup) BENCH_WARMUP=$value ;;
        esac
        ;;
      --tests | --threads | --extras)
        if [[ -z $value ]]; then
          (($# >= 2)) || die "${opt} needs a value"
          value=$2
          shift
        fi
        case $opt in
          --tests) BENCH_TESTS=$value ;;
          --threads) BENCH_THREAD_LIST=$value ;;
          --extras) BENCH_EXTRAS=$value ;;
        esac
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
  ((BENCH_ROUNDS >= 1)) || die "--rounds must be at least 1"
  [[ $BENCH_THREAD_LIST =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--threads needs comma-separated whole numbers, got '${BENCH_THREAD_LIST}'"
  [[ $BENCH_EXTRAS == none ]] && BENCH_EXTRAS=
  [[ $BENCH_TESTS == none ]] && BENCH_TESTS=
  local extra
  for extra in ${BENCH_EXTRAS//,/ }; do
    [[ $extra == connect || $extra == idle || $extra == bank ]] || die "unknown extra '${extra}' (known: connect idle bank)"
  done
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
  if ((REPORT_PRINTED == 0 && (${#CASE_ORDER[@]} > 0 || ${#EXTRA_ORDER[@]} > 0))); then
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

  local generator mariadb_port tidal_port servers=(mariadb) server
  generator=$(make_certs "$REPO_ROOT" "$WORK/tls" "$SB_CLIENT_DIR")
  make_ecdsa_pair "$WORK/tls"
  log "TLS certificates made with ${generator} (RSA), and an ECDSA pair for TidalDB with openssl"
  mariadb_port=$(free_port)
  tidal_port=$(free_port "$mariadb_port")

  # Both servers run throughout; only the one being measured gets queries.
  start_mariadb "$WORK/mariadb" "$mariadb_port" "$WORK/tls"
  SERVER_PORT[mariadb]=$mariadb_port
  SERVER_PID[mariadb]=$MARIADB_PID
  SERVER_VERSION[mariadb]=$(mariadb_version "$mariadb_port")
  if ((BENCH_MARIADB_ONLY == 0)); then
    start_tidal "$REPO_ROOT" "$WORK/tidaldb" "$tidal_port" "$WORK/tls"
    SERVER_PORT[tidaldb]=$tidal_port
    SERVER_PID[tidaldb]=$TIDAL_PID
    SERVER_VERSION[tidaldb]=$(sql_exec "$tidal_port" 'SELECT VERSION()' 2>/dev/null || echo unknown)
    servers+=(tidaldb)
  fi
  # The extras make their own tables; sbtest is only for the sysbench tests.
  if [[ -n $BENCH_TESTS ]]; then
    for server in "${servers[@]}"; do
      prepare_server "$server" || die "${server}: preparing sbtest failed; see ${SB_LOG_DIR}/${server}-prepare.txt"
    done
  fi
  bench_sysbench "${servers[@]}"
  bench_extras "${servers[@]}"
  stop_tidal
  stop_mariadb

  publish_report
  if has_failed_case; then die "some cases failed; see the notes above and the logs in ${WORK}"; fi
}

main "$@"
