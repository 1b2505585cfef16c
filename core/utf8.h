/*
 * utf8 — small UTF-8 helpers shared by every stage: decoding one code point,
 * validating and repairing byte strings, and converting byte offsets to the
 * code-point offsets that the API reports.
 */
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the code point at s (at most n bytes). Returns the bytes consumed
 * (1..4); on an invalid sequence stores U+FFFD in *cp and returns 1. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

/* True when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or NULs). */
bool utf8_valid(const char *s, size_t n);

/* For reading text eight bytes at a time: a byte value times UTF8_LANE_ONES
 * is that byte in every lane of a 64-bit word; UTF8_LANE_HIGH is every
 * lane's high bit (set in a lane exactly when that byte is not ASCII). */
#define UTF8_LANE_ONES 0x0101010101010101ull
#define UTF8_LANE_HIGH 0x8080808080808080ull

/* The length of the run of ASCII bytes other than NUL at the start of
 * s[0..n): a fast skip over plain text before a byte-wise look. */
size_t utf8_ascii_span(const char *s, size_t n);

/* A NUL-terminated copy of s with every invalid sequence and NUL replaced by
 * U+FFFD; NULL on no memory. */
char *utf8_sanitize(lede_arena *a, const char *s, size_t n, size_t *out_len);

/* utf8_sanitize() of a NUL-terminated string. */
char *utf8_sanitize_str(lede_arena *a, const char *s);

/* Number of code points in s[0..n). */
size_t utf8_count(const char *s, size_t n);

#endif
