/*
 * num_tables — English number words, scales, qualifiers, change verbs and the
 * small word lists the numbers stage uses, and the shared lexicon over them.
 *
 * Sources: the number words, ordinals, fraction words and the Indian scales
 * (lakh, crore) are facts of English usage (see any English grammar, e.g.
 * the Cambridge Grammar of the English Language, ch. 5 "Numerals"); the
 * qualifier and change-verb lists were compiled for lede from news usage.
 * None of this is copied from another implementation.
 */
#include "num_tables.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* clang-format off */
const num_word NUM_WORDS[] = {
    {"zero", NW_ZERO, false, 0}, {"nought", NW_ZERO, false, 0}, {"naught", NW_ZERO, false, 0},
    {"one", NW_UNIT, false, 1}, {"two", NW_UNIT, false, 2}, {"three", NW_UNIT, false, 3},
    {"four", NW_UNIT, false, 4}, {"five", NW_UNIT, false, 5}, {"six", NW_UNIT, false, 6},
    {"seven", NW_UNIT, false, 7}, {"eight", NW_UNIT, false, 8}, {"nine", NW_UNIT, false, 9},
    {"ten", NW_TEEN, false, 10}, {"eleven", NW_TEEN, false, 11}, {"twelve", NW_TEEN, false, 12},
    {"thirteen", NW_TEEN, false, 13}, {"fourteen", NW_TEEN, false, 14},
    {"fifteen", NW_TEEN, false, 15}, {"sixteen", NW_TEEN, false, 16},
    {"seventeen", NW_TEEN, false, 17}, {"eighteen", NW_TEEN, false, 18},
    {"nineteen", NW_TEEN, false, 19},
    {"twenty", NW_TENS, false, 20}, {"thirty", NW_TENS, false, 30}, {"forty", NW_TENS, false, 40},
    {"fourty", NW_TENS, false, 40}, {"fifty", NW_TENS, false, 50}, {"sixty", NW_TENS, false, 60},
    {"seventy", NW_TENS, false, 70}, {"eighty", NW_TENS, false, 80},
    {"ninety", NW_TENS, false, 90},
    {"hundred", NW_HUNDRED, false, 100}, {"hundreds", NW_HUNDRED, true, 100},
    {"thousand", NW_SCALE, false, 1e3}, {"thousands", NW_SCALE, true, 1e3},
    {"million", NW_SCALE, false, 1e6}, {"millions", NW_SCALE, true, 1e6},
    {"billion", NW_SCALE, false, 1e9}, {"billions", NW_SCALE, true, 1e9},
    {"trillion", NW_SCALE, false, 1e12}, {"trillions", NW_SCALE, true, 1e12},
    {"lakh", NW_SCALE, false, 1e5}, {"lakhs", NW_SCALE, true, 1e5},
    {"crore", NW_SCALE, false, 1e7}, {"crores", NW_SCALE, true, 1e7},
    {"dozen", NW_SCALE, false, 12}, {"dozens", NW_SCALE, true, 12},
    {"first", NW_ORD, false, 1}, {"firsts", NW_ORD, true, 1},
    {"second", NW_ORD, false, 2},
    {"third", NW_ORD, false, 3}, {"thirds", NW_ORD, true, 3},
    {"fourth", NW_ORD, false, 4}, {"fourths", NW_ORD, true, 4},
    {"fifth", NW_ORD, false, 5}, {"fifths", NW_ORD, true, 5},
    {"sixth", NW_ORD, false, 6}, {"sixths", NW_ORD, true, 6},
    {"seventh", NW_ORD, false, 7}, {"sevenths", NW_ORD, true, 7},
    {"eighth", NW_ORD, false, 8}, {"eighths", NW_ORD, true, 8},
    {"ninth", NW_ORD, false, 9}, {"ninths", NW_ORD, true, 9}, {"nineth", NW_ORD, false, 9},
    {"tenth", NW_ORD, false, 10}, {"tenths", NW_ORD, true, 10},
    {"eleventh", NW_ORD, false, 11}, {"elevenths", NW_ORD, true, 11},
    {"twelfth", NW_ORD, false, 12}, {"twelfths", NW_ORD, true, 12},
    {"thirteenth", NW_ORD, false, 13}, {"thirteenths", NW_ORD, true, 13},
    {"fourteenth", NW_ORD, false, 14}, {"fourteenths", NW_ORD, true, 14},
    {"fifteenth", NW_ORD, false, 15}, {"fifteenths", NW_ORD, true, 15},
    {"sixteenth", NW_ORD, false, 16}, {"sixteenths", NW_ORD, true, 16},
    {"seventeenth", NW_ORD, false, 17}, {"seventeenths", NW_ORD, true, 17},
    {"eighteenth", NW_ORD, false, 18}, {"eighteenths", NW_ORD, true, 18},
    {"nineteenth", NW_ORD, false, 19}, {"nineteenths", NW_ORD, true, 19},
    {"twentieth", NW_ORD_TENS, false, 20}, {"twentieths", NW_ORD_TENS, true, 20},
    {"thirtieth", NW_ORD_TENS, false, 30}, {"thirtieths", NW_ORD_TENS, true, 30},
    {"fortieth", NW_ORD_TENS, false, 40}, {"fortieths", NW_ORD_TENS, true, 40},
    {"fiftieth", NW_ORD_TENS, false, 50}, {"fiftieths", NW_ORD_TENS, true, 50},
    {"sixtieth", NW_ORD_TENS, false, 60}, {"sixtieths", NW_ORD_TENS, true, 60},
    {"seventieth", NW_ORD_TENS, false, 70}, {"seventieths", NW_ORD_TENS, true, 70},
    {"eightieth", NW_ORD_TENS, false, 80}, {"eightieths", NW_ORD_TENS, true, 80},
    {"ninetieth", NW_ORD_TENS, false, 90}, {"ninetieths", NW_ORD_TENS, true, 90},
    {"hundredth", NW_ORD_SCALE, false, 100}, {"hundredths", NW_ORD_SCALE, true, 100},
    {"thousandth", NW_ORD_SCALE, false, 1e3}, {"thousandths", NW_ORD_SCALE, true, 1e3},
    {"millionth", NW_ORD_SCALE, false, 1e6}, {"millionths", NW_ORD_SCALE, true, 1e6},
    {"billionth", NW_ORD_SCALE, false, 1e9}, {"billionths", NW_ORD_SCALE, true, 1e9},
    {"trillionth", NW_ORD_SCALE, false, 1e12}, {"trillionths", NW_ORD_SCALE, true, 1e12},
    {"half", NW_FRAC_HALF, false, 2}, {"halves", NW_FRAC_HALF, true, 2},
    {"quarter", NW_FRAC_HALF, false, 4}, {"quarters", NW_FRAC_HALF, true, 4},
};
const size_t N_NUM_WORDS = sizeof NUM_WORDS / sizeof NUM_WORDS[0];

/* Multipliers written after a number. Short forms are news-wire style
 * ("$1.5bn", "10k", "£3.2m"); "m" alone is resolved in numbers.c (million
 * after a currency, metre otherwise). */
const num_scale_suffix NUM_SCALES[] = {
    {"k", 1e3, NUM_GLUED}, {"K", 1e3, NUM_GLUED | NUM_EXACT}, {"k", 1e3, NUM_SPACED},
    {"thou", 1e3, 0},
    {"M", 1e6, NUM_EXACT}, {"mn", 1e6, 0}, {"mln", 1e6, 0}, {"mil", 1e6, 0},
    {"mio", 1e6, 0},
    {"b", 1e9, NUM_GLUED}, {"B", 1e9, NUM_GLUED | NUM_EXACT}, {"bn", 1e9, 0},
    {"bln", 1e9, 0},
    {"tn", 1e12, 0}, {"trn", 1e12, 0}, {"T", 1e12, NUM_GLUED | NUM_EXACT},
};
const size_t N_NUM_SCALES = sizeof NUM_SCALES / sizeof NUM_SCALES[0];

const num_qualifier NUM_QUALIFIERS[] = {
    {"about", QK_APPROX, false}, {"around", QK_APPROX, false}, {"nearly", QK_JUST_UNDER, false},
    {"almost", QK_JUST_UNDER, false}, {"approximately", QK_APPROX, false},
    {"roughly", QK_APPROX, false}, {"some", QK_APPROX, false}, {"circa", QK_APPROX, false},
    {"ca.", QK_APPROX, false}, {"approx.", QK_APPROX, false}, {"close to", QK_APPROX, false},
    {"an estimated", QK_APPROX, false}, {"estimated", QK_APPROX, false},
    {"or so", QK_APPROX, true}, {"nearly all", 0, false},
    {"at least", QK_AT_LEAST, false}, {"no less than", QK_AT_LEAST, false},
    {"no fewer than", QK_AT_LEAST, false}, {"not less than", QK_AT_LEAST, false},
    {"a minimum of", QK_AT_LEAST, false}, {"at least or equal to", QK_AT_LEAST, false},
    {"equal to or more than", QK_AT_LEAST, false},
    {"greater than or equal to", QK_AT_LEAST, false},
    {"more than or equal to", QK_AT_LEAST, false},
    {"bigger or equal than", QK_AT_LEAST, false},
    {"higher or equal than", QK_AT_LEAST, false},
    {"> =", QK_AT_LEAST, false}, {"≥", QK_AT_LEAST, false},
    {"or more", QK_AT_LEAST, true}, {"and more", QK_AT_LEAST, true},
    {"or greater", QK_AT_LEAST, true}, {"or greater than", QK_AT_LEAST, true}, {"or above", QK_AT_LEAST, true},
    {"at most", QK_AT_MOST, false}, {"no more than", QK_AT_MOST, false},
    {"not more than", QK_AT_MOST, false}, {"a maximum of", QK_AT_MOST, false},
    {"less than or equal to", QK_AT_MOST, false},
    {"smaller or equal than", QK_AT_MOST, false},
    {"lower or equal than", QK_AT_MOST, false},
    {"< =", QK_AT_MOST, false}, {"≤", QK_AT_MOST, false},
    {"or less", QK_AT_MOST, true}, {"or fewer", QK_AT_MOST, true},
    {"or below", QK_AT_MOST, true},
    {"more than", QK_MORE_THAN, false}, {"over", QK_MORE_THAN, false},
    {"above", QK_MORE_THAN, false}, {"exceeding", QK_MORE_THAN, false},
    {"in excess of", QK_MORE_THAN, false}, {"upwards of", QK_MORE_THAN, false},
    {"greater than", QK_MORE_THAN, false}, {"higher than", QK_MORE_THAN, false},
    {"bigger than", QK_MORE_THAN, false}, {"larger than", QK_MORE_THAN, false},
    {"just over", QK_MORE_THAN, false}, {"well over", QK_MORE_THAN, false},
    {"exceed", QK_MORE_THAN, false}, {"exceeds", QK_MORE_THAN, false},
    {"surpass", QK_MORE_THAN, false}, {"surpassed", QK_MORE_THAN, false},
    {"north of", QK_MORE_THAN, false}, {">", QK_MORE_THAN, false},
    {"less than", QK_LESS_THAN, false}, {"fewer than", QK_LESS_THAN, false},
    {"under", QK_LESS_THAN, false}, {"below", QK_LESS_THAN, false},
    {"lower than", QK_LESS_THAN, false}, {"smaller than", QK_LESS_THAN, false},
    {"just under", QK_JUST_UNDER, false}, {"just shy of", QK_JUST_UNDER, false},
    {"just short of", QK_JUST_UNDER, false}, {"a little less than", QK_JUST_UNDER, false},
    {"short of", QK_LESS_THAN, false}, {"upward of", QK_MORE_THAN, false},
    {"a little over", QK_MORE_THAN, false}, {"a little more than", QK_MORE_THAN, false},
    {"little more than", QK_MORE_THAN, false}, {"slightly more than", QK_MORE_THAN, false},
    {"slightly over", QK_MORE_THAN, false}, {"a bit more than", QK_MORE_THAN, false},
    {"not quite", QK_JUST_UNDER, false}, {"a little under", QK_JUST_UNDER, false},
    {"slightly less than", QK_JUST_UNDER, false}, {"just below", QK_JUST_UNDER, false}, {"shy of", QK_LESS_THAN, false},
    {"<", QK_LESS_THAN, false},
    {"up to", QK_UP_TO, false}, {"within", QK_UP_TO, false},
    {"maximum", QK_AT_MOST, false}, {"maximum of", QK_AT_MOST, false}, {"up to a maximum of", QK_AT_MOST, false},
    {"exactly", QK_EXACTLY, false}, {"precisely", QK_EXACTLY, false},
    {"as many as", QK_UP_TO, false},
    {"as much as", QK_UP_TO, false}, {"as high as", QK_UP_TO, false},
    {"between", QK_BETWEEN, false},
    {"equal to", QK_EQUAL, false}, {"equals", QK_EQUAL, false},
    {"equals to", QK_EQUAL, false}, {"equaling to", QK_EQUAL, false},
    
};
/* clang-format on */
const size_t N_NUM_QUALIFIERS = sizeof NUM_QUALIFIERS / sizeof NUM_QUALIFIERS[0];

const num_change_verb NUM_CHANGES[] = {
    {"rose", 1},       {"rise", 1},      {"rises", 1},      {"risen", 1},
    {"rising", 1},     {"increased", 1}, {"increase", 1},   {"increases", 1},
    {"increasing", 1}, {"grew", 1},      {"grow", 1},       {"grows", 1},
    {"grown", 1},      {"growing", 1},   {"climbed", 1},    {"climb", 1},
    {"climbs", 1},     {"jumped", 1},    {"jump", 1},       {"jumps", 1},
    {"soared", 1},     {"surged", 1},    {"gained", 1},     {"gain", 1},
    {"gains", 1},      {"up", 1},        {"boosted", 1},    {"expanded", 1},
    {"doubled", 1},    {"tripled", 1},   {"advanced", 1},   {"fell", -1},
    {"fall", -1},      {"falls", -1},    {"fallen", -1},    {"falling", -1},
    {"decreased", -1}, {"decrease", -1}, {"decreases", -1}, {"dropped", -1},
    {"drop", -1},      {"drops", -1},    {"declined", -1},  {"decline", -1},
    {"declines", -1},  {"slid", -1},     {"slumped", -1},   {"plunged", -1},
    {"tumbled", -1},   {"shrank", -1},   {"shrunk", -1},    {"down", -1},
    {"reduced", -1},   {"lowered", -1},  {"sank", -1},      {"dipped", -1},
    {"eased", -1},
};
const size_t N_NUM_CHANGES = sizeof NUM_CHANGES / sizeof NUM_CHANGES[0];

/* clang-format off */
static const char *const MONTHS[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
    "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "jan", "feb",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL};
/* Words after which a number names something instead of counting it. */
static const char *const IDWORDS[] = {
    "no.", "nos.", "number", "chapter", "section", "article", "art.",
    "page", "pages", "p.", "pp.", "route", "highway", "interstate", "flight", "room",
    "apollo", "exit", "gate", "platform", "version", "v", "phase", "level", "grade",
    "category", "model", "type", "episode", "verse", "psalm", "bus", "channel",
    "resolution", "windows", "ios", "android", "iphone", "galaxy", "pixel",
    "playstation", "xbox", "covid", "tier", "terminal", "district", "ward", "precinct",
    "vol.", "fig.", "figure", "table", "appendix", "paragraph", "clause", "amendment",
    "boeing", "airbus", "unit", "suite", "apartment", "apt.", "box", "pier", "block",
    "scp", "code", "id", "line", "lane", "class", "title", "form", "footnote", "hwy.",
    "h.r.", "freeway", "group", "stage", "step", "round", "game", "act", "scene",
    /* stock indices named by a number */
    "s&p", "ftse", "nikkei", "dax", "cac", "stoxx", "nasdaq", "russell", "asx", NULL};
static const char *const STOPWORDS[] = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and",
    "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "should", "must", "than", "that",
    "this", "these", "those", "it", "its", "as", "per", "each", "more", "less", "who",
    "which", "when", "where", "while", "after", "before", "since", "until", "during",
    "over", "under", "about", "into", "out", "up", "down", "off", "times", "not", "no",
    "so", "then", "also", "just", "only", "all", "both", "said", "says", "say", "if",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
    "there", "here", "do", "does", "did", "what", "how", "why", "whom", "whose", "ago",
    "earlier", "later", "apiece", "each", "via", "against", "among", "between",
    "through", "across", "toward", "towards", "around", "near", "like", "now", "too",
    "very", "again", "yet", "already", "still", "even", "ever", "never", "always",
    "other", "another", "such", "own", "same", "one", "ones", "out", "lower", "higher",
    "above", "below", "least", "most", "much", "many", "few", "fewer", "last", "next",
    "first", "second", "third", "percent", "pct", "cent", "vs",
    "versus", "plus", "minus", "because", "although", "though", "whether", "either",
    "neither", "nor", "whereas", "unless", "once", "twice", "away", "long", "wide",
    "high", "tall", "deep", "old", "later",
    /* common verbs that follow a bare number ("40 were hurt", "300 fled") */
    "came", "come", "comes", "went", "go", "left", "fled", "remain", "remains", "fell",
    "rose", "grew", "won", "lost", "saw", "took", "got", "made", "ran", "met", "sat",
    "stood", "held", "died", "die", "dies", "live", "lived", "voted", "went", "gave",
    "became", "become", "feel", "felt", "know", "knew", "think", "thought", "want",
    "need", "get", "make", "take", "see", "face", "play", "work", "stay", "win", "lose",
    "seem", "appear", "join", "joined", "agreed", "agree", NULL};
static const char *const TIMEWORDS[] = {
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "bst", "cet", "est", "edt",
    "pst", "pdt", "cst", "cdt", "o'clock", "o\xE2\x80\x99" "clock", NULL};
static const char *const STREETS[] = {
    "street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd.", "lane",
    "drive", "dr.", "way", "place", "court", "square", "terrace", "highway", NULL};
/* Street words written before the street's name, with the house number after
 * it ("Via Roma 5", "calle Mayor, 12"): Italian, Spanish and Portuguese
 * conventions. Facts of the languages. */
static const char *const STREETPRES[] = {
    "via", "viale", "corso", "piazza", "piazzale", "largo", "vicolo", "calle", "avenida",
    "paseo", "plaza", "rua", "travessa", NULL};
static const char *const YEARPREPS[] = {
    "in", "since", "until", "till", "by", "from", "during", "before", "after", "of",
    "year", "season", "fiscal", "early", "late", "mid", "circa", "around", NULL};
static const char *const TEMPCUES[] = {
    "temperature", "temperatures", "temp", "warm", "warmer", "warmest", "hot", "hotter",
    "hottest", "cold", "colder", "coldest", "heat", "heatwave", "fever", "thermostat",
    "weather", "freezing", "chilly", "cool", "cooler", "boils", "freezes",
    "melts", "climate", "warming", "celsius", "fahrenheit", "oven", NULL};
static const char *const ANGLECUES[] = {
    "rotate", "rotated", "rotating", "rotation", "turn", "turned", "angle", "angles",
    "tilt", "tilted", "incline", "slope", "latitude", "longitude", "arc", "bearing",
    "pitch", NULL};
static const char *const MONEYCUES[] = {
    "paid", "pay", "pays", "cost", "costs", "costing", "sold", "sell", "bought", "buy",
    "worth", "profit", "profits", "revenue", "revenues", "fined", "fine", "price",
    "prices", "priced", "budget", "sterling", "pence", "salary", "wage", "wages",
    "earned", "earn", "earns", "earnings", "income", "spent", "spend", "funding",
    "fund", "loan", "debt", "deal", "valued", "bid", "raised", "tax", "taxes",
    "million", "billion", "trillion", "bn", "m", "£", "compensation", "award",
    "damages", "bonus", "fee", "fees", "charge", "charged", "subsidy", "grant", NULL};
static const char *const ONEBLOCK[] = {
    "which", "that", "this", "the", "each", "every", "any", "no", "another", "some",
    "little", "someone", "anyone", "everyone", NULL};
static const char *const PLURALS[] = {
    "people", "police", "children", "men", "women", "staff", "personnel", "cattle",
    "sheep", "fish", "deer", "aircraft", "livestock", "crew", "data", "media", "folk",
    "offspring", "clergy", "youth", "teeth", "mice", "geese", "infantry", "swine",
    "bison", "salmon", "spacecraft", "militia", NULL};
static const char *const ADJS[] = {
    "new", "more", "other", "additional", "extra", "young", "small", "large", "major",
    "foreign", "local", "armed", "unarmed", "civilian", "confirmed", "suspected",
    "registered", "active", "full-time", "part-time", "former", "current", "total",
    "separate", "different", "innocent", "elderly", "migrant", "displaced", NULL};
/* clang-format on */

const num_word_list NUM_WORD_LISTS[] = {
    {LX_MONTH, MONTHS},         {LX_IDWORD, IDWORDS},     {LX_STOPWORD, STOPWORDS},
    {LX_TIMEWORD, TIMEWORDS},   {LX_STREET, STREETS},     {LX_YEARPREP, YEARPREPS},
    {LX_TEMPCUE, TEMPCUES},     {LX_ANGLECUE, ANGLECUES}, {LX_MONEYCUE, MONEYCUES},
    {LX_ONEBLOCK, ONEBLOCK},    {LX_ADJ, ADJS},           {LX_PLURAL, PLURALS},
    {LX_STREETPRE, STREETPRES},
};
const size_t N_NUM_WORD_LISTS = sizeof NUM_WORD_LISTS / sizeof NUM_WORD_LISTS[0];

/* ---------------------------------------------------------------- lexicon */

/* Power of two over the number of distinct first pieces (about 1,000) with
 * room to spare; lex_add refuses keys past LEX_MAX_FILL of it. */
#define LEX_SLOTS 2048
#define LEX_MAX_FILL (LEX_SLOTS * 3 / 4)
/* Room for plural forms made at start-up ("mile" -> "miles"). */
#define LEX_PLURAL_POOL 16384
#define LEX_MAX_UNITS 512
#define LEX_MAX_CURRENCIES 256
#define LEX_PIECE_MAX 48

static num_lex_entry lex_slots[LEX_SLOTS];
static size_t lex_n_keys;
static char lex_pool[LEX_PLURAL_POOL];
static size_t lex_pool_used;
/* Rows after plural expansion: phrase and flags, indexed by lexicon refs. */
static const char *unit_phrase[LEX_MAX_UNITS];
static uint16_t unit_row[LEX_MAX_UNITS];
static size_t n_unit_phrases;
static const char *cur_phrase[LEX_MAX_CURRENCIES];
static uint16_t cur_row[LEX_MAX_CURRENCIES];
static size_t n_cur_phrases;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static uint32_t lex_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void lower_into(char *dst, const char *src, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dst[n] = 0;
}

static char *pool_dup(const char *s, size_t n) {
    if (lex_pool_used + n + 1 > sizeof lex_pool)
        return NULL;
    char *d = lex_pool + lex_pool_used;
    memcpy(d, s, n);
    d[n] = 0;
    lex_pool_used += n + 1;
    return d;
}

static void lex_add(const char *phrase, uint8_t table, uint16_t index) {
    const char *sp = strchr(phrase, ' ');
    size_t n = sp ? (size_t)(sp - phrase) : strlen(phrase);
    if (n == 0 || n >= LEX_PIECE_MAX)
        return;
    char low[LEX_PIECE_MAX];
    lower_into(low, phrase, n);
    uint32_t h = lex_hash(low, n) & (LEX_SLOTS - 1);
    for (;;) {
        num_lex_entry *e = &lex_slots[h];
        if (!e->key) {
            if (lex_n_keys >= LEX_MAX_FILL)
                return;
            e->key = pool_dup(low, n);
            if (!e->key)
                return;
            lex_n_keys++;
        }
        if (strcmp(e->key, low) == 0) {
            for (size_t i = 0; i < e->n_refs; i++)
                if (e->refs[i].table == table && e->refs[i].index == index)
                    return;
            if (e->n_refs < NUM_LEX_MAX_REFS)
                e->refs[e->n_refs++] = (num_lex_ref){table, index};
            return;
        }
        h = (h + 1) & (LEX_SLOTS - 1);
    }
}

/* The plural of a phrase's last piece: inch -> inches, mile -> miles. */
static const char *pluralise(const char *phrase) {
    size_t n = strlen(phrase);
    char buf[128];
    if (n + 3 > sizeof buf)
        return NULL;
    memcpy(buf, phrase, n);
    char last = phrase[n - 1];
    bool es = last == 's' || last == 'x' ||
              (n >= 2 && phrase[n - 2] == 'c' && last == 'h') ||
              (n >= 2 && phrase[n - 2] == 's' && last == 'h');
    if (es) {
        buf[n++] = 'e';
        buf[n++] = 's';
    } else {
        buf[n++] = 's';
    }
    return pool_dup(buf, n);
}

static void lex_build(void) {
    for (size_t i = 0; i < N_NUM_WORDS; i++)
        lex_add(NUM_WORDS[i].word, LX_NUMWORD, (uint16_t)i);
    for (size_t i = 0; i < N_NUM_UNITS && n_unit_phrases + 2 <= LEX_MAX_UNITS; i++) {
        unit_phrase[n_unit_phrases] = NUM_UNITS[i].phrase;
        unit_row[n_unit_phrases] = (uint16_t)i;
        lex_add(NUM_UNITS[i].phrase, LX_UNIT, (uint16_t)n_unit_phrases++);
        if (NUM_UNITS[i].flags & NUM_PL) {
            const char *pl = pluralise(NUM_UNITS[i].phrase);
            if (pl) {
                unit_phrase[n_unit_phrases] = pl;
                unit_row[n_unit_phrases] = (uint16_t)i;
                lex_add(pl, LX_UNIT, (uint16_t)n_unit_phrases++);
            }
        }
    }
    for (size_t i = 0; i < N_NUM_CURRENCIES && n_cur_phrases + 2 <= LEX_MAX_CURRENCIES;
         i++) {
        cur_phrase[n_cur_phrases] = NUM_CURRENCIES[i].phrase;
        cur_row[n_cur_phrases] = (uint16_t)i;
        lex_add(NUM_CURRENCIES[i].phrase, LX_CURRENCY, (uint16_t)n_cur_phrases++);
        if (NUM_CURRENCIES[i].flags & NUM_PL) {
            const char *pl = pluralise(NUM_CURRENCIES[i].phrase);
            if (pl) {
                cur_phrase[n_cur_phrases] = pl;
                cur_row[n_cur_phrases] = (uint16_t)i;
                lex_add(pl, LX_CURRENCY, (uint16_t)n_cur_phrases++);
            }
        }
    }
    for (size_t i = 0; i < N_NUM_SCALES; i++)
        lex_add(NUM_SCALES[i].phrase, LX_SCALE_SUFFIX, (uint16_t)i);
    for (size_t i = 0; i < N_NUM_QUALIFIERS; i++)
        lex_add(NUM_QUALIFIERS[i].phrase, LX_QUALIFIER, (uint16_t)i);
    for (size_t i = 0; i < N_NUM_CHANGES; i++)
        lex_add(NUM_CHANGES[i].word, LX_CHANGE, (uint16_t)i);
    for (size_t l = 0; l < N_NUM_WORD_LISTS; l++)
        for (size_t i = 0; NUM_WORD_LISTS[l].words[i]; i++)
            lex_add(NUM_WORD_LISTS[l].words[i], NUM_WORD_LISTS[l].table, (uint16_t)i);
}

void num_lex_init(void) { pthread_once(&lex_once, lex_build); }

const num_lex_entry *num_lex_find(const char *lower, size_t n) {
    if (n == 0 || n >= LEX_PIECE_MAX)
        return NULL;
    uint32_t h = lex_hash(lower, n) & (LEX_SLOTS - 1);
    for (;;) {
        const num_lex_entry *e = &lex_slots[h];
        if (!e->key)
            return NULL;
        if (strncmp(e->key, lower, n) == 0 && e->key[n] == 0)
            return e;
        h = (h + 1) & (LEX_SLOTS - 1);
    }
}

const char *num_lex_phrase(uint8_t table, uint16_t index) {
    switch (table) {
    case LX_NUMWORD: return NUM_WORDS[index].word;
    case LX_UNIT: return unit_phrase[index];
    case LX_CURRENCY: return cur_phrase[index];
    case LX_SCALE_SUFFIX: return NUM_SCALES[index].phrase;
    case LX_QUALIFIER: return NUM_QUALIFIERS[index].phrase;
    case LX_CHANGE: return NUM_CHANGES[index].word;
    default: break;
    }
    for (size_t l = 0; l < N_NUM_WORD_LISTS; l++)
        if (NUM_WORD_LISTS[l].table == table)
            return NUM_WORD_LISTS[l].words[index];
    return "";
}

unsigned num_lex_flags(uint8_t table, uint16_t index) {
    switch (table) {
    case LX_UNIT: return NUM_UNITS[unit_row[index]].flags;
    case LX_CURRENCY: return NUM_CURRENCIES[cur_row[index]].flags;
    case LX_SCALE_SUFFIX: return NUM_SCALES[index].flags;
    default: return 0;
    }
}

/* Row of an expanded unit/currency phrase index. */
const num_unit *num_unit_row(uint16_t index) { return &NUM_UNITS[unit_row[index]]; }
const num_currency *num_currency_row(uint16_t index) {
    return &NUM_CURRENCIES[cur_row[index]];
}
