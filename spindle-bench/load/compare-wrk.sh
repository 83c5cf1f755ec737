#!/usr/bin/env bash
# Checks `./spindle load` against wrk on the same server in the same run: throughput of each, their
# ratio (the goal: within 10%), and what each generator costs per request.
#
#   spindle-bench/load/compare-wrk.sh [--rounds=N] [--connections=N] [--duration=S] [--warmup=S]
#                                     [--quiet-wait=S] [--port=P] [--path=/]
#
# The Spindle demo server (`./spindle demo`) runs pinned to CPU 0; wrk (one thread) and
# `./spindle load` (one loop) run pinned to CPU 1 with the same connections and measured duration,
# in alternating order from round to round, after a warm-up of the server. `spindle load` also gets
# --warmup (default 2 s, uncounted): a JVM starts cold, and its JIT compiler shares the one pinned
# CPU for the first second or two.
#
# Every 100 ms while a generator runs, the script reads utime + stime from /proc/PID/stat of the
# generator and of the server, and the busy time of the machine from /proc/stat. Over the measured
# window (the last --duration seconds of the generator's life) that gives how busy the server's and
# the generator's cores were, the generator's CPU time per response, and the CPU used by anything
# else. The machine may be shared: before each run the script waits (up to --quiet-wait, default
# 300 s) until the CPUs are otherwise idle, and a round in which other work used more than 5% of a
# core is marked * and left out of the medians (unless every round is). Defaults: 3 rounds, 64
# connections, 10 s.
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
(( BASH_VERSINFO[0] >= 5 )) || { echo "compare-wrk: needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

url="http://127.0.0.1:$port$path"
hz=$(getconf CLK_TCK)
spindle="$root/spindle"
work="$(mktemp -d)"
server_pid=""
exec {sleeper}<> <(:) # read -t on this never gets data: a sleep without a fork

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# utime + stime of process $1 in clock ticks, into REPLY (0 once it is gone). Builtins only, so the
# sampling costs no fork.
proc_ticks() {
  local line
  local -a fields
  REPLY=0
  { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 0
  line=${line##*) } # the command name may hold spaces; the fields after it do not
  read -r -a fields <<<"$line"
  REPLY=$((fields[11] + fields[12]))
}

# Busy time of all CPUs (user + nice + system) in clock ticks, into REPLY.
system_ticks() {
  local cpu user nice system rest
  read -r cpu user nice system rest </proc/stat
  REPLY=$((user + nice + system))
}

# The share of all CPUs busy over half a second, in percent.
busy_percent() {
  local a b c d
  read -r _ a b c d _ </proc/stat
  local busy1=$((a + b + c)) all1=$((a + b + c + d))
  read -rt 0.5 -u "$sleeper" || true
  read -r _ a b c d _ </proc/stat
  echo $((100 * (a + b + c - busy1) / (a + b + c + d - all1 + 1)))
}

# Waits (up to --quiet-wait) until nothing else keeps the CPUs busy.
wait_quiet() {
  local waited=0 busy
  while busy=$(busy_percent); ((busy > 10)); do
    if ((waited >= quiet_wait)); then
      echo "compare-wrk: the CPUs stayed ${busy}% busy with other work; measuring anyway" >&2
      return
    fi
    ((waited == 0)) && echo "compare-wrk: the CPUs are ${busy}% busy with other work; waiting for quiet" >&2
    sleep 2
    waited=$((waited + 2))
  done
}

# Runs a generator (the command) in the background; every 100 ms until it exits, appends
# "time server_ticks generator_ticks system_ticks" to $work/samples.
run_sampled() {
  local out=$1
  shift
  : >"$work/samples"
  "$@" >"$out" 2>"$out.err" &
  local pid=$! server generator
  while kill -0 "$pid" 2>/dev/null; do
    proc_ticks "$server_pid"; server=$REPLY
    proc_ticks "$pid"; generator=$REPLY
    system_ticks
    ((generator > 0)) && echo "$EPOCHREALTIME $server $generator $REPLY" >>"$work/samples"
    read -rt 0.1 -u "$sleeper" || true
  done
  wait "$pid" || { echo "compare-wrk: '$*' failed:" >&2; cat "$out.err" >&2; exit 1; }
}

# From the samples: over the last $duration seconds, the server's, the generator's and other work's
# share of a core (percent), the generator's CPU seconds in that window and over its whole life.
window() {
  awk -v d="$duration" -v hz="$hz" '
    { t[NR] = $1; s[NR] = $2; g[NR] = $3; y[NR] = $4 }
    END {
      first = 1
      while (first < NR && t[first] < t[NR] - d) first++
      w = t[NR] - t[first]
      if (w <= 0) w = 1e-9
      ds = s[NR] - s[first]; dg = g[NR] - g[first]; dy = y[NR] - y[first]
      printf "%.0f %.0f %.0f %.4f %.4f\n", 100 * ds / hz / w, 100 * dg / hz / w, 100 * (dy - ds - dg) / hz / w, dg / hz, g[NR] / hz
    }' "$work/samples"
}

# One measured run: sets RPS, COUNT, P99, SERVER_CORE, GEN_CORE, OTHER_CORE, GEN_US (per response,
# measured window) and WHOLE_US (per response, the generator's whole life).
measure() {
  local which=$1 window_cpu whole_cpu
  wait_quiet
  if [[ $which == wrk ]]; then
    run_sampled "$work/wrk.txt" taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --latency "$url"
    RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
    COUNT=$(awk '/ requests in / { print $1 }' "$work/wrk.txt")
    P99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  else
    run_sampled "$work/spindle.json" taskset -c 1 "$spindle" load "$url" -c "$connections" -d "$duration" \
      --warmup "$warmup" --json --no-progress
    RPS=$(sed -n 's/^ *"requestsPerSecond" *: *\([0-9.]*\).*/\1/p' "$work/spindle.json")
    COUNT=$(sed -n 's/^ *"responses" *: *\([0-9]*\).*/\1/p' "$work/spindle.json")
    P99=$(sed -n 's/^ *"p99" *: *\([0-9.]*\).*/\1ms/p' "$work/spindle.json")
  fi
  read -r SERVER_CORE GEN_CORE OTHER_CORE window_cpu whole_cpu < <(window)
  GEN_US=$(awk -v c="$window_cpu" -v n="$COUNT" 'BEGIN { printf "%.2f", (n > 0 ? c * 1e6 / n : 0) }')
  WHOLE_US=$(awk -v c="$whole_cpu" -v n="$COUNT" 'BEGIN { printf "%.2f", (n > 0 ? c * 1e6 / n : 0) }')
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

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '\n%s connections, %s s measured per run (spindle load after a %s s warm-up), server on CPU 0, generators on CPU 1, %s\n\n' \
  "$connections" "$duration" "$warmup" "$url"
printf '| round | wrk req/s | spindle load req/s | ratio | server core, wrk / spindle | generator core, wrk / spindle | CPU per response, wrk / spindle | spindle, whole process | p99, wrk / spindle | other work |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
series=(ratio wrk_rps spindle_rps wrk_server spindle_server wrk_gen spindle_gen wrk_us spindle_us spindle_whole)
for name in "${series[@]}"; do
  : >"$work/all_$name"
  : >"$work/clean_$name"
done
clean_rounds=0
for round in $(seq 1 "$rounds"); do
  order=(wrk spindle)
  ((round % 2 == 0)) && order=(spindle wrk)
  other=0
  for which in "${order[@]}"; do
    measure "$which"
    declare "${which}_rps=$RPS" "${which}_p99=$P99" "${which}_server=$SERVER_CORE" "${which}_gen=$GEN_CORE" \
      "${which}_us=$GEN_US" "${which}_whole=$WHOLE_US"
    ((OTHER_CORE > other)) && other=$OTHER_CORE
  done
  ratio=$(awk -v s="$spindle_rps" -v w="$wrk_rps" 'BEGIN { printf "%.3f", s / w }')
  mark=""
  ((other > 5)) && mark=" *"
  [[ -z $mark ]] && clean_rounds=$((clean_rounds + 1))
  for name in "${series[@]}"; do
    echo "${!name}" >>"$work/all_$name"
    [[ -z $mark ]] && echo "${!name}" >>"$work/clean_$name"
  done
  printf '| %s%s | %.0f | %.0f | %s | %s%% / %s%% | %s%% / %s%% | %s / %s µs | %s µs | %s / %s | %s%% |\n' \
    "$round" "$mark" "$wrk_rps" "$spindle_rps" "$ratio" "$wrk_server" "$spindle_server" "$wrk_gen" "$spindle_gen" \
    "$wrk_us" "$spindle_us" "$spindle_whole" "$wrk_p99" "$spindle_p99" "$other"
done
set_name=clean
label="median of the $clean_rounds clean rounds"
if ((clean_rounds == 0)); then
  set_name=all
  label="median of all rounds (none was clean)"
fi
m() { median <"$work/${set_name}_$1"; }
printf '| **%s** | %.0f | %.0f | **%s** | %s%% / %s%% | %s%% / %s%% | %s / %s µs | %s µs | | |\n' \
  "$label" "$(m wrk_rps)" "$(m spindle_rps)" "$(m ratio)" "$(m wrk_server)" "$(m spindle_server)" \
  "$(m wrk_gen)" "$(m spindle_gen)" "$(m wrk_us)" "$(m spindle_us)" "$(m spindle_whole)"
cat <<EOF

Ratio: spindle load's throughput over wrk's. Cores and CPU per response come from /proc/PID/stat
(utime + stime, every thread) sampled every 100 ms, over the measured window: the last ${duration} s of
each generator's life. Server core near 100% with the generator's below it means one generator core
saturated one server core. "Whole process" divides spindle load's CPU time over its whole life (JVM
start-up, the ${warmup} s warm-up, JIT compilation) by its responses. Other work: the busiest run's CPU
time used by anything but the server and the generator (from /proc/stat), in percent of a core;
over 5% marks the round * and leaves it out of the medians.
EOF
