// Tests for searcher/json_output.cc: the --json schema of hits, facets and
// the summary.
#include "searcher/json_output.h"

#include <doctest/doctest.h>

#include <sstream>

#include "searcher/text_output.h"
#include "test_support.h"

namespace newsdex {

namespace {

using test::fragment;

}  // namespace

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

}  // namespace newsdex
