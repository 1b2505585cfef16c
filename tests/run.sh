#!/bin/sh
# Runs every test suite; used by `make test`. Arguments: the sanitizer build
# directory, the release build directory, the shared data directory.
set -eu
tbuild=$1 build=$2 shared=$3
export LEDE_SHARED_DIR="$shared"
failed=0
echo "== unit tests (ASan + UBSan)"
(cd "$tbuild" && ctest --output-on-failure -j 2) || failed=1
for t in tests/integration/test_*.py; do
  [ -e "$t" ] || continue
  echo "== $t"
  python3 "$t" --lede "$tbuild/lede" --shared "$shared" || failed=1
done
for t in tests/integration/test_*.sh; do
  [ -e "$t" ] || continue
  echo "== $t"
  sh "$t" "$build/lede" "$shared" || failed=1
done
# Quality floors: each check runs an evaluation and fails below its floor.
for t in tests/eval/check_*.sh; do
  [ -e "$t" ] || continue
  echo "== $t"
  sh "$t" "$build/lede" "$shared" || failed=1
done
if [ "$failed" != 0 ]; then
  echo "make test: FAILED" >&2
  exit 1
fi
echo "make test: all suites passed"
