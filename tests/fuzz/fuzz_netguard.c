/* libFuzzer target for the address guard. The fuzz targets link only the
 * core library, so the guard (a server module without dependencies) is
 * compiled in here directly.
 *
 * Input: the first byte picks a mode, the rest is the data.
 *   0: an allow-list in text (netguard_new must refuse or accept, never crash)
 *   1: one CIDR in text
 *   2: a 16-byte address: IPv4-mapped addresses must get the same answer as
 *      the IPv4 address itself, embedded forms must decode consistently, and
 *      allow_private must let everything through.
 *   3: an address in text (inet_pton syntax) */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../server/netguard.c"

#define FUZZ_TEXT_MAX 512

static netguard *guard_default, *guard_open;

static void check_address(const uint8_t a[16]) {
    const char *why = netguard_check_v6(guard_default, a);
    if (netguard_check_v6(guard_open, a))
        abort();
    /* The sockaddr path must agree with the 16-byte path. */
    static const uint8_t mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (!memcmp(a, mapped_prefix, 12)) {
        struct sockaddr_in in = {.sin_family = AF_INET};
        memcpy(&in.sin_addr, a + 12, 4);
        if ((netguard_check(guard_default, (struct sockaddr *)&in) == NULL) !=
            (why == NULL))
            abort();
    } else {
        struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};
        memcpy(&in6.sin6_addr, a, 16);
        if ((netguard_check(guard_default, (struct sockaddr *)&in6) == NULL) !=
            (why == NULL))
            abort();
    }
    /* An embedded blocked IPv4 address always blocks the IPv6 form. */
    uint8_t v4[4], server[4], m[16];
    if (netguard_embedded_v4(a, v4, server)) {
        memcpy(m, mapped_prefix, 12);
        memcpy(m + 12, v4, 4);
        if (netguard_check_v6(guard_default, m) && !why)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char err[160];
    if (!guard_default) {
        guard_default = netguard_new(false, NULL, err, sizeof err);
        guard_open = netguard_new(true, NULL, err, sizeof err);
        if (!guard_default || !guard_open)
            abort();
    }
    if (size == 0 || size > FUZZ_TEXT_MAX)
        return 0;
    char text[FUZZ_TEXT_MAX + 1];
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    switch (data[0] % 4) {
    case 0: {
        netguard *g = netguard_new(false, text, err, sizeof err);
        netguard_free(g);
        break;
    }
    case 1: {
        netguard_cidr c;
        if (netguard_cidr_parse(text, size - 1, &c) && c.prefix > 128)
            abort();
        break;
    }
    case 2:
        if (size >= 17)
            check_address(data + 1);
        break;
    default: (void)netguard_check_text(guard_default, text); break;
    }
    return 0;
}
