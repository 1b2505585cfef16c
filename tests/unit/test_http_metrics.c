/* Unit tests for server/metrics: the series the HTTP front end records and
 * their Prometheus rendering. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "metrics.h"

/* The value of one exact series line ("name{labels} value"), or -1. */
static double series(const char *text, const char *name) {
    size_t n = strlen(name);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (!strncmp(p, name, n) && p[n] == ' ')
            return atof(p + n + 1);
    return -1;
}

Test(http_metrics, requests_by_route_and_status) {
    metrics *m = metrics_new();
    metrics_request(m, METRICS_ROUTE_EXTRACT, 200, 0.004);
    metrics_request(m, METRICS_ROUTE_EXTRACT, 200, 0.2);
    metrics_request(m, METRICS_ROUTE_EXTRACT, 413, 0.001);
    metrics_request(m, METRICS_ROUTE_OTHER, 418, 0.001); /* not a known status */
    char *t = metrics_render(m, NULL);
    cr_assert_not_null(t);
    cr_expect_eq(
        series(t, "lede_http_requests_total{route=\"/v1/extract\",status=\"200\"}"), 2);
    cr_expect_eq(
        series(t, "lede_http_requests_total{route=\"/v1/extract\",status=\"413\"}"), 1);
    cr_expect_eq(series(t, "lede_http_requests_total{route=\"other\",status=\"other\"}"),
                 1);
    /* Histogram buckets are cumulative and end with +Inf = count. */
    cr_expect_eq(series(t, "lede_http_request_duration_seconds_bucket{route=\"/v1/"
                           "extract\",le=\"0.005\"}"),
                 2);
    cr_expect_eq(series(t, "lede_http_request_duration_seconds_bucket{route=\"/v1/"
                           "extract\",le=\"0.25\"}"),
                 3);
    cr_expect_eq(series(t, "lede_http_request_duration_seconds_bucket{route=\"/v1/"
                           "extract\",le=\"+Inf\"}"),
                 3);
    cr_expect_eq(
        series(t, "lede_http_request_duration_seconds_count{route=\"/v1/extract\"}"), 3);
    double sum =
        series(t, "lede_http_request_duration_seconds_sum{route=\"/v1/extract\"}");
    cr_expect(sum > 0.2049 && sum < 0.2051, "sum %f", sum);
    free(t);
    metrics_free(m);
}

Test(http_metrics, stages_fetch_errors_inflight) {
    metrics *m = metrics_new();
    lede_timings tm = {.parse = 1, .content = 2, .meta = 0.5, .nlp = 30, .total = 33.5};
    metrics_extract(m, &tm);
    metrics_fetch_error(m, "fetch_timeout");
    metrics_fetch_error(m, "something_new");
    metrics_inflight_add(m, 3);
    metrics_inflight_add(m, -1);
    char *t = metrics_render(m, NULL);
    cr_assert_not_null(t);
    cr_expect_eq(series(t, "lede_extract_duration_seconds_count{stage=\"nlp\"}"), 1);
    cr_expect_eq(
        series(t, "lede_extract_duration_seconds_bucket{stage=\"nlp\",le=\"0.025\"}"), 0);
    cr_expect_eq(
        series(t, "lede_extract_duration_seconds_bucket{stage=\"nlp\",le=\"0.05\"}"), 1);
    cr_expect_eq(series(t, "lede_fetch_errors_total{cause=\"fetch_timeout\"}"), 1);
    cr_expect_eq(series(t, "lede_fetch_errors_total{cause=\"other\"}"), 1);
    cr_expect_eq(series(t, "lede_inflight_requests"), 2);
    cr_expect(strstr(t, "# TYPE lede_http_requests_total counter\n") != NULL);
    cr_expect(strstr(t, "# TYPE lede_extract_duration_seconds histogram\n") != NULL);
    free(t);
    metrics_free(m);
}
