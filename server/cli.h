/*
 * cli — the subcommands of the one `lede` binary. Each returns the process exit
 * status: 0 on success, 1 on a runtime failure, 2 on a usage error.
 */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include "lede/lede.h"

int cmd_serve(int argc, char **argv);     /* lede serve [--config FILE] [--port N] ... */
int cmd_extract(int argc, char **argv);   /* lede extract [options] FILE|DIR|-... */
int cmd_tag(int argc, char **argv);       /* lede tag --conll FILE */
int cmd_numbers(int argc, char **argv);   /* lede numbers --jsonl FILE */
int cmd_quotes(int argc, char **argv);    /* lede quotes --jsonl FILE */
int cmd_train_ner(int argc, char **argv); /* lede train-ner ... */
int cmd_train_quotes(int argc, char **argv); /* lede train-quotes ... */

/* Reads a whole file ("-" = stdin) into a malloc'd buffer, at most max bytes.
 * Returns 0, or -1 with errno set (EFBIG when over max). */
int cli_read_file(const char *path, size_t max, char **out, size_t *out_len);

/* Makes the file at path hold exactly bytes[0, len), creating it (mode 0666
 * less the umask) when absent. An existing file is written over in place and
 * then cut to len, never first truncated to nothing: ext4 (auto_da_alloc)
 * flushes a file emptied and rewritten to disk when it is closed, a
 * synchronous write per output. Returns 0, or -1 with errno set (a file it
 * opened but could not fill is removed). */
int cli_write_file(const char *path, const char *bytes, size_t len);

/* One line of a JSONL evaluation command: reads `in` (the parsed input object)
 * and adds its answer's members to `out`, which already holds the input's
 * "id". Returns 0, or 1 after printing why the line failed. */
typedef int (*cli_jsonl_fn)(const lede_ctx *ctx, json_t *in, json_t *out, size_t lineno,
                            void *user);

/* The shared driver of `lede numbers` and `lede quotes`: loads the models,
 * reads path ("-" = stdin) one JSON object per line (blank lines skipped),
 * and prints one compact answer object per input line. Returns the exit
 * status: 0, or 1 when the file or any line failed. */
int cli_jsonl_run(const char *cmd, const char *path, const char *data_dir,
                  cli_jsonl_fn fn, void *user);

/* Does argv ask for the command's help (-h or --help)? */
bool cli_wants_help(int argc, char **argv);

/* Lets freed memory stay in the process for the next page instead of going
 * back to the kernel at once (see cli_util.c); called once at start-up. */
void cli_tune_allocator(void);

/* Loads the shared context (models) or prints why it could not, to stderr. */
lede_ctx *cli_load_ctx(const char *data_dir);

/* The inputs of `lede extract` (server/cli_inputs.c): pages to read and the
 * path of each one's output under -o DIR, relative and without extension
 * change ("news/a.html"; "stdin" for "-"). */
typedef struct {
    char *path; /* as opened: "-" is stdin */
    char *rel;
} cli_input;

typedef struct {
    cli_input *v;
    size_t n, cap;
    size_t n_failed; /* folders or list files that could not be read */
} cli_inputs;

/* Adds one argument: "-", a file (taken whatever its name, missing or not:
 * reading it reports the error), or a folder, walked recursively for
 * *.html and *.htm in name order. Returns 0, or -1 when out of memory. */
int cli_inputs_add(cli_inputs *in, const char *arg);

/* Adds every non-blank line of a list file ("-" = stdin) as an argument. */
int cli_inputs_add_list(cli_inputs *in, const char *list);
/* Bytes of rel its output is named from: rel less its extension. */
size_t cli_output_stem(const char *rel);

/* Makes the outputs of -o DIR distinct: an input whose output would take
 * one another input's name already has ("a/index.html" and "b/index.html"
 * given as two folders; "x.html" beside "x.htm") gets "-2", "-3", ... after
 * its name, in input order, and the new name is reported on stderr.
 * Returns 0, or -1 when out of memory. */
int cli_inputs_unique_outputs(cli_inputs *in);
void cli_inputs_free(cli_inputs *in);

#endif
