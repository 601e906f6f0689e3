# Formats the recorded runs as tables: per case each server's mean and spread (min-max) over the rounds, the
# TidalDB/MariaDB ratio of the means, and each server's CPU microseconds per query (or per connection, per
# transfer). Reads CASE_ORDER, RUN_QPS, RUN_P95, RUN_CPU, CASE_NOTE, EXTRA_ORDER, EXTRA_VALUE, EXTRA_CPU,
# EXTRA_NOTE, TLS_INFO, SERVER_VERSION and the BENCH_* settings.

readonly BENCH_REFERENCE=mariadb
readonly BENCH_SUBJECT=tidaldb
readonly BENCH_ROW_FORMAT='%-30s %26s %26s %8s %9s %9s\n'

declare -A SERVER_VERSION=()

# Prints "mean min max" of the numbers given as arguments ("-" when there are none).
stats_of() {
  printf '%s\n' "$@" | awk '/^[0-9.]+$/ { n++; s += $1; if (min == "" || $1 < min) min = $1; if ($1 > max) max = $1 }
    END { if (n == 0) print "- - -"; else printf "%.1f %.1f %.1f\n", s / n, min, max }'
}

# Prints the values of array $1 (by name) for keys "<server> <case>#1..BENCH_ROUNDS".
round_values() {
  local -n values=$1
  local server=$2 case=$3 round
  for ((round = 1; round <= BENCH_ROUNDS; round++)); do echo "${values[$server $case#$round]:-}"; done
}

# Prints "mean (min-max)" of a server's rounds, or FAILED.
cell() {
  local mean min max
  read -r mean min max <<<"$(stats_of $(round_values "$1" "$2" "$3"))"
  if [[ $mean == - ]]; then echo FAILED; elif ((BENCH_ROUNDS == 1)); then echo "$mean"; else echo "$mean ($min-$max)"; fi
}

# Prints the mean of a server's rounds.
mean_of() { stats_of $(round_values "$1" "$2" "$3") | cut -d' ' -f1; }

# Prints $1 / $2 with two decimals, or "-" when either is not a number.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'
}

# Prints one table row for case $3 over arrays $1 (values) and $2 (CPU).
table_row() {
  local values=$1 cpu=$2 case=$3
  # shellcheck disable=SC2059 # the format is a constant
  printf "$BENCH_ROW_FORMAT" "$case" "$(cell "$values" "$BENCH_REFERENCE" "$case")" "$(cell "$values" "$BENCH_SUBJECT" "$case")" \
    "$(ratio "$(mean_of "$values" "$BENCH_SUBJECT" "$case")" "$(mean_of "$values" "$BENCH_REFERENCE" "$case")")" \
    "$(mean_of "$cpu" "$BENCH_REFERENCE" "$case" | cut -d. -f1)" "$(mean_of "$cpu" "$BENCH_SUBJECT" "$case" | cut -d. -f1)"
}

# Prints the whole report to stdout.
format_report() {
  local case server key
  echo "TidalDB next to MariaDB, alternating A B per round (${BENCH_ROUNDS} rounds), $(date -u +%Y-%m-%dT%H:%M:%SZ)," \
    "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for server in "${!SERVER_VERSION[@]}"; do echo "${server} version: ${SERVER_VERSION[$server]}"; done | sort
  if ((${#CASE_ORDER[@]} > 0)); then
    echo "sysbench: 1 table x ${BENCH_TABLE_SIZE} rows, ${BENCH_TIME}s per run, --db-ps-mode=${BENCH_PS_MODE}, 127.0.0.1"
    echo
    # shellcheck disable=SC2059
    printf "$BENCH_ROW_FORMAT" 'case (QPS: mean (min-max))' MariaDB TidalDB ratio 'MDB µs/q' 'TDB µs/q'
    for case in "${CASE_ORDER[@]}"; do table_row RUN_QPS RUN_CPU "$case"; done
  fi
  if ((${#EXTRA_ORDER[@]} > 0)); then
    echo
    # shellcheck disable=SC2059
    printf "$BENCH_ROW_FORMAT" 'extra (mean (min-max))' MariaDB TidalDB ratio 'MDB µs/u' 'TDB µs/u'
    for case in "${EXTRA_ORDER[@]}"; do table_row EXTRA_VALUE EXTRA_CPU "$case"; done
    echo "(connect-*: connections/s, 4 clients; idle-kib: RSS KiB per idle TLS connection; idle-open-s: seconds to open"
    echo " them; bank: transfers/s; µs/u: server CPU per connection or transfer)"
  fi
  echo
  for server in "${!TLS_INFO[@]}"; do echo "TLS ${server}: ${TLS_INFO[$server]}"; done | sort
  for key in "${!CASE_NOTE[@]}" "${!EXTRA_NOTE[@]}"; do
    echo "note ${key}: ${CASE_NOTE[$key]:-${EXTRA_NOTE[$key]:-}}"
  done | sort
}

# True when some case has no figures for some server.
has_failed_case() {
  local case server
  for case in "${CASE_ORDER[@]}"; do
    for server in "$BENCH_REFERENCE" "$BENCH_SUBJECT"; do
      [[ $(mean_of RUN_QPS "$server" "$case") == - ]] && return 0
    done
  done
  return 1
}
