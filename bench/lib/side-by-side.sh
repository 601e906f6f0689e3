# Runs a Node client against a private MariaDB and TidalDB that are both up (the client alternates its queries
# between them): the steps bench/json-extract.sh and bench/window-query.sh share. Sourced after common.sh,
# install-deps.sh, certs.sh, mariadb.sh and tidal.sh; expects `set -euo pipefail` in the caller.

SIDE_BY_SIDE_WORK=
# Set by run_side_by_side: MariaDB's version string and the client's output (its result, one JSON line).
SIDE_BY_SIDE_MARIADB_VERSION=
SIDE_BY_SIDE_RESULT=

side_by_side_exit() {
  local rc=$?
  set +e
  stop_tidal
  stop_mariadb
  [[ -n $SIDE_BY_SIDE_WORK && -d $SIDE_BY_SIDE_WORK && $rc == 0 ]] && rm -rf "$SIDE_BY_SIDE_WORK"
  exit "$rc"
}

# run_side_by_side REPO_ROOT BENCH_DIR NAME CLIENT [CLIENT_ARGS…]: starts both servers (NAME names the work
# directory), runs dist/bench/CLIENT.js with --tidal-port and --mariadb-port, and sets SIDE_BY_SIDE_MARIADB_VERSION
# and SIDE_BY_SIDE_RESULT. The servers stop when the calling script exits.
run_side_by_side() {
  local repo_root=$1 bench_dir=$2 name=$3 client=$4
  shift 4
  install_missing_packages
  ensure_tidal_built "$repo_root"
  [[ -f $repo_root/dist/bench/$client.js ]] || (cd "$repo_root" && npm run build --silent) >&2
  mkdir -p "$bench_dir/.work"
  SIDE_BY_SIDE_WORK=$(mktemp -d "$bench_dir/.work/$name-$(date +%Y%m%d-%H%M%S)-XXXX")
  trap side_by_side_exit EXIT
  make_certs "$repo_root" "$SIDE_BY_SIDE_WORK/tls" "$SIDE_BY_SIDE_WORK/client" >/dev/null
  local mariadb_port tidal_port
  mariadb_port=$(free_port)
  tidal_port=$(free_port "$mariadb_port")
  start_mariadb "$SIDE_BY_SIDE_WORK/mariadb" "$mariadb_port" "$SIDE_BY_SIDE_WORK/tls"
  SIDE_BY_SIDE_MARIADB_VERSION=$(mariadb_version "$mariadb_port")
  start_tidal "$repo_root" "$SIDE_BY_SIDE_WORK/tidaldb" "$tidal_port" "$SIDE_BY_SIDE_WORK/tls"
  SIDE_BY_SIDE_RESULT=$(node "$repo_root/dist/bench/$client.js" --tidal-port "$tidal_port" --mariadb-port "$mariadb_port" "$@")
}
