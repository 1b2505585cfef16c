/*
 * config — the service configuration: defaults, `key = value` file, environment
 * and command-line flags.
 *
 * Every key has one entry in a table (name, type, range, whether SIGHUP can
 * reload it). A key `fetch.max_bytes` is read from the file as written, from the
 * environment as LEDE_FETCH_MAX_BYTES and from a flag as --fetch-max-bytes;
 * precedence is flag > environment > file > default. Errors name the source
 * (file:line, variable or flag) and the key; nothing here exits or aborts.
 */
#ifndef LEDE_SERVER_CONFIG_H
#define LEDE_SERVER_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Room for string values (paths, CIDR lists, the User-Agent). */
#define CONFIG_STR_MAX 512

typedef struct {
    long port;
    char bind[CONFIG_STR_MAX];
    long threads; /* 0 = number of cores */
    long max_body_bytes;
    long max_connections;
    long connection_timeout_s;
    long max_inflight; /* concurrent extractions; 0 = threads */
    long queue_depth;  /* extractions waiting for a slot before 503 */
    long retry_after_s;
    long batch_max_lines;
    long drain_timeout_s;
    bool access_log;
    char data_dir[CONFIG_STR_MAX]; /* "" = the library's default */
    char openapi_path[CONFIG_STR_MAX];

    bool fetch_allow_private;
    char fetch_allow_cidrs[CONFIG_STR_MAX];
    long fetch_max_bytes;
    long fetch_connect_timeout_ms;
    long fetch_timeout_ms;
    long fetch_low_speed_bytes;
    long fetch_low_speed_secs;
    long fetch_max_redirects;
    long fetch_max_inflight;
    char fetch_user_agent[CONFIG_STR_MAX];
} srv_config;

/* Fills *c with the defaults. */
void config_defaults(srv_config *c);

/* Applies one `key = value` setting. `where` names the source for messages
 * ("lede.conf:12", "LEDE_PORT", "--port"). Returns 0, or -1 with a message in err. */
int config_set(srv_config *c, const char *key, const char *value, const char *where,
               char *err, size_t err_len);

/* Parses a configuration file's text (`name` is used in messages). */
int config_parse_text(srv_config *c, const char *text, size_t len, const char *name,
                      char *err, size_t err_len);

/* Reads and parses a file. */
int config_load_file(srv_config *c, const char *path, char *err, size_t err_len);

/* Applies every LEDE_* variable of `envp` (NULL-terminated "NAME=value" strings)
 * that names a key; LEDE_* variables that name no key are ignored, since other
 * tools share the prefix (LEDE_DATA_DIR, LEDE_SHARED_DIR). */
int config_apply_env(srv_config *c, char *const *envp, char *err, size_t err_len);

/* Applies the flags of argv (from index 1). --config FILE is skipped (the caller
 * reads it first with config_find_file_flag); anything else unknown is an error. */
int config_apply_flags(srv_config *c, int argc, char **argv, char *err, size_t err_len);

/* The --config FILE value of argv, or NULL. */
const char *config_find_file_flag(int argc, char **argv);

/* The whole chain: defaults, file (when path is not NULL), environment, flags. */
int config_build(srv_config *c, const char *path, char *const *envp, int argc,
                 char **argv, char *err, size_t err_len);

/* Copies the keys SIGHUP may change from `fresh` into `live`; the others keep
 * their start-up values. */
void config_copy_reloadable(srv_config *live, const srv_config *fresh);

/* Comma-separated names of the reloadable keys (for logs and docs). */
const char *config_reloadable_keys(void);

/* Prints `lede serve` usage with every flag to f. */
void config_print_usage(FILE *f);

#endif
