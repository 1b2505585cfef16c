/*
 * ner_gaz — the gazetteers: word lists of places, nationalities, first names,
 * organisation words and titles, plus the alias table of names that denote the
 * same entity ("U.S." = "United States").
 *
 * Phrases are stored by the hash of their lower-cased tokens, so a lookup over
 * a token sequence costs one probe per token while a longer phrase may still
 * continue. The lists are loaded once and only read afterwards. They serve the
 * tagger (as features) and the entity merging (titles, aliases).
 */
#ifndef LEDE_NLP_NER_GAZ_H
#define LEDE_NLP_NER_GAZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lede/lede.h"

/* The lists, one bit each. */
enum {
    NER_GAZ_COUNTRY = 1u << 0,
    NER_GAZ_CITY = 1u << 1,
    NER_GAZ_REGION = 1u << 2,
    NER_GAZ_DEMONYM = 1u << 3,
    NER_GAZ_FIRST_NAME = 1u << 4,
    NER_GAZ_ORG_WORD = 1u << 5, /* "Inc.", "Ministry", "Council" */
    NER_GAZ_TITLE = 1u << 6,    /* "President", "Prime Minister", "Mr." */
    NER_GAZ_COMMON = 1u << 7,   /* frequent English words ("take", "good") */
    NER_GAZ_COMPANY = 1u << 8,  /* company names ("Microsoft", "Siemens") */
    NER_GAZ_N_LISTS = 9,        /* the lists above are tagger features */
    NER_GAZ_FEATURES = (1u << NER_GAZ_N_LISTS) - 1,
    /* First names by gender, for entity merging only (not tagger features): a
     * name on both lists has both bits, hence no gender. */
    NER_GAZ_FEMALE = 1u << 9,
    NER_GAZ_MALE = 1u << 10,
    /* World regions, seas and landforms ("Caribbean", "Middle East"), for
     * entity merging only. */
    NER_GAZ_AREA = 1u << 11,
    /* Place names that are English words in lower case too ("china",
     * "reading"): a lower-case place name is a place only when not on it. */
    NER_GAZ_PLACE_WORD = 1u << 12,
    /* Ordinary words that are no abbreviation ("very", "best", not "nasa"):
     * written in capitals in a sentence that is not, they are emphasis. */
    NER_GAZ_PLAIN_WORD = 1u << 13,
    /* Towns of GeoNames that the city list leaves out ("noida", "baguio"):
     * for lower-case place names after a preposition of place only. */
    NER_GAZ_TOWN = 1u << 14,
    NER_GAZ_PREFIX = 1u << 15, /* internal: a longer phrase starts here */
};

/* The longest phrase, in tokens, that a list may hold. */
#define NER_GAZ_MAX_PHRASE 8

typedef struct gazetteer gazetteer;

/* Loads every list under data_dir/gazetteers/ (a missing file is an empty
 * list). LEDE_ERR_MODEL with a message in err for a malformed file. */
lede_status ner_gaz_load(const char *data_dir, gazetteer **out, char *err,
                         size_t err_len);
void ner_gaz_free(gazetteer *g);

/* Adds one phrase (tokens separated by spaces) to the lists in mask. */
lede_status ner_gaz_add(gazetteer *g, const char *phrase, size_t len, uint16_t mask);
/* An empty gazetteer, for tests and training without lists. */
gazetteer *ner_gaz_new(void);

/* The list bits of the phrase whose token hashes (ner_hash_bytes(.., lower=1))
 * are given, plus NER_GAZ_PREFIX when a longer phrase continues it. 0 when
 * unknown. */
uint16_t ner_gaz_lookup(const gazetteer *g, const uint64_t *tok_hashes, size_t n);

/*
 * Marks the phrases of a token sequence, leftmost longest first and without
 * overlaps, for the tagger: out[i] gets the list bits among NER_GAZ_FEATURES
 * of the phrase covering token i (phrases of other lists are not seen), and
 * begin[i] is true where a phrase starts. tok_hashes are lower-cased token
 * hashes.
 */
void ner_gaz_match(const gazetteer *g, const uint64_t *tok_hashes, size_t n,
                   uint16_t *out, bool *begin);

/* The canonical alias of a name's lower-cased token hashes ("u.s." ->
 * "United States"), or NULL when the name has no alias entry. */
const char *ner_gaz_alias(const gazetteer *g, const uint64_t *tok_hashes, size_t n);

/* The ISO 3166 code of the place whose name has the entity identity `key`
 * (as entity merging computes it: the combined lower-cased word hashes, or an
 * alias's canonical name hashed whole): a country's alpha-2 code ("FR"), or a
 * subdivision's ISO 3166-2 code ("US-CA"); NULL when unknown. */
const char *ner_gaz_place_id(const gazetteer *g, uint64_t key);
/* The GeoNames id of the city or town a name alone points to, or 0. */
uint32_t ner_gaz_geonames_id(const gazetteer *g, uint64_t key);

/* Longest cluster bit path. */
#define NER_GAZ_MAX_CLUSTER_BITS 24
/* The cluster of a word by its lower-case hash: returns the length of its bit
 * path (0 when the word has none) and puts the bits in *path, first choice
 * highest. Loaded from ner_clusters.tsv in the data dir when present. */
unsigned ner_gaz_cluster(const gazetteer *g, uint64_t lower_hash, uint32_t *path);

#endif
