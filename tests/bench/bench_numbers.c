/*
 * bench_numbers — throughput of tokenizing + numeric claims on one core.
 *
 * Usage: bench_numbers SHARED_DIR
 * Reports sentences per second (and MB/s) over two inputs: every "input" of
 * the JSONL files in SHARED_DIR/data/numeric (one short sentence each), and
 * the article bodies of SHARED_DIR/data/extraction/scrapinghub (real news text,
 * sentences as the tokenizer splits them). Each corpus is processed
 * repeatedly for at least BENCH_MIN_SECONDS.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "job.h"
#include "nlp/numbers.h"
#include "nlp/tok.h"

/* Long enough to average out timer noise and warm the caches. */
#define BENCH_MIN_SECONDS 1.0
/* Texts per arena: one, as each request (lede_analyze_text) has its own. */
#define BENCH_TEXTS_PER_ARENA 1
#define BENCH_MAX_TEXTS 65536
#define BENCH_PATH_MAX 4096

typedef struct {
    char **text;
    size_t *len;
    size_t n;
    size_t bytes;
} corpus;

static void add_text(corpus *c, const char *s) {
    if (!s || c->n >= BENCH_MAX_TEXTS)
        return;
    c->text[c->n] = strdup(s);
    c->len[c->n] = strlen(s);
    c->bytes += c->len[c->n];
    c->n++;
}

static void corpus_init(corpus *c) {
    c->text = calloc(BENCH_MAX_TEXTS, sizeof *c->text);
    c->len = calloc(BENCH_MAX_TEXTS, sizeof *c->len);
    c->n = c->bytes = 0;
}

static void corpus_free(corpus *c) {
    for (size_t i = 0; i < c->n; i++)
        free(c->text[i]);
    free(c->text);
    free(c->len);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Every "input" of the JSONL files in dir. */
static void load_numeric(corpus *c, const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[2 * BENCH_PATH_MAX];
    while ((e = readdir(d))) {
        if (!ends_with(e->d_name, ".jsonl"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, f) > 0) {
            json_t *o = json_loads(line, 0, NULL);
            add_text(c, json_string_value(json_object_get(o, "input")));
            json_decref(o);
        }
        free(line);
        fclose(f);
    }
    closedir(d);
}

/* The articleBody of every JSON file in dir. */
static void load_articles(corpus *c, const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[2 * BENCH_PATH_MAX];
    while ((e = readdir(d))) {
        if (!ends_with(e->d_name, ".json"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        json_t *o = json_load_file(path, 0, NULL);
        add_text(c, json_string_value(json_object_get(o, "articleBody")));
        json_decref(o);
    }
    closedir(d);
}

/* CPU time of this thread: the machine may be shared, and the figure wanted
 * is the throughput of one core. */
static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One pass over the corpus; returns sentences and claims seen. */
static int one_pass(const corpus *c, size_t *n_sents, size_t *n_claims) {
    lede_arena *a = NULL;
    for (size_t i = 0; i < c->n; i++) {
        if (i % BENCH_TEXTS_PER_ARENA == 0) {
            arena_free(a);
            a = arena_new(0);
        }
        lede_result res;
        memset(&res, 0, sizeof res);
        lede_job job;
        memset(&job, 0, sizeof job);
        job.arena = a;
        job.res = &res;
        if (nlp_tokenize(a, c->text[i], c->len[i], &job.nlp) != LEDE_OK ||
            nlp_numbers_extract(&job) != LEDE_OK) {
            arena_free(a);
            return -1;
        }
        *n_sents += job.nlp.n_sents;
        *n_claims += res.n_claims;
    }
    arena_free(a);
    return 0;
}

static int bench(const char *name, const corpus *c) {
    if (c->n == 0) {
        printf("%-22s no input found\n", name);
        return 0;
    }
    size_t sents = 0, claims = 0, passes = 0;
    double t0 = now_s(), el;
    do {
        if (one_pass(c, &sents, &claims) != 0) {
            fprintf(stderr, "bench_numbers: %s: extraction failed\n", name);
            return 1;
        }
        passes++;
        el = now_s() - t0;
    } while (el < BENCH_MIN_SECONDS);
    printf(
        "%-16s %4zu texts %5zu sentences/pass %5zu claims/pass %9.0f sentences/s (CPU) "
        "%7.1f MB/s\n",
        name, c->n, sents / passes, claims / passes, (double)sents / el,
        (double)c->bytes * (double)passes / el / 1e6);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: bench_numbers SHARED_DIR\n");
        return 2;
    }
    char dir[BENCH_PATH_MAX];
    corpus num, art;
    corpus_init(&num);
    corpus_init(&art);
    snprintf(dir, sizeof dir, "%s/data/numeric", argv[1]);
    load_numeric(&num, dir);
    snprintf(dir, sizeof dir, "%s/data/extraction/scrapinghub", argv[1]);
    load_articles(&art, dir);
    int rc = bench("numeric set", &num) | bench("article bodies", &art);
    corpus_free(&num);
    corpus_free(&art);
    return rc;
}
