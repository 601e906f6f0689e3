# Installs the benchmark's system packages with apt-get when a command is missing, waiting for the apt/dpkg
# locks of any install already running on the machine instead of failing.

# Seconds to wait for another apt/dpkg process to release its locks.
readonly BENCH_APT_LOCK_TIMEOUT=900
readonly BENCH_APT_RETRIES=3
readonly BENCH_APT_LOCKS=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock)

# Package that provides each command the benchmark runs.
declare -A BENCH_PACKAGE_OF=(
  [mariadbd]=mariadb-server
  [mariadb-install-db]=mariadb-server
  [mariadb]=mariadb-client
  [sysbench]=sysbench
  [openssl]=openssl
)

# Waits until no process holds an apt/dpkg lock (fuser exits 0 when one does).
wait_for_apt_locks() {
  local deadline=$((SECONDS + BENCH_APT_LOCK_TIMEOUT)) lock busy
  while ((SECONDS < deadline)); do
    busy=
    for lock in "${BENCH_APT_LOCKS[@]}"; do
      [[ -e $lock ]] && fuser "$lock" >/dev/null 2>&1 && busy=$lock
    done
    [[ -z $busy ]] && return 0
    log "waiting for another apt/dpkg process to release ${busy}"
    sleep 5
  done
  die "apt/dpkg locks still held after ${BENCH_APT_LOCK_TIMEOUT}s"
}

# Runs one apt-get command as root, retrying when it loses the race for a lock.
apt_get() {
  local sudo=() attempt
  ((EUID == 0)) || sudo=(sudo -n)
  for ((attempt = 1; attempt <= BENCH_APT_RETRIES; attempt++)); do
    wait_for_apt_locks
    if DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout="$BENCH_APT_LOCK_TIMEOUT" \
      -y -q "$@"; then
      return 0
    fi
    log "apt-get $* failed (attempt ${attempt}/${BENCH_APT_RETRIES})"
    sleep 5
  done
  return 1
}

# Installs the packages of every missing command; does nothing (no apt-get update) when all are present.
install_missing_packages() {
  local cmd missing=()
  for cmd in "${!BENCH_PACKAGE_OF[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${BENCH_PACKAGE_OF[$cmd]}")
  done
  ((${#missing[@]} == 0)) && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if ((EUID != 0)) && ! sudo -n true 2>/dev/null; then
    die "missing packages (${missing[*]}): run as root or install them with apt-get"
  fi
  log "installing ${missing[*]}"
  apt_get update || die "apt-get update failed"
  apt_get install --no-install-recommends --no-upgrade "${missing[@]}" || die "apt-get install ${missing[*]} failed"
}
