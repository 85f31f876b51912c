// Tests for indexer/extract/byline.cc.
#include "indexer/extract/byline.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("bylines: names at the top are authors") {
  struct Row {
    const char* text;
    const char* title;
    std::vector<std::string> authors;
  };
  const Row rows[] = {
      {"Mason Clark, George Barros, and Kateryna Stepanenko\n\nFebruary 24",
       "",
       {"Mason Clark", "George Barros", "Kateryna Stepanenko"}},
      {"By Jane Doe and John Roe\nKYIV - Talks resumed.",
       "",
       {"Jane Doe", "John Roe"}},
      {"Frederick W. Kagan\n\nDecember 5", "", {"Frederick W. Kagan"}},
      // The headline repeated first, then the byline.
      {"Assessment, November 28\n\nKarolina Hird and Layne Philipson\n\nText",
       "Assessment, November 28",
       {"Karolina Hird", "Layne Philipson"}},
      // Not bylines: a sentence, a heading about one person, a place.
      {"Vladimir Putin said the war would go on.\nMore text.", "", {}},
      {"Vladimir Putin\n\nThe president spoke.", "", {}},
      {"Kyiv, Kharkiv and Odesa\n\nShelling.", "", {}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    Byline b = find_byline(row.text, row.title);
    CHECK(b.authors == row.authors);
    if (!row.authors.empty()) {
      CHECK(b.length > 0);
      CHECK(b.length <= std::string_view(row.text).size());
    }
  }
}

}  // namespace newsdex
