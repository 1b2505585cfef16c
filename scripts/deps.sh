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
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "deps: missing packages:$missing (run as root, or install them)" >&2
  exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
