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
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1u << 20) || memchr(data, '\0', size) ||
        !utf8_valid((const char *)data, size))
        return 0;
    char *page = malloc(size + 1);
    if (!page)
        abort();
    memcpy(page, data, size);
    page[size] = '\0';
    size_t n_moved;
    for (int keep_markup = 0; keep_markup < 2; keep_markup++)
        if (dom_exact_compare_moved(page, size, keep_markup, NULL, NULL, &n_moved) != 0)
            abort();
    free(page);
    return 0;
}
