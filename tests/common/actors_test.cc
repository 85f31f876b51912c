// Tests for common/actors.cc: gazetteer matches, heuristics, traps.
#include "common/actors.h"

#include <doctest/doctest.h>

namespace newsdex {
namespace {

std::vector<std::string> names(std::string_view text) {
  static const ActorGazetteer kGazetteer = ActorGazetteer::with_builtin_table();
  std::vector<std::string> out;
  for (const Actor& a : extract_actors("", text, kGazetteer))
    out.push_back(a.name);
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("spellings of a known actor give one canonical name") {
  struct Row {
    const char* text;
    Names expected;
  };
  const Row rows[] = {
      {"Zelensky met Zelenskyy's aides; Zelenskiy spoke.",
       {"Volodymyr Zelenskyy"}},
      {"President Volodymyr Zelensky said so.", {"Volodymyr Zelenskyy"}},
      {"President Zelensky of Ukraine spoke.", {"Volodymyr Zelenskyy"}},
      {"Jean-Noel Barrot visited. Later Jean-Noël Barrot left.",
       {"Jean-Noël Barrot"}},
      {"Kremlin spokesman Dmitry Peskov said Putin would wait.",
       {"Kremlin", "Dmitry Peskov", "Vladimir Putin"}},
      {"Medinsky's team arrived in Istanbul.", {"Vladimir Medinsky"}},
      {"NATO and the White House disagreed.", {"NATO", "White House"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(names(row.text) == row.expected);
  }
}

TEST_CASE("titles and 'said' find people the gazetteer lacks") {
  CHECK(names("Foreign Minister Hakan Fidan hosted envoy Keith Kellogg.") ==
        Names{"Hakan Fidan", "Keith Kellogg"});
  CHECK(names("The talks were chaired by Deputy Minister Olha Stefanishyna.") ==
        Names{"Olha Stefanishyna"});
  CHECK(names("\"We are ready,\" said Maria Novak, a negotiator.") ==
        Names{"Maria Novak"});
  CHECK(names("Treasury Secretary James Baker met Paul Volcker, who said rates "
              "would hold.") == Names{"James Baker"});
  // Hard-wrapped wire copy breaks lines inside names.
  CHECK(names("Fed Chairman Paul\nVolcker told a panel.") ==
        Names{"Federal Reserve", "Paul Volcker"});
  // A surname after a title, unless the full name is there too.
  CHECK(names("Indonesian Energy Minister Subroto said prices would rise.") ==
        Names{"Subroto"});
  CHECK(names("Mr Volcker spoke. Later Fed Chairman Paul Volcker left.") ==
        Names{"Federal Reserve", "Paul Volcker"});
}

TEST_CASE("traps: months, places, sentence starts, nationalities") {
  const char* rows[] = {
      "In May the talks moved to Turkey.",
      "Ships crossed the Black Sea near Odesa.",
      "Under pressure, the delegates met.",
      "Kyiv's position hardened, the US said.",
      "Russian and Ukrainian officials met on Monday.",
  };
  for (const char* text : rows) {
    CAPTURE(text);
    CHECK(names(text).empty());
  }
}

TEST_CASE("actor keys fold case, accents and punctuation") {
  CHECK(actor_key("Jean-Noël Barrot") == "jean-noel-barrot");
  CHECK(actor_key("Jean-Noel  Barrot") == "jean-noel-barrot");
  CHECK(actor_key("U.S. Treasury") == "u-s-treasury");
}

TEST_CASE("user tables add actors; the gazetteer resolves any alias") {
  ActorGazetteer g = ActorGazetteer::with_builtin_table();
  auto errors =
      g.add_table("Olena Zelenska\tperson\tZelenska\nbad line\n", "mine.tsv");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("mine.tsv:2") == 0);
  REQUIRE(g.find("zelenska") != nullptr);
  CHECK(g.find("zelenska")->name == "Olena Zelenska");
  CHECK(g.find("ZELENSKIY")->name == "Volodymyr Zelenskyy");
  CHECK(g.find("Nobody Known") == nullptr);
}

}  // namespace newsdex
