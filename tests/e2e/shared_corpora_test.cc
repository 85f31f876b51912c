// End-to-end tests on the real corpora in ../shared/corpora (skipped when
// that folder is absent): the BBC folder and Reuters-21578 JSON Lines.
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>
#include <map>
#include <regex>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

const bool kNoShared = shared_corpora().empty();

nlohmann::json index_summary(const std::string& db, const std::string& input) {
  auto r = run("newsdex-index", {"--db", db, "--json", input});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  return lines[0]["data"];
}

nlohmann::json search_summary(const std::string& db,
                              std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--json", "--limit", "0"});
  auto r = run("newsdex-search", args);
  CHECK(r.exit_code <= 1);
  auto lines = json_lines(r.out);
  REQUIRE(!lines.empty());
  return lines.back()["data"];
}

}  // namespace

TEST_CASE("BBC folder: 2,225 files, one not UTF-8, indexed idempotently" *
          doctest::skip(kNoShared)) {
  auto bbc = shared_corpora() / "bbc";
  std::string db = (scratch("bbc") / "db").string();
  auto first = index_summary(db, bbc.string());
  CHECK(first["added"] == 2224);
  CHECK(first["skipped"] == 1);
  REQUIRE(first["skipped_records"].size() == 1);
  std::string where = first["skipped_records"][0]["where"];
  CHECK(where.find("sport/199.txt") != std::string::npos);
  std::string reason = first["skipped_records"][0]["reason"];
  CHECK(reason.find("invalid UTF-8") == 0);
  CHECK(first["documents"] == 2224);

  auto second = index_summary(db, bbc.string());
  CHECK(second["unchanged"] == 2224);
  CHECK(second["added"] == 0);
  CHECK(second["updated"] == 0);
  CHECK(second["documents"] == 2224);

  // A phrase count checked against the files themselves.
  std::regex phrase("tony\\s+blair", std::regex::icase);
  std::size_t expected = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(bbc)) {
    if (e.path().extension() != ".txt" || e.path().filename() == "README.TXT" ||
        e.path().generic_string().find("sport/199.txt") != std::string::npos) {
      continue;
    }
    std::ifstream in(e.path());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    if (std::regex_search(text, phrase)) ++expected;
  }
  REQUIRE(expected > 50);
  CHECK(search_summary(db, {"\"tony blair\""})["total"] == expected);
}

TEST_CASE("Reuters JSON Lines: every record indexed, dates and facets exact" *
          doctest::skip(kNoShared)) {
  auto path = shared_corpora() / "reuters21578" / "reuters21578.jsonl.gz";
  // Count records per month straight from the file.
  std::map<std::string, std::size_t> per_month;
  std::size_t records = 0;
  for_each_jsonl_record(path, [&](const nlohmann::json& j) {
    per_month[j["date"].get<std::string>().substr(0, 7)]++;
    ++records;
    return true;
  });
  REQUIRE(records == 19779);

  std::string db = (scratch("reuters") / "db").string();
  auto first = index_summary(db, path.string());
  CHECK(first["added"] == records);
  CHECK(first["skipped"] == 0);
  CHECK(first["documents"] == records);
  auto second = index_summary(db, path.string());
  CHECK(second["unchanged"] == records);
  CHECK(second["documents"] == records);

  CHECK(search_summary(db, {"--source", "reuters"})["total"] == records);
  CHECK(search_summary(db, {"--since", "1987-03-01", "--until",
                            "1987-03-31"})["total"] == per_month["1987-03"]);
  CHECK(search_summary(db, {"date:1987-04"})["total"] == per_month["1987-04"]);

  auto r =
      run("newsdex-search", {"--db", db, "--json", "--limit", "0", "--facets",
                             "date:month", "--facet-size", "0"});
  REQUIRE(r.exit_code == 0);
  auto facets = of_type(json_lines(r.out), "facets");
  REQUIRE(facets.size() == 1);
  std::map<std::string, std::size_t> counted;
  for (const auto& v : facets[0]["date"]) {
    if (v["count"] != 0) counted[v["value"]] = v["count"];  // empty months
  }
  CHECK(counted == per_month);

  // A query's facet counts add up to its total.
  auto oil = run("newsdex-search",
                 {"--db", db, "--json", "--facets", "source,date:month",
                  "--facet-size", "0", "oil prices"});
  REQUIRE(oil.exit_code == 0);
  auto lines = json_lines(oil.out);
  std::size_t total = of_type(lines, "summary")[0]["total"];
  CHECK(total > 100);
  auto facet_lines = of_type(lines, "facets");
  REQUIRE(facet_lines.size() == 1);
  for (const char* field : {"source", "date"}) {
    std::size_t sum = 0;
    for (const auto& v : facet_lines[0][field])
      sum += v["count"].get<std::size_t>();
    CHECK(sum == total);
  }
  auto hits = of_type(lines, "hit");
  REQUIRE(hits.size() == 10);
  for (const auto& h : hits) {
    std::string snippet = h["snippet"];
    CHECK(snippet.find("**") != std::string::npos);
  }
}

}  // namespace newsdex::e2e
