// libFuzzer target: the page cleaner on a saved page and on a record's
// text (scripts/fuzz page_cleaner SECONDS).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/page_cleaner.h"
#include "common/text_utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The indexer cleans only valid UTF-8 (bad pages are skipped before).
  if (newsdex::find_invalid_utf8(text) != std::string_view::npos) return 0;
  newsdex::clean_page(text);
  newsdex::clean_record(text);
  newsdex::first_sentence(text);
  return 0;
}
