// End-to-end tests of saved web pages: a folder of .html pages indexed by
// newsdex-index and found by newsdex-search with the page's metadata.
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>
#include <map>

#include "e2e/run_program.h"
#include "warc_writer.h"

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

  auto hits = search_hits(db, "ceasefire");
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
  auto ru = search_hits(db, "Переговоры");
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
  auto hits = search_hits(db, "grain");
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

  auto hits = search_hits(db, "ceasefire");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "https://example.com/talks");
  CHECK(hits[0]["title"] == "Ceasefire talks resume");
  CHECK(hits[0]["source"] == "Example News");
  CHECK(hits[0]["date"] == "2025-06-02");
  CHECK(hits[0].dump().find("Jane Doe") != std::string::npos);
  // The record's fields win; the page gives the text.
  hits = search_hits(db, "grain");
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

TEST_CASE(
    "a .warc.gz written by the test is indexed: pages in, the rest counted") {
  using test::gzip_member;
  using test::warc_record;
  using test::warc_response;
  auto dir = scratch("html_warc");
  std::string db = (dir / "db").string();
  const std::string html = "Content-Type: text/html; charset=utf-8\r\n";
  std::string article =
      page("Ceasefire talks resume",
           "<meta property=og:site_name content=\"Example News\">"
           "<meta property=\"article:published_time\" content=\"2025-06-02\">",
           "<p>Negotiators met in Istanbul on Monday for ceasefire talks, "
           "the first in three years, officials said.</p>");
  // "Переговоры" (talks) in windows-1251, declared only by the HTTP header.
  std::string russian =
      "<html lang=ru><head><title>Kyiv story</title></head><body><article>"
      "<p>\xCF\xE5\xF0\xE5\xE3\xEE\xE2\xEE\xF0\xFB in Kyiv went on for a "
      "long time on Tuesday, as officials, diplomats and reporters waited "
      "outside.</p></article></body></html>";
  std::vector<std::string> records = {
      warc_record("warcinfo", "", "software: newsdex test\r\n"),
      warc_record("request", "https://example.com/talks",
                  "GET /talks HTTP/1.1\r\nHost: example.com\r\n\r\n"),
      warc_response("https://example.com/talks", "200 OK",
                    html + "Content-Encoding: gzip\r\n", gzip_member(article)),
      warc_response("https://example.com/old-talks", "301 Moved Permanently",
                    "Location: https://example.com/talks\r\n", ""),
      warc_response("https://example.com/logo.png", "200 OK",
                    "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n"),
      warc_response("https://example.com/talks", "200 OK", html,
                    page("A later capture", "", "<p>Changed.</p>")),
      warc_response("https://example.com/missing", "404 Not Found", html,
                    page("Not found", "", "<p>No such page here.</p>")),
      warc_response("https://example.ru/kyiv", "200 OK",
                    "Content-Type: text/html; charset=windows-1251\r\n"
                    "Transfer-Encoding: chunked\r\n",
                    test::chunked(russian, 50)),
  };
  std::string archive;
  for (const auto& r : records) archive += gzip_member(r);
  auto path = dir / "crawl.warc.gz";
  std::ofstream(path, std::ios::binary) << archive;

  auto r = run("newsdex-index", {"--db", db, "--json", path.string()});
  REQUIRE(r.exit_code == 0);
  auto s = of_type(json_lines(r.out), "summary").at(0);
  CHECK(s["added"] == 2);
  CHECK(s["skipped"] == 0);
  CHECK(s["warc_skipped"] == nlohmann::json{{"not_response", 2},
                                            {"revisit", 0},
                                            {"redirect", 1},
                                            {"status", 1},
                                            {"not_html", 1},
                                            {"duplicate", 1}});

  auto hits = search_hits(db, "ceasefire");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "https://example.com/talks");
  CHECK(hits[0]["url"] == "https://example.com/talks");
  CHECK(hits[0]["title"] == "Ceasefire talks resume");
  CHECK(hits[0]["source"] == "Example News");
  CHECK(hits[0]["date"] == "2025-06-02");
  // The first capture is kept, not the later one.
  CHECK(run("newsdex-search", {"--db", db, "--json", "later"}).exit_code == 1);
  // The header's charset was used.
  auto ru = search_hits(db, "Переговоры");
  REQUIRE(ru.size() == 1);
  CHECK(ru[0]["id"] == "https://example.ru/kyiv");
  CHECK(ru[0]["title"] == "Kyiv story");
  auto shown = run("newsdex-search",
                   {"--db", db, "--json", "--show", "https://example.ru/kyiv"});
  CHECK(shown.out.find("Переговоры in Kyiv went on") != std::string::npos);

  // The text summary counts them too; a broken record is one warning
  // naming the file and record, and the rest is still read.
  std::string broken = archive +
                       gzip_member(
                           "WARC/1.1\r\nWARC-Type: response\r\n"
                           "Content-Length: 99x\r\n\r\n") +
                       gzip_member(warc_response(
                           "https://example.com/late", "200 OK", html,
                           page("Grain deal extended", "",
                                "<p>The grain deal was extended for another "
                                "four months.</p>")));
  auto broken_path = dir / "broken.warc.gz";
  std::ofstream(broken_path, std::ios::binary) << broken;
  auto t = run("newsdex-index", {"--db", db, broken_path.string()});
  CHECK(t.exit_code == 0);
  CHECK(t.out.find("web archive records not indexed: 2 not responses") !=
        std::string::npos);
  CHECK(t.out.find(", 1 redirect, 1 other HTTP status than 200, 1 not HTML, "
                   "1 duplicate capture\n") != std::string::npos);
  CHECK(t.err.find("broken.warc.gz, record 9 at byte " +
                   std::to_string(archive.size()) +
                   ": bad Content-Length '99x'; skipped") != std::string::npos);
  CHECK(run("newsdex-search", {"--db", db, "--json", "grain"}).exit_code == 0);
}

TEST_CASE("bad pages: each is one warning naming the file, the rest indexed") {
  auto dir = scratch("html_bad_pages");
  std::string db = (dir / "db").string();
  auto pages = dir / "pages";
  std::filesystem::create_directories(pages);
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(pages / name, std::ios::binary) << bytes;
  };
  write("good.html",
        page("Grain deal extended", "",
             "<p>The grain deal was extended for another four months, the "
             "ministry said on Friday.</p>"));
  // An index page: a title, links and no article text.
  std::string links;
  for (int i = 0; i < 20; ++i)
    links += "<li><a href=\"/story/" + std::to_string(i) +
             "\">Another story about the war, number " + std::to_string(i) +
             "</a></li>";
  write("index.html",
        "<html><head><title>World news | Example News</title></head><body>"
        "<nav><a href=/>Home</a></nav><ul>" +
            links + "</ul></body></html>");
  write("empty.html", "<html><body><nav><a href=/>Home</a></nav></body>");
  write("binary.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18) +
                           std::string(3000, '\x01'));
  std::string gz = test::gzip_member(
      page("Cut short", "", "<p>" + std::string(4000, 'x') + " talks.</p>"));
  write("truncated.html.gz", gz.substr(0, gz.size() / 2));
  // A charset iconv does not know: read as detected, with a warning.
  write("unknown.html",
        "<html><head><meta charset=\"x-no-such-charset\"><title>Caf\xe9 "
        "talks</title></head><body><article><p>The caf\xe9 owners met the "
        "mayor on Monday to talk about the new rules for the square.</p>"
        "</article></body></html>");
  // 10,000 nested elements around the text.
  write(
      "nested.html", "<html><head><title>Deep page</title></head><body>" +
                         std::string(10000 * 5, ' ').replace(0, 0, "") +
                         [] {
                           std::string s;
                           for (int i = 0; i < 10000; ++i) s += "<div>";
                           s += "<p>Deep in the page, the negotiators met "
                                "on Monday for more talks.</p>";
                           for (int i = 0; i < 10000; ++i) s += "</div>";
                           return s;
                         }() +
                         "</body></html>");
  // Over the 50 MB a page may have.
  {
    std::ofstream big(pages / "huge.html", std::ios::binary);
    big << "<html><head><title>Huge</title></head><body><p>";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 51; ++i) big << chunk;
  }
  auto r = run("newsdex-index", {"--db", db, "--json", pages.string()});
  REQUIRE(r.exit_code == 0);
  auto s = of_type(json_lines(r.out), "summary").at(0);
  CHECK(s["added"] == 4);  // good, index, unknown, nested
  CHECK(s["skipped"] == 4);
  // The index page, and the nested one: trees are read to a depth of
  // kMaxTreeDepth, so text deeper down is not found.
  CHECK(s["title_only"] == 2);
  CHECK(s["title_only_records"][0]["where"].get<std::string>().ends_with(
      "index.html"));
  CHECK(s["title_only_records"][1]["where"].get<std::string>().ends_with(
      "nested.html"));
  std::map<std::string, std::string> skipped;
  for (const auto& record : s["skipped_records"]) {
    std::string where = record["where"];
    skipped[where.substr(where.rfind('/') + 1)] = record["reason"];
  }
  CHECK(skipped["empty.html"] == "no article text or title in the page");
  CHECK(skipped["binary.html"] ==
        "binary data, not a web page (a NUL byte at 8)");
  CHECK(skipped["huge.html"] == "page larger than 50 MB");
  CHECK(skipped["truncated.html.gz"] ==
        "read error: the gzip data is cut short (a truncated file)");
  // One warning for each, naming the file.
  for (const char* name : {"empty.html", "binary.html", "huge.html",
                           "truncated.html.gz", "index.html", "unknown.html"}) {
    CAPTURE(name);
    std::string needle = std::string("/") + name + ": ";
    std::size_t first = r.err.find(needle);
    CHECK(first != std::string::npos);
    CHECK(r.err.find(needle, first + 1) == std::string::npos);
  }
  // (read as uchardet guesses: a Latin charset)
  CHECK(r.err.find("unknown.html: unknown charset 'x-no-such-charset'; read "
                   "as ") != std::string::npos);
  CHECK(r.err.find("index.html: no article text in the page (an index page "
                   "or a login wall?); indexed with its title only") !=
        std::string::npos);
  auto index = search_hits(db, "title:world");
  REQUIRE(index.size() == 1);
  CHECK(index[0]["title"].get<std::string>().starts_with("World news"));
  auto cafe = search_hits(db, "owners");
  REQUIRE(cafe.size() == 1);
  CHECK(cafe[0]["title"] == "Café talks");
  CHECK(search_hits(db, "title:deep").size() == 1);
}

}  // namespace newsdex::e2e
