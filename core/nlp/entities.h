/*
 * entities — merges the tagger's mentions into entities: one canonical name per
 * person, organisation or place, every mention with its offsets, titles and
 * possessives stripped, aliases ("U.S." / "United States") joined. Fills
 * res->entities in the contract's order (by count, then first mention).
 */
#ifndef LEDE_NLP_ENTITIES_H
#define LEDE_NLP_ENTITIES_H

#include "../job.h"

lede_status nlp_entities_merge(lede_job *job);

#endif
