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

static const quotes_cue cue_table[] = {
    {{"accuse", "accuses", "accused", "accused", "accusing"}, N},
    {{"acknowledge", "acknowledges", "acknowledged", "acknowledged", "acknowledging"},
     C | I},
    {{"add", "adds", "added", "added", "adding"}, C | I},
    {{"admit", "admits", "admitted", "admitted", "admitting"}, C | I},
    {{"advise", "advises", "advised", "advised", "advising"}, O | I},
    {{"advocate", "advocates", "advocated", "advocated", "advocating"}, N | H},
    {{"affirm", "affirms", "affirmed", "affirmed", "affirming"}, C | I},
    {{"agree", "agrees", "agreed", "agreed", "agreeing"}, C | T},
    {{"allege", "alleges", "alleged", "alleged", "alleging"}, C | I},
    {{"announce", "announces", "announced", "announced", "announcing"}, C | I},
    {{"answer", "answers", "answered", "answered", "answering"}, C | I | H},
    {{"argue", "argues", "argued", "argued", "arguing"}, C | I},
    {{"ask", "asks", "asked", "asked", "asking"}, O | I},
    {{"assail", "assails", "assailed", "assailed", "assailing"}, N},
    {{"assert", "asserts", "asserted", "asserted", "asserting"}, C | I},
    {{"assure", "assures", "assured", "assured", "assuring"}, C | O | I},
    {{"attack", "attacks", "attacked", "attacked", "attacking"}, N | H},
    {{"believe", "believes", "believed", "believed", "believing"}, C | T},
    {{"bemoan", "bemoans", "bemoaned", "bemoaned", "bemoaning"}, N},
    {{"blame", "blames", "blamed", "blamed", "blaming"}, N},
    {{"blast", "blasts", "blasted", "blasted", "blasting"}, N | H},
    {{"boast", "boasts", "boasted", "boasted", "boasting"}, C | I},
    {{"brag", "brags", "bragged", "bragged", "bragging"}, C | I},
    {{"call", "calls", "called", "called", "calling"}, Q | H},
    {{"caution", "cautions", "cautioned", "cautioned", "cautioning"}, C | I},
    {{"charge", "charges", "charged", "charged", "charging"}, C | I | H},
    {{"chide", "chides", "chided", "chided", "chiding"}, N},
    {{"cite", "cites", "cited", "cited", "citing"}, N},
    {{"claim", "claims", "claimed", "claimed", "claiming"}, C | I | H},
    {{"clarify", "clarifies", "clarified", "clarified", "clarifying"}, C | I},
    {{"comment", "comments", "commented", "commented", "commenting"}, C | I | H},
    {{"complain", "complains", "complained", "complained", "complaining"}, C | I},
    {{"concede", "concedes", "conceded", "conceded", "conceding"}, C | I},
    {{"conclude", "concludes", "concluded", "concluded", "concluding"}, C | T},
    {{"concur", "concurs", "concured", "concured", "concuring"}, C | I},
    {{"condemn", "condemns", "condemned", "condemned", "condemning"}, N},
    {{"confirm", "confirms", "confirmed", "confirmed", "confirming"}, C | I},
    {{"contend", "contends", "contended", "contended", "contending"}, C | I},
    {{"continue", "continues", "continued", "continued", "continuing"}, I},
    {{"counter", "counters", "countered", "countered", "countering"}, C | I | H},
    {{"criticize", "criticizes", "criticized", "criticized", "criticizing"}, N},
    {{"declare", "declares", "declared", "declared", "declaring"}, C | I},
    {{"decry", "decries", "decried", "decried", "decrying"}, N},
    {{"defend", "defends", "defended", "defended", "defending"}, N},
    {{"demand", "demands", "demanded", "demanded", "demanding"}, N | H},
    {{"deny", "denies", "denied", "denied", "denying"}, C | I},
    {{"describe", "describes", "described", "described", "describing"}, Q},
    {{"disclose", "discloses", "disclosed", "disclosed", "disclosing"}, C | T},
    {{"discuss", "discusses", "discussed", "discussed", "discussing"}, N},
    {{"dismiss", "dismisses", "dismissed", "dismissed", "dismissing"}, N},
    {{"dispute", "disputes", "disputed", "disputed", "disputing"}, N | H},
    {{"doubt", "doubts", "doubted", "doubted", "doubting"}, C | T | H},
    {{"dub", "dubs", "dubbed", "dubbed", "dubbing"}, Q | H},
    {{"echo", "echoes", "echoed", "echoed", "echoing"}, N | H},
    {{"emphasize", "emphasizes", "emphasized", "emphasized", "emphasizing"}, C | I},
    {{"encourage", "encourages", "encouraged", "encouraged", "encouraging"}, N},
    {{"endorse", "endorses", "endorsed", "endorsed", "endorsing"}, N},
    {{"estimate", "estimates", "estimated", "estimated", "estimating"}, C | T | H},
    {{"exclaim", "exclaims", "exclaimed", "exclaimed", "exclaiming"}, C | I},
    {{"expect", "expects", "expected", "expected", "expecting"}, N},
    {{"explain", "explains", "explained", "explained", "explaining"}, C | I},
    {{"fault", "faults", "faulted", "faulted", "faulting"}, N | H},
    {{"fear", "fears", "feared", "feared", "fearing"}, C | T | H},
    {{"find", "finds", "found", "found", "finding"}, C | T | H},
    {{"gush", "gushes", "gushed", "gushed", "gushing"}, C | I},
    {{"hail", "hails", "hailed", "hailed", "hailing"}, N | H},
    {{"highlight", "highlights", "highlighted", "highlighted", "highlighting"}, N | H},
    {{"hope", "hopes", "hoped", "hoped", "hoping"}, C | T | H},
    {{"indicate", "indicates", "indicated", "indicated", "indicating"}, C | T},
    {{"inform", "informs", "informed", "informed", "informing"}, O | I},
    {{"insinuate", "insinuates", "insinuated", "insinuated", "insinuating"}, C | I},
    {{"insist", "insists", "insisted", "insisted", "insisting"}, C | I},
    {{"instruct", "instructs", "instructed", "instructed", "instructing"}, O | I},
    {{"joke", "jokes", "joked", "joked", "joking"}, C | I | H},
    {{"label", "labels", "labeled", "labeled", "labeling"}, Q | H},
    {{"lambaste", "lambastes", "lambasted", "lambasted", "lambasting"}, N},
    {{"lament", "laments", "lamented", "lamented", "lamenting"}, C | I},
    {{"liken", "likens", "likened", "likened", "likening"}, N},
    {{"maintain", "maintains", "maintained", "maintained", "maintaining"}, C | I},
    {{"mention", "mentions", "mentioned", "mentioned", "mentioning"}, C | I | H},
    {{"mock", "mocks", "mocked", "mocked", "mocking"}, N},
    {{"muse", "muses", "mused", "mused", "musing"}, C | I},
    {{"note", "notes", "noted", "noted", "noting"}, C | I | H},
    {{"notify", "notifies", "notified", "notified", "notifying"}, O | I},
    {{"observe", "observes", "observed", "observed", "observing"}, C | I},
    {{"oppose", "opposes", "opposed", "opposed", "opposing"}, N},
    {{"plan", "plans", "planned", "planned", "planning"}, N | H},
    {{"pledge", "pledges", "pledged", "pledged", "pledging"}, C | I | H},
    {{"portray", "portrays", "portrayed", "portrayed", "portraying"}, N},
    {{"post", "posts", "posted", "posted", "posting"}, I | H},
    {{"praise", "praises", "praised", "praised", "praising"}, N | H},
    {{"predict", "predicts", "predicted", "predicted", "predicting"}, C | I},
    {{"proclaim", "proclaims", "proclaimed", "proclaimed", "proclaiming"}, C | I},
    {{"promise", "promises", "promised", "promised", "promising"}, C | O | I | H},
    {{"propose", "proposes", "proposed", "proposed", "proposing"}, N},
    {{"question", "questions", "questioned", "questioned", "questioning"}, N | H},
    {{"quip", "quips", "quipped", "quipped", "quipping"}, C | I | H},
    {{"realize", "realizes", "realized", "realized", "realizing"}, C | T},
    {{"reassure", "reassures", "reassured", "reassured", "reassuring"}, O | I},
    {{"rebuke", "rebukes", "rebuked", "rebuked", "rebuking"}, N | H},
    {{"recall", "recalls", "recalled", "recalled", "recalling"}, C | I},
    {{"recommend", "recommends", "recommended", "recommended", "recommending"}, N},
    {{"recount", "recounts", "recounted", "recounted", "recounting"}, C | I},
    {{"reference", "references", "referenced", "referenced", "referencing"}, N | H},
    {{"reiterate", "reiterates", "reiterated", "reiterated", "reiterating"}, C | I},
    {{"reject", "rejects", "rejected", "rejected", "rejecting"}, N},
    {{"remark", "remarks", "remarked", "remarked", "remarking"}, C | I | H},
    {{"remind", "reminds", "reminded", "reminded", "reminding"}, O | I},
    {{"reply", "replies", "replied", "replied", "replying"}, C | I | H},
    {{"report", "reports", "reported", "reported", "reporting"}, C | I | H},
    {{"request", "requests", "requested", "requested", "requesting"}, N | H},
    {{"respond", "responds", "responded", "responded", "responding"}, C | I},
    {{"reveal", "reveals", "revealed", "revealed", "revealing"}, C | I},
    {{"ridicule", "ridicules", "ridiculed", "ridiculed", "ridiculing"}, N | H},
    {{"say", "says", "said", "said", "saying"}, C | I},
    {{"scold", "scolds", "scolded", "scolded", "scolding"}, N},
    {{"shout", "shouts", "shouted", "shouted", "shouting"}, C | I | H},
    {{"show", "shows", "showed", "shown", "showing"}, C | T | H},
    {{"slam", "slams", "slammed", "slammed", "slamming"}, N | H},
    {{"specify", "specifies", "specified", "specified", "specifying"}, C | I},
    {{"speculate", "speculates", "speculated", "speculated", "speculating"}, C | I},
    {{"state", "states", "stated", "stated", "stating"}, C | I | H},
    {{"stress", "stresses", "stressed", "stressed", "stressing"}, C | I},
    {{"suggest", "suggests", "suggested", "suggested", "suggesting"}, C | I},
    {{"suspect", "suspects", "suspected", "suspected", "suspecting"}, C | T | H},
    {{"swear", "swears", "swore", "sworn", "swearing"}, C | I},
    {{"tell", "tells", "told", "told", "telling"}, O | I},
    {{"testify", "testifies", "testified", "testified", "testifying"}, C | I},
    {{"think", "thinks", "thought", "thought", "thinking"}, C | T},
    {{"threaten", "threatens", "threatened", "threatened", "threatening"}, C},
    {{"tout", "touts", "touted", "touted", "touting"}, N},
    {{"tweet", "tweets", "tweeted", "tweeted", "tweeting"}, C | I | H},
    {{"underscore", "underscores", "underscored", "underscored", "underscoring"}, N},
    {{"urge", "urges", "urged", "urged", "urging"}, O | I},
    {{"vow", "vows", "vowed", "vowed", "vowing"}, C | I | H},
    {{"want", "wants", "wanted", "wanted", "wanting"}, N},
    {{"warn", "warns", "warned", "warned", "warning"}, C | O | I},
    {{"welcome", "welcomes", "welcomed", "welcomed", "welcoming"}, N | H},
    {{"wonder", "wonders", "wondered", "wondered", "wondering"}, C | I},
    {{"worry", "worries", "worried", "worried", "worrying"}, C | T},
    {{"write", "writes", "wrote", "written", "writing"}, C | I},
    {{"yell", "yells", "yelled", "yelled", "yelling"}, C | I | H},
};

#undef C
#undef O
#undef I
#undef Q
#undef T
#undef N
#undef H

#define N_CUES (sizeof cue_table / sizeof cue_table[0])
/* Longest form in the table is "acknowledging" (13 bytes). */
#define CUE_FORM_MAX 16

size_t quotes_cue_count(void) { return N_CUES; }

const quotes_cue *quotes_cue_get(int idx) {
    return idx >= 0 && (size_t)idx < N_CUES ? &cue_table[idx] : NULL;
}

int quotes_cue_find(const char *s, size_t n) {
    if (n < 3 || n >= CUE_FORM_MAX)
        return -1;
    char low[CUE_FORM_MAX];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i] | 0x20; /* ASCII lower case */
        if (c < 'a' || c > 'z')
            return -1;
        low[i] = (char)c;
    }
    low[n] = '\0';
    /* First entry whose base starts with low[0]. */
    size_t lo = 0, hi = N_CUES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)cue_table[mid].forms[0][0] < (unsigned char)low[0])
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < N_CUES && cue_table[i].forms[0][0] == low[0]; i++)
        for (int f = 0; f < 5; f++) {
            const char *form = cue_table[i].forms[f];
            if (form[1] == low[1] && form[2] == low[2] && !strcmp(form + 2, low + 2))
                return (int)i;
        }
    return -1;
}

int quotes_cue_form(int idx, const char *s, size_t n) {
    const quotes_cue *c = quotes_cue_get(idx);
    for (int f = 0; c && f < 5; f++)
        if (strlen(c->forms[f]) == n && !strncasecmp(c->forms[f], s, n))
            return f;
    return -1;
}
