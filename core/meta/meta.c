#include "meta.h"

#include <strings.h>

#include <string.h>

#include "../html/dom.h"
#include "meta_int.h"

/* The content of <meta property|name=key content=...>, or NULL. */
static const char *meta_tag(xmlNode *root, const char *key) {
    for (xmlNode *n = root; n; n = dom_next(root, n, false)) {
        if (!dom_is(n, "meta"))
            continue;
        const char *k = dom_attr(n, "property");
        if (!k)
            k = dom_attr(n, "name");
        if (k && !strcasecmp(k, key))
            return dom_attr(n, "content");
    }
    return NULL;
}

static xmlNode *first_element(xmlNode *root, const char *name) {
    for (xmlNode *n = root; n; n = dom_next(root, n, false))
        if (dom_is(n, name))
            return n;
    return NULL;
}

lede_status meta_extract(lede_job *job) {
    lede_result *res = job->res;
    xmlNode *root = job->doc ? xmlDocGetRootElement(job->doc) : NULL;
    if (!root)
        return LEDE_OK;
    lede_status st = meta_jsonld_collect(job, root);
    if (st != LEDE_OK)
        return st;
    const char *v;
    json_t *article = meta_jsonld_article(job->jsonld);
    if ((v = meta_clean(job->arena, meta_jsonld_str(article, "headline")))) {
        res->headline = v;
        res->provenance.headline = "json-ld";
    } else if ((v = meta_tag(root, "og:title"))) {
        res->headline = arena_strdup(job->arena, v);
        res->provenance.headline = "og:title";
    } else {
        xmlNode *h = first_element(root, "h1");
        if (!h)
            h = first_element(root, "title");
        if (h) {
            res->headline = dom_text(job->arena, h, 4096);
            res->provenance.headline = dom_is(h, "h1") ? "h1" : "title";
        }
    }
    if ((v = meta_tag(root, "description")))
        res->description = arena_strdup(job->arena, v);
    if ((v = meta_tag(root, "og:site_name")))
        res->site_name = arena_strdup(job->arena, v);
    if ((v = meta_tag(root, "article:published_time")))
        res->published = arena_strdup(job->arena, v);
    if ((v = dom_attr(root, "lang")))
        res->language = arena_strdup(job->arena, v);
    return LEDE_OK;
}

lede_status meta_finalize(lede_job *job) {
    (void)job;
    return LEDE_OK;
}
