/*
 * content — finds the article body in the DOM and renders it as clean text.
 *
 * content_extract() scores the DOM (score.c: text and link density per block,
 * tag and class/id evidence from rules.c, paragraph scores spread over
 * ancestors), chooses the element that holds the story (job->article_root) and
 * the siblings that belong with it, then renders it (render.c) while pruning
 * boilerplate: res->text (paragraphs joined by a blank line, at most
 * opt->max_text_len bytes), res->provenance.text ("dom" or "json-ld") and,
 * with opt->include_html, res->html (cleaned markup). JSON-LD articleBody
 * (job->jsonld_body, when the meta stage found one) replaces the DOM text only
 * when the DOM gave far less. Warnings: no_article_body, not_an_article (index
 * and list pages), text_truncated. It does not compute word_count (lede.c
 * does) and never descends below opt->max_dom_depth.
 */
#ifndef LEDE_CONTENT_H
#define LEDE_CONTENT_H

#include "../job.h"

lede_status content_extract(lede_job *job);

/* Builds the stage's read-only lookup indexes; called at start-up by
 * lede_ctx_new (later calls do nothing). */
void content_init(void);

#endif
