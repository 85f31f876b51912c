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

TEST_CASE("a metadata title wins; no headline means the first sentence") {
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

TEST_CASE("records that are not pages are left alone") {
  Article a;
  a.title = "T";
  a.text = "Share and Follow\nBody.";
  prepare_article(a, true);
  CHECK(a.text == "Share and Follow\nBody.");
}

}  // namespace newsdex
