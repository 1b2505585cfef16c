/*
 * quotes_attr — finds attributions: a cue (reporting verb), its speaker (the
 * subject of the cue) and its content.
 *
 * Three passes over the scanned text, each linear:
 * 1. quoted spans with an attribution right after ("...," she said / said
 *    Smith) or right before (Smith said: "..." / Smith: "..."); a quote broken
 *    by its attribution ("...," he said, "...") is joined into one;
 * 2. paragraphs opened by a short name and a colon ("Pence: ..."); then
 *    reported speech per sentence, outside quoted spans: "X said (that) ...",
 *    "X told Y (that) ...", "..., X said.", "according to X, ...",
 *    "..., according to X.", phrasal cues ("called for", "spoke about"),
 *    stance verbs with their object ("praised the plan"), ", citing ..." and
 *    "... and criticized ..." continuations; a content holding quoted words
 *    is partial;
 * 3. the quoted spans still unclaimed: a whole quoted sentence continues the
 *    speaker of the attribution just before it; a longer fragment inside the
 *    reporter's sentence is partial; one or two quoted words with no speech act
 *    are scare quotes and dropped.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quotes_int.h"

/* Longest attribution clause after a quote: "..., said Mr. John Smith, the
 * campaign's deputy manager" stays within this. */
#define ATTR_MAX_TOKENS 24
/* Most words after a cue that are still a tail of the attribution ("..., he
 * said in a statement on Friday"), not a clause of content. */
#define TAIL_MAX_WORDS 7
/* Longest subject noun phrase taken left of a cue. */
#define SUBJECT_MAX_TOKENS 8
/* Longest description between commas after a subject: "Tom Reyes, a
 * Republican from the coast who has met ..., said". */
#define APPOSITION_MAX_TOKENS 30
/* Longest stretch between a cue and its "that": "told reporters in Ohio on
 * Monday that". */
#define THAT_WINDOW 12
/* Shortest -ly word taken as an adverb ("only", "fly", "rely" are shorter). */
#define ADVERB_MIN_LEN 4
/* Words of a reported clause below which it is not taken as one. */
#define CONTENT_MIN_WORDS 2
/* Words of the object of a stance cue below which it is not taken: one
 * ("endorsed Trump", "backed one") is enough, the cue carries the weight. */
#define OBJECT_MIN_WORDS 1
/* Quoted words at or below which a fragment without a cue is a scare quote. */
#define SCARE_MAX_WORDS 3
/* Words of a single-quoted paragraph read as a section heading, not speech. */
#define HEADING_MAX_WORDS 6
/* Most words of a quoted title after the work it names ("his book, 'Make
 * Your Kid a Millionaire,'"). */
#define TITLE_MAX_WORDS 10
/* Paragraphs back that a bare quote may inherit its speaker from. */
#define INHERIT_MAX_PARAS 1
/* Longest description set off by dashes between a name and its cue. */
#define DASH_APPOSITION_MAX_TOKENS 24
/* Shortest -ing participle ("being" and "doing" are verbs of their own). */
#define ING_MIN_LEN 5
/* Longest time phrase between a subject and its cue, after its preposition
 * ("in late August 2016"). */
#define TIME_PHRASE_MAX_TOKENS 4
/* Most words of a relative clause between its antecedent and the cue ("one
 * of the doctors who signed the letter called"). */
#define RELATIVE_MAX_WORDS 5

/* Words that may stand between a subject and its cue ("has also said"). */
static const qword aux_words[] = {
    W("also"),       W("later"),        W("then"),      W("previously"), W("recently"),
    W("repeatedly"), W("publicly"),     W("privately"), W("often"),      W("frequently"),
    W("even"),       W("still"),        W("further"),   W("again"),      W("once"),
    W("reportedly"), W("has"),          W("have"),      W("had"),        W("would"),
    W("will"),       W("did"),          W("does"),      W("do"),         W("already"),
    W("never"),      W("first"),        W("quickly"),   W("flatly"),     W("simply"),
    W("long"),       W("not"),          W("always"),    W("initially"),  W("earlier"),
    W("just"),       W("subsequently"), W("openly"),    W("explicitly"), W("falsely"),
    W("correctly"),  W("wrongly"),      W("could"),     W("might"),      W("may"),
    W("should"),     W("can"),          W("must"),      W("is"),         W("are"),
    W("was"),        W("were"),         W("been"),      W("be"),         W("continues"),
    W("continued"),  W("went"),         W("on"),        W("to"),         W("has"),
};
/* Passive markers before a past participle cue: "was told". */
static const qword passive_words[] = {W("was"), W("were"),  W("is"),  W("are"), W("been"),
                                      W("be"),  W("being"), W("get"), W("got")};
/* Time words that may follow a cue before its content or end a sentence. */
static const qword time_words[] = {
    W("monday"),    W("tuesday"),  W("wednesday"),  W("thursday"),  W("friday"),
    W("saturday"),  W("sunday"),   W("yesterday"),  W("today"),     W("tonight"),
    W("earlier"),   W("later"),    W("recently"),   W("week"),      W("month"),
    W("weekend"),   W("year"),     W("morning"),    W("afternoon"), W("evening"),
    W("night"),     W("then"),     W("again"),      W("also"),      W("previously"),
    W("privately"), W("publicly"), W("repeatedly"), W("flatly"),    W("simply"),
    W("quietly"),   W("now"),
};
/* Words that make the next time word a time phrase: "on Monday", "last week". */
static const qword time_leads[] = {W("on"),   W("this"),  W("last"), W("next"),
                                   W("late"), W("early"), W("in"),   W("that")};
/* Negations before a cue: "did not say", "declined to comment". */
static const qword negations[] = {W("not"),
                                  W("never"),
                                  W("didn't"),
                                  W("doesn't"),
                                  W("don't"),
                                  W("won't"),
                                  W("wouldn't"),
                                  W("couldn't"),
                                  W("hasn't"),
                                  W("haven't"),
                                  W("didn\xE2\x80\x99t"),
                                  W("doesn\xE2\x80\x99t"),
                                  W("don\xE2\x80\x99t"),
                                  W("won\xE2\x80\x99t"),
                                  W("wouldn\xE2\x80\x99t"),
                                  W("hasn\xE2\x80\x99t"),
                                  W("declined"),
                                  W("refused"),
                                  W("declines"),
                                  W("refuses"),
                                  W("decline"),
                                  W("refuse")};
static const qword pronouns[] = {W("he"), W("she"), W("they"), W("it"),
                                 W("i"),  W("we"),  W("you"),  W("who")};
/* Words that end a subject noun phrase on its left. */
static const qword subject_stops[] = {
    W("that"),   W("which"),    W("and"),     W("but"),   W("or"),      W("because"),
    W("if"),     W("when"),     W("while"),   W("as"),    W("after"),   W("before"),
    W("since"),  W("so"),       W("than"),    W("where"), W("whether"), W("what"),
    W("though"), W("although"), W("to"),      W("in"),    W("on"),      W("with"),
    W("about"),  W("into"),     W("over"),    W("under"), W("against"), W("by"),
    W("said"),   W("says"),     W("not"),     W("also"),  W("has"),     W("have"),
    W("had"),    W("is"),       W("was"),     W("were"),  W("are"),     W("will"),
    W("would"),  W("could"),    W("should"),  W("may"),   W("might"),   W("can"),
    W("during"), W("until"),    W("unless"),  W("once"),  W("how"),     W("why"),
    W("who"),    W("whom"),     W("whose"),   W("then"),  W("yet"),     W("nor"),
    W("like"),   W("unlike"),   W("through"), W("among"),
};
/* Determiners: a subject noun phrase starts at one. */
static const qword determiners[] = {
    W("the"),   W("a"),       W("an"),   W("his"),  W("her"),  W("their"),
    W("its"),   W("our"),     W("my"),   W("your"), W("this"), W("these"),
    W("those"), W("another"), W("one"),  W("some"), W("many"), W("several"),
    W("two"),   W("three"),   W("both"), W("most")};
/* Words that start a prepositional phrase, not a reported clause. */
static const qword not_clause_starts[] = {
    W("when"),  W("if"),    W("than"), W("because"), W("after"), W("before"),
    W("while"), W("until"), W("on"),   W("about"),   W("for"),   W("with"),
    W("of"),    W("at"),    W("by"),   W("from"),    W("into"),  W("against")};
/* Speakers of the reporter's own or the reader's voice. */
static const qword first_persons[] = {W("i"), W("we"), W("you")};
/* Words that start a tail after an attribution: "..., he said, in a statement". */
static const qword tail_leads[] = {W("in"),      W("on"),     W("at"),    W("during"),
                                   W("after"),   W("before"), W("while"), W("via"),
                                   W("through"), W("to")};
/* Nouns of speech that take a "that" clause: "his claim that ...". */
static const qword speech_nouns[] = {
    W("claim"),       W("claims"),     W("statement"),   W("assertion"),
    W("argument"),    W("warning"),    W("promise"),     W("pledge"),
    W("suggestion"),  W("insistence"), W("contention"),  W("allegation"),
    W("allegations"), W("prediction"), W("admission"),   W("announcement"),
    W("charge"),      W("remark"),     W("remarks"),     W("comments"),
    W("belief"),      W("view"),       W("hope"),        W("fear"),
    W("concern"),     W("assessment"), W("conclusion"),  W("finding"),
    W("accusation"),  W("complaint"),  W("vow"),         W("decision"),
    W("opinion"),     W("assurance"),  W("threat"),      W("theory"),
    W("message"),     W("position"),   W("explanation"), W("acknowledgment")};
/* Possessive pronouns that own a speech noun: "her warning that". */
static const qword possessive_pronouns[] = {W("his"), W("her"), W("their"), W("its")};
/* Conjunctions that join a second attribution to a sentence. */
static const qword clause_links[] = {W("and"), W("but")};
/* Hearers that commonly follow "told": skipped as one word. */
static const qword object_pronouns[] = {
    W("him"),       W("her"),         W("them"),       W("me"),      W("us"),
    W("reporters"), W("journalists"), W("supporters"), W("voters"),  W("lawmakers"),
    W("viewers"),   W("listeners"),   W("audiences"),  W("everyone")};

/* Words that open a reported question: "asked whether ...". */
static const qword question_words[] = {W("whether"), W("how"), W("why"),
                                       W("what"),    W("if"),  W("who")};
/* Finite verbs that cannot open a reported clause: the "cue" before them is
 * a noun subject ("the Trump plan is linear"). */
static const qword finite_aux[] = {W("is"),  W("are"),   W("was"),  W("were"),
                                   W("has"), W("would"), W("will"), W("does")};
/* Labels of the newsroom's own notes, not speakers: "Correction: ...". */
static const qword editorial_labels[] = {
    W("correction"), W("clarification"), W("update"),    W("updated"),
    W("note"),       W("editor's"),      W("related"),   W("source"),
    W("photo"),      W("video"),         W("watch"),     W("read"),
    W("posted"),     W("published"),     W("date"),      W("disclaimer"),
    W("disclosure"), W("advertisement"), W("sponsored"), W("listen"),
    W("download"),   W("subscribe"),     W("q"),         W("a")};
static const qword months[] = {W("january"), W("february"), W("march"),
                               W("april"),   W("may"),      W("june"),
                               W("july"),    W("august"),   W("september"),
                               W("october"), W("november"), W("december")};
/* Month abbreviations of news style ("Aug. 5"). */
static const qword month_abbrevs[] = {W("jan."),  W("feb."), W("aug."),
                                      W("sept."), W("sep."), W("oct."),
                                      W("nov."),  W("dec."), W("mid")};
/* Prepositions after a participle inside a subject: "marching through the
 * square". */
static const qword participle_preps[] = {
    W("through"), W("in"),     W("on"),     W("at"),    W("near"), W("outside"),
    W("inside"),  W("across"), W("around"), W("along"), W("into"), W("from")};
/* Prepositions that open a time phrase between a subject and its cue ("a
 * panel in 2001 found", "prosecutors on Aug. 5 charged"). */
static const qword time_preps[] = {W("in"), W("on"), W("during"), W("since"), W("until")};
/* Prepositions before an -ing cue: "aside from saying", "for saying": the
 * cue has no subject of its own, it shares its clause's. */
static const qword ing_preps[] = {W("from"), W("by"), W("after"), W("before"),
                                  W("without")};
#define IN(q, i, list) quotes_tok_in((q), (i), (list), N_OF(list))

/* Verbs that report speech or a stance only with their particle: "called for
 * a ban", "spoke about her faith", "pointed out that", "warned against". The
 * object after the particle is the content. Every form is listed (data). */
typedef struct {
    qword verb;
    qword particle;
} phrasal_cue;
#define PH(v, p)                                                                         \
    { W(v), W(p) }
static const phrasal_cue phrasal_cues[] = {
    PH("call", "for"),        PH("calls", "for"),        PH("called", "for"),
    PH("calling", "for"),     PH("call", "on"),          PH("calls", "on"),
    PH("called", "on"),       PH("calling", "on"),       PH("talk", "about"),
    PH("talks", "about"),     PH("talked", "about"),     PH("talking", "about"),
    PH("speak", "about"),     PH("speaks", "about"),     PH("spoke", "about"),
    PH("speaking", "about"),  PH("speak", "of"),         PH("speaks", "of"),
    PH("spoke", "of"),        PH("speaking", "of"),      PH("point", "to"),
    PH("points", "to"),       PH("pointed", "to"),       PH("pointing", "to"),
    PH("warn", "against"),    PH("warns", "against"),    PH("warned", "against"),
    PH("warning", "against"), PH("warn", "of"),          PH("warns", "of"),
    PH("warned", "of"),       PH("warning", "of"),       PH("warn", "about"),
    PH("warns", "about"),     PH("warned", "about"),     PH("complain", "about"),
    PH("complains", "about"), PH("complained", "about"), PH("complaining", "about"),
    PH("argue", "for"),       PH("argues", "for"),       PH("argued", "for"),
    PH("argue", "against"),   PH("argues", "against"),   PH("argued", "against"),
    PH("push", "for"),        PH("pushes", "for"),       PH("pushed", "for"),
    PH("pushing", "for"),     PH("advocate", "for"),     PH("advocates", "for"),
    PH("advocated", "for"),   PH("rail", "against"),     PH("railed", "against"),
    PH("rails", "against"),   PH("ask", "about"),        PH("asked", "about"),
    PH("asks", "about"),      PH("boast", "about"),      PH("boasted", "about"),
    PH("brag", "about"),      PH("bragged", "about"),    PH("joke", "about"),
    PH("joked", "about"),     PH("write", "about"),      PH("wrote", "about"),
    PH("writes", "about"),    PH("testify", "about"),    PH("testified", "about"),
};
#undef PH
/* The particles of phrasal_cues: a quick test before the table is searched. */
static const qword phrasal_particles[] = {W("for"), W("on"), W("about"),
                                          W("of"),  W("to"), W("against")};

static bool is_punct(const qtext *q, size_t i, char c) {
    return i < q->n && q->t[i].kind == QT_PUNCT && q->text[q->t[i].b] == c &&
           q->t[i].e - q->t[i].b == 1;
}

static bool is_word(const qtext *q, size_t i) {
    return i < q->n && q->t[i].kind == QT_WORD;
}

static bool is_cap(const qtext *q, size_t i) {
    return is_word(q, i) && (q->t[i].flags & QF_CAP) && !(q->t[i].flags & QF_NUM);
}

static bool is_open_dq(const qtext *q, size_t i) {
    return i < q->n && (q->t[i].kind == QT_DQUOTE || q->t[i].kind == QT_SQUOTE) &&
           (q->t[i].flags & QF_OPEN);
}

static bool is_terminal(const qtext *q, size_t i) {
    return is_punct(q, i, '.') || is_punct(q, i, '!') || is_punct(q, i, '?');
}

static bool same_sent(const qtext *q, size_t a, size_t b) {
    return a < q->n && b < q->n && q->t[a].sent == q->t[b].sent;
}

static bool same_para(const qtext *q, size_t a, size_t b) {
    return a < q->n && b < q->n && q->t[a].para == q->t[b].para;
}

static const quotes_cue *cue_of(const qtext *q, size_t i) {
    return i < q->n ? quotes_cue_get(q->t[i].cue) : NULL;
}

static bool possessive_word(const qtext *q, size_t i);
static bool tail_only(const qtext *q, size_t i, size_t e);

/* A cue that is in fact a verb here: a homograph's base or -s form ("plans",
 * "states") only right after a name or a pronoun, and no base form after "to"
 * ("declined to comment", "plans to say"). */
static bool verb_here(const qtext *q, size_t i, const qword *pron, size_t n_pron) {
    const quotes_cue *c = cue_of(q, i);
    if (!c)
        return false;
    int form = quotes_cue_form(q->t[i].cue, q->text + q->t[i].b, q->t[i].e - q->t[i].b);
    if (form == 0 && i > 0 && quotes_tok_is(q, i - 1, "to"))
        return false;
    if (i == 0)
        return !((c->flags & CUE_HOMOGRAPH) && form <= 1);
    const qtok *p = &q->t[i - 1];
    const char *pe = q->text + p->e;
    bool poss = p->kind == QT_WORD && p->e - p->b > 2 &&
                (pe[-1] == 's' || pe[-1] == 'S') &&
                (pe[-2] == '\'' || (unsigned char)pe[-2] == 0x99); /* Trump's plan */
    /* participles as adjectives: "the expected result", "such expected backers";
     * "having said that" */
    if ((IN(q, i - 1, determiners) && form >= 2) || quotes_tok_is(q, i - 1, "such") ||
        quotes_tok_is(q, i - 1, "having"))
        return false;
    if ((c->flags & CUE_HOMOGRAPH) && form <= 1) {
        if (quotes_tok_is(q, i + 1, "that") && p->kind == QT_WORD &&
            !IN(q, i - 1, determiners) && !possessive_word(q, i - 1))
            return true; /* "a new poll shows that ...": a verb before its clause */
        bool name =
            p->kind == QT_WORD && (p->flags & QF_CAP) && !(p->flags & QF_SENT) && !poss;
        return name || quotes_tok_in(q, i - 1, pron, n_pron);
    }
    return true;
}

/* True when the cue at i is the -ing form ("adding"). */
static bool cue_is_ing(const qtext *q, size_t i) {
    const quotes_cue *c = cue_of(q, i);
    return c && quotes_tok_is(q, i, c->forms[4]);
}

static bool cue_is_participle(const qtext *q, size_t i) {
    const quotes_cue *c = cue_of(q, i);
    return c && quotes_tok_is(q, i, c->forms[3]);
}

/* A cue in its -ing form in the attribution [b, e) between two quoted parts
 * ('"A," he said, adding later, "B"'): the second part has an attribution of
 * its own and is not the rest of the first quotation. */
static bool second_cue(const qtext *q, size_t b, size_t e) {
    for (size_t i = b; i < e && i < q->n; i++) {
        const quotes_cue *c = cue_of(q, i);
        if (c && quotes_tok_is(q, i, c->forms[4]))
            return true;
    }
    return false;
}

/* Whether token i opens a phrasal cue of phrasal_cues with the next token. */
static bool phrasal_at(const qtext *q, size_t i) {
    if (i + 1 >= q->n || q->t[i + 1].e - q->t[i + 1].b > 7 || q->t[i].e - q->t[i].b < 4 ||
        !is_word(q, i))
        return false;
    /* particles start with f, o, a or t */
    unsigned char p0 = (unsigned char)q->text[q->t[i + 1].b] | 0x20;
    if (p0 != 'f' && p0 != 'o' && p0 != 'a' && p0 != 't')
        return false;
    size_t len = q->t[i].e - q->t[i].b;
    unsigned first = ((unsigned char)q->text[q->t[i].b] | 0x20) - 'a';
    /* the initials of the verbs of phrasal_cues: a, b, c, j, p, r, s, t, w */
    const uint32_t initials = 1u << ('a' - 'a') | 1u << ('b' - 'a') | 1u << ('c' - 'a') |
                              1u << ('j' - 'a') | 1u << ('p' - 'a') | 1u << ('r' - 'a') |
                              1u << ('s' - 'a') | 1u << ('t' - 'a') | 1u << ('w' - 'a');
    if (first >= 26 || !(initials & (1u << first)) || !IN(q, i + 1, phrasal_particles))
        return false;
    for (size_t k = 0; k < N_OF(phrasal_cues); k++) {
        /* cheap length and first-letter tests before any comparison */
        if (phrasal_cues[k].verb.n != len ||
            (unsigned)(phrasal_cues[k].verb.s[0] - 'a') != first)
            continue;
        if (quotes_tok_in(q, i, &phrasal_cues[k].verb, 1) &&
            quotes_tok_in(q, i + 1, &phrasal_cues[k].particle, 1))
            return true;
    }
    return false;
}

/* ---------------------------------------------------------------- output */

lede_status quotes_found_add(qfound_list *l, const qtext *q, size_t tb, size_t te,
                             lede_quote_type type, long sb, long se, long cb, long ce) {
    if (te <= tb || te > q->n)
        return LEDE_OK;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 32;
        qfound *v = arena_realloc(l->a, l->v, l->cap * sizeof *v, nc * sizeof *v);
        if (!v)
            return LEDE_ERR_NOMEM;
        l->v = v;
        l->cap = nc;
    }
    qfound *f = &l->v[l->n++];
    f->b = q->t[tb].b;
    f->e = q->t[te - 1].e;
    f->cb = q->t[tb].cb;
    f->ce = q->t[te - 1].ce;
    f->type = type;
    f->spk_b = (int32_t)sb;
    f->spk_e = (int32_t)se;
    f->cue_b = (int32_t)cb;
    f->cue_e = (int32_t)ce;
    f->inherit = -1;
    f->gap_cb = f->gap_ce = 0;
    f->conf = 1.0f;
    f->unsure = false;
    if (l->covered)
        memset(l->covered + tb, 1, te - tb);
    return LEDE_OK;
}

/* ---------------------------------------------------------- noun phrases */

/* The subject noun phrase ending just before `end` (exclusive), within the
 * sentence and after `floor`. Returns its first token or -1. */
static long subject_left(const qtext *q, size_t end, size_t floor) {
    if (end == 0 || end <= floor)
        return -1;
    size_t k = end - 1;
    if (IN(q, k, pronouns))
        return (long)k;
    long first = -1;
    size_t taken = 0;
    while (taken < SUBJECT_MAX_TOKENS) {
        if (first >= 0 && k >= floor + 3 && quotes_nickname_at(q, k - 2, end) &&
            is_cap(q, k - 3)) {
            k -= 3; /* Marcia "Cia" Price: the name goes on before its nickname */
            taken += 2;
            continue;
        }
        if (!is_word(q, k) || IN(q, k, subject_stops) || !same_sent(q, k, end - 1))
            break;
        if ((quotes_tok_is(q, k, "of") || quotes_tok_is(q, k, "for") ||
             quotes_tok_is(q, k, "at")) &&
            first < 0)
            break;
        first = (long)k;
        taken++;
        if ((q->t[k].flags & QF_SENT) || k == floor || k == 0)
            break;
        if (IN(q, k, determiners)) {
            /* "attorneys for the family": go on through the preposition */
            if (k >= floor + 2 &&
                (quotes_tok_is(q, k - 1, "of") || quotes_tok_is(q, k - 1, "for") ||
                 quotes_tok_is(q, k - 1, "at") || quotes_tok_is(q, k - 1, "in")) &&
                is_word(q, k - 2) && !IN(q, k - 2, subject_stops) &&
                same_sent(q, k - 2, end - 1)) {
                k -= 2;
                taken++;
                continue;
            }
            break;
        }
        k--;
    }
    if (first < 0)
        return -1;
    /* a phrase ending in "of"/"for"/"at" on its left edge is cut there */
    while ((size_t)first < end && (quotes_tok_is(q, (size_t)first, "of") ||
                                   quotes_tok_is(q, (size_t)first, "for") ||
                                   quotes_tok_is(q, (size_t)first, "at")))
        first++;
    return (size_t)first < end ? first : -1;
}

/* The noun phrase starting at `begin` (a subject after an inverted cue):
 * returns its end (exclusive), or begin when none. */
static size_t np_right(const qtext *q, size_t begin) {
    size_t k = begin;
    if (IN(q, k, pronouns))
        return k + 1;
    size_t taken = 0;
    while (k < q->n && taken < SUBJECT_MAX_TOKENS && is_word(q, k) &&
           same_sent(q, begin, k) && !IN(q, k, subject_stops) && !IN(q, k, time_words) &&
           !(k > begin && (q->t[k].flags & QF_PARA))) {
        if ((quotes_tok_is(q, k, "of") || quotes_tok_is(q, k, "for")) &&
            !(is_word(q, k + 1) && !IN(q, k + 1, subject_stops)))
            break;
        k++;
        taken++;
    }
    return k;
}

/* A lower-case adverb in -ly ("immediately", "quickly") between subject and cue. */
static bool is_ly_adverb(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    return t->kind == QT_WORD && !(t->flags & QF_CAP) && t->e - t->b > ADVERB_MIN_LEN &&
           q->text[t->e - 2] == 'l' && q->text[t->e - 1] == 'y';
}

/* Skips auxiliaries/adverbs leftwards from i (inclusive); returns the first
 * token that is not one, or (size_t)-1 when it ran out. */
static size_t skip_aux_left(const qtext *q, size_t i, size_t floor) {
    while (i > floor && !IN(q, i, pronouns)) {
        if (IN(q, i, aux_words) || IN(q, i, time_words) || is_ly_adverb(q, i) ||
            (IN(q, i, time_leads) && IN(q, i + 1, time_words)))
            i--;
        else
            break;
    }
    return i;
}

/* A word of a date: a number, a month, a weekday or a time word. */
static bool date_word(const qtext *q, size_t i) {
    return is_word(q, i) &&
           ((q->t[i].flags & QF_NUM) || IN(q, i, months) || IN(q, i, month_abbrevs) ||
            IN(q, i, time_words) || IN(q, i, time_leads));
}

/* A time phrase ending at token k ("in 2001", "in late August", "on Aug. 5")
 * between a subject and its cue: returns the token before its preposition,
 * auxiliaries and adverbs before it skipped too, or k when there is none. */
static size_t skip_time_left(const qtext *q, size_t k, size_t floor) {
    size_t i = k, n = 0;
    bool date = false;
    while (i > floor && n < TIME_PHRASE_MAX_TOKENS && date_word(q, i) &&
           !IN(q, i, time_preps)) {
        date |= (q->t[i].flags & QF_NUM) || IN(q, i, months) || IN(q, i, month_abbrevs);
        i--, n++;
    }
    if (!date || i <= floor || !IN(q, i, time_preps) || !is_word(q, i - 1) ||
        !same_sent(q, i - 1, k))
        return k;
    return skip_aux_left(q, i - 1, floor);
}

/* "One of the doctors who signed the letter called him a quack": a subject
 * found at s that closes a relative clause ("who signed the letter") belongs
 * to it; the antecedent before "who" is the subject of the cue. The clause's
 * verb must not report speech itself ("the aide who said the letter ..."). */
static long relative_antecedent(const qtext *q, long s, size_t floor, size_t *who) {
    for (size_t i = (size_t)s, n = 0; i > floor + 1 && n < RELATIVE_MAX_WORDS; i--, n++) {
        size_t w = i - 1;
        if (!is_word(q, w) || !same_sent(q, w, (size_t)s))
            return -1;
        if (quotes_tok_is(q, w, "who")) {
            if (w + 1 >= (size_t)s || q->t[w + 1].cue >= 0)
                return -1;
            *who = w;
            return subject_left(q, w, floor);
        }
        if (q->t[w].cue >= 0)
            return -1;
    }
    return -1;
}

/* A lower-case -ing word that is no cue: a participle ("marching"). */
static bool ing_participle(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    return is_word(q, i) && !(t->flags & QF_CAP) && t->cue < 0 &&
           t->e - t->b > ING_MIN_LEN && !memcmp(q->text + t->e - 3, "ing", 3);
}

/* "Students marching through the square chanted", "a man wearing a cap
 * said": a subject found at s that is the object of a participle phrase
 * modifying the real subject; the noun phrase before the participle is it.
 * *at is set to the participle. */
static long participle_antecedent(const qtext *q, long s, size_t floor, size_t *at) {
    size_t p = (size_t)s;
    if (p > floor + 1 && IN(q, p - 1, participle_preps))
        p--;
    /* a noun before the participle, not a determiner ("during the hearing
     * the panel said": "hearing" is the noun) */
    if (p <= floor + 1 || !ing_participle(q, p - 1) || !is_word(q, p - 2) ||
        IN(q, p - 2, determiners) || IN(q, p - 2, subject_stops) ||
        IN(q, p - 2, not_clause_starts) || IN(q, p - 2, possessive_pronouns))
        return -1;
    long a = subject_left(q, p - 1, floor);
    /* the noun phrase opens its clause: "After the long meeting the mayor
     * said" has no participle phrase */
    if (a < 0 || ((size_t)a > floor && !(q->t[a].flags & QF_SENT) &&
                  is_word(q, (size_t)a - 1) && !IN(q, (size_t)a - 1, clause_links)))
        return -1;
    *at = p - 1;
    return a;
}

/* "Tom Hale, the chief engineer of the port, one of the oldest, said": the
 * name before one or two descriptions set off by commas; `comma` opens the
 * last of them. The name opens its clause ("In Paris, the police chief, a
 * former soldier, said" names nobody). */
static bool name_before_appositions(const qtext *q, size_t comma, size_t floor, long *sb,
                                    long *se) {
    for (int d = 0; d < 2 && comma > floor + 1; d++) {
        if (is_cap(q, comma - 1)) {
            long s = subject_left(q, comma, floor);
            bool opens = s >= 0 && ((size_t)s == floor || (q->t[s].flags & QF_SENT) ||
                                    q->t[s - 1].kind != QT_WORD);
            if (!opens || !is_cap(q, (size_t)s))
                return false;
            *sb = s;
            *se = (long)comma;
            return true;
        }
        size_t j = comma, steps = 0;
        while (j > floor + 1 && steps < 2 * SUBJECT_MAX_TOKENS &&
               !is_punct(q, j - 1, ',') && same_sent(q, j - 1, comma))
            j--, steps++;
        if (!is_punct(q, j - 1, ','))
            return false;
        comma = j - 1;
    }
    return false;
}

/* Resolves the subject of the cue at c: [*sb, *se). Handles an apposition
 * between commas ("Smith, the campaign chairman, said"). */
static bool subject_of(const qtext *q, size_t c, size_t floor, long *sb, long *se) {
    if (c == 0 || c <= floor)
        return false;
    if (cue_is_ing(q, c) && IN(q, c - 1, ing_preps))
        return false; /* "aside from saying": the clause's subject speaks */
    /* a time phrase right before the cue first: "in late May found" (May is
     * no auxiliary there) */
    size_t k = skip_time_left(q, c - 1, floor);
    if (k == c - 1)
        k = skip_time_left(q, skip_aux_left(q, c - 1, floor), floor);
    if (k < floor || !same_sent(q, k, c))
        return false;
    if (is_punct(q, k, ')')) {
        /* "Rep. Gwen Moore (D-Wis.) said": the subject is before the brackets */
        size_t j = k, steps = 0;
        while (j > floor && steps < SUBJECT_MAX_TOKENS && !is_punct(q, j, '('))
            j--, steps++;
        if (!is_punct(q, j, '(') || j <= floor)
            return false;
        long s = subject_left(q, j, floor);
        if (s < 0)
            return false;
        *sb = s;
        *se = (long)(k + 1);
        return true;
    }
    if (q->t[k].kind == QT_DASH && k > floor + 1) {
        /* "Kall -- co-editor of a book on the debates -- said": the name
         * before a description set off by dashes */
        size_t j = k - 1, steps = 0;
        while (j > floor && steps < DASH_APPOSITION_MAX_TOKENS &&
               q->t[j].kind != QT_DASH && same_sent(q, j, c))
            j--, steps++;
        if (q->t[j].kind != QT_DASH || j <= floor || j + 1 >= k || !is_cap(q, j - 1))
            return false;
        long s = subject_left(q, j, floor);
        /* the name opens its clause: not the end of a comma apposition */
        if (s < 0 || ((size_t)s > floor && !(q->t[s].flags & QF_SENT) &&
                      q->t[s - 1].kind != QT_WORD))
            return false;
        *sb = s;
        *se = (long)j;
        return true;
    }
    if (is_punct(q, k, ',') && k > floor) {
        /* apposition: find the comma that opens it */
        size_t j = k;
        size_t steps = 0;
        while (j > floor && steps < APPOSITION_MAX_TOKENS && !is_punct(q, j - 1, ',') &&
               same_sent(q, j - 1, c)) {
            j--;
            steps++;
        }
        /* a long apposition is a description opened by a determiner ("a
         * Republican from the coast who ..."), not a list of places */
        if (steps >= 2 * SUBJECT_MAX_TOKENS && !IN(q, j, determiners))
            return false;
        if (j > floor + 1 && is_punct(q, j - 1, ',')) {
            size_t ne = j - 1; /* end of the name before the apposition */
            size_t n = ne;
            if (is_punct(q, n - 1, ')')) { /* "Rep. Jim Jordan (R-Ohio), a member," */
                while (n > floor + 1 && !is_punct(q, n - 1, '('))
                    n--;
                n = n > floor + 1 ? n - 1 : ne;
            }
            long s = subject_left(q, n, floor);
            if (s >= 0 && is_cap(q, n - 1)) {
                /* "Scott Pruitt, the attorney general of Oklahoma, one of the
                 * states suing, said": a description between commas after a
                 * name is a first apposition; the name is the subject */
                long name = -1;
                if (!is_cap(q, (size_t)s) && (size_t)s > floor + 1 &&
                    is_punct(q, (size_t)s - 1, ',') && is_cap(q, (size_t)s - 2))
                    name = subject_left(q, (size_t)s - 1, floor);
                *sb = name >= 0 ? name : s;
                *se = (long)ne;
                return true;
            }
            /* "the state's campaign chairman, Phil Lovas, said": the name is
             * the apposition itself, after any title or description ("state
             * Del. Marcia Price") and before any brackets ("(D-Va.)") */
            size_t ae = k;
            if (is_punct(q, ae - 1, ')')) {
                while (ae > j + 1 && !is_punct(q, ae - 1, '('))
                    ae--;
                ae = ae > j + 1 ? ae - 1 : k;
            }
            s = subject_left(q, ae, j);
            /* 'state Del. Marcia "Cia" Price': a nickname before the
             * surname is part of the name */
            bool named = is_cap(q, j) || (ae >= j + 2 && is_cap(q, ae - 2)) ||
                         (ae >= j + 4 && quotes_nickname_at(q, ae - 4, ae));
            if (s == (long)j && is_cap(q, ae - 1) && named) {
                long d = subject_left(q, j - 1, floor);
                *sb = d >= 0 ? d : s;
                *se = (long)ae;
                return true;
            }
            if (name_before_appositions(q, ne, floor, sb, se))
                return true;
        }
        return false;
    }
    long s = subject_left(q, k + 1, floor);
    if (s < 0)
        return false;
    size_t who;
    long a = relative_antecedent(q, s, floor, &who);
    if (a < 0)
        a = participle_antecedent(q, s, floor, &who);
    *sb = a >= 0 ? a : s;
    *se = a >= 0 ? (long)who : (long)(k + 1);
    return true;
}

/* ---------------------------------------------------------- pass 1: marks */

/* Attribution right after a quote's closing mark at `close`: fills speaker and
 * cue, returns the token after the attribution, or 0 when there is none. */
static size_t attr_after(const qtext *q, size_t close, long *sb, long *se, long *cb) {
    size_t j = close + 1;
    if (j >= q->n || (q->t[j].flags & QF_PARA))
        return 0;
    if (q->t[j].kind == QT_DASH) {
        /* "..." ― Carlos Raúl (a signature line) */
        size_t e = j + 1;
        while (e < q->n && is_cap(q, e) && !(q->t[e].flags & QF_PARA) && e < j + 5)
            e++;
        if (e > j + 1 && (e >= q->n || (q->t[e].flags & QF_PARA) || is_terminal(q, e))) {
            *sb = (long)(j + 1);
            *se = (long)e;
            *cb = (long)j;
            return e;
        }
        return 0;
    }
    size_t cue = 0, run_end = 0;
    bool found = false;
    size_t k = j;
    for (; k < q->n; k++) {
        if (!found && k >= j + ATTR_MAX_TOKENS)
            return 0;
        const qtok *t = &q->t[k];
        if (k > j && is_cap(q, k - 1) && quotes_nickname_at(q, k, q->n)) {
            k += 2; /* '"...," Marcia "Cia" Price said': a name goes on */
            continue;
        }
        if ((k > j && (t->flags & QF_PARA)) || is_terminal(q, k) ||
            t->kind == QT_DQUOTE || t->kind == QT_SQUOTE || is_punct(q, k, ';') ||
            is_punct(q, k, ':'))
            break;
        if (!is_word(q, k)) {
            if (!run_end)
                run_end = k;
            continue;
        }
        const quotes_cue *c = cue_of(q, k);
        if (c && !found && !(c->flags & CUE_QUOTED) &&
            verb_here(q, k, pronouns, N_OF(pronouns)) &&
            !(k > j && cue_is_participle(q, k - 1))) {
            cue = k;
            found = true;
        }
    }
    size_t end = k;
    if (!run_end)
        run_end = k;
    if (!found) {
        /* "..., Smith quipped." — an unlisted verb in the past tense after a
         * capitalised name or a pronoun, ending the clause */
        size_t v = run_end - 1;
        if (run_end >= j + 2 && run_end - j <= 4 && q->t[v].e - q->t[v].b > 3 &&
            !memcmp(q->text + q->t[v].e - 2, "ed", 2) && !(q->t[v].flags & QF_CAP) &&
            (is_cap(q, v - 1) || IN(q, v - 1, pronouns))) {
            cue = v;
            found = true;
        } else {
            return 0;
        }
    }
    if (cue == j || (cue == j + 1 && IN(q, j, aux_words))) {
        /* inverted: said Smith */
        size_t ne = np_right(q, cue + 1);
        if (ne == cue + 1)
            return 0;
        *sb = (long)(cue + 1);
        *se = (long)ne;
    } else {
        long s, e;
        if (!subject_of(q, cue, j, &s, &e) || s != (long)j)
            return 0;
        *sb = s;
        *se = e;
    }
    *cb = (long)cue;
    return end;
}

/* Whether the mark at `open` starts a clause: sentence start, or after , : ( or
 * a dash — not a quoted phrase inside the reporter's words. */
static bool opens_clause(const qtext *q, size_t open) {
    if ((q->t[open].flags & QF_SENT) || open == 0)
        return true;
    size_t p = open - 1;
    return is_punct(q, p, ',') || is_punct(q, p, ':') || is_punct(q, p, '(') ||
           q->t[p].kind == QT_DASH;
}

/* Attribution right before a quote's opening mark at `open`. */
/* Tokens back from the mark an introduction without a reporting verb is
 * searched for ("As Rosenthal recently put it,", "Sanders made the following
 * comment:"). */
#define INTRO_MAX_TOKENS 10

/* Introductions of a quote with no verb of the cue table, whose last word
 * k comes before the comma or colon: "as X put it," (the subject of "put" speaks) and "X
 * made the following statement:" (a speech noun before the colon; the subject of the
 * sentence speaks). */
static bool intro_without_verb(const qtext *q, size_t k, bool colon, long *sb, long *se,
                               long *cb) {
    static const qword intro_nouns[] = {
        W("comment"), W("comments"), W("statement"), W("remarks"), W("remark"),
        W("words"),   W("message"),  W("response"),  W("reply"),   W("answer"),
        W("warning"), W("tweet"),    W("post"),      W("note"),    W("explanation")};
    if (k >= q->n) /* the comma or colon opens the text: no word before it */
        return false;
    size_t first = q->sent_begin[q->t[k].sent];
    for (size_t i = k + 1; i > first && k + 1 - i < INTRO_MAX_TOKENS; i--) {
        size_t w = i - 1;
        if (!colon && quotes_tok_is(q, w, "put") && quotes_tok_is(q, w + 1, "it")) {
            long s, e;
            if (subject_of(q, w, first, &s, &e) && s > (long)first &&
                quotes_tok_is(q, (size_t)s - 1, "as")) {
                *sb = s;
                *se = e;
                *cb = (long)w;
                return true;
            }
            return false;
        }
        if (colon && IN(q, w, intro_nouns) && w == k) {
            size_t b, e;
            if (!quotes_clause_subject(q, w, &b, &e))
                return false;
            *sb = (long)b;
            *se = (long)e;
            *cb = (long)w;
            return true;
        }
    }
    return false;
}

/* Prepositions that open a phrase, not a subject: "From the report:". */
static const qword opening_preps[] = {W("from"),  W("in"),    W("on"),     W("at"),
                                      W("with"),  W("for"),   W("by"),     W("after"),
                                      W("as"),    W("of"),    W("before"), W("during"),
                                      W("under"), W("among"), W("like"),   W("unlike")};
/* A word written in capitals only ("RED", "STATES"): headlines. */
static bool all_caps(const qtext *q, size_t i) {
    size_t upper = 0;
    for (uint32_t b = q->t[i].b; b < q->t[i].e; b++) {
        unsigned char ch = (unsigned char)q->text[b];
        if (ch >= 'a' && ch <= 'z')
            return false;
        upper += ch >= 'A' && ch <= 'Z';
    }
    return upper > 1;
}

/* "She then addressed the crowd again: "Here is what I want."": a clause
 * that ends in a colon before a quoted sentence introduces it, and its
 * subject (a name or pronoun opening the clause, quotes_clause_subject) is
 * the speaker. k is the token before the colon, open the quote's mark; the
 * quote must open with a capitalised word (a sentence, not a term), the
 * clause is words only (no opening phrase set off by a comma: "In Aspen,
 * Colo., she ended with:", "Pollsters agree - Carl Bialik:"), and its subject opens it
 * and is followed by a lower-case word ("She then addressed", not a headline in
 * capitals). */
static bool colon_clause_subject(const qtext *q, size_t k, size_t open, long *sb,
                                 long *se, long *cb) {
    size_t b, e;
    if (open + 1 >= q->n || !is_cap(q, open + 1) || !same_para(q, k, open))
        return false;
    size_t first = q->sent_begin[q->t[k].sent];
    while (first < k && q->t[first].kind != QT_WORD)
        first++;
    for (size_t i = first; i <= k; i++)
        if (q->t[i].kind != QT_WORD)
            return false; /* a quotation, an opening phrase set off by a comma,
                             a heading before a dash */
    if (IN(q, first, opening_preps) || !quotes_clause_subject(q, k, &b, &e) ||
        b != first || e >= k || is_cap(q, e) || !is_word(q, e) || all_caps(q, b))
        return false;
    *sb = (long)b;
    *se = (long)e;
    *cb = (long)k + 1; /* the colon */
    return true;
}

static bool attr_before(const qtext *q, size_t open, long *sb, long *se, long *cb,
                        bool *partial) {
    if (open == 0)
        return false;
    size_t k = open - 1;
    bool colon = is_punct(q, k, ':');
    if (!same_para(q, k, open) && !colon)
        return false;
    *partial = false;
    bool punctuated = colon || is_punct(q, k, ',') || q->t[k].kind == QT_DASH;
    if (punctuated)
        k--;
    else if (!is_word(q, k))
        return false;
    size_t c = k;
    if (punctuated) {
        /* "said in a statement Monday:" — any few words between cue and mark */
        size_t steps = 0;
        while (c > 0 && steps < THAT_WINDOW && !cue_of(q, c) && is_word(q, c) &&
               same_sent(q, c, k)) {
            c--;
            steps++;
        }
    } else {
        /* 'said "..."' or 'said that "..."', and the quote must end the sentence */
        if (quotes_tok_is(q, c, "that") && c > 0) {
            *partial = true;
            c--;
        }
        size_t s_end = 0;
        for (size_t i = open; i < q->n && q->t[i].sent == q->t[open].sent; i++)
            s_end = i;
        bool ends_sentence = false;
        for (size_t i = open + 1; i <= s_end; i++)
            if ((q->t[i].kind == QT_DQUOTE || q->t[i].kind == QT_SQUOTE) &&
                (q->t[i].flags & QF_CLOSE))
                ends_sentence = s_end - i <= 1;
        if (!ends_sentence)
            return false;
    }
    const quotes_cue *cue =
        verb_here(q, c, pronouns, N_OF(pronouns)) ? cue_of(q, c) : NULL;
    if ((!cue || !is_word(q, c) || !same_sent(q, c, k)) && punctuated &&
        intro_without_verb(q, k, colon, sb, se, cb))
        return true;
    if (!cue || !is_word(q, c) || !same_sent(q, c, k)) {
        /* "Smith: "..."" (a headline convention) */
        if (colon && is_cap(q, k)) {
            long s = subject_left(q, k + 1, 0);
            if (s >= 0 && (q->t[s].flags & QF_SENT)) {
                *sb = s;
                *se = (long)(k + 1);
                *cb = -1;
                return true;
            }
        }
        return colon && colon_clause_subject(q, k, open, sb, se, cb);
    }
    if (cue_is_participle(q, c) && c > 0 && IN(q, c - 1, passive_words))
        return false;
    if (c < k) {
        /* words between cue and quote: only time words, a hearer or "that" */
        for (size_t i = c + 1; i <= k; i++)
            if (quotes_tok_is(q, i, "that"))
                *partial = true;
    }
    if ((q->t[c].flags & QF_SENT) && np_right(q, c + 1) > c + 1) {
        /* Said Ellis: "..." */
        *sb = (long)(c + 1);
        *se = (long)np_right(q, c + 1);
    } else if (!subject_of(q, c, 0, sb, se)) {
        if (colon && colon_clause_subject(q, k, open, sb, se, cb)) {
            *cb = (long)c; /* "He went on to say: ..." */
            return true;
        }
        if (!(cue_is_ing(q, c) && c > 0 && is_punct(q, c - 1, ',')))
            return false;
        *sb = *se = -1; /* ", adding: ..." — speaker from the sentence */
    }
    *cb = (long)c;
    return true;
}

/* Whole quoted sentences: the mark at `open` starts a sentence and the one at
 * `close` ends it. */
static bool span_is_sentence(const qtext *q, const qspan *s) {
    bool starts = (q->t[s->open].flags & QF_SENT) != 0;
    size_t after = s->close + 1;
    bool ends =
        after >= q->n || (q->t[after].flags & QF_SENT) || (q->t[after].flags & QF_PARA);
    return starts && ends;
}

static lede_status pass_marks(const qtext *q, const qspan *spans, size_t n_spans,
                              uint8_t *used, uint8_t *claimed, qfound_list *out) {
    for (size_t i = 0; i < n_spans; i++) {
        const qspan *s = &spans[i];
        if (claimed[i] || s->words == 0)
            continue;
        long sb = -1, se = -1, cb = -1;
        size_t after = attr_after(q, s->close, &sb, &se, &cb);
        size_t last_close = s->close;
        if (after) {
            /* needs the quote to end like speech: , ? ! — or … before the mark */
            size_t p = s->close - 1;
            bool speech_end = q->t[p].kind == QT_DASH || is_punct(q, p, ',') ||
                              is_punct(q, p, '?') || is_punct(q, p, '!') ||
                              is_punct(q, p, '.') ||
                              (q->t[p].e - q->t[p].b == 3 && q->t[p].kind == QT_PUNCT);
            if (!speech_end && !(s->words > SCARE_MAX_WORDS && is_punct(q, after, '.')))
                after = 0;
            /* '"... the timing." Gov. Pat McCrory said the video would be
             * released': after a quote closed by a full stop, a cue with a
             * clause of its own starts the next sentence's attribution */
            size_t from = (size_t)(se > cb ? se : cb + 1);
            if (after && is_punct(q, p, '.') && !tail_only(q, from, after))
                after = 0;
            /* 'on CBS's "Face the Nation," Ryan said ...': a short quoted title
             * inside the reporter's words is not what was said */
            if (!opens_clause(q, s->open) && s->words <= SCARE_MAX_WORDS)
                after = 0;
        }
        if (after) {
            for (size_t k = s->close + 1; k <= (size_t)cb; k++)
                used[k] = 1;
            claimed[i] = 1;
            size_t first = s->open;
            lede_quote_type type = LEDE_QUOTE_DIRECT;
            if (!opens_clause(q, s->open)) {
                /* 'Mills "got an immunity deal," Jordan said': the reporter's
                 * words before the quote belong to the reported content */
                first = q->sent_begin[q->t[s->open].sent];
                type = LEDE_QUOTE_PARTIAL;
            }
            size_t gap = 0;
            if (after < q->n && is_open_dq(q, after) && is_punct(q, after - 1, ',') &&
                i + 1 < n_spans && spans[i + 1].open == after &&
                same_para(q, after - 1, after) && !second_cue(q, (size_t)cb + 1, after)) {
                /* "...," he said, "..." — the quote goes on after its attribution */
                gap = i + 1;
                last_close = spans[i + 1].close;
                claimed[i + 1] = 1;
            } else if (is_terminal(q, after) && i + 1 < n_spans &&
                       spans[i + 1].open == after + 1 && same_para(q, after, after + 1)) {
                /* "...," he said. "..." — the next quoted sentence of the
                 * paragraph goes on with the same quotation unless it has its
                 * own attribution */
                long xs, xe, xc;
                if (!attr_after(q, spans[i + 1].close, &xs, &xe, &xc)) {
                    gap = i + 1;
                    last_close = spans[i + 1].close;
                    claimed[i + 1] = 1;
                }
            }
            lede_status st = quotes_found_add(out, q, first, last_close + 1, type, sb, se,
                                              cb, cb >= 0 ? cb + 1 : -1);
            if (st != LEDE_OK)
                return st;
            if (gap) { /* the attribution between the two parts is not quoted */
                out->v[out->n - 1].gap_cb = q->t[s->close].ce;
                out->v[out->n - 1].gap_ce = q->t[spans[gap].open].cb;
            }
            continue;
        }
        bool partial = false;
        if (attr_before(q, s->open, &sb, &se, &cb, &partial)) {
            const quotes_cue *c = cb >= 0 ? cue_of(q, (size_t)cb) : NULL;
            if (c && (c->flags & CUE_QUOTED))
                continue; /* "called it a 'disgrace'": the sentence pass takes it */
            if (cb >= 0)
                used[cb] = 1;
            claimed[i] = 1;
            size_t close = s->close;
            /* "Smith said: "A. B." "C."" inside one paragraph: one quote */
            lede_status st =
                quotes_found_add(out, q, s->open, close + 1,
                                 partial ? LEDE_QUOTE_PARTIAL : LEDE_QUOTE_DIRECT, sb, se,
                                 cb, cb >= 0 ? cb + 1 : -1);
            if (st != LEDE_OK)
                return st;
        }
    }
    return LEDE_OK;
}

/* -------------------------------------------------------- pass 2: speech */

/* A word ending in a possessive 's ("Trump's", "Trump’s"). */
static bool possessive_word(const qtext *q, size_t i) {
    if (i >= q->n || q->t[i].kind != QT_WORD)
        return false;
    const qtok *t = &q->t[i];
    const char *e = q->text + t->e;
    return t->e - t->b > 2 && (e[-1] == 's' || e[-1] == 'S') &&
           (e[-2] == '\'' || (t->e - t->b > 4 && !memcmp(e - 4, "\xE2\x80\x99", 3)));
}

/* Skips time phrases from j: "Monday", "on Monday", "last week", "on Sept. 3". */
static size_t skip_time(const qtext *q, size_t j, size_t send) {
    while (j < send) {
        if (IN(q, j, time_words))
            j++;
        else if (IN(q, j, time_leads) && j + 1 < send &&
                 (IN(q, j + 1, time_words) ||
                  (quotes_tok_is(q, j, "on") &&
                   (q->t[j + 1].flags & (QF_NUM | QF_ABBREV)))))
            j += 2;
        else
            break;
    }
    return j;
}

/* Whether the cue at c is negated ("did not say", "declined to comment"). */
bool quotes_cue_negated(const qtext *q, size_t c) {
    if (c >= 1 && IN(q, c - 1, negations))
        return true;
    if (c >= 2 && IN(q, c - 2, negations) &&
        (quotes_tok_is(q, c - 1, "to") || IN(q, c - 1, aux_words)))
        return true;
    return false;
}

/* Token after the reported clause's "that", or after skippable time words. */
bool quotes_hearer_opens(const qtext *q, size_t i) {
    return IN(q, i, object_pronouns) || IN(q, i, determiners) || is_cap(q, i);
}

/* Most words of a hearer phrase after "to" ("to the crowd", "to reporters"). */
#define HEARER_MAX_WORDS 4

/* Whether "to" at i opens a hearer that closes the clause: "shouted to the
 * crowd.", "said to reporters." — a pronoun, a determiner or a capitalised
 * word, at most a few words, then the end. Nothing is reported there ("to"
 * before a verb, "promised to leave", is not a hearer). */
static bool hearer_ends_clause(const qtext *q, size_t i, size_t send) {
    if (!quotes_tok_is(q, i, "to") || i + 1 >= send)
        return false;
    size_t k = i + 1;
    if (!quotes_hearer_opens(q, k))
        return false;
    size_t words = 0;
    while (k < send && is_word(q, k) && !cue_of(q, k) && !quotes_tok_is(q, k, "that"))
        k++, words++;
    return words <= HEARER_MAX_WORDS && (k >= send || is_terminal(q, k));
}

static size_t content_start(const qtext *q, size_t c, size_t send,
                            const quotes_cue *cue) {
    size_t j = c + 1;
    if (hearer_ends_clause(q, j, send))
        return send;
    for (size_t k = j; k < send && k < j + THAT_WINDOW; k++) {
        if (quotes_tok_is(q, k, "that"))
            return k + 1;
        bool title_mark = (cue->flags & CUE_OBJECT) &&
                          (q->t[k].kind == QT_DQUOTE || q->t[k].kind == QT_SQUOTE);
        if (!is_word(q, k) && !is_punct(q, k, ',') && !title_mark)
            break; /* a hearer may be a quoted title: told "Morning Joe" that */
        if (cue_of(q, k))
            break;
    }
    if (cue->flags & CUE_OBJECT) {
        if (IN(q, j, question_words))
            return j; /* "asked whether the plan would pass" */
        if (IN(q, j, object_pronouns))
            j++;
        else if (is_cap(q, j) || IN(q, j, determiners)) {
            j++;
            while (j < send && is_word(q, j) && !IN(q, j, time_words) &&
                   ((q->t[j].flags & QF_CAP) || IN(q, j - 1, determiners)))
                j++;
        } else if (!(cue->flags & CUE_CLAUSE)) {
            return send; /* "told" needs its hearer; "warned that" does not */
        }
    }
    j = skip_time(q, j, send);
    if (is_punct(q, j, ',') || is_punct(q, j, ':'))
        j++;
    return j;
}

/* End of the sentence's content: before its final punctuation, but through a
 * closing quote that follows it. */
static size_t content_end(const qtext *q, size_t sb, size_t se) {
    size_t e = se;
    while (e > sb && (q->t[e - 1].kind == QT_DQUOTE || q->t[e - 1].kind == QT_SQUOTE) &&
           (q->t[e - 1].flags & QF_CLOSE)) {
        return e; /* quoted ending: keep "...end.”" whole */
    }
    while (e > sb &&
           (is_terminal(q, e - 1) || is_punct(q, e - 1, ';') || is_punct(q, e - 1, ':')))
        e--;
    return e;
}

static size_t count_words(const qtext *q, size_t b, size_t e) {
    size_t n = 0;
    for (size_t i = b; i < e; i++)
        n += q->t[i].kind == QT_WORD;
    return n;
}

/* Index of the first span with open >= tok. */
static size_t span_at(const qspan *spans, size_t n, size_t tok) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (spans[mid].open < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Claims the unclaimed spans inside [b, e); returns whether any quoted words
 * lie inside. */
static bool claim_inside(const qspan *spans, size_t n, uint8_t *claimed, size_t b,
                         size_t e) {
    bool any = false;
    for (size_t i = span_at(spans, n, b); i < n && spans[i].open < e; i++) {
        if (spans[i].close < e) {
            claimed[i] = 1;
            any = true;
        }
    }
    return any;
}

/* True when [b, e) holds a span already attributed (pass 1). */
/* Whether tokens [b, e) overlap a content found already (through the
 * list's coverage marks: no walk over the list). */
static bool overlaps_found(const qfound_list *l, const qtext *q, size_t b, size_t e) {
    (void)q;
    for (size_t i = b; i < e; i++)
        if (l->covered[i])
            return true;
    return false;
}

/* Whether token i lies inside a quoted span (its marks included). */
static bool inside_span(const qspan *spans, size_t n, size_t i) {
    size_t k = span_at(spans, n, i + 1);
    return k > 0 && spans[k - 1].close >= i;
}

static lede_status emit_content(const qtext *q, const qspan *spans, size_t n_spans,
                                uint8_t *claimed, qfound_list *out, size_t b, size_t e,
                                long sb, long se, long cb, long ce, size_t min_words) {
    while (b < e && (is_punct(q, b, ',') || is_punct(q, b, ':')))
        b++; /* "say that, in addition, ..." */
    if (e <= b || count_words(q, b, e) < min_words || overlaps_found(out, q, b, e))
        return LEDE_OK;
    bool quoted = claim_inside(spans, n_spans, claimed, b, e);
    return quotes_found_add(
        out, q, b, e, quoted ? LEDE_QUOTE_PARTIAL : LEDE_QUOTE_INDIRECT, sb, se, cb, ce);
}

/* A reported clause: at least CONTENT_MIN_WORDS words. */
static lede_status emit_speech(const qtext *q, const qspan *spans, size_t n_spans,
                               uint8_t *claimed, qfound_list *out, size_t b, size_t e,
                               long sb, long se, long cb, long ce) {
    return emit_content(q, spans, n_spans, claimed, out, b, e, sb, se, cb, ce,
                        CONTENT_MIN_WORDS);
}

/* "according to X, ..." at the start and "..., according to X." at the end. */
static lede_status according_to(const qtext *q, const qspan *spans, size_t n_spans,
                                uint8_t *claimed, qfound_list *out, size_t a, size_t sb,
                                size_t se) {
    size_t ne = np_right(q, a + 2);
    if (ne == a + 2)
        return LEDE_OK;
    size_t cend = content_end(q, sb, se);
    if (a == sb || (a == sb + 1 && !is_word(q, sb))) {
        /* "According to a new report by the agency, ...": the source runs to
         * the first comma */
        for (size_t k = ne;
             !is_punct(q, ne, ',') && k < cend && k < a + 2 + ATTR_MAX_TOKENS; k++)
            if (is_punct(q, k, ','))
                ne = k;
            else if (!is_word(q, k))
                break;
        if (!is_punct(q, ne, ','))
            return LEDE_OK;
        return emit_speech(q, spans, n_spans, claimed, out, ne + 1, cend, (long)a + 2,
                           (long)ne, (long)a, (long)a + 2);
    }
    /* "..., according to X" also when more follows X ("..., according to the
     * agency, and ..."): the content is the clause before the comma */
    if (a > sb + 1 && (is_punct(q, a - 1, ',') || q->t[a - 1].kind == QT_DASH))
        return emit_speech(q, spans, n_spans, claimed, out, sb, a - 1, (long)a + 2,
                           (long)ne, (long)a, (long)a + 2);
    return LEDE_OK;
}

/* End of a reported clause starting at b: before a semicolon, or before the
 * next attribution of the sentence (", citing ...", "... and said ...",
 * "— and he noted ...", ", but critics say ..."), else the sentence's end. */
static size_t clause_end(const qtext *q, const qspan *spans, size_t n_spans, size_t b,
                         size_t cend) {
    for (size_t k = b + 1; k < cend; k++) {
        if (is_punct(q, k, ';'))
            return k;
        if (!cue_of(q, k) || inside_span(spans, n_spans, k) || quotes_cue_negated(q, k))
            continue;
        size_t j = skip_aux_left(q, k - 1, b), aux_start = j;
        if (j <= b)
            continue;
        long s, e;
        if (!is_punct(q, j, ',') && q->t[j].kind != QT_DASH && !IN(q, j, clause_links) &&
            subject_of(q, k, b, &s, &e) && (size_t)s > b + 1)
            j = (size_t)s - 1;
        if (IN(q, j, clause_links) && j > b + 1 &&
            (is_punct(q, j - 1, ',') || q->t[j - 1].kind == QT_DASH))
            j--;
        /* "... and said", "... and repeatedly says": only auxiliaries and
         * adverbs between the link and the cue */
        bool linked = IN(q, j, clause_links) && (cue_of(q, j + 1) || j == aux_start);
        if (j > b + 1 && (is_punct(q, j, ',') || q->t[j].kind == QT_DASH || linked))
            return j;
    }
    return cend;
}

/* Only tail words (time words, a short prepositional phrase) from i to e. */
static bool tail_only(const qtext *q, size_t i, size_t e) {
    static const qword clause_words[] = {W("he"), W("she"), W("they"), W("it"),
                                         W("we"), W("i"),   W("had"),  W("have")};
    size_t words = 0;
    for (size_t k = i; k < e; k++) {
        /* a subject pronoun or a finite verb makes a clause: "announced it had
         * reached its goal" */
        if (cue_of(q, k) || quotes_tok_is(q, k, "that") || IN(q, k, clause_words) ||
            IN(q, k, finite_aux))
            return false;
        if (is_word(q, k))
            words++;
        else if (!is_punct(q, k, ','))
            return false;
    }
    return words <= TAIL_MAX_WORDS;
}

/* A lower-case past-tense verb outside the cue table ("stressed", "ensured")
 * followed by "that" and the start of a clause (a pronoun, a determiner or a
 * name). */
static bool verb_before_that(const qtext *q, size_t c) {
    if (c + 2 >= q->n || q->t[c].kind != QT_WORD || (q->t[c].flags & (QF_CAP | QF_NUM)))
        return false;
    const char *e = q->text + q->t[c].e;
    size_t n = q->t[c].e - q->t[c].b;
    /* past tense only: a plural noun before a relative "that" ("signs that",
     * "years that") looks like an -s verb */
    bool finite = n > 4 && e[-2] == 'e' && e[-1] == 'd';
    if (!finite || !quotes_tok_is(q, c + 1, "that"))
        return false;
    size_t k = c + 2;
    return IN(q, k, pronouns) || IN(q, k, determiners) ||
           (is_cap(q, k) && !(q->t[k].flags & QF_SENT));
}

/* Words that open an adjunct after an object: "praised the plan during a
 * rally", "endorsed her on Thursday, ...". */
static const qword adjunct_leads[] = {
    W("during"),  W("while"),     W("when"),    W("after"),    W("before"),
    W("because"), W("since"),     W("though"),  W("although"), W("amid"),
    W("despite"), W("following"), W("whereas"), W("until"),
};

/* End of the object of a stance cue starting at b: the noun phrase and its
 * complements, before a comma, an adjunct or a time phrase. */
static size_t object_end(const qtext *q, const qspan *spans, size_t n_spans, size_t b,
                         size_t ce) {
    for (size_t k = b + 1; k < ce; k++) {
        if (inside_span(spans, n_spans, k))
            continue;
        if (IN(q, k, adjunct_leads) || skip_time(q, k, ce) > k)
            return k;
    }
    return ce;
}

/* The name or pronoun opening the clause of token c, the subject of a later
 * coordinated or participle cue ("Hale toured the mine and called for ...");
 * quotes_speaker.c finds it. */
static bool sentence_opener(const qtext *q, size_t c, long *ob, long *oe) {
    size_t b, e;
    if (!quotes_clause_subject(q, c, &b, &e) || cue_of(q, e - 1))
        return false;
    *ob = (long)b;
    *oe = (long)e;
    return true;
}

/* Whether [b, e) opens with a quote that ends a clause of its own ('"It is
 * late,"', '"Why?"', '"It is late",') and holds more words after it. */
static bool quote_then_words(const qtext *q, const qspan *spans, size_t n_spans, size_t b,
                             size_t e) {
    size_t k = span_at(spans, n_spans, b);
    if (k >= n_spans || spans[k].open != b || spans[k].close + 1 >= e)
        return false;
    size_t close = spans[k].close;
    bool ends = is_punct(q, close - 1, ',') || is_punct(q, close - 1, '!') ||
                is_punct(q, close - 1, '?') || is_punct(q, close + 1, ',');
    return ends && count_words(q, close + 1, e) > 0;
}

static lede_status sentence_speech(const qtext *q, const qspan *spans, size_t n_spans,
                                   uint8_t *used, uint8_t *claimed, qfound_list *out,
                                   size_t sb, size_t se) {
    size_t cend = content_end(q, sb, se);
    bool emitted = false; /* an attribution of this sentence came before */
    for (size_t c = sb; c < se; c++) {
        if (quotes_tok_is(q, c, "according") && quotes_tok_is(q, c + 1, "to")) {
            lede_status st = according_to(q, spans, n_spans, claimed, out, c, sb, se);
            if (st != LEDE_OK)
                return st;
            continue;
        }
        if (quotes_tok_is(q, c + 1, "that") && IN(q, c, speech_nouns) && c > sb &&
            !used[c]) {
            /* "Trump's claim that ...", "her warning that ...": the owner speaks */
            long ob = -1, oe = -1;
            if (possessive_word(q, c - 1)) {
                size_t b = c - 1;
                while (b > sb && is_cap(q, b - 1) && !possessive_word(q, b - 1))
                    b--;
                ob = (long)b;
                oe = (long)c;
            } else if (IN(q, c - 1, possessive_pronouns)) {
                ob = (long)c - 1;
                oe = (long)c;
            }
            if (ob >= 0) {
                size_t ce = clause_end(q, spans, n_spans, c + 2, cend);
                lede_status st = emit_speech(q, spans, n_spans, claimed, out, c + 2, ce,
                                             ob, oe, (long)c, (long)c + 1);
                if (st != LEDE_OK)
                    return st;
                used[c] = 1;
                c = ce > c ? ce - 1 : c;
                continue;
            }
        }
        if (!used[c] && phrasal_at(q, c) && !inside_span(spans, n_spans, c) &&
            !quotes_cue_negated(q, c)) {
            /* "X called for a ban on ...": the object is what X stands for */
            long s = -1, e = -1;
            bool subj = subject_of(q, c, sb, &s, &e);
            if (!subj && !emitted && c > sb && quotes_tok_is(q, c - 1, "and"))
                subj = sentence_opener(q, c, &s, &e); /* "X toured ... and called for" */
            if (!subj && emitted && c > sb && quotes_tok_is(q, c - 1, "and") &&
                out->v[out->n - 1].spk_b >= 0 &&
                q->t[out->v[out->n - 1].spk_b].sent == q->t[c].sent) {
                /* "X criticized the deals and called for tariffs": the subject
                 * of the attribution before it in the sentence */
                s = out->v[out->n - 1].spk_b;
                e = out->v[out->n - 1].spk_e;
                subj = true;
            }
            if (subj && is_word(q, c + 2)) {
                size_t ce = clause_end(q, spans, n_spans, c + 2, cend);
                ce = object_end(q, spans, n_spans, c + 2, ce);
                size_t before = out->n;
                lede_status st =
                    emit_content(q, spans, n_spans, claimed, out, c + 2, ce, s, e,
                                 (long)c, (long)c + 2, OBJECT_MIN_WORDS);
                if (st != LEDE_OK)
                    return st;
                emitted |= out->n > before;
                used[c] = 1;
                c = ce > c ? ce - 1 : c;
                continue;
            }
        }
        if (!used[c] && !cue_of(q, c) && verb_before_that(q, c) &&
            !inside_span(spans, n_spans, c) && !quotes_cue_negated(q, c)) {
            /* "Smith stressed that ...", "the report concluded that ...": any
             * finite verb of a named or pronoun subject with a "that" clause */
            long s = -1, e = -1;
            if (subject_of(q, c, sb, &s, &e)) {
                size_t ce = clause_end(q, spans, n_spans, c + 2, cend);
                size_t before = out->n;
                lede_status st = emit_speech(q, spans, n_spans, claimed, out, c + 2, ce,
                                             s, e, (long)c, (long)c + 1);
                if (st != LEDE_OK)
                    return st;
                emitted |= out->n > before;
                used[c] = 1;
                c = ce > c ? ce - 1 : c;
                continue;
            }
        }
        const quotes_cue *cue = cue_of(q, c);
        if (!cue || used[c] || inside_span(spans, n_spans, c) ||
            quotes_cue_negated(q, c) || !verb_here(q, c, pronouns, N_OF(pronouns)))
            continue;
        if (cue_is_participle(q, c) && c > 0 && IN(q, c - 1, passive_words) &&
            !quotes_tok_is(q, c - 1, "has"))
            continue;
        long s = -1, e = -1;
        bool has_subject = subject_of(q, c, sb, &s, &e);
        /* postposed: "CONTENT, X said." / "CONTENT, said X." */
        if (cue->flags & CUE_INVERT) {
            size_t lead = has_subject ? (size_t)s : c;
            if (lead > sb + 1 &&
                (is_punct(q, lead - 1, ',') || q->t[lead - 1].kind == QT_DASH)) {
                size_t tail = c + 1;
                long is = s, ie = e;
                if (!has_subject) {
                    size_t ne = np_right(q, c + 1);
                    is = (long)(c + 1);
                    ie = (long)ne;
                    tail = ne;
                    if (ne == c + 1)
                        goto preposed;
                }
                /* '"A," the mayor's niece, a pastor, told the crowd': a quote
                 * that ends its clause and more words before the comma, which
                 * are then the subject, unparsed, not content */
                if (quote_then_words(q, spans, n_spans, sb, lead - 1))
                    continue;
                /* "A, he said, B.": the attribution interrupts the content
                 * unless what follows its comma is a mere tail ("..., he said,
                 * in a statement") */
                bool interrupted =
                    tail < cend && is_punct(q, tail, ',') &&
                    !(tail_only(q, tail + 1, cend) &&
                      (IN(q, tail + 1, tail_leads) || IN(q, tail + 1, time_words)));
                if (interrupted || tail_only(q, tail, cend)) {
                    size_t before = out->n;
                    lede_status st = emit_speech(q, spans, n_spans, claimed, out, sb,
                                                 interrupted ? cend : lead - 1, is, ie,
                                                 (long)c, (long)c + 1);
                    if (st != LEDE_OK)
                        return st;
                    if (interrupted && out->n > before) {
                        out->v[out->n - 1].gap_cb = q->t[lead - 1].cb;
                        out->v[out->n - 1].gap_ce = q->t[tail].ce;
                    }
                    used[c] = 1;
                    if (interrupted)
                        c = cend;
                    continue;
                }
            }
        }
    preposed:
        if (!has_subject) {
            /* ", adding that ..." / "... and said ..." continue the sentence's
             * speaker */
            bool ing = cue_is_ing(q, c) && c > sb &&
                       (is_punct(q, c - 1, ',') || IN(q, c - 1, ing_preps));
            bool linked = c > sb && (quotes_tok_is(q, c - 1, "and") ||
                                     quotes_tok_is(q, c - 1, "but"));
            long os = -1, oe = -1; /* the name or pronoun opening the sentence */
            if (!emitted && (ing || linked))
                sentence_opener(q, c, &os, &oe);
            /* "... and said ...": the sentence's speaker, from an attribution
             * before or the name opening the sentence */
            bool coordinated = linked && (emitted || os >= 0);
            if (!ing && !coordinated)
                continue;
            /* ", citing the cost" — a stance cue's -ing form also continues */
            if (!(cue->flags & (CUE_CLAUSE | CUE_OBJECT)) && !(cue->flags & CUE_NOUN))
                continue;
            if ((cue->flags & CUE_NOUN) && !(cue->flags & (CUE_CLAUSE | CUE_OBJECT)) &&
                !ing && !(linked && os >= 0))
                continue;
            if (!emitted) {
                /* "Hale spoke to miners, promising ...": no attribution came
                 * before, so the speaker is the name opening the sentence */
                s = os;
                e = oe;
            }
        }
        if (!(cue->flags & (CUE_CLAUSE | CUE_OBJECT | CUE_QUOTED)) &&
            !((cue->flags & CUE_NOUN) && (has_subject || cue_is_ing(q, c) || s >= 0)))
            continue;
        size_t b = content_start(q, c, cend, cue);
        bool after_that = b > 0 && quotes_tok_is(q, b - 1, "that");
        if (b >= cend || IN(q, b, finite_aux) ||
            (!after_that &&
             ((IN(q, b, not_clause_starts) && !(q->t[b + 1].flags & QF_NUM)) ||
              (quotes_tok_is(q, b, "to") && !strcmp(cue->forms[0], "say")))))
            continue; /* "commented on the plan", "is said to be" */
        if ((cue->flags & CUE_THOUGHT) && !after_that &&
            (!has_subject || IN(q, (size_t)s, first_persons)))
            continue; /* "I think", "you know": no reported belief without "that" */
        if ((cue->flags & CUE_QUOTED) && !has_subject) {
            size_t k = span_at(spans, n_spans, b);
            if (k >= n_spans || spans[k].open >= cend)
                continue;
        }
        if (is_open_dq(q, b) && !(cue->flags & CUE_QUOTED)) {
            /* a quote filling the rest of the sentence is direct (pass 3
             * takes it); one followed by more of the reporter's words is part
             * of a reported clause: 'he said "budget reforms" would pay' */
            size_t k = span_at(spans, n_spans, b);
            if (k >= n_spans || spans[k].open != b || spans[k].close + 2 >= cend)
                continue;
        }
        size_t ce = clause_end(q, spans, n_spans, b, cend);
        bool object = !after_that && !(cue->flags & (CUE_CLAUSE | CUE_OBJECT));
        if (object)
            ce = object_end(q, spans, n_spans, b, ce); /* "praised X during ..." */
        size_t before = out->n;
        lede_status st =
            emit_content(q, spans, n_spans, claimed, out, b, ce, s, e, (long)c,
                         (long)c + 1, object ? OBJECT_MIN_WORDS : CONTENT_MIN_WORDS);
        if (st != LEDE_OK)
            return st;
        emitted |= out->n > before;
        used[c] = 1;
        c = ce > c ? ce - 1 : c; /* a later cue of the sentence starts its own content */
    }
    return LEDE_OK;
}

/* Words of a name before a colon that opens a paragraph: "Pence: ...". */
#define LABEL_MAX_WORDS 3

/* "Pence: Flowers Won't Be at Debate" — a paragraph opened by a short
 * capitalised name and a colon (headline and transcript convention): the rest
 * of the paragraph is what the name said. */
static lede_status pass_labels(const qtext *q, const qspan *spans, size_t n_spans,
                               uint8_t *claimed, qfound_list *out) {
    /* Words a title-case headline capitalises and a name does not hold:
     * "Stealth Over Health: ..." is a headline's first part, nobody's name. */
    static const qword headline_words[] = {
        W("of"), W("over"), W("in"),  W("on"),  W("at"),  W("to"), W("for"), W("with"),
        W("by"), W("from"), W("and"), W("or"),  W("the"), W("a"),  W("an"),  W("as"),
        W("is"), W("are"),  W("was"), W("vs."), W("vs"),  W("my"), W("our"), W("your")};
    for (size_t i = 0; i < q->n; i++) {
        /* a transcript quoted whole: '"PENCE: Well, look, ...' */
        size_t mark = i, quoted = n_spans;
        if ((q->t[i].flags & QF_PARA) && is_open_dq(q, i) && i + 1 < q->n &&
            same_para(q, i, i + 1) && is_cap(q, i + 1)) {
            quoted = span_at(spans, n_spans, i);
            if (quoted >= n_spans || spans[quoted].open != i || claimed[quoted])
                continue;
            i++;
        } else if (!(q->t[i].flags & QF_PARA) || !is_cap(q, i)) {
            continue;
        }
        size_t k = i;
        while (k < q->n && k < i + LABEL_MAX_WORDS && is_cap(q, k) &&
               !(k > i && (q->t[k].flags & QF_PARA)))
            k++;
        if (!is_punct(q, k, ':') || !same_para(q, i, k + 1) ||
            IN(q, i, editorial_labels) || (q->t[k + 1].flags & QF_NUM) ||
            IN(q, k + 1, months))
            continue; /* "Correction: ...", "Date: October 2" */
        bool headline = false;
        for (size_t w = i; w < k && !headline; w++)
            headline = IN(q, w, headline_words);
        if (headline)
            continue;
        if (quoted < n_spans) { /* the whole quote, said by the label */
            claimed[quoted] = 1;
            lede_status st =
                quotes_found_add(out, q, mark, spans[quoted].close + 1, LEDE_QUOTE_DIRECT,
                                 (long)i, (long)k, (long)k, (long)k + 1);
            if (st != LEDE_OK)
                return st;
            i = spans[quoted].close;
            continue;
        }
        size_t e = k + 1;
        while (e < q->n && !(q->t[e].flags & QF_PARA))
            e++;
        size_t end = e;
        while (end > k + 1 && (is_terminal(q, end - 1) || is_punct(q, end - 1, ':')))
            end--;
        lede_status st = emit_speech(q, spans, n_spans, claimed, out, k + 1, end, (long)i,
                                     (long)k, (long)k, (long)k + 1);
        if (st != LEDE_OK)
            return st;
        i = e - 1;
    }
    return LEDE_OK;
}

/* ------------------------------------------------------------ pass 3 */

static int cmp_found(const void *a, const void *b) {
    const qfound *x = a, *y = b;
    return x->b < y->b ? -1 : x->b > y->b;
}

static lede_status pass_bare(const qtext *q, const qspan *spans, size_t n_spans,
                             const uint8_t *claimed, qfound_list *out) {
    for (size_t i = 0; i < n_spans; i++) {
        const qspan *s = &spans[i];
        if (claimed[i] || s->words == 0)
            continue;
        bool sentence = span_is_sentence(q, s);
        if (!sentence && s->words <= SCARE_MAX_WORDS)
            continue; /* scare quotes */
        const qtok *last = &q->t[s->close];
        if (last->kind != QT_DQUOTE && last->kind != QT_SQUOTE)
            continue; /* never closed: a stray mark, not a quotation */
        if (s->single && (q->t[s->open].flags & QF_PARA) &&
            (s->close + 1 >= q->n || (q->t[s->close + 1].flags & QF_PARA)) &&
            s->words <= HEADING_MAX_WORDS)
            continue; /* 'Legend in the Coal Fields.' — a section heading */
        /* a bare full quote inherits the last speaker before it */
        lede_status st = quotes_found_add(
            out, q, s->open, s->close + 1,
            sentence ? LEDE_QUOTE_DIRECT : LEDE_QUOTE_PARTIAL, -1, -1, -1, -1);
        if (st != LEDE_OK)
            return st;
        out->v[out->n - 1].inherit = -2; /* resolved after sorting */
    }
    return LEDE_OK;
}

static void resolve_inherit(const qtext *q, qfound_list *out) {
    long last = -1;
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->inherit == -2) {
            f->inherit = -1;
            if (last >= 0) {
                const qfound *p = &out->v[last];
                uint32_t pp = q->t[p->spk_b].para;
                /* paragraph of this quote: find by byte offset via its speaker-less
                 * span — the text's paragraph index of the quote's first token */
                size_t lo = 0, hi = q->n;
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    if (q->t[mid].b < f->b)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                uint32_t fp = lo < q->n ? q->t[lo].para : 0;
                if (fp - pp <= INHERIT_MAX_PARAS)
                    f->inherit = (int32_t)last;
            }
            continue;
        }
        if (f->spk_b >= 0)
            last = (long)i;
    }
}

/* Words before a participle that opens a sentence: "After arguing ...,". */
static const qword participle_leads[] = {W("after"),   W("before"), W("while"),
                                         W("by"),      W("in"),     W("upon"),
                                         W("without"), W("when"),   W("since")};
/* Most tokens of a participle phrase opening a sentence. */
#define OPENING_PARTICIPLE_MAX_TOKENS 40
/* (the cue is the participle itself or its particle: "Rattling off") */
/* Longest description taken as the subject after an opening phrase. */
#define MAIN_SUBJECT_MAX_TOKENS 8

/* A word with an apostrophe that is no possessive ("hasn't", "wasn’t"):
 * after a description, its verb. */
static bool contraction(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    if (possessive_word(q, i))
        return false;
    for (uint32_t b = t->b; b < t->e; b++)
        if (q->text[b] == '\'' ||
            (b + 2 < t->e && !memcmp(q->text + b, "\xE2\x80\x99", 3)))
            return true;
    return false;
}

/* A lower-case word in -ed: a past verb ("promised", "marched"). */
static bool ed_word(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    return is_word(q, i) && !(t->flags & QF_CAP) && t->e - t->b > 3 &&
           q->text[t->e - 2] == 'e' && q->text[t->e - 1] == 'd';
}

/* A word in -ing that may open a participle phrase, whatever its case
 * ("Recalling"); "according" and "during" introduce no clause of their own. */
static bool ing_word(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    return is_word(q, i) && t->e - t->b > ING_MIN_LEN &&
           !memcmp(q->text + t->e - 3, "ing", 3) && !quotes_tok_is(q, i, "according") &&
           !quotes_tok_is(q, i, "during");
}

/* The subject of a main clause that starts at token j, before sentence end
 * `end`: a personal pronoun, a run of capitalised words, or a description
 * opened by a determiner, each followed by its verb (a lower-case word; for
 * a description an auxiliary, an -ed word or a cue). [*b, *e), or false. */
static bool main_subject_at(const qtext *q, size_t j, size_t end, long *b, long *e) {
    static const qword subject_pronouns[] = {W("he"), W("she"), W("they"), W("we"),
                                             W("i")};
    if (j + 1 >= end || !is_word(q, j))
        return false;
    if (IN(q, j, subject_pronouns)) {
        *b = (long)j;
        *e = (long)j + 1;
        return is_word(q, j + 1) && !is_cap(q, j + 1);
    }
    if (is_cap(q, j)) {
        size_t r = j;
        while (r < end && is_cap(q, r) && !possessive_word(q, r))
            r++;
        if (r >= end || !is_word(q, r) || is_cap(q, r) || r - j > SUBJECT_MAX_TOKENS ||
            IN(q, j, months) || IN(q, j, time_words) || IN(q, r, subject_stops))
            return false;
        *b = (long)j;
        *e = (long)r;
        return true;
    }
    if (!IN(q, j, determiners))
        return false;
    for (size_t r = j + 2; r < end && r <= j + MAIN_SUBJECT_MAX_TOKENS; r++) {
        if (!is_word(q, r))
            return false;
        if (IN(q, r, finite_aux) || ed_word(q, r) || cue_of(q, r) || contraction(q, r)) {
            *b = (long)j;
            *e = (long)r;
            return true;
        }
    }
    return false;
}

/* "Recalling the floods of 1998, the mayor warned ...", "After arguing that
 * the vote was rigged, Reyes left the hall": a cue inside a participle
 * phrase that opens its sentence has the subject of the main clause after
 * the phrase's comma, and what it reports ends at that comma. The comma is
 * the first after the cue that a main clause's subject and verb follow
 * (lists inside the phrase go on: ", reform the system, combat racism,"). */
static void opening_participle(const qtext *q, qfound_list *out) {
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->cue_b < 0 || f->inherit >= 0 || f->type == LEDE_QUOTE_DIRECT)
            continue;
        size_t c = (size_t)f->cue_b, sent = q->t[c].sent;
        size_t p = q->sent_begin[sent], end = q->sent_begin[sent + 1];
        while (p < c && !is_word(q, p))
            p++;
        if (p < c && IN(q, p, participle_leads))
            p++;
        if (p > c || c > p + 1 || !ing_word(q, p))
            continue;
        bool comma_before = false;
        for (size_t t = p; t < c && !comma_before; t++)
            comma_before = is_punct(q, t, ',');
        if (comma_before)
            continue;
        long sb = -1, se = -1;
        size_t k = c + 1, last = 0; /* last: the phrase's last token kept */
        for (; k < end && k <= p + OPENING_PARTICIPLE_MAX_TOKENS; k++) {
            if (!is_punct(q, k, ','))
                continue;
            /* the comma may close a quotation first: 'was "so swollen," she' */
            size_t j = k + 1;
            bool mark = j < end &&
                        (q->t[j].kind == QT_DQUOTE || q->t[j].kind == QT_SQUOTE) &&
                        (q->t[j].flags & QF_CLOSE);
            if (main_subject_at(q, j + mark, end, &sb, &se)) {
                last = mark ? j : k - 1;
                break;
            }
        }
        if (sb < 0 || k >= end)
            continue;
        if (f->spk_b < 0 || (f->spk_b >= (long)p && f->spk_e <= (long)k)) {
            f->spk_b = (int32_t)sb;
            f->spk_e = (int32_t)se;
        }
        size_t tb = quotes_tok_at(q, f->b), te = quotes_tok_at(q, f->e);
        if (tb < k && te > (size_t)sb) {
            f->e = q->t[last].e;
            f->ce = q->t[last].ce;
        }
    }
}

/* An ", adding ..." attribution without its own subject takes the subject of
 * the attribution before it in the same sentence. */
static void resolve_ing(const qtext *q, qfound_list *out) {
    for (size_t i = 1; i < out->n; i++) {
        qfound *f = &out->v[i];
        const qfound *p = &out->v[i - 1];
        if (f->spk_b < 0 && f->cue_b >= 0 && p->spk_b >= 0 &&
            q->t[f->cue_b].sent == q->t[p->spk_b].sent) {
            f->spk_b = p->spk_b;
            f->spk_e = p->spk_e;
        }
    }
}

/* A cue that shares the subject of its clause's main verb: a participle set
 * off by a comma (", promising to ...") or a verb joined by "and"/"but"
 * ("stressed her support ... and said she ..."), an adverb allowed between. */
static bool dependent_cue(const qtext *q, size_t c) {
    static const qword joins[] = {W("and"), W("but")};
    if (c < 2 || q->t[c].cue < 0)
        return false;
    const qtok *t = &q->t[c];
    int form = quotes_cue_form(t->cue, q->text + t->b, t->e - t->b);
    size_t p = c - 1;
    if (p > q->sent_begin[t->sent] && IN(q, p, aux_words))
        p--; /* "and also said", "and has said" */
    if (form == 4)
        return (q->t[p].kind == QT_PUNCT && q->text[q->t[p].b] == ',') ||
               IN(q, c - 1, ing_preps);
    return (form == 1 || form == 2) && quotes_tok_in(q, p, joins, N_OF(joins));
}

/* Tokens back from an -ing cue searched for the text it describes, and from
 * that text for the verb that put it out. */
#define PRODUCT_MAX_TOKENS 8
#define ISSUE_MAX_TOKENS 4

/* "Trump posted a series of tweets on Friday saying ...", "the ministry
 * issued a statement saying ...": an -ing cue that describes a text (a
 * statement, a letter, an ad) someone put out in the same clause; whoever put
 * it out speaks: [*sb, *se), the subject of the verb of issuing. A text
 * only read or seen ("she read a report showing ...") names no speaker. */
static bool product_speaker(const qtext *q, size_t c, long *sb, long *se) {
    static const qword products[] = {
        W("statement"), W("statements"), W("letter"),    W("letters"),   W("ad"),
        W("ads"),       W("advert"),     W("tweet"),     W("tweets"),    W("post"),
        W("posts"),     W("video"),      W("message"),   W("messages"),  W("memo"),
        W("email"),     W("emails"),     W("release"),   W("report"),    W("note"),
        W("editorial"), W("op-ed"),      W("column"),    W("petition"),  W("resolution"),
        W("filing"),    W("complaint"),  W("lawsuit"),   W("motion"),    W("notice"),
        W("speech"),    W("interview"),  W("broadcast"), W("commercial")};
    static const qword issuing[] = {
        W("released"),   W("releases"),  W("issued"),    W("issues"),    W("sent"),
        W("sends"),      W("posted"),    W("posts"),     W("published"), W("publishes"),
        W("filed"),      W("files"),     W("aired"),     W("airs"),      W("ran"),
        W("runs"),       W("unleashed"), W("unleashes"), W("tweeted"),   W("wrote"),
        W("writes"),     W("delivered"), W("delivers"),  W("gave"),      W("gives"),
        W("launched"),   W("launches"),  W("unveiled"),  W("unveils"),   W("circulated"),
        W("circulates"), W("signed"),    W("signs"),     W("broadcast"), W("shared")};
    const qtok *t = &q->t[c];
    if (t->cue < 0 || quotes_cue_form(t->cue, q->text + t->b, t->e - t->b) != 4)
        return false;
    size_t first = q->sent_begin[t->sent];
    long product = -1;
    for (size_t k = c; k > first + 1 && c - k < PRODUCT_MAX_TOKENS && product < 0; k--) {
        if (q->t[k - 1].kind != QT_WORD)
            return false; /* a comma, a bracket: another clause */
        if (IN(q, k - 1, products))
            product = (long)k - 1;
    }
    for (size_t k = (size_t)(product > 0 ? product : 0);
         product > 0 && k > first && (size_t)product - k < ISSUE_MAX_TOKENS; k--) {
        if (q->t[k - 1].kind != QT_WORD)
            return false;
        if (IN(q, k - 1, issuing))
            return subject_of(q, k - 1, first, sb, se);
    }
    return false;
}

/* A source of one word that cannot be a subject: a lower-case word other
 * than a pronoun ("those", "also", "his"), or a word of a date ("Friday"). */
static bool no_subject_word(const qtext *q, const qfound *f) {
    if (f->spk_b < 0 || f->spk_e != f->spk_b + 1 || f->spk_b >= f->cue_b)
        return false;
    size_t i = (size_t)f->spk_b;
    if (!is_word(q, i))
        return true;
    if (IN(q, i, pronouns))
        return false;
    return !is_cap(q, i) || IN(q, i, months) || IN(q, i, time_words);
}

/* Whether a finite verb starts at token i, an adverb allowed before it
 * ("strongly denied"): an auxiliary, a lower-case word in -ed, a contraction
 * or a cue in its -s or past form. */
static bool finite_verb_at(const qtext *q, size_t i) {
    if (i < q->n && (IN(q, i, aux_words) || is_ly_adverb(q, i)))
        i++;
    if (i >= q->n || !is_word(q, i) || is_cap(q, i))
        return false;
    const qtok *t = &q->t[i];
    int form = t->cue >= 0 ? quotes_cue_form(t->cue, q->text + t->b, t->e - t->b) : -1;
    return IN(q, i, finite_aux) || ed_word(q, i) || contraction(q, i) || form == 1 ||
           form == 2;
}

/* "Clinton took a swipe at Trump on Monday, saying ...", "Cruz is making a
 * pitch to New York voters, saying ...": an -ing cue set off by a comma
 * hangs on the main verb before it and shares that verb's subject; a source
 * between that subject and the cue is the verb's object, a hearer, a place
 * or a time, not the one who speaks. True when f's source lies there, after
 * the clause subject [b, e), which has its verb right after it and no
 * quotation mark between it and the cue (a subject inside quoted words
 * speaks for nobody), and when the source is no subject of a verb of its own
 * ("..., he said, adding", "a charge that party leaders denied, noting"). */
static bool source_after_subject(const qtext *q, const qfound *f, size_t b, size_t e) {
    size_t c = (size_t)f->cue_b;
    const qtok *t = &q->t[c];
    if (f->spk_b < 0 || (size_t)f->spk_b < e || f->spk_e > f->cue_b || c < 1 ||
        !is_punct(q, c - 1, ',') || b >= e ||
        quotes_cue_form(t->cue, q->text + t->b, t->e - t->b) != 4 ||
        !finite_verb_at(q, e) || IN(q, (size_t)f->spk_b, pronouns) ||
        finite_verb_at(q, (size_t)f->spk_e))
        return false;
    for (size_t i = b; i < c; i++)
        if (q->t[i].kind == QT_DQUOTE || q->t[i].kind == QT_SQUOTE)
            return false;
    return true;
}

/* An attribution still without a source whose cue is dependent (or whose
 * source is a word that cannot be a subject, no_subject_word, or stands
 * after the clause subject, source_after_subject) takes the subject of its
 * sentence; one whose -ing cue describes a text someone put out takes its
 * issuer, instead of the text, as its source. */
static void resolve_clause_subject(const qtext *q, qfound_list *out) {
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->cue_b < 0 || f->inherit >= 0)
            continue;
        long pb, pe;
        size_t b, e;
        if (product_speaker(q, (size_t)f->cue_b, &pb, &pe) &&
            (f->spk_b < 0 || f->spk_b >= pe)) {
            f->spk_b = (int32_t)pb;
            f->spk_e = (int32_t)pe;
        } else if (dependent_cue(q, (size_t)f->cue_b) &&
                   quotes_clause_subject(q, (size_t)f->cue_b, &b, &e) &&
                   (f->spk_b < 0 || no_subject_word(q, f) ||
                    source_after_subject(q, f, b, e))) {
            f->spk_b = (int32_t)b;
            f->spk_e = (int32_t)e;
        }
    }
}

/* "Police have said they have no plans ..., according to attorneys for the
 * family": a trailing "according to" reports the whole clause before its
 * comma or dash, attributions inside it included; it is read beside them
 * when the sentence's own pass left it out (one that was read already keeps
 * its reading). */
static lede_status nested_according_to(const qtext *q, qfound_list *out) {
    size_t n0 = out->n;
    for (size_t a = 2; a + 2 < q->n; a++) {
        if (!quotes_tok_is(q, a, "according") || !quotes_tok_is(q, a + 1, "to") ||
            !(is_punct(q, a - 1, ',') || q->t[a - 1].kind == QT_DASH))
            continue;
        bool read = false;
        for (size_t i = 0; i < n0 && !read; i++)
            read = out->v[i].cue_b == (int32_t)a;
        size_t sb = q->sent_begin[q->t[a].sent], ne = np_right(q, a + 2);
        while (sb < a - 1 && (is_punct(q, sb, ',') || is_punct(q, sb, ':')))
            sb++;
        if (read || ne == a + 2 || count_words(q, sb, a - 1) < CONTENT_MIN_WORDS)
            continue;
        bool quoted = false;
        for (size_t i = sb; i < a - 1 && !quoted; i++)
            quoted = q->t[i].kind == QT_DQUOTE || q->t[i].kind == QT_SQUOTE;
        lede_status st = quotes_found_add(
            out, q, sb, a - 1, quoted ? LEDE_QUOTE_PARTIAL : LEDE_QUOTE_INDIRECT,
            (long)a + 2, (long)ne, (long)a, (long)a + 2);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

lede_status quotes_attribute(const qtext *q, const qspan *spans, size_t n_spans,
                             qfound_list *out) {
    uint8_t *used = arena_calloc(out->a, q->n + 1, 1);
    uint8_t *claimed = arena_calloc(out->a, n_spans + 1, 1);
    out->covered = arena_calloc(out->a, q->n + 1, 1);
    if (!used || !claimed || !out->covered)
        return LEDE_ERR_NOMEM;
    lede_status st = pass_marks(q, spans, n_spans, used, claimed, out);
    if (st == LEDE_OK)
        st = pass_labels(q, spans, n_spans, claimed, out);
    for (size_t s = 0; st == LEDE_OK && s < q->n_sents; s++)
        st = sentence_speech(q, spans, n_spans, used, claimed, out, q->sent_begin[s],
                             q->sent_begin[s + 1]);
    if (st == LEDE_OK)
        st = pass_bare(q, spans, n_spans, claimed, out);
    if (st == LEDE_OK)
        st = nested_according_to(q, out);
    if (st == LEDE_OK)
        quotes_found_finish(q, out);
    return st;
}

/* Nouns of works whose quoted title may follow them: "his new book, 'The
 * Long Road,'" names the book; nobody says it. ("titled", "headlined" are
 * not here: PolNeAR annotates what they introduce as content.) */
static const qword work_nouns[] = {
    W("book"),    W("memoir"),  W("novel"),   W("film"),        W("movie"),
    W("album"),   W("song"),    W("essay"),   W("play"),        W("show"),
    W("series"),  W("poem"),    W("podcast"), W("documentary"), W("autobiography"),
    W("episode"), W("musical"), W("opera"),   W("programme"),   W("program")};
/* Words a title writes in lower case. */
static const qword title_small[] = {W("a"),  W("an"),  W("the"),  W("of"),   W("in"),
                                    W("on"), W("and"), W("or"),   W("to"),   W("for"),
                                    W("at"), W("by"),  W("with"), W("from"), W("as")};

/* Whether the quotation opening at token `open` is the title of a work named
 * just before it: every word capitalised but the small ones, a few words. */
static bool work_title_at(const qtext *q, size_t open) {
    if (open < 1 || (q->t[open].kind != QT_DQUOTE && q->t[open].kind != QT_SQUOTE))
        return false;
    size_t w = open - 1;
    if (is_punct(q, w, ',') && w > 0)
        w--;
    if (!IN(q, w, work_nouns) || !same_sent(q, w, open))
        return false;
    size_t words = 0;
    for (size_t i = open + 1; i < q->n && words <= TITLE_MAX_WORDS; i++) {
        if (q->t[i].kind == q->t[open].kind)
            return words > 0;
        if (q->t[i].kind == QT_PUNCT && !is_punct(q, i, ',') && !is_punct(q, i, ':'))
            return false;
        if (q->t[i].kind != QT_WORD)
            continue;
        if (!is_cap(q, i) && !(words > 0 && IN(q, i, title_small)) &&
            !(q->t[i].flags & QF_NUM))
            return false;
        words++;
    }
    return false;
}

/* Drops the attributions whose content opens with the title of a work. */
static void drop_titles(const qtext *q, qfound_list *out) {
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++) {
        size_t t = quotes_tok_at(q, out->v[i].b);
        if (t < q->n && work_title_at(q, t))
            continue;
        out->v[kept++] = out->v[i];
    }
    out->n = kept;
}

/* '"We feel great," he said, adding that ...': a source inside the quoted
 * words of another attribution, its cue outside them, is something the
 * speaker said, not the one who speaks; it is dropped, so the cue takes the
 * subject before it (resolve_ing, resolve_clause_subject). */
static void drop_quoted_sources(const qtext *q, qfound_list *out) {
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->spk_b < 0 || f->cue_b < 0 || f->spk_e > f->cue_b)
            continue;
        uint32_t sb = q->t[f->spk_b].b, se = q->t[f->spk_e - 1].e, cb = q->t[f->cue_b].b;
        for (size_t k = 0; k < out->n; k++) {
            const qfound *g = &out->v[k];
            if (k != i && g->type == LEDE_QUOTE_DIRECT && g->b <= sb && se <= g->e &&
                cb >= g->e &&
                !(g->gap_cb < g->gap_ce && g->gap_cb <= q->t[f->spk_b].cb &&
                  q->t[f->spk_e - 1].ce <= g->gap_ce)) {
                f->spk_b = f->spk_e = -1;
                break;
            }
        }
    }
}

void quotes_found_finish(const qtext *q, qfound_list *out) {
    drop_titles(q, out);
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_found);
    drop_quoted_sources(q, out);
    opening_participle(q, out);
    resolve_ing(q, out);
    resolve_clause_subject(q, out);
    resolve_inherit(q, out);
}
