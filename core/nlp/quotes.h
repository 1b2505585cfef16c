/*
 * quotes — direct, partial and indirect quotations with their speaker and cue.
 * Reads job->nlp, job->mentions and res->entities; fills res->quotes.
 */
#ifndef LEDE_NLP_QUOTES_H
#define LEDE_NLP_QUOTES_H

#include "../job.h"

lede_status nlp_quotes_extract(lede_job *job);

/* Builds the stage's read-only lookup indexes; called at start-up by
 * lede_ctx_new (later calls do nothing). */
void nlp_quotes_init(void);

/* The attribution model's file in the data directory. */
#define QUOTES_MODEL_FILE "quotes.model"

/* Loads DATA_DIR/quotes.model into ctx->quotes; a missing file is no error
 * (attributions then come from the rules alone), a malformed one is. */
lede_status nlp_quotes_load(lede_ctx *ctx, const char *data_dir, char *err,
                            size_t err_len);
void nlp_quotes_unload(lede_ctx *ctx);

#endif
