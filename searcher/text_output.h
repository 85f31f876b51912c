// The text output of a search, for a person at a terminal.
#ifndef NEWSDEX_SEARCHER_TEXT_OUTPUT_H_
#define NEWSDEX_SEARCHER_TEXT_OUTPUT_H_

#include <ostream>

#include "searcher/rendering.h"
#include "searcher/search.h"

namespace newsdex {

// Writes a block per hit (rank, title, source, date, id, snippet), facets
// as compact tables, and a one-line summary. Every text from the database
// goes through terminal_text(), and with HighlightMode::kHtml through
// html_text() too; the URL is a link only when web_link_url() allows.
void write_human(const SearchRequest& request, const SearchResponse& response,
                 const HumanStyle& style, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_TEXT_OUTPUT_H_
