#!/bin/sh
# Runs every test suite; used by `make test`. Arguments: the sanitizer build
# directory, the release build directory, the shared data directory, and
# optionally the fuzz build directory (default build-fuzz).
# Every suite runs even when an earlier one failed; the last line counts them.
set -eu
tbuild=$1 build=$2 shared=$3 fbuild=${4:-build-fuzz}
export LEDE_SHARED_DIR="$shared"
passed=0 failed=0 failed_names=""

suite() { # suite NAME COMMAND...
  name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failed_names="$failed_names $name"
  fi
}

suite "unit tests (ASan + UBSan)" sh -c "cd '$tbuild' && ctest --output-on-failure -j 2"
for t in tests/integration/test_*.py; do
  [ -e "$t" ] && suite "$t" python3 "$t" --lede "$tbuild/lede" --shared "$shared"
done
# Hostile input again on the release build: its peak RSS is the one checked.
suite "tests/integration/test_hostile.py (release build, peak RSS < 256 MiB)" \
  python3 tests/integration/test_hostile.py --lede "$build/lede" --shared "$shared"
for t in tests/integration/test_*.sh; do
  [ -e "$t" ] && suite "$t" sh "$t" "$build/lede" "$shared"
done
# Every libFuzzer target, 20 s each from its seed corpus; a crash fails the
# suite and leaves its reproducer in $fbuild/artifacts/<target>/.
suite "fuzz targets (${LEDE_FUZZ_CI_SECONDS:-20} s each)" \
  sh tests/fuzz/run.sh "$fbuild" "${LEDE_FUZZ_CI_SECONDS:-20}"
# Quality floors: each check runs an evaluation and fails below its floor.
for t in tests/eval/check_*.sh; do
  [ -e "$t" ] && suite "$t" sh "$t" "$build/lede" "$shared"
done

if [ "$failed" != 0 ]; then
  echo "make test: FAILED:$failed_names" >&2
fi
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
