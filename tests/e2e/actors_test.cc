// End-to-end tests of the actor facet on corpus/: filter, facet counts,
// alias search, user actor tables.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

std::size_t count(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--count"});
  return std::stoul(run("newsdex-search", args).out);
}

}  // namespace

TEST_CASE("actor facet: each article once per actor, counts match filters") {
  std::string db = index_seed_corpus("actors_facet");
  auto r = run("newsdex-search", {"--db", db, "--json", "--facets", "actor",
                                  "--facet-size", "0", ""});
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  std::map<std::string, std::size_t> per_actor;
  auto facets = of_type(lines, "facets");
  REQUIRE(facets.size() == 1);
  for (const auto& v : facets[0]["actor"]) {
    if (v["value"] == "unknown") continue;
    CHECK((v["type"] == "person" || v["type"] == "org"));
    per_actor[v["value"]] = v["count"];
  }
  // Sum of per-article actor lists equals the sum of the facet counts.
  std::size_t counted = 0;
  for (const auto& [name, n] : per_actor) counted += n;
  std::size_t listed = 0;
  for (const auto& h : of_type(lines, "hit")) listed += h["actors"].size();
  CHECK(listed == counted);
  // Every person the seed pages quote, under one name.
  for (const char* name :
       {"Volodymyr Zelenskyy", "Vladimir Putin", "Donald Trump",
        "Dmitry Peskov", "Rustem Umerov", "Vladimir Medinsky", "Hakan Fidan",
        "Keir Starmer", "Jean-Noël Barrot"}) {
    CAPTURE(name);
    CHECK(per_actor.count(name) == 1);
  }
  CHECK(per_actor["Volodymyr Zelenskyy"] == 5);
  // Teaser-only people of cleaned-away stories are not there.
  CHECK(per_actor.count("Elon Musk") == 0);
  // A facet count equals the total of filtering by that actor.
  for (const auto& [name, n] : per_actor) {
    CAPTURE(name);
    CHECK(count(db, {"--actor", name}) == n);
  }
}

TEST_CASE("--no-actors indexes the articles without actors") {
  std::string db = (scratch("no_actors") / "db").string();
  auto ix = run("newsdex-index",
                {"--db", db, "--no-actors", "-j1", NEWSDEX_CORPUS_DIR});
  REQUIRE(ix.exit_code == 0);
  auto r = run("newsdex-search",
               {"--db", db, "--json", "--facets", "actor", "istanbul"});
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  auto hits = of_type(lines, "hit");
  CHECK(hits.size() == 5);
  for (const auto& h : hits) CHECK(h["actors"].empty());
  CHECK(count(db, {"--actor", "Vladimir Putin"}) == 0);
  CHECK(count(db, {"istanbul"}) == 5);
}

TEST_CASE(
    "--actor and actor: take any spelling, free text finds other spellings") {
  std::string db = index_seed_corpus("actors_alias");
  CHECK(count(db, {"--actor", "zelenskiy"}) == 5);
  CHECK(count(db, {"--actor", "ZELENSKY"}) == 5);
  CHECK(count(db, {"actor:peskov"}) == 2);
  CHECK(count(db, {"--actor", "peskov", "--actor", "fidan"}) == 3);
  // Only 001 spells it "Zelenskiy", yet the query finds all five.
  CHECK(count(db, {"zelenskiy"}) == 5);
  auto r =
      run("newsdex-search", {"--db", db, "--json", "--limit", "1", "istanbul"});
  auto hit = of_type(json_lines(r.out), "hit")[0];
  CHECK(hit["actors"].is_array());
  CHECK(!hit["actors"].empty());
}

TEST_CASE("--actors adds the user's own actors") {
  auto dir = scratch("actors_user");
  std::ofstream(dir / "mine.tsv") << "Ciragan Palace\torg\tCiragan\n";
  std::string db = index_seed_corpus("actors_user_db",
                                     {"--actors", (dir / "mine.tsv").string()});
  CHECK(count(db, {"--actor", "ciragan"}) == 1);
}

}  // namespace newsdex::e2e
