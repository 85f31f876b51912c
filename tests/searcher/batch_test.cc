// Tests for searcher/batch.cc on an in-memory database.
#include "searcher/batch.h"

#include <doctest/doctest.h>

#include <sstream>

#include "test_support.h"

namespace newsdex {
namespace {

std::vector<nlohmann::json> run_lines(const std::string& input) {
  Searcher searcher(test::make_db({
      test::make_article("1", "Ceasefire talks", "Talks in Istanbul.",
                         "SBS News", "2025-05-16"),
  }));
  std::istringstream in(input);
  std::ostringstream out;
  run_batch(searcher, SearchRequest{}, BatchOptions{}, in, out);
  std::vector<nlohmann::json> lines;
  std::istringstream text(out.str());
  for (std::string line; std::getline(text, line);) {
    lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

}  // namespace

TEST_CASE("a bad value in one batch line is that line's error, with its id") {
  auto lines = run_lines(
      R"({"q": "talks", "limit": "99999999999999999999999", "id": "big"})"
      "\n"
      R"({"facets": "colour", "id": "a1"})"
      "\n"
      R"({"q": "talks", "recent": "nan"})"
      "\n"
      "talks\n");
  REQUIRE(lines.size() >= 5);
  CHECK(lines[0]["type"] == "error");
  CHECK(lines[0]["query_id"] == "big");
  CHECK(lines[0]["data"]["message"].get<std::string>().find("--limit") !=
        std::string::npos);
  CHECK(lines[1]["type"] == "error");
  CHECK(lines[1]["query_id"] == "a1");  // "id" sorts after "facets"
  CHECK(lines[2]["type"] == "error");
  CHECK(lines[2]["query_line"] == 3);
  CHECK(lines[3]["type"] == "hit");
  CHECK(lines[3]["query_line"] == 4);
  const auto& summary = lines.back();
  CHECK(summary["type"] == "batch_summary");
  CHECK(summary["data"]["queries"] == 4);
  CHECK(summary["data"]["errors"] == 3);
}

TEST_CASE("a deeply nested batch line is an error line, not a crash") {
  auto lines = run_lines("{\"q\": " + std::string(100000, '[') +
                         "}\n{\"q\": \"talks\", \"id\": [[[[1]]]]}\n");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["type"] == "error");
  CHECK(lines[0]["data"]["message"].get<std::string>().find("nested deeper") !=
        std::string::npos);
  CHECK(lines[1]["type"] == "hit");
  CHECK(lines[1]["query_id"][0][0][0][0] == 1);
}

}  // namespace newsdex
