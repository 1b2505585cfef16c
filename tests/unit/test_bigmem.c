/* Model tables: zeroed, aligned, huge-page sized when large. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "bigmem.h"

static bool all_zero(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

Test(bigmem, small_tables_are_zeroed_and_cache_line_aligned) {
    unsigned char *p = bigmem_calloc(100, 3);
    cr_assert_not_null(p);
    cr_assert_eq((uintptr_t)p % 64, 0);
    cr_assert(all_zero(p, 300));
    memset(p, 0xAB, 300);
    bigmem_free(p);
    p = bigmem_calloc(0, 8);
    cr_assert_not_null(p, "an empty table is still a table");
    bigmem_free(p);
}

Test(bigmem, large_tables_start_on_a_huge_page) {
    const size_t n = (5u << 20) + 123; /* not a multiple of the huge page */
    unsigned char *p = bigmem_calloc(n, 1);
    cr_assert_not_null(p);
    cr_assert_eq((uintptr_t)p % (2u << 20), 0);
    cr_assert(all_zero(p, n));
    p[n - 1] = 1; /* the whole size is usable */
    bigmem_free(p);
}

Test(bigmem, overflowing_sizes_are_refused) {
    cr_assert_null(bigmem_calloc(SIZE_MAX / 2, 4));
    cr_assert_null(bigmem_calloc(SIZE_MAX, 1));
    bigmem_free(NULL);
}
