// End-to-end tests of saved web pages: a folder of .html pages indexed by
// newsdex-index and found by newsdex-search with the page's metadata.
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

std::string page(const std::string& title, const std::string& head,
                 const std::string& body) {
  return "<!doctype html><html lang=en><head><meta charset=utf-8><title>" +
         title + " | Example News</title>" + head +
         "</head><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
         "<article><h1>" +
         title + "</h1>" + body +
         "</article><footer>Copyright Example News</footer></body></html>";
}

}  // namespace

TEST_CASE(
    "a folder of .html pages is indexed with each page's metadata, "
    "and files not read are named") {
  auto dir = scratch("html_pages");
  std::string db = (dir / "db").string();
  auto pages = dir / "pages";
  std::filesystem::create_directories(pages / "sub");
  std::ofstream(pages / "talks.html")
      << page("Ceasefire talks resume",
              "<meta property=og:site_name content=\"Example News\">"
              "<meta property=\"article:published_time\" "
              "content=\"2025-06-02T09:00:00+03:00\">"
              "<meta property=\"article:modified_time\" "
              "content=\"2025-06-04T09:00:00+03:00\">"
              "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
              "\"author\":[{\"name\":\"Jane Doe\"}]}</script>",
              "<p>Negotiators met in Istanbul on Monday for ceasefire talks, "
              "the first in three years, officials said.</p>"
              "<p>The talks ended without an agreement but will go on.</p>");
  // A windows-1251 page: "Переговоры" (talks) in its text.
  std::ofstream(pages / "sub/ru.htm")
      << "<html lang=ru><head><meta charset=windows-1251><title>Kyiv "
         "story</title></head><body><article><p>\xCF\xE5\xF0\xE5\xE3\xEE"
         "\xE2\xEE\xF0\xFB in Kyiv went on for a long time on Tuesday, as "
         "officials, diplomats and reporters waited outside.</p>"
         "</article></body></html>";
  std::ofstream(pages / "notes.pdf") << "%PDF-1.4";
  auto r = run("newsdex-index", {"--db", db, "--json", pages.string()});
  REQUIRE(r.exit_code == 0);
  auto summary = of_type(json_lines(r.out), "summary");
  REQUIRE(summary.size() == 1);
  const auto& s = summary[0];
  CHECK(s["added"] == 2);
  CHECK(s["skipped"] == 0);
  CHECK(s["not_read"] == 1);
  CHECK(s["not_read_files"][0]["where"].get<std::string>().ends_with(
      "notes.pdf"));

  auto hits = of_type(
      json_lines(
          run("newsdex-search", {"--db", db, "--json", "ceasefire"}).out),
      "hit");
  REQUIRE(hits.size() == 1);
  const auto& hit = hits[0];
  CHECK(hit["id"] == "talks.html");
  CHECK(hit["title"] == "Ceasefire talks resume");
  CHECK(hit["source"] == "Example News");
  CHECK(hit["date"] == "2025-06-02");
  CHECK(hit.dump().find("Jane Doe") != std::string::npos);
  // Navigation and footer are not indexed.
  CHECK(run("newsdex-search", {"--db", db, "--json", "copyright"}).exit_code ==
        1);
  // The legacy charset was converted.
  auto ru = of_type(
      json_lines(
          run("newsdex-search", {"--db", db, "--json", "Переговоры"}).out),
      "hit");
  REQUIRE(ru.size() == 1);
  CHECK(ru[0]["id"] == "sub/ru.htm");

  // The text summary names them too.
  auto text = run("newsdex-index", {"--db", db, pages.string()});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("1 files not read") != std::string::npos);
  CHECK(text.out.find("notes.pdf") != std::string::npos);
}

TEST_CASE("a single .html page is an input") {
  auto dir = scratch("html_single");
  std::string db = (dir / "db").string();
  auto file = dir / "one.html";
  std::ofstream(file) << page("Grain deal extended", "",
                              "<p>The grain deal was extended for another "
                              "four months, the ministry said on Friday.</p>");
  auto r = run("newsdex-index", {"--db", db, "--json", file.string()});
  REQUIRE(r.exit_code == 0);
  auto hits = of_type(
      json_lines(run("newsdex-search", {"--db", db, "--json", "grain"}).out),
      "hit");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "one.html");
  CHECK(hits[0]["title"] == "Grain deal extended");
}

TEST_CASE("JSON Lines records carrying html are indexed as pages") {
  auto dir = scratch("html_jsonl");
  std::string db = (dir / "db").string();
  std::string talks =
      page("Ceasefire talks resume",
           "<meta property=og:site_name content=\"Example News\">"
           "<meta property=\"article:published_time\" content=\"2025-06-02\">"
           "<meta name=author content=\"Jane Doe\">"
           "<link rel=canonical href=\"https://example.com/talks\">",
           "<p>Negotiators met in Istanbul on Monday for ceasefire talks, "
           "the first in three years, officials said.</p>");
  std::string grain = page("Grain deal extended", "",
                           "<p>The grain deal was extended for another four "
                           "months, the ministry said on Friday.</p>");
  nlohmann::json first = {{"html", talks}};
  nlohmann::json second = {{"id", "g-1"},           {"source", "Record Outlet"},
                           {"date", "2025-07-01"},  {"title", "Record title"},
                           {"category", "economy"}, {"html", grain}};
  std::ofstream(dir / "pages.jsonl")
      << first.dump() << '\n'
      << second.dump() << '\n'
      << R"({"id": "bad", "html": ["x"]})" << '\n';
  auto r = run("newsdex-index",
               {"--db", db, "--json", (dir / "pages.jsonl").string()});
  REQUIRE(r.exit_code == 0);
  auto s = of_type(json_lines(r.out), "summary").at(0);
  CHECK(s["added"] == 2);
  CHECK(s["skipped"] == 1);
  CHECK(s["skipped_records"][0]["reason"] == "field 'html' is not a string");
  CHECK(r.err.find("pages.jsonl:3: field 'html' is not a string") !=
        std::string::npos);

  auto hits = of_type(
      json_lines(
          run("newsdex-search", {"--db", db, "--json", "ceasefire"}).out),
      "hit");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "https://example.com/talks");
  CHECK(hits[0]["title"] == "Ceasefire talks resume");
  CHECK(hits[0]["source"] == "Example News");
  CHECK(hits[0]["date"] == "2025-06-02");
  CHECK(hits[0].dump().find("Jane Doe") != std::string::npos);
  // The record's fields win; the page gives the text.
  hits = of_type(
      json_lines(run("newsdex-search", {"--db", db, "--json", "grain"}).out),
      "hit");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "g-1");
  CHECK(hits[0]["title"] == "Record title");
  CHECK(hits[0]["source"] == "Record Outlet");
  CHECK(hits[0]["date"] == "2025-07-01");
  // Navigation and footer are not indexed, nor is the markup stored.
  CHECK(run("newsdex-search", {"--db", db, "--json", "copyright"}).exit_code ==
        1);
  auto shown = run("newsdex-search", {"--db", db, "--json", "--show", "g-1"});
  CHECK(shown.out.find("<article>") == std::string::npos);
  CHECK(shown.out.find("economy") != std::string::npos);
}

}  // namespace newsdex::e2e
