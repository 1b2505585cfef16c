/* Extraction throughput on one core: parse + metadata + content (NLP off)
 * over every development page, each page run several times.
 *
 *   bench_extract SHARED_DIR [REPS]
 *
 * Prints pages/s and MB/s over the whole run and the median and p90 of the
 * per-page times (each page's own median over REPS runs). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lede/lede.h"

#define DEFAULT_REPS 5
#define MAX_PAGES 4096
#define MAX_PAGE_BYTES (10u << 20)

typedef struct {
    char *bytes;
    size_t len;
} page;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int load(const char *path, page *p) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    p->bytes = size > 0 && (size_t)size <= MAX_PAGE_BYTES ? malloc((size_t)size) : NULL;
    p->len = p->bytes ? fread(p->bytes, 1, (size_t)size, f) : 0;
    fclose(f);
    return p->bytes ? 0 : -1;
}

/* Adds every page of one development folder. */
static size_t add_pages(const char *dir, bool nested, page *pages, size_t n) {
    DIR *d = opendir(dir);
    if (!d)
        return n;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) && n < MAX_PAGES) {
        if (e->d_name[0] == '.')
            continue;
        size_t l = strlen(e->d_name);
        if (nested)
            snprintf(path, sizeof path, "%s/%s/source.html", dir, e->d_name);
        else if (l > 5 && !strcmp(e->d_name + l - 5, ".html"))
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        else
            continue;
        if (!load(path, &pages[n]))
            n++;
    }
    closedir(d);
    return n;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_extract SHARED_DIR [REPS]\n");
        return 2;
    }
    int reps = argc > 2 ? atoi(argv[2]) : DEFAULT_REPS;
    if (reps < 1)
        reps = 1;
    static page pages[MAX_PAGES];
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data/extraction/scrapinghub", argv[1]);
    size_t n = add_pages(dir, false, pages, 0);
    snprintf(dir, sizeof dir, "%s/data/extraction/readability", argv[1]);
    n = add_pages(dir, true, pages, n);
    if (!n) {
        fprintf(stderr, "bench_extract: no pages under %s/data/extraction\n", argv[1]);
        return 1;
    }
    lede_ctx *ctx;
    char err[256] = "";
    if (lede_ctx_new(NULL, &ctx, err, sizeof err) != LEDE_OK) {
        fprintf(stderr, "bench_extract: %s\n", err);
        return 1;
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_META | LEDE_FIELD_TEXT;
    double *per_page = calloc(n, sizeof *per_page),
           *runs = calloc((size_t)reps, sizeof *runs);
    double *content_page = calloc(n, sizeof *content_page),
           *content_runs = calloc((size_t)reps, sizeof *content_runs);
    double total_ms = 0, bytes = 0, parse_ms = 0, content_ms = 0, meta_ms = 0;
    for (size_t i = 0; i < n; i++) {
        for (int r = 0; r < reps; r++) {
            lede_result *res;
            double t0 = now_ms();
            lede_status st =
                lede_extract(ctx, pages[i].bytes, pages[i].len, NULL, &opt, &res);
            runs[r] = now_ms() - t0;
            total_ms += runs[r];
            content_runs[r] = 0;
            if (st == LEDE_OK) {
                content_runs[r] = res->timings.content;
                parse_ms += res->timings.parse;
                content_ms += res->timings.content;
                meta_ms += res->timings.meta;
                lede_result_free(res);
            }
        }
        bytes += (double)pages[i].len * reps;
        qsort(runs, (size_t)reps, sizeof *runs, cmp_double);
        per_page[i] = runs[reps / 2];
        qsort(content_runs, (size_t)reps, sizeof *content_runs, cmp_double);
        content_page[i] = content_runs[reps / 2];
    }
    qsort(per_page, n, sizeof *per_page, cmp_double);
    qsort(content_page, n, sizeof *content_page, cmp_double);
    double runs_total = (double)n * reps;
    printf("pages=%zu reps=%d total_bytes=%.1fMB\n", n, reps, bytes / reps / 1e6);
    printf("pages/s=%.0f MB/s=%.1f (one core, parse+meta+content)\n",
           runs_total / (total_ms / 1e3), bytes / 1e6 / (total_ms / 1e3));
    printf("ms/page median=%.3f p90=%.3f max=%.3f\n", per_page[n / 2],
           per_page[(n * 9) / 10], per_page[n - 1]);
    printf("mean ms/page: parse=%.3f meta=%.3f content=%.3f\n", parse_ms / runs_total,
           meta_ms / runs_total, content_ms / runs_total);
    printf("content stage alone: median=%.3f p90=%.3f ms/page\n", content_page[n / 2],
           content_page[(n * 9) / 10]);
    free(per_page);
    free(runs);
    free(content_page);
    free(content_runs);
    for (size_t i = 0; i < n; i++)
        free(pages[i].bytes);
    lede_ctx_free(ctx);
    return 0;
}
