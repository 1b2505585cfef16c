/* JSON log lines on stderr, one write(2) each. */
#include "log.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* Paths are logged for debugging but never in full: a client controls them. */
#define LOG_PATH_MAX 200

/* "2026-11-28T08:40:01.123Z" */
static void timestamp(char *buf, size_t len) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    gmtime_r(&tv.tv_sec, &tm);
    size_t n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, len - n, ".%03ldZ", (long)(tv.tv_usec / 1000));
}

static void emit(json_t *o) {
    if (!o)
        return;
    char *line =
        json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (!line)
        return;
    size_t n = strlen(line);
    line[n] = '\n'; /* replaces the NUL; the length is known */
    const char *p = line;
    size_t left = n + 1;
    while (left) {
        ssize_t w = write(STDERR_FILENO, p, left);
        if (w <= 0)
            break;
        p += w;
        left -= (size_t)w;
    }
    free(line);
}

void log_access(const log_access_entry *e) {
    char ts[40];
    timestamp(ts, sizeof ts);
    char path[LOG_PATH_MAX + 1];
    snprintf(path, sizeof path, "%s", e->path ? e->path : "");
    json_t *o = json_object();
    if (!o)
        return;
    json_object_set_new(o, "ts", json_string(ts));
    json_object_set_new(o, "method", json_string(e->method ? e->method : "-"));
    json_object_set_new(o, "route", json_string(e->route ? e->route : "other"));
    /* A path cut inside a UTF-8 sequence is not valid JSON text: fall back. */
    json_t *jp = json_string(path);
    json_object_set_new(o, "path", jp ? jp : json_string("(binary)"));
    json_object_set_new(o, "status", json_integer(e->status));
    json_object_set_new(o, "bytes", json_integer((json_int_t)e->bytes));
    json_object_set_new(o, "ms", json_real(e->ms));
    json_object_set_new(o, "request_id",
                        json_string(e->request_id ? e->request_id : "-"));
    emit(o);
}

void log_eventv(const char *level, const char *fmt, va_list ap) {
    char ts[40], msg[1024];
    timestamp(ts, sizeof ts);
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
        msg[--n] = '\0'; /* libmicrohttpd's messages end with a newline */
    json_t *o = json_object();
    if (!o)
        return;
    json_object_set_new(o, "ts", json_string(ts));
    json_object_set_new(o, "level", json_string(level));
    json_t *m = json_string(msg);
    json_object_set_new(o, "msg", m ? m : json_string("(unprintable message)"));
    emit(o);
}

void log_event(const char *level, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    log_eventv(level, fmt, ap);
    va_end(ap);
}
