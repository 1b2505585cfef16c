/*
 * metrics — the service's counters, gauges and histograms, rendered in the
 * Prometheus text format for GET /metrics.
 *
 * Every series is a fixed slot updated with relaxed atomics: recording a
 * request never allocates or locks. Labels come from small fixed sets (routes,
 * statuses, stages, fetch causes); an unexpected value lands in "other", so the
 * number of series is bounded whatever clients send.
 */
#ifndef LEDE_SERVER_METRICS_H
#define LEDE_SERVER_METRICS_H

#include <stddef.h>

#include "lede/lede.h"

typedef enum {
    METRICS_ROUTE_EXTRACT = 0,
    METRICS_ROUTE_BATCH,
    METRICS_ROUTE_HEALTHZ,
    METRICS_ROUTE_READYZ,
    METRICS_ROUTE_METRICS,
    METRICS_ROUTE_OPENAPI,
    METRICS_ROUTE_UI, /* GET /: the page for people */
    METRICS_ROUTE_OTHER,
    METRICS_N_ROUTES
} metrics_route;

/* The route label ("/v1/extract", ..., "other"). */
const char *metrics_route_name(metrics_route r);

typedef struct metrics metrics;

metrics *metrics_new(void);
void metrics_free(metrics *m);

/* One finished HTTP request. */
void metrics_request(metrics *m, metrics_route route, int status, double seconds);

/* The stage timings of one successful extraction. */
void metrics_extract(metrics *m, const lede_timings *t);

/* One failed fetch; `cause` is the contract's error code ("fetch_timeout"). */
void metrics_fetch_error(metrics *m, const char *cause);

/* Requests being handled right now. */
void metrics_inflight_add(metrics *m, long delta);
long metrics_inflight(const metrics *m);

/* The whole exposition as a malloc'd NUL-terminated string, or NULL. */
char *metrics_render(const metrics *m, size_t *len);

#endif
