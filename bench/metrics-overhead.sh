#!/usr/bin/env bash
# What the status port's metrics cost: sysbench oltp_point_select against TidalDB with report-status off, then on,
# alternated ROUNDS times in alternating order (a fresh server each run, one data directory). Prints the median QPS of each, and the
# median server CPU time per query (from /proc: far less disturbed than QPS when other work shares the machine),
# with the on/off ratios. The statement summary and slow log are on in both (SQL features, not the status port's).
#   bash bench/metrics-overhead.sh            ROUNDS=4 TIME=30 THREADS=4 PS_MODE=disable bash bench/metrics-overhead.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"

ROUNDS=${ROUNDS:-3}
TIME=${TIME:-20}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-4}
TABLE_SIZE=${TABLE_SIZE:-10000}
PS_MODE=${PS_MODE:-auto}
ENTRY="$REPO_ROOT/dist/src/cli/tidal-server.js"
[[ -f $ENTRY ]] || die "$ENTRY is missing: run npm run build"
command -v sysbench >/dev/null 2>&1 || die "sysbench is not installed (apt-get install sysbench)"

WORK=$(mktemp -d)
PID=
cleanup() {
  [[ -z $PID ]] || stop_process "$PID" TidalDB
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(free_port)
sb() {
  sysbench oltp_point_select --db-driver=mysql --tables=1 --table-size="$TABLE_SIZE" --db-ps-mode="$PS_MODE" \
    --mysql-host=127.0.0.1 --mysql-port="$PORT" --mysql-user=root --mysql-password= --mysql-db=sbtest \
    --threads="$THREADS" "$@"
}

# Starts the server with flags $@; sets PID.
start() {
  node "$ENTRY" --host 127.0.0.1 --port "$PORT" --path "$WORK/data" --auto-tls=false --log-level warn --status-port 0 "$@" \
    >>"$WORK/server.log" 2>&1 &
  PID=$!
  wait_for_sql "$PORT" "$PID" || die "TidalDB did not start: $(tail -5 "$WORK/server.log")"
}

start --report-status=false
sql_exec "$PORT" 'CREATE DATABASE sbtest'
sb prepare >/dev/null
stop_process "$PID" TidalDB
PID=

# utime + stime of process $1, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

declare -A QPS=([off]='' [on]='') CPU_US=([off]='' [on]='')
for ((round = 1; round <= ROUNDS; round++)); do
  # Odd rounds measure off first, even rounds on first, so that neither always runs on a just-warmed machine.
  order='off on'
  ((round % 2 == 0)) && order='on off'
  for mode in $order; do
    if [[ $mode == on ]]; then start --report-status=true; else start --report-status=false; fi
    sb --time="$WARMUP" run >/dev/null
    before=$(cpu_ticks "$PID")
    report=$(sb --time="$TIME" run)
    after=$(cpu_ticks "$PID")
    qps=$(awk '/^ *queries:/ { q = $3; gsub(/[()]/, "", q); print q }' <<<"$report")
    queries=$(awk '/^ *queries:/ { print $2 }' <<<"$report")
    cpu_us=$(awk -v t=$((after - before)) -v q="$queries" -v hz="$TICKS_PER_SECOND" 'BEGIN { printf "%.1f", t / hz * 1e6 / q }')
    stop_process "$PID" TidalDB
    PID=
    log "round ${round} report-status=${mode}: ${qps} queries/s, ${cpu_us} µs server CPU per query"
    QPS[$mode]+="${qps} "
    CPU_US[$mode]+="${cpu_us} "
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
off=$(median <<<"${QPS[off]}")
on=$(median <<<"${QPS[on]}")
printf 'oltp_point_select threads=%s time=%ss ps-mode=%s rounds=%s\n' "$THREADS" "$TIME" "$PS_MODE" "$ROUNDS"
printf 'report-status=false: %s (median of %s)\n' "$off" "${QPS[off]% }"
printf 'report-status=true:  %s (median of %s)\n' "$on" "${QPS[on]% }"
awk -v on="$on" -v off="$off" 'BEGIN { printf "QPS ratio on/off: %.3f\n", on / off }'
cpu_off=$(median <<<"${CPU_US[off]}")
cpu_on=$(median <<<"${CPU_US[on]}")
printf 'server CPU per query, report-status=false: %s µs (median of %s)\n' "$cpu_off" "${CPU_US[off]% }"
printf 'server CPU per query, report-status=true:  %s µs (median of %s)\n' "$cpu_on" "${CPU_US[on]% }"
awk -v on="$cpu_on" -v off="$cpu_off" 'BEGIN { printf "CPU per query ratio on/off: %.3f\n", on / off }'
