/*
 * fuzz_tok — libFuzzer target for the tokenizer and sentence splitter.
 *
 * The input is made valid UTF-8 (as every stage receives it), tokenised, and
 * the offset invariants are checked: tokens are ordered, non-empty, inside the
 * text, their code-point offsets agree with their byte offsets, and sentences
 * partition the tokens in order without crossing a paragraph.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../core/arena.h"
#include "../../core/nlp/tok.h"
#include "../../core/utf8.h"

#define FUZZ_CHECK(c)                                                                    \
    do {                                                                                 \
        if (!(c))                                                                        \
            abort();                                                                     \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lede_arena *a = arena_new(0);
    size_t len = 0;
    const char *text = utf8_sanitize(a, (const char *)data, size, &len);
    FUZZ_CHECK(text != NULL);
    nlp_text nt;
    FUZZ_CHECK(nlp_tokenize(a, text, len, &nt) == LEDE_OK);
    size_t prev_end = 0, prev_cp_end = 0;
    for (size_t i = 0; i < nt.n_toks; i++) {
        const nlp_token *t = &nt.toks[i];
        FUZZ_CHECK(t->start < t->end && t->end <= len);
        FUZZ_CHECK(t->start >= prev_end);
        FUZZ_CHECK(t->cp_start >= prev_cp_end && t->cp_start < t->cp_end);
        FUZZ_CHECK(t->cp_start - prev_cp_end ==
                   utf8_count(text + prev_end, t->start - prev_end));
        FUZZ_CHECK(t->cp_end - t->cp_start ==
                   utf8_count(text + t->start, t->end - t->start));
        FUZZ_CHECK(t->sent < nt.n_sents);
        prev_end = t->end;
        prev_cp_end = t->cp_end;
    }
    size_t next_tok = 0;
    for (size_t s = 0; s < nt.n_sents; s++) {
        const nlp_sentence *se = &nt.sents[s];
        FUZZ_CHECK(se->tok_begin == next_tok && se->tok_begin < se->tok_end);
        FUZZ_CHECK(se->start == nt.toks[se->tok_begin].start);
        FUZZ_CHECK(se->end == nt.toks[se->tok_end - 1].end);
        for (size_t i = se->tok_begin + 1; i < se->tok_end; i++)
            FUZZ_CHECK(!(nt.toks[i].flags & NLP_TF_PARA_START));
        FUZZ_CHECK(nt.toks[se->tok_begin].flags & NLP_TF_SENT_START);
        if (s > 0)
            FUZZ_CHECK(se->para >= nt.sents[s - 1].para);
        next_tok = se->tok_end;
    }
    FUZZ_CHECK(next_tok == nt.n_toks);
    arena_free(a);
    return 0;
}
