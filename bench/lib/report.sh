# Formats the recorded cases as one table (case, QPS, p95 latency, TidalDB/MariaDB QPS ratio) plus notes.
# Reads CASE_ORDER, RESULT_QPS, RESULT_P95, RESULT_NOTE, TLS_INFO, SERVER_VERSION and the BENCH_* settings.

readonly BENCH_REFERENCE=mariadb
readonly BENCH_TABLE_FORMAT='%-32s %12s %9s %17s\n'

declare -A SERVER_VERSION=()

# Prints "$1 / $2" with two decimals, or "-" when either is not a number.
qps_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-"
  }'
}

# Prints the ratio cell of case "<server> <test>/<mode>": "ref" for the reference server, else its QPS over MariaDB's.
ratio_cell() {
  local server=${1%% *} test_mode=${1#* }
  if [[ $server == "$BENCH_REFERENCE" ]]; then echo ref; return; fi
  qps_ratio "${RESULT_QPS[$1]}" "${RESULT_QPS[$BENCH_REFERENCE $test_mode]:-}"
}

# Prints the whole report to stdout.
format_report() {
  local key server note
  echo "sysbench ${BENCH_TESTS//,/, }: 1 table x ${BENCH_TABLE_SIZE} rows, ${BENCH_THREADS} threads," \
    "${BENCH_TIME}s per case, --db-ps-mode=${BENCH_PS_MODE}, 127.0.0.1, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs"
  for server in "${!SERVER_VERSION[@]}"; do echo "${server} version: ${SERVER_VERSION[$server]}"; done | sort
  echo
  # shellcheck disable=SC2059 # the format is a constant
  printf "$BENCH_TABLE_FORMAT" case QPS 'p95 ms' 'TidalDB/MariaDB'
  for key in "${CASE_ORDER[@]}"; do
    # shellcheck disable=SC2059
    printf "$BENCH_TABLE_FORMAT" "$key" "${RESULT_QPS[$key]}" "${RESULT_P95[$key]}" "$(ratio_cell "$key")"
  done
  echo
  for server in "${!TLS_INFO[@]}"; do echo "TLS ${server}: ${TLS_INFO[$server]}"; done | sort
  for key in "${CASE_ORDER[@]}"; do
    note=${RESULT_NOTE[$key]}
    if [[ -n $note ]]; then echo "note ${key}: ${note}"; fi
  done
}

# True when some case failed.
has_failed_case() {
  local key
  for key in "${CASE_ORDER[@]}"; do [[ ${RESULT_QPS[$key]} == FAILED ]] && return 0; done
  return 1
}
