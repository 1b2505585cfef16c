#!/bin/sh
# Does every stage stay linear in the page's size? Builds article pages of
# 10 KB, 100 KB, 1 MB and 10 MB from the paragraphs lede extracts from the
# development pages (cycled: real sentences with names, quotes and numbers),
# runs `lede extract` on each (full pipeline, JSON written) and prints CPU
# time and peak RSS per size, and the CPU per MB less start-up (models and
# word lists loaded, measured on an empty batch): near constant when linear.
# Usage: scaling.sh BUILD_DIR SHARED_DIR
set -eu
build=$1 shared=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$shared"/data/extraction/scrapinghub/*.html \
  "$shared"/data/extraction/readability/*/source.html | head -60 > "$tmp/pages"
n=0
while read -r page; do
  n=$((n + 1))
  printf '%s\t%s/%d.json\n' "$page" "$tmp" "$n"
done < "$tmp/pages" > "$tmp/list"
"$build/lede" extract --batch "$tmp/list"
python3 - "$build/lede" "$tmp" <<'PY'
import glob, html, json, os, subprocess, sys, time
lede, tmp = sys.argv[1], sys.argv[2]
paras = []
for f in sorted(glob.glob(tmp + "/*.json")):
    text = json.load(open(f, encoding="utf-8")).get("text") or ""
    paras += [p for p in text.split("\n\n") if len(p) > 80]
head = "<html><head><title>Scaling</title></head><body><article><h1>Scaling</h1>\n"
tail = "</article></body></html>\n"
def run(args):
    """CPU seconds, wall seconds, peak RSS (KB) and stdout of one lede run."""
    t0 = time.monotonic()
    p = subprocess.Popen([lede] + args, stdout=subprocess.PIPE, text=True)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode:
        sys.exit("lede failed on %s" % args)
    return ru.ru_utime + ru.ru_stime, time.monotonic() - t0, ru.ru_maxrss, out

open(tmp + "/empty", "w").close()
start = min(run(["extract", "--batch", tmp + "/empty"])[0] for _ in range(3))
# The article text is capped (warning text_truncated): past the cap only the
# parse and the content stages still grow with the page.
print("start-up %.3f s CPU (best of 3)" % start)
print("%10s %9s %9s %10s %12s %10s %s" % ("bytes", "cpu s", "wall s", "peak KB", "cpu ms/MB",
                                          "text KB", "warnings"))
for size in (10_000, 100_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000):
    body, used, i = [], len(head) + len(tail), 0
    while True:
        p = "<p>" + html.escape(paras[i % len(paras)]) + "</p>\n"
        if used + len(p.encode()) > size:
            break
        body.append(p)
        used += len(p.encode())
        i += 1
    page = tmp + "/page_%d.html" % size
    with open(page, "w", encoding="utf-8") as f:
        f.write(head + "".join(body) + tail)
    cpu, wall, rss, out = run(["extract", "--format", "ndjson", page])
    art = json.loads(out)
    print("%10d %9.3f %9.3f %10d %12.1f %10.0f %s" % (
        used, cpu, wall, rss, (cpu - start) * 1e3 / (used / 1e6),
        len((art.get("text") or "").encode()) / 1e3, ",".join(art.get("warnings") or [])))
PY
