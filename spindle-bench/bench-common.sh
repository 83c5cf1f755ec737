# Shared by the JMH bench scripts (run-loop-bench.sh, run-offload-bench.sh); sourced, not run.
# Expects `here` (spindle-bench) and `root` (the repository) to be set by the script.

# bench_args DEFAULT_ONLY "$@": sets quick, rounds, build and only from the common options;
# --help prints the sourcing script's leading comment.
bench_args() {
  only="$1"
  shift
  quick=false
  rounds=""
  build=true
  local arg
  for arg in "$@"; do
    case "$arg" in
      --quick) quick=true ;;
      --skip-build) build=false ;;
      --rounds=*) rounds="${arg#--rounds=}" ;;
      --only=*) only="${arg#--only=}" ;;
      -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
      *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
  done
}

# bench_java: exports JAVA_HOME (JAVA_HOME if it is a Java 25+, else the usual place on this
# project's machines) and sets java; node must be on the PATH for the peers and the reports.
bench_java() {
  java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
  if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
  java="$JAVA_HOME/bin/java"
  command -v node >/dev/null || { echo "node is needed for the Node peer and the report" >&2; exit 1; }
}

# bench_jar: sets jar to the benchmarks jar, building it when $build is true or it is missing.
bench_jar() {
  jar="$here/target/benchmarks.jar"
  if $build || [[ ! -f "$jar" ]]; then
    echo "== building $jar" >&2
    (cd "$root" && ./mvnw -q -pl spindle-bench -am package -DskipTests)
  fi
}

# quote ARGS...: the arguments as one shell-quoted line, for logs.
quote() { printf '%q ' "$@" | sed 's/ $//'; }

# Runs JMH (the command after LOG), logging everything to LOG and showing progress. JMH allows
# one instance per machine (/tmp/jmh.lock): if another holds it, wait for it rather than
# measuring while it runs, for up to 15 minutes.
jmh() {
  local log="$1"; shift
  echo "== $(quote "$@")" >&2
  local attempt
  for attempt in $(seq 1 90); do
    if "$@" 2>&1 | tee "$log" | { grep --line-buffered -E '^# (Benchmark|Parameters):|^Iteration' >&2 || true; }; then
      return 0
    fi
    if grep -q 'Unable to acquire the JMH lock' "$log"; then
      echo "== another JMH holds /tmp/jmh.lock; waiting (attempt $attempt)" >&2
      sleep 10
      continue
    fi
    tail -20 "$log" >&2
    return 1
  done
  echo "== gave up waiting for /tmp/jmh.lock" >&2
  return 1
}
