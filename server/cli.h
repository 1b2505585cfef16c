/*
 * cli — the subcommands of the one `lede` binary. Each returns the process exit
 * status: 0 on success, 1 on a runtime failure, 2 on a usage error.
 */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include "lede/lede.h"

int cmd_serve(int argc, char **argv);     /* lede serve [--config FILE] [--port N] ... */
int cmd_extract(int argc, char **argv);   /* lede extract [--url URL] FILE|- */
int cmd_tag(int argc, char **argv);       /* lede tag --conll FILE */
int cmd_numbers(int argc, char **argv);   /* lede numbers --jsonl FILE */
int cmd_quotes(int argc, char **argv);    /* lede quotes --jsonl FILE */
int cmd_train_ner(int argc, char **argv); /* lede train-ner ... */

/* Reads a whole file ("-" = stdin) into a malloc'd buffer, at most max bytes.
 * Returns 0, or -1 with errno set (EFBIG when over max). */
int cli_read_file(const char *path, size_t max, char **out, size_t *out_len);

/* Loads the shared context (models) or prints why it could not, to stderr. */
lede_ctx *cli_load_ctx(const char *data_dir);

#endif
