#!/usr/bin/env bash
# Server CPU per query of each oltp_read_only query kind alone (bench/clients/read-kinds-client.ts): starts TidalDB
# on a fresh data directory, loads sbtest1 with sysbench, runs each kind with 4 mysql2 connections, stops the server.
# Usage: bash bench/read-kinds.sh [SECONDS] [KINDS]   (defaults: 5, every kind); BENCH_TIDAL_SERVER picks the entry point.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
SECONDS_TO_RUN=${1:-5}
KINDS=${2:-point,simple,sum,order,distinct,begin-commit}
SERVER=${BENCH_TIDAL_SERVER:-$REPO_ROOT/dist/src/cli/tidal-server.js}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidal-kinds-XXXX")
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
PORT=$(free_port)

node "$SERVER" --host 127.0.0.1 --port "$PORT" --path "$WORK/data" --log-level warn --status-port 0 >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
wait_for_sql "$PORT" "$PID" || { show_log_tail TidalDB "$WORK/server.log"; die "TidalDB did not start on port $PORT"; }
mariadb -h127.0.0.1 -P"$PORT" -uroot -e 'CREATE DATABASE sbtest'
sysbench oltp_point_select --db-driver=mysql --tables=1 --table-size=10000 --create_secondary=off --mysql-host=127.0.0.1 \
  --mysql-port="$PORT" --mysql-user=root --mysql-password= --mysql-db=sbtest prepare >"$WORK/prepare.log"
node "$REPO_ROOT/dist/bench/clients/read-kinds-client.js" --port "$PORT" --pid "$PID" --seconds "$SECONDS_TO_RUN" --kinds "$KINDS"
