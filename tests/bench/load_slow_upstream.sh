#!/bin/sh
# Slow-upstream isolation benchmark (run by `make bench`).
# Arguments: the release build directory, the shared data directory.
#
# Measures POST /v1/extract latency of a ~100 KB page at concurrency 1 for
# SLOW_DURATION seconds (default 10), then again while 50 URL requests hang on
# a local upstream that drips one byte per second. Fetches wait suspended on
# the fetch thread, so the extraction latency must not rise by more than 20%.
# Skipped (exit 0) when URL fetching is not built in.
set -eu
build=$(cd "$1" && pwd)
shared=$2
duration=${SLOW_DURATION:-10}
hanging=50
target=102400
tmp=$(mktemp -d)
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

cc -O2 -Wall -o "$build/lede-load" tests/bench/load.c $(pkg-config --cflags --libs libcurl)
page="" best=""
for f in "$shared"/data/extraction/scrapinghub/*.html; do
  d=$(($(wc -c <"$f") - target)); [ "$d" -lt 0 ] && d=$((-d))
  if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d page=$f; fi
done

# The upstream: headers at once, then one byte per second for two minutes.
cat >"$tmp/slow.py" <<'PY'
import http.server, sys, time
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *a): pass
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(120):
                self.wfile.write(b" "); self.wfile.flush(); time.sleep(1)
        except OSError:
            pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
s.daemon_threads = True
print(s.server_address[1], flush=True)
s.serve_forever()
PY
python3 "$tmp/slow.py" >"$tmp/up.port" &
pids="$pids $!"
i=0
until [ -s "$tmp/up.port" ]; do i=$((i + 1)); [ $i -gt 100 ] && exit 1; sleep 0.05; done
up=$(head -1 "$tmp/up.port")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$build/lede" serve --config config/lede.conf --bind 127.0.0.1 --port "$port" \
  --access-log false --fetch-allow-private --fetch-timeout-ms 300000 \
  --fetch-low-speed-bytes 1 --fetch-low-speed-secs 300 --drain-timeout-s 1 2>"$tmp/log" &
srv=$!
pids="$pids $srv"
i=0
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
  i=$((i + 1)); [ $i -gt 300 ] && { cat "$tmp/log" >&2; exit 1; }; sleep 0.1
done
probe=$(curl -s -m 5 -H 'Content-Type: application/json' \
  -d '{"url":"http://127.0.0.1:1/"}' "http://127.0.0.1:$port/v1/extract" || true)
case "$probe" in
  *"not implemented"*) echo "slow-upstream: SKIP (URL fetching not built in)"; exit 0 ;;
esac

url="http://127.0.0.1:$port/v1/extract"
"$build/lede-load" --url "$url" --body "$page" --concurrency 8 --requests 200 >/dev/null
base=$("$build/lede-load" --url "$url" --body "$page" --concurrency 1 --duration "$duration")
echo "slow-upstream: alone:        $base"

# 50 clients whose fetches hang on the dripping upstream.
python3 - "$port" "$up" "$hanging" <<'PY' &
import http.client, json, sys, threading
port, up, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def one():
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        c.request("POST", "/v1/extract", json.dumps({"url": "http://127.0.0.1:%d/x" % up}),
                  {"Content-Type": "application/json"})
        c.getresponse().read()
    except OSError:
        pass
ts = [threading.Thread(target=one, daemon=True) for _ in range(n)]
[t.start() for t in ts]
[t.join() for t in ts]
PY
pids="$pids $!"
i=0
while :; do
  inflight=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^lede_inflight_requests / { print $2 }')
  [ "${inflight:-0}" -gt "$hanging" ] && break
  i=$((i + 1)); [ $i -gt 200 ] && { echo "slow-upstream: fetches did not start" >&2; exit 1; }
  sleep 0.05
done
busy=$("$build/lede-load" --url "$url" --body "$page" --concurrency 1 --duration "$duration")
echo "slow-upstream: $hanging hanging: $busy"
p50() { echo "$1" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/'; }
b=$(p50 "$base") h=$(p50 "$busy")
ratio=$(awk -v b="$b" -v h="$h" 'BEGIN { printf "%.2f", h / b }')
echo "slow-upstream: p50 $b ms alone, $h ms with $hanging hanging fetches (x$ratio)"
if awk -v r="$ratio" 'BEGIN { exit !(r > 1.20) }'; then
  echo "slow-upstream: FAIL: latency rose by more than 20%" >&2
  exit 1
fi
echo "slow-upstream: ok"
