/*
 * ner_hash — the hashing shared by the tagger's features and the gazetteers.
 *
 * Feature strings are never built: each feature is a 64-bit hash mixed from a
 * template id and the hashes of the strings it looks at, so extracting a token's
 * features allocates nothing. Word hashes fold ASCII upper case to lower case
 * when asked, so gazetteer phrases and tokens hash alike.
 */
#ifndef LEDE_NLP_NER_HASH_H
#define LEDE_NLP_NER_HASH_H

#include <stddef.h>
#include <stdint.h>

#define NER_HASH_SEED 0x9E3779B97F4A7C15ull

/* A strong 64-bit finaliser (splitmix64): every input bit moves every output bit. */
static inline uint64_t ner_mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

/* Combines a running hash with one more value. */
static inline uint64_t ner_combine(uint64_t h, uint64_t v) {
    return ner_mix(h ^ (v + NER_HASH_SEED + (h << 6) + (h >> 2)));
}

/* Folds a byte for the lower-case form: ASCII letters only (multi-byte letters
 * keep their case, which is rare in English news). */
static inline unsigned char ner_lower_byte(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* FNV-1a over bytes, then mixed; `lower` folds ASCII case first. */
static inline uint64_t ner_hash_bytes(const char *s, size_t n, int lower) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (lower ? ner_lower_byte(c) : c)) * 0x100000001B3ull;
    }
    return ner_mix(h ^ n);
}

#endif
