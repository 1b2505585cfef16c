#!/bin/sh
# Throughput of tokenizing + numeric claims on one core (sentences/s).
# Usage: tests/bench/numbers.sh BUILD_DIR SHARED_DIR
set -eu
echo "== bench_numbers (tokenize + numbers, one core)"
"$1/bench_numbers" "$2"
