// Tests for searcher/spelling.cc: "did you mean" on a database with
// spelling data.
#include "searcher/spelling.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace newsdex {

TEST_CASE("a rare spelling of a much more common word gets a suggestion") {
  auto dir = test::scratch_dir("spelling_rare");
  {
    std::vector<Article> articles;
    auto add = [&](const std::string& text) {
      articles.push_back(
          test::make_article(std::to_string(articles.size() + 1), "", text));
    };
    for (int i = 0; i < 130; ++i) add("Fighting near Bakhmut went on.");
    for (int i = 0; i < 6; ++i) add("Shelling of Bahmut.");
    for (int i = 0; i < 3; ++i) add("Bakmut again.");
    for (int i = 0; i < 40; ++i) add("Talks in Kyiv.");
    for (int i = 0; i < 10; ++i) add("Talks in Kiev.");
    test::index_at(dir / "db", test::index_options(articles));
  }
  Xapian::Database db((dir / "db").string());
  Xapian::Stem stem("english");
  // 6 and 3 articles against 130: rare, within two edits, 20 times rarer.
  CHECK(spelling_suggestion(db, "bahmut", stem) == "bakhmut");
  CHECK(spelling_suggestion(db, "Bakmut shelling", stem) == "bakhmut shelling");
  // Unknown: any close word.
  CHECK(spelling_suggestion(db, "bakhmutt", stem) == "bakhmut");
  // 10 against 40 is a spelling of its own, not a slip.
  CHECK(spelling_suggestion(db, "kiev", stem) == "");
  CHECK(spelling_suggestion(db, "bakhmut", stem) == "");
}

}  // namespace newsdex
