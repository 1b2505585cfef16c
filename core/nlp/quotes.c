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
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quotes_int.h"

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

/* Nearest entity mention before code point cp that a pronoun may stand for. */
static const ent_span *entity_before(const ent_span *v, size_t n, long cp, bool person) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].cb < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k > 0; k--) {
        const ent_span *s = &v[k - 1];
        if (s->type == LEDE_ENT_PERSON || (!person && s->type == LEDE_ENT_ORG))
            return s;
    }
    return NULL;
}

/* Nationalities, events and works (MISC) do not speak: in "the Norwegian
 * transport ministry said" the demonym only modifies the speaker. */
static const ent_span *speaking_entity(const ent_span *hit) {
    return hit && hit->type != LEDE_ENT_MISC ? hit : NULL;
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

static void link_entity(lede_job *job, const ent_span *es, size_t n_es, const qspeaker *s,
                        lede_quote *out) {
    const ent_span *hit = NULL;
    if (s->nb >= 0)
        hit = speaking_entity(entity_at(es, n_es, s->nb, s->ne));
    if (!hit && s->mb >= 0)
        hit = speaking_entity(entity_at(es, n_es, s->mb, s->me));
    if (!hit && !s->name && s->mb >= 0 && s->pronoun != QP_NONE)
        hit = entity_before(es, n_es, s->mb, s->pronoun == QP_PERSON);
    long entity = hit ? hit->entity : person_by_surname(job->res, s->name);
    if (entity >= 0) {
        out->speaker_entity = entity;
        out->speaker = job->res->entities[entity].name;
    }
}

static const char *slice_bytes(lede_arena *a, const char *text, uint32_t b, uint32_t e) {
    return arena_strndup(a, text + b, e - b);
}

void nlp_quotes_init(void) { quotes_cues_init(); }

lede_status nlp_quotes_extract(lede_job *job) {
    lede_result *res = job->res;
    if (!job->nlp.n_toks)
        return LEDE_OK;
    qtext q;
    lede_status st = quotes_from_nlp(job->arena, res->text, res->text_len, job->nlp.toks,
                                     job->nlp.n_toks, &q);
    qspan *spans = NULL;
    size_t n_spans = 0;
    if (st == LEDE_OK)
        st = quotes_marks(job->arena, &q, &spans, &n_spans);
    qfound_list found = {.a = job->arena};
    if (st == LEDE_OK)
        st = quotes_attribute(&q, spans, n_spans, &found);
    if (st != LEDE_OK || !found.n)
        return st;
    qspeaker *spk = arena_alloc(job->arena, found.n * sizeof *spk);
    lede_quote *out = arena_calloc(job->arena, found.n, sizeof *out);
    if (!spk || !out)
        return LEDE_ERR_NOMEM;
    st = quotes_speakers(job->arena, &q, &found, spk);
    ent_span *es = NULL;
    size_t n_es = 0;
    if (st == LEDE_OK)
        st = entity_spans(job, &es, &n_es);
    if (st != LEDE_OK)
        return st;
    for (size_t i = 0; i < found.n; i++) {
        const qfound *f = &found.v[i];
        lede_quote *o = &out[i];
        o->text = slice_bytes(job->arena, q.text, f->b, f->e);
        o->type = f->type;
        o->start = f->cb;
        o->end = f->ce;
        o->speaker = spk[i].name;
        o->speaker_entity = -1;
        o->speaker_start = spk[i].mb;
        o->speaker_end = spk[i].me;
        o->cue_start = o->cue_end = -1;
        o->gap_start = o->gap_end = -1;
        if (f->gap_ce > f->gap_cb) {
            o->gap_start = f->gap_cb;
            o->gap_end = f->gap_ce;
        }
        if (f->cue_b >= 0) {
            o->cue =
                slice_bytes(job->arena, q.text, q.t[f->cue_b].b, q.t[f->cue_e - 1].e);
            o->cue_start = q.t[f->cue_b].cb;
            o->cue_end = q.t[f->cue_e - 1].ce;
        }
        if (!o->text || (f->cue_b >= 0 && !o->cue))
            return LEDE_ERR_NOMEM;
        link_entity(job, es, n_es, &spk[i], o);
    }
    res->quotes = out;
    res->n_quotes = found.n;
    return LEDE_OK;
}
