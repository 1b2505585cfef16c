/* `lede train-quotes`: trains the attribution tagger from PolNeAR-style JSONL
 * and writes it.
 *
 *   lede train-quotes --train FILE --out FILE [--data-dir DIR] [--epochs N]
 *                     [--bits B] [--seed S]
 *
 * DIR (default core/data) gives the entity model and word lists whose
 * mentions are features; any quote model already there is not used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nlp/quotes_train.h"

#define QTRAIN_DEFAULT_EPOCHS 10
#define QTRAIN_DEFAULT_BITS 18
#define QTRAIN_DEFAULT_SEED 20181
#define QTRAIN_DEFAULT_DATA_DIR "core/data"

static int usage_to(FILE *f) {
    fprintf(f, "usage: lede train-quotes --train FILE --out FILE [--data-dir DIR] "
               "[--epochs N] [--bits B] [--seed S]\n");
    return f == stdout ? 0 : 2;
}

static int usage(void) { return usage_to(stderr); }

int cmd_train_quotes(int argc, char **argv) {
    if (cli_wants_help(argc, argv))
        return usage_to(stdout);
    quotes_train_opts o = {.epochs = QTRAIN_DEFAULT_EPOCHS,
                           .bits = QTRAIN_DEFAULT_BITS,
                           .seed = QTRAIN_DEFAULT_SEED};
    const char *data_dir = QTRAIN_DEFAULT_DATA_DIR;
    for (int i = 1; i < argc; i++) {
        bool more = i + 1 < argc;
        if (!strcmp(argv[i], "--train") && more)
            o.train_path = argv[++i];
        else if (!strcmp(argv[i], "--out") && more)
            o.out_path = argv[++i];
        else if (!strcmp(argv[i], "--data-dir") && more)
            data_dir = argv[++i];
        else if (!strcmp(argv[i], "--epochs") && more)
            o.epochs = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--bits") && more)
            o.bits = (uint32_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && more)
            o.seed = strtoull(argv[++i], NULL, 10);
        else
            return usage();
    }
    if (!o.train_path || !o.out_path || !o.epochs)
        return usage();
    lede_ctx_config cfg = {.data_dir = data_dir};
    lede_ctx *ctx = NULL;
    char err[512] = "";
    lede_status st = lede_ctx_new(&cfg, &ctx, err, sizeof err);
    if (st == LEDE_OK)
        st = quotes_train(ctx, &o, stderr);
    lede_ctx_free(ctx);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede train-quotes: %s%s%s\n", lede_strerror(st),
                *err ? ": " : "", err);
        return 1;
    }
    return 0;
}
