/* A test helper shared by the tagger's suites: tags a sentence given as
 * space-separated tokens (at most 64) and compares the tags, space-separated,
 * with the expected ones. Included by one test file each: static. */
#ifndef LEDE_TEST_EXPECT_TAGS_H
#define LEDE_TEST_EXPECT_TAGS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "lede/lede.h"

static void expect_tags(const lede_ctx *ctx, const char *sentence, const char *expected) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", sentence);
    const char *toks[64], *tags[64];
    size_t n = 0;
    for (char *t = strtok(buf, " "); t && n < 64; t = strtok(NULL, " "))
        toks[n++] = t;
    cr_assert_eq(lede_tag_tokens(ctx, toks, n, tags), LEDE_OK);
    char got[1024] = "";
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(got, " ");
        strcat(got, tags[i]);
    }
    cr_assert_str_eq(got, expected, "%s", sentence);
}

#endif
