/* lede extract [--url URL] [--content-type TYPE] [--html] FILE|-
 * lede extract --batch LIST    (LIST: lines "INPUT<TAB>OUTPUT"; one JSON per page)
 *
 * Batch mode loads the models once and extracts many pages in one process:
 * the evaluation scripts use it so that a run over a data set costs one
 * process start, not one per page. A page that fails is reported on stderr
 * and its output file is not written; the exit status is then 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "http_req.h"

/* Longest line of a batch list: two paths and a tab. */
#define BATCH_LINE_MAX 8192

static const char usage[] =
    "usage: lede extract [--url URL] [--content-type TYPE] "
    "[--html] [--dates] [--min-confidence C] FILE|-\n"
    "       lede extract [--html] [--dates] [--min-confidence C] --batch LIST\n";

/* Extracts one page and writes its JSON to `out` (indented when `pretty`). */
static int extract_one(const lede_ctx *ctx, const char *path, const char *url,
                       const lede_options *opt, FILE *out, bool pretty) {
    char *page;
    size_t len;
    if (cli_read_file(path, opt->max_input_bytes, &page, &len)) {
        fprintf(stderr, "lede: %s: %s\n", path,
                errno == EFBIG ? lede_strerror(LEDE_ERR_TOO_LARGE) : strerror(errno));
        return 1;
    }
    lede_result *res;
    lede_status st = lede_extract(ctx, page, len, url, opt, &res);
    free(page);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede: %s: %s\n", path, lede_strerror(st));
        return 1;
    }
    int rc = 0;
    json_t *j = lede_result_to_json(res, 0);
    size_t flags = JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT);
    if (!j || json_dumpf(j, out, flags) || fputc('\n', out) == EOF)
        rc = 1;
    json_decref(j);
    lede_result_free(res);
    return rc;
}

/* Runs every "INPUT<TAB>OUTPUT" line of the list file. */
static int extract_batch(const lede_ctx *ctx, const char *list, const lede_options *opt) {
    FILE *f = strcmp(list, "-") ? fopen(list, "r") : stdin;
    if (!f) {
        fprintf(stderr, "lede: %s: %s\n", list, strerror(errno));
        return 1;
    }
    char line[BATCH_LINE_MAX];
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!line[0])
            continue;
        if (!tab || !tab[1]) {
            fprintf(stderr, "lede: %s: bad line (want INPUT<TAB>OUTPUT): %s\n", list,
                    line);
            rc = 1;
            continue;
        }
        *tab = '\0';
        FILE *out = fopen(tab + 1, "w");
        if (!out) {
            fprintf(stderr, "lede: %s: %s\n", tab + 1, strerror(errno));
            rc = 1;
            continue;
        }
        int one = extract_one(ctx, line, NULL, opt, out, false);
        if (fclose(out) || one) {
            remove(tab + 1);
            rc = 1;
        }
    }
    if (f != stdin)
        fclose(f);
    return rc;
}

int cmd_extract(int argc, char **argv) {
    const char *url = NULL, *path = NULL, *content_type = NULL, *data_dir = NULL;
    const char *batch = NULL;
    bool include_html = false, include_dates = false;
    double min_confidence = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--url") && i + 1 < argc)
            url = argv[++i];
        else if (!strcmp(argv[i], "--content-type") && i + 1 < argc)
            content_type = argv[++i];
        else if (!strcmp(argv[i], "--data-dir") && i + 1 < argc)
            data_dir = argv[++i];
        else if (!strcmp(argv[i], "--batch") && i + 1 < argc)
            batch = argv[++i];
        else if (!strcmp(argv[i], "--html"))
            include_html = true;
        else if (!strcmp(argv[i], "--dates"))
            include_dates = true;
        else if (!strcmp(argv[i], "--min-confidence") && i + 1 < argc) {
            if (http_confidence_parse(argv[++i], &min_confidence)) {
                fprintf(stderr, "lede extract: --min-confidence must be a number from 0 "
                                "to 1\n");
                return 2;
            }
        } else if (!path && (argv[i][0] != '-' || !strcmp(argv[i], "-")))
            path = argv[i];
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!path == !batch) {
        fputs(usage, stderr);
        return 2;
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.content_type = content_type;
    opt.include_html = include_html;
    opt.include_dates = include_dates;
    opt.min_confidence = min_confidence;

    lede_ctx *ctx = cli_load_ctx(data_dir);
    if (!ctx)
        return 1;
    int rc = batch ? extract_batch(ctx, batch, &opt)
                   : extract_one(ctx, path, url, &opt, stdout, true);
    lede_ctx_free(ctx);
    return rc;
}
