/* Benchmark of the entity tagger (not a test): model load time, tagging
 * throughput over a CoNLL file on one core, peak memory, and the NLP time of a
 * ~1,000-word article through the language pipeline.
 *
 * Usage: bench_ner DATA_DIR CONLL_FILE ARTICLE_TXT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../unit/read_file.h"
#include "job.h"
#include "nlp/ner_gaz.h"
#include "nlp/ner_model.h"
#include "nlp/ner_train.h"

/* Passes over the CoNLL file, and pipeline runs over the article. */
#define BENCH_TAG_PASSES 5
#define BENCH_ARTICLE_RUNS 200
/* Largest article file read. */
#define MAX_ARTICLE_BYTES ((size_t)16 << 20)

/* Milliseconds of CPU time used by this process: on a shared machine wall
 * time also counts other people's work; both are reported. */
static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: bench_ner DATA_DIR CONLL_FILE ARTICLE_TXT\n");
        return 2;
    }
    double c0 = cpu_ms();
    gazetteer *gaz = NULL;
    if (ner_gaz_load(argv[1], &gaz, NULL, 0) != LEDE_OK)
        return 1;
    double gaz_cpu = cpu_ms() - c0;
    ner_gaz_free(gaz);
    double t0 = now_ms();
    c0 = cpu_ms();
    lede_ctx_config cfg = {.data_dir = argv[1]};
    lede_ctx *ctx = NULL;
    char err[256] = "";
    if (lede_ctx_new(&cfg, &ctx, err, sizeof err) != LEDE_OK || !ctx->ner) {
        fprintf(stderr, "bench_ner: cannot load the model: %s\n", err);
        return 1;
    }
    double load_ms = now_ms() - t0, load_cpu = cpu_ms() - c0;

    ner_corpus c;
    if (ner_corpus_read(argv[2], &c) != LEDE_OK) {
        fprintf(stderr, "bench_ner: cannot read %s\n", argv[2]);
        return 1;
    }
    /* Tag document by document, as `lede tag` and the pipeline do. */
    void *scratch = malloc(ner_scratch_size(c.n_words));
    uint8_t *tags = malloc(c.n_words + 1);
    size_t entities = 0;
    t0 = now_ms();
    c0 = cpu_ms();
    for (int pass = 0; pass < BENCH_TAG_PASSES; pass++)
        for (size_t d = 0; d < c.n_sents;) {
            size_t e = d + 1;
            while (e < c.n_sents && !c.doc_start[e])
                e++;
            ner_model_tag_doc(ctx->ner, ctx->gaz, c.words, c.sent_begin + d, e - d,
                              scratch, tags);
            d = e;
        }
    for (size_t i = 0; i < c.n_words; i++)
        entities += ner_tag_is_begin((ner_tag)tags[i]);
    double tag_ms = now_ms() - t0, tag_cpu = cpu_ms() - c0;
    double tokens = (double)c.n_words * BENCH_TAG_PASSES;

    size_t len = 0;
    char *article = read_file(argv[3], MAX_ARTICLE_BYTES, &len);
    if (!article) {
        fprintf(stderr, "bench_ner: cannot read %s\n", argv[3]);
        return 1;
    }
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += (i == 0 || article[i - 1] == ' ' || article[i - 1] == '\n') &&
                 article[i] != ' ' && article[i] != '\n';
    double nlp_total = 0, nlp_best = 1e9;
    size_t n_entities = 0;
    c0 = cpu_ms();
    for (int r = 0; r < BENCH_ARTICLE_RUNS; r++) {
        lede_result *res = NULL;
        if (lede_analyze_text(ctx, article, len, NULL, &res) != LEDE_OK) {
            fprintf(stderr, "bench_ner: analysis failed\n");
            return 1;
        }
        nlp_total += res->timings.nlp;
        if (res->timings.nlp < nlp_best)
            nlp_best = res->timings.nlp;
        n_entities = res->n_entities;
        lede_result_free(res);
    }

    double article_cpu = (cpu_ms() - c0) / BENCH_ARTICLE_RUNS;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("ner model load:       %.1f ms CPU (%.1f ms wall; gazetteers alone %.1f ms "
           "CPU)\n",
           load_cpu, load_ms, gaz_cpu);
    printf("ner tagging:          %.0f tokens/s CPU (%.0f wall; %zu tokens x %d passes, "
           "%zu spans/pass)\n",
           tokens / (tag_cpu / 1e3), tokens / (tag_ms / 1e3), c.n_words, BENCH_TAG_PASSES,
           entities);
    printf("article nlp time:     %.3f ms CPU per run (wall: %.3f ms mean, %.3f ms best; "
           "%zu words, %zu entities, %d runs)\n",
           article_cpu, nlp_total / BENCH_ARTICLE_RUNS, nlp_best, words, n_entities,
           BENCH_ARTICLE_RUNS);
    printf("peak RSS:             %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);
    free(article);
    free(scratch);
    free(tags);
    ner_corpus_free(&c);
    lede_ctx_free(ctx);
    return 0;
}
