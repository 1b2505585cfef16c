/*
 * job — the state of one extraction while it runs, and the shared context.
 *
 * Internal to the core. lede_extract() creates a job, hands it to each stage in
 * turn (html -> content/meta -> nlp), and each stage reads what earlier stages
 * left and adds its own part. Everything a job allocates comes from its arena;
 * the result that survives the job shares that arena.
 */
#ifndef LEDE_JOB_H
#define LEDE_JOB_H

#include <libxml/HTMLparser.h>

#include "arena.h"
#include "lede/lede.h"
#include "nlp/tok.h"

struct ner_model;
struct gazetteer;
struct quotes_model;

struct lede_ctx {
    char *data_dir;
    struct ner_model *ner;       /* NULL when the model file is absent */
    struct gazetteer *gaz;       /* word lists: places, names, demonyms, ... */
    struct quotes_model *quotes; /* attribution tagger; NULL: the rules alone */
};

/* A mention found by the entity tagger, in tokens of job->nlp. */
typedef struct {
    uint32_t tok_begin, tok_end; /* [begin, end) */
    lede_entity_type type;
    int32_t entity; /* index into res->entities once merged, else -1 */
    float conf;     /* tagger's posterior of the span's tags, [0, 1] */
} nlp_mention;

/* Most headline candidates kept per page (JSON-LD, meta tags, <title>). */
#define LEDE_HEAD_CANDIDATES_MAX 12

typedef struct lede_job {
    const lede_ctx *ctx;
    const lede_options *opt;
    lede_arena *arena;
    lede_result *res;
    int64_t now; /* fetch time, seconds since the epoch */

    htmlDocPtr doc;          /* NULL when analysing plain text */
    xmlNodePtr article_root; /* the main-content element, when found */
    json_t *jsonld;          /* array of every JSON-LD object on the page (owned) */
    const char *jsonld_body; /* JSON-LD articleBody, when given */
    /* Headline candidates the metadata stage saw (cleaned, with the source
     * names provenance uses), kept for the agreement check in meta_finalize. */
    const char *head_values[LEDE_HEAD_CANDIDATES_MAX];
    const char *head_sources[LEDE_HEAD_CANDIDATES_MAX];
    size_t n_head;

    nlp_text nlp; /* tokens and sentences of res->text */
    nlp_mention *mentions;
    size_t n_mentions;
} lede_job;

/* Adds a warning code (a static string) to the result; duplicates are skipped. */
void job_warn(lede_job *job, const char *code);

/* Runs the language stages of opt->stages over plain text into a job that the
 * caller reads and then ends with job_discard (for trainers that need the
 * pipeline's internal state, not only its result). */
lede_status job_run_text(const lede_ctx *ctx, const char *text, size_t len,
                         const lede_options *opt, lede_job *job);
void job_discard(lede_job *job);

/* Milliseconds from a monotonic clock. */
double job_clock_ms(void);

/* The provenance keys in the order the Article JSON writes them, each with
 * its value (NULL when absent); core/json.c and core/json_write.c both
 * write from this one list. */
#define LEDE_PROVENANCE_FIELDS 14
typedef struct {
    const char *key, *value;
} lede_named_str;
void lede_provenance_fields(const lede_provenance *p,
                            lede_named_str out[LEDE_PROVENANCE_FIELDS]);

#endif
