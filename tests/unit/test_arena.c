/* The per-request arena and its bounded string buffer. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

Test(arena, allocations_are_aligned_and_distinct) {
    lede_arena *a = arena_new(0);
    char *p = arena_alloc(a, 3), *q = arena_alloc(a, 5);
    cr_assert(p && q && p != q);
    cr_assert_eq((uintptr_t)q % 16, 0);
    arena_free(a);
}

Test(arena, cap_is_enforced) {
    lede_arena *a = arena_new(128 * 1024);
    cr_assert_not_null(arena_alloc(a, 60 * 1024));
    cr_assert_null(arena_alloc(a, 200 * 1024), "an allocation over the cap must fail");
    arena_free(a);
}

Test(arena, large_blocks_do_not_waste_the_head) {
    lede_arena *a = arena_new(0);
    char *small = arena_alloc(a, 10);
    cr_assert_not_null(arena_alloc(a, 1 << 20));
    char *next = arena_alloc(a, 10);
    cr_assert_eq(next - small, 16, "small allocations keep filling the same block");
    arena_free(a);
}

Test(strbuf, grows_until_its_cap) {
    lede_arena *a = arena_new(0);
    strbuf b;
    strbuf_init(&b, a, 1000);
    for (int i = 0; i < 99; i++)
        cr_assert_eq(strbuf_puts(&b, "0123456789"), 0);
    cr_assert_eq(b.len, 990);
    cr_assert_eq(strbuf_puts(&b, "0123456789x"), -1, "past the cap append fails");
    cr_assert_eq(b.len, 990, "a failed append leaves the buffer unchanged");
    cr_assert_eq(strlen(strbuf_peek(&b)), 990);
    arena_free(a);
}

Test(arena, printf_formats) {
    lede_arena *a = arena_new(0);
    cr_assert_str_eq(arena_printf(a, "%s-%d", "x", 42), "x-42");
    arena_free(a);
}
