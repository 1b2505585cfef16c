/* Dates: the spellings pages use, normalised to ISO 8601. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meta_int.h"

/* Oldest year taken for a publication date (the web is younger). */
#define DATE_MIN_YEAR 1990
#define DATE_MAX_YEAR 2200
/* Slack past the fetch time, for pages stamped in a time zone ahead of ours. */
#define DATE_FUTURE_SLACK_S 86400
/* Epoch values with at least this many digits are milliseconds. */
#define DATE_EPOCH_MS_DIGITS 13
#define DATE_EPOCH_S_DIGITS 10

/* English month names; the first three letters are matched, so "Sept." and
 * "September" both work. Other languages' names: a fact table to extend. */
static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"may", 5},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    /* French, German, Spanish spellings whose first letters differ. */
    {"janv", 1},
    {"févr", 2},
    {"fév", 2},
    {"avr", 4},
    {"mai", 5},
    {"juin", 6},
    {"juil", 7},
    {"aoû", 8},
    {"déc", 12},
    {"mär", 3},
    {"okt", 10},
    {"dez", 12},
    {"ene", 1},
    {"abr", 4},
    {"ago", 8},
    {"dic", 12},
};

/* Time zone abbreviations and their offsets in minutes (a fact table). */
static const struct {
    const char *name;
    int minutes;
} zone_names[] = {
    {"UTC", 0},    {"GMT", 0},    {"Z", 0},      {"EST", -300}, {"EDT", -240},
    {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480},
    {"PDT", -420}, {"BST", 60},   {"CET", 60},   {"CEST", 120}, {"IST", 330},
    {"JST", 540},  {"KST", 540},  {"AEST", 600}, {"AEDT", 660}, {"HKT", 480},
};

/* Full month names (English, French, German, Spanish): a word longer than an
 * abbreviation must be one of these, so "Marketing" is not March. */
static const char *const month_full[] = {
    "january",    "february", "march",     "april",     "june",     "july",     "august",
    "september",  "october",  "november",  "december",  "janvier",  "février",  "avril",
    "juillet",    "août",     "septembre", "octobre",   "novembre", "décembre", "januar",
    "februar",    "märz",     "juni",      "juli",      "oktober",  "dezember", "enero",
    "febrero",    "marzo",    "abril",     "mayo",      "junio",    "julio",    "agosto",
    "septiembre", "octubre",  "noviembre", "diciembre",
};
/* Longest abbreviation taken without the full-name check ("Sept"). */
#define MONTH_ABBR_MAX 4

typedef struct {
    int year, month, day, hour, minute, second;
    bool has_time, has_zone;
    int zone_minutes;
} date_parts;

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool parts_valid(const date_parts *p) {
    return p->year >= DATE_MIN_YEAR && p->year <= DATE_MAX_YEAR && p->month >= 1 &&
           p->month <= 12 && p->day >= 1 && p->day <= days_in_month(p->year, p->month) &&
           p->hour >= 0 && p->hour < 24 && p->minute >= 0 && p->minute < 60 &&
           p->second >= 0 && p->second <= 60;
}

/* Seconds since the epoch; a time without a zone is read as UTC. */
static int64_t parts_epoch(const date_parts *p) {
    int64_t t = days_from_civil(p->year, p->month, p->day) * 86400 + p->hour * 3600 +
                p->minute * 60 + p->second;
    return t - (p->has_zone ? p->zone_minutes * 60 : 0);
}

static bool parts_format(const date_parts *p, int64_t now, char out[META_DATE_MAX]) {
    if (!parts_valid(p))
        return false;
    if (now > 0 && parts_epoch(p) > now + DATE_FUTURE_SLACK_S)
        return false;
    if (!p->has_time) {
        snprintf(out, META_DATE_MAX, "%04d-%02d-%02d", p->year, p->month, p->day);
        return true;
    }
    int n = snprintf(out, META_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", p->year,
                     p->month, p->day, p->hour, p->minute, p->second);
    if (p->has_zone && p->zone_minutes == 0)
        snprintf(out + n, META_DATE_MAX - (size_t)n, "Z");
    else if (p->has_zone) {
        int z = abs(p->zone_minutes);
        snprintf(out + n, META_DATE_MAX - (size_t)n, "%c%02d:%02d",
                 p->zone_minutes < 0 ? '-' : '+', z / 60, z % 60);
    }
    return true;
}

/* Reads exactly `min`..`max` digits at *s; -1 when there are none. */
static int read_int(const char **s, int min, int max) {
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)**s))
        v = v * 10 + (*(*s)++ - '0'), n++;
    if (n < min || isdigit((unsigned char)**s))
        return -1;
    return v;
}

/* "+08:00", "-0500", "Z", " GMT", " EST" at *s; advances on success. */
static bool read_zone(const char **s, date_parts *p) {
    const char *q = *s;
    while (*q == ' ')
        q++;
    if (*q == '+' || *q == '-') {
        int sign = *q == '-' ? -1 : 1;
        q++;
        const char *start = q;
        int h = read_int(&q, 2, 2);
        if (h < 0) {
            q = start;
            h = read_int(&q, 4, 4);
            if (h < 0)
                return false;
            p->zone_minutes = sign * ((h / 100) * 60 + h % 100);
        } else {
            int m = 0;
            if (*q == ':')
                q++;
            if (isdigit((unsigned char)*q))
                m = read_int(&q, 2, 2);
            if (m < 0)
                return false;
            p->zone_minutes = sign * (h * 60 + m);
        }
        p->has_zone = true;
        *s = q;
        return true;
    }
    for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++) {
        size_t n = strlen(zone_names[i].name);
        if (!strncmp(q, zone_names[i].name, n) && !isalpha((unsigned char)q[n])) {
            p->has_zone = true;
            p->zone_minutes = zone_names[i].minutes;
            q += n;
            /* "GMT+8", "UTC+05:30" */
            if (*q == '+' || *q == '-')
                read_zone(&q, p);
            *s = q;
            return true;
        }
    }
    return false;
}

/* "19:35", "7:35:10", "7:35 PM", "7.35pm" at *s. */
static bool read_time(const char **s, date_parts *p) {
    const char *q = *s;
    int h = read_int(&q, 1, 2);
    if (h < 0 || (*q != ':' && *q != '.'))
        return false;
    q++;
    int m = read_int(&q, 2, 2), sec = 0;
    if (m < 0)
        return false;
    if (*q == ':') {
        q++;
        sec = read_int(&q, 2, 2);
        if (sec < 0)
            return false;
        if (*q == '.' || *q == ',')
            for (q++; isdigit((unsigned char)*q); q++)
                ;
    }
    const char *r = q;
    while (*r == ' ')
        r++;
    if ((tolower((unsigned char)r[0]) == 'a' || tolower((unsigned char)r[0]) == 'p') &&
        (tolower((unsigned char)r[1]) == 'm' ||
         (r[1] == '.' && tolower((unsigned char)r[2]) == 'm'))) {
        bool pm = tolower((unsigned char)r[0]) == 'p';
        if (h < 1 || h > 12)
            return false;
        h = h % 12 + (pm ? 12 : 0);
        q = r + (r[1] == '.' ? 3 : 2);
        if (*q == '.')
            q++;
    }
    p->hour = h, p->minute = m, p->second = sec, p->has_time = true;
    *s = q;
    read_zone(s, p);
    return true;
}

/* ISO-like "2021-11-16", "2021/11/16", "2021.11.16" with an optional time
 * ("T19:35:00Z", " 19:35") at s. */
static bool parse_iso_at(const char *s, date_parts *p) {
    memset(p, 0, sizeof *p);
    const char *q = s;
    if ((p->year = read_int(&q, 4, 4)) < 0)
        return false;
    char sep = *q;
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    q++;
    if ((p->month = read_int(&q, 1, 2)) < 0 || *q != sep)
        return false;
    q++;
    if ((p->day = read_int(&q, 1, 2)) < 0)
        return false;
    const char *t = q;
    if (*t == 'T' || *t == 't' || *t == ' ' || *t == '_') {
        t++;
        while (*t == ' ')
            t++;
        if (read_time(&t, p))
            return true;
    }
    return true;
}

static int month_at(const char *s, size_t *len) {
    for (size_t i = sizeof month_names / sizeof month_names[0]; i-- > 0;) {
        size_t n = strlen(month_names[i].name);
        if (strncasecmp(s, month_names[i].name, n))
            continue;
        /* The rest of the word ("ember", "."). */
        const char *e = s + n;
        while (isalpha((unsigned char)*e) || (unsigned char)*e >= 0x80)
            e++;
        size_t wlen = (size_t)(e - s);
        bool known = wlen <= MONTH_ABBR_MAX;
        for (size_t k = 0; !known && k < sizeof month_full / sizeof month_full[0]; k++)
            known = strlen(month_full[k]) == wlen && !strncasecmp(s, month_full[k], wlen);
        if (!known)
            continue;
        if (*e == '.')
            e++;
        *len = (size_t)(e - s);
        return month_names[i].month;
    }
    return 0;
}

/* Free text: "November 16, 2021 7:35 PM EST", "Tue, 16 Nov 2021 19:35:00 GMT",
 * "16. November 2021", "16.11.2021 19:35". Looks for a month name or a
 * dotted day.month.year and a 4-digit year next to it. */
/* English ordinal suffixes of a day number ("1st", "22nd", "3rd", "12th"). */
static const char *const ordinal_suffixes[] = {"st", "nd", "rd", "th"};

static bool is_ordinal_suffix(const char *s) {
    for (size_t i = 0; i < sizeof ordinal_suffixes / sizeof ordinal_suffixes[0]; i++)
        if (!strncasecmp(s, ordinal_suffixes[i], 2))
            return true;
    return false;
}

static bool parse_text(const char *s, bool month_first, date_parts *p) {
    memset(p, 0, sizeof *p);
    int day = 0, month = 0, year = 0;
    const char *start = NULL, *after = NULL; /* where the date is in s */
    for (const char *q = s; *q && !after; q++) {
        if (q > s && (isalnum((unsigned char)q[-1])))
            continue;
        size_t mlen = 0;
        int m = isalpha((unsigned char)*q) || (unsigned char)*q >= 0x80
                    ? month_at(q, &mlen)
                    : 0;
        if (m) {
            /* Month first: "Nov 16, 2021" / "November 2021"? (needs a day). */
            const char *r = q + mlen;
            while (*r == ' ' || *r == ',')
                r++;
            int d = read_int(&r, 1, 2);
            if (d > 0) {
                while (isalpha((unsigned char)*r)) /* "16th" */
                    r++;
                while (*r == ' ' || *r == ',' || *r == '.')
                    r++;
                int y = read_int(&r, 4, 4);
                if (y > 0) {
                    day = d, month = m, year = y, start = q, after = r;
                    break;
                }
            }
            /* Day first: "16 Nov 2021", "16. November 2021", "16th of Nov". */
            const char *b = q;
            while (b > s && (b[-1] == ' ' || b[-1] == '.' || b[-1] == ','))
                b--;
            if (b - s >= 3 && !strncasecmp(b - 2, "of", 2) &&
                b[-3] == ' ') /* "12th of" */
                for (b -= 3; b > s && b[-1] == ' ';)
                    b--;
            if (b - s >= 3 && is_ordinal_suffix(b - 2) && isdigit((unsigned char)b[-3]))
                b -= 2; /* "12th December 2018" */
            const char *dstart = b;
            while (dstart > s && isdigit((unsigned char)dstart[-1]))
                dstart--;
            if (dstart < b && b - dstart <= 2) {
                const char *dq = dstart;
                int d2 = read_int(&dq, 1, 2);
                r = q + mlen;
                while (*r == ' ' || *r == ',')
                    r++;
                int y = read_int(&r, 4, 4);
                if (d2 > 0 && y > 0) {
                    day = d2, month = m, year = y, start = dstart, after = r;
                    break;
                }
            }
            continue;
        }
        if (isdigit((unsigned char)*q)) {
            /* "16.11.2021" / "16/11/2021" read day first (most of the world)
             * unless month_first; ISO year-first forms were tried before. */
            const char *r = q;
            int d = read_int(&r, 1, 2);
            if (d < 0 || (*r != '.' && *r != '/'))
                continue;
            char sep = *r++;
            int m2 = read_int(&r, 1, 2);
            if (m2 < 0 || *r != sep)
                continue;
            r++;
            int y = read_int(&r, 4, 4);
            if (y < 0)
                continue;
            /* "11/16/2021" can only be month first; "03/04/2021" is when the
             * page's region writes dates so. */
            if (sep == '/' && d <= 12 && (m2 > 12 || month_first))
                day = m2, month = d;
            else
                day = d, month = m2;
            year = y, start = q, after = r;
        }
    }
    if (!after)
        return false;
    p->year = year, p->month = month, p->day = day;
    /* A time after the date ("2021 7:35 PM", "2021, 19:35", "2021 at 7:35"). */
    const char *t = after;
    for (int skip = 0; skip < 8 && *t && !isdigit((unsigned char)*t); skip++, t++)
        ;
    if (!read_time(&t, p)) {
        /* ... or before it ("19:35 16 Nov 2021"), never inside it: "16.11"
         * of "16.11.2021" is no time. */
        const char *u = s;
        while (*u && !isdigit((unsigned char)*u))
            u++;
        date_parts before = *p;
        if (u < start && read_time(&u, &before) && u <= start)
            *p = before;
    }
    return true;
}

static bool parse_epoch(const char *s, date_parts *p) {
    const char *q = s;
    while (*q == ' ')
        q++;
    size_t digits = strspn(q, "0123456789");
    if (q[digits] != '\0' && q[digits] != ' ' && q[digits] != '.')
        return false;
    if (digits != DATE_EPOCH_S_DIGITS && digits != DATE_EPOCH_MS_DIGITS)
        return false;
    int64_t v = strtoll(q, NULL, 10);
    if (digits == DATE_EPOCH_MS_DIGITS)
        v /= 1000;
    int64_t days = v / 86400, rem = v % 86400;
    memset(p, 0, sizeof *p);
    civil_from_days(days, &p->year, &p->month, &p->day);
    p->hour = (int)(rem / 3600), p->minute = (int)(rem / 60 % 60),
    p->second = (int)(rem % 60);
    p->has_time = p->has_zone = true;
    return true;
}

/* Units of a relative date ("3 hours ago"), singular; a plural adds "s". */
static const struct {
    const char *name;
    int64_t seconds;
} relative_units[] = {
    {"second", 1},  {"sec", 1},   {"minute", 60}, {"min", 60},
    {"hour", 3600}, {"hr", 3600}, {"day", 86400}, {"week", 7 * 86400},
};

/* Numbers written as words in a relative date ("an hour ago"). */
static const struct {
    const char *word;
    int value;
} relative_numbers[] = {{"a", 1}, {"an", 1}, {"one", 1}};

/* True when the n bytes at s are `word` or its plural (any case). */
static bool word_or_plural(const char *s, size_t n, const char *word) {
    size_t w = strlen(word);
    return (n == w || (n == w + 1 && (s[w] == 's' || s[w] == 'S'))) &&
           !strncasecmp(s, word, w);
}

/* Length of the letters at s. */
static size_t letters_at(const char *s) {
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    return n;
}

/* A date relative to the fetch time: "3 hours ago", "an hour ago", "2 days
 * ago", "yesterday". Minutes and hours give a UTC time to the minute; days
 * and weeks give a date. */
static bool parse_relative(const char *s, int64_t now, date_parts *p) {
    if (now <= 0)
        return false;
    for (const char *q = s; *q; q++) {
        if (q > s && isalnum((unsigned char)q[-1]))
            continue;
        int64_t back = -1;
        bool dated_only = false;
        size_t n = letters_at(q);
        if (n == 9 && !strncasecmp(q, "yesterday", 9)) {
            back = 86400, dated_only = true;
        } else {
            const char *r = q;
            int count = read_int(&r, 1, 3);
            for (size_t i = 0; count < 0 && i < COUNT(relative_numbers); i++)
                if (n == strlen(relative_numbers[i].word) &&
                    !strncasecmp(q, relative_numbers[i].word, n))
                    count = relative_numbers[i].value, r = q + n;
            if (count < 0 || *r != ' ')
                continue;
            r++;
            size_t un = letters_at(r);
            const char *ago = r + un;
            if (*ago != ' ' || strncasecmp(ago + 1, "ago", 3) ||
                isalpha((unsigned char)ago[4]))
                continue;
            for (size_t i = 0; back < 0 && i < COUNT(relative_units); i++)
                if (word_or_plural(r, un, relative_units[i].name)) {
                    back = count * relative_units[i].seconds;
                    dated_only = relative_units[i].seconds >= 86400;
                }
        }
        if (back < 0)
            continue;
        int64_t t = now - back;
        memset(p, 0, sizeof *p);
        civil_from_days(t / 86400, &p->year, &p->month, &p->day);
        if (!dated_only) {
            p->hour = (int)(t % 86400 / 3600), p->minute = (int)(t % 3600 / 60);
            p->has_time = p->has_zone = true;
        }
        return true;
    }
    return false;
}

bool meta_date_parse(const char *s, int64_t now, bool month_first,
                     char out[META_DATE_MAX]) {
    if (!s || !*s)
        return false;
    date_parts p;
    if (parse_epoch(s, &p))
        return parts_format(&p, now, out);
    /* An ISO date anywhere in the string ("Updated: 2021-11-16 19:35"). */
    for (const char *q = s; *q; q++) {
        if (!isdigit((unsigned char)*q) || (q > s && isdigit((unsigned char)q[-1])))
            continue;
        if (parse_iso_at(q, &p) && parts_format(&p, now, out))
            return true;
    }
    if (parse_text(s, month_first, &p) && parts_format(&p, now, out))
        return true;
    return parse_relative(s, now, &p) && parts_format(&p, now, out);
}

/* A two-digit year ("16" of "12.11.16") is this century's unless that is
 * after the fetch year, then the last century's. */
static int full_year(int yy, int64_t now) {
    int y, m, d;
    civil_from_days((now > 0 ? now : 0) / 86400, &y, &m, &d);
    return now > 0 && 2000 + yy > y ? 1900 + yy : 2000 + yy;
}

/* A numeric date with a two-digit year anywhere in s ("am 12.11.16",
 * "11/12/16"), read day first unless month_first (or the day cannot be a
 * month). The year must not be followed by more digits, and the day must
 * not follow a digit or a dot (no version numbers "1.2.12.16"). */
static bool parse_short_year(const char *s, int64_t now, bool month_first,
                             date_parts *p) {
    for (const char *q = s; *q; q++) {
        if (!isdigit((unsigned char)*q) ||
            (q > s && (isdigit((unsigned char)q[-1]) || q[-1] == '.' || q[-1] == '/')))
            continue;
        const char *r = q;
        int a = read_int(&r, 1, 2);
        if (a < 0 || (*r != '.' && *r != '/'))
            continue;
        char sep = *r++;
        int b = read_int(&r, 1, 2);
        if (b < 0 || *r != sep)
            continue;
        r++;
        int yy = read_int(&r, 2, 2);
        if (yy < 0 || *r == sep)
            continue;
        memset(p, 0, sizeof *p);
        p->year = full_year(yy, now);
        if (sep == '/' && a <= 12 && (b > 12 || month_first))
            p->month = a, p->day = b;
        else
            p->day = a, p->month = b;
        while (*r == ' ' || *r == ',')
            r++;
        read_time(&r, p); /* "3/09/15 8:00am" */
        return true;
    }
    return false;
}

bool meta_date_parse_field(const char *s, int64_t now, bool month_first,
                           char out[META_DATE_MAX]) {
    if (meta_date_parse(s, now, month_first, out))
        return true;
    date_parts p;
    return s && parse_short_year(s, now, month_first, &p) && parts_format(&p, now, out);
}

bool meta_date_instant(const char *iso, int64_t *t) {
    date_parts p;
    if (!iso || !parse_iso_at(iso, &p) || !p.has_time || !p.has_zone || !parts_valid(&p))
        return false;
    *t = parts_epoch(&p);
    return true;
}

/* Words that open a line giving the page's own date ("Published on",
 * "Veröffentlicht am", "Stand:", "Mis à jour le"), in the languages whose
 * month names this file reads, and whether the date is the last change.
 * After one of them a numeric date with a two-digit year is the date the
 * label announces, as in a date field; a bare "1.9.17" in free text is as
 * likely a version or a score. Facts of the languages, lower case; a label
 * must end at a non-letter. */
static const struct {
    const char *label;
    bool update;
} date_labels[] = {
    {"published", false},   {"posted", false},         {"dated", false},
    {"last updated", true}, {"updated", true},         {"modified", true},
    {"as of", true},        {"veröffentlicht", false}, {"erschienen", false},
    {"datum", false},       {"aktualisiert", true},    {"geändert", true},
    {"stand", true},        {"publié", false},         {"mis à jour", true},
    {"modifié", true},      {"publicado", false},      {"fecha", false},
    {"actualizado", true},
};

/* The entry of date_labels that s opens with, or -1. */
static int date_label(const char *s) {
    if (!s)
        return -1;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    int first = tolower((unsigned char)*s);
    for (size_t i = 0; i < COUNT(date_labels); i++) {
        if (date_labels[i].label[0] != first)
            continue; /* every label opens with a lower-case ASCII letter */
        size_t n = strlen(date_labels[i].label);
        if (!strncasecmp(s, date_labels[i].label, n) && !isalpha((unsigned char)s[n]) &&
            (unsigned char)s[n] < 0x80)
            return (int)i;
    }
    return -1;
}

bool meta_date_label_at(const char *s) { return date_label(s) >= 0; }

bool meta_date_label_is_update(const char *s) {
    int k = date_label(s);
    return k >= 0 && date_labels[k].update;
}

bool meta_date_parse_line(const char *s, int64_t now, bool month_first,
                          char out[META_DATE_MAX]) {
    return meta_date_label_at(s) ? meta_date_parse_field(s, now, month_first, out)
                                 : meta_date_parse(s, now, month_first, out);
}

/* Regions that write numeric dates month first (MM/DD/YYYY): the United
 * States, the Philippines, Belize, Micronesia, the Marshall Islands and
 * Palau. Source: Wikipedia, "List of date formats by country" (the facts
 * only). */
static const char *const month_first_regions[] = {"us", "ph", "bz", "fm", "mh", "pw"};

bool meta_region_month_first(const char *tag) {
    if (!tag)
        return false;
    /* The region is a two-letter subtag after the language ("en-US",
     * "en_us", "en-Latn-US"). */
    for (const char *p = tag; *p;) {
        size_t n = strcspn(p, "-_");
        if (p != tag && n == 2 && isalpha((unsigned char)p[0]) &&
            isalpha((unsigned char)p[1]))
            for (size_t i = 0; i < COUNT(month_first_regions); i++)
                if (!strncasecmp(p, month_first_regions[i], 2))
                    return true;
        p += n;
        if (*p)
            p++;
    }
    return false;
}

bool meta_date_from_url(const char *url, int64_t now, char out[META_DATE_MAX]) {
    if (!url)
        return false;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    if (!path)
        return false;
    date_parts p;
    for (const char *q = path; *q && *q != '?' && *q != '#'; q++) {
        if (*q != '/' && *q != '-' && *q != '_')
            continue;
        const char *r = q + 1;
        memset(&p, 0, sizeof p);
        /* /2021/11/16/ and /2021-11-16 */
        if ((p.year = read_int(&r, 4, 4)) > 0 && (*r == '/' || *r == '-')) {
            char sep = *r++;
            if ((p.month = read_int(&r, 2, 2)) > 0 && *r == sep) {
                r++;
                if ((p.day = read_int(&r, 2, 2)) > 0 && parts_format(&p, now, out))
                    return true;
            }
            continue;
        }
        /* /20211116/ */
        r = q + 1;
        int v = read_int(&r, 8, 8);
        if (v > 0 && (*r == '/' || *r == '-' || *r == '_' || *r == '.')) {
            p.year = v / 10000, p.month = v / 100 % 100, p.day = v % 100;
            if (parts_format(&p, now, out))
                return true;
        }
    }
    return false;
}
