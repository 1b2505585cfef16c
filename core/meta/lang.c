/* Language: tags as pages declare them, and a guess from the text itself. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "../utf8.h"
#include "meta_int.h"

/* How much text the guess reads: enough for a stable count, bounded time. */
#define LANG_SAMPLE_BYTES 16384
/* Fewer letters than this and we do not guess. */
#define LANG_MIN_LETTERS 40
/* A non-Latin script decides when it has at least this share of letters (%). */
#define LANG_SCRIPT_SHARE 40
/* Kana at this share (%) of the CJK letters makes Han text Japanese. */
#define LANG_KANA_SHARE 5
/* Latin text needs this many stop-word hits, and the winner must beat the
 * runner-up by this factor (in tenths) to be taken. */
#define LANG_MIN_HITS 3
#define LANG_MARGIN_TENTHS 13

typedef enum {
    SCRIPT_LATIN,
    SCRIPT_HAN,
    SCRIPT_KANA,
    SCRIPT_HANGUL,
    SCRIPT_CYRILLIC,
    SCRIPT_ARABIC,
    SCRIPT_HEBREW,
    SCRIPT_GREEK,
    SCRIPT_THAI,
    SCRIPT_DEVANAGARI,
    SCRIPT_COUNT
} lang_script;

/* Unicode block ranges per script (from the Unicode Blocks data file). */
static const struct {
    uint32_t lo, hi;
    lang_script script;
} script_ranges[] = {
    {'A', 'Z', SCRIPT_LATIN},          {'a', 'z', SCRIPT_LATIN},
    {0xC0, 0x24F, SCRIPT_LATIN},       {0x370, 0x3FF, SCRIPT_GREEK},
    {0x400, 0x4FF, SCRIPT_CYRILLIC},   {0x590, 0x5FF, SCRIPT_HEBREW},
    {0x600, 0x6FF, SCRIPT_ARABIC},     {0x750, 0x77F, SCRIPT_ARABIC},
    {0x900, 0x97F, SCRIPT_DEVANAGARI}, {0xE00, 0xE7F, SCRIPT_THAI},
    {0x1100, 0x11FF, SCRIPT_HANGUL},   {0x3040, 0x30FF, SCRIPT_KANA},
    {0x3400, 0x4DBF, SCRIPT_HAN},      {0x4E00, 0x9FFF, SCRIPT_HAN},
    {0xAC00, 0xD7AF, SCRIPT_HANGUL},   {0xF900, 0xFAFF, SCRIPT_HAN},
};

/* The language a dominant non-Latin script stands for. */
static const char *const script_lang[SCRIPT_COUNT] = {
    [SCRIPT_HAN] = "zh",      [SCRIPT_KANA] = "ja",   [SCRIPT_HANGUL] = "ko",
    [SCRIPT_CYRILLIC] = "ru", [SCRIPT_ARABIC] = "ar", [SCRIPT_HEBREW] = "he",
    [SCRIPT_GREEK] = "el",    [SCRIPT_THAI] = "th",   [SCRIPT_DEVANAGARI] = "hi",
};

/* Very frequent function words per language (common knowledge; any
 * frequency list agrees on these). Space-separated, lower case. */
static const struct {
    const char *lang;
    const char *words;
} stop_words[] = {
    {"en", "the and of to in is that for it was on with as his he said by are be "
           "this have from at which not but they has an were their its will"},
    {"fr", "le la les des et est dans que qui une pour pas du sur au avec ce il "
           "sont par plus ses aux elle ont été cette leur mais nous"},
    {"de", "der die und das ist nicht ein eine zu den mit sich des auf für im dem "
           "von auch es wird sie bei wurde aus nach einer werden"},
    {"es", "el la los las que y en del se por un una con para es al lo como más "
           "pero sus fue ha este esta son entre también"},
    {"it", "il di che la e per un una non sono del della con si da le gli nel alla "
           "anche ha questo dei come più delle"},
    {"pt", "o a os as de que e do da em um uma para com não no na por se dos das "
           "mais foi ao é ele ela são"},
    {"nl", "de het een en van is dat niet op te zijn voor met die aan er ook als "
           "door maar bij om naar werd wordt"},
    {"sv", "och att det som en är på för med av inte till den har de om ett var "
           "men sig hade"},
    {"pl", "i w z na się nie do to że jest o jak po co ale od za przez tak jego"},
    {"tr", "ve bir bu da de için ile olarak çok daha olan gibi ama en sonra"},
    {"id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada ada juga "
           "oleh"},
};

#define N_LANGS (sizeof stop_words / sizeof stop_words[0])
_Static_assert(N_LANGS <= 16, "a stop word's languages are a 16-bit set");

static int script_of(uint32_t cp) {
    for (size_t i = 0; i < sizeof script_ranges / sizeof script_ranges[0]; i++)
        if (cp >= script_ranges[i].lo && cp <= script_ranges[i].hi)
            return (int)script_ranges[i].script;
    return -1;
}

/* Every stop word fits in this many bytes, so a word is one 64-bit key: its
 * bytes in order, zero-padded (words never hold a zero byte). Longer words
 * are no stop words and are not looked up. */
#define LANG_KEY_BYTES 8
/* Slots of the stop-word table: a power of two, about twice the
 * number of distinct stop words so probes stay short. */
#define LANG_TABLE_BITS 9
#define LANG_TABLE_SIZE (1u << LANG_TABLE_BITS)
/* Fibonacci hashing multiplier (2^64 / golden ratio). */
#define LANG_HASH_MUL 0x9E3779B97F4A7C15ull

/* The stop words of every language by key: which languages list each one.
 * Built once, at start-up (meta_lang_init), like the number words, and read
 * only afterwards. */
typedef struct {
    uint64_t key[LANG_TABLE_SIZE]; /* 0: empty */
    uint16_t langs[LANG_TABLE_SIZE];
} stop_table;

static stop_table stop_words_by_key;
static pthread_once_t stop_words_once = PTHREAD_ONCE_INIT;

static size_t slot_of(uint64_t key) {
    return (size_t)((key * LANG_HASH_MUL) >> (64 - LANG_TABLE_BITS));
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find_slot(const stop_table *t, uint64_t key) {
    size_t i = slot_of(key);
    while (t->key[i] && t->key[i] != key)
        i = (i + 1) & (LANG_TABLE_SIZE - 1);
    return i;
}

static void stop_table_build(void) {
    stop_table *t = &stop_words_by_key;
    for (size_t l = 0; l < N_LANGS; l++) {
        for (const char *p = stop_words[l].words; *p;) {
            size_t w = strcspn(p, " ");
            uint64_t key = 0;
            for (size_t i = 0; i < w && i < LANG_KEY_BYTES; i++)
                key |= (uint64_t)(unsigned char)p[i] << (8 * i);
            if (w && w <= LANG_KEY_BYTES) { /* true of every list word */
                size_t i = find_slot(t, key);
                if (!t->key[i])
                    t->key[i] = key, t->langs[i] = 0;
                t->langs[i] |= (uint16_t)(1u << l);
            }
            p += w;
            while (*p == ' ')
                p++;
        }
    }
}

/* The languages listing the word with this key, as a bit set. */
static unsigned stop_langs(const stop_table *t, uint64_t key) {
    size_t i = find_slot(t, key);
    return t->key[i] ? t->langs[i] : 0;
}

void meta_lang_init(void) { pthread_once(&stop_words_once, stop_table_build); }

static const char *guess_latin(const char *text, size_t len) {
    meta_lang_init();
    const stop_table *table = &stop_words_by_key;
    size_t hits[N_LANGS] = {0};
    uint64_t key = 0;
    size_t wn = 0;
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)text[i] : ' ';
        if (isalpha(c) || c >= 0x80) {
            if (wn < LANG_KEY_BYTES)
                key |= (uint64_t)(unsigned char)tolower(c) << (8 * wn);
            wn++;
            continue;
        }
        if (wn && wn <= LANG_KEY_BYTES)
            for (unsigned m = stop_langs(table, key), l = 0; m; m >>= 1, l++)
                hits[l] += m & 1u;
        wn = 0;
        key = 0;
    }
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < N_LANGS; l++) {
        if (hits[l] > best) {
            second = best;
            best = hits[l], bi = l;
        } else if (hits[l] > second) {
            second = hits[l];
        }
    }
    if (best < LANG_MIN_HITS || best * 10 < second * LANG_MARGIN_TENTHS)
        return NULL;
    return stop_words[bi].lang;
}

const char *meta_lang_guess(const char *text, size_t len) {
    if (!text)
        return NULL;
    if (len > LANG_SAMPLE_BYTES) {
        len = LANG_SAMPLE_BYTES;
        while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* do not cut a character in two */
    }
    size_t counts[SCRIPT_COUNT] = {0}, letters = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) { /* ASCII: only A-Z and a-z are letters */
            bool letter = (unsigned)((c | 0x20) - 'a') < 26;
            counts[SCRIPT_LATIN] += letter, letters += letter;
            i++;
            continue;
        }
        uint32_t cp;
        i += utf8_decode(text + i, len - i, &cp);
        int s = script_of(cp);
        if (s >= 0)
            counts[s]++, letters++;
    }
    if (letters < LANG_MIN_LETTERS / 4)
        return NULL;
    size_t cjk = counts[SCRIPT_HAN] + counts[SCRIPT_KANA];
    if (cjk * 100 >= letters * LANG_SCRIPT_SHARE)
        return counts[SCRIPT_KANA] * 100 >= cjk * LANG_KANA_SHARE ? "ja" : "zh";
    for (int s = SCRIPT_HANGUL; s < SCRIPT_COUNT; s++)
        if (counts[s] * 100 >= letters * LANG_SCRIPT_SHARE)
            return script_lang[s];
    if (letters < LANG_MIN_LETTERS)
        return NULL;
    return guess_latin(text, len);
}

char *meta_lang_normalise(lede_arena *a, const char *tag) {
    if (!tag)
        return NULL;
    while (*tag == ' ')
        tag++;
    size_t n = strcspn(tag, ",; \t");
    char buf[36];
    if (!n || n >= sizeof buf)
        return NULL;
    memcpy(buf, tag, n);
    buf[n] = '\0';
    size_t sub = 0;
    for (char *p = buf; *p;) {
        size_t w = strcspn(p, "-_");
        if (!w || w > 8)
            return NULL;
        for (size_t i = 0; i < w; i++) {
            unsigned char c = (unsigned char)p[i];
            if (!isalnum(c) || (sub == 0 && !isalpha(c)))
                return NULL;
            if (sub == 0 || w != 2)
                p[i] = (char)tolower(c);
            else
                p[i] = (char)toupper(c); /* region */
        }
        if (sub == 0 && (w < 2 || w > 3))
            return NULL;
        if (sub > 0 && w == 4)
            p[0] = (char)toupper((unsigned char)p[0]); /* script: "Hans" */
        sub++;
        p += w;
        if (*p)
            *p++ = '-';
    }
    return arena_strdup(a, buf);
}
