/* Whole-file reading for tests and benchmarks (header-only: each test and
 * benchmark is its own program). */
#ifndef LEDE_TEST_READ_FILE_H
#define LEDE_TEST_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

/* The bytes of the file at path, NUL-terminated, their count in *len (when
 * len is not NULL); NULL when the file cannot be read or is larger than
 * max bytes. The caller frees the buffer. */
static inline char *read_file(const char *path, size_t max, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && (size_t)size <= max && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)size + 1))) {
        size_t n = fread(buf, 1, (size_t)size, f);
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    fclose(f);
    return buf;
}

#endif
