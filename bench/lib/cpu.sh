# Server CPU time from /proc/<pid>/stat: user + system clock ticks of a server (its threads and its child processes
# included: tidal-server with max-procs > 1 serves queries in worker processes forked by the primary), so a case can
# report the server's CPU microseconds per query from the difference before and after it.

readonly BENCH_CLK_TCK=$(getconf CLK_TCK)

# Prints the pids of process $1 and of all its descendants, one a line.
process_tree() {
  local pid=$1 child
  echo "$pid"
  for child in $(ps -o pid= --ppid "$pid"); do process_tree "$child"; done
}

# Prints the CPU ticks (utime + stime) process $1 and its living descendants have used so far. A worker replaced
# during a case loses its ticks, so compare figures only across cases where no worker died.
cpu_ticks() {
  local stats=() pid
  for pid in $(process_tree "$1"); do [[ -r /proc/$pid/stat ]] && stats+=("/proc/$pid/stat"); done
  # Fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends the command name (which may hold spaces); a
  # process that exits between the listing and the read is skipped.
  awk '{ sub(/^.*\) /, ""); sum += $12 + $13 } END { print sum + 0 }' "${stats[@]}" 2>/dev/null || true
}

# Prints microseconds of CPU per unit: ($2 - $1) ticks over $3 units (queries, transfers), or "-" without units.
cpu_us_per() {
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$BENCH_CLK_TCK" 'BEGIN {
    if (n ~ /^[0-9.]+$/ && n > 0) printf "%.0f", (b - a) * 1000000 / hz / n; else print "-"
  }'
}

# Prints the resident set size of process $1 and its descendants in KiB (their pages shared after fork count once
# per process; a difference before and after a case is what is reported).
rss_kib() {
  local files=() pid
  for pid in $(process_tree "$1"); do [[ -r /proc/$pid/status ]] && files+=("/proc/$pid/status"); done
  awk '/^VmRSS:/ { sum += $2 } END { print sum + 0 }' "${files[@]}" 2>/dev/null || true
}
