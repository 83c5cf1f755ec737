#!/usr/bin/env bash
# Runs Spindle's loop benchmarks and their peers back to back, and prints Markdown tables of the
# ratios. Every ratio compares two figures measured in this one run: the machine is noisy, so
# only ratios are worth comparing across runs.
#
#   spindle-bench/run-loop-bench.sh [--quick] [--rounds=N] [--skip-build] [--only=shapes,gc,execute,http-gc]
#
#   shapes   immediates, nextTicks, promise chains and a million timers: JMH vs node/loop-shapes.js,
#            both pinned to one CPU (taskset -c 1) when taskset is there and the machine has 2+ CPUs
#   gc       the immediate, nextTick and promise shapes again with -prof gc: bytes per callback
#   execute  cross-thread execute throughput: Spindle vs Netty (DefaultEventLoop and NIO) and
#            Executors.newSingleThreadExecutor(), 1 and 2 producers (not pinned: it needs 2 cores)
#   http-gc  the HTTP request parser (wrk's GET, a browser's GET, a small POST) and response
#            encoder (plaintext, JSON) with -prof gc: bytes per request and per response. Not in
#            the default set; ask for it with --only=http-gc
#
# --quick: 1 fork, short iterations, 1 round (about 3 minutes in all); the default (2 rounds of
# the shapes and the cross-thread run, one JMH fork each) takes about 9. --rounds=N sets the rounds.
# Results, raw JSON and the tables (report.md) go to spindle-bench/bench-report/<time>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

. "$here/bench-common.sh"
bench_args "shapes,gc,execute" "$@"
bench_java
bench_jar

pin=()
if command -v taskset >/dev/null && [[ "$(nproc)" -ge 2 ]]; then
  pin=(taskset -c 1)
fi

if $quick; then
  jmh_opts=(-f 1 -wi 3 -i 3 -w 1s -r 1s)
  node_opts=(--quick)
  rounds="${rounds:-1}"
else
  # The annotations' warm-up and measurement, but one fork per round: the rounds of back-to-back
  # pairs take the place of the annotations' two forks.
  jmh_opts=(-f 1)
  node_opts=()
  rounds="${rounds:-2}"
fi

out="$here/bench-report/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
report="$out/report.md"
{
  echo "# Spindle loop benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "$(nproc) CPUs; $("$java" -version 2>&1 | head -1); node $(node --version); quick=$quick"
} > "$report"

# A round of a shape is its JMH run and its Node run back to back, so that a noisy neighbour hits
# both alike; the report gives each round's ratio and their median.
shape_names=(immediateChain immediateBatch nextTickChain promiseThenChain promiseMapChain
             timersSameDelay timersVariedDelays)
if [[ ",$only," == *",shapes,"* ]]; then
  for round in $(seq 1 "$rounds"); do
    for shape in "${shape_names[@]}"; do
      jmh_cmd=("${pin[@]}" "$java" -jar "$jar" "(LoopShapesBenchmark|MillionTimersBenchmark)\.$shape\$" "${jmh_opts[@]}"
               -rf json -rff "$out/jmh-shape-$shape-r$round.json")
      node_cmd=("${pin[@]}" node "$here/node/loop-shapes.js" "${node_opts[@]}" "--only=$shape")
      jmh "$out/jmh-shape-$shape-r$round.log" "${jmh_cmd[@]}"
      echo "== $(quote "${node_cmd[@]}")" >&2
      "${node_cmd[@]}" > "$out/node-shape-$shape-r$round.json"
    done
  done
  # The commands as run, with the shape's name as SHAPE.
  template_jmh=("${pin[@]}" "$java" -jar "$jar" '(LoopShapesBenchmark|MillionTimersBenchmark)\.SHAPE$' "${jmh_opts[@]}")
  template_node=("${pin[@]}" node "$here/node/loop-shapes.js" "${node_opts[@]}" --only=SHAPE)
  shape_cmd="$(quote "${template_jmh[@]}") ; $(quote "${template_node[@]}")"
  shape_note="for SHAPE in ${shape_names[*]}, in that order, each pair back to back; $rounds round(s) of all that"
  { echo; echo "## Loop shapes: Spindle vs Node"; echo
    node "$here/node/report.js" shapes "$out" "$shape_cmd" "$shape_note"; } >> "$report"
fi

if [[ ",$only," == *",gc,"* ]]; then
  gc_cmd=("${pin[@]}" "$java" -jar "$jar" 'LoopShapesBenchmark\.(immediateChain|immediateBatch|nextTickChain|promiseThenChain|promiseMapChain)$'
          -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc -rf json -rff "$out/jmh-gc.json")
  jmh "$out/jmh-gc.log" "${gc_cmd[@]}"
  { echo; echo "## Allocation per callback"; echo
    node "$here/node/report.js" gc "$out/jmh-gc.json" "$(quote "${gc_cmd[@]}")"; } >> "$report"
fi

if [[ ",$only," == *",http-gc,"* ]]; then
  http_gc_cmd=("${pin[@]}" "$java" -jar "$jar" 'RequestParserBenchmark|ResponseEncoderBenchmark'
               -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc -rf json -rff "$out/jmh-http-gc.json")
  jmh "$out/jmh-http-gc.log" "${http_gc_cmd[@]}"
  { echo; echo "## HTTP: allocation per request and per response"; echo
    node "$here/node/report.js" http-gc "$out/jmh-http-gc.json" "$(quote "${http_gc_cmd[@]}")"; } >> "$report"
fi

if [[ ",$only," == *",execute,"* ]]; then
  for round in $(seq 1 "$rounds"); do
    exec_cmd=("$java" -jar "$jar" 'ExecuteThroughputBenchmark' "${jmh_opts[@]}"
              -rf json -rff "$out/jmh-execute-r$round.json")
    jmh "$out/jmh-execute-r$round.log" "${exec_cmd[@]}"
  done
  template_exec=("$java" -jar "$jar" 'ExecuteThroughputBenchmark' "${jmh_opts[@]}")
  { echo; echo "## Cross-thread execute throughput"; echo
    node "$here/node/report.js" execute "$out" "$(quote "${template_exec[@]}")" "$rounds round(s) of that"; } >> "$report"
fi

cat "$report"
echo >&2
echo "== raw results and logs in $out" >&2
