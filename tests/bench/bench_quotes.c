/*
 * bench_quotes — time of quote extraction against the rest of the language
 * stages, over the article texts of a JSONL file ({"text": ...} per line) read
 * at run time. All times are thread CPU time, so other processes on a busy
 * machine inflate them less. Prints ms per article for lede_analyze_text with
 * the entity and number stages ("nlp without quotes"), for quote extraction
 * alone on a job whose tokens and entities are ready (rules, model, speakers), the
 * ratio of the two, and lede_analyze_text with quotes as well, whose excess
 * over the run without them is what quotes add in place (the difference of two
 * totals, so the noisier figure).
 * Usage: bench_quotes FILE.jsonl [ROUNDS]
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "job.h"
#include "lede/lede.h"
#include "nlp/quotes.h"

#define DEFAULT_ROUNDS 5
#define MAX_TEXTS 100000

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Quote extraction alone over one text, as in the pipeline: the text is
 * tokenised and its entities tagged first (not counted), then the quote stage
 * runs on the job (rules, the attribution model when loaded, speakers,
 * entity links); adds the CPU ms spent to *ms and returns the quotes found. */
static size_t quotes_once(const lede_ctx *ctx, const lede_options *opt, const char *text,
                          size_t len, double *ms) {
    lede_job job;
    if (job_run_text(ctx, text, len, opt, &job) != LEDE_OK)
        return 0;
    double t0 = now_ms();
    size_t n = nlp_quotes_extract(&job) == LEDE_OK ? job.res->n_quotes : 0;
    *ms += now_ms() - t0;
    job_discard(&job);
    return n;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_quotes FILE.jsonl [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : DEFAULT_ROUNDS;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char **texts = calloc(MAX_TEXTS, sizeof *texts);
    size_t n_texts = 0, bytes = 0;
    char *line = NULL;
    size_t cap = 0;
    while (texts && n_texts < MAX_TEXTS && getline(&line, &cap, f) != -1) {
        json_t *o = json_loads(line, 0, NULL);
        const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
        if (t) {
            texts[n_texts++] = strdup(t);
            bytes += strlen(t);
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    lede_ctx *ctx = NULL;
    char err[256] = "";
    lede_ctx_config cfg = {0};
    if (lede_ctx_new(&cfg, &ctx, err, sizeof err) != LEDE_OK) {
        fprintf(stderr, "bench_quotes: cannot load context: %s\n", err);
        return 1;
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_ENTITIES | LEDE_FIELD_NUMBERS;
    lede_options opt_all = opt, opt_ent = opt;
    opt_ent.stages = LEDE_FIELD_ENTITIES;
    opt_all.stages = LEDE_FIELD_ENTITIES | LEDE_FIELD_NUMBERS | LEDE_FIELD_QUOTES;
    double nlp_ms = 0, quotes_ms = 0, with_ms = 0;
    size_t n_quotes = 0;
    /* One warm-up round; then each text runs without and with quotes back to
     * back, in alternating order, so cache state and machine load favour
     * neither; quote extraction alone runs after. */
    for (int r = -1; r < rounds; r++) {
        double without = 0, with = 0, q_ms = 0;
        for (size_t i = 0; i < n_texts; i++) {
            for (int v = 0; v < 2; v++) {
                bool quotes_on = (v == 0) == ((i + (size_t)(r + 1)) % 2 == 0);
                double t0 = now_ms();
                lede_result *res;
                if (lede_analyze_text(ctx, texts[i], strlen(texts[i]),
                                      quotes_on ? &opt_all : &opt, &res) == LEDE_OK)
                    lede_result_free(res);
                *(quotes_on ? &with : &without) += now_ms() - t0;
            }
        }
        size_t found = 0;
        for (size_t i = 0; i < n_texts; i++)
            found += quotes_once(ctx, &opt_ent, texts[i], strlen(texts[i]), &q_ms);
        if (r < 0)
            continue;
        nlp_ms += without;
        with_ms += with;
        quotes_ms += q_ms;
        n_quotes += found;
    }
    double per = rounds > 0 && n_texts ? 1.0 / (rounds * (double)n_texts) : 0;
    printf("bench_quotes: %zu texts (%.1f KiB), %d rounds, %zu quotes per round\n",
           n_texts, bytes / 1024.0, rounds, rounds > 0 ? n_quotes / (size_t)rounds : 0);
    printf("  nlp without quotes  %.4f ms/article\n", nlp_ms * per);
    printf("  quote extraction    %.4f ms/article (%.1f MB/s)\n", quotes_ms * per,
           quotes_ms > 0 ? bytes * (double)rounds / 1e3 / quotes_ms : 0);
    printf("  quotes / nlp        %.1f%%\n", nlp_ms > 0 ? 100.0 * quotes_ms / nlp_ms : 0);
    printf("  nlp with quotes     %.4f ms/article (+%.1f%% over nlp without quotes)\n",
           with_ms * per, nlp_ms > 0 ? 100.0 * (with_ms - nlp_ms) / nlp_ms : 0);
    for (size_t i = 0; i < n_texts; i++)
        free(texts[i]);
    free(texts);
    lede_ctx_free(ctx);
    return 0;
}
