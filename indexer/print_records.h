// newsdex-index --print-records: the inputs read and prepared exactly as
// an indexing run prepares them (cleaning, page extraction, metadata,
// actors), printed as JSON Lines instead of written to a database.
#ifndef NEWSDEX_INDEXER_PRINT_RECORDS_H_
#define NEWSDEX_INDEXER_PRINT_RECORDS_H_

#include <atomic>
#include <ostream>

#include "indexer/index_run.h"

namespace newsdex {

// Reads every input of `options` through the indexing pipeline
// (run_pipeline(), indexer/index_pipeline.h) with the built-in tables,
// the user's --sources/--actors tables, --field declarations and
// --language (english when not given); no database is opened and
// `options.db_path` is not used. Each record goes to `out` in reading
// order as one line {"type":"record","data":{...}}: the object
// newsdex-search --show --json gives for the stored article
// (article_to_json()), plus "language" when the article has one. Bad
// records are counted and told to `reporter` as when indexing; the
// summary's added/updated count the records printed (an id given twice
// is printed twice and counted as updated). Throws IndexError on bad
// options or inputs.
IndexSummary print_records(const IndexOptions& options, IndexReporter& reporter,
                           const std::atomic<bool>& stop, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_PRINT_RECORDS_H_
