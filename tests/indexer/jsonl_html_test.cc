// Tests for JSON Lines records that carry a raw page in `html`
// (indexer/jsonl_reader.cc over indexer/html_page_reader.cc).
#include <doctest/doctest.h>

#include "indexer/jsonl_reader.h"
#include "test_support.h"

namespace newsdex {

using test::CollectingSink;

namespace {

// A page as one JSON string.
std::string page_json(const std::string& head) {
  std::string html =
      "<html lang=de><head><title>Talks resume | Example News</title>" + head +
      "</head><body><nav><a href=/>Home</a></nav><article><h1>Talks "
      "resume</h1><p>The first paragraph of the story says what happened, "
      "where, and when, in one long sentence.</p><p>The second paragraph "
      "says why it matters, to whom, and what comes next.</p></article>"
      "<footer>Copyright Example News</footer></body></html>";
  return nlohmann::json(html).dump();
}

const std::string kHead =
    "<meta property=og:site_name content=\"Example News\">"
    "<meta property=\"article:published_time\" content=\"2025-06-02\">"
    "<meta name=author content=\"Jane Doe\">"
    "<link rel=canonical href=\"https://example.com/talks\">";

}  // namespace

TEST_CASE("JSON Lines html: the page is extracted as a saved page is") {
  CollectingSink sink = test::read_jsonl_text(
      "{\"html\": " + page_json(kHead) + "}\n", "jsonl_html");
  REQUIRE(sink.bad.empty());
  REQUIRE(sink.articles.size() == 1);
  const Article& a = sink.articles[0];
  CHECK(a.title == "Talks resume");
  CHECK(a.source == "Example News");
  CHECK(a.url == "https://example.com/talks");
  // No id in the record: its URL, here the page's canonical one.
  CHECK(a.id == "https://example.com/talks");
  REQUIRE(a.date);
  CHECK(a.date->iso_date() == "2025-06-02");
  CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(a.extra["language"] == "de");
  CHECK(a.text.starts_with("The first paragraph"));
  CHECK(a.text.find("Home") == std::string::npos);
  CHECK(a.text.find("Copyright") == std::string::npos);
  CHECK_FALSE(a.is_page);
  // The raw page is not kept as an extra field.
  CHECK_FALSE(a.extra.contains("html"));
}

TEST_CASE("JSON Lines html: the record's own fields win over the page's") {
  CollectingSink sink = test::read_jsonl_text(
      "{\"id\": \"r-7\", \"url\": \"https://example.org/r7\", \"source\": "
      "\"Record Outlet\", \"date\": \"2025-06-05\", \"title\": \"Record "
      "title\", \"authors\": [\"John Roe\"], \"category\": \"world\", "
      "\"language\": \"fr\", \"html\": " +
          page_json(kHead) + "}\n",
      "jsonl_html_fields");
  REQUIRE(sink.articles.size() == 1);
  const Article& a = sink.articles[0];
  CHECK(a.id == "r-7");
  CHECK(a.url == "https://example.org/r7");
  CHECK(a.source == "Record Outlet");
  CHECK(a.title == "Record title");
  CHECK(a.date->iso_date() == "2025-06-05");
  CHECK(a.authors == std::vector<std::string>{"John Roe"});
  CHECK(a.extra["category"] == "world");
  CHECK(a.extra["language"] == "fr");
  // What the record does not give comes from the page.
  CHECK(a.text.starts_with("The first paragraph"));
}

TEST_CASE("JSON Lines html: empty record fields leave the page's") {
  CollectingSink sink = test::read_jsonl_text(
      "{\"id\": \"r-8\", \"title\": \"\", \"text\": null, \"html\": " +
          page_json(kHead) + "}\n",
      "jsonl_html_empty");
  REQUIRE(sink.articles.size() == 1);
  CHECK(sink.articles[0].title == "Talks resume");
  CHECK(sink.articles[0].text.starts_with("The first paragraph"));
}

TEST_CASE("JSON Lines html: bad pages are bad records with their line") {
  CollectingSink sink = test::read_jsonl_text(
      "{\"id\": \"a\", \"html\": 12}\n"
      "{\"id\": \"b\", \"html\": \"<html><body><nav>Home</nav></body>\"}\n"
      "{\"id\": \"c\", \"html\": " +
          page_json("") + "}\n",
      "jsonl_html_bad");
  REQUIRE(sink.articles.size() == 1);
  CHECK(sink.articles[0].id == "c");
  REQUIRE(sink.bad.size() == 2);
  CHECK(sink.bad[0].first == "in.jsonl:1");
  CHECK(sink.bad[0].second == "field 'html' is not a string");
  CHECK(sink.bad[1].first == "in.jsonl:2");
  CHECK(sink.bad[1].second == "no article text or title in the page");
}

}  // namespace newsdex
