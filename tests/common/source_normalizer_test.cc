// Tests for common/source_normalizer.cc and the built-in source table.
#include "common/source_normalizer.h"

#include <doctest/doctest.h>

#include <set>

namespace newsdex {

TEST_CASE("the built-in table maps names and sites to one outlet") {
  SourceNormalizer n = SourceNormalizer::with_builtin_table();
  CHECK(n.canonical("SBS", "") == "SBS News");
  CHECK(n.canonical("sbsnews", "") == "SBS News");
  CHECK(n.canonical("SBS News", "") == "SBS News");
  CHECK(n.canonical("bbc.co.uk", "") == "BBC");
  CHECK(n.canonical("edition.cnn.com", "") == "CNN");
  CHECK(n.canonical("theguardian.com", "") == "The Guardian");
  CHECK(n.canonical("The Guardian", "") == "The Guardian");
  CHECK(n.canonical("guardian", "") == "The Guardian");  // "The" never matters
  CHECK(n.canonical("Guardian Weekly", "") == "Guardian Weekly");
  CHECK(n.canonical("", "https://www.bbc.com/news/1") == "BBC");
  CHECK(n.canonical("", "https://news.bbc.co.uk/2/hi/1.stm") == "BBC");
  CHECK(n.canonical("", "https://www.rferl.org/a/x") ==
        "Radio Free Europe/Radio Liberty");
  CHECK(n.canonical("", "https://example.org/a") == "example.org");
  CHECK(n.canonical("", "") == "unknown");
  // Unknown names are kept, with white space folded.
  CHECK(n.canonical("  Goodwin's   weekly ", "") == "Goodwin's weekly");
}

TEST_CASE("every variant a user types gives the outlet's key") {
  SourceNormalizer n = SourceNormalizer::with_builtin_table();
  CHECK(n.key("sbs") == n.key("SBS News"));
  CHECK(n.key("sbs.com.au") == n.key("SBS News"));
  CHECK(n.key("www.reuters.com") == n.key("Reuters"));
  CHECK(n.key("AP") == n.key("Associated Press"));
  CHECK(n.key("AP") != n.key("AFP"));
}

TEST_CASE("user tables add outlets and override the built-in ones") {
  SourceNormalizer n = SourceNormalizer::with_builtin_table();
  auto errors = n.add_table(
      "# my outlets\n"
      "Wild News Daily\tWND\twildnews.example\n"
      "\n"
      "Beeb\tBBC\n"
      "---\tdashes only\n",
      "mine.tsv");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "mine.tsv:5: no outlet name");
  CHECK(n.canonical("wnd", "") == "Wild News Daily");
  CHECK(n.canonical("", "http://www.wildnews.example/x") == "Wild News Daily");
  CHECK(n.canonical("BBC", "") == "Beeb");
}

TEST_CASE("the RUWA corpus's nine outlets stay nine") {
  SourceNormalizer n = SourceNormalizer::with_builtin_table();
  const char* outlets[] = {"Ukrinform", "Censor.net", "Reuters",
                           "RT",        "Al Jazeera", "BBC",
                           "MSNBC",     "News Front", "TASS"};
  std::set<std::string> names;
  for (const char* o : outlets) names.insert(n.canonical(o, ""));
  CHECK(names.size() == 9);
  CHECK(n.canonical("Reuters", "") == "Reuters");
}

}  // namespace newsdex
