/* libFuzzer target, differential: libxml2 must build the same DOM (as the
 * stages see it, tests/unit/dom_equiv.h) from a page and from the page after
 * html_prefilter(). The pipeline prefilters decoded text, so inputs that are
 * not valid UTF-8 or hold NULs are skipped. Any difference aborts, and so
 * does output longer than the input or not NUL-terminated.
 *
 *   make fuzz && build-fuzz/fuzz_prefilter -dict=tests/fuzz/prefilter.dict CORPUS_DIR */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/dom_equiv.h"
#include "html/html.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (memchr(data, '\0', size) || !utf8_valid((const char *)data, size))
        return 0;
    char *page = malloc(size + 1), *copy = malloc(size + 1);
    if (!page || !copy)
        abort();
    memcpy(page, data, size);
    page[size] = '\0';
    for (int keep_markup = 0; keep_markup < 2; keep_markup++) {
        memcpy(copy, page, size + 1);
        size_t n = html_prefilter(copy, size, keep_markup);
        if (n > size || copy[n] != '\0' || strlen(copy) != n)
            abort();
        char *a = dom_equiv_string(page, size, keep_markup),
             *b = dom_equiv_string(copy, n, keep_markup);
        if ((a == NULL) != (b == NULL) || (a && strcmp(a, b)))
            abort();
        free(a);
        free(b);
    }
    free(page);
    free(copy);
    return 0;
}
