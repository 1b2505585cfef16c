/*
 * fetch — downloads a page for a `{"url": ...}` request, safely.
 *
 * Fetches run on one libcurl multi event loop in a thread of their own, so a
 * slow upstream never holds an HTTP worker. Every connection's resolved address
 * is checked against the address guard (loopback, private, link-local, ...
 * blocked unless the configuration allows them); redirects are re-checked; the
 * body is capped on its decoded size; only HTML content types are accepted.
 */
#ifndef LEDE_FETCH_H
#define LEDE_FETCH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool allow_private;      /* fetch.allow_private: reach any address */
    const char *allow_cidrs; /* fetch.allow_cidrs: comma-separated CIDRs let through */
    size_t max_bytes;        /* decoded body cap */
    long connect_timeout_ms;
    long total_timeout_ms;
    long low_speed_bytes; /* abort below this many bytes/s ... */
    long low_speed_secs;  /* ... for this long */
    int max_redirects;
    int max_inflight; /* concurrent fetches; further ones wait in the engine */
    const char *user_agent;
    /* Added by the fetch engine (fields at 0/NULL take the defaults below). */
    int max_queue; /* fetches waiting beyond max_inflight; past it FETCH_OVERLOADED */
    /* Pinned name resolutions like curl's --resolve, space-separated
     * "host:port:address" entries; for tests and operations, NULL normally.
     * The guard still checks the pinned address. */
    const char *resolve;
} fetch_config;

/* Defaults for the fields left at 0 / NULL: 10 MiB, 5 s connect, 20 s total,
 * abort below 1 KiB/s for 10 s, 5 redirects (a negative max_redirects means
 * none), 64 in flight, 4 x max_inflight waiting, User-Agent "lede/1". */
void fetch_config_init(fetch_config *cfg);

/* Checks a configuration without starting anything (the allow-list syntax,
 * limits); 0, or -1 with a description in err. For start-up config errors. */
int fetch_config_check(const fetch_config *cfg, char *err, size_t err_len);

typedef enum {
    FETCH_OK = 0,
    FETCH_BAD_URL,   /* 400 bad_request: not http(s), malformed */
    FETCH_FORBIDDEN, /* 403 forbidden_target */
    FETCH_TOO_LARGE, /* 413 too_large */
    FETCH_NOT_HTML,  /* 422 not_html */
    FETCH_FAILED,    /* 502 fetch_failed: DNS, connect, TLS, upstream HTTP error */
    FETCH_TIMEOUT,   /* 504 fetch_timeout */
    FETCH_OVERLOADED /* 503 overloaded: the engine is shutting down or full */
} fetch_status;

typedef struct {
    fetch_status status;
    char *body; /* the page, malloc'd; NULL unless FETCH_OK */
    size_t len;
    char *content_type; /* upstream Content-Type (for the charset), or NULL */
    char *final_url;    /* after redirects */
    long http_status;   /* upstream status, 0 when none */
    char message[256];  /* the cause, for the error message */
} fetch_result;

/* Called once per fetch, on the fetch thread. The callee owns `res` and frees
 * it with fetch_result_free(). Keep it short (resume a connection, hand the
 * result to a worker): every other fetch waits while it runs. */
typedef void (*fetch_done_fn)(fetch_result *res, void *user);

typedef struct fetch_engine fetch_engine;

/* Starts the fetch thread. NULL on failure. */
fetch_engine *fetch_engine_new(const fetch_config *cfg);

/* Queues a fetch; returns 0, or -1 when the engine is shutting down (done is
 * then not called). When the engine is full (max_inflight running and
 * max_queue waiting) the fetch is accepted and done receives FETCH_OVERLOADED
 * from the fetch thread, like every other outcome. */
int fetch_submit(fetch_engine *e, const char *url, fetch_done_fn done, void *user);

/* Fetches and waits (for the CLI and batch lines). Never NULL except on no
 * memory. Must not be called from a done callback (the fetch thread). */
fetch_result *fetch_sync(fetch_engine *e, const char *url);

/* Stops the thread; pending fetches complete with FETCH_OVERLOADED. */
void fetch_engine_free(fetch_engine *e);

void fetch_result_free(fetch_result *r);

/* The contract's error code ("forbidden_target") and HTTP status for a status. */
const char *fetch_status_code(fetch_status s);
int fetch_status_http(fetch_status s);

#endif
