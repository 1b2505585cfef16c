/* The address guard: a table of blocked ranges, an allow-list from the
 * configuration, and the decoding of IPv6 forms that carry IPv4 addresses. */
#include "netguard.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ::ffff:0:0/96 holds an IPv4 address in its last 32 bits. */
#define V4_MAPPED_PREFIX 96
/* Longer than any IPv6 text form plus "/128". */
#define CIDR_TEXT_MAX 64

/* Blocked by default: every range that is not the public internet. Sources:
 * the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890) and
 * the RFC named for each. Facts, not code: the ranges are public standards. */
static const netguard_range blocked_ranges[] = {
    {"0.0.0.0/8", "0.0.0.0/8 \"this network\" (RFC 1122)"},
    {"10.0.0.0/8", "10.0.0.0/8 private network (RFC 1918)"},
    {"100.64.0.0/10", "100.64.0.0/10 carrier-grade NAT (RFC 6598)"},
    {"127.0.0.0/8", "127.0.0.0/8 loopback (RFC 1122)"},
    {"169.254.0.0/16", "169.254.0.0/16 link-local, cloud metadata (RFC 3927)"},
    {"172.16.0.0/12", "172.16.0.0/12 private network (RFC 1918)"},
    {"192.0.0.0/24", "192.0.0.0/24 IETF protocol assignments (RFC 6890)"},
    {"192.0.2.0/24", "192.0.2.0/24 documentation TEST-NET-1 (RFC 5737)"},
    {"192.88.99.0/24", "192.88.99.0/24 6to4 relay anycast (RFC 7526)"},
    {"192.168.0.0/16", "192.168.0.0/16 private network (RFC 1918)"},
    {"198.18.0.0/15", "198.18.0.0/15 benchmarking (RFC 2544)"},
    {"198.51.100.0/24", "198.51.100.0/24 documentation TEST-NET-2 (RFC 5737)"},
    {"203.0.113.0/24", "203.0.113.0/24 documentation TEST-NET-3 (RFC 5737)"},
    {"224.0.0.0/4", "224.0.0.0/4 multicast (RFC 5771)"},
    {"240.0.0.0/4", "240.0.0.0/4 reserved (RFC 1112)"},
    {"255.255.255.255/32", "255.255.255.255 limited broadcast (RFC 919)"},
    {"::/128", "::/128 unspecified address (RFC 4291)"},
    {"::1/128", "::1/128 loopback (RFC 4291)"},
    {"100::/64", "100::/64 discard-only (RFC 6666)"},
    {"64:ff9b:1::/48", "64:ff9b:1::/48 local-use NAT64 (RFC 8215)"},
    {"2001:2::/48", "2001:2::/48 benchmarking (RFC 5180)"},
    {"2001:db8::/32", "2001:db8::/32 documentation (RFC 3849)"},
    {"3fff::/20", "3fff::/20 documentation (RFC 9637)"},
    {"fc00::/7", "fc00::/7 unique local address (RFC 4193)"},
    {"fe80::/10", "fe80::/10 link-local (RFC 4291)"},
    {"fec0::/10", "fec0::/10 deprecated site-local (RFC 3879)"},
    {"ff00::/8", "ff00::/8 multicast (RFC 4291)"},
};
#define N_BLOCKED (sizeof blocked_ranges / sizeof blocked_ranges[0])

/* IPv6 forms that carry an IPv4 address: a fixed prefix, where the IPv4
 * address sits, whether it is stored inverted (Teredo's client), and where a
 * second address (Teredo's server) sits, or -1. */
typedef struct {
    const char *name;
    const char *reason; /* returned when the carried IPv4 address is blocked */
    uint8_t prefix[12];
    unsigned prefix_len; /* bytes of prefix that must match */
    unsigned v4_at;
    bool v4_inverted;
    int server_at;
} embedded_form;

static const embedded_form embedded_forms[] = {
    {"IPv4-mapped",
     "IPv4-mapped ::ffff:0:0/96 form of a blocked IPv4 address (RFC 4291)",
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff},
     12,
     12,
     false,
     -1},
    {"IPv4-translated",
     "IPv4-translated ::ffff:0:0:0/96 form of a blocked IPv4 address (RFC 2765)",
     {0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0},
     12,
     12,
     false,
     -1},
    {"IPv4-compatible",
     "IPv4-compatible ::/96 form of a blocked IPv4 address (RFC 4291)",
     {0},
     12,
     12,
     false,
     -1},
    {"NAT64",
     "NAT64 64:ff9b::/96 form of a blocked IPv4 address (RFC 6052)",
     {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0},
     12,
     12,
     false,
     -1},
    {"6to4",
     "6to4 2002::/16 form of a blocked IPv4 address (RFC 3056)",
     {0x20, 0x02},
     2,
     2,
     false,
     -1},
    {"Teredo",
     "Teredo 2001::/32 form of a blocked IPv4 address (RFC 4380)",
     {0x20, 0x01, 0, 0},
     4,
     12,
     true,
     4},
};

struct netguard {
    bool allow_private;
    netguard_cidr blocked[N_BLOCKED];
    netguard_cidr allow[NETGUARD_MAX_ALLOW];
    size_t n_allow;
};

const netguard_range *netguard_blocked_ranges(size_t *n) {
    *n = N_BLOCKED;
    return blocked_ranges;
}

static void v4_to_mapped(const uint8_t v4[4], uint8_t out[16]) {
    memset(out, 0, 10);
    out[10] = out[11] = 0xff;
    memcpy(out + 12, v4, 4);
}

bool netguard_cidr_parse(const char *s, size_t len, netguard_cidr *out) {
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0 || len >= CIDR_TEXT_MAX)
        return false;
    char text[CIDR_TEXT_MAX];
    memcpy(text, s, len);
    text[len] = '\0';
    char *slash = strchr(text, '/');
    long prefix = -1;
    if (slash) {
        *slash = '\0';
        const char *p = slash + 1;
        size_t digits = strspn(p, "0123456789");
        if (digits == 0 || digits > 3 || p[digits] != '\0')
            return false;
        prefix = strtol(p, NULL, 10);
    }
    uint8_t v4[4];
    if (inet_pton(AF_INET, text, v4) == 1) {
        if (prefix > 32)
            return false;
        v4_to_mapped(v4, out->addr);
        out->prefix = (unsigned)(prefix < 0 ? 32 : prefix) + V4_MAPPED_PREFIX;
    } else if (inet_pton(AF_INET6, text, out->addr) == 1) {
        if (prefix > 128)
            return false;
        out->prefix = (unsigned)(prefix < 0 ? 128 : prefix);
    } else {
        return false;
    }
    /* Clear host bits so that "10.1.2.3/8" means 10.0.0.0/8. */
    for (unsigned bit = out->prefix; bit < 128; bit++)
        out->addr[bit / 8] &= (uint8_t) ~(0x80u >> (bit % 8));
    return true;
}

bool netguard_cidr_contains(const netguard_cidr *c, const uint8_t addr[16]) {
    unsigned full = c->prefix / 8, rest = c->prefix % 8;
    if (memcmp(c->addr, addr, full))
        return false;
    if (rest == 0)
        return true;
    uint8_t mask = (uint8_t)(0xffu << (8 - rest));
    return (c->addr[full] & mask) == (addr[full] & mask);
}

const char *netguard_embedded_v4(const uint8_t addr[16], uint8_t v4[4],
                                 uint8_t server_v4[4]) {
    for (size_t i = 0; i < sizeof embedded_forms / sizeof embedded_forms[0]; i++) {
        const embedded_form *f = &embedded_forms[i];
        if (memcmp(addr, f->prefix, f->prefix_len))
            continue;
        for (unsigned b = 0; b < 4; b++)
            v4[b] = (uint8_t)(addr[f->v4_at + b] ^ (f->v4_inverted ? 0xffu : 0u));
        if (server_v4) {
            if (f->server_at >= 0)
                memcpy(server_v4, addr + f->server_at, 4);
            else
                memset(server_v4, 0, 4);
        }
        return f->name;
    }
    return NULL;
}

static const embedded_form *embedded_form_named(const char *name) {
    for (size_t i = 0; i < sizeof embedded_forms / sizeof embedded_forms[0]; i++)
        if (embedded_forms[i].name == name)
            return &embedded_forms[i];
    return NULL;
}

/* The block table alone, without allow-list or embedded forms. */
static const char *blocked_reason(const netguard *g, const uint8_t addr[16]) {
    for (size_t i = 0; i < N_BLOCKED; i++)
        if (netguard_cidr_contains(&g->blocked[i], addr))
            return blocked_ranges[i].reason;
    return NULL;
}

netguard *netguard_new(bool allow_private, const char *allow_cidrs, char *err,
                       size_t err_len) {
    netguard *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    g->allow_private = allow_private;
    for (size_t i = 0; i < N_BLOCKED; i++)
        if (!netguard_cidr_parse(blocked_ranges[i].cidr, strlen(blocked_ranges[i].cidr),
                                 &g->blocked[i])) {
            snprintf(err, err_len, "internal: bad block range %s",
                     blocked_ranges[i].cidr);
            free(g);
            return NULL;
        }
    const char *p = allow_cidrs ? allow_cidrs : "";
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        size_t blank = 0;
        while (blank < len && isspace((unsigned char)p[blank]))
            blank++;
        if (blank < len) { /* empty items ("a,,b", trailing comma) are skipped */
            if (g->n_allow == NETGUARD_MAX_ALLOW) {
                snprintf(err, err_len, "allow_cidrs: more than %d ranges",
                         NETGUARD_MAX_ALLOW);
                free(g);
                return NULL;
            }
            if (!netguard_cidr_parse(p, len, &g->allow[g->n_allow])) {
                snprintf(err, err_len, "allow_cidrs: bad CIDR '%.*s'", (int)len, p);
                free(g);
                return NULL;
            }
            g->n_allow++;
        }
        p += len + (comma ? 1 : 0);
    }
    return g;
}

void netguard_free(netguard *g) { free(g); }

const char *netguard_check_v6(const netguard *g, const uint8_t addr[16]) {
    if (g->allow_private)
        return NULL;
    for (size_t i = 0; i < g->n_allow; i++)
        if (netguard_cidr_contains(&g->allow[i], addr))
            return NULL;
    const char *reason = blocked_reason(g, addr);
    if (reason)
        return reason;
    /* IPv4-mapped addresses are the IPv4 address itself and were checked
     * above; the other forms reach an IPv4 host through a translator. */
    uint8_t v4[4], server[4], mapped[16];
    const char *form = netguard_embedded_v4(addr, v4, server);
    if (!form)
        return NULL;
    v4_to_mapped(v4, mapped);
    bool blocked = blocked_reason(g, mapped) != NULL;
    if (!blocked && embedded_form_named(form)->server_at >= 0) {
        v4_to_mapped(server, mapped);
        blocked = blocked_reason(g, mapped) != NULL;
    }
    return blocked ? embedded_form_named(form)->reason : NULL;
}

const char *netguard_check(const netguard *g, const struct sockaddr *sa) {
    uint8_t addr[16];
    if (!sa)
        return "no address";
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
        v4_to_mapped((const uint8_t *)&in->sin_addr, addr);
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
        memcpy(addr, &in6->sin6_addr, 16);
    } else {
        return "not an IPv4 or IPv6 address";
    }
    return netguard_check_v6(g, addr);
}

const char *netguard_check_text(const netguard *g, const char *text) {
    uint8_t v4[4], addr[16];
    if (inet_pton(AF_INET, text, v4) == 1)
        v4_to_mapped(v4, addr);
    else if (inet_pton(AF_INET6, text, addr) != 1)
        return "not a numeric address";
    return netguard_check_v6(g, addr);
}
