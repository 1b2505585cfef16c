/* The configuration table and its three sources (file, environment, flags). */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CFG_ADDR is a string that must be a numeric IPv4 or IPv6 address. */
typedef enum { CFG_LONG, CFG_BOOL, CFG_STR, CFG_ADDR } cfg_type;

typedef struct {
    const char *key;
    cfg_type type;
    size_t offset;
    long min, max; /* CFG_LONG only */
    bool reloadable;
    const char *help;
} cfg_key;

#define OFF(field) offsetof(srv_config, field)
#define KIB 1024L
#define MIB (1024L * KIB)
#define GIB (1024L * MIB)

static const cfg_key keys[] = {
    {"port", CFG_LONG, OFF(port), 1, 65535, false, "TCP port to listen on"},
    {"bind", CFG_ADDR, OFF(bind), 0, 0, false, "address to listen on (IPv4 or IPv6)"},
    {"threads", CFG_LONG, OFF(threads), 0, 256, false, "HTTP worker threads; 0 = cores"},
    {"max_body_bytes", CFG_LONG, OFF(max_body_bytes), 1, GIB, true,
     "largest request body accepted"},
    {"max_connections", CFG_LONG, OFF(max_connections), 1, 100000, false,
     "open connections accepted at once"},
    {"connection_timeout_s", CFG_LONG, OFF(connection_timeout_s), 1, 3600, false,
     "idle connection timeout"},
    {"max_inflight", CFG_LONG, OFF(max_inflight), 0, 4096, true,
     "extractions running at once; 0 = threads"},
    {"queue_depth", CFG_LONG, OFF(queue_depth), 0, 100000, true,
     "extractions waiting for a slot before 503 overloaded"},
    {"retry_after_s", CFG_LONG, OFF(retry_after_s), 1, 3600, true,
     "Retry-After value sent with 503"},
    {"batch_max_lines", CFG_LONG, OFF(batch_max_lines), 1, 1000000, true,
     "lines accepted in one batch request"},
    {"drain_timeout_s", CFG_LONG, OFF(drain_timeout_s), 0, 3600, true,
     "time in-flight requests get to finish on SIGTERM"},
    {"access_log", CFG_BOOL, OFF(access_log), 0, 0, true,
     "one JSON line per request on stderr"},
    {"data_dir", CFG_STR, OFF(data_dir), 0, 0, false, "model and word-list directory"},
    {"openapi_path", CFG_STR, OFF(openapi_path), 0, 0, true,
     "file served at GET /openapi.yaml"},
    {"fetch.allow_private", CFG_BOOL, OFF(fetch_allow_private), 0, 0, false,
     "let URL fetches reach private and loopback addresses"},
    {"fetch.allow_cidrs", CFG_STR, OFF(fetch_allow_cidrs), 0, 0, false,
     "comma-separated CIDRs fetches may reach despite the guard"},
    {"fetch.max_bytes", CFG_LONG, OFF(fetch_max_bytes), 1, GIB, false,
     "largest fetched page (decoded)"},
    {"fetch.connect_timeout_ms", CFG_LONG, OFF(fetch_connect_timeout_ms), 1, 600000,
     false, "upstream connect timeout"},
    {"fetch.timeout_ms", CFG_LONG, OFF(fetch_timeout_ms), 1, 3600000, false,
     "upstream total timeout"},
    {"fetch.low_speed_bytes", CFG_LONG, OFF(fetch_low_speed_bytes), 0, GIB, false,
     "abort fetches slower than this many bytes/s ..."},
    {"fetch.low_speed_secs", CFG_LONG, OFF(fetch_low_speed_secs), 0, 3600, false,
     "... for this many seconds"},
    {"fetch.max_redirects", CFG_LONG, OFF(fetch_max_redirects), 0, 20, false,
     "redirects followed"},
    {"fetch.max_inflight", CFG_LONG, OFF(fetch_max_inflight), 1, 10000, false,
     "fetches running at once"},
    {"fetch.user_agent", CFG_STR, OFF(fetch_user_agent), 0, 0, false,
     "User-Agent sent upstream"},
};

#define N_KEYS (sizeof keys / sizeof keys[0])

void config_defaults(srv_config *c) {
    memset(c, 0, sizeof *c);
    c->port = 8080;
    snprintf(c->bind, sizeof c->bind, "0.0.0.0");
    c->threads = 0;
    c->max_body_bytes = 10 * MIB;
    c->max_connections = 1024;
    c->connection_timeout_s = 30;
    c->max_inflight = 0;
    c->queue_depth = 64;
    c->retry_after_s = 1;
    c->batch_max_lines = 1000;
    c->drain_timeout_s = 20;
    c->access_log = true;
    snprintf(c->openapi_path, sizeof c->openapi_path, "openapi.yaml");
    c->fetch_allow_private = false;
    c->fetch_max_bytes = 10 * MIB;
    c->fetch_connect_timeout_ms = 5000;
    c->fetch_timeout_ms = 20000;
    c->fetch_low_speed_bytes = 1024;
    c->fetch_low_speed_secs = 10;
    c->fetch_max_redirects = 5;
    c->fetch_max_inflight = 256;
    snprintf(c->fetch_user_agent, sizeof c->fetch_user_agent,
             "lede/1.0 (news extraction)");
}

static const cfg_key *find_key(const char *name) {
    for (size_t i = 0; i < N_KEYS; i++)
        if (!strcmp(keys[i].key, name))
            return &keys[i];
    return NULL;
}

/* Boolean spellings accepted everywhere. */
static const struct {
    const char *word;
    bool value;
} bool_words[] = {{"true", true}, {"false", false}, {"yes", true}, {"no", false},
                  {"on", true},   {"off", false},   {"1", true},   {"0", false}};

static int parse_bool(const char *s, bool *out) {
    for (size_t i = 0; i < sizeof bool_words / sizeof bool_words[0]; i++)
        if (!strcasecmp(s, bool_words[i].word)) {
            *out = bool_words[i].value;
            return 0;
        }
    return -1;
}

static int parse_long(const char *s, long *out) {
    if (!*s || isspace((unsigned char)*s))
        return -1;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

static int set_string(char *field, const char *key, const char *value, const char *where,
                      char *err, size_t err_len) {
    if (strlen(value) >= CONFIG_STR_MAX) {
        snprintf(err, err_len, "%s: key '%s': value longer than %d bytes", where, key,
                 CONFIG_STR_MAX - 1);
        return -1;
    }
    snprintf(field, CONFIG_STR_MAX, "%s", value);
    return 0;
}

int config_set(srv_config *c, const char *key, const char *value, const char *where,
               char *err, size_t err_len) {
    const cfg_key *k = find_key(key);
    if (!k) {
        snprintf(err, err_len, "%s: unknown key '%s'", where, key);
        return -1;
    }
    char *field = (char *)c + k->offset;
    switch (k->type) {
    case CFG_LONG: {
        long v;
        if (parse_long(value, &v)) {
            snprintf(err, err_len, "%s: key '%s': '%s' is not a whole number", where, key,
                     value);
            return -1;
        }
        if (v < k->min || v > k->max) {
            snprintf(err, err_len, "%s: key '%s': %ld is out of range [%ld, %ld]", where,
                     key, v, k->min, k->max);
            return -1;
        }
        memcpy(field, &v, sizeof v);
        return 0;
    }
    case CFG_BOOL: {
        bool b;
        if (parse_bool(value, &b)) {
            snprintf(err, err_len, "%s: key '%s': '%s' is not a boolean (true/false)",
                     where, key, value);
            return -1;
        }
        memcpy(field, &b, sizeof b);
        return 0;
    }
    case CFG_ADDR: {
        unsigned char addr[sizeof(struct in6_addr)];
        if (inet_pton(AF_INET, value, addr) != 1 &&
            inet_pton(AF_INET6, value, addr) != 1) {
            snprintf(err, err_len, "%s: key '%s': '%s' is not an IPv4 or IPv6 address",
                     where, key, value);
            return -1;
        }
        return set_string(field, key, value, where, err, err_len);
    }
    case CFG_STR: return set_string(field, key, value, where, err, err_len);
    }
    return -1;
}

/* Trims ASCII white space at both ends of [*s, *s + *n). */
static void trim(const char **s, size_t *n) {
    while (*n && isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Strips one pair of matching double quotes, so `user_agent = "a b"` works. */
static void unquote(const char **s, size_t *n) {
    if (*n >= 2 && (*s)[0] == '"' && (*s)[*n - 1] == '"') {
        (*s)++;
        *n -= 2;
    }
}

int config_parse_text(srv_config *c, const char *text, size_t len, const char *name,
                      char *err, size_t err_len) {
    size_t lineno = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        lineno++;
        const char *line = p;
        size_t n = (size_t)(line_end - line);
        p = nl ? nl + 1 : end;
        if (memchr(line, '\0', n)) {
            snprintf(err, err_len, "%s:%zu: NUL byte in line", name, lineno);
            return -1;
        }
        /* A '#' starts a comment unless inside a quoted value. */
        bool quoted = false;
        for (size_t i = 0; i < n; i++) {
            if (line[i] == '"')
                quoted = !quoted;
            else if (line[i] == '#' && !quoted) {
                n = i;
                break;
            }
        }
        trim(&line, &n);
        if (!n)
            continue;
        const char *eq = memchr(line, '=', n);
        char where[128];
        snprintf(where, sizeof where, "%s:%zu", name, lineno);
        if (!eq) {
            snprintf(err, err_len, "%s: expected 'key = value', got '%.*s'", where,
                     (int)(n > 60 ? 60 : n), line);
            return -1;
        }
        const char *k = line, *v = eq + 1;
        size_t kn = (size_t)(eq - line), vn = n - kn - 1;
        trim(&k, &kn);
        trim(&v, &vn);
        unquote(&v, &vn);
        char key[64], value[CONFIG_STR_MAX + 1];
        if (!kn || kn >= sizeof key) {
            snprintf(err, err_len, "%s: missing or overlong key", where);
            return -1;
        }
        if (vn >= sizeof value) {
            snprintf(err, err_len, "%s: key '%.*s': value too long", where, (int)kn, k);
            return -1;
        }
        memcpy(key, k, kn);
        key[kn] = '\0';
        memcpy(value, v, vn);
        value[vn] = '\0';
        if (config_set(c, key, value, where, err, err_len))
            return -1;
    }
    return 0;
}

/* Configuration files are small; anything bigger is a mistake. */
#define CONFIG_FILE_MAX (1024 * 1024)

int config_load_file(srv_config *c, const char *path, char *err, size_t err_len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_len, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *buf = malloc(CONFIG_FILE_MAX + 1);
    size_t n = buf ? fread(buf, 1, CONFIG_FILE_MAX + 1, f) : 0;
    bool bad = !buf || ferror(f);
    fclose(f);
    if (bad || n > CONFIG_FILE_MAX) {
        snprintf(err, err_len, "%s: cannot read (or larger than %d bytes)", path,
                 CONFIG_FILE_MAX);
        free(buf);
        return -1;
    }
    int rc = config_parse_text(c, buf, n, path, err, err_len);
    free(buf);
    return rc;
}

/* "fetch.max_bytes" -> "LEDE_FETCH_MAX_BYTES". */
static void env_name(const char *key, char *out, size_t out_len) {
    size_t j = (size_t)snprintf(out, out_len, "LEDE_");
    for (size_t i = 0; key[i] && j + 1 < out_len; i++)
        out[j++] = key[i] == '.' ? '_' : (char)toupper((unsigned char)key[i]);
    out[j] = '\0';
}

/* "fetch.max_bytes" -> "--fetch-max-bytes". */
static void flag_name(const char *key, char *out, size_t out_len) {
    size_t j = (size_t)snprintf(out, out_len, "--");
    for (size_t i = 0; key[i] && j + 1 < out_len; i++)
        out[j++] = key[i] == '.' || key[i] == '_' ? '-' : key[i];
    out[j] = '\0';
}

int config_apply_env(srv_config *c, char *const *envp, char *err, size_t err_len) {
    for (size_t i = 0; i < N_KEYS; i++) {
        char name[96];
        env_name(keys[i].key, name, sizeof name);
        size_t nl = strlen(name);
        for (char *const *e = envp; e && *e; e++)
            if (!strncmp(*e, name, nl) && (*e)[nl] == '=' &&
                config_set(c, keys[i].key, *e + nl + 1, name, err, err_len))
                return -1;
    }
    return 0;
}

const char *config_find_file_flag(int argc, char **argv) {
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--config") && i + 1 < argc)
            path = argv[++i];
        else if (!strncmp(argv[i], "--config=", 9))
            path = argv[i] + 9;
    }
    return path;
}

int config_apply_flags(srv_config *c, int argc, char **argv, char *err, size_t err_len) {
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--config")) {
            i++;
            continue;
        }
        if (!strncmp(arg, "--config=", 9))
            continue;
        const char *eq = strchr(arg, '=');
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        const cfg_key *k = NULL;
        char flag[96];
        for (size_t j = 0; j < N_KEYS && !k; j++) {
            flag_name(keys[j].key, flag, sizeof flag);
            if (strlen(flag) == name_len && !strncmp(flag, arg, name_len))
                k = &keys[j];
        }
        if (!k) {
            snprintf(err, err_len, "%s: unknown option (see lede serve --help)", arg);
            return -1;
        }
        flag_name(k->key, flag, sizeof flag);
        const char *value;
        if (eq)
            value = eq + 1;
        else if (k->type == CFG_BOOL) {
            /* "--flag false" and "--flag=false" both work; a bare flag means true. */
            bool b;
            value = i + 1 < argc && !parse_bool(argv[i + 1], &b) ? argv[++i] : "true";
        } else if (i + 1 < argc)
            value = argv[++i];
        else {
            snprintf(err, err_len, "%s: missing value", flag);
            return -1;
        }
        if (config_set(c, k->key, value, flag, err, err_len))
            return -1;
    }
    return 0;
}

int config_build(srv_config *c, const char *path, char *const *envp, int argc,
                 char **argv, char *err, size_t err_len) {
    config_defaults(c);
    if (path && config_load_file(c, path, err, err_len))
        return -1;
    if (config_apply_env(c, envp, err, err_len))
        return -1;
    return config_apply_flags(c, argc, argv, err, err_len);
}

void config_copy_reloadable(srv_config *live, const srv_config *fresh) {
    for (size_t i = 0; i < N_KEYS; i++) {
        if (!keys[i].reloadable)
            continue;
        size_t size = keys[i].type == CFG_LONG   ? sizeof(long)
                      : keys[i].type == CFG_BOOL ? sizeof(bool)
                                                 : CONFIG_STR_MAX;
        memcpy((char *)live + keys[i].offset, (const char *)fresh + keys[i].offset, size);
    }
}

const char *config_reloadable_keys(void) {
    static char list[512];
    if (!list[0]) {
        size_t n = 0;
        for (size_t i = 0; i < N_KEYS; i++)
            if (keys[i].reloadable && n + strlen(keys[i].key) + 2 < sizeof list)
                n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? "," : "",
                                      keys[i].key);
    }
    return list;
}

void config_print_usage(FILE *f) {
    fprintf(f, "usage: lede serve [--config FILE] [OPTIONS]\n\n"
               "Every key of the configuration file is also an option and an\n"
               "environment variable (flag > environment > file > default):\n\n");
    for (size_t i = 0; i < N_KEYS; i++) {
        char flag[96], env[96];
        flag_name(keys[i].key, flag, sizeof flag);
        env_name(keys[i].key, env, sizeof env);
        fprintf(f, "  %-28s %-30s %s%s\n", flag, env, keys[i].help,
                keys[i].reloadable ? " [reloadable]" : "");
    }
}
