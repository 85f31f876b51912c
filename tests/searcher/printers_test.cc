// Tests for searcher/printers.cc: each --format's printer writes its own
// format, whatever the mode.
#include "searcher/printers.h"

#include <doctest/doctest.h>

#include <sstream>

namespace newsdex {
namespace {

SearchResponse one_hit() {
  SearchResponse response;
  response.total = 1;
  Hit hit;
  hit.rank = 1;
  hit.article.id = "a.txt";
  hit.article.title = "Peace talks";
  hit.article.source = "AnewZ";
  hit.title.spans = {{"Peace talks", false}};
  response.hits.push_back(hit);
  response.facets = {FacetResult{"source", "", {{"AnewZ", 1, ""}}, 0, 0}};
  return response;
}

std::string print(OutputFormat format, const SearchRequest& request,
                  bool count_only = false) {
  std::ostringstream out;
  make_printer(format, {})->response(request, one_hit(), count_only, out);
  return out.str();
}

}  // namespace

TEST_CASE("a printer per format: text, JSON Lines, CSV hits or facets") {
  SearchRequest request;
  CHECK(print(OutputFormat::kText, request).find("1. Peace talks\n") == 0);
  CHECK(print(OutputFormat::kJson, request).find("{\"data\":{") == 0);
  CHECK(print(OutputFormat::kCsv, request).find("rank,id,") == 0);
  request.facets = {{"source", DateGranularity::kDay}};
  CHECK(print(OutputFormat::kCsv, request).find("facet,value,by,count\r\n") ==
        0);
  // Only the count: a number, or the JSON summary alone.
  CHECK(print(OutputFormat::kText, request, true) == "1\n");
  CHECK(print(OutputFormat::kCsv, request, true) == "1\n");
  std::string json = print(OutputFormat::kJson, request, true);
  CHECK(nlohmann::json::parse(json)["type"] == "summary");
}

TEST_CASE("articles and dropped blocks: text for text and CSV, else JSON") {
  StoredArticle a;
  a.id = "page.txt";
  a.title = "Talks";
  a.text = "Delegations met.";
  a.dropped = nlohmann::json::array({{{"kind", "prompt"}, {"text", "Share"}}});
  a.dropped_chars = 5;
  for (OutputFormat format : {OutputFormat::kText, OutputFormat::kCsv}) {
    auto printer = make_printer(format, {});
    std::ostringstream out;
    printer->article(a, true, out);
    printer->article(a, false, out);  // a blank line before the second
    CHECK(out.str().find("\n\n") != std::string::npos);
    CHECK(out.str().find("Delegations met.") != std::string::npos);
    std::ostringstream dropped;
    printer->dropped(a, dropped);
    CHECK(dropped.str() ==
          "page.txt: 1 blocks, 5 bytes dropped\n"
          "[prompt] Share\n");
  }
  auto json = make_printer(OutputFormat::kJson, {});
  std::ostringstream out;
  json->article(a, false, out);
  auto article = nlohmann::json::parse(out.str());
  CHECK(article["type"] == "article");
  CHECK(article["data"]["text"] == "Delegations met.");
  std::ostringstream dropped;
  json->dropped(a, dropped);
  auto d = nlohmann::json::parse(dropped.str());
  CHECK(d["type"] == "dropped");
  CHECK(d["data"]["dropped_chars"] == 5);
  CHECK(d["data"]["blocks"][0]["kind"] == "prompt");
}

}  // namespace newsdex
