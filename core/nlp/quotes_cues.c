/*
 * quotes_cues — the reporting verbs that introduce speech, with their tense
 * forms, as data.
 *
 * Source: compiled for lede from ordinary English grammar (the class of
 * "reporting verbs" of any English usage reference); the inflected forms are
 * standard English morphology. No list was copied. The table is sorted by base
 * form (tests/unit/test_quotes.c checks it) and every form starts with the same
 * letter as its base, which lets the lookup search one letter's range only.
 *
 * Flags: CUE_CLAUSE the verb takes a reported clause ("said (that) ...");
 * CUE_OBJECT a hearer may come first ("told reporters that ...");
 * CUE_INVERT it may follow a quote inverted ("..., said Smith.");
 * CUE_QUOTED a cue only when quoted words follow ("called it a 'disgrace'");
 * CUE_NOUN a stance toward what follows it ("criticized X for Y", "wants Z"):
 * the rest of the clause is the content, only after a subject;
 * CUE_HOMOGRAPH its base and -s forms are more often nouns ("the states",
 * "a plan"): they count only right after a name or a pronoun;
 * CUE_THOUGHT a belief or finding rather than speech: after "I", "we" or "you"
 * it needs an explicit "that" to count.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "quotes_int.h"

#define C CUE_CLAUSE
#define O CUE_OBJECT
#define I CUE_INVERT
#define Q CUE_QUOTED
#define T CUE_THOUGHT
#define N CUE_NOUN
#define H CUE_HOMOGRAPH

/* One verb: its five forms, their lengths (for a cheap first test) and flags. */
#define V(a, b, c, d, e, flags)                                                          \
    {                                                                                    \
        {a, b, c, d, e},                                                                 \
            {sizeof a - 1, sizeof b - 1, sizeof c - 1, sizeof d - 1, sizeof e - 1},      \
            (flags)                                                                      \
    }

static const quotes_cue cue_table[] = {
    V("accuse", "accuses", "accused", "accused", "accusing", N),
    V("acknowledge", "acknowledges", "acknowledged", "acknowledged", "acknowledging",
      C | I),
    V("add", "adds", "added", "added", "adding", C | I),
    V("admit", "admits", "admitted", "admitted", "admitting", C | I),
    V("advise", "advises", "advised", "advised", "advising", O | I),
    V("advocate", "advocates", "advocated", "advocated", "advocating", N | H),
    V("affirm", "affirms", "affirmed", "affirmed", "affirming", C | I),
    V("agree", "agrees", "agreed", "agreed", "agreeing", C | T),
    V("allege", "alleges", "alleged", "alleged", "alleging", C | I),
    V("announce", "announces", "announced", "announced", "announcing", C | I),
    V("answer", "answers", "answered", "answered", "answering", C | I | H),
    V("apologize", "apologizes", "apologized", "apologized", "apologizing", C | I),
    V("applaud", "applauds", "applauded", "applauded", "applauding", N),
    V("argue", "argues", "argued", "argued", "arguing", C | I),
    V("ask", "asks", "asked", "asked", "asking", O | I),
    V("assail", "assails", "assailed", "assailed", "assailing", N),
    V("assert", "asserts", "asserted", "asserted", "asserting", C | I),
    V("assure", "assures", "assured", "assured", "assuring", C | O | I),
    V("attack", "attacks", "attacked", "attacked", "attacking", N | H),
    V("back", "backs", "backed", "backed", "backing", N | H),
    V("beg", "begs", "begged", "begged", "begging", O | I),
    V("believe", "believes", "believed", "believed", "believing", C | T),
    V("bemoan", "bemoans", "bemoaned", "bemoaned", "bemoaning", N),
    V("blame", "blames", "blamed", "blamed", "blaming", N),
    V("blast", "blasts", "blasted", "blasted", "blasting", N | H),
    V("boast", "boasts", "boasted", "boasted", "boasting", C | I),
    V("brag", "brags", "bragged", "bragged", "bragging", C | I),
    V("call", "calls", "called", "called", "calling", Q | H),
    V("caution", "cautions", "cautioned", "cautioned", "cautioning", C | I),
    V("champion", "champions", "championed", "championed", "championing", N | H),
    V("chant", "chants", "chanted", "chanted", "chanting", C | I | H),
    V("charge", "charges", "charged", "charged", "charging", C | I | H),
    V("chastise", "chastises", "chastised", "chastised", "chastising", N),
    V("chide", "chides", "chided", "chided", "chiding", N),
    V("chuckle", "chuckles", "chuckled", "chuckled", "chuckling", I),
    V("cite", "cites", "cited", "cited", "citing", N),
    V("claim", "claims", "claimed", "claimed", "claiming", C | I | H),
    V("clarify", "clarifies", "clarified", "clarified", "clarifying", C | I),
    V("comment", "comments", "commented", "commented", "commenting", C | I | H),
    V("complain", "complains", "complained", "complained", "complaining", C | I),
    V("concede", "concedes", "conceded", "conceded", "conceding", C | I),
    V("conclude", "concludes", "concluded", "concluded", "concluding", C | T),
    V("concur", "concurs", "concured", "concured", "concuring", C | I),
    V("condemn", "condemns", "condemned", "condemned", "condemning", N),
    V("confess", "confesses", "confessed", "confessed", "confessing", C | I),
    V("confirm", "confirms", "confirmed", "confirmed", "confirming", C | I),
    V("contend", "contends", "contended", "contended", "contending", C | I),
    V("continue", "continues", "continued", "continued", "continuing", I),
    V("counter", "counters", "countered", "countered", "countering", C | I | H),
    V("criticise", "criticises", "criticised", "criticised", "criticising", N),
    V("criticize", "criticizes", "criticized", "criticized", "criticizing", N),
    V("cry", "cries", "cried", "cried", "crying", I | H),
    V("decide", "decides", "decided", "decided", "deciding", C | T),
    V("declare", "declares", "declared", "declared", "declaring", C | I),
    V("decry", "decries", "decried", "decried", "decrying", N),
    V("defend", "defends", "defended", "defended", "defending", N),
    V("demand", "demands", "demanded", "demanded", "demanding", N | H),
    V("denounce", "denounces", "denounced", "denounced", "denouncing", N),
    V("deny", "denies", "denied", "denied", "denying", C | I),
    V("deride", "derides", "derided", "derided", "deriding", N),
    V("describe", "describes", "described", "described", "describing", Q),
    V("detail", "details", "detailed", "detailed", "detailing", N | H),
    V("disclose", "discloses", "disclosed", "disclosed", "disclosing", C | T),
    V("discuss", "discusses", "discussed", "discussed", "discussing", N),
    V("dismiss", "dismisses", "dismissed", "dismissed", "dismissing", N),
    V("dispute", "disputes", "disputed", "disputed", "disputing", N | H),
    V("doubt", "doubts", "doubted", "doubted", "doubting", C | T | H),
    V("dub", "dubs", "dubbed", "dubbed", "dubbing", Q | H),
    V("echo", "echoes", "echoed", "echoed", "echoing", N | H),
    V("embrace", "embraces", "embraced", "embraced", "embracing", N | H),
    V("emphasise", "emphasises", "emphasised", "emphasised", "emphasising", C | I),
    V("emphasize", "emphasizes", "emphasized", "emphasized", "emphasizing", C | I),
    V("encourage", "encourages", "encouraged", "encouraged", "encouraging", N),
    V("endorse", "endorses", "endorsed", "endorsed", "endorsing", N),
    V("estimate", "estimates", "estimated", "estimated", "estimating", C | T | H),
    V("exclaim", "exclaims", "exclaimed", "exclaimed", "exclaiming", C | I),
    V("expect", "expects", "expected", "expected", "expecting", N),
    V("explain", "explains", "explained", "explained", "explaining", C | I),
    V("fault", "faults", "faulted", "faulted", "faulting", N | H),
    V("favor", "favors", "favored", "favored", "favoring", N | H),
    V("fear", "fears", "feared", "feared", "fearing", C | T | H),
    V("find", "finds", "found", "found", "finding", C | T | H),
    V("forecast", "forecasts", "forecast", "forecast", "forecasting", C | I | H),
    V("grumble", "grumbles", "grumbled", "grumbled", "grumbling", C | I),
    V("gush", "gushes", "gushed", "gushed", "gushing", C | I),
    V("hail", "hails", "hailed", "hailed", "hailing", N | H),
    V("highlight", "highlights", "highlighted", "highlighted", "highlighting", N | H),
    V("hint", "hints", "hinted", "hinted", "hinting", C | I | H),
    V("hope", "hopes", "hoped", "hoped", "hoping", C | T | H),
    V("implore", "implores", "implored", "implored", "imploring", O | I),
    V("imply", "implies", "implied", "implied", "implying", C | I),
    V("indicate", "indicates", "indicated", "indicated", "indicating", C | T),
    V("inform", "informs", "informed", "informed", "informing", O | I),
    V("insinuate", "insinuates", "insinuated", "insinuated", "insinuating", C | I),
    V("insist", "insists", "insisted", "insisted", "insisting", C | I),
    V("instruct", "instructs", "instructed", "instructed", "instructing", O | I),
    V("interject", "interjects", "interjected", "interjected", "interjecting", C | I),
    V("joke", "jokes", "joked", "joked", "joking", C | I | H),
    V("label", "labels", "labeled", "labeled", "labeling", Q | H),
    V("lambaste", "lambastes", "lambasted", "lambasted", "lambasting", N),
    V("lament", "laments", "lamented", "lamented", "lamenting", C | I),
    V("laugh", "laughs", "laughed", "laughed", "laughing", I | H),
    V("liken", "likens", "likened", "likened", "likening", N),
    V("maintain", "maintains", "maintained", "maintained", "maintaining", C | I),
    V("marvel", "marvels", "marveled", "marveled", "marveling", C | I | H),
    V("mention", "mentions", "mentioned", "mentioned", "mentioning", C | I | H),
    V("mock", "mocks", "mocked", "mocked", "mocking", N),
    V("murmur", "murmurs", "murmured", "murmured", "murmuring", C | I | H),
    V("muse", "muses", "mused", "mused", "musing", C | I),
    V("mutter", "mutters", "muttered", "muttered", "muttering", C | I),
    V("note", "notes", "noted", "noted", "noting", C | I | H),
    V("notify", "notifies", "notified", "notified", "notifying", O | I),
    V("observe", "observes", "observed", "observed", "observing", C | I),
    V("oppose", "opposes", "opposed", "opposed", "opposing", N),
    V("outline", "outlines", "outlined", "outlined", "outlining", N | H),
    V("pitch", "pitches", "pitched", "pitched", "pitching", N | H),
    V("plan", "plans", "planned", "planned", "planning", N | H),
    V("pledge", "pledges", "pledged", "pledged", "pledging", C | I | H),
    V("portray", "portrays", "portrayed", "portrayed", "portraying", N),
    V("post", "posts", "posted", "posted", "posting", I | H),
    V("praise", "praises", "praised", "praised", "praising", N | H),
    V("predict", "predicts", "predicted", "predicted", "predicting", C | I),
    V("proclaim", "proclaims", "proclaimed", "proclaimed", "proclaiming", C | I),
    V("promise", "promises", "promised", "promised", "promising", C | O | I | H),
    V("promote", "promotes", "promoted", "promoted", "promoting", N),
    V("propose", "proposes", "proposed", "proposed", "proposing", N),
    V("protest", "protests", "protested", "protested", "protesting", N | H),
    V("question", "questions", "questioned", "questioned", "questioning", N | H),
    V("quip", "quips", "quipped", "quipped", "quipping", C | I | H),
    V("read", "reads", "read", "read", "reading", I),
    V("realise", "realises", "realised", "realised", "realising", C | T),
    V("realize", "realizes", "realized", "realized", "realizing", C | T),
    V("reassure", "reassures", "reassured", "reassured", "reassuring", O | I),
    V("rebuke", "rebukes", "rebuked", "rebuked", "rebuking", N | H),
    V("recall", "recalls", "recalled", "recalled", "recalling", C | I),
    V("recognise", "recognises", "recognised", "recognised", "recognising", C | T),
    V("recognize", "recognizes", "recognized", "recognized", "recognizing", C | T),
    V("recommend", "recommends", "recommended", "recommended", "recommending", N),
    V("recount", "recounts", "recounted", "recounted", "recounting", C | I),
    V("reference", "references", "referenced", "referenced", "referencing", N | H),
    V("reiterate", "reiterates", "reiterated", "reiterated", "reiterating", C | I),
    V("reject", "rejects", "rejected", "rejected", "rejecting", N),
    V("remark", "remarks", "remarked", "remarked", "remarking", C | I | H),
    V("remind", "reminds", "reminded", "reminded", "reminding", O | I),
    V("reply", "replies", "replied", "replied", "replying", C | I | H),
    V("report", "reports", "reported", "reported", "reporting", C | I | H),
    V("request", "requests", "requested", "requested", "requesting", N | H),
    V("respond", "responds", "responded", "responded", "responding", C | I),
    V("retort", "retorts", "retorted", "retorted", "retorting", C | I),
    V("reveal", "reveals", "revealed", "revealed", "revealing", C | I),
    V("ridicule", "ridicules", "ridiculed", "ridiculed", "ridiculing", N | H),
    V("say", "says", "said", "said", "saying", C | I),
    V("scoff", "scoffs", "scoffed", "scoffed", "scoffing", C | I),
    V("scold", "scolds", "scolded", "scolded", "scolding", N),
    V("scream", "screams", "screamed", "screamed", "screaming", C | I | H),
    V("shout", "shouts", "shouted", "shouted", "shouting", C | I | H),
    V("show", "shows", "showed", "shown", "showing", C | T | H),
    V("shriek", "shrieks", "shrieked", "shrieked", "shrieking", C | I),
    V("sigh", "sighs", "sighed", "sighed", "sighing", I | H),
    V("sing", "sings", "sang", "sung", "singing", I),
    V("slam", "slams", "slammed", "slammed", "slamming", N | H),
    V("snap", "snaps", "snapped", "snapped", "snapping", C | I | H),
    V("sneer", "sneers", "sneered", "sneered", "sneering", C | I),
    V("specify", "specifies", "specified", "specified", "specifying", C | I),
    V("speculate", "speculates", "speculated", "speculated", "speculating", C | I),
    V("state", "states", "stated", "stated", "stating", C | I | H),
    V("stress", "stresses", "stressed", "stressed", "stressing", C | I),
    V("suggest", "suggests", "suggested", "suggested", "suggesting", C | I),
    V("support", "supports", "supported", "supported", "supporting", N | H),
    V("suspect", "suspects", "suspected", "suspected", "suspecting", C | T | H),
    V("swear", "swears", "swore", "sworn", "swearing", C | I),
    V("tell", "tells", "told", "told", "telling", O | I),
    V("testify", "testifies", "testified", "testified", "testifying", C | I),
    V("think", "thinks", "thought", "thought", "thinking", C | T),
    V("threaten", "threatens", "threatened", "threatened", "threatening", C),
    V("tout", "touts", "touted", "touted", "touting", N),
    V("tweet", "tweets", "tweeted", "tweeted", "tweeting", C | I | H),
    V("underscore", "underscores", "underscored", "underscored", "underscoring", N),
    V("understand", "understands", "understood", "understood", "understanding", C | T),
    V("unveil", "unveils", "unveiled", "unveiled", "unveiling", N),
    V("urge", "urges", "urged", "urged", "urging", O | I),
    V("vow", "vows", "vowed", "vowed", "vowing", C | I | H),
    V("want", "wants", "wanted", "wanted", "wanting", N),
    V("warn", "warns", "warned", "warned", "warning", C | O | I),
    V("welcome", "welcomes", "welcomed", "welcomed", "welcoming", N | H),
    V("whisper", "whispers", "whispered", "whispered", "whispering", C | I | H),
    V("wonder", "wonders", "wondered", "wondered", "wondering", C | I),
    V("worry", "worries", "worried", "worried", "worrying", C | T),
    V("write", "writes", "wrote", "written", "writing", C | I),
    V("yell", "yells", "yelled", "yelled", "yelling", C | I | H),
};

#undef C
#undef O
#undef I
#undef Q
#undef T
#undef N
#undef H
#undef V

#define N_CUES (sizeof cue_table / sizeof cue_table[0])

/* Longest form in the table is "acknowledging" (13 bytes). */
#define CUE_FORM_MAX 16

/* Per initial letter, the lengths (bit n) and the second, third and last
 * letters (bit c - 'a') of its forms: a quick test that rejects three words
 * in four before any comparison. Then every form by its hash, in an open
 * addressing table (a slot holds the cue's index + 1, 0 when empty, and its
 * form), filled in table order so that a form two entries share finds the
 * first. All derived from cue_table once, by quotes_cues_init();
 * tests/unit/test_quotes.c finds every form of every entry through them. */
static uint16_t letter_lens[26];
static uint32_t letter_second[26], letter_third[26], letter_last[26];
#define CUE_SLOTS 4096u
static struct {
    uint16_t hash; /* the form's hash, high bits */
    uint8_t cue1;  /* cue index + 1, 0 = empty */
    uint8_t form;
} form_slot[CUE_SLOTS];
_Static_assert(N_CUES < 255, "a form slot holds a cue_table index + 1 in a byte");
_Static_assert(N_CUES * 5 < CUE_SLOTS / 2, "the form table stays under half full");

/* FNV-1a over the lower-case letters of s[0..n). */
static uint32_t form_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ ((unsigned char)s[i] | 0x20)) * 16777619u;
    return h;
}

static bool slot_is(unsigned k, const char *low, size_t n) {
    const quotes_cue *c = &cue_table[form_slot[k].cue1 - 1];
    return c->lens[form_slot[k].form] == n &&
           !memcmp(c->forms[form_slot[k].form], low, n);
}

static void add_form(size_t cue, int f) {
    const char *form = cue_table[cue].forms[f];
    size_t n = cue_table[cue].lens[f];
    uint32_t h = form_hash(form, n);
    unsigned k = h & (CUE_SLOTS - 1);
    for (; form_slot[k].cue1; k = (k + 1) & (CUE_SLOTS - 1))
        if (form_slot[k].hash == (uint16_t)(h >> 16) && slot_is(k, form, n))
            return; /* an earlier entry has this form */
    form_slot[k].hash = (uint16_t)(h >> 16);
    form_slot[k].cue1 = (uint8_t)(cue + 1);
    form_slot[k].form = (uint8_t)f;
}

static void build_letter_index(void) {
    for (size_t i = 0; i < N_CUES; i++)
        for (int f = 0; f < 5; f++) {
            const char *form = cue_table[i].forms[f];
            size_t n = cue_table[i].lens[f];
            if (n < 3 || n >= CUE_FORM_MAX)
                continue; /* never looked up: quotes_cue_find takes 3..15 letters */
            unsigned c0 = (unsigned char)form[0] - 'a', c1 = (unsigned char)form[1] - 'a',
                     c2 = (unsigned char)form[2] - 'a',
                     cl = (unsigned char)form[n - 1] - 'a';
            if (c0 >= 26 || c1 >= 26 || c2 >= 26 || cl >= 26)
                continue; /* not letters: quotes_cue_find rejects such words */
            letter_lens[c0] |= (uint16_t)(1u << n);
            letter_second[c0] |= 1u << c1;
            letter_third[c0] |= 1u << c2;
            letter_last[c0] |= 1u << cl;
            add_form(i, f);
        }
}

static pthread_once_t letter_index_once = PTHREAD_ONCE_INIT;

void quotes_cues_init(void) { pthread_once(&letter_index_once, build_letter_index); }

size_t quotes_cue_count(void) { return N_CUES; }

const quotes_cue *quotes_cue_get(int idx) {
    return idx >= 0 && (size_t)idx < N_CUES ? &cue_table[idx] : NULL;
}

int quotes_cue_find(const char *s, size_t n) {
    if (n < 3 || n >= CUE_FORM_MAX)
        return -1;
    /* quick reject on the first two letters and the length, before copying */
    unsigned c0 = ((unsigned char)s[0] | 0x20) - 'a',
             c1 = ((unsigned char)s[1] | 0x20) - 'a';
    unsigned c2 = ((unsigned char)s[2] | 0x20) - 'a',
             cl = ((unsigned char)s[n - 1] | 0x20) - 'a';
    if (c0 >= 26 || c1 >= 26 || c2 >= 26 || cl >= 26 || !(letter_lens[c0] & (1u << n)) ||
        !(letter_second[c0] & (1u << c1)) || !(letter_third[c0] & (1u << c2)) ||
        !(letter_last[c0] & (1u << cl)))
        return -1;
    char low[CUE_FORM_MAX];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i] | 0x20; /* ASCII lower case */
        if (c < 'a' || c > 'z')
            return -1;
        low[i] = (char)c;
    }
    uint32_t h = form_hash(low, n);
    for (unsigned k = h & (CUE_SLOTS - 1); form_slot[k].cue1;
         k = (k + 1) & (CUE_SLOTS - 1))
        if (form_slot[k].hash == (uint16_t)(h >> 16) && slot_is(k, low, n))
            return form_slot[k].cue1 - 1;
    return -1;
}

int quotes_cue_form(int idx, const char *s, size_t n) {
    const quotes_cue *c = quotes_cue_get(idx);
    for (int f = 0; c && f < 5; f++)
        if (c->lens[f] == n &&
            ((unsigned char)s[0] | 0x20) == (unsigned char)c->forms[f][0] &&
            !strncasecmp(c->forms[f], s, n))
            return f;
    return -1;
}
