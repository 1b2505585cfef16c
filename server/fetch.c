/* The fetch engine: one libcurl multi handle driven by one thread. Callers
 * queue jobs under a mutex and wake the loop with curl_multi_wakeup(); only
 * the loop thread touches the multi handle and the easy handles. */
#include "fetch.h"

#include <ctype.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "netguard.h"

#define FETCH_DEFAULT_MAX_BYTES ((size_t)10 << 20) /* the server's body cap */
#define FETCH_DEFAULT_CONNECT_MS 5000L
#define FETCH_DEFAULT_TOTAL_MS 20000L
#define FETCH_DEFAULT_LOW_SPEED_BYTES 1024L /* slower than a modem for ... */
#define FETCH_DEFAULT_LOW_SPEED_SECS 10L    /* ... this long is a dead upstream */
#define FETCH_DEFAULT_MAX_REDIRECTS 5
#define FETCH_DEFAULT_MAX_INFLIGHT 64
#define FETCH_QUEUE_PER_INFLIGHT 4 /* default waiting room per running slot */
#define FETCH_DEFAULT_USER_AGENT "lede/1 (news page extraction)"
#define FETCH_MAX_URL 8192          /* longer URLs are refused as bad requests */
#define FETCH_SNIFF_BYTES 1024      /* how far an untyped body is searched for HTML */
#define FETCH_INITIAL_BUFFER 16384  /* first body allocation; doubles up to the cap */
#define FETCH_POLL_MS 1000          /* the loop's idle wait; wake-ups cut it short */
#define FETCH_MAX_RESOLVE_ENTRY 300 /* one "host:port:address" of cfg->resolve */

/* Media types we accept as HTML (WHATWG: an HTML MIME type, and XHTML). */
static const char *const html_media_types[] = {"text/html", "application/xhtml+xml"};

/* Markers that make an untyped body HTML (lower-case; matched ignoring case). */
static const char *const html_signatures[] = {"<!doctype html", "<html"};

/* How libcurl's outcomes map to ours; anything not listed is FETCH_FAILED.
 * The guard, byte cap and type check abort transfers themselves and are
 * handled before this table is consulted. */
static const struct {
    CURLcode rc;
    fetch_status status;
} curl_outcomes[] = {
    {CURLE_OK, FETCH_OK},
    {CURLE_OPERATION_TIMEDOUT, FETCH_TIMEOUT},
    {CURLE_URL_MALFORMAT, FETCH_BAD_URL},
    /* The first URL's scheme is checked before the transfer, so this is a
     * redirect to file:, gopher:, ... which is a forbidden target. */
    {CURLE_UNSUPPORTED_PROTOCOL, FETCH_FORBIDDEN},
};

typedef enum { BODY_TYPE_UNKNOWN, BODY_TYPE_HTML, BODY_TYPE_NOT_HTML } body_type;

typedef struct fetch_job {
    struct fetch_engine *e;
    struct fetch_job *prev, *next; /* in the wait queue or the active list */
    CURL *easy;
    char *url;
    fetch_done_fn done;
    void *user;
    fetch_result *res;
    char *buf; /* decoded body so far */
    size_t len, cap;
    body_type type;
    bool too_large;
    const char *guard_reason; /* set when the guard refused a connection */
    char errbuf[CURL_ERROR_SIZE];
} fetch_job;

struct fetch_engine {
    fetch_config cfg; /* strings below are the engine's own copies */
    char *user_agent, *allow_cidrs;
    struct curl_slist *resolve;
    size_t max_waiting;
    netguard *guard;
    CURLM *multi;
    pthread_t thread;
    pthread_mutex_t mu;
    /* Under mu: */
    fetch_job *wait_head, *wait_tail;
    size_t n_waiting, n_active;
    fetch_job *rejected; /* over capacity: delivered FETCH_OVERLOADED by the loop */
    bool stopping;
    /* Loop thread only: */
    fetch_job *active;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;

static void curl_init_once(void) { curl_init_rc = curl_global_init(CURL_GLOBAL_ALL); }

void fetch_config_init(fetch_config *cfg) {
    memset(cfg, 0, sizeof *cfg);
    cfg->max_bytes = FETCH_DEFAULT_MAX_BYTES;
    cfg->connect_timeout_ms = FETCH_DEFAULT_CONNECT_MS;
    cfg->total_timeout_ms = FETCH_DEFAULT_TOTAL_MS;
    cfg->low_speed_bytes = FETCH_DEFAULT_LOW_SPEED_BYTES;
    cfg->low_speed_secs = FETCH_DEFAULT_LOW_SPEED_SECS;
    cfg->max_redirects = FETCH_DEFAULT_MAX_REDIRECTS;
    cfg->max_inflight = FETCH_DEFAULT_MAX_INFLIGHT;
    cfg->max_queue = FETCH_DEFAULT_MAX_INFLIGHT * FETCH_QUEUE_PER_INFLIGHT;
    cfg->user_agent = FETCH_DEFAULT_USER_AGENT;
}

/* The configuration with every zero field replaced by its default. */
static fetch_config config_resolved(const fetch_config *in) {
    fetch_config d, c = *in;
    fetch_config_init(&d);
    if (!c.max_bytes)
        c.max_bytes = d.max_bytes;
    if (c.connect_timeout_ms <= 0)
        c.connect_timeout_ms = d.connect_timeout_ms;
    if (c.total_timeout_ms <= 0)
        c.total_timeout_ms = d.total_timeout_ms;
    if (c.low_speed_bytes <= 0)
        c.low_speed_bytes = d.low_speed_bytes;
    if (c.low_speed_secs <= 0)
        c.low_speed_secs = d.low_speed_secs;
    if (c.max_redirects == 0)
        c.max_redirects = d.max_redirects;
    else if (c.max_redirects < 0)
        c.max_redirects = 0;
    if (c.max_inflight <= 0)
        c.max_inflight = d.max_inflight;
    if (c.max_queue <= 0)
        c.max_queue = c.max_inflight * FETCH_QUEUE_PER_INFLIGHT;
    if (!c.user_agent || !*c.user_agent)
        c.user_agent = d.user_agent;
    return c;
}

int fetch_config_check(const fetch_config *cfg, char *err, size_t err_len) {
    netguard *g = netguard_new(cfg->allow_private, cfg->allow_cidrs, err, err_len);
    if (!g)
        return -1;
    netguard_free(g);
    if (cfg->user_agent && strpbrk(cfg->user_agent, "\r\n")) {
        snprintf(err, err_len, "user_agent: line breaks are not allowed");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- results */

static fetch_result *result_new(void) { return calloc(1, sizeof(fetch_result)); }

void fetch_result_free(fetch_result *r) {
    if (!r)
        return;
    free(r->body);
    free(r->content_type);
    free(r->final_url);
    free(r);
}

const char *fetch_status_code(fetch_status s) {
    static const char *const codes[] = {
        "ok",       "bad_request",  "forbidden_target", "too_large",
        "not_html", "fetch_failed", "fetch_timeout",    "overloaded"};
    return (unsigned)s < sizeof codes / sizeof codes[0] ? codes[s] : "fetch_failed";
}

int fetch_status_http(fetch_status s) {
    static const int statuses[] = {200, 400, 403, 413, 422, 502, 504, 503};
    return (unsigned)s < sizeof statuses / sizeof statuses[0] ? statuses[s] : 502;
}

/* ---------------------------------------------------------------- body checks */

static bool media_type_is_html(const char *content_type) {
    while (isspace((unsigned char)*content_type))
        content_type++;
    size_t n = strcspn(content_type, "; \t");
    for (size_t i = 0; i < sizeof html_media_types / sizeof html_media_types[0]; i++)
        if (strlen(html_media_types[i]) == n &&
            !strncasecmp(content_type, html_media_types[i], n))
            return true;
    return false;
}

static bool body_looks_like_html(const char *p, size_t n) {
    if (n > FETCH_SNIFF_BYTES)
        n = FETCH_SNIFF_BYTES;
    for (size_t s = 0; s < sizeof html_signatures / sizeof html_signatures[0]; s++) {
        size_t k = strlen(html_signatures[s]);
        for (size_t i = 0; i + k <= n; i++)
            if (!strncasecmp(p + i, html_signatures[s], k))
                return true;
    }
    return false;
}

/* ---------------------------------------------------------------- libcurl callbacks */

/* Every connection libcurl opens, for the first URL and each redirect, comes
 * through here with the resolved address: the one place the guard decides. */
static curl_socket_t on_open_socket(void *clientp, curlsocktype purpose,
                                    struct curl_sockaddr *addr) {
    fetch_job *j = clientp;
    const char *why = purpose == CURLSOCKTYPE_IPCXN
                          ? netguard_check(j->e->guard, &addr->addr)
                          : "unexpected socket purpose";
    if (why) {
        j->guard_reason = why;
        return CURL_SOCKET_BAD;
    }
    return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

static bool buffer_append(fetch_job *j, const char *p, size_t n) {
    if (j->len + n + 1 > j->cap) {
        size_t cap = j->cap ? j->cap : FETCH_INITIAL_BUFFER;
        while (cap < j->len + n + 1)
            cap *= 2;
        if (cap > j->e->cfg.max_bytes + 1)
            cap = j->e->cfg.max_bytes + 1;
        char *b = realloc(j->buf, cap);
        if (!b)
            return false;
        j->buf = b, j->cap = cap;
    }
    memcpy(j->buf + j->len, p, n);
    j->len += n;
    j->buf[j->len] = '\0';
    return true;
}

/* Decoded body bytes (libcurl undoes gzip/deflate/br before this). Returning
 * less than n aborts the transfer with CURLE_WRITE_ERROR. */
static size_t on_body(char *p, size_t size, size_t nmemb, void *userdata) {
    fetch_job *j = userdata;
    size_t n = size * nmemb;
    long code = 0;
    curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
    if (code < 200 || code >= 300)
        return n; /* an interim or redirect body: not the page */
    if (j->type == BODY_TYPE_UNKNOWN) {
        char *ct = NULL;
        curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ct);
        if (ct && *ct)
            j->type = media_type_is_html(ct) ? BODY_TYPE_HTML : BODY_TYPE_NOT_HTML;
        if (j->type == BODY_TYPE_NOT_HTML)
            return 0;
    }
    if (n > j->e->cfg.max_bytes - j->len) {
        j->too_large = true;
        return 0;
    }
    if (!buffer_append(j, p, n))
        return 0;
    if (j->type == BODY_TYPE_UNKNOWN && j->len >= FETCH_SNIFF_BYTES) {
        j->type =
            body_looks_like_html(j->buf, j->len) ? BODY_TYPE_HTML : BODY_TYPE_NOT_HTML;
        if (j->type == BODY_TYPE_NOT_HTML)
            return 0;
    }
    return n;
}

/* ---------------------------------------------------------------- jobs */

static void job_free(fetch_job *j) {
    if (j->easy)
        curl_easy_cleanup(j->easy);
    free(j->url);
    free(j->buf);
    fetch_result_free(j->res);
    free(j);
}

/* Hands the result to the caller and frees the job. */
static void job_deliver(fetch_job *j) {
    fetch_result *r = j->res;
    fetch_done_fn done = j->done;
    void *user = j->user;
    j->res = NULL;
    job_free(j);
    done(r, user);
}

static void job_fail(fetch_job *j, fetch_status st, const char *fmt, const char *arg) {
    j->res->status = st;
    snprintf(j->res->message, sizeof j->res->message, fmt, arg);
}

/* Only absolute http and https URLs with a host are fetched. Returns the
 * host (to free with curl_free()), or NULL for an unacceptable URL. */
static char *url_host(const char *url) {
    if (strlen(url) > FETCH_MAX_URL)
        return NULL;
    /* Control characters (CR, LF, NUL, TAB...) and spaces are never part of
     * a URL (RFC 3986); refused here whatever the URL parser would do. */
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return NULL;
    CURLU *u = curl_url();
    if (!u)
        return NULL;
    char *scheme = NULL, *host = NULL, *user = NULL, *password = NULL;
    bool ok = curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
              (!strcmp(scheme, "http") || !strcmp(scheme, "https")) && *host;
    /* Userinfo ("user:password@host") would send credentials upstream and
     * hides the host from a reader of the URL: refused, even an empty one. */
    const char *authority = strstr(url, "//");
    size_t authority_len = authority ? strcspn(authority + 2, "/?#") : 0;
    if (ok && ((authority && memchr(authority + 2, '@', authority_len)) ||
               curl_url_get(u, CURLUPART_USER, &user, 0) != CURLUE_NO_USER ||
               curl_url_get(u, CURLUPART_PASSWORD, &password, 0) != CURLUE_NO_PASSWORD))
        ok = false;
    curl_free(user);
    curl_free(password);
    curl_free(scheme);
    curl_url_cleanup(u);
    if (!ok) {
        curl_free(host);
        return NULL;
    }
    return host;
}

/* "localhost", "localhost." and names under .localhost are loopback by
 * definition (RFC 6761 section 6.3), whether or not a resolver knows them. */
static bool is_localhost_name(const char *host) {
    static const char name[] = "localhost";
    size_t n = strlen(host), k = sizeof name - 1;
    if (n && host[n - 1] == '.')
        n--;
    return n >= k && !strncasecmp(host + n - k, name, k) &&
           (n == k || host[n - k - 1] == '.');
}

/* Sets up the easy handle. False (with the result filled in) when the job
 * cannot start. */
static bool job_prepare(fetch_job *j) {
    const fetch_engine *e = j->e;
    const fetch_config *c = &e->cfg;
    char *host = url_host(j->url);
    if (!host) {
        job_fail(j, FETCH_BAD_URL, "%s", "not an absolute http or https URL");
        return false;
    }
    bool local = is_localhost_name(host);
    curl_free(host);
    const char *why = NULL;
    if (local && (why = netguard_check_text(e->guard, "127.0.0.1")) &&
        netguard_check_text(e->guard, "::1")) {
        job_fail(j, FETCH_FORBIDDEN, "localhost names are loopback (RFC 6761): %s", why);
        return false;
    }
    j->easy = curl_easy_init();
    if (!j->easy) {
        job_fail(j, FETCH_FAILED, "%s", "could not create a transfer");
        return false;
    }
    CURL *h = j->easy;
    CURLcode rc = CURLE_OK;
#define SET(opt, val)                                                                    \
    if (rc == CURLE_OK)                                                                  \
    rc = curl_easy_setopt(h, opt, val)
    SET(CURLOPT_URL, j->url);
    SET(CURLOPT_PRIVATE, j);
    SET(CURLOPT_ERRORBUFFER, j->errbuf);
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_FOLLOWLOCATION, 1L);
    SET(CURLOPT_MAXREDIRS, (long)c->max_redirects);
    SET(CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    SET(CURLOPT_TIMEOUT_MS, c->total_timeout_ms);
    SET(CURLOPT_LOW_SPEED_LIMIT, c->low_speed_bytes);
    SET(CURLOPT_LOW_SPEED_TIME, c->low_speed_secs);
    SET(CURLOPT_ACCEPT_ENCODING, ""); /* every encoding libcurl can decode */
    SET(CURLOPT_USERAGENT, e->user_agent);
    SET(CURLOPT_FAILONERROR, 1L);
    /* No proxy from the environment: a proxy would connect for us, out of
     * the guard's sight. */
    SET(CURLOPT_PROXY, "");
    SET(CURLOPT_NOPROXY, "*");
    SET(CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    SET(CURLOPT_OPENSOCKETDATA, j);
    SET(CURLOPT_WRITEFUNCTION, on_body);
    SET(CURLOPT_WRITEDATA, j);
    if (e->resolve)
        SET(CURLOPT_RESOLVE, e->resolve);
#undef SET
    if (rc != CURLE_OK) {
        job_fail(j, FETCH_FAILED, "%s", curl_easy_strerror(rc));
        return false;
    }
    return true;
}

static fetch_status outcome_status(CURLcode rc) {
    for (size_t i = 0; i < sizeof curl_outcomes / sizeof curl_outcomes[0]; i++)
        if (curl_outcomes[i].rc == rc)
            return curl_outcomes[i].status;
    return FETCH_FAILED;
}

static char *info_strdup(CURL *h, CURLINFO what) {
    char *s = NULL;
    if (curl_easy_getinfo(h, what, &s) != CURLE_OK || !s)
        return NULL;
    return strdup(s);
}

/* True when the transfer never got an address for its host. */
static bool never_resolved(CURL *h) {
    curl_off_t lookup = 0;
    char *ip = NULL;
    curl_easy_getinfo(h, CURLINFO_NAMELOOKUP_TIME_T, &lookup);
    curl_easy_getinfo(h, CURLINFO_PRIMARY_IP, &ip);
    return lookup == 0 && (!ip || !*ip);
}

/* Turns a finished transfer into its result. */
static void job_complete(fetch_job *j, CURLcode rc) {
    fetch_result *r = j->res;
    const fetch_config *c = &j->e->cfg;
    curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &r->http_status);
    r->final_url = info_strdup(j->easy, CURLINFO_EFFECTIVE_URL);
    r->content_type = info_strdup(j->easy, CURLINFO_CONTENT_TYPE);
    const char *cause = j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc);
    if (rc == CURLE_OK && j->type == BODY_TYPE_UNKNOWN) {
        bool html = r->content_type && *r->content_type
                        ? media_type_is_html(r->content_type)
                        : body_looks_like_html(j->buf ? j->buf : "", j->len);
        j->type = html ? BODY_TYPE_HTML : BODY_TYPE_NOT_HTML;
    }
    r->status = outcome_status(rc);
    long redirects = 0;
    curl_easy_getinfo(j->easy, CURLINFO_REDIRECT_COUNT, &redirects);
    if (r->status == FETCH_BAD_URL && redirects > 0)
        r->status = FETCH_FAILED; /* the upstream's Location, not the caller's URL */
    if (j->too_large) {
        r->status = FETCH_TOO_LARGE;
        snprintf(r->message, sizeof r->message, "page larger than %zu bytes (decoded)",
                 c->max_bytes);
    } else if (j->type == BODY_TYPE_NOT_HTML && r->http_status / 100 == 2) {
        r->status = FETCH_NOT_HTML;
        if (r->content_type)
            snprintf(r->message, sizeof r->message,
                     "upstream content type '%.200s' is not HTML", r->content_type);
        else
            snprintf(r->message, sizeof r->message,
                     "upstream sent no content type and the body is not HTML");
    } else if (j->guard_reason && rc == CURLE_COULDNT_CONNECT) {
        r->status = FETCH_FORBIDDEN;
        /* The range, not the address: the message goes back to the client,
         * who must not learn what internal names resolve to. */
        snprintf(r->message, sizeof r->message, "target address is blocked: %s",
                 j->guard_reason);
    } else if (rc == CURLE_HTTP_RETURNED_ERROR ||
               (rc == CURLE_OK && r->http_status / 100 != 2)) {
        r->status = FETCH_FAILED;
        snprintf(r->message, sizeof r->message, "upstream answered %ld", r->http_status);
    } else if (rc == CURLE_OPERATION_TIMEDOUT && never_resolved(j->easy)) {
        /* A name server that does not answer is a DNS failure, not a slow
         * upstream: there was no upstream yet. */
        r->status = FETCH_FAILED;
        snprintf(r->message, sizeof r->message, "DNS lookup failed: %.200s", cause);
    } else if (rc == CURLE_TOO_MANY_REDIRECTS) {
        snprintf(r->message, sizeof r->message, "more than %d redirects",
                 c->max_redirects);
    } else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
        snprintf(r->message, sizeof r->message,
                 "redirect to a scheme other than http or https refused: %.180s", cause);
    } else if (rc != CURLE_OK) {
        snprintf(r->message, sizeof r->message, "%s", cause);
    }
    if (r->status == FETCH_OK) {
        if (!j->buf && !buffer_append(j, "", 0)) {
            r->status = FETCH_FAILED;
            snprintf(r->message, sizeof r->message, "out of memory");
            return;
        }
        r->body = j->buf;
        r->len = j->len;
        j->buf = NULL;
    }
}

/* ---------------------------------------------------------------- the loop */

static void active_add(fetch_engine *e, fetch_job *j) {
    j->prev = NULL;
    j->next = e->active;
    if (e->active)
        e->active->prev = j;
    e->active = j;
}

static void active_remove(fetch_engine *e, fetch_job *j) {
    if (j->prev)
        j->prev->next = j->next;
    else
        e->active = j->next;
    if (j->next)
        j->next->prev = j->prev;
    j->prev = j->next = NULL;
}

static void deliver_list(fetch_job *j) {
    while (j) {
        fetch_job *next = j->next;
        job_deliver(j);
        j = next;
    }
}

/* Moves waiting jobs into the multi handle while there is room. */
static void start_waiting(fetch_engine *e) {
    for (;;) {
        pthread_mutex_lock(&e->mu);
        fetch_job *j = NULL;
        if (e->n_active < (size_t)e->cfg.max_inflight && e->wait_head) {
            j = e->wait_head;
            e->wait_head = j->next;
            if (!e->wait_head)
                e->wait_tail = NULL;
            e->n_waiting--;
            e->n_active++;
        }
        pthread_mutex_unlock(&e->mu);
        if (!j)
            return;
        j->next = NULL;
        if (job_prepare(j) && curl_multi_add_handle(e->multi, j->easy) == CURLM_OK) {
            active_add(e, j);
            continue;
        }
        if (j->res->status == FETCH_OK)
            job_fail(j, FETCH_FAILED, "%s", "could not start the transfer");
        pthread_mutex_lock(&e->mu);
        e->n_active--;
        pthread_mutex_unlock(&e->mu);
        job_deliver(j);
    }
}

/* Delivers the finished transfers; returns how many there were. */
static size_t finish_done(fetch_engine *e) {
    CURLMsg *msg;
    int left;
    size_t n = 0;
    while ((msg = curl_multi_info_read(e->multi, &left))) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        char *priv = NULL;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
        fetch_job *j = (fetch_job *)(void *)priv;
        CURLcode rc = msg->data.result;
        curl_multi_remove_handle(e->multi, msg->easy_handle);
        active_remove(e, j);
        job_complete(j, rc);
        pthread_mutex_lock(&e->mu);
        e->n_active--;
        pthread_mutex_unlock(&e->mu);
        job_deliver(j);
        n++;
    }
    return n;
}

/* Shutdown: everything still queued or running ends FETCH_OVERLOADED. */
static void drain_all(fetch_engine *e) {
    while (e->active) {
        fetch_job *j = e->active;
        active_remove(e, j);
        curl_multi_remove_handle(e->multi, j->easy);
        job_fail(j, FETCH_OVERLOADED, "%s", "the fetch engine is shutting down");
        job_deliver(j);
    }
    pthread_mutex_lock(&e->mu);
    fetch_job *waiting = e->wait_head, *rejected = e->rejected;
    e->wait_head = e->wait_tail = e->rejected = NULL;
    e->n_waiting = e->n_active = 0;
    pthread_mutex_unlock(&e->mu);
    for (fetch_job *j = waiting; j; j = j->next)
        job_fail(j, FETCH_OVERLOADED, "%s", "the fetch engine is shutting down");
    deliver_list(rejected);
    deliver_list(waiting);
}

static void *fetch_loop(void *arg) {
    fetch_engine *e = arg;
    for (;;) {
        pthread_mutex_lock(&e->mu);
        fetch_job *rejected = e->rejected;
        e->rejected = NULL;
        bool stopping = e->stopping;
        pthread_mutex_unlock(&e->mu);
        deliver_list(rejected);
        if (stopping)
            break;
        start_waiting(e);
        int running = 0;
        curl_multi_perform(e->multi, &running);
        /* Freed slots are refilled at once; otherwise wait for sockets,
         * libcurl's timers or a wake-up from fetch_submit(). */
        if (finish_done(e) == 0)
            curl_multi_poll(e->multi, NULL, 0, FETCH_POLL_MS, NULL);
    }
    drain_all(e);
    return NULL;
}

/* ---------------------------------------------------------------- public API */

static struct curl_slist *resolve_list(const char *spec, bool *ok) {
    struct curl_slist *list = NULL;
    *ok = true;
    while (spec && *spec) {
        spec += strspn(spec, " \t,");
        size_t n = strcspn(spec, " \t,");
        if (n == 0)
            break;
        char entry[FETCH_MAX_RESOLVE_ENTRY];
        if (n >= sizeof entry) {
            *ok = false;
            break;
        }
        memcpy(entry, spec, n);
        entry[n] = '\0';
        struct curl_slist *l = curl_slist_append(list, entry);
        if (!l) {
            *ok = false;
            break;
        }
        list = l;
        spec += n;
    }
    return list;
}

static void engine_destroy(fetch_engine *e) {
    if (e->multi)
        curl_multi_cleanup(e->multi);
    netguard_free(e->guard);
    curl_slist_free_all(e->resolve);
    free(e->user_agent);
    free(e->allow_cidrs);
    pthread_mutex_destroy(&e->mu);
    free(e);
}

fetch_engine *fetch_engine_new(const fetch_config *cfg) {
    pthread_once(&curl_once, curl_init_once);
    if (curl_init_rc != CURLE_OK)
        return NULL;
    fetch_engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    pthread_mutex_init(&e->mu, NULL);
    e->cfg = config_resolved(cfg);
    e->user_agent = strdup(e->cfg.user_agent);
    e->allow_cidrs = e->cfg.allow_cidrs ? strdup(e->cfg.allow_cidrs) : NULL;
    e->cfg.user_agent = e->user_agent;
    e->cfg.allow_cidrs = e->allow_cidrs;
    e->cfg.resolve = NULL; /* kept only as e->resolve */
    e->max_waiting = (size_t)e->cfg.max_queue;
    bool resolve_ok;
    e->resolve = resolve_list(cfg->resolve, &resolve_ok);
    char err[160];
    e->guard = netguard_new(e->cfg.allow_private, e->cfg.allow_cidrs, err, sizeof err);
    e->multi = curl_multi_init();
    if (!e->user_agent || (cfg->allow_cidrs && !e->allow_cidrs) || !resolve_ok ||
        !e->guard || !e->multi || strpbrk(e->user_agent, "\r\n") ||
        pthread_create(&e->thread, NULL, fetch_loop, e) != 0) {
        engine_destroy(e);
        return NULL;
    }
    return e;
}

int fetch_submit(fetch_engine *e, const char *url, fetch_done_fn done, void *user) {
    fetch_job *j = calloc(1, sizeof *j);
    if (!j)
        return -1;
    j->e = e;
    j->done = done;
    j->user = user;
    j->url = strdup(url ? url : "");
    j->res = result_new();
    if (!j->url || !j->res) {
        job_free(j);
        return -1;
    }
    pthread_mutex_lock(&e->mu);
    if (e->stopping) {
        pthread_mutex_unlock(&e->mu);
        job_free(j);
        return -1;
    }
    if (e->n_active + e->n_waiting >= (size_t)e->cfg.max_inflight + e->max_waiting) {
        job_fail(j, FETCH_OVERLOADED, "%s", "too many fetches in progress");
        j->next = e->rejected;
        e->rejected = j;
    } else {
        if (e->wait_tail)
            e->wait_tail->next = j;
        else
            e->wait_head = j;
        e->wait_tail = j;
        e->n_waiting++;
    }
    /* Woken under the lock: once fetch_engine_free() holds it, no submitter
     * can still touch the multi handle. */
    curl_multi_wakeup(e->multi);
    pthread_mutex_unlock(&e->mu);
    return 0;
}

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    fetch_result *res;
    bool done;
} sync_wait;

static void sync_done(fetch_result *res, void *user) {
    sync_wait *w = user;
    pthread_mutex_lock(&w->mu);
    w->res = res;
    w->done = true;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

fetch_result *fetch_sync(fetch_engine *e, const char *url) {
    sync_wait w = {.res = NULL, .done = false};
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.cv, NULL);
    fetch_result *r = NULL;
    if (fetch_submit(e, url, sync_done, &w) == 0) {
        pthread_mutex_lock(&w.mu);
        while (!w.done)
            pthread_cond_wait(&w.cv, &w.mu);
        pthread_mutex_unlock(&w.mu);
        r = w.res;
    } else if ((r = result_new())) {
        r->status = FETCH_OVERLOADED;
        snprintf(r->message, sizeof r->message, "the fetch engine is shutting down");
    }
    pthread_cond_destroy(&w.cv);
    pthread_mutex_destroy(&w.mu);
    return r;
}

void fetch_engine_free(fetch_engine *e) {
    if (!e)
        return;
    pthread_mutex_lock(&e->mu);
    e->stopping = true;
    pthread_mutex_unlock(&e->mu);
    curl_multi_wakeup(e->multi);
    pthread_join(e->thread, NULL);
    engine_destroy(e);
}
