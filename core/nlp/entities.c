/* Mentions to entities: strip titles and possessives, resolve aliases and
 * surnames, group, count and order. */
#include "entities.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ner_gaz.h"
#include "ner_hash.h"

/* Longest title phrase looked up at the start of a mention ("Secretary of
 * State"), in tokens. */
#define ENT_MAX_TITLE_TOKENS 3

/* Leading words that are never part of a name. */
static const char *const ent_determiners[] = {"the", "a", "an"};

/* One mention after trimming, with what merging needs. */
typedef struct {
    uint32_t tb, te;           /* tokens of the trimmed span */
    uint32_t start, end;       /* bytes in the text */
    uint32_t cp_start, cp_end; /* code points in the text */
    uint64_t key;              /* identity of the name (alias-resolved) */
    uint64_t last;             /* hash of the last word, lower-cased */
    lede_entity_type type;
    float conf;       /* the tagger's posterior of the span */
    float type_share; /* share of the name's mentions that have its type */
    int32_t group;    /* entity before ordering, -1 when dropped */
    uint8_t gender;   /* ENT_GENDER_*: from a title or a first name */
    uint16_t lists;   /* gazetteer lists of the whole name (NER_GAZ_*) */
    bool aliased;     /* the name is in the alias table */
    bool shouted;     /* in a heading: two words or more all in capitals, or
                         on a heading's line (in_heading) */
    bool after_the;   /* written after "the" ("the annual Fan Vote") */
    bool placed;      /* written where a place is (placed_mention) */
    bool cut_suffix;  /* "-based" and the like cut off its last word */
    bool bang;        /* ends with a "!" glued to its last word ("Yahoo!") */
    bool product;     /* the text writes it as a product (product_context) */
} ent_mention;

/* A person's gender as the text shows it, for joining surnames: unknown, or
 * told by a gendered title ("Mrs.") or a first name found on one gender's
 * list only. ENT_GENDER_ANY is the map key of "whatever the gender". */
enum { ENT_GENDER_UNKNOWN, ENT_GENDER_FEMALE, ENT_GENDER_MALE, ENT_GENDER_ANY };

/* Titles that tell a gender. Others ("Dr.", "President", "Chairman" for
 * women too) do not. */
static const char *const ent_female_titles[] = {
    "mrs",  "mrs.", "ms",    "ms.",      "miss",    "madam",    "madame",
    "lady", "dame", "queen", "princess", "duchess", "baroness", "countess"};
static const char *const ent_male_titles[] = {"mr",   "mr.",    "sir",  "lord",
                                              "king", "prince", "duke", "baron"};

typedef struct {
    lede_entity_type type;
    uint64_t key;
    size_t count, first; /* first: index of its first mention */
    size_t name_mention; /* the mention with the fullest form */
    int32_t rank;        /* final position, -1 when dropped */
    double confidence;   /* best mention posterior times the type's share */
    bool full_name;      /* a mention of two words or more */
    bool vouched;        /* a one-word mention after a title, or a first name */
    bool first_name;     /* a mention starts with a known first name */
    size_t n_shouted;    /* mentions with ent_mention.shouted */
    size_t n_after_the;  /* mentions with ent_mention.after_the */
    bool lone_place;     /* a one-word place no list, code or alias knows */
    size_t n_placed;     /* mentions written where places are (placed_mention) */
} ent_group;

/* The lists that make a name a known place. */
#define ENT_PLACE_LISTS (NER_GAZ_COUNTRY | NER_GAZ_CITY | NER_GAZ_REGION | NER_GAZ_AREA)

/* Words that open a sentence before a name without being part of it:
 * greetings, interjections and a few verbs and prepositions that start a
 * sentence ("Hey Twitter, ...", "Enter Lugg, Instacart ...", "Like Yahoo!"). */
static const char *const ent_openers[] = {
    "hey",   "hi",  "hello", "dear",   "thanks", "welcome", "congratulations",
    "sorry", "oh",  "ok",    "okay",   "yes",    "enter",   "meet",
    "watch", "ask", "like",  "unlike", "via",    "per"};

/* Endings that make a compound adjective of a name ("Texas-based",
 * "American-led", "South Dakota-sized"): the name is the part before them. */
static const char *const ent_adj_suffixes[] = {
    "-based", "-sized", "-size", "-led",   "-backed", "-owned", "-run",  "-funded",
    "-born",  "-bred",  "-made", "-style", "-like",   "-bound", "-area", "-wide"};

/* Quotation marks around a title: straight and typographic double quotes. */
static const char *const ent_quotes[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"};

/* Small words a title leaves in lower case ("Takin' It to the Streets"). */
static const char *const ent_title_small_words[] = {"a",   "an",  "the",  "and", "or",
                                                    "but", "of",  "to",   "in",  "on",
                                                    "at",  "for", "with", "by",  "from"};

/* Words that join an organisation's head to the rest of its name ("National
 * Institute on Drug Abuse", "Council for Economic Affairs"). */
static const char *const ent_org_links[] = {"of", "on", "for"};

/* Nouns that end names of buildings, prizes and events, never a person's
 * name ("Philip K. Dick Award", "Xfinity Center"); organisation words
 * (org_words.txt) are the same for organisations. */
static const char *const ent_thing_heads[] = {
    "award",   "awards",  "prize",    "medal",    "trophy",     "observatory",
    "stadium", "arena",   "center",   "centre",   "avenue",     "airport",
    "museum",  "library", "hospital", "festival", "tournament", "championship"};

/* Nouns that end names of events ("Los Angeles Auto Show", "the annual Fan
 * Vote"): an event is MISC, never a person, an organisation or a place. Words
 * that also end company names ("Games", "Fair") are left out. */
static const char *const ent_event_heads[] = {
    "show",       "expo",     "festival", "championship", "championships", "tournament",
    "marathon",   "olympics", "cup",      "vote",         "poll",          "election",
    "referendum", "ceremony", "concert",  "gala",         "summit",        "induction"};

/* Nouns that end names of newspapers and magazines ("Sioux Falls Argus
 * Leader", "Washington Post"): a paper is an organisation, never a place. */
static const char *const ent_press_heads[] = {
    "times",     "post",     "herald",    "tribune",  "journal",  "gazette",
    "chronicle", "leader",   "observer",  "examiner", "courier",  "register",
    "inquirer",  "dispatch", "telegraph", "guardian", "bulletin", "globe",
    "argus",     "standard", "mail",      "mirror",   "express",  "today"};

/* Nouns that end names of streets, squares, parks and buildings open to the
 * public ("Central Park", "Stamford Bridge"): a facility is a place (LOC),
 * not an organisation. */
static const char *const ent_facility_heads[] = {"park",   "square", "street",  "road",
                                                 "avenue", "bridge", "station", "stadium",
                                                 "arena",  "airport"};

/* Nouns that end place names and surnames alike ("Tinley Park", "Helen
 * Park"): a thing's name only when no known first name opens it. */
static const char *const ent_place_heads[] = {"park",   "hall",   "street", "road",
                                              "bridge", "square", "station"};

/* Nouns of machines and products that a name before them names ("the Hazel
 * Hen supercomputer", "the Quorvik compact sedan"): a person's name there is
 * the machine's, a product (MISC). */
static const char *const ent_artefact_nouns[] = {
    "supercomputer", "computer",   "telescope", "satellite",  "rocket",    "spacecraft",
    "probe",         "rover",      "lander",    "sedan",      "coupe",     "hatchback",
    "minivan",       "pickup",     "truck",     "suv",        "crossover", "car",
    "motorcycle",    "airliner",   "aircraft",  "helicopter", "drone",     "submarine",
    "warship",       "smartphone", "handset",   "laptop",     "processor", "chip",
    "robot",         "console"};

/* Model years: a year in this range right after an article and before an
 * unknown name ("the 2020 Quorvik") dates a product's model. */
#define ENT_MODEL_YEAR_MIN 1900
#define ENT_MODEL_YEAR_MAX 2099

/* Lengths of a trailing abbreviation that ends no person's name ("SUV"). */
#define ENT_ABBREV_MIN 2
#define ENT_ABBREV_MAX 5

#define N_OF(a) (sizeof(a) / sizeof *(a))

/* A small open-addressing map from 64-bit keys to indices, in the arena. */
typedef struct {
    uint64_t *keys;
    int32_t *vals;
    size_t mask;
} ent_map;

static bool map_init(ent_map *m, lede_arena *a, size_t n) {
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    m->keys = arena_calloc(a, slots, sizeof *m->keys);
    m->vals = arena_alloc(a, slots * sizeof *m->vals);
    m->mask = slots - 1;
    return m->keys && m->vals;
}

/* The value slot of key, created holding -1. */
static int32_t *map_slot(ent_map *m, uint64_t key) {
    key |= 1; /* 0 marks an empty slot */
    size_t i = (size_t)key & m->mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & m->mask;
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->vals[i] = -1;
    }
    return &m->vals[i];
}

/* Whether key is in the map; unlike map_slot it adds nothing. */
static bool map_has(const ent_map *m, uint64_t key) {
    key |= 1;
    for (size_t i = (size_t)key & m->mask; m->keys[i]; i = (i + 1) & m->mask)
        if (m->keys[i] == key)
            return m->vals[i] >= 0;
    return false;
}

static uint64_t tok_hash(const nlp_text *t, uint32_t k) {
    return ner_hash_bytes(t->text + t->toks[k].start, t->toks[k].end - t->toks[k].start,
                          1);
}

static bool tok_is(const nlp_text *t, uint32_t k, const char *w) {
    size_t len = t->toks[k].end - t->toks[k].start;
    return strlen(w) == len && !strncasecmp(t->text + t->toks[k].start, w, len);
}

static bool is_punct_tok(const nlp_text *t, uint32_t k);
static bool lower_word(const nlp_text *t, uint32_t k);

static bool tok_in(const nlp_text *t, uint32_t k, const char *const *words, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (tok_is(t, k, words[i]))
            return true;
    return false;
}

/* Number of leading title tokens at b (0 when none), at most max tokens. */
static uint32_t title_len(const gazetteer *g, const nlp_text *t, uint32_t b,
                          uint32_t max) {
    uint64_t h[ENT_MAX_TITLE_TOKENS];
    uint32_t best = 0;
    for (uint32_t n = 0; n < max && n < ENT_MAX_TITLE_TOKENS; n++) {
        h[n] = tok_hash(t, b + n);
        uint16_t m = ner_gaz_lookup(g, h, n + 1);
        if (m & NER_GAZ_TITLE)
            best = n + 1;
        if (!(m & NER_GAZ_PREFIX))
            break;
    }
    return best;
}

static bool is_demonym(const gazetteer *g, const nlp_text *t, uint32_t k) {
    uint64_t h = tok_hash(t, k);
    return (ner_gaz_lookup(g, &h, 1) & NER_GAZ_DEMONYM) != 0;
}

/* Possessive endings: a separate "'s" / "'" token, or one glued to the word. */
static const char *const ent_possessives[] = {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"};

/* Bytes of a possessive ending glued to the end of s, else 0. */
static size_t glued_possessive(const char *s, size_t len) {
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(ent_possessives[i]);
        if (len > n && !memcmp(s + len - n, ent_possessives[i], n))
            return n;
    }
    return 0;
}

static bool is_possessive_tok(const nlp_text *t, uint32_t k) {
    for (size_t i = 0; i < sizeof ent_possessives / sizeof *ent_possessives; i++)
        if (tok_is(t, k, ent_possessives[i]))
            return true;
    return false;
}

/* Name suffixes: "Patrick W. Carlineo Jr." is Carlineo. */
static const char *const ent_suffixes[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};

static bool is_suffix_tok(const nlp_text *t, uint32_t k) {
    for (size_t i = 0; i < sizeof ent_suffixes / sizeof *ent_suffixes; i++)
        if (tok_is(t, k, ent_suffixes[i]))
            return true;
    return false;
}

/* A short abbreviation in capitals ("DL", "QB", "CEO", "MP"): a role. */
static bool is_role_abbrev(const nlp_text *t, uint32_t k) {
    const char *s = t->text + t->toks[k].start;
    size_t len = t->toks[k].end - t->toks[k].start;
    if (len < 2 || len > 4)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return true;
}

/* A word written like a name: a capital, then lower-case letters only. */
static bool name_like(const nlp_text *t, uint32_t k) {
    const char *s = t->text + t->toks[k].start;
    size_t len = t->toks[k].end - t->toks[k].start;
    if (len < 2 || s[0] < 'A' || s[0] > 'Z')
        return false;
    for (size_t i = 1; i < len; i++)
        if (!(s[i] >= 'a' && s[i] <= 'z') && s[i] != '-' && s[i] != '\'')
            return false;
    return true;
}

/*
 * Where a person's name starts inside a longer span: everything up to a role
 * abbreviation written before the name is the role and its affiliation
 * ("Browns DL Sheldon Richardson", "Patriots QB Mac Jones"), when two or three
 * words written like a name follow it. b when nothing is to trim.
 */
static uint32_t name_start(const nlp_text *t, uint32_t b, uint32_t e) {
    for (uint32_t f = b; f + 2 < e; f++) {
        if (!is_role_abbrev(t, f))
            continue;
        uint32_t rest = e - (f + 1);
        bool names = rest <= 3;
        for (uint32_t k = f + 1; k < e && names; k++)
            names = name_like(t, k);
        return names ? f + 1 : b;
    }
    return b;
}

/*
 * Market codes, not names: a Reuters instrument code ("LCOc1": capitals, then
 * a lower-case letter or two, then digits), or any word written right before
 * "=" ("GBP=", "EUR=" quote pages).
 */
static bool is_market_code(const nlp_text *t, uint32_t k) {
    const char *s = t->text + t->toks[k].start;
    size_t len = t->toks[k].end - t->toks[k].start, i = 0, up = 0, low = 0, dig = 0;
    if (k + 1 < t->n_toks && t->toks[k + 1].start == t->toks[k].end &&
        t->text[t->toks[k + 1].start] == '=')
        return true;
    while (i < len && s[i] >= 'A' && s[i] <= 'Z')
        i++, up++;
    while (i < len && s[i] >= 'a' && s[i] <= 'z')
        i++, low++;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, dig++;
    return i == len && up >= 2 && low >= 1 && low <= 2 && dig >= 1;
}

/* Whether the token starts a sentence or follows punctuation (a quotation
 * mark, a dash, a colon). */
static bool clause_initial(const nlp_text *t, uint32_t k) {
    const nlp_sentence *s = &t->sents[t->toks[k].sent];
    return k == s->tok_begin || is_punct_tok(t, k - 1);
}

/* A social media handle ("@RobertMaguire_"): the word is glued to an "@".
 * It spells an account, often words run together, not a name as written (a
 * hashtag, "#Steelers", still names what it tags). */
static bool is_handle(const nlp_text *t, uint32_t k) {
    uint32_t at = t->toks[k].start;
    return at > 0 && t->text[at - 1] == '@';
}

/* Bytes of a compound-adjective ending at the end of a word of len bytes
 * ("Texas-based": 6), 0 when none or when nothing would be left before it. */
static size_t adj_suffix(const char *w, size_t len) {
    for (size_t i = 0; i < N_OF(ent_adj_suffixes); i++) {
        size_t n = strlen(ent_adj_suffixes[i]);
        if (len > n + 1 && !strncasecmp(w + len - n, ent_adj_suffixes[i], n))
            return n;
    }
    return 0;
}

/* Whether token k opens a title written as one ("Representative", "Foreign
 * Minister"). */
static bool capitalised_title(const gazetteer *g, const nlp_text *t, uint32_t k) {
    unsigned char c = (unsigned char)t->text[t->toks[k].start];
    return c >= 'A' && c <= 'Z' && k < t->n_toks &&
           title_len(g, t, k, (uint32_t)(t->n_toks - k)) > 0;
}

/*
 * Whether the last word of the span [b, e) belongs to the title right after
 * it, not to the name: the span runs into the title ("US Trade" of "US Trade
 * Representative Robert Lighthizer") and its last word is one the text also
 * writes in lower case ("the trade war"), an ordinary word capitalised as
 * part of the office. Only that one word is cut ("White House Press
 * Secretary" keeps "White House").
 */
static bool role_word_before_title(const gazetteer *g, const nlp_text *t,
                                   const ent_map *lower, uint32_t b, uint32_t e) {
    if (e < b + 2 || e >= t->n_toks || t->toks[e].sent != t->toks[e - 1].sent)
        return false;
    return capitalised_title(g, t, e) && map_has(lower, tok_hash(t, e - 1));
}

/* Trims one mention; false when nothing of a name is left. */
static bool trim_mention(const gazetteer *g, const nlp_text *t, const ent_map *lower,
                         const nlp_mention *m, ent_mention *out) {
    uint32_t b = m->tok_begin, e = m->tok_end;
    /* A "!" that ends the sentence is the writer's, not the name's
     * ("Marronnier Park!"); one inside it may be a brand's ("Like Yahoo!."). */
    if (e > b + 1 && tok_is(t, e - 1, "!") && e == t->sents[t->toks[e - 1].sent].tok_end)
        e--;
    while (e > b + 1 && is_possessive_tok(t, e - 1))
        e--;
    while (e > b && is_market_code(t, e - 1))
        e--;
    while (e > b && is_market_code(t, b))
        b++;
    if (e > b && is_handle(t, b)) {
        /* The handle is every token glued to the one after the "@". */
        while (++b < e && t->toks[b].start == t->toks[b - 1].end)
            ;
    }
    if (e <= b)
        return false;
    if (e > b + 1 && clause_initial(t, b) && tok_in(t, b, ent_openers, N_OF(ent_openers)))
        b++;
    if (m->type == LEDE_ENT_PERSON)
        b = name_start(t, b, e);
    for (bool again = true; again && e > b + 1;) {
        again = false;
        for (size_t i = 0; i < sizeof ent_determiners / sizeof *ent_determiners; i++)
            if (tok_is(t, b, ent_determiners[i])) {
                b++;
                again = true;
                break;
            }
        if (again)
            continue;
        if (m->type == LEDE_ENT_PERSON) {
            /* "Russian President Vladimir Putin": a nationality before a title
             * goes with it. */
            uint32_t skip = is_demonym(g, t, b) ? 1 : 0;
            uint32_t tl =
                b + skip < e - 1 ? title_len(g, t, b + skip, e - 1 - (b + skip)) : 0;
            if (tl) {
                b += skip + tl;
                again = true;
            }
        }
    }
    if (e <= b)
        return false;
    if (role_word_before_title(g, t, lower, b, e))
        e--;
    /* "UN Secretary-General": a role, not a name. */
    if (m->type == LEDE_ENT_PERSON && title_len(g, t, e - 1, 1))
        return false;
    out->tb = b;
    out->te = e;
    out->start = t->toks[b].start;
    out->end = t->toks[e - 1].end;
    out->cp_start = t->toks[b].cp_start;
    out->cp_end = t->toks[e - 1].cp_end;
    size_t glued = glued_possessive(t->text + out->start, out->end - out->start);
    if (glued) {
        out->end -= (uint32_t)glued;
        out->cp_end -= 2; /* apostrophe and "s": two code points either way */
    }
    size_t adj =
        adj_suffix(t->text + t->toks[e - 1].start, out->end - t->toks[e - 1].start);
    out->cut_suffix = adj > 0;
    if (adj) {
        out->end -= (uint32_t)adj;
        out->cp_end -= (uint32_t)adj; /* the endings are ASCII */
    }
    out->type = m->type;
    out->conf = m->conf;
    out->type_share = 1.0f;
    out->group = -1;
    return true;
}

/* The name's identity: its alias's canonical form, else its lower-cased words. */
static void mention_key(const gazetteer *g, const nlp_text *t, ent_mention *em) {
    uint64_t hashes[NER_GAZ_MAX_PHRASE];
    size_t n = 0;
    uint64_t key = NER_HASH_SEED;
    /* A brand's "!" glued to its last word ("Yahoo!") is no word of the name:
     * the lists and the other mentions write it without. */
    uint32_t te = em->te;
    em->bang = te > em->tb + 1 && tok_is(t, te - 1, "!") &&
               t->toks[te - 1].start == t->toks[te - 2].end;
    if (em->bang)
        te--;
    for (uint32_t k = em->tb; k < te; k++) {
        uint32_t s = t->toks[k].start, e = k + 1 == em->te ? em->end : t->toks[k].end;
        uint64_t h = ner_hash_bytes(t->text + s, e - s, 1);
        if (n < NER_GAZ_MAX_PHRASE)
            hashes[n] = h;
        n++;
        key = ner_combine(key, h);
        /* The surname is the last word before a suffix ("Carlineo Jr."). */
        if (k == em->tb || !is_suffix_tok(t, k))
            em->last = h;
    }
    const char *alias = n <= NER_GAZ_MAX_PHRASE ? ner_gaz_alias(g, hashes, n) : NULL;
    if (alias)
        key = ner_hash_bytes(alias, strlen(alias), 1);
    em->key = key;
    em->aliased = alias != NULL;
    em->lists = n <= NER_GAZ_MAX_PHRASE
                    ? ner_gaz_lookup(g, hashes, n) & (uint16_t)~NER_GAZ_PREFIX
                    : 0;
}

/* The gender the text gives a person mention: a gendered title right before
 * its name ("Mr. Obama", "Queen Elizabeth"; the title may have been trimmed
 * off the span or lie outside it), else, for a name of two words or more, a
 * first name that only one gender's list holds ("Michelle Obama"). A lone
 * surname takes no gender from the first-name lists: "Jordan" is a surname
 * there. */
static uint8_t mention_gender(const gazetteer *g, const nlp_text *t,
                              const ent_mention *em) {
    const nlp_sentence *s = &t->sents[t->toks[em->tb].sent];
    uint32_t k = em->tb;
    if (k > s->tok_begin && tok_is(t, k - 1, "."))
        k--;
    if (k > s->tok_begin) {
        if (tok_in(t, k - 1, ent_female_titles,
                   sizeof ent_female_titles / sizeof *ent_female_titles))
            return ENT_GENDER_FEMALE;
        if (tok_in(t, k - 1, ent_male_titles,
                   sizeof ent_male_titles / sizeof *ent_male_titles))
            return ENT_GENDER_MALE;
    }
    if (em->te - em->tb < 2)
        return ENT_GENDER_UNKNOWN;
    uint64_t h = tok_hash(t, em->tb);
    uint16_t lists = ner_gaz_lookup(g, &h, 1) & (NER_GAZ_FEMALE | NER_GAZ_MALE);
    return lists == NER_GAZ_FEMALE ? ENT_GENDER_FEMALE
           : lists == NER_GAZ_MALE ? ENT_GENDER_MALE
                                   : ENT_GENDER_UNKNOWN;
}

/* Whether a one-word mention names a known place (then it stays a place even
 * when a person of that surname appears: "Washington"). */
static bool is_place(const gazetteer *g, const ent_mention *m) {
    return (ner_gaz_lookup(g, &m->last, 1) & ENT_PLACE_LISTS) != 0;
}

static bool is_full_person(const ent_mention *m) {
    return m->type == LEDE_ENT_PERSON && m->te - m->tb >= 2;
}

static bool is_surname_candidate(const gazetteer *g, const ent_mention *m) {
    return m->te - m->tb == 1 && (m->type == LEDE_ENT_PERSON || !is_place(g, m));
}

/* Remembers full-name mention i under its last word, for its own gender and
 * for any gender. */
static void put_full_name(ent_map *m, const ent_mention *ms, size_t i) {
    *map_slot(m, ner_combine(ms[i].last, ms[i].gender)) = (int32_t)i;
    *map_slot(m, ner_combine(ms[i].last, ENT_GENDER_ANY)) = (int32_t)i;
}

/* The full-name mention a surname mention may join among those remembered in m
 * (the latest remembered, nearest when the pass runs towards the surname): any
 * of its last word when the surname has no gender, else one of the same
 * gender or of none ("Mr. Obama" never joins "Michelle Obama"). -1 when none. */
static int32_t full_name_for(ent_map *m, const ent_mention *sm, bool forward) {
    if (sm->gender == ENT_GENDER_UNKNOWN)
        return *map_slot(m, ner_combine(sm->last, ENT_GENDER_ANY));
    int32_t same = *map_slot(m, ner_combine(sm->last, sm->gender));
    int32_t none = *map_slot(m, ner_combine(sm->last, ENT_GENDER_UNKNOWN));
    if (same < 0 || none < 0)
        return same < 0 ? none : same;
    return forward ? (same > none ? same : none) : (same < none ? same : none);
}

/* A lone surname ("Putin") joins the person whose full name ends with it: the
 * nearest such mention before it, else the first after, of a gender that does
 * not contradict its own. A one-word mention the tagger typed otherwise joins
 * too, unless it is a known place. Two linear passes with a map from last
 * words (and genders) to full-name mentions. */
static lede_status resolve_surnames(lede_arena *a, const gazetteer *g, ent_mention *ms,
                                    size_t n, const bool *keep) {
    int32_t *match = arena_alloc(a, n * sizeof *match);
    ent_map before, after;
    if (!match || !map_init(&before, a, 2 * n) || !map_init(&after, a, 2 * n))
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        match[i] = -1;
        if (!keep[i])
            continue;
        if (is_surname_candidate(g, &ms[i]))
            match[i] = full_name_for(&before, &ms[i], true);
        else if (is_full_person(&ms[i]))
            put_full_name(&before, ms, i);
    }
    for (size_t i = n; i-- > 0;) {
        if (!keep[i])
            continue;
        if (is_surname_candidate(g, &ms[i])) {
            if (match[i] < 0)
                match[i] = full_name_for(&after, &ms[i], false);
        } else if (is_full_person(&ms[i])) {
            put_full_name(&after, ms, i);
        }
    }
    for (size_t i = 0; i < n; i++)
        if (match[i] >= 0) {
            ms[i].key = ms[match[i]].key;
            ms[i].type = LEDE_ENT_PERSON;
        }
    return LEDE_OK;
}

/* True when the name has letters and none of them is lower case
 * ("GENEVA" in a dateline). */
static bool all_caps(const nlp_text *t, const ent_mention *m) {
    bool letter = false;
    for (uint32_t b = m->start; b < m->end; b++) {
        char c = t->text[b];
        if (c >= 'a' && c <= 'z')
            return false;
        letter |= c >= 'A' && c <= 'Z';
    }
    return letter;
}

/* Whether mention a is a fuller name than b: longer, or as long and not
 * written all in capitals. */
static bool fuller(const nlp_text *t, const ent_mention *a, const ent_mention *b) {
    uint32_t la = a->cp_end - a->cp_start, lb = b->cp_end - b->cp_start;
    if (la != lb)
        return la > lb;
    return all_caps(t, b) && !all_caps(t, a);
}

/* One name typed two ways in one article ("African Union" as ORG and LOC) is
 * one entity: every mention of that name takes the type with the most votes,
 * each mention voting with the tagger's confidence in it (so one sure mention
 * outweighs two doubtful ones; the first type seen wins a tie), and remembers
 * that type's share of the votes. A name the text writes as a product once
 * ("The 2020 Quorvik") is that product in all its mentions: the words around
 * one mention outweigh the tagger's guesses on the others. */
static lede_status unify_types(lede_arena *a, ent_mention *ms, size_t n,
                               const bool *keep) {
    enum { N_TYPES = LEDE_ENT_MISC + 1 };
    ent_map names;
    double(*votes)[N_TYPES] = arena_calloc(a, n, sizeof *votes);
    lede_entity_type *first = arena_alloc(a, n * sizeof *first);
    bool *product = arena_calloc(a, n, sizeof *product);
    if (!votes || !first || !product || !map_init(&names, a, n))
        return LEDE_ERR_NOMEM;
    int32_t n_names = 0;
    for (size_t i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        int32_t *slot = map_slot(&names, ms[i].key);
        if (*slot < 0) {
            *slot = n_names++;
            first[*slot] = ms[i].type;
        }
        /* A floor keeps a mention with no posterior from voting nothing. */
        votes[*slot][ms[i].type] += ms[i].conf > 0.01f ? (double)ms[i].conf : 0.01;
        product[*slot] |= ms[i].product;
    }
    for (size_t i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        int32_t k = *map_slot(&names, ms[i].key);
        lede_entity_type best = first[k];
        double total = 0;
        for (int ty = 0; ty < N_TYPES; ty++) {
            total += votes[k][ty];
            if (votes[k][ty] > votes[k][best])
                best = (lede_entity_type)ty;
        }
        if (product[k])
            best = LEDE_ENT_MISC;
        ms[i].type = best;
        ms[i].type_share = (float)(votes[k][best] / total);
    }
    return LEDE_OK;
}

/* Whether the tokens [b, e) hold only punctuation. */
static bool only_punct(const nlp_text *t, uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; k++) {
        const char *s = t->text + t->toks[k].start;
        for (uint32_t i = 0; i < t->toks[k].end - t->toks[k].start; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                (c >= '0' && c <= '9') || c >= 0x80)
                return false;
        }
    }
    return true;
}

/* Page furniture: one frequent English word standing alone as a sentence
 * ("News", "Share", "Advertisement" left over from menus and labels) names
 * nothing. A name that is a common word keeps its place inside a sentence,
 * and a known place, nationality or first name stays a name even alone
 * ("Germany" in a list). */
static bool is_furniture(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    if (m->te - m->tb != 1)
        return false;
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    if (!only_punct(t, s->tok_begin, m->tb) || !only_punct(t, m->te, s->tok_end))
        return false;
    uint64_t h = tok_hash(t, m->tb);
    uint16_t lists = ner_gaz_lookup(g, &h, 1);
    return (lists & NER_GAZ_COMMON) &&
           !(lists & (NER_GAZ_COUNTRY | NER_GAZ_CITY | NER_GAZ_REGION | NER_GAZ_DEMONYM |
                      NER_GAZ_FIRST_NAME));
}

/* Whether a token has letters and none of them is a capital. */
static bool lower_word(const nlp_text *t, uint32_t k) {
    bool letter = false;
    for (uint32_t b = t->toks[k].start; b < t->toks[k].end; b++) {
        unsigned char c = (unsigned char)t->text[b];
        if (c >= 'A' && c <= 'Z')
            return false;
        letter |= c >= 'a' && c <= 'z';
    }
    return letter;
}

/* Whether a token is punctuation only, ASCII or from the General
 * Punctuation block (typographic quotes and dashes) or guillemets. */
static bool is_punct_tok(const nlp_text *t, uint32_t k) {
    const unsigned char *s = (const unsigned char *)t->text + t->toks[k].start;
    size_t len = t->toks[k].end - t->toks[k].start;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == 0xE2 && i + 2 < len && (s[i + 1] == 0x80 || s[i + 1] == 0x81)) {
            i += 2; /* U+2000..U+207F */
            continue;
        }
        if (c == 0xC2 && i + 1 < len && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) {
            i += 1;
            continue;
        }
        if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9'))
            return false;
    }
    return len > 0;
}

/* The lower-case hashes of the words the document writes in lower case. */
static bool lower_words(lede_arena *a, const nlp_text *t, ent_map *m) {
    if (!map_init(m, a, t->n_toks ? t->n_toks : 1))
        return false;
    for (uint32_t k = 0; k < t->n_toks; k++)
        if (lower_word(t, k))
            *map_slot(m, tok_hash(t, k)) = 1;
    return true;
}

/* A capitalised word opening a sentence or a clause (after a quotation mark,
 * a dash, a colon: "Meth is cheap", "the slogan \"Meth, we're on it\"")
 * that the same document writes in lower case elsewhere ("the meth trade")
 * is that word, capitalised for its place, not a name. Known first names and
 * places stay names ("Will", "Nice"). */
static bool is_sentence_case(const gazetteer *g, const nlp_text *t, const ent_mention *m,
                             ent_map *lower) {
    if (m->te - m->tb != 1)
        return false;
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    if (m->tb > s->tok_begin && !is_punct_tok(t, m->tb - 1))
        return false;
    uint64_t h = tok_hash(t, m->tb);
    if (*map_slot(lower, h) < 0)
        return false;
    uint16_t lists = ner_gaz_lookup(g, &h, 1);
    return !(lists & (NER_GAZ_COUNTRY | NER_GAZ_CITY | NER_GAZ_REGION | NER_GAZ_DEMONYM |
                      NER_GAZ_FIRST_NAME));
}

/* Whether a one-word person mention is vouched for as a person: a known
 * first name ("Elizabeth"), or a word after a title ("Mr. Lugg", "President
 * Obama"). */
static bool person_vouched(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    uint64_t h = tok_hash(t, m->tb);
    if (ner_gaz_lookup(g, &h, 1) & NER_GAZ_FIRST_NAME)
        return true;
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    uint32_t k = m->tb;
    if (k > s->tok_begin && tok_is(t, k - 1, "."))
        k--;
    return k > s->tok_begin && title_len(g, t, k - 1, 1) > 0;
}

/* A person the article names only by one word, never with a first name or
 * a title, is most often not a person at all (a car model, a product, a
 * heading word): news writing introduces people by full name or title. Such
 * an entity is dropped. A lone surname whose full name appears has already
 * joined that person (resolve_surnames). */
static bool unvouched_person(const ent_group *gr) {
    return gr->type == LEDE_ENT_PERSON && !gr->full_name && !gr->vouched;
}

/* Whether a mention is written right after "the" ("the Argus Leader"). A
 * word between is not looked through: "the late John Smith", "the suffocated
 * Beto O'Rourke" are people. */
static bool after_the(const nlp_text *t, const ent_mention *m) {
    uint32_t sb = t->sents[t->toks[m->tb].sent].tok_begin;
    return m->tb > sb && tok_is(t, m->tb - 1, "the");
}

/* Whether the word before the mention is "in" ("in Zurich"): a place's
 * preposition. */
static bool after_in(const nlp_text *t, const ent_mention *m) {
    uint32_t sb = t->sents[t->toks[m->tb].sent].tok_begin;
    return m->tb > sb && tok_is(t, m->tb - 1, "in");
}

/* Whether one word on the company list is the company though typed a place
 * or a MISC ("on Airbnb", "at Walmart", "Nissan"): no place list, alias or
 * place code knows it, "the" ("the Andes") or "in" ("in Zurich") is not
 * before it, and it is no frequent word: the list holds words that are
 * places or adjectives far more often than companies ("Korea", "Orange",
 * "Caribbean"), unless a "!" ends it as it ends brands ("Yahoo!"). */
static bool company_not_place(const gazetteer *g, const nlp_text *t,
                              const ent_mention *m) {
    if (m->te - m->tb - m->bang != 1 || !(m->lists & NER_GAZ_COMPANY) ||
        (m->lists & (ENT_PLACE_LISTS | NER_GAZ_DEMONYM)) || m->aliased ||
        ((m->lists & NER_GAZ_COMMON) && !m->bang) || ner_gaz_place_id(g, m->key) ||
        m->after_the || after_in(t, m))
        return false;
    return m->type == LEDE_ENT_LOC || m->type == LEDE_ENT_MISC;
}

/* Whether a word mixes letters and digits like a model code ("RAV4", "A10",
 * "AW3418DW"), which an ordinal ("17th", "25th") does not. */
static bool model_code(const nlp_text *t, uint32_t k) {
    const char *w = t->text + t->toks[k].start;
    size_t len = t->toks[k].end - t->toks[k].start, letters = 0, digits = 0, i = 0;
    while (i < len && w[i] >= '0' && w[i] <= '9')
        i++;
    if (i > 0 && len - i == 2 &&
        (!strncasecmp(w + i, "st", 2) || !strncasecmp(w + i, "nd", 2) ||
         !strncasecmp(w + i, "rd", 2) || !strncasecmp(w + i, "th", 2)))
        return false;
    for (i = 0; i < len; i++) {
        letters += (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z');
        digits += w[i] >= '0' && w[i] <= '9';
    }
    return letters && digits;
}

/* Whether a name holds a model code and is no known company ("3M"): a
 * product ("RAV4 Prime", "Netgear Nighthawk R6700"), MISC. */
static bool product_name(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    if (m->type == LEDE_ENT_MISC)
        return false;
    for (uint32_t k = m->tb; k < m->te; k++) {
        uint64_t h = tok_hash(t, k);
        if (model_code(t, k) && !(ner_gaz_lookup(g, &h, 1) & NER_GAZ_COMPANY))
            return true;
    }
    return false;
}

/*
 * The type the last word of a name of two words or more gives it, else its
 * own type: an organisation or a place ending with the noun of an event is
 * the event (MISC); a place or a MISC ending with the noun of a newspaper is
 * the paper (ORG); an organisation ending with the noun of a street, a park
 * or a stadium, no known first name opening it, is that place (LOC). A person
 * keeps its type: such endings are surnames too ("Emily Post").
 */
static lede_entity_type head_type(const gazetteer *g, const nlp_text *t,
                                  const ent_mention *m) {
    if (m->te - m->tb < 2 || m->type == LEDE_ENT_PERSON)
        return m->type;
    uint32_t k = m->te - 1;
    if (m->type != LEDE_ENT_MISC && tok_in(t, k, ent_event_heads, N_OF(ent_event_heads)))
        return LEDE_ENT_MISC;
    if (m->type != LEDE_ENT_ORG && tok_in(t, k, ent_press_heads, N_OF(ent_press_heads)))
        return LEDE_ENT_ORG;
    uint64_t f = tok_hash(t, m->tb);
    if (m->type == LEDE_ENT_ORG &&
        tok_in(t, k, ent_facility_heads, N_OF(ent_facility_heads)) &&
        !(ner_gaz_lookup(g, &f, 1) & NER_GAZ_FIRST_NAME))
        return LEDE_ENT_LOC;
    return m->type;
}

/* Whether the word before the mention is a title, whole or as the last part
 * of a compound ("Premier", "vice-premier"), with "." before the name
 * looked through ("Gov."). */
static bool after_title(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    uint32_t sb = t->sents[t->toks[m->tb].sent].tok_begin, k = m->tb;
    if (k > sb && tok_is(t, k - 1, "."))
        k--;
    if (k == sb)
        return false;
    if (title_len(g, t, k - 1, 1))
        return true;
    const char *w = t->text + t->toks[k - 1].start;
    size_t len = t->toks[k - 1].end - t->toks[k - 1].start, i = len;
    while (i > 0 && w[i - 1] != '-')
        i--;
    if (i == 0 || i == len)
        return false;
    uint64_t h = ner_hash_bytes(w + i, len - i, 1);
    return (ner_gaz_lookup(g, &h, 1) & NER_GAZ_TITLE) != 0;
}

/*
 * A name typed an organisation or a place right after a title ("Chinese
 * vice-premier Liu He", "President Quorvik") is the person the title names,
 * when no list knows it, every word is written like a name and none heads an
 * organisation ("Major League"): a title goes before people.
 */
static bool titled_person(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    if ((m->type != LEDE_ENT_ORG && m->type != LEDE_ENT_LOC) || m->aliased ||
        (m->lists & (ENT_PLACE_LISTS | NER_GAZ_COMPANY | NER_GAZ_DEMONYM)) ||
        ner_gaz_place_id(g, m->key))
        return false;
    for (uint32_t k = m->tb; k < m->te; k++) {
        uint64_t h = tok_hash(t, k);
        if (!name_like(t, k) || (ner_gaz_lookup(g, &h, 1) & NER_GAZ_ORG_WORD))
            return false;
    }
    return after_title(g, t, m);
}

/* Whether a token is a year a model can have ("2020"). */
static bool model_year(const nlp_text *t, uint32_t k) {
    const char *w = t->text + t->toks[k].start;
    int year = 0;
    if (t->toks[k].end - t->toks[k].start != 4)
        return false;
    for (int i = 0; i < 4; i++) {
        if (w[i] < '0' || w[i] > '9')
            return false;
        year = 10 * year + (w[i] - '0');
    }
    return year >= ENT_MODEL_YEAR_MIN && year <= ENT_MODEL_YEAR_MAX;
}

/* Whether a name holds a word that heads an organisation ("Group"). */
static bool holds_org_word(const gazetteer *g, const nlp_text *t, uint32_t b,
                           uint32_t e) {
    for (uint32_t k = b; k < e; k++) {
        uint64_t h = tok_hash(t, k);
        if (ner_gaz_lookup(g, &h, 1) & NER_GAZ_ORG_WORD)
            return true;
    }
    return false;
}

/*
 * Whether the words around a name no list knows write it as a product: a
 * model year between an article and a name that is no person, holds no
 * organisation word and modifies no noun after it ("The 2020 Quorvik, which
 * goes on sale", "a 2019 Torvan."), or the noun of a machine after a
 * person's name that follows an article, at once or after one lower-case word
 * ("the Hazel Hen supercomputer", "the Holm compact sedan"). A year before a
 * person ("the 2016 Clinton campaign") or before a name and a noun ("the 2011
 * Tohoku earthquake") dates an event, not a model; a company or a place
 * before a machine noun is its maker or its home ("a Quorvik truck", "the
 * Detroit car"), so they need the year.
 */
static bool product_context(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    if (m->aliased ||
        (m->lists & (ENT_PLACE_LISTS | NER_GAZ_COMPANY | NER_GAZ_DEMONYM)) ||
        ner_gaz_place_id(g, m->key))
        return false;
    if (m->type != LEDE_ENT_PERSON && m->tb >= s->tok_begin + 2 &&
        model_year(t, m->tb - 1) &&
        tok_in(t, m->tb - 2, ent_determiners, N_OF(ent_determiners)) &&
        !holds_org_word(g, t, m->tb, m->te) &&
        (m->te == s->tok_end || !lower_word(t, m->te)))
        return true;
    if (m->type != LEDE_ENT_PERSON || m->tb == s->tok_begin ||
        !tok_in(t, m->tb - 1, ent_determiners, N_OF(ent_determiners)))
        return false;
    for (uint32_t k = m->te; k < s->tok_end && k <= m->te + 1; k++) {
        if (tok_in(t, k, ent_artefact_nouns, N_OF(ent_artefact_nouns)))
            return true;
        if (!lower_word(t, k))
            return false;
    }
    return false;
}

/* Prepositions of place: "The" after them may open a place's name ("in The
 * Woodlands"). */
static const char *const ent_place_preps[] = {
    "in", "at", "near", "across", "around", "outside", "inside", "within", "throughout"};

/*
 * Whether a place no list knows is written after a capitalised "The" inside
 * running text, a lower-case word before it ("respond to The Hill's
 * request", "told The Quorvik"): the "The" belongs to the title of a paper, a
 * band or a company, an organisation. At the start of a sentence or in a
 * heading "The" is capitalised for its place, and after a preposition of
 * place it may open a place's name ("in The Woodlands").
 */
static bool the_title(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    if (m->type != LEDE_ENT_LOC || m->aliased || (m->lists & ENT_PLACE_LISTS) ||
        ner_gaz_place_id(g, m->key) || m->tb < s->tok_begin + 2)
        return false;
    uint32_t k = m->tb - 1;
    return tok_is(t, k, "the") && t->text[t->toks[k].start] == 'T' &&
           lower_word(t, k - 1) &&
           !tok_in(t, k - 1, ent_place_preps, N_OF(ent_place_preps));
}

/* Marks of lists, answers and captions ("A: Bob Marley, Bruno Mars", "Roger
 * Waters - The Wall (DVD)"): a line with one is no heading. */
static const char *const ent_list_marks[] = {
    ",", ":", ";", "(", "-", "\xE2\x80\x93", "\xE2\x80\x94", "|", "/"};

/* Most words of a heading: a longer line is running text. */
#define ENT_HEADING_MAX_WORDS 12

static bool title_word(const nlp_text *t, uint32_t k);

/* Whether a mention stands in a heading: a paragraph of one sentence, of two
 * to ENT_HEADING_MAX_WORDS words, every word capitalised, a number or a small
 * word of titles, no mark of a list (ent_list_marks) and no full stop,
 * question or exclamation mark at its end ("More Great Quorvik Stories",
 * "Where To Eat In Torvan"). */
static bool in_heading(const nlp_text *t, const ent_mention *m) {
    uint32_t si = t->toks[m->tb].sent;
    const nlp_sentence *s = &t->sents[si];
    if ((si > 0 && t->sents[si - 1].para == s->para) ||
        (si + 1 < t->n_sents && t->sents[si + 1].para == s->para))
        return false;
    uint32_t last = s->tok_end - 1;
    if (tok_is(t, last, ".") || tok_is(t, last, "?") || tok_is(t, last, "!"))
        return false;
    uint32_t words = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        if (tok_in(t, k, ent_list_marks, N_OF(ent_list_marks)))
            return false;
        if (is_punct_tok(t, k))
            continue;
        char c = t->text[t->toks[k].start];
        if (!(c >= '0' && c <= '9') && !title_word(t, k))
            return false;
        words++;
    }
    return words >= 2 && words <= ENT_HEADING_MAX_WORDS;
}

/* A place no list or code knows ("Chime", "GrubHub"): its type is the
 * tagger's guess alone. */
static bool unknown_place(const gazetteer *g, const ent_mention *m) {
    return m->type == LEDE_ENT_LOC && !m->aliased && !(m->lists & ENT_PLACE_LISTS) &&
           !ner_gaz_place_id(g, m->key);
}

/* Words before a place's name ("in Quorvik", "flew to Torvan", "the town of
 * Kelda"). */
static const char *const ent_place_words[] = {
    "in",     "at",      "near",    "from",   "to",      "into",    "of",
    "across", "around",  "outside", "inside", "within",  "through", "throughout",
    "toward", "towards", "via",     "visit",  "visited", "visiting"};

/* Whether token k is a word starting with a capital. */
static bool capitalised(const nlp_text *t, uint32_t k) {
    char c = t->text[t->toks[k].start];
    return c >= 'A' && c <= 'Z';
}

/* Common nouns of places written after a place's name ("the Quorvik
 * river", "Torvan county"). */
static const char *const ent_place_nouns[] = {
    "area",   "region", "river",  "valley",  "province",  "county",   "district",
    "state",  "city",   "town",   "village", "mountains", "sea",      "coast",
    "island", "lake",   "desert", "basin",   "border",    "peninsula"};

/* Whether a mention is written where a place's name is: after a word of
 * place, "the" between or not ("in the Quorvik area"), before a common noun of
 * places ("up the Quorvik river"), or with a comma between it and a
 * capitalised word on either side ("Alpharetta, Ga.", "BUFFALO, N.Y."). */
static bool placed_mention(const nlp_text *t, const ent_mention *m) {
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    uint32_t k = m->tb;
    if (k >= s->tok_begin + 2 && tok_is(t, k - 1, "the"))
        k--;
    if (k > s->tok_begin && tok_in(t, k - 1, ent_place_words, N_OF(ent_place_words)))
        return true;
    if (m->te < s->tok_end && lower_word(t, m->te) &&
        tok_in(t, m->te, ent_place_nouns, N_OF(ent_place_nouns)))
        return true;
    if (m->tb >= s->tok_begin + 2 && tok_is(t, m->tb - 1, ",") &&
        capitalised(t, m->tb - 2))
        return true;
    return m->te + 1 < s->tok_end && tok_is(t, m->te, ",") && capitalised(t, m->te + 1);
}

/* Marks what the entity-level rules read of a kept mention, and retypes
 * what its words show: a compound adjective's name that is a known place is
 * that place ("Texas-based" -> LOC "Texas") and a known company that company
 * ("Facebook-owned" -> ORG "Facebook"); a company typed a place is the
 * company (company_not_place); a name with a model code is a product
 * (product_name), and so is one the words around write as a product
 * (product_context); a place after a capitalised "The" in running text is an
 * organisation (the_title). */
static void read_mention(const gazetteer *g, const nlp_text *t, ent_mention *m) {
    m->shouted = (m->te - m->tb >= 2 && all_caps(t, m)) || in_heading(t, m);
    m->after_the = after_the(t, m);
    m->placed = placed_mention(t, m);
    if (m->cut_suffix && (m->lists & ENT_PLACE_LISTS))
        m->type = LEDE_ENT_LOC;
    else if (m->cut_suffix && (m->lists & NER_GAZ_COMPANY) &&
             !(m->lists & NER_GAZ_DEMONYM))
        m->type = LEDE_ENT_ORG;
    if (company_not_place(g, t, m))
        m->type = LEDE_ENT_ORG;
    if (product_name(g, t, m))
        m->type = LEDE_ENT_MISC;
    if (titled_person(g, t, m))
        m->type = LEDE_ENT_PERSON;
    if (the_title(g, t, m))
        m->type = LEDE_ENT_ORG;
    m->product = product_context(g, t, m);
    if (m->product)
        m->type = LEDE_ENT_MISC;
    lede_entity_type head = head_type(g, t, m);
    if (head != m->type && head != LEDE_ENT_PERSON)
        m->type = head;
}

/* Names that a known list or the alias table holds. */
static bool known_name(const ent_mention *m) {
    return m->aliased ||
           (m->lists & (ENT_PLACE_LISTS | NER_GAZ_COMPANY | NER_GAZ_DEMONYM)) != 0;
}

/* An entity written only in capitals, in words no list knows ("NISSAN
 * SENTRA", "ARGENTINA CRUISES"), or only on headings' lines ("More Great
 * Quorvik Stories"), is a heading, not a name: a name in a heading is written
 * in running text as well, and then joins that entity. A person with a known
 * first name stays ("Contributing Editor Ann Holm"). */
static bool only_shouted(const ent_group *gr) {
    return gr->n_shouted == gr->count && !(gr->type == LEDE_ENT_PERSON && gr->first_name);
}

/* A one-word place that no list, code or alias knows and that the text never
 * writes where places are written (after "in", "at", "of", before "river",
 * next to ", State": placed_mention) is the tagger's guess alone, and most
 * often wrong
 * ("those of Sputnik", "like the Altima"): dropped, or, when the company list
 * holds it, that company ("Amazon's small business loans"). */
static bool unplaced_place(ent_group *gr, const ent_mention *first) {
    if (gr->type != LEDE_ENT_LOC || !gr->lone_place || gr->n_placed)
        return false;
    if (first->lists & NER_GAZ_COMPANY) {
        gr->type = LEDE_ENT_ORG;
        return false;
    }
    return true;
}

/* A "person" that the text writes right after "the" in most of its
 * mentions, and never with a known first name ("the Peyton Manning era" is
 * a person's), is a paper, a prize, a work or a place ("the Argus
 * Leader", "the W. M. Keck Observatory"): a person's name takes no article. */
static bool article_person(const ent_group *gr) {
    return gr->type == LEDE_ENT_PERSON && !gr->first_name &&
           2 * gr->n_after_the > gr->count;
}

/* Whether a token is a word of a title: capitalised, a small word, or
 * punctuation. */
static bool title_word(const nlp_text *t, uint32_t k) {
    unsigned char c = (unsigned char)t->text[t->toks[k].start];
    return (c >= 'A' && c <= 'Z') || is_punct_tok(t, k) ||
           tok_in(t, k, ent_title_small_words, N_OF(ent_title_small_words));
}

/*
 * A piece of a quoted title: the mention lies between quotation marks of its
 * sentence whose words are written as a title (every word capitalised but
 * the small ones), and it is not all of them ("Takin'" and "Streets" of
 * "Takin' It to the Streets"; "Winter Solstice" of "Winter Solstice, Camelot
 * Station"). The title names a work; its pieces name nothing.
 */
static bool piece_of_title(const nlp_text *t, const ent_mention *m) {
    const nlp_sentence *s = &t->sents[t->toks[m->tb].sent];
    uint32_t qb = m->tb, qe = m->te;
    while (qb > s->tok_begin && !tok_in(t, qb - 1, ent_quotes, N_OF(ent_quotes)))
        qb--;
    while (qe < s->tok_end && !tok_in(t, qe, ent_quotes, N_OF(ent_quotes)))
        qe++;
    if (qb == s->tok_begin || qe == s->tok_end)
        return false;
    /* Punctuation inside the marks ("Wild Rose,") is not part of the title. */
    while (qb < m->tb && is_punct_tok(t, qb))
        qb++;
    while (qe > m->te && is_punct_tok(t, qe - 1))
        qe--;
    if (qb == m->tb && qe == m->te)
        return false;
    uint32_t words = 0;
    for (uint32_t k = qb; k < qe; k++) {
        if (!title_word(t, k))
            return false;
        words += !is_punct_tok(t, k);
    }
    return words >= 2;
}

/* Whether the mention's last word heads an organisation ("Institute"). */
static bool ends_with_org_word(const gazetteer *g, const nlp_text *t,
                               const nlp_mention *m) {
    uint64_t h = tok_hash(t, m->tok_end - 1);
    return (ner_gaz_lookup(g, &h, 1) & NER_GAZ_ORG_WORD) != 0;
}

/* Whether a token is an abbreviation in capitals ("SUV", "FHIR") and not a
 * Roman numeral ("IV", "XVI"). */
static bool caps_abbrev(const nlp_text *t, uint32_t k) {
    const char *w = t->text + t->toks[k].start;
    size_t len = t->toks[k].end - t->toks[k].start;
    bool roman = true;
    if (len < ENT_ABBREV_MIN || len > ENT_ABBREV_MAX)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (w[i] < 'A' || w[i] > 'Z')
            return false;
        roman &= strchr("IVXLCDM", w[i]) != NULL;
    }
    return !roman;
}

/* A "person" whose name ends with the noun of a building, a prize, an event
 * or an organisation, or of a place without a first name before it, is that
 * thing, not a person; so is one that ends with an abbreviation in capitals
 * ("Mustang Mach E SUV", "Standard FHIR"): people's names end with a
 * surname or a numeral ("Edward IV"). */
static bool thing_as_person(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    if (m->type != LEDE_ENT_PERSON || m->te - m->tb < 2)
        return false;
    uint64_t h = tok_hash(t, m->te - 1), f = tok_hash(t, m->tb);
    if (caps_abbrev(t, m->te - 1))
        return true;
    if (tok_in(t, m->te - 1, ent_thing_heads, N_OF(ent_thing_heads)) ||
        tok_in(t, m->te - 1, ent_event_heads, N_OF(ent_event_heads)) ||
        (ner_gaz_lookup(g, &h, 1) & NER_GAZ_ORG_WORD))
        return true;
    return tok_in(t, m->te - 1, ent_place_heads, N_OF(ent_place_heads)) &&
           !(ner_gaz_lookup(g, &f, 1) & NER_GAZ_FIRST_NAME);
}

/* An organisation the tagger cut in two at a linking word ("National
 * Institute" on "Drug Abuse"): an ORG ending with an organisation word, then
 * "of", "on" or "for", then a capitalised mention at once, is one ORG. The
 * first mention takes the whole span and the lesser confidence; the second
 * is folded in (skip). */
static void join_org_links(const gazetteer *g, const nlp_text *t, nlp_mention *ms,
                           size_t n, bool *skip) {
    for (size_t i = 0; i + 1 < n; i++) {
        nlp_mention *a = &ms[i], *b = &ms[i + 1];
        if (skip[i] || a->type != LEDE_ENT_ORG || b->tok_begin != a->tok_end + 1 ||
            t->toks[a->tok_end].sent != t->toks[b->tok_begin].sent ||
            !tok_in(t, a->tok_end, ent_org_links, N_OF(ent_org_links)) ||
            !ends_with_org_word(g, t, a) || b->type == LEDE_ENT_PERSON)
            continue;
        a->tok_end = b->tok_end;
        a->conf = a->conf < b->conf ? a->conf : b->conf;
        skip[i + 1] = true;
    }
}

/* Words that join two nouns at the start of one name ("Rock and Roll Hall of
 * Fame"). */
static const char *const ent_name_ands[] = {"and", "&"};

/* Whether a name holds a noun that heads an institution: an organisation
 * word, or the noun of a building, prize or place ("Hall", "Museum"). */
static bool holds_institution_noun(const gazetteer *g, const nlp_text *t,
                                   const nlp_mention *m) {
    for (uint32_t k = m->tok_begin; k < m->tok_end; k++)
        if (tok_in(t, k, ent_thing_heads, N_OF(ent_thing_heads)) ||
            tok_in(t, k, ent_place_heads, N_OF(ent_place_heads)))
            return true;
    return holds_org_word(g, t, m->tok_begin, m->tok_end);
}

/*
 * An institution the tagger cut at "and" ("Rock" and "Roll Hall of Fame"): a
 * capitalised word that no list knows and the tagger did not read as a
 * person, then "and" or "&", then at once an ORG holding an institution's
 * noun, is one ORG. A known place or company before "and" is a name of its
 * own ("Texas and Oklahoma State University", "Apple and Google Play"). The
 * first mention takes the whole span and the lesser confidence; the second is
 * folded in (skip).
 */
static void join_coordinated(const gazetteer *g, const nlp_text *t, nlp_mention *ms,
                             size_t n, bool *skip) {
    for (size_t i = 0; i + 1 < n; i++) {
        nlp_mention *a = &ms[i], *b = &ms[i + 1];
        if (skip[i] || skip[i + 1] || a->tok_end - a->tok_begin != 1 ||
            a->type == LEDE_ENT_PERSON || b->type != LEDE_ENT_ORG ||
            b->tok_begin != a->tok_end + 1 ||
            t->toks[a->tok_begin].sent != t->toks[b->tok_begin].sent ||
            !tok_in(t, a->tok_end, ent_name_ands, N_OF(ent_name_ands)) ||
            !name_like(t, a->tok_begin) || !holds_institution_noun(g, t, b))
            continue;
        uint64_t h = tok_hash(t, a->tok_begin);
        if (ner_gaz_lookup(g, &h, 1) &
            (ENT_PLACE_LISTS | NER_GAZ_COMPANY | NER_GAZ_DEMONYM))
            continue;
        a->tok_end = b->tok_end;
        a->type = LEDE_ENT_ORG;
        a->conf = a->conf < b->conf ? a->conf : b->conf;
        skip[i + 1] = true;
    }
}

/* Words that join the items of a list of names. */
static const char *const ent_list_links[] = {",", "and", "or", "&"};

/* Most tokens between two items of a list: a link, and an untagged name of
 * a few words between ("DoorDash, GrubHub, Prime Now, and Homejoy"). */
#define ENT_LIST_GAP 6

/* Whether mentions a and b (a before b) are next items of one list: in one
 * sentence, with only links and capitalised words between, one link at
 * least; *word is set when a link is a word ("and"), not a comma. */
static bool list_neighbours(const nlp_text *t, const ent_mention *a, const ent_mention *b,
                            bool *word) {
    if (b->tb < a->te || b->tb - a->te > ENT_LIST_GAP ||
        t->toks[a->te - 1].sent != t->toks[b->tb].sent)
        return false;
    bool link = false;
    for (uint32_t k = a->te; k < b->tb; k++) {
        unsigned char c = (unsigned char)t->text[t->toks[k].start];
        if (tok_in(t, k, ent_list_links, N_OF(ent_list_links))) {
            link = true;
            *word |= !tok_is(t, k, ",");
        } else if (!(c >= 'A' && c <= 'Z')) {
            return false;
        }
    }
    return link;
}

/* A one-word person with neither a first name nor a title ("Enter Lugg"):
 * the tagger's guess alone, which the entity rules drop. */
static bool bare_person(const gazetteer *g, const nlp_text *t, const ent_mention *m) {
    return m->type == LEDE_ENT_PERSON && m->te - m->tb == 1 && !person_vouched(g, t, m);
}

/*
 * The items of a list share a type ("Lugg, Instacart, DoorDash, GrubHub ...
 * and Homejoy"; "at Chime and Varo"): a place no list knows, listed with
 * organisations and with no other kind of name (a bare one-word person does
 * not count), is an organisation too. A known place keeps its type in any
 * list ("between Russia and NATO"). Two names with only a comma between are
 * no list but a place and its state ("Alpharetta, GA") or a name and its
 * apposition. One pass finds each list's span and the types of its items.
 */
static void list_types(const gazetteer *g, const nlp_text *t, ent_mention *ms, size_t n,
                       const bool *keep) {
    size_t i = 0;
    while (i < n) {
        if (!keep[i]) {
            i++;
            continue;
        }
        /* The list runs from i to last, over kept mentions. */
        size_t last = i, n_items = 0, n_org = 0, n_other = 0, n_unknown = 0;
        bool word = false;
        for (size_t j = i;;) {
            n_items++;
            if (unknown_place(g, &ms[j]))
                n_unknown++;
            else if (ms[j].type == LEDE_ENT_ORG)
                n_org++;
            else if (!bare_person(g, t, &ms[j]))
                n_other++;
            last = j;
            size_t k = j + 1;
            while (k < n && !keep[k])
                k++;
            if (k >= n || !list_neighbours(t, &ms[j], &ms[k], &word))
                break;
            j = k;
        }
        if (n_org && n_unknown && !n_other && (word || n_items > 2))
            for (size_t j = i; j <= last; j++)
                if (keep[j] && unknown_place(g, &ms[j]))
                    ms[j].type = LEDE_ENT_ORG;
        i = last + 1;
    }
}

static int group_cmp(const void *a, const void *b) {
    const ent_group *x = *(const ent_group *const *)a, *y = *(const ent_group *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

lede_status nlp_entities_merge(lede_job *job) {
    size_t n = job->n_mentions;
    if (!n)
        return LEDE_OK;
    const nlp_text *t = &job->nlp;
    const gazetteer *g = job->ctx->gaz;
    ent_mention *ms = arena_calloc(job->arena, n, sizeof *ms);
    ent_group *groups = arena_calloc(job->arena, n, sizeof *groups);
    ent_group **order = arena_calloc(job->arena, n, sizeof *order);
    if (!ms || !groups || !order)
        return LEDE_ERR_NOMEM;
    bool *keep = arena_calloc(job->arena, n, sizeof *keep);
    bool *folded = arena_calloc(job->arena, n, sizeof *folded);
    ent_map lower;
    if (!keep || !folded || !lower_words(job->arena, t, &lower))
        return LEDE_ERR_NOMEM;
    join_org_links(g, t, job->mentions, n, folded);
    join_coordinated(g, t, job->mentions, n, folded);
    for (size_t i = 0; i < n; i++) {
        keep[i] = !folded[i] && trim_mention(g, t, &lower, &job->mentions[i], &ms[i]) &&
                  !is_furniture(g, t, &ms[i]) &&
                  !is_sentence_case(g, t, &ms[i], &lower) && !piece_of_title(t, &ms[i]) &&
                  !thing_as_person(g, t, &ms[i]);
        if (keep[i]) {
            mention_key(g, t, &ms[i]);
            ms[i].gender = mention_gender(g, t, &ms[i]);
            read_mention(g, t, &ms[i]);
        }
    }
    list_types(g, t, ms, n, keep);
    lede_status st = resolve_surnames(job->arena, g, ms, n, keep);
    if (st == LEDE_OK)
        st = unify_types(job->arena, ms, n, keep);
    ent_map group_of;
    if (st == LEDE_OK && !map_init(&group_of, job->arena, n))
        st = LEDE_ERR_NOMEM;
    if (st != LEDE_OK)
        return st;

    size_t n_groups = 0;
    for (size_t i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        int32_t *slot = map_slot(&group_of, ner_combine(ms[i].key, ms[i].type));
        if (*slot < 0) {
            *slot = (int32_t)n_groups;
            groups[n_groups++] =
                (ent_group){.type = ms[i].type,
                            .key = ms[i].key,
                            .first = i,
                            .name_mention = i,
                            .lone_place = ms[i].te - ms[i].tb - ms[i].bang == 1 &&
                                          unknown_place(g, &ms[i]) &&
                                          !(ms[i].lists & NER_GAZ_DEMONYM)};
        }
        size_t gi = (size_t)*slot;
        ent_group *gr = &groups[gi];
        gr->count++;
        gr->n_shouted += ms[i].shouted && !known_name(&ms[i]);
        gr->n_after_the += ms[i].after_the;
        gr->n_placed += ms[i].placed;
        uint64_t h = tok_hash(t, ms[i].tb);
        gr->first_name |= (ner_gaz_lookup(g, &h, 1) & NER_GAZ_FIRST_NAME) != 0;
        if (ms[i].te - ms[i].tb >= 2)
            gr->full_name = true;
        else if (gr->type == LEDE_ENT_PERSON && person_vouched(g, t, &ms[i]))
            gr->vouched = true;
        double c = (double)ms[i].conf * (double)ms[i].type_share;
        if (c > gr->confidence)
            gr->confidence = c;
        if (fuller(t, &ms[i], &ms[gr->name_mention]))
            gr->name_mention = i;
        ms[i].group = (int32_t)gi;
    }
    /* Entities the caller finds too uncertain are dropped with their mentions. */
    size_t n_kept = 0;
    double min_conf = job->opt ? job->opt->min_confidence : 0;
    for (size_t i = 0; i < n_groups; i++) {
        groups[i].rank = -1;
        if (groups[i].confidence >= min_conf && !unvouched_person(&groups[i]) &&
            !only_shouted(&groups[i]) && !article_person(&groups[i]) &&
            !unplaced_place(&groups[i], &ms[groups[i].first]))
            order[n_kept++] = &groups[i];
    }
    qsort(order, n_kept, sizeof *order, group_cmp);

    lede_result *res = job->res;
    res->entities = arena_calloc(job->arena, n_kept ? n_kept : 1, sizeof *res->entities);
    if (!res->entities)
        return LEDE_ERR_NOMEM;
    res->n_entities = n_kept;
    for (size_t r = 0; r < n_kept; r++) {
        ent_group *gr = order[r];
        gr->rank = (int32_t)r;
        lede_entity *e = &res->entities[r];
        const ent_mention *nm = &ms[gr->name_mention];
        e->name = arena_strndup(job->arena, t->text + nm->start, nm->end - nm->start);
        e->type = gr->type;
        e->confidence = gr->confidence;
        const char *id = gr->type == LEDE_ENT_LOC ? ner_gaz_place_id(g, gr->key) : NULL;
        if (id && strlen(id) == 2)
            e->iso3166 = id;
        else
            e->iso3166_2 = id;
        if (gr->type == LEDE_ENT_LOC && !id)
            e->geonames = ner_gaz_geonames_id(g, gr->key);
        e->mentions = arena_calloc(job->arena, gr->count, sizeof *e->mentions);
        if (!e->name || !e->mentions)
            return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        nlp_mention *jm = &job->mentions[i];
        jm->entity = -1;
        if (!keep[i])
            continue;
        const ent_group *gr = &groups[ms[i].group];
        if (gr->rank < 0)
            continue;
        lede_entity *e = &res->entities[gr->rank];
        lede_mention *lm = &e->mentions[e->n_mentions++];
        lm->start = ms[i].cp_start;
        lm->end = ms[i].cp_end;
        lm->text =
            arena_strndup(job->arena, t->text + ms[i].start, ms[i].end - ms[i].start);
        if (!lm->text)
            return LEDE_ERR_NOMEM;
        jm->entity = gr->rank;
        jm->type = gr->type;
    }
    return LEDE_OK;
}
