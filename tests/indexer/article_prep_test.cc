// Tests for indexer/article_prep.cc.
#include "indexer/article_prep.h"

#include <doctest/doctest.h>

namespace newsdex {
namespace {

Article page(std::string text, std::string title = "") {
  Article a;
  a.id = "p.txt";
  a.title = std::move(title);
  a.text = std::move(text);
  a.is_page = true;
  return a;
}

const std::string kPage =
    "Share and Follow\n\n"
    "Peace Talks Resume in Istanbul\n\n"
    "Delegations from Russia and Ukraine met in Istanbul on Monday for peace "
    "talks, the second round of direct negotiations since the war began.\n"
    "The talks lasted about an hour, and both sides said the negotiations "
    "would continue next week in the same palace in Istanbul.\n"
    "Leave the first comment\n";

}  // namespace

TEST_CASE("a cleaned page keeps the article, titles it, records the rest") {
  Article a = page(kPage);
  prepare_article(a, true);
  CHECK_FALSE(a.is_page);
  CHECK(a.title == "Peace Talks Resume in Istanbul");
  CHECK(a.text.find("Delegations from Russia") == 0);
  CHECK(a.text.find("Share") == std::string::npos);
  CHECK(a.text.find("comment") == std::string::npos);
  REQUIRE(a.dropped.size() == 2);
  CHECK(a.dropped[0]["kind"] == "boilerplate");
  CHECK(a.dropped[0]["text"] == "Share and Follow");
  CHECK(a.dropped_chars == std::string("Share and Follow").size() +
                               std::string("Leave the first comment").size());
}

TEST_CASE("a metadata title wins, no headline means the first sentence") {
  Article titled = page(kPage, "From metadata");
  prepare_article(titled, true);
  CHECK(titled.title == "From metadata");
  Article bare = page(
      "Delegations met in Istanbul on Monday. They talked for an hour about "
      "a ceasefire and about prisoners of war held on both sides.\n");
  prepare_article(bare, true);
  CHECK(bare.title == "Delegations met in Istanbul on Monday.");
}

TEST_CASE(
    "without cleaning the first line is the title and nothing is dropped") {
  Article a = page(kPage);
  prepare_article(a, false);
  CHECK(a.title == "Share and Follow");
  CHECK(a.text.find("Peace Talks Resume") != std::string::npos);
  CHECK(a.dropped.empty());
}

TEST_CASE("records are cleaned cautiously, and only when they show noise") {
  // Clean text passes byte for byte, odd spacing and all.
  Article clean;
  clean.title = "T";
  clean.text = "First line of the story.\n  Indented  second line...\n";
  prepare_article(clean, true);
  CHECK(clean.text == "First line of the story.\n  Indented  second line...\n");
  CHECK(clean.dropped.empty());
  // Prompts and trailing teasers (a headline, then a cut-off summary) go.
  Article noisy;
  noisy.title = "Talks resume";
  noisy.text =
      "Share and Follow\n\nDelegations met in Istanbul on Monday for talks "
      "that both sides called useful.\n\nThey will meet again next week.\n\n"
      "Floods hit farms\n\nFarmers counted the cost of floods that...\n\n"
      "Snow closes schools\n\nHeavy snow closed schools across the north "
      "on…\n\nLeave a comment\n";
  prepare_article(noisy, true);
  CHECK(noisy.title == "Talks resume");
  CHECK(noisy.text ==
        "Delegations met in Istanbul on Monday for talks that both sides "
        "called useful.\n\nThey will meet again next week.");
  CHECK(noisy.dropped.size() == 6);
  CHECK(noisy.dropped[0]["kind"] == "boilerplate");
  CHECK(noisy.dropped[1]["kind"] == "other-story");
  CHECK(noisy.dropped_chars > 100);
  // Wire copy that uses "..." between items and a report with a map
  // prompt keep every paragraph but the prompt.
  Article wire;
  wire.text =
      "Grain export business reported since yesterday -\n\nJapan bought "
      "wheat...\n\nKorea bought corn...\n\nClick here to expand the map "
      "below.\n\nTaiwan bought soybeans for May delivery.\n";
  prepare_article(wire, true);
  CHECK(wire.text.find("Japan bought wheat...") != std::string::npos);
  CHECK(wire.text.find("Korea bought corn...") != std::string::npos);
  CHECK(wire.text.find("Click here") == std::string::npos);
  // Without cleaning nothing is touched.
  Article off;
  off.text = "Share and Follow\nBody.";
  prepare_article(off, false);
  CHECK(off.text == "Share and Follow\nBody.");
}

}  // namespace newsdex
