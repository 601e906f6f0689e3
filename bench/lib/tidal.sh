# Starts and stops TidalDB (`node dist/src/cli/tidal-server.js`) on a fresh data directory and loopback port.

# Room for the idle-connection measurement: max_connections is 151 unless configured, as in MySQL (and MariaDB).
readonly BENCH_TIDAL_MAX_CONNECTIONS=2000

TIDAL_PID=
TIDAL_LOG=

# Prints the server entry point: $BENCH_TIDAL_SERVER when set (another build), else the one under repo root $1.
tidal_entry() { echo "${BENCH_TIDAL_SERVER:-$1/dist/src/cli/tidal-server.js}"; }

# Builds the project when the server entry point is missing under repo root $1; dies when it is still missing.
ensure_tidal_built() {
  local repo=$1 entry
  entry=$(tidal_entry "$repo")
  [[ -f $entry ]] && return 0
  [[ -z ${BENCH_TIDAL_SERVER:-} ]] || die "BENCH_TIDAL_SERVER=${BENCH_TIDAL_SERVER} does not exist"
  command -v node >/dev/null 2>&1 || die "node is not installed; run with --mariadb-only"
  log "${entry} is missing; building with npm run build"
  (cd "$repo" && npm run build --silent) >&2 || true
  [[ -f $entry ]] || die "${entry} is still missing after the build; fix the build or run with --mariadb-only"
}

# Starts tidal-server from repo root $1 with data under $2, port $3 and the certificates in $4 (plus its ECDSA pair
# when $4 holds one and BENCH_TIDAL_RSA_ONLY is not 1); sets TIDAL_PID. The status port takes any free port;
# BENCH_TIDAL_ARGS adds flags (e.g. --report-status=false).
start_tidal() {
  local repo=$1 dir=$2 port=$3 tls=$4 alt=() extra=()
  mkdir -p "$dir"
  if [[ -f $tls/server-ecdsa-cert.pem && ${BENCH_TIDAL_RSA_ONLY:-0} != 1 ]]; then
    alt=(--ssl-alt-cert "$tls/server-ecdsa-cert.pem" --ssl-alt-key "$tls/server-ecdsa-key.pem")
  fi
  TIDAL_LOG="$dir/tidal-server.log"
  read -r -a extra <<<"${BENCH_TIDAL_ARGS:-}"
  log "starting TidalDB on 127.0.0.1:${port} ${BENCH_TIDAL_ARGS:-}"
  node "$(tidal_entry "$repo")" --host 127.0.0.1 --port "$port" --path "$dir/data" --log-level warn --status-port 0 \
    --max-connections "$BENCH_TIDAL_MAX_CONNECTIONS" \
    --ssl-ca "$tls/ca.pem" --ssl-cert "$tls/server-cert.pem" --ssl-key "$tls/server-key.pem" "${alt[@]}" "${extra[@]}" \
    >"$TIDAL_LOG" 2>&1 &
  TIDAL_PID=$!
  if ! wait_for_sql "$port" "$TIDAL_PID"; then
    show_log_tail TidalDB "$TIDAL_LOG"
    die "$(start_failure_reason TidalDB "$TIDAL_PID" "$port")"
  fi
}

# Stops the TidalDB started by start_tidal, if any.
stop_tidal() {
  if [[ -n $TIDAL_PID ]]; then stop_process "$TIDAL_PID" TidalDB; fi
  TIDAL_PID=
}
