// Tests for searcher/http/api.cc: the JSON API on an in-memory database,
// without sockets.
#include "searcher/http/api.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace newsdex::http {
namespace {

const std::chrono::sys_days kToday{std::chrono::year{2025} / 7 / 16};

Searcher& news() {
  static Searcher s(test::make_db({
      test::make_article("a1", "Ceasefire talks in Istanbul",
                         "President Volodymyr Zelenskyy spoke about the "
                         "ceasefire talks.",
                         "AnewZ", "2025-06-02"),
      test::make_article("a2", "Talks resume",
                         "Vladimir Putin said the ceasefire talks would "
                         "resume.",
                         "SBS News", "2025-06-03"),
      test::make_article("a3", "<script>alert(1)</script>",
                         "Markets fell on the talks news.", "AnewZ",
                         "2025-07-01"),
  }));
  return s;
}

// Three articles with a declared `category` keyword field.
Searcher& categorised() {
  static Searcher s = [] {
    const char* categories[] = {"Politics", "Sport", "World"};
    std::vector<Article> articles;
    for (int i = 0; i < 3; ++i) {
      Article a = test::make_article("c" + std::to_string(i), "Budget vote",
                                     "The budget vote.", "BBC", "2025-06-02");
      a.extra["category"] = categories[i];
      articles.push_back(a);
    }
    return Searcher(test::make_db(articles, "english", {"category"}));
  }();
  return s;
}

nlohmann::json body(const ApiResponse& r) {
  return nlohmann::json::parse(r.body);
}

}  // namespace

TEST_CASE("api search: the command line's options as parameters") {
  ApiResponse r = api_search(news(),
                             {{"q", "talks"},
                              {"facets", "source,actor,date:month"},
                              {"source", "AnewZ"},
                              {"limit", "5"}},
                             kToday);
  REQUIRE(r.status == 200);
  nlohmann::json j = body(r);
  CHECK(j["summary"]["total"] == 2);
  REQUIRE(j["hits"].size() == 2);
  for (const auto& h : j["hits"]) CHECK(h["source"] == "AnewZ");
  CHECK(j["facets"].contains("source"));
  CHECK(j["facets"].contains("date:month"));
  // Snippets are HTML: text escaped, matches in <b>.
  std::string snippet = j["hits"][0]["snippet"];
  CHECK(snippet.find("<b>") != std::string::npos);
  // Repeated list parameters are alternatives.
  ApiResponse both = api_search(
      news(), {{"q", "talks"}, {"source", "AnewZ"}, {"source", "SBS News"}},
      kToday);
  CHECK(body(both)["summary"]["total"] == 3);
}

TEST_CASE("api search: bad parameters are 400 with the reason") {
  struct Row {
    Params params;
    const char* message_part;
  };
  const Row rows[] = {
      {{{"q", "talks"}, {"limit", "1001"}}, "limit"},
      {{{"q", "talks"}, {"limit", "-1"}}, "limit"},
      {{{"q", "talks"}, {"sort", "sideways"}}, "sort"},
      {{{"q", "talks"}, {"bogus", "1"}}, "bogus"},
      {{{"q", "talks"}, {"limit", "5"}, {"limit", "6"}}, "twice"},
      {{{"q", "talks AND"}}, "AND"},
      {{{"q", std::string(3000, 'a')}}, "too long"},
      {{{"q", "oil \xff"}}, "UTF-8"},
      {{{"q", "talks"}, {"collapse", "maybe"}}, "collapse"},
  };
  for (const Row& row : rows) {
    std::string first = row.params.back().first;
    CAPTURE(first);
    ApiResponse r = api_search(news(), row.params, kToday);
    CHECK(r.status == 400);
    std::string message = body(r)["error"]["message"];
    CAPTURE(message);
    CHECK(message.find(row.message_part) != std::string::npos);
  }
  Params many;
  for (int i = 0; i < 200; ++i) many.emplace_back("actor", "x");
  CHECK(api_search(news(), many, kToday).status == 400);
}

TEST_CASE(
    "api search: where is repeatable, as --where is, and declared fields "
    "facet") {
  ApiResponse r = api_search(categorised(),
                             {{"q", "budget"},
                              {"where", "category=politics"},
                              {"where", "category=sport"},
                              {"facets", "category"}},
                             kToday);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  nlohmann::json j = body(r);
  CHECK(j["summary"]["total"] == 2);
  CHECK(j["facets"]["category"].size() == 2);
  ApiResponse bad =
      api_search(categorised(), {{"where", "colour=red"}}, kToday);
  CHECK(bad.status == 400);
  CHECK(body(bad)["error"]["message"].get<std::string>().find("colour") !=
        std::string::npos);
}

TEST_CASE("api suggest: values of a declared field by prefix") {
  ApiResponse g =
      api_suggest(categorised(), {{"field", "category"}, {"prefix", "po"}});
  REQUIRE_MESSAGE(g.status == 200, g.body);
  nlohmann::json values = body(g)["values"];
  REQUIRE(values.size() == 1);
  CHECK(values[0]["value"] == "Politics");
  CHECK(values[0]["count"] == 1);
  // Dates and free text have no values to suggest.
  CHECK(api_suggest(categorised(), {{"field", "date"}}).status == 400);
  CHECK(api_suggest(categorised(), {{"field", "text"}}).status == 400);
}

TEST_CASE("api search and batch: past the time limit is 503, named") {
  auto past = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  ApiResponse r = api_search(news(), {{"q", "talks"}}, kToday, past);
  CHECK(r.status == 503);
  CHECK(body(r)["error"]["message"].get<std::string>().find("time limit") !=
        std::string::npos);
  // Each query of a batch past the limit gets its error line.
  ApiResponse b = api_batch(news(), "talks\nceasefire\n", kToday, past);
  CHECK(b.status == 200);
  CHECK(b.body.find("time limit") != std::string::npos);
  CHECK(api_search(news(), {{"q", "talks"}}, kToday).status == 200);
  CHECK(api_suggest(news(), {{"field", "actor"}}, past).status == 503);
}

TEST_CASE("api articles, stats, suggest and health") {
  ApiResponse a = api_article(news(), "a3");
  REQUIRE(a.status == 200);
  nlohmann::json j = body(a);
  // Text is data in JSON; the page escapes it when it shows it.
  CHECK(j["title"] == "<script>alert(1)</script>");
  CHECK(j["text"] == "Markets fell on the talks news.");
  CHECK(api_article(news(), "nope").status == 404);

  ApiResponse s = api_stats(news(), "");
  REQUIRE(s.status == 200);
  CHECK(body(s)["data"]["documents"] == 3);

  ApiResponse g = api_suggest(news(), {{"field", "actor"}, {"prefix", "zel"}});
  REQUIRE(g.status == 200);
  nlohmann::json values = body(g)["values"];
  REQUIRE(values.size() == 1);
  CHECK(values[0]["value"] == "Volodymyr Zelenskyy");
  CHECK(values[0]["count"] == 1);
  CHECK(api_suggest(news(), {{"field", "title"}}).status == 400);
  CHECK(api_suggest(news(), {{"colour", "red"}}).status == 400);

  nlohmann::json h = body(api_health(news()));
  CHECK(h["status"] == "ok");
  CHECK(h["documents"] == 3);
}

TEST_CASE("api batch answers JSON Lines like --batch, and limits the body") {
  ApiResponse r =
      api_batch(news(), "talks\n{\"q\":\"markets\",\"id\":7}\n", kToday);
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "application/x-ndjson");
  CHECK(r.body.find("\"batch_summary\"") != std::string::npos);
  CHECK(r.body.find("\"query_id\":7") != std::string::npos);
  CHECK(api_batch(news(), std::string(kMaxBodyBytes + 1, 'a'), kToday).status ==
        413);
}

}  // namespace newsdex::http
