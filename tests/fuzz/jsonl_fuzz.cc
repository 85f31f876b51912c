// libFuzzer target: one JSON Lines record, as the reader parses and checks
// it (scripts/fuzz jsonl SECONDS).
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/jsonl_reader.h"
#include "indexer/record_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  newsdex::Article article;
  std::string date_warning;
  if (newsdex::parse_jsonl_record(line, article, date_warning).empty()) {
    newsdex::finish_article(article);
  }
  return 0;
}
