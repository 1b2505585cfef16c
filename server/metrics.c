/* Fixed-slot Prometheus metrics with relaxed atomics. */
#include "metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const route_names[METRICS_N_ROUTES] = {
    "/v1/extract", "/v1/extract/batch", "/healthz", "/readyz",
    "/metrics",    "/openapi.yaml",     "/",        "other"};

/* Statuses the service answers with; anything else is counted as "other". */
static const int statuses[] = {200, 400, 403, 404, 405, 413, 415,
                               422, 500, 501, 502, 503, 504};
#define N_STATUSES (sizeof statuses / sizeof statuses[0])

/* Histogram bounds in seconds: a 100 KB page takes milliseconds, a fetch seconds. */
static const double buckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                 0.25,  0.5,    1,     2.5,  5,     10};
#define N_BUCKETS (sizeof buckets / sizeof buckets[0])

static const char *const stages[] = {"parse", "content", "meta", "nlp", "total"};
#define N_STAGES (sizeof stages / sizeof stages[0])

static const char *const causes[] = {
    "bad_request",  "forbidden_target", "too_large",  "not_html",
    "fetch_failed", "fetch_timeout",    "overloaded", "other"};
#define N_CAUSES (sizeof causes / sizeof causes[0])

/* Sums are kept in microseconds so they can be atomic integers. */
#define US_PER_S 1e6

typedef struct {
    atomic_ulong le[N_BUCKETS + 1]; /* the last slot is +Inf */
    atomic_ulong count;
    atomic_ullong sum_us;
} histogram;

struct metrics {
    atomic_ulong requests[METRICS_N_ROUTES][N_STATUSES + 1];
    histogram duration[METRICS_N_ROUTES];
    histogram stage[N_STAGES];
    atomic_ulong fetch_errors[N_CAUSES];
    atomic_long inflight;
};

const char *metrics_route_name(metrics_route r) {
    return (unsigned)r < METRICS_N_ROUTES ? route_names[r] : "other";
}

metrics *metrics_new(void) { return calloc(1, sizeof(metrics)); }

void metrics_free(metrics *m) { free(m); }

static void observe(histogram *h, double seconds) {
    if (seconds < 0)
        seconds = 0;
    size_t i = 0;
    while (i < N_BUCKETS && seconds > buckets[i])
        i++;
    atomic_fetch_add_explicit(&h->le[i], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&h->count, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&h->sum_us, (unsigned long long)(seconds * US_PER_S),
                              memory_order_relaxed);
}

void metrics_request(metrics *m, metrics_route route, int status, double seconds) {
    if ((unsigned)route >= METRICS_N_ROUTES)
        route = METRICS_ROUTE_OTHER;
    size_t s = 0;
    while (s < N_STATUSES && statuses[s] != status)
        s++;
    atomic_fetch_add_explicit(&m->requests[route][s], 1, memory_order_relaxed);
    observe(&m->duration[route], seconds);
}

void metrics_extract(metrics *m, const lede_timings *t) {
    const double ms[N_STAGES] = {t->parse, t->content, t->meta, t->nlp, t->total};
    for (size_t i = 0; i < N_STAGES; i++)
        observe(&m->stage[i], ms[i] / 1e3);
}

void metrics_fetch_error(metrics *m, const char *cause) {
    size_t i = 0;
    while (i < N_CAUSES - 1 && strcmp(causes[i], cause ? cause : ""))
        i++;
    atomic_fetch_add_explicit(&m->fetch_errors[i], 1, memory_order_relaxed);
}

void metrics_inflight_add(metrics *m, long delta) {
    atomic_fetch_add_explicit(&m->inflight, delta, memory_order_relaxed);
}

long metrics_inflight(const metrics *m) {
    return atomic_load_explicit(&((metrics *)m)->inflight, memory_order_relaxed);
}

/* A growing output buffer; on allocation failure it stays failed. */
typedef struct {
    char *data;
    size_t len, size;
    bool failed;
} outbuf;

__attribute__((format(printf, 2, 3))) static void out(outbuf *b, const char *fmt, ...) {
    if (b->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->data + b->len, b->size - b->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = true;
            return;
        }
        if ((size_t)n < b->size - b->len) {
            b->len += (size_t)n;
            return;
        }
        size_t size = b->size * 2 + (size_t)n;
        char *p = realloc(b->data, size);
        if (!p) {
            b->failed = true;
            return;
        }
        b->data = p;
        b->size = size;
    }
}

static unsigned long load(const atomic_ulong *v) {
    return atomic_load_explicit((atomic_ulong *)v, memory_order_relaxed);
}

/* One histogram's _bucket, _sum and _count lines; `labels` is "" or `k="v",`. */
static void render_histogram(outbuf *b, const char *name, const char *labels,
                             const histogram *h) {
    unsigned long cumulative = 0;
    for (size_t i = 0; i <= N_BUCKETS; i++) {
        cumulative += load(&h->le[i]);
        if (i < N_BUCKETS)
            out(b, "%s_bucket{%sle=\"%g\"} %lu\n", name, labels, buckets[i], cumulative);
        else
            out(b, "%s_bucket{%sle=\"+Inf\"} %lu\n", name, labels, cumulative);
    }
    size_t lab_len = strlen(labels);
    /* Drop the trailing comma for the _sum and _count label sets. */
    out(b, "%s_sum{%.*s} %.6f\n", name, (int)(lab_len ? lab_len - 1 : 0), labels,
        (double)atomic_load_explicit((atomic_ullong *)&h->sum_us, memory_order_relaxed) /
            US_PER_S);
    out(b, "%s_count{%.*s} %lu\n", name, (int)(lab_len ? lab_len - 1 : 0), labels,
        load(&h->count));
}

char *metrics_render(const metrics *m, size_t *len) {
    outbuf b = {.size = 16384};
    b.data = malloc(b.size);
    if (!b.data)
        return NULL;
    b.data[0] = '\0';
    out(&b, "# HELP lede_http_requests_total HTTP requests by route and status.\n"
            "# TYPE lede_http_requests_total counter\n");
    for (size_t r = 0; r < METRICS_N_ROUTES; r++)
        for (size_t s = 0; s <= N_STATUSES; s++) {
            unsigned long v = load(&m->requests[r][s]);
            if (!v)
                continue;
            if (s < N_STATUSES)
                out(&b, "lede_http_requests_total{route=\"%s\",status=\"%d\"} %lu\n",
                    route_names[r], statuses[s], v);
            else
                out(&b, "lede_http_requests_total{route=\"%s\",status=\"other\"} %lu\n",
                    route_names[r], v);
        }
    out(&b, "# HELP lede_http_request_duration_seconds HTTP request duration.\n"
            "# TYPE lede_http_request_duration_seconds histogram\n");
    for (size_t r = 0; r < METRICS_N_ROUTES; r++) {
        char labels[64];
        snprintf(labels, sizeof labels, "route=\"%s\",", route_names[r]);
        render_histogram(&b, "lede_http_request_duration_seconds", labels,
                         &m->duration[r]);
    }
    out(&b, "# HELP lede_extract_duration_seconds Extraction time by pipeline stage.\n"
            "# TYPE lede_extract_duration_seconds histogram\n");
    for (size_t s = 0; s < N_STAGES; s++) {
        char labels[64];
        snprintf(labels, sizeof labels, "stage=\"%s\",", stages[s]);
        render_histogram(&b, "lede_extract_duration_seconds", labels, &m->stage[s]);
    }
    out(&b, "# HELP lede_fetch_errors_total Failed URL fetches by cause.\n"
            "# TYPE lede_fetch_errors_total counter\n");
    for (size_t c = 0; c < N_CAUSES; c++)
        out(&b, "lede_fetch_errors_total{cause=\"%s\"} %lu\n", causes[c],
            load(&m->fetch_errors[c]));
    out(&b,
        "# HELP lede_inflight_requests Requests being handled.\n"
        "# TYPE lede_inflight_requests gauge\n"
        "lede_inflight_requests %ld\n",
        metrics_inflight(m));
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    if (len)
        *len = b.len;
    return b.data;
}
