# The benchmarks beside sysbench, each alternating the servers round by round: new TLS connections per second
# (full handshake and resumed session), resident memory per idle TLS connection, and contended bank transfers
# (SELECT … FOR UPDATE, two UPDATEs, COMMIT). Figures go to EXTRA_VALUE keyed "<server> <metric>#<round>", with
# EXTRA_CPU for the server's CPU microseconds per unit. Reads BENCH_ROUNDS, BENCH_WARMUP, REPO_ROOT, WORK, SB_LOG_DIR,
# SERVER_PORT, SERVER_PID, CONNECT_TIME, IDLE_CONNECTIONS, BANK_*.

declare -A EXTRA_VALUE=() EXTRA_CPU=() EXTRA_NOTE=()
EXTRA_ORDER=()

# Prints field $2 of the JSON object $1.
json_field() { node -e 'const v = JSON.parse(process.argv[1])[process.argv[2]]; console.log(v === undefined ? "" : v)' "$1" "$2"; }

# New TLS connections per second against server $1, mode $2 (full|resumed), round $3.
measure_connect() {
  local server=$1 mode=$2 round=$3 json before after key="$1 connect-$2#$3"
  before=$(cpu_ticks "${SERVER_PID[$server]}")
  json=$(node "$REPO_ROOT/dist/bench/connect-rate-client.js" --port "${SERVER_PORT[$server]}" --seconds "$CONNECT_TIME" \
    --concurrency 4 --mode "$mode" --ca "$WORK/tls/ca.pem") || { EXTRA_NOTE[$server connect-$mode]="client failed"; return 0; }
  after=$(cpu_ticks "${SERVER_PID[$server]}")
  printf '%s\n' "$json" >>"$SB_LOG_DIR/$server-connect.txt"
  if [[ $(json_field "$json" errors) != 0 ]]; then EXTRA_NOTE[$server connect-$mode]="errors: $(json_field "$json" firstError)"; fi
  EXTRA_VALUE[$key]=$(json_field "$json" perSecond)
  EXTRA_CPU[$key]=$(cpu_us_per "$before" "$after" "$(json_field "$json" connections)")
  if [[ $mode == resumed ]]; then EXTRA_NOTE[$server connect-resumed]="$(json_field "$json" reused)/$(json_field "$json" connections) resumed"; fi
}

# Opens IDLE_CONNECTIONS logged-in TLS connections to server $1 and holds them until the returned fd 7 closes;
# waits until they are open. Output (JSON) goes to file $2.
hold_idle_connections() {
  local server=$1 out=$2 fifo="$2.fifo" deadline=$((SECONDS + 300))
  mkfifo "$fifo"
  # The client holds its connections until its stdin (the fifo) closes.
  node "$REPO_ROOT/dist/bench/clients/idle-tls-client.js" --port "${SERVER_PORT[$server]}" --count "$IDLE_CONNECTIONS" \
    --ca "$WORK/tls/ca.pem" <"$fifo" >"$out" &
  IDLE_HOLDER=$!
  exec 7>"$fifo"
  rm -f "$fifo"
  while [[ ! -s $out ]] && kill -0 "$IDLE_HOLDER" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
}

# Closes the connections of hold_idle_connections.
release_idle_connections() {
  exec 7>&-
  wait "$IDLE_HOLDER" || true
}

# Server $1's resident memory growth per idle TLS connection (KiB), with IDLE_CONNECTIONS held open, round $2. A
# first batch is opened and closed unmeasured, so that both servers have grown their pools, thread caches and heap
# to what that many connections take before the baseline is read.
measure_idle_memory() {
  local server=$1 round=$2 pid=${SERVER_PID[$1]} before after json opened
  hold_idle_connections "$server" "$WORK/idle-$server-$round-warm.json"
  release_idle_connections
  sleep 3
  before=$(rss_kib "$pid")
  hold_idle_connections "$server" "$WORK/idle-$server-$round.json"
  sleep 3
  after=$(rss_kib "$pid")
  release_idle_connections
  json=$(cat "$WORK/idle-$server-$round.json")
  printf '%s\n' "$json" >>"$SB_LOG_DIR/$server-idle.txt"
  opened=$(json_field "$json" opened)
  EXTRA_VALUE["$server idle-kib#$round"]=$(awk -v a="$before" -v b="$after" -v n="$opened" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / n; else print "-" }')
  EXTRA_VALUE["$server idle-open-s#$round"]=$(json_field "$json" seconds)
  [[ $opened == "$IDLE_CONNECTIONS" ]] || EXTRA_NOTE[$server idle-kib]="only ${opened} of ${IDLE_CONNECTIONS} opened: $(json_field "$json" firstError)"
  ((after >= before)) || EXTRA_NOTE[$server idle-kib]="RSS shrank while the connections opened (garbage collection): ${before} -> ${after} KiB"
  sleep 2
}

# Bank transfers per second against server $1, round $2 (the accounts are made by the first round).
measure_bank() {
  local server=$1 round=$2 json before after setup=()
  ((round == 1)) && setup=(--setup)
  before=$(cpu_ticks "${SERVER_PID[$server]}")
  json=$(node "$REPO_ROOT/dist/bench/clients/bank-client.js" --port "${SERVER_PORT[$server]}" "${setup[@]}" \
    --accounts "$BANK_ACCOUNTS" --connections "$BANK_CONNECTIONS" --seconds "$BENCH_TIME") ||
    { EXTRA_NOTE[$server bank]="client failed"; return 0; }
  after=$(cpu_ticks "${SERVER_PID[$server]}")
  printf '%s\n' "$json" >>"$SB_LOG_DIR/$server-bank.txt"
  EXTRA_VALUE["$server bank#$round"]=$(json_field "$json" perSecond)
  EXTRA_CPU["$server bank#$round"]=$(cpu_us_per "$before" "$after" "$(json_field "$json" transfers)")
  [[ $(json_field "$json" isBalanced) == true ]] || EXTRA_NOTE[$server bank]="balances do not add up"
  [[ $(json_field "$json" errors) == 0 ]] || EXTRA_NOTE[$server bank]="errors: $(json_field "$json" firstError)"
}

# Runs extra $2 against server $1 for BENCH_WARMUP seconds, unmeasured, so that a JIT-compiled server (TidalDB)
# is not measured cold in the first round (the sysbench warm-up does not run the code paths of the extras).
warm_up_extra() {
  local server=$1 extra=$2 port=${SERVER_PORT[$1]}
  case $extra in
    connect) node "$REPO_ROOT/dist/bench/connect-rate-client.js" --port "$port" --seconds "$BENCH_WARMUP" --concurrency 4 \
      --mode full --ca "$WORK/tls/ca.pem" >/dev/null || true ;;
    bank) node "$REPO_ROOT/dist/bench/clients/bank-client.js" --port "$port" --setup --accounts "$BANK_ACCOUNTS" \
      --connections "$BANK_CONNECTIONS" --seconds "$BENCH_WARMUP" >/dev/null || true ;;
  esac
}

# Runs the extras named in BENCH_EXTRAS on the servers named in $@, alternating them within each round.
bench_extras() {
  local extra round server mode
  for extra in ${BENCH_EXTRAS//,/ }; do
    if ((BENCH_WARMUP > 0)) && [[ $extra != idle ]]; then
      for server in "$@"; do
        log "${server} ${extra} warm-up (${BENCH_WARMUP}s, not measured)"
        warm_up_extra "$server" "$extra"
      done
    fi
    for ((round = 1; round <= BENCH_ROUNDS; round++)); do
      for server in "$@"; do
        log "${server} ${extra} round ${round}"
        case $extra in
          connect) for mode in full resumed; do measure_connect "$server" "$mode" "$round"; done ;;
          idle) measure_idle_memory "$server" "$round" ;;
          bank) measure_bank "$server" "$round" ;;
        esac
      done
    done
    case $extra in
      connect) EXTRA_ORDER+=(connect-full connect-resumed) ;;
      idle) EXTRA_ORDER+=(idle-kib idle-open-s) ;;
      bank) EXTRA_ORDER+=(bank) ;;
    esac
  done
}
