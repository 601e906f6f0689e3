#!/usr/bin/env bash
# Profiles TidalDB under one sysbench test: starts `node --cpu-prof` tidal-server on a fresh data directory, runs the
# test (4 threads) after a prepare, stops the server and prints the top frames of the measured run only
# (bench/profile-top.ts --from-ms leaves out the start and the prepare). TEST `bank` runs the contended transfers of
# bench/clients/bank-client.ts instead (BANK_ACCOUNTS, BANK_CONNECTIONS); TEST `connect` opens new TLS connections
# (bench/connect-rate-client.ts, 4 clients; CONNECT_MODE full or resumed, default full) and implies tls.
# TRANSPORT `tls` makes certificates as bench/run.sh does (RSA-2048 plus the ECDSA P-256 pair; BENCH_TIDAL_RSA_ONLY=1
# for RSA alone) and runs sysbench with --mysql-ssl=on (the bank client stays plain).
# Usage: bash bench/cpu-profile.sh [TEST] [SECONDS] [PS_MODE] [TRANSPORT]   (defaults: oltp_read_only 20 auto plain)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/certs.sh
source "$BENCH_DIR/lib/certs.sh"
TEST=${1:-oltp_read_only}
SECONDS_TO_RUN=${2:-20}
PS_MODE=${3:-auto}
TRANSPORT=${4:-plain}
[[ $TEST == connect ]] && TRANSPORT=tls
[[ $TRANSPORT == plain || $TRANSPORT == tls ]] || die "TRANSPORT must be plain or tls, not ${TRANSPORT}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidal-profile-XXXX")
PORT=$(free_port)

tls_args=()
ssl=off
# sysbench 1.0 reads the client certificate and CA from its working directory.
CLIENT_DIR="$WORK/client"
mkdir -p "$CLIENT_DIR"
if [[ $TRANSPORT == tls ]]; then
  make_certs "$REPO_ROOT" "$WORK/tls" "$CLIENT_DIR" >/dev/null
  tls_args=(--ssl-ca "$WORK/tls/ca.pem" --ssl-cert "$WORK/tls/server-cert.pem" --ssl-key "$WORK/tls/server-key.pem")
  if [[ ${BENCH_TIDAL_RSA_ONLY:-0} != 1 ]]; then
    make_ecdsa_pair "$WORK/tls"
    tls_args+=(--ssl-alt-cert "$WORK/tls/server-ecdsa-cert.pem" --ssl-alt-key "$WORK/tls/server-ecdsa-key.pem")
  fi
  ssl=on
fi

started_ms=$(date +%s%3N)
node --cpu-prof --cpu-prof-dir="$WORK" "$REPO_ROOT/dist/src/cli/tidal-server.js" --host 127.0.0.1 --port "$PORT" \
  --path "$WORK/data" --log-level warn --status-port 0 "${tls_args[@]}" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null || true' EXIT
wait_for_sql "$PORT" "$PID" || { show_log_tail TidalDB "$WORK/server.log"; die "TidalDB did not start on port $PORT"; }
options=(--db-driver=mysql --tables=1 --table-size=10000 --db-ps-mode="$PS_MODE" --create_secondary=off
  --mysql-host=127.0.0.1 --mysql-port="$PORT" --mysql-user=root --mysql-password= --mysql-db=sbtest --threads=4)
case $TEST in
  bank)
    node "$REPO_ROOT/dist/bench/clients/bank-client.js" --port "$PORT" --setup --accounts "${BANK_ACCOUNTS:-100}" \
      --connections "${BANK_CONNECTIONS:-8}" --seconds 1 >/dev/null
    measured_ms=$(($(date +%s%3N) - started_ms))
    node "$REPO_ROOT/dist/bench/clients/bank-client.js" --port "$PORT" --accounts "${BANK_ACCOUNTS:-100}" \
      --connections "${BANK_CONNECTIONS:-8}" --seconds "$SECONDS_TO_RUN"
    ;;
  connect)
    node "$REPO_ROOT/dist/bench/connect-rate-client.js" --port "$PORT" --seconds 2 --concurrency 4 \
      --mode "${CONNECT_MODE:-full}" --ca "$WORK/tls/ca.pem" >/dev/null
    measured_ms=$(($(date +%s%3N) - started_ms))
    node "$REPO_ROOT/dist/bench/connect-rate-client.js" --port "$PORT" --seconds "$SECONDS_TO_RUN" --concurrency 4 \
      --mode "${CONNECT_MODE:-full}" --ca "$WORK/tls/ca.pem"
    ;;
  *)
    mariadb -h127.0.0.1 -P"$PORT" -uroot -e 'CREATE DATABASE sbtest'
    (cd "$CLIENT_DIR" && sysbench oltp_point_select "${options[@]}" prepare >"$WORK/prepare.log")
    measured_ms=$(($(date +%s%3N) - started_ms))
    (cd "$CLIENT_DIR" && sysbench "$TEST" "${options[@]}" --mysql-ssl="$ssl" --time="$SECONDS_TO_RUN" run) |
      grep -E 'queries:|transactions:'
    ;;
esac
kill -TERM "$PID"
wait "$PID" || true
trap - EXIT
profile=$(ls "$WORK"/*.cpuprofile)
echo "$TEST over $TRANSPORT; the first ${measured_ms} ms (start, prepare) left out"
node "$REPO_ROOT/dist/bench/profile-top.js" "$profile" 25 --from-ms "$measured_ms"
node "$REPO_ROOT/dist/bench/profile-top.js" "$profile" 25 --inclusive --from-ms "$measured_ms"
rm -rf "$WORK/data"
echo "profile kept in $profile"
