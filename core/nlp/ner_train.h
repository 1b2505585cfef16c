/*
 * ner_train — trains the entity model: a structured averaged perceptron over
 * the features of ner_model.h, on CoNLL files (token first column, BIO tag last
 * column, blank lines between sentences).
 *
 * With two stages, the second is trained on first-stage tags produced by
 * 4-fold jackknifing over documents (each document tagged by a model that did
 * not see it), so its inputs look like those at tagging time.
 *
 * Deterministic: sentences are shuffled with a fixed seed each epoch, and the
 * update order depends on nothing else. Used by `lede train-ner`.
 */
#ifndef LEDE_NLP_NER_TRAIN_H
#define LEDE_NLP_NER_TRAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ner_gaz.h"
#include "ner_model.h"

typedef struct {
    const char *path;
    float weight;       /* scales every update from this file (1 = normal) */
    bool trim_mentions; /* strip leading titles and nationalities from PER spans */
} ner_train_file;

typedef struct {
    const ner_train_file *files;
    size_t n_files;
    const char *dev_path; /* scored after each epoch when not NULL */
    unsigned epochs;
    unsigned stages;      /* 1: one model; 2: add the second, document-history stage */
    unsigned lower_every; /* also train on a lower-cased copy of every Nth sentence */
    uint32_t bits;
    uint64_t seed;
    const char *out_path;
    const gazetteer *gaz;
} ner_train_opts;

/* Trains and writes the model; progress goes to log (may be NULL). */
lede_status ner_train(const ner_train_opts *o, FILE *log);

/* A CoNLL corpus in memory: words point into one buffer. */
typedef struct {
    char *buf;
    ner_word *words;
    uint8_t *tags;
    size_t n_words;
    size_t *sent_begin; /* sentence s is words [sent_begin[s], sent_begin[s + 1]) */
    bool *doc_start;    /* sentence s opens a document (after -DOCSTART-) */
    size_t n_sents;
} ner_corpus;

/* Reads a CoNLL file; -DOCSTART- lines end a sentence and are dropped. */
lede_status ner_corpus_read(const char *path, ner_corpus *c);
void ner_corpus_free(ner_corpus *c);

/* Exact-span scores of predicted tags against gold tags over a corpus. */
typedef struct {
    size_t gold, pred, correct;
} ner_span_counts;
void ner_span_count(const uint8_t *gold, const uint8_t *pred, size_t n,
                    ner_span_counts *out);

#endif
