/* `lede train-ner`: trains the entity model from CoNLL files and writes it.
 *
 *   lede train-ner --out FILE [--data-dir DIR] [--dev FILE] [--epochs N]
 *                  [--bits B] [--seed S] [--stages 1|2] [--lower-every N]
 *                  --train FILE[:WEIGHT[:trim]] ...
 *
 * WEIGHT scales that file's updates; ":trim" strips leading titles and
 * nationalities from its person spans (for corpora that annotate mentions
 * such as "Iraqi President Fuad Masum" rather than names). The gazetteers are
 * read from DIR/gazetteers (default core/data). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nlp/ner_train.h"

#define TRAIN_MAX_FILES 16
#define TRAIN_DEFAULT_EPOCHS 12
#define TRAIN_DEFAULT_BITS 20
#define TRAIN_DEFAULT_STAGES 2
#define TRAIN_DEFAULT_SEED 20031
#define TRAIN_DEFAULT_DATA_DIR "core/data"

static int usage_to(FILE *f) {
    fprintf(f, "usage: lede train-ner --out FILE [--data-dir DIR] [--dev FILE] "
               "[--epochs N] [--bits B] [--seed S] [--stages 1|2] [--lower-every N] "
               "--train FILE[:WEIGHT[:trim]] "
               "...\n");
    return f == stdout ? 0 : 2;
}

static int usage(void) { return usage_to(stderr); }

/* Splits "path[:weight[:trim]]" in place. */
static int parse_train(char *arg, ner_train_file *f) {
    f->path = arg;
    f->weight = 1.0f;
    f->trim_mentions = false;
    char *colon = strchr(arg, ':');
    if (!colon)
        return 0;
    *colon = '\0';
    char *end;
    f->weight = strtof(colon + 1, &end);
    if (end == colon + 1 || !(f->weight > 0))
        return -1;
    if (*end == '\0')
        return 0;
    if (!strcmp(end, ":trim")) {
        f->trim_mentions = true;
        return 0;
    }
    return -1;
}

int cmd_train_ner(int argc, char **argv) {
    if (cli_wants_help(argc, argv))
        return usage_to(stdout);
    ner_train_file files[TRAIN_MAX_FILES];
    ner_train_opts o = {.files = files,
                        .epochs = TRAIN_DEFAULT_EPOCHS,
                        .bits = TRAIN_DEFAULT_BITS,
                        .stages = TRAIN_DEFAULT_STAGES,
                        .seed = TRAIN_DEFAULT_SEED};
    const char *data_dir = TRAIN_DEFAULT_DATA_DIR;
    for (int i = 1; i < argc; i++) {
        bool more = i + 1 < argc;
        if (!strcmp(argv[i], "--out") && more) {
            o.out_path = argv[++i];
        } else if (!strcmp(argv[i], "--data-dir") && more) {
            data_dir = argv[++i];
        } else if (!strcmp(argv[i], "--dev") && more) {
            o.dev_path = argv[++i];
        } else if (!strcmp(argv[i], "--epochs") && more) {
            o.epochs = (unsigned)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--lower-every") && more) {
            o.lower_every = (unsigned)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--stages") && more) {
            o.stages = (unsigned)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--bits") && more) {
            o.bits = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--seed") && more) {
            o.seed = strtoull(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--train") && more && o.n_files < TRAIN_MAX_FILES) {
            if (parse_train(argv[++i], &files[o.n_files++]) != 0)
                return usage();
        } else {
            return usage();
        }
    }
    if (!o.out_path || !o.n_files || !o.epochs || o.stages < 1 || o.stages > 2 ||
        o.bits < NER_MIN_BITS || o.bits > NER_MAX_BITS)
        return usage();
    char err[512] = "";
    gazetteer *gaz = NULL;
    lede_status st = ner_gaz_load(data_dir, &gaz, err, sizeof err);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede train-ner: %s: %s\n", lede_strerror(st), err);
        return 1;
    }
    o.gaz = gaz;
    st = ner_train(&o, stderr);
    ner_gaz_free(gaz);
    if (st != LEDE_OK) {
        fprintf(stderr, "lede train-ner: %s\n", lede_strerror(st));
        return 1;
    }
    return 0;
}
