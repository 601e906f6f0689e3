# Runs the sysbench tests of BENCH_TESTS against both servers, alternating them case by case (A B A B, BENCH_ROUNDS
# rounds) so that the machine's noise falls on both alike, and records per run QPS, p95 latency and the server's CPU
# microseconds per query in RUN_QPS / RUN_P95 / RUN_CPU keyed "<server> <case>#<round>", where a case is
# "<test>/<threads>t/<mode>". Reads BENCH_TESTS, BENCH_THREAD_LIST, BENCH_ROUNDS, BENCH_TIME, BENCH_TABLE_SIZE,
# BENCH_WARMUP, BENCH_PS_MODE, SB_CLIENT_DIR, SB_LOG_DIR, BENCH_LIB, SERVER_PORT, SERVER_PID.

# Every oltp_* test shares oltp_common's table, so one prepare serves them all.
readonly BENCH_PREPARE_TEST=oltp_point_select
readonly BENCH_PERCENTILE=95
# Extra seconds a sysbench command may take beyond its nominal duration before `timeout` ends it.
readonly BENCH_RUN_GRACE=60
readonly BENCH_PREPARE_TIMEOUT=600
readonly BENCH_CLEANUP_TIMEOUT=120
readonly BENCH_PROBE_TIMEOUT=30
readonly BENCH_MODES=(plain tls)

declare -A RUN_QPS=() RUN_P95=() RUN_CPU=() CASE_NOTE=() TLS_INFO=() SERVER_PORT=() SERVER_PID=()
CASE_ORDER=()

# Prints the sysbench options shared by every command against port $1 with $2 threads.
sysbench_options() {
  printf '%s\n' --db-driver=mysql --tables=1 --table-size="$BENCH_TABLE_SIZE" --db-ps-mode="$BENCH_PS_MODE" \
    --create_secondary=off --mysql-host=127.0.0.1 --mysql-port="$1" --mysql-user=root --mysql-password= \
    --mysql-db=sbtest --threads="$2" --percentile="$BENCH_PERCENTILE"
}

SYSBENCH_PID=

# Runs `sysbench <script> <options> $4...` against port $1 with $2 threads and timeout $3 seconds, from the
# directory holding the client certificates; output goes to stdout. It runs in the background and is awaited, so
# a signal to this script is handled at once (stop_sysbench ends it) rather than after the run.
run_sysbench() {
  local port=$1 threads=$2 limit=$3 options status=0
  shift 3
  mapfile -t options < <(sysbench_options "$port" "$threads")
  (cd "$SB_CLIENT_DIR" && exec timeout --kill-after=10 "$limit" sysbench "$@" "${options[@]}") &
  SYSBENCH_PID=$!
  wait "$SYSBENCH_PID" || status=$?
  SYSBENCH_PID=
  return "$status"
}

# Ends a sysbench started by run_sysbench that is still running (used when the script is interrupted).
stop_sysbench() {
  if [[ -n $SYSBENCH_PID ]]; then stop_process "$SYSBENCH_PID" sysbench; fi
  SYSBENCH_PID=
}

# Prints "<qps> <p95> <errors> <queries>" parsed from a sysbench run report on stdin; nothing if it is incomplete.
parse_run_report() {
  awk '
    /^ *queries:/ { total = $2; qps = $3; gsub(/[()]/, "", qps) }
    /percentile:/ { p95 = $NF }
    /^ *ignored errors:/ { errors = $3 }
    END { if (qps != "" && p95 != "") print qps, p95, (errors == "" ? 0 : errors), total }
  '
}

# Checks that a --mysql-ssl=on connection to server $1 really negotiates TLS (sysbench falls back to plain TCP
# without a word); records what the server reports in TLS_INFO and fails only when it says the connection is plain.
probe_tls() {
  local server=$1 out probe
  [[ -n ${TLS_INFO[$server]:-} ]] && { [[ ${TLS_INFO[$server]} != NOT* ]]; return; }
  out=$(run_sysbench "${SERVER_PORT[$server]}" 1 "$BENCH_PROBE_TIMEOUT" "$BENCH_LIB/tls-probe.lua" --mysql-ssl=on probe 2>&1) || true
  printf '%s\n' "$out" >"$SB_LOG_DIR/$server-tls-probe.txt"
  probe=$(sed -n 's/^TLS_PROBE=//p' <<<"$out")
  case $probe in
    plain) TLS_INFO[$server]="NOT TLS: the server answered --mysql-ssl=on with a plain connection"; return 1 ;;
    unsupported) TLS_INFO[$server]="unverified (SHOW SESSION STATUS LIKE 'Ssl_cipher' failed)" ;;
    '') TLS_INFO[$server]="unverified (probe failed, see ${SB_LOG_DIR}/${server}-tls-probe.txt)" ;;
    *) TLS_INFO[$server]=$probe ;;
  esac
}

# Runs one measured run of case $2 ("<test>/<threads>t/<mode>") against server $1, round $3, and records it.
measure_run() {
  local server=$1 case=$2 round=$3 test threads mode ssl=off report figures qps p95 errors queries before after
  IFS=/ read -r test threads mode <<<"$case"
  threads=${threads%t}
  local key="$server $case#$round"
  [[ $mode == tls ]] && ssl=on
  if [[ $mode == tls ]] && ! probe_tls "$server"; then
    CASE_NOTE[$server $case]="TLS not negotiated (see the TLS line)"
    return 0
  fi
  report="$SB_LOG_DIR/$server-${case//\//-}-$round.txt"
  log "${server} ${case} round ${round}: ${BENCH_TIME}s"
  before=$(cpu_ticks "${SERVER_PID[$server]}")
  if ! run_sysbench "${SERVER_PORT[$server]}" "$threads" $((BENCH_TIME + BENCH_RUN_GRACE)) "$test" --mysql-ssl="$ssl" \
    --time="$BENCH_TIME" run >"$report" 2>&1; then
    CASE_NOTE[$server $case]="sysbench run failed, see ${report}"
    return 0
  fi
  after=$(cpu_ticks "${SERVER_PID[$server]}")
  figures=$(parse_run_report <"$report")
  [[ -n $figures ]] || { CASE_NOTE[$server $case]="no figures in ${report}"; return 0; }
  read -r qps p95 errors queries <<<"$figures"
  RUN_QPS[$key]=$qps
  RUN_P95[$key]=$p95
  RUN_CPU[$key]=$(cpu_us_per "$before" "$after" "$queries")
  [[ $errors == 0 ]] || CASE_NOTE[$server $case]="${errors} ignored errors"
}

# Creates sbtest on server $1, prepares the table and warms the server up (not measured); returns non-zero on failure.
prepare_server() {
  local server=$1 port=${SERVER_PORT[$1]}
  sql_exec "$port" 'CREATE DATABASE sbtest' >"$SB_LOG_DIR/$server-create-db.txt" 2>&1 || return 1
  log "${server}: preparing ${BENCH_TABLE_SIZE} rows"
  run_sysbench "$port" 4 "$BENCH_PREPARE_TIMEOUT" "$BENCH_PREPARE_TEST" prepare >"$SB_LOG_DIR/$server-prepare.txt" 2>&1 || return 1
  if ((BENCH_WARMUP > 0)); then
    log "${server}: warming up for ${BENCH_WARMUP}s (not measured)"
    run_sysbench "$port" 4 $((BENCH_WARMUP + BENCH_RUN_GRACE)) "$BENCH_PREPARE_TEST" --mysql-ssl=off \
      --time="$BENCH_WARMUP" run >"$SB_LOG_DIR/$server-warmup.txt" 2>&1 || log "${server}: warm-up failed (ignored)"
  fi
}

# Measures every case on the servers named in $@, alternating them within each round of each case.
bench_sysbench() {
  local test threads mode round server case
  for test in ${BENCH_TESTS//,/ }; do
    for threads in ${BENCH_THREAD_LIST//,/ }; do
      for mode in "${BENCH_MODES[@]}"; do
        case="$test/${threads}t/$mode"
        CASE_ORDER+=("$case")
        for ((round = 1; round <= BENCH_ROUNDS; round++)); do
          for server in "$@"; do measure_run "$server" "$case" "$round"; done
        done
      done
    done
  done
}
