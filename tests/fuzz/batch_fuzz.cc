// libFuzzer target: batch lines (plain text or JSON objects with options)
// through run_batch on a small database (scripts/fuzz batch SECONDS).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz/fuzz_db.h"
#include "searcher/batch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static newsdex::Searcher searcher(newsdex::fuzz::seed_database());
  newsdex::SearchRequest defaults;
  defaults.today = std::chrono::sys_days{std::chrono::year{2025} / 7 / 16};
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  newsdex::run_batch(searcher, defaults, newsdex::BatchOptions{}, in, out);
  return 0;
}
