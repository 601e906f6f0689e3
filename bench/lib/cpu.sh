# Server CPU time from /proc/<pid>/stat: user + system clock ticks of a process (threads included), so a case can
# report the server's CPU microseconds per query from the difference before and after it.

readonly BENCH_CLK_TCK=$(getconf CLK_TCK)

# Prints the CPU ticks (utime + stime) process $1 has used so far.
cpu_ticks() {
  # Fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends the command name (which may hold spaces).
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# Prints microseconds of CPU per unit: ($2 - $1) ticks over $3 units (queries, transfers), or "-" without units.
cpu_us_per() {
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$BENCH_CLK_TCK" 'BEGIN {
    if (n ~ /^[0-9.]+$/ && n > 0) printf "%.0f", (b - a) * 1000000 / hz / n; else print "-"
  }'
}

# Prints the resident set size of process $1 in KiB.
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
