/*
 * quotes_scan — one linear pass over the shared tokenizer's tokens that gives
 * the quote rules their view of them: words with capitalisation, abbreviation
 * and cue-verb marks, punctuation, quotation marks classified as opening or
 * closing by their shape and their neighbours, and dashes; then paragraph and
 * sentence starts as the quote rules split them. The text is never re-cut.
 */
#include <ctype.h>
#include <string.h>

#include "../utf8.h"
#include "quotes_int.h"

/* Code points the scanner treats specially. */
enum {
    CP_NBSP = 0x00A0,
    CP_LAQUO = 0x00AB, /* « */
    CP_RAQUO = 0x00BB, /* » */
    CP_LSQUO = 0x2018, /* ‘ */
    CP_RSQUO = 0x2019, /* ’ */
    CP_SBQUO = 0x201A, /* ‚ */
    CP_LDQUO = 0x201C, /* “ */
    CP_RDQUO = 0x201D, /* ” */
    CP_BDQUO = 0x201E, /* „ */
    CP_RDQUO_REV = 0x201F,
    CP_LSAQUO = 0x2039, /* ‹ */
    CP_RSAQUO = 0x203A, /* › */
    CP_FIGURE_DASH = 0x2012,
    CP_HORIZONTAL_BAR = 0x2015,
    CP_GENERAL_PUNCT_FIRST = 0x2000,
    CP_GENERAL_PUNCT_LAST = 0x206F,
    CP_LATIN1_PUNCT_FIRST = 0x00A1,
    CP_LATIN1_PUNCT_LAST = 0x00BF,
};

/* Longest abbreviation we try to recognise, in bytes ("Sept", "Calif"). */
#define ABBREV_MAX 8

/* Abbreviations that take a final dot and do not end a sentence (titles and
 * month or state forms that are followed by a name or number). */
static const qword abbrev_titles[] = {
    W("mr"),   W("mrs"),  W("ms"),   W("dr"),   W("sen"),  W("rep"),  W("gov"),
    W("gen"),  W("lt"),   W("col"),  W("capt"), W("sgt"),  W("adm"),  W("maj"),
    W("prof"), W("rev"),  W("st"),   W("hon"),  W("pres"), W("supt"), W("jan"),
    W("feb"),  W("mar"),  W("apr"),  W("aug"),  W("sept"), W("sep"),  W("oct"),
    W("nov"),  W("dec"),  W("no"),   W("vs"),   W("ft"),   W("mt"),   W("calif"),
    W("fla"),  W("ill"),  W("mass"), W("mich"), W("minn"), W("ariz"), W("colo"),
    W("conn"), W("del"),  W("ga"),   W("ind"),  W("kan"),  W("ky"),   W("la"),
    W("md"),   W("miss"), W("mo"),   W("mont"), W("neb"),  W("nev"),  W("okla"),
    W("ore"),  W("pa"),   W("tenn"), W("tex"),  W("va"),   W("vt"),   W("wash"),
    W("wis"),  W("wyo"),  W("ala"),  W("ark"),  W("sen"),  W("reps"), W("sens"),
};
/* Abbreviations with a dot that may also end a sentence. */
static const qword abbrev_final[] = {W("inc"), W("co"), W("corp"), W("ltd"),
                                     W("jr"),  W("sr"), W("etc"),  W("bros")};

typedef struct {
    uint32_t cp;
    size_t len;
} cpinfo;

static cpinfo peek(const char *s, size_t len, size_t i) {
    cpinfo c = {0, 0};
    if (i < len) {
        if ((unsigned char)s[i] < 0x80) /* ASCII fast path */
            return (cpinfo){(unsigned char)s[i], 1};
        c.len = utf8_decode(s + i, len - i, &c.cp);
    }
    return c;
}

static bool is_space(uint32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == CP_NBSP ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_dquote(uint32_t c) {
    return c == '"' || c == CP_LDQUO || c == CP_RDQUO || c == CP_BDQUO ||
           c == CP_RDQUO_REV || c == CP_LAQUO || c == CP_RAQUO;
}

static bool is_squote(uint32_t c) {
    return c == '\'' || c == CP_LSQUO || c == CP_RSQUO || c == CP_SBQUO ||
           c == CP_LSAQUO || c == CP_RSAQUO;
}

static bool is_dash(uint32_t c) {
    return c == '-' || (c >= CP_FIGURE_DASH && c <= CP_HORIZONTAL_BAR);
}

static bool word_in(const qword *list, size_t n_list, const char *s, size_t n) {
    if (n > ABBREV_MAX)
        return false;
    for (size_t i = 0; i < n_list; i++) {
        if (list[i].n != n)
            continue;
        size_t k = 0;
        while (k < n && ((unsigned char)s[k] | 0x20) == (unsigned char)list[i].s[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Open/close for a quotation mark from its neighbours, falling back to shape. */
static uint8_t quote_side(uint32_t cp, uint32_t before, uint32_t after, bool at_start,
                          bool at_end) {
    bool left_free = at_start || is_space(before) || before == '(' || before == '[' ||
                     is_dash(before) || is_dquote(before) || is_squote(before);
    bool right_free =
        at_end || is_space(after) || (after < 0x80 && strchr(".,;:!?)]", (int)after)) ||
        is_dash(after) || after == 0x2026 || is_dquote(after) || is_squote(after);
    if (left_free && !right_free)
        return QF_OPEN;
    if (right_free && !left_free)
        return QF_CLOSE;
    if (cp == CP_LDQUO || cp == CP_LSQUO || cp == CP_LAQUO || cp == CP_BDQUO ||
        cp == CP_SBQUO || cp == CP_LSAQUO || cp == CP_RDQUO_REV)
        return QF_OPEN;
    if (cp == CP_RDQUO || cp == CP_RSQUO || cp == CP_RAQUO || cp == CP_RSAQUO)
        return QF_CLOSE;
    return QF_OPEN | QF_CLOSE; /* straight mark with no hint */
}

static bool abbrev_is_title(const char *s, size_t n) {
    if (n && s[n - 1] == '.')
        n--;
    if (n == 1)
        return true; /* initials: "George W. Bush" */
    if (memchr(s, '.', n))
        return true; /* "U.S." mostly stands before a noun */
    return word_in(abbrev_titles, N_OF(abbrev_titles), s, n);
}

/* A headline paragraph: this many words at most, and at least the share
 * HEADLINE_CAP_PCT of them capitalised ("Obama Says Museum Will Tell ..."). */
#define HEADLINE_MAX_WORDS 20
#define HEADLINE_MIN_WORDS 3
#define HEADLINE_CAP_PCT 60

/* In a title-case headline the reporting verb is capitalised too: look up
 * the cue of its capitalised words (elsewhere only lower-case words and
 * sentence starts are cues). One pass over the tokens. */
static void mark_headline_cues(qtext *q) {
    size_t pb = 0;
    while (pb < q->n) {
        size_t pe = pb, words = 0, caps = 0;
        for (; pe < q->n && (pe == pb || !(q->t[pe].flags & QF_PARA)); pe++) {
            if (q->t[pe].kind != QT_WORD || (q->t[pe].flags & QF_NUM))
                continue;
            if (++words > HEADLINE_MAX_WORDS) { /* a body paragraph: skip its rest */
                while (pe + 1 < q->n && !(q->t[pe + 1].flags & QF_PARA))
                    pe++;
                pe++;
                break;
            }
            caps += (q->t[pe].flags & QF_CAP) != 0;
        }
        if (words >= HEADLINE_MIN_WORDS && words <= HEADLINE_MAX_WORDS &&
            caps * 100 >= words * HEADLINE_CAP_PCT)
            for (size_t i = pb + 1; i < pe; i++) {
                qtok *t = &q->t[i];
                if (t->kind == QT_WORD && t->cue < 0 && (t->flags & QF_CAP) &&
                    !(t->flags & (QF_NUM | QF_ABBREV)))
                    t->cue = (int16_t)quotes_cue_find(q->text + t->b, t->e - t->b);
            }
        pb = pe;
    }
}

static void mark_sentences(qtext *q) {
    uint32_t sent = 0;
    bool pending = true; /* the next token starts a sentence */
    for (size_t i = 0; i < q->n; i++) {
        qtok *t = &q->t[i];
        if (t->flags & QF_PARA)
            pending = true;
        if (pending) {
            t->flags |= QF_SENT;
            if (t->kind == QT_WORD && t->cue < 0 && !(t->flags & QF_NUM))
                t->cue = (int16_t)quotes_cue_find(q->text + t->b, t->e - t->b);
            if (i > 0)
                sent++;
            pending = false;
        }
        t->sent = sent;
        bool terminal = false;
        if (t->kind == QT_PUNCT) {
            char c = q->text[t->b];
            terminal = c == '.' || c == '!' || c == '?' ||
                       (t->e - t->b == 3 && !memcmp(q->text + t->b, "\xE2\x80\xA6", 3));
        } else if (t->kind == QT_WORD && (t->flags & QF_ABBREV)) {
            terminal = !abbrev_is_title(q->text + t->b, t->e - t->b);
        }
        if (!terminal)
            continue;
        size_t j = i + 1;
        while (j < q->n && !(q->t[j].flags & QF_PARA) &&
               (((q->t[j].kind == QT_DQUOTE || q->t[j].kind == QT_SQUOTE) &&
                 (q->t[j].flags & QF_CLOSE) && !(q->t[j].flags & QF_SPACE_BEFORE)) ||
                (q->t[j].kind == QT_PUNCT && q->text[q->t[j].b] == ')')))
            j++;
        if (j >= q->n || (q->t[j].flags & QF_PARA))
            continue;
        const qtok *nx = &q->t[j];
        bool starts =
            (nx->kind == QT_WORD && (nx->flags & (QF_CAP | QF_NUM))) ||
            ((nx->kind == QT_DQUOTE || nx->kind == QT_SQUOTE) && (nx->flags & QF_OPEN));
        if (!starts)
            continue;
        for (size_t k = i + 1; k < j; k++)
            q->t[k].sent = sent;
        i = j - 1;
        pending = true;
    }
    q->n_sents = q->n ? sent + 1 : 0;
}

static lede_status index_sentences(lede_arena *a, qtext *q) {
    q->sent_begin = arena_alloc(a, (q->n_sents + 1) * sizeof *q->sent_begin);
    if (!q->sent_begin)
        return LEDE_ERR_NOMEM;
    size_t s = 0;
    for (size_t i = 0; i < q->n; i++)
        if (i == 0 || q->t[i].sent != q->t[i - 1].sent)
            q->sent_begin[s++] = (uint32_t)i;
    q->sent_begin[q->n_sents] = (uint32_t)q->n;
    return LEDE_OK;
}

bool quotes_tok_is(const qtext *q, size_t i, const char *w) {
    if (i >= q->n)
        return false;
    const qtok *t = &q->t[i];
    size_t n = t->e - t->b;
    const unsigned char *s = (const unsigned char *)q->text + t->b;
    if ((s[0] | 0x20) != (unsigned char)w[0]) /* quick reject on the first letter */
        return false;
    size_t k = 1;
    for (; k < n && w[k]; k++)
        if ((s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]) != (unsigned char)w[k])
            return false;
    return k == n && !w[k];
}

static bool cap_word_at(const qtext *q, size_t i) {
    return i < q->n && q->t[i].kind == QT_WORD && (q->t[i].flags & QF_CAP) &&
           !(q->t[i].flags & QF_NUM);
}

bool quotes_nickname_at(const qtext *q, size_t i, size_t e) {
    if (i + 3 >= e || (q->t[i].kind != QT_DQUOTE && q->t[i].kind != QT_SQUOTE))
        return false;
    return q->t[i + 2].kind == q->t[i].kind && cap_word_at(q, i + 1) &&
           cap_word_at(q, i + 3);
}

bool quotes_tok_in(const qtext *q, size_t i, const qword *list, size_t n) {
    if (i >= q->n || q->t[i].kind != QT_WORD)
        return false;
    const qtok *t = &q->t[i];
    size_t len = t->e - t->b;
    const unsigned char *s = (const unsigned char *)q->text + t->b;
    unsigned char first = s[0] >= 'A' && s[0] <= 'Z' ? s[0] | 0x20 : s[0];
    for (size_t k = 0; k < n; k++) {
        if (list[k].n != len || (unsigned char)list[k].s[0] != first)
            continue;
        size_t j = 1;
        while (j < len && (s[j] >= 'A' && s[j] <= 'Z' ? s[j] | 0x20 : s[j]) ==
                              (unsigned char)list[k].s[j])
            j++;
        if (j == len)
            return true;
    }
    return false;
}

/* The code point just before byte i of text (0 at the start). */
static uint32_t cp_before(const char *text, size_t i) {
    if (i == 0)
        return 0;
    size_t k = i - 1;
    while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
        k--;
    uint32_t cp;
    utf8_decode(text + k, i - k, &cp);
    return cp;
}

/* Appends the shared tokenizer's token t as a quote token, merging the pieces
 * the quote rules read as one word: a possessive ("Trump" "’s") and a final
 * abbreviation dot the tokenizer left apart ("D-Wis" "."). */
static void from_token(qtext *out, const nlp_token *t, bool new_para, uint32_t para) {
    const char *text = out->text;
    qtok *prev = out->n ? &out->t[out->n - 1] : NULL;
    bool glued = !(t->flags & NLP_TF_SPACE_BEFORE) && !new_para && prev &&
                 prev->kind == QT_WORD && prev->e == t->start;
    if (glued && t->kind == NLP_TOK_WORD &&
        (text[t->start] == '\'' || !memcmp(text + t->start, "\xE2\x80\x99", 3))) {
        prev->e = t->end; /* Trump’s */
        prev->ce = t->cp_end;
        return;
    }
    if (glued && t->kind == NLP_TOK_PUNCT && text[t->start] == '.' &&
        t->end == t->start + 1 && !(prev->flags & QF_ABBREV)) {
        size_t b = prev->b;
        for (size_t k = prev->e; k > prev->b; k--)
            if (text[k - 1] == '-') {
                b = k;
                break;
            }
        size_t n = prev->e - b;
        if (word_in(abbrev_titles, N_OF(abbrev_titles), text + b, n) ||
            word_in(abbrev_final, N_OF(abbrev_final), text + b, n)) {
            prev->e = t->end;
            prev->ce = t->cp_end;
            prev->flags |= QF_ABBREV;
            return;
        }
    }
    qtok *q = &out->t[out->n++];
    memset(q, 0, sizeof *q);
    q->b = t->start;
    q->e = t->end;
    q->cb = t->cp_start;
    q->ce = t->cp_end;
    q->cue = -1;
    q->para = para;
    if (new_para)
        q->flags |= QF_PARA;
    if (t->flags & NLP_TF_SPACE_BEFORE)
        q->flags |= QF_SPACE_BEFORE;
    switch (t->kind) {
    case NLP_TOK_WORD:
    case NLP_TOK_NUMBER:
        q->kind = QT_WORD;
        if (t->kind == NLP_TOK_NUMBER)
            q->flags |= QF_NUM;
        else if (t->flags & NLP_TF_CAP)
            q->flags |= QF_CAP;
        if (t->flags & NLP_TF_ABBREV)
            q->flags |= QF_ABBREV;
        if (!(q->flags & (QF_CAP | QF_NUM)))
            q->cue = (int16_t)quotes_cue_find(text + t->start, t->end - t->start);
        break;
    case NLP_TOK_QUOTE: {
        uint32_t cp;
        utf8_decode(text + t->start, t->end - t->start, &cp);
        bool doubled = t->end - t->start == 2 && cp == '\'';
        q->kind = is_dquote(cp) || doubled || cp == '`' ? QT_DQUOTE : QT_SQUOTE;
        cpinfo n = peek(text, out->len, t->end);
        q->flags |= quote_side(cp, cp_before(text, t->start), n.cp,
                               out->n == 1 || new_para, t->end >= out->len);
        break;
    }
    case NLP_TOK_DASH: q->kind = QT_DASH; break;
    default: q->kind = QT_PUNCT; break;
    }
}

size_t quotes_tok_at(const qtext *q, uint32_t b) {
    size_t lo = 0, hi = q->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (q->t[mid].b < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

lede_status quotes_from_nlp(lede_arena *a, const char *text, size_t len,
                            const nlp_token *toks, size_t n, qtext *out) {
    quotes_cues_init(); /* quotes_cue_find() needs the letter index */
    memset(out, 0, sizeof *out);
    out->text = text;
    out->len = len;
    out->t = arena_alloc(a, (n ? n : 1) * sizeof *out->t);
    if (!out->t)
        return LEDE_ERR_NOMEM;
    uint32_t para = 0;
    for (size_t i = 0; i < n; i++) {
        bool new_para =
            i == 0 || (toks[i].flags & (NLP_TF_PARA_START | NLP_TF_NEWLINE_BEFORE));
        if (new_para && i > 0)
            para++;
        from_token(out, &toks[i], new_para, para);
    }
    mark_sentences(out);
    mark_headline_cues(out);
    return index_sentences(a, out);
}
