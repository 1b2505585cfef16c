#!/bin/sh
# The page at GET / in a real browser (tests/browser/test_page.mjs): Debian's
# chromium driven by playwright-core. Arguments: the lede binary, the shared
# data directory (unused). Screenshots go to the build folder (browser/).
# Skips, saying why, only where chromium or the npm package is not installed
# (scripts/deps.sh installs both when it can).
set -eu
lede=$1
here=$(cd "$(dirname "$0")/../browser" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1; then
  echo "test_browser: SKIPPED: chromium or node is not installed (scripts/deps.sh installs them as root)"
  exit 0
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null 2>&1) || {
    echo "test_browser: SKIPPED: npm ci in tests/browser failed (no registry?)"
    exit 0
  }
fi
out=$(cd "$(dirname "$lede")" && pwd)/browser
CHROMIUM=$chromium node "$here/test_page.mjs" "$lede" tests/fixtures/news-wire/page.html "$out"
