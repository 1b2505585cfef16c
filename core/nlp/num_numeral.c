/*
 * num_numeral — the grammar of English numerals, the first stage of the
 * numbers module: digits with thousands separators (also Indian grouping and
 * space groups) and decimals, glued scale suffixes ("1.5bn", "10k"), number
 * words of any size with "and" and hyphens ("one hundred and sixty-one"),
 * fractions and mixed numbers ("two thirds", "1-1/2", "five-and-a-half",
 * "half of"), ordinals kept apart from fractions ("a third buyer"). It reads
 * items (num_int.h) and returns a numeral; what the number counts, its unit
 * and its hedge are the later stages' (numbers.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../utf8.h"
#include "num_int.h"

/* ---------------------------------------------------------------- numerals */

bool num_numeral_digits(const nctx *x, size_t k, double *v, bool *plain, bool *decimal,
                        size_t *ndig) {
    char buf[64];
    size_t n = 0, dots = 0, commas = 0;
    const char *t = itext(x, k);
    size_t len = ilen(x, k);
    if (x->it[k].flags & IF_ORDINAL)
        len -= 2;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++) {
        char c = t[i];
        if (c == ',') {
            commas++;
            continue;
        }
        if (c == '.')
            dots++;
        buf[n++] = c;
    }
    buf[n] = 0;
    if (dots > 1 || n == 0)
        return false;
    *v = strtod(buf, NULL);
    *plain = dots == 0 && commas == 0;
    *decimal = dots == 1;
    *ndig = n;
    return true;
}

/* Exactly one space (or no-break / thin space) between item k-1 and k. */
static bool single_space_before(const nctx *x, size_t k) {
    const char *g = x->text + x->it[k - 1].b1;
    size_t n = x->it[k].b0 - x->it[k - 1].b1;
    return (n == 1 && g[0] == ' ') || (n == 2 && memcmp(g, "\xC2\xA0", 2) == 0) ||
           (n == 3 &&
            (memcmp(g, "\xE2\x80\xAF", 3) == 0 || memcmp(g, "\xE2\x80\x89", 3) == 0));
}

/* Value of a vulgar fraction character. */
static double frac_char_value(const nctx *x, size_t k) {
    uint32_t cp;
    utf8_decode(itext(x, k), ilen(x, k), &cp);
    static const struct {
        uint32_t cp;
        double v;
    } fr[] = {{0xBC, 0.25},      {0xBD, 0.5},       {0xBE, 0.75},      {0x2150, 1.0 / 7},
              {0x2151, 1.0 / 9}, {0x2152, 0.1},     {0x2153, 1.0 / 3}, {0x2154, 2.0 / 3},
              {0x2155, 0.2},     {0x2156, 0.4},     {0x2157, 0.6},     {0x2158, 0.8},
              {0x2159, 1.0 / 6}, {0x215A, 5.0 / 6}, {0x215B, 0.125},   {0x215C, 0.375},
              {0x215D, 0.625},   {0x215E, 0.875}};
    for (size_t i = 0; i < sizeof fr / sizeof fr[0]; i++)
        if (fr[i].cp == cp)
            return fr[i].v;
    return 0;
}

bool num_numeral_is_num(const nctx *x, size_t k, size_t end) {
    return k < end && x->it[k].kind == NLP_TOK_NUMBER && !(x->it[k].flags & IF_IDCODE);
}

double num_numeral_int(const nctx *x, size_t k, size_t end) {
    if (!num_numeral_is_num(x, k, end) || (x->it[k].flags & IF_ORDINAL))
        return -1;
    double v;
    bool plain, dec;
    size_t nd;
    if (!num_numeral_digits(x, k, &v, &plain, &dec, &nd) || dec)
        return -1;
    return v;
}

/* Denominators a fraction may have: 2 (half) and ordinals from 3 up, not
 * "second", which is far more often the unit of time. */
static bool is_denominator(const num_word *w) {
    if (!w)
        return false;
    if (w->cls == NW_ORD)
        return w->value > 2;
    return w->cls == NW_ORD_TENS || w->cls == NW_ORD_SCALE || w->cls == NW_FRAC_HALF;
}

/* An ordinal phrase used as denominator at k: "fifth", "twenty-first",
 * "one hundred and fifth", "hundredths". Returns items used, value, plural. */
static size_t parse_denominator(const nctx *x, size_t k, size_t end, double *den,
                                bool *plural) {
    double cur = 0;
    size_t i = k;
    int last = 0;
    for (size_t steps = 0; i < end && steps < NUM_MAX_WORDS; steps++) {
        const num_word *w = numword(x, i);
        if (!w) {
            if ((is_hyphen(x, i) || ieq(x, i, "and")) && last && i + 1 < end &&
                numword(x, i + 1)) {
                i++;
                continue;
            }
            return 0;
        }
        if (w->cls == NW_UNIT || w->cls == NW_TEEN) {
            if (last == NW_UNIT || last == NW_TEEN)
                return 0;
            cur += w->value;
        } else if (w->cls == NW_TENS) {
            if (last && last != NW_HUNDRED && last != NW_SCALE)
                return 0;
            cur += w->value;
        } else if (w->cls == NW_HUNDRED) {
            cur = (cur ? cur : 1) * w->value;
        } else if (is_denominator(w) || (w->cls == NW_ORD && last == NW_TENS)) {
            if (w->cls == NW_ORD_SCALE || w->cls == NW_FRAC_HALF)
                *den = w->cls == NW_ORD_SCALE ? (cur ? cur : 1) * w->value : w->value;
            else
                *den = cur + w->value;
            *plural = w->plural;
            return i + 1 - k;
        } else {
            return 0;
        }
        last = w->cls;
        i++;
    }
    return 0;
}

/* Glued suffixes on a digit numeral: exponent, power, multiplier, fraction. */
static void digit_suffixes(const nctx *x, size_t end, numeral *n, bool currency_before) {
    size_t k = n->e;
    if (k >= end || !glued(x, k))
        return;
    /* 1e10, 1.2E-3 */
    if (x->it[k].kind == NLP_TOK_WORD &&
        (itext(x, k)[0] == 'e' || itext(x, k)[0] == 'E')) {
        const char *t = itext(x, k);
        size_t len = ilen(x, k);
        bool digits = len > 1;
        for (size_t i = 1; i < len; i++)
            if (t[i] < '0' || t[i] > '9')
                digits = false;
        if (digits) {
            n->v *= pow(10, strtod(t + 1, NULL));
            n->e = k + 1;
            n->plain_int = false;
            return;
        }
        if (len == 1 && k + 2 < end && glued(x, k + 1) && glued(x, k + 2) &&
            num_numeral_is_num(x, k + 2, end) &&
            (is_hyphen(x, k + 1) || is_char(x, k + 1, '+'))) {
            double ex = strtod(itext(x, k + 2), NULL);
            n->v *= pow(10, is_hyphen(x, k + 1) ? -ex : ex);
            n->e = k + 3;
            n->plain_int = false;
            return;
        }
    }
    /* 1.1^23, -2.5^-1, 6.23x10^-4 */
    size_t caret = k;
    bool times_ten = false;
    if (x->it[k].kind == NLP_TOK_WORD && ieq(x, k, "x10") && k + 1 < end &&
        is_char(x, k + 1, '^')) {
        caret = k + 1;
        times_ten = true;
    }
    if (caret < end && is_char(x, caret, '^') && glued(x, caret)) {
        size_t j = caret + 1;
        int neg = 0;
        while (j < end && glued(x, j) &&
               (is_hyphen(x, j) || is_char(x, j, '+') || ieq(x, j, "--"))) {
            if (is_dash(x, j))
                neg ^= (int)(ilen(x, j) & 1);
            j++;
        }
        if (num_numeral_is_num(x, j, end) && glued(x, j)) {
            double ex = strtod(itext(x, j), NULL);
            if (neg)
                ex = -ex;
            n->v = times_ten ? n->v * pow(10, ex) : pow(n->v, ex);
            n->e = j + 1;
            n->plain_int = false;
            return;
        }
    }
    /* 10k, 1.5bn, 2mil; "m" is million only after a currency here and is
     * confirmed or undone by the caller otherwise. */
    if (x->it[k].kind == NLP_TOK_WORD) {
        if (ieq(x, k, "m") && itext(x, k)[0] == 'm') {
            if (currency_before) {
                n->v *= 1e6;
                n->scale = 1e6;
                n->e = k + 1;
                n->plain_int = false;
            } else {
                n->m_suffix = true;
            }
            return;
        }
        uint16_t idx;
        size_t m = numbers_best_phrase(x, k, k + 1, LX_SCALE_SUFFIX, 0, NUM_SPACED, &idx);
        if (m) {
            n->v *= NUM_SCALES[idx].factor;
            n->scale = NUM_SCALES[idx].factor;
            n->e = k + 1;
            n->plain_int = false;
        }
        return;
    }
    /* 2½ */
    if (x->it[k].kind == NLP_TOK_NUMBER && frac_char_value(x, k) > 0) {
        n->v += frac_char_value(x, k);
        n->e = k + 1;
        n->plain_int = false;
    }
}

/* A digit fraction a/b at k (all glued): denominators a reader would write as
 * a fraction; "9/11" or "24/7" are not. */
static bool slash_fraction(const nctx *x, size_t k, size_t end, double *v) {
    if (k + 2 >= end || !is_char(x, k + 1, '/') || !glued(x, k + 1) || !glued(x, k + 2))
        return false;
    double a = num_numeral_int(x, k, end), b = num_numeral_int(x, k + 2, end);
    if (a < 0 || b <= 0)
        return false;
    if (k + 3 < end && glued(x, k + 3) &&
        (is_char(x, k + 3, '/') || num_numeral_is_num(x, k + 3, end)))
        return false; /* 5/17/2018 */
    static const double dens[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100};
    bool ok = false;
    for (size_t i = 0; i < sizeof dens / sizeof dens[0]; i++)
        ok |= b == dens[i];
    if (!ok || a >= b * 4)
        return false;
    *v = a / b;
    return true;
}

/* After "a", an ordinal word is an ordinal, not a fraction, when a word that
 * could be its noun or an adjective follows: "a third buyer", "a fifth
 * straight win", but "a third of voters", "cut by a third", "a third more". */
static bool ordinal_before_noun(const nctx *x, size_t k, size_t end, const num_word *w) {
    if (w->cls != NW_ORD && w->cls != NW_ORD_TENS && w->cls != NW_ORD_SCALE)
        return false;
    size_t n = k + 1;
    if (n >= end || x->it[n].kind != NLP_TOK_WORD || glued(x, n))
        return false;
    return !in_list(x, n, LX_STOPWORD) && !numword(x, n) && !in_list(x, n, LX_UNIT) &&
           !in_list(x, n, LX_SCALE_SUFFIX) && !in_list(x, n, LX_CURRENCY) &&
           !in_list(x, n, LX_QUALIFIER);
}

/* Determiners of a whole that "half" takes without "of" ("half the vote",
 * "half their income"). */
static bool share_det(const nctx *x, size_t k) {
    static const char *const det[] = {"the",  "their", "its", "his",   "her",   "our",
                                      "your", "my",    "all", "these", "those", NULL};
    for (size_t i = 0; det[i]; i++)
        if (ieq(x, k, det[i]))
            return true;
    return false;
}

/* "the first half of the year", "the upper half of the laptop": "half"
 * after a determiner, an ordinal or an adjective of position is a noun of a
 * part or a period, not a share. */
static bool half_is_part(const nctx *x, size_t k) {
    static const char *const before[] = {
        "the",    "a",      "an",       "this",     "that",    "its",     "their",
        "his",    "her",    "our",      "my",       "your",    "each",    "either",
        "other",  "entire", "whole",    "back",     "front",   "top",     "bottom",
        "upper",  "lower",  "northern", "southern", "eastern", "western", "latter",
        "former", "better", "bigger",   "larger",   "smaller", NULL};
    if (k == 0 || x->it[k - 1].sent != x->it[k].sent)
        return false;
    const num_word *w = numword(x, k - 1);
    if (w && (w->cls == NW_ORD || w->cls == NW_ORD_TENS))
        return true;
    for (size_t i = 0; before[i]; i++)
        if (ieq(x, k - 1, before[i]))
            return true;
    return false;
}

/* A hyphen glued on both sides at k: "five-and-a-half". */
static bool inner_hyphen(const nctx *x, size_t k, size_t end) {
    return k + 1 < end && is_hyphen(x, k) && glued(x, k) && glued(x, k + 1);
}

/* Skips a glued hyphen at k ("half-dozen", "quarter-of-a-million"). */
static size_t skip_inner_hyphen(const nctx *x, size_t k, size_t end) {
    return inner_hyphen(x, k, end) ? k + 1 : k;
}

/*
 * A fraction of one scale word is one number: "half a million", "a
 * half-dozen", "a quarter-of-a-million", "three quarters of a billion",
 * "half dozen". The pattern is [a | UNIT] HALF|QUARTER [of] [a] SCALE, with
 * the plural fraction after a count above one ("three quarters") and the
 * singular after "a" or alone; before "a" and a unit the fraction is one of
 * that unit ("half an hour", "a quarter of a century"). "half of millions"
 * (a vague share) does not match.
 */
static bool fraction_of_scale(const nctx *x, size_t k, size_t end, numeral *out) {
    size_t i = k;
    double num = 1;
    const num_word *u = numword(x, i);
    if (ieq(x, i, "a") || ieq(x, i, "an")) {
        i++;
    } else if (u && u->cls == NW_UNIT && u->value > 1) {
        num = u->value;
        i = skip_inner_hyphen(x, i + 1, end);
    }
    const num_word *f = i < end ? numword(x, i) : NULL;
    if (!f || f->cls != NW_FRAC_HALF || f->plural != (num > 1))
        return false;
    i = skip_inner_hyphen(x, i + 1, end);
    bool of = i < end && ieq(x, i, "of");
    if (of)
        i = skip_inner_hyphen(x, i + 1, end);
    bool art = i < end && (ieq(x, i, "a") || ieq(x, i, "an"));
    if (art)
        i = skip_inner_hyphen(x, i + 1, end);
    if (art && i < end && in_list(x, i, LX_UNIT) && !numword(x, i)) {
        /* "half an hour", "a quarter of a century": a fraction of one unit,
         * which the unit after it takes */
        out->v = num / f->value;
        out->e = i;
        out->words = true;
        out->fraction = true;
        return true;
    }
    const num_word *sc = i < end ? numword(x, i) : NULL;
    if (!sc || sc->cls != NW_SCALE || sc->plural || (of && !art))
        return false;
    out->v = num / f->value * sc->value;
    out->e = i + 1;
    out->words = true;
    out->scale = sc->value;
    return true;
}

/*
 * Parses a numeral at k: digits, words, or both ("2.3 billion", "4 thousand 3
 * hundred and 21", "one and a half", "two thirds", "twenty-first").
 */
bool num_numeral_parse(const nctx *x, size_t k, size_t end, bool currency_before,
                       numeral *out) {
    memset(out, 0, sizeof *out);
    out->b = k;
    out->scale = 1;
    if (k >= end)
        return false;
    size_t i = k;
    double total = 0, cur = 0, last_scale = 1;
    int last = 0; /* num_word_class of the last word, or -1 for digits, -2 "and" */
    bool have = false;
    double and_base = -1, and_scale = 1;
    size_t and_pos = 0;
    double cur_before_tens = 0; /* cur before the last tens word */
    bool tens_first = false;
    /* the last complete reading */
    double good_v = 0;
    size_t good_e = k;

    if (num_numeral_is_num(x, i, end)) {
        if (x->it[i].flags & IF_ORDINAL) {
            double v;
            bool p, d;
            size_t nd;
            if (!num_numeral_digits(x, i, &v, &p, &d, &nd))
                return false;
            out->v = v;
            out->e = i + 1;
            out->ordinal = true;
            return true;
        }
        double fv = frac_char_value(x, i);
        if (fv > 0) {
            out->v = fv;
            out->e = i + 1;
            out->fraction = true;
            return true;
        }
        double v;
        bool plain, dec;
        size_t nd;
        if (!num_numeral_digits(x, i, &v, &plain, &dec, &nd))
            return false;
        out->plain_int = plain;
        out->decimal = dec;
        out->ndigits = plain ? nd : 0;
        size_t e = i + 1;
        /* "5,00": a decimal comma with two digits, not a list */
        bool in_list_of_numbers = i > 0 && glued(x, i) && is_char(x, i - 1, ',');
        if (plain && nd <= 3 && !in_list_of_numbers && e + 1 < end &&
            is_char(x, e, ',') && glued(x, e) && num_numeral_is_num(x, e + 1, end) &&
            glued(x, e + 1) && ilen(x, e + 1) == 2 &&
            num_numeral_int(x, e + 1, end) >= 0 &&
            !(e + 2 < end && is_char(x, e + 2, ',') && glued(x, e + 2))) {
            v += num_numeral_int(x, e + 1, end) / 100.0;
            e += 2;
            out->plain_int = false;
            out->decimal = true;
        }
        /* "1 234 567": thin-space or space groups of three */
        if (plain && nd <= 3 && out->plain_int) {
            size_t g = e;
            double gv = v;
            while (g - e <= NUM_SPACE_GROUPS_MAX && num_numeral_is_num(x, g, end) &&
                   !glued(x, g) && ilen(x, g) == 3 && num_numeral_int(x, g, end) >= 0 &&
                   single_space_before(x, g)) {
                gv = gv * 1000 + num_numeral_int(x, g, end);
                g++;
            }
            /* more groups than any amount has is a table of numbers */
            if (g > e && g - e <= NUM_SPACE_GROUPS_MAX) {
                v = gv;
                e = g;
                out->plain_int = false;
            }
        }
        out->v = v;
        out->e = e;
        double fr;
        if (slash_fraction(x, i, end, &fr)) {
            out->v = fr;
            out->e = i + 3;
            out->fraction = true;
            out->plain_int = false;
            return true;
        }
        digit_suffixes(x, end, out, currency_before);
        if (out->e != e || out->m_suffix)
            return true;
        /* "1-1/2": a whole number and a fraction joined by a hyphen */
        if (plain && inner_hyphen(x, e, end) && slash_fraction(x, e + 1, end, &fr) &&
            fr < 1) {
            out->v = v + fr;
            out->e = e + 4;
            out->plain_int = false;
            out->fraction = true;
            return true;
        }
        /* "10 1/2", "2  1/4" */
        if (plain && e < end && !glued(x, e) && slash_fraction(x, e, end, &fr) &&
            fr < 1) {
            out->v = v + fr;
            out->e = e + 3;
            out->plain_int = false;
            out->fraction = true;
            return true;
        }
        cur = v;
        last = -1;
        have = true;
        good_v = v;
        good_e = e;
        i = e;
        if (dec || !plain) {
            /* only a scale word can follow a decimal: "2.3 billion" */
            const num_word *w = i < end ? numword(x, i) : NULL;
            if (!w || (w->cls != NW_SCALE && w->cls != NW_HUNDRED)) {
                uint16_t idx;
                if (i < end && !glued(x, i) &&
                    numbers_best_phrase(x, i, i + 1, LX_SCALE_SUFFIX, 0, NUM_GLUED,
                                        &idx)) {
                    out->v = v * NUM_SCALES[idx].factor;
                    out->scale = NUM_SCALES[idx].factor;
                    out->e = i + 1;
                    out->plain_int = false;
                }
                return true;
            }
        } else if (i < end && !glued(x, i)) {
            uint16_t idx;
            if (numbers_best_phrase(x, i, i + 1, LX_SCALE_SUFFIX, 0, NUM_GLUED, &idx)) {
                out->v = v * NUM_SCALES[idx].factor;
                out->scale = NUM_SCALES[idx].factor;
                out->e = i + 1;
                out->plain_int = false;
                return true;
            }
        }
    } else {
        /* "a" before a hundred, a scale or a fraction word; "half"/"quarter"
         * before a scale */
        const num_word *w0 = numword(x, i);
        bool article = ieq(x, i, "a") || ieq(x, i, "an");
        if (fraction_of_scale(x, i, end, out))
            return true;
        if (article) {
            const num_word *w1 = i + 1 < end ? numword(x, i + 1) : NULL;
            if (!w1 || !(w1->cls == NW_HUNDRED || w1->cls == NW_SCALE ||
                         (is_denominator(w1) && !w1->plural)))
                return false;
            if (ordinal_before_noun(x, i + 1, end, w1)) {
                /* "a third buyer", "a fifth straight win" */
                out->b = i + 1;
                out->v = w1->value;
                out->e = i + 2;
                out->words = true;
                out->ordinal = true;
                return true;
            }
            cur = 1;
            last = NW_UNIT;
            have = true;
            i++;
        } else if (w0 && w0->cls == NW_FRAC_HALF && !w0->plural && i + 1 < end) {
            /* "half of school districts", "half the world's population": a
             * share of a whole, with no article ("a quarter of" has one) */
            if (w0->value == 2 && (ieq(x, i + 1, "of") || share_det(x, i + 1)) &&
                !half_is_part(x, i)) {
                out->v = 1.0 / w0->value;
                out->e = i + 1;
                out->words = true;
                out->plain_int = false;
                return true;
            }
            return false;
        } else if (!w0) {
            return false;
        }
    }

    /* The word loop. */
    for (size_t steps = 0; i < end && steps < NUM_MAX_WORDS; steps++) {
        const num_word *w = numword(x, i);
        if (!w) {
            if ((is_hyphen(x, i) || (is_dash(x, i) && ilen(x, i) == 1)) &&
                (last == NW_TENS || last == NW_HUNDRED) && i + 1 < end) {
                const num_word *nx = numword(x, i + 1);
                if (nx &&
                    (nx->cls == NW_UNIT || nx->cls == NW_ORD || is_denominator(nx))) {
                    i++;
                    continue;
                }
            }
            if (inner_hyphen(x, i, end) &&
                (last == NW_UNIT || last == NW_TEEN || last == NW_TENS)) {
                /* "two-hundred", "three-thousand" */
                const num_word *nx = numword(x, i + 1);
                if (nx && (nx->cls == NW_HUNDRED || nx->cls == NW_SCALE)) {
                    i++;
                    continue;
                }
            }
            if (is_dash(x, i) && ilen(x, i) == 1 && last == NW_UNIT && i + 1 < end) {
                /* "five - eighths" */
                const num_word *nx = numword(x, i + 1);
                if (nx && is_denominator(nx) && nx->plural) {
                    i++;
                    continue;
                }
            }
            if (inner_hyphen(x, i, end) && have && ieq(x, i + 1, "and")) {
                i++; /* "five-and-a-half" */
                continue;
            }
            if (ieq(x, i, "and") && have && i + 1 < end) {
                /* a fraction after "and": "one and a half", "3 million and a
                 * quarter", "two and fifty-four hundredths" */
                and_base = total + cur;
                and_scale = last == NW_SCALE ? last_scale : 1;
                and_pos = i;
                if (last == NW_HUNDRED || last == NW_SCALE) {
                    double nv = num_numeral_int(x, i + 1, end);
                    const num_word *nw = numword(x, i + 1);
                    if ((nw && (nw->cls == NW_UNIT || nw->cls == NW_TEEN ||
                                nw->cls == NW_TENS || nw->cls == NW_HUNDRED)) ||
                        (nv > 0 && nv < (last == NW_HUNDRED ? 100 : last_scale))) {
                        last = -2;
                        i++;
                        continue;
                    }
                }
                /* the fraction part must follow */
                size_t j = i + 1;
                double num = 0;
                if (inner_hyphen(x, j, end))
                    j++;
                const num_word *a = numword(x, j);
                if (ieq(x, j, "a") || ieq(x, j, "an")) {
                    num = 1, j++;
                    if (inner_hyphen(x, j, end))
                        j++;
                } else if (a && (a->cls == NW_UNIT || a->cls == NW_TEEN ||
                                 a->cls == NW_TENS)) {
                    num = a->value;
                    j++;
                    if (a->cls == NW_TENS && j + 1 < end && is_hyphen(x, j) &&
                        numword(x, j + 1) && numword(x, j + 1)->cls == NW_UNIT) {
                        num += numword(x, j + 1)->value;
                        j += 2;
                    }
                }
                double den;
                bool pl;
                size_t dn =
                    num > 0 && j < end ? parse_denominator(x, j, end, &den, &pl) : 0;
                if (dn && den > 0) {
                    double f = num / den;
                    size_t fe = j + dn;
                    const num_word *sc = fe < end ? numword(x, fe) : NULL;
                    if (sc && sc->cls == NW_SCALE && and_scale == 1) {
                        /* "two and a half million": the scale takes it all */
                        out->v = (and_base + f) * sc->value;
                        out->e = fe + 1;
                        out->words = true;
                        out->fraction = true;
                        out->scale = sc->value;
                        return true;
                    } else if (sc && sc->cls == NW_SCALE) {
                        f *= sc->value; /* "one billion and three quarters million" */
                        fe++;
                    } else {
                        f *= and_scale;
                    }
                    out->v = and_base + f;
                    out->e = fe;
                    out->words = true;
                    out->fraction = true;
                    return true;
                }
                break;
            }
            if (ieq(x, i, "point") && have && last != NW_SCALE && i + 1 < end) {
                double frac = 0, place = 0.1;
                size_t j = i + 1;
                while (j < end) {
                    const num_word *d = numword(x, j);
                    if (d && (d->cls == NW_UNIT || d->cls == NW_ZERO)) {
                        frac += d->value * place;
                        place /= 10;
                        j++;
                    } else if (num_numeral_is_num(x, j, end) &&
                               num_numeral_int(x, j, end) >= 0) {
                        const char *t = itext(x, j);
                        for (size_t q = 0; q < ilen(x, j); q++) {
                            frac += (t[q] - '0') * place;
                            place /= 10;
                        }
                        j++;
                    } else {
                        break;
                    }
                }
                if (j > i + 1) {
                    out->v = total + cur + frac;
                    out->e = j;
                    out->words = true;
                    out->decimal = true;
                    return true;
                }
            }
            /* digits after a scale: "4 thousand 3 hundred and 21" */
            if (num_numeral_is_num(x, i, end) &&
                (last == NW_SCALE || last == -2 || last == NW_HUNDRED)) {
                double nv = num_numeral_int(x, i, end);
                double lim = last == NW_HUNDRED ? 100 : last == -2 ? 1000 : last_scale;
                if (nv > 0 && nv < lim) {
                    const num_word *nx = i + 1 < end ? numword(x, i + 1) : NULL;
                    cur += nv;
                    last = -1;
                    have = true;
                    i++;
                    if (!nx || (nx->cls != NW_SCALE && nx->cls != NW_HUNDRED)) {
                        good_v = total + cur;
                        good_e = i;
                    }
                    continue;
                }
            }
            break;
        }
        bool ok = true;
        switch (w->cls) {
        case NW_ZERO: ok = !have; break;
        case NW_UNIT:
            ok = !have || last == NW_TENS || last == NW_HUNDRED || last == NW_SCALE ||
                 last == -2;
            break;
        case NW_TEEN:
            ok = !have || last == NW_HUNDRED || last == NW_SCALE || last == -2;
            break;
        case NW_TENS:
            ok = !have || last == NW_HUNDRED || last == NW_SCALE || last == -2;
            break;
        case NW_HUNDRED:
            ok = have &&
                 (last == NW_UNIT || last == NW_TEEN || last == NW_TENS || last == -1);
            if (!have && !w->plural)
                ok = false;
            break;
        case NW_SCALE:
            ok = have && last != NW_SCALE;
            if (!have && w->value == 12)
                ok = false;
            break;
        default:
            ok = have || w->cls != NW_FRAC_HALF; /* a standalone ordinal */
            break;
        }
        if (!ok) {
            /* "one one hundred fifth", "three twenty firsts": the rest is a
             * denominator */
            if (have && (w->cls == NW_UNIT || w->cls == NW_TENS || w->cls == NW_TEEN)) {
                double den;
                bool pl;
                size_t dn = parse_denominator(x, i, end, &den, &pl);
                double num = total + cur;
                if (dn && den > 0 && (pl || num == 1)) {
                    out->v = num / den;
                    out->e = i + dn;
                    out->words = true;
                    out->fraction = true;
                    return true;
                }
            }
            break;
        }
        if (w->cls == NW_ORD || w->cls == NW_ORD_TENS || w->cls == NW_ORD_SCALE ||
            w->cls == NW_FRAC_HALF) {
            if (!have) {
                if (w->cls == NW_FRAC_HALF)
                    break;
                /* a standalone ordinal; "twenty-first" comes through NW_TENS */
                out->v = w->value;
                out->e = i + 1;
                out->words = true;
                out->ordinal = true;
                return true;
            }
            /* after a number: a fraction ("two thirds") or a compound ordinal
             * ("twenty-first", "two hundredth") */
            double num = total + cur, den = w->value;
            if (last == NW_TENS && w->cls == NW_ORD && !tens_first) {
                /* "one hundred thirty fifths": the tens belong to the
                 * denominator (100/35) */
                double tens = cur - cur_before_tens;
                den = tens + w->value;
                num -= tens;
            }
            double base = and_base >= 0 ? and_base : 0;
            num -= base;
            bool frac_ok = is_denominator(w) && (w->plural || num == 1) && num > 0;
            if (last == NW_TENS && w->cls == NW_ORD && tens_first && !w->plural)
                frac_ok = false; /* "twenty-fifth" is an ordinal */
            if (frac_ok) {
                /* "two million and one half", "one billion and three
                 * quarters million" */
                double f = num / den;
                const num_word *sc = i + 1 < end ? numword(x, i + 1) : NULL;
                if (and_base >= 0 && sc && sc->cls == NW_SCALE && sc->value >= 1e3) {
                    f *= sc->value;
                    i++;
                } else if (and_base >= 0) {
                    f *= and_scale;
                }
                out->v = base + f;
                out->e = i + 1;
                out->words = true;
                out->fraction = true;
                return true;
            }
            if (w->plural || w->cls == NW_FRAC_HALF)
                break;
            if (w->cls == NW_ORD_SCALE)
                out->v = total + (cur ? cur : 1) * w->value;
            else
                out->v = total + cur + w->value;
            out->e = i + 1;
            out->words = true;
            out->ordinal = true;
            return true;
        }
        switch (w->cls) {
        case NW_ZERO:
        case NW_UNIT:
        case NW_TEEN: cur += w->value; break;
        case NW_TENS:
            tens_first = !have;
            cur_before_tens = cur;
            cur += w->value;
            break;
        case NW_HUNDRED: cur = (cur ? cur : 1) * 100; break;
        case NW_SCALE:
            if (w->value > last_scale && total > 0 && w->value >= 1e3 &&
                last_scale >= 1e3 && cur == 0)
                total *= w->value;
            else
                total += (cur ? cur : 1) * w->value;
            cur = 0;
            last_scale = w->value;
            out->scale = w->value;
            break;
        default: break;
        }
        out->words = true;
        last = w->cls;
        have = true;
        i++;
        good_v = total + cur;
        good_e = i;
    }
    (void)and_pos;
    if (!have || good_e == k)
        return false;
    out->v = good_v;
    out->e = good_e;
    if (out->words)
        out->plain_int = false;
    return true;
}
