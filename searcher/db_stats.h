// A summary of a newsdex database: size, dates, sources, last update.
#ifndef NEWSDEX_SEARCHER_DB_STATS_H_
#define NEWSDEX_SEARCHER_DB_STATS_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "searcher/facets.h"

namespace newsdex {

struct DatabaseStats {
  std::size_t documents = 0;
  std::size_t undated = 0;  // documents without a date
  std::string first_date;   // "YYYY[-MM[-DD]]", "" when none dated
  std::string last_date;
  std::vector<FacetValue> sources;  // documents per source, largest first
  std::vector<FacetValue> actors;   // documents per actor, largest first
  std::string language;
  std::string schema_version;
  std::string last_update;         // ISO 8601 UTC, "" when unknown
  std::uintmax_t index_bytes = 0;  // on disk (0 when not on local disk)
  // Every field: built-in, then declared (newsdex-index --field).
  std::vector<FieldSpec> fields;
};

// Collects the statistics of `db`; `path` is where it lives on disk (a
// folder or a stub file) for the size, or "" to skip that.
DatabaseStats collect_stats(const Xapian::Database& db,
                            const std::string& path);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_DB_STATS_H_
