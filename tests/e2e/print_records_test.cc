// End-to-end tests of newsdex-index --print-records: the records a run
// would index, printed instead, the same as what indexing stores.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

// The corpus's seed pages, a web page and metadata for both in one folder.
std::filesystem::path make_folder(const std::string& name) {
  auto dir = scratch(name) / "in";
  std::filesystem::create_directories(dir / "pages");
  std::filesystem::copy(corpus_dir(), dir / "seed",
                        std::filesystem::copy_options::recursive);
  for (const char* table : {"actors.tsv", "sources.tsv", "name_words.list",
                            "places.list", "not_actors.list", "README.md"})
    std::filesystem::remove(dir / "seed" / table);
  std::ofstream(dir / "pages/talks.html")
      << "<!doctype html><html lang=en><head><meta charset=utf-8><title>"
         "Ceasefire talks resume | Example News</title>"
         "<meta property=\"article:published_time\" "
         "content=\"2025-06-02T09:00:00+03:00\">"
         "<meta name=author content=\"Jane Doe\"></head><body><nav><a "
         "href=/>Home</a></nav><article><h1>Ceasefire talks resume</h1>"
         "<p>Negotiators met in Istanbul on Monday, Foreign Minister Hakan "
         "Fidan said, for the first talks in three years.</p><p>The talks "
         "ended without an agreement but will go on.</p></article></body>"
         "</html>";
  std::ofstream(dir / "pages/metadata.tsv")
      << "file\tsource\tsection\ntalks.html\tSidecar Outlet\tworld\n";
  return dir;
}

}  // namespace

TEST_CASE("--print-records prints what indexing stores, without a database") {
  auto dir = make_folder("print_records");
  auto r = run("newsdex-index", {"--print-records", dir.string()});
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir.parent_path() / "db"));
  auto records = of_type(json_lines(r.out), "record");
  REQUIRE(records.size() == 6);
  CHECK(r.err.find("6 records printed, 0 skipped") != std::string::npos);
  // Ids are paths relative to the folder given, as when indexing.
  CHECK(records[0]["id"] == "pages/talks.html");
  CHECK(records[1]["id"] == "seed/000_854d7417e0392e6a.txt");
  const auto& talks = records[0];
  CHECK(talks["title"] == "Ceasefire talks resume");
  CHECK(talks["source"] == "Sidecar Outlet");
  CHECK(talks["date"] == "2025-06-02");
  CHECK(talks["datetime"] == "2025-06-02T06:00:00Z");
  CHECK(talks["authors"] == nlohmann::json::array({"Jane Doe"}));
  CHECK(talks["language"] == "en");
  CHECK(talks["extra"]["section"] == "world");
  CHECK(talks["actors"].dump().find("Hakan Fidan") != std::string::npos);

  // Indexing the same folder stores the same records.
  std::string db = (dir.parent_path() / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, dir.string()}).exit_code == 0);
  for (const auto& record : records) {
    const auto& printed = record;
    CAPTURE(printed["id"]);
    auto shown = of_type(
        json_lines(run("newsdex-search", {"--db", db, "--json", "--show",
                                          printed["id"].get<std::string>()})
                       .out),
        "article");
    REQUIRE(shown.size() == 1);
    nlohmann::json stored = shown[0];
    for (const char* key :
         {"id", "url", "title", "text", "source", "date", "authors", "actors",
          "actor_types", "extra", "dropped_chars"}) {
      CAPTURE(std::string(key));
      CHECK(printed.value(key, nlohmann::json()) ==
            stored.value(key, nlohmann::json()));
    }
    CHECK(printed.value("datetime", "") == stored.value("datetime", ""));
  }
}

TEST_CASE(
    "--print-records: bad records warned on stderr, stdout only records") {
  auto dir = scratch("print_records_bad");
  std::ofstream(dir / "feed.jsonl")
      << "{\"id\": \"a\", \"title\": \"Talks\", \"text\": \"Talks went on.\"}\n"
         "{\"id\": \"b\", \"text\": \n"
         "{\"id\": \"c\", \"text\": \"More talks.\", \"date\": "
         "\"2999-01-01\"}\n";
  auto r = run("newsdex-index", {"--print-records", "--jobs", "2",
                                 (dir / "feed.jsonl").string()});
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["type"] == "record");
  CHECK(lines[0]["data"]["id"] == "a");
  CHECK(lines[1]["data"]["id"] == "c");
  CHECK(lines[1]["data"]["date"] == "");
  CHECK(r.err.find("feed.jsonl:2: JSON syntax error") != std::string::npos);
  CHECK(r.err.find("feed.jsonl:3: date 2999-01-01 is in the future") !=
        std::string::npos);
  CHECK(r.err.find("2 records printed (1 without a date), 1 skipped") !=
        std::string::npos);
  // No database is needed, and an input that is not there is an error.
  auto missing = run("newsdex-index",
                     {"--print-records", (dir / "nothing.jsonl").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("input not found") != std::string::npos);
}

}  // namespace newsdex::e2e
