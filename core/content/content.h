/*
 * content — finds the article body in the DOM and renders it as clean text.
 *
 * content_extract() chooses the element that holds the story (job->article_root),
 * removes what is not article text inside it, and writes res->text (paragraphs
 * joined by a blank line), res->word_count and, when asked, res->html.
 */
#ifndef LEDE_CONTENT_H
#define LEDE_CONTENT_H

#include "../job.h"

lede_status content_extract(lede_job *job);

#endif
