// Tests for the query model (searcher/query_text.cc, query_builder.cc)
// through the searcher: operators keep their meaning whatever the query
// names, and aliases and synonyms are one concept each.
#include <doctest/doctest.h>

#include <algorithm>

#include "searcher/search.h"
#include "test_support.h"

namespace newsdex {

namespace {

Searcher war_searcher() {
  std::string far(40, ' ');
  for (int i = 0; i < 20; ++i) far += "filler words here ";
  return Searcher(test::make_db({
      test::make_article("near", "Visit",
                         "President Zelensky met the mayor in Kyiv on Monday."),
      test::make_article("far", "Speech", "Zelensky spoke." + far + "Kyiv."),
      test::make_article("spelt", "Kiev talks",
                         "Zelenskyy visited Kiev yesterday."),
      test::make_article("both", "Meeting",
                         "Erdogan and Guterres met in Istanbul."),
      test::make_article("erdogan", "Ankara", "Erdogan spoke in Ankara."),
      test::make_article("guterres", "New York",
                         "Guterres spoke at the U.N. in New York."),
      test::make_article("oil", "Oil", "Oil prices and more oil."),
  }));
}

SearchResponse search(Searcher& s, const std::string& query,
                      bool explain = false) {
  SearchRequest r;
  r.query = query;
  r.explain = explain;
  r.limit = 50;
  SearchResponse resp = s.search(r);
  CHECK_MESSAGE(resp.ok, std::string(query + ": " + resp.error));
  return resp;
}

std::vector<std::string> ids(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.article.id);
  std::sort(out.begin(), out.end());
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("NEAR keeps its meaning when a query names a known actor") {
  Searcher s = war_searcher();
  SynonymTable mine;
  REQUIRE(mine.add("Kyiv = Kiev\n", "mine").empty());
  s.set_synonyms(mine);
  // Zelensky is an actor with other spellings; Kyiv has a synonym.
  CHECK(ids(search(s, "zelensky AND kyiv")) == Ids{"far", "near", "spelt"});
  CHECK(ids(search(s, "(kyiv OR kiev) NEAR zelensky")) == Ids{"near", "spelt"});
  CHECK(ids(search(s, "zelensky NEAR kyiv")) == Ids{"near", "spelt"});
  CHECK(ids(search(s, "zelensky NEAR/3 kyiv")) == Ids{"spelt"});
  CHECK(ids(search(s, "Erdogan NEAR Guterres")) == Ids{"both"});
  CHECK(ids(search(s, "Zelenskyy ADJ visited")) == Ids{"spelt"});
  // --explain names the NEAR group as typed, never "near" or "or".
  auto resp = search(s, "Erdogan NEAR Guterres", true);
  REQUIRE(resp.hits.size() == 1);
  REQUIRE(resp.hits[0].explanation.size() == 1);
  CHECK(resp.hits[0].explanation[0].term == "erdogan near guterres");
  CHECK(resp.hits[0].explanation[0].weight ==
        doctest::Approx(resp.hits[0].score));
}

TEST_CASE("+ and - on boolean fields mean must and must not") {
  Searcher s = war_searcher();
  CHECK(ids(search(s, "+actor:erdogan +actor:guterres")) == Ids{"both"});
  CHECK(ids(search(s, "actor:erdogan AND actor:guterres")) == Ids{"both"});
  // Values of one field side by side are alternatives, as in Xapian.
  CHECK(ids(search(s, "actor:erdogan actor:guterres")) ==
        Ids{"both", "erdogan", "guterres"});
  CHECK(ids(search(s, "actor:erdogan -actor:guterres")) == Ids{"erdogan"});
  CHECK(ids(search(s, "spoke -actor:guterres")) == Ids{"erdogan", "far"});
}

TEST_CASE("synonyms apply inside phrases and title: too") {
  Searcher s = war_searcher();
  SynonymTable mine;
  REQUIRE(mine.add("Kyiv = Kiev\n", "mine").empty());
  s.set_synonyms(mine);
  CHECK(ids(search(s, "\"visited kyiv\"")) == Ids{"spelt"});
  CHECK(ids(search(s, "title:kyiv")) == Ids{"spelt"});
  CHECK(ids(search(s, "title:\"kyiv talks\"")) == Ids{"spelt"});
  // One concept, scored as one word: "kyiv" and "kiev" are not added up.
  auto resp = search(s, "kyiv", true);
  for (const auto& hit : resp.hits) {
    REQUIRE(hit.explanation.size() == 1);
    CHECK(hit.explanation[0].term == "kyiv");
  }
}

TEST_CASE("a name's spellings apply after title: in a searcher's first query") {
  // The alias tables are read only when a query may name an actor.
  Searcher s(test::make_db({
      test::make_article("t", "Zelensky visits Kharkiv", "A visit."),
      test::make_article("b", "Visit", "Zelensky was in Kharkiv."),
  }));
  CHECK(ids(search(s, "title:zelenskiy")) == Ids{"t"});
}

TEST_CASE("--explain adds up, with recency only under --recent") {
  Searcher s = war_searcher();
  for (const char* query :
       {"oil oil", "oil prices", "erdogan spoke", "(oil OR erdogan) spoke",
        "\"oil prices\" more", "zelensky -kiev"}) {
    CAPTURE(std::string(query));
    auto resp = search(s, query, true);
    REQUIRE_FALSE(resp.hits.empty());
    for (const auto& hit : resp.hits) {
      double sum = 0;
      for (const auto& t : hit.explanation) sum += t.weight;
      CHECK(sum == doctest::Approx(hit.score));
      CHECK(hit.recency == 0);
    }
  }
}

TEST_CASE("query words are split as the indexer splits them") {
  Searcher s = war_searcher();
  CHECK(ids(search(s, "U.N.")) == Ids{"guterres"});
  CHECK(ids(search(s, "U.N")) == Ids{"guterres"});
  CHECK(ids(search(s, "U.N .")) == Ids{"guterres"});
  CHECK(ids(search(s, "un")) == Ids{"guterres"});
  CHECK(ids(search(s, "new-york")) == Ids{"guterres"});
}

TEST_CASE("operators without operands are errors naming the operator") {
  Searcher s = war_searcher();
  for (const char* query : {"oil AND", "OR oil", "oil NEAR", "oil NOT"}) {
    CAPTURE(std::string(query));
    SearchRequest r;
    r.query = query;
    SearchResponse resp = s.search(r);
    CHECK_FALSE(resp.ok);
    CHECK(resp.error.find("needs a query") != std::string::npos);
  }
  SearchRequest r;
  r.query = "oil NEAR (a b)";
  SearchResponse resp = s.search(r);
  CHECK_FALSE(resp.ok);
  CHECK(resp.error.find("NEAR and ADJ join") != std::string::npos);
}

}  // namespace newsdex
