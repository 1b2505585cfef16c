/* The subcommands' helpers: whole-file reading. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* A temporary file holding n bytes of a repeating pattern; its path in buf. */
static void make_file(char *buf, size_t size, size_t n) {
    snprintf(buf, size, "/tmp/lede_cli_util_XXXXXX");
    int fd = mkstemp(buf);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "wb");
    for (size_t i = 0; i < n; i++)
        fputc('a' + (int)(i % 26), f);
    cr_assert_eq(fclose(f), 0);
}

static void read_back(size_t n, size_t max) {
    char path[64];
    make_file(path, sizeof path, n);
    char *out = NULL;
    size_t len = 0;
    int rc = cli_read_file(path, max, &out, &len);
    unlink(path);
    if (n > max) {
        cr_assert_eq(rc, -1, "%zu bytes over a cap of %zu", n, max);
        cr_assert_eq(errno, EFBIG);
        return;
    }
    cr_assert_eq(rc, 0, "%zu bytes, cap %zu", n, max);
    cr_assert_eq(len, n);
    cr_assert_eq(out[n], '\0', "NUL-terminated");
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(out[i], 'a' + (int)(i % 26), "byte %zu of %zu", i, n);
    free(out);
}

Test(cli_util, files_read_whole_at_every_size) {
    /* Empty, small, around the first chunk for unknown sizes, and large. */
    const size_t sizes[] = {0, 1, 100, 65535, 65536, 65537, 300000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        read_back(sizes[i], 1u << 20);
}

Test(cli_util, the_cap_is_exact) {
    read_back(1000, 1000);
    read_back(1001, 1000);
    read_back(200000, 100000);
}

Test(cli_util, a_missing_file_fails) {
    char *out;
    size_t len;
    cr_assert_eq(cli_read_file("/nonexistent/lede/file", 100, &out, &len), -1);
    cr_assert_eq(errno, ENOENT);
}

/* The bytes of the file at path, which must hold exactly want. */
static void holds(const char *path, const char *want) {
    char *got;
    size_t len;
    cr_assert_eq(cli_read_file(path, 1u << 20, &got, &len), 0);
    cr_assert_eq(len, strlen(want), "%zu bytes, want %zu", len, strlen(want));
    cr_assert_str_eq(got, want);
    free(got);
}

Test(cli_util, written_files_hold_exactly_the_new_bytes) {
    char path[64];
    make_file(path, sizeof path, 5000); /* longer than what replaces it */
    cr_assert_eq(cli_write_file(path, "{\"a\":1}\n", 8), 0);
    holds(path, "{\"a\":1}\n");
    cr_assert_eq(cli_write_file(path, "a longer text than before\n", 26), 0);
    holds(path, "a longer text than before\n");
    cr_assert_eq(cli_write_file(path, "", 0), 0);
    holds(path, "");
    unlink(path);
    cr_assert_eq(cli_write_file(path, "new", 3), 0, "an absent file is created");
    holds(path, "new");
    unlink(path);
}

Test(cli_util, devices_and_bad_paths) {
    cr_assert_eq(cli_write_file("/dev/null", "x", 1), 0, "a device is not cut");
    cr_assert_eq(cli_write_file("/nonexistent/lede/out.json", "x", 1), -1);
    cr_assert_eq(errno, ENOENT);
}
