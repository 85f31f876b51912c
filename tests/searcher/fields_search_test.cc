// Tests for declared fields through the search library (searcher/search.cc,
// query_builder.cc, facets.cc) on in-memory databases: query fields,
// --where filters, facets and cross-tabs driven by the field table.
#include <doctest/doctest.h>

#include "searcher/search.h"
#include "test_support.h"

namespace newsdex {
namespace {

Article with(Article a, const std::string& key, nlohmann::json value) {
  a.extra[key] = std::move(value);
  return a;
}

// Articles with a `category` keyword, `tags` keywords and a `published`
// date, indexed with those fields declared.
Searcher declared_searcher() {
  auto a = [](std::string id, std::string title, std::string date) {
    return test::make_article(std::move(id), std::move(title), "Some text.",
                              "BBC", std::move(date));
  };
  return Searcher(test::make_db(
      {with(with(with(a("p1", "Budget", "2024-01-02"), "category", "Politics"),
                 "tags", {"budget", "tax"}),
            "published", "2024-01-03"),
       with(with(a("p2", "Vote", "2024-03-09"), "category", "politics"), "tags",
            {"vote"}),
       with(a("s1", "Cup", "2024-03-10"), "category", "Sport"),
       a("n1", "Nothing", "")},
      "english", {"category", "tags:keywords", "published:date"}));
}

std::size_t total(Searcher& s, const std::string& query,
                  std::vector<std::pair<std::string, std::string>> where = {}) {
  SearchRequest r;
  r.query = query;
  r.filters.where = std::move(where);
  SearchResponse response = s.search(r);
  REQUIRE_MESSAGE(response.ok, response.error);
  return response.total;
}

}  // namespace

TEST_CASE("declared fields are query fields, filters and id: works") {
  Searcher s = declared_searcher();
  CHECK(s.fields().find("category") != nullptr);
  CHECK(total(s, "category:politics") == 2);
  CHECK(total(s, "category:sport OR category:politics") == 3);
  CHECK(total(s, "tags:tax") == 1);
  CHECK(total(s, "published:2024-01") == 1);
  CHECK(total(s, "published:2024") == 1);
  CHECK(total(s, "id:s1") == 1);
  CHECK(total(s, "budget -category:politics") == 0);
  CHECK(total(s, "", {{"category", "Politics"}, {"tags", "vote"}}) == 1);
  CHECK(total(s, "", {{"category", "sport"}, {"category", "politics"}}) == 3);
  CHECK(total(s, "", {{"id", "p2"}}) == 1);
  CHECK(total(s, "", {{"source", "bbc"}, {"date", "2024-03"}}) == 2);
  // A word that is no field stays a word.
  CHECK(total(s, "colour:red") == 0);

  SearchRequest bad;
  bad.filters.where = {{"colour", "red"}};
  SearchResponse response = s.search(bad);
  CHECK_FALSE(response.ok);
  CHECK(response.error.find("unknown field 'colour'") != std::string::npos);
  CHECK(response.offending == "--where colour=red");
  bad.filters.where = {{"published", "someday"}};
  CHECK_FALSE(s.search(bad).ok);
}

TEST_CASE("keywords and authors are counted up to their caps, filtered past") {
  // Names "Writer Aaa", "Writer Baa", ...: one per number.
  auto writer = [](std::size_t i) {
    std::string name = "Writer ";
    for (int k = 0; k < 3; ++k, i /= 26) {
      name += static_cast<char>((k == 0 ? 'A' : 'a') + i % 26);
    }
    return name;
  };
  // One article with one value past each cap, another with only that one.
  Article full =
      test::make_article("full", "Budget", "Some text.", "BBC", "2024-01-02");
  std::vector<std::string> tags;
  for (std::size_t i = 0; i <= kMaxDeclaredValues; ++i) {
    tags.push_back("tag" + std::to_string(i));
  }
  full.extra["tags"] = tags;
  for (std::size_t i = 0; i <= schema::kMaxAuthorValues; ++i) {
    full.authors.push_back(writer(i));
  }
  const std::string last_tag = tags.back();
  const std::string last_author = full.authors.back();
  Article other =
      test::make_article("other", "Budget", "Some text.", "BBC", "2024-01-03");
  other.extra["tags"] = nlohmann::json::array({last_tag});
  other.authors = {last_author};
  Searcher s(test::make_db({full, other}, "english", {"tags:keywords"}));

  SearchRequest r;
  r.facet_size = 0;
  REQUIRE_FALSE(parse_facet_list("tags,author", r.facets));
  SearchResponse response = s.search(r);
  REQUIRE_MESSAGE(response.ok, response.error);
  REQUIRE(response.facets.size() == 2);
  for (const FacetResult& f : response.facets) {
    CAPTURE(f.field);
    const std::string& past = f.field == "tags" ? last_tag : last_author;
    std::size_t cap =
        f.field == "tags" ? kMaxDeclaredValues : schema::kMaxAuthorValues;
    // The first `cap` values of `full` and the one of `other`, once each:
    // full's value past the cap is not counted.
    CHECK(f.values.size() == cap + 1);
    std::size_t counted = 0;
    for (const FacetValue& v : f.values) {
      CHECK(v.count == 1);
      counted += v.value == past;
    }
    CHECK(counted == 1);
    CHECK(f.missing == 0);
  }
  // Every value filters.
  CHECK(total(s, "tags:" + last_tag) == 2);
  CHECK(total(s, "", {{"tags", tags[kMaxDeclaredValues - 1]}}) == 1);
  CHECK(total(s, "author:\"" + last_author + "\"") == 2);
}

TEST_CASE("declared facets count, and unknown ones are an error") {
  Searcher s = declared_searcher();
  SearchRequest r;
  REQUIRE_FALSE(parse_facet_list(
      "category,tags,published:month,category/date:month", r.facets));
  SearchResponse response = s.search(r);
  REQUIRE_MESSAGE(response.ok, response.error);
  REQUIRE(response.facets.size() == 4);
  const FacetResult& category = response.facets[0];
  REQUIRE(category.values.size() == 3);  // as written: Politics, politics
  CHECK(category.missing == 1);
  const FacetResult& tags = response.facets[1];
  CHECK(tags.values.size() == 3);
  CHECK(tags.missing == 2);
  const FacetResult& published = response.facets[2];
  REQUIRE(published.values.size() == 1);
  CHECK(published.values[0].value == "2024-01");
  CHECK(published.missing == 3);
  REQUIRE(response.facets[3].cross.has_value());
  const CrossTab& t = *response.facets[3].cross;
  CHECK(t.columns ==
        std::vector<std::string>{"2024-01", "2024-02", "2024-03", "unknown"});
  CHECK(t.total == 4);

  REQUIRE_FALSE(parse_facet_list("section", r.facets));
  response = s.search(r);
  CHECK_FALSE(response.ok);
  CHECK(response.error ==
        "unknown facet 'section' in --facets; this database has the facets "
        "source, date, actor, author, category, tags, published");
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("a long-running searcher learns fields declared after it opened") {
  auto path = test::scratch_dir("fields_refresh") / "db";
  test::index_at(path,
                 test::index_options({test::make_article(
                     "n1", "Nothing", "Some text.", "BBC", "2024-01-02")}));
  Searcher s(path.string());
  SearchRequest r;
  r.query = "some";
  CHECK(s.search(r).total == 1);
  test::index_at(
      path,
      test::index_options({with(test::make_article("p1", "Budget", "Some text.",
                                                   "BBC", "2024-01-03"),
                                "category", "Politics")},
                          "english", {"category"}));
  CHECK(s.refresh());
  SearchRequest q;
  q.query = "category:politics";
  SearchResponse found = s.search(q);
  REQUIRE_MESSAGE(found.ok, found.error);
  CHECK(found.total == 1);
}

}  // namespace newsdex
