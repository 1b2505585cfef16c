/*
 * quotes_marks — pairs quotation marks into quoted spans.
 *
 * Double marks (" “ ” « » „) are paired first over the whole text: an opening
 * mark waits for the next closing one; a paragraph that starts with an opening
 * mark while a quote is still open continues that quote (the convention of
 * reopening quotes at each new paragraph of a long quotation); a quote still
 * open when a paragraph ends without such a reopening is closed at that
 * paragraph's end. Single marks (' ‘ ’ ‹ ›) are paired only outside double
 * spans and within one paragraph, so apostrophes rarely matter; single marks
 * inside a double span are nested quotes and belong to it.
 */
#include <string.h>

#include "quotes_int.h"

typedef struct {
    qspan *v;
    size_t n, cap;
    lede_arena *a;
} span_list;

static lede_status push(span_list *l, uint32_t open, uint32_t close, bool single,
                        const qtext *q) {
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 16;
        qspan *v = arena_realloc(l->a, l->v, l->cap * sizeof *v, nc * sizeof *v);
        if (!v)
            return LEDE_ERR_NOMEM;
        l->v = v;
        l->cap = nc;
    }
    uint32_t words = 0;
    for (uint32_t k = open + 1; k < close; k++)
        words += q->t[k].kind == QT_WORD;
    l->v[l->n++] = (qspan){open, close, single, words};
    return LEDE_OK;
}

/* Whether two marks are of one typographic style (straight ", curly, '' or
 * guillemets): a paragraph reopened in another style starts a new quote. */
static bool same_style(const qtext *q, size_t a, size_t b) {
    const unsigned char *x = (const unsigned char *)q->text + q->t[a].b;
    const unsigned char *y = (const unsigned char *)q->text + q->t[b].b;
    size_t xl = q->t[a].e - q->t[a].b, yl = q->t[b].e - q->t[b].b;
    return xl == yl && x[0] == y[0] && (xl < 2 || x[1] == y[1]);
}

static lede_status pair_double(const qtext *q, span_list *l) {
    long open = -1;
    for (size_t i = 0; i < q->n; i++) {
        const qtok *t = &q->t[i];
        bool is_mark = t->kind == QT_DQUOTE;
        if (open >= 0 && (t->flags & QF_PARA) &&
            !(is_mark && (t->flags & QF_OPEN) && same_style(q, (size_t)open, i))) {
            /* unclosed at the end of a paragraph and not reopened: close there */
            lede_status st = push(l, (uint32_t)open, (uint32_t)(i - 1), false, q);
            if (st != LEDE_OK)
                return st;
            open = -1;
        }
        if (!is_mark)
            continue;
        if (open < 0) {
            if (t->flags & QF_OPEN)
                open = (long)i;
            continue;
        }
        if (t->flags & QF_CLOSE) {
            lede_status st = push(l, (uint32_t)open, (uint32_t)i, false, q);
            if (st != LEDE_OK)
                return st;
            open = -1;
        } else if (!(t->flags & QF_PARA)) {
            open = (long)i; /* the earlier opening mark was a stray */
        }
    }
    if (open >= 0 && (size_t)open + 1 < q->n)
        return push(l, (uint32_t)open, (uint32_t)(q->n - 1), false, q);
    return LEDE_OK;
}

static lede_status pair_single(const qtext *q, const span_list *dbl, span_list *l) {
    size_t d = 0;
    long open = -1;
    for (size_t i = 0; i < q->n; i++) {
        while (d < dbl->n && dbl->v[d].close < i)
            d++;
        if (d < dbl->n && dbl->v[d].open <= i) {
            open = -1; /* inside a double span: nested, not ours */
            i = dbl->v[d].close;
            continue;
        }
        const qtok *t = &q->t[i];
        if (open >= 0 && q->t[open].para != t->para)
            open = -1;
        if (t->kind != QT_SQUOTE)
            continue;
        if (open < 0) {
            if ((t->flags & QF_OPEN) && !(t->flags & QF_CLOSE))
                open = (long)i;
            continue;
        }
        if (t->flags & QF_CLOSE) {
            if (i > (size_t)open + 1) {
                lede_status st = push(l, (uint32_t)open, (uint32_t)i, true, q);
                if (st != LEDE_OK)
                    return st;
            }
            open = -1;
        }
    }
    return LEDE_OK;
}

lede_status quotes_marks(lede_arena *a, const qtext *q, qspan **out, size_t *n_out) {
    span_list dbl = {.a = a}, sgl = {.a = a};
    lede_status st = pair_double(q, &dbl);
    if (st == LEDE_OK)
        st = pair_single(q, &dbl, &sgl);
    if (st != LEDE_OK)
        return st;
    size_t n = dbl.n + sgl.n;
    qspan *v = arena_alloc(a, (n ? n : 1) * sizeof *v);
    if (!v)
        return LEDE_ERR_NOMEM;
    size_t i = 0, j = 0, k = 0;
    while (i < dbl.n || j < sgl.n) { /* merge in text order */
        if (j >= sgl.n || (i < dbl.n && dbl.v[i].open < sgl.v[j].open))
            v[k++] = dbl.v[i++];
        else
            v[k++] = sgl.v[j++];
    }
    *out = v;
    *n_out = n;
    return LEDE_OK;
}
