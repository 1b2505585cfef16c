#include "content.h"

#include <string.h>

#include "../html/dom.h"

/* First extraction: the element with the most paragraph text among its direct
 * <p> children wins, and those paragraphs become the text. */
static xmlNode *densest_paragraph_parent(xmlNode *root) {
    xmlNode *best = NULL;
    size_t best_len = 0;
    for (xmlNode *n = root; n; n = dom_next(root, n, dom_is_non_text(n))) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        size_t len = 0;
        for (xmlNode *c = n->children; c; c = c->next)
            if (dom_is(c, "p")) {
                xmlChar *t = xmlNodeGetContent(c);
                len += t ? strlen((const char *)t) : 0;
                xmlFree(t);
            }
        if (len > best_len)
            best = n, best_len = len;
    }
    return best;
}

lede_status content_extract(lede_job *job) {
    lede_result *res = job->res;
    xmlNode *root = job->doc ? xmlDocGetRootElement(job->doc) : NULL;
    xmlNode *body = root ? densest_paragraph_parent(root) : NULL;
    strbuf out;
    strbuf_init(&out, job->arena, job->opt->max_text_len);
    if (body) {
        job->article_root = body;
        for (xmlNode *c = body->children; c; c = c->next) {
            if (!dom_is(c, "p"))
                continue;
            char *t = dom_text(job->arena, c, job->opt->max_text_len);
            if (!t || !*t)
                continue;
            if (out.len && strbuf_puts(&out, "\n\n"))
                break;
            if (strbuf_puts(&out, t))
                break;
        }
    }
    res->text = arena_strndup(job->arena, strbuf_peek(&out), out.len);
    res->text_len = out.len;
    if (!res->text)
        return LEDE_ERR_NOMEM;
    if (!out.len)
        job_warn(job, "no_article_body");
    res->provenance.text = body ? "paragraphs" : NULL;
    return LEDE_OK;
}
