/*
 * lede-load — a small closed-loop HTTP load generator on libcurl's multi API.
 *
 * N connections each POST the same body again as soon as their previous answer
 * is in, until a duration or a request count is reached. Prints one summary
 * line: requests, errors (transport failures or a status other than 200),
 * requests/s and latency percentiles. Built by tests/bench/load.sh.
 *
 *   lede-load --url URL --body FILE [--content-type T] [--concurrency N]
 *             [--duration SECONDS] [--requests N]
 */
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Latencies are kept for the percentiles; this bounds the array. */
#define MAX_SAMPLES 10000000L

typedef struct {
    const char *url;
    const char *ctype;
    char *body;
    long body_len;
    long concurrency;
    double duration_s;
    long max_requests;
} load_opts;

typedef struct {
    double *lat_ms;
    long n, size;
    long started, errors;
} load_stats;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t discard(char *p, size_t size, size_t n, void *user) {
    (void)p;
    (void)user;
    return size * n;
}

static int read_file(const char *path, char **out, long *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    fseek(f, 0, SEEK_SET);
    *out = malloc((size_t)*len + 1);
    int ok = *out && fread(*out, 1, (size_t)*len, f) == (size_t)*len;
    fclose(f);
    return ok ? 0 : -1;
}

static CURL *new_handle(const load_opts *o, struct curl_slist *headers) {
    CURL *h = curl_easy_init();
    if (!h)
        return NULL;
    curl_easy_setopt(h, CURLOPT_URL, o->url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, o->body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, o->body_len);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    return h;
}

static void record(load_stats *st, double ms) {
    if (st->n == st->size && st->size < MAX_SAMPLES) {
        long size = st->size ? st->size * 2 : 4096;
        double *p = realloc(st->lat_ms, (size_t)size * sizeof *p);
        if (!p)
            return;
        st->lat_ms = p;
        st->size = size;
    }
    if (st->n < st->size)
        st->lat_ms[st->n++] = ms;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(const load_stats *st, double p) {
    if (!st->n)
        return 0;
    long i = (long)(p * (double)(st->n - 1) + 0.5);
    return st->lat_ms[i];
}

static int usage(void) {
    fprintf(stderr, "usage: lede-load --url URL --body FILE [--content-type T] "
                    "[--concurrency N] [--duration S] [--requests N]\n");
    return 2;
}

int main(int argc, char **argv) {
    load_opts o = {.ctype = "text/html", .concurrency = 1, .duration_s = 10};
    const char *body_path = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--url"))
            o.url = argv[i + 1];
        else if (!strcmp(argv[i], "--body"))
            body_path = argv[i + 1];
        else if (!strcmp(argv[i], "--content-type"))
            o.ctype = argv[i + 1];
        else if (!strcmp(argv[i], "--concurrency"))
            o.concurrency = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--duration"))
            o.duration_s = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--requests"))
            o.max_requests = atol(argv[i + 1]);
        else
            return usage();
    }
    if (!o.url || !body_path || o.concurrency < 1)
        return usage();
    if (read_file(body_path, &o.body, &o.body_len)) {
        fprintf(stderr, "lede-load: cannot read %s\n", body_path);
        return 1;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    char ct[256];
    snprintf(ct, sizeof ct, "Content-Type: %s", o.ctype);
    struct curl_slist *headers = curl_slist_append(NULL, ct);
    headers = curl_slist_append(headers, "Expect:"); /* no 100-continue round trip */
    CURLM *multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, o.concurrency);
    load_stats st = {0};
    double start = now_s(), deadline = start + o.duration_s;
    long active = 0;
    for (long i = 0; i < o.concurrency; i++) {
        if (o.max_requests && st.started >= o.max_requests)
            break;
        CURL *h = new_handle(&o, headers);
        if (!h)
            break;
        curl_multi_add_handle(multi, h);
        st.started++;
        active++;
    }
    while (active) {
        int running;
        curl_multi_perform(multi, &running);
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(multi, &left))) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            CURL *h = msg->easy_handle;
            long status = 0;
            curl_off_t us = 0;
            curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
            curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &us);
            if (msg->data.result != CURLE_OK || status != 200)
                st.errors++;
            record(&st, (double)us / 1e3);
            curl_multi_remove_handle(multi, h);
            bool more =
                now_s() < deadline && (!o.max_requests || st.started < o.max_requests);
            if (more) {
                curl_multi_add_handle(multi,
                                      h); /* the same handle reuses its connection */
                st.started++;
            } else {
                curl_easy_cleanup(h);
                active--;
            }
        }
        if (active)
            curl_multi_poll(multi, NULL, 0, 100, NULL);
    }
    double elapsed = now_s() - start;
    qsort(st.lat_ms, (size_t)st.n, sizeof *st.lat_ms, cmp_double);
    printf("concurrency=%ld requests=%ld errors=%ld seconds=%.1f rps=%.1f p50_ms=%.2f "
           "p99_ms=%.2f max_ms=%.2f\n",
           o.concurrency, st.n, st.errors, elapsed, (double)st.n / elapsed,
           percentile(&st, 0.50), percentile(&st, 0.99), percentile(&st, 1.0));
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    curl_global_cleanup();
    free(st.lat_ms);
    free(o.body);
    return st.errors ? 1 : 0;
}
