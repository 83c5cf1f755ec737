#!/usr/bin/env bash
# The SQLite job queue before and after a change, in one run: builds spindle-bench at BEFORE (a git
# revision, default cb7b5f9, the last commit before group commit) in a temporary folder, and this
# tree's, then runs BeforeAfter.java (the same harness, compiled against each) alternately, PAIRS
# times: 10,000 adds with 1,000 outstanding, then 10,000 completions with an empty handler on the
# loop (concurrency 100); ROUNDS per JVM, the first ones being warm-up. Both pinned to CPUs 0,1.
#
#   flock /tmp/spindle-bench.lock spindle-bench/offload/before-after.sh [BEFORE] [PAIRS] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$(dirname "$here")")"
before="${1:-cb7b5f9}"
pairs="${2:-3}"
rounds="${3:-4}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
j="$JAVA_HOME/bin"
work="$(mktemp -d /tmp/spindle-before-after.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/before" "$work/after" "$work/db"
git -C "$root" archive "$before" | tar -x -C "$work/src"
(cd "$work/src" && ./mvnw -q -o package -DskipTests -pl spindle-bench -am)
(cd "$root" && ./mvnw -q -o package -DskipTests -pl spindle-bench -am)
cp "$work/src/spindle-bench/target/benchmarks.jar" "$work/before.jar"
cp "$root/spindle-bench/target/benchmarks.jar" "$work/after.jar"
"$j/javac" -cp "$work/before.jar" -d "$work/before" "$here/BeforeAfter.java"
"$j/javac" -cp "$work/after.jar" -d "$work/after" "$here/BeforeAfter.java"
for pair in $(seq 1 "$pairs"); do
  for side in before after; do
    taskset -c 0,1 "$j/java" -Xms1g -Xmx1g -cp "$work/$side.jar:$work/$side" BeforeAfter "$side" "$rounds" "$work/db" 2>/dev/null
  done
done
