/*
 * lede serve — runs the HTTP service until SIGTERM or SIGINT.
 *
 * The main thread only handles signals (they are blocked in every other thread
 * and taken here with sigwait): SIGHUP re-reads the configuration and applies
 * its reloadable keys, SIGTERM/SIGINT drain the server and exit 0.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "fetch.h"
#include "http.h"
#include "log.h"
#include "metrics.h"

extern char **environ;

/* After the drain deadline, requests still running (or resumed with 503 by the
 * shutdown of the fetch engine) get this long before connections are cut. */
#define FINAL_GRACE_S 1.0

static fetch_config fetch_config_of(const srv_config *c) {
    return (fetch_config){
        .allow_private = c->fetch_allow_private,
        .allow_cidrs = c->fetch_allow_cidrs,
        .max_bytes = (size_t)c->fetch_max_bytes,
        .connect_timeout_ms = c->fetch_connect_timeout_ms,
        .total_timeout_ms = c->fetch_timeout_ms,
        .low_speed_bytes = c->fetch_low_speed_bytes,
        .low_speed_secs = c->fetch_low_speed_secs,
        /* The engine reads 0 as "its default"; a negative count means none. */
        .max_redirects = c->fetch_max_redirects ? (int)c->fetch_max_redirects : -1,
        .max_inflight = (int)c->fetch_max_inflight,
        .user_agent = c->fetch_user_agent,
    };
}

static void reload(http_server *srv, const char *path, int argc, char **argv) {
    srv_config fresh;
    char err[512];
    if (config_build(&fresh, path, environ, argc, argv, err, sizeof err)) {
        log_event("error", "reload failed, configuration unchanged: %s", err);
        return;
    }
    http_server_reload(srv, &fresh);
    log_event("info", "configuration reloaded (reloadable keys: %s)",
              config_reloadable_keys());
}

static void drain(http_server *srv, fetch_engine *fe) {
    double timeout = http_server_drain_timeout(srv);
    log_event("info", "draining: finishing in-flight requests (up to %.0f s)", timeout);
    http_server_drain(srv);
    bool idle = http_server_wait_idle(srv, timeout);
    if (!idle)
        log_event("warn", "drain deadline passed with requests still in flight");
    http_server_reject_waiting(srv);
    fetch_engine_free(fe); /* pending fetches complete, their requests answer */
    http_server_wait_idle(srv, FINAL_GRACE_S);
}

int cmd_serve(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            config_print_usage(stdout);
            return 0;
        }
    const char *path = config_find_file_flag(argc, argv);
    srv_config cfg;
    char err[512];
    if (config_build(&cfg, path, environ, argc, argv, err, sizeof err)) {
        fprintf(stderr, "lede serve: configuration error: %s\n", err);
        return 2;
    }
    /* Every thread started from here on inherits the blocked set. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    metrics *m = metrics_new();
    fetch_config fc = fetch_config_of(&cfg);
    if (fetch_config_check(&fc, err, sizeof err)) {
        fprintf(stderr, "lede serve: configuration error: %s\n", err);
        metrics_free(m);
        return 2;
    }
    fetch_engine *fe = fetch_engine_new(&fc);
    if (!fe)
        log_event("warn", "URL fetching is unavailable: URL requests answer 501");
    http_server *srv = m ? http_server_start(&cfg, fe, m, err, sizeof err) : NULL;
    if (!srv) {
        fprintf(stderr, "lede serve: %s\n", m ? err : "out of memory");
        fetch_engine_free(fe);
        metrics_free(m);
        return 1;
    }
    lede_ctx *ctx = cli_load_ctx(cfg.data_dir[0] ? cfg.data_dir : NULL);
    if (!ctx) {
        http_server_stop(srv);
        fetch_engine_free(fe);
        metrics_free(m);
        return 1;
    }
    http_server_set_ctx(srv, ctx);
    log_event("info", "lede serving on %s:%ld (pid %ld)", cfg.bind, cfg.port,
              (long)getpid());

    for (;;) {
        int sig;
        if (sigwait(&set, &sig))
            continue;
        if (sig == SIGHUP) {
            reload(srv, path, argc, argv);
            continue;
        }
        log_event("info", "signal %d received", sig);
        break;
    }
    drain(srv, fe);
    http_server_stop(srv);
    lede_ctx_free(ctx);
    metrics_free(m);
    log_event("info", "stopped");
    return 0;
}
