/*
 * quotes_int — the internal pieces of quote extraction, shared by the
 * quotes_*.c files and their unit tests; nothing here is public API.
 *
 * quotes_scan.c   reads the shared tokens into the word/punctuation/quote-mark
 *                 view the attribution rules need, with paragraph and
 *                 sentence starts (one linear pass; the text is not re-cut).
 * quotes_cues.c   the table of reporting verbs with their tense forms.
 * quotes_marks.c  pairs quotation marks into quoted spans (curly, straight,
 *                 single, guillemets, paragraph reopening, nesting).
 * quotes_attr.c   finds cue + speaker + content: direct quotes, quotes
 *                 interrupted by their attribution, partial and indirect speech.
 * quotes_speaker.c resolves pronouns and descriptions to named speakers and
 *                 entities.
 */
#ifndef LEDE_NLP_QUOTES_INT_H
#define LEDE_NLP_QUOTES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "lede/lede.h"
#include "tok.h"

typedef enum {
    QT_WORD = 0, /* letters/digits with inner apostrophes, hyphens, abbreviation dots */
    QT_PUNCT,    /* . , ; : ! ? ( ) ... */
    QT_DQUOTE,   /* " “ ” « » „ */
    QT_SQUOTE,   /* ' ‘ ’ used on its own (not inside a word) */
    QT_DASH,     /* - – — ― */
} qt_kind;

enum {
    QF_CAP = 1u << 0,    /* word starting with an upper-case letter */
    QF_PARA = 1u << 1,   /* first token of a paragraph */
    QF_SENT = 1u << 2,   /* first token of a sentence */
    QF_OPEN = 1u << 3,   /* quote mark that opens (by shape or context) */
    QF_CLOSE = 1u << 4,  /* quote mark that closes */
    QF_ABBREV = 1u << 5, /* word with a final abbreviation dot ("Mr.", "U.S.") */
    QF_SPACE_BEFORE = 1u << 6,
    QF_NUM = 1u << 7, /* word starting with a digit */
};

typedef struct {
    uint32_t b, e;   /* byte offsets, end exclusive */
    uint32_t cb, ce; /* code-point offsets */
    uint8_t kind;    /* qt_kind */
    uint8_t flags;   /* QF_* */
    int16_t cue;     /* index into the cue table, or -1 */
    uint32_t sent;   /* sentence index */
    uint32_t para;   /* paragraph index */
} qtok;

typedef struct {
    const char *text;
    size_t len;
    qtok *t;
    size_t n;
    uint32_t *sent_begin; /* first token of each sentence; n_sents + 1 entries */
    size_t n_sents;
} qtext;

/* The quote rules' view of the shared tokenizer's tokens of text (job->nlp):
 * the text is never cut twice; sentences are re-marked with the quote rules'
 * own splits. Arrays come from the arena. */
lede_status quotes_from_nlp(lede_arena *a, const char *text, size_t len,
                            const nlp_token *toks, size_t n, qtext *out);

/* Index of the first token of q that starts at or after byte b (q->n when
 * none): binary search. */
size_t quotes_tok_at(const qtext *q, uint32_t b);

/* True when token i is the lower-cased word w. */
bool quotes_tok_is(const qtext *q, size_t i, const char *w);

/* A nickname in quotation marks inside a name, at token i before e: the
 * `"Cia"` of `Marcia "Cia" Price` (a mark, one capitalised word, the same
 * kind of mark, then the name goes on). */
bool quotes_nickname_at(const qtext *q, size_t i, size_t e);

/* Whether token i may open a hearer after "to": an object pronoun or a
 * word for an audience ("him", "reporters"), a determiner or a capitalised
 * word ("to the crowd", "to CNN"), not a verb ("to leave"). */
bool quotes_hearer_opens(const qtext *q, size_t i);

/* A word of a fixed list with its length, so lists are matched without
 * strlen: static const qword stops[] = {W("and"), W("but")}; */
typedef struct {
    const char *s;
    size_t n;
} qword;
#define W(lit)                                                                           \
    { (lit), sizeof(lit) - 1 }
/* Number of entries of a fixed list. */
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* True when token i is one of list[0..n) (lower-case words, any case in text). */
bool quotes_tok_in(const qtext *q, size_t i, const qword *list, size_t n);

/* ------------------------------------------------------------------ cues */

enum {
    CUE_CLAUSE = 1u << 0,    /* takes a reported clause: "said (that) ..." */
    CUE_OBJECT = 1u << 1,    /* takes a hearer before the clause: "told reporters that" */
    CUE_INVERT = 1u << 2,    /* can follow a quote inverted: "..., said Smith." */
    CUE_QUOTED = 1u << 3,    /* a cue only when its complement holds quoted words */
    CUE_THOUGHT = 1u << 4,   /* belief or finding, not speech: "believes", "found" */
    CUE_HOMOGRAPH = 1u << 6, /* base and -s forms are mostly nouns ("plans", "states") */
    CUE_NOUN = 1u << 5, /* a stance whose object is the content: "criticized X for Y" */
};

typedef struct {
    const char *forms[5]; /* base, 3rd person, past, past participle, -ing */
    uint8_t lens[5];      /* their lengths */
    unsigned flags;       /* CUE_* */
} quotes_cue;

/* Index of the form (0 base, 1 -s, 2 past, 3 participle, 4 -ing) of the
 * word s[0..n) in cue `idx`, or -1. */
int quotes_cue_form(int idx, const char *s, size_t n);

/* Index of the cue whose forms include the word s[0..n) (any case), or -1. */
int quotes_cue_find(const char *s, size_t n);

/* Derives the cue table's letter index; called at start-up by lede_ctx_new
 * (through nlp_quotes_init) and by quotes_from_nlp(), once per text, before
 * any quotes_cue_find() (later calls do nothing). */
void quotes_cues_init(void);
const quotes_cue *quotes_cue_get(int idx);
size_t quotes_cue_count(void);

/* -------------------------------------------------------------- marks */

typedef struct {
    uint32_t open, close; /* token indices of the outer marks */
    bool single;          /* delimited by single quotation marks */
    uint32_t words;       /* words inside */
} qspan;

/* Pairs the quotation marks of q into spans, in text order, nested spans
 * dropped (they are part of their outer span). */
lede_status quotes_marks(lede_arena *a, const qtext *q, qspan **out, size_t *n_out);

/* --------------------------------------------------------- attribution */

typedef struct {
    uint32_t cb, ce;      /* content, code points */
    uint32_t b, e;        /* content, bytes */
    lede_quote_type type; /* direct / partial / indirect */
    int32_t spk_b, spk_e; /* speaker tokens [b, e), -1 when none */
    int32_t cue_b, cue_e; /* cue tokens [b, e), -1 when none */
    int32_t inherit;      /* index of an earlier found quote whose speaker this
                             continues, or -1 */
    uint32_t gap_cb,
        gap_ce;  /* attribution inside a joined quote (code points); equal when none */
    float conf;  /* how sure the attribution is, in [0, 1] */
    bool unsure; /* kept below the tagger's confidence floor for its cue and
                    source: its mention is given, its speaker is not named */
} qfound;

typedef struct {
    qfound *v;
    size_t n, cap;
    lede_arena *a;
    uint8_t *covered; /* when set, tokens of every content added are marked */
} qfound_list;

/* Finds every attribution of q (direct from spans, then indirect). */
lede_status quotes_attribute(const qtext *q, const qspan *spans, size_t n_spans,
                             qfound_list *out);

/* Appends an attribution of content tokens [tb, te) (conf 1, no gap, no
 * inherited speaker); sb/cb are -1 when there is no speaker or cue. */
lede_status quotes_found_add(qfound_list *l, const qtext *q, size_t tb, size_t te,
                             lede_quote_type type, long sb, long se, long cb, long ce);

/* True when the cue at token c is negated ("did not say", "never said to"):
 * no speech is reported then. */
bool quotes_cue_negated(const qtext *q, size_t c);

/* Puts attributions in text order and lets those without a subject take the
 * speaker before them: an ", adding ..." clause the subject of its sentence,
 * a continued quote (inherit == -2) the last speaker a few paragraphs back. */
void quotes_found_finish(const qtext *q, qfound_list *out);

/* ------------------------------------------------------------ speakers */

typedef struct {
    const char *name;    /* resolved name (arena), or NULL */
    const char *mention; /* the speaker as written ("he", "the spokesman"), or NULL */
    long mb, me;         /* code points of the mention, -1 when none */
    long nb, ne;         /* code points of the name the mention resolved to, -1 */
    bool named;          /* name comes from a proper-name mention */
    bool described;      /* name comes from a description ("the spokesman") */
    uint8_t pronoun;     /* QP_*: the mention is a pronoun, and of what */
} qspeaker;

enum { QP_NONE = 0, QP_PERSON, QP_GROUP };

/* The subject of the sentence of the cue at token `cue`, before it: a name
 * that opens the sentence ("Trump spoke to ..., promising"), a personal
 * pronoun, or a description opening it with a determiner up to its verb
 * ("The mayor's chief aide doubled down ..., saying"); [*b, *e) in tokens,
 * or false. */
bool quotes_clause_subject(const qtext *q, size_t cue, size_t *b, size_t *e);

/* Resolves the speaker of every found attribution (in text order): names are
 * taken from the capitalised head of the subject, pronouns go to the nearest
 * earlier compatible speaker or name, descriptions ("the spokesman") to the
 * name they stand next to earlier in the text. out has found->n entries. */
lede_status quotes_speakers(lede_arena *a, const qtext *q, const qfound_list *found,
                            qspeaker *out);

#endif
