/* Helpers shared by the subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_read_file(const char *path, size_t max, char **out, size_t *out_len) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return -1;
    size_t size = 64 * 1024, len = 0;
    char *buf = malloc(size + 1);
    while (buf) {
        size_t n = fread(buf + len, 1, size - len, f);
        len += n;
        if (len > max) {
            free(buf);
            buf = NULL;
            errno = EFBIG;
            break;
        }
        if (n == 0)
            break;
        if (len == size) {
            char *bigger = realloc(buf, size * 2 + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            size *= 2;
        }
    }
    int err = errno;
    bool failed = !buf || ferror(f);
    if (f != stdin)
        fclose(f);
    if (failed) {
        free(buf);
        errno = err ? err : EIO;
        return -1;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

lede_ctx *cli_load_ctx(const char *data_dir) {
    char err[256] = "";
    lede_ctx_config cfg = {.data_dir = data_dir};
    lede_ctx *ctx = NULL;
    lede_status st = lede_ctx_new(&cfg, &ctx, err, sizeof err);
    if (st != LEDE_OK)
        fprintf(stderr, "lede: cannot load models: %s%s%s\n", lede_strerror(st),
                err[0] ? ": " : "", err);
    return ctx;
}
