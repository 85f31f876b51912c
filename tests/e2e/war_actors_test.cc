// End-to-end tests of actors and authors on war news: a small corpus
// written by the test (spelling variants, junk candidates, bylines), and
// RUWA + ISW from ../shared/corpora when present.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

// Facet values (name -> count) of `field` over every article.
std::map<std::string, std::size_t> facet_values(const std::string& db,
                                                const std::string& field) {
  auto r = run("newsdex-search", {"--db", db, "--json", "--limit", "0",
                                  "--facets", field, "--facet-size", "0", ""});
  REQUIRE(r.exit_code == 0);
  auto facets = of_type(json_lines(r.out), "facets");
  REQUIRE(facets.size() == 1);
  std::map<std::string, std::size_t> out;
  for (const auto& v : facets[0][field]) {
    if (v["value"] != "unknown") out[v["value"]] = v["count"];
  }
  return out;
}

std::size_t count(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--count"});
  auto r = run("newsdex-search", args);
  REQUIRE(r.exit_code <= 1);
  return std::stoul(r.out);
}

}  // namespace

TEST_CASE("war news: variants merged, no junk actors, authors apart") {
  auto dir = scratch("war_actors");
  std::ofstream jsonl(dir / "war.jsonl");
  auto record = [&](const std::string& id, const std::string& title,
                    const std::string& text, nlohmann::json authors = {}) {
    nlohmann::json j = {{"id", id},
                        {"source", "Test Wire"},
                        {"date", "2023-01-24"},
                        {"title", title},
                        {"text", text}};
    if (!authors.is_null()) j["authors"] = authors;
    jsonl << j.dump() << '\n';
  };
  record("a1", "Ukraine's Zelenskiy tells allies to hurry",
         "Mason Clark, George Barros, and Kateryna Stepanenko\n\n"
         "President Volodymyr Zelensky said the General Staff of the Armed "
         "Forces of Ukraine reported heavy fighting near Bakhmut.");
  record("a2", "Gerasimov takes command",
         "Chief of the General Staff Valeriy Gerasimov replaced Sergey "
         "Surovikin. Yevgeniy Prigozhin mocked him.",
         {"Jane Doe"});
  record("a3", "Wagner chief speaks",
         "Evgeny Prigozhin said Wagner fighters held Soledar. Chechen Head "
         "Ramzan Kadyrov praised them. Zelenskyy disagreed.",
         {"Jane Doe", "John Roe"});
  record("a4",
         "Shelling near the plant (21.09.22 17:52) \xC2\xAB War in Ukraine | "
         "Censor.NET",
         "The Russian Federation moved HIMARS-hunting units near the ZNPP, "
         "the IAEA said. View news.");
  // ISW's scraped authors field sometimes holds the title's pieces.
  record("a5", "Russian Offensive Campaign Assessment, January 22, 2023",
         "Russian Offensive Campaign Assessment, January 22, 2023\n\n"
         "Kateryna Stepanenko and Frederick W. Kagan\n\n"
         "January 22, 8:30 pm ET\n\nRussian forces attacked near Kreminna.",
         {"Russian Offensive Campaign Assessment", "January 22", "2023"});
  jsonl.close();
  std::string db = (dir / "db").string();
  auto r = run("newsdex-index", {"--db", db, (dir / "war.jsonl").string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);

  auto actors = facet_values(db, "actor");
  // One value per person, under the gazetteer's name.
  CHECK(actors["Volodymyr Zelenskyy"] == 2);
  CHECK(actors["Yevgeny Prigozhin"] == 2);
  CHECK(actors["Valery Gerasimov"] == 1);
  CHECK(actors["Ramzan Kadyrov"] == 1);
  CHECK(actors["General Staff of the Armed Forces of Ukraine"] == 1);
  CHECK(actors["International Atomic Energy Agency"] == 1);
  // No junk, no spelling left over, no author.
  for (const auto& [name, n] : actors) {
    CAPTURE(name);
    for (const char* bad : {"Staff", "Head", "Russian Federation", "ZNPP",
                            "HIMARS", "Censor.NET", "Kyiv News"}) {
      CHECK(name != bad);
    }
    for (const char* part : {"Zelensk", "Prigozhin", "Gerasimov", "Barros",
                             "Clark", "Stepanenko", "Doe", "Roe"}) {
      if (name.find(part) == std::string::npos) continue;
      CHECK((name == "Volodymyr Zelenskyy" || name == "Yevgeny Prigozhin" ||
             name == "Valery Gerasimov"));
    }
  }
  // Authors: bylines and the authors field, a facet and a filter.
  auto authors = facet_values(db, "author");
  CHECK(authors["Jane Doe"] == 2);
  CHECK(authors["John Roe"] == 1);
  CHECK(authors["George Barros"] == 1);
  // Pieces of the title are no authors; the byline under it names them.
  CHECK(authors.count("Russian Offensive Campaign Assessment") == 0);
  CHECK(authors.count("January 22") == 0);
  CHECK(authors.count("2023") == 0);
  CHECK(authors["Frederick W. Kagan"] == 1);
  CHECK(authors["Kateryna Stepanenko"] == 2);
  CHECK(count(db, {"--author", "Jane Doe", ""}) == 2);
  CHECK(count(db, {"--author", "barros", ""}) == 1);
  CHECK(count(db, {"author:roe"}) == 1);
  CHECK(count(db, {"author:roe OR author:barros"}) == 2);
  // An author is no actor: filtering by actor finds nothing.
  CHECK(count(db, {"--actor", "George Barros", ""}) == 0);
  auto hits =
      run("newsdex-search", {"--db", db, "--json", "id:a3 OR prigozhin"});
  bool saw_authors = false;
  for (const auto& h : of_type(json_lines(hits.out), "hit")) {
    if (h["id"] == "a3") {
      CHECK(h["authors"] == nlohmann::json({"Jane Doe", "John Roe"}));
      saw_authors = true;
    }
  }
  CHECK(saw_authors);
}

TEST_CASE("RUWA + ISW: no junk among the top actors, one value per person" *
          doctest::skip(shared_corpora().empty())) {
  auto corpora = shared_corpora();
  std::string db = (scratch("ruwa_isw") / "db").string();
  auto r = run(
      "newsdex-index",
      {"--db", db, (corpora / "ruwa_ukraine/ruwa_ukraine.jsonl.gz").string(),
       (corpora / "isw_ukraine/isw_ukraine.jsonl.gz").string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto actors = facet_values(db, "actor");
  std::vector<std::pair<std::size_t, std::string>> top;
  for (const auto& [name, n] : actors) top.emplace_back(n, name);
  std::sort(top.rbegin(), top.rend());
  top.resize(std::min<std::size_t>(top.size(), 50));
  const std::set<std::string> junk{"Staff",
                                   "Head",
                                   "PHOTOS",
                                   "Photo News",
                                   "Kyiv News",
                                   "ZNPP",
                                   "HIMARS",
                                   "Russian Federation",
                                   "Censor.NET",
                                   "Ukrinform",
                                   "Volodymyr",
                                   "Mason Clark",
                                   "George Barros",
                                   "Kateryna Stepanenko",
                                   "Frederick W. Kagan",
                                   "Karolina Hird",
                                   "Grace Mappes"};
  for (const auto& [n, name] : top) {
    std::string value = name;
    CAPTURE(value);
    CHECK(junk.count(value) == 0);
  }
  // One value per person, whatever the spelling in the articles.
  const std::pair<const char*, const char*> people[] = {
      {"zelensk", "Volodymyr Zelenskyy"},
      {"gerasimov", "Valery Gerasimov"},
      {"kadyrov", "Ramzan Kadyrov"},
      {"prigozhin", "Yevgeny Prigozhin"},
      {"andr[iy]ushchenko", "Petro Andryushchenko"},
      {"zaluzhn", "Valerii Zaluzhnyi"},
      {"shoig", "Sergei Shoigu"}};
  for (const auto& [pattern, canonical] : people) {
    std::string expected = canonical;
    CAPTURE(expected);
    std::vector<std::string> values;
    for (const auto& [name, n] : actors) {
      // The person's own name: given name and surname, or the surname.
      if (std::regex_search(name, std::regex(pattern, std::regex::icase)) &&
          name.find("Zelenska") == std::string::npos &&
          name.find("Akhmat") == std::string::npos &&
          name.find("Gerasimova") == std::string::npos &&
          // Maj. Gen. Vitaly (Vitaliy) Gerasimov is another person.
          name.find("Vitaliy") == std::string::npos &&
          name.find("Vitaly") == std::string::npos &&
          name.find("Mambet") == std::string::npos &&
          name.find("Kadyrovites") == std::string::npos) {
        values.push_back(name);
      }
    }
    CHECK(values == std::vector<std::string>{canonical});
  }
}

}  // namespace newsdex::e2e
