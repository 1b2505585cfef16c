/*
 * netguard — decides whether lede may open a connection to an address.
 *
 * The fetch engine asks the guard about every socket it is about to open,
 * with the address the name resolved to (never the URL text), so numeric
 * tricks ("2130706433", "0x7f.1"), names that resolve to private addresses and
 * redirects all meet the same check. Blocked by default: loopback, private,
 * link-local, CGNAT, documentation, benchmarking, multicast, reserved and
 * broadcast ranges, their IPv6 counterparts, and every IPv6 form that embeds
 * a blocked IPv4 address (mapped, compatible, NAT64, 6to4, Teredo). The
 * configuration can open everything (allow_private) or a list of CIDRs.
 *
 * The guard does no networking and holds no global state; a guard is
 * read-only after netguard_new() and may be shared by threads.
 */
#ifndef LEDE_NETGUARD_H
#define LEDE_NETGUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* Most CIDRs an allow-list may hold; a longer list is a configuration error. */
#define NETGUARD_MAX_ALLOW 64

/* An address range, IPv4 ranges stored in their IPv4-mapped IPv6 form
 * (::ffff:a.b.c.d, prefix + 96) so one comparison serves both families. */
typedef struct {
    uint8_t addr[16];
    unsigned prefix; /* 0..128 */
} netguard_cidr;

typedef struct netguard netguard;

/* Builds a guard. allow_cidrs is a comma-separated list ("127.0.0.1/32,::1/128";
 * a bare address means that one host) or NULL. On a malformed list returns
 * NULL and describes the problem in err. */
netguard *netguard_new(bool allow_private, const char *allow_cidrs, char *err,
                       size_t err_len);
void netguard_free(netguard *g);

/* NULL when the guard lets a connection to sa through, else a static
 * description of why not ("127.0.0.0/8 loopback (RFC 1122)"). Families other
 * than IPv4 and IPv6 are always refused. */
const char *netguard_check(const netguard *g, const struct sockaddr *sa);

/* netguard_check() for a numeric IPv4 or IPv6 address in text (inet_pton
 * syntax, no port). Unparsable text is refused. */
const char *netguard_check_text(const netguard *g, const char *addr);

/* netguard_check() for a 16-byte IPv6 address (IPv4 as ::ffff:a.b.c.d). */
const char *netguard_check_v6(const netguard *g, const uint8_t addr[16]);

/* Parses one CIDR ("10.0.0.0/8", "::1/128", or a bare address). Host bits
 * past the prefix are cleared. False on malformed text. */
bool netguard_cidr_parse(const char *s, size_t len, netguard_cidr *out);

/* True when addr lies in the range. */
bool netguard_cidr_contains(const netguard_cidr *c, const uint8_t addr[16]);

/* When addr is an IPv6 form that carries an IPv4 address (IPv4-mapped,
 * IPv4-compatible, IPv4-translated, NAT64 64:ff9b::/96, 6to4 2002::/16,
 * Teredo 2001::/32 client), writes that IPv4 address to v4 and returns the
 * form's name; else returns NULL. Teredo also carries its server's address,
 * written to server_v4 when not NULL (zeroes for the other forms). */
const char *netguard_embedded_v4(const uint8_t addr[16], uint8_t v4[4],
                                 uint8_t server_v4[4]);

/* The default block table, for tests and documentation. */
typedef struct {
    const char *cidr;   /* "169.254.0.0/16" */
    const char *reason; /* "169.254.0.0/16 link-local, cloud metadata (RFC 3927)" */
} netguard_range;
const netguard_range *netguard_blocked_ranges(size_t *n);

#endif
