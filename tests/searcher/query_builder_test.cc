// Tests for searcher/query_builder.cc, as rows of input and the expected
// Xapian query description (the way Xapian tests its own query parser).
#include "searcher/query_builder.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace newsdex {

namespace {

// A fixed "today" (Wednesday 2025-07-16) for relative dates.
const std::chrono::sys_days kToday{std::chrono::year{2025} / 7 / 16};

Xapian::WritableDatabase seed_db() {
  return test::make_db({
      test::make_article("1", "Peace talks", "negotiations negotiators",
                         "SBS News", "2025-05-16"),
      test::make_article("2", "Ceasefire", "talks failed", "AnewZ",
                         "2025-06-02"),
  });
}

std::string describe(const std::string& text, QueryFilters filters = {},
                     MatchMode mode = MatchMode::kAll) {
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  ParsedQuery q = builder.build(text, filters, mode);
  REQUIRE_MESSAGE(q.ok, q.message);
  return q.query.get_description();
}

}  // namespace

TEST_CASE("fold_query_case folds words but keeps operators") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"Peace Talks", "peace talks"},
      {"Peace AND Talks", "peace AND talks"},
      {"(Kyiv OR Kiev) NOT Moscow", "(kyiv OR kiev) NOT moscow"},
      {"Putin NEAR/3 Trump", "putin NEAR/3 trump"},
      {"title:ISTANBUL", "title:istanbul"},
      {"ÉCOLE", "école"},
      {"\"Peace AND War\"", "\"peace and war\""},
      {"XOR ADJ/12 NEAR/ ANDY NOTE OR/x", "XOR ADJ/12 near/ andy note or/x"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(fold_query_case(row.in) == row.out);
  }
}

TEST_CASE("queries parse to the expected Xapian queries") {
  struct Row {
    const char* in;
    const char* description;
  };
  const Row rows[] = {
      {"talks", "Query(Ztalk@1)"},
      {"Talks", "Query(Ztalk@1)"},  // case does not change stemming
      {"peace talks", "Query((Zpeac@1 AND Ztalk@2))"},
      {"peace OR talks", "Query((Zpeac@1 OR Ztalk@2))"},
      {"peace -talks", "Query((Zpeac@1 AND_NOT Ztalk@2))"},
      {"\"peace talks\"", "Query((Zpeac@1 PHRASE 2 Ztalk@2))"},
      {"title:peace", "Query(ZSpeac@1)"},
      {"source:\"SBS News\"", "Query(0 * XSsbsnews)"},
      {"source:sbsnews talks", "Query((Ztalk@1 FILTER XSsbsnews))"},
      // Without spelling data (in-memory), a wildcard matches stems.
      {"negotiat*", "Query(WILDCARD SYNONYM Znegotiat)"},
      {"\"peace talk*\"", "Query((Zpeac@1 PHRASE 2 Ztalk@2))"},
      {"date:2025-06", "Query(VALUE_RANGE 1 202506 202506~)"},
      {"date:2025-06-01..2025-07-15",
       "Query(VALUE_RANGE 1 20250601 20250715~)"},
      {"date:2025..", "Query(VALUE_GE 1 2025)"},
      {"date:..2024", "Query(VALUE_LE 1 2024~)"},
      {"date:last-week..", "Query(VALUE_GE 1 20250707)"},
      {"date:yesterday", "Query(VALUE_RANGE 1 20250715 20250715~)"},
      {"", "Query(<alldocuments>)"},
      {"NOT talks", "Query((<alldocuments> AND_NOT Ztalk@1))"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(describe(row.in) == row.description);
  }
}

TEST_CASE("the default operator can be OR") {
  CHECK(describe("peace talks", {}, MatchMode::kAny) ==
        "Query((Zpeac@1 OR Ztalk@2))");
}

TEST_CASE(
    "by default up to three words must all match, a longer query any of "
    "them, operators, +/- and filters keep their meaning") {
  struct Row {
    const char* in;
    MatchMode applied;
    std::size_t words;
    const char* description;
  };
  const Row rows[] = {
      {"peace talks", MatchMode::kAll, 2, "Query((Zpeac@1 AND Ztalk@2))"},
      {"peace talks failed", MatchMode::kAll, 3,
       "Query((Zpeac@1 AND Ztalk@2 AND Zfail@3))"},
      {"why the peace talks failed", MatchMode::kAny, 5,
       "Query((Zwhi@1 OR Zthe@2 OR Zpeac@3 OR Ztalk@4 OR Zfail@5))"},
      // A phrase is one word; "." makes no term and is not counted.
      {"\"peace talks\" failed . again", MatchMode::kAll, 3,
       "Query(((Zpeac@1 PHRASE 2 Ztalk@2) AND Zfail@3 AND Zagain@4))"},
      // Signed words and filters are not counted, and keep their meaning.
      {"+peace -war talks failed again", MatchMode::kAll, 3,
       "Query(((Zpeac@1 AND (Ztalk@3 AND Zfail@4 AND Zagain@5)) AND_NOT "
       "Zwar@2))"},
      {"+peace talks failed again today", MatchMode::kAny, 4,
       "Query((Zpeac@1 AND_MAYBE (Ztalk@2 OR Zfail@3 OR Zagain@4 OR "
       "Ztoday@5)))"},
      {"talks failed again source:sbsnews", MatchMode::kAll, 3,
       "Query(((Ztalk@1 AND Zfail@2 AND Zagain@3) FILTER XSsbsnews))"},
      // Every side-by-side group of a longer query takes OR; AND still
      // needs both sides.
      {"peace talks AND ceasefire failed", MatchMode::kAny, 4,
       "Query(((Zpeac@1 OR Ztalk@2) AND (Zceasefir@3 OR Zfail@4)))"},
  };
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  for (const Row& row : rows) {
    CAPTURE(row.in);
    ParsedQuery q = builder.build(row.in, {}, MatchMode::kAuto);
    REQUIRE_MESSAGE(q.ok, q.message);
    CHECK(q.match == row.applied);
    CHECK(q.match_words == row.words);
    CHECK(q.query.get_description() == row.description);
  }
  // --match all and --match any override the rule.
  ParsedQuery all =
      builder.build("why the peace talks failed", {}, MatchMode::kAll);
  CHECK(all.match == MatchMode::kAll);
  CHECK(all.match_words == 5);
  ParsedQuery any = builder.build("peace talks", {}, MatchMode::kAny);
  CHECK(any.match == MatchMode::kAny);
  CHECK(any.query.get_description() == "Query((Zpeac@1 OR Ztalk@2))");
}

TEST_CASE("filters wrap the query") {
  QueryFilters f;
  f.sources = {"SBS news", "anewz"};
  f.since = "2025-06";
  CHECK(
      describe("talks", f) ==
      "Query((Ztalk@1 FILTER ((XSsbsnews OR XSanewz) AND VALUE_GE 1 202506)))");
  QueryFilters g;
  g.until = "2025-05-31";
  CHECK(describe("", g) ==
        "Query((<alldocuments> FILTER VALUE_LE 1 20250531~))");
}

TEST_CASE("malformed queries and dates come back as errors, not exceptions") {
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  ParsedQuery bad = builder.build("talks AND", {}, MatchMode::kAll);
  CHECK_FALSE(bad.ok);
  CHECK(bad.message == "'AND' needs a query on each side");
  CHECK(bad.offending == "talks AND");

  ParsedQuery bad_date = builder.build("date:2025-13", {}, MatchMode::kAll);
  CHECK_FALSE(bad_date.ok);
  CHECK(bad_date.message.find("invalid date '2025-13'") != std::string::npos);

  QueryFilters f;
  f.since = "last tuesdayish";
  ParsedQuery bad_since = builder.build("talks", f, MatchMode::kAll);
  CHECK_FALSE(bad_since.ok);
  CHECK(bad_since.message == "invalid date 'last tuesdayish'");
  CHECK(bad_since.offending == "--since last tuesdayish");
}

TEST_CASE("a bad date field under + or - is an error, not a crash") {
  // Xapian 1.4's QueryParser frees memory it does not own when a field
  // processor throws inside a +/- clause (and leaks otherwise).
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  for (const char* text : {"-date:x", "+date:x", "talks -date:2025-13",
                           "(+date:x OR talks)", "date:2025-13"}) {
    CAPTURE(text);
    ParsedQuery q = builder.build(text, {}, MatchMode::kAll);
    CHECK_FALSE(q.ok);
    CHECK(q.message.find("invalid date") != std::string::npos);
    CHECK(q.offending == text);
  }
}

TEST_CASE("any error Xapian's parser raises is an error value") {
  // Found by scripts/fuzz query: without spelling data (in-memory, remote
  // shards) a wildcard is Xapian's own, and Xapian 1.4 throws other errors
  // than QueryParserError for it in some places.
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  std::string text("Zt\0\0\0\0\0(\x01\0\0R \0O eiv)k NEAR zelenskyg*", 37);
  ParsedQuery q;
  CHECK_NOTHROW(q = builder.build(text, {}, MatchMode::kAll));
  if (!q.ok) CHECK_FALSE(q.message.empty());
}

TEST_CASE("a wildcard word with punctuation in it does not crash Xapian") {
  // Found by scripts/fuzz query: "x +k/ab*" became "x +wild:k/ab", which
  // Xapian 1.4's parser splits into a phrase around a field processor's
  // query and then dereferences a null query (SIGSEGV).
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  for (const char* text : {"x +k/ab*", "x +k.a*", "a* OR b* +c/a*",
                           "/a* OR RkO* +k/a* OR RkO*", "talks +u.s*"}) {
    CAPTURE(std::string(text));
    ParsedQuery q;
    CHECK_NOTHROW(q = builder.build(text, {}, MatchMode::kAll));
  }
  // Plain words keep their wildcard.
  CHECK(builder.build("x +talk*", {}, MatchMode::kAll).wildcard_prefixes ==
        std::vector<std::string>{"talk"});
}

TEST_CASE("a range that ends before it starts is an error") {
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  ParsedQuery q = builder.build("-date:1987-03-01..1986", {}, MatchMode::kAll);
  CHECK_FALSE(q.ok);
  CHECK(q.message.find("ends before it starts") != std::string::npos);
  QueryFilters f;
  f.since = "2025-06";
  f.until = "2025-05";
  ParsedQuery g = builder.build("talks", f, MatchMode::kAll);
  CHECK_FALSE(g.ok);
  CHECK(g.message.find("ends before it starts") != std::string::npos);
  // A range within one month is fine.
  f.since = "2025-06";
  f.until = "2025-06";
  CHECK(builder.build("talks", f, MatchMode::kAll).ok);
}

TEST_CASE("a very long wildcard word is rewritten in linear time") {
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  // std::regex recursed once per character and overflowed the stack.
  std::string word(30000, 'a');
  ParsedQuery q = builder.build(word + "*", {}, MatchMode::kAll);
  CHECK(q.ok);
  CHECK(q.wildcard_prefixes == std::vector<std::string>{word});
  ParsedQuery r =
      builder.build(std::string(16000, 'a') + " (oil* OR title:gas*) \"x*\"",
                    {}, MatchMode::kAll);
  CHECK(r.ok);
  CHECK(r.wildcard_prefixes == std::vector<std::string>{"oil", "gas", "x"});
}

TEST_CASE("wildcards expand over the articles' words, as stems") {
  auto dir = test::scratch_dir("wildcard_spelling");
  test::index_at(dir / "db",
                 test::index_options(
                     {test::make_article("1", "Peace talks",
                                         "negotiations with negotiators"),
                      test::make_article("2", "Ceasefire", "they negotiate")}));
  Xapian::Database db((dir / "db").string());
  QueryBuilder builder(db, "english", test::sources(), kToday);
  auto describe_on_disk = [&](const std::string& text) {
    ParsedQuery q = builder.build(text, {}, MatchMode::kAll);
    REQUIRE_MESSAGE(q.ok, q.message);
    return q.query.get_description();
  };
  // "negotia*" finds negotiate/negotiations (stem "negoti") and
  // negotiators (stem "negoti"), though no stem starts with "negotia".
  CHECK(describe_on_disk("negotia*") == "Query(Znegoti)");
  CHECK(describe_on_disk("ceas* OR pea*") == "Query((Zceasefir OR Zpeac))");
  CHECK(describe_on_disk("title:pea*") == "Query(ZSpeac)");
  CHECK(describe_on_disk("zzz*") == "Query(Zzzz)");
}

TEST_CASE("a query's wildcards expand to a bounded number of words") {
  auto dir = test::scratch_dir("wildcard_budget");
  {
    std::string text;
    for (char first : {'p', 'q', 'r'}) {
      for (int i = 0; i < 2600; ++i) {
        text += first;
        for (int n = i; n > 0 || text.back() == first; n /= 26) {
          text += static_cast<char>('a' + n % 26);
          if (n < 26) break;
        }
        text += ' ';
      }
    }
    test::index_at(
        dir / "db",
        test::index_options({test::make_article("1", "Words", text)}, "none"));
  }
  Xapian::Database db((dir / "db").string());
  QueryBuilder builder(db, "none", test::sources(), kToday);
  auto terms = [&](const std::string& text) {
    ParsedQuery q = builder.build(text, {}, MatchMode::kAny);
    REQUIRE_MESSAGE(q.ok, q.message);
    return static_cast<std::size_t>(std::distance(
        q.query.get_unique_terms_begin(), q.query.get_unique_terms_end()));
  };
  CHECK(terms("p*") == kMaxWildcardExpansion);
  CHECK(terms("p* q* r*") == kMaxQueryWildcardTerms);
}

TEST_CASE("wildcard prefixes are collected for highlighting") {
  auto db = seed_db();
  QueryBuilder builder(db, "english", test::sources(), kToday);
  ParsedQuery q = builder.build("Negotiat* title:peac*", {}, MatchMode::kAll);
  REQUIRE(q.ok);
  CHECK(q.wildcard_prefixes == std::vector<std::string>{"negotiat", "peac"});
}

}  // namespace newsdex
