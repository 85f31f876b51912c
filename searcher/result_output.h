// Output formats for search results: JSON Lines for scripts, and a
// readable block per hit for a person at a terminal.
#ifndef NEWSDEX_SEARCHER_RESULT_OUTPUT_H_
#define NEWSDEX_SEARCHER_RESULT_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/db_stats.h"
#include "searcher/search.h"
#include "searcher/snippet.h"

namespace newsdex {

// Version of the --json schema; it only ever grows.
inline constexpr int kJsonFormatVersion = 1;

enum class HighlightMode { kAnsi, kMarkers, kHtml, kNone };

// One escaping function per output format (JSON is escaped by
// nlohmann::json):
// HTML: & < > " ' as character references, for text and attribute values.
std::string html_text(std::string_view text);
// A terminal: control characters an article may carry (ESC, BEL, ...,
// DEL) shown in caret notation ("^[", "^G", "^?") instead of obeyed, tab,
// line feed and carriage return as a space, C1 controls (U+0080-U+009F) as
// U+FFFD.
std::string terminal_text(std::string_view text);
// `url` when it is an http: or https: URL, safe as a link target; else ""
// (javascript:, data:, relative and other URLs are shown, never linked).
std::string web_link_url(std::string_view url);

// Renders fragments as one string: highlighted words in ANSI bold colour,
// between "**" markers, in <b> elements (everything HTML-escaped), or
// plain; fragments are joined and cut ends shown with "…".
std::string render_fragments(const std::vector<Fragment>& fragments,
                             HighlightMode mode);

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

// The database summary of --stats: one {"type":"stats"} JSON line, or a
// short table. `size` limits the sources listed (0 for all).
void write_stats_json(const DatabaseStats& stats, std::size_t size,
                      std::ostream& out);

struct HumanStyle {
  bool color = false;
  HighlightMode highlight = HighlightMode::kMarkers;
  std::size_t width = 80;  // wrap snippets to this many columns
};

// Writes a block per hit (rank, title, source, date, id, snippet), facets
// as compact tables, and a one-line summary. Every text from the database
// goes through terminal_text(), and with HighlightMode::kHtml through
// html_text() too; the URL is a link only when web_link_url() allows.
void write_human(const SearchRequest& request, const SearchResponse& response,
                 const HumanStyle& style, std::ostream& out);

void write_stats_human(const DatabaseStats& stats, std::size_t size,
                       const HumanStyle& style, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_RESULT_OUTPUT_H_
