/*
 * log — the service's logs: one JSON object per line on stderr.
 *
 * Access lines carry ts, method, route, status, bytes, ms and the request id;
 * event lines carry ts, level and msg. Each line is written with one write(2)
 * call so lines from different threads never interleave.
 */
#ifndef LEDE_SERVER_LOG_H
#define LEDE_SERVER_LOG_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    const char *method;
    const char *route; /* the route label, not the raw path */
    const char *path;  /* the path as sent (truncated, escaped) */
    int status;
    size_t bytes;
    double ms;
    const char *request_id;
} log_access_entry;

void log_access(const log_access_entry *e);

/* An event line: level is "info", "warn" or "error". */
void log_event(const char *level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void log_eventv(const char *level, const char *fmt, va_list ap);

#endif
