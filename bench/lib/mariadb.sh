# Starts and stops the private reference MariaDB: its own datadir, socket and loopback port, TLS on, root
# passwordless on 127.0.0.1, durable InnoDB (redo log flushed at every commit, like TidalDB).

readonly BENCH_MARIADB_BUFFER_POOL=1G
# 1 = write and flush the redo log at each commit (MariaDB's default, stated so the comparison is explicit).
readonly BENCH_MARIADB_FLUSH_AT_COMMIT=1
# Room for the idle-connection measurement (MariaDB's default max_connections is 151).
readonly BENCH_MARIADB_MAX_CONNECTIONS=2000

MARIADB_PID=
MARIADB_LOG=

# Initialises a datadir under $1 and starts mariadbd on port $2 with the certificates in $3; sets MARIADB_PID.
start_mariadb() {
  local dir=$1 port=$2 tls=$3 user_opt=()
  ((EUID == 0)) && user_opt=(--user=root)
  mkdir -p "$dir"
  MARIADB_LOG="$dir/mariadb.err"
  log "initialising MariaDB datadir ${dir}/data"
  if ! mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db "${user_opt[@]}" >"$dir/install-db.log" 2>&1; then
    show_log_tail mariadb-install-db "$dir/install-db.log"
    die "mariadb-install-db failed"
  fi
  log "starting MariaDB on 127.0.0.1:${port}"
  mariadbd --no-defaults "${user_opt[@]}" \
    --datadir="$dir/data" --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --log-error="$MARIADB_LOG" \
    --ssl-ca="$tls/ca.pem" --ssl-cert="$tls/server-cert.pem" --ssl-key="$tls/server-key.pem" \
    --innodb-buffer-pool-size="$BENCH_MARIADB_BUFFER_POOL" \
    --innodb-flush-log-at-trx-commit="$BENCH_MARIADB_FLUSH_AT_COMMIT" \
    --max-connections="$BENCH_MARIADB_MAX_CONNECTIONS" \
    >"$dir/mariadbd.out" 2>&1 &
  MARIADB_PID=$!
  if ! wait_for_sql "$port" "$MARIADB_PID"; then
    show_log_tail MariaDB "$MARIADB_LOG"
    die "$(start_failure_reason MariaDB "$MARIADB_PID" "$port")"
  fi
  local have_ssl
  have_ssl=$(sql_exec "$port" "SELECT @@have_ssl")
  if [[ $have_ssl != YES ]]; then
    show_log_tail MariaDB "$MARIADB_LOG"
    die "MariaDB started without TLS (have_ssl=${have_ssl})"
  fi
}

# Stops the MariaDB started by start_mariadb, if any.
stop_mariadb() {
  if [[ -n $MARIADB_PID ]]; then stop_process "$MARIADB_PID" MariaDB; fi
  MARIADB_PID=
}

# Prints the server version string.
mariadb_version() { sql_exec "$1" 'SELECT VERSION()'; }
