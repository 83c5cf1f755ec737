#!/usr/bin/env bash
# Checks `./spindle load` against wrk on the same server in the same run: throughput of each, their
# ratio (the goal: within 10%), and what the generator itself costs per request.
#
#   spindle-bench/load/compare-wrk.sh [--rounds=N] [--connections=N] [--duration=S] [--warmup=S]
#                                     [--quiet-wait=S] [--port=P] [--path=/]
#
# The Spindle demo server (`./spindle demo`) runs pinned to CPU 0; wrk (one thread) and then
# `./spindle load` (one loop) run pinned to CPU 1 with the same connections and duration, in
# alternating order from round to round, after a warm-up of the server. `spindle load` gets
# --warmup (default 2 s): a JVM starts cold, and its JIT compiler shares the one pinned CPU for the
# first second or two; the measured duration is the same as wrk's. Per round it prints both
# throughputs and their ratio, and, from /proc/PID/stat (utime + stime), the CPU each generator and
# the server used: CPU time per response, and how busy each core was. Medians over the rounds close
# the table. Defaults: 3 rounds, 64 connections, 10 s. The machine may be shared: before each run
# the script waits (up to --quiet-wait, default 300 s) until the CPUs are otherwise idle, and marks
# a round measured on a busy machine with *.
#
# One generator core saturating one server core shows as the server's core near 100% while the
# generator's is below it. Environment: JAVA_HOME (a JDK 25; else /usr/lib/jvm/temurin-25-jdk-amd64),
# SPINDLE_JAVA_OPTS (JVM options for both Spindle processes).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

rounds=3
connections=64
duration=10
warmup=2
quiet_wait=300
port=3990
path=/
for arg in "$@"; do
  case "$arg" in
    --rounds=*) rounds="${arg#--rounds=}" ;;
    --connections=*) connections="${arg#--connections=}" ;;
    --duration=*) duration="${arg#--duration=}" ;;
    --warmup=*) warmup="${arg#--warmup=}" ;;
    --quiet-wait=*) quiet_wait="${arg#--quiet-wait=}" ;;
    --port=*) port="${arg#--port=}" ;;
    --path=*) path="${arg#--path=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

for tool in wrk taskset awk sort getconf; do
  command -v "$tool" >/dev/null || { echo "compare-wrk: needs $tool on PATH" >&2; exit 1; }
done
(( $(nproc) >= 2 )) || { echo "compare-wrk: needs 2 CPUs (server on CPU 0, generator on CPU 1)" >&2; exit 1; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

url="http://127.0.0.1:$port$path"
ticks=$(getconf CLK_TCK)
spindle="$root/spindle"
work="$(mktemp -d)"
server_pid=""

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# utime + stime of a process, in clock ticks; empty once it is gone.
cpu_ticks() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) } # the command name may hold spaces; the fields after it do not
  awk '{ print $12 + $13 }' <<<"$stat"
}

# Runs a command in the background and waits for it, keeping the last CPU reading of its process
# (taken every 50 ms, so it misses at most the exit itself). Sets LAST_TICKS and WALL_SECONDS.
run_measured() {
  local out=$1
  shift
  local start pid ticks_now
  start=$(date +%s.%N)
  "$@" >"$out" 2>"$out.err" &
  pid=$!
  LAST_TICKS=0
  while kill -0 "$pid" 2>/dev/null; do
    ticks_now=$(cpu_ticks "$pid")
    [[ -n "$ticks_now" ]] && LAST_TICKS=$ticks_now
    sleep 0.05
  done
  wait "$pid" || { echo "compare-wrk: '$*' failed:" >&2; cat "$out.err" >&2; exit 1; }
  WALL_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
}

echo "== building the CLI (if needed) and starting the server on CPU 0: $url" >&2
"$spindle" help load >/dev/null
taskset -c 0 "$spindle" demo --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done

echo "== warming the server up (wrk for 5 s, then spindle load for 5 s)" >&2
taskset -c 1 wrk -t1 -c"$connections" -d5s "$url" >/dev/null
taskset -c 1 "$spindle" load "$url" -c "$connections" -d 5 --no-progress >/dev/null 2>&1

# The share of all CPUs busy over half a second, in percent, from /proc/stat.
busy_percent() {
  local a b
  a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat)
  sleep 0.5
  b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}

# The machine is shared: before each run, wait (up to --quiet-wait seconds) until nothing else keeps
# the CPUs busy, so both generators meet the same machine. Sets NOISY when it never got quiet.
wait_quiet() {
  local waited=0 busy
  NOISY=""
  while busy=$(busy_percent); (( busy > 10 )); do
    if (( waited >= quiet_wait )); then
      NOISY="*"
      echo "compare-wrk: the CPUs stayed ${busy}% busy with other work; measuring anyway (marked *)" >&2
      return
    fi
    (( waited == 0 )) && echo "compare-wrk: the CPUs are ${busy}% busy with other work; waiting for quiet" >&2
    sleep 2
    waited=$((waited + 2))
  done
}

# One measured run of one generator: sets RPS, COUNT, GEN_TICKS, GEN_WALL, SERVER_TICKS, P50, P99.
measure() {
  local which=$1 server_before server_after
  wait_quiet
  server_before=$(cpu_ticks "$server_pid")
  if [[ $which == wrk ]]; then
    run_measured "$work/wrk.txt" taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --latency "$url"
    RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
    COUNT=$(awk '/ requests in / { print $1 }' "$work/wrk.txt")
    P50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
    P99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  else
    run_measured "$work/spindle.json" taskset -c 1 "$spindle" load "$url" -c "$connections" -d "$duration" \
      --warmup "$warmup" --json --no-progress
    RPS=$(sed -n 's/^ *"requestsPerSecond" *: *\([0-9.]*\).*/\1/p' "$work/spindle.json")
    COUNT=$(sed -n 's/^ *"responses" *: *\([0-9]*\).*/\1/p' "$work/spindle.json")
    WINDOW_US=$(sed -n 's/^ *"generatorCpuMicrosPerResponse" *: *\([0-9.]*\).*/\1/p' "$work/spindle.json")
    WINDOW_CORE=$(sed -n 's/^ *"generatorCpuSeconds" *: *\([0-9.]*\).*/\1/p' "$work/spindle.json" \
      | awk -v d="$duration" '{ printf "%.0f", 100 * $1 / d }')
    P50=$(sed -n 's/^ *"p50" *: *\([0-9.]*\).*/\1ms/p' "$work/spindle.json")
    P99=$(sed -n 's/^ *"p99" *: *\([0-9.]*\).*/\1ms/p' "$work/spindle.json")
  fi
  server_after=$(cpu_ticks "$server_pid")
  GEN_TICKS=$LAST_TICKS
  GEN_WALL=$WALL_SECONDS
  SERVER_TICKS=$((server_after - server_before))
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '\n%s connections, %s s measured per run (spindle load after a %s s warm-up), server on CPU 0, generators on CPU 1, %s\n\n' \
  "$connections" "$duration" "$warmup" "$url"
printf '| round | wrk req/s | spindle load req/s | ratio | server core, wrk / spindle | generator core, wrk / spindle (process) / spindle (measured) | CPU per response, wrk / spindle (process) / spindle (measured) | p99, wrk / spindle |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for series in ratios wrk_rps spindle_rps wrk_us spindle_us window_us wrk_server spindle_server wrk_core spindle_core window_core; do
  : >"$work/$series"
done
for round in $(seq 1 "$rounds"); do
  order=(wrk spindle)
  (( round % 2 == 0 )) && order=(spindle wrk)
  noisy_round=""
  for which in "${order[@]}"; do
    measure "$which"
    noisy_round="$noisy_round$NOISY"
    # CPU per response in microseconds; core busy = CPU time over the generator process's wall time.
    cpu_seconds=$(awk -v t="$GEN_TICKS" -v hz="$ticks" 'BEGIN { print t / hz }')
    declare "${which}_rps=$RPS" "${which}_p99=$P99"
    declare "${which}_us=$(awk -v c="$cpu_seconds" -v n="$COUNT" 'BEGIN { printf "%.2f", (n > 0 ? c * 1e6 / n : 0) }')"
    declare "${which}_core=$(awk -v c="$cpu_seconds" -v w="$GEN_WALL" 'BEGIN { printf "%.0f", 100 * c / w }')"
    declare "${which}_server=$(awk -v t="$SERVER_TICKS" -v hz="$ticks" -v w="$GEN_WALL" 'BEGIN { printf "%.0f", 100 * t / hz / w }')"
  done
  window_us=$WINDOW_US
  window_core=$WINDOW_CORE
  ratio=$(awk -v s="$spindle_rps" -v w="$wrk_rps" 'BEGIN { printf "%.3f", s / w }')
  echo "$ratio" >>"$work/ratios"
  for series in wrk_rps spindle_rps wrk_us spindle_us window_us wrk_server spindle_server wrk_core spindle_core window_core; do
    echo "${!series}" >>"$work/$series"
  done
  printf '| %s%s | %.0f | %.0f | %s | %s%% / %s%% | %s%% / %s%% / %s%% | %s / %s / %s µs | %s / %s |\n' \
    "$round" "${noisy_round:+ *}" "$wrk_rps" "$spindle_rps" "$ratio" "$wrk_server" "$spindle_server" "$wrk_core" "$spindle_core" \
    "$window_core" "$wrk_us" "$spindle_us" "$window_us" "$wrk_p99" "$spindle_p99"
done
m() { median <"$work/$1"; }
printf '| **median** | %.0f | %.0f | **%s** | %s%% / %s%% | %s%% / %s%% / %s%% | %s / %s / %s µs | |\n' \
  "$(m wrk_rps)" "$(m spindle_rps)" "$(m ratios)" "$(m wrk_server)" "$(m spindle_server)" "$(m wrk_core)" \
  "$(m spindle_core)" "$(m window_core)" "$(m wrk_us)" "$(m spindle_us)" "$(m window_us)"
echo
echo "Ratio: spindle load's throughput over wrk's. Server core: the server's CPU time (/proc/PID/stat) over the"
echo "generator's wall time. Generator core and CPU per response: the generator's CPU time from /proc/PID/stat"
echo "(utime + stime, all threads) over its wall time, and over its responses; for spindle load that whole-process"
echo "figure includes JVM start-up, the warm-up and JIT compilation; the measured one is the report's own figure"
echo "for the measured window (the same /proc counters, read by the generator at its start and end; ${warmup} s warm-up"
echo "excluded). The server core near 100% with the generator's below it means the generator had headroom."
