#!/usr/bin/env bash
# Did a change cost anything? Spindle's bench server from two builds' benchmarks.jar, A and B,
# measured alternately under wrk: the check to run after a refactor of the hot path.
#
#   flock /tmp/spindle-bench.lock spindle-bench/http/jar-ab.sh A.jar B.jar [--rounds=N]
#        [--paths=/,/json] [--connections=N] [--warmup=SECONDS] [--duration=SECONDS]
#
# A jar of an older commit: `git worktree add /tmp/old <commit> && (cd /tmp/old && ./mvnw -q -o
# package -DskipTests)`, then /tmp/old/spindle-bench/target/benchmarks.jar. Per round each jar's
# SpindleBenchServer starts pinned to CPU 0, is warmed up by wrk (pinned to CPU 1) on every path,
# then measured on each path; A goes first in odd rounds and B in even ones (A B / B A), so that the
# machine's slow and fast stretches favour neither. Per run: wrk's req/s and the server's CPU time
# per request (utime + stime from /proc/PID/stat over the run, over wrk's request count). The last
# lines give, per path, the median over rounds of B / A for CPU per request (below 1: B is cheaper).
# Default: 4 rounds, 64 connections, 8 s warm-up per path, 6 s runs (about 4 minutes for 2 paths).
set -euo pipefail

[[ $# -ge 2 ]] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
jar_a="$1"
jar_b="$2"
shift 2
rounds=4
paths="/,/json"
connections=64
warmup=8
duration=6
for arg in "$@"; do
  case "$arg" in
    --rounds=*) rounds="${arg#--rounds=}" ;;
    --paths=*) paths="${arg#--paths=}" ;;
    --connections=*) connections="${arg#--connections=}" ;;
    --warmup=*) warmup="${arg#--warmup=}" ;;
    --duration=*) duration="${arg#--duration=}" ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
for jar in "$jar_a" "$jar_b"; do
  [[ -f "$jar" ]] || { echo "no such jar: $jar" >&2; exit 2; }
done
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -x "$JAVA_HOME/bin/java" ]] || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
read -r -a java_opts <<< "${HTTP_BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC}"
hz="$(getconf CLK_TCK)"
log="$(mktemp)"
results="$(mktemp)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -f "$log" "$results"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run() { # round label jar
  local port
  port="$(free_port)"
  taskset -c 0 "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$3" dev.spindle.bench.http.SpindleBenchServer "$port" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do grep -q "listening on $port" "$log" && break; sleep 0.1; done
  local path
  for path in ${paths//,/ }; do
    taskset -c 1 wrk -t1 -c"$connections" -d"$warmup"s "http://127.0.0.1:$port$path" > /dev/null
  done
  for path in ${paths//,/ }; do
    local before after out requests rps
    before="$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
    out="$(taskset -c 1 wrk -t1 -c"$connections" -d"$duration"s "http://127.0.0.1:$port$path")"
    after="$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
    requests="$(awk '/requests in/ { print $1 }' <<< "$out")"
    rps="$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")"
    awk -v r="$1" -v l="$2" -v p="$path" -v rps="$rps" -v t=$(( after - before )) -v n="$requests" -v hz="$hz" \
      'BEGIN { printf "%s\t%s\t%s\t%.0f\t%.2f\n", r, l, p, rps, t / hz * 1e6 / n }' | tee -a "$results"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

printf 'round\tjar\tpath\treq/s\tCPU us/req\n'
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then run "$round" A "$jar_a"; run "$round" B "$jar_b"; else run "$round" B "$jar_b"; run "$round" A "$jar_a"; fi
done
echo "A = $jar_a"
echo "B = $jar_b"
for path in ${paths//,/ }; do
  awk -F'\t' -v p="$path" '$3 == p { cpu[$1 "," $2] = $5; rounds[$1] = 1 }
    END {
      n = 0
      for (r in rounds) if ((r ",A") in cpu && (r ",B") in cpu) ratio[++n] = cpu[r ",B"] / cpu[r ",A"]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (ratio[j] < ratio[i]) { t = ratio[i]; ratio[i] = ratio[j]; ratio[j] = t }
      median = n % 2 ? ratio[(n + 1) / 2] : (ratio[n / 2] + ratio[n / 2 + 1]) / 2
      printf "%s: CPU per request, B / A, median of %d rounds: %.3f\n", p, n, median
    }' "$results"
done
