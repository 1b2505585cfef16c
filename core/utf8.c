#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t utf8_decode(const char *str, size_t n, uint32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) {
        *cp = UTF8_REPLACEMENT;
        return 0;
    }
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    if (n < len) {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = UTF8_REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    *cp = v;
    return len;
}

size_t utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A byte that starts or continues a sequence the decoder would reject. */
static bool utf8_ok_at(const char *s, size_t n, size_t *len) {
    uint32_t cp;
    *len = utf8_decode(s, n, &cp);
    if (cp == 0)
        return false;
    return !(cp == UTF8_REPLACEMENT && *len == 1);
}

/* A word at a time: a lane is 0x01..0x7F exactly when neither it nor it
 * minus one has the high bit set (a NUL borrows and becomes 0xFF). */
size_t utf8_ascii_span(const char *s, size_t n) {
    size_t i = 0;
    for (; i + sizeof(uint64_t) <= n; i += sizeof(uint64_t)) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        if ((w | (w - UTF8_LANE_ONES)) & UTF8_LANE_HIGH)
            break;
    }
    while (i < n && (unsigned char)s[i] < 0x80 && s[i] != 0)
        i++;
    return i;
}

bool utf8_valid(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        i += utf8_ascii_span(s + i, n - i);
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80) {
            if (s[i] == 0)
                return false;
            i++;
            continue;
        }
        size_t len;
        if (!utf8_ok_at(s + i, n - i, &len))
            return false;
        i += len;
    }
    return true;
}

char *utf8_sanitize(lede_arena *a, const char *s, size_t n, size_t *out_len) {
    /* Each bad byte becomes 3 bytes of U+FFFD at worst. */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    size_t i = 0, o = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80 && s[i] != 0) {
            out[o++] = s[i++];
            continue;
        }
        size_t len;
        if (utf8_ok_at(s + i, n - i, &len)) {
            memcpy(out + o, s + i, len);
            o += len;
            i += len;
        } else {
            o += utf8_encode(UTF8_REPLACEMENT, out + o);
            i += 1;
        }
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    return out;
}

size_t utf8_count(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

char *utf8_sanitize_str(lede_arena *a, const char *s) {
    return utf8_sanitize(a, s, strlen(s), NULL);
}
