// End-to-end tests on the embedded corpus: index corpus/, then check what
// newsdex-search says against what the files and metadata.tsv say.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

struct MetaRow {
  std::string source, date;
};

// metadata.tsv read here independently of the indexer.
std::map<std::string, MetaRow> read_metadata() {
  std::map<std::string, MetaRow> rows;
  std::ifstream in(corpus_dir() / "metadata.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, '\t');) cells.push_back(cell);
    cells.resize(4);
    rows[cells[0]] = {cells[1].empty() ? "unknown" : cells[1], cells[2]};
  }
  return rows;
}

// Builds (once per test binary run) a database of the embedded corpus.
const std::string& corpus_db() {
  static const std::string db = [] {
    // One per process: CTest runs test cases in parallel processes.
    auto dir = scratch("corpus-" + std::to_string(::getpid()));
    std::string path = (dir / "corpus.db").string();
    auto r = run("newsdex-index", {"--db", path, corpus_dir().string()});
    REQUIRE(r.exit_code == 0);
    return path;
  }();
  return db;
}

std::vector<nlohmann::json> search(std::vector<std::string> args,
                                   int expected_exit = 0) {
  args.insert(args.begin(), {"--db", corpus_db(), "--json"});
  auto r = run("newsdex-search", args);
  CHECK_MESSAGE(r.exit_code == expected_exit, r.err);
  CHECK(r.err.empty());
  return json_lines(r.out);
}

std::set<std::string> hit_ids(const std::vector<nlohmann::json>& lines) {
  std::set<std::string> ids;
  for (const auto& h : of_type(lines, "hit")) ids.insert(h["id"]);
  return ids;
}

std::size_t total(const std::vector<nlohmann::json>& lines) {
  auto summary = of_type(lines, "summary");
  REQUIRE(summary.size() == 1);
  return summary[0]["total"];
}

}  // namespace

TEST_CASE(
    "istanbul finds all five seed pages with metadata sources and dates") {
  auto lines = search({"istanbul", "--facets"});
  auto meta = read_metadata();
  REQUIRE(meta.size() == 5);
  auto hits = of_type(lines, "hit");
  REQUIRE(hits.size() == 5);
  for (const auto& h : hits) {
    std::string id = h["id"];
    REQUIRE(meta.count(id) == 1);
    CHECK(h["source"] == meta[id].source);
    CHECK(h["date"] == meta[id].date);
    std::string snippet = h["snippet"];
    CHECK_MESSAGE(snippet.find("**Istanbul**") != std::string::npos, snippet);
  }
  CHECK(total(lines) == 5);
  auto facets = of_type(lines, "facets");
  REQUIRE(facets.size() == 1);
  for (const char* field : {"source", "date"}) {
    std::size_t sum = 0;
    for (const auto& v : facets[0][field]) sum += v["count"].get<std::size_t>();
    CHECK(sum == 5);
  }
}

TEST_CASE("source filters accept any spelling and combine as OR") {
  CHECK(hit_ids(search({"--source", "sbs news", "talks"})) ==
        std::set<std::string>{"003_c4e19ff3c6d5d69e.txt"});
  CHECK(hit_ids(search({"--source", "SBS-NEWS", "--source", "anewz", ""})) ==
        std::set<std::string>{"000_854d7417e0392e6a.txt",
                              "003_c4e19ff3c6d5d69e.txt"});
  CHECK(hit_ids(search({"source:unknown"})) ==
        std::set<std::string>{"004_bd72f0c225a6238f.txt"});
  CHECK(total(search({"--source", "Nobody Times", "istanbul"}, 1)) == 0);
}

TEST_CASE("date filters select exactly the articles in range") {
  auto meta = read_metadata();
  std::set<std::string> june;
  for (const auto& [id, row] : meta) {
    if (row.date.rfind("2025-06", 0) == 0) june.insert(id);
  }
  REQUIRE(june.size() == 2);
  CHECK(hit_ids(search({"--since", "2025-06-01", "--until", "2025-06-30"})) ==
        june);
  CHECK(hit_ids(search({"date:2025-06"})) == june);
  CHECK(hit_ids(search({"istanbul", "date:2025-06-01..2025-06-30"})) == june);
  CHECK(total(search({"--since", "2025-07-22"})) == 1);
  CHECK(total(search({"--until", "2025-05"})) == 1);
}

TEST_CASE("sort by date both ways") {
  auto meta = read_metadata();
  std::vector<std::pair<std::string, std::string>> by_date;
  for (const auto& [id, row] : meta) by_date.emplace_back(row.date, id);
  std::sort(by_date.begin(), by_date.end());
  auto newest = of_type(search({"--sort", "-date", "istanbul"}), "hit");
  auto oldest = of_type(search({"--sort", "date", "istanbul"}), "hit");
  REQUIRE(newest.size() == 5);
  REQUIRE(oldest.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(oldest[i]["id"] == by_date[i].second);
    CHECK(newest[i]["id"] == by_date[4 - i].second);
  }
}

TEST_CASE("limit and offset page through an exact total") {
  auto lines = search({"istanbul", "--limit", "2", "--offset", "1"});
  auto hits = of_type(lines, "hit");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]["rank"] == 2);
  CHECK(hits[1]["rank"] == 3);
  CHECK(total(lines) == 5);
}

TEST_CASE("phrases match exactly the pages that contain them") {
  // Count the pages containing "peace talks" (any case, any white space).
  std::regex phrase("peace\\s+talks", std::regex::icase);
  std::set<std::string> expected;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_dir())) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    if (std::regex_search(text, phrase)) {
      expected.insert(entry.path().filename().string());
    }
  }
  REQUIRE(!expected.empty());
  CHECK(hit_ids(search({"\"peace talks\""})) == expected);
}

TEST_CASE("stemming: a query word finds and highlights its other forms") {
  auto hits = of_type(search({"negotiation"}), "hit");
  REQUIRE(!hits.empty());
  bool highlighted_plural = false;
  for (const auto& h : hits) {
    std::string s = h["snippet"];
    if (s.find("**negotiations**") != std::string::npos)
      highlighted_plural = true;
  }
  CHECK(highlighted_plural);
  // Capitalised query words are stemmed like lower-case ones.
  CHECK(hit_ids(search({"Negotiation"})) == hit_ids(search({"negotiation"})));
  // Wildcards.
  CHECK(hit_ids(search({"negotiat*"})) == hit_ids(search({"negotiation"})));
}

TEST_CASE("operators and title: work") {
  // (Macron is named only in teasers of other stories, which cleaning
  // drops; Umerov and Peskov are in the articles.)
  CHECK(search({"macron"}, 1).size() == 1);
  auto umerov = hit_ids(search({"umerov"}));
  auto peskov = hit_ids(search({"peskov"}));
  auto both = hit_ids(search({"umerov AND peskov"}));
  auto either = hit_ids(search({"umerov OR peskov"}));
  auto without = hit_ids(search({"istanbul NOT umerov"}));
  REQUIRE(!umerov.empty());
  REQUIRE(!peskov.empty());
  std::set<std::string> expect_both, expect_either = umerov;
  for (const auto& id : peskov) {
    if (umerov.count(id)) expect_both.insert(id);
    expect_either.insert(id);
  }
  CHECK(!expect_both.empty());
  CHECK(both == expect_both);
  CHECK(either == expect_either);
  CHECK(without.size() == 5 - umerov.size());
  for (const auto& id : without) CHECK(umerov.count(id) == 0);
  auto titled = of_type(search({"title:zelensky"}), "hit");
  REQUIRE(!titled.empty());
  for (const auto& h : titled) {
    std::string title = h["title"];
    CHECK(title.find("Zelensky") != std::string::npos);
  }
}

TEST_CASE(
    "a question typed as it comes finds ranked pages without options, the "
    "summary says which rule joined its words") {
  const std::string question = "why did the istanbul talks fail to agree";
  auto lines = search({question});
  CHECK(total(lines) == 5);
  CHECK(of_type(lines, "summary")[0]["match"] == "any (8 words)");
  auto all = search({"--match", "all", question}, 1);
  CHECK(total(all) == 0);
  CHECK(of_type(all, "summary")[0]["match"] == "all");
  auto short_query = search({"istanbul talks"});
  CHECK(of_type(short_query, "summary")[0]["match"] == "all (2 words)");
  auto r = run("newsdex-search", {"--db", corpus_db(), question});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("; any of 8 words)") != std::string::npos);
}

TEST_CASE("no hits exits 1 with an empty result and a summary") {
  auto lines = search({"xyzzyplugh"}, 1);
  CHECK(of_type(lines, "hit").empty());
  CHECK(total(lines) == 0);
}

TEST_CASE(
    "re-indexing leaves the corpus unchanged, a changed page is updated") {
  auto dir = scratch("reindex");
  auto copy = dir / "corpus";
  std::filesystem::copy(corpus_dir(), copy);
  std::string db = (dir / "db").string();
  auto first = run("newsdex-index", {"--db", db, "--json", copy.string()});
  REQUIRE(first.exit_code == 0);
  CHECK(json_lines(first.out)[0]["data"]["added"] == 5);
  auto again = run("newsdex-index", {"--db", db, "--json", copy.string()});
  REQUIRE(again.exit_code == 0);
  auto s = json_lines(again.out)[0]["data"];
  CHECK(s["unchanged"] == 5);
  CHECK(s["added"] == 0);
  CHECK(s["documents"] == 5);

  // A change inside the story (a paragraph appended at the end would be
  // dropped by the page cleaner as another story's teaser).
  {
    auto page = copy / "001_0a0d1ceab96d88ad.txt";
    std::ifstream in(page);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto at = text.find("elusive agreement.");
    REQUIRE(at != std::string::npos);
    text.insert(at + std::string("elusive agreement.").size(),
                " Delegates fed quokkas at the zoo.");
    std::ofstream(page, std::ios::trunc) << text;
  }
  std::ofstream(copy / "new.txt") << "New headline\nNew body about quokkas.\n";
  auto changed = run("newsdex-index", {"--db", db, "--json", copy.string()});
  REQUIRE(changed.exit_code == 0);
  auto c = json_lines(changed.out)[0]["data"];
  CHECK(c["updated"] == 1);
  CHECK(c["added"] == 1);
  CHECK(c["unchanged"] == 4);
  CHECK(c["documents"] == 6);
  auto found = run("newsdex-search", {"--db", db, "--json", "quokkas"});
  CHECK(found.exit_code == 0);
  CHECK(hit_ids(json_lines(found.out)) ==
        std::set<std::string>{"001_0a0d1ceab96d88ad.txt", "new.txt"});
}

}  // namespace newsdex::e2e
