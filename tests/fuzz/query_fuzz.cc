// libFuzzer target: the query front end, the whole search on a small
// database: query text through the tokeniser and newsdex's parser
// (synonyms and aliases, wildcards, field processors), matching, --explain,
// snippets and facets
// (scripts/fuzz query SECONDS).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_db.h"
#include "searcher/search.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static newsdex::Searcher searcher(newsdex::fuzz::seed_database());
  newsdex::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  request.today = std::chrono::sys_days{std::chrono::year{2025} / 7 / 16};
  request.facets = newsdex::default_facets();
  request.explain = size % 2 == 0;
  searcher.search(request);
  return 0;
}
