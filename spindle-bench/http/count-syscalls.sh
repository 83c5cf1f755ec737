#!/usr/bin/env bash
# System calls per request of the HTTP bench servers, under the same wrk load as run-http-bench.sh.
#
#   spindle-bench/http/count-syscalls.sh [--servers=spindle,netty] [--connections=64]
#                                        [--path=/] [--duration=SECONDS] [--skip-build]
#
# Per server: start it pinned to CPU 0, warm it up with wrk (pinned to CPU 1), then run wrk again
# under `perf stat -p PID` counting the syscalls:sys_enter_* tracepoints of every server thread for
# exactly wrk's run, and print each system call's count divided by the requests wrk counted.
# The server's context switches per request come with them: a loop that finds little ready per
# epoll_wait sleeps and wakes more often, which costs kernel time beside the calls themselves.
# Tracepoint counting costs little, unlike strace; vDSO calls (clock_gettime) are not system calls
# and do not show. Run it under `flock /tmp/spindle-bench.lock` like every benchmark.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$(dirname "$here")")"
servers="spindle,netty"
connections=64
path=/
duration=5
build=true
for arg in "$@"; do
  case "$arg" in
    --servers=*) servers="${arg#--servers=}" ;;
    --connections=*) connections="${arg#--connections=}" ;;
    --path=*) path="${arg#--path=}" ;;
    --duration=*) duration="${arg#--duration=}" ;;
    --skip-build) build=false ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -x "$JAVA_HOME/bin/java" ]] || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
jar="$root/spindle-bench/target/benchmarks.jar"
if $build; then
  (cd "$root" && ./mvnw -q -o install -DskipTests)
fi
read -r -a java_opts <<< "${HTTP_BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC}"
out="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$out"
}
trap cleanup EXIT

port=18090
for name in ${servers//,/ }; do
  case "$name" in
    spindle) main=SpindleBenchServer ;; netty) main=NettyBenchServer ;;
    vertx) main=VertxBenchServer ;; jdk) main=JdkBenchServer ;; floor) main=FloorBenchServer ;;
    *) echo "unknown server: $name" >&2; exit 2 ;;
  esac
  port=$((port + 1))
  taskset -c 0 "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$jar" "dev.spindle.bench.http.$main" "$port" \
    > "$out/$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do grep -q "listening on $port" "$out/$name.log" 2>/dev/null && break; sleep 0.1; done
  url="http://127.0.0.1:$port$path"
  taskset -c 1 wrk -t1 -c"$connections" -d4s "$url" > /dev/null
  perf stat -x, -e 'syscalls:sys_enter_*' -e 'raw_syscalls:sys_enter' -e context-switches -p "$server_pid" -o "$out/$name.perf" \
    -- taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" "$url" > "$out/$name.wrk"
  requests="$(awk '/requests in/ { print $1 }' "$out/$name.wrk")"
  echo "== $name: $requests requests, $connections connections, GET $path; system calls per request:"
  awk -F, -v r="$requests" '$1 ~ /^[0-9]+$/ && $1 / r >= 0.0005 {
      name = $3; sub(/^syscalls:sys_enter_/, "", name); sub(/^raw_syscalls:sys_enter$/, "ALL", name)
      printf "  %-16s %8.3f\n", name, $1 / r }' "$out/$name.perf" | sort -k2 -n -r
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
