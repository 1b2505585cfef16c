/* Placeholder until URL fetching lands: every fetch answers "not implemented". */
#include "fetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fetch_engine {
    fetch_config cfg;
};

fetch_engine *fetch_engine_new(const fetch_config *cfg) {
    fetch_engine *e = calloc(1, sizeof *e);
    if (e)
        e->cfg = *cfg;
    return e;
}

fetch_result *fetch_sync(fetch_engine *e, const char *url) {
    (void)e;
    (void)url;
    fetch_result *r = calloc(1, sizeof *r);
    if (r) {
        r->status = FETCH_FAILED;
        snprintf(r->message, sizeof r->message, "URL fetching is not implemented yet");
    }
    return r;
}

int fetch_submit(fetch_engine *e, const char *url, fetch_done_fn done, void *user) {
    fetch_result *r = fetch_sync(e, url);
    if (!r)
        return -1;
    done(r, user);
    return 0;
}

void fetch_engine_free(fetch_engine *e) { free(e); }

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
