/* `lede tag --conll FILE`: tags the tokens of a CoNLL file with the entity
 * model and prints every line with the predicted BIO tag as a new last column.
 * Blank lines and -DOCSTART- lines pass through unchanged. Each document
 * (the lines between -DOCSTART- lines) is tagged in one call, sentences
 * separated by empty tokens, so the tagger sees the whole document. With
 * --confidence a further column holds the posterior of the tag (0..1). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Largest input file accepted. */
#define TAG_MAX_INPUT (1024u << 20)

static const char DOCSTART[] = "-DOCSTART-";

/* The lines of one document, in the input buffer. A token line is cut by a NUL
 * over its first separator (sep), put back when printing; a blank line is an
 * empty token. */
typedef struct {
    char **lines, **seps;
    char *sep_chars;
    const char **tokens, **tags;
    float *conf;
    size_t n, cap;
    bool with_conf;
} tag_doc;

static int doc_grow(tag_doc *d) {
    size_t cap = d->cap ? d->cap * 2 : 256;
    char **l = realloc(d->lines, cap * sizeof *l);
    if (l)
        d->lines = l;
    char **s = realloc(d->seps, cap * sizeof *s);
    if (s)
        d->seps = s;
    char *c = realloc(d->sep_chars, cap);
    if (c)
        d->sep_chars = c;
    const char **t = realloc(d->tokens, cap * sizeof *t);
    if (t)
        d->tokens = t;
    const char **g = realloc(d->tags, cap * sizeof *g);
    if (g)
        d->tags = g;
    float *f = realloc(d->conf, cap * sizeof *f);
    if (f)
        d->conf = f;
    if (!l || !s || !c || !t || !g || !f)
        return -1;
    d->cap = cap;
    return 0;
}

/* Adds a line; sep is NULL for a blank line. */
static int doc_push(tag_doc *d, char *line, char *sep) {
    if (d->n == d->cap && doc_grow(d) != 0)
        return -1;
    d->lines[d->n] = line;
    d->seps[d->n] = sep;
    if (sep) {
        d->sep_chars[d->n] = *sep;
        *sep = '\0';
        d->tokens[d->n] = line;
    } else {
        d->tokens[d->n] = "";
    }
    d->n++;
    return 0;
}

static int doc_flush(const lede_ctx *ctx, tag_doc *d) {
    if (!d->n)
        return 0;
    lede_status st = lede_tag_tokens_conf(ctx, d->tokens, d->n, d->tags,
                                          d->with_conf ? d->conf : NULL);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede tag: %s\n", lede_strerror(st));
        return -1;
    }
    for (size_t i = 0; i < d->n; i++) {
        if (!d->seps[i]) {
            printf("%s\n", d->lines[i]);
            continue;
        }
        *d->seps[i] = d->sep_chars[i];
        if (d->with_conf)
            printf("%s\t%s\t%.4f\n", d->lines[i], d->tags[i], (double)d->conf[i]);
        else
            printf("%s\t%s\n", d->lines[i], d->tags[i]);
    }
    d->n = 0;
    return 0;
}

static void doc_free(tag_doc *d) {
    free(d->lines);
    free(d->seps);
    free(d->sep_chars);
    free(d->tokens);
    free(d->tags);
    free(d->conf);
}

static int usage_to(FILE *f) {
    fprintf(f, "usage: lede tag --conll FILE [--confidence] [--data-dir DIR]\n");
    return f == stdout ? 0 : 2;
}

static int usage(void) { return usage_to(stderr); }

int cmd_tag(int argc, char **argv) {
    if (cli_wants_help(argc, argv))
        return usage_to(stdout);
    const char *path = NULL, *data_dir = NULL;
    bool with_conf = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--conll") && i + 1 < argc)
            path = argv[++i];
        else if (!strcmp(argv[i], "--confidence"))
            with_conf = true;
        else if (!strcmp(argv[i], "--data-dir") && i + 1 < argc)
            data_dir = argv[++i];
        else
            return usage();
    }
    if (!path)
        return usage();
    char *buf;
    size_t len;
    if (cli_read_file(path, TAG_MAX_INPUT, &buf, &len) != 0) {
        perror(path);
        return 1;
    }
    lede_ctx *ctx = cli_load_ctx(data_dir);
    if (!ctx) {
        free(buf);
        return 1;
    }
    tag_doc d = {0};
    d.with_conf = with_conf;
    int rc = 0;
    char *p = buf, *end = buf + len;
    while (rc == 0 && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *eol = nl ? nl : end;
        *eol = '\0';
        if (eol > p && eol[-1] == '\r')
            eol[-1] = '\0';
        size_t tok_len = strcspn(p, "\t ");
        bool blank = p[strspn(p, " \t")] == '\0';
        if (!blank && tok_len == sizeof DOCSTART - 1 && !strncmp(p, DOCSTART, tok_len)) {
            rc = doc_flush(ctx, &d);
            printf("%s\n", p);
        } else {
            rc = doc_push(&d, p, blank ? NULL : p + tok_len);
        }
        p = eol + 1;
    }
    if (rc == 0)
        rc = doc_flush(ctx, &d);
    doc_free(&d);
    free(buf);
    lede_ctx_free(ctx);
    return rc == 0 ? 0 : 1;
}
