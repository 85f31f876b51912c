#include "searcher/actor_variants.h"

#include <unordered_map>
#include <utility>

#include "common/actors.h"
#include "common/schema.h"

namespace newsdex {
namespace {

// actor_variant_key folds Unicode: asked of every facet value and actor
// term on every query, it is remembered (per thread, bounded; emptied only
// between calls, so references stay valid within one).
std::unordered_map<std::string, std::string>& variant_cache() {
  thread_local std::unordered_map<std::string, std::string> cache;
  if (cache.size() > 1'000'000) cache.clear();
  return cache;
}

const std::string& cached_variant_key(
    std::unordered_map<std::string, std::string>& cache,
    const std::string& name) {
  auto it = cache.find(name);
  if (it == cache.end())
    it = cache.emplace(name, actor_variant_key(name)).first;
  return it->second;
}

// The spellings of one name: values of one type sharing a variant key.
// group[i] is value i's group; namer[g] the value that names group g, its
// most frequent spelling (ties: the first in byte order). Groups are
// numbered in order of their first value.
struct VariantGroups {
  std::vector<std::size_t> group;
  std::vector<std::size_t> namer;
};

VariantGroups group_variants(const std::vector<FacetValue>& values) {
  auto& cache = variant_cache();
  // Variant key -> group, one map per type.
  std::unordered_map<std::string_view, std::size_t> by_key[2];
  by_key[0].reserve(values.size());
  VariantGroups g;
  g.group.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const FacetValue& v = values[i];
    auto [it, fresh] = by_key[v.type == "org" ? 1 : 0].try_emplace(
        cached_variant_key(cache, v.value), g.namer.size());
    if (fresh) {
      g.namer.push_back(i);
    } else {
      const FacetValue& best = values[g.namer[it->second]];
      if (names_variant_group(v.count, v.value, best.count, best.value)) {
        g.namer[it->second] = i;
      }
    }
    g.group.push_back(it->second);
  }
  return g;
}

}  // namespace

void merge_actor_variants(std::vector<FacetValue>& values) {
  VariantGroups g = group_variants(values);
  std::vector<FacetValue> merged(g.namer.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    merged[g.group[i]].count += values[i].count;
  }
  for (std::size_t k = 0; k < g.namer.size(); ++k) {
    FacetValue& namer = values[g.namer[k]];
    merged[k].value = std::move(namer.value);
    merged[k].type = std::move(namer.type);
  }
  values = std::move(merged);
}

std::unordered_map<std::string, std::string> actor_variant_names(
    const std::vector<FacetValue>& values) {
  VariantGroups g = group_variants(values);
  std::unordered_map<std::string, std::string> names;
  for (std::size_t i = 0; i < values.size(); ++i) {
    names.emplace(values[i].value, values[g.namer[g.group[i]]].value);
  }
  return names;
}

Xapian::Query actor_variants_query(const Xapian::Database& db,
                                   const std::string& term) {
  const std::string prefix(schema::kActorPrefix);
  if (term.compare(0, prefix.size(), prefix) != 0) return Xapian::Query(term);
  auto& cache = variant_cache();
  const std::string want =
      cached_variant_key(cache, term.substr(prefix.size()));
  std::vector<Xapian::Query> terms{Xapian::Query(term)};
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix);
       ++it) {
    const std::string& other = *it;
    if (other != term &&
        cached_variant_key(cache, other.substr(prefix.size())) == want) {
      terms.emplace_back(other);
    }
  }
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace newsdex
