#!/usr/bin/env bash
# Runs the offload benchmarks and prints Markdown tables of their ratios (issue 5's benchmark):
#
#   roundtrip  Workers.run(() -> null) from the loop and back, one in flight (µs per round trip) and
#              1,000 in flight (tasks/s), and loop.offload the same: JMH OffloadRoundTripBenchmark,
#              then its peer node/worker-roundtrip.js (worker_threads, postMessage both ways; one
#              worker, then a pool as large as Spindle's), back to back in each round
#   jobs       the SQLite job queue: 10,000 adds (adds/s) and 10,000 jobs run to completion with an
#              empty handler on the loop and on the worker pool (completions/s), with group commit
#              on, off, and with no batching at all: JMH JobQueueBenchmark
#
#   spindle-bench/run-offload-bench.sh [--quick] [--rounds=N] [--skip-build] [--only=roundtrip,jobs]
#
# --quick: short iterations, 1 round (about 3 minutes in all); the default, 2 rounds with the
# benchmarks' own iterations (about 5). Both sides of a ratio run pinned to the same CPUs
# (taskset -c 0,1 when there are 2+): every shape here needs two threads busy at once, the loop
# and a pool thread (or Node's main thread and a worker), so neither side gets one CPU to itself.
# Run it under `flock /tmp/spindle-bench.lock` on a shared machine. The database files go to
# spindle-bench/target/jobs-bench (a real disk, unlike a tmpfs /tmp). Results, raw JSON and
# the tables (report.md) go to spindle-bench/bench-report/offload-<time>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

. "$here/bench-common.sh"
bench_args "roundtrip,jobs" "$@"
bench_java
bench_jar

pin=()
if command -v taskset >/dev/null && [[ "$(nproc)" -ge 2 ]]; then
  pin=(taskset -c 0,1)
fi
pool="$(nproc)" # Spindle's worker pool and Node's: one thread per CPU, Spindle's default

if $quick; then
  rt_opts=(-f 1 -wi 3 -i 3 -w 1s -r 1s)
  jobs_opts=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
  node_opts=(--quick)
  rounds="${rounds:-1}"
else
  rt_opts=(-f 1)
  jobs_opts=(-f 1)
  node_opts=()
  rounds="${rounds:-2}"
fi

out="$here/bench-report/offload-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
db_dir="$here/target/jobs-bench"
mkdir -p "$db_dir"
report="$out/report.md"
{
  echo "# Spindle offload benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "$(nproc) CPUs; $("$java" -version 2>&1 | head -1); node $(node --version); worker pools of $pool; quick=$quick"
} > "$report"

if [[ ",$only," == *",roundtrip,"* ]]; then
  rt_jmh=("${pin[@]}" "$java" -jar "$jar" 'OffloadRoundTripBenchmark' "${rt_opts[@]}"
          -jvmArgsAppend "-Xms1g -Xmx1g -Dspindle.bench.pool=$pool")
  rt_node=("${pin[@]}" node "$here/node/worker-roundtrip.js" "${node_opts[@]}" "--pool=$pool")
  for round in $(seq 1 "$rounds"); do
    jmh "$out/jmh-roundtrip-r$round.log" "${rt_jmh[@]}" -rf json -rff "$out/jmh-roundtrip-r$round.json"
    echo "== $(quote "${rt_node[@]}")" >&2
    "${rt_node[@]}" > "$out/node-roundtrip-r$round.json"
  done
  { echo; echo "## Workers.run round trip: Spindle vs Node worker_threads"; echo
    node "$here/node/offload-report.js" roundtrip "$out" "$(quote "${rt_jmh[@]}") ; $(quote "${rt_node[@]}")   # $rounds round(s), back to back"; } >> "$report"
fi

if [[ ",$only," == *",jobs,"* ]]; then
  jobs_jmh=("${pin[@]}" "$java" -jar "$jar" 'JobQueueBenchmark' "${jobs_opts[@]}"
            -jvmArgsAppend "-Xms1g -Xmx1g -Dspindle.bench.pool=$pool -Dspindle.bench.dir=$db_dir")
  for round in $(seq 1 "$rounds"); do
    jmh "$out/jmh-jobs-r$round.log" "${jobs_jmh[@]}" -rf json -rff "$out/jmh-jobs-r$round.json"
  done
  { echo; echo "## SQLite job queue: group commit vs one transaction per write"; echo
    node "$here/node/offload-report.js" jobs "$out" "$(quote "${jobs_jmh[@]}")   # $rounds round(s)"; } >> "$report"
fi

cat "$report"
echo >&2
echo "== raw results and logs in $out" >&2
