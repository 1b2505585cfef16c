/*
 * num_tok — token comparisons shared by the number stages that read words
 * around a claim (num_role.c, num_subject.c).
 */
#ifndef LEDE_NLP_NUM_TOK_H
#define LEDE_NLP_NUM_TOK_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tok.h"

/* Token i is the n-byte lower-case word w (ASCII case folded). */
static inline bool tok_eqn(const nlp_text *t, size_t i, const char *w, size_t n) {
    const nlp_token *k = &t->toks[i];
    if (k->end - k->start != n)
        return false;
    for (size_t j = 0; j < n; j++) {
        char ch = t->text[k->start + j];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if (ch != w[j])
            return false;
    }
    return true;
}

static inline bool tok_eq(const nlp_text *t, size_t i, const char *w) {
    return tok_eqn(t, i, w, strlen(w));
}

/* Token i is one of the words of the NULL-terminated list. */
static inline bool tok_in(const nlp_text *t, size_t i, const char *const *list) {
    for (size_t j = 0; list[j]; j++)
        if (tok_eq(t, i, list[j]))
            return true;
    return false;
}

#endif
