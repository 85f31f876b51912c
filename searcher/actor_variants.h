// Spellings of one name across articles as one actor: the actor facet
// merges values that share an actor_variant_key ("Vitaliy Gerasimov" and
// "Vitaly Gerasimov"), and an actor filter matches every spelling.
#ifndef NEWSDEX_SEARCHER_ACTOR_VARIANTS_H_
#define NEWSDEX_SEARCHER_ACTOR_VARIANTS_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "searcher/facets.h"

namespace newsdex {

// Whether a spelling counted `count` times, rather than the one naming its
// group so far (`best_name`, `best_count`), names the merged value: the
// most frequent spelling does (ties: the first in byte order).
inline bool names_variant_group(std::size_t count, const std::string& name,
                                std::size_t best_count,
                                const std::string& best_name) {
  return count > best_count || (count == best_count && name < best_name);
}

// Merges actor facet values of one type and variant key into one, counted
// together and named by the most frequent spelling (ties: the first in
// byte order). An article names one person once (the extractor merges
// spellings within an article), so the sum counts articles. Order is lost:
// rank the result afterwards.
void merge_actor_variants(std::vector<FacetValue>& values);

// The name merge_actor_variants() would count each of `values` under:
// spelling -> its merged value's name (for a cross-tab's actor axis).
std::unordered_map<std::string, std::string> actor_variant_names(
    const std::vector<FacetValue>& values);

// The filter for the actor whose filter term is `term` (the actor prefix
// and an actor_key): that term or any other of the database's actor terms
// with the same variant key.
Xapian::Query actor_variants_query(const Xapian::Database& db,
                                   const std::string& term);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_ACTOR_VARIANTS_H_
