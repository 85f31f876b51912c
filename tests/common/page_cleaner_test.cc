// Tests for common/page_cleaner.cc: block rules, the headline rule and the
// trimming of teasers written as whole paragraphs.
#include "common/page_cleaner.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

BlockKind kind_of(const CleanedPage& page, std::string_view start) {
  for (const auto& b : page.blocks) {
    if (b.text.rfind(start, 0) == 0) return b.kind;
  }
  FAIL("no block starts with " << start);
  return BlockKind::kArticle;
}

const std::string kArticle =
    "Delegations from Russia and Ukraine met in Istanbul on Monday for peace "
    "talks, the second round of direct negotiations since the war began.\n"
    "The talks in Istanbul lasted about an hour, and both delegations said the "
    "negotiations on a ceasefire and on prisoners would continue.\n"
    "Ukraine's delegation in Istanbul was led by its defence minister, who "
    "said the talks had produced an agreement on a prisoner exchange.\n"
    "Russia's delegation said the negotiations in Istanbul would continue and "
    "that a memorandum on a ceasefire had been handed over at the talks.\n";

}  // namespace

TEST_CASE("prompts, credits and markup debris are boilerplate") {
  CleanedPage page =
      clean_page("Share and Follow\n\n" + kArticle +
                 "Photo: Reuters / Presidential Press Service\n"
                 "You can download our application from the App Store.\n"
                 "What is your opinion on this topic?\n"
                 "Leave the first comment\n"
                 "For the latest from Example News, and .\n"
                 "<!– <!– With a career haul nearing $200m…\n");
  CHECK(kind_of(page, "Share and Follow") == BlockKind::kBoilerplate);
  CHECK(kind_of(page, "Photo:") == BlockKind::kBoilerplate);
  CHECK(kind_of(page, "You can download") == BlockKind::kBoilerplate);
  CHECK(kind_of(page, "What is your opinion") == BlockKind::kBoilerplate);
  CHECK(kind_of(page, "Leave the first") == BlockKind::kBoilerplate);
  CHECK(kind_of(page, "For the latest") == BlockKind::kBoilerplate);
  CHECK(kind_of(page, "<!–") == BlockKind::kBoilerplate);
  CHECK(page.text.find("Share") == std::string::npos);
  CHECK(page.text.find("Delegations from Russia") == 0);
  CHECK(page.dropped_chars > 100);
}

TEST_CASE("cut-off teasers after the article are other stories") {
  CleanedPage page = clean_page(
      kArticle +
      "The collapse of the Swiss Birch glacier serves as a chilling warning of "
      "the escalating dangers faced by communities worldwide living below "
      "retreating glaciers in the Alps and\n"
      "Poland is set to hold a presidential runoff election between two…\n");
  CHECK(kind_of(page, "The collapse") == BlockKind::kOtherStory);
  CHECK(kind_of(page, "Poland") == BlockKind::kOtherStory);
  CHECK(page.text.find("glacier") == std::string::npos);
}

TEST_CASE("an ellipsis inside a closing quotation is not a cut") {
  CleanedPage page = clean_page(
      kArticle +
      "The minister said the priority was \"a full and honest ceasefire… to "
      "stop the killing in Istanbul talks and beyond…\"\n");
  CHECK(kind_of(page, "The minister") == BlockKind::kArticle);
}

TEST_CASE("the headline: repeated, or set off before the article") {
  CleanedPage repeated = clean_page(
      "A summary of the peace talks in Istanbul between Russia and Ukraine "
      "delegations this week.\nPeace Talks Resume in Istanbul\n\n"
      "Peace Talks Resume in Istanbul\n" +
      kArticle);
  CHECK(repeated.headline == "Peace Talks Resume in Istanbul");
  CHECK(kind_of(repeated, "A summary") == BlockKind::kArticle);
  std::size_t first = repeated.text.find("Peace Talks Resume");
  CHECK(first == std::string::npos);

  CleanedPage plain =
      clean_page("Peace Talks Resume in Istanbul\n\n" + kArticle);
  CHECK(plain.headline == "Peace Talks Resume in Istanbul");

  // A teaser's headline is followed by its cut-off summary: not ours.
  CleanedPage teaser = clean_page(
      "Leaders sign declaration on multinational forces\n"
      "Three leaders signed a declaration of intent on Tuesday in Paris on "
      "T...\n" +
      kArticle);
  CHECK(teaser.headline.empty());
  CHECK(kind_of(teaser, "Leaders sign") == BlockKind::kOtherStory);
  CHECK(kind_of(teaser, "Three leaders") == BlockKind::kOtherStory);
}

TEST_CASE("a clean article is kept whole") {
  std::string page = "Ad sales boost Time Warner profit\n\n" + kArticle;
  CleanedPage c = clean_page(page);
  CHECK(c.headline == "Ad sales boost Time Warner profit");
  CHECK(c.dropped_chars == 0);
  CHECK_FALSE(looks_like_scraped_page(kArticle));
}

// Whole-paragraph teasers of unrelated stories, the kind a "more news"
// list ends a page with.
const std::string kTeasers =
    "Heavy snow closed schools across Scotland on Tuesday as forecasters "
    "warned that more blizzards would sweep the Highlands overnight.\n"
    "The chancellor unveiled a plan to cut fuel duty for hauliers, saying "
    "diesel costs had squeezed small businesses all winter.\n"
    "A Premier League footballer was fined for speeding after magistrates "
    "heard his sports car was clocked at 110mph on the motorway.\n";

TEST_CASE("whole-paragraph teasers off the article's subject are dropped") {
  CleanedPage c =
      clean_page("Peace talks resume in Istanbul\n\n" + kArticle + kTeasers);
  CHECK(c.headline == "Peace talks resume in Istanbul");
  CHECK(kind_of(c, "Heavy snow") == BlockKind::kOtherStory);
  CHECK(kind_of(c, "The chancellor") == BlockKind::kOtherStory);
  CHECK(kind_of(c, "A Premier League") == BlockKind::kOtherStory);
  CHECK(kind_of(c, "Russia's delegation") == BlockKind::kArticle);
  CHECK(c.text.find("blizzards") == std::string::npos);
}

TEST_CASE("an article's own last paragraph may change subject") {
  // One paragraph off the subject is not a list of teasers.
  std::string last =
      "Separately, heavy snow closed schools across Scotland on Tuesday.\n";
  CleanedPage c =
      clean_page("Peace talks resume in Istanbul\n\n" + kArticle + last);
  CHECK(kind_of(c, "Separately") == BlockKind::kArticle);
  // A long paragraph or a quotation is never a teaser.
  std::string quote =
      "\"We will keep talking,\" one delegate said of the schools and snow.\n"
      "\"Nothing is agreed until everything is agreed,\" said another, as "
      "reporters waited outside in the cold.\n";
  c = clean_page("Peace talks resume in Istanbul\n\n" + kArticle + quote);
  CHECK(c.dropped_chars == 0);
}

TEST_CASE("a teaser before the article's headline is dropped") {
  std::string page =
      "Share this article\n\nFloods hit farms\n\nFarmers in Somerset "
      "counted the cost of floods that left fields under water for weeks "
      "after the river burst its banks.\n\nPeace talks resume in Istanbul"
      "\n\n" +
      kArticle;
  CleanedPage c = clean_page(page);
  CHECK(c.headline == "Peace talks resume in Istanbul");
  CHECK(kind_of(c, "Farmers in Somerset") == BlockKind::kOtherStory);
  CHECK(kind_of(c, "Delegations from Russia") == BlockKind::kArticle);
}

TEST_CASE("a story the page also teases cut off is not the article") {
  std::string page =
      "Leaders sign pact\n\nThree leaders signed a pact on future forces in "
      "the region on T...\n\n" +
      kArticle +
      "Three leaders signed a pact on future forces in the region on Tuesday "
      "after talks on security guarantees.\n" +
      kTeasers;
  CleanedPage c = clean_page(page);
  CHECK(c.text.find("pact") == std::string::npos);
  CHECK(c.text.find("Russia's delegation said") != std::string::npos);
}

TEST_CASE("lists after an article and sentences split by the page are kept") {
  std::string page = "Cup draw made\n\n" + kArticle +
                     "\nArsenal v Wolves\n\nLeeds v Hull\n\nStoke v Bury\n";
  CleanedPage c = clean_page(page);
  CHECK(c.dropped_chars == 0);
  CHECK(kind_of(c, "Leeds v Hull") == BlockKind::kArticle);
  // A bold name lost its markup: "... said American\n\nwas the winner".
  CleanedPage split = clean_page(
      "Sprint result\n\nThe race was close, and the crowd cheered the "
      "winner from the United States, the 60m champion American\n\nwas the "
      "eventual winner of the men's 60m race which almost ended in farce.\n\n" +
      kArticle);
  CHECK(split.text.find("American was the eventual winner") !=
        std::string::npos);
}

TEST_CASE("seed pages: known noise is recognised") {
  std::string dir = std::string(NEWSDEX_CORPUS_DIR) + "/";
  CleanedPage p001 = clean_page(read_file(dir + "001_0a0d1ceab96d88ad.txt"));
  CHECK(p001.text.find("glacier") == std::string::npos);
  CHECK(kind_of(p001, "Photo:") == BlockKind::kBoilerplate);
  CleanedPage p002 = clean_page(read_file(dir + "002_db9a38a8cd49fc85.txt"));
  CHECK(p002.headline ==
        "Renewed Efforts for Peace: Zelensky Announces Istanbul Talks");
  CleanedPage p000 = clean_page(read_file(dir + "000_854d7417e0392e6a.txt"));
  CHECK(p000.text.find("Maduro") == std::string::npos);
  CHECK(p000.text.find("Greenland") == std::string::npos);
  CHECK(p000.text.find("no end in sight") != std::string::npos);
  CleanedPage p003 = clean_page(read_file(dir + "003_c4e19ff3c6d5d69e.txt"));
  CHECK(p003.text.find("bushfire") == std::string::npos);
  CHECK(p003.text.find("Share and Follow") == std::string::npos);
  for (const char* name :
       {"000_854d7417e0392e6a.txt", "001_0a0d1ceab96d88ad.txt",
        "002_db9a38a8cd49fc85.txt", "003_c4e19ff3c6d5d69e.txt"}) {
    CAPTURE(name);
    CHECK(looks_like_scraped_page(read_file(dir + name)));
  }
}

TEST_CASE("first_sentence skips initials and abbreviations") {
  CHECK(first_sentence("U.S. President Donald Trump spoke. Then more.") ==
        "U.S. President Donald Trump spoke.");
  CHECK(first_sentence("Mr. Smith left early. Later.") ==
        "Mr. Smith left early.");
  CHECK(first_sentence("No end here") == "No end here");
  std::string long_text(300, 'a');
  CHECK(first_sentence("word " + long_text, 50).size() <= 54);
}

TEST_CASE("first_sentence cuts between characters, never inside one") {
  // Cyrillic and accented letters are two bytes each: a cut at a byte
  // count may fall inside one when no space is near.
  std::string cyrillic;
  for (int i = 0; i < 80; ++i) cyrillic += "\xD0\x96";  // Ж
  for (std::size_t max : {49, 50, 51, 100}) {
    CAPTURE(max);
    std::string s = first_sentence(cyrillic, max);
    CHECK(find_invalid_utf8(s) == std::string::npos);
    CHECK(s.size() <= max + 3);  // and the ellipsis
    CHECK(s.ends_with("\xE2\x80\xA6"));
  }
  std::string mixed = std::string(99, 'a') + "\xC3\xA9" + " more words here";
  CHECK(find_invalid_utf8(first_sentence(mixed, 100)) == std::string::npos);
}

}  // namespace newsdex
