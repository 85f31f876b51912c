// The database summary of newsdex-search --stats: one {"type":"stats"}
// JSON line, or a short table for a person.
#ifndef NEWSDEX_SEARCHER_STATS_OUTPUT_H_
#define NEWSDEX_SEARCHER_STATS_OUTPUT_H_

#include <cstddef>
#include <ostream>

#include "searcher/db_stats.h"
#include "searcher/rendering.h"

namespace newsdex {

// `size` limits the sources and actors listed (0 for all).
void write_stats_json(const DatabaseStats& stats, std::size_t size,
                      std::ostream& out);
void write_stats_human(const DatabaseStats& stats, std::size_t size,
                       const HumanStyle& style, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_STATS_OUTPUT_H_
