#!/usr/bin/env bash
# The HTTP bench: Spindle's server (with and without the loop monitor) against Netty 4.2, Vert.x 5,
# Node's http and a thread-per-request JDK server, every one measured by wrk in this one run.
#
#   spindle-bench/http/run-http-bench.sh [--quick] [--rounds=N] [--duration=SECONDS] [--skip-build]
#                                        [--servers=spindle,spindle-monitor,netty,vertx,node,jdk,floor]
#                                        [--no-memory] [--memory-connections=N]
#                                        [--max-noise=PERCENT] [--retries=N]
#
# Each server runs pinned to CPU 0 (taskset), wrk pinned to CPU 1, one server at a time; a round is
# all of them, in the order given in odd rounds and reversed in even ones (so a slow stretch of
# the shared machine favours nobody), and the report gives the median of the rounds' ratios, never
# an absolute claim. `floor` is FloorBenchServer: canned answers on a bare selector, the least CPU
# per request any server can use here (almost all of it the kernel's). Per server and round:
#   warm-up   wrk on /, /json, the pipelined batch and /wait
#   plaintext GET /      at 64 and 256 connections
#   json      GET /json  at 64 and 256 connections
#   pipelined GET /      at 256 connections, 16 requests per batch (http/pipeline.lua)
#   wait      GET /wait  at 1,000 connections (the limit is 1,000 / 50 ms = 20,000 req/s)
# each with --latency (p50, p99), and the server's CPU time per request from /proc/PID/stat
# (utime + stime over the run, divided by the requests wrk counted) and its RSS after the run.
# Then the memory run, for Spindle and Netty: live heap (jcmd GC.class_histogram, which runs a
# full GC first) and RSS with no connection, and with 10,000 idle keep-alive connections held open
# by dev.spindle.bench.http.HoldConnections; the difference over the count is the cost per connection.
#
# The machine is shared: before each run the script waits (up to 30 s) for a second in which
# others use under --max-noise percent (default 20) of either CPU, and a run in which others took
# more than that of either CPU (/proc/stat, less the server's and wrk's own ticks) is run again, up
# to --retries times (default 2); the report shows every kept run's share of others.
#
# --quick: 1 round, 3 s runs, 4 s warm-up (about 4 minutes); the default is 4 rounds of 6 s runs
# with 8 s warm-ups (about 25 minutes with every server). Java servers get HTTP_BENCH_JAVA_OPTS (default
# "-Xms1g -Xmx1g -XX:+UseSerialGC", what the JVM picks on one CPU anyway, made explicit).
# Output: spindle-bench/bench-report/http-<time>/ (report.md, results.tsv, every wrk output, logs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"

quick=false
rounds=""
duration=""
build=true
memory=true
memory_connections=10000
max_noise=20
max_retries=2
servers="spindle,spindle-monitor,netty,vertx,node,jdk,floor"
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --skip-build) build=false ;;
    --rounds=*) rounds="${arg#--rounds=}" ;;
    --duration=*) duration="${arg#--duration=}" ;;
    --servers=*) servers="${arg#--servers=}" ;;
    --no-memory) memory=false ;;
    --memory-connections=*) memory_connections="${arg#--memory-connections=}" ;;
    --max-noise=*) max_noise="${arg#--max-noise=}" ;;
    --retries=*) max_retries="${arg#--retries=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done
if $quick; then
  rounds="${rounds:-1}"; duration="${duration:-3}"; warmup=4
else
  rounds="${rounds:-4}"; duration="${duration:-6}"; warmup=8
fi

# Java 25: JAVA_HOME if it is one, else the usual place on this project's machines.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="$JAVA_HOME/bin/java"
jcmd="$JAVA_HOME/bin/jcmd"
read -r -a java_opts <<< "${HTTP_BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC}"
for tool in wrk node taskset curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (wrk: apt-get install wrk)" >&2; exit 1; }
done
[[ "$(nproc)" -ge 2 ]] || { echo "needs 2 CPUs: the server on CPU 0, wrk on CPU 1" >&2; exit 1; }
server_cpu=0
client_cpu=1

# 1,000 wrk connections and 10,000 held ones, on both ends, need more than the usual 1,024 files.
ulimit -n "$(ulimit -Hn)"
if [[ "$(ulimit -n)" -lt $((memory_connections + 1000)) ]]; then
  echo "ulimit -n is $(ulimit -n): too low for $memory_connections held connections" >&2
  exit 1
fi

jar="$bench/target/benchmarks.jar"
if $build || [[ ! -f "$jar" ]]; then
  echo "== building $jar" >&2
  (cd "$root" && ./mvnw -q -pl spindle-bench -am package -DskipTests)
fi

out="$bench/bench-report/http-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
clk_tck="$(getconf CLK_TCK)"
results="$out/results.tsv"
# other0/other1: ticks of CPU 0 / CPU 1 that neither the server nor wrk used during the run (other
# engineers' builds, the kernel's own work), over the run's ticks: the noise of that run.
printf 'round\tserver\tscenario\twrk_output\tcpu_ticks\tclk_tck\trss_kib\tother0\tother1\tcore_ticks\twrk_ticks\n' > "$results"
memory_tsv="$out/memory.tsv"
printf 'server\tconnections\theap_before\theap_after\trss_kib_before\trss_kib_after\n' > "$memory_tsv"
{
  echo "when	$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus	$(nproc)"
  echo "load	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java	$("$java" -version 2>&1 | head -1)"
  echo "java_opts	${java_opts[*]}"
  echo "node	$(node --version)"
  echo "wrk	$(wrk -v 2>&1 | head -1)"
  echo "git	$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- 2>/dev/null || echo ' (modified)')"
  echo "quick	$quick"
  echo "rounds	$rounds"
  echo "duration	$duration"
  echo "warmup	$warmup"
} > "$out/env.tsv"

# server name -> command (without the port) and port; distinct ports, so no TIME_WAIT of one
# server's run is in the way of the next.
server_cmd() {
  local main=dev.spindle.bench.http
  case "$1" in
    spindle) echo "$java ${java_opts[*]} -cp $jar $main.SpindleBenchServer" ;;
    spindle-monitor) echo "$java ${java_opts[*]} -cp $jar $main.SpindleBenchServer" ;;
    netty) echo "$java ${java_opts[*]} -cp $jar $main.NettyBenchServer" ;;
    vertx) echo "$java ${java_opts[*]} -cp $jar $main.VertxBenchServer" ;;
    jdk) echo "$java ${java_opts[*]} -cp $jar $main.JdkBenchServer" ;;
    floor) echo "$java ${java_opts[*]} -cp $jar $main.FloorBenchServer" ;;
    node) echo "node $here/node-server.js" ;;
    *) echo "unknown server: $1" >&2; return 1 ;;
  esac
}
server_args() { [[ "$1" == spindle-monitor ]] && echo "--monitor" || true; }
server_port() {
  case "$1" in
    spindle) echo 18081 ;; spindle-monitor) echo 18082 ;; netty) echo 18083 ;;
    vertx) echo 18084 ;; node) echo 18085 ;; jdk) echo 18086 ;; floor) echo 18087 ;;
  esac
}

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
holder_pid=""
cleanup() {
  [[ -n "$holder_pid" ]] && kill "$holder_pid" 2>/dev/null || true
  stop_server
}
trap cleanup EXIT

# Starts server $1 pinned to the server CPU and waits for its "listening on" line.
start_server() {
  local name="$1" log="$2" port
  port="$(server_port "$name")"
  # shellcheck disable=SC2046
  taskset -c "$server_cpu" $(server_cmd "$name") "$port" $(server_args "$name") > "$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if grep -q "listening on $port" "$log" 2>/dev/null; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "== $name died on start:" >&2; cat "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "== $name did not start in 30 s" >&2
  return 1
}

# Waits (up to 30 s) for a second in which others use less than --max-noise percent of either CPU
# (the server is idle between runs, so whatever is busy then is someone else).
wait_for_quiet() {
  local b0 t0 b1 t1 c0 u0 c1 u1
  for _ in $(seq 1 30); do
    read -r b0 t0 <<< "$(core_ticks "$server_cpu")"; read -r b1 t1 <<< "$(core_ticks "$client_cpu")"
    sleep 1
    read -r c0 u0 <<< "$(core_ticks "$server_cpu")"; read -r c1 u1 <<< "$(core_ticks "$client_cpu")"
    if (( (c0 - b0) * 100 <= max_noise * (u0 - t0) && (c1 - b1) * 100 <= max_noise * (u1 - t1) )); then
      return 0
    fi
  done
  echo "   the machine stayed busy for 30 s; running anyway (see the report's noise column)" >&2
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Busy and total ticks of one CPU from /proc/stat ("busy total"): busy is all but idle and iowait.
core_ticks() { awk -v cpu="cpu$1" '$1 == cpu { t = 0; for (i = 2; i <= 11; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }
# User + system ticks of this shell's waited-for children (wrk, once it has exited), from `times`,
# which must run in this shell, not in a $(...) subshell, to see them: call it bare, then read.
times_file="$out/.times"
children_ticks() {
  awk -v hz="$clk_tck" 'NR == 2 {
    split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d\n", ((u[1] * 60 + u[2]) + (s[1] * 60 + s[2])) * hz }' "$times_file"
}
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# scenario name -> wrk arguments after the common ones (the URL included)
scenario_args() {
  local base="$1"
  case "$2" in
    plaintext-64) echo "-c64 $base/" ;;
    plaintext-256) echo "-c256 $base/" ;;
    json-64) echo "-c64 $base/json" ;;
    json-256) echo "-c256 $base/json" ;;
    pipelined-256) echo "-c256 -s $here/pipeline.lua $base/ -- 16" ;;
    wait-1000) echo "-c1000 $base/wait" ;;
  esac
}
scenarios=(plaintext-64 plaintext-256 json-64 json-256 pipelined-256 wait-1000)
wrk_common=(taskset -c "$client_cpu" wrk -t1 --timeout 2s --latency)

run_wrk() { # seconds scenario base-url output
  # shellcheck disable=SC2046
  "${wrk_common[@]}" -d"$1"s $(scenario_args "$3" "$2") > "$4" 2>&1
}

IFS=, read -r -a server_list <<< "$servers"
for round in $(seq 1 "$rounds"); do
  order=("${server_list[@]}")
  # Odd rounds run the servers in the order given, even rounds in reverse (A B, B A, A B...), so
  # that a drift of the machine's speed over a round (this is a shared VM) favours nobody.
  if (( round % 2 == 0 )); then
    for (( i = 0; i < ${#server_list[@]}; i++ )); do
      order[i]="${server_list[$(( ${#server_list[@]} - 1 - i ))]}"
    done
  fi
  for name in "${order[@]}"; do
    base="http://127.0.0.1:$(server_port "$name")"
    echo "== round $round/$rounds: $name" >&2
    start_server "$name" "$out/$name-r$round.log"
    for warm in plaintext-64 json-64 pipelined-256 wait-1000; do
      run_wrk $(( warmup / 4 > 0 ? warmup / 4 : 1 )) "$warm" "$base" "$out/warmup-$name-$warm-r$round.txt"
    done
    for scenario in "${scenarios[@]}"; do
      file="$name-$scenario-r$round.txt"
      for attempt in $(seq 0 "$max_retries"); do
        wait_for_quiet
        read -r busy0 total0 <<< "$(core_ticks "$server_cpu")"
        read -r busy1 total1 <<< "$(core_ticks "$client_cpu")"
        times > "$times_file"; wrk_before="$(children_ticks)"
        before="$(cpu_ticks "$server_pid")"
        run_wrk "$duration" "$scenario" "$base" "$out/$file"
        after="$(cpu_ticks "$server_pid")"
        times > "$times_file"; wrk_after="$(children_ticks)"
        read -r busy0_after total0_after <<< "$(core_ticks "$server_cpu")"
        read -r busy1_after total1_after <<< "$(core_ticks "$client_cpu")"
        other0=$(( busy0_after - busy0 - (after - before) ))
        other1=$(( busy1_after - busy1 - (wrk_after - wrk_before) ))
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$scenario" "$file" $(( after - before )) \
          "$clk_tck" "$(rss_kib "$server_pid")" $(( other0 > 0 ? other0 : 0 )) $(( other1 > 0 ? other1 : 0 )) \
          $(( total0_after - total0 )) $(( wrk_after - wrk_before )) > "$out/.last-run"
        # A run that others disturbed is run again (its file overwritten), up to --retries times.
        noisy=$(( (other0 > other1 ? other0 : other1) * 100 > max_noise * (total0_after - total0) ))
        if (( noisy == 0 || attempt == max_retries )); then
          break
        fi
        echo "   $scenario: $(( other0 * 100 / (total0_after - total0) ))% / $(( other1 * 100 / (total0_after - total0) ))% of CPU 0 / 1 went to others; again" >&2
      done
      cat "$out/.last-run" >> "$results"
      echo "   $scenario: $(grep -E '^Requests/sec' "$out/$file" || echo 'no result')" >&2
    done
    stop_server
  done
done

# The memory run: heap and RSS with no connection, then with $memory_connections idle keep-alive
# connections held open; a full GC before each heap reading.
live_heap() { # pid -> bytes of live objects after a full GC
  "$jcmd" "$1" GC.class_histogram > "$2"
  awk '/^Total/ { print $3 }' "$2"
}
if $memory; then
  for name in spindle netty; do
    [[ ",$servers," == *",$name,"* ]] || continue
    port="$(server_port "$name")"
    echo "== memory: $name, $memory_connections connections" >&2
    start_server "$name" "$out/memory-$name.log"
    run_wrk 2 plaintext-64 "http://127.0.0.1:$port" "$out/memory-warmup-$name.txt"
    sleep 1
    heap_before="$(live_heap "$server_pid" "$out/memory-$name-histogram-before.txt")"
    "$jcmd" "$server_pid" GC.heap_info > "$out/memory-$name-heap-before.txt"
    rss_before="$(rss_kib "$server_pid")"
    fifo="$out/.hold-$name"
    rm -f "$fifo"; mkfifo "$fifo"
    taskset -c "$client_cpu" "$java" -cp "$jar" dev.spindle.bench.http.HoldConnections "$port" \
      "$memory_connections" 300 < "$fifo" > "$out/memory-$name-client.log" 2>&1 &
    holder_pid=$!
    exec 3> "$fifo" # the client holds its connections until this closes
    for _ in $(seq 1 1200); do
      grep -q '^held ' "$out/memory-$name-client.log" && break
      kill -0 "$holder_pid" 2>/dev/null || { cat "$out/memory-$name-client.log" >&2; break; }
      sleep 0.1
    done
    if grep -q '^held ' "$out/memory-$name-client.log"; then
      heap_after="$(live_heap "$server_pid" "$out/memory-$name-histogram-after.txt")"
      "$jcmd" "$server_pid" GC.heap_info > "$out/memory-$name-heap-after.txt"
      rss_after="$(rss_kib "$server_pid")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$memory_connections" "$heap_before" "$heap_after" \
        "$rss_before" "$rss_after" >> "$memory_tsv"
    fi
    exec 3>&-
    wait "$holder_pid" 2>/dev/null || true
    holder_pid=""
    rm -f "$fifo"
    stop_server
  done
fi

# The commands as run, for the report.
{
  echo "server	taskset -c $server_cpu <server command> PORT (java servers: $java ${java_opts[*]} -cp $jar dev.spindle.bench.http.<Name>BenchServer PORT; node: node $here/node-server.js PORT)"
  for scenario in "${scenarios[@]}"; do
    echo "$scenario	${wrk_common[*]} -d${duration}s $(scenario_args "http://127.0.0.1:PORT" "$scenario")"
  done
  echo "warmup	the same, $(( warmup / 4 > 0 ? warmup / 4 : 1 )) s each, for plaintext-64 json-64 pipelined-256 wait-1000"
  echo "memory	taskset -c $client_cpu $java -cp $jar dev.spindle.bench.http.HoldConnections PORT $memory_connections 300; $jcmd PID GC.class_histogram before and while held"
} > "$out/commands.tsv"

rm -f "$times_file" "$out/.last-run"
node "$here/report.js" "$out" > "$out/report.md"
cat "$out/report.md"
echo >&2
echo "== raw results and logs in $out" >&2
