#!/usr/bin/env bash
# Profiles TidalDB under one sysbench test: starts `node --cpu-prof` tidal-server on a fresh data directory, runs the
# test (4 threads) after a prepare, stops the server and prints the top frames (bench/profile-top.ts). TEST `bank`
# runs the contended transfers of bench/clients/bank-client.ts instead (BANK_ACCOUNTS, BANK_CONNECTIONS).
# Usage: bash bench/cpu-profile.sh [TEST] [SECONDS] [PS_MODE]   (defaults: oltp_read_only 20 auto)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
TEST=${1:-oltp_read_only}
SECONDS_TO_RUN=${2:-20}
PS_MODE=${3:-auto}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidal-profile-XXXX")
PORT=$((20000 + RANDOM % 12000))

node --cpu-prof --cpu-prof-dir="$WORK" "$REPO_ROOT/dist/src/cli/tidal-server.js" --host 127.0.0.1 --port "$PORT" \
  --path "$WORK/data" --log-level warn --status-port 0 >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  mariadb -h127.0.0.1 -P"$PORT" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done
if [[ $TEST == bank ]]; then
  node "$REPO_ROOT/dist/bench/clients/bank-client.js" --port "$PORT" --setup --accounts "${BANK_ACCOUNTS:-100}" \
    --connections "${BANK_CONNECTIONS:-8}" --seconds "$SECONDS_TO_RUN"
else
  mariadb -h127.0.0.1 -P"$PORT" -uroot -e 'CREATE DATABASE sbtest'
  options=(--db-driver=mysql --tables=1 --table-size=10000 --db-ps-mode="$PS_MODE" --create_secondary=off
    --mysql-host=127.0.0.1 --mysql-port="$PORT" --mysql-user=root --mysql-password= --mysql-db=sbtest --threads=4)
  sysbench oltp_point_select "${options[@]}" prepare >"$WORK/prepare.log"
  sysbench "$TEST" "${options[@]}" --time="$SECONDS_TO_RUN" run | grep -E 'queries:|transactions:'
fi
kill -TERM "$PID"
wait "$PID" || true
trap - EXIT
profile=$(ls "$WORK"/*.cpuprofile)
node "$REPO_ROOT/dist/bench/profile-top.js" "$profile" 25
node "$REPO_ROOT/dist/bench/profile-top.js" "$profile" 25 --inclusive
rm -rf "$WORK/data"
echo "profile kept in $profile"
