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

#endif
