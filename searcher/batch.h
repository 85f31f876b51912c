// Batch mode: many searches over one open database, one query per input
// line, results as JSON Lines tagged with the query they answer.
#ifndef NEWSDEX_SEARCHER_BATCH_H_
#define NEWSDEX_SEARCHER_BATCH_H_

#include <istream>
#include <ostream>

#include "searcher/json_output.h"
#include "searcher/search.h"

namespace newsdex {

struct BatchSummary {
  std::size_t queries = 0;  // lines answered, errors included
  std::size_t errors = 0;
  double seconds = 0;
};

struct BatchOptions {
  HighlightMode highlight = HighlightMode::kMarkers;
  bool count_only = false;  // only the summary line per query
};

// Reads `in` line by line. A line is either plain query text or a JSON
// object with "q" and any search option under its long name ("since",
// "source", "facets", "limit", "sort", ...) plus an optional "id"; options
// not given come from `defaults`. Blank lines are skipped. For each query
// it writes the lines of write_json_lines(), each tagged with "query_line"
// (the 1-based input line) and "query_id" (when given); a query that
// cannot run gives one {"type":"error"} line instead. A query that meets
// Xapian::DatabaseModifiedError (a writer committed over what it read) is
// run again on the reopened database. Ends with one
// {"type":"batch_summary"} line.
// Runs the search; when a writer committed over the revision being read,
// moves to the latest revision and tries again (a few times), so that no
// query of a long-running reader fails because the index was updated.
SearchResponse search_latest(Searcher& searcher, const SearchRequest& request);

BatchSummary run_batch(Searcher& searcher, const SearchRequest& defaults,
                       const BatchOptions& options, std::istream& in,
                       std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_BATCH_H_
