#include "searcher/actor_variants.h"

#include <map>
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

}  // namespace

void merge_actor_variants(std::vector<FacetValue>& values) {
  auto& cache = variant_cache();
  // Variant key -> index of its group in `values`, one map per type.
  std::unordered_map<std::string_view, std::size_t> groups[2];
  groups[0].reserve(values.size());
  std::vector<std::size_t> best;  // count of the spelling naming a group
  std::size_t kept = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    FacetValue& v = values[i];
    auto& by_key = groups[v.type == "org" ? 1 : 0];
    auto [it, fresh] =
        by_key.try_emplace(cached_variant_key(cache, v.value), kept);
    if (fresh) {
      best.push_back(v.count);
      if (kept != i) values[kept] = std::move(v);
      ++kept;
      continue;
    }
    FacetValue& m = values[it->second];
    std::size_t& top = best[it->second];
    if (v.count > top || (v.count == top && v.value < m.value)) {
      top = v.count;
      m.value = std::move(v.value);
    }
    m.count += v.count;
  }
  values.resize(kept);
}

std::unordered_map<std::string, std::string> actor_variant_names(
    const std::vector<FacetValue>& values) {
  auto& cache = variant_cache();
  // As merge_actor_variants: one group per type and variant key, named by
  // its most frequent spelling (ties: the first in byte order).
  std::map<std::pair<bool, std::string>, std::size_t> groups;
  std::vector<const FacetValue*> name_of;
  std::vector<std::size_t> group(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const FacetValue& v = values[i];
    auto [it, fresh] = groups.try_emplace(
        {v.type == "org", cached_variant_key(cache, v.value)}, name_of.size());
    if (fresh) {
      name_of.push_back(&v);
    } else {
      const FacetValue*& best = name_of[it->second];
      if (v.count > best->count ||
          (v.count == best->count && v.value < best->value)) {
        best = &v;
      }
    }
    group[i] = it->second;
  }
  std::unordered_map<std::string, std::string> names;
  for (std::size_t i = 0; i < values.size(); ++i) {
    names.emplace(values[i].value, name_of[group[i]]->value);
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
