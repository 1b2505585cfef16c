#include "tok.h"

#include "../utf8.h"

/* Placeholder tokenizer: splits on spaces; one sentence per paragraph. */
lede_status nlp_tokenize(lede_arena *a, const char *text, size_t len, nlp_text *out) {
    out->text = text;
    out->len = len;
    size_t cap = len / 2 + 1;
    out->toks = arena_alloc(a, cap * sizeof *out->toks);
    out->sents = arena_alloc(a, (len / 2 + 1) * sizeof *out->sents);
    if (!out->toks || !out->sents)
        return LEDE_ERR_NOMEM;
    out->n_toks = out->n_sents = 0;
    size_t i = 0, cp = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\n'))
            i++, cp++;
        if (i >= len)
            break;
        size_t s = i, scp = cp;
        while (i < len && text[i] != ' ' && text[i] != '\n') {
            if (((unsigned char)text[i] & 0xC0) != 0x80)
                cp++;
            i++;
        }
        nlp_token *t = &out->toks[out->n_toks++];
        *t = (nlp_token){
            (uint32_t)s, (uint32_t)i, (uint32_t)scp, (uint32_t)cp, NLP_TOK_WORD, 0, 0};
    }
    if (out->n_toks) {
        out->sents[0] = (nlp_sentence){0, (uint32_t)out->n_toks, 0, (uint32_t)len, 0};
        out->n_sents = 1;
    }
    return LEDE_OK;
}
