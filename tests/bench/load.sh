#!/bin/sh
# Load test of `lede serve` on 127.0.0.1 (run by `make bench`).
# Arguments: the release build directory, the shared data directory.
#
# Builds the libcurl driver (tests/bench/load.c), starts the release server,
# POSTs the scrapinghub page nearest 100 KB to /v1/extract at concurrency 1, 8
# and 64 (LOAD_DURATION seconds each, default 10), then sends LOAD_REQUESTS
# (default 100000) more requests and compares the server's RSS before and
# after them: memory must stay flat (within 10%). Exit status 1 on errors or
# growth. Set LOAD_THREADS to size the server's thread pool (default: cores).
set -eu
build=$(cd "$1" && pwd)
shared=$2
duration=${LOAD_DURATION:-10}
requests=${LOAD_REQUESTS:-100000}
target=102400

cc -O2 -Wall -o "$build/lede-load" tests/bench/load.c $(pkg-config --cflags --libs libcurl)

page=""
best=""
for f in "$shared"/data/extraction/scrapinghub/*.html; do
  size=$(wc -c <"$f")
  d=$((size - target))
  [ "$d" -lt 0 ] && d=$((-d))
  if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d page=$f; fi
done
[ -n "$page" ] || { echo "load: no pages under $shared/data/extraction/scrapinghub" >&2; exit 1; }
echo "load: page $(basename "$page") ($(wc -c <"$page") bytes)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
set -- --config config/lede.conf --bind 127.0.0.1 --port "$port" --access-log false \
  --queue-depth 256
[ -n "${LOAD_THREADS:-}" ] && set -- "$@" --threads "$LOAD_THREADS"
"$build/lede" serve "$@" 2>"$log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; rm -f "$log"' EXIT
i=0
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
  i=$((i + 1))
  [ $i -gt 300 ] && { echo "load: server did not start" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
url="http://127.0.0.1:$port/v1/extract"
failed=0
for c in 1 8 64; do
  "$build/lede-load" --url "$url" --body "$page" --concurrency "$c" --duration "$duration" \
    || failed=1
done

# Memory: warm up first (allocator arenas of every thread reach their working
# size), then compare RSS before and after many more requests.
"$build/lede-load" --url "$url" --body "$page" --concurrency 8 --requests 2000 \
  --duration 600 >/dev/null || failed=1
before=$(rss_kb)
"$build/lede-load" --url "$url" --body "$page" --concurrency 8 --requests "$requests" \
  --duration 3600 || failed=1
after=$(rss_kb)
growth=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", (a - b) * 100 / b }')
echo "load: RSS before ${before} kB, after ${after} kB over $requests requests (${growth}%)"
if awk -v a="$after" -v b="$before" 'BEGIN { exit !(a > b * 1.10) }'; then
  echo "load: FAIL: memory grew more than 10%" >&2
  failed=1
fi
kill -TERM $pid
wait $pid || failed=1
trap - EXIT
rm -f "$log"
[ "$failed" = 0 ] && echo "load: ok" || { echo "load: FAILED" >&2; exit 1; }
