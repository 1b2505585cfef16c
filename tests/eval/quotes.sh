#!/bin/sh
# Quote extraction quality on PolNeAR dev (make eval-quotes).
# Usage: quotes.sh LEDE_BINARY SHARED_DIR
set -eu
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh "$here/quotes_score.sh" "$1" "$2" "$tmp"
echo "== all attributions (direct + mixed + indirect)"
cat "$tmp/all.txt"
echo "== direct quotes (gold direct vs. predictions typed direct)"
cat "$tmp/direct.txt"
echo "== speakers (share of named speakers that are right)"
cat "$tmp/speakers.txt"
