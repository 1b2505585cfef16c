/* Tests for the address guard: the block table, the allow-list, the IPv6
 * forms that carry IPv4 addresses, and the numeric tricks that turn into
 * blocked addresses once resolved. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>

#include "netguard.h"

static netguard *guard_new(bool allow_private, const char *cidrs) {
    char err[128] = "";
    netguard *g = netguard_new(allow_private, cidrs, err, sizeof err);
    cr_assert_not_null(g, "netguard_new failed: %s", err);
    return g;
}

static bool blocked(const netguard *g, const char *addr) {
    return netguard_check_text(g, addr) != NULL;
}

/* Addresses inside each blocked range, including both ends of most. */
static const char *const must_block[] = {
    "0.0.0.0",
    "0.255.255.255",
    "10.0.0.0",
    "10.255.255.255",
    "100.64.0.1",
    "100.127.255.255",
    "127.0.0.1",
    "127.255.255.254",
    "169.254.169.254",
    "169.254.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.8",
    "192.0.2.1",
    "192.168.0.1",
    "192.168.255.255",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "febf::1",
    "ff02::1",
    "ff05::1:3",
    "2001:db8::1",
    "2001:db8:ffff::",
    "100::1",
    "fec0::1",
    "64:ff9b:1::1",
    "2001:2::1",
    "3fff::1",
};

/* Public addresses, including neighbours just outside blocked ranges. */
static const char *const must_allow[] = {
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "9.255.255.255",
    "11.0.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "126.255.255.255",
    "128.0.0.0",
    "169.253.255.255",
    "169.255.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.0.1.1",
    "192.0.3.1",
    "192.167.255.255",
    "192.169.0.0",
    "198.17.255.255",
    "198.20.0.0",
    "223.255.255.255",
    "2606:4700::1111",
    "2a00:1450:4001:80b::200e",
    "2001:4860:4860::8888",
    "fbff:ffff::1",
    "fe00::1",
    "2001:db9::1",
    "2002:808:808::1",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
};

Test(netguard, default_table_blocks_every_range) {
    netguard *g = guard_new(false, NULL);
    for (size_t i = 0; i < sizeof must_block / sizeof must_block[0]; i++)
        cr_expect(blocked(g, must_block[i]), "%s should be blocked", must_block[i]);
    netguard_free(g);
}

Test(netguard, default_table_allows_public_addresses) {
    netguard *g = guard_new(false, NULL);
    for (size_t i = 0; i < sizeof must_allow / sizeof must_allow[0]; i++)
        cr_expect(!blocked(g, must_allow[i]), "%s should be allowed (%s)", must_allow[i],
                  netguard_check_text(g, must_allow[i]));
    netguard_free(g);
}

Test(netguard, every_table_entry_parses_and_blocks_its_own_base) {
    size_t n;
    const netguard_range *r = netguard_blocked_ranges(&n);
    cr_assert_gt(n, 20);
    netguard *g = guard_new(false, NULL);
    for (size_t i = 0; i < n; i++) {
        netguard_cidr c;
        cr_assert(netguard_cidr_parse(r[i].cidr, strlen(r[i].cidr), &c), "%s", r[i].cidr);
        cr_expect(strstr(r[i].reason, "RFC ") != NULL, "no RFC for %s", r[i].cidr);
        cr_expect_not_null(netguard_check_v6(g, c.addr), "%s not blocked", r[i].cidr);
    }
    netguard_free(g);
}

Test(netguard, reason_names_the_range) {
    netguard *g = guard_new(false, NULL);
    cr_expect(strstr(netguard_check_text(g, "169.254.169.254"), "169.254.0.0/16"));
    cr_expect(strstr(netguard_check_text(g, "127.0.0.1"), "loopback"));
    cr_expect(strstr(netguard_check_text(g, "::1"), "loopback"));
    netguard_free(g);
}

Test(netguard, ipv4_mapped_and_compatible_forms) {
    netguard *g = guard_new(false, NULL);
    cr_expect(blocked(g, "::ffff:127.0.0.1"));
    cr_expect(blocked(g, "::ffff:7f00:1"));
    cr_expect(blocked(g, "::ffff:169.254.169.254"));
    cr_expect(blocked(g, "::ffff:10.1.2.3"));
    cr_expect(blocked(g, "::ffff:0.0.0.0"));
    cr_expect(blocked(g, "::127.0.0.1"));       /* IPv4-compatible */
    cr_expect(blocked(g, "::192.168.1.1"));     /* IPv4-compatible */
    cr_expect(blocked(g, "::ffff:0:10.0.0.1")); /* IPv4-translated */
    cr_expect(!blocked(g, "::ffff:0:8.8.8.8"));
    cr_expect(!blocked(g, "::8.8.8.8"));
    netguard_free(g);
}

Test(netguard, nat64_6to4_teredo_forms) {
    netguard *g = guard_new(false, NULL);
    cr_expect(blocked(g, "64:ff9b::127.0.0.1"));
    cr_expect(blocked(g, "64:ff9b::a9fe:a9fe")); /* 169.254.169.254 */
    cr_expect(!blocked(g, "64:ff9b::8.8.8.8"));
    cr_expect(blocked(g, "2002:7f00:1::1"));   /* 6to4 of 127.0.0.1 */
    cr_expect(blocked(g, "2002:a9fe:a9fe::")); /* 6to4 of 169.254.169.254 */
    cr_expect(blocked(g, "2002:c0a8:101::1")); /* 6to4 of 192.168.1.1 */
    cr_expect(!blocked(g, "2002:808:808::1"));
    /* Teredo: client 127.0.0.1 stored inverted (80ff:fffe), server public. */
    cr_expect(blocked(g, "2001:0:808:808:0:0:80ff:fffe"));
    /* Teredo with a private server address. */
    cr_expect(blocked(g, "2001:0:a00:1:0:0:f7f7:f7f7"));
    /* Teredo with public server and client (8.8.8.8 inverted = f7f7:f7f7). */
    cr_expect(!blocked(g, "2001:0:808:808:0:0:f7f7:f7f7"));
    netguard_free(g);
}

Test(netguard, embedded_v4_decoding) {
    uint8_t a[16], v4[4], srv[4];
    struct {
        const char *v6, *form, *v4, *server;
    } cases[] = {
        {"::ffff:1.2.3.4", "IPv4-mapped", "1.2.3.4", "0.0.0.0"},
        {"::ffff:0:1.2.3.4", "IPv4-translated", "1.2.3.4", "0.0.0.0"},
        {"::1.2.3.4", "IPv4-compatible", "1.2.3.4", "0.0.0.0"},
        {"64:ff9b::1.2.3.4", "NAT64", "1.2.3.4", "0.0.0.0"},
        {"2002:102:304:5::6", "6to4", "1.2.3.4", "0.0.0.0"},
        {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo", "192.0.2.45", "65.54.227.120"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cr_assert_eq(inet_pton(AF_INET6, cases[i].v6, a), 1);
        const char *form = netguard_embedded_v4(a, v4, srv);
        cr_assert_not_null(form, "%s", cases[i].v6);
        cr_expect_str_eq(form, cases[i].form);
        char text[INET_ADDRSTRLEN], stext[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, v4, text, sizeof text);
        inet_ntop(AF_INET, srv, stext, sizeof stext);
        cr_expect_str_eq(text, cases[i].v4, "%s", cases[i].v6);
        cr_expect_str_eq(stext, cases[i].server, "%s", cases[i].v6);
    }
    cr_assert_eq(inet_pton(AF_INET6, "2606:4700::1111", a), 1);
    cr_expect_null(netguard_embedded_v4(a, v4, NULL));
}

/* What libcurl does with a host name: getaddrinfo(), then connect to each
 * result. Every numeric trick must end at a blocked sockaddr. */
static void expect_resolves_blocked(const netguard *g, const char *host) {
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
    int rc = getaddrinfo(host, "80", &hints, &res);
    cr_assert_eq(rc, 0, "getaddrinfo(%s): %s", host, gai_strerror(rc));
    size_t n = 0;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next, n++)
        cr_expect_not_null(netguard_check(g, ai->ai_addr), "%s got through", host);
    cr_expect_gt(n, 0);
    freeaddrinfo(res);
}

Test(netguard, numeric_tricks_resolve_to_blocked_addresses) {
    netguard *g = guard_new(false, NULL);
    static const char *const tricks[] = {
        "2130706433",   /* 127.0.0.1 as one decimal number */
        "0x7f.1",       /* hexadecimal, short form */
        "0x7f000001",   /* hexadecimal, one number */
        "017700000001", /* octal */
        "0177.0.0.1",   /* octal first part */
        "127.1",        /* short dotted form */
        "0",            /* 0.0.0.0 */
        "2852039166",   /* 169.254.169.254 */
        "0xa9.0xfe.0xa9.0xfe",
        "::ffff:127.0.0.1", /* IPv4-mapped */
        "::1",
        "localhost", /* a name that resolves to loopback */
    };
    for (size_t i = 0; i < sizeof tricks / sizeof tricks[0]; i++)
        expect_resolves_blocked(g, tricks[i]);
    netguard_free(g);
}

Test(netguard, sockaddr_families) {
    netguard *g = guard_new(false, NULL);
    struct sockaddr_in in = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
    cr_expect_not_null(netguard_check(g, (struct sockaddr *)&in));
    inet_pton(AF_INET, "8.8.4.4", &in.sin_addr);
    cr_expect_null(netguard_check(g, (struct sockaddr *)&in));
    struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};
    inet_pton(AF_INET6, "fe80::1", &in6.sin6_addr);
    in6.sin6_scope_id = 1;
    cr_expect_not_null(netguard_check(g, (struct sockaddr *)&in6));
    struct sockaddr un = {.sa_family = AF_UNIX};
    cr_expect_not_null(netguard_check(g, &un));
    cr_expect_not_null(netguard_check(g, NULL));
    cr_expect_not_null(netguard_check_text(g, "not-an-address"));
    netguard_free(g);
}

Test(netguard, allow_private_opens_everything) {
    netguard *g = guard_new(true, NULL);
    for (size_t i = 0; i < sizeof must_block / sizeof must_block[0]; i++)
        cr_expect(!blocked(g, must_block[i]), "%s", must_block[i]);
    netguard_free(g);
}

Test(netguard, allow_cidrs_open_only_those) {
    netguard *g = guard_new(false, " 127.0.0.1/32 , ::1/128,10.1.0.0/16,");
    cr_expect(!blocked(g, "127.0.0.1"));
    cr_expect(!blocked(g, "::ffff:127.0.0.1")); /* the same IPv4 host */
    cr_expect(!blocked(g, "::1"));
    cr_expect(!blocked(g, "10.1.200.3"));
    cr_expect(blocked(g, "127.0.0.2"));
    cr_expect(blocked(g, "10.2.0.1"));
    cr_expect(blocked(g, "169.254.169.254"));
    cr_expect(blocked(g, "192.168.1.1"));
    /* An allowed IPv4 host is not reachable through a translator form. */
    cr_expect(blocked(g, "64:ff9b::127.0.0.1"));
    cr_expect(blocked(g, "2002:7f00:1::1"));
    netguard_free(g);
}

Test(netguard, bare_address_is_one_host) {
    netguard *g = guard_new(false, "192.168.1.10");
    cr_expect(!blocked(g, "192.168.1.10"));
    cr_expect(blocked(g, "192.168.1.11"));
    netguard_free(g);
}

Test(netguard, bad_allow_lists_are_errors) {
    static const char *const bad[] = {
        "10.0.0.0/33", "::1/129",  "abc",        "10.0.0.0/",     "10.0.0.0/-1",
        "10.0.0.0/8x", "0x7f.1/8", "2130706433", "10.0.0.0/0008", "127.0.0.1/32,nonsense",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[128] = "";
        netguard *g = netguard_new(false, bad[i], err, sizeof err);
        cr_expect_null(g, "'%s' accepted", bad[i]);
        cr_expect(strstr(err, "allow_cidrs") != NULL, "'%s': %s", bad[i], err);
        netguard_free(g);
    }
}

Test(netguard, cidr_parse_masks_host_bits) {
    netguard_cidr c;
    cr_assert(netguard_cidr_parse("10.1.2.3/8", 10, &c));
    cr_expect_eq(c.prefix, 104u);
    uint8_t a[16];
    inet_pton(AF_INET6, "::ffff:10.200.0.1", a);
    cr_expect(netguard_cidr_contains(&c, a));
    cr_assert(netguard_cidr_parse("fe80::1/10", 10, &c));
    inet_pton(AF_INET6, "febf:ffff::", a);
    cr_expect(netguard_cidr_contains(&c, a));
    inet_pton(AF_INET6, "fec0::", a);
    cr_expect(!netguard_cidr_contains(&c, a));
    cr_assert(netguard_cidr_parse("::/0", 4, &c));
    cr_expect(netguard_cidr_contains(&c, a));
}
