// Tests for searcher/facets.cc: parsing facet lists and exact counts.
#include "searcher/facets.h"

#include <doctest/doctest.h>

#include <map>

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
  auto error = parse_facet_list("source,Colour!", f);
  REQUIRE(error.has_value());
  CHECK(error->find("unknown facet 'Colour!'") != std::string::npos);
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

  // Keeping only the largest values counts the rest as "other"; a date
  // histogram keeps every bucket whatever the size.
  auto small = counter.results(31, 1);
  CHECK(small[0].values.size() == 1);
  CHECK(small[0].other == 11);
  REQUIRE(small[1].values.size() == 2);
  CHECK(small[1].values[1].value == "2025-07");
  CHECK(small[1].other == 0);
}

TEST_CASE("date histograms show the empty buckets between first and last") {
  auto db = test::make_db({test::make_article("a", "x", "b", "S", "2024-11-30"),
                           test::make_article("b", "x", "b", "T", "2025-02-01"),
                           test::make_article("c", "x", "b", "S", "2025-02-03"),
                           test::make_article("d", "x", "b", "S")});
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetCounter counter({{"date", DateGranularity::kMonth},
                        {"date", DateGranularity::kYear},
                        {"date", DateGranularity::kDay}});
  counter.register_with(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  auto results = counter.results(4, 2);
  std::vector<std::pair<std::string, std::size_t>> months, years;
  for (const auto& v : results[0].values) months.emplace_back(v.value, v.count);
  for (const auto& v : results[1].values) years.emplace_back(v.value, v.count);
  CHECK(months ==
        std::vector<std::pair<std::string, std::size_t>>{
            {"2024-11", 1}, {"2024-12", 0}, {"2025-01", 0}, {"2025-02", 2}});
  CHECK(years == std::vector<std::pair<std::string, std::size_t>>{{"2024", 1},
                                                                  {"2025", 2}});
  CHECK(results[0].missing == 1);
  CHECK(results[0].other == 0);
  // 2024-11-30 .. 2025-02-03, every day.
  CHECK(results[2].values.size() == 66);
  CHECK(results[2].values[1].value == "2024-12-01");
  CHECK(results[2].values[1].count == 0);
}

TEST_CASE("date keys between two keys, across months and leap days") {
  CHECK(date_keys_between("2023", "2025") ==
        std::vector<std::string>{"2023", "2024", "2025"});
  CHECK(date_keys_between("202311", "202402") ==
        std::vector<std::string>{"202311", "202312", "202401", "202402"});
  CHECK(
      date_keys_between("20240227", "20240301") ==
      std::vector<std::string>{"20240227", "20240228", "20240229", "20240301"});
  CHECK(date_keys_between("2025", "2024").empty());
}

TEST_CASE(
    "a cross-tab counts every pair, and its totals are the one-way counts") {
  auto db = test::make_db({test::make_article("a", "x", "b", "S", "2025-01-05"),
                           test::make_article("b", "x", "b", "T", "2025-03-01"),
                           test::make_article("c", "x", "b", "S", "2025-03-03"),
                           test::make_article("d", "x", "b", "S")});
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetRequest cross{"source"};
  cross.by = "date";
  cross.by_granularity = DateGranularity::kMonth;
  FacetCounter counter({cross});
  counter.register_with(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  auto results = counter.results(4, 10);
  REQUIRE(results[0].cross.has_value());
  const CrossTab& t = *results[0].cross;
  CHECK(t.rows == std::vector<std::string>{"S", "T"});
  CHECK(t.columns ==
        std::vector<std::string>{"2025-01", "2025-02", "2025-03", "unknown"});
  CHECK(t.counts ==
        std::vector<std::vector<std::size_t>>{{1, 0, 1, 1}, {0, 0, 1, 0}});
  CHECK(t.row_totals == std::vector<std::size_t>{3, 1});
  CHECK(t.column_totals == std::vector<std::size_t>{1, 0, 2, 1});
  CHECK(t.total == 4);
}

TEST_CASE("unknown facets and granularities are checked against the fields") {
  std::vector<FacetRequest> f;
  REQUIRE_FALSE(parse_facet_list("category,source/date:year", f));
  REQUIRE(f.size() == 2);
  CHECK(f[1].by == "date");
  CHECK(f[1].by_granularity == DateGranularity::kYear);
  FieldTable fields;
  auto error = check_facets(f, fields);
  REQUIRE(error.has_value());
  CHECK(*error ==
        "unknown facet 'category' in --facets; this database has the facets "
        "source, date, actor, author");
  REQUIRE(fields.declare("category") == "");
  CHECK_FALSE(check_facets(f, fields));
  REQUIRE_FALSE(parse_facet_list("category:month", f));
  CHECK(check_facets(f, fields)->find("has no granularity") !=
        std::string::npos);
  REQUIRE_FALSE(parse_facet_list("title", f));
  CHECK(check_facets(f, fields)->find("unknown facet 'title'") !=
        std::string::npos);
}

TEST_CASE("value streams and the in-memory table count what documents count") {
  std::vector<Article> articles;
  std::map<std::string, std::size_t> want_sources, want_months;
  for (int i = 1; i <= 200; ++i) {
    bool talks = i % 7 == 0;
    std::string source = i % 3 == 0 ? "Alpha" : i % 3 == 1 ? "Beta" : "Gamma";
    std::string date = i % 5 == 0 ? "" : "2025-0" + std::to_string(1 + i % 4);
    std::string body = i % 2 == 0   ? "Tony Blair met Gordon Brown."
                       : i % 3 == 0 ? "The Bank of England said so."
                                    : "body";
    articles.push_back(test::make_article(
        std::to_string(i), talks ? "talks" : "other", body, source, date));
    if (talks) {
      ++want_sources[source];
      if (!date.empty()) ++want_months[date];
    }
  }
  auto db = test::make_db(articles);
  FacetTable table(db);
  auto count = [&](const Xapian::Database* stream_db,
                   const FacetTable* from_table = nullptr,
                   std::size_t size = 0) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("Ztalk"));  // sparse: every 7th
    FacetCounter counter({{"source", DateGranularity::kDay},
                          {"date", DateGranularity::kMonth},
                          {"actor", DateGranularity::kDay}},
                         0, stream_db, from_table);
    counter.register_with(enquire);
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    return counter.results(mset.get_matches_estimated(), size);
  };
  auto from_docs = count(nullptr);
  auto from_streams = count(&db);
  auto from_table = count(&db, &table);
  REQUIRE(from_streams.size() == 3);
  REQUIRE(from_table.size() == 3);
  CHECK(table.actor_begin.size() == db.get_lastdocid() + 2);
  std::map<std::string, std::size_t> sources, months;
  for (const auto& v : from_streams[0].values) sources[v.value] = v.count;
  for (const auto& v : from_streams[1].values) months[v.value] = v.count;
  CHECK(sources == want_sources);
  CHECK(months == want_months);
  CHECK(from_streams[1].missing == 5);  // 35, 70, ... 175 are undated
  for (std::size_t f = 0; f < 3; ++f) {
    CAPTURE(f);
    REQUIRE(from_docs[f].values.size() == from_streams[f].values.size());
    for (std::size_t k = 0; k < from_docs[f].values.size(); ++k) {
      CHECK(from_docs[f].values[k].value == from_streams[f].values[k].value);
      CHECK(from_docs[f].values[k].count == from_streams[f].values[k].count);
    }
    CHECK(from_docs[f].missing == from_streams[f].missing);
    REQUIRE(from_docs[f].values.size() == from_table[f].values.size());
    for (std::size_t k = 0; k < from_docs[f].values.size(); ++k) {
      CHECK(from_docs[f].values[k].value == from_table[f].values[k].value);
      CHECK(from_docs[f].values[k].count == from_table[f].values[k].count);
      CHECK(from_docs[f].values[k].type == from_table[f].values[k].type);
    }
    CHECK(from_docs[f].missing == from_table[f].missing);
  }
  // The test data names actors, so the actor facet was really compared.
  CHECK_FALSE(from_table[2].values.empty());
  // Keeping only the largest: the same value and the same rest (a date
  // histogram keeps every bucket).
  auto top_docs = count(nullptr, nullptr, 1);
  auto top_table = count(&db, &table, 1);
  CHECK(top_table[1].values.size() == 4);
  for (std::size_t f = 0; f < 3; ++f) {
    CAPTURE(f);
    REQUIRE(top_table[f].values.size() == (f == 1 ? 4 : 1));
    CHECK(top_docs[f].values[0].value == top_table[f].values[0].value);
    CHECK(top_docs[f].values[0].count == top_table[f].values[0].count);
    CHECK(top_docs[f].other == top_table[f].other);
  }
  CHECK(top_table[2].other > 0);
}

TEST_CASE("a slot reader answers documents in any order") {
  auto db = test::make_db({test::make_article("a", "x", "b", "One", ""),
                           test::make_article("b", "x", "b", "Two", ""),
                           test::make_article("c", "x", "b", "Three", "")});
  SlotReader read(&db, schema::kSourceSlot);
  std::vector<Xapian::docid> order = {3, 1, 2, 2, 3, 1};
  for (Xapian::docid did : order) {
    CAPTURE(did);
    Xapian::Document doc = db.get_document(did);
    CHECK(read(doc) == doc.get_value(schema::kSourceSlot));
    CHECK_FALSE(read(doc).empty());
  }
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

TEST_CASE("a facet list's text reads back as the same list") {
  CHECK(facet_list_text(default_facets()) == "source,date:month,actor");
  std::vector<FacetRequest> back;
  CHECK_FALSE(parse_facet_list(facet_list_text(default_facets()), back));
  CHECK(back == default_facets());
}

}  // namespace newsdex
