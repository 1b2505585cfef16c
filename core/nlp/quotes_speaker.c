/*
 * quotes_speaker — turns the subject of each cue into a speaker name.
 *
 * A subject whose head is a capitalised name gives the name (titles such as
 * "Sen." dropped). A pronoun goes to the nearest earlier speaker named within a
 * few paragraphs, else to the nearest earlier capitalised name of two or more
 * words; "who" to the name before its comma. A definite description ("the
 * spokesman") goes to the name it stood beside earlier ("spokesman Josh
 * Earnest", "Josh Earnest, the White House spokesman"). Anything else keeps its
 * written form with no name. Linking to entities happens in quotes.c.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "quotes_int.h"

/* Paragraphs back a pronoun may reach for an earlier speaker. */
#define PRONOUN_MAX_PARAS 3
/* Tokens back a pronoun may reach for a capitalised name. */
#define PRONOUN_MAX_TOKENS 80
/* Tokens back a description may reach for the name it stood beside. */
#define DESCRIPTION_MAX_TOKENS 800
/* Sentences back a pronoun looks for the subject it stands for. */
#define SUBJECT_MAX_SENTENCES 2
/* Longest description searched for ("the campaign's deputy spokesman"). */
#define DESCRIPTION_MAX_WORDS 6
/* Lower-case words qualifying a title in an apposition ("former state Sen."). */
#define APPOSITIVE_MODIFIERS_MAX 3
/* Most tokens of a dateline before its dash ("SAN JUAN, P.R. -"). */
#define DATELINE_MAX_TOKENS 8
/* Earlier quotations checked for one that encloses a word (they rarely nest). */
#define QUOTED_LOOKBACK 4

static const qword person_pronouns[] = {W("he"), W("she"), W("i")};
static const qword group_pronouns[] = {W("they"), W("it"), W("we")};
static const qword name_titles[] = {
    W("mr."),
    W("mrs."),
    W("ms."),
    W("dr."),
    W("sen."),
    W("rep."),
    W("gov."),
    W("gen."),
    W("president"),
    W("senator"),
    W("sen"),
    W("rep"),
    W("gov"),
    W("governor"),
    W("secretary"),
    W("mayor"),
    W("judge"),
    W("prof."),
    W("rev."),
    W("lt."),
    W("col."),
    W("sgt."),
    W("former"),
    W("vice"),
    W("presidential"),
    W("candidate"),
    W("nominee"),
    W("speaker"),
    W("chairman"),
    W("chairwoman"),
    W("spokesman"),
    W("spokeswoman"),
    W("adm."),
    W("capt."),
    W("chief"),
    /* elected and appointed offices written before a name ("state Del.
     * Ana Ruiz", "Assemblywoman Lee", "Sheriff Tom Hale") */
    W("del."),
    W("delegate"),
    W("assemblyman"),
    W("assemblywoman"),
    W("councilman"),
    W("councilwoman"),
    W("commissioner"),
    W("sheriff"),
    W("ambassador"),
    W("maj."),
    W("cmdr."),
    W("det."),
    W("supt."),
};
/* Capitalised words that start sentences without being names. */
static const qword cap_function_words[] = {
    W("the"),     W("a"),     W("an"),    W("but"),   W("and"),   W("in"),
    W("on"),      W("at"),    W("for"),   W("if"),    W("when"),  W("as"),
    W("this"),    W("that"),  W("it"),    W("he"),    W("she"),   W("they"),
    W("we"),      W("i"),     W("his"),   W("her"),   W("their"), W("after"),
    W("before"),  W("while"), W("so"),    W("still"), W("yet"),   W("meanwhile"),
    W("however"), W("also"),  W("there"), W("what"),  W("why"),   W("how"),
    W("who"),     W("mr."),   W("mrs."),  W("ms."),   W("dr."),   W("according"),
};

/* Words that end the head of a source: an appositive or relative clause
 * follows ("Michael Mulgrew, president of ..., said"). */
static const qword head_enders[] = {W("who"), W("which"), W("whose"), W("whom"),
                                    W("that")};
/* Calendar words are adverbials, never speakers ("Clark in October revealed"). */
static const qword calendar_words[] = {
    W("january"),   W("february"), W("march"),    W("april"),     W("may"),
    W("june"),      W("july"),     W("august"),   W("september"), W("october"),
    W("november"),  W("december"), W("monday"),   W("tuesday"),   W("wednesday"),
    W("thursday"),  W("friday"),   W("saturday"), W("sunday"),    W("today"),
    W("yesterday"), W("tonight"),
};
/* Words that join speakers into a group ("Mr. King and Mr. Schultz"). */
static const qword coordinators[] = {W("and"), W("&"), W("both")};
/* Sentence openers skipped when looking for a sentence's subject. */
static const qword subject_openers[] = {
    W("but"),  W("and"),  W("yet"), W("still"),   W("so"),
    W("then"), W("also"), W("now"), W("however"), W("meanwhile")};

/* Words that open an introductory phrase set off by a comma ("On Thursday,
 * however, ..."), and how far its comma may be. */
static const qword intro_words[] = {
    W("on"),    W("in"),      W("at"),   W("after"),   W("before"), W("during"),
    W("since"), W("despite"), W("with"), W("earlier"), W("later"),  W("last"),
};
#define INTRO_MAX_TOKENS 12

#define IN(q, i, list) quotes_tok_in((q), (i), (list), N_OF(list))

static bool cap_word(const qtext *q, size_t i) {
    return i < q->n && q->t[i].kind == QT_WORD && (q->t[i].flags & QF_CAP) &&
           !(q->t[i].flags & QF_NUM);
}

static bool name_word(const qtext *q, size_t i) {
    return cap_word(q, i) && !IN(q, i, cap_function_words);
}

static const char *slice(lede_arena *a, const qtext *q, size_t b, size_t e) {
    return arena_strndup(a, q->text + q->t[b].b, q->t[e - 1].e - q->t[b].b);
}

/* A possessive name ("Trump’s") is not a speaker head. */
static bool possessive(const qtext *q, size_t i) {
    const char *s = q->text + q->t[i].b;
    size_t n = q->t[i].e - q->t[i].b;
    return (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') ||
           (n > 4 && s[n - 1] == 's' && !memcmp(s + n - 4, "\xE2\x80\x99", 3));
}

/* The capitalised run ending at `last` (inclusive): "Josh Earnest",
 * "Department of Justice". Returns its first token, titles and what stands
 * before the last title dropped ("Russian President Vladimir Putin" ->
 * "Vladimir Putin"). */
static size_t run_start(const qtext *q, size_t last, size_t floor) {
    size_t b = last;
    while (b > floor) {
        if (cap_word(q, b - 1) && !possessive(q, b - 1))
            b--;
        else if (b >= floor + 2 && (quotes_tok_is(q, b - 1, "of")) && cap_word(q, b - 2))
            b -= 2;
        else if (b >= floor + 4 && quotes_nickname_at(q, b - 3, last + 1))
            b -= 3;
        else
            break;
    }
    for (size_t i = last; i > b; i--)
        if (IN(q, i - 1, name_titles)) {
            b = i;
            break;
        }
    while (b < last && (IN(q, b, name_titles) || IN(q, b, cap_function_words)))
        b++;
    return b;
}

/* The head of a source [b, e): what comes before an appositive, a
 * parenthesis, a dash or a relative clause ("Joseph, who has four children"). */
static size_t head_end(const qtext *q, size_t b, size_t e) {
    for (size_t i = b + 1; i < e; i++) {
        const qtok *t = &q->t[i];
        char c = q->text[t->b];
        if ((t->kind == QT_PUNCT && (c == ',' || c == '(')) || t->kind == QT_DASH ||
            IN(q, i, head_enders))
            return i;
    }
    return e;
}

/* A source [b, e) headed by a lower-case noun whose complement names someone
 * else: an optional determiner, lower-case words, a preposition, the name
 * ("An attorney for Pagliano", "advisers to Mr. Obama"). Modifiers before a
 * name ("longtime pollster Pat Caddell"), an agent ("a report by Politico")
 * and "of" ("the city of Phoenix", "the board of the Post") do not count. */
static bool lowercase_head(const qtext *q, size_t b, size_t e) {
    static const qword determiners[] = {W("a"),   W("an"),      W("the"),
                                        W("one"), W("another"), W("some")};
    static const qword preps[] = {W("for"), W("to"),      W("with"),  W("from"),
                                  W("at"),  W("against"), W("about"), W("among")};
    size_t i = b;
    if (IN(q, i, determiners))
        i++;
    size_t words = 0;
    /* a sentence's first word is capitalised whatever it is ("Advisers to") */
    bool opens = i == q->sent_begin[q->t[i].sent] && i + 1 < e && !cap_word(q, i + 1);
    while (i < e && q->t[i].kind == QT_WORD &&
           (!(q->t[i].flags & (QF_CAP | QF_NUM)) || (opens && words == 0)) &&
           !possessive(q, i) && !IN(q, i, preps)) {
        i++;
        words++;
    }
    if (!words || i + 1 >= e || !IN(q, i, preps))
        return false;
    i++;
    if (IN(q, i, determiners) && i + 1 < e)
        i++;
    return cap_word(q, i);
}

/* Texts that someone puts out: "a speech Ms. Alvarez delivered". */
static const qword product_nouns[] = {
    W("speech"),    W("statement"), W("letter"), W("interview"), W("report"), W("memo"),
    W("email"),     W("tweet"),     W("post"),   W("remarks"),   W("op-ed"),  W("column"),
    W("editorial"), W("ad"),        W("video"),  W("filing"),    W("release")};
/* Irregular past forms of putting a text out (regular ones end in -ed). */
static const qword issued_irregular[] = {W("gave"), W("made"), W("wrote"), W("sent"),
                                         W("ran"),  W("put"),  W("read"),  W("shot")};

/* "a speech Ms. Alvarez delivered at Boston College", "a statement Mr.
 * Okafor released": a text, then the name of who put it out (a relative
 * clause without "that"): that name speaks, not a place after it.
 * [*nb, *ne) is the name. */
static bool product_issuer(const qtext *q, size_t b, size_t e, size_t *nb, size_t *ne) {
    static const qword determiners[] = {W("a"),   W("an"),    W("the"), W("his"),
                                        W("her"), W("their"), W("its")};
    size_t i = b;
    if (IN(q, i, determiners))
        i++;
    if (i + 2 >= e || !IN(q, i, product_nouns) || !cap_word(q, i + 1))
        return false;
    size_t k = i + 1;
    while (k < e && (cap_word(q, k) || IN(q, k, name_titles)) && !possessive(q, k))
        k++;
    if (k >= e || q->t[k].kind != QT_WORD || (q->t[k].flags & QF_CAP))
        return false;
    const qtok *v = &q->t[k];
    bool past = (v->e - v->b > 3 && !memcmp(q->text + v->e - 2, "ed", 2)) ||
                IN(q, k, issued_irregular);
    if (!past)
        return false;
    *nb = run_start(q, k - 1, i + 1);
    *ne = k;
    return true;
}

/* "Del. Stacey Plaskett of the Virgin Islands", "Sen. Tim Kaine of
 * Virginia": after a titled name, "of" brings the place or body the person
 * stands for; the head ends before it ("Department of Justice" has no title
 * and stays whole). */
static size_t titled_name_end(const qtext *q, size_t b, size_t e) {
    bool titled = false;
    for (size_t i = b; i < e; i++) {
        if (IN(q, i, name_titles) && cap_word(q, i + 1))
            titled = true;
        else if (titled && i > b && quotes_tok_is(q, i, "of") && cap_word(q, i - 1) &&
                 !IN(q, i - 1, name_titles))
            return i;
        else if (!cap_word(q, i))
            titled = false;
    }
    return e;
}

static bool any_in(const qtext *q, size_t b, size_t e, const qword *list, size_t n) {
    for (size_t i = b; i < e; i++)
        if (quotes_tok_in(q, i, list, n))
            return true;
    return false;
}

/* A possessive before the head: the speaker is the possessed, not the
 * possessor ("Rudolph's supporters", "the U.S. attorney's office"). */
static bool possessed_head(const qtext *q, size_t b, size_t e) {
    for (size_t i = b; i + 1 < e; i++)
        if (possessive(q, i))
            return true;
    return false;
}

static void set_name(lede_arena *a, const qtext *q, size_t b, size_t e, qspeaker *s) {
    s->name = slice(a, q, b, e);
    s->nb = q->t[b].cb;
    s->ne = q->t[e - 1].ce;
    s->named = true;
}

/* The name of a possessive token ("Lopez's", "Lopez’s"), without the 's. */
static void set_possessor(lede_arena *a, const qtext *q, size_t i, qspeaker *s) {
    const char *w = q->text + q->t[i].b;
    size_t n = q->t[i].e - q->t[i].b;
    size_t cut = w[n - 2] == '\'' ? 2 : 4; /* "'s" or "’s" (a 3-byte mark) */
    s->name = arena_strndup(a, w, n - cut);
    s->nb = q->t[i].cb;
    s->ne = q->t[i].ce - 2;
    s->named = true;
}

/* "Chastened by the analyses, ...", "Speaking at a rally, ...": one
 * capitalised word ending in -ed or -ing before a preposition is a participle
 * opening the sentence, not a name. */
static bool opening_participle(const qtext *q, size_t b, size_t e) {
    static const qword preps[] = {W("by"),   W("with"), W("at"),   W("in"),
                                  W("to"),   W("from"), W("for"),  W("about"),
                                  W("over"), W("on"),   W("after")};
    if (e != b + 1 || e >= q->n || !IN(q, e, preps))
        return false;
    const char *s = q->text + q->t[b].b;
    size_t n = q->t[b].e - q->t[b].b;
    return (n > 4 && !memcmp(s + n - 2, "ed", 2)) ||
           (n > 5 && !memcmp(s + n - 3, "ing", 3));
}

/* A word written in capitals only ("NEWPORT", "NEWS"). */
static bool all_caps(const qtext *q, size_t i) {
    if (!cap_word(q, i))
        return false;
    for (uint32_t k = q->t[i].b; k < q->t[i].e; k++)
        if (q->text[k] >= 'a' && q->text[k] <= 'z')
            return false;
    return true;
}

/* A dateline opening the paragraph at token b: a place, maybe a region or
 * a date after a comma, maybe the agency in brackets, then a dash
 * ("NEWPORT NEWS, Va. -", "LONDON -", "Washington (AFP) -", "PARIS, Aug 31
 * (Reuters) -"). It says where the story was filed, and is no one's name.
 * The place is in capitals unless the agency follows it. Returns the token
 * after the dash, or 0 when there is no dateline at b. */
static size_t dateline_end(const qtext *q, size_t b) {
    if (!cap_word(q, b) || !(q->t[b].flags & QF_PARA))
        return 0;
    bool agency = false;
    for (size_t i = b + 1; i < q->n && i < b + DATELINE_MAX_TOKENS; i++) {
        const qtok *t = &q->t[i];
        if (t->kind == QT_DASH)
            return all_caps(q, b) || agency ? i + 1 : 0;
        if (t->kind == QT_PUNCT && q->text[t->b] == '(' && cap_word(q, i + 1) &&
            i + 2 < q->n && q->text[q->t[i + 2].b] == ')') {
            agency = true;
            i += 2;
        } else if (t->kind == QT_WORD && !cap_word(q, i) && !(t->flags & QF_NUM)) {
            return 0;
        } else if (t->kind == QT_PUNCT && q->text[t->b] != ',') {
            return 0;
        }
    }
    return 0;
}

static bool dateline_at(const qtext *q, size_t b) { return dateline_end(q, b) != 0; }

/* A name that starts at token i as a subject, before token `end`: the
 * capitalised run not followed by another capital or a possessive. */
static bool subject_at(const qtext *q, size_t i, size_t end, size_t *nb, size_t *ne) {
    size_t b = i;
    while (i < end && (IN(q, i, name_titles) || (cap_word(q, i) && !possessive(q, i))))
        i++;
    if (i == b || i >= end || !name_word(q, i - 1) || IN(q, i - 1, calendar_words) ||
        possessive(q, i) || cap_word(q, i))
        return false;
    size_t rb = run_start(q, i - 1, b);
    /* "With Democratic voters ...", "In Washington ...": an opening phrase,
     * not a name */
    if (!name_word(q, rb) || opening_participle(q, rb, i) || IN(q, rb, intro_words) ||
        dateline_at(q, rb))
        return false;
    *nb = rb;
    *ne = i;
    return true;
}

/* The name that opens sentence `sent` as its subject ("Trump made the
 * pledge ..."), before token `limit`: [*nb, *ne), or false. */
static bool sentence_subject(const qtext *q, size_t sent, size_t limit, size_t *nb,
                             size_t *ne) {
    size_t i = q->sent_begin[sent], end = q->sent_begin[sent + 1];
    end = end < limit ? end : limit;
    size_t after = dateline_end(q, i);
    if (after && after < end)
        i = after; /* "Washington (AFP) - Democrat Hillary Clinton has ..." */
    while (i < end && (IN(q, i, subject_openers) || q->t[i].kind == QT_PUNCT))
        i++;
    return subject_at(q, i, end, nb, ne);
}

/* Words that end a subject noun phrase as the verb after it: auxiliaries. */
static const qword finite_aux[] = {
    W("has"),   W("have"),   W("had"),   W("is"),  W("was"),   W("were"),
    W("are"),   W("will"),   W("would"), W("can"), W("could"), W("may"),
    W("might"), W("should"), W("must"),  W("did"), W("does"),  W("do")};
/* A word ending in "n't" ("hasn't", "don’t"): an auxiliary, so a verb. */
static bool negated_aux(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    size_t n = t->e - t->b;
    const char *w = q->text + t->b;
    return (n > 3 && !memcmp(w + n - 3, "n't", 3)) ||
           (n > 5 && !memcmp(w + n - 5, "n\xE2\x80\x99t", 5));
}

/* Determiners that open a description: "the chief aide", "a spokeswoman". */
static const qword description_determiners[] = {W("the"), W("a"),    W("an"),
                                                W("his"), W("her"),  W("their"),
                                                W("its"), W("this"), W("these")};
/* Longest description taken as the subject of a sentence. */
#define SUBJECT_DESCRIPTION_MAX_TOKENS 8
/* Most words of a name before its possessive ending ("Hillary Clinton's"). */
#define POSSESSOR_MAX_WORDS 3

/* "The mayor's chief aide doubled down on ..., saying": a noun phrase that
 * opens the sentence at token i with a determiner and runs, words only (no
 * comma), up to its verb (an auxiliary, a lower-case word in -ed, or a cue)
 * before the cue at `cue`: [*b, *e). A description found so is kept as
 * written (quotes_speakers resolves it like any description). */
static bool description_subject(const qtext *q, size_t i, size_t cue, size_t *b,
                                size_t *e) {
    /* a possessive name stands for the determiner: "Ryan's campaign",
     * "Hillary Clinton's spokesman" (the possessed speaks, not the name) */
    if (i >= cue)
        return false;
    bool determiner = IN(q, i, description_determiners);
    size_t d = i;
    while (!determiner && d < cue && d < i + POSSESSOR_MAX_WORDS && cap_word(q, d) &&
           !possessive(q, d))
        d++;
    bool possessor = !determiner && d < cue && cap_word(q, d) && possessive(q, d);
    if (!determiner && !possessor)
        return false;
    size_t from = possessor ? d : i;
    for (size_t j = from + 1; j < cue && j <= from + SUBJECT_DESCRIPTION_MAX_TOKENS;
         j++) {
        const qtok *t = &q->t[j];
        if (t->kind != QT_WORD)
            return false;
        bool ed = !(t->flags & QF_CAP) && t->e - t->b > 3 && q->text[t->e - 2] == 'e' &&
                  q->text[t->e - 1] == 'd';
        if (IN(q, j, finite_aux) || ed || t->cue >= 0 || negated_aux(q, j)) {
            if (j < from + 2 || (possessor && (t->flags & QF_CAP)))
                return false;
            *b = i;
            *e = j;
            return true;
        }
    }
    return false;
}

bool quotes_clause_subject(const qtext *q, size_t cue, size_t *b, size_t *e) {
    size_t sent = q->t[cue].sent, first = q->sent_begin[sent];
    /* The clause the cue hangs on starts after the comma before it ("Chastened
     * by ..., Trump revised his plan, promising"): its subject comes first. */
    size_t c = cue;
    while (c > first && !(q->t[c - 1].kind == QT_PUNCT && q->text[q->t[c - 1].b] == ','))
        c--;
    size_t k = c > first ? c - 1 : first; /* the comma before the cue, if any */
    while (k > first && !(q->t[k - 1].kind == QT_PUNCT && q->text[q->t[k - 1].b] == ','))
        k--;
    if (k > first && subject_at(q, k, c, b, e))
        return true;
    if (sentence_subject(q, sent, cue, b, e))
        return true;
    /* "On Thursday, however, Trump spoke ...", "On July 6, 2015, Sanders
     * made ...": an introductory phrase set off by commas comes before the
     * subject, which follows one of its commas */
    if (IN(q, first, intro_words))
        for (size_t i = first + 1; i < cue && i <= first + INTRO_MAX_TOKENS; i++)
            if (q->t[i].kind == QT_PUNCT && q->text[q->t[i].b] == ',') {
                size_t j = i + 1;
                while (j < cue && (IN(q, j, subject_openers) || q->t[j].kind == QT_PUNCT))
                    j++;
                if (subject_at(q, j, cue, b, e))
                    return true;
                /* "On Thursday, he hedged on ..., telling": a personal
                 * pronoun and its verb */
                if (j + 1 < cue &&
                    (IN(q, j, person_pronouns) || quotes_tok_is(q, j, "they")) &&
                    q->t[j + 1].kind == QT_WORD && !cap_word(q, j + 1)) {
                    *b = j;
                    *e = j + 1;
                    return true;
                }
            }
    /* "He met the families on Friday, saying ...": a personal pronoun that
     * opens the sentence, resolved later like any pronoun source */
    size_t i = first;
    while (i < cue && (IN(q, i, subject_openers) || q->t[i].kind == QT_PUNCT))
        i++;
    if (i + 1 < cue && (IN(q, i, person_pronouns) || quotes_tok_is(q, i, "they"))) {
        *b = i;
        *e = i + 1;
        return true;
    }
    return description_subject(q, i, cue, b, e);
}

/* Whether token i lies inside the quoted words of a direct quotation found
 * (found is in text order): a name the speaker says ("Hillary has nobody
 * like that," he said) is not the reporter's antecedent for "he". */
static bool quoted_word(const qfound_list *found, const qtext *q, size_t i) {
    uint32_t at = q->t[i].b;
    size_t lo = 0, hi = found->n;
    while (lo < hi) { /* first quotation starting after the word */
        size_t mid = (lo + hi) / 2;
        if (found->v[mid].b <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k > 0 && lo - k < QUOTED_LOOKBACK; k--) {
        const qfound *f = &found->v[k - 1];
        if (f->type == LEDE_QUOTE_DIRECT && f->e > at)
            return true;
    }
    return false;
}

/* The subject of the pronoun's own sentence (before it) or of one of the
 * two sentences before it: the most salient antecedent a reader takes. */
static bool recent_subject(const qtext *q, const qfound_list *found, size_t pron,
                           size_t *nb, size_t *ne) {
    uint32_t sent = q->t[pron].sent;
    for (uint32_t back = 0; back <= SUBJECT_MAX_SENTENCES && back <= sent; back++) {
        uint32_t s = sent - back;
        if (q->t[q->sent_begin[s]].para + 1 < q->t[pron].para)
            break;
        if (sentence_subject(q, s, back ? q->n : pron, nb, ne) &&
            !quoted_word(found, q, *nb))
            return true;
    }
    return false;
}

/* Nearest capitalised name of two or more words before token i. */
static bool name_before(lede_arena *a, const qtext *q, const qfound_list *found, size_t i,
                        qspeaker *s) {
    size_t floor = i > PRONOUN_MAX_TOKENS ? i - PRONOUN_MAX_TOKENS : 0;
    for (size_t k = i; k > floor; k--) {
        size_t last = k - 1;
        if (!name_word(q, last) || possessive(q, last) || quoted_word(found, q, last))
            continue;
        size_t b = run_start(q, last, floor);
        if (last > b && name_word(q, b) && !dateline_at(q, b)) {
            set_name(a, q, b, last + 1, s);
            return true;
        }
    }
    return false;
}

/* Role nouns a description may stand on ("the spokesman", "the Republican
 * nominee"); other heads ("the court", "the report") are not people. */
static const qword role_nouns[] = {
    W("spokesman"),      W("spokeswoman"),  W("spokesperson"), W("president"),
    W("governor"),       W("senator"),      W("secretary"),    W("minister"),
    W("chairman"),       W("chairwoman"),   W("candidate"),    W("nominee"),
    W("director"),       W("mayor"),        W("leader"),       W("chief"),
    W("executive"),      W("official"),     W("adviser"),      W("advisor"),
    W("lawyer"),         W("attorney"),     W("judge"),        W("congressman"),
    W("congresswoman"),  W("commissioner"), W("ambassador"),   W("economist"),
    W("analyst"),        W("founder"),      W("businessman"),  W("businesswoman"),
    W("billionaire"),    W("mogul"),        W("actor"),        W("actress"),
    W("singer"),         W("coach"),        W("manager"),      W("prosecutor"),
    W("sheriff"),        W("chancellor"),   W("premier"),      W("prime"),
    W("representative"), W("strategist"),   W("professor"),    W("researcher"),
    W("author"),         W("veteran"),      W("widow"),
};

/* True when the words [db, head) of the description stand, in order, just
 * before the earlier head i ("Republican nominee" before "nominee"). */
static bool modifiers_match(const qtext *q, size_t db, size_t head, size_t i) {
    size_t n = head - db;
    if (n > i)
        return false;
    for (size_t k = 0; k < n; k++) {
        const qtok *x = &q->t[db + k], *y = &q->t[i - n + k];
        if (x->e - x->b != y->e - y->b ||
            strncasecmp(q->text + x->b, q->text + y->b, x->e - x->b))
            return false;
    }
    return true;
}

/* "the spokesman": the name that stood beside an earlier "spokesman" with the
 * same modifiers. db is the first word after "the". */
static bool description_name(lede_arena *a, const qtext *q, size_t db, size_t head,
                             qspeaker *s) {
    if (!IN(q, head, role_nouns))
        return false;
    size_t from = db;
    size_t floor = from > DESCRIPTION_MAX_TOKENS ? from - DESCRIPTION_MAX_TOKENS : 0;
    const char *h = q->text + q->t[head].b;
    size_t hl = q->t[head].e - q->t[head].b;
    for (size_t k = from; k > floor; k--) {
        size_t i = k - 1;
        if (q->t[i].e - q->t[i].b != hl || strncasecmp(q->text + q->t[i].b, h, hl) ||
            !modifiers_match(q, db, head, i))
            continue;
        if (name_word(q, i + 1)) { /* spokesman Josh Earnest */
            size_t e = i + 1;
            while (e < q->n && cap_word(q, e) && !possessive(q, e) &&
                   q->t[e].sent == q->t[i].sent)
                e++;
            if (e < q->n && possessive(q, e))
                return false; /* "nominee Donald Trump's campaign" */
            set_name(a, q, i + 1, e, s);
            return true;
        }
        size_t j = i - (head - db); /* Josh Earnest, the White House spokesman */
        size_t words = 0;
        while (j > 0 && q->t[j - 1].kind == QT_WORD && words < DESCRIPTION_MAX_WORDS) {
            j--;
            words++;
        }
        if (j >= 2 && q->t[j - 1].kind == QT_PUNCT && q->text[q->t[j - 1].b] == ',' &&
            name_word(q, j - 2) && !possessive(q, j - 2)) {
            size_t b = run_start(q, j - 2, 0);
            set_name(a, q, b, j - 1, s);
            return true;
        }
    }
    return false;
}

static uint32_t para_of_found(const qtext *q, const qfound *f) {
    size_t lo = 0, hi = q->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (q->t[mid].b < f->b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < q->n ? q->t[lo].para : 0;
}

/* The latest earlier speaker with a name within PRONOUN_MAX_PARAS paragraphs. */
static const qspeaker *last_named(const qtext *q, const qfound_list *found,
                                  const qspeaker *out, size_t i) {
    uint32_t para = para_of_found(q, &found->v[i]);
    for (size_t k = i; k > 0; k--) {
        const qspeaker *s = &out[k - 1];
        if (para - para_of_found(q, &found->v[k - 1]) > PRONOUN_MAX_PARAS)
            break;
        if (s->name && s->named)
            return s;
    }
    return NULL;
}

/* The name run right after the comma at token `comma`, closed by another
 * comma or by the end of the source [.., e). */
static bool appositive_name(lede_arena *a, const qtext *q, size_t comma, size_t e,
                            qspeaker *s) {
    size_t b = comma + 1, i = b;
    if (comma >= e || q->t[comma].kind != QT_PUNCT || q->text[q->t[comma].b] != ',')
        return false;
    /* "state Sen. Ada Brooks", "former Gov. Tom Hale": lower-case words
     * before a title qualify it */
    size_t m = b;
    while (m < e && m < b + APPOSITIVE_MODIFIERS_MAX && q->t[m].kind == QT_WORD &&
           !cap_word(q, m) && !IN(q, m, name_titles))
        m++;
    if (m > b && m < e && IN(q, m, name_titles))
        b = i = m;
    while (i < e && (IN(q, i, name_titles) || (cap_word(q, i) && !possessive(q, i)) ||
                     (i > b && quotes_nickname_at(q, i, e))))
        i += quotes_nickname_at(q, i, e) ? 3 : 1;
    if (i == b || !name_word(q, i - 1) || (i < e && q->t[i].kind != QT_PUNCT))
        return false;
    size_t rb = run_start(q, i - 1, b);
    if (!name_word(q, rb))
        return false;
    set_name(a, q, rb, i, s);
    return true;
}

/* A pronoun: the subject of its sentence or of the sentences just before,
 * unless an attribution named someone more recently (quotes.c keeps the name
 * only when it agrees: "he"/"she" a person, "they"/"it"/"we" a group). */
static void resolve_pronoun(lede_arena *a, const qtext *q, const qfound_list *found,
                            qspeaker *out, size_t i, size_t b, qspeaker *s) {
    s->pronoun = IN(q, b, person_pronouns) ? QP_PERSON : QP_GROUP;
    const qspeaker *p = last_named(q, found, out, i);
    size_t nb, ne;
    if (recent_subject(q, found, b, &nb, &ne) && (!p || (long)q->t[nb].cb > p->nb)) {
        set_name(a, q, nb, ne, s);
        return;
    }
    if (p) {
        s->name = p->name;
        s->nb = p->nb;
        s->ne = p->ne;
        s->named = true;
    } else if (s->pronoun == QP_PERSON) {
        name_before(a, q, found, b, s);
    }
}

static void resolve_one(lede_arena *a, const qtext *q, const qfound_list *found,
                        qspeaker *out, size_t i) {
    const qfound *f = &found->v[i];
    qspeaker *s = &out[i];
    memset(s, 0, sizeof *s);
    s->mb = s->me = s->nb = s->ne = -1;
    if (f->spk_b < 0) {
        if (f->inherit >= 0)
            *s = out[f->inherit];
        return;
    }
    size_t b = (size_t)f->spk_b, e = (size_t)f->spk_e;
    s->mention = slice(a, q, b, e);
    s->mb = q->t[b].cb;
    s->me = q->t[e - 1].ce;
    if (e - b == 1 && quotes_tok_is(q, b, "who")) {
        if (b >= 2 && q->t[b - 1].kind == QT_PUNCT && name_word(q, b - 2))
            set_name(a, q, run_start(q, b - 2, 0), b - 1, s);
        return;
    }
    if (e - b == 1 && (IN(q, b, person_pronouns) || IN(q, b, group_pronouns))) {
        resolve_pronoun(a, q, found, out, i, b, s);
        return;
    }
    /* "Both Mr. King and Mr. Schultz say", the source tagged on the last name
     * only: a group, not that one person. */
    if (b >= 2 && IN(q, b - 1, coordinators) && name_word(q, b - 2))
        return;
    size_t full_e = e;
    e = head_end(q, b, e);
    e = titled_name_end(q, b, e);
    size_t head = e - 1;
    /* "Lopez's claim that ...": the possessor of a speech noun speaks; the
     * possessor of anything else ("Scott's family has called on") does not,
     * what it owns does. */
    if (e - b == 1 && possessive(q, b) && name_word(q, b)) {
        if ((e < q->n && q->t[e].cue >= 0) ||
            (f->cue_b == (int32_t)e && f->cue_e == (int32_t)e + 1))
            set_possessor(a, q, b, s);
        return;
    }
    /* "The county's election director, Paula Reyes, said": the name in
     * apposition to a description is the speaker. */
    if (!cap_word(q, head) || possessed_head(q, b, e)) {
        if (appositive_name(a, q, e, full_e, s))
            return;
    }
    size_t pb, pe;
    if (product_issuer(q, b, full_e, &pb, &pe)) {
        set_name(a, q, pb, pe, s);
        return;
    }
    /* "An attorney for Pagliano", "advisers to Mr. Obama": a lower-case noun
     * heads the phrase; the name after it is someone else. */
    if (lowercase_head(q, b, e))
        return;
    /* Groups ("Mr. King and Mr. Schultz"), possessed heads and calendar words
     * keep their written form and name nobody. */
    if (any_in(q, b, e, coordinators, N_OF(coordinators)) || possessed_head(q, b, e) ||
        IN(q, head, calendar_words))
        return;
    if (cap_word(q, head) && !possessive(q, head)) {
        size_t rb = run_start(q, head, b);
        set_name(a, q, rb, head + 1, s);
        return;
    }
    if (quotes_tok_is(q, b, "the") && e - b <= DESCRIPTION_MAX_WORDS &&
        q->t[head].kind == QT_WORD) {
        description_name(a, q, b + 1, head, s);
        s->described = s->name != NULL;
    }
}

lede_status quotes_speakers(lede_arena *a, const qtext *q, const qfound_list *found,
                            qspeaker *out) {
    for (size_t i = 0; i < found->n; i++)
        resolve_one(a, q, found, out, i);
    return LEDE_OK;
}
