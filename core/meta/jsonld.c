/* JSON-LD: every <script type="application/ld+json"> parsed with jansson into
 * one flat array, and the article object found in it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../html/dom.h"
#include "../utf8.h"
#include "meta_int.h"

/* Most objects kept from one page; real pages have a handful. */
#define JSONLD_MAX_OBJECTS 256
/* How deep the article search looks into nested values (WebPage.mainEntity,
 * ItemList.itemListElement.item, ...). */
#define JSONLD_MAX_DEPTH 5
/* Failed starts tolerated in one script before giving up on it. */
#define JSONLD_MAX_FAILURES 4
/* Largest script we parse; bigger ones are data dumps, not metadata. */
#define JSONLD_MAX_SCRIPT (4u << 20)

/* Schema.org types that describe an article, with a rank: a news article
 * beats a generic one, any article beats a web page. */
static const struct {
    const char *type;
    int rank;
} article_types[] = {
    {"NewsArticle", 4},
    {"ReportageNewsArticle", 4},
    {"AnalysisNewsArticle", 4},
    {"OpinionNewsArticle", 4},
    {"ReviewNewsArticle", 4},
    {"BackgroundNewsArticle", 4},
    {"AskPublicNewsArticle", 4},
    {"Article", 3},
    {"BlogPosting", 3},
    {"LiveBlogPosting", 3},
    {"Report", 3},
    {"TechArticle", 3},
    {"ScholarlyArticle", 3},
    {"SatiricalArticle", 3},
    {"AdvertiserContentArticle", 3},
    {"SocialMediaPosting", 2},
    {"DiscussionForumPosting", 2},
    {"WebPage", 1},
    {"ItemPage", 1},
};

/* Organisation types: such an author is an outlet, not a person. */
static const char *const org_types[] = {"Organization", "NewsMediaOrganization",
                                        "Corporation",  "WebSite",
                                        "Brand",        "GovernmentOrganization"};

/* "http://schema.org/NewsArticle", "schema:NewsArticle" -> "NewsArticle". */
static const char *type_local(const char *t) {
    const char *slash = strrchr(t, '/');
    const char *colon = strrchr(t, ':');
    const char *cut = slash > colon ? slash : colon;
    return cut ? cut + 1 : t;
}

/* The rank of obj's @type (a string or an array) among article_types, 0 when
 * it is not an article or page type. */
static int article_rank(json_t *obj) {
    json_t *t = json_object_get(obj, "@type");
    json_t *one = t;
    size_t i = 0, n = json_is_array(t) ? json_array_size(t) : 1;
    int best = 0;
    for (; i < n; i++) {
        if (json_is_array(t))
            one = json_array_get(t, i);
        if (!json_is_string(one))
            continue;
        const char *v = type_local(json_string_value(one));
        for (size_t k = 0; k < sizeof article_types / sizeof article_types[0]; k++)
            if (!strcasecmp(v, article_types[k].type) && article_types[k].rank > best)
                best = article_types[k].rank;
    }
    return best;
}

static bool is_org(json_t *obj) {
    json_t *t = json_object_get(obj, "@type");
    json_t *one = t;
    size_t n = json_is_array(t) ? json_array_size(t) : 1;
    for (size_t i = 0; i < n; i++) {
        if (json_is_array(t))
            one = json_array_get(t, i);
        if (!json_is_string(one))
            continue;
        const char *v = type_local(json_string_value(one));
        for (size_t k = 0; k < sizeof org_types / sizeof org_types[0]; k++)
            if (!strcasecmp(v, org_types[k]))
                return true;
    }
    return false;
}

/* ------------------------------------------------------------ parsing */

/* Adds obj, or the objects of an array / @graph, to all. */
static size_t add_flat(json_t *all, json_t *v, int depth) {
    size_t added = 0;
    if (json_array_size(all) >= JSONLD_MAX_OBJECTS || depth > JSONLD_MAX_DEPTH)
        return 0;
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) added += add_flat(all, item, depth + 1);
        return added;
    }
    if (!json_is_object(v))
        return 0;
    json_t *graph = json_object_get(v, "@graph");
    if (graph) {
        added += add_flat(all, graph, depth + 1);
        /* The container counts itself only when it is a typed node too. */
        if (!json_object_get(v, "@type"))
            return added;
    }
    if (json_array_append(all, v) == 0)
        added++;
    return added;
}

size_t meta_jsonld_parse(json_t *all, const char *text, size_t len) {
    if (!text || !len || len > JSONLD_MAX_SCRIPT)
        return 0;
    /* Skip wrappers such as "<!--", "//<![CDATA[" and trailing "-->", ";". */
    size_t start = 0, end = len;
    while (start < len && text[start] != '{' && text[start] != '[')
        start++;
    while (end > start && text[end - 1] != '}' && text[end - 1] != ']')
        end--;
    if (end <= start)
        return 0;
    size_t n = end - start;
    char *buf = malloc(n);
    if (!buf)
        return 0;
    /* Raw control characters (newlines inside strings are common) are not
     * valid JSON; as spaces they are harmless both inside and outside strings. */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[start + i];
        buf[i] = c < 0x20 ? ' ' : (char)c;
    }
    size_t added = 0, off = 0, failures = 0;
    /* Several values back to back ("{...}{...}") are read one after another;
     * a bracket that starts no JSON ("<![CDATA[") is stepped over. */
    while (off < n && failures < JSONLD_MAX_FAILURES) {
        while (off < n && buf[off] != '{' && buf[off] != '[')
            off++;
        if (off >= n)
            break;
        json_error_t err;
        json_t *v = json_loadb(buf + off, n - off, JSON_DISABLE_EOF_CHECK, &err);
        if (!v) {
            failures++;
            off++;
            continue;
        }
        added += add_flat(all, v, 0);
        json_decref(v);
        if (err.position <= 0)
            break;
        off += (size_t)err.position;
    }
    free(buf);
    return added;
}

/* The text of a script element (its text and CDATA children). */
static char *script_text(lede_arena *a, const xmlNode *script, size_t *len) {
    strbuf b;
    strbuf_init(&b, a, JSONLD_MAX_SCRIPT);
    for (const xmlNode *c = script->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            if (strbuf_puts(&b, (const char *)c->content))
                return NULL;
    *len = b.len;
    return b.len ? b.data : NULL;
}

bool meta_jsonld_script(json_t *all, lede_arena *a, const xmlNode *n) {
    if (n->type != XML_ELEMENT_NODE || !dom_is(n, "script"))
        return false;
    const char *type = dom_attr(n, "type");
    if (type && strcasestr(type, "ld+json")) {
        size_t len = 0;
        char *text = script_text(a, n, &len);
        if (text)
            meta_jsonld_parse(all, text, len);
    }
    return true;
}

void meta_jsonld_scripts_under(json_t *all, lede_arena *a, xmlNode *root) {
    for (xmlNode *n = root; n;)
        n = dom_next(root, n, meta_jsonld_script(all, a, n));
}

lede_status meta_jsonld_finish(lede_job *job, json_t *all) {
    json_decref(job->jsonld);
    job->jsonld = all;
    json_t *article = meta_jsonld_article(all);
    json_t *body = json_object_get(article, "articleBody");
    if (json_is_string(body) && json_string_length(body)) {
        job->jsonld_body = utf8_sanitize_str(job->arena, json_string_value(body));
        if (!job->jsonld_body)
            return LEDE_ERR_NOMEM;
    }
    return LEDE_OK;
}

/* ------------------------------------------------------------ queries */

/* The best-ranked article object inside v (depth-first), or NULL. */
static json_t *find_article(json_t *v, int depth, int *best_rank) {
    if (depth > JSONLD_MAX_DEPTH)
        return NULL;
    json_t *best = NULL;
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            json_t *f = find_article(item, depth + 1, best_rank);
            if (f)
                best = f;
        }
        return best;
    }
    if (!json_is_object(v))
        return NULL;
    int r = article_rank(v);
    /* Ties go to the first object seen. */
    if (r > *best_rank) {
        *best_rank = r;
        best = v;
    }
    const char *key;
    json_t *child;
    json_object_foreach(v, key, child) {
        if (json_is_object(child) || json_is_array(child)) {
            json_t *f = find_article(child, depth + 1, best_rank);
            if (f)
                best = f;
        }
    }
    return best;
}

json_t *meta_jsonld_article(json_t *all) {
    int rank = 0;
    return find_article(all, 0, &rank);
}

const char *meta_jsonld_str(json_t *obj, const char *key) {
    json_t *v = key ? json_object_get(obj, key) : obj;
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v)) {
        json_t *inner = json_object_get(v, "name");
        if (!inner)
            inner = json_object_get(v, "@value");
        if (!inner)
            inner = json_object_get(v, "url");
        v = inner;
    }
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Articles rank above this; pages at or below it. */
#define JSONLD_PAGE_RANK 1

const char *meta_jsonld_headline(json_t *article) {
    const char *h = meta_jsonld_str(article, "headline");
    if (!h && article_rank(article) > JSONLD_PAGE_RANK)
        h = meta_jsonld_str(article, "name");
    return h;
}

json_t *meta_jsonld_by_id(json_t *all, const char *id) {
    if (!id)
        return NULL;
    size_t i;
    json_t *o;
    json_array_foreach(all, i, o) {
        const char *oid = json_string_value(json_object_get(o, "@id"));
        if (oid && !strcmp(oid, id) && json_object_size(o) > 1)
            return o;
    }
    return NULL;
}

/* One author value: a string, a Person, an @id reference or an array. */
static void add_author(json_t *all, json_t *v, const char **names, size_t *n, size_t max,
                       const char **org, int depth) {
    if (depth > JSONLD_MAX_DEPTH || *n >= max)
        return;
    if (json_is_string(v)) {
        names[(*n)++] = json_string_value(v);
        return;
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item)
            add_author(all, item, names, n, max, org, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (!json_object_get(v, "name") && json_object_get(v, "@id")) {
        json_t *ref =
            meta_jsonld_by_id(all, json_string_value(json_object_get(v, "@id")));
        if (ref && ref != v)
            v = ref;
    }
    if (is_org(v)) {
        if (!*org)
            *org = meta_jsonld_str(v, "name");
        return;
    }
    json_t *name = json_object_get(v, "name");
    if (json_is_string(name)) {
        names[(*n)++] = json_string_value(name);
        return;
    }
    if (json_is_array(name) || json_is_object(name))
        add_author(all, name, names, n, max, org, depth + 1);
}

const char *meta_jsonld_authors(json_t *all, json_t *article, const char **names,
                                size_t *n, size_t max) {
    const char *org = NULL;
    json_t *v = json_object_get(article, "author");
    if (!v)
        v = json_object_get(article, "creator");
    add_author(all, v, names, n, max, &org, 0);
    return org;
}
