// Tests for searcher/search.cc on in-memory databases: ranking, filters,
// sorting, paging, totals and snippets together.
#include "searcher/search.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "searcher/rendering.h"
#include "test_support.h"

namespace newsdex {

namespace {

Searcher seed_searcher() {
  return Searcher(test::make_db({
      test::make_article("body", "Weather report",
                         "Rain today. Officials met for ceasefire talks.",
                         "SBS News", "2025-05-16"),
      test::make_article("title", "Ceasefire talks resume",
                         "Delegations gathered in the palace.", "AnewZ",
                         "2025-06-02"),
      test::make_article("other", "Markets", "Stocks rose on Monday.",
                         "Taipei Times", "2025-07-21"),
      test::make_article("nodate", "Ceasefire hopes", "Talks may follow.",
                         "AnewZ"),
  }));
}

std::vector<std::string> ids(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.article.id);
  return out;
}

}  // namespace

TEST_CASE("a title match ranks above a body match") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "ceasefire talks";
  SearchResponse resp = s.search(r);
  REQUIRE(resp.ok);
  CHECK(resp.total == 3);
  REQUIRE(resp.hits.size() == 3);
  CHECK(resp.hits[0].article.id == "title");
  CHECK(resp.hits[0].rank == 1);
  CHECK(resp.hits[0].score > resp.hits[2].score);
}

TEST_CASE("by default a question typed as it comes finds ranked articles") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "when will the ceasefire talks resume";
  SearchResponse any = s.search(r);
  REQUIRE(any.ok);
  CHECK(any.match == MatchMode::kAny);
  CHECK(any.match_words == 6);
  CHECK(any.total == 3);
  REQUIRE_FALSE(any.hits.empty());
  CHECK(any.hits[0].article.id == "title");  // the most words, in its title
  r.match = MatchMode::kAll;
  SearchResponse all = s.search(r);
  CHECK(all.match == MatchMode::kAll);
  CHECK(all.total == 0);
  r.match = MatchMode::kAuto;
  r.query = "ceasefire talks resume";  // a short query needs every word
  SearchResponse short_query = s.search(r);
  CHECK(short_query.match == MatchMode::kAll);
  CHECK(ids(short_query) == std::vector<std::string>{"title"});
}

TEST_CASE("filters by source and date restrict the matches") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "ceasefire";
  r.filters.sources = {"anewz"};
  CHECK(s.search(r).total == 2);
  r.filters.since = "2025-06";
  CHECK(ids(s.search(r)) == std::vector<std::string>{"title"});
  r.filters = {};
  r.filters.until = "2025-05-31";
  CHECK(ids(s.search(r)) == std::vector<std::string>{"body"});
}

TEST_CASE("sorting by date puts undated articles last either way") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "";
  r.sort = SortOrder::kDateAscending;
  auto asc = ids(s.search(r));
  r.sort = SortOrder::kDateDescending;
  auto desc = ids(s.search(r));
  REQUIRE(asc.size() == 4);
  CHECK(asc[0] == "body");
  CHECK(asc[1] == "title");
  CHECK(asc[2] == "other");
  CHECK(desc[0] == "other");
  CHECK(desc[2] == "body");
  CHECK(desc[3] == "nodate");
}

TEST_CASE("a hit without a headline gets a display title, marked up") {
  Searcher s(test::make_db({
      test::make_article("untitled", "",
                         "The EU said it would send weapons. Then more."),
      test::make_article("titled", "Weapons for Kyiv", "The EU said so."),
  }));
  SearchRequest r;
  r.query = "weapons";
  auto response = s.search(r);
  REQUIRE(response.hits.size() == 2);
  for (const Hit& hit : response.hits) {
    CAPTURE(hit.article.id);
    if (hit.article.id == "untitled") {
      CHECK(hit.article.title.empty());  // as stored
      CHECK(hit.display_title == "The EU said it would send weapons.");
      CHECK(render_fragments({hit.title}, HighlightMode::kMarkers) ==
            "The EU said it would send **weapons**.");
    } else {
      CHECK(hit.display_title == "Weapons for Kyiv");
    }
  }
}

TEST_CASE("paging keeps ranks and the exact total") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "";
  r.sort = SortOrder::kDateAscending;
  r.offset = 1;
  r.limit = 2;
  SearchResponse resp = s.search(r);
  CHECK(resp.total == 4);
  REQUIRE(resp.hits.size() == 2);
  CHECK(resp.hits[0].rank == 2);
  CHECK(resp.hits[0].article.id == "title");
}

TEST_CASE("snippets highlight stem variants, facets add up to the total") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "talk";
  r.facets = {{"source", DateGranularity::kDay},
              {"date", DateGranularity::kMonth}};
  SearchResponse resp = s.search(r);
  REQUIRE(resp.total == 3);
  bool highlighted_talks = false;
  for (const auto& hit : resp.hits) {
    for (const auto& f : hit.snippet) {
      for (const auto& span : f.spans) {
        if (span.highlighted &&
            (span.text == "talks" || span.text == "Talks")) {
          highlighted_talks = true;
        }
      }
    }
  }
  CHECK(highlighted_talks);
  for (const auto& facet : resp.facets) {
    std::size_t sum = facet.missing + facet.other;
    for (const auto& v : facet.values) sum += v.count;
    CHECK(sum == resp.total);
  }
}

TEST_CASE("facets come out the same before and after the table loads") {
  std::vector<Article> articles;
  for (int i = 0; i < 40; ++i) {
    articles.push_back(test::make_article(
        "a" + std::to_string(i), i % 4 == 0 ? "Ceasefire talks" : "Markets",
        i % 2 == 0 ? "Tony Blair spoke." : "The Bank of England spoke.",
        i % 3 == 0 ? "AnewZ" : "SBS News",
        i % 5 == 0 ? "" : "2025-0" + std::to_string(1 + i % 6) + "-02"));
  }
  Searcher s(test::make_db(articles));
  SearchRequest talks;
  talks.query = "talks";
  talks.facets = default_facets();
  talks.facets.push_back({"actor", DateGranularity::kDay});
  SearchRequest broad = talks;
  broad.query = "spoke";
  auto show = [](const SearchResponse& r) {
    std::string out = std::to_string(r.total);
    for (const auto& f : r.facets) {
      out += "|" + f.field + ":";
      for (const auto& v : f.values) {
        out += v.value + "=" + std::to_string(v.count) + v.type + ",";
      }
      out += "other=" + std::to_string(f.other) +
             ",missing=" + std::to_string(f.missing);
    }
    return out;
  };
  // 10 + 40 matches counted reach the 40 documents: the third search
  // loads the table, and it serves the third and fourth.
  std::string talks_first = show(s.search(talks));
  std::string broad_first = show(s.search(broad));
  CHECK(talks_first.find("Tony Blair=10person") != std::string::npos);
  CHECK(broad_first.find("Bank of England=20org") != std::string::npos);
  CHECK(show(s.search(talks)) == talks_first);
  CHECK(show(s.search(broad)) == broad_first);
}

TEST_CASE("relevance is IneB2 with the chosen length normalisation") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "ceasefire talks in the palace";
  SearchResponse resp = s.search(r);
  REQUIRE(resp.ok);
  REQUIRE(resp.hits.size() == 3);
  QueryBuilder builder(s.database(), "english", test::sources(), r.today);
  Xapian::Enquire enquire(s.database());
  enquire.set_query(builder.build(r.query, {}, r.match).query);
  enquire.set_weighting_scheme(Xapian::IneB2Weight(kLengthNormalisation));
  Xapian::MSet expected = enquire.get_mset(0, 10);
  REQUIRE(expected.size() == resp.hits.size());
  std::size_t i = 0;
  for (auto it = expected.begin(); it != expected.end(); ++it, ++i) {
    CAPTURE(i);
    CHECK(resp.hits[i].docid == *it);
    CHECK(resp.hits[i].score == doctest::Approx(it.get_weight()));
  }
}

TEST_CASE("--recent lifts fresh matches without becoming a date sort") {
  Searcher s(test::make_db({
      test::make_article("old-strong", "Ceasefire ceasefire talks",
                         "Ceasefire talks on a ceasefire.", "A", "2025-01-02"),
      test::make_article("old-weak", "Markets", "A ceasefire was mentioned.",
                         "A", "2025-01-01"),
      test::make_article("new-weak", "Weather", "Briefly, a ceasefire.", "A",
                         "2025-07-20"),
      test::make_article("new-other", "Weather", "Rain and sun.", "A",
                         "2025-07-21"),
  }));
  SearchRequest r;
  r.query = "ceasefire";
  r.today = std::chrono::sys_days{std::chrono::year{2025} / 7 / 22};
  auto plain = ids(s.search(r));
  r.recent_half_life = 30;
  auto recent = ids(s.search(r));
  REQUIRE(plain.size() == 3);  // the non-matching new article stays out
  REQUIRE(recent.size() == 3);
  CHECK(plain[0] == "old-strong");
  CHECK(recent[0] == "old-strong");  // a much better match still wins
  auto pos = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) - v.begin();
  };
  CHECK(pos(recent, "new-weak") < pos(recent, "old-weak"));
}

TEST_CASE("--explain: term weights add up to the score") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "ceasefire talks";
  r.explain = true;
  SearchResponse resp = s.search(r);
  REQUIRE(!resp.hits.empty());
  for (const auto& hit : resp.hits) {
    REQUIRE(hit.explanation.size() == 2);
    double sum = 0;
    for (const auto& t : hit.explanation) sum += t.weight;
    CHECK(sum == doctest::Approx(hit.score));
  }
  // Units as typed, case-folded (not stems).
  CHECK(resp.hits[0].explanation[0].term == "ceasefire");
}

TEST_CASE("--collapse folds near-duplicates into one hit listing the rest") {
  std::string story;
  for (int i = 0; i < 12; ++i) {
    story += "Delegations from both sides met in Istanbul for talks number " +
             std::to_string(i) + ". ";
  }
  Searcher s(test::make_db({
      test::make_article("wire-1", "Talks in Istanbul", story, "Reuters"),
      test::make_article("wire-2", "Talks held in Istanbul",
                         story + "Updated with comment.", "Taipei Times"),
      test::make_article("copy", "Talks in Istanbul", story, "SBS News"),
      test::make_article("other", "Istanbul talks analysis",
                         "A different story about talks in Istanbul.", "AnewZ"),
  }));
  SearchRequest r;
  r.query = "istanbul";
  r.facets = {{"source", DateGranularity::kDay}};
  CHECK(s.search(r).total == 4);
  r.collapse = true;
  SearchResponse resp = s.search(r);
  CHECK(resp.collapsed);
  CHECK(resp.total == 2);
  REQUIRE(resp.hits.size() == 2);
  for (const auto& hit : resp.hits) {
    if (hit.article.id == "other") {
      CHECK(hit.duplicate_count == 0);
    } else {
      CHECK(hit.duplicate_count == 2);
      CHECK(hit.duplicates.size() == 2);
    }
  }
  // Facet counts still count articles.
  std::size_t sum = 0;
  for (const auto& v : resp.facets[0].values) sum += v.count;
  CHECK(sum == 4);
}

TEST_CASE("--collapse totals count every group exactly, whatever the page") {
  // Issue #15: the total was Xapian's estimate of the groups, which changed
  // with --limit and could exceed the number of matching articles.
  std::vector<Article> articles;
  for (int group = 0; group < 6; ++group) {
    std::string story;
    for (int i = 0; i < 12; ++i) {
      story += "Wire story " + std::to_string(group) +
               " about grain exports, paragraph " + std::to_string(i) + ". ";
    }
    for (int copy = 0; copy <= group; ++copy) {
      articles.push_back(test::make_article(
          "g" + std::to_string(group) + "-" + std::to_string(copy),
          copy % 2 ? "Grain" : "Grain exports grain deal", story));
    }
  }
  for (int i = 0; i < 9; ++i) {
    articles.push_back(
        test::make_article("single-" + std::to_string(i), "Grain",
                           "Grain story " + std::to_string(i) + "."));
  }
  Searcher s(test::make_db(articles));  // 21 + 9 articles, 6 + 9 groups
  SearchRequest r;
  r.query = "grain";
  r.collapse = true;
  r.facets = {{"source", DateGranularity::kDay},
              {"actor", DateGranularity::kDay}};
  for (std::size_t limit : {0, 1, 3, 10, 100}) {
    for (std::size_t offset : {0, 2, 14, 40}) {
      CAPTURE(limit);
      CAPTURE(offset);
      r.limit = limit;
      r.offset = offset;
      SearchResponse resp = s.search(r);
      CHECK(resp.total == 15);
      CHECK(resp.matches == 30);
      CHECK(resp.hits.size() == std::min(limit, offset < 15 ? 15 - offset : 0));
      // Facets count articles: every one of the 30 is counted once.
      CHECK(resp.facets[0].values[0].count + resp.facets[0].missing == 30);
      CHECK(resp.facets[1].missing == 30);  // none names an actor
    }
  }
}

TEST_CASE("--like finds similar articles and leaves the model out") {
  Searcher s(test::make_db({
      test::make_article("cocoa-1", "Cocoa crop",
                         "Bahia cocoa harvest and cocoa prices rose.", "R"),
      test::make_article("cocoa-2", "Cocoa exports",
                         "Cocoa prices and the Bahia harvest.", "R"),
      test::make_article("oil", "Oil", "Crude oil prices fell.", "R"),
  }));
  SearchRequest r;
  r.like = "cocoa-1";
  SearchResponse resp = s.search(r);
  REQUIRE(resp.ok);
  auto found = ids(resp);
  REQUIRE(!found.empty());
  CHECK(found[0] == "cocoa-2");
  CHECK(std::find(found.begin(), found.end(), "cocoa-1") == found.end());
  r.like = "missing";
  CHECK_FALSE(s.search(r).ok);
}

TEST_CASE("articles with very long ids are found by id") {
  std::string long_id = "https://example.com/" + std::string(300, 'x');
  Searcher s(test::make_db({
      test::make_article(long_id, "Cocoa crop",
                         "Bahia cocoa harvest and cocoa prices.", "R"),
      test::make_article("cocoa-2", "Cocoa exports",
                         "Cocoa prices and the Bahia harvest.", "R"),
      test::make_article("oil", "Oil", "Crude oil prices fell.", "R"),
  }));
  auto found = s.find_article(long_id);
  REQUIRE(found.has_value());
  CHECK(found->id == long_id);
  SearchRequest r;
  r.like = long_id;
  SearchResponse resp = s.search(r);
  REQUIRE(resp.ok);
  CHECK(ids(resp) == std::vector<std::string>{"cocoa-2"});
  r.like.clear();
  r.query = "bahia";
  r.explain = true;
  for (const auto& hit : s.search(r).hits) CHECK(hit.explanation.size() == 1);
}

TEST_CASE("a malformed query is an error value") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "talks OR";
  SearchResponse resp = s.search(r);
  CHECK_FALSE(resp.ok);
  CHECK(resp.offending == "talks OR");
}

TEST_CASE("invalid UTF-8 in the query or a filter is an error value") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "oil \xff";
  SearchResponse resp = s.search(r);
  CHECK_FALSE(resp.ok);
  CHECK(resp.error == "invalid UTF-8 at byte 4");
  SearchRequest f;
  f.filters.sources = {"SBS\xc3"};
  resp = s.search(f);
  CHECK_FALSE(resp.ok);
  CHECK(resp.offending.rfind("--source", 0) == 0);
}

TEST_CASE("a query longer than the limit is an error value") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = std::string(kMaxQueryBytes, 'a');
  CHECK(s.search(r).ok);
  r.query += " b";
  SearchResponse resp = s.search(r);
  CHECK_FALSE(resp.ok);
  CHECK(resp.error == "query too long (" + std::to_string(kMaxQueryBytes + 2) +
                          " bytes; at most " + std::to_string(kMaxQueryBytes) +
                          ")");
}

TEST_CASE("a database that is not newsdex's is refused") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(Xapian::Document());
  CHECK_THROWS_AS(Searcher{Xapian::Database(db)}, std::runtime_error);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE(
    "portable matching (for remote shards) counts actors like the "
    "actor match spy and refuses --recent") {
  Searcher s(test::make_db({
      test::make_article("a", "Talks", "President Vladimir Putin met NATO.",
                         "AnewZ", "2025-06-02"),
      test::make_article("b", "Talks",
                         "Putin and Zelenskyy talked; Putin spoke twice.",
                         "AnewZ", "2025-06-03"),
      test::make_article("c", "Talks", "Nobody was named in these talks.",
                         "SBS News"),
  }));
  SearchRequest r;
  r.query = "talks";
  r.facets = {{"actor", DateGranularity::kDay},
              {"source", DateGranularity::kDay}};
  SearchResponse local = s.search(r);
  s.set_portable(true);
  CHECK(s.portable());
  SearchResponse portable = s.search(r);
  REQUIRE(local.facets.size() == 2);
  REQUIRE(portable.facets.size() == 2);
  const FacetResult& actors = portable.facets[0];
  REQUIRE(actors.values.size() == local.facets[0].values.size());
  for (std::size_t i = 0; i < actors.values.size(); ++i) {
    CHECK(actors.values[i].value == local.facets[0].values[i].value);
    CHECK(actors.values[i].count == local.facets[0].values[i].count);
    CHECK(actors.values[i].type == local.facets[0].values[i].type);
  }
  CHECK(actors.values[0].value == "Vladimir Putin");
  CHECK(actors.values[0].count == 2);  // once per article
  CHECK(actors.missing == 1);
  CHECK(actors.missing == local.facets[0].missing);
  CHECK(ids(portable) == ids(local));

  r.recent_half_life = 30;
  SearchResponse recent = s.search(r);
  CHECK_FALSE(recent.ok);
  CHECK(recent.error.find("remote shards") != std::string::npos);
}

TEST_CASE("actor aliases apply however the query spells or wraps the name") {
  Xapian::WritableDatabase db = test::make_db({
      test::make_article("dotted", "Talks",
                         "Erdo\xC4\x9F"
                         "an spoke at length."),
      test::make_article("plain", "Visit", "Erdogan visited Ankara."),
      test::make_article("other", "Markets", "Stocks rose in Kiev."),
  });
  auto total = [&](Searcher& s, const std::string& query) {
    SearchRequest r;
    r.query = query;
    return s.search(r).total;
  };
  // Each on a new searcher: the first query decides whether the aliases
  // are read at all.
  for (const char* query :
       {"erdogan", "ERDOGAN", "(erdogan)", "((ankara OR erdogan))",
        "erdo\xC4\x9F"
        "an",
        "ERDO\xC4\x9E"
        "AN"}) {
    Searcher s(db);
    CHECK_MESSAGE(total(s, query) == 2, std::string(query));
  }
  // In a phrase too, a name's other single-word spellings count.
  {
    Searcher s(db);
    CHECK(total(s, "\"Erdogan\"") == 2);
    CHECK(total(s, "\"Erdogan visited\"") == 1);
  }
  // A query that names no actor first, then one that does.
  Searcher s(db);
  CHECK(total(s, "markets") == 1);
  CHECK(total(s, "erdogan") == 2);
  // The user's synonyms apply to words the actor tables lack.
  Searcher user(db);
  SynonymTable mine;
  CHECK(mine.add("Kyiv = Kiev\n", "mine").empty());
  user.set_synonyms(mine);
  CHECK(total(user, "kyiv") == 1);
  CHECK(total(user, "erdogan") == 2);
}

namespace {

// Three articles spell one Gerasimov two ways; a fourth names another
// person (Gerasimova). Two outlets, two months.
Xapian::WritableDatabase gerasimov_spellings_db() {
  return test::make_db({
      test::make_article("a", "Losses", "Commander Vitaliy Gerasimov died.",
                         "AnewZ", "2025-06-02"),
      test::make_article("b", "Losses", "Commander Vitaly Gerasimov died.",
                         "AnewZ", "2025-06-03"),
      test::make_article("c", "Losses", "Commander Vitaly Gerasimov was named.",
                         "SBS News", "2025-07-04"),
      test::make_article("d", "Losses", "Commander Vitaly Gerasimova spoke.",
                         "SBS News", "2025-07-05"),
  });
}

}  // namespace

TEST_CASE("spellings of one name across articles are one actor value") {
  Searcher s(gerasimov_spellings_db());
  SearchRequest r;
  r.query = "losses";
  r.facets = {{"actor", DateGranularity::kDay}};
  for (bool portable : {false, true}) {
    CAPTURE(portable);
    s.set_portable(portable);
    SearchResponse resp = s.search(r);
    REQUIRE(resp.facets.size() == 1);
    std::vector<std::pair<std::string, std::size_t>> got;
    for (const auto& v : resp.facets[0].values)
      got.emplace_back(v.value, v.count);
    // The most frequent spelling names the merged value.
    CHECK(got == std::vector<std::pair<std::string, std::size_t>>{
                     {"Vitaly Gerasimov", 3}, {"Vitaly Gerasimova", 1}});
  }
  s.set_portable(false);
  // Filtering by any spelling finds every article of the merged value.
  SearchRequest f;
  f.filters.actors = {"Vitaliy Gerasimov"};
  CHECK(s.search(f).total == 3);
  SearchRequest q;
  q.query = "actor:\"vitaly gerasimov\"";
  CHECK(s.search(q).total == 3);
}

TEST_CASE("a cross-tab's actor axis merges spellings as the actor facet does") {
  Searcher s(gerasimov_spellings_db());
  SearchRequest r;
  r.query = "losses";
  REQUIRE_FALSE(
      parse_facet_list("actor,actor/source,date:month/actor", r.facets));
  SearchResponse resp = s.search(r);
  REQUIRE_MESSAGE(resp.ok, resp.error);
  REQUIRE(resp.facets.size() == 3);
  std::vector<std::string> one_way;
  for (const auto& v : resp.facets[0].values) one_way.push_back(v.value);
  REQUIRE(one_way ==
          std::vector<std::string>{"Vitaly Gerasimov", "Vitaly Gerasimova"});
  // Rows: the actor facet's values, named and counted alike.
  REQUIRE(resp.facets[1].cross.has_value());
  const CrossTab& by_source = *resp.facets[1].cross;
  CHECK(by_source.rows == one_way);
  CHECK(by_source.columns == std::vector<std::string>{"AnewZ", "SBS News"});
  CHECK(by_source.counts ==
        std::vector<std::vector<std::size_t>>{{2, 1}, {0, 1}});
  CHECK(by_source.row_totals == std::vector<std::size_t>{3, 1});
  CHECK(by_source.column_totals == std::vector<std::size_t>{2, 2});
  // Columns too.
  REQUIRE(resp.facets[2].cross.has_value());
  const CrossTab& by_month = *resp.facets[2].cross;
  CHECK(by_month.rows == std::vector<std::string>{"2025-06", "2025-07"});
  CHECK(by_month.columns == one_way);
  CHECK(by_month.counts ==
        std::vector<std::vector<std::size_t>>{{2, 0}, {1, 1}});
  CHECK(by_month.column_totals == std::vector<std::size_t>{3, 1});
}

TEST_CASE("a search past its deadline stops and says it timed out") {
  Searcher s = seed_searcher();
  SearchRequest r;
  r.query = "talks";
  r.facets = {{"source", DateGranularity::kDay}};
  SearchResponse in_time = s.search(r);
  REQUIRE(in_time.ok);
  REQUIRE(in_time.total > 0);
  CHECK_FALSE(in_time.timed_out);
  // A deadline already passed: the match is stopped, not answered late
  // (the clock is read at the first match, inside Xapian's matcher: the
  // exception must leave it cleanly, which the ASan build checks).
  r.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  SearchResponse late = s.search(r);
  CHECK_FALSE(late.ok);
  CHECK(late.timed_out);
  CHECK(late.error.find("time limit") != std::string::npos);
  CHECK(late.hits.empty());
  // The searcher answers the next request normally.
  r.deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  SearchResponse next = s.search(r);
  CHECK(next.ok);
  CHECK(next.total == in_time.total);
}

}  // namespace newsdex
