#include "bigmem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* The x86-64 and arm64 huge page (the kernel also rounds to its own). */
#define BIGMEM_HUGE_PAGE ((size_t)2 << 20)
/* Small tables: one cache line's alignment, as the row layouts want. */
#define BIGMEM_MIN_ALIGN 64u

void *bigmem_calloc(size_t n, size_t size) {
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    if (!bytes)
        bytes = 1;
    bool huge = bytes >= BIGMEM_HUGE_PAGE;
    size_t align = huge ? BIGMEM_HUGE_PAGE : BIGMEM_MIN_ALIGN;
    /* Whole huge pages, so the last one is not shared with other data. */
    if (huge && bytes > SIZE_MAX - BIGMEM_HUGE_PAGE)
        return NULL;
    size_t rounded =
        huge ? (bytes + BIGMEM_HUGE_PAGE - 1) & ~(BIGMEM_HUGE_PAGE - 1) : bytes;
    void *p = NULL;
    if (posix_memalign(&p, align, rounded))
        return NULL;
#ifdef MADV_HUGEPAGE
    /* Advice only: a kernel without transparent huge pages says no. */
    if (huge)
        (void)madvise(p, rounded, MADV_HUGEPAGE);
#endif
    memset(p, 0, rounded);
    return p;
}

void bigmem_free(void *p) { free(p); }
