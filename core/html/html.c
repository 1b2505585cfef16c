#include "html.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "../utf8.h"

/* The HTML standard's prescan looks at the first 1024 bytes; real pages often
 * put <meta charset> after long comments or scripts, so we look further. */
#define HTML_PRESCAN_BYTES 4096

/* Labels browsers treat as another encoding (WHATWG Encoding, "labels"). Only
 * the ones iconv would get wrong or not know are listed. */
static const struct {
    const char *label, *name;
} charset_aliases[] = {
    {"iso-8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"gb2312", "gbk"},
    {"x-gbk", "gbk"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"x-sjis", "shift_jis"},
    {"sjis", "shift_jis"},
    {"ks_c_5601-1987", "euc-kr"},
    {"tis-620", "windows-874"},
    {"iso-8859-9", "windows-1254"},
    {"iso-8859-11", "windows-874"},
};

/* The WHATWG decoders for these labels are supersets of the standards they
 * are named after (gbk decodes as gb18030, Shift_JIS as Windows writes it,
 * ...); iconv knows those supersets under other names. Source: WHATWG
 * Encoding Standard, "Legacy multi-byte Chinese/Japanese/Korean encodings". */
static const struct {
    const char *label, *iconv_name;
} iconv_names[] = {
    {"gbk", "GB18030"},
    {"shift_jis", "CP932"},
    {"euc-kr", "CP949"},
    {"big5", "BIG5-HKSCS"},
};

/* Single bytes the WHATWG decoder maps and iconv rejects. */
static const struct {
    const char *label;
    unsigned char byte;
    uint32_t cp;
} single_byte_extras[] = {
    {"gbk", 0x80, 0x20AC}, /* the euro sign of code page 936 */
};

static uint32_t single_byte_extra(const char *label, unsigned char byte) {
    for (size_t i = 0; i < sizeof single_byte_extras / sizeof single_byte_extras[0]; i++)
        if (single_byte_extras[i].byte == byte &&
            !strcmp(label, single_byte_extras[i].label))
            return single_byte_extras[i].cp;
    return UTF8_REPLACEMENT;
}

static const char *iconv_name(const char *label) {
    for (size_t i = 0; i < sizeof iconv_names / sizeof iconv_names[0]; i++)
        if (!strcmp(label, iconv_names[i].label))
            return iconv_names[i].iconv_name;
    return label;
}

/* Drops NUL bytes in place: they carry nothing in a page and must not reach
 * the parser or jansson. Returns the new length. */
static size_t drop_nuls(char *s, size_t n) {
    char *first = memchr(s, '\0', n);
    if (!first)
        return n;
    size_t o = (size_t)(first - s);
    for (size_t i = o; i < n; i++)
        if (s[i] != '\0')
            s[o++] = s[i];
    return o;
}

static void label_normalise(const char *s, size_t n, char out[HTML_CHARSET_MAX]) {
    while (n && (isspace((unsigned char)*s) || *s == '"' || *s == '\''))
        s++, n--;
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < HTML_CHARSET_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c) || c == '"' || c == '\'' || c == ';' || c == '>' || c == '/')
            break;
        out[o++] = (char)tolower(c);
    }
    out[o] = '\0';
    for (size_t i = 0; i < sizeof charset_aliases / sizeof charset_aliases[0]; i++)
        if (!strcmp(out, charset_aliases[i].label)) {
            strcpy(out, charset_aliases[i].name);
            break;
        }
    /* "utf-16" alone is UTF-16LE (the WHATWG Encoding Standard's label). */
    if (!strcmp(out, "utf-16"))
        strcpy(out, "utf-16le");
}

/* Finds "charset=" in s[0..n) and normalises what follows. */
static bool charset_from_param(const char *s, size_t n, char out[HTML_CHARSET_MAX]) {
    static const char key[] = "charset";
    for (size_t i = 0; i + sizeof key - 1 < n; i++) {
        if (strncasecmp(s + i, key, sizeof key - 1))
            continue;
        size_t j = i + sizeof key - 1;
        while (j < n && isspace((unsigned char)s[j]))
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        label_normalise(s + j, n - j, out);
        return out[0] != '\0';
    }
    return false;
}

/* Looks for <meta charset=...> or <meta http-equiv content="...charset=...">
 * in the first bytes. A light scan, not a parse: it only needs the label. */
static bool charset_from_meta(const char *s, size_t n, char out[HTML_CHARSET_MAX]) {
    if (n > HTML_PRESCAN_BYTES)
        n = HTML_PRESCAN_BYTES;
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4))
            continue;
        const char *end = memchr(s + i, '>', n - i);
        if (!end)
            break;
        if (charset_from_param(s + i, (size_t)(end - (s + i)), out)) {
            /* A page that claims UTF-16 in a meta tag is ASCII-compatible by
             * then (we read the tag): browsers treat that claim as UTF-8. The
             * HTTP header's label, though, is believed. */
            if (!strncmp(out, "utf-16", 6))
                strcpy(out, "utf-8");
            return true;
        }
        i = (size_t)(end - s);
    }
    return false;
}

/* An undeclared page is UTF-8 when its non-ASCII bytes mostly form valid
 * UTF-8: real UTF-8 pages carry the odd stray byte (a pasted windows-1252
 * quote), which must not turn the whole page into mojibake, while legacy
 * pages almost never form valid multi-byte sequences by chance. */
#define UTF8_SNIFF_VALID_PER_INVALID 10

static bool mostly_utf8(const char *s, size_t n) {
    size_t valid_multi = 0, invalid = 0;
    for (size_t i = 0; i < n;) {
        i += utf8_ascii_span(s + i, n - i);
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len > 1)
            valid_multi++;
        else
            invalid++;
        i += len;
    }
    return invalid == 0 || valid_multi >= invalid * UTF8_SNIFF_VALID_PER_INVALID;
}

void html_sniff_charset(const char *bytes, size_t len, const char *content_type,
                        char out[HTML_CHARSET_MAX]) {
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        strcpy(out, "utf-8");
        return;
    }
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        strcpy(out, "utf-16le");
        return;
    }
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        strcpy(out, "utf-16be");
        return;
    }
    if (content_type && charset_from_param(content_type, strlen(content_type), out))
        return;
    if (charset_from_meta(bytes, len, out))
        return;
    strcpy(out, mostly_utf8(bytes, len) ? "utf-8" : "windows-1252");
}

static size_t bom_length(const char *bytes, size_t len, const char *charset) {
    const unsigned char *b = (const unsigned char *)bytes;
    if (!strcmp(charset, "utf-8") && len >= 3 && b[0] == 0xEF && b[1] == 0xBB &&
        b[2] == 0xBF)
        return 3;
    if (!strncmp(charset, "utf-16", 6) && len >= 2 &&
        ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return 2;
    return 0;
}

/* Converts with iconv; undecodable bytes become U+FFFD and are skipped. */
static lede_status convert(lede_arena *a, const char *bytes, size_t len,
                           const char *charset, char **out, size_t *out_len) {
    iconv_t cd = iconv_open("UTF-8", iconv_name(charset));
    if (cd == (iconv_t)-1)
        return LEDE_ERR_INVALID;
    /* At most three UTF-8 bytes per input byte: one byte makes at most a
     * BMP character or a U+FFFD, and four-byte characters come from at least
     * two input bytes (UTF-16 pairs, GB18030 four-byte sequences). */
    if (len > (SIZE_MAX - 4) / 3) {
        iconv_close(cd);
        return LEDE_ERR_TOO_LARGE;
    }
    size_t cap = len * 3 + 4;
    char *buf = arena_alloc(a, cap);
    if (!buf) {
        iconv_close(cd);
        return LEDE_ERR_NOMEM;
    }
    char *in = (char *)bytes, *o = buf;
    size_t in_left = len, out_left = cap - 1;
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1)
            break;
        if (errno == EILSEQ || errno == EINVAL) {
            if (out_left < 3)
                break;
            o += utf8_encode(single_byte_extra(charset, (unsigned char)*in), o);
            out_left -= 3;
            in++, in_left--;
            continue;
        }
        break; /* E2BIG cannot happen with our sizing; stop rather than loop. */
    }
    iconv_close(cd);
    /* iconv output is well formed; NULs from the input must still go. The
     * check is cheap and keeps a misbehaving converter from reaching jansson. */
    size_t n = drop_nuls(buf, (size_t)(o - buf));
    buf[n] = '\0';
    if (utf8_valid(buf, n)) {
        *out = buf;
        *out_len = n;
        return LEDE_OK;
    }
    *out = utf8_sanitize(a, buf, n, out_len);
    return *out ? LEDE_OK : LEDE_ERR_NOMEM;
}

/* UTF-8 input: copied as is when valid, repaired otherwise; NULs dropped. */
static lede_status copy_utf8(lede_arena *a, const char *bytes, size_t len, char **out,
                             size_t *out_len) {
    char *buf = arena_alloc(a, len + 1);
    if (!buf)
        return LEDE_ERR_NOMEM;
    memcpy(buf, bytes, len);
    size_t n = drop_nuls(buf, len);
    buf[n] = '\0';
    if (utf8_valid(buf, n)) {
        *out = buf;
        *out_len = n;
        return LEDE_OK;
    }
    *out = utf8_sanitize(a, buf, n, out_len);
    return *out ? LEDE_OK : LEDE_ERR_NOMEM;
}

lede_status html_decode(lede_arena *a, const char *bytes, size_t len,
                        const char *content_type, char **out, size_t *out_len,
                        char charset_out[HTML_CHARSET_MAX]) {
    char charset[HTML_CHARSET_MAX];
    html_sniff_charset(bytes, len, content_type, charset);
    size_t skip = bom_length(bytes, len, charset);
    bytes += skip, len -= skip;
    lede_status st;
    if (!strcmp(charset, "utf-8")) {
        st = copy_utf8(a, bytes, len, out, out_len);
    } else {
        st = convert(a, bytes, len, charset, out, out_len);
        if (st == LEDE_ERR_INVALID) { /* a label iconv does not know */
            strcpy(charset, "windows-1252");
            st = convert(a, bytes, len, charset, out, out_len);
        }
    }
    if (charset_out)
        strcpy(charset_out, charset);
    return st;
}
