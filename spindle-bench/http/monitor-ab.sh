#!/usr/bin/env bash
# What the loop monitor costs an HTTP server: Spindle's bench server bare against the same server
# with the whole monitor on (SpindleBenchServer --monitor-all: lag probe, utilization, phase times,
# per-label time, the watchdog, request metrics, and the shedding middleware with every threshold
# armed where the bench never reaches it), both alive for the whole run, measured alternately.
#
#   flock /tmp/spindle-bench.lock spindle-bench/http/monitor-ab.sh [--rounds=N] [--duration=SECONDS]
#        [--warmup=SECONDS] [--connections=N] [--depth=N] [--skip-build] [--monitor-flag=--monitor-all]
#        [--jar=PATH]
#
# Both servers run pinned to CPU 0, wrk (one thread) pinned to CPU 1. Scenarios:
#   plaintext  GET / at --connections (default 64), one request at a time per connection
#   pipelined  GET / at 256 connections, --depth (default 16) requests per write (pipeline.lua):
#              the server, not wrk, is then the bottleneck
# Each round runs every scenario on both servers, bare first in odd rounds and monitored first in
# even ones, so that a drift of the machine's speed does not read as the monitor's cost. Per run:
# wrk's req/s and the server's CPU time per request (utime + stime from /proc/PID/stat over the run,
# divided by wrk's request count). The report is, per scenario, the median over rounds of
# monitored / bare for both; when wrk, not the server, is saturated the req/s ratio says little and
# the CPU ratio is the honest one. Runs that got a non-2xx answer (a shed request) are flagged.
# Default: 5 rounds of 4 s runs after 3 s warm-ups per scenario and server (about 2 minutes).
# --jar runs another build's benchmarks.jar (an older commit's, to compare the monitor's cost then
# and now); it implies --skip-build.
# Output: spindle-bench/bench-report/monitor-ab-<time>/ (runs.tsv, report.txt, wrk outputs, logs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"

rounds=5
duration=4
warmup=3
connections=64
depth=16
build=true
monitor_flag=--monitor-all
jar=""
for arg in "$@"; do
  case "$arg" in
    --rounds=*) rounds="${arg#--rounds=}" ;;
    --duration=*) duration="${arg#--duration=}" ;;
    --warmup=*) warmup="${arg#--warmup=}" ;;
    --connections=*) connections="${arg#--connections=}" ;;
    --depth=*) depth="${arg#--depth=}" ;;
    --skip-build) build=false ;;
    --monitor-flag=*) monitor_flag="${arg#--monitor-flag=}" ;;
    --jar=*) jar="${arg#--jar=}"; build=false ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -x "$JAVA_HOME/bin/java" ]] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"2[5-9]' \
  || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
java="$JAVA_HOME/bin/java"
read -r -a java_opts <<< "${HTTP_BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC}"
for tool in wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
[[ "$(nproc)" -ge 2 ]] || { echo "needs 2 CPUs: the servers on CPU 0, wrk on CPU 1" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"

jar="${jar:-$bench/target/benchmarks.jar}"
if $build || [[ ! -f "$jar" ]]; then
  echo "== building $jar" >&2
  (cd "$root" && ./mvnw -q -pl spindle-bench -am package -DskipTests)
fi

out="$bench/bench-report/monitor-ab-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
clk_tck="$(getconf CLK_TCK)"

# A free port: the kernel picks one for a throwaway listener.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

declare -A pid port
cleanup() {
  for name in "${!pid[@]}"; do
    kill -TERM "${pid[$name]}" 2>/dev/null || true
  done
  for name in "${!pid[@]}"; do
    wait "${pid[$name]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

start_server() { # name flag
  local name="$1" flag="$2" log="$out/$1.log"
  port[$name]="$(free_port)"
  # shellcheck disable=SC2086
  taskset -c 0 "$java" "${java_opts[@]}" -cp "$jar" dev.spindle.bench.http.SpindleBenchServer "${port[$name]}" $flag \
    > "$log" 2>&1 &
  pid[$name]=$!
  for _ in $(seq 1 300); do
    grep -q "listening on ${port[$name]}" "$log" 2>/dev/null && return 0
    kill -0 "${pid[$name]}" 2>/dev/null || { echo "== $name died on start:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "== $name did not start in 30 s" >&2; exit 1
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Busy and total ticks of CPU 0 from /proc/stat ("busy total"): busy is all but idle and iowait.
core0_ticks() { awk '$1 == "cpu0" { t = 0; for (i = 2; i <= 11; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }

wrk_args() { # scenario -> wrk arguments after the duration, URL last
  case "$1" in
    plaintext) echo "-c$connections http://127.0.0.1:$2/" ;;
    pipelined) echo "-c256 -s $here/pipeline.lua http://127.0.0.1:$2/ -- $depth" ;;
  esac
}

# Runs wrk on one server for $1 seconds; prints "requests req_per_s cpu_ticks non2xx other0", the
# last being the percentage of CPU 0 that neither server used during the run (other people's work).
measure() { # seconds name scenario file
  local before after b0 t0 a0 u0 before_all after_all
  before="$(cpu_ticks "${pid[$2]}")"
  before_all=$(( $(cpu_ticks "${pid[bare]}") + $(cpu_ticks "${pid[monitored]}") ))
  read -r b0 t0 <<< "$(core0_ticks)"
  # shellcheck disable=SC2046
  taskset -c 1 wrk -t1 --timeout 2s -d"$1"s $(wrk_args "$3" "${port[$2]}") > "$4" 2>&1
  after="$(cpu_ticks "${pid[$2]}")"
  after_all=$(( $(cpu_ticks "${pid[bare]}") + $(cpu_ticks "${pid[monitored]}") ))
  read -r a0 u0 <<< "$(core0_ticks)"
  local other=$(( (a0 - b0) - (after_all - before_all) ))
  other=$(( other > 0 ? other * 100 / (u0 - t0 > 0 ? u0 - t0 : 1) : 0 ))
  local requests rps non2xx
  requests="$(awk '/requests in/ { print $1 }' "$4")"
  rps="$(awk '/^Requests\/sec/ { print $2 }' "$4")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' "$4")"
  echo "${requests:-0} ${rps:-0} $(( after - before )) ${non2xx:-0} $other"
}

start_server bare ""
start_server monitored "$monitor_flag"
{
  echo "when	$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git	$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- 2>/dev/null || echo ' (modified)')"
  echo "load	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java	$("$java" -version 2>&1 | head -1) ${java_opts[*]}"
  echo "servers	taskset -c 0 java ${java_opts[*]} -cp $jar dev.spindle.bench.http.SpindleBenchServer PORT [$monitor_flag]"
  echo "plaintext	taskset -c 1 wrk -t1 --timeout 2s -d${duration}s $(wrk_args plaintext PORT)"
  echo "pipelined	taskset -c 1 wrk -t1 --timeout 2s -d${duration}s $(wrk_args pipelined PORT)"
  echo "rounds	$rounds"
} | tee "$out/env.tsv" >&2

scenarios=(plaintext pipelined)
for name in bare monitored; do
  for scenario in "${scenarios[@]}"; do
    echo "== warm-up: $name $scenario" >&2
    measure "$warmup" "$name" "$scenario" "$out/warmup-$name-$scenario.txt" > /dev/null
  done
done

runs="$out/runs.tsv"
printf 'round\tscenario\tserver\trequests\treq_per_s\tcpu_ticks\tcpu_us_per_req\tnon2xx\tother_cpu0_pct\n' > "$runs"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 == 1 )); then order=(bare monitored); else order=(monitored bare); fi
  for scenario in "${scenarios[@]}"; do
    for name in "${order[@]}"; do
      read -r requests rps ticks non2xx other <<< "$(measure "$duration" "$name" "$scenario" "$out/$name-$scenario-r$round.txt")"
      us="$(awk -v t="$ticks" -v hz="$clk_tck" -v n="$requests" 'BEGIN { printf "%.3f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$scenario" "$name" "$requests" "$rps" "$ticks" "$us" "$non2xx" "$other" >> "$runs"
      echo "   round $round $scenario $name: $rps req/s, $us µs CPU/req, non-2xx $non2xx, others on CPU 0 $other%" >&2
    done
  done
done

# Per scenario: each round's monitored/bare ratios, then their medians.
awk -F'\t' '
  NR == 1 { next }
  { k = $2 SUBSEP $1 SUBSEP $3; rps[k] = $5; us[k] = $7; other[k] = $9
    if ($8 + 0 > 0) flagged[$2] += $8; seen[$2] = 1; last = $1 > last ? $1 : last }
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (s in seen) {
      n = 0; rr = ""; cr = ""; oo = ""; delete r; delete c; delete ub; delete um
      for (round = 1; round <= last; round++) {
        b = s SUBSEP round SUBSEP "bare"; m = s SUBSEP round SUBSEP "monitored"
        if (rps[b] > 0 && us[b] > 0 && us[m] > 0) {
          n++; r[n] = rps[m] / rps[b]; c[n] = us[m] / us[b]; ub[n] = us[b]; um[n] = us[m]
          rr = rr sprintf(" %.3f", r[n]); cr = cr sprintf(" %.3f", c[n]); oo = oo sprintf(" %d/%d", other[b], other[m])
        }
      }
      printf "%s: %d rounds\n", s, n
      printf "  req/s, monitored / bare:           %s   median %.3f\n", rr, median(r, n)
      printf "  CPU per request, monitored / bare: %s   median %.3f\n", cr, median(c, n)
      printf "  CPU per request, median:            bare %.3f us, monitored %.3f us\n", median(ub, n), median(um, n)
      printf "  others on CPU 0, %% bare/monitored: %s\n", oo
      if (s in flagged) printf "  NON-2XX ANSWERS: %d (shed requests?)\n", flagged[s]
    }
  }' "$runs" | tee "$out/report.txt"
echo "== runs and wrk outputs in $out" >&2
