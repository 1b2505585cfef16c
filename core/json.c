/* lede_result -> the contract's Article JSON (see the project's openapi.yaml). */
#include <math.h>
#include <string.h>

#include "job.h"

/* A JSON string, or null for NULL. Every string in a result is valid UTF-8 by
 * construction; should one not be, null is safer than a broken document. */
static json_t *jstr(const char *s) {
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    return j ? j : json_null();
}

static json_t *jnum(double v) {
    if (!isfinite(v))
        return json_null();
    /* Whole values print as integers: 100000, not 100000.0. */
    if (fabs(v) < 9007199254740992.0 && v == (double)(json_int_t)v)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *jstr_array(const char *const *v, size_t n) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, jstr(v[i]));
    return a;
}

static void set_meta(json_t *o, const lede_result *r) {
    json_object_set_new(o, "canonical_url", jstr(r->canonical_url));
    json_object_set_new(o, "headline", jstr(r->headline));
    json_object_set_new(o, "byline", jstr(r->byline));
    json_object_set_new(o, "authors", jstr_array(r->authors, r->n_authors));
    json_object_set_new(o, "dateline", jstr(r->dateline));
    json_object_set_new(o, "published", jstr(r->published));
    json_object_set_new(o, "modified", jstr(r->modified));
    json_object_set_new(o, "site_name", jstr(r->site_name));
    json_object_set_new(o, "language", jstr(r->language));
    json_object_set_new(o, "description", jstr(r->description));
    json_object_set_new(o, "image", jstr(r->image));
    json_object_set_new(o, "section", jstr(r->section));
    json_object_set_new(o, "tags", jstr_array(r->tags, r->n_tags));
}

static json_t *entities_json(const lede_result *r) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->n_entities; i++) {
        const lede_entity *e = &r->entities[i];
        json_t *mentions = json_array();
        for (size_t m = 0; mentions && m < e->n_mentions; m++)
            json_array_append_new(mentions,
                                  json_pack("{s:I,s:I,s:o}", "start",
                                            (json_int_t)e->mentions[m].start, "end",
                                            (json_int_t)e->mentions[m].end, "text",
                                            jstr(e->mentions[m].text)));
        /* Confidence rounded to a multiple of 1/1024: exact in binary, so it
         * prints in at most ten decimals without rounding noise. */
        double conf = round(e->confidence * 1024.0) / 1024.0;
        /* Stable identifiers of the entity in public lists, when known. */
        json_t *ids = json_object();
        if (ids && e->iso3166)
            json_object_set_new(ids, "iso3166", json_string(e->iso3166));
        if (ids && e->iso3166_2)
            json_object_set_new(ids, "iso3166_2", json_string(e->iso3166_2));
        if (ids && e->geonames)
            json_object_set_new(ids, "geonames", json_integer((json_int_t)e->geonames));
        json_array_append_new(
            a, json_pack("{s:o,s:s,s:I,s:f,s:o,s:o}", "name", jstr(e->name), "type",
                         lede_entity_type_name(e->type), "count",
                         (json_int_t)e->n_mentions, "confidence", conf, "ids",
                         ids ? ids : json_object(), "mentions", mentions));
    }
    return a;
}

static json_t *quotes_json(const lede_result *r) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->n_quotes; i++) {
        const lede_quote *q = &r->quotes[i];
        json_t *ent =
            q->speaker_entity >= 0 ? json_integer(q->speaker_entity) : json_null();
        json_t *mention = json_null();
        if (q->speaker_mention && q->speaker_start >= 0)
            mention =
                json_pack("{s:I,s:I,s:o}", "start", (json_int_t)q->speaker_start, "end",
                          (json_int_t)q->speaker_end, "text", jstr(q->speaker_mention));
        json_array_append_new(
            a, json_pack("{s:o,s:s,s:o,s:o,s:o,s:o,s:I,s:I,s:f}", "text", jstr(q->text),
                         "type", lede_quote_type_name(q->type), "speaker",
                         jstr(q->speaker), "speaker_entity", ent, "speaker_mention",
                         mention, "cue", jstr(q->cue), "start", (json_int_t)q->start,
                         "end", (json_int_t)q->end, "confidence", q->confidence));
    }
    return a;
}

static json_t *claims_json(const lede_result *r) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < r->n_claims; i++) {
        const lede_claim *c = &r->claims[i];
        json_t *o = json_pack("{s:o,s:o,s:o,s:s,s:o,s:I,s:I,s:o}", "text", jstr(c->text),
                              "value", jnum(c->value), "unit", jstr(c->unit), "kind",
                              lede_claim_kind_name(c->kind), "qualifier",
                              jstr(lede_qualifier_name(c->qualifier)), "start",
                              (json_int_t)c->start, "end", (json_int_t)c->end, "sentence",
                              jstr(c->sentence));
        if (!o)
            continue;
        if (c->currency)
            json_object_set_new(o, "currency", jstr(c->currency));
        if (c->has_range) {
            json_object_set_new(o, "low", jnum(c->low));
            json_object_set_new(o, "high", jnum(c->high));
        }
        if (c->change)
            json_object_set_new(o, "change", jstr(c->change));
        json_object_set_new(o, "subject", jstr(c->subject));
        if (c->non_claim) /* only with include_non_claims, for evaluation */
            json_object_set_new(o, "non_claim", jstr(c->non_claim));
        json_t *who = json_null();
        if (c->quote >= 0 && (size_t)c->quote < r->n_quotes) {
            const lede_quote *q = &r->quotes[c->quote];
            who = json_pack("{s:I,s:o,s:o}", "quote", (json_int_t)c->quote, "speaker",
                            jstr(q->speaker), "speaker_entity",
                            q->speaker_entity >= 0 ? json_integer(q->speaker_entity)
                                                   : json_null());
        }
        json_object_set_new(o, "claimant", who);
        json_array_append_new(a, o);
    }
    return a;
}

void lede_provenance_fields(const lede_provenance *p,
                            lede_named_str out[LEDE_PROVENANCE_FIELDS]) {
    const lede_named_str fields[LEDE_PROVENANCE_FIELDS] = {
        {"headline", p->headline},
        {"byline", p->byline},
        {"published", p->published},
        {"modified", p->modified},
        {"site_name", p->site_name},
        {"language", p->language},
        {"canonical_url", p->canonical_url},
        {"description", p->description},
        {"image", p->image},
        {"text", p->text},
        {"headline_sources", p->headline_sources},
        {"byline_sources", p->byline_sources},
        {"published_sources", p->published_sources},
        {"modified_sources", p->modified_sources},
    };
    memcpy(out, fields, sizeof fields);
}

static json_t *provenance_json(const lede_provenance *p) {
    json_t *o = json_object();
    lede_named_str fields[LEDE_PROVENANCE_FIELDS];
    lede_provenance_fields(p, fields);
    for (size_t i = 0; o && i < LEDE_PROVENANCE_FIELDS; i++)
        if (fields[i].value)
            json_object_set_new(o, fields[i].key, jstr(fields[i].value));
    return o;
}

json_t *lede_result_to_json(const lede_result *r, unsigned fields) {
    if (!fields)
        fields = LEDE_FIELD_ALL;
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "url", jstr(r->url));
    if (fields & LEDE_FIELD_META)
        set_meta(o, r);
    if (fields & LEDE_FIELD_TEXT) {
        json_object_set_new(o, "text", jstr(r->text));
        json_object_set_new(o, "word_count", json_integer((json_int_t)r->word_count));
        if (r->html)
            json_object_set_new(o, "html", jstr(r->html));
    }
    if (fields & LEDE_FIELD_ENTITIES)
        json_object_set_new(o, "entities", entities_json(r));
    if (fields & LEDE_FIELD_QUOTES)
        json_object_set_new(o, "quotes", quotes_json(r));
    if (fields & LEDE_FIELD_NUMBERS)
        json_object_set_new(o, "numeric_claims", claims_json(r));
    json_object_set_new(o, "warnings", jstr_array(r->warnings, r->n_warnings));
    if (fields & LEDE_FIELD_META)
        json_object_set_new(o, "provenance", provenance_json(&r->provenance));
    json_object_set_new(o, "timings_ms",
                        json_pack("{s:f,s:f,s:f,s:f,s:f}", "parse", r->timings.parse,
                                  "content", r->timings.content, "meta", r->timings.meta,
                                  "nlp", r->timings.nlp, "total", r->timings.total));
    return o;
}
