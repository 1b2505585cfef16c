/* libFuzzer target, differential: the pipeline's parse path moves long
 * attribute values out of their tags (html_prefilter_moving()) and puts them
 * back while building the tree (html_parse_moved()). That tree must be the
 * tree libxml2's own callbacks build from html_prefilter()'s output of the
 * same page, with nothing moved (tests/unit/dom_exact.h). Inputs that are
 * not valid UTF-8 or hold NULs are skipped, as the pipeline prefilters
 * decoded text. Any difference, or a parse failing on one side only, aborts.
 *
 *   make fuzz && build-fuzz/fuzz_moved -dict=tests/fuzz/prefilter.dict CORPUS_DIR */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/dom_exact.h"
#include "arena.h"
#include "html/html.h"
#include "utf8.h"

static void same_tree(const char *page, size_t size, bool keep_markup) {
    char *plain = malloc(size + 1), *moving = malloc(size + 1);
    if (!plain || !moving)
        abort();
    memcpy(plain, page, size + 1);
    memcpy(moving, page, size + 1);
    size_t n_plain = html_prefilter(plain, size, keep_markup);
    lede_arena *a = arena_new(0);
    if (!a)
        abort();
    html_moved_attrs moved = {.arena = a};
    size_t n_moving = html_prefilter_moving(moving, size, keep_markup, &moved);
    lede_options opt;
    lede_options_init(&opt);
    htmlDocPtr mine = NULL;
    lede_status st = html_parse_moved(a, moving, n_moving, NULL, &opt, &moved, &mine);
    bool limited = st == LEDE_ERR_LIMIT || st == LEDE_ERR_NOMEM;
    htmlParserCtxtPtr pc = htmlNewParserCtxt();
    htmlDocPtr theirs =
        pc ? htmlCtxtReadMemory(pc, plain, (int)n_plain, NULL, "UTF-8", DOM_EXACT_FLAGS)
           : NULL;
    if (pc)
        htmlFreeParserCtxt(pc);
    if (!limited) {
        if (!mine != !theirs)
            abort();
        if (mine && theirs) {
            char *x = dom_exact_string(theirs), *y = dom_exact_string(mine);
            if (!x || !y || strcmp(x, y) != 0)
                abort();
            free(x);
            free(y);
        }
    }
    html_doc_free(mine);
    if (theirs)
        xmlFreeDoc(theirs);
    arena_free(a);
    free(plain);
    free(moving);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1u << 20) || memchr(data, '\0', size) ||
        !utf8_valid((const char *)data, size))
        return 0;
    char *page = malloc(size + 1);
    if (!page)
        abort();
    memcpy(page, data, size);
    page[size] = '\0';
    same_tree(page, size, true);
    same_tree(page, size, false);
    free(page);
    return 0;
}
