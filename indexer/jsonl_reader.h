// Reads articles from JSON Lines (plain, gzip-compressed or standard input).
#ifndef NEWSDEX_INDEXER_JSONL_READER_H_
#define NEWSDEX_INDEXER_JSONL_READER_H_

#include <string>

#include "indexer/article_sink.h"
#include "indexer/line_reader.h"

namespace newsdex {

// Reads one article per line from `reader` and hands each to `sink`.
// `name` is the file name used in origins and in fallback ids: a record
// without "id" gets its "url", else "<name>:<line>". A line that is not a
// JSON object, or whose record is bad, goes to sink.bad_record(); blank
// lines are ignored. Throws std::runtime_error on a read error.
void read_jsonl(LineReader& reader, const std::string& name, ArticleSink& sink);

// Parses one JSON Lines record. Returns "" and fills `article` on success,
// else the reason the record is bad; `date_warning` as for
// apply_record_fields(). `from_page` (may be null) is set when the record
// carried its page in "html".
std::string parse_jsonl_record(const std::string& line, Article& article,
                               std::string& date_warning,
                               bool* from_page = nullptr);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_JSONL_READER_H_
