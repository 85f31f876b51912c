// End-to-end tests of dates and sources: relative date filters, undated
// records, user source tables, --stats; and, on ../shared/corpora, the date
// recognition rate of every JSONL corpus and the RUWA outlets.
#include <doctest/doctest.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>

#include "common/date_parse.h"
#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

std::string iso_day(std::chrono::sys_days day) {
  std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::size_t total_of(const ProgramResult& r) {
  auto summary = of_type(json_lines(r.out), "summary");
  REQUIRE(summary.size() == 1);
  return summary[0]["total"];
}

// Calls `fn` with each JSON object of a .jsonl.gz file.
template <typename Fn>
void for_each_record(const std::filesystem::path& path, Fn fn) {
  for_each_jsonl_record(path, [&](const nlohmann::json& j) {
    fn(j);
    return true;
  });
}

const bool kNoShared = shared_corpora().empty();

}  // namespace

TEST_CASE("relative date filters count from today") {
  auto today =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::string input;
  const std::pair<const char*, int> rows[] = {
      {"r0", 0}, {"r1", 1}, {"r10", 10}, {"r40", 40}, {"r400", 400}};
  for (const auto& [id, days_ago] : rows) {
    input += "{\"id\": \"" + std::string(id) +
             "\", \"text\": \"lynx sighting\", "
             "\"date\": \"" +
             iso_day(today - std::chrono::days{days_ago}) + "\"}\n";
  }
  std::string db = (scratch("relative_dates") / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, "-"}, input).exit_code == 0);
  auto count = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json", "lynx"});
    return total_of(run("newsdex-search", args));
  };
  CHECK(count({"--since", "today"}) == 1);
  CHECK(count({"--since", "yesterday"}) == 2);
  CHECK(count({"--since", "7d"}) == 2);
  CHECK(count({"--since", "2w"}) == 3);
  CHECK(count({"--since", "1y"}) == 4);
  CHECK(count({"--until", "1y"}) == 1);
  CHECK(count({"date:yesterday"}) == 1);
  CHECK(count({"date:30d..7d"}) == 1);
}

TEST_CASE("future and impossible dates index the article without a date") {
  std::string db = (scratch("future_dates") / "db").string();
  std::string input =
      "{\"id\": \"f1\", \"text\": \"otter\", \"date\": \"2999-01-01\"}\n"
      "{\"id\": \"f2\", \"text\": \"otter\", \"date\": \"2025-13-01\"}\n"
      "{\"id\": \"f3\", \"text\": \"otter\", \"date\": \"2025-06-01\"}\n";
  auto r = run("newsdex-index", {"--db", db, "--json", "-"}, input);
  REQUIRE(r.exit_code == 0);
  auto s = json_lines(r.out)[0]["data"];
  CHECK(s["added"] == 3);
  CHECK(s["undated"] == 2);
  CHECK(s["undated_records"][0]["reason"] ==
        "date 2999-01-01 is in the future");
  auto facets = run("newsdex-search",
                    {"--db", db, "--json", "--facets", "date", "otter"});
  auto f = of_type(json_lines(facets.out), "facets");
  REQUIRE(f.size() == 1);
  std::map<std::string, int> counts;
  for (const auto& v : f[0]["date"]) counts[v["value"]] = v["count"];
  CHECK(counts ==
        std::map<std::string, int>{{"2025-06-01", 1}, {"unknown", 2}});
}

TEST_CASE("a user source table maps names and sites, and is kept") {
  auto dir = scratch("user_sources");
  std::string db = (dir / "db").string();
  std::ofstream(dir / "mine.tsv") << "Wild News Daily\tWND\twildnews.example\n";
  std::string input =
      "{\"id\": \"w1\", \"text\": \"beaver\", \"source\": \"WND\"}\n"
      "{\"id\": \"w2\", \"text\": \"beaver\", \"url\": "
      "\"https://www.wildnews.example/a\"}\n"
      "{\"id\": \"w3\", \"text\": \"beaver\", \"source\": \"bbc.co.uk\"}\n";
  REQUIRE(run("newsdex-index",
              {"--db", db, "--sources", (dir / "mine.tsv").string(), "-"},
              input)
              .exit_code == 0);
  auto r = run("newsdex-search", {"--db", db, "--json", "--facets", "source",
                                  "--facet-size", "0", "beaver"});
  auto f = of_type(json_lines(r.out), "facets");
  REQUIRE(f.size() == 1);
  std::map<std::string, int> counts;
  for (const auto& v : f[0]["source"]) counts[v["value"]] = v["count"];
  CHECK(counts ==
        std::map<std::string, int>{{"Wild News Daily", 2}, {"BBC", 1}});
  // The searcher knows the user's variants too.
  CHECK(total_of(run("newsdex-search", {"--db", db, "--json", "--source", "wnd",
                                        "beaver"})) == 2);
  CHECK(total_of(run("newsdex-search",
                     {"--db", db, "--json", "source:wildnews.example"})) == 2);
  // A later run without --sources keeps the table.
  REQUIRE(run("newsdex-index", {"--db", db, "-"},
              "{\"id\": \"w4\", \"text\": \"beaver\", \"source\": \"wnd\"}\n")
              .exit_code == 0);
  CHECK(total_of(run("newsdex-search", {"--db", db, "--json", "--source",
                                        "Wild News Daily", "beaver"})) == 3);
}

TEST_CASE("--stats summarises the database") {
  std::string db = (scratch("stats") / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, corpus_dir().string()}).exit_code ==
          0);
  auto r = run("newsdex-search", {"--db", db, "--stats", "--json"});
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["type"] == "stats");
  auto s = lines[0]["data"];
  CHECK(s["documents"] == 5);
  CHECK(s["undated"] == 0);
  CHECK(s["first_date"] == "2025-05-16");
  CHECK(s["last_date"] == "2025-07-22");
  CHECK(s["source_count"] == 5);
  CHECK(s["language"] == "english");
  CHECK(s["index_bytes"].get<long long>() > 0);
  CHECK(s["last_update"].get<std::string>().size() == 20);
  auto human = run("newsdex-search", {"--db", db, "--stats"});
  CHECK(human.out.find("documents   5\n") == 0);
  CHECK(human.out.find("2025-05-16 .. 2025-07-22") != std::string::npos);
}

TEST_CASE("an article is filed under its publisher's day, not UTC's") {
  // Issue #15: 22:00 in New York is 03:00 the next day in UTC.
  std::string input =
      "{\"id\": \"jan24\", \"text\": \"okapi report\", "
      "\"date\": \"2023-01-24T22:00:00-05:00\"}\n"
      "{\"id\": \"jan25\", \"text\": \"okapi report\", "
      "\"date\": \"2023-01-25T21:00:00-05:00\"}\n"
      "{\"id\": \"kyiv\", \"text\": \"okapi report\", "
      "\"date\": \"2023-01-25T00:30:00+02:00\"}\n";
  std::string db = (scratch("publisher_day") / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, "-"}, input).exit_code == 0);
  auto ids_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json", "--sort", "date"});
    std::vector<std::string> ids;
    for (const auto& hit :
         of_type(json_lines(run("newsdex-search", args).out), "hit")) {
      ids.push_back(hit["id"]);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  using Ids = std::vector<std::string>;
  CHECK(ids_of({"--since", "2023-01-25", "--until", "2023-01-25", "okapi"}) ==
        Ids{"jan25", "kyiv"});
  CHECK(ids_of({"--until", "2023-01-24", "okapi"}) == Ids{"jan24"});
  CHECK(ids_of({"date:2023-01-24", "okapi"}) == Ids{"jan24"});

  auto r = run("newsdex-search", {"--db", db, "--json", "--sort", "date",
                                  "--facets", "date", "okapi"});
  auto lines = json_lines(r.out);
  std::map<std::string, nlohmann::json> hits;
  for (const auto& hit : of_type(lines, "hit")) hits[hit["id"]] = hit;
  REQUIRE(hits.size() == 3);
  CHECK(hits["jan24"]["date"] == "2023-01-24");
  CHECK(hits["jan24"]["datetime"] == "2023-01-25T03:00:00Z");
  CHECK(hits["kyiv"]["date"] == "2023-01-25");
  CHECK(hits["kyiv"]["datetime"] == "2023-01-24T22:30:00Z");
  auto facets = of_type(lines, "facets");
  REQUIRE(facets.size() == 1);
  CHECK(facets[0]["date"] ==
        nlohmann::json::parse(R"([{"count":1,"value":"2023-01-24"},
                                  {"count":2,"value":"2023-01-25"}])"));
  auto human = run("newsdex-search", {"--db", db, "--sort", "date", "okapi"});
  CHECK(human.out.find("2023-01-24") < human.out.find("2023-01-25"));
  CHECK(human.out.find("2023-01-26") == std::string::npos);
  auto stats = run("newsdex-search", {"--db", db, "--stats"});
  CHECK(stats.out.find("2023-01-24 .. 2023-01-25") != std::string::npos);
}

TEST_CASE("ISW: every report under the day it was published" *
          doctest::skip(kNoShared)) {
  auto path = shared_corpora() / "isw_ukraine" / "isw_ukraine.jsonl.gz";
  std::map<std::string, std::size_t> per_day;  // as the publisher wrote it
  for_each_record(path, [&](const nlohmann::json& j) {
    per_day[j["date"].get<std::string>().substr(0, 10)]++;
  });
  std::string db = (scratch("isw_days") / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, "--no-actors", path.string()})
              .exit_code == 0);
  auto r = run("newsdex-search", {"--db", db, "--json", "--limit", "0",
                                  "--facets", "date", "--facet-size", "0", ""});
  auto f = of_type(json_lines(r.out), "facets");
  REQUIRE(f.size() == 1);
  std::map<std::string, std::size_t> days;
  // Days without a report are in the histogram as 0.
  for (const auto& v : f[0]["date"]) {
    if (v["count"] != 0) days[v["value"]] = v["count"];
  }
  CHECK(days == per_day);
  // The report of 24 January was published at 22:13 in Washington.
  auto day = run("newsdex-search", {"--db", db, "--json", "--since",
                                    "2023-01-25", "--until", "2023-01-25", ""});
  auto hits = of_type(json_lines(day.out), "hit");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "isw-2023-01-25");
  CHECK(hits[0]["date"] == "2023-01-25");
}

TEST_CASE("every JSONL corpus: at least 99.9% of dates recognised" *
          doctest::skip(kNoShared)) {
  for (const auto& entry :
       std::filesystem::directory_iterator(shared_corpora())) {
    if (!entry.is_directory()) continue;
    for (const auto& file : std::filesystem::directory_iterator(entry.path())) {
      std::string name = file.path().filename().string();
      if (!name.ends_with(".jsonl.gz")) continue;
      std::size_t dated = 0, recognised = 0;
      std::vector<std::string> unread;
      // The ISO "date" and the raw forms some corpora keep beside it
      // (Reuters' "26-FEB-1987 15:01:01.79", "November 16, 2021 12:51 AM").
      for_each_record(file.path(), [&](const nlohmann::json& j) {
        for (const char* field : {"date", "date_raw", "published_raw"}) {
          auto it = j.find(field);
          if (it == j.end() || !it->is_string() ||
              it->get<std::string>().empty()) {
            continue;
          }
          ++dated;
          if (parse_date(it->get<std::string>())) {
            ++recognised;
          } else if (unread.size() < 5) {
            unread.push_back(it->get<std::string>());
          }
        }
      });
      for (const auto& u : unread) MESSAGE(name << ": not read: '" << u << "'");
      CAPTURE(name);
      MESSAGE(name << ": " << recognised << " of " << dated
                   << " dates recognised");
      REQUIRE(dated > 0);
      CHECK(static_cast<double>(recognised) >=
            0.999 * static_cast<double>(dated));
    }
  }
}

TEST_CASE("RUWA: nine outlets, exact per-day counts" *
          doctest::skip(kNoShared)) {
  auto path = shared_corpora() / "ruwa_ukraine" / "ruwa_ukraine.jsonl.gz";
  // Records with neither title nor text are empty and skipped by design.
  std::map<std::string, std::size_t> per_source, per_day;
  std::size_t empty = 0;
  for_each_record(path, [&](const nlohmann::json& j) {
    if (j["title"].get<std::string>().empty() &&
        j["text"].get<std::string>().empty()) {
      ++empty;
      return;
    }
    per_source[j["source"]]++;
    per_day[j["date"]]++;
  });
  std::string db = (scratch("ruwa") / "db").string();
  auto indexed = run("newsdex-index", {"--db", db, "--json", path.string()});
  REQUIRE(indexed.exit_code == 0);
  auto s = json_lines(indexed.out)[0]["data"];
  // Title-only records (empty text) are indexed; empty ones skipped.
  CHECK(empty > 0);
  CHECK(s["skipped"] == empty);
  CHECK(s["added"].get<std::size_t>() > 16000);
  CHECK(s["undated"] == 0);

  auto r =
      run("newsdex-search", {"--db", db, "--json", "--limit", "0", "--facets",
                             "source,date", "--facet-size", "0"});
  REQUIRE(r.exit_code == 0);
  auto f = of_type(json_lines(r.out), "facets");
  REQUIRE(f.size() == 1);
  std::map<std::string, std::size_t> sources, days;
  for (const auto& v : f[0]["source"]) sources[v["value"]] = v["count"];
  // The histogram also shows the days without articles, as 0.
  for (const auto& v : f[0]["date"]) {
    if (v["count"] != 0) days[v["value"]] = v["count"];
  }
  CHECK(sources.size() == 9);
  CHECK(sources == per_source);
  CHECK(days == per_day);
  // Any variant of an outlet's name filters to it.
  CHECK(total_of(run("newsdex-search", {"--db", db, "--json", "--limit", "0",
                                        "--source", "bbc.co.uk"})) ==
        per_source["BBC"]);
  CHECK(total_of(run("newsdex-search", {"--db", db, "--json", "--limit", "0",
                                        "--source", "Russia Today"})) ==
        per_source["RT"]);
  // Every hit has a title to show, also the records without a headline.
  auto msnbc = of_type(
      json_lines(run("newsdex-search", {"--db", db, "--json", "--limit", "1000",
                                        "--source", "MSNBC", ""})
                     .out),
      "hit");
  std::size_t untitled = 0;
  for (const auto& hit : msnbc) {
    CAPTURE(hit["id"]);
    CHECK_FALSE(hit["display_title"].get<std::string>().empty());
    if (hit["title"] == "") ++untitled;
  }
  CHECK(untitled > 50);
}

}  // namespace newsdex::e2e
