/* Helpers shared by the subcommands. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The first buffer for input whose size is not known ahead. */
#define CLI_READ_FIRST_CHUNK (64u * 1024u)

int cli_write_file(const char *path, const char *bytes, size_t len) {
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    /* Devices and pipes (/dev/null, a FIFO) have nothing to cut or remove. */
    struct stat st;
    bool regular = !fstat(fd, &st) && S_ISREG(st.st_mode);
    size_t done = 0;
    int err = 0;
    while (done < len && !err) {
        ssize_t n = write(fd, bytes + done, len - done);
        if (n > 0)
            done += (size_t)n;
        else if (n == 0 || errno != EINTR)
            err = n ? errno : EIO;
    }
    if (!err && regular && ftruncate(fd, (off_t)len))
        err = errno;
    if (close(fd) && !err)
        err = errno;
    if (err) {
        if (regular)
            remove(path); /* no half-written output */
        errno = err;
        return -1;
    }
    return 0;
}

int cli_read_file(const char *path, size_t max, char **out, size_t *out_len) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return -1;
    /* A regular file says its size: the buffer fits it (one byte more, so
     * the read that finds the end needs no growth) and it is read at once.
     * Pipes and stdin start small and double. */
    struct stat st;
    size_t size = CLI_READ_FIRST_CHUNK, len = 0;
    if (max < SIZE_MAX - 1 && !fstat(fileno(f), &st) && S_ISREG(st.st_mode) &&
        st.st_size >= 0)
        size = (uint64_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
    char *buf = malloc(size + 1);
    while (buf) {
        size_t n = fread(buf + len, 1, size - len, f);
        len += n;
        if (len > max) {
            free(buf);
            buf = NULL;
            errno = EFBIG;
            break;
        }
        if (n == 0)
            break;
        if (len == size) {
            char *bigger = realloc(buf, size * 2 + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            size *= 2;
        }
    }
    int err = errno;
    bool failed = !buf || ferror(f);
    if (f != stdin)
        fclose(f);
    if (failed) {
        free(buf);
        errno = err ? err : EIO;
        return -1;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

lede_ctx *cli_load_ctx(const char *data_dir) {
    char err[256] = "";
    lede_ctx_config cfg = {.data_dir = data_dir};
    lede_ctx *ctx = NULL;
    lede_status st = lede_ctx_new(&cfg, &ctx, err, sizeof err);
    if (st != LEDE_OK)
        fprintf(stderr, "lede: cannot load models: %s%s%s\n", lede_strerror(st),
                err[0] ? ": " : "", err);
    return ctx;
}

/* Longest input line accepted: a long article is far below this. */
#define CLI_JSONL_MAX_LINE (16u << 20)

/* Parses one line and runs fn on it; prints the answer. */
static int jsonl_line(const char *cmd, const lede_ctx *ctx, const char *line, size_t len,
                      size_t lineno, cli_jsonl_fn fn, void *user) {
    json_error_t err;
    json_t *in = json_loadb(line, len, 0, &err);
    if (!in) {
        fprintf(stderr, "lede %s: line %zu: %s\n", cmd, lineno, err.text);
        return 1;
    }
    json_t *out = json_object();
    json_t *id = json_object_get(in, "id");
    json_object_set(out, "id", id ? id : json_null());
    int rc = fn(ctx, in, out, lineno, user);
    if (json_dumpf(out, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) ||
        fputc('\n', stdout) == EOF)
        rc = 1;
    json_decref(out);
    json_decref(in);
    return rc;
}

int cli_jsonl_run(const char *cmd, const char *path, const char *data_dir,
                  cli_jsonl_fn fn, void *user) {
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, "lede %s: %s: %s\n", cmd, path, strerror(errno));
        return 1;
    }
    lede_ctx *ctx = cli_load_ctx(data_dir);
    int rc = ctx ? 0 : 1;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    while (ctx && (n = getline(&line, &cap, f)) > 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        if ((size_t)n > CLI_JSONL_MAX_LINE) {
            fprintf(stderr, "lede %s: line %zu too long\n", cmd, lineno);
            rc = 1;
            continue;
        }
        rc |= jsonl_line(cmd, ctx, line, (size_t)n, lineno, fn, user);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    lede_ctx_free(ctx);
    return rc;
}

bool cli_wants_help(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
            return true;
    return false;
}

/* glibc gives the top of the heap back to the kernel as soon as 128 KiB lie
 * free there, and serves each block of 128 KiB or more with its own mmap();
 * a process that extracts page after page then faults all its memory in
 * afresh for every page: about 38 page faults a page over the development
 * pages, some 4% of a batch's CPU time. Keeping up to CLI_TRIM_KEEP freed
 * bytes, and serving blocks below CLI_MMAP_FROM from the heap, lets each page
 * reuse what the one before freed. The peak resident size stays that of the
 * largest page; it is only not handed back between pages. */
#define CLI_TRIM_KEEP (64 << 20)
#define CLI_MMAP_FROM (32 << 20)

void cli_tune_allocator(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    (void)mallopt(M_TRIM_THRESHOLD, CLI_TRIM_KEEP);
    (void)mallopt(M_MMAP_THRESHOLD, CLI_MMAP_FROM);
#endif
}
