// Tests for searcher/result_output.cc: highlight modes and the JSON schema.
#include "searcher/result_output.h"

#include <doctest/doctest.h>

#include <sstream>

namespace newsdex {

namespace {

Fragment fragment(std::vector<TextSpan> spans, bool before = false,
                  bool after = false) {
  Fragment f;
  f.spans = std::move(spans);
  f.cut_before = before;
  f.cut_after = after;
  return f;
}

}  // namespace

TEST_CASE("fragments render in each highlight mode") {
  std::vector<Fragment> f{
      fragment({{"a <b> & ", false}, {"talks", true}}, true, false)};
  CHECK(render_fragments(f, HighlightMode::kMarkers) == "…a <b> & **talks**");
  CHECK(render_fragments(f, HighlightMode::kNone) == "…a <b> & talks");
  CHECK(render_fragments(f, HighlightMode::kHtml) ==
        "…a &lt;b&gt; &amp; <b>talks</b>");
  CHECK(render_fragments(f, HighlightMode::kAnsi) ==
        "…a <b> & \033[1;31mtalks\033[0m");
}

TEST_CASE("two passages are joined by one ellipsis") {
  std::vector<Fragment> f{fragment({{"one", false}}, false, true),
                          fragment({{"two", false}}, true, true)};
  CHECK(render_fragments(f, HighlightMode::kNone) == "one … two…");
}

TEST_CASE("a hit's JSON carries the documented fields") {
  Hit hit;
  hit.rank = 3;
  hit.score = 1.234567;
  hit.article.id = "a.txt";
  hit.article.title = "Peace talks";
  hit.article.source = "AnewZ";
  // Published at 22:00 in New York: that day, and the instant in UTC.
  hit.article.date_iso = "2025-06-02";
  hit.article.datetime_iso = "2025-06-03T03:00:00Z";
  hit.title = fragment({{"Peace ", false}, {"talks", true}});
  hit.snippet = {fragment({{"talks", true}, {" began", false}})};
  nlohmann::json j = hit_to_json(hit, HighlightMode::kMarkers);
  CHECK(j["id"] == "a.txt");
  CHECK(j["rank"] == 3);
  CHECK(j["score"].get<double>() == doctest::Approx(1.2346));
  CHECK(j["title"] == "Peace talks");
  CHECK(j["title_highlighted"] == "Peace **talks**");
  CHECK(j["source"] == "AnewZ");
  CHECK(j["date"] == "2025-06-02");
  CHECK(j["datetime"] == "2025-06-03T03:00:00Z");
  CHECK(j["url"].is_null());
  CHECK(j["snippet"] == "**talks** began");
}

TEST_CASE("a hit without a headline: its display title, the title as given") {
  Hit hit;
  hit.rank = 1;
  hit.article.id = "ruwa-02684";
  hit.article.text = "The EU said it would send weapons.";
  hit.display_title = "The EU said it would send weapons.";
  hit.title = fragment(
      {{"The EU said it would send ", false}, {"weapons", true}, {".", false}});
  nlohmann::json j = hit_to_json(hit, HighlightMode::kMarkers);
  CHECK(j["title"] == "");  // none was given
  CHECK(j["title_highlighted"] == "");
  CHECK(j["display_title"] == "The EU said it would send weapons.");
  SearchRequest request;
  SearchResponse response;
  response.total = 1;
  response.hits.push_back(hit);
  std::ostringstream out;
  write_human(request, response, {false, HighlightMode::kMarkers, 80}, out);
  CHECK(out.str().find("1. The EU said it would send **weapons**.\n") == 0);
  // With a title, the display title is the title.
  hit.article.title = hit.display_title = "Weapons";
  hit.title = fragment({{"Weapons", true}});
  j = hit_to_json(hit, HighlightMode::kMarkers);
  CHECK(j["title"] == "Weapons");
  CHECK(j["title_highlighted"] == "**Weapons**");
  CHECK(j["display_title"] == "Weapons");
}

TEST_CASE("JSON Lines: hits, facets when asked, then the summary") {
  SearchRequest request;
  request.query = "talks";
  request.facets = {{"source", DateGranularity::kDay}};
  SearchResponse response;
  response.total = 7;
  response.hits.resize(2);
  response.facets = {FacetResult{"source", "", {{"AnewZ", 5, ""}}, 0, 2}};
  std::ostringstream out;
  write_json_lines(request, response, HighlightMode::kNone, out);
  std::istringstream in(out.str());
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(nlohmann::json::parse(line));
  }
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["type"] == "hit");
  CHECK(lines[2]["type"] == "facets");
  CHECK(lines[2]["data"]["source"][0]["value"] == "AnewZ");
  CHECK(lines[2]["data"]["source"][1]["value"] == "unknown");
  CHECK(lines[2]["data"]["source"][1]["count"] == 2);
  CHECK(lines[3]["type"] == "summary");
  CHECK(lines[3]["data"]["total"] == 7);
  CHECK(lines[3]["data"]["returned"] == 2);
  CHECK(lines[3]["data"]["version"] == kJsonFormatVersion);
}

TEST_CASE("each facet asked for has its own key, dates by granularity") {
  // Issue #15: date:year and date:month both landed under "date".
  SearchRequest request;
  request.facets = {{"date", DateGranularity::kYear},
                    {"date", DateGranularity::kMonth},
                    {"source", DateGranularity::kDay}};
  SearchResponse response;
  response.total = 3;
  response.facets = {
      FacetResult{"date", "year", {{"2025", 3, ""}}, 0, 0},
      FacetResult{
          "date", "month", {{"2025-05", 1, ""}, {"2025-06", 2, ""}}, 0, 0},
      FacetResult{"source", "", {{"AnewZ", 3, ""}}, 0, 0}};
  nlohmann::json facets = facets_to_json(response.facets);
  CHECK(facets.size() == 3);
  CHECK(facets["date:year"] ==
        nlohmann::json::parse(R"([{"count":3,"value":"2025"}])"));
  CHECK(facets["date:month"].size() == 2);
  CHECK(facets["source"].size() == 1);
  CHECK_FALSE(facets.contains("date"));  // which one would it be?
  nlohmann::json summary = summary_to_json(request, response)["facets"];
  CHECK(summary.size() == 3);
  CHECK(summary["date:year"]["granularity"] == "year");
  CHECK(summary["date:month"]["granularity"] == "month");
  CHECK(summary["source"]["other"] == 0);

  // One date facet is also under "date", as before there were several.
  response.facets.erase(response.facets.begin());
  facets = facets_to_json(response.facets);
  CHECK(facets["date:month"].size() == 2);
  CHECK(facets["date"] == facets["date:month"]);
  summary = summary_to_json(request, response)["facets"];
  CHECK(summary["date"] == summary["date:month"]);
}

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

TEST_CASE("the escaping functions") {
  CHECK(html_text("<a href='x'>&\"") ==
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  CHECK(terminal_text("a\x1b[1mb\x07"
                      "c\td\x7f") == "a^[[1mb^Gc d^?");
  CHECK(terminal_text("\xc2\x85"
                      "x\xc3\xa9") ==
        "\xef\xbf\xbd"
        "x\xc3\xa9");
  CHECK(web_link_url("https://a.org/x") == "https://a.org/x");
  CHECK(web_link_url("HTTP://a.org") == "HTTP://a.org");
  CHECK(web_link_url(" javascript:alert(1)").empty());
  CHECK(web_link_url("JaVaScRiPt:alert(1)").empty());
  CHECK(web_link_url("data:text/html,x").empty());
  CHECK(web_link_url("//evil.org").empty());
}

}  // namespace newsdex
