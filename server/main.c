/* The `lede` binary: one entry point, several subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} commands[] = {
    {"serve", cmd_serve, "serve [--config FILE] [--port N]   run the HTTP service"},
    {"extract", cmd_extract,
     "extract [options] FILE|DIR|-...     pages as Article JSON, NDJSON, text or\n"
     "                                           Markdown (lede extract --help)"},
    {"tag", cmd_tag,
     "tag --conll FILE                    tag CoNLL tokens with the entity model"},
    {"numbers", cmd_numbers,
     "numbers --jsonl FILE                numeric claims per input line"},
    {"quotes", cmd_quotes,
     "quotes --jsonl FILE                 quotes per input article"},
    {"train-ner", cmd_train_ner,
     "train-ner [options]                 train the entity model"},
    {"train-quotes", cmd_train_quotes,
     "train-quotes [options]              train the quote attribution model"},
};

static int usage(FILE *f) {
    fprintf(f, "usage: lede COMMAND [ARGS]   (lede COMMAND --help for its options)\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  lede %s\n", commands[i].help);
    return f == stdout ? 0 : 2;
}

int main(int argc, char **argv) {
    if (argc < 2)
        return usage(stderr);
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help"))
        return usage(stdout);
    cli_tune_allocator();
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "lede: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}
