/*
 * numbers — numeric claims: every number in the text, parsed, with its unit or
 * currency, its qualifier ("nearly", "more than") and change, and the sentence
 * it stands in. Reads job->nlp; fills res->claims.
 */
#ifndef LEDE_NLP_NUMBERS_H
#define LEDE_NLP_NUMBERS_H

#include "../job.h"

lede_status nlp_numbers_extract(lede_job *job);

#endif
