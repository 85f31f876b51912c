// Tests for searcher/display_title.cc: what a hit without a headline is
// called.
#include "searcher/display_title.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("a headline-less article is shown by its first sentence, URL or id") {
  auto titled = [](std::string title, std::string text, std::string url) {
    StoredArticle a;
    a.id = "ruwa-02684";
    a.title = std::move(title);
    a.text = std::move(text);
    a.url = std::move(url);
    return display_title(a);
  };
  // Issue #15: 958 RUWA records have a sub-heading but no headline.
  CHECK(titled("", "The EU said it would send weapons. Then more.", "") ==
        "The EU said it would send weapons.");
  CHECK(titled("Given title", "Text.", "https://x.example/a") == "Given title");
  CHECK(titled("  \n", "\n  Text first.  Then more.", "") == "Text first.");
  CHECK(titled("", "  ", "https://x.example/a") == "https://x.example/a");
  CHECK(titled("", "", "") == "ruwa-02684");
  // A long first sentence is cut at a word, with an ellipsis.
  std::string words;
  for (int i = 0; i < 40; ++i) words += "sentence ";
  std::string cut = titled("", words + "end.", "");
  CHECK(cut.size() <= kDisplayTitleChars + 3);
  CHECK(cut.size() > kDisplayTitleChars / 2);
  CHECK(cut.ends_with("sentence\xE2\x80\xA6"));
}

}  // namespace newsdex
