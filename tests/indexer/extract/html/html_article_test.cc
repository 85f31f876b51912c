// Tests for indexer/extract/html/html_article.cc: a whole page in, an article
// out.
#include "indexer/extract/html/html_article.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("html article: a page's metadata and text together") {
  std::string page =
      "<!doctype html><html lang=\"en-US\"><head><meta charset=\"utf-8\">"
      "<title>Talks resume in Istanbul | Example News</title>"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"og:title\" content=\"Talks resume in Istanbul\">"
      "<link rel=\"canonical\" href=\"https://example.com/2025/06/02/talks\">"
      "<meta property=\"article:published_time\" "
      "content=\"2025-06-02T09:00:00+03:00\">"
      "<meta property=\"article:modified_time\" content=\"2025-06-04\">"
      "<meta name=\"author\" content=\"Jane Doe\">"
      "</head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav>"
      "<article><h1>Talks resume in Istanbul</h1>"
      "<p class=byline>By Jane Doe</p>"
      "<p>Delegations from both countries met in Istanbul on Monday, the "
      "first direct talks in three years, officials said.</p>"
      "<p>The talks, which lasted two hours, ended without an agreement, "
      "but both sides said they would meet again next week.</p>"
      "</article><footer>© Example News</footer></body></html>";
  HtmlArticle a = extract_html_article(
      {page, "https://example.com/x?ref=home", "",
       std::chrono::sys_days{std::chrono::year{2025} / 7 / 1}});
  CHECK(a.title == "Talks resume in Istanbul");
  CHECK(a.source == "Example News");
  REQUIRE(a.date);
  CHECK(a.date->iso_date() == "2025-06-02");
  CHECK(a.date_found_in == "meta");
  CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(a.url == "https://example.com/2025/06/02/talks");
  CHECK(a.language == "en");
  CHECK(a.charset == "UTF-8");
  CHECK(a.text.starts_with("Delegations from both countries"));
  CHECK(a.text.find("\n\nThe talks, which lasted") != std::string::npos);
  CHECK(a.text.find("Home") == std::string::npos);
  CHECK(a.text.find("By Jane Doe") == std::string::npos);
  CHECK(a.text.find("©") == std::string::npos);
}

TEST_CASE("html article: any bytes give an article, never a crash") {
  const std::string inputs[] = {"",
                                "\x00\x01\x02\xFF",
                                "<",
                                "<html><body>",
                                std::string(1000, '<'),
                                "<script>never closed"};
  for (const std::string& bytes : inputs) {
    HtmlArticle a = extract_html_article(
        {bytes, "", "",
         std::chrono::sys_days{std::chrono::year{2025} / 7 / 1}});
    CHECK(a.text.find("never closed") == std::string::npos);
  }
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("html article: a byline opening the text names the authors") {
  std::string page =
      "<html><head><title>Russian Offensive Campaign Assessment, June "
      "2</title></head><body><div class=\"field-item\"><p>Mason Clark, "
      "George Barros, and Kateryna Stepanenko</p><p>June 2, 3:00 pm ET</p>"
      "<p>Russian forces continued offensive operations in Donetsk Oblast "
      "on June 2, and Ukrainian forces repelled several assaults, the "
      "General Staff reported.</p></div></body></html>";
  HtmlArticle a = extract_html_article(
      {page, "", "", std::chrono::sys_days{std::chrono::year{2025} / 7 / 1}});
  CHECK(a.authors == std::vector<std::string>{"Mason Clark", "George Barros",
                                              "Kateryna Stepanenko"});
}

}  // namespace newsdex
