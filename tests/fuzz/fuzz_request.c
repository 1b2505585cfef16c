/* libFuzzer target for the server's request parsing (server/http_req.c): the
 * JSON extract request, NDJSON line splitting, the fields option, media types,
 * request ids and the error document. The server module is compiled in here
 * because fuzz targets link the core library only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../server/http_req.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *buf = (const char *)data;
    char err[256];

    http_extract_req r;
    if (http_extract_req_parse(buf, size, &r, err, sizeof err) == 0)
        http_extract_req_clear(&r);

    size_t pos = 0, lineno = 0, len;
    const char *line;
    while (http_ndjson_next(buf, size, &pos, &line, &len, &lineno))
        if (http_extract_req_parse(line, len, &r, err, sizeof err) == 0)
            http_extract_req_clear(&r);

    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    http_options o = {0};
    if (http_fields_parse(s, &o, err, sizeof err) == 0) {
        json_t *a = json_pack("{s:s,s:i}", "headline", "h", "word_count", 1);
        http_fields_filter(a, &o);
        json_decref(a);
    }
    (void)http_body_kind_of(s);
    (void)http_has_charset(s);
    (void)http_request_id_ok(s);
    bool flag;
    (void)http_flag_parse(s, &flag);
    double conf = -1;
    if (http_confidence_parse(s, &conf) == 0 && !(conf >= 0 && conf <= 1))
        abort();
    free(http_error_json("bad_request", s, lineno));
    free(s);
    return 0;
}
