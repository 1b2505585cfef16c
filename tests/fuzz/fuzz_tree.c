/* libFuzzer target, differential: html_parse() builds its tree in an arena
 * with its own SAX callbacks (core/html/tree.c); it must be the very tree
 * libxml2's own callbacks build from the same bytes (tests/unit/dom_exact.h:
 * every node, name, attribute, text and link). Any difference aborts.
 *
 *   make fuzz && build-fuzz/fuzz_tree -dict=tests/fuzz/prefilter.dict CORPUS_DIR */
#include <stdint.h>
#include <stdlib.h>

#include "../unit/dom_exact.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1u << 20))
        return 0;
    int limited = 0;
    if (dom_exact_compare((const char *)data, size, NULL, NULL, &limited) != 0)
        abort();
    return 0;
}
