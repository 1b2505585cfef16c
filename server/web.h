/*
 * web — the page served at GET / (server/web/index.html), embedded in the
 * binary by cmake/embed.cmake.
 */
#ifndef LEDE_WEB_H
#define LEDE_WEB_H

#include <stddef.h>

extern const char lede_web_index[]; /* NUL-terminated */
extern const size_t lede_web_index_len;

#endif
