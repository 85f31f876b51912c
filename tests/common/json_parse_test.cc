// Tests for common/json_parse.cc: bounded JSON parsing.
#include "common/json_parse.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("JSON within the depth limit parses, deeper is an error value") {
  std::string error;
  auto ok = parse_json_text(R"({"a": [1, {"b": [2]}]})", error);
  REQUIRE(ok);
  CHECK((*ok)["a"][1]["b"][0] == 2);
  CHECK(error.empty());

  std::string at_limit =
      std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  CHECK(parse_json_text(at_limit, error));
  std::string over = "[" + at_limit + "]";
  CHECK_FALSE(parse_json_text(over, error));
  CHECK(error ==
        "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");

  // Many brackets side by side are not deep.
  std::string wide = "[";
  for (int i = 0; i < 5000; ++i) wide += i ? ",[]" : "[]";
  wide += "]";
  CHECK(parse_json_text(wide, error));

  CHECK_FALSE(parse_json_text(std::string(200000, '['), error));
  CHECK(error.find("nested deeper") != std::string::npos);
}

TEST_CASE("syntax errors and out-of-range numbers are error values") {
  std::string error;
  CHECK_FALSE(parse_json_text(R"({"a": )", error));
  CHECK(error.find("JSON syntax error: ") == 0);
  CHECK_FALSE(parse_json_text(R"({"n": 1e400})", error));
  CHECK(error.find("1e400") != std::string::npos);
  CHECK_FALSE(parse_json_text(std::string("{\"a\":\"x\0y\"}", 11), error));
  CHECK(error.find("JSON syntax error") == 0);
}

}  // namespace newsdex
