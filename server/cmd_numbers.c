/*
 * cmd_numbers — `lede numbers --jsonl FILE [--model NAME]`: runs the numbers
 * stage over one sentence per input line and prints what it found in the
 * form ../shared/eval/score_numeric.py scores.
 *
 * Input lines: {"id": ..., "input": "sentence", "model": "CurrencyModel"?}.
 * Output lines: {"id": ..., "found": [{"text","start","end","type","value",
 * "unit"}]}, offsets in code points of "input". With --claims, "found" holds
 * the contract's numeric_claims objects instead (for looking at the claims).
 * With --article, each input is a whole article and "found" holds exactly
 * what the API returns as numeric_claims by default: quotes run first so that
 * claims get their claimant, and years are left out (the real-news set,
 * tests/eval/news_numbers.py, scores this).
 *
 * The evaluation set comes from Microsoft Recognizers-Text, whose recognisers
 * each look for one kind of thing (CurrencyModel only money, NumberModel every
 * bare number, NumberRangeModel ranges and bounded quantities, ...). lede finds
 * claims once; this command maps them onto the model a line names (its
 * "model" field, else --model, else all claims) and onto the Recognizers-Text
 * type names and value strings. That mapping lives here, not in the core.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/nlp/num_mention.h"
#include "../core/nlp/num_tables.h"
#include "../core/utf8.h"
#include "cli.h"

/* Largest integer printed as a JSON integer rather than a real. */
#define NUMBERS_MAX_EXACT_INT 9007199254740992.0

typedef enum {
    RM_ALL = 0,
    RM_NUMBER,
    RM_ORDINAL,
    RM_PERCENT,
    RM_RANGE,
    RM_CURRENCY,
    RM_DIMENSION,
    RM_AGE,
    RM_TEMPERATURE,
} rt_model;

static const struct {
    const char *name;
    rt_model model;
} RT_MODELS[] = {
    {"NumberModel", RM_NUMBER},     {"OrdinalModel", RM_ORDINAL},
    {"PercentModel", RM_PERCENT},   {"NumberRangeModel", RM_RANGE},
    {"CurrencyModel", RM_CURRENCY}, {"DimensionModel", RM_DIMENSION},
    {"AgeModel", RM_AGE},           {"TemperatureModel", RM_TEMPERATURE},
};

static rt_model model_by_name(const char *s) {
    for (size_t i = 0; s && i < sizeof RT_MODELS / sizeof RT_MODELS[0]; i++)
        if (strcmp(RT_MODELS[i].name, s) == 0)
            return RT_MODELS[i].model;
    return RM_ALL;
}

static json_t *num_json(double v) {
    if (v == floor(v) && fabs(v) < NUMBERS_MAX_EXACT_INT)
        return json_integer((json_int_t)v);
    return json_real(v);
}

/* One analysed input: its text and the byte offset of every code point, so
 * spans are cut in constant time. */
typedef struct {
    const char *text;
    size_t text_len;
    size_t *cpb; /* cpb[i] = byte offset of code point i; cpb[n_cp] = text_len */
    size_t n_cp;
} doc;

static bool doc_init(doc *d, const lede_result *res) {
    d->text = res->text;
    d->text_len = res->text_len;
    d->cpb = malloc((res->text_len + 1) * sizeof *d->cpb);
    if (!d->cpb)
        return false;
    size_t b = 0, n = 0;
    while (b < res->text_len) {
        d->cpb[n++] = b;
        uint32_t c;
        b += utf8_decode(res->text + b, res->text_len - b, &c);
    }
    d->cpb[n] = res->text_len;
    d->n_cp = n;
    return true;
}

static size_t doc_byte(const doc *d, size_t cp) {
    return d->cpb[cp < d->n_cp ? cp : d->n_cp];
}

/* Code-point span [s, e) of the text as a new string. */
static json_t *span_text(const doc *d, size_t s, size_t e) {
    size_t bs = doc_byte(d, s), be = doc_byte(d, e);
    return json_stringn(d->text + bs, be > bs ? be - bs : 0);
}

static void add(json_t *found, const doc *r, size_t s, size_t e, const char *type,
                json_t *value, const char *unit) {
    json_t *o = json_object();
    json_object_set_new(o, "text", span_text(r, s, e));
    json_object_set_new(o, "start", json_integer((json_int_t)s));
    json_object_set_new(o, "end", json_integer((json_int_t)e));
    json_object_set_new(o, "type", json_string(type));
    json_object_set_new(o, "value", value ? value : json_null());
    json_object_set_new(o, "unit", unit ? json_string(unit) : json_null());
    json_array_append_new(found, o);
}

/* The byte at code point cp of text (0 past the end). */
static unsigned char byte_at_cp(const doc *r, size_t cp) {
    size_t b = doc_byte(r, cp);
    return b < r->text_len ? (unsigned char)r->text[b] : 0;
}

static const char *money_unit(const lede_claim *c) {
    if (c->unit)
        return c->unit;
    return num_currency_name(c->currency);
}

static const char *temp_unit(const char *u) {
    if (!u)
        return NULL;
    if (strcmp(u, "°C") == 0)
        return "C";
    if (strcmp(u, "°F") == 0)
        return "F";
    if (strcmp(u, "°") == 0)
        return "Degree";
    return u;
}

static bool is_money(const lede_claim *c) {
    return c->kind == LEDE_CLAIM_MONEY ||
           (c->dimension && strcmp(c->dimension, "currency") == 0);
}

static bool dim_is(const lede_claim *c, const char *d) {
    return c->dimension && strcmp(c->dimension, d) == 0;
}

/* Byte offset of code point cp in the NUL-terminated s. */
static size_t cp_to_byte(const char *s, size_t cp) {
    size_t b = 0, len = strlen(s);
    for (size_t i = 0; i < cp && b < len; i++) {
        uint32_t c;
        b += utf8_decode(s + b, len - b, &c);
    }
    return b;
}

/* -1 for a lower bound ("more than 10"), +1 for an upper bound, 0 else. */
static int bound_side(const lede_claim *c) {
    if (c->has_range)
        return 0;
    switch (c->qualifier) {
    case LEDE_QUAL_MORE_THAN:
    case LEDE_QUAL_AT_LEAST: return -1;
    case LEDE_QUAL_LESS_THAN:
    case LEDE_QUAL_AT_MOST:
    case LEDE_QUAL_UP_TO: return 1;
    default: return 0;
    }
}

/* "above 1000 and below 1500", "at most 100 and at least 20": two bounds of
 * one range, joined by "and" or a comma. Adds the range and returns true. */
static bool merged_bounds(json_t *found, const doc *r, const lede_claim *a,
                          const lede_claim *b) {
    int sa = bound_side(a), sb = bound_side(b);
    if (!sa || !sb || sa == sb || a->end > b->start)
        return false;
    json_t *gap = span_text(r, a->end, b->start);
    const char *g = json_string_value(gap);
    bool joined = g && (strcmp(g, " and ") == 0 || strcmp(g, ", ") == 0);
    json_decref(gap);
    const lede_claim *lo = sa < 0 ? a : b, *hi = sa < 0 ? b : a;
    if (!joined || lo->value >= hi->value)
        return false;
    char buf[128];
    snprintf(buf, sizeof buf, "%c%.15g,%.15g%c",
             lo->qualifier == LEDE_QUAL_MORE_THAN ? '(' : '[', lo->value, hi->value,
             hi->qualifier == LEDE_QUAL_LESS_THAN ? ')' : ']');
    add(found, r, a->start, b->num_end, "numberrange", json_string(buf), NULL);
    return true;
}

/* A bounded quantity or a range as Recognizers-Text writes it: "[10,20)". */
static json_t *range_value(const lede_claim *c, size_t *end) {
    char buf[128];
    if (c->has_range) {
        snprintf(buf, sizeof buf, "[%.15g,%.15g)", c->low, c->high);
        *end = c->num2_end ? c->num2_end : c->num_end;
        return json_string(buf);
    }
    /* a bound written after the number ("500 or more", "less than 5000 or
     * equal") ends the span */
    *end = c->num_end;
    const char *after = c->text + cp_to_byte(c->text, c->num_end - c->start);
    if (c->start == c->qty_start || strncmp(after, " or ", 4) == 0)
        *end = c->end;
    switch (c->qualifier) {
    case LEDE_QUAL_MORE_THAN: snprintf(buf, sizeof buf, "(%.15g,)", c->value); break;
    case LEDE_QUAL_AT_LEAST: snprintf(buf, sizeof buf, "[%.15g,)", c->value); break;
    case LEDE_QUAL_LESS_THAN: snprintf(buf, sizeof buf, "(,%.15g)", c->value); break;
    case LEDE_QUAL_AT_MOST:
    case LEDE_QUAL_UP_TO: snprintf(buf, sizeof buf, "(,%.15g]", c->value); break;
    default:
        /* "equal to 20": words before the number but no bound */
        if (c->qualifier != LEDE_QUAL_NONE || c->start >= c->qty_start)
            return NULL;
        snprintf(buf, sizeof buf, "[%.15g,%.15g]", c->value, c->value);
        break;
    }
    return json_string(buf);
}

static void map_claim(json_t *found, const doc *r, const lede_claim *c, rt_model m) {
    switch (m) {
    case RM_NUMBER:
        if (c->kind == LEDE_CLAIM_ORDINAL)
            return;
        /* a number glued to a unit ("180ml") is not a bare number */
        if (isalpha(byte_at_cp(r, c->num_end)))
            return;
        add(found, r, c->num_start, c->num_end, "number",
            num_json(c->has_range ? c->low : c->value), NULL);
        if (c->has_range && c->num2_end > c->num2_start)
            add(found, r, c->num2_start, c->num2_end, "number", num_json(c->high), NULL);
        return;
    case RM_ORDINAL:
        if (c->kind == LEDE_CLAIM_ORDINAL)
            add(found, r, c->num_start, c->num_end, "ordinal", num_json(c->value), NULL);
        return;
    case RM_PERCENT:
        if (c->kind == LEDE_CLAIM_PERCENT)
            add(found, r, c->qty_start, c->qty_end, "percentage", num_json(c->value),
                NULL);
        return;
    case RM_RANGE: {
        size_t end;
        json_t *v = range_value(c, &end);
        if (v)
            add(found, r, c->qualifier && c->has_range ? c->qty_start : c->start, end,
                "numberrange", v, NULL);
        return;
    }
    case RM_CURRENCY:
        if (is_money(c))
            add(found, r, c->qty_start, c->qty_end, "currency", num_json(c->value),
                money_unit(c));
        return;
    case RM_DIMENSION:
        if (c->kind == LEDE_CLAIM_MEASURE && !dim_is(c, "temperature"))
            add(found, r, c->qty_start, c->qty_end, "dimension", num_json(c->value),
                dim_is(c, "angle") && strcmp(c->unit, "°") == 0 ? "Degree" : c->unit);
        return;
    case RM_AGE:
        if (dim_is(c, "age"))
            add(found, r, c->qty_start, c->qty_end, "age", num_json(c->value),
                c->unit ? c->unit : "Age");
        return;
    case RM_TEMPERATURE:
        if (dim_is(c, "temperature"))
            add(found, r, c->qty_start, c->qty_end, "temperature", num_json(c->value),
                temp_unit(c->unit));
        return;
    case RM_ALL: break;
    }
    /* every claim, typed by its kind */
    if (is_money(c))
        map_claim(found, r, c, RM_CURRENCY);
    else if (c->kind == LEDE_CLAIM_PERCENT)
        map_claim(found, r, c, RM_PERCENT);
    else if (c->kind == LEDE_CLAIM_ORDINAL)
        map_claim(found, r, c, RM_ORDINAL);
    else if (dim_is(c, "temperature"))
        map_claim(found, r, c, RM_TEMPERATURE);
    else if (dim_is(c, "age"))
        map_claim(found, r, c, RM_AGE);
    else if (c->kind == LEDE_CLAIM_MEASURE)
        map_claim(found, r, c, RM_DIMENSION);
    else if (c->has_range)
        map_claim(found, r, c, RM_RANGE);
    else
        add(found, r, c->qty_start, c->qty_end, "number", num_json(c->value), c->unit);
}

/* The code point at byte b of the text (the first at or after it). */
static size_t doc_cp(const doc *d, size_t b) {
    size_t lo = 0, hi = d->n_cp;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->cpb[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Most mentions looked at in one input line. */
#define NUMBERS_MAX_MENTIONS 64

/* Recognizers-Text's unit recognisers also report a unit or currency named
 * without a number ("to fahrenheit"), and its ordinal recogniser relative
 * ordinals ("the last but one"); the core finds them (num_mention) but never
 * makes them claims. Those of model m that no claim's quantity covers. */
typedef struct {
    size_t start, end; /* code points */
    num_mention m;
} cp_mention;

static size_t mentions_of(const doc *d, const lede_result *res, rt_model m,
                          cp_mention *out) {
    num_mention ms[NUMBERS_MAX_MENTIONS];
    size_t n = num_mention_find(d->text, d->text_len, ms, NUMBERS_MAX_MENTIONS), k = 0;
    if (n > NUMBERS_MAX_MENTIONS)
        n = NUMBERS_MAX_MENTIONS;
    for (size_t i = 0; i < n; i++) {
        num_mention_kind want = m == RM_CURRENCY      ? NUM_MENTION_CURRENCY
                                : m == RM_DIMENSION   ? NUM_MENTION_DIMENSION
                                : m == RM_TEMPERATURE ? NUM_MENTION_TEMPERATURE
                                : m == RM_PERCENT     ? NUM_MENTION_PERCENT
                                : m == RM_ORDINAL     ? NUM_MENTION_REL_ORDINAL
                                                      : 0;
        if (!want || ms[i].kind != want)
            continue;
        size_t s = doc_cp(d, ms[i].start), e = doc_cp(d, ms[i].end);
        bool covered = false;
        /* a relative ordinal outranks the ordinal inside it ("second to last") */
        for (size_t c = 0; c < res->n_claims && want != NUM_MENTION_REL_ORDINAL; c++)
            covered |= res->claims[c].qty_start < e && s < res->claims[c].qty_end;
        if (!covered)
            out[k++] = (cp_mention){s, e, ms[i]};
    }
    return k;
}

static void add_mention(json_t *found, const doc *d, const cp_mention *cm) {
    static const char *const type[] = {[NUM_MENTION_CURRENCY] = "currency",
                                       [NUM_MENTION_DIMENSION] = "dimension",
                                       [NUM_MENTION_TEMPERATURE] = "temperature",
                                       [NUM_MENTION_PERCENT] = "percentage",
                                       [NUM_MENTION_REL_ORDINAL] = "ordinal.relative"};
    json_t *value = NULL;
    if (cm->m.kind == NUM_MENTION_REL_ORDINAL) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s%+d", cm->m.relative_to, cm->m.offset);
        value = json_string(buf);
    }
    add(found, d, cm->start, cm->end, type[cm->m.kind], value,
        cm->m.kind == NUM_MENTION_TEMPERATURE ? temp_unit(cm->m.unit) : cm->m.unit);
}

static bool in_mention(const cp_mention *ms, size_t n, const lede_claim *c) {
    for (size_t i = 0; i < n; i++)
        if (c->num_start < ms[i].end && ms[i].start < c->num_end)
            return true;
    return false;
}

/* What every line of one `lede numbers` run shares. */
typedef struct {
    lede_options opt;
    rt_model default_model;
    bool claims; /* the contract's claim objects instead of the scorer's form */
} numbers_run;

/* The claims of one input, in the scorer's form (or the contract's). */
static int numbers_line(const lede_ctx *ctx, json_t *in, json_t *out, size_t lineno,
                        void *user) {
    const numbers_run *run = user;
    const char *input = json_string_value(json_object_get(in, "input"));
    const char *mname = json_string_value(json_object_get(in, "model"));
    rt_model m = mname ? model_by_name(mname) : run->default_model;
    json_t *found = json_array();
    json_object_set_new(out, "found", found);
    if (!input)
        return 0;
    lede_result *res = NULL;
    lede_status st = lede_analyze_text(ctx, input, strlen(input), &run->opt, &res);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede numbers: line %zu: %s\n", lineno, lede_strerror(st));
        return 1;
    }
    int rc = 0;
    doc d;
    if (run->claims) {
        json_t *doc = lede_result_to_json(res, LEDE_FIELD_NUMBERS);
        json_array_extend(found, json_object_get(doc, "numeric_claims"));
        json_decref(doc);
    } else if (!doc_init(&d, res)) {
        fprintf(stderr, "lede numbers: line %zu: out of memory\n", lineno);
        rc = 1;
    } else {
        cp_mention ms[NUMBERS_MAX_MENTIONS];
        size_t n_ms = mentions_of(&d, res, m, ms);
        for (size_t i = 0; i < res->n_claims; i++) {
            if (in_mention(ms, n_ms, &res->claims[i]) && m == RM_ORDINAL)
                continue;
            if (m == RM_RANGE && i + 1 < res->n_claims &&
                merged_bounds(found, &d, &res->claims[i], &res->claims[i + 1])) {
                i++;
                continue;
            }
            map_claim(found, &d, &res->claims[i], m);
        }
        for (size_t i = 0; i < n_ms; i++)
            add_mention(found, &d, &ms[i]);
        free(d.cpb);
    }
    lede_result_free(res);
    return rc;
}

static const char numbers_usage[] = "usage: lede numbers --jsonl FILE|- [--model NAME] "
                                    "[--claims|--article] [--data-dir DIR]\n";

int cmd_numbers(int argc, char **argv) {
    if (cli_wants_help(argc, argv)) {
        fputs(numbers_usage, stdout);
        return 0;
    }
    const char *path = NULL, *data_dir = NULL;
    rt_model model = RM_ALL;
    bool claims = false, article = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--jsonl") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
            model = model_by_name(argv[++i]);
        else if (strcmp(argv[i], "--claims") == 0)
            claims = true; /* the contract's numeric_claims objects instead */
        else if (strcmp(argv[i], "--article") == 0)
            claims = article = true; /* ... as the API gives them for an article */
        else if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else {
            fputs(numbers_usage, stderr);
            return 2;
        }
    }
    if (!path) {
        fputs(numbers_usage, stderr);
        return 2;
    }
    numbers_run run = {.default_model = model, .claims = claims};
    lede_options_init(&run.opt);
    run.opt.stages =
        article ? LEDE_FIELD_NUMBERS | LEDE_FIELD_QUOTES : LEDE_FIELD_NUMBERS;
    /* Recognizers-Text's NumberModel scores every bare number, years too; an
     * article gets the API's default */
    run.opt.include_dates = !article;
    run.opt.include_non_claims = !article;
    return cli_jsonl_run("numbers", path, data_dir, numbers_line, &run);
}
