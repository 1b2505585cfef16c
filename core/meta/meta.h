/*
 * meta — the page's metadata: headline, byline and authors, dateline, dates,
 * site name, language, canonical URL, description, image, section and tags.
 *
 * meta_extract() runs before content extraction and reads the head, JSON-LD
 * and visible bylines; meta_finalize() runs after it and may use the chosen
 * article element and text (nearest <h1>, a text-based language guess). Each
 * field records in res->provenance which source won, and the headline,
 * byline, published and modified dates also which other sources agreed.
 */
#ifndef LEDE_META_H
#define LEDE_META_H

#include "../job.h"

lede_status meta_extract(lede_job *job);
lede_status meta_finalize(lede_job *job);

/* Builds the read-only word tables of the stage (the byline marker sets,
 * the language guess's stop words); called at start-up by lede_ctx_new and
 * once per page by meta_extract(). Later calls do nothing. */
void meta_init(void);

#endif
