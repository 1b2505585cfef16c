#!/bin/sh
# Installs the Debian packages lede needs to build, test and run, when missing.
# Runs as root on Debian 12 (bookworm); does nothing when all are present.
set -eu
packages="build-essential cmake pkg-config libmicrohttpd-dev libjansson-dev
libxml2-dev libcurl4-openssl-dev libcriterion-dev clang clang-format
libclang-rt-14-dev python3 python3-yaml curl ca-certificates"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# The browser test (tests/browser) wants chromium, node and the npm packages:
# installed when possible, never fatal (the test says it skips without them).
browser() {
  for p in chromium node npm; do
    command -v "$p" >/dev/null 2>&1 && continue
    [ "$p" = node ] && p=nodejs
    [ "$(id -u)" = 0 ] || { echo "deps: $p missing: the browser test will skip" >&2; return 0; }
    apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$p"; } ||
      echo "deps: $p could not be installed: the browser test will skip" >&2
  done
  dir=$(dirname "$0")/../tests/browser
  if command -v npm >/dev/null 2>&1 && [ ! -d "$dir/node_modules/playwright-core" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
      echo "deps: npm ci in tests/browser failed: the browser test will skip" >&2
  fi
  return 0
}
if [ -z "$missing" ]; then
  browser
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "deps: missing packages:$missing (run as root, or install them)" >&2
  exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
browser
