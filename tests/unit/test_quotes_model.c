/*
 * Unit tests for the learned attribution tagger (core/nlp/quotes_model.c,
 * quotes_decode.c, quotes_train.c): the BIO constraint and Viterbi, the model
 * file's checks, and training on a small corpus written for these tests
 * (tests/unit/data/quotes_train.jsonl): deterministic, and it learns.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "job.h"
#include "lede/lede.h"
#include "nlp/quotes.h"
#include "nlp/quotes_model.h"
#include "nlp/quotes_train.h"

#define TRAIN_FILE LEDE_SOURCE_DIR "/tests/unit/data/quotes_train.jsonl"

/* Runs the entity stage over text and prepares the quote tagger's input (at
 * most 64 tokens), with every token's margin set high, as a decoder test
 * that sets the tags itself wants. */
static void prepare_high_margins(lede_ctx *ctx, const char *text, lede_job *job,
                                 quotes_prep *p, float margin[64]) {
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_ENTITIES;
    cr_assert_eq(job_run_text(ctx, text, strlen(text), &opt, job), LEDE_OK);
    cr_assert_eq(quotes_prepare(job, p), LEDE_OK);
    cr_assert_lt(p->q.n, 64);
    for (size_t i = 0; i < p->q.n; i++)
        margin[i] = 1000;
}

Test(quotes_model, bio_constraint) {
    cr_expect(qm_allowed(QM_N_TAGS, QM_B_CON));
    cr_expect_not(qm_allowed(QM_N_TAGS, QM_I_CON));
    cr_expect_not(qm_allowed(QM_O, QM_I_SRC));
    cr_expect_not(qm_allowed(QM_B_CUE, QM_I_CON));
    cr_expect(qm_allowed(QM_B_CON, QM_I_CON));
    cr_expect(qm_allowed(QM_I_CON, QM_I_CON));
    cr_expect(qm_allowed(QM_I_CON, QM_B_SRC));
}

/* Emissions that prefer an I- tag first: Viterbi must still open with a B-. */
Test(quotes_model, viterbi_respects_the_constraint) {
    float emit[3 * QM_ROW] = {0};
    float trans[(QM_N_TAGS + 1) * QM_N_TAGS] = {0};
    emit[0 * QM_ROW + QM_I_CON] = 10; /* not allowed at the start */
    emit[0 * QM_ROW + QM_B_CON] = 1;
    emit[1 * QM_ROW + QM_I_CON] = 5;
    emit[2 * QM_ROW + QM_O] = 5;
    uint8_t back[3 * QM_N_TAGS], tags[3];
    qm_viterbi(emit, 3, trans, back, tags);
    cr_expect_eq(tags[0], QM_B_CON);
    cr_expect_eq(tags[1], QM_I_CON);
    cr_expect_eq(tags[2], QM_O);
}

/* The score of one tag sequence, -infinity when the BIO constraint breaks. */
static float path_score(const float *emit, const float *trans, const uint8_t *tags,
                        size_t n) {
    float s = 0;
    for (size_t i = 0; i < n; i++) {
        int from = i ? tags[i - 1] : QM_N_TAGS; /* QM_N_TAGS: the start */
        if (!qm_allowed(from, tags[i]))
            return -INFINITY;
        int row = i ? tags[i - 1] + 1 : 0; /* transition row 0: from the start */
        s += trans[row * QM_N_TAGS + tags[i]] + emit[i * QM_ROW + tags[i]];
    }
    return s;
}

/* Viterbi finds the best allowed sequence: checked against every one of the
 * 7^5 sequences of five tokens, over random scores and transitions. */
Test(quotes_model, viterbi_is_exact) {
    enum { N = 5 };
    unsigned seed = 12345;
    for (int round = 0; round < 20; round++) {
        float emit[N * QM_ROW], trans[(QM_N_TAGS + 1) * QM_N_TAGS];
        for (size_t k = 0; k < N * QM_ROW; k++)
            emit[k] =
                (float)((seed = seed * 1103515245u + 12345u) >> 16 & 1023) / 64.0f - 8;
        for (size_t k = 0; k < (QM_N_TAGS + 1) * QM_N_TAGS; k++)
            trans[k] =
                (float)((seed = seed * 1103515245u + 12345u) >> 16 & 1023) / 64.0f - 8;
        uint8_t back[N * QM_N_TAGS], tags[N], seq[N] = {0};
        qm_viterbi(emit, N, trans, back, tags);
        float best = -INFINITY;
        for (int code = 0; code < 16807; code++) {
            for (int i = 0, c = code; i < N; i++, c /= QM_N_TAGS)
                seq[i] = (uint8_t)(c % QM_N_TAGS);
            float s = path_score(emit, trans, seq, N);
            best = s > best ? s : best;
        }
        cr_expect_float_eq(path_score(emit, trans, tags, N), best, 1e-4,
                           "round %d: the decoded sequence is not the best", round);
    }
}

Test(quotes_model, missing_and_malformed_files) {
    quotes_model *m = NULL;
    char err[256] = "";
    cr_expect_eq(quotes_model_load("/nonexistent/quotes.model", &m, err, sizeof err),
                 LEDE_ERR_IO);
    cr_expect_null(m);
    char path[] = "/tmp/lede_qm_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, "LEDEQM01\x12", 9), 9); /* magic, then a cut header */
    close(fd);
    cr_expect_eq(quotes_model_load(path, &m, err, sizeof err), LEDE_ERR_IO);
    cr_expect_null(m);
    cr_expect(strstr(err, "not a quote model"), "err: %s", err);
    unlink(path);
}

static lede_ctx *ctx_for_training(void) {
    lede_ctx *ctx = NULL;
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
    return ctx;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

Test(quotes_model, training_is_deterministic) {
    lede_ctx *ctx = ctx_for_training();
    char a[] = "/tmp/lede_qa_XXXXXX", b[] = "/tmp/lede_qb_XXXXXX";
    close(mkstemp(a));
    close(mkstemp(b));
    quotes_train_opts o = {.train_path = TRAIN_FILE, .epochs = 4, .bits = 12, .seed = 9};
    o.out_path = a;
    cr_assert_eq(quotes_train(ctx, &o, NULL), LEDE_OK);
    o.out_path = b;
    cr_assert_eq(quotes_train(ctx, &o, NULL), LEDE_OK);
    size_t na, nb;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    cr_expect_eq(na, nb);
    cr_expect(na == nb && !memcmp(x, y, na), "two runs gave different files");
    free(x);
    free(y);
    unlink(a);
    unlink(b);
    lede_ctx_free(ctx);
}

Test(quotes_model, bad_training_input_is_an_error) {
    lede_ctx *ctx = ctx_for_training();
    quotes_train_opts o = {.train_path = "/nonexistent.jsonl",
                           .out_path = "/tmp/x",
                           .epochs = 1,
                           .bits = 12};
    cr_expect_eq(quotes_train(ctx, &o, NULL), LEDE_ERR_IO);
    o.train_path = TRAIN_FILE;
    o.bits = 2; /* too few buckets */
    cr_expect_eq(quotes_train(ctx, &o, NULL), LEDE_ERR_INVALID);
    lede_ctx_free(ctx);
}

/* A model trained on the fixture tags a new sentence of the same shape: the
 * content after the cue, the cue and the source before it. */
Test(quotes_model, trained_model_finds_an_attribution) {
    lede_ctx *ctx = ctx_for_training();
    char path[] = "/tmp/lede_qt_XXXXXX";
    close(mkstemp(path));
    quotes_train_opts o = {
        .train_path = TRAIN_FILE, .out_path = path, .epochs = 8, .bits = 14, .seed = 3};
    cr_assert_eq(quotes_train(ctx, &o, NULL), LEDE_OK);
    quotes_model *m = NULL;
    char err[256];
    cr_assert_eq(quotes_model_load(path, &m, err, sizeof err), LEDE_OK, "%s", err);
    const char *text = "Mayor Lena Ortiz said the tunnel would open in June.";
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_ENTITIES;
    lede_job job;
    cr_assert_eq(job_run_text(ctx, text, strlen(text), &opt, &job), LEDE_OK);
    quotes_prep p;
    cr_assert_eq(quotes_prepare(&job, &p), LEDE_OK);
    uint8_t tags[64];
    float margin[64];
    cr_assert_lt(p.q.n, 64);
    cr_assert_eq(quotes_model_tag(m, job.arena, &p.in, tags, margin), LEDE_OK);
    size_t said = 0;
    while (said < p.q.n && !quotes_tok_is(&p.q, said, "said"))
        said++;
    cr_assert_lt(said, p.q.n);
    cr_expect_eq(tags[said], QM_B_CUE);
    cr_expect_eq(tags[0], QM_B_SRC);
    cr_expect_eq(tags[said + 1], QM_B_CON);
    cr_expect_eq(tags[said + 2], QM_I_CON);
    qfound_list found = {.a = job.arena};
    cr_assert_eq(
        qm_decode(&p.in, tags, margin, quotes_model_margin_scale(m), &p.rules, &found),
        LEDE_OK);
    cr_assert_eq(found.n, 1);
    cr_expect_eq(found.v[0].cue_b, (int32_t)said);
    cr_expect_eq(found.v[0].spk_b, 0);
    cr_expect(found.v[0].conf > 0 && found.v[0].conf <= 1);
    job_discard(&job);
    quotes_model_free(m);
    unlink(path);
    lede_ctx_free(ctx);
}

/* Without a model file the stage falls back to the rules alone. */
Test(quotes_model, no_model_file_means_rules_alone) {
    lede_ctx ctx = {0};
    char err[64];
    cr_expect_eq(nlp_quotes_load(&ctx, "/nonexistent-dir", err, sizeof err), LEDE_OK);
    cr_expect_null(ctx.quotes);
}

/* Tags tok [b, e) with tag B then I. */
static void tag_span(const qtext *q, uint8_t *tags, const char *first, size_t n,
                     int b_tag) {
    for (size_t i = 0; i < q->n; i++)
        if (quotes_tok_is(q, i, first)) {
            tags[i] = (uint8_t)b_tag;
            for (size_t k = 1; k < n; k++)
                tags[i + k] = (uint8_t)(b_tag + 1);
            return;
        }
    cr_assert_fail("no token %s", first);
}

/* A source the tagger marks inside a relative clause closed right before
 * the cue is not the subject: the decoder takes the phrase before ", who". */
Test(quotes_model, source_inside_a_relative_clause_is_not_the_subject) {
    lede_ctx *ctx = ctx_for_training();
    const char *texts[] = {
        "Donna Rawlings, 59, of Ashton, who watched on a screen on the Mall, said the "
        "day "
        "moved her.",
        /* a clause with a verb before ", who" is no subject: nothing is guessed */
        "Mr. King differed from Mr. Lane, who works for the Mall, said the day moved "
        "her."};
    for (int t = 0; t < 2; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, texts[t], &job, &p, margin);
        size_t mall = 0;
        while (!quotes_tok_is(&p.q, mall, "mall"))
            mall++;
        tags[mall - 1] = QM_B_SRC; /* "the Mall" */
        tags[mall] = QM_I_SRC;
        tag_span(&p.q, tags, "said", 1, QM_B_CUE);
        tag_span(&p.q, tags, "day", 3, QM_B_CON);
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, NULL, &found), LEDE_OK);
        cr_assert_eq(found.n, 1);
        if (t == 0) {
            cr_expect_eq(found.v[0].spk_b, 0, "source from token %d", found.v[0].spk_b);
            cr_expect(quotes_tok_is(&p.q, (size_t)found.v[0].spk_e - 1, "ashton"));
        } else {
            cr_expect_eq(found.v[0].spk_b, (int32_t)mall - 1); /* the tagger's own */
        }
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* A cue joined by ", and" shares its sentence's subject: a source the tagger
 * marks inside the clause set off before the comma ("which") is not it. */
Test(quotes_model, source_inside_a_clause_before_a_coordinated_cue) {
    lede_ctx *ctx = ctx_for_training();
    const char *text =
        "Mr. Brandt backed the union at the mill, which fired him in 2011, "
        "and said the owners lied.";
    lede_job job;
    quotes_prep p;
    uint8_t tags[64] = {0};
    float margin[64];
    prepare_high_margins(ctx, text, &job, &p, margin);
    tag_span(&p.q, tags, "which", 1, QM_B_SRC);
    tag_span(&p.q, tags, "said", 1, QM_B_CUE);
    tag_span(&p.q, tags, "owners", 2, QM_B_CON);
    qfound_list found = {.a = job.arena};
    cr_assert_eq(qm_decode(&p.in, tags, margin, 1, NULL, &found), LEDE_OK);
    cr_assert_eq(found.n, 1);
    cr_expect(found.v[0].spk_b >= 0 && found.v[0].spk_b <= 1, "source from token %d",
              found.v[0].spk_b); /* "Mr. Brandt" or "Brandt" */
    cr_expect(quotes_tok_is(&p.q, (size_t)found.v[0].spk_e - 1, "brandt"));
    job_discard(&job);
    lede_ctx_free(ctx);
}

/* A subject pronoun right before the cue is its subject, not a source the
 * tagger marked further back in the sentence. */
Test(quotes_model, pronoun_right_before_the_cue_is_the_subject) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "The farmers met the mayor and they later said the price was low.";
    lede_job job;
    quotes_prep p;
    uint8_t tags[64] = {0};
    float margin[64];
    prepare_high_margins(ctx, text, &job, &p, margin);
    tag_span(&p.q, tags, "the", 2, QM_B_SRC); /* "The farmers" */
    tag_span(&p.q, tags, "said", 1, QM_B_CUE);
    tag_span(&p.q, tags, "price", 3, QM_B_CON);
    qfound_list found = {.a = job.arena};
    cr_assert_eq(qm_decode(&p.in, tags, margin, 1, NULL, &found), LEDE_OK);
    cr_assert_eq(found.n, 1);
    cr_assert(found.v[0].spk_b >= 0);
    cr_expect(quotes_tok_is(&p.q, (size_t)found.v[0].spk_b, "they"),
              "source from token %d", found.v[0].spk_b);
    cr_expect_eq(found.v[0].spk_e, found.v[0].spk_b + 1);
    job_discard(&job);
    lede_ctx_free(ctx);
}

/* The rules' subject of a finite cue stands in for the tagger's source when
 * the tagger marked none, or marked one inside the description set off by
 * commas between the subject and its cue ("a nurse who met the mayor"). */
Test(quotes_model, rules_subject_before_an_interruption) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "Ms. Okafor, a nurse who met the mayor in May, said the beds were "
                       "full.";
    for (int t = 0; t < 2; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, text, &job, &p, margin);
        if (t == 1)
            tag_span(&p.q, tags, "mayor", 1, QM_B_SRC); /* inside the description */
        tag_span(&p.q, tags, "said", 1, QM_B_CUE);
        tag_span(&p.q, tags, "beds", 3, QM_B_CON);
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
        cr_assert_eq(found.n, 1);
        cr_expect(found.v[0].spk_b >= 0 && found.v[0].spk_b <= 1, "source from token %d",
                  found.v[0].spk_b); /* "Ms. Okafor" or "Okafor" */
        cr_expect(found.v[0].spk_e > 0 &&
                      quotes_tok_is(&p.q, (size_t)found.v[0].spk_e - 1, "okafor"),
                  "case %d: source to token %d", t, found.v[0].spk_e);
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* The rules' subject fills a cue the tagger left without a source only when
 * it stands next to the cue or before a comma: in "Start by reading ...,
 * before ... and write about ..." the capitalised verb opening the sentence
 * is no subject of it. */
Test(quotes_model, rules_subject_away_from_the_cue_is_not_taken) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "Start by reading the old rules, before visiting the port and "
                       "write about what you find.";
    lede_job job;
    quotes_prep p;
    uint8_t tags[64] = {0};
    float margin[64];
    prepare_high_margins(ctx, text, &job, &p, margin);
    tag_span(&p.q, tags, "write", 2, QM_B_CUE);
    tag_span(&p.q, tags, "what", 3, QM_B_CON);
    qfound_list found = {.a = job.arena};
    cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
    for (size_t i = 0; i < found.n; i++)
        if (found.v[i].cue_b >= 0 &&
            quotes_tok_is(&p.q, (size_t)found.v[i].cue_b, "write"))
            cr_expect_eq(found.v[i].spk_b, -1, "source from token %d", found.v[i].spk_b);
    job_discard(&job);
    lede_ctx_free(ctx);
}

/* An -ing cue after a comma whose source the tagger marked on a word that
 * cannot be a subject ("those", a weekday) takes the subject of its
 * sentence instead. */
Test(quotes_model, no_subject_word_gives_way_to_the_sentence_subject) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "Tom Reyes tied those figures to the new fares on Friday, saying "
                       "the port had lost "
                       "money.";
    const char *wrong[] = {"those", "friday"};
    for (int t = 0; t < 2; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, text, &job, &p, margin);
        tag_span(&p.q, tags, wrong[t], 1, QM_B_SRC);
        tag_span(&p.q, tags, "saying", 1, QM_B_CUE);
        tag_span(&p.q, tags, "port", 5, QM_B_CON);
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
        cr_assert_eq(found.n, 1);
        cr_expect_eq(found.v[0].spk_b, 0, "case %d: source from token %d", t,
                     found.v[0].spk_b);
        cr_expect_eq(found.v[0].spk_e, 2, "case %d: source to token %d", t,
                     found.v[0].spk_e);
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* The source of "according to" is what follows "to": a source the tagger
 * marked before the cue (the subject of the reported clause) is not it, and
 * with no source marked the words after "to" are taken. */
Test(quotes_model, according_to_takes_what_follows) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "The port lost money last year, according to the harbour board.";
    for (int t = 0; t < 2; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, text, &job, &p, margin);
        if (t == 0)
            tag_span(&p.q, tags, "the", 2, QM_B_SRC); /* "The port", before the cue */
        tag_span(&p.q, tags, "according", 2, QM_B_CUE);
        tag_span(&p.q, tags, "lost", 4, QM_B_CON);
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
        cr_assert_eq(found.n, 1);
        cr_assert(found.v[0].spk_b >= 0, "case %d: no source", t);
        cr_expect(quotes_tok_is(&p.q, (size_t)found.v[0].spk_b, "the") &&
                      quotes_tok_is(&p.q, (size_t)found.v[0].spk_b + 1, "harbour"),
                  "case %d: source from token %d", t, found.v[0].spk_b);
        cr_expect(quotes_tok_is(&p.q, (size_t)found.v[0].spk_e - 1, "board"),
                  "case %d: source to token %d", t, found.v[0].spk_e);
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* A source the tagger marks on the relative pronoun ("who") of a clause
 * set off before the cue gives way to the phrase before it, a description
 * too ("The official"); a source of quotation marks alone is none. */
Test(quotes_model, relative_pronoun_and_marks_are_no_sources) {
    lede_ctx *ctx = ctx_for_training();
    const char *texts[] = {"The official, who spoke on the condition of anonymity, said "
                           "the files were lost.",
                           "''The files were lost,'' said the official."};
    for (int t = 0; t < 2; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, texts[t], &job, &p, margin);
        if (t == 0) {
            tag_span(&p.q, tags, "who", 1, QM_B_SRC);
            tag_span(&p.q, tags, "said", 1, QM_B_CUE);
            tag_span(&p.q, tags, "files", 3, QM_B_CON);
        } else {
            size_t close = 1;
            while (close < p.q.n && p.q.t[close].kind != QT_SQUOTE &&
                   p.q.t[close].kind != QT_DQUOTE)
                close++;
            cr_assert_lt(close, p.q.n);
            tags[close] = QM_B_SRC; /* a closing mark */
            tag_span(&p.q, tags, "said", 1, QM_B_CUE);
            tag_span(&p.q, tags, "files", 3, QM_B_CON);
        }
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, NULL, &found), LEDE_OK);
        cr_assert_eq(found.n, 1, "case %d", t);
        if (t == 0) {
            cr_expect_eq(found.v[0].spk_b, 0, "source from token %d", found.v[0].spk_b);
            cr_expect_eq(found.v[0].spk_e, 2, "source to token %d", found.v[0].spk_e);
        } else {
            cr_expect(found.v[0].spk_b < 0 || p.q.t[found.v[0].spk_b].kind == QT_WORD,
                      "source from token %d", found.v[0].spk_b);
        }
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* An -ing cue set off by a comma shares the subject of the main verb before
 * it: a source the tagger marked after that subject (the verb's object, a
 * place) is not the speaker. A source with a verb of its own ("..., he
 * said, adding") and a subject inside quoted words are left alone. */
Test(quotes_model, ing_cue_takes_the_main_subject_over_an_object) {
    lede_ctx *ctx = ctx_for_training();
    const char *texts[] = {
        "Maria Lopez endorsed Tom Reyes at a rally in Tulsa, calling him a friend of "
        "farmers.",
        "Maria Lopez visited dairy farmers in Tulsa on Friday, warning that the fares "
        "would rise.",
        "Maria Lopez met the farmers, and Tom Reyes said, adding that the fares would "
        "rise.",
    };
    const char *src[] = {"tom", "tulsa", "tom"};
    const char *cue[] = {"calling", "warning", "adding"};
    const char *con[] = {"him", "the", "the"};
    size_t con_n[] = {4, 5, 5};
    int want_b[] = {0, 0, 7}, want_e[] = {2, 2, 9};
    for (int t = 0; t < 3; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, texts[t], &job, &p, margin);
        tag_span(&p.q, tags, src[t], t == 1 ? 1 : 2, QM_B_SRC);
        tag_span(&p.q, tags, cue[t], 1, QM_B_CUE);
        size_t c = 0;
        while (c < p.q.n && !quotes_tok_is(&p.q, c, cue[t]))
            c++;
        for (size_t i = c + 1; i < p.q.n; i++)
            if (quotes_tok_is(&p.q, i, con[t])) {
                tags[i] = QM_B_CON;
                for (size_t k = 1; k < con_n[t]; k++)
                    tags[i + k] = QM_I_CON;
                break;
            }
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
        const qfound *f = NULL;
        for (size_t i = 0; i < found.n; i++)
            if (found.v[i].cue_b == (int32_t)c)
                f = &found.v[i];
        cr_assert_not_null(f, "case %d: no reading of the cue", t);
        cr_expect_eq(f->spk_b, want_b[t], "case %d: source from token %d", t, f->spk_b);
        cr_expect_eq(f->spk_e, want_e[t], "case %d: source to token %d", t, f->spk_e);
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* Below the tagger's confidence floor a reading is kept only with a cue of
 * the cue table and a source; it is marked unsure (no name is published),
 * unless the rules read the same cue with a source, which it then takes.
 * Margins of 0.3 give a confidence of about 0.57, 0.1 one of about 0.52. */
Test(quotes_model, unsure_readings_need_a_cue_and_a_source) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "Maria Lopez insisted the port had lost money.";
    struct {
        bool source;
        float margin;
        bool rules;
        size_t n;
        bool unsure;
    } cases[] = {
        {true, 0.3f, false, 1, true},   /* kept, unnamed */
        {false, 0.3f, false, 0, false}, /* no source: dropped */
        {true, 0.1f, false, 0, false},  /* too unsure: dropped */
        {true, 0.3f, true, 1, false},   /* the rules' source: named */
    };
    for (int t = 0; t < 4; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, text, &job, &p, margin);
        for (size_t i = 0; i < p.q.n; i++)
            margin[i] = cases[t].margin;
        if (cases[t].source)
            tag_span(&p.q, tags, "maria", 2, QM_B_SRC);
        tag_span(&p.q, tags, "insisted", 1, QM_B_CUE);
        tag_span(&p.q, tags, "the", 6, QM_B_CON);
        qfound_list none = {.a = job.arena};
        qfound_list found = {.a = job.arena};
        cr_assert_eq(
            qm_decode(&p.in, tags, margin, 1, cases[t].rules ? &p.rules : &none, &found),
            LEDE_OK);
        if (cases[t].rules)
            cr_assert_gt(p.rules.n, 0, "the rules read the sentence");
        cr_assert_eq(found.n, cases[t].n, "case %d: %zu readings", t, found.n);
        if (found.n) {
            cr_expect_eq(found.v[0].unsure, cases[t].unsure, "case %d", t);
            cr_expect_eq(found.v[0].spk_b, 0, "case %d: source from %d", t,
                         found.v[0].spk_b);
        }
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}

/* "According to X, ..." reports the whole clause after its comma: the
 * rules' reading of it is kept beside the tagger's reading of a cue inside
 * that clause ("police said ..."), not left out because they overlap. */
Test(quotes_model, according_to_is_read_beside_a_nested_cue) {
    lede_ctx *ctx = ctx_for_training();
    const char *text =
        "According to lawyers for the family, police said they had no plans "
        "to release the video.";
    lede_job job;
    quotes_prep p;
    uint8_t tags[64] = {0};
    float margin[64];
    prepare_high_margins(ctx, text, &job, &p, margin);
    tag_span(&p.q, tags, "police", 1, QM_B_SRC);
    tag_span(&p.q, tags, "said", 1, QM_B_CUE);
    tag_span(&p.q, tags, "they", 8, QM_B_CON);
    qfound_list found = {.a = job.arena};
    cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
    bool inner = false, outer = false;
    for (size_t i = 0; i < found.n; i++) {
        const qfound *f = &found.v[i];
        if (f->cue_b >= 0 && quotes_tok_is(&p.q, (size_t)f->cue_b, "said"))
            inner = true;
        if (f->cue_b == 0) {
            outer = true;
            cr_expect_eq(f->spk_b, 2, "the source after 'to', not from %d", f->spk_b);
        }
    }
    cr_expect(inner, "the reading of 'said'");
    cr_expect(outer, "the reading of 'according to'");
    job_discard(&job);
    lede_ctx_free(ctx);
}

/* Runs the decoder over text with a source, a cue and a content (first
 * word, length) tagged, and returns the source [*b, *e) of the reading of
 * the cue, or false when there is none. */
static bool decoded_source(lede_ctx *ctx, const char *text, const char *src, size_t src_n,
                           const char *cue, const char *con, size_t con_n, int *b,
                           int *e) {
    lede_job job;
    quotes_prep p;
    uint8_t tags[64] = {0};
    float margin[64];
    prepare_high_margins(ctx, text, &job, &p, margin);
    tag_span(&p.q, tags, src, src_n, QM_B_SRC);
    tag_span(&p.q, tags, cue, 1, QM_B_CUE);
    size_t c = 0;
    while (c < p.q.n && !quotes_tok_is(&p.q, c, cue))
        c++;
    for (size_t i = c + 1; i < p.q.n; i++)
        if (quotes_tok_is(&p.q, i, con)) {
            tags[i] = QM_B_CON;
            for (size_t k = 1; k < con_n; k++)
                tags[i + k] = QM_I_CON;
            break;
        }
    qfound_list found = {.a = job.arena};
    cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
    bool hit = false;
    for (size_t i = 0; i < found.n && !hit; i++)
        if (found.v[i].cue_b == (int32_t)c) {
            *b = found.v[i].spk_b;
            *e = found.v[i].spk_e;
            hit = true;
        }
    job_discard(&job);
    return hit;
}

/* After an opening phrase set off by a comma, a personal pronoun is the
 * subject an -ing cue takes ("On Thursday, she hedged ..., telling"), not
 * the date the tagger marked. */
Test(quotes_model, pronoun_subject_after_an_opening_phrase) {
    lede_ctx *ctx = ctx_for_training();
    int b = -1, e = -1;
    cr_assert(decoded_source(ctx,
                             "On Thursday, she hedged on the budget, telling reporters "
                             "that the vote would wait.",
                             "thursday", 1, "telling", "the", 4, &b, &e));
    cr_expect_eq(b, 3, "source from token %d", b);
    cr_expect_eq(e, 4, "source to token %d", e);
    lede_ctx_free(ctx);
}

/* A source inside the quoted words of another attribution is no speaker of
 * a cue outside them: '"We ...," she said, adding' is hers. */
Test(quotes_model, source_inside_a_quotation_is_no_speaker) {
    lede_ctx *ctx = ctx_for_training();
    int b = -1, e = -1;
    cr_assert(
        decoded_source(ctx,
                       "\"We feel great about the vote,\" she said, adding that the "
                       "count would take a week.",
                       "we", 1, "adding", "the", 5, &b, &e));
    cr_expect_eq(b, 9, "source from token %d", b);
    cr_expect_eq(e, 10, "source to token %d", e);
    lede_ctx_free(ctx);
}

/* A trailing "..., according to X" reports the whole clause before its
 * comma, the attribution inside it ("Police said ...") included: the rules
 * read it beside that attribution. A tagger reading of "according to" that
 * took X for its content gives way to that reading. */
Test(quotes_model, trailing_according_to_reads_the_whole_clause) {
    lede_ctx *ctx = ctx_for_training();
    const char *text = "Police said they had no plans to release the video, according to "
                       "lawyers for the family.";
    for (int t = 0; t < 2; t++) {
        lede_job job;
        quotes_prep p;
        uint8_t tags[64] = {0};
        float margin[64];
        prepare_high_margins(ctx, text, &job, &p, margin);
        tag_span(&p.q, tags, "police", 1, QM_B_SRC);
        tag_span(&p.q, tags, "said", 1, QM_B_CUE);
        tag_span(&p.q, tags, "they", 8, QM_B_CON);
        if (t == 1) { /* "according to" with its source read as content */
            tag_span(&p.q, tags, "according", 2, QM_B_CUE);
            tag_span(&p.q, tags, "lawyers", 4, QM_B_CON);
        }
        qfound_list found = {.a = job.arena};
        cr_assert_eq(qm_decode(&p.in, tags, margin, 1, &p.rules, &found), LEDE_OK);
        bool inner = false, outer = false;
        for (size_t i = 0; i < found.n; i++) {
            const qfound *f = &found.v[i];
            if (f->cue_b == 1)
                inner = true;
            if (f->cue_b >= 0 && quotes_tok_is(&p.q, (size_t)f->cue_b, "according")) {
                outer = true;
                cr_expect_eq(f->b, 0, "case %d: the clause from its start, not %u", t,
                             f->b);
                cr_expect_eq(f->spk_b, f->cue_b + 2, "case %d: the source after 'to'", t);
            }
        }
        cr_expect(inner, "case %d: the reading of 'said'", t);
        cr_expect(outer, "case %d: the reading of 'according to'", t);
        job_discard(&job);
    }
    lede_ctx_free(ctx);
}
