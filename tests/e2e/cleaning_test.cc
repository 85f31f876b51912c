// End-to-end tests of page cleaning on the seed pages in corpus/.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

std::string count(const std::string& db, const std::string& query) {
  return run("newsdex-search", {"--db", db, "--count", query}).out;
}

}  // namespace

TEST_CASE("teasers of other stories and prompts are not indexed") {
  std::string db = index_seed_corpus("clean_seed");
  // Words only in cut-off teasers and related-story lists.
  for (const char* word : {"glacier", "bushfire", "Osaka", "Musk", "Maduro",
                           "Greenland", "Aleppo"}) {
    CAPTURE(word);
    CHECK(count(db, word) == "0\n");
  }
  CHECK(count(db, "\"share and follow\"") == "0\n");
  CHECK(count(db, "\"leave the first comment\"") == "0\n");
  // Without cleaning they are there.
  std::string raw = index_seed_corpus("clean_seed_raw", {"--no-clean"});
  CHECK(count(raw, "glacier") == "1\n");
  CHECK(count(raw, "bushfire") == "1\n");
  CHECK(count(raw, "Maduro") == "1\n");
  // Nor are the people of those stories actors of the articles.
  for (const char* name :
       {"Nicolás Maduro", "Mette Frederiksen", "Benjamin Netanyahu",
        "Elon Musk", "Tony Burke", "Anthony Albanese", "Andrzej Duda"}) {
    CAPTURE(name);
    CHECK(run("newsdex-search", {"--db", db, "--count", "--actor", name}).out ==
          "0\n");
  }
}

TEST_CASE("titles: the page's headline, else the article's first sentence") {
  std::string db = index_seed_corpus("clean_titles");
  auto r = run("newsdex-search", {"--db", db, "--json", "istanbul"});
  std::map<std::string, std::string> titles;
  for (const auto& h : of_type(json_lines(r.out), "hit"))
    titles[h["id"]] = h["title"];
  REQUIRE(titles.size() == 5);
  CHECK(titles["002_db9a38a8cd49fc85.txt"] ==
        "Renewed Efforts for Peace: Zelensky Announces Istanbul Talks");
  CHECK(titles["003_c4e19ff3c6d5d69e.txt"].find(
            "Kyiv and Moscow failed to agree") == 0);
  // 000's first line is a teaser of another story, not its headline.
  CHECK(titles["000_854d7417e0392e6a.txt"].find(
            "Russian and Ukrainian delegations") == 0);
}

TEST_CASE("--show-dropped lists what cleaning removed, block by block") {
  std::string db = index_seed_corpus("clean_dropped");
  auto r = run("newsdex-search", {"--db", db, "--json", "--show-dropped",
                                  "003_c4e19ff3c6d5d69e.txt"});
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["type"] == "dropped");
  auto blocks = lines[0]["data"]["blocks"];
  REQUIRE(blocks.size() > 5);
  CHECK(blocks[0]["kind"] == "boilerplate");
  CHECK(blocks[0]["text"] == "Share and Follow");
  bool bushfire = false;
  for (const auto& b : blocks) {
    if (b["text"].get<std::string>().find("bushfire") != std::string::npos) {
      bushfire = b["kind"] == "other-story";
    }
  }
  CHECK(bushfire);
  CHECK(lines[0]["data"]["dropped_chars"].get<int>() > 1000);
  auto missing = run("newsdex-search", {"--db", db, "--show-dropped", "nope"});
  CHECK(missing.exit_code == 2);
}

TEST_CASE("JSON Lines records with page noise are cleaned, clean ones not") {
  auto dir = scratch("clean_jsonl");
  std::string db = (dir / "db").string();
  nlohmann::json noisy = {
      {"id", "n1"},
      {"title", "Talks resume in Istanbul"},
      {"text",
       "Share and Follow\n\nDelegations met in Istanbul on Monday for talks "
       "that both sides called useful.\n\nFloods hit farms\n\nFarmers "
       "counted the cost of floods that...\n\nSnow closes schools\n\n"
       "Heavy snow closed schools across the north on...\n"}};
  nlohmann::json plain = {
      {"id", "p1"},
      {"title", "Grain trade"},
      {"text",
       "Export business reported -\n  Japan bought wheat...\n  "
       "Korea bought corn from farms...\n"}};
  std::string input = noisy.dump() + "\n" + plain.dump() + "\n";
  REQUIRE(run("newsdex-index", {"--db", db, "-"}, input).exit_code == 0);
  CHECK(count(db, "istanbul") == "1\n");
  CHECK(count(db, "snow") == "0\n");
  CHECK(count(db, "\"share and follow\"") == "0\n");
  // The clean record keeps its own "..." items and its farms.
  CHECK(count(db, "korea") == "1\n");
  CHECK(count(db, "farms") == "1\n");
  auto r =
      run("newsdex-search", {"--db", db, "--json", "--show-dropped", "n1"});
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["data"]["blocks"].size() == 5);
  // --no-clean indexes the record as it came.
  std::string raw = (dir / "raw").string();
  REQUIRE(
      run("newsdex-index", {"--db", raw, "--no-clean", "-"}, input).exit_code ==
      0);
  CHECK(count(raw, "snow") == "1\n");
}

}  // namespace newsdex::e2e
