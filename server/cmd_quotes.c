/*
 * lede quotes --jsonl FILE — quote extraction over plain texts, for evaluation.
 *
 * Reads lines {"id": ..., "text": "..."} and prints one line per input:
 * {"id": ..., "quotes": [{"quote_text", "start", "end", "speaker",
 * "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "type",
 * "speaker_entity", and "fragments" for a quote interrupted by its
 * attribution}]}, offsets in code points of text. Types are spelled as
 * the quote scorer expects: direct, mixed (lede's partial) and indirect.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *scorer_type(lede_quote_type t) {
    switch (t) {
    case LEDE_QUOTE_DIRECT: return "direct";
    case LEDE_QUOTE_PARTIAL: return "mixed";
    case LEDE_QUOTE_INDIRECT: return "indirect";
    }
    return "indirect";
}

static json_t *opt_str(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *opt_off(long v) { return v >= 0 ? json_integer(v) : json_null(); }

static json_t *quotes_array(const lede_result *r) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->n_quotes; i++) {
        const lede_quote *q = &r->quotes[i];
        json_t *o = json_object();
        if (!o)
            break;
        json_object_set_new(o, "quote_text", opt_str(q->text));
        json_object_set_new(o, "start", json_integer((json_int_t)q->start));
        json_object_set_new(o, "end", json_integer((json_int_t)q->end));
        json_object_set_new(o, "speaker", opt_str(q->speaker));
        json_object_set_new(o, "speaker_start", opt_off(q->speaker_start));
        json_object_set_new(o, "speaker_end", opt_off(q->speaker_end));
        json_object_set_new(o, "speaker_entity", opt_off(q->speaker_entity));
        json_object_set_new(o, "cue", opt_str(q->cue));
        json_object_set_new(o, "cue_start", opt_off(q->cue_start));
        json_object_set_new(o, "cue_end", opt_off(q->cue_end));
        json_object_set_new(o, "type", json_string(scorer_type(q->type)));
        json_object_set_new(o, "confidence", json_real(q->confidence));
        if (q->gap_start >= 0) /* quoted parts only, as the scorer reads them */
            json_object_set_new(o, "fragments",
                                json_pack("[[I,I],[I,I]]", (json_int_t)q->start,
                                          (json_int_t)q->gap_start,
                                          (json_int_t)q->gap_end, (json_int_t)q->end));
        json_array_append_new(a, o);
    }
    return a;
}

/* One article: its quotes in the scorer's form. */
static int quotes_line(const lede_ctx *ctx, json_t *in, json_t *out, size_t lineno,
                       void *user) {
    const lede_options *opt = user;
    const char *text = json_string_value(json_object_get(in, "text"));
    lede_result *res = NULL;
    lede_status st =
        text ? lede_analyze_text(ctx, text, strlen(text), opt, &res) : LEDE_ERR_INVALID;
    if (st != LEDE_OK) {
        fprintf(stderr, "lede quotes: line %zu: %s\n", lineno,
                text ? lede_strerror(st) : "no \"text\" string");
        json_object_set_new(out, "quotes", json_array());
        return 1;
    }
    json_object_set_new(out, "quotes", quotes_array(res));
    lede_result_free(res);
    return 0;
}

static const char quotes_usage[] = "usage: lede quotes --jsonl FILE|- [--data-dir DIR]\n";

int cmd_quotes(int argc, char **argv) {
    if (cli_wants_help(argc, argv)) {
        fputs(quotes_usage, stdout);
        return 0;
    }
    const char *path = NULL, *data_dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--jsonl") && i + 1 < argc)
            path = argv[++i];
        else if (!strcmp(argv[i], "--data-dir") && i + 1 < argc)
            data_dir = argv[++i];
        else {
            path = NULL; /* an unknown argument: show the usage */
            break;
        }
    }
    if (!path) {
        fputs(quotes_usage, stderr);
        return 2;
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_QUOTES;
    return cli_jsonl_run("quotes", path, data_dir, quotes_line, &opt);
}
