/* UTF-8 decoding, validation and repair. */
#include <criterion/criterion.h>
#include <string.h>

#include "utf8.h"

Test(utf8, decodes_each_length) {
    uint32_t cp;
    cr_assert_eq(utf8_decode("A", 1, &cp), 1);
    cr_assert_eq(cp, 'A');
    cr_assert_eq(utf8_decode("\xC3\xA9", 2, &cp), 2);
    cr_assert_eq(cp, 0xE9);
    cr_assert_eq(utf8_decode("\xE4\xB8\xAD", 3, &cp), 3);
    cr_assert_eq(cp, 0x4E2D);
    cr_assert_eq(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    cr_assert_eq(cp, 0x1F600);
}

Test(utf8, rejects_overlongs_surrogates_and_truncation) {
    uint32_t cp;
    cr_assert_eq(utf8_decode("\xC0\xAF", 2, &cp), 1);
    cr_assert_eq(cp, UTF8_REPLACEMENT);
    cr_assert_eq(utf8_decode("\xED\xA0\x80", 3, &cp), 1, "surrogate");
    cr_assert_eq(cp, UTF8_REPLACEMENT);
    cr_assert_eq(utf8_decode("\xE4\xB8", 2, &cp), 1, "truncated");
    cr_assert_eq(utf8_decode("\xF5\x80\x80\x80", 4, &cp), 1, "above U+10FFFF");
}

Test(utf8, valid_checks_whole_strings) {
    static const char curly[] = "plain \xE2\x80\x9Cquoted\xE2\x80\x9D";
    cr_assert(utf8_valid(curly, sizeof curly - 1));
    cr_assert_not(utf8_valid("bad \xFF byte", 10));
    cr_assert_not(utf8_valid("nul\0inside", 10));
}

/* utf8_valid() one code point at a time, the way utf8_decode() reads. */
static bool valid_slowly(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (cp == 0 || (cp == UTF8_REPLACEMENT && len == 1))
            return false;
        i += len;
    }
    return true;
}

/* The word-at-a-time ASCII path (and utf8_ascii_span) agrees with the slow reading
 * wherever an odd byte sits: every offset, every length, at both ends of a word. */
Test(utf8, valid_agrees_at_every_offset) {
    static const char *const odd[] = {"\0",
                                      "\x7F",
                                      "\x80",
                                      "\xFF",
                                      "\xC3\xA9",
                                      "\xE2\x80\x9C",
                                      "\xF0\x9F\x98\x80",
                                      "\xE2\x80",
                                      "\x01"};
    static const size_t odd_len[] = {1, 1, 1, 1, 2, 3, 4, 2, 1};
    char buf[48];
    size_t checked_bad = 0;
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
        for (size_t len = 0; len <= 40; len++)
            for (size_t at = 0; at + odd_len[k] <= len; at++) {
                memset(buf, 'a', len);
                memcpy(buf + at, odd[k], odd_len[k]);
                bool want = valid_slowly(buf, len);
                checked_bad += !want;
                unsigned char c = (unsigned char)odd[k][0];
                size_t span = c == 0 || c >= 0x80 ? at : len;
                cr_assert_eq(utf8_ascii_span(buf, len), span,
                             "span of odd %zu len %zu at %zu", k, len, at);
                cr_assert_eq(utf8_valid(buf, len), want, "odd %zu len %zu at %zu", k, len,
                             at);
            }
    cr_assert_gt(checked_bad, 0);
    cr_assert(utf8_valid("", 0));
}

Test(utf8, sanitize_replaces_bad_bytes_and_nuls) {
    lede_arena *a = arena_new(0);
    size_t len;
    char *s = utf8_sanitize(a,
                            "a\xFF"
                            "b\0c",
                            5, &len);
    cr_assert_str_eq(s, "a\xEF\xBF\xBD"
                        "b\xEF\xBF\xBD"
                        "c");
    cr_assert_eq(len, strlen(s));
    cr_assert(utf8_valid(s, len));
    arena_free(a);
}

Test(utf8, counts_code_points) {
    cr_assert_eq(utf8_count("h\xC3\xA9llo \xE4\xB8\xAD", 10), 7);
}

Test(utf8, encode_round_trips) {
    char buf[4];
    uint32_t cps[] = {0x41, 0xE9, 0x20AC, 0x1F600};
    for (size_t i = 0; i < 4; i++) {
        uint32_t back;
        size_t n = utf8_encode(cps[i], buf);
        cr_assert_eq(utf8_decode(buf, n, &back), n);
        cr_assert_eq(back, cps[i]);
    }
}
