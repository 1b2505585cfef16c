/* The libmicrohttpd front end (see http.h and server/README.md). */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http_req.h"
#include "log.h"
#include "web.h"

/* The first body buffer when Content-Length is unknown; it doubles up to the cap. */
#define BODY_INITIAL (64 * 1024)
/* The OpenAPI file is small; this bounds a misconfigured path. */
#define OPENAPI_MAX (1024 * 1024)
/* Bytes of an over-limit chunked body read and dropped before the connection is
 * cut (an answer cannot be sent in the middle of an upload). */
#define DISCARD_MAX (4 * 1024 * 1024)
/* How often wait_idle looks at the in-flight gauge. */
#define IDLE_POLL_NS (20 * 1000 * 1000)

#define CT_JSON "application/json; charset=utf-8"
#define CT_NDJSON "application/x-ndjson; charset=utf-8"

typedef struct req req;

struct http_server {
    struct MHD_Daemon *daemon;
    fetch_engine *fetch;
    metrics *metrics;
    _Atomic(const lede_ctx *) ctx;
    atomic_bool draining;
    unsigned threads;
    atomic_ullong next_id;
    unsigned long long id_seed;

    pthread_mutex_t lock; /* guards everything below */
    srv_config cfg;       /* reloadable keys change under the lock */
    long running;         /* extraction slots taken */
    long waiting;         /* requests queued for a slot */
    req *queue_head, *queue_tail;
};

typedef enum {
    PHASE_BODY = 0, /* receiving the request body */
    PHASE_FETCH,    /* suspended until the fetch completes */
    PHASE_SLOT,     /* suspended until an extraction slot frees */
    PHASE_DONE      /* a response is queued */
} req_phase;

struct req {
    http_server *srv;
    struct MHD_Connection *conn;
    metrics_route route;
    const char *method;
    char path[256];
    char id[HTTP_REQUEST_ID_MAX + 1];
    struct timespec start;
    int status;
    size_t bytes_out;
    req_phase phase;

    /* The body, kept up to the configured cap. */
    http_body_kind kind;
    char content_type[256];
    char *body;
    size_t body_len, body_size, body_cap;
    size_t newlines;
    bool too_large;
    size_t discarded;
    const char *too_large_why;

    /* Query options. */
    http_options opt;
    char *url_query;
    bool bad_query;
    char query_error[160];

    /* Slot and fetch state (under srv->lock where shared with other threads). */
    bool has_slot, queued, rejected, suspended;
    req *next;
    fetch_result *fetched;
    char *fetch_url;

    /* Batch streaming: the next line to read and the pending output line. */
    size_t batch_pos, batch_lineno;
    bool batch_fetching; /* a URL line's fetch is running */
    char *out;
    size_t out_len, out_off;
};

/* ------------------------------------------------------------- utilities */

static double elapsed_s(const struct timespec *since) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - since->tv_sec) +
           (double)(now.tv_nsec - since->tv_nsec) / 1e9;
}

/* A 64-bit mix (splitmix64) so consecutive ids do not look sequential. */
static unsigned long long mix64(unsigned long long x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static void make_request_id(http_server *s, char *out, size_t len) {
    unsigned long long n = atomic_fetch_add(&s->next_id, 1);
    snprintf(out, len, "%016llx", mix64(s->id_seed ^ n));
}

static long slot_limit(const http_server *s) {
    return s->cfg.max_inflight ? s->cfg.max_inflight : (long)s->threads;
}

/* --------------------------------------------------------------- answers */

static void add_common_headers(req *r, struct MHD_Response *resp, const char *ctype) {
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    MHD_add_response_header(resp, "X-Request-Id", r->id);
    if (atomic_load(&r->srv->draining))
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
}

/* Queues a malloc'd body (taken over, freed by MHD). */
static enum MHD_Result respond(req *r, int status, const char *ctype, char *body,
                               size_t len) {
    struct MHD_Response *resp =
        body ? MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE)
             : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!resp) {
        free(body);
        return MHD_NO;
    }
    add_common_headers(r, resp, ctype);
    if (status == MHD_HTTP_SERVICE_UNAVAILABLE) {
        char retry[24];
        pthread_mutex_lock(&r->srv->lock);
        snprintf(retry, sizeof retry, "%ld", r->srv->cfg.retry_after_s);
        pthread_mutex_unlock(&r->srv->lock);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, retry);
    }
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) {
        static const char *const allow[METRICS_N_ROUTES] = {
            "POST",      "POST",      "GET, HEAD", "GET, HEAD",
            "GET, HEAD", "GET, HEAD", "GET, HEAD", ""};
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow[r->route]);
    }
    enum MHD_Result rc = MHD_queue_response(r->conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    if (rc == MHD_YES) {
        r->status = status;
        r->bytes_out = len;
        r->phase = PHASE_DONE;
    }
    return rc;
}

static enum MHD_Result respond_json(req *r, int status, char *json) {
    if (!json)
        return MHD_NO;
    return respond(r, status, CT_JSON, json, strlen(json));
}

__attribute__((format(printf, 4, 5))) static enum MHD_Result
respond_error(req *r, int status, const char *code, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return respond_json(r, status, http_error_json(code, msg, 0));
}

/* ------------------------------------------------------------ extraction */

typedef struct {
    int status;
    const char *code;
    char message[300];
} http_failure;

/* Core statuses as HTTP answers. */
static const struct {
    lede_status st;
    int http;
    const char *code;
} core_errors[] = {
    {LEDE_ERR_TOO_LARGE, 413, "too_large"}, {LEDE_ERR_LIMIT, 413, "too_large"},
    {LEDE_ERR_EMPTY, 400, "bad_request"},   {LEDE_ERR_PARSE, 400, "bad_request"},
    {LEDE_ERR_INVALID, 400, "bad_request"}, {LEDE_ERR_NOMEM, 500, "internal_error"},
};

static void fail(http_failure *f, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(http_failure *f, int status, const char *code, const char *fmt, ...) {
    f->status = status;
    f->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->message, sizeof f->message, fmt, ap);
    va_end(ap);
}

/* The article as the request's format= asks (markdown or text), malloc'd. */
static char *render_text(const lede_result *res, http_format format, http_failure *f) {
    lede_format lf = format == HTTP_FORMAT_TEXT ? LEDE_FORMAT_TEXT : LEDE_FORMAT_MARKDOWN;
    char *out = NULL;
    if (lede_result_render(res, lf, &out, NULL) != LEDE_OK) {
        fail(f, 500, "internal_error", "out of memory rendering the result");
        return NULL;
    }
    return out;
}

/* Work done for a connection is not idleness: after an extraction (a big
 * page, or one line of a long batch, can take longer than the idle timeout
 * on a busy machine) the connection's idle timer starts again, so that MHD
 * does not drop it before the answer is sent. MHD restarts the timer when a
 * timeout is set on a connection that has none. */
static void restart_idle_timer(req *r) {
    unsigned t = (unsigned)r->srv->cfg.connection_timeout_s; /* not reloadable */
    MHD_set_connection_option(r->conn, MHD_CONNECTION_OPTION_TIMEOUT, 0u);
    MHD_set_connection_option(r->conn, MHD_CONNECTION_OPTION_TIMEOUT, t);
}

/* Extracts one page and renders the Article as a malloc'd compact JSON string
 * (or as Markdown or text when o->format says so). */
static char *extract_json(http_server *s, const http_options *o, const char *bytes,
                          size_t len, const char *url, const char *content_type,
                          size_t max_input, http_failure *f) {
    const lede_ctx *ctx = atomic_load(&s->ctx);
    lede_options opt;
    lede_options_init(&opt);
    opt.max_input_bytes = max_input;
    opt.content_type = content_type;
    opt.include_html = o->include_html || o->format == HTTP_FORMAT_MARKDOWN;
    opt.include_dates = o->include_dates;
    /* Text renderings need no language stages. */
    opt.stages =
        o->format == HTTP_FORMAT_JSON ? o->stages : LEDE_FIELD_META | LEDE_FIELD_TEXT;
    opt.min_confidence = o->min_confidence;
    lede_result *res = NULL;
    lede_status st = lede_extract(ctx, bytes, len, url, &opt, &res);
    if (st != LEDE_OK) {
        for (size_t i = 0; i < sizeof core_errors / sizeof core_errors[0]; i++)
            if (core_errors[i].st == st) {
                fail(f, core_errors[i].http, core_errors[i].code, "%s",
                     lede_strerror(st));
                return NULL;
            }
        fail(f, 500, "internal_error", "%s", lede_strerror(st));
        return NULL;
    }
    metrics_extract(s->metrics, &res->timings);
    if (o->format != HTTP_FORMAT_JSON) {
        char *text = render_text(res, o->format, f);
        lede_result_free(res);
        return text;
    }
    char *out = NULL;
    if (lede_result_json_text(res, 0, 0, http_fields_keep, (void *)o, &out, NULL) !=
        LEDE_OK)
        out = NULL;
    lede_result_free(res);
    if (!out)
        fail(f, 500, "internal_error", "out of memory rendering the result");
    return out;
}

/* A failed fetch as an HTTP failure (and a metric). */
static void fetch_failure(http_server *s, const fetch_result *fr, http_failure *f) {
    const char *code = fetch_status_code(fr->status);
    metrics_fetch_error(s->metrics, code);
    fail(f, fetch_status_http(fr->status), code, "%s",
         fr->message[0] ? fr->message : code);
}

/* ---------------------------------------------------- extraction slots */

typedef enum { SLOT_GOT, SLOT_QUEUED, SLOT_FULL } slot_result;

/* Takes a slot, or queues the request (suspending its connection), or refuses. */
static slot_result slot_acquire(req *r) {
    http_server *s = r->srv;
    slot_result out = SLOT_FULL;
    pthread_mutex_lock(&s->lock);
    /* Draining does not refuse here: a request admitted before the drain began
     * (begin_request refuses the later ones) keeps its turn. */
    if (s->running < slot_limit(s)) {
        s->running++;
        r->has_slot = true;
        out = SLOT_GOT;
    } else if (s->waiting < s->cfg.queue_depth) {
        r->queued = true;
        r->next = NULL;
        if (s->queue_tail)
            s->queue_tail->next = r;
        else
            s->queue_head = r;
        s->queue_tail = r;
        s->waiting++;
        r->phase = PHASE_SLOT;
        /* Suspended under the lock, so slot_release cannot resume it first. */
        MHD_suspend_connection(r->conn);
        out = SLOT_QUEUED;
    }
    pthread_mutex_unlock(&s->lock);
    return out;
}

static req *queue_pop(http_server *s) {
    req *w = s->queue_head;
    if (w) {
        s->queue_head = w->next;
        if (!s->queue_head)
            s->queue_tail = NULL;
        w->next = NULL;
        w->queued = false;
        s->waiting--;
    }
    return w;
}

/* Gives the slot back; queued requests take free slots in FIFO order. */
static void slot_release(req *r) {
    if (!r->has_slot)
        return;
    http_server *s = r->srv;
    r->has_slot = false;
    req *wake[8];
    size_t n_wake = 0;
    pthread_mutex_lock(&s->lock);
    s->running--;
    while (n_wake < sizeof wake / sizeof wake[0] && s->queue_head &&
           s->running < slot_limit(s)) {
        req *w = queue_pop(s);
        w->has_slot = true;
        s->running++;
        wake[n_wake++] = w;
    }
    pthread_mutex_unlock(&s->lock);
    for (size_t i = 0; i < n_wake; i++)
        MHD_resume_connection(wake[i]->conn);
}

/* Removes a request from the queue (its connection is going away). */
static void queue_remove(req *r) {
    http_server *s = r->srv;
    pthread_mutex_lock(&s->lock);
    if (r->queued) {
        req **pp = &s->queue_head, *prev = NULL;
        while (*pp && *pp != r) {
            prev = *pp;
            pp = &(*pp)->next;
        }
        if (*pp) {
            *pp = r->next;
            if (s->queue_tail == r)
                s->queue_tail = prev;
            s->waiting--;
        }
        r->queued = false;
    }
    pthread_mutex_unlock(&s->lock);
}

void http_server_reject_waiting(http_server *s) {
    for (;;) {
        pthread_mutex_lock(&s->lock);
        req *w = queue_pop(s);
        if (w)
            w->rejected = true;
        pthread_mutex_unlock(&s->lock);
        if (!w)
            return;
        MHD_resume_connection(w->conn);
    }
}

/* ----------------------------------------------------------------- fetch */

/* Runs on the fetch thread: hands the result over and resumes the request. */
static void on_fetched(fetch_result *res, void *user) {
    req *r = user;
    pthread_mutex_lock(&r->srv->lock);
    r->fetched = res;
    bool resume = r->suspended;
    r->suspended = false;
    pthread_mutex_unlock(&r->srv->lock);
    if (resume)
        MHD_resume_connection(r->conn);
}

/* Starts a fetch. Returns MHD_YES with the connection suspended, or after
 * queueing an error; *sync is set when the result is already there. */
static enum MHD_Result start_fetch(req *r, const char *url, bool *sync) {
    http_server *s = r->srv;
    *sync = false;
    if (!s->fetch)
        return respond_error(r, 501, "not_implemented", "URL fetching is not available");
    r->fetch_url = strdup(url);
    if (!r->fetch_url)
        return MHD_NO;
    r->phase = PHASE_FETCH;
    if (fetch_submit(s->fetch, r->fetch_url, on_fetched, r))
        return respond_error(r, 503, "overloaded", "the fetch engine is shutting down");
    pthread_mutex_lock(&s->lock);
    if (r->fetched) {
        *sync = true;
    } else {
        r->suspended = true;
        MHD_suspend_connection(r->conn);
    }
    pthread_mutex_unlock(&s->lock);
    return MHD_YES;
}

/* -------------------------------------------------------------- /v1/extract */

static size_t max_body(http_server *s) {
    pthread_mutex_lock(&s->lock);
    size_t v = (size_t)s->cfg.max_body_bytes;
    pthread_mutex_unlock(&s->lock);
    return v;
}

/* The page to extract once the body (and any fetch) is in. */
typedef struct {
    const char *bytes;
    size_t len;
    const char *url;
    const char *content_type;
    size_t max_input;
} page_input;

/* Runs the extraction in the slot the request holds and answers. */
static enum MHD_Result finish_extract(req *r, const page_input *in) {
    http_failure f = {0};
    char *json = extract_json(r->srv, &r->opt, in->bytes, in->len, in->url,
                              in->content_type, in->max_input, &f);
    restart_idle_timer(r);
    slot_release(r);
    if (!json)
        return respond_error(r, f.status, f.code, "%s", f.message);
    return respond(r, 200, http_format_content_type(r->opt.format), json, strlen(json));
}

/* Decides what the body asks for. Returns MHD_YES when an answer is queued or
 * the request is suspended; *ready with *in filled when extraction can start. */
static enum MHD_Result plan_extract(req *r, page_input *in, http_extract_req *jr,
                                    bool *ready) {
    http_server *s = r->srv;
    *ready = false;
    memset(in, 0, sizeof *in);
    in->max_input = r->body_cap;
    if (r->fetched) {
        fetch_result *fr = r->fetched;
        if (fr->status != FETCH_OK) {
            http_failure f;
            fetch_failure(s, fr, &f);
            return respond_error(r, f.status, f.code, "%s", f.message);
        }
        in->bytes = fr->body;
        in->len = fr->len;
        in->url = fr->final_url ? fr->final_url : r->fetch_url;
        in->content_type = fr->content_type;
        in->max_input = fr->len + 1;
        *ready = true;
        return MHD_YES;
    }
    if (r->kind == HTTP_BODY_JSON && r->body_len) {
        char err[256];
        if (http_extract_req_parse(r->body, r->body_len, jr, err, sizeof err))
            return respond_error(r, 400, "bad_request", "%s", err);
        if (!jr->html) {
            bool sync;
            enum MHD_Result rc = start_fetch(r, jr->url, &sync);
            if (rc != MHD_YES || !sync)
                return rc;
            return plan_extract(r, in, jr, ready);
        }
        in->bytes = jr->html;
        in->len = jr->html_len;
        in->url = jr->url;
        in->content_type = jr->content_type;
        *ready = true;
        return MHD_YES;
    }
    if (!r->body_len) {
        if (!r->url_query)
            return respond_error(r, 400, "bad_request",
                                 "empty body: send an HTML page, or JSON with "
                                 "'html' or 'url', or ?url= to fetch");
        bool sync;
        enum MHD_Result rc = start_fetch(r, r->url_query, &sync);
        if (rc != MHD_YES || !sync)
            return rc;
        return plan_extract(r, in, jr, ready);
    }
    if (r->kind != HTTP_BODY_HTML)
        return respond_error(r, 415, "unsupported_media_type",
                             "send text/html or application/json");
    in->bytes = r->body;
    in->len = r->body_len;
    in->url = r->url_query;
    /* Only a charset parameter matters to the decoder; a bare text/html is the
     * same as no header (and keeps the answer identical to `lede extract`). */
    in->content_type = http_has_charset(r->content_type) ? r->content_type : NULL;
    *ready = true;
    return MHD_YES;
}

static enum MHD_Result handle_extract(req *r) {
    if (r->phase == PHASE_SLOT && r->rejected)
        return respond_error(r, 503, "overloaded", "the server is draining");
    page_input in;
    http_extract_req jr = {0};
    bool ready;
    enum MHD_Result rc = plan_extract(r, &in, &jr, &ready);
    if (rc == MHD_YES && ready) {
        if (!r->has_slot) {
            switch (slot_acquire(r)) {
            case SLOT_GOT: break;
            case SLOT_QUEUED: http_extract_req_clear(&jr); return MHD_YES;
            case SLOT_FULL:
                http_extract_req_clear(&jr);
                return respond_error(r, 503, "overloaded",
                                     "too many extractions in flight; retry later");
            }
        }
        rc = finish_extract(r, &in);
    }
    http_extract_req_clear(&jr);
    return rc;
}

/* --------------------------------------------------------- /v1/extract/batch */

/* An output line: the Article JSON, or the error object naming the line, with
 * its newline. Takes over `json`. */
static char *batch_output(char *json, const http_failure *f, size_t lineno) {
    if (!json)
        json = http_error_json(f->code, f->message, lineno);
    if (!json)
        return NULL;
    size_t n = strlen(json);
    char *withnl = realloc(json, n + 2);
    if (!withnl) {
        free(json);
        return NULL;
    }
    withnl[n] = '\n';
    withnl[n + 1] = '\0';
    return withnl;
}

/* The output line of a URL line once its fetch is done. */
static char *batch_fetched_line(req *r, fetch_result *fr, size_t lineno) {
    http_failure f = {0};
    char *json = NULL;
    if (fr->status != FETCH_OK)
        fetch_failure(r->srv, fr, &f);
    else
        json = extract_json(r->srv, &r->opt, fr->body, fr->len,
                            fr->final_url ? fr->final_url : r->fetch_url,
                            fr->content_type, fr->len + 1, &f);
    restart_idle_timer(r);
    fetch_result_free(fr);
    return batch_output(json, &f, lineno);
}

typedef enum { LINE_DONE, LINE_FETCHING, LINE_NOMEM } line_state;

/* Handles one request line: an html line is extracted at once; a URL line
 * starts a fetch and suspends the connection (LINE_FETCHING) unless the result
 * came back synchronously. */
static line_state batch_line(req *r, const char *line, size_t len, size_t lineno) {
    http_server *s = r->srv;
    http_extract_req jr;
    http_failure f = {0};
    char err[256];
    char *json = NULL;
    if (http_extract_req_parse(line, len, &jr, err, sizeof err)) {
        fail(&f, 400, "bad_request", "%s", err);
    } else if (jr.html) {
        json = extract_json(s, &r->opt, jr.html, jr.html_len, jr.url, jr.content_type,
                            r->body_cap, &f);
        restart_idle_timer(r);
    } else if (!s->fetch) {
        fail(&f, 501, "not_implemented", "URL fetching is not available");
    } else {
        free(r->fetch_url);
        r->fetch_url = strdup(jr.url);
        http_extract_req_clear(&jr);
        if (!r->fetch_url)
            return LINE_NOMEM;
        if (fetch_submit(s->fetch, r->fetch_url, on_fetched, r)) {
            fail(&f, 503, "overloaded", "the fetch engine is shutting down");
        } else {
            pthread_mutex_lock(&s->lock);
            fetch_result *fr = r->fetched;
            r->fetched = NULL;
            if (!fr) {
                r->suspended = true;
                MHD_suspend_connection(r->conn);
            }
            pthread_mutex_unlock(&s->lock);
            if (!fr)
                return LINE_FETCHING;
            r->out = batch_fetched_line(r, fr, lineno);
            return r->out ? LINE_DONE : LINE_NOMEM;
        }
    }
    http_extract_req_clear(&jr);
    r->out = batch_output(json, &f, lineno);
    return r->out ? LINE_DONE : LINE_NOMEM;
}

/* Streams the answer one line at a time. A URL line suspends the connection
 * while its fetch runs (returning 0 bytes); the fetch's callback resumes it and
 * MHD calls this again, which then renders the fetched page. */
static ssize_t batch_reader(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    req *r = cls;
    while (r->out_off == r->out_len) {
        free(r->out);
        r->out = NULL;
        r->out_len = r->out_off = 0;
        if (r->batch_fetching) {
            pthread_mutex_lock(&r->srv->lock);
            fetch_result *fr = r->fetched;
            r->fetched = NULL;
            pthread_mutex_unlock(&r->srv->lock);
            if (!fr)
                return 0; /* still suspended: nothing to send yet */
            r->batch_fetching = false;
            r->out = batch_fetched_line(r, fr, r->batch_lineno);
            if (!r->out)
                goto fail;
        } else {
            const char *line;
            size_t len;
            if (!http_ndjson_next(r->body, r->body_len, &r->batch_pos, &line, &len,
                                  &r->batch_lineno)) {
                slot_release(r);
                return MHD_CONTENT_READER_END_OF_STREAM;
            }
            line_state st = batch_line(r, line, len, r->batch_lineno);
            if (st == LINE_NOMEM)
                goto fail;
            if (st == LINE_FETCHING) {
                r->batch_fetching = true;
                return 0;
            }
        }
        r->out_len = strlen(r->out);
    }
    size_t n = r->out_len - r->out_off;
    if (n > max)
        n = max;
    memcpy(buf, r->out + r->out_off, n);
    r->out_off += n;
    r->bytes_out += n;
    return (ssize_t)n;
fail:
    slot_release(r);
    return MHD_CONTENT_READER_END_WITH_ERROR;
}

static enum MHD_Result handle_batch(req *r) {
    if (r->phase == PHASE_SLOT && r->rejected)
        return respond_error(r, 503, "overloaded", "the server is draining");
    if (r->kind != HTTP_BODY_NDJSON)
        return respond_error(r, 415, "unsupported_media_type",
                             "send application/x-ndjson, one request object per line");
    if (!r->has_slot) {
        switch (slot_acquire(r)) {
        case SLOT_GOT: break;
        case SLOT_QUEUED: return MHD_YES;
        case SLOT_FULL:
            return respond_error(r, 503, "overloaded",
                                 "too many extractions in flight; retry later");
        }
    }
    struct MHD_Response *resp = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 32 * 1024, batch_reader, r, NULL);
    if (!resp) {
        slot_release(r);
        return MHD_NO;
    }
    add_common_headers(r, resp, CT_NDJSON);
    enum MHD_Result rc = MHD_queue_response(r->conn, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    if (rc == MHD_YES) {
        r->status = 200;
        r->phase = PHASE_DONE;
    } else {
        slot_release(r);
    }
    return rc;
}

/* ------------------------------------------------------------ GET routes */

static enum MHD_Result handle_healthz(req *r) {
    return respond(r, 200, CT_JSON, strdup("{\"status\":\"ok\"}"), 15);
}

static enum MHD_Result handle_readyz(req *r) {
    http_server *s = r->srv;
    if (atomic_load(&s->draining))
        return respond_error(r, 503, "overloaded", "draining: not taking new work");
    if (!atomic_load(&s->ctx))
        return respond_error(r, 503, "overloaded", "starting: models are loading");
    return respond(r, 200, CT_JSON, strdup("{\"status\":\"ready\"}"), 18);
}

static enum MHD_Result handle_metrics(req *r) {
    size_t len;
    char *text = metrics_render(r->srv->metrics, &len);
    if (!text)
        return respond_error(r, 500, "internal_error", "out of memory");
    return respond(r, 200, "text/plain; version=0.0.4; charset=utf-8", text, len);
}

static enum MHD_Result handle_openapi(req *r) {
    char path[CONFIG_STR_MAX];
    pthread_mutex_lock(&r->srv->lock);
    snprintf(path, sizeof path, "%s", r->srv->cfg.openapi_path);
    pthread_mutex_unlock(&r->srv->lock);
    FILE *f = fopen(path, "rb");
    char *buf = f ? malloc(OPENAPI_MAX + 1) : NULL;
    size_t n = buf ? fread(buf, 1, OPENAPI_MAX + 1, f) : 0;
    if (f)
        fclose(f);
    if (!buf || n > OPENAPI_MAX) {
        free(buf);
        return respond_error(r, 500, "internal_error",
                             "the OpenAPI document cannot be read (openapi_path)");
    }
    return respond(r, 200, "application/yaml; charset=utf-8", buf, n);
}

/* The page for people (server/web/index.html, embedded at build time). Its
 * script and styles are inline and it talks only to this server, which the
 * Content-Security-Policy states. */
static enum MHD_Result handle_ui(req *r) {
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        lede_web_index_len, (void *)lede_web_index, MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    add_common_headers(r, resp, "text/html; charset=utf-8");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; script-src 'unsafe-inline'; "
                            "style-src 'unsafe-inline'; connect-src 'self'; "
                            "img-src data: blob:; base-uri 'none'; form-action 'none'");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    enum MHD_Result rc = MHD_queue_response(r->conn, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    if (rc == MHD_YES) {
        r->status = MHD_HTTP_OK;
        r->bytes_out = lede_web_index_len;
        r->phase = PHASE_DONE;
    }
    return rc;
}

/* ---------------------------------------------------------------- routing */

typedef enum MHD_Result (*route_fn)(req *r);

static const struct {
    const char *path;
    metrics_route id;
    bool post; /* POST with a body; otherwise GET/HEAD */
    route_fn fn;
} routes[] = {
    {"/v1/extract", METRICS_ROUTE_EXTRACT, true, handle_extract},
    {"/v1/extract/batch", METRICS_ROUTE_BATCH, true, handle_batch},
    {"/healthz", METRICS_ROUTE_HEALTHZ, false, handle_healthz},
    {"/readyz", METRICS_ROUTE_READYZ, false, handle_readyz},
    {"/metrics", METRICS_ROUTE_METRICS, false, handle_metrics},
    {"/openapi.yaml", METRICS_ROUTE_OPENAPI, false, handle_openapi},
    {"/", METRICS_ROUTE_UI, false, handle_ui},
};
#define N_ROUTES (sizeof routes / sizeof routes[0])

static int route_index(const char *path) {
    for (size_t i = 0; i < N_ROUTES; i++)
        if (!strcmp(routes[i].path, path))
            return (int)i;
    return -1;
}

static enum MHD_Result query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value) {
    (void)kind;
    req *r = cls;
    if (r->bad_query)
        return MHD_NO;
    char err[160] = "";
    if (!strcmp(key, "fields")) {
        if (http_fields_parse(value ? value : "", &r->opt, err, sizeof err))
            r->bad_query = true;
    } else if (!strcmp(key, "include_html")) {
        if (http_flag_parse(value, &r->opt.include_html)) {
            snprintf(err, sizeof err, "include_html must be 1, 0, true or false");
            r->bad_query = true;
        }
    } else if (!strcmp(key, "include")) {
        if (http_include_parse(value, &r->opt, err, sizeof err))
            r->bad_query = true;
    } else if (!strcmp(key, "min_confidence")) {
        if (http_confidence_parse(value, &r->opt.min_confidence)) {
            snprintf(err, sizeof err, "min_confidence must be a number from 0 to 1");
            r->bad_query = true;
        }
    } else if (!strcmp(key, "format") && r->route == METRICS_ROUTE_EXTRACT) {
        if (http_format_parse(value, &r->opt.format)) {
            snprintf(err, sizeof err, "format must be json, markdown or text");
            r->bad_query = true;
        }
    } else if (!strcmp(key, "url") && r->route == METRICS_ROUTE_EXTRACT) {
        free(r->url_query);
        r->url_query = value && *value ? strdup(value) : NULL;
    } else {
        snprintf(err, sizeof err, "unknown query option '%.40s'", key);
        r->bad_query = true;
    }
    if (r->bad_query)
        snprintf(r->query_error, sizeof r->query_error, "%s", err);
    return r->bad_query ? MHD_NO : MHD_YES;
}

static const char *const known_methods[] = {
    "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"};

/* The method as a static string (the log must not keep MHD's pointer). */
static const char *static_method(const char *m) {
    for (size_t i = 0; i < sizeof known_methods / sizeof known_methods[0]; i++)
        if (!strcmp(m, known_methods[i]))
            return known_methods[i];
    return "OTHER";
}

/* The first call of a request: headers are in, no body yet. */
static enum MHD_Result begin_request(http_server *s, struct MHD_Connection *conn,
                                     const char *url, const char *method, req *r) {
    int ri = route_index(url);
    if (ri < 0)
        return respond_error(r, 404, "not_found", "no such endpoint: %.100s", url);
    r->route = routes[ri].id;
    bool is_get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    bool is_post = !strcmp(method, "POST");
    if (routes[ri].post ? !is_post : !is_get)
        return respond_error(r, 405, "method_not_allowed", "%s is not allowed on %s",
                             r->method, routes[ri].path);
    if (!routes[ri].post)
        return MHD_YES; /* answered once the (empty) request is complete */
    if (atomic_load(&s->draining))
        return respond_error(r, 503, "overloaded", "the server is draining");
    if (!atomic_load(&s->ctx))
        return respond_error(r, 503, "overloaded", "the server is starting");
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_arg, r);
    if (r->bad_query)
        return respond_error(r, 400, "bad_request", "%s", r->query_error);
    const char *ct =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    r->kind = http_body_kind_of(ct);
    snprintf(r->content_type, sizeof r->content_type, "%s", ct ? ct : "");
    bool accepted = r->route == METRICS_ROUTE_BATCH
                        ? r->kind == HTTP_BODY_NDJSON
                        : (r->kind == HTTP_BODY_HTML || r->kind == HTTP_BODY_JSON ||
                           r->kind == HTTP_BODY_NONE);
    if (!accepted)
        return respond_error(r, 415, "unsupported_media_type",
                             "Content-Type '%.80s' is not accepted here",
                             ct ? ct : "(none)");
    r->body_cap = max_body(s);
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl) {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(cl, &end, 10);
        if (errno || *end || n > r->body_cap)
            return respond_error(r, 413, "too_large",
                                 "body of %s bytes is over the limit of %zu bytes", cl,
                                 r->body_cap);
        r->body_size = (size_t)n;
    }
    return MHD_YES;
}

/* Appends one chunk of the body, enforcing the byte and line caps. */
static void take_body(req *r, const char *data, size_t n) {
    if (r->too_large)
        return; /* discarding the rest */
    if (n > r->body_cap - r->body_len) {
        r->too_large = true;
        r->too_large_why = "body";
        free(r->body);
        r->body = NULL;
        return;
    }
    if (r->route == METRICS_ROUTE_BATCH) {
        long max_lines;
        pthread_mutex_lock(&r->srv->lock);
        max_lines = r->srv->cfg.batch_max_lines;
        pthread_mutex_unlock(&r->srv->lock);
        for (const char *p = data; (p = memchr(p, '\n', n - (size_t)(p - data))); p++)
            r->newlines++;
        if (r->newlines > (size_t)max_lines) {
            r->too_large = true;
            r->too_large_why = "lines";
            free(r->body);
            r->body = NULL;
            return;
        }
    }
    if (r->body_len + n + 1 > r->body_size || !r->body) {
        size_t size = r->body_size ? r->body_size + 1 : BODY_INITIAL;
        while (size < r->body_len + n + 1)
            size *= 2;
        if (size > r->body_cap + 1)
            size = r->body_cap + 1;
        char *p = realloc(r->body, size);
        if (!p) {
            r->too_large = true;
            r->too_large_why = "memory";
            free(r->body);
            r->body = NULL;
            return;
        }
        r->body = p;
        r->body_size = size;
    }
    memcpy(r->body + r->body_len, data, n);
    r->body_len += n;
    r->body[r->body_len] = '\0';
}

static enum MHD_Result too_large(req *r) {
    if (!strcmp(r->too_large_why, "lines")) {
        long max_lines;
        pthread_mutex_lock(&r->srv->lock);
        max_lines = r->srv->cfg.batch_max_lines;
        pthread_mutex_unlock(&r->srv->lock);
        return respond_error(r, 413, "too_large", "batch has more than %ld lines",
                             max_lines);
    }
    return respond_error(r, 413, "too_large", "body is over the limit of %zu bytes",
                         r->body_cap);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls) {
    (void)version;
    http_server *s = cls;
    req *r = *con_cls;
    if (!r) {
        r = calloc(1, sizeof *r);
        if (!r)
            return MHD_NO;
        *con_cls = r;
        r->srv = s;
        r->conn = conn;
        r->route = METRICS_ROUTE_OTHER;
        r->method = static_method(method);
        snprintf(r->path, sizeof r->path, "%s", url);
        clock_gettime(CLOCK_MONOTONIC, &r->start);
        metrics_inflight_add(s->metrics, 1);
        const char *id =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Request-Id");
        if (http_request_id_ok(id))
            snprintf(r->id, sizeof r->id, "%s", id);
        else
            make_request_id(s, r->id, sizeof r->id);
        return begin_request(s, conn, url, method, r);
    }
    if (r->phase == PHASE_DONE)
        return MHD_YES;
    if (*upload_data_size) {
        take_body(r, upload_data, *upload_data_size);
        if (r->too_large)
            r->discarded += *upload_data_size;
        *upload_data_size = 0;
        /* MHD cannot answer in the middle of an upload: an over-limit body sent
         * without Content-Length is discarded (not stored) up to DISCARD_MAX and
         * answered 413 at its end; past that the connection is cut. */
        return r->discarded > DISCARD_MAX ? MHD_NO : MHD_YES;
    }
    if (r->too_large)
        return too_large(r);
    int ri = route_index(url);
    return ri < 0 ? MHD_NO : routes[ri].fn(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
    (void)conn;
    (void)toe;
    http_server *s = cls;
    req *r = *con_cls;
    if (!r)
        return;
    *con_cls = NULL;
    queue_remove(r);
    slot_release(r);
    double secs = elapsed_s(&r->start);
    /* A request cut off before an answer counts as a client error of its own. */
    int status = r->status ? r->status : 499;
    metrics_request(s->metrics, r->route, status, secs);
    metrics_inflight_add(s->metrics, -1);
    pthread_mutex_lock(&s->lock);
    bool log = s->cfg.access_log;
    pthread_mutex_unlock(&s->lock);
    if (log) {
        log_access_entry e = {.method = r->method,
                              .route = metrics_route_name(r->route),
                              .path = r->path,
                              .status = status,
                              .bytes = r->bytes_out,
                              .ms = secs * 1e3,
                              .request_id = r->id};
        log_access(&e);
    }
    fetch_result_free(r->fetched);
    free(r->fetch_url);
    free(r->url_query);
    free(r->body);
    free(r->out);
    free(r);
}

static void mhd_logger(void *cls, const char *fmt, va_list ap) {
    (void)cls;
    log_eventv("warn", fmt, ap);
}

/* ------------------------------------------------------------- lifecycle */

static int bind_address(const srv_config *cfg, struct sockaddr_storage *ss,
                        unsigned *flags, char *err, size_t err_len) {
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, cfg->bind, &in4->sin_addr) == 1) {
        in4->sin_family = AF_INET;
        in4->sin_port = htons((uint16_t)cfg->port);
        return 0;
    }
    if (inet_pton(AF_INET6, cfg->bind, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)cfg->port);
        *flags |= MHD_USE_IPv6;
        return 0;
    }
    snprintf(err, err_len, "bind: '%s' is not an IPv4 or IPv6 address", cfg->bind);
    return -1;
}

http_server *http_server_start(const srv_config *cfg, fetch_engine *fe, metrics *m,
                               char *err, size_t err_len) {
    http_server *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    s->cfg = *cfg;
    s->fetch = fe;
    s->metrics = m;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    s->threads = (unsigned)(cfg->threads ? cfg->threads : (cores > 0 ? cores : 1));
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    s->id_seed =
        mix64((unsigned long long)now.tv_nsec ^ ((unsigned long long)now.tv_sec << 20) ^
              (unsigned long long)getpid());
    pthread_mutex_init(&s->lock, NULL);

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_USE_AUTO;
    struct sockaddr_storage ss;
    if (bind_address(cfg, &ss, &flags, err, err_len)) {
        pthread_mutex_destroy(&s->lock);
        free(s);
        return NULL;
    }
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER,
        mhd_logger, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->threads, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)cfg->max_connections, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)cfg->connection_timeout_s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, err_len, "cannot listen on %s port %ld (in use, or not allowed)",
                 cfg->bind, cfg->port);
        pthread_mutex_destroy(&s->lock);
        free(s);
        return NULL;
    }
    return s;
}

void http_server_set_ctx(http_server *s, const lede_ctx *ctx) {
    atomic_store(&s->ctx, ctx);
}

void http_server_reload(http_server *s, const srv_config *fresh) {
    pthread_mutex_lock(&s->lock);
    config_copy_reloadable(&s->cfg, fresh);
    pthread_mutex_unlock(&s->lock);
}

void http_server_drain(http_server *s) {
    atomic_store(&s->draining, true);
    MHD_socket fd = MHD_quiesce_daemon(s->daemon);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
}

bool http_server_wait_idle(http_server *s, double timeout_s) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (metrics_inflight(s->metrics) > 0) {
        if (elapsed_s(&start) >= timeout_s)
            return false;
        struct timespec pause = {0, IDLE_POLL_NS};
        nanosleep(&pause, NULL);
    }
    return true;
}

double http_server_drain_timeout(http_server *s) {
    pthread_mutex_lock(&s->lock);
    double t = (double)s->cfg.drain_timeout_s;
    pthread_mutex_unlock(&s->lock);
    return t;
}

void http_server_stop(http_server *s) {
    if (!s)
        return;
    MHD_stop_daemon(s->daemon);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
