/* Runs a check over every page of a folder of pages: the development sets
 * in ../shared and the golden fixtures. Header-only, like read_file.h. */
#ifndef LEDE_TEST_DEV_PAGES_H
#define LEDE_TEST_DEV_PAGES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_file.h"

/* Largest page the tests read. */
#define DEV_PAGE_MAX_BYTES ((size_t)16 << 20)

/* Calls check(path, bytes, len) for every page under dir: each *.html when
 * file is NULL, else each <dir>/<case>/<file>. The bytes have their NULs
 * removed, as html_decode() leaves a page (these pages are UTF-8 already).
 * Returns how many pages were checked. */
static inline int for_each_page(const char *dir, const char *file,
                                void (*check)(const char *path, const char *html,
                                              size_t len)) {
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int pages = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t l = strlen(e->d_name);
        if (file)
            snprintf(path, sizeof path, "%s/%s/%s", dir, e->d_name, file);
        else if (l > 5 && !strcmp(e->d_name + l - 5, ".html"))
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        else
            continue;
        size_t n = 0;
        char *buf = read_file(path, DEV_PAGE_MAX_BYTES, &n);
        if (!buf)
            continue;
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (buf[i])
                buf[k++] = buf[i];
        buf[k] = '\0';
        check(path, buf, k);
        pages++;
        free(buf);
    }
    closedir(d);
    return pages;
}

typedef void page_check(const char *path, const char *html, size_t len);

/* Every page of both extraction development sets in ../shared (0 when
 * they are not there). */
static inline int for_each_development_page(page_check *check) {
    return for_each_page(LEDE_SHARED_DIR "/data/extraction/scrapinghub", NULL, check) +
           for_each_page(LEDE_SHARED_DIR "/data/extraction/readability", "source.html",
                         check);
}

/* Every golden fixture's page (tests/fixtures/<case>/page.html). */
static inline int for_each_fixture_page(page_check *check) {
    return for_each_page(LEDE_SOURCE_DIR "/tests/fixtures", "page.html", check);
}

#endif
