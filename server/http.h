/*
 * http — the libmicrohttpd front end: routes, limits, back-pressure, fetch
 * hand-off, batch streaming, access logs and metrics.
 *
 * HTTP and extraction run on MHD's internal thread pool. A request that needs a
 * URL fetched is suspended while the fetch engine (its own thread) works, and
 * resumed by the fetch's completion callback; a request that finds every
 * extraction slot busy waits suspended in a bounded FIFO, and past that bound is
 * answered 503 overloaded. See server/README.md for the whole design.
 */
#ifndef LEDE_SERVER_HTTP_H
#define LEDE_SERVER_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "fetch.h"
#include "lede/lede.h"
#include "metrics.h"

typedef struct http_server http_server;

/* Binds and starts serving (readyz answers 503 until http_server_set_ctx).
 * `fe` may be NULL: URL requests then answer 501. NULL on failure, with err. */
http_server *http_server_start(const srv_config *cfg, fetch_engine *fe, metrics *m,
                               char *err, size_t err_len);

/* Hands over the loaded models; from now on the server is ready. */
void http_server_set_ctx(http_server *s, const lede_ctx *ctx);

/* Applies the reloadable keys of a freshly read configuration. */
void http_server_reload(http_server *s, const srv_config *fresh);

/* Starts draining: readyz answers 503, the listening socket closes, new
 * requests on open connections are refused with 503. */
void http_server_drain(http_server *s);

/* Waits until no request is being handled, at most timeout_s seconds. Returns
 * true when idle. */
bool http_server_wait_idle(http_server *s, double timeout_s);

/* Answers every request still queued for an extraction slot with 503. */
void http_server_reject_waiting(http_server *s);

/* The drain deadline from the live configuration. */
double http_server_drain_timeout(http_server *s);

/* Stops the daemon (closing every connection) and frees the server. */
void http_server_stop(http_server *s);

#endif
