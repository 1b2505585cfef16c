/*
 * quotes — direct, partial and indirect quotations with their speaker and cue.
 *
 * The stage reads the shared tokens of res->text (quotes_scan.c gives them the
 * quote rules' flags and sentence marks), pairs quotation marks (quotes_marks.c), finds
 * attributions (quotes_attr.c), resolves speakers (quotes_speaker.c), then links each
 * speaker to res->entities through the entity mentions of job->mentions when
 * the entity stages ran, and writes res->quotes.
 */
#include "quotes.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ner_gaz.h"
#include "ner_hash.h"
#include "quotes_model.h"

typedef struct {
    long cb, ce; /* code points */
    int32_t entity;
    lede_entity_type type;
} ent_span;

static int cmp_ent_span(const void *a, const void *b) {
    const ent_span *x = a, *y = b;
    return x->cb < y->cb ? -1 : x->cb > y->cb;
}

/* Entity mentions as code-point spans, sorted by start. */
static lede_status entity_spans(lede_job *job, ent_span **out, size_t *n_out) {
    *out = NULL;
    *n_out = 0;
    if (!job->n_mentions || !job->res->n_entities || !job->nlp.n_toks)
        return LEDE_OK;
    ent_span *v = arena_alloc(job->arena, job->n_mentions * sizeof *v);
    if (!v)
        return LEDE_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < job->n_mentions; i++) {
        const nlp_mention *m = &job->mentions[i];
        if (m->entity < 0 || (size_t)m->entity >= job->res->n_entities ||
            m->tok_end <= m->tok_begin || m->tok_end > job->nlp.n_toks)
            continue;
        v[n++] = (ent_span){job->nlp.toks[m->tok_begin].cp_start,
                            job->nlp.toks[m->tok_end - 1].cp_end, m->entity, m->type};
    }
    qsort(v, n, sizeof *v, cmp_ent_span);
    *out = v;
    *n_out = n;
    return LEDE_OK;
}

/* The entity mention overlapping [cb, ce), preferring the latest start. */
static const ent_span *entity_at(const ent_span *v, size_t n, long cb, long ce) {
    size_t lo = 0, hi = n;
    while (lo < hi) { /* first span starting at or after ce */
        size_t mid = (lo + hi) / 2;
        if (v[mid].cb < ce)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k > 0; k--) {
        const ent_span *s = &v[k - 1];
        if (s->ce > cb)
            return s;
        if (lo - k > 8) /* mentions do not nest deeply */
            break;
    }
    return NULL;
}

/* Nationalities, events and works (MISC) do not speak: in "the Norwegian
 * transport ministry said" the demonym only modifies the speaker. */
/* Whether a name holds an unpaired double quotation mark (" “ ”): the
 * tagger cut it inside a nickname ('Marcia "Cia'), so the speaker's own
 * name ('Marcia "Cia" Price') is better than the entity's. */
static bool unpaired_mark(const char *name) {
    size_t marks = 0;
    for (const char *p = name; *p; p++)
        marks += *p == '"' ||
                 (!strncmp(p, "\xE2\x80\x9C", 3) || !strncmp(p, "\xE2\x80\x9D", 3));
    return marks % 2 != 0;
}

static const ent_span *speaking_entity(const lede_result *res, const ent_span *hit) {
    return hit && hit->type != LEDE_ENT_MISC &&
                   !unpaired_mark(res->entities[hit->entity].name)
               ? hit
               : NULL;
}

/* The one person whose name ends with the single word `name` ("Store" for
 * "Jonas Gahr Store"), for speakers the tagger did not mark; -1 when none or
 * several do. */
static long person_by_surname(const lede_result *res, const char *name) {
    if (!name || strchr(name, ' '))
        return -1;
    size_t len = strlen(name);
    long found = -1;
    for (size_t i = 0; i < res->n_entities; i++) {
        const lede_entity *e = &res->entities[i];
        size_t n = strlen(e->name);
        if (e->type != LEDE_ENT_PERSON || n <= len + 1 || e->name[n - len - 1] != ' ' ||
            strcmp(e->name + n - len, name))
            continue;
        if (found >= 0)
            return -1;
        found = (long)i;
    }
    return found;
}

/* A one-word name that the tagger calls MISC and the word lists know as a
 * nationality or an ordinary word is an adjective ("Democratic claims",
 * "Republican claims"), no speaker: no name rather than a wrong one. */
static bool adjective_name(const lede_job *job, const ent_span *at, const qspeaker *s) {
    if (!at || at->type != LEDE_ENT_MISC || at->cb > s->nb || at->ce < s->ne ||
        !s->name || strchr(s->name, ' ') || !job->ctx->gaz)
        return false;
    uint64_t h = ner_hash_bytes(s->name, strlen(s->name), 1);
    return (ner_gaz_lookup(job->ctx->gaz, &h, 1) & (NER_GAZ_DEMONYM | NER_GAZ_COMMON)) !=
           0;
}

/* The words the text writes in lower case, as a hash set of their
 * lower-case form (linear to build, one probe to ask): a capitalised word
 * that is also written in lower case opened a sentence rather than naming
 * someone. Built on the first question, since many texts never ask one. */
typedef struct {
    lede_arena *a;
    const qtext *q;
    uint64_t *slot; /* open addressing, 0 = empty; mask + 1 slots */
    size_t mask;
    bool built;
} lower_words;

/* Hashes are never 0 in the table: 0 marks an empty slot. */
static uint64_t lower_key(const char *w, size_t n) {
    uint64_t h = ner_hash_bytes(w, n, 1);
    return h ? h : 1;
}

static bool lower_words_build(lower_words *w) {
    w->built = true;
    size_t words = 0;
    for (size_t i = 0; i < w->q->n; i++)
        words += w->q->t[i].kind == QT_WORD;
    size_t slots = 16;
    while (slots < 2 * words)
        slots *= 2;
    w->slot = arena_calloc(w->a, slots, sizeof *w->slot);
    if (!w->slot)
        return false; /* out of memory: no word counts as written in lower case */
    w->mask = slots - 1;
    for (size_t i = 0; i < w->q->n; i++) {
        const qtok *t = &w->q->t[i];
        unsigned char c = (unsigned char)w->q->text[t->b];
        if (t->kind != QT_WORD || c < 'a' || c > 'z')
            continue;
        uint64_t h = lower_key(w->q->text + t->b, t->e - t->b);
        size_t k = h & w->mask;
        while (w->slot[k] && w->slot[k] != h)
            k = (k + 1) & w->mask;
        w->slot[k] = h;
    }
    return true;
}

static bool lower_words_has(lower_words *w, const char *word) {
    if ((!w->built && !lower_words_build(w)) || !w->slot)
        return false;
    uint64_t h = lower_key(word, strlen(word));
    for (size_t k = h & w->mask; w->slot[k]; k = (k + 1) & w->mask)
        if (w->slot[k] == h)
            return true;
    return false;
}

/* A contraction of a pronoun ("We're", "I'm", "You'll", "Don't"), not a
 * name ("O'Neill"). */
static bool contraction(const char *w) {
    static const char *const ends[] = {"m", "re", "ve", "ll", "d", "t"};
    const char *ap = strrchr(w, '\'');
    size_t skip = 1;
    const char *curly = strstr(w, "\xE2\x80\x99"); /* U+2019 */
    if (curly && (!ap || curly > ap))
        ap = curly, skip = 3;
    if (!ap || ap == w)
        return false;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        if (!strcmp(ap + skip, ends[i]))
            return true;
    return false;
}

/* Closed-class words and sentence adverbs that open sentences and never
 * name anyone: determiners, pronouns, quantifiers, prepositions,
 * conjunctions, number words. */
static const char *const closed_words[] = {
    "a",           "about",  "after",   "all",       "also",    "although",  "an",
    "another",     "any",    "as",      "at",        "because", "before",    "beyond",
    "both",        "but",    "by",      "each",      "even",    "every",     "everybody",
    "everyone",    "few",    "five",    "for",       "four",    "from",      "here",
    "her",         "his",    "however", "if",        "in",      "instead",   "its",
    "just",        "let",    "like",    "many",      "maybe",   "meanwhile", "more",
    "most",        "mostly", "much",    "my",        "never",   "no",        "none",
    "nonetheless", "now",    "of",      "often",     "on",      "once",      "one",
    "only",        "other",  "others",  "our",       "over",    "perhaps",   "rather",
    "since",       "so",     "some",    "sometimes", "still",   "such",      "that",
    "the",         "their",  "then",    "there",     "these",   "this",      "those",
    "though",      "three",  "to",      "too",       "two",     "under",     "unless",
    "usually",     "very",   "what",    "when",      "where",   "which",     "while",
    "who",         "whose",  "with",    "without",   "yet",     "your"};

static bool common_word(const lede_job *job, const char *w, size_t n) {
    uint64_t h = ner_hash_bytes(w, n, 1);
    return (ner_gaz_lookup(job->ctx->gaz, &h, 1) & NER_GAZ_COMMON) != 0;
}

static bool ends_with(const char *w, size_t n, const char *end) {
    size_t k = strlen(end);
    return n > k + 2 && !strcasecmp(w + n - k, end);
}

/* A one-word name no entity stands for that opened a sentence and is no
 * name: a contraction ("We're"), a closed-class word ("Another", "Those"),
 * an ordinary word in -ing, -ly or -ed ("Following", "Asked"), the plural of
 * an ordinary noun ("Analysts", "Officials") or an ordinary word the text
 * also writes in lower case. Names are kept: those the tagger found, common
 * words never written in lower case ("Trump", "King") and unknown words
 * ("Opelka"). */
static bool ordinary_word_name(const lede_job *job, lower_words *lw, const qspeaker *s) {
    if (!s->name || strchr(s->name, ' '))
        return false;
    if (contraction(s->name))
        return true;
    size_t n = strlen(s->name);
    for (size_t i = 0; i < sizeof closed_words / sizeof closed_words[0]; i++)
        if (!strcasecmp(s->name, closed_words[i]))
            return true;
    /* groups named by what they do ("Analysts", "Physicians", "Authorities") */
    if (ends_with(s->name, n, "ists") || ends_with(s->name, n, "ians") ||
        ends_with(s->name, n, "ities"))
        return true;
    if (!job->ctx->gaz || !common_word(job, s->name, n))
        return false;
    return ends_with(s->name, n, "ing") || ends_with(s->name, n, "ly") ||
           ends_with(s->name, n, "ed") ||
           (ends_with(s->name, n, "s") && common_word(job, s->name, n - 1)) ||
           lower_words_has(lw, s->name);
}

/* A pronoun's antecedent must agree with it: "he"/"she" a person (or a name
 * the tagger left untyped), "they"/"it"/"we" a group, never one person. */
static bool pronoun_agrees(const qspeaker *s, long entity, const lede_result *res) {
    if (s->pronoun == QP_NONE)
        return true;
    lede_entity_type t = entity >= 0 ? res->entities[entity].type : LEDE_ENT_MISC;
    if (s->pronoun == QP_PERSON)
        return entity < 0 || t == LEDE_ENT_PERSON;
    return entity >= 0 && t == LEDE_ENT_ORG;
}

/* Whether a "he" or "she" contradicts the gender of the first name of
 * person `entity` (a first name on one gender's list only): "she" is not
 * "Jeff Merkley". */
static bool gender_clash(const lede_job *job, const qspeaker *s, long entity) {
    if (s->pronoun != QP_PERSON || entity < 0 || !s->mention || !job->ctx->gaz)
        return false;
    bool she = !strcasecmp(s->mention, "she"), he = !strcasecmp(s->mention, "he");
    const lede_entity *e = &job->res->entities[entity];
    if ((!she && !he) || e->type != LEDE_ENT_PERSON)
        return false;
    const char *sp = strchr(e->name, ' ');
    if (!sp)
        return false;
    uint64_t h = ner_hash_bytes(e->name, (size_t)(sp - e->name), 1);
    unsigned g = ner_gaz_lookup(job->ctx->gaz, &h, 1) & (NER_GAZ_FEMALE | NER_GAZ_MALE);
    return (she && g == NER_GAZ_MALE) || (he && g == NER_GAZ_FEMALE);
}

static void link_entity(lede_job *job, const ent_span *es, size_t n_es, lower_words *lw,
                        const qspeaker *s, lede_quote *out) {
    const ent_span *at = s->nb >= 0 ? entity_at(es, n_es, s->nb, s->ne) : NULL;
    if (adjective_name(job, at, s)) {
        out->speaker = NULL;
        return;
    }
    const ent_span *hit = speaking_entity(job->res, at);
    long entity = hit ? hit->entity : person_by_surname(job->res, s->name);
    if (entity < 0 && ordinary_word_name(job, lw, s)) {
        out->speaker = NULL;
        return;
    }
    if (!pronoun_agrees(s, entity, job->res) || gender_clash(job, s, entity)) {
        out->speaker = NULL;
        return;
    }
    if (entity >= 0) {
        out->speaker_entity = entity;
        out->speaker = job->res->entities[entity].name;
    }
}

/* How much a resolved speaker lowers the confidence: a name read through a
 * pronoun or a description is one step removed from the text. */
#define PRONOUN_CERTAINTY 0.9
#define DESCRIPTION_CERTAINTY 0.85

static double speaker_certainty(const qspeaker *s) {
    if (!s->name)
        return 1.0;
    if (s->pronoun != QP_NONE)
        return PRONOUN_CERTAINTY;
    return s->described ? DESCRIPTION_CERTAINTY : 1.0;
}

static const char *slice_bytes(lede_arena *a, const char *text, uint32_t b, uint32_t e) {
    return arena_strndup(a, text + b, e - b);
}

void nlp_quotes_init(void) { quotes_cues_init(); }

lede_status nlp_quotes_load(lede_ctx *ctx, const char *data_dir, char *err,
                            size_t err_len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, QUOTES_MODEL_FILE);
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return LEDE_OK; /* no model: the rules alone */
    return quotes_model_load(path, &ctx->quotes, err, err_len);
}

void nlp_quotes_unload(lede_ctx *ctx) {
    quotes_model_free(ctx->quotes);
    ctx->quotes = NULL;
}

/* Entity type of each token (0 none, 1 + lede_entity_type), for the tagger. */
static qm_ent *token_entities(lede_job *job) {
    qm_ent *ent = arena_calloc(job->arena, job->nlp.n_toks + 1, sizeof *ent);
    for (size_t i = 0; ent && i < job->n_mentions; i++) {
        const nlp_mention *m = &job->mentions[i];
        for (uint32_t t = m->tok_begin; t < m->tok_end && t < job->nlp.n_toks; t++)
            ent[t] = (qm_ent)(1 + m->type);
    }
    return ent;
}

lede_status quotes_prepare(lede_job *job, quotes_prep *p) {
    memset(p, 0, sizeof *p);
    p->rules.a = job->arena;
    const lede_result *res = job->res;
    lede_status st = quotes_from_nlp(job->arena, res->text, res->text_len, job->nlp.toks,
                                     job->nlp.n_toks, &p->q);
    if (st == LEDE_OK)
        st = quotes_marks(job->arena, &p->q, &p->spans, &p->n_spans);
    if (st == LEDE_OK)
        st = quotes_attribute(&p->q, p->spans, p->n_spans, &p->rules);
    qm_ent *ent = st == LEDE_OK ? token_entities(job) : NULL;
    if (st == LEDE_OK && !ent)
        st = LEDE_ERR_NOMEM;
    if (st == LEDE_OK)
        st = qm_input_build(job->arena, &p->q, p->spans, p->n_spans, &p->rules, ent,
                            &p->in);
    return st;
}

/* The attributions of the text: the tagger's when the model is loaded, else
 * the rules' alone. */
static lede_status attributions(lede_job *job, quotes_prep *p, qfound_list *found) {
    const quotes_model *m = job->ctx->quotes;
    if (!m) {
        *found = p->rules;
        return LEDE_OK;
    }
    size_t n = p->q.n ? p->q.n : 1;
    uint8_t *tags = arena_alloc(job->arena, n);
    float *margin = arena_alloc(job->arena, n * sizeof *margin);
    if (!tags || !margin)
        return LEDE_ERR_NOMEM;
    lede_status st = quotes_model_tag(m, job->arena, &p->in, tags, margin);
    if (st == LEDE_OK)
        st = qm_decode(&p->in, tags, margin, quotes_model_margin_scale(m), &p->rules,
                       found);
    return st;
}

lede_status nlp_quotes_extract(lede_job *job) {
    lede_result *res = job->res;
    if (!job->nlp.n_toks)
        return LEDE_OK;
    quotes_prep prep;
    lede_status st = quotes_prepare(job, &prep);
    qfound_list found = {.a = job->arena};
    if (st == LEDE_OK)
        st = attributions(job, &prep, &found);
    if (st != LEDE_OK || !found.n)
        return st;
    const qtext *qp = &prep.q;
    qspeaker *spk = arena_alloc(job->arena, found.n * sizeof *spk);
    lede_quote *out = arena_calloc(job->arena, found.n, sizeof *out);
    if (!spk || !out)
        return LEDE_ERR_NOMEM;
    st = quotes_speakers(job->arena, qp, &found, spk);
    ent_span *es = NULL;
    size_t n_es = 0;
    lower_words lw = {.a = job->arena, .q = qp};
    if (st == LEDE_OK)
        st = entity_spans(job, &es, &n_es);
    if (st != LEDE_OK)
        return st;
    for (size_t i = 0; i < found.n; i++) {
        const qfound *f = &found.v[i];
        lede_quote *o = &out[i];
        o->text = slice_bytes(job->arena, qp->text, f->b, f->e);
        o->type = f->type;
        o->start = f->cb;
        o->end = f->ce;
        o->speaker = spk[i].name;
        o->speaker_entity = -1;
        o->speaker_start = spk[i].mb;
        o->speaker_end = spk[i].me;
        o->speaker_mention = spk[i].mention;
        o->confidence = f->conf * speaker_certainty(&spk[i]);
        o->cue_start = o->cue_end = -1;
        o->gap_start = o->gap_end = -1;
        if (f->gap_ce > f->gap_cb) {
            o->gap_start = f->gap_cb;
            o->gap_end = f->gap_ce;
        }
        if (f->cue_b >= 0) {
            o->cue = slice_bytes(job->arena, qp->text, qp->t[f->cue_b].b,
                                 qp->t[f->cue_e - 1].e);
            o->cue_start = qp->t[f->cue_b].cb;
            o->cue_end = qp->t[f->cue_e - 1].ce;
        }
        if (!o->text || (f->cue_b >= 0 && !o->cue))
            return LEDE_ERR_NOMEM;
        link_entity(job, es, n_es, &lw, &spk[i], o);
        if (f->unsure) { /* the mention stays; no name is published on a guess */
            o->speaker = NULL;
            o->speaker_entity = -1;
        }
    }
    res->quotes = out;
    res->n_quotes = found.n;
    return LEDE_OK;
}
