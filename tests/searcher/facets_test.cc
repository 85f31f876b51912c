// Tests for searcher/facets.cc: parsing facet lists and exact counts.
#include "searcher/facets.h"

#include <doctest/doctest.h>

#include "common/schema.h"
#include "test_support.h"

namespace newsdex {

TEST_CASE("facet lists parse with granularities") {
  std::vector<FacetRequest> f;
  CHECK_FALSE(parse_facet_list("source,date:month", f).has_value());
  REQUIRE(f.size() == 2);
  CHECK(f[0].field == "source");
  CHECK(f[1].field == "date");
  CHECK(f[1].granularity == DateGranularity::kMonth);
  CHECK_FALSE(parse_facet_list("date", f).has_value());
  CHECK(f[0].granularity == DateGranularity::kDay);
  CHECK_FALSE(parse_facet_list(" date:year , source ,source", f).has_value());
  CHECK(f.size() == 2);
  auto error = parse_facet_list("source,colour", f);
  REQUIRE(error.has_value());
  CHECK(error->find("unknown facet 'colour'") != std::string::npos);
  CHECK(error->find("choose from") != std::string::npos);
  CHECK(parse_facet_list("date:week", f)->find("day, month or year") !=
        std::string::npos);
}

TEST_CASE("facet counts are exact over all matches and fold dates") {
  std::vector<Article> articles;
  for (int i = 1; i <= 30; ++i) {
    std::string day = (i < 10 ? "0" : "") + std::to_string(i);
    articles.push_back(test::make_article(std::to_string(i), "talks", "body",
                                          i % 3 == 0 ? "Alpha" : "Beta",
                                          i <= 25 ? "2025-06-" + day : ""));
  }
  articles.push_back(
      test::make_article("m", "talks", "body", "Alpha", "2025-07"));
  auto db = test::make_db(articles);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Ztalk"));
  FacetCounter counter(
      {{"source", DateGranularity::kDay}, {"date", DateGranularity::kMonth}});
  counter.register_with(enquire);
  Xapian::MSet mset = enquire.get_mset(0, 3, db.get_doccount());
  REQUIRE(mset.get_matches_estimated() == 31);
  auto results = counter.results(31, 10);
  REQUIRE(results.size() == 2);
  const FacetResult& source = results[0];
  REQUIRE(source.values.size() == 2);
  CHECK(source.values[0].value == "Beta");
  CHECK(source.values[0].count == 20);
  CHECK(source.values[1].value == "Alpha");
  CHECK(source.values[1].count == 11);
  CHECK(source.missing == 0);
  const FacetResult& date = results[1];
  REQUIRE(date.values.size() == 2);
  CHECK(date.values[0].value == "2025-06");
  CHECK(date.values[0].count == 25);
  CHECK(date.values[1].value == "2025-07");
  CHECK(date.values[1].count == 1);
  CHECK(date.missing == 5);

  // Keeping only the largest values counts the rest as "other".
  auto small = counter.results(31, 1);
  CHECK(small[0].values.size() == 1);
  CHECK(small[0].other == 11);
  CHECK(small[1].values[0].value == "2025-06");
  CHECK(small[1].other == 1);
}

TEST_CASE("date facets by day keep coarser dates as their own buckets") {
  auto db =
      test::make_db({test::make_article("a", "x", "b", "S", "2025-06-02"),
                     test::make_article("b", "x", "b", "S", "2025-06"),
                     test::make_article("c", "x", "b", "S", "2025-06-02")});
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetCounter counter({{"date", DateGranularity::kDay}});
  counter.register_with(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  auto results = counter.results(3, 0);
  REQUIRE(results[0].values.size() == 2);
  CHECK(results[0].values[0].value == "2025-06");
  CHECK(results[0].values[0].count == 1);
  CHECK(results[0].values[1].value == "2025-06-02");
  CHECK(results[0].values[1].count == 2);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("facet values rank by count, ties by value, the rest in other") {
  std::vector<FacetValue> values = {
      {"b", 3, ""}, {"a", 3, ""}, {"d", 1, ""}, {"c", 5, ""}, {"e", 2, ""}};
  std::size_t other = 0;
  keep_largest(values, 3, other);
  REQUIRE(values.size() == 3);
  CHECK(values[0].value == "c");
  CHECK(values[1].value == "a");
  CHECK(values[2].value == "b");
  CHECK(other == 3);  // d and e
  std::size_t none = 0;
  keep_largest(values, 0, none);
  CHECK(values.size() == 3);
  CHECK(none == 0);
}

TEST_CASE("the actor spy counts each name once per article, with its type") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const std::string& actors) {
    Xapian::Document doc;
    doc.add_term("Xall");
    if (!actors.empty()) doc.add_value(schema::kActorsSlot, actors);
    db.add_document(doc);
  };
  const std::string rs(1, schema::kActorRecordSeparator);
  const std::string us(1, schema::kActorUnitSeparator);
  add("Tony Blair" + us + "person" + rs + "BBC" + us + "org");
  add("Tony Blair" + us + "person");
  add("");
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Xall"));
  ActorCountSpy spy;
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, 10);
  CHECK(spy.articles_with_actors() == 2);
  auto values = spy.values();
  std::size_t other = 0;
  keep_largest(values, 0, other);
  REQUIRE(values.size() == 2);
  CHECK(values[0].value == "Tony Blair");
  CHECK(values[0].count == 2);
  CHECK(values[0].type == "person");
  CHECK(values[1].value == "BBC");
  CHECK(values[1].type == "org");
}

}  // namespace newsdex
