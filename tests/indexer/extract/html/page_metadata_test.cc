// Tests for indexer/extract/html/page_signals.cc and page_metadata.cc.
#include "indexer/extract/html/page_metadata.h"

#include <doctest/doctest.h>

namespace newsdex {
namespace {

struct Page {
  explicit Page(std::string html)
      : text(std::move(html)), tree(text), signals(read_page_signals(tree)) {}
  std::string text;
  HtmlTree tree;
  PageSignals signals;
};

}  // namespace

TEST_CASE("html metadata: site suffixes are stripped from titles") {
  struct Row {
    const char* title;
    const char* site;
    const char* expected;
  };
  const Row rows[] = {
      {"Talks resume in Istanbul | Reuters", "Reuters",
       "Talks resume in Istanbul"},
      {"Talks resume in Istanbul - BBC News", "BBC",
       "Talks resume in Istanbul"},
      {"Reuters | Talks resume in Istanbul", "Reuters",
       "Talks resume in Istanbul"},
      {"Talks resume in Istanbul – Kyiv Independent", "",
       "Talks resume in Istanbul"},
      // A dash inside a headline whose tail is not a site stays.
      {"Ukraine - Russia talks resume after three long weeks of pause", "",
       "Ukraine - Russia talks resume after three long weeks of pause"},
      {"Plain headline", "Reuters", "Plain headline"},
  };
  for (const Row& r : rows) {
    CHECK_MESSAGE(strip_site_suffix(r.title, r.site) == r.expected, r.title);
  }
}

TEST_CASE("html metadata: title from og:title, JSON-LD, h1, then <title>") {
  Page og(
      "<head><title>Title tag | Site</title><meta property=og:title "
      "content=\"OG title\"></head><body><h1>H1 title</h1></body>");
  CHECK(page_title(og.tree, og.signals, "Site") == "OG title");
  Page ld(
      "<head><title>Title tag | Site</title><script "
      "type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":"
      "\"LD headline\"}</script></head><body><h1>H1 title</h1></body>");
  CHECK(page_title(ld.tree, ld.signals, "Site") == "LD headline");
  Page h1(
      "<head><title>Title tag | Site</title></head><body><h1>H1 "
      "title</h1></body>");
  CHECK(page_title(h1.tree, h1.signals, "Site") == "H1 title");
  Page title(
      "<head><title>A long headline about the talks | Site</title>"
      "</head><body></body>");
  CHECK(page_title(title.tree, title.signals, "Site") ==
        "A long headline about the talks");
  // og:title that is only the site's name is passed over.
  Page site_only(
      "<head><meta property=og:title content=\"Site\"><title>Real "
      "headline here | Site</title></head>");
  CHECK(page_title(site_only.tree, site_only.signals, "Site") ==
        "Real headline here");
}

TEST_CASE("html metadata: JSON-LD in its list and @graph forms") {
  Page list(
      "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":"
      "\"2025-06-02T10:00:00+03:00\",\"author\":[{\"@type\":\"Person\","
      "\"name\":\"Jane Doe\"},{\"name\":\"John Roe\"}],\"publisher\":"
      "{\"name\":\"Example News\"}}]</script>");
  REQUIRE(list.signals.json_ld.size() == 1);
  CHECK(list.signals.json_ld[0].headline == "H");
  CHECK(list.signals.json_ld[0].publisher == "Example News");
  CHECK(list.signals.json_ld[0].authors ==
        std::vector<std::string>{"Jane Doe", "John Roe"});
  Page graph(
      "<script type=\"application/ld+json\">\n<!--\n{\"@context\":"
      "\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\",\"name\":"
      "\"Page\"},{\"@type\":[\"Article\"],\"headline\":\"Graph "
      "headline\",\"author\":\"Ann Smith\"}]}\n-->\n</script>");
  REQUIRE(graph.signals.json_ld.size() == 2);
  CHECK(graph.signals.json_ld[0].type == "Article");  // articles first
  CHECK(graph.signals.json_ld[0].headline == "Graph headline");
  CHECK(graph.signals.json_ld[0].authors ==
        std::vector<std::string>{"Ann Smith"});
  // Broken JSON-LD is ignored, not fatal.
  Page broken("<script type=\"application/ld+json\">{\"@type\": </script>");
  CHECK(broken.signals.json_ld.empty());
}

TEST_CASE("html metadata: source from og:site_name, JSON-LD, then the host") {
  Page og(
      "<meta property=\"og:site_name\" content=\"The Example\">"
      "<script type=application/ld+json>{\"@type\":\"NewsArticle\","
      "\"publisher\":{\"name\":\"Example Publisher\"}}</script>");
  CHECK(page_source(og.signals, "https://www.example.com/a") == "The Example");
  Page ld(
      "<script type=application/ld+json>{\"@type\":\"NewsArticle\","
      "\"publisher\":{\"name\":\"Example Publisher\"}}</script>");
  CHECK(page_source(ld.signals, "https://www.example.com/a") ==
        "Example Publisher");
  Page none("<p>x</p>");
  CHECK(page_source(none.signals, "https://www.example.com/a") ==
        "example.com");
}

TEST_CASE("html metadata: authors from JSON-LD, meta, rel=author, a byline") {
  Page ld(
      "<meta name=author content=\"Meta Person\"><script "
      "type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":"
      "{\"name\":\"Jane Doe\"}}</script>");
  CHECK(page_authors(ld.tree, ld.signals, nullptr, "") ==
        std::vector<std::string>{"Jane Doe"});
  Page meta("<meta name=author content=\"Jane Doe and John Roe\">");
  CHECK(page_authors(meta.tree, meta.signals, nullptr, "") ==
        std::vector<std::string>{"Jane Doe", "John Roe"});
  Page rel("<body><a rel=author href=/jd>Jane Doe</a></body>");
  CHECK(page_authors(rel.tree, rel.signals, nullptr, "") ==
        std::vector<std::string>{"Jane Doe"});
  Page byline(
      "<body><div class=\"byline\">By Jane Doe and John Roe</div>"
      "<p>Text.</p></body>");
  CHECK(page_authors(byline.tree, byline.signals, nullptr, "") ==
        std::vector<std::string>{"Jane Doe", "John Roe"});
  // URLs and the outlet itself are no authors.
  Page odd(
      "<meta name=author content=\"https://facebook.com/x\">"
      "<meta name=author content=\"Example News\">");
  CHECK(page_authors(odd.tree, odd.signals, nullptr, "Example News").empty());
}

TEST_CASE("html metadata: canonical URL and language") {
  Page canon("<html lang=\"en-GB\"><link rel=canonical href=\"/news/1\">");
  CHECK(page_url(canon.signals, "https://www.example.com/news/1?utm=x") ==
        "https://www.example.com/news/1");
  CHECK(page_language(canon.signals) == "en");
  Page og(
      "<meta property=og:url content=\"https://example.com/a\">"
      "<meta property=og:locale content=\"de_DE\">");
  CHECK(page_url(og.signals, "") == "https://example.com/a");
  CHECK(page_language(og.signals) == "de");
  Page equiv("<meta http-equiv=\"Content-Language\" content=\"fr\">");
  CHECK(page_language(equiv.signals) == "fr");
  Page none("<p>x</p>");
  CHECK(page_url(none.signals, "https://e.com/x") == "https://e.com/x");
  CHECK(page_language(none.signals) == "");
}

}  // namespace newsdex
