/*
 * bigmem — zeroed memory for the models' large lookup tables, on huge pages
 * where the system offers them.
 *
 * The entity and quote taggers read their weight tables at random, a few
 * rows per token over many megabytes: with 4 KiB pages nearly every row read
 * also misses the TLB. A table of at least one huge page is aligned to the
 * huge-page size and, on Linux, marked MADV_HUGEPAGE, so a few TLB entries
 * cover all of it. Elsewhere, or when the kernel declines, it is ordinary
 * memory; nothing else changes. Tables are allocated once per context, not
 * per request, so they do not come from an arena.
 */
#ifndef LEDE_BIGMEM_H
#define LEDE_BIGMEM_H

#include <stddef.h>

/* n * size zeroed bytes aligned for any type (64 bytes at least), or NULL
 * (also when n * size overflows). Released with bigmem_free(). */
void *bigmem_calloc(size_t n, size_t size);

/* Releases a table from bigmem_calloc(); NULL is fine. */
void bigmem_free(void *p);

#endif
