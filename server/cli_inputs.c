/* The inputs of `lede extract`: files, folders walked for pages, "-" and list
 * files, each with the relative path its output takes under -o DIR. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
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

size_t cli_output_stem(const char *rel) {
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
}

/* A set of output names (stems), open addressing; owns its strings. */
typedef struct {
    char **slot;
    size_t cap; /* a power of two, at least twice the names held */
} name_set;

static uint64_t name_hash(const char *s, size_t n) {
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The slot holding s (n bytes) or the empty slot where it would go. */
static char **name_find(const name_set *set, const char *s, size_t n) {
    for (size_t i = name_hash(s, n) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        char *t = set->slot[i];
        if (!t || (strlen(t) == n && !memcmp(t, s, n)))
            return &set->slot[i];
    }
}

/* Adds s (n bytes); false when it was there already. -1 when out of
 * memory. */
static int name_add(name_set *set, const char *s, size_t n) {
    char **at = name_find(set, s, n);
    if (*at)
        return 0;
    if (!(*at = strndup(s, n)))
        return -1;
    return 1;
}

int cli_inputs_unique_outputs(cli_inputs *in) {
    /* each input adds at most one name, and a renamed one a second */
    name_set set = {.cap = 16};
    while (set.cap < 4 * in->n + 16)
        set.cap *= 2;
    if (!(set.slot = calloc(set.cap, sizeof *set.slot)))
        return -1;
    int rc = 0;
    /* First every name as given, so that a rename never takes the name a
     * later input has of its own. */
    for (size_t i = 0; i < in->n && rc >= 0; i++)
        rc = name_add(&set, in->v[i].rel, cli_output_stem(in->v[i].rel));
    char **owner = rc < 0 ? NULL : calloc(set.cap, sizeof *owner);
    for (size_t i = 0; owner && i < in->n; i++) {
        cli_input *it = &in->v[i];
        size_t stem = cli_output_stem(it->rel);
        char **at = name_find(&set, it->rel, stem);
        size_t k = (size_t)(at - set.slot);
        if (!owner[k]) {
            owner[k] = it->path; /* the first input of this name keeps it */
            continue;
        }
        const char *ext = it->rel + stem;
        size_t cap = strlen(it->rel) + 24;
        char *rel = malloc(cap);
        if (!rel) {
            rc = -1;
            break;
        }
        for (unsigned n = 2;; n++) {
            snprintf(rel, cap, "%.*s-%u%s", (int)stem, it->rel, n, ext);
            int added = name_add(&set, rel, strlen(rel) - strlen(ext));
            if (added) {
                rc = added < 0 ? -1 : 0;
                break;
            }
        }
        if (rc < 0) {
            free(rel);
            break;
        }
        fprintf(stderr, "lede extract: %s: output named %.*s (%.*s is taken by %s)\n",
                it->path, (int)(strlen(rel) - strlen(ext)), rel, (int)stem, it->rel,
                owner[k]);
        free(it->rel);
        it->rel = rel;
    }
    if (!owner)
        rc = -1;
    free(owner);
    for (size_t i = 0; i < set.cap; i++)
        free(set.slot[i]);
    free(set.slot);
    return rc < 0 ? -1 : 0;
}
