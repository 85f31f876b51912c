// Tests for common/synonyms.cc.
#include "common/synonyms.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("synonym groups find the longest member a query's words start with") {
  SynonymTable t;
  auto errors = t.add(
      "# places\nKyiv = Kiev\nVolodymyr Zelensky = Zelenskyy = Zelenskiy\n"
      "lonely\nUN = United Nations = U.N.\nUnited = Utd\n",
      "syn.txt");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("syn.txt:4:") == 0);
  auto words = [](std::initializer_list<const char*> w) {
    return std::vector<std::string>(w.begin(), w.end());
  };
  auto m = t.match(words({"kiev", "talks"}), 0);
  REQUIRE(m.group != nullptr);
  CHECK(m.length == 1);
  CHECK(m.group->size() == 2);
  CHECK(m.group->front() == words({"kyiv"}));
  // Two words beat one: "united nations" is the UN, not "united".
  m = t.match(words({"the", "united", "nations", "said"}), 1);
  REQUIRE(m.group != nullptr);
  CHECK(m.length == 2);
  CHECK(m.group->front() == words({"un"}));
  m = t.match(words({"united", "states"}), 0);
  REQUIRE(m.group != nullptr);
  CHECK(m.length == 1);
  CHECK(m.group->back() == words({"utd"}));
  // Only whole words, only from where asked.
  CHECK(t.match(words({"kyivan"}), 0).group == nullptr);
  CHECK(t.match(words({"volodymyr"}), 0).group == nullptr);
  CHECK(t.match(words({"kyiv"}), 1).group == nullptr);
  // Case is folded when the table is read.
  CHECK(t.match(words({"u.n."}), 0).length == 1);
}

}  // namespace newsdex
