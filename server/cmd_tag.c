/* `lede tag --conll FILE`: tags the tokens of a CoNLL file with the entity
 * model and prints every line with the predicted BIO tag as a new last column.
 * Blank lines and -DOCSTART- lines pass through unchanged. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Largest input file accepted. */
#define TAG_MAX_INPUT (1024u << 20)

/* A sentence's lines live in the input buffer; each token is the start of its
 * line, cut by a NUL over the first separator (sep), put back when printing. */
typedef struct {
    char **seps;
    char *sep_chars;
    const char **tokens, **tags;
    size_t n, cap;
} tag_sentence;

static int sentence_push(tag_sentence *s, char *line, char *sep) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **l = realloc(s->seps, cap * sizeof *l);
        if (l)
            s->seps = l;
        char *c = realloc(s->sep_chars, cap);
        if (c)
            s->sep_chars = c;
        const char **t = realloc(s->tokens, cap * sizeof *t);
        if (t)
            s->tokens = t;
        const char **g = realloc(s->tags, cap * sizeof *g);
        if (g)
            s->tags = g;
        if (!l || !c || !t || !g)
            return -1;
        s->cap = cap;
    }
    s->seps[s->n] = sep;
    s->sep_chars[s->n] = *sep;
    *sep = '\0';
    s->tokens[s->n++] = line;
    return 0;
}

static int sentence_flush(const lede_ctx *ctx, tag_sentence *s) {
    if (!s->n)
        return 0;
    lede_status st = lede_tag_tokens(ctx, s->tokens, s->n, s->tags);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede tag: %s\n", lede_strerror(st));
        return -1;
    }
    for (size_t i = 0; i < s->n; i++) {
        *s->seps[i] = s->sep_chars[i];
        printf("%s\t%s\n", s->tokens[i], s->tags[i]);
    }
    s->n = 0;
    return 0;
}

static int usage(void) {
    fprintf(stderr, "usage: lede tag --conll FILE [--data-dir DIR]\n");
    return 2;
}

int cmd_tag(int argc, char **argv) {
    const char *path = NULL, *data_dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--conll") && i + 1 < argc)
            path = argv[++i];
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
    /* Tokens are the first column of each line. */
    tag_sentence s = {0};
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
        if (blank || (tok_len == 10 && !strncmp(p, "-DOCSTART-", 10))) {
            rc = sentence_flush(ctx, &s);
            printf("%s\n", p);
        } else {
            rc = sentence_push(&s, p, p + tok_len);
        }
        p = eol + 1;
    }
    if (rc == 0)
        rc = sentence_flush(ctx, &s);
    free(s.seps);
    free(s.sep_chars);
    free(s.tokens);
    free(s.tags);
    free(buf);
    lede_ctx_free(ctx);
    return rc == 0 ? 0 : 1;
}
