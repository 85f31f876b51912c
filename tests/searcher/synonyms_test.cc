// Tests for searcher/synonyms.cc.
#include "searcher/synonyms.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("synonym groups expand words and phrases outside quotes") {
  SynonymTable t;
  auto errors = t.add(
      "# places\nKyiv = Kiev\nVolodymyr Zelensky = Zelenskyy = Zelenskiy\n"
      "lonely\n",
      "syn.txt");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("syn.txt:4:") == 0);
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"kyiv", "(kyiv OR kiev)"},
      {"kiev talks", "(kyiv OR kiev) talks"},
      {"zelenskiy", "(\"volodymyr zelensky\" OR zelenskyy OR zelenskiy)"},
      {"volodymyr zelensky said",
       "(\"volodymyr zelensky\" OR zelenskyy OR zelenskiy) said"},
      {"\"kyiv talks\"", "\"kyiv talks\""},  // phrases are left alone
      {"title:kyiv", "title:kyiv"},          // so are fields
      {"kyivan", "kyivan"},
      // Brackets are not part of the word.
      {"(kiev OR lviv)", "( (kyiv OR kiev) OR lviv )"},
      {"((kyiv))", "( ( (kyiv OR kiev) ) )"},
      {"\"(kyiv)\"", "\"(kyiv)\""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(t.expand(row.in) == row.out);
  }
}

}  // namespace newsdex
