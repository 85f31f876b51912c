// End-to-end tests of declared fields (newsdex-index --field), filters
// and facets on them, cross-tabulations, date histograms, --show and CSV:
// on a small corpus built here, and on HuffPost, RUWA and the BBC folder
// when ../shared is present.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

const bool kNoShared = shared_corpora().empty();

void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Six articles: category (one lacks it), keywords (a list), a number and
// a long category value.
std::string small_corpus(const std::filesystem::path& dir) {
  std::string long_value(300, 'x');
  auto path = dir / "news.jsonl";
  write(
      path,
      R"({"id":"a1","source":"BBC","date":"2022-01-10","title":"Budget vote","text":"Parliament votes on the budget.","category":"Politics","keywords":["budget","vote"],"rank":3})"
      "\n"
      R"({"id":"a2","source":"BBC","date":"2022-03-02","title":"Cup final","text":"The cup final ends in a draw.","category":"Sport","keywords":["cup"],"rank":1})"
      "\n"
      R"({"id":"a3","source":"Reuters","date":"2022-03-15","title":"Budget talks","text":"Talks on the budget continue, he said.","category":"politics","keywords":["budget"],"rank":3})"
      "\n"
      R"({"id":"a4","source":"Reuters","date":"2022-04-01","title":"Markets rise","text":"Markets rise on the budget news.","category":"Business, Markets","rank":"n/a"})"
      "\n"
      R"({"id":"a5","source":"Reuters","date":"2022-06-20","title":"Weather","text":"Rain, with a \"chance\" of sun.\nMore rain.","keywords":[]})"
      "\n"
      R"({"id":"a6","source":"AP","title":"Long one","text":"A long category value.","category":")" +
          long_value + "\"}\n");
  return path.string();
}

nlohmann::json summary_of(const ProgramResult& r) {
  auto lines = json_lines(r.out);
  REQUIRE(!lines.empty());
  return lines.back()["data"];
}

nlohmann::json facets_of(const ProgramResult& r) {
  auto facets = of_type(json_lines(r.out), "facets");
  REQUIRE(facets.size() == 1);
  return facets[0];
}

std::map<std::string, std::size_t> counts(const nlohmann::json& values) {
  std::map<std::string, std::size_t> out;
  for (const auto& v : values) out[v["value"]] = v["count"];
  return out;
}

std::string index_small(const std::string& name) {
  auto dir = scratch(name);
  std::string input = small_corpus(dir);
  std::string db = (dir / "db").string();
  auto r = run("newsdex-index",
               {"--db", db, "--json", "--field", "category", "--field",
                "keywords:keywords", "--field", "rank:number", input});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return db;
}

// Reads CSV with Python's csv module and prints the rows back as JSON.
std::vector<std::vector<std::string>> python_csv(const std::string& csv,
                                                 const std::string& name) {
  auto path = scratch(name) / "out.csv";
  write(path, csv);
  auto script = path.parent_path() / "read.py";
  write(script,
        "import csv,json,sys\n"
        "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
        "    print(json.dumps(list(csv.reader(f))))\n");
  std::string command =
      "python3 '" + script.string() + "' '" + path.string() + "'";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  REQUIRE(pclose(pipe) == 0);
  return nlohmann::json::parse(out)
      .get<std::vector<std::vector<std::string>>>();
}

}  // namespace

TEST_CASE("declared fields: warnings, stored declarations, --stats") {
  auto dir = scratch("fields-declare");
  std::string input = small_corpus(dir);
  std::string db = (dir / "db").string();
  auto r = run("newsdex-index", {"--db", db, "--json", "--field", "category",
                                 "--field", "keywords:keywords", input});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  // a5 has no category; a4, a5 and a6 no keywords (an empty list is
  // none).
  CHECK(r.err.find("field category: 1 of 6 records have no value") !=
        std::string::npos);
  CHECK(r.err.find("field keywords: 3 of 6 records") != std::string::npos);
  auto fields = summary_of(r)["fields"];
  REQUIRE(fields.size() == 2);
  CHECK(fields[0]["name"] == "category");
  CHECK(fields[0]["lacking"] == 1);
  CHECK(fields[1]["kind"] == "keywords");

  // A later run without --field keeps them; another kind is refused.
  auto again = run("newsdex-index", {"--db", db, "--json", input});
  CHECK(again.exit_code == 0);
  CHECK(summary_of(again)["unchanged"] == 6);
  CHECK(summary_of(again)["fields"].size() == 2);
  auto other_kind =
      run("newsdex-index", {"--db", db, "--field", "category:number", input});
  CHECK(other_kind.exit_code == 2);
  CHECK(other_kind.err.find("declared as keyword") != std::string::npos);

  auto stats = run("newsdex-search", {"--db", db, "--stats", "--json"});
  REQUIRE(stats.exit_code == 0);
  std::set<std::string> declared;
  auto stats_data = summary_of(stats);
  for (const auto& f : stats_data["fields"]) {
    if (f["declared"]) declared.insert(f["name"].get<std::string>());
  }
  CHECK(declared == std::set<std::string>{"category", "keywords"});
  auto human = run("newsdex-search", {"--db", db, "--stats"});
  CHECK(human.out.find("category (keyword), keywords (keywords)") !=
        std::string::npos);
}

TEST_CASE("declaring a field a record already had indexes it again") {
  auto dir = scratch("fields-later");
  std::string input = small_corpus(dir);
  std::string db = (dir / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, input}).exit_code == 0);
  auto r = run("newsdex-index",
               {"--db", db, "--json", "--field", "category", input});
  REQUIRE(r.exit_code == 0);
  CHECK(summary_of(r)["updated"] == 6);
  auto hits = run("newsdex-search",
                  {"--db", db, "--json", "--count", "category:politics"});
  CHECK(summary_of(hits)["total"] == 2);
}

TEST_CASE("bad field declarations exit 2 with the reason") {
  auto dir = scratch("fields-bad");
  std::string input = small_corpus(dir);
  std::string db = (dir / "db").string();
  auto clash = run("newsdex-index", {"--db", db, "--field", "source", input});
  CHECK(clash.exit_code == 2);
  CHECK(clash.err.find("clashes with the built-in field source") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
  auto kind = run("newsdex-index", {"--db", db, "--field", "x:colour", input});
  CHECK(kind.exit_code == 2);
  CHECK(kind.err.find("choose keyword, keywords, number or date") !=
        std::string::npos);
}

TEST_CASE("declared fields filter in queries and with --where") {
  std::string db = index_small("fields-filter");
  auto total = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json", "--limit", "0"});
    auto r = run("newsdex-search", args);
    CHECK(r.exit_code <= 1);
    return summary_of(r)["total"].get<std::size_t>();
  };
  CHECK(total({"category:politics"}) == 2);  // case does not matter
  CHECK(total({"category:POLITICS budget"}) == 2);
  CHECK(total({"category:\"business, markets\""}) == 1);
  CHECK(total({"keywords:budget"}) == 2);
  CHECK(total({"keywords:budget -source:bbc"}) == 1);
  CHECK(total({"rank:3"}) == 2);
  CHECK(total({"id:a2"}) == 1);
  CHECK(total({"--where", "category=Sport"}) == 1);
  CHECK(total({"--where", "category=Sport", "--where", "category=politics"}) ==
        3);
  CHECK(total({"--where", "category=politics", "--where", "keywords=vote"}) ==
        1);
  CHECK(total({"--where", "source=Reuters", "--where", "id=a4"}) == 1);
  // A value too long for a term is still exact.
  CHECK(total({"--where", "category=" + std::string(300, 'x')}) == 1);
  CHECK(total({"--where", "category=" + std::string(299, 'x')}) == 0);

  auto unknown = run("newsdex-search", {"--db", db, "--where", "colour=red"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown field 'colour'") != std::string::npos);
  CHECK(unknown.err.find("category") != std::string::npos);
  auto malformed = run("newsdex-search", {"--db", db, "--where", "category"});
  CHECK(malformed.exit_code == 2);
  CHECK(malformed.err.find("needs FIELD=VALUE") != std::string::npos);
}

TEST_CASE("declared facets count, and an unknown facet names the fields") {
  std::string db = index_small("fields-facets");
  auto r = run("newsdex-search",
               {"--db", db, "--json", "--facets", "category,keywords,rank"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto facets = facets_of(r);
  auto category = counts(facets["category"]);
  CHECK(category["Sport"] == 1);
  CHECK(category["unknown"] == 1);
  auto keywords = counts(facets["keywords"]);
  CHECK(keywords["budget"] == 2);
  CHECK(keywords["vote"] == 1);
  CHECK(keywords["unknown"] == 3);
  CHECK(counts(facets["rank"])["3"] == 2);

  auto unknown = run("newsdex-search", {"--db", db, "--facets", "colour"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown facet 'colour'") != std::string::npos);
  CHECK(unknown.err.find("source, date, actor, author, category, keywords, "
                         "rank") != std::string::npos);
  auto granular =
      run("newsdex-search", {"--db", db, "--facets", "category:month"});
  CHECK(granular.exit_code == 2);
}

TEST_CASE("date facets are whole histograms, and cross-tabs add up") {
  std::string db = index_small("fields-crosstab");
  auto r = run("newsdex-search",
               {"--db", db, "--json", "--facet-size", "1", "--facets",
                "source,date:month,source/date:month"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto facets = facets_of(r);
  // Every month from the first to the last, empty ones 0, in order.
  std::vector<std::string> months;
  for (const auto& v : facets["date:month"]) months.push_back(v["value"]);
  CHECK(months == std::vector<std::string>{"2022-01", "2022-02", "2022-03",
                                           "2022-04", "2022-05", "2022-06",
                                           "unknown"});
  CHECK(counts(facets["date:month"])["2022-02"] == 0);
  auto summary = summary_of(r);
  CHECK(summary["facets"]["date:month"]["other"] == 0);
  // --facet-size still limits the others.
  CHECK(facets["source"].size() == 1);
  CHECK(summary["facets"]["source"]["other"] == 3);

  auto table = facets["source/date:month"];
  auto info = summary["facets"]["source/date:month"];
  CHECK(info["total"] == 6);
  std::map<std::string, std::size_t> by_month;
  std::size_t all = 0;
  for (const auto& [row, columns] : table.items()) {
    std::size_t row_sum = 0;
    for (const auto& [column, count] : columns.items()) {
      row_sum += count.get<std::size_t>();
      by_month[column] += count.get<std::size_t>();
    }
    CHECK(info["row_totals"][row] == row_sum);
    all += row_sum;
  }
  CHECK(all == 6);
  // Columns add up to the one-way histogram.
  for (const auto& [month, count] : counts(facets["date:month"])) {
    CHECK(by_month[month] == count);
  }
  // Rows past --facet-size are folded into (other).
  CHECK(info["rows"].size() == 2);
  CHECK(info["rows"][1] == "(other)");
  CHECK(table["Reuters"]["2022-03"] == 1);

  auto text = run("newsdex-search", {"--db", db, "--facets",
                                     "source/date:month", "--limit", "0"});
  CHECK(text.out.find("source \\ date") != std::string::npos);
  CHECK(text.out.find("total") != std::string::npos);
}

TEST_CASE("--show prints whole articles, with --json one object each") {
  std::string db = index_small("fields-show");
  auto r = run("newsdex-search", {"--db", db, "--show", "a5", "a1"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("Rain, with a \"chance\" of sun.\nMore rain.") !=
        std::string::npos);
  CHECK(r.out.find("category:  Politics\n") != std::string::npos);
  CHECK(r.out.find("id:") < r.out.find("Budget vote"));
  auto j = run("newsdex-search", {"--db", db, "--json", "--show", "a1", "a2"});
  auto lines = json_lines(j.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["type"] == "article");
  CHECK(lines[0]["data"]["id"] == "a1");
  CHECK(lines[0]["data"]["text"] == "Parliament votes on the budget.");
  CHECK(lines[0]["data"]["extra"]["category"] == "Politics");
  CHECK(lines[1]["data"]["date"] == "2022-03-02");
  auto missing = run("newsdex-search", {"--db", db, "--show", "a1", "nope"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no article with id 'nope'") != std::string::npos);
}

TEST_CASE("CSV output reads back identically with Python's csv module") {
  std::string db = index_small("fields-csv");
  auto hits = run("newsdex-search", {"--db", db, "--format", "csv", "--sort",
                                     "date", "--limit", "20", ""});
  REQUIRE_MESSAGE(hits.exit_code == 0, hits.err);
  auto json = run("newsdex-search", {"--db", db, "--json", "--sort", "date",
                                     "--limit", "20", ""});
  auto expected = of_type(json_lines(json.out), "hit");
  auto rows = python_csv(hits.out, "fields-csv-hits");
  REQUIRE(rows.size() == expected.size() + 1);
  CHECK(rows[0] == std::vector<std::string>{"rank", "id", "date", "source",
                                            "title", "url", "actors", "authors",
                                            "score"});
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& hit = expected[i];
    CHECK(rows[i + 1][1] == hit["id"]);
    // An undated hit: null in JSON, an empty field in CSV.
    std::string date =
        hit["date"].is_null() ? "" : hit["date"].get<std::string>();
    CHECK(rows[i + 1][2] == date);
    CHECK(rows[i + 1][3] == hit["source"]);
  }
  auto facets = run("newsdex-search", {"--db", db, "--format", "csv",
                                       "--facets", "category,source/category"});
  REQUIRE_MESSAGE(facets.exit_code == 0, facets.err);
  auto table = python_csv(facets.out, "fields-csv-facets");
  REQUIRE(table.size() > 1);
  CHECK(table[0] == std::vector<std::string>{"facet", "value", "by", "count"});
  bool quoted = false;
  for (const auto& row : table) {
    if (row[1] == "Business, Markets") quoted = true;
  }
  CHECK(quoted);
}

TEST_CASE("BBC folder: folder as a field, facet and cross-tab" *
          doctest::skip(kNoShared)) {
  auto bbc = shared_corpora() / "bbc";
  std::string db = (scratch("fields-bbc") / "db").string();
  auto r = run("newsdex-index",
               {"--db", db, "--json", "--field", "folder", bbc.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(summary_of(r)["fields"][0]["lacking"] == 0);
  auto s = run("newsdex-search", {"--db", db, "--json", "--limit", "0",
                                  "--facets", "folder,source/folder"});
  REQUIRE(s.exit_code == 0);
  auto folders = counts(facets_of(s)["folder"]);
  CHECK(folders.size() == 5);
  CHECK(folders["politics"] == 417);
  std::size_t sum = 0;
  for (const auto& [name, count] : folders) sum += count;
  CHECK(sum == 2224);
  auto info = summary_of(s)["facets"]["source/folder"];
  CHECK(info["column_totals"]["politics"] == 417);
  auto politics = run("newsdex-search", {"--db", db, "--json", "--count",
                                         "--where", "folder=politics"});
  CHECK(summary_of(politics)["total"] == 417);
  auto show = run("newsdex-search",
                  {"--db", db, "--json", "--show", "politics/001.txt"});
  REQUIRE(show.exit_code == 0);
  CHECK(json_lines(show.out)[0]["data"]["extra"]["folder"] == "politics");
}

TEST_CASE("HuffPost: category and authors facets and filters" *
          doctest::skip(kNoShared)) {
  auto file = shared_corpora() / "huffpost_subset" / "huffpost_subset.jsonl.gz";
  std::map<std::string, std::size_t> expected;
  for_each_jsonl_record(file, [&](const nlohmann::json& j) {
    ++expected[j.value("category", std::string("unknown"))];
    return true;
  });
  std::string db = (scratch("fields-huffpost") / "db").string();
  auto r = run("newsdex-index", {"--db", db, "--json", "--no-actors", "--field",
                                 "category", file.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto s = run("newsdex-search",
               {"--db", db, "--json", "--limit", "0", "--facet-size", "0",
                "--facets", "category,author,category/date:year"});
  REQUIRE(s.exit_code == 0);
  auto facets = facets_of(s);
  auto category = counts(facets["category"]);
  CHECK(category == expected);
  CHECK(counts(facets["author"]).size() > 100);
  auto info = summary_of(s)["facets"]["category/date:year"];
  for (const auto& [name, count] : expected) {
    CHECK(info["row_totals"][name] == count);
  }
  auto politics = run("newsdex-search",
                      {"--db", db, "--json", "--count", "category:politics"});
  CHECK(summary_of(politics)["total"] == expected["POLITICS"]);
}

TEST_CASE("RUWA: event and keywords facets and filters" *
          doctest::skip(kNoShared)) {
  auto file = shared_corpora() / "ruwa_ukraine" / "ruwa_ukraine.jsonl.gz";
  std::map<std::string, std::size_t> events, keywords;
  for_each_jsonl_record(file, [&](const nlohmann::json& j) {
    // Records with neither title nor text are skipped by design.
    if (j.value("title", "").empty() && j.value("text", "").empty()) {
      return true;
    }
    if (j.contains("event")) ++events[j["event"].get<std::string>()];
    std::set<std::string> own;
    for (const auto& k : j.value("keywords", nlohmann::json::array())) {
      own.insert(k.get<std::string>());
    }
    for (const auto& k : own) ++keywords[k];
    return true;
  });
  std::string db = (scratch("fields-ruwa") / "db").string();
  auto r = run("newsdex-index",
               {"--db", db, "--json", "--no-actors", "--field", "event",
                "--field", "keywords:keywords", file.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto s = run("newsdex-search",
               {"--db", db, "--json", "--limit", "0", "--facet-size", "0",
                "--facets", "event,keywords,event/source"});
  REQUIRE(s.exit_code == 0);
  auto facets = facets_of(s);
  auto event = counts(facets["event"]);
  event.erase("unknown");
  CHECK(event == events);
  auto found = counts(facets["keywords"]);
  found.erase("unknown");
  CHECK(found == keywords);
  auto info = summary_of(s)["facets"]["event/source"];
  for (const auto& [name, count] : events) {
    CHECK(info["row_totals"][name] == count);
  }
  REQUIRE(!keywords.empty());
  const auto& [keyword, count] = *keywords.begin();
  auto filtered = run("newsdex-search", {"--db", db, "--json", "--count",
                                         "--where", "keywords=" + keyword});
  CHECK(summary_of(filtered)["total"] == count);
}

}  // namespace newsdex::e2e
