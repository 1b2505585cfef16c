/* The inputs of `lede extract`: files, folders walked for pages, "-" and list
 * files, each with the relative path its output takes under -o DIR. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

/* Folders nested deeper than this are not walked (and symbolic links to
 * folders are never followed, so a link loop cannot recurse). */
#define INPUTS_MAX_DEPTH 64
/* The longest path assembled while walking a folder. */
#define INPUTS_PATH_MAX 4096
/* Longest line of a list file. */
#define INPUTS_LINE_MAX 8192

void cli_inputs_free(cli_inputs *in) {
    for (size_t i = 0; i < in->n; i++) {
        free(in->v[i].path);
        free(in->v[i].rel);
    }
    free(in->v);
    memset(in, 0, sizeof *in);
}

static int add(cli_inputs *in, const char *path, const char *rel) {
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        cli_input *v = realloc(in->v, cap * sizeof *v);
        if (!v)
            return -1;
        in->v = v;
        in->cap = cap;
    }
    cli_input *it = &in->v[in->n];
    it->path = strdup(path);
    it->rel = strdup(rel);
    if (!it->path || !it->rel) {
        free(it->path);
        free(it->rel);
        return -1;
    }
    in->n++;
    return 0;
}

static bool is_page_name(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"));
}

/* The output path of a file named on the command line: the path itself when
 * it is relative and stays below the current folder, else its last part. */
static const char *rel_of(const char *path) {
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    bool climbs = !strncmp(path, "../", 3) || strstr(path, "/../");
    if (path[0] != '/' && !climbs && *path)
        return path;
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Adds every page under dir (rel: its path under the folder named). */
static int walk(cli_inputs *in, const char *dir, const char *rel, unsigned depth) {
    if (depth > INPUTS_MAX_DEPTH) {
        fprintf(stderr, "lede extract: %s: folders nested too deep, not walked\n", dir);
        in->n_failed++;
        return 0;
    }
    struct dirent **names;
    int n = scandir(dir, &names, NULL, by_name);
    if (n < 0) {
        fprintf(stderr, "lede extract: %s: %s\n", dir, strerror(errno));
        in->n_failed++;
        return 0;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        char path[INPUTS_PATH_MAX], sub[INPUTS_PATH_MAX];
        struct stat st;
        if (rc || !strcmp(name, ".") || !strcmp(name, "..") ||
            snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path ||
            snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", name) >=
                (int)sizeof sub ||
            lstat(path, &st)) {
            free(names[i]);
            continue;
        }
        if (S_ISDIR(st.st_mode))
            rc = walk(in, path, sub, depth + 1);
        else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) && is_page_name(name))
            rc = add(in, path, sub);
        free(names[i]);
    }
    free(names);
    return rc;
}

int cli_inputs_add(cli_inputs *in, const char *arg) {
    if (!strcmp(arg, "-"))
        return add(in, "-", "stdin");
    struct stat st;
    if (!stat(arg, &st) && S_ISDIR(st.st_mode))
        return walk(in, arg, "", 0);
    /* A missing file stays an input: reading it fails and is reported then. */
    return add(in, arg, rel_of(arg));
}

int cli_inputs_add_list(cli_inputs *in, const char *list) {
    FILE *f = strcmp(list, "-") ? fopen(list, "r") : stdin;
    if (!f) {
        fprintf(stderr, "lede extract: %s: %s\n", list, strerror(errno));
        in->n_failed++;
        return 0;
    }
    char line[INPUTS_LINE_MAX];
    int rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[strspn(line, " \t")])
            rc = cli_inputs_add(in, line);
    }
    if (f != stdin)
        fclose(f);
    return rc;
}
