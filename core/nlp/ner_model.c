/* The tagger's model: features, Viterbi, and the model file format. */
#include "ner_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../bigmem.h"
#include "ner_hash.h"

const char *const ner_tag_names[NER_N_TAGS] = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
};

ner_tag ner_tag_parse(const char *s, size_t len) {
    for (int t = 0; t < NER_N_TAGS; t++)
        if (strlen(ner_tag_names[t]) == len && !memcmp(ner_tag_names[t], s, len))
            return (ner_tag)t;
    return NER_O;
}

lede_entity_type ner_tag_type(ner_tag t) {
    static const lede_entity_type types[] = {LEDE_ENT_PERSON, LEDE_ENT_ORG, LEDE_ENT_LOC,
                                             LEDE_ENT_MISC};
    return types[(t - 1) / 2];
}

/* ---------------------------------------------------------------- features */

/* Feature templates: each feature hash starts from its template id. */
enum {
    T_BIAS = 1,
    T_WORD,
    T_LOWER,
    T_PREFIX,
    T_SUFFIX,
    T_SHAPE,
    T_SHORT,
    T_LOWER_M1,
    T_LOWER_P1,
    T_LOWER_M2,
    T_LOWER_P2,
    T_WORD_M1,
    T_WORD_P1,
    T_SHAPE_M1,
    T_SHAPE_P1,
    T_SHORT_M2,
    T_SHORT_P2,
    T_BIGRAM_M1,
    T_BIGRAM_P1,
    T_SHAPE3,
    T_GAZ,
    T_GAZ_M1,
    T_GAZ_P1,
    T_FIRST_LOWER,
    T_FIRST_SHAPE,
    T_CAPS_SHORT,
    T_CAPS_LOWER,
    T_LAST_SHORT,
    T_SHORT_M1_LOWER,
    T_LOWER_SHORT_P1,
    T_FIRST_GAZ,
    T_DOC,
    T_DOC_BIT,
    T_H_SELF,
    T_H_MAJ,
    T_H_MAJ_SELF,
    T_LOWS_LOWER,
    T_LOWS_GAZ,
    T_CLUSTER,
    T_CLUSTER_M1,
    T_CLUSTER_P1,
};

/* Cluster path prefixes used as features (Ratinov and Roth's 4, 6, 10, 20). */
static const unsigned ner_cluster_prefixes[] = {4, 6, 10, 20};
/* The prefix of the neighbours' clusters. */
#define NER_CLUSTER_CONTEXT_PREFIX 6

/* Longest prefix and suffix, in bytes, used as features. */
#define NER_AFFIX_MAX 4
/* Hash of the padding "word" before the first and after the last token. */
#define NER_PAD_BEFORE 0x5A17B0u
#define NER_PAD_AFTER 0x5A17E0u

/* The shape class of one byte: X upper, x lower, d digit, u a non-ASCII
 * character (counted once, at its lead byte), 0 for continuation bytes, else
 * the punctuation byte itself. */
static unsigned char shape_class(unsigned char c) {
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if (c >= 'a' && c <= 'z')
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c >= 0xC0)
        return 'u';
    if (c >= 0x80)
        return 0;
    return c;
}

static void word_info(const ner_word *w, ner_tokinfo *ti) {
    uint64_t shape = 0xCBF29CE484222325ull, short_shape = shape;
    unsigned char last = 0;
    bool lower = false, upper = false, digit = false;
    for (size_t i = 0; i < w->len; i++) {
        unsigned char c = shape_class((unsigned char)w->s[i]);
        if (!c)
            continue;
        lower |= c == 'x' || c == 'u';
        upper |= c == 'X';
        digit |= c == 'd';
        shape = (shape ^ c) * 0x100000001B3ull;
        if (c != last)
            short_shape = (short_shape ^ c) * 0x100000001B3ull;
        last = c;
    }
    ti->word = ner_hash_bytes(w->s, w->len, 0);
    ti->lower = ner_hash_bytes(w->s, w->len, 1);
    ti->shape = ner_mix(shape);
    ti->short_shape = ner_mix(short_shape);
    ti->flags = 0;
    ti->doc = 0;
    ti->cluster = 0;
    ti->cluster_len = 0;
    ti->join = 0;
    if (w->len && w->s[0] >= 'A' && w->s[0] <= 'Z')
        ti->flags |= NER_WF_CAP;
    if (upper && !lower)
        ti->flags |= NER_WF_UPPER;
    if (digit)
        ti->flags |= NER_WF_DIGIT;
    if (upper || lower)
        ti->flags |= NER_WF_ALPHA;
}

/* Endings of file names, which name a file, not its subject ("TEXT.htm",
 * "GISB rev1.doc"). */
static const char *const ner_file_exts[] = {"htm",  "html", "doc",  "docx", "pdf", "xls",
                                            "xlsx", "ppt",  "pptx", "txt",  "csv", "jpg",
                                            "jpeg", "png",  "gif",  "zip"};

/* Clock words after a time ("07:17 AM", "9 p.m."): never a name. */
static const char *const ner_clock_words[] = {"AM", "PM", "a.m.", "p.m.", "A.M.", "P.M."};

static bool has_prefix_ci(const char *s, size_t len, const char *p) {
    size_t n = strlen(p);
    return len >= n && !strncasecmp(s, p, n);
}

bool ner_never_name(const char *s, size_t len) {
    const char *at = memchr(s, '@', len);
    /* An e-mail address: something, "@", a domain with a dot. */
    if (at && at > s && memchr(at, '.', len - (size_t)(at - s)))
        return true;
    if (has_prefix_ci(s, len, "www.") || has_prefix_ci(s, len, "http://") ||
        has_prefix_ci(s, len, "https://"))
        return true;
    const char *dot = NULL;
    for (size_t i = len; i > 0 && !dot; i--)
        if (s[i - 1] == '.')
            dot = s + i - 1;
    if (!dot || dot == s)
        return false;
    size_t ext = len - (size_t)(dot + 1 - s);
    for (size_t i = 0; i < sizeof ner_file_exts / sizeof *ner_file_exts; i++)
        if (strlen(ner_file_exts[i]) == ext &&
            !strncasecmp(dot + 1, ner_file_exts[i], ext))
            return true;
    return false;
}

static bool is_clock_word(const ner_word *w) {
    for (size_t i = 0; i < sizeof ner_clock_words / sizeof *ner_clock_words; i++)
        if (strlen(ner_clock_words[i]) == w->len &&
            !memcmp(w->s, ner_clock_words[i], w->len))
            return true;
    return false;
}

/* A one-word place name in lower case shorter than this is more often a
 * particle of a foreign name or an abbreviation ("Dondo wa", "ho") than the
 * place ("peru" is as short as it gets). */
#define NER_LOWER_PLACE_MIN_LEN 4

/* English words before a place ("living in kerala", "flights to san
 * francisco"): a lower-case place name needs one of them, or a lower-case
 * place, right before it, so that a foreign word spelt like a place ("para",
 * "sind" in Portuguese or German text) is left to the weights. */
static const char *const ner_place_preps[] = {
    "in",   "to",      "from",       "near",  "at",       "around",  "across",
    "into", "through", "throughout", "visit", "visiting", "visited", "between"};

static bool is_place_prep(const ner_word *w) {
    for (size_t i = 0; i < sizeof ner_place_preps / sizeof *ner_place_preps; i++)
        if (strlen(ner_place_preps[i]) == w->len &&
            !strncasecmp(w->s, ner_place_preps[i], w->len))
            return true;
    return false;
}

/* Lists whose names, written in lower case, are places to the tagger. */
#define NER_LOWER_PLACE_LISTS (NER_GAZ_COUNTRY | NER_GAZ_REGION | NER_GAZ_CITY)
/* Lists that make a lower-case place name something else as well: an English
 * word ("china"), a first name ("jordan"), a nationality. The company list
 * is not one of them: it holds the single words of company names, so most
 * places are on it ("Mexico", "Florida", "Chicago"), and a company named
 * after a place is written with its own word ("Air Canada"). */
#define NER_LOWER_PLACE_NOT (NER_GAZ_PLACE_WORD | NER_GAZ_FIRST_NAME | NER_GAZ_DEMONYM)

/*
 * Place names written in lower case ("i live in kerala", "flights to san
 * francisco"), as informal text writes them: the model, trained on edited
 * text, reads every lower-case word as no name. A phrase of the country,
 * region or city lists, every word in lower case, is a place unless it is an
 * English word too ("fine china", "reading"), a first name or a company:
 * its words are marked NER_WF_LOC_B / NER_WF_LOC_I, which the decoder holds
 * to, when a preposition of place or another such place is right before it
 * (ner_place_preps), or such a place and "and", "or" or a comma. Phrases are those
 * ner_gaz_match() found (gaz, begin); one word must have NER_LOWER_PLACE_MIN_LEN bytes.
 */
/* Whether token k is a word written in lower case. */
static bool is_lower_word(const ner_tokinfo *t) {
    return (t->flags & NER_WF_ALPHA) && !(t->flags & (NER_WF_CAP | NER_WF_UPPER));
}

/* The end of the longest phrase of lower-case words from i on that the town
 * list holds, or i when there is none. */
static size_t lower_town_end(const gazetteer *g, const uint64_t *lower,
                             const ner_tokinfo *info, size_t i, size_t n) {
    size_t best = i;
    for (size_t e = i + 1; e <= n && e - i <= NER_GAZ_MAX_PHRASE; e++) {
        if (!is_lower_word(&info[e - 1]))
            break;
        uint16_t m = ner_gaz_lookup(g, lower + i, e - i);
        if (m & NER_GAZ_TOWN)
            best = e;
        if (!(m & NER_GAZ_PREFIX))
            break;
    }
    return best;
}

/* Whether a word joins the items of a list: "and", "or", a comma. */
static bool is_list_joint(const ner_word *w) {
    return (w->len == 1 && w->s[0] == ',') ||
           (w->len == 3 && !strncasecmp(w->s, "and", 3)) ||
           (w->len == 2 && !strncasecmp(w->s, "or", 2));
}

static void mark_lower_places(const gazetteer *g, const ner_word *words,
                              const uint64_t *lower, const uint16_t *gaz,
                              const bool *begin, size_t n, ner_tokinfo *info) {
    for (size_t i = 0; i < n; i++) {
        bool placed = i > 0 && (is_place_prep(&words[i - 1]) ||
                                (info[i - 1].flags & (NER_WF_LOC_B | NER_WF_LOC_I)));
        /* The next place of a list ("between noida and greater noida", "to
         * delhi , agra or jaipur"). */
        placed |= i > 1 && is_list_joint(&words[i - 1]) &&
                  (info[i - 2].flags & (NER_WF_LOC_B | NER_WF_LOC_I));
        size_t e = i + 1;
        if (begin[i] && (gaz[i] & NER_LOWER_PLACE_LISTS)) {
            while (e < n && !begin[e] && gaz[e] == gaz[i])
                e++;
            /* A country's name is no foreign word's spelling that needs a
             * preposition before it ("how are vietnam and ..."). */
            placed |= (gaz[i] & NER_GAZ_COUNTRY) != 0;
        } else if (placed && g) {
            /* A town the city list leaves out needs the preposition too. */
            e = lower_town_end(g, lower, info, i, n);
            if (e == i)
                continue;
        } else {
            continue;
        }
        bool low = true;
        for (size_t k = i; k < e && low; k++)
            low = is_lower_word(&info[k]);
        if (!low || !placed || (e == i + 1 && words[i].len < NER_LOWER_PLACE_MIN_LEN) ||
            (ner_gaz_lookup(g, lower + i, e - i) & NER_LOWER_PLACE_NOT))
            continue;
        info[i].flags |= NER_WF_LOC_B;
        for (size_t k = i + 1; k < e; k++)
            info[k].flags |= NER_WF_LOC_I;
        i = e - 1;
    }
}

/* Arabic forms of the article "al-", as written before a capitalised name
 * ("al-Sadr", "ash-Sharq", "az-Zaman"). Forms that are English words too
 * ("an", "as", "at", "ad") are left out. */
static const char *const ner_name_articles[] = {"al", "el",  "ash", "az",
                                                "ar", "adh", "ath"};

static bool is_name_article(const ner_word *w) {
    for (size_t i = 0; i < sizeof ner_name_articles / sizeof *ner_name_articles; i++)
        if (strlen(ner_name_articles[i]) == w->len &&
            !strncasecmp(w->s, ner_name_articles[i], w->len))
            return true;
    return false;
}

/*
 * An Arabic article, a hyphen token and a capitalised word are one name that a
 * tokeniser split at the hyphen ("Muqtada al - Sadr", "Al - Qaeda"): the model,
 * trained on text that keeps "al-Sadr" one token, reads the article as no name
 * and the hyphen as a break. The article is held to a name's tags and the
 * hyphen and the word to the inside of it; the type, and whether a name
 * before the article goes on through it, are the choice of the weights of
 * the words around.
 */
static void mark_article_names(const ner_word *words, size_t n, ner_tokinfo *info) {
    for (size_t i = 0; i + 2 < n; i++) {
        if (!is_name_article(&words[i]) || words[i + 1].len != 1 ||
            words[i + 1].s[0] != '-' || !(info[i + 2].flags & NER_WF_CAP) ||
            (info[i + 2].flags & NER_WF_UPPER))
            continue;
        info[i].join |= NER_JOIN_NAME | NER_JOIN_NEUTRAL;
        info[i + 1].join |= NER_JOIN_INSIDE | NER_JOIN_NEUTRAL;
        info[i + 2].join |= NER_JOIN_INSIDE;
    }
}

/* Words that open a sentence as an interjection ("Hi ,", "Thanks Josh !",
 * "Kudos .") and never as a name there. */
static const char *const ner_interjections[] = {
    "hi",       "hey",   "hello", "thanks", "congratulations",
    "congrats", "kudos", "wow",   "yum",    "yay",
    "nope",     "yep",   "yeah",  "okay",   "oops",
    "cheers",   "bye",   "lol",   "haha"};

/* Auxiliaries that open a question or a clipped sentence ("Will you ...",
 * "Will come again !", "May I ..."): before a lower-case word they are verbs,
 * not the first names or the month they are spelt like. */
static const char *const ner_opening_verbs[] = {
    "will", "would", "could", "should", "shall", "may", "might", "must", "can"};

static bool in_word_table(const ner_word *w, const char *const *table, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strlen(table[i]) == w->len && !strncasecmp(w->s, table[i], w->len))
            return true;
    return false;
}

/* Marks the sentence's first word NER_WF_NEVER when it opens the sentence
 * as an interjection or an auxiliary verb (above). Words in capitals are left
 * alone ("HI" may be Hawaii, "MAY" a headline). */
static void mark_sentence_opener(const ner_word *words, size_t n, ner_tokinfo *info) {
    size_t i = 0;
    while (i < n && !(info[i].flags & NER_WF_ALPHA))
        i++;
    if (i == n || ((info[i].flags & NER_WF_UPPER) && words[i].len > 1))
        return;
    bool lower_next = i + 1 < n && (info[i + 1].flags & NER_WF_ALPHA) &&
                      !(info[i + 1].flags & (NER_WF_CAP | NER_WF_UPPER));
    if (in_word_table(&words[i], ner_interjections,
                      sizeof ner_interjections / sizeof *ner_interjections) ||
        (lower_next &&
         in_word_table(&words[i], ner_opening_verbs,
                       sizeof ner_opening_verbs / sizeof *ner_opening_verbs)))
        info[i].flags |= NER_WF_NEVER;
}

/* Whether a token is only marks that may close a sentence after "!": more
 * "!" or "?", closing quotes and brackets. A full stop is not one of them:
 * "Like Yahoo!." ends with the name's own "!". */
static bool is_closing_marks(const ner_word *w) {
    for (size_t i = 0; i < w->len; i++)
        if (!strchr("!?\"')]", w->s[i]))
            return false;
    return w->len > 0;
}

/*
 * An exclamation mark that ends its sentence, with nothing after it but more
 * closing marks ("Thank you Barry 's Auto Tech !", "welcome to Google ! !"),
 * closes the sentence, not a name: it is marked NER_WF_NEVER. Inside a
 * sentence, or before a full stop, it may belong to a name ("Yahoo ! Inc",
 * "Wild on E ! , MTV", "Like Yahoo ! ."), and the weights decide.
 */
static void mark_final_bang(const ner_word *words, size_t n, ner_tokinfo *info) {
    for (size_t i = n; i > 0 && is_closing_marks(&words[i - 1]); i--)
        if (words[i - 1].len == 1 && words[i - 1].s[0] == '!')
            info[i - 1].flags |= NER_WF_NEVER;
}

static bool is_quote_token(const ner_word *w) {
    return (w->len == 1 && w->s[0] == '"') ||
           (w->len == 2 && (!memcmp(w->s, "``", 2) || !memcmp(w->s, "''", 2)));
}

/* Whether a word is capitalised and has a lower-case letter ("Smith", not
 * "NASA" or "ok"). */
static bool is_cap_word(const ner_tokinfo *t) {
    return (t->flags & NER_WF_CAP) && !(t->flags & NER_WF_UPPER);
}

/*
 * A name quoted as an e-mail program shows a sender, surname first
 * ('" Lenhart , Matthew " <matt@...>', '" Smith , Mary J. "'): a quotation
 * mark, one or two capitalised words, a comma, a first name of the lists
 * and at most one initial, and the closing mark. The model reads the comma
 * as the end of a name and the surname as a place or a company; the words
 * are one person (NER_JOIN_PER_B, NER_JOIN_PER_I). uint16_t gaz holds the
 * lists of each word.
 */
static void mark_sender_names(const ner_word *words, const uint16_t *gaz, size_t n,
                              ner_tokinfo *info) {
    for (size_t q = 0; q + 4 < n; q++) {
        if (!is_quote_token(&words[q]))
            continue;
        size_t c = q + 1;
        while (c < n && c < q + 3 && is_cap_word(&info[c]))
            c++;
        if (c == q + 1 || c + 2 >= n || words[c].len != 1 || words[c].s[0] != ',' ||
            !is_cap_word(&info[c + 1]) || !(gaz[c + 1] & NER_GAZ_FIRST_NAME))
            continue;
        size_t e = c + 2;
        /* An initial: "J." or "J". */
        if (e < n && (info[e].flags & NER_WF_CAP) &&
            (words[e].len == 1 || (words[e].len == 2 && words[e].s[1] == '.')))
            e++;
        if (e >= n || !is_quote_token(&words[e]))
            continue;
        info[q + 1].join |= NER_JOIN_PER_B;
        for (size_t k = q + 2; k < e; k++)
            info[k].join |= NER_JOIN_PER_I;
        q = e;
    }
}

/* Abbreviations and short forms of common nouns: formats, devices and roles
 * ("a DVD", "by Fax", "today 's DJ"), which name no one thing. */
static const char *const ner_common_abbrevs[] = {
    "atm", "cd",  "cds",  "cpu",  "dj",  "djs", "dvd",  "dvds", "fax",
    "faq", "gps", "html", "isbn", "lcd", "mp3", "ok",   "pdf",  "seo",
    "sms", "suv", "url",  "usb",  "vhs", "vip", "vips", "wifi", "wi-fi"};

/*
 * A common noun's abbreviation (ner_common_abbrevs) written alone, with no
 * capitalised word or word in capitals on either side, is no name ("converted
 * my VHS tapes to DVD", "send it by Fax"): it is marked NER_WF_NEVER. Beside
 * a capitalised word it may be part of one ("DJ Tiesto", "Sony CD Club"),
 * and headlines in capitals are left to the weights.
 */
static void mark_common_abbrevs(const ner_word *words, size_t n, ner_tokinfo *info) {
    if (ner_caps_sentence(info, n))
        return;
    for (size_t i = 0; i < n; i++) {
        bool prev = i > 0 && (info[i - 1].flags & (NER_WF_CAP | NER_WF_UPPER));
        bool next = i + 1 < n && (info[i + 1].flags & (NER_WF_CAP | NER_WF_UPPER));
        if ((info[i].flags & (NER_WF_CAP | NER_WF_UPPER)) && !prev && !next &&
            in_word_table(&words[i], ner_common_abbrevs,
                          sizeof ner_common_abbrevs / sizeof *ner_common_abbrevs))
            info[i].flags |= NER_WF_NEVER;
    }
}

/* Fewer bytes than this make no drawn-out word ("Mmm", "Brrr" are left to
 * the weights). */
#define NER_ELONGATED_MIN_LEN 5

/* Whether a word is only letters and doubles a letter twice over, as speech
 * drawn out in writing does ("Sooooo", "VERYYYY", "Brilll"): no name is
 * spelt so. Roman numerals ("XXIII", "VIII") are names' parts and left out. */
static bool is_elongated(const ner_word *w) {
    if (w->len < NER_ELONGATED_MIN_LEN)
        return false;
    bool roman = true, tripled = false;
    for (size_t i = 0; i < w->len; i++) {
        unsigned char c = (unsigned char)w->s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
        roman &= strchr("IVXLCDM", c) != NULL;
        if (i >= 2 && (c | 0x20) == ((unsigned char)w->s[i - 1] | 0x20) &&
            (c | 0x20) == ((unsigned char)w->s[i - 2] | 0x20))
            tripled = true;
    }
    return tripled && !roman;
}

/* Lists that make a word in capitals a name even though it is an ordinary
 * word too ("NICE" the city, "MAY" the first name). */
#define NER_EMPHASIS_NOT                                                                 \
    (NER_GAZ_COUNTRY | NER_GAZ_CITY | NER_GAZ_REGION | NER_GAZ_DEMONYM |                 \
     NER_GAZ_FIRST_NAME)

/*
 * A word in capitals inside a sentence written in ordinary case is an
 * abbreviation ("NATO", "BBC") or emphasis ("service was VERY fast", "the
 * BEST photographer"). It is emphasis when the word is an ordinary word that
 * is no abbreviation (NER_GAZ_PLAIN_WORD) and no place or first name, and
 * stands alone, after no capitalised word and before no word in capitals:
 * it is marked NER_WF_NEVER. Headlines in
 * capitals (ner_caps_sentence) are left to the weights.
 */
static void mark_emphasis(const gazetteer *g, const uint64_t *lower, size_t n,
                          ner_tokinfo *info) {
    if (!g || ner_caps_sentence(info, n))
        return;
    for (size_t i = 0; i < n; i++) {
        /* A run of words in capitals is a name ("NEW YORK") or a heading;
         * after a capitalised word it goes on with a name ("Henry VIII"). */
        bool run = (i > 0 && (info[i - 1].flags & (NER_WF_UPPER | NER_WF_CAP))) ||
                   (i + 1 < n && (info[i + 1].flags & NER_WF_UPPER));
        if (!(info[i].flags & NER_WF_UPPER) || (info[i].flags & NER_WF_DIGIT) || run)
            continue;
        uint16_t lists = ner_gaz_lookup(g, lower + i, 1);
        if ((lists & NER_GAZ_PLAIN_WORD) && !(lists & NER_EMPHASIS_NOT))
            info[i].flags |= NER_WF_NEVER;
    }
}

/* Names of currencies, singular and plural: after a number they are a unit
 * ("3,40 Euros", "500 Rupees"), not a name. */
static const char *const ner_currencies[] = {
    "euro",    "euros",  "dollar", "dollars", "pound",  "pounds",  "rupee",
    "rupees",  "peso",   "pesos",  "yen",     "yuan",   "franc",   "francs",
    "ruble",   "rubles", "rouble", "roubles", "lira",   "shekel",  "shekels",
    "dinar",   "dinars", "riyal",  "riyals",  "dirham", "dirhams", "baht",
    "ringgit", "krona",  "kronor", "krone",   "kroner", "zloty",   "zlotys"};

/* Words that scale a number ("5 million Euros"). */
static const char *const ner_number_scales[] = {"hundred", "thousand", "million",
                                                "billion", "trillion"};

/*
 * A currency written with a capital right after a number, or after a number
 * and its scale word ("3,40 Euros", "2 million Dollars"), is the number's
 * unit: marked NER_WF_NEVER. Written on its own it is left to the weights
 * (a headline's "Euro" may be the currency's institutions).
 */
static void mark_currency_units(const ner_word *words, size_t n, ner_tokinfo *info) {
    for (size_t i = 1; i < n; i++) {
        if (!(info[i].flags & NER_WF_CAP) ||
            !in_word_table(&words[i], ner_currencies,
                           sizeof ner_currencies / sizeof *ner_currencies))
            continue;
        size_t k = i - 1;
        if (k > 0 && in_word_table(&words[k], ner_number_scales,
                                   sizeof ner_number_scales / sizeof *ner_number_scales))
            k--;
        if (info[k].flags & NER_WF_DIGIT)
            info[i].flags |= NER_WF_NEVER;
    }
}

/* Function words: written with a capital inside a sentence, more often than
 * in lower case, they show a sentence in title case ("Thanks For The Great
 * Service And Your Help"). */
static const char *const ner_function_words[] = {
    "the",  "of",   "and",  "for", "to",   "in",  "on", "at", "with", "an",
    "is",   "are",  "was",  "you", "your", "our", "we", "my", "it",   "this",
    "that", "from", "have", "has", "or",   "but", "be", "by", "me",   "very"};

/* Fewer capitalised function words than this make no title-case sentence. */
#define NER_TITLE_CASE_MIN 2

/* Whether a sentence in ordinary case capitalises its words as a title does:
 * at least NER_TITLE_CASE_MIN function words after its first word start
 * with a capital, more than are written in lower case. */
static bool title_case_sentence(const ner_word *words, size_t n,
                                const ner_tokinfo *info) {
    size_t first = 0;
    while (first < n && !(info[first].flags & NER_WF_ALPHA))
        first++;
    size_t cap = 0, low = 0;
    for (size_t i = first + 1; i < n; i++) {
        if (!in_word_table(&words[i], ner_function_words,
                           sizeof ner_function_words / sizeof *ner_function_words))
            continue;
        if (is_cap_word(&info[i]))
            cap++;
        else if (is_lower_word(&info[i]))
            low++;
    }
    return cap >= NER_TITLE_CASE_MIN && cap > low;
}

/*
 * In a sentence written in title case (title_case_sentence; not a headline
 * in capitals), a capital says nothing: a capitalised function word or
 * ordinary English word (NER_GAZ_COMMON or NER_GAZ_PLAIN_WORD) that is no
 * place and no first name, alone or as a word of a listed phrase ("South
 * Dakota"), is no name ("Thanks For The Prompt Service And
 * Great Job"): marked NER_WF_NEVER. Other words are left to the weights.
 */
static void mark_title_case(const gazetteer *g, const ner_word *words,
                            const uint64_t *lower, const uint16_t *gaz, size_t n,
                            ner_tokinfo *info) {
    if (!g || ner_caps_sentence(info, n) || !title_case_sentence(words, n, info))
        return;
    for (size_t i = 0; i < n; i++) {
        if (!is_cap_word(&info[i]))
            continue;
        uint16_t lists = ner_gaz_lookup(g, lower + i, 1);
        if (in_word_table(&words[i], ner_function_words,
                          sizeof ner_function_words / sizeof *ner_function_words) ||
            ((lists & (NER_GAZ_COMMON | NER_GAZ_PLAIN_WORD)) &&
             !((lists | gaz[i]) & NER_EMPHASIS_NOT)))
            info[i].flags |= NER_WF_NEVER;
    }
}

/*
 * A capitalised plural of a nationality or a faith ("Muslims", "Shiites",
 * "Palestinians", the singular on the demonym lists) names a group of
 * people: MISC or no name, never a person, organisation or place; marked
 * NER_JOIN_GROUP. After a capitalised word that is no demonym, nor a common
 * word opening the sentence, it may be a team's name ("Cleveland Indians")
 * and is left to the weights.
 */
static void mark_group_plurals(const gazetteer *g, const ner_word *words,
                               const uint16_t *gaz, size_t n, ner_tokinfo *info) {
    if (!g)
        return;
    for (size_t i = 0; i < n; i++) {
        const ner_word *w = &words[i];
        if (!is_cap_word(&info[i]) || w->len < 4 || w->s[w->len - 1] != 's')
            continue;
        /* The word before is part of the name unless it is a demonym or a
         * common word opening the sentence ("Many Muslims"). */
        if (i > 0 && (info[i - 1].flags & (NER_WF_CAP | NER_WF_UPPER)) &&
            !(gaz[i - 1] & NER_GAZ_DEMONYM) &&
            !(i == 1 && (gaz[0] & (NER_GAZ_COMMON | NER_GAZ_PLAIN_WORD))))
            continue;
        uint64_t stem = ner_hash_bytes(w->s, w->len - 1, 1);
        uint64_t stem_es = ner_hash_bytes(w->s, w->len - 2, 1);
        if ((ner_gaz_lookup(g, &stem, 1) & NER_GAZ_DEMONYM) ||
            (w->s[w->len - 2] == 'e' &&
             (ner_gaz_lookup(g, &stem_es, 1) & NER_GAZ_DEMONYM)))
            info[i].join |= NER_JOIN_GROUP;
    }
}

/* Nouns that end names of venues and institutions ("Mark Hopkins Hotel",
 * "Shadow Lounge", "St. Mary's Hospital") and no person's name. */
static const char *const ner_venue_nouns[] = {
    "hotel",   "hotels",     "theatre",  "theater", "lounge",   "restaurant", "cafe",
    "club",    "pizza",      "pizzeria", "museum",  "hospital", "stadium",    "arena",
    "airport", "university", "college",  "school",  "church",   "cathedral",  "library",
    "casino",  "motel",      "bistro",   "grill",   "diner",    "pub",        "tavern",
    "salon",   "gallery",    "academy",  "clinic",  "bakery"};

/*
 * A run of two or more capitalised words that ends with a venue's noun
 * (ner_venue_nouns) names the venue, not a person, even when it opens with a
 * person's name ("Mark Hopkins Hotel", "Cameo Theatre"): its words are
 * marked NER_JOIN_NOT_PER, and the weights choose among the other types.
 * Headlines in capitals are left to the weights.
 */
static void mark_venue_names(const ner_word *words, size_t n, ner_tokinfo *info) {
    if (ner_caps_sentence(info, n))
        return;
    for (size_t i = 0; i < n;) {
        if (!(info[i].flags & NER_WF_CAP)) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && (info[e].flags & NER_WF_CAP))
            e++;
        if (e - i >= 2 && in_word_table(&words[e - 1], ner_venue_nouns,
                                        sizeof ner_venue_nouns / sizeof *ner_venue_nouns))
            for (size_t k = i; k < e; k++)
                info[k].join |= NER_JOIN_NOT_PER;
        i = e;
    }
}

/* Fewer words than this do not make a lower-case sentence ("ok thanks"). */
#define NER_LOWSENT_MIN_WORDS 3

size_t ner_prepare_tmp_size(size_t n) {
    return n * (sizeof(uint64_t) + sizeof(uint16_t) + sizeof(bool));
}

void ner_prepare(const gazetteer *g, const ner_word *words, size_t n, ner_tokinfo *info,
                 void *tmp) {
    uint64_t *lower = tmp;
    uint16_t *gaz = (uint16_t *)(lower + n);
    bool *begin = (bool *)(gaz + n);
    for (size_t i = 0; i < n; i++) {
        word_info(&words[i], &info[i]);
        lower[i] = info[i].lower;
    }
    ner_gaz_match(g, lower, n, gaz, begin);
    for (size_t i = 0; i < n; i++)
        info[i].cluster_len =
            (uint8_t)ner_gaz_cluster(g, info[i].lower, &info[i].cluster);
    /* Informal text written all in lower case: names look like words. */
    size_t alpha = 0, capital = 0;
    for (size_t i = 0; i < n; i++) {
        alpha += (info[i].flags & NER_WF_ALPHA) != 0;
        capital += (info[i].flags & (NER_WF_CAP | NER_WF_UPPER)) != 0;
    }
    uint8_t lowsent = alpha >= NER_LOWSENT_MIN_WORDS && !capital ? NER_WF_LOWSENT : 0;
    mark_lower_places(g, words, lower, gaz, begin, n, info);
    mark_article_names(words, n, info);
    mark_sentence_opener(words, n, info);
    mark_final_bang(words, n, info);
    mark_sender_names(words, gaz, n, info);
    mark_common_abbrevs(words, n, info);
    mark_emphasis(g, lower, n, info);
    mark_currency_units(words, n, info);
    mark_title_case(g, words, lower, gaz, n, info);
    mark_group_plurals(g, words, gaz, n, info);
    mark_venue_names(words, n, info);
    for (size_t i = 0; i < n; i++) {
        info[i].gaz = gaz[i] & NER_GAZ_FEATURES;
        info[i].gaz_begin = begin[i];
        info[i].flags |= lowsent;
        if (ner_never_name(words[i].s, words[i].len) || is_elongated(&words[i]) ||
            (i > 0 && (info[i - 1].flags & NER_WF_DIGIT) && is_clock_word(&words[i])))
            info[i].flags |= NER_WF_NEVER;
    }
}

bool ner_caps_sentence(const ner_tokinfo *info, size_t n) {
    size_t alpha = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (info[i].flags & NER_WF_ALPHA) {
            alpha++;
            upper += (info[i].flags & NER_WF_UPPER) != 0;
        }
    }
    /* Headlines and datelines: more than half of the words are all capitals,
     * and there is more than one word (a lone "AP" is not a headline). */
    return alpha > 1 && upper * 2 > alpha;
}

/* ---------------------------------------------------------------- document */

/* The document table: open addressing from lower-case hashes to NER_DOC_*. */
static size_t doc_slots(size_t n) {
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    return slots;
}

size_t ner_doc_tmp_size(size_t n) {
    return doc_slots(n) * (sizeof(uint64_t) + sizeof(uint8_t));
}

static uint8_t *doc_slot(uint64_t *keys, uint8_t *vals, size_t mask, uint64_t key) {
    key |= 1; /* 0 marks an empty slot */
    size_t i = (size_t)key & mask;
    while (keys[i] && keys[i] != key)
        i = (i + 1) & mask;
    if (!keys[i]) {
        keys[i] = key;
        vals[i] = 0;
    }
    return &vals[i];
}

/* What token i of a sentence tells about its word. */
static uint8_t doc_evidence(const ner_tokinfo *s, size_t n, size_t i, bool caps) {
    const ner_tokinfo *t = &s[i];
    if (!(t->flags & NER_WF_ALPHA))
        return 0;
    if (!(t->flags & (NER_WF_CAP | NER_WF_UPPER)))
        return NER_DOC_LOWER;
    if (caps || !(t->flags & NER_WF_CAP))
        return 0;
    uint8_t f = 0;
    bool prev_cap = i > 0 && (s[i - 1].flags & NER_WF_CAP);
    bool next_cap = i + 1 < n && (s[i + 1].flags & NER_WF_CAP);
    if (i > 0)
        f |= NER_DOC_CAP_MID;
    if (prev_cap && (s[i - 1].gaz & NER_GAZ_FIRST_NAME))
        f |= NER_DOC_AFTER_FIRST;
    if (next_cap && (s[i + 1].gaz & NER_GAZ_ORG_WORD))
        f |= NER_DOC_BEFORE_ORG;
    if (i > 0 && (s[i - 1].gaz & NER_GAZ_TITLE))
        f |= NER_DOC_AFTER_TITLE;
    if ((prev_cap && i > 1) || next_cap)
        f |= NER_DOC_IN_PHRASE;
    return f;
}

void ner_doc_mark(ner_tokinfo *info, const size_t *sent_begin, size_t n_sents,
                  void *tmp) {
    size_t n = sent_begin[n_sents] - sent_begin[0];
    size_t slots = doc_slots(n), mask = slots - 1;
    uint64_t *keys = tmp;
    uint8_t *vals = (uint8_t *)(keys + slots);
    memset(keys, 0, slots * sizeof *keys);
    ner_tokinfo *base = info - sent_begin[0];
    for (size_t s = 0; s < n_sents; s++) {
        ner_tokinfo *si = base + sent_begin[s];
        size_t len = sent_begin[s + 1] - sent_begin[s];
        bool caps = ner_caps_sentence(si, len);
        for (size_t i = 0; i < len; i++)
            *doc_slot(keys, vals, mask, si[i].lower) |= doc_evidence(si, len, i, caps);
    }
    for (size_t i = 0; i < n; i++)
        info[i].doc = *doc_slot(keys, vals, mask, info[i].lower);
}

/* ---------------------------------------------------------------- history */

/* Entity type of a tag: 0 for O, 1..4 for PER, ORG, LOC, MISC. */
static unsigned tag_type(uint8_t t) { return t == NER_O ? 0 : 1 + (t - 1) / 2; }
#define HIST_TYPES 5
#define HIST_CAP (1u << 4)
#define HIST_UNANIMOUS (1u << 8)
/* Occurrence counts above this share one feature value. */
#define HIST_MAX_COUNT 3

size_t ner_hist_tmp_size(size_t n) {
    return doc_slots(n) * (sizeof(uint64_t) + HIST_TYPES * sizeof(uint16_t));
}

static uint16_t *hist_slot(uint64_t *keys, uint16_t *counts, size_t mask, uint64_t key) {
    key |= 1;
    size_t i = (size_t)key & mask;
    while (keys[i] && keys[i] != key)
        i = (i + 1) & mask;
    if (!keys[i]) {
        keys[i] = key;
        memset(counts + i * HIST_TYPES, 0, HIST_TYPES * sizeof *counts);
    }
    return counts + i * HIST_TYPES;
}

void ner_hist_mark(const ner_tokinfo *info, const uint8_t *tags1, size_t n, void *tmp,
                   uint16_t *hist) {
    size_t slots = doc_slots(n), mask = slots - 1;
    uint64_t *keys = tmp;
    uint16_t *counts = (uint16_t *)(keys + slots);
    memset(keys, 0, slots * sizeof *keys);
    for (size_t i = 0; i < n; i++)
        if (info[i].flags & (NER_WF_CAP | NER_WF_UPPER)) {
            uint16_t *c = hist_slot(keys, counts, mask, info[i].lower);
            if (c[tag_type(tags1[i])] < UINT16_MAX)
                c[tag_type(tags1[i])]++;
        }
    for (size_t i = 0; i < n; i++) {
        uint16_t h = tags1[i];
        if (info[i].flags & (NER_WF_CAP | NER_WF_UPPER)) {
            const uint16_t *c = hist_slot(keys, counts, mask, info[i].lower);
            unsigned maj = 0, total = 0;
            for (unsigned k = 0; k < HIST_TYPES; k++) {
                total += c[k];
                if (c[k] > c[maj])
                    maj = k;
            }
            unsigned bucket = total > HIST_MAX_COUNT ? HIST_MAX_COUNT : total;
            h |= HIST_CAP | (uint16_t)(maj << 5) | (uint16_t)(bucket << 9);
            if (c[maj] == total)
                h |= HIST_UNANIMOUS;
        }
        hist[i] = h;
    }
}

size_t ner_hist_features(uint16_t hist, uint64_t *out) {
    size_t k = 0;
    unsigned self = hist & 0xF;
    out[k++] = ner_combine(ner_mix(T_H_SELF), self);
    if (hist & HIST_CAP) {
        out[k++] = ner_combine(ner_mix(T_H_MAJ), hist >> 5);
        out[k++] = ner_combine(ner_combine(ner_mix(T_H_MAJ_SELF), (hist >> 5) & 7),
                               tag_type((uint8_t)self));
    }
    return k;
}

static inline uint64_t f1(uint64_t t, uint64_t a) { return ner_combine(ner_mix(t), a); }

/* The first p bits of a token's cluster path, with their count (a path shorter
 * than p is used whole). */
static uint64_t cluster_prefix(const ner_tokinfo *t, unsigned p) {
    unsigned len = t->cluster_len, k = p < len ? p : len;
    return (uint64_t)(t->cluster >> (len - k)) << 5 | k;
}
static inline uint64_t f2(uint64_t t, uint64_t a, uint64_t b) {
    return ner_combine(f1(t, a), b);
}
static inline uint64_t f3(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
    return ner_combine(f2(t, a, b), c);
}

/* The features of a token that depend on its word alone (the word, its
 * lower case, affixes and shapes), first in ner_features' order... */
static size_t word_features_head(const ner_word *w, const ner_tokinfo *t, uint64_t *out) {
    size_t k = 0;
    out[k++] = ner_mix(T_BIAS);
    out[k++] = f1(T_WORD, t->word);
    out[k++] = f1(T_LOWER, t->lower);
    size_t affix = w->len < NER_AFFIX_MAX ? w->len : NER_AFFIX_MAX;
    for (size_t a = 1; a <= affix; a++) {
        out[k++] = f2(T_PREFIX, a, ner_hash_bytes(w->s, a, 0));
        out[k++] = f2(T_SUFFIX, a, ner_hash_bytes(w->s + w->len - a, a, 1));
    }
    out[k++] = f1(T_SHAPE, t->shape);
    out[k++] = f1(T_SHORT, t->short_shape);
    return k;
}

/* ... and its cluster path, later in that order. */
static size_t word_features_tail(const ner_tokinfo *t, uint64_t *out) {
    size_t k = 0;
    if (t->cluster_len)
        for (size_t p = 0; p < sizeof ner_cluster_prefixes / sizeof *ner_cluster_prefixes;
             p++)
            out[k++] = f2(T_CLUSTER, ner_cluster_prefixes[p],
                          cluster_prefix(t, ner_cluster_prefixes[p]));
    return k;
}

/* The features of token i that read its neighbours, its place in the
 * sentence or the document: the part before the cluster path... */
static size_t context_features_head(const ner_tokinfo *info, size_t n, size_t i,
                                    bool caps_sentence, uint64_t *out) {
    const ner_tokinfo *t = &info[i];
    uint64_t lm1 = i > 0 ? info[i - 1].lower : NER_PAD_BEFORE;
    uint64_t lm2 = i > 1 ? info[i - 2].lower : NER_PAD_BEFORE;
    uint64_t lp1 = i + 1 < n ? info[i + 1].lower : NER_PAD_AFTER;
    uint64_t lp2 = i + 2 < n ? info[i + 2].lower : NER_PAD_AFTER;
    uint64_t wm1 = i > 0 ? info[i - 1].word : NER_PAD_BEFORE;
    uint64_t wp1 = i + 1 < n ? info[i + 1].word : NER_PAD_AFTER;
    uint64_t sm1 = i > 0 ? info[i - 1].shape : NER_PAD_BEFORE;
    uint64_t sp1 = i + 1 < n ? info[i + 1].shape : NER_PAD_AFTER;
    uint64_t ssm1 = i > 0 ? info[i - 1].short_shape : NER_PAD_BEFORE;
    uint64_t ssp1 = i + 1 < n ? info[i + 1].short_shape : NER_PAD_AFTER;
    uint64_t ssm2 = i > 1 ? info[i - 2].short_shape : NER_PAD_BEFORE;
    uint64_t ssp2 = i + 2 < n ? info[i + 2].short_shape : NER_PAD_AFTER;
    uint64_t gm1 = i > 0 ? info[i - 1].gaz : NER_PAD_BEFORE;
    uint64_t gp1 = i + 1 < n ? info[i + 1].gaz : NER_PAD_AFTER;

    size_t k = 0;
    out[k++] = f1(T_LOWER_M1, lm1);
    out[k++] = f1(T_LOWER_P1, lp1);
    out[k++] = f1(T_LOWER_M2, lm2);
    out[k++] = f1(T_LOWER_P2, lp2);
    out[k++] = f1(T_WORD_M1, wm1);
    out[k++] = f1(T_WORD_P1, wp1);
    out[k++] = f1(T_SHAPE_M1, sm1);
    out[k++] = f1(T_SHAPE_P1, sp1);
    out[k++] = f1(T_SHORT_M2, ssm2);
    out[k++] = f1(T_SHORT_P2, ssp2);
    out[k++] = f2(T_BIGRAM_M1, lm1, t->lower);
    out[k++] = f2(T_BIGRAM_P1, t->lower, lp1);
    out[k++] = f3(T_SHAPE3, ssm1, t->short_shape, ssp1);
    out[k++] = f2(T_SHORT_M1_LOWER, ssm1, t->lower);
    out[k++] = f2(T_LOWER_SHORT_P1, t->lower, ssp1);
    for (unsigned b = 0; b < NER_GAZ_N_LISTS; b++)
        if (t->gaz & (1u << b))
            out[k++] = f3(T_GAZ, b, t->gaz_begin, t->flags & (NER_WF_CAP | NER_WF_UPPER));
    out[k++] = f1(T_GAZ_M1, gm1);
    out[k++] = f1(T_GAZ_P1, gp1);
    if (i == 0) {
        out[k++] = f1(T_FIRST_LOWER, t->lower);
        out[k++] = f1(T_FIRST_SHAPE, t->short_shape);
        out[k++] = f2(T_FIRST_GAZ, t->gaz, t->flags & (NER_WF_CAP | NER_WF_UPPER));
    }
    if (i + 1 == n)
        out[k++] = f1(T_LAST_SHORT, t->short_shape);
    uint64_t shape_pos = (t->flags & (NER_WF_CAP | NER_WF_UPPER)) | (i == 0) << 4 |
                         (uint64_t)caps_sentence << 5;
    out[k++] = f2(T_DOC, t->doc, shape_pos);
    for (unsigned b = 0; b < NER_DOC_N_BITS; b++)
        if (t->doc & (1u << b))
            out[k++] = f2(T_DOC_BIT, b, shape_pos);
    if (t->flags & NER_WF_LOWSENT) {
        out[k++] = f1(T_LOWS_LOWER, t->lower);
        out[k++] = f2(T_LOWS_GAZ, t->gaz, t->gaz_begin);
    }
    if (caps_sentence) {
        out[k++] = f1(T_CAPS_SHORT, t->short_shape);
        out[k++] = f1(T_CAPS_LOWER, t->lower);
    }
    return k;
}

/* ... and the neighbours' cluster paths after it. */
static size_t context_features_tail(const ner_tokinfo *info, size_t n, size_t i,
                                    uint64_t *out) {
    size_t k = 0;
    if (i > 0 && info[i - 1].cluster_len)
        out[k++] =
            f1(T_CLUSTER_M1, cluster_prefix(&info[i - 1], NER_CLUSTER_CONTEXT_PREFIX));
    if (i + 1 < n && info[i + 1].cluster_len)
        out[k++] =
            f1(T_CLUSTER_P1, cluster_prefix(&info[i + 1], NER_CLUSTER_CONTEXT_PREFIX));
    return k;
}

size_t ner_features(const ner_word *words, const ner_tokinfo *info, size_t n, size_t i,
                    bool caps_sentence, uint64_t *out) {
    size_t k = word_features_head(&words[i], &info[i], out);
    k += context_features_head(info, n, i, caps_sentence, out + k);
    k += word_features_tail(&info[i], out + k);
    return k + context_features_tail(info, n, i, out + k);
}

/* ---------------------------------------------------------------- decoding */

/* Whether BIO allows tag `to` right after `from` (NER_START at the start). */
static bool bio_allowed(int from, int to) {
    if (to == NER_O || ner_tag_is_begin((ner_tag)to))
        return true;
    /* An I-X continues only a B-X or an I-X. */
    return from != NER_START && from != NER_O && (from - 1) / 2 == (to - 1) / 2;
}

#if defined(__GNUC__)
/* A row of tag scores as two 8-lane vectors (one AVX register each):
 * NER_N_TAGS lanes used, the rest -inf. */
#define NER_VLANES 16
typedef float ner_v8sf __attribute__((vector_size(8 * sizeof(float))));
typedef int32_t ner_v8si __attribute__((vector_size(8 * sizeof(int32_t))));
typedef uint8_t ner_v8qi __attribute__((vector_size(8)));
/* Eight floats read from memory of any alignment. */
typedef float ner_v8sf_mem
    __attribute__((vector_size(8 * sizeof(float)), aligned(4), may_alias));
_Static_assert(NER_N_TAGS <= NER_VLANES, "a tag row fits two vectors");
_Static_assert(NER_N_TAGS == 9, "the maximum tree of viterbi_forward is for nine tags");

/* The better of two predecessor groups, lane by lane: b where it scores
 * strictly more, else a. With a's predecessors all before b's, a tie keeps
 * the lowest predecessor, as a left-to-right scan does. */
static inline void take_better(ner_v8sf *best_a, ner_v8si *arg_a, const ner_v8sf *best_b,
                               const ner_v8si *arg_b) {
    ner_v8si better = *best_b > *best_a;
    *best_a = (ner_v8sf)(((ner_v8si)*best_b & better) | ((ner_v8si)*best_a & ~better));
    *arg_a = (*arg_b & better) | (*arg_a & ~better);
}

/* The Viterbi forward pass with every tag's best predecessor found at once:
 * lane t of to[p] is the transition p -> t, -infinity where BIO forbids it,
 * so the maximum over predecessors is NER_N_TAGS vector steps. Ties go to
 * the lowest predecessor, and a tag no predecessor reaches keeps the one
 * the scalar rule names (0, or B-X for I-X), exactly as before. Writes the
 * back pointers and the last token's scores. */
#if defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
static void
viterbi_forward(const float *em, const float trans[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                uint8_t *back, float *last) {
    ner_v8sf to[NER_N_TAGS][2], cur[2];
    ner_v8si first_arg[2];
    for (int p = 0; p < NER_N_TAGS; p++)
        for (int t = 0; t < NER_VLANES; t++)
            to[p][t / 8][t % 8] =
                t < NER_N_TAGS && bio_allowed(p, t) ? trans[p][t] : -INFINITY;
    for (int t = 0; t < NER_VLANES; t++) {
        bool begin_any = t >= NER_N_TAGS || t == NER_O || ner_tag_is_begin((ner_tag)t);
        first_arg[t / 8][t % 8] = begin_any ? 0 : t - 1;
        cur[t / 8][t % 8] = t < NER_N_TAGS && bio_allowed(NER_START, t)
                                ? trans[NER_START][t] + em[t]
                                : -INFINITY;
    }
    for (size_t i = 1; i < n; i++) {
        /* Every score stays in registers: the previous token's scores are
         * broadcast from their lanes, the emissions read straight into
         * lanes (tags 0..7, then tag 8 alone). */
        const float *ei = em + i * NER_N_TAGS;
        ner_v8sf prev[NER_N_TAGS];
        const ner_v8sf e_lo = *(const ner_v8sf_mem *)ei;
        const ner_v8sf e_hi = {ei[NER_N_TAGS - 1]};
        for (int p = 0; p < NER_N_TAGS; p++)
            prev[p] = (ner_v8sf){0} + cur[p / 8][p % 8];
        for (int h = 0; h < 2; h++) {
            /* Each predecessor's score, then the maximum as a tree of pairs,
             * each pair's lower group on the left: (0 1)(2 3)(4 5)(6 7),
             * (0-1 2-3)(4-5 6-7), (0-3 4-7), (0-7 8), four steps deep instead
             * of a chain of nine. */
            ner_v8sf s[NER_N_TAGS];
            ner_v8si a[NER_N_TAGS];
            for (int p = 0; p < NER_N_TAGS; p++) {
                s[p] = prev[p] + to[p][h];
                a[p] = (ner_v8si){0} + p;
            }
            take_better(&s[0], &a[0], &s[1], &a[1]);
            take_better(&s[2], &a[2], &s[3], &a[3]);
            take_better(&s[4], &a[4], &s[5], &a[5]);
            take_better(&s[6], &a[6], &s[7], &a[7]);
            take_better(&s[0], &a[0], &s[2], &a[2]);
            take_better(&s[4], &a[4], &s[6], &a[6]);
            take_better(&s[0], &a[0], &s[4], &a[4]);
            take_better(&s[0], &a[0], &s[8], &a[8]);
            /* A tag no predecessor reaches keeps the scalar rule's one. */
            ner_v8si reached = s[0] > -INFINITY;
            ner_v8si arg = (a[0] & reached) | (first_arg[h] & ~reached);
            cur[h] = s[0] + (h ? e_hi : e_lo);
            uint8_t *bp = back + i * NER_N_TAGS + 8 * h;
            if (h == 0) {
                ner_v8qi packed = __builtin_convertvector(arg, ner_v8qi);
                memcpy(bp, &packed, sizeof packed);
            } else {
                *bp = (uint8_t)arg[0];
            }
        }
    }
    for (int t = 0; t < NER_N_TAGS; t++)
        last[t] = cur[t / 8][t % 8];
}
#else
static void viterbi_forward(const float *em,
                            const float trans[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                            uint8_t *back, float *last) {
    float cur[NER_N_TAGS], next[NER_N_TAGS];
    for (int t = 0; t < NER_N_TAGS; t++)
        cur[t] = bio_allowed(NER_START, t) ? trans[NER_START][t] + em[t] : -INFINITY;
    for (size_t i = 1; i < n; i++) {
        const float *e = em + i * NER_N_TAGS;
        uint8_t *bp = back + i * NER_N_TAGS;
        for (int t = 0; t < NER_N_TAGS; t++) {
            float best = -INFINITY;
            int arg = 0;
            if (t == NER_O || ner_tag_is_begin((ner_tag)t)) {
                /* O and B-X may follow anything. */
                for (int p = 0; p < NER_N_TAGS; p++) {
                    float s = cur[p] + trans[p][t];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
            } else {
                /* I-X follows only B-X (t - 1) or I-X (t). */
                float sb = cur[t - 1] + trans[t - 1][t], si = cur[t] + trans[t][t];
                best = si > sb ? si : sb;
                arg = si > sb ? t : t - 1;
            }
            next[t] = best + e[t];
            bp[t] = (uint8_t)arg;
        }
        memcpy(cur, next, sizeof cur);
    }
    memcpy(last, cur, sizeof cur);
}
#endif

void ner_viterbi(const float *em, const float trans[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                 uint8_t *back, uint8_t *out) {
    if (!n)
        return;
    float cur[NER_N_TAGS];
    viterbi_forward(em, trans, n, back, cur);
    int best = 0;
    for (int t = 1; t < NER_N_TAGS; t++)
        if (cur[t] > cur[best])
            best = t;
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t)best;
        if (i)
            best = back[i * NER_N_TAGS + best];
    }
}

/* Scratch layout for ner_model_tag, each part aligned to 8 bytes. */
static size_t align8(size_t x) { return (x + 7) & ~(size_t)7; }

static size_t word_sums_size(size_t n);

size_t ner_scratch_size(size_t n) {
    size_t tmp = ner_prepare_tmp_size(n);
    if (ner_doc_tmp_size(n) > tmp)
        tmp = ner_doc_tmp_size(n);
    if (ner_hist_tmp_size(n) > tmp)
        tmp = ner_hist_tmp_size(n);
    return align8(n * sizeof(ner_tokinfo)) + align8(n * NER_N_TAGS * sizeof(float)) +
           align8(n * NER_N_TAGS) + align8(n * sizeof(uint16_t)) +
           align8(n * NER_N_TAGS * sizeof(int32_t)) +
           align8(3 * n * NER_N_TAGS * sizeof(double)) + align8(n * sizeof(float)) +
           word_sums_size(n) + align8(tmp);
}

/* The sharpness of the posterior: p(tags) is proportional to
 * exp(NER_CONF_SHARPNESS * score), the score in real weight units. Chosen
 * from a grid (0.01 .. 1) as the least log loss of span correctness on the
 * first half of the CoNLL dev documents, with scripts/ner-confidence.py
 * --fit; see core/data/README.md for the held-out figures. */
#define NER_CONF_SHARPNESS 0.07

void ner_marginal_trans(const float trans[NER_N_TAGS + 1][NER_N_TAGS], double k,
                        double tr[NER_N_TAGS + 1][NER_N_TAGS]) {
    /* exp(k * trans), all scaled by the largest allowed transition (a constant
     * factor on every path cancels in the normalisation); broken BIO
     * transitions are 0. */
    float mx = -INFINITY;
    for (int p = 0; p <= NER_N_TAGS; p++)
        for (int t = 0; t < NER_N_TAGS; t++)
            if (bio_allowed(p, t) && trans[p][t] > mx)
                mx = trans[p][t];
    for (int p = 0; p <= NER_N_TAGS; p++)
        for (int t = 0; t < NER_N_TAGS; t++)
            tr[p][t] = bio_allowed(p, t) ? exp(k * (double)(trans[p][t] - mx)) : 0.0;
}

#if defined(__GNUC__)
typedef double ner_v4df __attribute__((vector_size(4 * sizeof(double))));
/* Four doubles read from or written to memory of any alignment. */
typedef double ner_v4df_mem
    __attribute__((vector_size(4 * sizeof(double)), aligned(8), may_alias));
#endif

/* out[t] += rows[r][t] * x[r] * y[r] (y NULL: * 1 left out) for r = 0..8 in
 * that order, every t at once: tags 0..3 and 4..7 in vector lanes, tag 8
 * alone, each lane's products and sum formed as the scalar loop would. */
static inline void sum_rows(const double rows[NER_N_TAGS][NER_N_TAGS], const double *x,
                            const double *y, double *out) {
#if defined(__GNUC__)
    ner_v4df lo = *(const ner_v4df_mem *)out, hi = *(const ner_v4df_mem *)(out + 4);
    double last = out[8];
    for (int r = 0; r < NER_N_TAGS; r++) {
        ner_v4df plo = *(const ner_v4df_mem *)rows[r] * x[r];
        ner_v4df phi = *(const ner_v4df_mem *)(rows[r] + 4) * x[r];
        double plast = rows[r][8] * x[r];
        if (y) {
            plo = plo * y[r];
            phi = phi * y[r];
            plast = plast * y[r];
        }
        lo = lo + plo;
        hi = hi + phi;
        last = last + plast;
    }
    *(ner_v4df_mem *)out = lo;
    *(ner_v4df_mem *)(out + 4) = hi;
    out[8] = last;
#else
    for (int r = 0; r < NER_N_TAGS; r++)
        for (int t = 0; t < NER_N_TAGS; t++)
            out[t] += y ? rows[r][t] * x[r] * y[r] : x[r] * rows[r][t];
#endif
}

/* v[t] = v[t] / sum for the nine tags (0 when sum is not positive). */
static inline void normalise9(double *v) {
    double sum = 0;
    for (int t = 0; t < NER_N_TAGS; t++)
        sum += v[t];
    if (!(sum > 0)) {
        for (int t = 0; t < NER_N_TAGS; t++)
            v[t] = 0;
        return;
    }
#if defined(__GNUC__)
    *(ner_v4df_mem *)v = *(const ner_v4df_mem *)v / sum;
    *(ner_v4df_mem *)(v + 4) = *(const ner_v4df_mem *)(v + 4) / sum;
    v[8] /= sum;
#else
    for (int t = 0; t < NER_N_TAGS; t++)
        v[t] /= sum;
#endif
}

/* Forward-backward over one sentence. Every sum runs in the same order as
 * the textbook loops (predecessors p ascending for alpha, successors t
 * ascending for beta), each product formed the same way, so the figures are
 * bit for bit those of the plain loops; the loops run over the other index
 * innermost, nine independent sums the compiler puts in vector lanes. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
void ner_marginals(const float *em, const double tr[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                   double k, const uint8_t *tags, double *work, float *out) {
    if (!n)
        return;
    /* e[i][t] = exp(k * (em - max)) in single precision (normalised at every
     * step, the error stays near 1e-7). */
    double *e = work;
    for (size_t i = 0; i < n; i++) {
        const float *row = em + i * NER_N_TAGS;
        float mx = row[0];
        for (int t = 1; t < NER_N_TAGS; t++)
            mx = row[t] > mx ? row[t] : mx;
        for (int t = 0; t < NER_N_TAGS; t++)
            e[i * NER_N_TAGS + t] = expf((float)k * (row[t] - mx));
    }
    /* The forward and backward recursions do not depend on each other: one
     * loop runs both, token i forward and token n - 1 - i backward, so the
     * two chains of dependent sums overlap in the CPU; each sum is still
     * formed in the same order.
     * Forward, normalised at every step:
     * alpha[i][t] = e[i][t] * sum over p of alpha[i-1][p] * tr[p][t].
     * Backward, normalised at every step, from beta[n-1][t] = 1:
     * beta[i-1][p] = sum over t of tr[p][t] * e[i][t] * beta[i][t], the
     * transitions read column by column (trc[t][p] = tr[p][t]). */
    double *alpha = work + n * NER_N_TAGS, *betas = work + 2 * n * NER_N_TAGS;
    double trc[NER_N_TAGS][NER_N_TAGS];
    for (int p = 0; p < NER_N_TAGS; p++)
        for (int t = 0; t < NER_N_TAGS; t++)
            trc[t][p] = tr[p][t];
    for (int t = 0; t < NER_N_TAGS; t++)
        betas[(n - 1) * NER_N_TAGS + t] = 1;
    for (size_t i = 0; i < n; i++) {
        double *a = alpha + i * NER_N_TAGS, v[NER_N_TAGS];
        const double *ei = e + i * NER_N_TAGS;
        if (i == 0) {
            for (int t = 0; t < NER_N_TAGS; t++)
                v[t] = tr[NER_N_TAGS][t];
        } else {
            for (int t = 0; t < NER_N_TAGS; t++)
                v[t] = 0;
            sum_rows(tr, a - NER_N_TAGS, NULL, v);
        }
        for (int t = 0; t < NER_N_TAGS; t++)
            a[t] = v[t] * ei[t];
        normalise9(a);

        size_t j = n - 1 - i;
        if (!j)
            continue;
        const double *ej = e + j * NER_N_TAGS, *beta = betas + j * NER_N_TAGS;
        double *nb = betas + (j - 1) * NER_N_TAGS;
        for (int p = 0; p < NER_N_TAGS; p++)
            nb[p] = 0;
        sum_rows((const double(*)[NER_N_TAGS])trc, ej, beta, nb);
        normalise9(nb);
    }
    /* The marginal of the decoded tag. */
    for (size_t i = 0; i < n; i++) {
        const double *a = alpha + i * NER_N_TAGS, *beta = betas + i * NER_N_TAGS;
        double z = 0;
        for (int t = 0; t < NER_N_TAGS; t++)
            z += a[t] * beta[t];
        out[i] = z > 0 ? (float)(a[tags[i]] * beta[tags[i]] / z) : 1.0f;
    }
}

#if defined(__GNUC__)
typedef int32_t ner_v8si __attribute__((vector_size(32)));
typedef uint32_t ner_v8su __attribute__((vector_size(32)));
/* The same lanes read from or written to memory of any alignment and type. */
typedef int32_t ner_v8si_mem __attribute__((vector_size(32), aligned(2), may_alias));
#endif

/* Sums of fused rows, as add_rows keeps them: the 16 int16 lanes of a row's
 * first 32 bytes read as 8 int32 pairs, the even tags' sums first, then the
 * odd tags' ([0..3] stage 1 tags 0, 2, 4, 6; [4..7] stage 2 tags 0, 2, 4, 6;
 * [8..15] the same for tags 1, 3, 5, 7), then tag 8 of each stage. */
#define NER_SUMS (2 * NER_N_TAGS)
#define NER_SUM_ODD 8

/* Adds rows to acc, for every tag of both stages: the hot loop of the
 * tagger. A row's first 16 weights are one 32-byte load read as 8 int32
 * lanes, each the pair (even tag, odd tag) of int16: the odd one is the
 * lane shifted down, the even one the lane shifted up and back down, both
 * with their sign. No widening step, and the two accumulators stay in two
 * registers; the sums are the same exact integers. */
static inline void add_rows(const int16_t *const *rows, size_t nr, int32_t *acc) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    ner_v8si even = *(const ner_v8si_mem *)acc;
    ner_v8si odd = *(const ner_v8si_mem *)(acc + NER_SUM_ODD);
    int32_t last1 = acc[NER_FROW_LAST], last2 = acc[NER_FROW_LAST + 1];
    for (size_t f = 0; f < nr; f++) {
        ner_v8si pair = *(const ner_v8si_mem *)rows[f];
        odd += pair >> 16;
        even += (ner_v8si)((ner_v8su)pair << 16) >> 16;
        last1 += rows[f][NER_FROW_LAST];
        last2 += rows[f][NER_FROW_LAST + 1];
    }
    *(ner_v8si_mem *)acc = even;
    *(ner_v8si_mem *)(acc + NER_SUM_ODD) = odd;
    acc[NER_FROW_LAST] = last1;
    acc[NER_FROW_LAST + 1] = last2;
#else
    for (size_t f = 0; f < nr; f++) {
        for (int t = 0; t < 2 * NER_FROW_S2; t++)
            acc[(t & 1) * NER_SUM_ODD + t / 2] += rows[f][t];
        acc[NER_FROW_LAST] += rows[f][NER_FROW_LAST];
        acc[NER_FROW_LAST + 1] += rows[f][NER_FROW_LAST + 1];
    }
#endif
}

/* Where add_rows keeps the sum of fused-row column c (c < NER_FROW_LAST). */
static inline int sum_lane(int c) { return (c & 1) * NER_SUM_ODD + c / 2; }

/* A token's sums as its first-stage scores (em1) and the second stage's
 * sums over the same features (part2; its history features come later). */
static inline void put_sums(const int32_t *acc, float *em1, int32_t *part2) {
    for (int t = 0; t < NER_N_TAGS - 1; t++) {
        em1[t] = (float)acc[sum_lane(t)];
        part2[t] = acc[sum_lane(NER_FROW_S2 + t)];
    }
    em1[NER_N_TAGS - 1] = (float)acc[NER_FROW_LAST];
    part2[NER_N_TAGS - 1] = acc[NER_FROW_LAST + 1];
}

/* The second stage's column of tag t in a fused row. */
static int stage2_col(int t) {
    return t < NER_N_TAGS - 1 ? NER_FROW_S2 + t : NER_FROW_LAST + 1;
}

#if defined(__GNUC__)
#define NER_PREFETCH(p) __builtin_prefetch(p)
#else
#define NER_PREFETCH(p) ((void)(p))
#endif

/* The row sums of each distinct word's own features (word_features_*),
 * which do not change from one occurrence of the word to the next: open
 * addressing on the word's hash, for one document. An entry is reserved when
 * its word is first hashed and filled when that token is summed, two tokens
 * later; a word met again in between is summed in full once more. */
typedef struct {
    const ner_word **key; /* NULL: empty */
    uint8_t *filled;
    int32_t (*sum)[NER_SUMS];
    size_t mask;
} word_sums;

static size_t word_slots(size_t n) {
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    return slots;
}

static size_t word_sums_size(size_t n) {
    size_t slots = word_slots(n);
    return align8(slots * sizeof(const ner_word *)) + align8(slots) +
           align8(slots * NER_SUMS * sizeof(int32_t));
}

static void *word_sums_init(word_sums *ws, size_t n, void *p) {
    size_t slots = word_slots(n);
    ws->mask = slots - 1;
    ws->key = p;
    p = (char *)p + align8(slots * sizeof *ws->key);
    ws->filled = p;
    p = (char *)p + align8(slots);
    ws->sum = p;
    memset(ws->key, 0, slots * sizeof *ws->key);
    return (char *)p + align8(slots * NER_SUMS * sizeof(int32_t));
}

/* The slot of word w (hash h): its own, or the empty one it takes. */
static size_t word_slot(word_sums *ws, const ner_word *w, uint64_t h) {
    size_t k = h & ws->mask;
    for (; ws->key[k]; k = (k + 1) & ws->mask)
        if (ws->key[k]->len == w->len && !memcmp(ws->key[k]->s, w->s, w->len))
            return k;
    ws->key[k] = w;
    ws->filled[k] = 0;
    return k;
}

/* One token on its way through first_pass: its buckets, then its rows; the
 * word's own come first (n_word of them, none when its sums are known). */
typedef struct {
    uint32_t b[NER_MAX_FEATS];
    const int16_t *rows[NER_MAX_FEATS];
    size_t nb, n_word, nr, nr_word, slot;
    bool known;
} token_work;

/* Hashes token i's features into buckets and asks for their bitmap words;
 * the word's own features only when its sums are not known yet. */
static void token_buckets(const ner_model *m, word_sums *ws, const ner_word *words,
                          const ner_tokinfo *info, size_t n, size_t i, bool caps,
                          token_work *tw) {
    uint64_t feats[NER_MAX_FEATS];
    tw->slot = word_slot(ws, &words[i], info[i].word);
    tw->known = ws->filled[tw->slot];
    size_t nf = 0;
    if (!tw->known) {
        nf = word_features_head(&words[i], &info[i], feats);
        nf += word_features_tail(&info[i], feats + nf);
    }
    tw->n_word = nf;
    nf += context_features_head(info, n, i, caps, feats + nf);
    nf += context_features_tail(info, n, i, feats + nf);
    for (size_t f = 0; f < nf; f++) {
        tw->b[f] = ner_bucket(feats[f], m->bits);
        NER_PREFETCH(&m->table->words[tw->b[f] >> 6]);
    }
    tw->nb = nf;
}

/* The rows of the buckets that have one, each asked for ahead of its use. */
static inline void token_rows(const ner_table *t, token_work *tw) {
    size_t nr = 0;
    for (size_t f = 0; f < tw->nb; f++) {
        if (f == tw->n_word)
            tw->nr_word = nr;
        const int16_t *row = ner_table_row(t, tw->b[f]);
        if (row) {
            NER_PREFETCH(row);
            tw->rows[nr++] = row;
        }
    }
    if (tw->n_word == tw->nb)
        tw->nr_word = nr;
    tw->nr = nr;
}

/* A token's sums: the word's own (known, or summed now and kept), plus the
 * context's. Sums are exact integers, so the split changes no score. */
static inline void token_sums(word_sums *ws, const token_work *tw, float *em1,
                              int32_t *part2) {
    int32_t acc[NER_SUMS] = {0};
    if (tw->known) {
        memcpy(acc, ws->sum[tw->slot], sizeof acc);
    } else {
        add_rows(tw->rows, tw->nr_word, acc);
        memcpy(ws->sum[tw->slot], acc, sizeof acc);
        ws->filled[tw->slot] = 1;
    }
    add_rows(tw->rows + tw->nr_word, tw->nr - tw->nr_word, acc);
    put_sums(acc, em1, part2);
}

/* First pass over one sentence: a token's features hashed once and each
 * bucket looked up once, for both stages; a word's own features only at its
 * first occurrence in the document. Software-pipelined so the memory reads
 * overlap: while token i is summed, the rows of token i + 1 and the bitmap
 * words of token i + 2 are on their way. Also built for x86-64-v3 (AVX2,
 * POPCNT) where the CPU has it. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
static void
first_pass(const ner_model *m, word_sums *ws, const ner_word *words,
           const ner_tokinfo *info, size_t n, int32_t *part2, float *em) {
    bool caps = ner_caps_sentence(info, n);
    token_work tw[3];
    const ner_table *t = m->table;
    token_buckets(m, ws, words, info, n, 0, caps, &tw[0]);
    if (n > 1)
        token_buckets(m, ws, words, info, n, 1, caps, &tw[1]);
    token_rows(t, &tw[0]);
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n)
            token_buckets(m, ws, words, info, n, i + 2, caps, &tw[(i + 2) % 3]);
        if (i + 1 < n)
            token_rows(t, &tw[(i + 1) % 3]);
        token_sums(ws, &tw[i % 3], em + i * NER_N_TAGS, part2 + i * NER_N_TAGS);
    }
}

/* A score no weights reach: the tags a word written as no name cannot take. */
#define NER_NEVER_SCORE (-1e9f)

/* The one tag a word's form allows, or NER_N_TAGS when its weights decide:
 * O for a word written as no name is (NER_WF_NEVER), the tags of a place for
 * the words of a lower-case place name. */
static int forced_tag(uint8_t flags, uint8_t join) {
    if (flags & NER_WF_NEVER)
        return NER_O;
    if (join & NER_JOIN_PER_B)
        return NER_B_PER;
    if (join & NER_JOIN_PER_I)
        return NER_I_PER;
    if (flags & NER_WF_LOC_B)
        return NER_B_LOC;
    if (flags & NER_WF_LOC_I)
        return NER_I_LOC;
    return NER_N_TAGS;
}

/* Holds the decoder to the tags that words' forms allow (forced_tag), and
 * the words of a split name inside a name (NER_JOIN_*). */
static void forbid_names(const ner_tokinfo *info, size_t n, float *em) {
    for (size_t i = 0; i < n; i++) {
        float *e = em + i * NER_N_TAGS;
        int only = forced_tag(info[i].flags, info[i].join);
        if (only != NER_N_TAGS) {
            for (int t = 0; t < NER_N_TAGS; t++)
                if (t != only)
                    e[t] = NER_NEVER_SCORE;
            continue;
        }
        uint8_t join = info[i].join;
        if (join & NER_JOIN_GROUP) {
            /* A group of people: MISC or no name. */
            for (int t = 0; t < NER_N_TAGS; t++)
                if (t != NER_O && t != NER_B_MISC && t != NER_I_MISC)
                    e[t] = NER_NEVER_SCORE;
            join &= (uint8_t)~NER_JOIN_GROUP;
        }
        if (join & NER_JOIN_NOT_PER) {
            /* A venue's name: any type but a person. */
            e[NER_B_PER] = NER_NEVER_SCORE;
            e[NER_I_PER] = NER_NEVER_SCORE;
            join &= (uint8_t)~NER_JOIN_NOT_PER;
        }
        if (!join)
            continue;
        /* An article or a hyphen says nothing of the name's type: the tags it
         * may take score alike, and the words around it decide. */
        for (int t = 0; t < NER_N_TAGS; t++)
            if (t == NER_O || ((join & NER_JOIN_INSIDE) && ner_tag_is_begin((ner_tag)t)))
                e[t] = NER_NEVER_SCORE;
            else if (join & NER_JOIN_NEUTRAL)
                e[t] = 0;
    }
}

/* Second pass: the shared sums plus the history features. */
static void second_pass(const ner_model *m2, const uint16_t *hist, size_t n,
                        const int32_t *part2, float *em) {
    uint64_t feats[NER_MAX_HIST_FEATS];
    for (size_t i = 0; i < n; i++) {
        int32_t acc[NER_N_TAGS];
        memcpy(acc, part2 + i * NER_N_TAGS, sizeof acc);
        size_t nh = ner_hist_features(hist[i], feats);
        for (size_t f = 0; f < nh; f++) {
            const int16_t *row = ner_table_row(m2->table, ner_bucket(feats[f], m2->bits));
            if (!row)
                continue;
            for (int t = 0; t < NER_N_TAGS; t++)
                acc[t] += row[stage2_col(t)];
        }
        for (int t = 0; t < NER_N_TAGS; t++)
            em[i * NER_N_TAGS + t] = (float)acc[t];
    }
}

void ner_model_tag_doc(const ner_model *m, const gazetteer *g, const ner_word *words,
                       const size_t *sent_begin, size_t n_sents, void *scratch,
                       uint8_t *tags) {
    ner_model_tag_doc_conf(m, g, words, sent_begin, n_sents, scratch, tags, NULL,
                           NER_CONF_ALL);
}

/* The posteriors of one tagged sentence, unless the scope leaves them out. */
static void sentence_conf(const ner_model *last, const float *em, size_t len,
                          const uint8_t *tags, double *work, float *conf,
                          ner_conf_scope scope) {
    bool any = scope == NER_CONF_ALL;
    for (size_t i = 0; i < len && !any; i++)
        any = tags[i] != NER_O;
    if (!any) {
        for (size_t i = 0; i < len; i++)
            conf[i] = 1.0f;
        return;
    }
    ner_marginals(em, last->conf_trans, len, NER_CONF_SHARPNESS / last->scale, tags, work,
                  conf);
}

/* A name's mention whose confidence is under this takes the type its other
 * mentions in the document give it (doc_vote)... */
#define NER_VOTE_MAX_CONF 0.8f
/* ... when they weigh at least this much (the sum of their confidences) ... */
#define NER_VOTE_MIN_WEIGHT 1.0f
/* ... and this share of that weight is one other type. Chosen on half A of
 * the DEV sets (core/data/README.md). */
#define NER_VOTE_MIN_SHARE 0.8f

/* One predicted span of a document: its words' hash, where it is, its type
 * (1 PER .. 4 MISC) and its confidence (the least posterior of its words). */
typedef struct {
    uint64_t key;
    uint32_t begin, len;
    uint32_t type;
    float conf;
} ner_vote_span;

static int vote_span_cmp(const void *a, const void *b) {
    const ner_vote_span *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->begin < y->begin ? -1 : x->begin > y->begin;
}

/* The predicted spans of a document's tags, sorted by their words' hash (the
 * same name's mentions side by side); conf, when given, sets their
 * confidence. spans holds room for n spans. Returns how many. */
static size_t vote_spans(const ner_tokinfo *info, size_t n, const uint8_t *tags,
                         const float *conf, ner_vote_span *spans) {
    size_t ns = 0;
    for (size_t i = 0; i < n;) {
        if (tags[i] == NER_O) {
            i++;
            continue;
        }
        unsigned type = tag_type(tags[i]);
        size_t e = i + 1;
        while (e < n && tags[e] != NER_O && !ner_tag_is_begin((ner_tag)tags[e]) &&
               tag_type(tags[e]) == type)
            e++;
        ner_vote_span *sp = &spans[ns++];
        sp->key = ner_mix(e - i);
        sp->conf = 1.0f;
        for (size_t k = i; k < e; k++) {
            sp->key = ner_combine(sp->key, info[k].word);
            if (conf && conf[k] < sp->conf)
                sp->conf = conf[k];
        }
        sp->begin = (uint32_t)i;
        sp->len = (uint32_t)(e - i);
        sp->type = type;
        i = e;
    }
    qsort(spans, ns, sizeof *spans, vote_span_cmp);
    return ns;
}

/* The end of the group of mentions of spans[a]'s name. */
static size_t vote_group_end(const ner_vote_span *spans, size_t ns, size_t a) {
    size_t b = a + 1;
    while (b < ns && spans[b].key == spans[a].key)
        b++;
    return b;
}

/* Marks (mark[i] = 1) the words of every name whose mentions have more than
 * one type: only their sentences need confidences for the vote. */
static void mark_disputed(const ner_tokinfo *info, size_t n, const uint8_t *tags,
                          ner_vote_span *spans, uint8_t *mark) {
    memset(mark, 0, n);
    size_t ns = vote_spans(info, n, tags, NULL, spans);
    for (size_t a = 0; a < ns;) {
        size_t b = vote_group_end(spans, ns, a);
        bool mixed = false;
        for (size_t k = a + 1; k < b; k++)
            mixed |= spans[k].type != spans[a].type;
        for (size_t k = a; k < b && mixed; k++)
            memset(mark + spans[k].begin, 1, spans[k].len);
        a = b;
    }
}

/*
 * A type per name across the document: every mention of a name (the same
 * words, same case) votes for its type with its confidence as the weight; a
 * mention that is itself unsure (confidence under NER_VOTE_MAX_CONF) takes
 * the type of the others when they weigh NER_VOTE_MIN_WEIGHT or more and
 * NER_VOTE_MIN_SHARE of their weight is that type ("Fallujah" typed ORG once
 * in a document that calls it LOC everywhere else with confidence). Sure
 * mentions keep their type: a city and its team may share a name. Tags are
 * relabelled in place (the span's words and bounds stay); spans holds room
 * for n spans. conf needs to be right only on the words of names whose
 * mentions have more than one type (mark_disputed).
 */
static void doc_vote(const ner_tokinfo *info, size_t n, uint8_t *tags, const float *conf,
                     ner_vote_span *spans) {
    size_t ns = vote_spans(info, n, tags, conf, spans);
    for (size_t a = 0; a < ns;) {
        size_t b = vote_group_end(spans, ns, a);
        float w[5] = {0};
        for (size_t k = a; k < b; k++)
            w[spans[k].type] += spans[k].conf;
        for (size_t k = a; k < b && b - a > 1; k++) {
            const ner_vote_span *sp = &spans[k];
            if (sp->conf >= NER_VOTE_MAX_CONF)
                continue;
            float total = 0, best_w = 0;
            unsigned best = 0;
            for (unsigned t = 1; t < 5; t++) {
                float wt = w[t] - (t == sp->type ? sp->conf : 0.0f);
                total += wt;
                if (wt > best_w) {
                    best_w = wt;
                    best = t;
                }
            }
            if (best == sp->type || total < NER_VOTE_MIN_WEIGHT ||
                best_w < NER_VOTE_MIN_SHARE * total)
                continue;
            /* tag_type(t) = 1 + (t - 1) / 2: B of type u is 2u - 1. */
            tags[sp->begin] = (uint8_t)(2 * best - 1);
            for (size_t j = sp->begin + 1; j < sp->begin + sp->len; j++)
                tags[j] = (uint8_t)(2 * best);
        }
        a = b;
    }
}

void ner_model_tag_doc_conf(const ner_model *m, const gazetteer *g, const ner_word *words,
                            const size_t *sent_begin, size_t n_sents, void *scratch,
                            uint8_t *tags, float *conf, ner_conf_scope scope) {
    size_t n = sent_begin[n_sents] - sent_begin[0];
    if (!n)
        return;
    words += sent_begin[0];
    tags += sent_begin[0];
    char *p = scratch;
    ner_tokinfo *info = (ner_tokinfo *)p;
    p += align8(n * sizeof *info);
    float *em = (float *)p;
    p += align8(n * NER_N_TAGS * sizeof *em);
    uint8_t *back = (uint8_t *)p;
    p += align8(n * NER_N_TAGS);
    uint16_t *hist = (uint16_t *)p;
    p += align8(n * sizeof *hist);
    int32_t *part2 = (int32_t *)p;
    p += align8(n * NER_N_TAGS * sizeof *part2);
    double *mwork = (double *)p;
    p += align8(3 * n * NER_N_TAGS * sizeof *mwork);
    float *own_conf = (float *)p;
    p += align8(n * sizeof *own_conf);
    word_sums ws;
    p = word_sums_init(&ws, n, p);
    /* Without the caller's confidences, the vote computes its own where it
     * needs them; a one-stage model computes them everywhere. */
    bool own = !conf;
    if (conf)
        conf += sent_begin[0];
    else {
        conf = own_conf;
        scope = NER_CONF_ENTITIES;
        for (size_t i = 0; i < n; i++)
            conf[i] = 1.0f;
    }
    const ner_model *last = m->next ? m->next : m;
    for (size_t s = 0; s < n_sents; s++) {
        size_t b = sent_begin[s] - sent_begin[0], len = sent_begin[s + 1] - sent_begin[s];
        ner_prepare(g, words + b, len, info + b, p);
    }
    ner_doc_mark(info, sent_begin, n_sents, p);
    for (size_t s = 0; s < n_sents; s++) {
        size_t b = sent_begin[s] - sent_begin[0], len = sent_begin[s + 1] - sent_begin[s];
        if (!len)
            continue;
        first_pass(m, &ws, words + b, info + b, len, part2 + b * NER_N_TAGS, em);
        forbid_names(info + b, len, em);
        ner_viterbi(em, m->trans_f, len, back, tags + b);
        if (!m->next)
            sentence_conf(last, em, len, tags + b, mwork, conf + b, scope);
    }
    if (!m->next) {
        doc_vote(info, n, tags, conf, (ner_vote_span *)mwork);
        return;
    }
    ner_hist_mark(info, tags, n, p, hist);
    for (size_t s = 0; s < n_sents; s++) {
        size_t b = sent_begin[s] - sent_begin[0], len = sent_begin[s + 1] - sent_begin[s];
        if (!len)
            continue;
        second_pass(m->next, hist + b, len, part2 + b * NER_N_TAGS, em);
        forbid_names(info + b, len, em);
        ner_viterbi(em, m->next->trans_f, len, back, tags + b);
        if (!own)
            sentence_conf(last, em, len, tags + b, mwork, conf + b, scope);
    }
    if (own) {
        /* The second pass again, for the sentences of disputed names only. */
        mark_disputed(info, n, tags, (ner_vote_span *)mwork, back);
        for (size_t s = 0; s < n_sents; s++) {
            size_t b = sent_begin[s] - sent_begin[0],
                   len = sent_begin[s + 1] - sent_begin[s];
            if (!len || !memchr(back + b, 1, len))
                continue;
            second_pass(m->next, hist + b, len, part2 + b * NER_N_TAGS, em);
            forbid_names(info + b, len, em);
            sentence_conf(last, em, len, tags + b, mwork, conf + b, scope);
        }
    }
    doc_vote(info, n, tags, conf, (ner_vote_span *)mwork);
}

void ner_model_tag(const ner_model *m, const gazetteer *g, const ner_word *words,
                   size_t n, void *scratch, uint8_t *tags) {
    const size_t sent_begin[2] = {0, n};
    ner_model_tag_doc(m, g, words, sent_begin, 1, scratch, tags);
}

/* ---------------------------------------------------------------- model file */

/*
 * Layout (little endian):
 *   "LEDENER1"  magic, 8 bytes
 *   u32 n_tags (9), u32 bits, u32 n_buckets, f32 scale
 *   i16 trans[(n_tags + 1) * n_tags]
 *   n_buckets x { u32 bucket, i16 w[n_tags] }, buckets strictly increasing
 *   u32 FNV-1a of every byte before it
 */
#define NER_MAGIC "LEDENER1"
#define NER_MAGIC_LEN 8
#define NER_HEADER_LEN (NER_MAGIC_LEN + 16)
#define NER_TRANS_LEN ((NER_N_TAGS + 1) * NER_N_TAGS * 2)
#define NER_ENTRY_LEN (4 + NER_N_TAGS * 2)
/* The largest quantised weight: int16 with room to spare. */
#define NER_QMAX 32000.0f
/* Model files above this size are refused without reading them. */
#define NER_MAX_FILE (256u << 20)

static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}
static int16_t rd16(const unsigned char *p) {
    return (int16_t)(uint16_t)((uint16_t)p[0] | (uint16_t)p[1] << 8);
}
static void wr32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static void wr16(unsigned char *p, int16_t v) {
    p[0] = (unsigned char)((uint16_t)v & 0xFF);
    p[1] = (unsigned char)((uint16_t)v >> 8);
}
static uint32_t fnv32(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

void ner_model_free(ner_model *m) {
    if (!m)
        return;
    if (m->stage == 0 && m->table) {
        bigmem_free(m->table->words);
        bigmem_free(m->table->rows);
        free(m->table);
    }
    ner_model_free(m->next);
    free(m);
}

int16_t ner_model_weight(const ner_model *m, uint32_t b, ner_tag t) {
    const int16_t *row = ner_table_row(m->table, b);
    if (!row)
        return 0;
    if (m->stage == 0)
        return row[t < NER_N_TAGS - 1 ? (int)t : NER_FROW_LAST];
    return row[stage2_col((int)t)];
}

static lede_status model_bad(char *err, size_t err_len, const char *why) {
    if (err)
        snprintf(err, err_len, "entity model: %s", why);
    return LEDE_ERR_MODEL;
}

/* Parses one model from the front of buf; *used gets its length. */
static lede_status parse_one(const unsigned char *buf, size_t len, ner_model **out,
                             size_t *used, char *err, size_t err_len) {
    *out = NULL;
    if (len < NER_HEADER_LEN + NER_TRANS_LEN + 4 || memcmp(buf, NER_MAGIC, NER_MAGIC_LEN))
        return model_bad(err, err_len,
                         "not a lede entity model (bad magic or too short)");
    const unsigned char *p = buf + NER_MAGIC_LEN;
    uint32_t n_tags = rd32(p), bits = rd32(p + 4), n_buckets = rd32(p + 8);
    float scale;
    uint32_t scale_bits = rd32(p + 12);
    memcpy(&scale, &scale_bits, sizeof scale);
    if (n_tags != NER_N_TAGS)
        return model_bad(err, err_len, "wrong number of tags");
    if (bits < NER_MIN_BITS || bits > NER_MAX_BITS)
        return model_bad(err, err_len, "bucket bits out of range");
    if (!(scale > 0) || !isfinite(scale))
        return model_bad(err, err_len, "bad weight scale");
    size_t blob = NER_HEADER_LEN + NER_TRANS_LEN + (size_t)n_buckets * NER_ENTRY_LEN + 4;
    if ((size_t)n_buckets > ((size_t)1 << bits) || len < blob)
        return model_bad(err, err_len, "size does not match the bucket count");
    if (fnv32(buf, blob - 4) != rd32(buf + blob - 4))
        return model_bad(err, err_len, "checksum mismatch (truncated or corrupted)");
    *used = blob;
    ner_model *m = calloc(1, sizeof *m);
    if (!m)
        return LEDE_ERR_NOMEM;
    m->bits = bits;
    m->scale = scale;
    p = buf + NER_HEADER_LEN;
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++, p += 2) {
            m->trans[a][b] = rd16(p);
            m->trans_f[a][b] = (float)m->trans[a][b];
        }
    int64_t prev = -1;
    for (uint32_t e = 0; e < n_buckets; e++, p += NER_ENTRY_LEN) {
        uint32_t bucket = rd32(p);
        if ((int64_t)bucket <= prev || bucket >= ((uint32_t)1 << bits)) {
            ner_model_free(m);
            return model_bad(err, err_len, "bucket index out of order or range");
        }
        prev = bucket;
    }
    m->n_rows = n_buckets;
    *out = m;
    return LEDE_OK;
}

/* The entries of a checked stage: n_rows x { u32 bucket, i16 w[n_tags] }. */
static const unsigned char *stage_entries(const unsigned char *stage) {
    return stage + NER_HEADER_LEN + NER_TRANS_LEN;
}

/* Copies one stage's entry into a fused row. */
static void put_entry(int16_t *row, const unsigned char *entry, unsigned stage) {
    for (int t = 0; t < NER_N_TAGS; t++) {
        int col = t < NER_N_TAGS - 1 ? (stage ? NER_FROW_S2 + t : t)
                                     : NER_FROW_LAST + (int)stage;
        row[col] = rd16(entry + 4 + 2 * t);
    }
}

/* Builds the table both stages share by merging their sorted bucket lists
 * (s2 may be NULL for a one-stage model). */
static lede_status build_table(ner_model *m, const unsigned char *s1,
                               const unsigned char *s2) {
    size_t n1 = m->n_rows, n2 = m->next ? m->next->n_rows : 0;
    const unsigned char *e1 = stage_entries(s1), *e2 = s2 ? stage_entries(s2) : NULL;
    size_t n_union = 0;
    for (size_t i = 0, j = 0; i < n1 || j < n2; n_union++) {
        uint32_t b1 = i < n1 ? rd32(e1 + i * NER_ENTRY_LEN) : UINT32_MAX;
        uint32_t b2 = j < n2 ? rd32(e2 + j * NER_ENTRY_LEN) : UINT32_MAX;
        i += b1 <= b2;
        j += b2 <= b1;
    }
    ner_table *t = calloc(1, sizeof *t);
    if (!t)
        return LEDE_ERR_NOMEM;
    m->table = t;
    if (m->next)
        m->next->table = t;
    t->bits = m->bits;
    size_t n_words = (((size_t)1 << m->bits) + 63) / 64;
    t->words = bigmem_calloc(n_words, sizeof *t->words);
    t->rows = bigmem_calloc(n_union ? n_union : 1, NER_FROW * sizeof *t->rows);
    if (!t->words || !t->rows)
        return LEDE_ERR_NOMEM;
    size_t r = 0;
    for (size_t i = 0, j = 0; i < n1 || j < n2; r++) {
        uint32_t b1 = i < n1 ? rd32(e1 + i * NER_ENTRY_LEN) : UINT32_MAX;
        uint32_t b2 = j < n2 ? rd32(e2 + j * NER_ENTRY_LEN) : UINT32_MAX;
        uint32_t b = b1 < b2 ? b1 : b2;
        int16_t *row = t->rows + r * NER_FROW;
        if (b1 == b)
            put_entry(row, e1 + i++ * NER_ENTRY_LEN, 0);
        if (b2 == b)
            put_entry(row, e2 + j++ * NER_ENTRY_LEN, 1);
        t->words[b >> 6].used |= 1ull << (b & 63);
    }
    t->n_rows = n_union;
    uint32_t before = 0;
    for (size_t i = 0; i < n_words; i++) {
        t->words[i].rank = before;
        before += ner_popcount(t->words[i].used);
    }
    return LEDE_OK;
}

/* A file holds the first-stage model, optionally followed by the second. */
lede_status ner_model_parse(const unsigned char *buf, size_t len, ner_model **out,
                            char *err, size_t err_len) {
    size_t used = 0, used2 = 0;
    lede_status st = parse_one(buf, len, out, &used, err, err_len);
    if (st != LEDE_OK)
        return st;
    if (used != len) {
        st = parse_one(buf + used, len - used, &(*out)->next, &used2, err, err_len);
        if (st == LEDE_OK) {
            (*out)->next->stage = 1;
            if (used + used2 != len)
                st = model_bad(err, err_len, "trailing bytes after the second stage");
        }
        /* The second stage reuses the first one's feature buckets. */
        if (st == LEDE_OK && (*out)->next->bits != (*out)->bits)
            st = model_bad(err, err_len, "the two stages differ in bucket bits");
    }
    if (st == LEDE_OK)
        st = build_table(*out, buf, (*out)->next ? buf + used : NULL);
    if (st == LEDE_OK) {
        ner_model *last = (*out)->next ? (*out)->next : *out;
        ner_marginal_trans(last->trans_f, NER_CONF_SHARPNESS / last->scale,
                           last->conf_trans);
    }
    if (st != LEDE_OK) {
        ner_model_free(*out);
        *out = NULL;
    }
    return st;
}

lede_status ner_model_read(const char *path, ner_model **out, char *err, size_t err_len) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err)
            snprintf(err, err_len, "%s: cannot open", path);
        return LEDE_ERR_IO;
    }
    lede_status st = LEDE_OK;
    unsigned char *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || (unsigned long)size > NER_MAX_FILE || fseek(f, 0, SEEK_SET) != 0) {
        st = model_bad(err, err_len, "unreadable or too large");
    } else if (!(buf = malloc((size_t)size + 1))) {
        st = LEDE_ERR_NOMEM;
    } else if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
        st = LEDE_ERR_IO;
    } else {
        st = ner_model_parse(buf, (size_t)size, out, err, err_len);
    }
    free(buf);
    fclose(f);
    return st;
}

static int16_t quantise(float w, float scale) {
    float q = roundf(w * scale);
    if (q > NER_QMAX)
        q = NER_QMAX;
    if (q < -NER_QMAX)
        q = -NER_QMAX;
    return (int16_t)q;
}

lede_status ner_model_write(const char *path, uint32_t bits, const float *w,
                            const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                            size_t *n_buckets_out) {
    FILE *f = fopen(path, "wb");
    if (!f)
        return LEDE_ERR_IO;
    lede_status st = ner_model_fwrite(f, bits, w, trans, n_buckets_out);
    if (fclose(f) != 0 && st == LEDE_OK)
        st = LEDE_ERR_IO;
    return st;
}

lede_status ner_model_fwrite(FILE *f, uint32_t bits, const float *w,
                             const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                             size_t *n_buckets_out) {
    size_t n_all = (size_t)1 << bits;
    float maxabs = 0;
    for (size_t i = 0; i < n_all * NER_N_TAGS; i++)
        maxabs = fmaxf(maxabs, fabsf(w[i]));
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++)
            maxabs = fmaxf(maxabs, fabsf(trans[a][b]));
    float scale = maxabs > 0 ? NER_QMAX / maxabs : 1.0f;

    size_t n_buckets = 0;
    for (size_t b = 0; b < n_all; b++)
        for (int t = 0; t < NER_N_TAGS; t++)
            if (quantise(w[b * NER_N_TAGS + t], scale)) {
                n_buckets++;
                break;
            }
    size_t len = NER_HEADER_LEN + NER_TRANS_LEN + n_buckets * NER_ENTRY_LEN + 4;
    unsigned char *buf = malloc(len);
    if (!buf)
        return LEDE_ERR_NOMEM;
    memcpy(buf, NER_MAGIC, NER_MAGIC_LEN);
    unsigned char *p = buf + NER_MAGIC_LEN;
    uint32_t scale_bits;
    memcpy(&scale_bits, &scale, sizeof scale_bits);
    wr32(p, NER_N_TAGS);
    wr32(p + 4, bits);
    wr32(p + 8, (uint32_t)n_buckets);
    wr32(p + 12, scale_bits);
    p = buf + NER_HEADER_LEN;
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++, p += 2)
            wr16(p, quantise(trans[a][b], scale));
    for (size_t b = 0; b < n_all; b++) {
        int16_t q[NER_N_TAGS];
        bool any = false;
        for (int t = 0; t < NER_N_TAGS; t++)
            any |= (q[t] = quantise(w[b * NER_N_TAGS + t], scale)) != 0;
        if (!any)
            continue;
        wr32(p, (uint32_t)b);
        for (int t = 0; t < NER_N_TAGS; t++)
            wr16(p + 4 + 2 * t, q[t]);
        p += NER_ENTRY_LEN;
    }
    wr32(p, fnv32(buf, len - 4));
    lede_status st = fwrite(buf, 1, len, f) == len ? LEDE_OK : LEDE_ERR_IO;
    free(buf);
    if (n_buckets_out)
        *n_buckets_out = n_buckets;
    return st;
}
