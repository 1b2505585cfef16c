/* The entity tagger: tags, features, Viterbi, gazetteers, the model file
 * (round trip and malformed files), training on a tiny hand-written corpus, and
 * the shipped model on sentences written for these tests. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "expect_tags.h"
#include "job.h"
#include "nlp/ner.h"
#include "nlp/ner_gaz.h"
#include "nlp/ner_hash.h"
#include "nlp/ner_model.h"
#include "nlp/ner_train.h"

#define SHIPPED_DATA LEDE_SOURCE_DIR "/core/data"

static size_t split(char *s, ner_word *words, size_t max) {
    size_t n = 0;
    for (char *tok = strtok(s, " "); tok && n < max; tok = strtok(NULL, " "))
        words[n++] = (ner_word){tok, strlen(tok)};
    return n;
}

static void tmp_path(char *buf, size_t len, const char *name) {
    snprintf(buf, len, "/tmp/lede_test_ner_%d_%s", (int)getpid(), name);
}

static void write_file(const char *path, const void *data, size_t len) {
    FILE *f = fopen(path, "wb");
    cr_assert(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    cr_assert(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(*len);
    cr_assert_eq(fread(buf, 1, *len, f), *len);
    fclose(f);
    return buf;
}

Test(ner, tag_names_round_trip) {
    for (int t = 0; t < NER_N_TAGS; t++)
        cr_assert_eq(ner_tag_parse(ner_tag_names[t], strlen(ner_tag_names[t])), t);
    cr_assert_eq(ner_tag_parse("B-GPE", 5), NER_O);
    cr_assert_eq(ner_tag_type(NER_B_PER), LEDE_ENT_PERSON);
    cr_assert_eq(ner_tag_type(NER_I_LOC), LEDE_ENT_LOC);
    cr_assert_eq(ner_tag_type(NER_B_MISC), LEDE_ENT_MISC);
    cr_assert(ner_tag_is_begin(NER_B_ORG));
    cr_assert_not(ner_tag_is_begin(NER_I_ORG));
    cr_assert_not(ner_tag_is_begin(NER_O));
}

/* Features of token i of a sentence, sorted for set comparisons. */
static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static size_t feats_of(const char *sentence, size_t i, uint64_t *out) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", sentence);
    ner_word words[32];
    size_t n = split(buf, words, 32);
    ner_tokinfo info[32];
    uint64_t tmp[32 * 2];
    ner_prepare(NULL, words, n, info, tmp);
    size_t k = ner_features(words, info, n, i, ner_caps_sentence(info, n), out);
    qsort(out, k, sizeof *out, cmp_u64);
    return k;
}

static size_t shared_feats(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
    size_t i = 0, j = 0, same = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j])
            same++, i++, j++;
        else if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return same;
}

Test(ner, features_are_deterministic_and_contextual) {
    uint64_t a[NER_MAX_FEATS], b[NER_MAX_FEATS], c[NER_MAX_FEATS];
    size_t na = feats_of("the talks in Geneva ended", 3, a);
    size_t nb = feats_of("the talks in Geneva ended", 3, b);
    cr_assert_eq(na, nb);
    cr_assert(na > 20 && na <= NER_MAX_FEATS);
    cr_assert_eq(memcmp(a, b, na * sizeof *a), 0);
    /* Another right neighbour changes only the features that look at it. */
    size_t nc = feats_of("the talks in Geneva began", 3, c);
    size_t same = shared_feats(a, na, c, nc);
    cr_assert(same < na && same > na / 2, "%zu of %zu shared", same, na);
}

Test(ner, features_see_case_and_shape) {
    uint64_t a[NER_MAX_FEATS], b[NER_MAX_FEATS], c[NER_MAX_FEATS];
    size_t na = feats_of("met Putin today", 1, a);
    size_t nb = feats_of("met putin today", 1, b);
    size_t nc = feats_of("met Smith today", 1, c);
    /* Case differs: the lower-case form and the context are shared, the word
     * and the shape are not. */
    size_t ab = shared_feats(a, na, b, nb);
    cr_assert(ab > 5 && ab < na);
    /* Same shape and context, other word: shape features are shared. */
    size_t ac = shared_feats(a, na, c, nc);
    cr_assert(ac > 5 && ac < na);
}

Test(ner, sentence_in_capitals_is_detected) {
    ner_word w[4];
    char s1[] = "RUSSIA BEAT FRANCE 2-1", s2[] = "Russia beat France 2-1";
    ner_tokinfo info[4];
    uint64_t tmp[8];
    size_t n = split(s1, w, 4);
    ner_prepare(NULL, w, n, info, tmp);
    cr_assert(ner_caps_sentence(info, n));
    n = split(s2, w, 4);
    ner_prepare(NULL, w, n, info, tmp);
    cr_assert_not(ner_caps_sentence(info, n));
}

Test(ner, viterbi_follows_scores_and_bio) {
    float trans[NER_N_TAGS + 1][NER_N_TAGS] = {{0}};
    float em[3 * NER_N_TAGS] = {0};
    uint8_t back[3 * NER_N_TAGS], out[3];
    /* Token 0 prefers I-PER, which cannot start a sentence; B-PER is next. */
    em[0 * NER_N_TAGS + NER_I_PER] = 5;
    em[0 * NER_N_TAGS + NER_B_PER] = 3;
    em[1 * NER_N_TAGS + NER_I_PER] = 4;
    em[2 * NER_N_TAGS + NER_O] = 1;
    ner_viterbi(em, trans, 3, back, out);
    cr_assert_eq(out[0], NER_B_PER);
    cr_assert_eq(out[1], NER_I_PER);
    cr_assert_eq(out[2], NER_O);
    /* A strong transition outweighs a weak emission. */
    em[2 * NER_N_TAGS + NER_I_PER] = 0.5f;
    trans[NER_I_PER][NER_I_PER] = 2;
    ner_viterbi(em, trans, 3, back, out);
    cr_assert_eq(out[2], NER_I_PER);
    /* I-ORG never follows B-PER: to take the strong I-ORG the decoder must
     * begin the span with B-ORG. */
    memset(em, 0, sizeof em);
    memset(trans, 0, sizeof trans);
    em[0 * NER_N_TAGS + NER_B_PER] = 3;
    em[1 * NER_N_TAGS + NER_I_ORG] = 9;
    ner_viterbi(em, trans, 2, back, out);
    cr_assert_eq(out[0], NER_B_ORG);
    cr_assert_eq(out[1], NER_I_ORG);
}

/* The score of one tag sequence, -infinity when BIO forbids it. */
static float ner_path_score(const float *em,
                            const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                            const uint8_t *tags, size_t n) {
    float s = 0;
    for (size_t i = 0; i < n; i++) {
        int from = i ? tags[i - 1] : NER_START;
        bool inside = tags[i] != NER_O && !ner_tag_is_begin((ner_tag)tags[i]);
        if (inside &&
            (from == NER_START || from == NER_O || (from - 1) / 2 != (tags[i] - 1) / 2))
            return -INFINITY;
        s += trans[from][tags[i]] + em[i * NER_N_TAGS + tags[i]];
    }
    return s;
}

/* Viterbi is exact: against all 9^4 sequences of four tokens, over random
 * scores and transitions. */
Test(ner, viterbi_is_exact) {
    enum { N = 4 };
    unsigned seed = 777;
    for (int round = 0; round < 20; round++) {
        float em[N * NER_N_TAGS], trans[NER_N_TAGS + 1][NER_N_TAGS];
        for (size_t k = 0; k < N * NER_N_TAGS; k++)
            em[k] =
                (float)((seed = seed * 1103515245u + 12345u) >> 16 & 1023) / 64.0f - 8;
        for (int a = 0; a <= NER_N_TAGS; a++)
            for (int b = 0; b < NER_N_TAGS; b++)
                trans[a][b] =
                    (float)((seed = seed * 1103515245u + 12345u) >> 16 & 1023) / 64.0f -
                    8;
        uint8_t back[N * NER_N_TAGS], out[N], seq[N];
        ner_viterbi(em, trans, N, back, out);
        float best = -INFINITY;
        for (int code = 0; code < NER_N_TAGS * NER_N_TAGS * NER_N_TAGS * NER_N_TAGS;
             code++) {
            for (int i = 0, c = code; i < N; i++, c /= NER_N_TAGS)
                seq[i] = (uint8_t)(c % NER_N_TAGS);
            float sc = ner_path_score(em, trans, seq, N);
            best = sc > best ? sc : best;
        }
        cr_expect_float_eq(ner_path_score(em, trans, out, N), best, 1e-4,
                           "round %d: the decoded sequence is not the best", round);
    }
}

Test(ner, gazetteer_longest_match_and_alias) {
    gazetteer *g = ner_gaz_new();
    cr_assert(g);
    const char *york = "York", *ny = "New York", *nyc = "New York City";
    cr_assert_eq(ner_gaz_add(g, york, strlen(york), NER_GAZ_CITY), LEDE_OK);
    cr_assert_eq(ner_gaz_add(g, ny, strlen(ny), NER_GAZ_REGION), LEDE_OK);
    cr_assert_eq(ner_gaz_add(g, nyc, strlen(nyc), NER_GAZ_CITY), LEDE_OK);
    const char *toks[] = {"in", "NEW", "York", "City", "today"};
    uint64_t h[5];
    for (int i = 0; i < 5; i++)
        h[i] = ner_hash_bytes(toks[i], strlen(toks[i]), 1);
    uint16_t lists[5];
    bool begin[5];
    ner_gaz_match(g, h, 5, lists, begin);
    cr_assert_eq(lists[0], 0);
    cr_assert_eq(lists[1], NER_GAZ_CITY);
    cr_assert(begin[1]);
    cr_assert_eq(lists[2], NER_GAZ_CITY);
    cr_assert_not(begin[2]);
    cr_assert_eq(lists[3], NER_GAZ_CITY);
    cr_assert_eq(lists[4], 0);
    cr_assert(ner_gaz_lookup(g, h + 1, 2) & NER_GAZ_PREFIX);
    cr_assert(ner_gaz_lookup(g, h + 1, 2) & NER_GAZ_REGION);
    cr_assert_null(ner_gaz_alias(g, h + 1, 2));
    ner_gaz_free(g);

    /* The shipped alias table joins "U.S." and "United States". */
    cr_assert_eq(ner_gaz_load(SHIPPED_DATA, &g, NULL, 0), LEDE_OK);
    uint64_t us = ner_hash_bytes("U.S.", 4, 1);
    const char *canon = ner_gaz_alias(g, &us, 1);
    cr_assert(canon);
    cr_assert_str_eq(canon, "United States");
    uint64_t fr = ner_hash_bytes("French", 6, 1);
    cr_assert(ner_gaz_lookup(g, &fr, 1) & NER_GAZ_DEMONYM);
    ner_gaz_free(g);
}

Test(ner, malformed_gazetteer_is_rejected) {
    char dir[256], sub[300], file[340];
    tmp_path(dir, sizeof dir, "gazdir");
    snprintf(sub, sizeof sub, "%s/gazetteers", dir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    snprintf(file, sizeof file, "%s/cities.txt", sub);
    write_file(file, "Paris\n\xff\xfe broken\n", 16);
    gazetteer *g = NULL;
    char err[256] = "";
    cr_assert_eq(ner_gaz_load(dir, &g, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert_null(g);
    cr_assert(strstr(err, "line 2"), "%s", err);
    unlink(file);
    rmdir(sub);
    rmdir(dir);
}

/* A model with a few hand-set weights, written and read back. */
Test(ner, model_file_round_trip) {
    const uint32_t bits = 10;
    size_t n = (size_t)1 << bits;
    float *w = calloc(n * NER_N_TAGS, sizeof *w);
    float trans[NER_N_TAGS + 1][NER_N_TAGS] = {{0}};
    w[5 * NER_N_TAGS + NER_B_PER] = 2.0f;
    w[5 * NER_N_TAGS + NER_O] = -1.0f;
    w[700 * NER_N_TAGS + NER_I_MISC] = 0.5f;
    trans[NER_START][NER_B_LOC] = 1.0f;
    trans[NER_B_PER][NER_I_PER] = -2.0f;
    char path[256];
    tmp_path(path, sizeof path, "roundtrip.model");
    size_t n_buckets = 0;
    cr_assert_eq(ner_model_write(path, bits, w, trans, &n_buckets), LEDE_OK);
    cr_assert_eq(n_buckets, 2);
    ner_model *m = NULL;
    cr_assert_eq(ner_model_read(path, &m, NULL, 0), LEDE_OK);
    cr_assert_eq(m->bits, bits);
    /* Largest weight maps to the top of the int16 range; ratios survive. */
    cr_assert_eq(m->n_rows, 2);
    cr_assert_eq(m->table->n_rows, 2);
    cr_assert(ner_table_row(m->table, 5) && ner_table_row(m->table, 700));
    int16_t top = ner_model_weight(m, 5, NER_B_PER);
    cr_assert(top > 30000);
    cr_assert_eq(ner_model_weight(m, 5, NER_O), -top / 2);
    cr_assert_eq(ner_model_weight(m, 5, NER_B_LOC), 0);
    cr_assert_eq(ner_model_weight(m, 700, NER_I_MISC), top / 4);
    cr_assert_null(ner_table_row(m->table, 6));
    cr_assert_null(ner_table_row(m->table, 1023));
    cr_assert_eq(m->trans[NER_START][NER_B_LOC], top / 2);
    cr_assert_eq(m->trans[NER_B_PER][NER_I_PER], -top);
    ner_model_free(m);
    unlink(path);
    free(w);
}

Test(ner, malformed_model_is_rejected) {
    const uint32_t bits = 8;
    float *w = calloc(((size_t)1 << bits) * NER_N_TAGS, sizeof *w);
    float trans[NER_N_TAGS + 1][NER_N_TAGS] = {{0}};
    w[3 * NER_N_TAGS + NER_B_ORG] = 1.0f;
    w[9 * NER_N_TAGS + NER_B_LOC] = 1.0f;
    char path[256];
    tmp_path(path, sizeof path, "bad.model");
    cr_assert_eq(ner_model_write(path, bits, w, trans, NULL), LEDE_OK);
    free(w);
    size_t len;
    unsigned char *good = read_file(path, &len);
    unsigned char *bad = malloc(len);
    ner_model *m = NULL;
    char err[256];

    cr_assert_eq(ner_model_parse(good, len, &m, err, sizeof err), LEDE_OK);
    ner_model_free(m);
    /* Truncated. */
    cr_assert_eq(ner_model_parse(good, len - 7, &m, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert_null(m);
    /* Bad magic. */
    memcpy(bad, good, len);
    bad[0] = 'X';
    cr_assert_eq(ner_model_parse(bad, len, &m, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert(strstr(err, "magic"), "%s", err);
    /* One flipped bit in the weights. */
    memcpy(bad, good, len);
    bad[len - 6] ^= 0x10;
    err[0] = 0;
    cr_assert_eq(ner_model_parse(bad, len, &m, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert(strstr(err, "checksum"), "%s", err);
    cr_assert_eq(ner_model_parse(good, 3, &m, err, sizeof err), LEDE_ERR_MODEL);

    /* Through the context: a malformed file is an error with a message, a
     * missing one is not. */
    char dir[256], model[300];
    tmp_path(dir, sizeof dir, "ctxdir");
    mkdir(dir, 0700);
    snprintf(model, sizeof model, "%s/ner.model", dir);
    lede_ctx_config cfg = {.data_dir = dir};
    lede_ctx *ctx = NULL;
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, err, sizeof err), LEDE_OK);
    cr_assert_null(ctx->ner);
    const char *toks[] = {"Paris"};
    const char *tags[1];
    cr_assert_eq(lede_tag_tokens(ctx, toks, 1, tags), LEDE_OK);
    cr_assert_str_eq(tags[0], "O");
    lede_ctx_free(ctx);
    write_file(model, good, len / 2);
    err[0] = 0;
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert_null(ctx);
    cr_assert(strstr(err, "entity model"), "%s", err);
    unlink(model);
    rmdir(dir);
    unlink(path);
    free(good);
    free(bad);
}

/* A tiny corpus written for this test: the trained model must learn it. */
static const char tiny_corpus[] = "-DOCSTART-\tO\n\n"
                                  "Alice\tB-PER\nvisited\tO\nLondon\tB-LOC\n.\tO\n\n"
                                  "Bob\tB-PER\nWhite\tI-PER\njoined\tO\nAcme\tB-ORG\n"
                                  "Corp\tI-ORG\n.\tO\n\n"
                                  "the\tO\nAcme\tB-ORG\nboard\tO\nmet\tO\nin\tO\n"
                                  "London\tB-LOC\n\n";

Test(ner, training_learns_a_tiny_corpus) {
    char corpus[256], model[256];
    tmp_path(corpus, sizeof corpus, "tiny.conll");
    tmp_path(model, sizeof model, "tiny.model");
    write_file(corpus, tiny_corpus, strlen(tiny_corpus));
    ner_corpus c;
    cr_assert_eq(ner_corpus_read(corpus, &c), LEDE_OK);
    cr_assert_eq(c.n_sents, 3);
    cr_assert_eq(c.n_words, 16);
    ner_train_file f = {corpus, 1.0f, false};
    ner_train_opts o = {.files = &f,
                        .n_files = 1,
                        .epochs = 10,
                        .bits = 14,
                        .seed = 7,
                        .out_path = model};
    cr_assert_eq(ner_train(&o, NULL), LEDE_OK);
    ner_model *m = NULL;
    cr_assert_eq(ner_model_read(model, &m, NULL, 0), LEDE_OK);
    void *scratch = malloc(ner_scratch_size(16));
    ner_span_counts counts = {0};
    for (size_t s = 0; s < c.n_sents; s++) {
        size_t b = c.sent_begin[s], n = c.sent_begin[s + 1] - b;
        uint8_t tags[16];
        ner_model_tag(m, NULL, c.words + b, n, scratch, tags);
        ner_span_count(c.tags + b, tags, n, &counts);
    }
    cr_assert_eq(counts.gold, 6);
    cr_assert_eq(counts.correct, 6);
    cr_assert_eq(counts.pred, 6);
    /* Deterministic: a second run writes the same bytes. */
    char model2[256];
    tmp_path(model2, sizeof model2, "tiny2.model");
    o.out_path = model2;
    cr_assert_eq(ner_train(&o, NULL), LEDE_OK);
    size_t l1, l2;
    unsigned char *b1 = read_file(model, &l1), *b2 = read_file(model2, &l2);
    cr_assert_eq(l1, l2);
    cr_assert_eq(memcmp(b1, b2, l1), 0);
    free(b1);
    free(b2);
    free(scratch);
    ner_model_free(m);
    ner_corpus_free(&c);
    unlink(corpus);
    unlink(model);
    unlink(model2);
}

Test(ner, span_counting_is_conlleval_style) {
    const uint8_t gold[] = {NER_B_PER, NER_I_PER, NER_O, NER_B_LOC, NER_B_LOC};
    const uint8_t pred[] = {NER_B_PER, NER_O, NER_O, NER_B_LOC, NER_I_LOC};
    ner_span_counts c = {0};
    ner_span_count(gold, pred, 5, &c);
    cr_assert_eq(c.gold, 3);
    cr_assert_eq(c.pred, 2);
    cr_assert_eq(c.correct, 0);
}

/* The shipped model on sentences written for this test. */
static lede_ctx *shipped(void) {
    lede_ctx_config cfg = {.data_dir = SHIPPED_DATA};
    lede_ctx *ctx = NULL;
    char err[256] = "";
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, err, sizeof err), LEDE_OK, "%s", err);
    cr_assert(ctx->ner, "the shipped model is missing");
    return ctx;
}

Test(ner, shipped_model_tags_news_sentences) {
    lede_ctx *ctx = shipped();
    expect_tags(
        ctx, "German Chancellor Angela Merkel met Emmanuel Macron in Paris on Monday .",
        "B-MISC O B-PER I-PER O B-PER I-PER O B-LOC O O O");
    expect_tags(ctx, "Shares of Microsoft rose 3 percent in New York trading .",
                "O O B-ORG O O O O B-LOC I-LOC O O");
    expect_tags(ctx,
                "The European Union imposed new sanctions on Russia , officials said .",
                "O B-ORG I-ORG O O O O B-LOC O O O O");
    expect_tags(ctx, "She said the weather was cold .", "O O O O O O O");
    lede_ctx_free(ctx);
}

Test(ner, long_sentences_use_the_heap_path) {
    lede_ctx *ctx = shipped();
    enum { N = 300 };
    const char *toks[N], *tags[N];
    for (int i = 0; i < N; i++)
        toks[i] = i % 10 == 3 ? "Paris" : "and";
    cr_assert_eq(lede_tag_tokens(ctx, toks, N, tags), LEDE_OK);
    cr_assert_str_eq(tags[3], "B-LOC");
    cr_assert_str_eq(tags[4], "O");
    cr_assert_str_eq(tags[293], "B-LOC");
    lede_ctx_free(ctx);
}

/* Two stages in one file; mismatched or trailing data is refused. */
Test(ner, two_stage_model_file) {
    const uint32_t bits = 8;
    float *w = calloc(((size_t)1 << bits) * NER_N_TAGS, sizeof *w);
    float trans[NER_N_TAGS + 1][NER_N_TAGS] = {{0}};
    w[1 * NER_N_TAGS + NER_B_PER] = 1.0f;
    char path[256];
    tmp_path(path, sizeof path, "two.model");
    FILE *f = fopen(path, "wb");
    cr_assert_eq(ner_model_fwrite(f, bits, w, trans, NULL), LEDE_OK);
    w[2 * NER_N_TAGS + NER_B_LOC] = 1.0f;
    cr_assert_eq(ner_model_fwrite(f, bits, w, trans, NULL), LEDE_OK);
    fclose(f);
    ner_model *m = NULL;
    cr_assert_eq(ner_model_read(path, &m, NULL, 0), LEDE_OK);
    cr_assert(m->next);
    cr_assert_eq(m->n_rows, 1);
    cr_assert_eq(m->next->n_rows, 2);
    cr_assert_null(m->next->next);
    /* Both stages share one table: the union of their buckets, each stage
     * reading its own columns (tag 8 is stored apart from tags 0..7). */
    cr_assert_eq(m->table, m->next->table);
    cr_assert_eq(m->table->n_rows, 2);
    int16_t one = ner_model_weight(m, 1, NER_B_PER);
    cr_assert(one > 30000);
    cr_assert_eq(ner_model_weight(m->next, 1, NER_B_PER), one);
    cr_assert_eq(ner_model_weight(m, 2, NER_B_LOC), 0);
    cr_assert_eq(ner_model_weight(m->next, 2, NER_B_LOC), one);
    cr_assert_eq(ner_model_weight(m->next, 2, NER_B_PER), 0);
    ner_model_free(m);

    size_t len;
    unsigned char *good = read_file(path, &len);
    unsigned char *longer = malloc(len + 3);
    memcpy(longer, good, len);
    memcpy(longer + len, "xyz", 3);
    char err[256] = "";
    cr_assert_eq(ner_model_parse(longer, len + 3, &m, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert_null(m);

    /* A second stage over another number of buckets. */
    f = fopen(path, "wb");
    cr_assert_eq(ner_model_fwrite(f, bits, w, trans, NULL), LEDE_OK);
    float *w9 = calloc(((size_t)1 << (bits + 1)) * NER_N_TAGS, sizeof *w9);
    w9[0] = 1.0f;
    cr_assert_eq(ner_model_fwrite(f, bits + 1, w9, trans, NULL), LEDE_OK);
    fclose(f);
    err[0] = 0;
    cr_assert_eq(ner_model_read(path, &m, err, sizeof err), LEDE_ERR_MODEL);
    cr_assert(strstr(err, "bucket bits"), "%s", err);
    unlink(path);
    free(w);
    free(w9);
    free(good);
    free(longer);
}

Test(ner, two_stage_training_learns_a_tiny_corpus) {
    char corpus[256], model[256];
    tmp_path(corpus, sizeof corpus, "tiny2.conll");
    tmp_path(model, sizeof model, "tiny2s.model");
    write_file(corpus, tiny_corpus, strlen(tiny_corpus));
    ner_corpus c;
    cr_assert_eq(ner_corpus_read(corpus, &c), LEDE_OK);
    cr_assert(c.doc_start[0]);
    cr_assert_not(c.doc_start[1]);
    ner_train_file f = {corpus, 1.0f, false};
    ner_train_opts o = {.files = &f,
                        .n_files = 1,
                        .epochs = 10,
                        .stages = 2,
                        .bits = 14,
                        .seed = 7,
                        .out_path = model};
    cr_assert_eq(ner_train(&o, NULL), LEDE_OK);
    ner_model *m = NULL;
    cr_assert_eq(ner_model_read(model, &m, NULL, 0), LEDE_OK);
    cr_assert(m->next);
    void *scratch = malloc(ner_scratch_size(c.n_words));
    uint8_t tags[16];
    ner_model_tag_doc(m, NULL, c.words, c.sent_begin, c.n_sents, scratch, tags);
    ner_span_counts counts = {0};
    for (size_t s = 0; s < c.n_sents; s++) {
        size_t b = c.sent_begin[s], n = c.sent_begin[s + 1] - b;
        ner_span_count(c.tags + b, tags + b, n, &counts);
    }
    cr_assert_eq(counts.correct, 6);
    cr_assert_eq(counts.pred, 6);
    free(scratch);
    ner_model_free(m);
    ner_corpus_free(&c);
    unlink(corpus);
    unlink(model);
}

Test(ner, document_hints_see_other_sentences) {
    /* "Stone" opens the first sentence; in the second it follows a first name. */
    char s[] = "Stone said no . Ms Emma Stone left . the stone fell";
    ner_word w[16];
    size_t n = split(s, w, 16);
    cr_assert_eq(n, 12);
    const size_t sent_begin[] = {0, 4, 9, 12};
    gazetteer *g = ner_gaz_new();
    cr_assert_eq(ner_gaz_add(g, "Emma", 4, NER_GAZ_FIRST_NAME), LEDE_OK);
    ner_tokinfo info[16];
    uint64_t tmp[64];
    for (int k = 0; k < 3; k++)
        ner_prepare(g, w + sent_begin[k], sent_begin[k + 1] - sent_begin[k],
                    info + sent_begin[k], tmp);
    cr_assert(ner_doc_tmp_size(12) <= sizeof tmp);
    ner_doc_mark(info, sent_begin, 3, tmp);
    cr_assert(info[0].doc & NER_DOC_AFTER_FIRST);
    cr_assert(info[0].doc & NER_DOC_LOWER);
    cr_assert(info[0].doc & NER_DOC_CAP_MID);
    cr_assert_not(info[1].doc & NER_DOC_CAP_MID);
    ner_gaz_free(g);
}

/* Forward-backward against brute force: every BIO-valid path of a 3-token
 * chain enumerated, p(path) proportional to exp(k * score). */
Test(ner, marginals_match_enumeration) {
    enum { N = 3 };
    float em[N * NER_N_TAGS], trans[NER_N_TAGS + 1][NER_N_TAGS];
    unsigned seed = 12345;
    for (size_t i = 0; i < N * NER_N_TAGS; i++) {
        seed = seed * 1103515245u + 12345u;
        em[i] = (float)((seed >> 16) % 2001) - 1000.0f;
    }
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++) {
            seed = seed * 1103515245u + 12345u;
            trans[a][b] = (float)((seed >> 16) % 1001) - 500.0f;
        }
    const double k = 0.004;
    uint8_t tags[N] = {NER_B_PER, NER_I_PER, NER_O};
    double work[3 * N * NER_N_TAGS];
    float out[N];
    double tr[NER_N_TAGS + 1][NER_N_TAGS];
    ner_marginal_trans(trans, k, tr);
    ner_marginals(em, (const double(*)[NER_N_TAGS])tr, N, k, tags, work, out);
    double z = 0, hit[N] = {0};
    for (int a = 0; a < NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++)
            for (int c = 0; c < NER_N_TAGS; c++) {
                int path[N] = {a, b, c};
                bool ok = true;
                double s = trans[NER_START][a];
                for (int i = 0; i < N && ok; i++) {
                    int t = path[i], p = i ? path[i - 1] : -1;
                    if (!(t == NER_O || ner_tag_is_begin((ner_tag)t)) &&
                        (p < 0 || p == NER_O || (p - 1) / 2 != (t - 1) / 2))
                        ok = false;
                    s += em[i * NER_N_TAGS + t] + (i ? trans[p][t] : 0);
                }
                if (!ok)
                    continue;
                double w = exp(k * s);
                z += w;
                for (int i = 0; i < N; i++)
                    hit[i] += path[i] == tags[i] ? w : 0;
            }
    for (int i = 0; i < N; i++)
        cr_assert_float_eq(out[i], hit[i] / z, 1e-5, "token %d: %f vs %f", i, out[i],
                           hit[i] / z);
}

/* Word clusters: "hash<TAB>bits" lines beside the model; a word with a
 * cluster gets path-prefix features, its neighbours one each. */
Test(ner, clusters_load_and_become_features) {
    char dir[256], file[300], line[128];
    tmp_path(dir, sizeof dir, "clusterdir");
    mkdir(dir, 0700);
    snprintf(file, sizeof file, "%s/ner_clusters.tsv", dir);
    uint64_t h = ner_hash_bytes("monday", 6, 1);
    int len =
        snprintf(line, sizeof line, "# test\n%016llx\t1101001\n", (unsigned long long)h);
    write_file(file, line, (size_t)len);
    gazetteer *g = NULL;
    cr_assert_eq(ner_gaz_load(dir, &g, NULL, 0), LEDE_OK);
    uint32_t path = 0;
    cr_assert_eq(ner_gaz_cluster(g, ner_hash_bytes("Monday", 6, 1), &path), 7);
    cr_assert_eq(path, 0x69u); /* 1101001 */
    cr_assert_eq(ner_gaz_cluster(g, ner_hash_bytes("Tuesday", 7, 1), &path), 0);

    ner_word words[] = {{"on", 2}, {"Monday", 6}, {"night", 5}};
    ner_tokinfo with[3], without[3];
    char tmp[256];
    _Static_assert(sizeof tmp >= 3 * 16, "room for ner_prepare");
    ner_prepare(g, words, 3, with, tmp);
    ner_prepare(NULL, words, 3, without, tmp);
    uint64_t fa[NER_MAX_FEATS], fb[NER_MAX_FEATS];
    /* The word itself: four prefixes (4, 6, 10, 20; the last two whole). */
    cr_assert_eq(ner_features(words, with, 3, 1, false, fa),
                 ner_features(words, without, 3, 1, false, fb) + 4);
    /* Its neighbours: one prefix each. */
    cr_assert_eq(ner_features(words, with, 3, 0, false, fa),
                 ner_features(words, without, 3, 0, false, fb) + 1);
    cr_assert_eq(ner_features(words, with, 3, 2, false, fa),
                 ner_features(words, without, 3, 2, false, fb) + 1);
    ner_gaz_free(g);

    write_file(file, "12\t101\n", 7);
    cr_assert_eq(ner_gaz_load(dir, &g, NULL, 0), LEDE_ERR_MODEL);
    unlink(file);
    rmdir(dir);
}

Test(ner, clitics_split_only_after_a_letter) {
    static const struct {
        const char *word, *clitic;
        size_t bytes;
    } cases[] = {
        {"We're", "'re", 3},
        {"WE'RE", "'re", 3},
        {"We\xE2\x80\x99re", "'re", 5},
        {"they'll", "'ll", 3},
        {"they\xE2\x80\x99ll", "'ll", 5},
        {"I'm", "'m", 2},
        {"I\xE2\x80\x99m", "'m", 4},
        {"somebody'd", "'d", 2},
        {"we've", "'ve", 3},
        {"'re", NULL, 0},         /* no letter before the apostrophe */
        {"9'm", NULL, 0},         /* nor a digit */
        {"don't", NULL, 0},       /* "n't" stays glued */
        {"were", NULL, 0},        /* no apostrophe */
        {"O'Neill", NULL, 0},     /* an apostrophe, but no clitic at the end */
        {"caf\xC3\xA9", NULL, 0}, /* non-ASCII, no apostrophe */
        {"", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *ascii = NULL;
        size_t n = nlp_ner_clitic_len(cases[i].word, strlen(cases[i].word), &ascii);
        cr_expect_eq(n, cases[i].bytes, "%s: %zu bytes", cases[i].word, n);
        if (cases[i].clitic)
            cr_expect(ascii && !strcmp(ascii, cases[i].clitic), "%s", cases[i].word);
    }
}

/* Posteriors for entities only: a sentence with no entity skips
 * forward-backward (its words get 1), one with an entity gets exactly the
 * posteriors the full computation gives. */
Test(ner, entity_posteriors_match_the_full_ones) {
    lede_ctx *ctx = shipped();
    static const char *const text[] = {"She",    "said",    "the",   "weather",
                                       "was",    "cold",    ".",     "Angela",
                                       "Merkel", "visited", "Paris", "."};
    enum { N = sizeof text / sizeof text[0] };
    ner_word words[N];
    for (size_t i = 0; i < N; i++)
        words[i] = (ner_word){text[i], strlen(text[i])};
    const size_t sent_begin[3] = {0, 7, N};
    void *scratch = malloc(ner_scratch_size(N));
    uint8_t tags_all[N], tags_ent[N];
    float conf_all[N], conf_ent[N];
    ner_model_tag_doc_conf(ctx->ner, ctx->gaz, words, sent_begin, 2, scratch, tags_all,
                           conf_all, NER_CONF_ALL);
    ner_model_tag_doc_conf(ctx->ner, ctx->gaz, words, sent_begin, 2, scratch, tags_ent,
                           conf_ent, NER_CONF_ENTITIES);
    cr_assert_arr_eq(tags_all, tags_ent, sizeof tags_all);
    float least = 1.0f;
    for (size_t i = 0; i < 7; i++) {
        cr_expect_eq(tags_all[i], NER_O, "word %zu", i);
        least = conf_all[i] < least ? conf_all[i] : least;
        cr_expect_eq(conf_ent[i], 1.0f, "no posterior for word %zu", i);
    }
    cr_expect_lt(least, 1.0f, "the full computation gives real posteriors");
    cr_expect_eq(tags_all[7], NER_B_PER);
    for (size_t i = 7; i < N; i++)
        cr_expect_eq(conf_ent[i], conf_all[i], "word %zu", i);
    free(scratch);
    lede_ctx_free(ctx);
}

/* A word's own features are summed once per document and reused: a
 * sentence's tags and posteriors must not depend on whether its words were
 * met before. The document features (how a word is written elsewhere) and
 * the history features count the whole document, so the same two sentences
 * in either order tag each sentence the same. */
Test(ner, repeated_words_tag_as_at_first_sight) {
    lede_ctx *ctx = shipped();
    static const char *const s1[] = {"Jordan",  "Henderson", "said",   "Jordan", "will",
                                     "play",    "for",       "Jordan", "in",     "Amman",
                                     "against", "Liverpool", "."};
    static const char *const s2[] = {"Liverpool", "beat", "Jordan", "and", "Henderson",
                                     "scored",    "in",   "Amman",  "."};
    enum { N1 = sizeof s1 / sizeof *s1, N2 = sizeof s2 / sizeof *s2, N = N1 + N2 + 1 };
    const char *fwd[N], *rev[N], *tf[N], *tr[N];
    float cf[N], cr[N];
    for (size_t i = 0; i < N1; i++)
        fwd[i] = rev[N2 + 1 + i] = s1[i];
    fwd[N1] = rev[N2] = "";
    for (size_t i = 0; i < N2; i++)
        fwd[N1 + 1 + i] = rev[i] = s2[i];
    cr_assert_eq(lede_tag_tokens_conf(ctx, fwd, N, tf, cf), LEDE_OK);
    cr_assert_eq(lede_tag_tokens_conf(ctx, rev, N, tr, cr), LEDE_OK);
    for (size_t i = 0; i < N1; i++) {
        cr_expect_str_eq(tf[i], tr[N2 + 1 + i], "first sentence, word %zu", i);
        cr_expect_eq(cf[i], cr[N2 + 1 + i], "first sentence, word %zu", i);
    }
    for (size_t i = 0; i < N2; i++) {
        cr_expect_str_eq(tf[N1 + 1 + i], tr[i], "second sentence, word %zu", i);
        cr_expect_eq(cf[N1 + 1 + i], cr[i], "second sentence, word %zu", i);
    }

    lede_ctx_free(ctx);
}

Test(ner, addresses_and_file_names_are_never_names) {
    cr_assert(ner_never_name("Jane.Doe@example.org", 20));
    cr_assert(ner_never_name("www.example.org", 15));
    cr_assert(ner_never_name("https://example.org/a", 21));
    cr_assert(ner_never_name("REPORT.htm", 10));
    cr_assert(ner_never_name("Budget2001.xls", 14));
    /* A company written with its domain, a handle, an abbreviation are not. */
    cr_assert_not(ner_never_name("Amazon.com", 10));
    cr_assert_not(ner_never_name("@Quorvik", 8));
    cr_assert_not(ner_never_name("U.S.", 4));
    cr_assert_not(ner_never_name("Paris", 5));
}

Test(ner, the_shipped_model_tags_no_address_and_no_clock_word) {
    lede_ctx *ctx = shipped();
    /* Each of these words reads as a name to the weights alone. */
    expect_tags(ctx, "Regards , Kevin.A.Holm@Quorvik.com", "O O O");
    expect_tags(ctx, "See the attached file REPORT.htm for details .", "O O O O O O O O");
    expect_tags(ctx, "The call moved to 07:17 AM on Monday .", "O O O O O O O O O");
    lede_ctx_free(ctx);
}

Test(ner, a_place_name_in_lower_case_after_a_preposition_is_a_place) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "i am flying to san francisco next week", "O O O O B-LOC I-LOC O O");
    expect_tags(ctx, "my cousin lives in kerala now", "O O O O B-LOC O");
    /* An English word spelt like a place, or a name with no preposition before
     * it, is left to the weights. */
    expect_tags(ctx, "we ate from fine china plates", "O O O O O O");
    expect_tags(ctx, "the plates came in china boxes", "O O O O O O");
    lede_ctx_free(ctx);
}

Test(ner, a_lower_case_place_on_the_company_list_is_still_a_place) {
    lede_ctx *ctx = shipped();
    /* The company list holds the words of company names, places among them. */
    expect_tags(ctx, "my uncle moved here from mexico last year", "O O O O O B-LOC O O");
    expect_tags(ctx, "we drove to ohio for the holidays", "O O O B-LOC O O O");
    lede_ctx_free(ctx);
}

Test(ner, a_country_in_lower_case_needs_no_preposition) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "how are vietnam and peru alike ?", "O O B-LOC O B-LOC O O");
    /* A city in lower case still needs one. */
    expect_tags(ctx, "the boston fans were loud", "O O O O O");
    lede_ctx_free(ctx);
}

Test(ner, an_arabic_article_split_at_its_hyphen_stays_in_the_name) {
    lede_ctx *ctx = shipped();
    /* Tokenisers that split hyphens write "al-Sadr" as three tokens. */
    expect_tags(ctx, "Radical cleric Muqtada al - Sadr spoke on Friday .",
                "O O B-PER I-PER I-PER I-PER O O O O");
    expect_tags(ctx, "Reporters from Dubai met Khalid al - Amin at noon .",
                "O O B-LOC O B-PER I-PER I-PER I-PER O O O");
    /* Only before a capitalised word. */
    expect_tags(ctx, "The al - based plan failed .", "O O O O O O O");
    lede_ctx_free(ctx);
}

Test(ner, an_interjection_or_auxiliary_opening_a_sentence_is_no_name) {
    lede_ctx *ctx = shipped();
    /* Each opener reads as a name to the weights alone. */
    expect_tags(ctx, "Hi , thanks for the quick reply .", "O O O O O O O O");
    expect_tags(ctx, "Kudos .", "O O");
    expect_tags(ctx, "Will you send the file today ?", "O O O O O O O");
    expect_tags(ctx, "Will come back next summer !", "O O O O O O");
    /* A name after it, or the first name before a surname, is still one. */
    expect_tags(ctx, "Thanks Brenda !", "O B-PER O");
    expect_tags(ctx, "Will Smith starred in the film .", "B-PER I-PER O O O O O");
    lede_ctx_free(ctx);
}

Test(ner, an_ordinary_word_in_capitals_is_emphasis_not_a_name) {
    lede_ctx *ctx = shipped();
    /* The weights alone read "BEST" as an organisation. */
    expect_tags(ctx, "Honestly the BEST pizza place around here .", "O O O O O O O O");
    /* An abbreviation, a run of capitals and a numeral after a name stay. */
    expect_tags(ctx, "Officials from NATO met in Brussels on Monday .",
                "O O B-ORG O O B-LOC O O O");
    expect_tags(ctx, "We flew to NEW YORK last week .", "O O O B-LOC I-LOC O O O");
    expect_tags(ctx, "Portraits of Henry VIII hang in the hall .",
                "O O B-PER I-PER O O O O O");
    lede_ctx_free(ctx);
}
