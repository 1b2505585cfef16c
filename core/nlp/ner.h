/*
 * ner — the statistical named-entity tagger (PER, ORG, LOC, MISC in BIO form).
 *
 * The model is loaded once into the shared context and only read afterwards.
 * nlp_ner_run() tags job->nlp as one document (so hints from the whole
 * article help each sentence; very long texts in windows of whole sentences)
 * and appends the mentions it finds to job->mentions; it does not merge them
 * into entities. Words are presented CoNLL-style: a possessive "'s" apart,
 * typographic quotes and dashes as ASCII.
 */
#ifndef LEDE_NLP_NER_H
#define LEDE_NLP_NER_H

#include "../job.h"

/* Loads the model and gazetteers under data_dir into ctx. A missing model is not
 * an error (the tagger then finds nothing); a malformed one is. */
lede_status nlp_ner_load(lede_ctx *ctx, const char *data_dir, char *err, size_t err_len);
void nlp_ner_unload(lede_ctx *ctx);

lede_status nlp_ner_run(lede_job *job);

/* Bytes of a pronoun clitic ("'re", "'ll", "'m", ... with a straight or a
 * typographic apostrophe, any case) at the end of the word s[0, len), after
 * at least one letter, else 0; *ascii gets the clitic's ASCII spelling. The
 * tagger sees such a clitic as its own word. */
size_t nlp_ner_clitic_len(const char *s, size_t len, const char **ascii);

#endif
