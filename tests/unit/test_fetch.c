/* Tests for the fetch engine against tests/integration/upstream.py, a local
 * server that misbehaves on request: every upstream behaviour must map to
 * its fetch_status, and the address guard must refuse loopback unless the
 * allow-list opens it. */
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"

#define UPSTREAM_START_MS 10000 /* python start-up under a loaded machine */
#define LOOPBACK_ONLY "127.0.0.1/32"
#define TEST_MAX_BYTES ((size_t)1 << 20)

#define UPSTREAM_PORT_ENV "LEDE_TEST_UPSTREAM_PORT"

/* One upstream serves every test: the runner starts it before the tests
 * (which run in processes of their own) and passes its port through the
 * environment. Its standard input is a pipe held by the runner, so it exits
 * even if the runner dies before POST_ALL. */
static pid_t upstream_pid;
static int upstream_stdin = -1;
static int upstream_port;

static int upstream_spawn(void) {
    int out[2], in[2];
    if (pipe(out) || pipe2(in, O_CLOEXEC))
        return -1;
    upstream_pid = fork();
    if (upstream_pid < 0)
        return -1;
    if (upstream_pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        dup2(in[0], STDIN_FILENO);
        close(out[0]);
        close(out[1]);
        execlp("python3", "python3", LEDE_SOURCE_DIR "/tests/integration/upstream.py",
               "--exit-on-eof", (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    close(in[0]);
    upstream_stdin = in[1];
    struct pollfd p = {.fd = out[0], .events = POLLIN};
    char line[32] = "";
    size_t got = 0;
    while (got < sizeof line - 1 && !strchr(line, '\n')) {
        if (poll(&p, 1, UPSTREAM_START_MS) <= 0)
            break;
        ssize_t n = read(out[0], line + got, sizeof line - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        line[got] = '\0';
    }
    close(out[0]);
    return atoi(line);
}

ReportHook(PRE_ALL)(struct criterion_test_set *tests) {
    (void)tests;
    int port = upstream_spawn();
    if (port > 0) {
        char text[16];
        snprintf(text, sizeof text, "%d", port);
        setenv(UPSTREAM_PORT_ENV, text, 1);
    }
}

ReportHook(POST_ALL)(struct criterion_global_stats *stats) {
    (void)stats;
    if (upstream_pid > 0) {
        kill(upstream_pid, SIGTERM);
        waitpid(upstream_pid, NULL, 0);
        close(upstream_stdin);
        upstream_pid = 0;
    }
}

static void upstream_find(void) {
    const char *port = getenv(UPSTREAM_PORT_ENV);
    upstream_port = port ? atoi(port) : 0;
    cr_assert_gt(upstream_port, 0, "tests/integration/upstream.py did not start");
}

TestSuite(fetch, .init = upstream_find);

static fetch_config test_config(const char *allow) {
    fetch_config c;
    fetch_config_init(&c);
    c.allow_cidrs = allow;
    c.max_bytes = TEST_MAX_BYTES;
    c.connect_timeout_ms = 2000;
    c.total_timeout_ms = 5000;
    c.low_speed_bytes = 100;
    c.low_speed_secs = 1;
    return c;
}

static fetch_result *fetch_url(const fetch_config *c, const char *url) {
    fetch_engine *e = fetch_engine_new(c);
    cr_assert_not_null(e);
    fetch_result *r = fetch_sync(e, url);
    fetch_engine_free(e);
    cr_assert_not_null(r);
    return r;
}

/* "%d" in the URL pattern becomes the upstream's port. */
static fetch_result *fetch_fmt(const fetch_config *c, const char *pattern) {
    char url[512];
    snprintf(url, sizeof url, pattern, upstream_port);
    return fetch_url(c, url);
}

static fetch_result *fetch_path(const char *allow, const char *path) {
    fetch_config c = test_config(allow);
    char url[512];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", upstream_port, path);
    return fetch_url(&c, url);
}

static void expect_status(fetch_result *r, fetch_status want, const char *what) {
    cr_expect_eq(r->status, want, "%s: got %s (%s), want %s", what,
                 fetch_status_code(r->status), r->message, fetch_status_code(want));
    if (want != FETCH_OK)
        cr_expect_null(r->body, "%s: body on failure", what);
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

Test(fetch, normal_page) {
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/page");
    expect_status(r, FETCH_OK, "/page");
    cr_assert_not_null(r->body);
    cr_expect(strstr(r->body, "Upstream works") != NULL);
    cr_expect_eq(strlen(r->body), r->len);
    cr_expect_str_eq(r->content_type, "text/html; charset=utf-8");
    cr_expect_eq(r->http_status, 200);
    cr_expect(strstr(r->final_url, "/page") != NULL);
    fetch_result_free(r);
}

Test(fetch, user_agent_is_configurable) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.user_agent = "lede-test/9";
    fetch_result *r = fetch_fmt(&c, "http://127.0.0.1:%d/ua");
    expect_status(r, FETCH_OK, "/ua");
    cr_expect(r->body && strstr(r->body, "UA=lede-test/9"), "%s", r->body);
    fetch_result_free(r);
    c.user_agent = NULL; /* the default names lede */
    r = fetch_fmt(&c, "http://127.0.0.1:%d/ua");
    cr_expect(r->body && strstr(r->body, "UA=lede/"), "%s", r->body);
    fetch_result_free(r);
}

Test(fetch, xhtml_is_html) {
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/xhtml");
    expect_status(r, FETCH_OK, "/xhtml");
    fetch_result_free(r);
}

Test(fetch, charset_header_is_reported) {
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/charset");
    expect_status(r, FETCH_OK, "/charset");
    cr_expect_str_eq(r->content_type, "text/html; charset=windows-1252");
    cr_expect(r->body && strstr(r->body, "caf\xe9 \x80"
                                         "5"),
              "raw windows-1252 bytes expected");
    fetch_result_free(r);
}

Test(fetch, compressed_bodies_are_decoded) {
    static const char *const paths[] = {"/gzip", "/deflate"};
    for (size_t i = 0; i < 2; i++) {
        fetch_result *r = fetch_path(LOOPBACK_ONLY, paths[i]);
        expect_status(r, FETCH_OK, paths[i]);
        cr_expect(r->body && strstr(r->body, "Upstream works"), "%s not decoded",
                  paths[i]);
        fetch_result_free(r);
    }
}

Test(fetch, gzip_bomb_is_too_large) {
    double t0 = now_ms();
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/gzip-bomb");
    expect_status(r, FETCH_TOO_LARGE, "/gzip-bomb");
    cr_expect(strstr(r->message, "1048576") != NULL, "%s", r->message);
    cr_expect_lt(now_ms() - t0, 4000);
    fetch_result_free(r);
}

Test(fetch, byte_cap_is_exact) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    fetch_result *r = fetch_fmt(&c, "http://127.0.0.1:%d/big");
    expect_status(r, FETCH_TOO_LARGE, "/big under 1 MiB");
    fetch_result_free(r);
    c.max_bytes = 8u << 20;
    r = fetch_fmt(&c, "http://127.0.0.1:%d/big");
    expect_status(r, FETCH_OK, "/big under 8 MiB");
    cr_expect_gt(r->len, 4000000);
    cr_expect_leq(r->len, (size_t)4 << 20);
    fetch_result_free(r);
}

Test(fetch, slow_drip_times_out) {
    double t0 = now_ms();
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/slow");
    expect_status(r, FETCH_TIMEOUT, "/slow");
    cr_expect_lt(now_ms() - t0, 4000, "low-speed limit not applied");
    fetch_result_free(r);
}

Test(fetch, hang_times_out) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.total_timeout_ms = 800;
    c.low_speed_secs = 30;
    static const char *const urls[] = {"http://127.0.0.1:%d/hang",
                                       "http://127.0.0.1:%d/hang-headers"};
    for (size_t i = 0; i < 2; i++) {
        double t0 = now_ms();
        fetch_result *r = fetch_fmt(&c, urls[i]);
        expect_status(r, FETCH_TIMEOUT, urls[i]);
        cr_expect_lt(now_ms() - t0, 3000, "total timeout not applied");
        fetch_result_free(r);
    }
}

Test(fetch, redirects_are_followed_up_to_the_limit) {
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/redirect/5");
    expect_status(r, FETCH_OK, "5 redirects");
    cr_expect(r->final_url && strstr(r->final_url, "/page"), "final url %s",
              r->final_url);
    fetch_result_free(r);
    r = fetch_path(LOOPBACK_ONLY, "/redirect/6");
    expect_status(r, FETCH_FAILED, "6 redirects");
    cr_expect(strstr(r->message, "redirects") != NULL, "%s", r->message);
    fetch_result_free(r);
}

Test(fetch, redirect_loops_fail) {
    static const char *const paths[] = {"/loop", "/loop-a"};
    for (size_t i = 0; i < 2; i++) {
        fetch_result *r = fetch_path(LOOPBACK_ONLY, paths[i]);
        expect_status(r, FETCH_FAILED, paths[i]);
        fetch_result_free(r);
    }
}

Test(fetch, redirects_to_blocked_targets_are_forbidden) {
    static const char *const targets[] = {
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.2:%d/page", /* loopback, but not on the allow-list */
        "http://[::1]:%d/page",
        "http://10.0.0.1/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:%d/",
    };
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        char target[256], path[400];
        snprintf(target, sizeof target, targets[i], upstream_port);
        snprintf(path, sizeof path, "/to?u=%s", target);
        fetch_result *r = fetch_path(LOOPBACK_ONLY, path);
        expect_status(r, FETCH_FORBIDDEN, target);
        fetch_result_free(r);
    }
}

Test(fetch, malformed_redirect_is_an_upstream_failure) {
    /* The caller's URL was fine: a broken Location is the upstream's fault. */
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/to?u=http://%5B::1");
    expect_status(r, FETCH_FAILED, "Location: http://[::1");
    fetch_result_free(r);
}

Test(fetch, redirect_refusal_is_the_guards) {
    /* With everything allowed, the same redirect to 127.0.0.2 reaches the
     * network and fails there (nothing listens on 127.0.0.2): so the
     * FETCH_FORBIDDEN above came from the guard, not from the network. */
    fetch_config c = test_config(NULL);
    c.allow_private = true;
    char url[256];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/to?u=http://127.0.0.2:%d/page",
             upstream_port, upstream_port);
    fetch_result *r = fetch_url(&c, url);
    expect_status(r, FETCH_FAILED, "redirect to 127.0.0.2 with allow_private");
    fetch_result_free(r);
}

Test(fetch, wrong_content_types_are_not_html) {
    static const char *const paths[] = {"/png", "/json", "/no-type-binary"};
    for (size_t i = 0; i < 3; i++) {
        fetch_result *r = fetch_path(LOOPBACK_ONLY, paths[i]);
        expect_status(r, FETCH_NOT_HTML, paths[i]);
        fetch_result_free(r);
    }
}

Test(fetch, missing_content_type_is_sniffed) {
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/no-type-html");
    expect_status(r, FETCH_OK, "/no-type-html");
    cr_expect_null(r->content_type);
    fetch_result_free(r);
}

Test(fetch, early_close_fails) {
    fetch_result *r = fetch_path(LOOPBACK_ONLY, "/close-early");
    expect_status(r, FETCH_FAILED, "/close-early");
    cr_expect_neq(r->message[0], '\0');
    fetch_result_free(r);
}

Test(fetch, upstream_errors_fail_with_status) {
    static const struct {
        const char *path, *message;
        long status;
    } cases[] = {{"/status/404", "upstream answered 404", 404},
                 {"/status/500", "upstream answered 500", 500},
                 {"/status/403", "upstream answered 403", 403}};
    for (size_t i = 0; i < 3; i++) {
        fetch_result *r = fetch_path(LOOPBACK_ONLY, cases[i].path);
        expect_status(r, FETCH_FAILED, cases[i].path);
        cr_expect(strstr(r->message, cases[i].message) != NULL, "%s", r->message);
        cr_expect_eq(r->http_status, cases[i].status);
        fetch_result_free(r);
    }
}

Test(fetch, connection_refused_fails) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    /* Port 1 (tcpmux) is closed on any test machine. */
    fetch_result *r = fetch_url(&c, "http://127.0.0.1:1/");
    expect_status(r, FETCH_FAILED, "closed port");
    cr_expect(strstr(r->message, "onnect") != NULL, "%s", r->message);
    fetch_result_free(r);
}

Test(fetch, tls_failure_fails) {
    /* The upstream speaks plain HTTP: the TLS handshake cannot succeed. */
    fetch_config c = test_config(LOOPBACK_ONLY);
    fetch_result *r = fetch_fmt(&c, "https://127.0.0.1:%d/page");
    expect_status(r, FETCH_FAILED, "https to a plain HTTP server");
    cr_expect(strcasestr(r->message, "ssl") || strcasestr(r->message, "tls"), "%s",
              r->message);
    fetch_result_free(r);
}

Test(fetch, dns_failure_fails) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.connect_timeout_ms = 1500;
    /* .invalid never resolves (RFC 6761); whether the resolver says so at
     * once or never answers, this is a DNS failure. */
    fetch_result *r = fetch_url(&c, "http://no-such-host.invalid/");
    expect_status(r, FETCH_FAILED, "unresolvable name");
    cr_expect(strcasestr(r->message, "resolv") || strcasestr(r->message, "DNS"), "%s",
              r->message);
    fetch_result_free(r);
}

Test(fetch, bad_urls) {
    static const char *const urls[] = {
        "ftp://127.0.0.1/",
        "file:///etc/passwd",
        "not a url",
        "",
        "gopher://127.0.0.1/",
        "http://",
        "//127.0.0.1/page",
        "dict://127.0.0.1:11211/",
        /* Userinfo, even empty, and control characters or spaces anywhere. */
        "http://user:pw@127.0.0.1/",
        "http://user@127.0.0.1/",
        "http://:@127.0.0.1/",
        "http://127.0.0.1/a\r\nX-Injected: 1",
        "http://127.0.0.1/a\nb",
        "http://127.0.0.1/a b",
        "http://127.0.0.1\t/",
        "http://127.0.0.1/\x7f",
    };
    fetch_config c = test_config(LOOPBACK_ONLY);
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        fetch_result *r = fetch_url(&c, urls[i]);
        expect_status(r, FETCH_BAD_URL, urls[i]);
        fetch_result_free(r);
    }
}

/* Every way of writing loopback reaches the upstream when allowed, and is
 * FETCH_FORBIDDEN with the default guard. The allowed run proves that the
 * URL really resolves to the upstream, so the refusal is the guard's. */
static const char *const loopback_tricks[] = {
    "http://127.0.0.1:%d/page",  "http://2130706433:%d/page", "http://0x7f.1:%d/page",
    "http://0x7f000001:%d/page", "http://0177.0.0.1:%d/page", "http://127.1:%d/page",
    "http://localhost:%d/page",  "http://evil.test:%d/page", /* a DNS name resolving to
                                                                127.0.0.1 (pinned) */
};
/* Forbidden by default; not all of them reach the upstream when allowed. */
static const char *const loopback_other_tricks[] = {
    "http://[::1]:%d/page",
    "http://[::ffff:127.0.0.1]:%d/page",
    "http://[::ffff:7f00:1]:%d/page",
    "http://[64:ff9b::7f00:1]:%d/page",
    /* Loopback by name (RFC 6761) even where no resolver knows them. */
    "http://localhost.:%d/page",
    "http://LocalHost.:%d/page",
    "http://www.localhost:%d/page",
};

static fetch_config trick_config(const char *allow, char *resolve, size_t n) {
    fetch_config c = test_config(allow);
    snprintf(resolve, n, "evil.test:%d:127.0.0.1", upstream_port);
    c.resolve = resolve;
    return c;
}

Test(fetch, loopback_tricks_reach_upstream_when_allowed) {
    char resolve[64];
    fetch_config c = trick_config(LOOPBACK_ONLY, resolve, sizeof resolve);
    for (size_t i = 0; i < sizeof loopback_tricks / sizeof loopback_tricks[0]; i++) {
        fetch_result *r = fetch_fmt(&c, loopback_tricks[i]);
        expect_status(r, FETCH_OK, loopback_tricks[i]);
        fetch_result_free(r);
    }
}

Test(fetch, loopback_tricks_are_forbidden_by_default) {
    char resolve[64];
    fetch_config c = trick_config(NULL, resolve, sizeof resolve);
    for (size_t i = 0; i < sizeof loopback_tricks / sizeof loopback_tricks[0]; i++) {
        fetch_result *r = fetch_fmt(&c, loopback_tricks[i]);
        expect_status(r, FETCH_FORBIDDEN, loopback_tricks[i]);
        cr_expect(strstr(r->message, "loopback") != NULL, "%s", r->message);
        cr_expect(strstr(r->message, "127.0.0.1") == NULL, "address leaked: %s",
                  r->message);
        fetch_result_free(r);
    }
    for (size_t i = 0; i < sizeof loopback_other_tricks / sizeof loopback_other_tricks[0];
         i++) {
        fetch_result *r = fetch_fmt(&c, loopback_other_tricks[i]);
        expect_status(r, FETCH_FORBIDDEN, loopback_other_tricks[i]);
        fetch_result_free(r);
    }
}

Test(fetch, metadata_and_private_literals_are_forbidden) {
    static const char *const urls[] = {
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1%%25lo]:%d/",
        "http://10.0.0.1:%d/",
        "http://192.168.1.1/",
        "http://0.0.0.0:%d/page",
        "http://0:%d/page",
        "http://[::]:%d/page",
        "http://100.64.0.1/",
    };
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.connect_timeout_ms = 1000;
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        fetch_result *r = fetch_fmt(&c, urls[i]);
        expect_status(r, FETCH_FORBIDDEN, urls[i]);
        fetch_result_free(r);
    }
}

Test(fetch, allow_private_opens_loopback) {
    fetch_config c = test_config(NULL);
    c.allow_private = true;
    fetch_result *r = fetch_fmt(&c, "http://127.0.0.1:%d/page");
    expect_status(r, FETCH_OK, "allow_private");
    fetch_result_free(r);
}

Test(fetch, bad_allow_list_is_a_config_error) {
    fetch_config c = test_config("127.0.0.1/40");
    char err[128] = "";
    cr_expect_eq(fetch_config_check(&c, err, sizeof err), -1);
    cr_expect(strstr(err, "127.0.0.1/40") != NULL, "%s", err);
    cr_expect_null(fetch_engine_new(&c));
    c.allow_cidrs = LOOPBACK_ONLY;
    cr_expect_eq(fetch_config_check(&c, err, sizeof err), 0);
}

typedef struct {
    pthread_mutex_t mu;
    int n_done;
    int by_status[FETCH_OVERLOADED + 1];
} tally;

static void count_done(fetch_result *r, void *user) {
    tally *t = user;
    pthread_mutex_lock(&t->mu);
    t->n_done++;
    t->by_status[r->status]++;
    pthread_mutex_unlock(&t->mu);
    fetch_result_free(r);
}

static int tally_done(tally *t) {
    pthread_mutex_lock(&t->mu);
    int n = t->n_done;
    pthread_mutex_unlock(&t->mu);
    return n;
}

Test(fetch, concurrent_fetches_all_complete) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.max_inflight = 3;
    c.max_queue = 20;
    fetch_engine *e = fetch_engine_new(&c);
    cr_assert_not_null(e);
    tally t = {.mu = PTHREAD_MUTEX_INITIALIZER};
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/page", upstream_port);
    enum { N = 12 };
    for (int i = 0; i < N; i++)
        cr_assert_eq(fetch_submit(e, url, count_done, &t), 0);
    double t0 = now_ms();
    while (tally_done(&t) < N && now_ms() - t0 < 10000)
        usleep(10000);
    fetch_engine_free(e);
    cr_expect_eq(t.n_done, N);
    cr_expect_eq(t.by_status[FETCH_OK], N);
}

Test(fetch, hanging_upstreams_do_not_hold_other_fetches) {
    enum { HANGING = 50 };
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.max_inflight = HANGING + 4;
    c.total_timeout_ms = 30000;
    c.low_speed_secs = 60;
    fetch_engine *e = fetch_engine_new(&c);
    cr_assert_not_null(e);
    tally t = {.mu = PTHREAD_MUTEX_INITIALIZER};
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hang-headers", upstream_port);
    for (int i = 0; i < HANGING; i++)
        cr_assert_eq(fetch_submit(e, url, count_done, &t), 0);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/page", upstream_port);
    double t0 = now_ms();
    for (int i = 0; i < 3; i++) {
        fetch_result *r = fetch_sync(e, url);
        expect_status(r, FETCH_OK, "/page beside 50 hanging fetches");
        fetch_result_free(r);
    }
    cr_expect_lt(now_ms() - t0, 2000, "a page waited behind hanging fetches");
    cr_expect_eq(tally_done(&t), 0);
    fetch_engine_free(e);
    cr_expect_eq(t.by_status[FETCH_OVERLOADED], HANGING);
}

Test(fetch, full_engine_overloads_and_shutdown_ends_pending) {
    fetch_config c = test_config(LOOPBACK_ONLY);
    c.max_inflight = 1;
    c.max_queue = 1;
    c.total_timeout_ms = 20000;
    c.low_speed_secs = 60;
    fetch_engine *e = fetch_engine_new(&c);
    cr_assert_not_null(e);
    tally t = {.mu = PTHREAD_MUTEX_INITIALIZER};
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hang-headers", upstream_port);
    for (int i = 0; i < 3; i++)
        cr_assert_eq(fetch_submit(e, url, count_done, &t), 0);
    double t0 = now_ms();
    while (tally_done(&t) < 1 && now_ms() - t0 < 5000)
        usleep(5000);
    cr_expect_eq(t.by_status[FETCH_OVERLOADED], 1, "the third fetch should be refused");
    fetch_engine_free(e); /* the running and the waiting fetch end now */
    cr_expect_lt(now_ms() - t0, 3000, "shutdown waited for the upstream");
    cr_expect_eq(t.n_done, 3);
    cr_expect_eq(t.by_status[FETCH_OVERLOADED], 3);
}

Test(fetch, status_codes_match_the_contract) {
    static const struct {
        fetch_status s;
        const char *code;
        int http;
    } table[] = {
        {FETCH_OK, "ok", 200},
        {FETCH_BAD_URL, "bad_request", 400},
        {FETCH_FORBIDDEN, "forbidden_target", 403},
        {FETCH_TOO_LARGE, "too_large", 413},
        {FETCH_NOT_HTML, "not_html", 422},
        {FETCH_FAILED, "fetch_failed", 502},
        {FETCH_TIMEOUT, "fetch_timeout", 504},
        {FETCH_OVERLOADED, "overloaded", 503},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        cr_expect_str_eq(fetch_status_code(table[i].s), table[i].code);
        cr_expect_eq(fetch_status_http(table[i].s), table[i].http);
    }
}
