/* lede extract [--url URL] [--content-type TYPE] [--fields LIST] FILE|- */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_extract(int argc, char **argv) {
    const char *url = NULL, *path = NULL, *content_type = NULL, *data_dir = NULL;
    bool include_html = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--url") && i + 1 < argc)
            url = argv[++i];
        else if (!strcmp(argv[i], "--content-type") && i + 1 < argc)
            content_type = argv[++i];
        else if (!strcmp(argv[i], "--data-dir") && i + 1 < argc)
            data_dir = argv[++i];
        else if (!strcmp(argv[i], "--html"))
            include_html = true;
        else if (!path && (argv[i][0] != '-' || !strcmp(argv[i], "-")))
            path = argv[i];
        else {
            fprintf(stderr, "usage: lede extract [--url URL] [--content-type TYPE] "
                            "[--html] FILE|-\n");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "usage: lede extract [--url URL] FILE|-\n");
        return 2;
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.content_type = content_type;
    opt.include_html = include_html;

    char *page;
    size_t len;
    if (cli_read_file(path, opt.max_input_bytes, &page, &len)) {
        fprintf(stderr, "lede: %s: %s\n", path,
                errno == EFBIG ? lede_strerror(LEDE_ERR_TOO_LARGE) : strerror(errno));
        return 1;
    }
    lede_ctx *ctx = cli_load_ctx(data_dir);
    if (!ctx) {
        free(page);
        return 1;
    }
    lede_result *res;
    lede_status st = lede_extract(ctx, page, len, url, &opt, &res);
    int rc = 0;
    if (st != LEDE_OK) {
        fprintf(stderr, "lede: %s: %s\n", path, lede_strerror(st));
        rc = 1;
    } else {
        json_t *j = lede_result_to_json(res, 0);
        if (!j || json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ||
            fputc('\n', stdout) == EOF)
            rc = 1;
        json_decref(j);
        lede_result_free(res);
    }
    lede_ctx_free(ctx);
    free(page);
    return rc;
}
