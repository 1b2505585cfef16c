#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks are large enough that a typical page needs a handful of them. */
#define ARENA_BLOCK_SIZE (64u * 1024u)
#define ARENA_ALIGN 16u

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} block;

struct lede_arena {
    block *head;
    size_t cap;       /* 0 = unlimited */
    size_t allocated; /* bytes of blocks obtained from malloc */
    size_t used;      /* bytes handed out */
};

lede_arena *arena_new(size_t cap) {
    lede_arena *a = calloc(1, sizeof *a);
    if (a)
        a->cap = cap;
    return a;
}

void arena_free(lede_arena *a) {
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

static block *arena_grow(lede_arena *a, size_t need) {
    size_t size = need > ARENA_BLOCK_SIZE ? need : ARENA_BLOCK_SIZE;
    if (a->cap && (size > a->cap || a->allocated > a->cap - size))
        return NULL;
    block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = size;
    b->used = 0;
    /* A block bigger than the standard size is kept behind the head so the
     * head's free space is not wasted. */
    if (a->head && size > ARENA_BLOCK_SIZE) {
        b->next = a->head->next;
        a->head->next = b;
    } else {
        b->next = a->head;
        a->head = b;
    }
    a->allocated += size;
    return b;
}

void *arena_alloc(lede_arena *a, size_t size) {
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        b = arena_grow(a, size);
        if (!b)
            return NULL;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used += size;
    return p;
}

void *arena_calloc(lede_arena *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *arena_realloc(lede_arena *a, void *old, size_t old_size, size_t new_size) {
    if (new_size <= old_size && old)
        return old;
    void *p = arena_alloc(a, new_size);
    if (p && old && old_size)
        memcpy(p, old, old_size);
    return p;
}

char *arena_strndup(lede_arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(lede_arena *a, const char *s) {
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(lede_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t arena_used(const lede_arena *a) { return a->used; }

void strbuf_init(strbuf *b, lede_arena *a, size_t cap) {
    b->arena = a;
    b->data = NULL;
    b->len = b->size = 0;
    b->cap = cap;
}

int strbuf_append(strbuf *b, const char *s, size_t n) {
    if (b->cap && (n > b->cap || b->len > b->cap - n))
        return -1;
    if (b->len + n + 1 > b->size) {
        size_t size = b->size ? b->size * 2 : 256;
        while (size < b->len + n + 1)
            size *= 2;
        char *p = arena_realloc(b->arena, b->data, b->len, size);
        if (!p)
            return -1;
        b->data = p;
        b->size = size;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int strbuf_puts(strbuf *b, const char *s) { return strbuf_append(b, s, strlen(s)); }

int strbuf_putc(strbuf *b, char c) { return strbuf_append(b, &c, 1); }

const char *strbuf_peek(const strbuf *b) { return b->data ? b->data : ""; }
