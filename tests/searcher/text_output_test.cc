// Tests for searcher/text_output.cc: hits, facets and the summary line for a
// person, wrapped and escaped.
#include "searcher/text_output.h"

#include <doctest/doctest.h>

#include <sstream>

#include "searcher/json_output.h"
#include "test_support.h"

namespace newsdex {

namespace {

using test::fragment;

}  // namespace

TEST_CASE("human output wraps to the width and ends with a summary line") {
  SearchRequest request;
  SearchResponse response;
  response.total = 1;
  Hit hit;
  hit.rank = 1;
  hit.article.id = "a.txt";
  hit.article.title = "Title";
  hit.article.source = "AnewZ";
  hit.title = fragment({{"Title", false}});
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "word ";
  hit.snippet = {fragment({{long_text, false}})};
  response.hits.push_back(hit);
  std::ostringstream out;
  write_human(request, response, {false, HighlightMode::kMarkers, 40}, out);
  std::istringstream in(out.str());
  std::string line, last;
  while (std::getline(in, line)) {
    CHECK(line.size() <= 40);
    if (!line.empty()) last = line;
  }
  CHECK(out.str().find("1. Title\n") == 0);
  CHECK(last.find("1 match, showing 1-1") == 0);
  CHECK(out.str().find("\033[") == std::string::npos);  // no colour
}

TEST_CASE("human output: a facet with nothing to count says so") {
  // Issue #15: with no matches, "source:" was followed by a blank line.
  SearchRequest request;
  request.facets = {{"source", DateGranularity::kDay},
                    {"date", DateGranularity::kMonth}};
  SearchResponse response;
  response.facets = {FacetResult{"source", "", {}, 0, 0},
                     FacetResult{"date", "month", {}, 0, 0}};
  std::ostringstream out;
  write_human(request, response, {false, HighlightMode::kMarkers, 80}, out);
  CHECK(out.str().find("source: (none)\ndate by month: (none)\n\n0 matches") ==
        0);
  // A facet with values keeps its list on the next line.
  response.total = 2;
  response.facets = {FacetResult{"source", "", {{"AnewZ", 1, ""}}, 0, 1}};
  out.str("");
  write_human(request, response, {false, HighlightMode::kMarkers, 80}, out);
  CHECK(out.str().find("source:\n  AnewZ 1 \xC2\xB7 unknown 1\n") == 0);
}

TEST_CASE("human output: a cross-tab is a table with totals") {
  SearchRequest request;
  SearchResponse response;
  response.total = 3;
  CrossTab t;
  t.by = "date";
  t.by_granularity = "month";
  t.rows = {"AnewZ", "BBC"};
  t.columns = {"2025-05", "2025-06"};
  t.counts = {{1, 10}, {0, 2}};
  t.row_totals = {11, 2};
  t.column_totals = {1, 12};
  t.total = 13;
  response.facets = {FacetResult{"source", "", {}, 0, 0, t}};
  std::ostringstream out;
  write_human(request, response, {false, HighlightMode::kMarkers, 80}, out);
  std::string text = out.str();
  CHECK(text.substr(0, text.find("3 matches")) ==
        "source \xC3\x97 date by month:\n"
        "  source \\ date  2025-05  2025-06  total\n"
        "  AnewZ                1       10     11\n"
        "  BBC                  0        2      2\n"
        "  total                1       12     13\n\n");
}

TEST_CASE("the summary says how the query's words were joined") {
  struct Row {
    MatchMode asked, applied;
    std::size_t words;
    const char* json;   // summary "match"
    const char* human;  // the human summary line
  };
  const Row rows[] = {
      {MatchMode::kAuto, MatchMode::kAny, 7, "any (7 words)",
       "0 matches (0.0 ms; any of 7 words)\n"},
      {MatchMode::kAuto, MatchMode::kAll, 2, "all (2 words)",
       "0 matches (0.0 ms; all 2 words)\n"},
      {MatchMode::kAuto, MatchMode::kAll, 1, "all (1 word)",
       "0 matches (0.0 ms)\n"},
      {MatchMode::kAuto, MatchMode::kAll, 0, "all (0 words)",
       "0 matches (0.0 ms)\n"},
      {MatchMode::kAny, MatchMode::kAny, 2, "any",
       "0 matches (0.0 ms; any of 2 words, --match any)\n"},
      {MatchMode::kAll, MatchMode::kAll, 5, "all",
       "0 matches (0.0 ms; all 5 words, --match all)\n"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.json);
    SearchRequest request;
    request.match = row.asked;
    SearchResponse response;
    response.match = row.applied;
    response.match_words = row.words;
    std::ostringstream json;
    write_json_lines(request, response, HighlightMode::kMarkers, json);
    auto summary = nlohmann::json::parse(json.str());
    CHECK(summary["data"]["match"] == row.json);
    std::ostringstream human;
    write_human(request, response, {false, HighlightMode::kMarkers, 80}, human);
    CHECK(human.str() == row.human);
  }
}

namespace {

// A hit whose every field carries markup, quotes and terminal controls.
SearchResponse hostile_response() {
  SearchResponse response;
  response.total = 1;
  Hit hit;
  hit.rank = 1;
  hit.article.id =
      "evil\x1b]0;pwned\x07"
      ".txt";
  hit.article.title = "Title";
  hit.article.source = "Evil <b>News</b>";
  hit.article.url = "javascript:alert('x')";
  hit.article.actors = {Actor{"O'Brien \x1b[31mRed", ActorType::kPerson}};
  hit.title = fragment({{"It's <i>\x1b[2J", false}, {"talks", true}});
  hit.snippet = {
      fragment({{"a\x1b]0;title\x07"
                 "b \xc2\x9b"
                 "31m",
                 false}})};
  response.hits.push_back(hit);
  response.facets = {
      FacetResult{"source", "", {{"Bad\x1b[5m <s>", 1, ""}}, 0, 0}};
  return response;
}

}  // namespace

TEST_CASE("HTML output escapes every field and links only web URLs") {
  SearchRequest request;
  std::ostringstream out;
  write_human(request, hostile_response(), {false, HighlightMode::kHtml, 200},
              out);
  const std::string text = out.str();
  CAPTURE(text);
  CHECK(text.find("Evil &lt;b&gt;News&lt;/b&gt;") != std::string::npos);
  CHECK(text.find("<b>News") == std::string::npos);
  CHECK(text.find("It&#39;s &lt;i&gt;") != std::string::npos);
  CHECK(text.find("O&#39;Brien") != std::string::npos);
  CHECK(text.find("&lt;s&gt;") != std::string::npos);
  CHECK(text.find("href") == std::string::npos);  // javascript: is no link
  CHECK(text.find("'") == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);

  SearchResponse web = hostile_response();
  web.hits[0].article.url = "https://example.org/a?b=1&c=\"2\"";
  std::ostringstream linked;
  write_human(request, web, {false, HighlightMode::kHtml, 200}, linked);
  CHECK(linked.str().find("<a href=\"https://example.org/a?b=1&amp;c=&quot;2"
                          "&quot;\">") != std::string::npos);
}

TEST_CASE("terminal output shows no control characters from articles") {
  SearchRequest request;
  for (HighlightMode mode :
       {HighlightMode::kMarkers, HighlightMode::kNone, HighlightMode::kAnsi}) {
    std::ostringstream out;
    write_human(request, hostile_response(), {false, mode, 200}, out);
    std::string text = out.str();
    CAPTURE(text);
    if (mode == HighlightMode::kAnsi) {
      // Only the highlight's own colour codes remain.
      for (auto at = text.find("\033[1;31m"); at != std::string::npos;
           at = text.find("\033[1;31m")) {
        text.erase(at, 7);
      }
      for (auto at = text.find("\033[0m"); at != std::string::npos;
           at = text.find("\033[0m")) {
        text.erase(at, 4);
      }
    }
    for (char c : text) {
      auto u = static_cast<unsigned char>(c);
      CHECK((u >= 0x20 || c == '\n'));
      CHECK(u != 0x7f);
    }
    CHECK(text.find("\xc2\x9b") == std::string::npos);  // C1 CSI
    CHECK(text.find("^[[31m") != std::string::npos);    // shown, not obeyed
  }
}

}  // namespace newsdex
