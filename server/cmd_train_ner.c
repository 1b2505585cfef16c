/* Not built yet: see the project's issues. */
#include <stdio.h>

#include "cli.h"

int cmd_train_ner(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "lede: this command is not built yet\n");
    return 1;
}
