/* Unit tests for server/config: the file parser, environment, flags, precedence. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "config.h"

static int parse(srv_config *c, const char *text, char *err, size_t err_len) {
    config_defaults(c);
    return config_parse_text(c, text, strlen(text), "t.conf", err, err_len);
}

Test(config, defaults) {
    srv_config c;
    config_defaults(&c);
    cr_expect_eq(c.port, 8080);
    cr_expect_eq(c.max_body_bytes, 10L * 1024 * 1024);
    cr_expect_eq(c.fetch_max_redirects, 5);
    cr_expect(!c.fetch_allow_private);
    cr_expect_str_eq(c.openapi_path, "openapi.yaml");
}

Test(config, comments_blank_lines_quotes_and_spaces) {
    srv_config c;
    char err[256] = "";
    const char *text = "# a comment\n"
                       "\n"
                       "  port=9090   # trailing comment\n"
                       "fetch.user_agent = \"lede test # not a comment\"\n"
                       "fetch.allow_private = yes\r\n"
                       "data_dir =\n";
    cr_assert_eq(parse(&c, text, err, sizeof err), 0, "%s", err);
    cr_expect_eq(c.port, 9090);
    cr_expect_str_eq(c.fetch_user_agent, "lede test # not a comment");
    cr_expect(c.fetch_allow_private);
    cr_expect_str_eq(c.data_dir, "");
}

Test(config, unknown_key_names_file_line_and_key) {
    srv_config c;
    char err[256] = "";
    cr_assert_eq(parse(&c, "port = 1\n\nbogus = 3\n", err, sizeof err), -1);
    cr_expect(strstr(err, "t.conf:3") != NULL, "%s", err);
    cr_expect(strstr(err, "bogus") != NULL, "%s", err);
}

Test(config, bad_numbers_and_ranges) {
    static const char *const bad[] = {
        "port = 0\n",           "port = 65536\n",
        "port = 80x\n",         "port = \n",
        "threads = -1\n",       "max_body_bytes = 99999999999999999999\n",
        "port = 1.5\n",         "fetch.max_redirects = 21\n",
        "access_log = maybe\n", "bind = localhost\n",
        "bind = 1.2.3.4.5\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        srv_config c;
        char err[256] = "";
        cr_expect_eq(parse(&c, bad[i], err, sizeof err), -1, "accepted: %s", bad[i]);
        cr_expect(strstr(err, "t.conf:1") != NULL, "%s", err);
    }
}

Test(config, limits_at_the_edges) {
    srv_config c;
    char err[256] = "";
    cr_expect_eq(parse(&c, "port = 1\n", err, sizeof err), 0);
    cr_expect_eq(parse(&c, "port = 65535\n", err, sizeof err), 0);
    cr_expect_eq(c.port, 65535);
    cr_expect_eq(parse(&c, "threads = 256\n", err, sizeof err), 0);
    cr_expect_eq(parse(&c, "threads = 257\n", err, sizeof err), -1);
}

Test(config, line_without_equals) {
    srv_config c;
    char err[256] = "";
    cr_expect_eq(parse(&c, "port 8080\n", err, sizeof err), -1);
    cr_expect(strstr(err, "t.conf:1") != NULL, "%s", err);
}

Test(config, overlong_string) {
    char text[CONFIG_STR_MAX + 64];
    int n = snprintf(text, sizeof text, "bind = ");
    memset(text + n, 'a', CONFIG_STR_MAX);
    text[n + CONFIG_STR_MAX] = '\0';
    srv_config c;
    char err[256] = "";
    cr_expect_eq(parse(&c, text, err, sizeof err), -1);
}

Test(config, environment_names) {
    srv_config c;
    char err[256] = "";
    config_defaults(&c);
    char *env[] = {"LEDE_PORT=7070",
                   "LEDE_FETCH_ALLOW_PRIVATE=true",
                   "LEDE_FETCH_MAX_BYTES=1234",
                   "LEDE_SHARED_DIR=/x",
                   "PATH=/bin",
                   NULL};
    cr_assert_eq(config_apply_env(&c, env, err, sizeof err), 0, "%s", err);
    cr_expect_eq(c.port, 7070);
    cr_expect(c.fetch_allow_private);
    cr_expect_eq(c.fetch_max_bytes, 1234);
    char *bad[] = {"LEDE_THREADS=lots", NULL};
    cr_expect_eq(config_apply_env(&c, bad, err, sizeof err), -1);
    cr_expect(strstr(err, "LEDE_THREADS") != NULL, "%s", err);
}

Test(config, flags) {
    srv_config c;
    char err[256] = "";
    config_defaults(&c);
    char *argv[] = {"serve",
                    "--config",
                    "x.conf",
                    "--port",
                    "6060",
                    "--fetch-allow-private",
                    "--fetch-max-redirects=2",
                    "--bind",
                    "::1",
                    NULL};
    cr_assert_eq(config_apply_flags(&c, 9, argv, err, sizeof err), 0, "%s", err);
    cr_expect_eq(c.port, 6060);
    cr_expect(c.fetch_allow_private);
    cr_expect_eq(c.fetch_max_redirects, 2);
    cr_expect_str_eq(c.bind, "::1");
    cr_expect_str_eq(config_find_file_flag(9, argv), "x.conf");
    char *unknown[] = {"serve", "--colour", "red", NULL};
    cr_expect_eq(config_apply_flags(&c, 3, unknown, err, sizeof err), -1);
    cr_expect(strstr(err, "--colour") != NULL, "%s", err);
    char *missing[] = {"serve", "--port", NULL};
    cr_expect_eq(config_apply_flags(&c, 2, missing, err, sizeof err), -1);
}

Test(config, precedence_flag_env_file_default) {
    char path[] = "/tmp/lede-test-config-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("port = 1111\nthreads = 3\nqueue_depth = 7\n", f);
    fclose(f);
    char *env[] = {"LEDE_PORT=2222", "LEDE_THREADS=4", NULL};
    char *argv[] = {"serve", "--port", "3333", NULL};
    srv_config c;
    char err[256] = "";
    cr_assert_eq(config_build(&c, path, env, 3, argv, err, sizeof err), 0, "%s", err);
    remove(path);
    cr_expect_eq(c.port, 3333);            /* flag */
    cr_expect_eq(c.threads, 4);            /* environment */
    cr_expect_eq(c.queue_depth, 7);        /* file */
    cr_expect_eq(c.batch_max_lines, 1000); /* default */
}

Test(config, missing_file) {
    srv_config c;
    char err[256] = "";
    config_defaults(&c);
    cr_expect_eq(config_load_file(&c, "/nonexistent/lede.conf", err, sizeof err), -1);
    cr_expect(strstr(err, "/nonexistent/lede.conf") != NULL);
}

Test(config, reload_copies_only_reloadable_keys) {
    srv_config live, fresh;
    config_defaults(&live);
    config_defaults(&fresh);
    fresh.port = 1;
    fresh.max_body_bytes = 42;
    fresh.batch_max_lines = 3;
    snprintf(fresh.openapi_path, sizeof fresh.openapi_path, "other.yaml");
    config_copy_reloadable(&live, &fresh);
    cr_expect_eq(live.port, 8080);
    cr_expect_eq(live.max_body_bytes, 42);
    cr_expect_eq(live.batch_max_lines, 3);
    cr_expect_str_eq(live.openapi_path, "other.yaml");
    cr_expect(strstr(config_reloadable_keys(), "max_body_bytes") != NULL);
    cr_expect(strstr(config_reloadable_keys(), "port,") == NULL);
}

Test(config, shipped_file_parses) {
    srv_config c;
    char err[256] = "";
    config_defaults(&c);
    cr_expect_eq(
        config_load_file(&c, LEDE_SOURCE_DIR "/config/lede.conf", err, sizeof err), 0,
        "%s", err);
}
