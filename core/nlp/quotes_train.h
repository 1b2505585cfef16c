/*
 * quotes_train — trains the attribution tagger of quotes_model.h: a
 * structured averaged perceptron over PolNeAR-style JSONL (one article a line:
 * "text" and "quotes" with content, cue and source spans in code points).
 *
 * Each article runs through the real pipeline (tokens, entities, the quote
 * rules) once; its paragraphs' features are kept as bucket indexes, so epochs
 * only add weights. Deterministic: paragraphs are shuffled with a fixed seed
 * each epoch and nothing else decides the update order. Used by
 * `lede train-quotes`.
 */
#ifndef LEDE_NLP_QUOTES_TRAIN_H
#define LEDE_NLP_QUOTES_TRAIN_H

#include <stdint.h>
#include <stdio.h>

#include "lede/lede.h"

typedef struct {
    const char *train_path; /* JSONL */
    const char *out_path;
    unsigned epochs;
    uint32_t bits; /* 2^bits feature buckets */
    uint64_t seed;
} quotes_train_opts;

/* Trains and writes the model; progress goes to log (may be NULL). ctx gives
 * the entity tagger whose mentions are features. */
lede_status quotes_train(const lede_ctx *ctx, const quotes_train_opts *o, FILE *log);

#endif
