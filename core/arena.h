/*
 * arena — the per-request memory pool.
 *
 * Every allocation made while extracting one page comes from one arena and is
 * released by one arena_free(). Allocation is a pointer bump inside large
 * blocks; there is no per-object free. The arena has a hard cap on the bytes it
 * will ever hold: past it, allocations return NULL and the caller reports
 * LEDE_ERR_NOMEM instead of growing without bound.
 */
#ifndef LEDE_ARENA_H
#define LEDE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct lede_arena lede_arena;

/* A new arena that will hold at most `cap` bytes in all (0 = no cap). */
lede_arena *arena_new(size_t cap);
void arena_free(lede_arena *a);

/* Aligned for any type; NULL when the cap would be exceeded or malloc fails. */
void *arena_alloc(lede_arena *a, size_t size);
void *arena_calloc(lede_arena *a, size_t n, size_t size);
/* Grows a block obtained from this arena; the old bytes are copied. */
void *arena_realloc(lede_arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strdup(lede_arena *a, const char *s);
char *arena_strndup(lede_arena *a, const char *s, size_t n);
char *arena_printf(lede_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Bytes handed out so far (for metrics and limits tests). */
size_t arena_used(const lede_arena *a);

/*
 * strbuf — a growable string inside an arena, with its own hard cap.
 * Appending past the cap fails (returns -1) and leaves the buffer as it was.
 */
typedef struct {
    lede_arena *arena;
    char *data; /* always NUL-terminated once anything was appended */
    size_t len, size, cap;
} strbuf;

void strbuf_init(strbuf *b, lede_arena *a, size_t cap);
int strbuf_append(strbuf *b, const char *s, size_t n);
int strbuf_puts(strbuf *b, const char *s);
int strbuf_putc(strbuf *b, char c);
/* The contents, "" when empty; stays owned by the arena. */
const char *strbuf_peek(const strbuf *b);

#endif
