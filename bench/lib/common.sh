# Shared helpers for the benchmark scripts: logging, fatal errors, free loopback ports, readiness and shutdown.
# Sourced by bench/run.sh; expects `set -euo pipefail` in the caller.

# Limits (seconds) that keep every step of a run bounded.
readonly BENCH_SERVER_START_TIMEOUT=90
readonly BENCH_SERVER_STOP_TIMEOUT=30
readonly BENCH_CONNECT_TIMEOUT=3
# Random ports come from 20000..31999, below Linux's ephemeral range (32768+) so client sockets never hold them.
readonly BENCH_PORT_MIN=20000
readonly BENCH_PORT_SPAN=12000
readonly BENCH_PORT_TRIES=200
# Lines of a server log shown when it fails.
readonly BENCH_LOG_TAIL_LINES=40

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

# Prints the last lines of a server log to stderr, framed, so a failed start explains itself.
show_log_tail() {
  local name=$1 file=$2
  printf '%s\n' "----- last ${BENCH_LOG_TAIL_LINES} lines of ${name} log (${file}) -----" >&2
  if [[ -f $file ]]; then tail -n "$BENCH_LOG_TAIL_LINES" "$file" >&2; else echo "(no log file)" >&2; fi
  printf '%s\n' "----- end of ${name} log -----" >&2
}

# True when something accepts TCP connections on 127.0.0.1:$1.
is_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a loopback port that nothing listens on and that is not in the space-separated list $1.
free_port() {
  local taken=" ${1:-} " port i
  for ((i = 0; i < BENCH_PORT_TRIES; i++)); do
    port=$((BENCH_PORT_MIN + RANDOM % BENCH_PORT_SPAN))
    [[ $taken == *" $port "* ]] && continue
    is_port_busy "$port" || { echo "$port"; return 0; }
  done
  die "no free port found on 127.0.0.1"
}

# Runs a SQL statement as root over TCP to 127.0.0.1:$1 with the MariaDB command-line client.
sql_exec() {
  local port=$1 statement=$2
  mariadb --no-defaults --protocol=TCP --host=127.0.0.1 --port="$port" --user=root --password= \
    --connect-timeout="$BENCH_CONNECT_TIMEOUT" --batch --skip-column-names --execute="$statement"
}

# Waits until the server process $2 answers `SELECT 1` on port $1; fails if it exits or the timeout passes.
wait_for_sql() {
  local port=$1 pid=$2 deadline=$((SECONDS + BENCH_SERVER_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 1
    sql_exec "$port" 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

# Prints why server process $2 (named $1) is not answering on port $3: it exited (with its status) or timed out.
start_failure_reason() {
  local name=$1 pid=$2 port=$3 status=0
  if kill -0 "$pid" 2>/dev/null; then
    echo "${name} did not answer on 127.0.0.1:${port} within ${BENCH_SERVER_START_TIMEOUT}s"
  else
    wait "$pid" 2>/dev/null || status=$?
    echo "${name} exited with status ${status} before answering on 127.0.0.1:${port}"
  fi
}

# Stops process $1 (a child of this shell): SIGTERM, then SIGKILL after BENCH_SERVER_STOP_TIMEOUT seconds.
stop_process() {
  local pid=$1 name=$2 deadline=$((SECONDS + BENCH_SERVER_STOP_TIMEOUT))
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping ${name} (pid ${pid})"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "${name} did not stop within ${BENCH_SERVER_STOP_TIMEOUT}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
