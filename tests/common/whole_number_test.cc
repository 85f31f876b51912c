// Tests for common/whole_number.cc: the one check of whole-number options.
#include "common/whole_number.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("whole numbers within bounds, as JSON numbers or their text") {
  struct Row {
    nlohmann::json value;
    std::optional<std::uint64_t> expect;
  };
  const Row rows[] = {
      {"1", 1},
      {"256", 256},
      {8, 8},
      {"0", std::nullopt},  // below the minimum
      {"257", std::nullopt},
      {"-1", std::nullopt},
      {-1, std::nullopt},
      {"18446744073709551615", std::nullopt},
      {"99999999999999999999999", std::nullopt},
      {1.5, std::nullopt},
      {"1.5", std::nullopt},
      {"+2", std::nullopt},
      {" 2", std::nullopt},
      {"2 ", std::nullopt},
      {"0x10", std::nullopt},
      {"", std::nullopt},
      {true, std::nullopt},
      {nullptr, std::nullopt},
  };
  for (const Row& row : rows) {
    CAPTURE(row.value.dump());
    std::string error;
    auto n = parse_whole_number("jobs", row.value, 1, 256, error);
    CHECK(n == row.expect);
    CHECK(error.empty() == row.expect.has_value());
  }
  std::string error;
  CHECK_FALSE(parse_whole_number("jobs", "-1", 1, 256, error));
  CHECK(error ==
        "invalid value '-1' for --jobs; needs a whole number from 1 to 256");
}

}  // namespace newsdex
