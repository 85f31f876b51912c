// The --json output of a search (see README "JSON output"): a line per
// hit, the facets when asked for, and a summary.
#ifndef NEWSDEX_SEARCHER_JSON_OUTPUT_H_
#define NEWSDEX_SEARCHER_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "searcher/rendering.h"
#include "searcher/search.h"

namespace newsdex {

// Version of the --json schema; it only ever grows.
inline constexpr int kJsonFormatVersion = 1;

// The JSON objects of the --json output (see README "JSON output").
nlohmann::json hit_to_json(const Hit& hit, HighlightMode mode);
nlohmann::json facets_to_json(const std::vector<FacetResult>& facets);
nlohmann::json summary_to_json(const SearchRequest& request,
                               const SearchResponse& response);

// Writes the JSON Lines for a response: the hits, the facets (when asked
// for), and the summary; only the summary when `count_only`. Each line
// also gets the top-level fields of `tag` (batch mode's "query_line").
void write_json_lines(const SearchRequest& request,
                      const SearchResponse& response, HighlightMode mode,
                      std::ostream& out,
                      const nlohmann::json& tag = nlohmann::json::object(),
                      bool count_only = false);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_JSON_OUTPUT_H_
