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

TEST_CASE("every error line of a batch keeps its line's id") {
  // Issue #15: error lines lost their query_id.
  auto lines =
      run_lines(R"({"bogus": 1, "id": "unknown-first"})"
                "\n"
                R"({"id": "unknown-last", "q": "talks", "zzz": true})"
                "\n"
                "{\"id\": \"bad-utf8\", \"q\": \"caf\xff\"}\n"
                "{\"id\": \"bad-utf8-source\", \"source\": \"SBS\xc3\"}\n"
                "{\"id\": \"caf\xe9\", \"q\": \"talks\"}\n"
                R"({"id": "bad-query", "q": "talks AND"})"
                "\n"
                R"({"id": "no-such-like", "like": "nothing"})"
                "\n");
  REQUIRE(lines.size() == 8);
  const char* ids[] = {"unknown-first",   "unknown-last",    "bad-utf8",
                       "bad-utf8-source", "caf\xEF\xBF\xBD", "bad-query",
                       "no-such-like"};
  for (std::size_t i = 0; i < 7; ++i) {
    CAPTURE(i);
    CHECK(lines[i]["type"] == "error");
    CHECK(lines[i]["query_line"] == i + 1);
    CHECK(lines[i]["query_id"] == ids[i]);
  }
  CHECK(lines[0]["data"]["message"] == "unknown option 'bogus'");
  CHECK(lines[2]["data"]["message"] == "invalid UTF-8 at byte 28");
  CHECK(lines[7]["data"]["errors"] == 7);
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

TEST_CASE("a batch reopens a database updated under it and goes on") {
  auto dir = test::scratch_dir("batch_reopen");
  std::string path = (dir / "db").string();
  auto write_round = [&](int round) {
    std::vector<Article> articles;
    for (int i = 0; i < 200; ++i) {
      articles.push_back(test::make_article(
          std::to_string(i), "Ceasefire talks round " + std::to_string(round),
          "Talks in Istanbul, version " + std::to_string(round) + " of " +
              std::to_string(i) + ".",
          "SBS News", "2025-05-16"));
    }
    test::index_at(path, test::index_options(articles));
  };
  write_round(0);
  Searcher searcher(path);
  // Every article rewritten in several commits: the revision the searcher
  // opened is gone, and Xapian throws DatabaseModifiedError on reading it.
  for (int round = 1; round <= 4; ++round) write_round(round);
  std::istringstream in("talks\n{\"q\": \"istanbul\", \"facets\": true}\n");
  std::ostringstream out;
  BatchSummary summary =
      run_batch(searcher, SearchRequest{}, BatchOptions{}, in, out);
  CAPTURE(out.str());
  CHECK(summary.errors == 0);
  CHECK(summary.queries == 2);
  CHECK(out.str().find("round 4") != std::string::npos);  // the latest data
}

}  // namespace newsdex
