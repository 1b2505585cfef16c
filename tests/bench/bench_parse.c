/*
 * bench_parse — the floor for lede's whole pipeline: libxml2's own parse of
 * each page given on the command line (htmlReadMemory, errors and warnings not
 * printed, no network), the document freed, nothing else. Prints the CPU ms of
 * the parses alone (files are read before the clock starts).
 * Usage: bench_parse FILE...
 */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *slurp(const char *path, long *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)*len + 1);
    if (buf && fread(buf, 1, (size_t)*len, f) != (size_t)*len) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    int n = argc - 1;
    char **pages = calloc((size_t)n + 1, sizeof *pages);
    long *lens = calloc((size_t)n + 1, sizeof *lens);
    if (!pages || !lens)
        return 1;
    for (int i = 0; i < n; i++)
        if (!(pages[i] = slurp(argv[i + 1], &lens[i]))) {
            perror(argv[i + 1]);
            return 1;
        }
    xmlInitParser();
    double t0 = cpu_ms();
    for (int i = 0; i < n; i++) {
        htmlDocPtr doc =
            htmlReadMemory(pages[i], (int)lens[i], NULL, NULL,
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        xmlFreeDoc(doc);
    }
    printf("%.3f\n", cpu_ms() - t0);
    for (int i = 0; i < n; i++)
        free(pages[i]);
    free(pages);
    free(lens);
    return 0;
}
