#!/bin/sh
# Runs every libFuzzer target of a fuzz build for a bounded time each, from
# its committed seed corpus (tests/fuzz/corpus/<name>/ for fuzz_<name>).
# Used by `make test` (a short run) and `make fuzz FUZZ_SECONDS=N` (longer
# campaigns).
#
#   sh tests/fuzz/run.sh FUZZ_BUILD_DIR SECONDS_PER_TARGET [TARGET...]
#
# The committed corpus is only read: inputs libFuzzer finds go to
# FUZZ_BUILD_DIR/corpus/<target>/, kept between runs. A crash, leak, timeout
# or sanitizer report fails the run; its reproducer stays in
# FUZZ_BUILD_DIR/artifacts/<target>/ (replay: FUZZ_BUILD_DIR/<target> FILE).
# Each target's last lines (executions, cov, ft) go to FUZZ_BUILD_DIR/logs/.
set -eu
dir=$1 seconds=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
[ "$#" -gt 0 ] || set -- $(cd "$src" && ls fuzz_*.c | sed 's/\.c$//')
failed="" passed=0
for t in "$@"; do
  bin="$dir/$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz: $t: no $bin (build it with make fuzz-build)" >&2
    failed="$failed $t"
    continue
  fi
  work="$dir/corpus/$t" art="$dir/artifacts/$t" log="$dir/logs/$t.log"
  mkdir -p "$work" "$art" "$dir/logs"
  # seeds live in corpus/<target without fuzz_>/; a target without any
  # starts from nothing, which the suite treats as a mistake
  seeds="$src/corpus/${t#fuzz_}"
  if [ ! -d "$seeds" ]; then
    echo "fuzz: $t: no seed corpus $seeds" >&2
    failed="$failed $t"
    continue
  fi
  dict=""
  [ -f "$src/$t.dict" ] && dict="-dict=$src/$t.dict"
  case "$t" in fuzz_prefilter | fuzz_tree | fuzz_moved) dict="-dict=$src/prefilter.dict" ;; esac
  # -timeout: one input taking longer than this is a hang, and a failure.
  # shellcheck disable=SC2086 # $dict is one word or none
  if "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$art/" $dict "$work" $seeds \
    >"$log" 2>&1; then
    passed=$((passed + 1))
    stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 |
      sed -E 's/^#([0-9]+)[[:space:]]+[A-Z]+[[:space:]]+/\1 execs, /; s/[[:space:]]+lim:.*$//')
    echo "fuzz: $t: ok, ${seconds}s: $stats"
  else
    failed="$failed $t"
    echo "fuzz: $t: FAILED (log $log, reproducer in $art/):" >&2
    grep -E 'ERROR|SUMMARY|Test unit written|deadly signal' "$log" | head -5 >&2
  fi
done
echo "fuzz: $passed passed, $(echo "$failed" | wc -w) failed${failed:+:$failed}"
[ -z "$failed" ]
