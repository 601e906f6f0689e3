# Runs the sysbench tests of BENCH_TESTS against one server (prepare, warm-up, plain and TLS run of each test,
# cleanup) and records QPS and p95 latency per case in RESULT_QPS / RESULT_P95 / RESULT_NOTE, keyed
# "<server> <test>/<mode>". Reads BENCH_TESTS, BENCH_TIME, BENCH_THREADS, BENCH_TABLE_SIZE, BENCH_WARMUP,
# BENCH_PS_MODE, SB_CLIENT_DIR, SB_LOG_DIR, BENCH_LIB.

# Every oltp_* test shares oltp_common's table, so one prepare serves them all.
readonly BENCH_PREPARE_TEST=oltp_point_select
readonly BENCH_PERCENTILE=95
# Extra seconds a sysbench command may take beyond its nominal duration before `timeout` ends it.
readonly BENCH_RUN_GRACE=60
readonly BENCH_PREPARE_TIMEOUT=600
readonly BENCH_CLEANUP_TIMEOUT=120
readonly BENCH_PROBE_TIMEOUT=30
readonly BENCH_MODES=(plain tls)

declare -A RESULT_QPS=() RESULT_P95=() RESULT_NOTE=() TLS_INFO=()
CASE_ORDER=()

# Prints the sysbench options shared by every command against port $1.
sysbench_options() {
  printf '%s\n' --db-driver=mysql --tables=1 --table-size="$BENCH_TABLE_SIZE" --db-ps-mode="$BENCH_PS_MODE" \
    --create_secondary=off --mysql-host=127.0.0.1 --mysql-port="$1" --mysql-user=root --mysql-password= \
    --mysql-db=sbtest --threads="$BENCH_THREADS" --percentile="$BENCH_PERCENTILE"
}

SYSBENCH_PID=

# Runs `sysbench <script> <options> $3...` against port $1 with timeout $2 seconds, from the directory holding the
# client certificates; output goes to stdout. It runs in the background and is awaited, so a signal to this
# script is handled at once (stop_sysbench ends it) rather than after the run.
run_sysbench() {
  local port=$1 limit=$2 options status=0
  shift 2
  mapfile -t options < <(sysbench_options "$port")
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

# Prints "<qps> <p95>" parsed from a sysbench run report on stdin; prints nothing if the report is incomplete.
parse_run_report() {
  awk '
    /^ *queries:/ { qps = $3; gsub(/[()]/, "", qps) }
    /percentile:/ { p95 = $NF }
    /^ *ignored errors:/ { errors = $3 }
    END { if (qps != "" && p95 != "") print qps, p95, (errors == "" ? 0 : errors) }
  '
}

# Records case "$1 $2" as failed with reason $3.
record_failure() {
  local key="$1 $2"
  CASE_ORDER+=("$key")
  RESULT_QPS[$key]=FAILED
  RESULT_P95[$key]=-
  RESULT_NOTE[$key]=$3
}

# Checks that a --mysql-ssl=on connection to port $2 really negotiates TLS; records what server $1 reports in
# TLS_INFO and fails only when the server says the connection is plain.
probe_tls() {
  local server=$1 port=$2 out probe
  out=$(run_sysbench "$port" "$BENCH_PROBE_TIMEOUT" "$BENCH_LIB/tls-probe.lua" --mysql-ssl=on probe 2>&1) || true
  printf '%s\n' "$out" >"$SB_LOG_DIR/$server-tls-probe.txt"
  probe=$(sed -n 's/^TLS_PROBE=//p' <<<"$out")
  case $probe in
    plain) TLS_INFO[$server]="NOT TLS: the server answered --mysql-ssl=on with a plain connection"; return 1 ;;
    unsupported) TLS_INFO[$server]="unverified (SHOW SESSION STATUS LIKE 'Ssl_cipher' failed)" ;;
    '') TLS_INFO[$server]="unverified (probe failed, see ${SB_LOG_DIR}/${server}-tls-probe.txt)" ;;
    *) TLS_INFO[$server]=$probe ;;
  esac
}

# Runs one measured case (test $2, $3 = plain|tls) against server $1 on port $4 and records its figures.
measure_case() {
  local server=$1 test=$2 mode=$3 port=$4 ssl=off report figures qps p95 errors key="$1 $2/$3"
  [[ $mode == tls ]] && ssl=on
  if [[ $mode == tls ]] && ! probe_tls "$server" "$port"; then
    record_failure "$server" "$test/$mode" "TLS not negotiated (see the TLS line)"
    return 0
  fi
  report="$SB_LOG_DIR/$server-$test-$mode.txt"
  log "${server} ${test} ${mode}: ${BENCH_THREADS} threads for ${BENCH_TIME}s"
  if ! run_sysbench "$port" $((BENCH_TIME + BENCH_RUN_GRACE)) "$test" --mysql-ssl="$ssl" \
    --time="$BENCH_TIME" run >"$report" 2>&1; then
    record_failure "$server" "$test/$mode" "sysbench run failed, see ${report}"
    return 0
  fi
  figures=$(parse_run_report <"$report")
  [[ -n $figures ]] || { record_failure "$server" "$test/$mode" "no figures in ${report}"; return 0; }
  read -r qps p95 errors <<<"$figures"
  CASE_ORDER+=("$key")
  RESULT_QPS[$key]=$qps
  RESULT_P95[$key]=$p95
  RESULT_NOTE[$key]=
  [[ $errors == 0 ]] || RESULT_NOTE[$key]="${errors} ignored errors"
}

# Records every case of server $1 as failed with reason $2.
record_server_failure() {
  local server=$1 reason=$2 test mode
  for test in ${BENCH_TESTS//,/ }; do
    for mode in "${BENCH_MODES[@]}"; do record_failure "$server" "$test/$mode" "$reason"; done
  done
}

# Benchmarks server $1 listening on port $2: creates sbtest, prepares, warms up, measures each test and mode,
# cleans up.
bench_server() {
  local server=$1 port=$2 test mode
  sql_exec "$port" 'CREATE DATABASE sbtest' >"$SB_LOG_DIR/$server-create-db.txt" 2>&1 ||
    { record_server_failure "$server" "CREATE DATABASE sbtest failed"; return 0; }
  log "${server}: preparing ${BENCH_TABLE_SIZE} rows"
  if ! run_sysbench "$port" "$BENCH_PREPARE_TIMEOUT" "$BENCH_PREPARE_TEST" prepare \
    >"$SB_LOG_DIR/$server-prepare.txt" 2>&1; then
    record_server_failure "$server" "sysbench prepare failed, see ${SB_LOG_DIR}/${server}-prepare.txt"
    return 0
  fi
  if ((BENCH_WARMUP > 0)); then
    log "${server}: warming up for ${BENCH_WARMUP}s (not measured)"
    run_sysbench "$port" $((BENCH_WARMUP + BENCH_RUN_GRACE)) "$BENCH_PREPARE_TEST" --mysql-ssl=off \
      --time="$BENCH_WARMUP" run >"$SB_LOG_DIR/$server-warmup.txt" 2>&1 || log "${server}: warm-up failed (ignored)"
  fi
  for test in ${BENCH_TESTS//,/ }; do
    for mode in "${BENCH_MODES[@]}"; do measure_case "$server" "$test" "$mode" "$port"; done
  done
  run_sysbench "$port" "$BENCH_CLEANUP_TIMEOUT" "$BENCH_PREPARE_TEST" cleanup \
    >"$SB_LOG_DIR/$server-cleanup.txt" 2>&1 || log "${server}: sysbench cleanup failed (ignored)"
}
