/* Gazetteers: an open-addressing table from phrase hashes to list bits. */
#include "ner_gaz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../utf8.h"
#include "ner_hash.h"

/* Longest ISO 3166 code: "US-CA", "GB-ENG". */
#define GAZ_MAX_CODE 6
/* Longest line a list may hold; longer ones mark a broken file. */
#define GAZ_MAX_LINE 256
/* Initial table size (a power of two); the table doubles at half load. */
#define GAZ_INITIAL_SLOTS 4096u
/* Bytes of the alias string pool to start with. */
#define GAZ_POOL_INITIAL 4096u

typedef struct {
    uint64_t key;   /* 0 = empty slot */
    uint32_t alias; /* 1 + offset of the canonical name in the pool, 0 = none */
    uint16_t mask;
} gaz_slot;

/* A place's ISO 3166 code ("FR", or "US-CA" for a subdivision) under the
 * identity of one of its names. */
typedef struct {
    uint64_t key; /* 0 = empty slot */
    char code[GAZ_MAX_CODE + 1];
} gaz_id_slot;

/* A city's or town's GeoNames id under the identity of its name. */
typedef struct {
    uint64_t key; /* 0 = empty slot */
    uint32_t id;
} gaz_geonames_slot;

/* A word's cluster: its bit path, first choice in the highest used bit. */
typedef struct {
    uint64_t key; /* 0 = empty slot */
    uint32_t path;
    uint8_t len;
} gaz_cluster_slot;

struct gazetteer {
    gaz_cluster_slot *clusters; /* open addressing, n_cluster_slots a power of two */
    size_t n_cluster_slots, n_clusters;
    gaz_slot *slots;
    size_t n_slots, n_used;
    gaz_id_slot *ids; /* open addressing, n_ids_slots a power of two */
    size_t n_ids_slots, n_ids_used;
    gaz_geonames_slot *geonames; /* open addressing, n_geonames_slots a power of two */
    size_t n_geonames_slots, n_geonames_used;
    char *pool; /* NUL-terminated canonical alias names */
    size_t pool_len, pool_size;
};

static const struct {
    const char *file;
    uint16_t mask;
} gaz_files[] = {
    {"countries.txt", NER_GAZ_COUNTRY},
    {"cities.txt", NER_GAZ_CITY},
    {"regions.txt", NER_GAZ_REGION},
    {"demonyms.txt", NER_GAZ_DEMONYM},
    {"demonyms_extra.txt", NER_GAZ_DEMONYM},
    {"first_names_female.txt", NER_GAZ_FIRST_NAME | NER_GAZ_FEMALE},
    {"first_names_male.txt", NER_GAZ_FIRST_NAME | NER_GAZ_MALE},
    {"org_words.txt", NER_GAZ_ORG_WORD},
    {"titles.txt", NER_GAZ_TITLE},
    {"common_words.txt", NER_GAZ_COMMON},
    {"companies.txt", NER_GAZ_COMPANY},
    {"world_regions.txt", NER_GAZ_AREA},
    {"place_words.txt", NER_GAZ_PLACE_WORD},
    {"plain_words.txt", NER_GAZ_PLAIN_WORD},
    {"towns.txt", NER_GAZ_TOWN},
};

#define GAZ_ALIAS_FILE "aliases.txt"
/* "Name<TAB>XX" lines: ISO 3166-1 alpha-2 codes of country names. */
#define GAZ_COUNTRY_ID_FILE "country_ids.txt"
/* The same for subdivisions (ISO 3166-2: "California<TAB>US-CA"). */
#define GAZ_REGION_ID_FILE "region_ids.txt"
/* "Name<TAB>digits" lines: GeoNames ids of cities and towns a name alone
 * points to (scripts/build-gazetteers.js). */
#define GAZ_GEONAMES_FILE "geonames_ids.txt"
/* Word clusters (scripts/ner-clusters.py), beside the model in the data dir. */
#define GAZ_CLUSTER_FILE "ner_clusters.tsv"

gazetteer *ner_gaz_new(void) {
    gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->slots = calloc(GAZ_INITIAL_SLOTS, sizeof *g->slots);
    if (!g->slots) {
        free(g);
        return NULL;
    }
    g->n_slots = GAZ_INITIAL_SLOTS;
    return g;
}

void ner_gaz_free(gazetteer *g) {
    if (!g)
        return;
    free(g->slots);
    free(g->pool);
    free(g->ids);
    free(g->geonames);
    free(g->clusters);
    free(g);
}

static gaz_cluster_slot *cluster_find(gaz_cluster_slot *slots, size_t n_slots,
                                      uint64_t key) {
    size_t mask = n_slots - 1;
    for (size_t i = (size_t)key & mask;; i = (i + 1) & mask)
        if (slots[i].key == key || slots[i].key == 0)
            return &slots[i];
}

static lede_status cluster_put(gazetteer *g, uint64_t key, uint32_t path, uint8_t len) {
    key = key ? key : 1;
    if ((g->n_clusters + 1) * 2 > g->n_cluster_slots) {
        size_t n = g->n_cluster_slots ? g->n_cluster_slots * 2 : 1024;
        gaz_cluster_slot *slots = calloc(n, sizeof *slots);
        if (!slots)
            return LEDE_ERR_NOMEM;
        for (size_t i = 0; i < g->n_cluster_slots; i++)
            if (g->clusters[i].key)
                *cluster_find(slots, n, g->clusters[i].key) = g->clusters[i];
        free(g->clusters);
        g->clusters = slots;
        g->n_cluster_slots = n;
    }
    gaz_cluster_slot *s = cluster_find(g->clusters, g->n_cluster_slots, key);
    if (!s->key)
        g->n_clusters++;
    *s = (gaz_cluster_slot){key, path, len};
    return LEDE_OK;
}

unsigned ner_gaz_cluster(const gazetteer *g, uint64_t lower_hash, uint32_t *path) {
    if (!g || !g->clusters)
        return 0;
    const gaz_cluster_slot *s =
        cluster_find(g->clusters, g->n_cluster_slots, lower_hash ? lower_hash : 1);
    if (!s->key)
        return 0;
    *path = s->path;
    return s->len;
}

static gaz_id_slot *id_find(gaz_id_slot *slots, size_t n_slots, uint64_t key) {
    size_t mask = n_slots - 1;
    for (size_t i = (size_t)key & mask;; i = (i + 1) & mask)
        if (slots[i].key == key || slots[i].key == 0)
            return &slots[i];
}

static lede_status id_put(gazetteer *g, uint64_t key, const char *code) {
    key = key ? key : 1;
    if ((g->n_ids_used + 1) * 2 > g->n_ids_slots) {
        size_t n = g->n_ids_slots ? g->n_ids_slots * 2 : 256;
        gaz_id_slot *slots = calloc(n, sizeof *slots);
        if (!slots)
            return LEDE_ERR_NOMEM;
        for (size_t i = 0; i < g->n_ids_slots; i++)
            if (g->ids[i].key)
                *id_find(slots, n, g->ids[i].key) = g->ids[i];
        free(g->ids);
        g->ids = slots;
        g->n_ids_slots = n;
    }
    gaz_id_slot *s = id_find(g->ids, g->n_ids_slots, key);
    if (!s->key) {
        s->key = key;
        g->n_ids_used++;
        memcpy(s->code, code, strlen(code) + 1);
    }
    return LEDE_OK;
}

const char *ner_gaz_place_id(const gazetteer *g, uint64_t key) {
    if (!g || !g->ids)
        return NULL;
    const gaz_id_slot *s = id_find(g->ids, g->n_ids_slots, key ? key : 1);
    return s->key ? s->code : NULL;
}

static gaz_geonames_slot *geonames_find(gaz_geonames_slot *slots, size_t n_slots,
                                        uint64_t key) {
    size_t mask = n_slots - 1;
    for (size_t i = (size_t)key & mask;; i = (i + 1) & mask)
        if (slots[i].key == key || slots[i].key == 0)
            return &slots[i];
}

static lede_status geonames_put(gazetteer *g, uint64_t key, uint32_t id) {
    key = key ? key : 1;
    if ((g->n_geonames_used + 1) * 2 > g->n_geonames_slots) {
        size_t n = g->n_geonames_slots ? g->n_geonames_slots * 2 : 1024;
        gaz_geonames_slot *slots = calloc(n, sizeof *slots);
        if (!slots)
            return LEDE_ERR_NOMEM;
        for (size_t i = 0; i < g->n_geonames_slots; i++)
            if (g->geonames[i].key)
                *geonames_find(slots, n, g->geonames[i].key) = g->geonames[i];
        free(g->geonames);
        g->geonames = slots;
        g->n_geonames_slots = n;
    }
    gaz_geonames_slot *s = geonames_find(g->geonames, g->n_geonames_slots, key);
    if (!s->key) {
        *s = (gaz_geonames_slot){key, id};
        g->n_geonames_used++;
    }
    return LEDE_OK;
}

uint32_t ner_gaz_geonames_id(const gazetteer *g, uint64_t key) {
    if (!g || !g->geonames)
        return 0;
    const gaz_geonames_slot *s =
        geonames_find(g->geonames, g->n_geonames_slots, key ? key : 1);
    return s->key ? s->id : 0;
}

static gaz_slot *gaz_find(const gaz_slot *slots, size_t n_slots, uint64_t key) {
    size_t mask = n_slots - 1;
    for (size_t i = (size_t)key & mask;; i = (i + 1) & mask)
        if (slots[i].key == key || slots[i].key == 0)
            return (gaz_slot *)&slots[i];
}

static uint64_t gaz_key(uint64_t h) { return h ? h : 1; }

static lede_status gaz_grow(gazetteer *g) {
    size_t n = g->n_slots * 2;
    gaz_slot *slots = calloc(n, sizeof *slots);
    if (!slots)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < g->n_slots; i++)
        if (g->slots[i].key)
            *gaz_find(slots, n, g->slots[i].key) = g->slots[i];
    free(g->slots);
    g->slots = slots;
    g->n_slots = n;
    return LEDE_OK;
}

/* The slot for key, created empty when absent. */
static gaz_slot *gaz_slot_for(gazetteer *g, uint64_t key) {
    if ((g->n_used + 1) * 2 > g->n_slots && gaz_grow(g) != LEDE_OK)
        return NULL;
    gaz_slot *s = gaz_find(g->slots, g->n_slots, key);
    if (!s->key) {
        s->key = key;
        g->n_used++;
    }
    return s;
}

/* Splits a phrase on spaces into lower-cased token hashes; returns the count,
 * or 0 when it is empty or longer than NER_GAZ_MAX_PHRASE tokens. */
static size_t gaz_phrase_hashes(const char *s, size_t len, uint64_t *hashes) {
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > b) {
            if (n == NER_GAZ_MAX_PHRASE)
                return 0;
            hashes[n++] = ner_hash_bytes(s + b, i - b, 1);
        }
    }
    return n;
}

static uint64_t gaz_prefix_key(const uint64_t *hashes, size_t n) {
    uint64_t h = NER_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        h = ner_combine(h, hashes[i]);
    return gaz_key(h);
}

/* Registers a phrase; returns its full-phrase slot. */
static gaz_slot *gaz_insert(gazetteer *g, const uint64_t *hashes, size_t n,
                            uint16_t mask) {
    for (size_t k = 1; k < n; k++) {
        gaz_slot *p = gaz_slot_for(g, gaz_prefix_key(hashes, k));
        if (!p)
            return NULL;
        p->mask |= NER_GAZ_PREFIX;
    }
    gaz_slot *s = gaz_slot_for(g, gaz_prefix_key(hashes, n));
    if (s)
        s->mask |= mask;
    return s;
}

lede_status ner_gaz_add(gazetteer *g, const char *phrase, size_t len, uint16_t mask) {
    uint64_t hashes[NER_GAZ_MAX_PHRASE];
    size_t n = gaz_phrase_hashes(phrase, len, hashes);
    if (!n)
        return LEDE_ERR_MODEL;
    return gaz_insert(g, hashes, n, mask) ? LEDE_OK : LEDE_ERR_NOMEM;
}

uint16_t ner_gaz_lookup(const gazetteer *g, const uint64_t *tok_hashes, size_t n) {
    if (!g || !n)
        return 0;
    const gaz_slot *s = gaz_find(g->slots, g->n_slots, gaz_prefix_key(tok_hashes, n));
    return s->key ? s->mask : 0;
}

void ner_gaz_match(const gazetteer *g, const uint64_t *tok_hashes, size_t n,
                   uint16_t *out, bool *begin) {
    memset(out, 0, n * sizeof *out);
    memset(begin, 0, n * sizeof *begin);
    if (!g)
        return;
    for (size_t i = 0; i < n; i++) {
        /* Extend while a longer phrase may continue; remember the longest hit. */
        uint64_t h = NER_HASH_SEED;
        size_t best = 0;
        uint16_t best_mask = 0;
        for (size_t k = i; k < n && k - i < NER_GAZ_MAX_PHRASE; k++) {
            h = ner_combine(h, tok_hashes[k]);
            const gaz_slot *s = gaz_find(g->slots, g->n_slots, gaz_key(h));
            if (!s->key)
                break;
            /* The tagger's lists only: the others must not change its hits. */
            uint16_t lists = s->mask & NER_GAZ_FEATURES;
            if (lists) {
                best = k - i + 1;
                best_mask = lists;
            }
            if (!(s->mask & NER_GAZ_PREFIX))
                break;
        }
        if (!best)
            continue;
        begin[i] = true;
        for (size_t k = i; k < i + best; k++)
            out[k] |= best_mask;
        i += best - 1; /* matches do not overlap: the leftmost longest wins */
    }
}

const char *ner_gaz_alias(const gazetteer *g, const uint64_t *tok_hashes, size_t n) {
    if (!g || !n)
        return NULL;
    const gaz_slot *s = gaz_find(g->slots, g->n_slots, gaz_prefix_key(tok_hashes, n));
    return s->key && s->alias ? g->pool + s->alias - 1 : NULL;
}

static uint32_t gaz_pool_add(gazetteer *g, const char *s, size_t len) {
    if (g->pool_len + len + 1 > g->pool_size) {
        size_t size = g->pool_size ? g->pool_size : GAZ_POOL_INITIAL;
        while (g->pool_len + len + 1 > size)
            size *= 2;
        char *p = realloc(g->pool, size);
        if (!p)
            return 0;
        g->pool = p;
        g->pool_size = size;
    }
    uint32_t off = (uint32_t)g->pool_len;
    memcpy(g->pool + off, s, len);
    g->pool[off + len] = '\0';
    g->pool_len += len + 1;
    return off + 1;
}

/* One alias line: "Canonical|alias|alias...". */
static lede_status gaz_alias_line(gazetteer *g, const char *line, size_t len) {
    const char *bar = memchr(line, '|', len);
    size_t canon_len = bar ? (size_t)(bar - line) : len;
    uint32_t canon = gaz_pool_add(g, line, canon_len);
    if (!canon)
        return LEDE_ERR_NOMEM;
    size_t i = 0;
    while (i <= len) {
        size_t b = i;
        while (i < len && line[i] != '|')
            i++;
        uint64_t hashes[NER_GAZ_MAX_PHRASE];
        size_t n = gaz_phrase_hashes(line + b, i - b, hashes);
        if (!n)
            return LEDE_ERR_MODEL;
        gaz_slot *s = gaz_insert(g, hashes, n, 0);
        if (!s)
            return LEDE_ERR_NOMEM;
        s->alias = canon;
        i++;
    }
    return LEDE_OK;
}

/* Whether code is an ISO 3166 code: two capitals ("FR"), or two capitals, a
 * hyphen and one to three capitals or digits ("US-CA", "GB-ENG", "FR-75"). */
static bool iso_code_ok(const char *c, size_t n) {
    if (n < 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
        return false;
    if (n == 2)
        return true;
    if (n < 4 || n > GAZ_MAX_CODE || c[2] != '-')
        return false;
    for (size_t i = 3; i < n; i++)
        if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '0' && c[i] <= '9')))
            return false;
    return true;
}

/* One "Name<TAB>code" line: the code under both identities a name can have
 * when entities are merged (its words, or the whole string as an alias's
 * canonical form). The first code of a name wins (countries load first). */
/* The two identities a name is looked up by: the chain of its word hashes
 * (as a mention's words give it) and the hash of its bytes. Returns false
 * when the name is too long to be a mention's name. */
static bool name_keys(const char *name, size_t len, uint64_t keys[2]) {
    uint64_t hashes[NER_GAZ_MAX_PHRASE];
    size_t n = gaz_phrase_hashes(name, len, hashes);
    if (!n)
        return false;
    uint64_t chain = NER_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        chain = ner_combine(chain, hashes[i]);
    keys[0] = chain;
    keys[1] = ner_hash_bytes(name, len, 1);
    return true;
}

static lede_status gaz_id_line(gazetteer *g, const char *line, size_t len) {
    const char *tab = memchr(line, '\t', len);
    if (!tab)
        return LEDE_ERR_MODEL;
    size_t name_len = (size_t)(tab - line), code_len = len - name_len - 1;
    if (!iso_code_ok(tab + 1, code_len))
        return LEDE_ERR_MODEL;
    char code[GAZ_MAX_CODE + 1];
    memcpy(code, tab + 1, code_len);
    code[code_len] = '\0';
    uint64_t keys[2];
    if (!name_keys(line, name_len, keys))
        return LEDE_OK;
    lede_status st = id_put(g, keys[0], code);
    return st == LEDE_OK ? id_put(g, keys[1], code) : st;
}

/* One "Name<TAB>digits" line of the GeoNames file: an id of 1 to 10 digits
 * that fits 32 bits. */
static lede_status gaz_geonames_line(gazetteer *g, const char *line, size_t len) {
    const char *tab = memchr(line, '\t', len);
    if (!tab)
        return LEDE_ERR_MODEL;
    size_t name_len = (size_t)(tab - line), id_len = len - name_len - 1;
    if (id_len < 1 || id_len > 10)
        return LEDE_ERR_MODEL;
    uint64_t id = 0;
    for (size_t i = 0; i < id_len; i++) {
        char c = tab[1 + i];
        if (c < '0' || c > '9')
            return LEDE_ERR_MODEL;
        id = id * 10 + (uint64_t)(c - '0');
    }
    if (id == 0 || id > UINT32_MAX)
        return LEDE_ERR_MODEL;
    uint64_t keys[2];
    if (!name_keys(line, name_len, keys))
        return LEDE_OK;
    lede_status st = geonames_put(g, keys[0], (uint32_t)id);
    return st == LEDE_OK ? geonames_put(g, keys[1], (uint32_t)id) : st;
}

/* One "hash<TAB>bits" line of the cluster file: 16 hex digits, then a path
 * of 1 to NER_GAZ_MAX_CLUSTER_BITS characters 0 and 1. */
static lede_status gaz_cluster_line(gazetteer *g, const char *line, size_t len) {
    if (len < 18 || line[16] != '\t' || len - 17 > NER_GAZ_MAX_CLUSTER_BITS)
        return LEDE_ERR_MODEL;
    uint64_t key = 0;
    for (size_t i = 0; i < 16; i++) {
        char c = line[i];
        unsigned v = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                            : 16;
        if (v == 16)
            return LEDE_ERR_MODEL;
        key = key << 4 | v;
    }
    uint32_t path = 0;
    for (size_t i = 17; i < len; i++) {
        if (line[i] != '0' && line[i] != '1')
            return LEDE_ERR_MODEL;
        path = path << 1 | (uint32_t)(line[i] - '0');
    }
    return cluster_put(g, key, path, (uint8_t)(len - 17));
}

/* Reads one list file; each non-empty line not starting with '#' is a phrase. */
enum { GAZ_LIST, GAZ_ALIASES, GAZ_IDS, GAZ_GEONAMES, GAZ_CLUSTERS };

static lede_status gaz_load_file(gazetteer *g, const char *path, uint16_t mask, int kind,
                                 char *err, size_t err_len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return LEDE_OK;
    char line[GAZ_MAX_LINE + 2];
    lede_status st = LEDE_OK;
    unsigned lineno = 0;
    while (st == LEDE_OK && fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len > GAZ_MAX_LINE) {
            st = LEDE_ERR_MODEL;
            break;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (!len || line[0] == '#')
            continue;
        if (!utf8_valid(line, len)) {
            st = LEDE_ERR_MODEL;
            break;
        }
        st = kind == GAZ_ALIASES    ? gaz_alias_line(g, line, len)
             : kind == GAZ_IDS      ? gaz_id_line(g, line, len)
             : kind == GAZ_GEONAMES ? gaz_geonames_line(g, line, len)
             : kind == GAZ_CLUSTERS ? gaz_cluster_line(g, line, len)
                                    : ner_gaz_add(g, line, len, mask);
    }
    fclose(f);
    if (st == LEDE_ERR_MODEL && err)
        snprintf(err, err_len, "%s: line %u is not a valid list entry", path, lineno);
    return st;
}

lede_status ner_gaz_load(const char *data_dir, gazetteer **out, char *err,
                         size_t err_len) {
    *out = NULL;
    gazetteer *g = ner_gaz_new();
    if (!g)
        return LEDE_ERR_NOMEM;
    char path[4096];
    lede_status st = LEDE_OK;
    for (size_t i = 0; st == LEDE_OK && i < sizeof gaz_files / sizeof gaz_files[0]; i++) {
        snprintf(path, sizeof path, "%s/gazetteers/%s", data_dir, gaz_files[i].file);
        st = gaz_load_file(g, path, gaz_files[i].mask, GAZ_LIST, err, err_len);
    }
    if (st == LEDE_OK) {
        snprintf(path, sizeof path, "%s/gazetteers/%s", data_dir, GAZ_ALIAS_FILE);
        st = gaz_load_file(g, path, 0, GAZ_ALIASES, err, err_len);
    }
    if (st == LEDE_OK) {
        snprintf(path, sizeof path, "%s/gazetteers/%s", data_dir, GAZ_COUNTRY_ID_FILE);
        st = gaz_load_file(g, path, 0, GAZ_IDS, err, err_len);
    }
    if (st == LEDE_OK) {
        snprintf(path, sizeof path, "%s/gazetteers/%s", data_dir, GAZ_REGION_ID_FILE);
        st = gaz_load_file(g, path, 0, GAZ_IDS, err, err_len);
    }
    if (st == LEDE_OK) {
        snprintf(path, sizeof path, "%s/gazetteers/%s", data_dir, GAZ_GEONAMES_FILE);
        st = gaz_load_file(g, path, 0, GAZ_GEONAMES, err, err_len);
    }
    if (st == LEDE_OK) {
        snprintf(path, sizeof path, "%s/%s", data_dir, GAZ_CLUSTER_FILE);
        st = gaz_load_file(g, path, 0, GAZ_CLUSTERS, err, err_len);
    }
    if (st != LEDE_OK) {
        ner_gaz_free(g);
        return st;
    }
    *out = g;
    return LEDE_OK;
}
