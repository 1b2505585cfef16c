/* lede extract [options] FILE|DIR|-...   (see `lede extract --help`)
 * lede extract --batch LIST    (LIST: lines "INPUT<TAB>OUTPUT"; one JSON per page)
 *
 * Inputs are files, folders (walked for *.html and *.htm), "-" for stdin and
 * list files (--list, one path per line). One page named alone prints its
 * Article JSON indented, as always; several pages print NDJSON, one line per
 * page in input order; -o DIR writes one file per page instead, at the page's
 * relative path with the format's extension. Pages are extracted by -j N
 * threads sharing one context (lede_ctx is read-only and thread-safe, as in
 * the server); output order does not depend on N.
 *
 * --batch is the older list form the evaluation scripts use. A page that
 * fails is reported on stderr and gets no output; the exit status is then 1
 * (2 for a usage error). */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "http_req.h"

/* Longest line of a batch list: two paths and a tab. */
#define BATCH_LINE_MAX 8192
/* Worker threads allowed with -j. */
#define EXTRACT_MAX_JOBS 256
/* How often the progress line is redrawn while pages are slow. */
#define PROGRESS_EVERY_NS (250 * 1000 * 1000)
/* The longest output path built under -o DIR. */
#define OUT_PATH_MAX 4096

static const char usage_text[] =
    "usage: lede extract [options] FILE|DIR|- ...\n"
    "       lede extract [options] --list FILE\n"
    "       lede extract [--html] [--min-confidence C] --batch LIST\n"
    "\n"
    "Extracts news pages. FILE is a page, DIR a folder walked recursively for\n"
    "*.html and *.htm, - reads a page from stdin.\n"
    "\n"
    "options:\n"
    "  --list FILE          also extract the paths in FILE, one per line (- = stdin)\n"
    "  -o, --output DIR     write one file per page under DIR, at the page's\n"
    "                       relative path with the format's extension\n"
    "                       (.json, .txt, .md, .html); an output two inputs\n"
    "                       would share gets -2, -3, ... after its name\n"
    "                       (said on stderr); default: stdout\n"
    "  --format F           json (indented), ndjson (one line per page), text\n"
    "                       (headline and article text), markdown, html (clean\n"
    "                       article markup); default json for one page on stdout,\n"
    "                       ndjson otherwise\n"
    "  --fields LIST        only these Article keys (json, ndjson): headline,text,...\n"
    "  --include-html       add \"html\", the cleaned article markup (alias --html)\n"
    "  --dates              keep dates and years among the numeric claims\n"
    "  -j, --jobs N         extract with N threads (default 1)\n"
    "  --url URL            the page's address (one input only)\n"
    "  --content-type TYPE  the page's HTTP Content-Type, for its charset\n"
    "  --min-confidence C   drop entities below C (0 to 1)\n"
    "  --data-dir DIR       models and word lists\n"
    "  --batch LIST         lines INPUT<TAB>OUTPUT, one Article JSON file each\n"
    "  -h, --help           this text\n"
    "\n"
    "On a terminal, stderr shows progress (pages, pages/s, errors, ETA); several\n"
    "pages end with a summary line on stderr.\n"
    "\n"
    "exit status: 0 every page extracted, 1 some page or input failed, 2 usage error\n";

typedef enum { FMT_JSON, FMT_NDJSON, FMT_TEXT, FMT_MARKDOWN, FMT_HTML } out_format;

static const struct {
    const char *name, *ext;
} formats[] = {
    [FMT_JSON] = {"json", ".json"}, [FMT_NDJSON] = {"ndjson", ".json"},
    [FMT_TEXT] = {"text", ".txt"},  [FMT_MARKDOWN] = {"markdown", ".md"},
    [FMT_HTML] = {"html", ".html"},
};

typedef struct {
    const char *url, *out_dir, *data_dir;
    out_format format;
    bool format_set;
    http_options fields;
    lede_options opt;
    unsigned jobs;
} extract_args;

/* One page's outcome, filled by a worker and consumed by the writer. */
typedef struct {
    char *out; /* the rendered page, malloc'd; NULL on failure */
    size_t out_len;
    char err[256];
    bool done;
} page_slot;

typedef struct {
    const extract_args *a;
    const lede_ctx *ctx;
    const cli_inputs *in;
    page_slot *slots;
    atomic_size_t next;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t n_done, n_failed; /* under lock */
} run_state;

static int usage(FILE *f) {
    fputs(usage_text, f);
    return f == stdout ? 0 : 2;
}

static bool structured(out_format f) { return f == FMT_JSON || f == FMT_NDJSON; }

/* ------------------------------------------------------------- one page */

static char *dup_bytes(const char *s, size_t n, bool newline, size_t *out_len) {
    char *p = malloc(n + 2);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    if (newline && (!n || s[n - 1] != '\n'))
        p[n++] = '\n';
    p[n] = '\0';
    *out_len = n;
    return p;
}

/* The page in the chosen format, malloc'd; NULL (and err) on failure. */
static char *render_page(const extract_args *a, const lede_result *res, size_t *len,
                         char *err, size_t err_len) {
    char *out = NULL;
    switch (a->format) {
    case FMT_JSON:
    case FMT_NDJSON: {
        unsigned flags =
            LEDE_JSON_NEWLINE | (a->format == FMT_JSON ? LEDE_JSON_INDENT : 0);
        if (lede_result_json_text(res, 0, flags, http_fields_keep, (void *)&a->fields,
                                  &out, len) != LEDE_OK)
            out = NULL;
        break;
    }
    case FMT_TEXT:
    case FMT_MARKDOWN: {
        lede_format f = a->format == FMT_TEXT ? LEDE_FORMAT_TEXT : LEDE_FORMAT_MARKDOWN;
        if (lede_result_render(res, f, &out, len) != LEDE_OK)
            out = NULL;
        break;
    }
    case FMT_HTML:
        out = dup_bytes(res->html ? res->html : "", res->html ? strlen(res->html) : 0,
                        true, len);
        break;
    }
    if (!out)
        snprintf(err, err_len, "%s", lede_strerror(LEDE_ERR_NOMEM));
    return out;
}

static void extract_page(const extract_args *a, const lede_ctx *ctx, const char *path,
                         page_slot *slot) {
    char *page;
    size_t len;
    if (cli_read_file(path, a->opt.max_input_bytes, &page, &len)) {
        snprintf(slot->err, sizeof slot->err, "%s",
                 errno == EFBIG ? lede_strerror(LEDE_ERR_TOO_LARGE) : strerror(errno));
        return;
    }
    lede_result *res;
    lede_status st = lede_extract(ctx, page, len, a->url, &a->opt, &res);
    free(page);
    if (st != LEDE_OK) {
        snprintf(slot->err, sizeof slot->err, "%s", lede_strerror(st));
        return;
    }
    slot->out = render_page(a, res, &slot->out_len, slot->err, sizeof slot->err);
    lede_result_free(res);
}

static void *worker(void *arg) {
    run_state *rs = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&rs->next, 1);
        if (i >= rs->in->n)
            return NULL;
        page_slot *slot = &rs->slots[i];
        extract_page(rs->a, rs->ctx, rs->in->v[i].path, slot);
        pthread_mutex_lock(&rs->lock);
        slot->done = true;
        rs->n_done++;
        rs->n_failed += !slot->out;
        pthread_cond_broadcast(&rs->cond);
        pthread_mutex_unlock(&rs->lock);
    }
}

/* --------------------------------------------------------------- output */

/* Creates every folder of path's directory part. */
static int make_parents(char *path) {
    for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        int rc = mkdir(path, 0777);
        int e = errno;
        *p = '/';
        if (rc && e != EEXIST)
            return -1;
    }
    return 0;
}

/* DIR/rel with rel's page extension replaced by the format's. */
static int out_path(const extract_args *a, const char *rel, char *buf, size_t size) {
    int stem = (int)cli_output_stem(rel);
    int n =
        snprintf(buf, size, "%s/%.*s%s", a->out_dir, stem, rel, formats[a->format].ext);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int write_file(const extract_args *a, const cli_input *in, const page_slot *s) {
    char path[OUT_PATH_MAX];
    if (out_path(a, in->rel, path, sizeof path)) {
        fprintf(stderr, "lede extract: %s: output path too long\n", in->path);
        return 1;
    }
    if (make_parents(path) || cli_write_file(path, s->out, s->out_len)) {
        fprintf(stderr, "lede extract: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------- progress */

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void progress(size_t done, size_t total, size_t errors, double secs) {
    double rate = secs > 0 ? (double)done / secs : 0;
    fprintf(stderr, "\r\033[K%zu/%zu pages, %.1f pages/s, %zu errors", done, total, rate,
            errors);
    if (rate > 0 && done < total)
        fprintf(stderr, ", ETA %.0f s", (double)(total - done) / rate);
    fflush(stderr);
}

/* ------------------------------------------------------------------ run */

/* Waits for page i, redrawing the progress line meanwhile when shown. */
static void wait_page(run_state *rs, size_t i, bool show, double start) {
    pthread_mutex_lock(&rs->lock);
    while (!rs->slots[i].done) {
        if (show) {
            size_t done = rs->n_done, failed = rs->n_failed;
            pthread_mutex_unlock(&rs->lock);
            progress(done, rs->in->n, failed, now_s() - start);
            pthread_mutex_lock(&rs->lock);
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += PROGRESS_EVERY_NS;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        if (!rs->slots[i].done)
            pthread_cond_timedwait(&rs->cond, &rs->lock, &until);
    }
    pthread_mutex_unlock(&rs->lock);
}

/* Writes page i (to its file or stdout); returns 1 when it failed. */
static int emit_page(run_state *rs, size_t i, bool show) {
    page_slot *s = &rs->slots[i];
    const cli_input *in = &rs->in->v[i];
    int rc = 0;
    if (show)
        fputs("\r\033[K", stderr);
    if (!s->out) {
        fprintf(stderr, "lede extract: %s: %s\n", in->path, s->err);
        rc = 1;
    } else if (rs->a->out_dir) {
        rc = write_file(rs->a, in, s);
    } else if ((i && !structured(rs->a->format) && fputc('\n', stdout) == EOF) ||
               fwrite(s->out, 1, s->out_len, stdout) != s->out_len) {
        /* Text documents one after another are set apart by a blank line. */
        rc = 1;
    }
    free(s->out);
    s->out = NULL;
    return rc;
}

static int run_pages(const extract_args *a, const lede_ctx *ctx, const cli_inputs *in) {
    run_state rs = {.a = a, .ctx = ctx, .in = in};
    rs.slots = calloc(in->n ? in->n : 1, sizeof *rs.slots);
    if (!rs.slots) {
        fprintf(stderr, "lede extract: out of memory\n");
        return 1;
    }
    atomic_init(&rs.next, 0);
    pthread_mutex_init(&rs.lock, NULL);
    pthread_cond_init(&rs.cond, NULL);
    unsigned n_threads = a->jobs < in->n ? a->jobs : (unsigned)(in->n ? in->n : 1);
    pthread_t threads[EXTRACT_MAX_JOBS];
    unsigned started = 0;
    while (started < n_threads && !pthread_create(&threads[started], NULL, worker, &rs))
        started++;
    if (!started)
        worker(&rs); /* no thread could start: do the work here */
    bool show = isatty(STDERR_FILENO) && in->n > 1;
    double start = now_s(), drawn = 0;
    int rc = 0;
    for (size_t i = 0; i < in->n; i++) {
        wait_page(&rs, i, show, start);
        rc |= emit_page(&rs, i, show);
        double t = now_s();
        if (show && (i == 0 || t - drawn >= PROGRESS_EVERY_NS / 1e9)) {
            pthread_mutex_lock(&rs.lock);
            size_t done = rs.n_done, failed = rs.n_failed;
            pthread_mutex_unlock(&rs.lock);
            progress(done, in->n, failed, t - start);
            drawn = t;
        }
    }
    if (show)
        fputs("\r\033[K", stderr);
    fflush(stdout);
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (ferror(stdout))
        rc = 1;
    double secs = now_s() - start;
    if (in->n > 1 || a->out_dir || in->n_failed)
        fprintf(stderr, "lede extract: %zu pages, %zu failed, %.2f s, %.1f pages/s\n",
                in->n, rs.n_failed + in->n_failed, secs,
                secs > 0 ? (double)in->n / secs : 0);
    pthread_cond_destroy(&rs.cond);
    pthread_mutex_destroy(&rs.lock);
    free(rs.slots);
    return rc || in->n_failed ? 1 : 0;
}

/* ---------------------------------------------------------------- batch */

/* Extracts one page of a batch list into the file `out`, compact. A page
 * that fails leaves no output file. */
static int batch_one(const lede_ctx *ctx, const char *path, const lede_options *opt,
                     const char *out) {
    extract_args a = {.format = FMT_NDJSON, .opt = *opt};
    page_slot slot = {0};
    extract_page(&a, ctx, path, &slot);
    if (!slot.out) {
        fprintf(stderr, "lede: %s: %s\n", path, slot.err);
        remove(out);
        return 1;
    }
    int rc = cli_write_file(out, slot.out, slot.out_len);
    if (rc)
        fprintf(stderr, "lede: %s: %s\n", out, strerror(errno));
    free(slot.out);
    return rc ? 1 : 0;
}

/* Runs every "INPUT<TAB>OUTPUT" line of the list file. */
static int extract_batch(const lede_ctx *ctx, const char *list, const lede_options *opt) {
    FILE *f = strcmp(list, "-") ? fopen(list, "r") : stdin;
    if (!f) {
        fprintf(stderr, "lede: %s: %s\n", list, strerror(errno));
        return 1;
    }
    char line[BATCH_LINE_MAX];
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!line[0])
            continue;
        if (!tab || !tab[1]) {
            fprintf(stderr, "lede: %s: bad line (want INPUT<TAB>OUTPUT): %s\n", list,
                    line);
            rc = 1;
            continue;
        }
        *tab = '\0';
        if (batch_one(ctx, line, opt, tab + 1))
            rc = 1;
    }
    if (f != stdin)
        fclose(f);
    return rc;
}

/* -------------------------------------------------------------- options */

static int parse_format(const char *name, out_format *out) {
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcmp(name, formats[i].name)) {
            *out = (out_format)i;
            return 0;
        }
    return -1;
}

static int parse_jobs(const char *s, unsigned *out) {
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || *end || end == s || n < 1 || n > EXTRACT_MAX_JOBS)
        return -1;
    *out = (unsigned)n;
    return 0;
}

/* Is argv[i] the option `name` (or `alt`) with a value after it? */
static bool opt_val(int argc, char **argv, int i, const char *name, const char *alt) {
    return (!strcmp(argv[i], name) || (alt && !strcmp(argv[i], alt))) && i + 1 < argc;
}

static int bad(const char *msg, const char *arg) {
    fprintf(stderr, "lede extract: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fputs("try 'lede extract --help'\n", stderr);
    return 2;
}

/* Parses argv into a and in; returns 0, or the exit status for a usage error
 * or --help (-1 meaning "exit 0"). *batch gets --batch's list. */
static int parse_args(int argc, char **argv, extract_args *a, cli_inputs *in,
                      const char **batch) {
    bool include_html = false, include_dates = false, fields_set = false;
    size_t n_stdin = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help"))
            return -1;
        if (opt_val(argc, argv, i, "--url", NULL))
            a->url = argv[++i];
        else if (opt_val(argc, argv, i, "--content-type", NULL))
            a->opt.content_type = argv[++i];
        else if (opt_val(argc, argv, i, "--data-dir", NULL))
            a->data_dir = argv[++i];
        else if (opt_val(argc, argv, i, "--batch", NULL))
            *batch = argv[++i];
        else if (opt_val(argc, argv, i, "--list", NULL)) {
            n_stdin += !strcmp(argv[i + 1], "-");
            if (cli_inputs_add_list(in, argv[++i]))
                return bad("out of memory", NULL);
        } else if (opt_val(argc, argv, i, "-o", "--output"))
            a->out_dir = argv[++i];
        else if (opt_val(argc, argv, i, "--format", NULL)) {
            if (parse_format(argv[++i], &a->format))
                return bad("--format must be json, ndjson, text, markdown or html",
                           argv[i]);
            a->format_set = true;
        } else if (opt_val(argc, argv, i, "--fields", NULL)) {
            char err[160];
            if (http_fields_parse(argv[++i], &a->fields, err, sizeof err))
                return bad(err, NULL);
            fields_set = true;
        } else if (opt_val(argc, argv, i, "-j", "--jobs")) {
            if (parse_jobs(argv[++i], &a->jobs))
                return bad("-j must be a number of threads from 1 to 256", argv[i]);
        } else if (!strcmp(arg, "--html") || !strcmp(arg, "--include-html"))
            include_html = true;
        else if (!strcmp(arg, "--dates"))
            include_dates = true;
        else if (opt_val(argc, argv, i, "--min-confidence", NULL)) {
            if (http_confidence_parse(argv[++i], &a->opt.min_confidence))
                return bad("--min-confidence must be a number from 0 to 1", argv[i]);
        } else if (arg[0] != '-' || !strcmp(arg, "-")) {
            n_stdin += !strcmp(arg, "-");
            if (cli_inputs_add(in, arg))
                return bad("out of memory", NULL);
        } else
            return bad("unknown option or missing value", arg);
    }
    a->opt.include_html = include_html;
    a->opt.include_dates = include_dates;
    if (*batch)
        return in->n || in->n_failed ? bad("--batch takes no other inputs", NULL) : 0;
    if (!in->n && !in->n_failed)
        return bad("no input (give files, folders, - or --list FILE)", NULL);
    if (n_stdin > 1)
        return bad("stdin (-) can be read only once", NULL);
    if (a->url && in->n + in->n_failed > 1)
        return bad("--url applies to one input only", NULL);
    if (a->out_dir && cli_inputs_unique_outputs(in))
        return bad("out of memory", NULL);
    if (!a->format_set)
        a->format = in->n == 1 && !a->out_dir && !in->n_failed ? FMT_JSON : FMT_NDJSON;
    if (fields_set && !structured(a->format))
        return bad("--fields applies to the json and ndjson formats", NULL);
    a->opt.include_html |= a->format == FMT_MARKDOWN || a->format == FMT_HTML;
    /* Text renderings need no language stages. */
    a->opt.stages =
        structured(a->format) ? a->fields.stages : LEDE_FIELD_META | LEDE_FIELD_TEXT;
    return 0;
}

int cmd_extract(int argc, char **argv) {
    extract_args a = {.jobs = 1};
    lede_options_init(&a.opt);
    cli_inputs in = {0};
    const char *batch = NULL;
    int rc = parse_args(argc, argv, &a, &in, &batch);
    if (rc) {
        cli_inputs_free(&in);
        return rc < 0 ? usage(stdout) : rc;
    }
    lede_ctx *ctx = cli_load_ctx(a.data_dir);
    if (ctx)
        rc = batch ? extract_batch(ctx, batch, &a.opt) : run_pages(&a, ctx, &in);
    else
        rc = 1;
    lede_ctx_free(ctx);
    cli_inputs_free(&in);
    return rc;
}
