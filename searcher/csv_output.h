// CSV output (newsdex-search --format csv): RFC 4180, so a spreadsheet or
// Python's csv module reads back exactly what was written.
#ifndef NEWSDEX_SEARCHER_CSV_OUTPUT_H_
#define NEWSDEX_SEARCHER_CSV_OUTPUT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/search.h"

namespace newsdex {

// One field as RFC 4180 writes it: as it is, or between double quotes
// (with each double quote doubled) when it holds a comma, a double quote,
// a line break or starts or ends with a space.
std::string csv_field(std::string_view value);

// One record: the fields joined by commas, ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// The hits: a header line, then rank, id, date, source, title, url,
// actors and authors (each joined by "; "), score.
void write_hits_csv(const SearchResponse& response, std::ostream& out);

// The facets, one table in long form: facet, value, by, count. A one-way
// facet's rows have an empty `by` ("unknown" and "(other)" rows as the
// text output has them); a cross-tabulation has a row per pair of values.
void write_facets_csv(const SearchResponse& response, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_CSV_OUTPUT_H_
