/*
 * tree — the DOM of a page, built by libxml2's HTML parser into the request's
 * arena.
 *
 * libxml2's parser reports what it reads through SAX callbacks, and its
 * default callbacks build the tree with a malloc() for every node, every
 * attribute, every name and every text, which xmlFreeDoc() then frees one by
 * one: a third of all parse time. The callbacks here build the same tree
 * (the same nodes, links, names, attribute values and texts) from the arena,
 * and the tree goes when the arena goes. Only the document node and its DTD
 * node still come from libxml2; html_doc_free() detaches the arena part
 * before handing the rest to xmlFreeDoc().
 *
 * Each callback follows what libxml2 2.9's xmlSAX2StartElement, EndElement,
 * Characters, CDataBlock, Comment and ProcessingInstruction do for an HTML
 * document (SAX2.c), including its quirks: an element name with a colon
 * keeps only its local part, a bare boolean attribute gets its own name as
 * value, adjacent text is joined into one node, an element opened while no
 * element is open goes under the document's first child. Two things are left
 * out because no stage reads them: line numbers, and the document's table of
 * `id` attributes. tests/unit/test_html.c compares the two trees node by node
 * on hand-written markup and on every development page; tests/fuzz/fuzz_tree.c
 * does the same on generated input.
 *
 * The node limit is enforced while building, so a page past it stops the
 * parser instead of first growing the whole tree.
 *
 * html_parse_moved() also puts back the attribute values the prefilter took
 * out of their tags (html_prefilter_moving()): libxml2 reads those tags with
 * empty values, and the builder knows each tag by where the parser stands
 * when it reports it, the tag's end in the prefiltered text.
 */
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "html.h"

/* libxml2 refuses longer text nodes without XML_PARSE_HUGE (XML_MAX_TEXT_LENGTH). */
#define TREE_MAX_TEXT 10000000u

typedef struct {
    lede_arena *arena;
    size_t nodes, max_nodes; /* counted as a walk from the root element would */
    lede_status status;      /* LEDE_OK until the limit or the arena stops the parse */
    /* The text node last created or extended, and its buffer: adjacent text
     * is appended in place while it fits. */
    xmlNode *text;
    size_t text_len, text_cap;
    /* Values the prefilter moved out of their tags, and the first of them
     * not yet reached. */
    const html_moved_attrs *moved;
    size_t next_moved;
} tree_builder;

static tree_builder *builder_of(xmlParserCtxtPtr c) { return c->_private; }

static void stop(xmlParserCtxtPtr c, lede_status why) {
    tree_builder *b = builder_of(c);
    if (b->status == LEDE_OK)
        b->status = why;
    xmlStopParser(c);
}

/* A zeroed node of this type, or NULL (and the parse stopped) when the arena
 * is full or the node limit is passed. Nodes placed under the document before
 * its root element (a DTD, comments) are not counted, as a walk from the root
 * element would not count them. */
static xmlNode *new_node(xmlParserCtxtPtr c, xmlElementType type, bool counted) {
    tree_builder *b = builder_of(c);
    if (counted && ++b->nodes > b->max_nodes) {
        stop(c, LEDE_ERR_LIMIT);
        return NULL;
    }
    xmlNode *n = arena_calloc(b->arena, 1, sizeof *n);
    if (!n) {
        stop(c, LEDE_ERR_NOMEM);
        return NULL;
    }
    n->type = type;
    n->doc = c->myDoc;
    return n;
}

static char *copy(xmlParserCtxtPtr c, const xmlChar *s, size_t n) {
    char *d = arena_strndup(builder_of(c)->arena, (const char *)s, n);
    if (!d)
        stop(c, LEDE_ERR_NOMEM);
    return d;
}

/* xmlAddChild() for a node that is not text: appended as the last child. */
static void append_child(xmlNode *parent, xmlNode *n) {
    n->parent = parent;
    n->prev = parent->last;
    if (parent->last)
        parent->last->next = n;
    else
        parent->children = n;
    parent->last = n;
}

/* xmlAddSibling(): appended after the last sibling of `of`. */
static void append_sibling(xmlNode *of, xmlNode *n) {
    if (of->parent) {
        append_child(of->parent, n);
        return;
    }
    while (of->next)
        of = of->next;
    of->next = n;
    n->prev = of;
}

/* Where xmlSAX2Comment() and xmlSAX2ProcessingInstruction() put a node. */
static void place(xmlParserCtxtPtr c, xmlNode *n) {
    xmlNode *parent = c->node;
    if (!parent)
        append_child((xmlNode *)c->myDoc, n);
    else if (parent->type == XML_ELEMENT_NODE)
        append_child(parent, n);
    else
        append_sibling(parent, n);
}

/* Whether a node added now counts toward the limit: inside an element, or
 * after the root element (every element counts, so there is one once
 * anything was counted). */
static bool counted_at_top(xmlParserCtxtPtr c) {
    return c->node || builder_of(c)->nodes > 0;
}

/* The element name libxml2 stores: the part after the first colon when the
 * name has a prefix (xmlSplitQName), else the name itself. */
static const xmlChar *element_name(xmlParserCtxtPtr c, const xmlChar *fullname) {
    if (!strchr((const char *)fullname, ':'))
        return fullname;
    xmlChar *prefix = NULL;
    xmlChar *local = xmlSplitQName(c, fullname, &prefix);
    const xmlChar *name = local ? xmlDictLookup(c->dict, local, -1) : NULL;
    xmlFree(local);
    xmlFree(prefix);
    if (!name)
        stop(c, LEDE_ERR_NOMEM);
    return name;
}

/* The values moved out of the start tag libxml2 reports now: the entries
 * whose tag ends where the parser stands (at the tag's '>' or "/>", or at the
 * end of the input). Entries of tags it reported without them (a misplaced
 * <body> or <html>) are passed over. Sets *n to their number. */
static const html_moved_attr *moved_of_tag(xmlParserCtxtPtr c, size_t *n) {
    tree_builder *b = builder_of(c);
    *n = 0;
    if (!b->moved || b->next_moved >= b->moved->n || !c->input)
        return NULL;
    size_t at = (size_t)c->input->consumed + (size_t)(c->input->cur - c->input->base);
    const html_moved_attr *v = b->moved->v;
    while (b->next_moved < b->moved->n && v[b->next_moved].tag_end < at)
        b->next_moved++;
    size_t first = b->next_moved;
    while (b->next_moved < b->moved->n && v[b->next_moved].tag_end == at)
        b->next_moved++;
    *n = b->next_moved - first;
    return v + first;
}

/* The moved value of attribute `name` (lower case, as libxml2 gives it)
 * among a tag's entries, or NULL. */
static const char *moved_value(const html_moved_attr *v, size_t n, const xmlChar *name) {
    size_t len = strlen((const char *)name);
    for (size_t i = 0; i < n; i++)
        if (v[i].name_len == len && !strncasecmp(v[i].name, (const char *)name, len))
            return v[i].value;
    return NULL;
}

/* Appends attribute name=value to el after `last` (its last attribute so
 * far, or NULL); returns the new last attribute, NULL when out of memory.
 * An empty value whose real one was moved out of the tag (moved[0, n_moved))
 * gets it back, without a copy: it already lives in the arena. */
static xmlAttr *add_attribute(xmlParserCtxtPtr c, xmlNode *el, xmlAttr *last,
                              const xmlChar *name, const xmlChar *value,
                              const html_moved_attr *moved, size_t n_moved) {
    tree_builder *b = builder_of(c);
    xmlAttr *a = arena_calloc(b->arena, 1, sizeof *a);
    if (!a) {
        stop(c, LEDE_ERR_NOMEM);
        return NULL;
    }
    a->type = XML_ATTRIBUTE_NODE;
    a->name = name;
    a->parent = el;
    a->doc = c->myDoc;
    if (!value && htmlIsBooleanAttr(name))
        value = name; /* <input checked> reads as checked="checked" */
    if (value) {
        const char *put_back =
            n_moved && !value[0] ? moved_value(moved, n_moved, name) : NULL;
        xmlNode *t = new_node(c, XML_TEXT_NODE, false);
        if (!t)
            return NULL;
        if (put_back)
            t->content = (xmlChar *)put_back;
        else if (!(t->content = (xmlChar *)copy(c, value, strlen((const char *)value))))
            return NULL;
        t->name = xmlStringText;
        t->parent = (xmlNode *)a;
        a->children = a->last = t;
    }
    if (last)
        last->next = a, a->prev = last;
    else
        el->properties = a;
    return a;
}

static void on_start_element(void *ctx, const xmlChar *fullname, const xmlChar **atts) {
    xmlParserCtxtPtr c = ctx;
    if (!fullname || !c->myDoc)
        return;
    tree_builder *b = builder_of(c);
    b->text = NULL;
    xmlNode *parent = c->node;
    bool first = !c->myDoc->children;
    if (!first && !parent)
        parent = c->myDoc->children;
    const xmlChar *name = element_name(c, fullname);
    /* Every element is the root element or comes after it: all count, once
     * they are in the tree. */
    xmlNode *el = name ? new_node(c, XML_ELEMENT_NODE, false) : NULL;
    if (!el)
        return;
    el->name = name;
    if (first)
        append_child((xmlNode *)c->myDoc, el);
    if (nodePush(c, el) < 0) { /* past libxml2's depth limit: it halts */
        if (first)
            c->myDoc->children = c->myDoc->last = NULL;
        return;
    }
    if (parent) {
        if (parent->type == XML_ELEMENT_NODE)
            append_child(parent, el);
        else
            append_sibling(parent, el);
    }
    if (++b->nodes > b->max_nodes) {
        stop(c, LEDE_ERR_LIMIT);
        return;
    }
    size_t n_moved = 0;
    const html_moved_attr *moved = atts ? moved_of_tag(c, &n_moved) : NULL;
    xmlAttr *last = NULL;
    for (size_t i = 0; atts && atts[i] && (i == 0 || last); i += 2)
        last = add_attribute(c, el, last, atts[i], atts[i + 1], moved, n_moved);
}

static void on_end_element(void *ctx, const xmlChar *name) {
    (void)name;
    xmlParserCtxtPtr c = ctx;
    builder_of(c)->text = NULL;
    nodePop(c);
}

/* xmlSAX2Text(): text joins a last child of the same kind, else becomes a
 * new last child. Text outside any element is dropped. */
static void add_text(xmlParserCtxtPtr c, const xmlChar *ch, int len,
                     xmlElementType type) {
    tree_builder *b = builder_of(c);
    xmlNode *parent = c->node;
    if (!parent || len < 0)
        return;
    xmlNode *last = parent->last;
    if (last && last->type == type &&
        (type != XML_TEXT_NODE || last->name == xmlStringText)) {
        if (last != b->text) { /* not ours to extend in place: start over */
            b->text = last;
            b->text_len = b->text_cap = strlen((const char *)last->content);
        }
        if (b->text_len + (size_t)len > TREE_MAX_TEXT) {
            stop(c, LEDE_ERR_LIMIT);
            return;
        }
        if (b->text_len + (size_t)len + 1 > b->text_cap) {
            size_t cap = 2 * (b->text_len + (size_t)len + 1);
            char *grown = arena_alloc(b->arena, cap);
            if (!grown) {
                stop(c, LEDE_ERR_NOMEM);
                return;
            }
            memcpy(grown, last->content, b->text_len);
            last->content = (xmlChar *)grown;
            b->text_cap = cap;
        }
        memcpy(last->content + b->text_len, ch, (size_t)len);
        b->text_len += (size_t)len;
        last->content[b->text_len] = '\0';
        return;
    }
    xmlNode *t = new_node(c, type, true);
    if (!t || !(t->content = (xmlChar *)copy(c, ch, (size_t)len)))
        return;
    if (type == XML_TEXT_NODE)
        t->name = xmlStringText;
    append_child(parent, t);
    b->text = t;
    b->text_len = (size_t)len;
    b->text_cap = (size_t)len + 1;
}

static void on_characters(void *ctx, const xmlChar *ch, int len) {
    add_text(ctx, ch, len, XML_TEXT_NODE);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len) {
    add_text(ctx, ch, len, XML_CDATA_SECTION_NODE);
}

static void on_comment(void *ctx, const xmlChar *value) {
    xmlParserCtxtPtr c = ctx;
    xmlNode *n = new_node(c, XML_COMMENT_NODE, counted_at_top(c));
    if (!n || !(n->content = (xmlChar *)copy(c, value, strlen((const char *)value))))
        return;
    n->name = xmlStringComment;
    place(c, n);
}

static void on_processing_instruction(void *ctx, const xmlChar *target,
                                      const xmlChar *data) {
    xmlParserCtxtPtr c = ctx;
    xmlNode *n = new_node(c, XML_PI_NODE, counted_at_top(c));
    if (!n || !(n->name = (xmlChar *)copy(c, target, strlen((const char *)target))))
        return;
    if (data && !(n->content = (xmlChar *)copy(c, data, strlen((const char *)data))))
        return;
    place(c, n);
}

/* libxml2 reports recoverable HTML errors through this hook; real pages are
 * full of them and none matter to us. */
static void silent_error(void *ctx, xmlErrorPtr err) {
    (void)ctx;
    (void)err;
}

lede_status html_parse(lede_arena *a, const char *utf8, size_t len, const char *url,
                       const lede_options *opt, htmlDocPtr *out) {
    return html_parse_moved(a, utf8, len, url, opt, NULL, out);
}

lede_status html_parse_moved(lede_arena *a, const char *utf8, size_t len, const char *url,
                             const lede_options *opt, const html_moved_attrs *moved,
                             htmlDocPtr *out) {
    *out = NULL;
    if (len > (size_t)INT_MAX)
        return LEDE_ERR_TOO_LARGE;
    htmlParserCtxtPtr pc = htmlNewParserCtxt();
    if (!pc)
        return LEDE_ERR_NOMEM;
    tree_builder b = {
        .arena = a, .max_nodes = opt->max_nodes, .status = LEDE_OK, .moved = moved};
    pc->_private = &b;
    pc->sax->serror = silent_error;
    pc->sax->startElement = on_start_element;
    pc->sax->endElement = on_end_element;
    pc->sax->characters = on_characters;
    pc->sax->cdataBlock = on_cdata;
    pc->sax->comment = on_comment;
    pc->sax->processingInstruction = on_processing_instruction;
    const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlCtxtReadMemory(pc, utf8, (int)len, url, "UTF-8", flags);
    if (doc && !doc->dict) {
        /* Element and attribute names point into the parser's dictionary:
         * the document keeps it alive, and xmlFreeDoc() releases it. */
        doc->dict = pc->dict;
        xmlDictReference(doc->dict);
    }
    htmlFreeParserCtxt(pc);
    if (!doc)
        return b.status == LEDE_OK ? LEDE_ERR_PARSE : b.status;
    if (b.status != LEDE_OK) {
        html_doc_free(doc);
        return b.status;
    }
    *out = doc;
    return LEDE_OK;
}

void html_doc_free(htmlDocPtr doc) {
    if (!doc)
        return;
    xmlDtdPtr dtd = doc->intSubset;
    if (dtd) {
        xmlUnlinkNode((xmlNodePtr)dtd); /* also clears doc->intSubset */
        xmlFreeDtd(dtd);
    }
    /* Everything else under the document lives in the arena. */
    doc->children = doc->last = NULL;
    xmlFreeDoc(doc);
}
