// libFuzzer target: the date parser, absolute and relative
// (scripts/fuzz date SECONDS).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/date_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::chrono::sys_days today{std::chrono::year{2025} / 7 / 16};
  if (auto date = newsdex::parse_date(text)) {
    newsdex::date_lower_bound(*date);
    newsdex::date_upper_bound(*date);
    newsdex::implausible_date_reason(*date, today);
    newsdex::date_key_to_iso(date->key());
  }
  newsdex::parse_date_period(text, today);
  return 0;
}
