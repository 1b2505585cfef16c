/* The tagger's decoding kernels against the plain loops they replace: the
 * Viterbi step (a tree of pairwise maxima) must break ties as a left-to-right
 * scan does, and forward-backward (sums in vector lanes) must give the same
 * posteriors bit for bit. Scores are small integers so that ties are common. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "nlp/ner_model.h"

static unsigned next_rand(unsigned *seed) {
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

static bool allowed(int from, int to) {
    if (to == NER_O || ner_tag_is_begin((ner_tag)to))
        return true;
    return from != NER_START && from != NER_O && (from - 1) / 2 == (to - 1) / 2;
}

/* Viterbi as a left-to-right scan: a predecessor replaces the best so far
 * only when it scores strictly more, so ties keep the lowest one; the last
 * token's best is the lowest tag among the maxima. */
static void scan_viterbi(const float *em, const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                         size_t n, uint8_t *out) {
    enum { MAX = 64 };
    float cur[NER_N_TAGS], next[NER_N_TAGS];
    uint8_t back[MAX][NER_N_TAGS];
    cr_assert(n <= MAX);
    for (int t = 0; t < NER_N_TAGS; t++)
        cur[t] = allowed(NER_START, t) ? trans[NER_START][t] + em[t] : -INFINITY;
    for (size_t i = 1; i < n; i++) {
        for (int t = 0; t < NER_N_TAGS; t++) {
            float best = -INFINITY;
            int arg = -1;
            for (int p = 0; p < NER_N_TAGS; p++) {
                if (!allowed(p, t))
                    continue;
                float s = cur[p] + trans[p][t];
                if (arg < 0 || s > best) {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + em[i * NER_N_TAGS + t];
            back[i][t] = (uint8_t)arg;
        }
        memcpy(cur, next, sizeof cur);
    }
    int best = 0;
    for (int t = 1; t < NER_N_TAGS; t++)
        if (cur[t] > cur[best])
            best = t;
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t)best;
        if (i)
            best = back[i][best];
    }
}

/* Many equal scores: emissions and transitions drawn from {-2 .. 2}, so that
 * several predecessors and several whole paths tie at almost every step. */
Test(ner_model, viterbi_breaks_ties_toward_the_lowest_predecessor) {
    unsigned seed = 4242;
    int sentences_with_ties = 0;
    for (int round = 0; round < 300; round++) {
        size_t n = 1 + next_rand(&seed) % 40;
        float em[64 * NER_N_TAGS], trans[NER_N_TAGS + 1][NER_N_TAGS];
        for (size_t k = 0; k < n * NER_N_TAGS; k++)
            em[k] = (float)((int)(next_rand(&seed) % 5) - 2);
        for (int a = 0; a <= NER_N_TAGS; a++)
            for (int b = 0; b < NER_N_TAGS; b++)
                trans[a][b] = (float)((int)(next_rand(&seed) % 5) - 2);
        uint8_t back[64 * NER_N_TAGS], got[64], want[64];
        ner_viterbi(em, trans, n, back, got);
        scan_viterbi(em, trans, n, want);
        for (size_t i = 0; i < n; i++)
            cr_assert_eq(got[i], want[i], "round %d token %zu: tag %d, the scan says %d",
                         round, i, got[i], want[i]);
        /* Count the sentences where a right-biased maximum would differ. */
        for (size_t i = 1; i < n; i++)
            if (em[i * NER_N_TAGS] == em[i * NER_N_TAGS + 1]) {
                sentences_with_ties++;
                break;
            }
    }
    cr_assert(sentences_with_ties > 100);
}

/* The whole decoding of a sentence of one repeated token with all-equal
 * scores: every tie resolved to the lowest tag, O throughout. */
Test(ner_model, viterbi_on_all_equal_scores_says_o) {
    enum { N = 12 };
    float em[N * NER_N_TAGS] = {0}, trans[NER_N_TAGS + 1][NER_N_TAGS] = {{0}};
    uint8_t back[N * NER_N_TAGS], out[N];
    ner_viterbi(em, trans, N, back, out);
    for (int i = 0; i < N; i++)
        cr_assert_eq(out[i], NER_O);
}

/* Forward-backward written as the textbook loops, sums in the order the
 * tagger promises; alpha gets the normalised forward sums. */
static void plain_marginals(const float *em, const double tr[NER_N_TAGS + 1][NER_N_TAGS],
                            size_t n, double k, const uint8_t *tags, float *out,
                            double alpha[][NER_N_TAGS]) {
    enum { MAX = 64 };
    double e[MAX][NER_N_TAGS];
    for (size_t i = 0; i < n; i++) {
        float mx = em[i * NER_N_TAGS];
        for (int t = 1; t < NER_N_TAGS; t++)
            mx = em[i * NER_N_TAGS + t] > mx ? em[i * NER_N_TAGS + t] : mx;
        for (int t = 0; t < NER_N_TAGS; t++)
            e[i][t] = expf((float)k * (em[i * NER_N_TAGS + t] - mx));
    }
    for (size_t i = 0; i < n; i++) {
        double sum = 0;
        for (int t = 0; t < NER_N_TAGS; t++) {
            double v = 0;
            if (i == 0)
                v = tr[NER_N_TAGS][t];
            else
                for (int p = 0; p < NER_N_TAGS; p++)
                    v += alpha[i - 1][p] * tr[p][t];
            alpha[i][t] = v * e[i][t];
            sum += alpha[i][t];
        }
        for (int t = 0; t < NER_N_TAGS; t++)
            alpha[i][t] = sum > 0 ? alpha[i][t] / sum : 0;
    }
    double beta[NER_N_TAGS], nb[NER_N_TAGS];
    for (int t = 0; t < NER_N_TAGS; t++)
        beta[t] = 1;
    for (size_t i = n; i-- > 0;) {
        double z = 0;
        for (int t = 0; t < NER_N_TAGS; t++)
            z += alpha[i][t] * beta[t];
        out[i] = z > 0 ? (float)(alpha[i][tags[i]] * beta[tags[i]] / z) : 1.0f;
        if (!i)
            break;
        double sum = 0;
        for (int p = 0; p < NER_N_TAGS; p++) {
            double v = 0;
            for (int t = 0; t < NER_N_TAGS; t++)
                v += tr[p][t] * e[i][t] * beta[t];
            nb[p] = v;
            sum += v;
        }
        for (int p = 0; p < NER_N_TAGS; p++)
            beta[p] = sum > 0 ? nb[p] / sum : 0;
    }
}

Test(ner_model, marginals_are_the_plain_loops_bit_for_bit) {
    unsigned seed = 99;
    for (int round = 0; round < 200; round++) {
        size_t n = 1 + next_rand(&seed) % 50;
        float em[64 * NER_N_TAGS], trans[NER_N_TAGS + 1][NER_N_TAGS];
        for (size_t i = 0; i < n * NER_N_TAGS; i++)
            em[i] = (float)((int)(next_rand(&seed) % 40001) - 20000);
        for (int a = 0; a <= NER_N_TAGS; a++)
            for (int b = 0; b < NER_N_TAGS; b++)
                trans[a][b] = (float)((int)(next_rand(&seed) % 20001) - 10000);
        uint8_t tags[64];
        scan_viterbi(em, trans, n, tags);
        const double k = 0.07 / 300.0;
        double tr[NER_N_TAGS + 1][NER_N_TAGS], work[3 * 64 * NER_N_TAGS];
        ner_marginal_trans(trans, k, tr);
        float got[64], want[64];
        double alpha[64][NER_N_TAGS];
        ner_marginals(em, (const double(*)[NER_N_TAGS])tr, n, k, tags, work, got);
        plain_marginals(em, (const double(*)[NER_N_TAGS])tr, n, k, tags, want, alpha);
        /* The forward sums are left in the work area after the exponentials:
         * in double precision, any other order of a sum shows here. */
        cr_assert(memcmp(work + n * NER_N_TAGS, alpha, n * sizeof alpha[0]) == 0,
                  "round %d: the forward sums differ from the plain loops'", round);
        for (size_t i = 0; i < n; i++)
            cr_assert(memcmp(&got[i], &want[i], sizeof got[i]) == 0,
                      "round %d token %zu: %.9g, the plain loops say %.9g", round, i,
                      (double)got[i], (double)want[i]);
    }
}
