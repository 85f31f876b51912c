// Tests for indexer/warc_record_reader.cc, indexer/http_response.cc and
// indexer/warc_reader.cc on hand-written records, broken ones included.
#include "indexer/warc_reader.h"

#include <doctest/doctest.h>

#include <map>

#include "indexer/folder_reader.h"
#include "indexer/http_response.h"
#include "indexer/warc_record_reader.h"
#include "test_support.h"
#include "warc_writer.h"

namespace newsdex {

using test::chunked;
using test::gzip_member;
using test::http_response;
using test::warc_record;
using test::warc_response;
using test::write_file;

namespace {

// Every record of a file, broken ones included.
std::vector<WarcRecord> read_all(const std::filesystem::path& path,
                                 std::size_t max_block = kMaxWarcBlockBytes) {
  WarcRecordReader reader(path.string(), max_block);
  std::vector<WarcRecord> out;
  WarcRecord r;
  while (reader.next(r)) {
    out.push_back(r);
    REQUIRE(out.size() < 100);  // never loops
  }
  return out;
}

std::string page(const std::string& title, const std::string& head = "") {
  return "<html><head><title>" + title + " | Example News</title>" + head +
         "</head><body><nav><a href=/>Home</a></nav><article><h1>" + title +
         "</h1><p>The first paragraph of the story says what happened, "
         "where, and when, in one long sentence.</p><p>The second "
         "paragraph says why it matters, to whom, and what comes next."
         "</p></article></body></html>";
}

const std::string kHtml = "Content-Type: text/html; charset=utf-8\r\n";

// What read_warc() gives: articles, bad records, and records passed over.
struct ArchiveSink : test::CollectingSink {
  std::map<std::string, int> passed;
  std::vector<std::string> passed_where;
  void passed_over(const RecordOrigin& o, std::string_view reason) override {
    ++passed[std::string(reason)];
    passed_where.push_back(o.to_string());
  }
};

}  // namespace

TEST_CASE("warc records: fields, blocks and offsets of a plain file") {
  auto dir = test::scratch_dir("warc_plain");
  std::string first = warc_record("warcinfo", "", "software: test\r\n");
  std::string second =
      warc_response("https://example.com/a", "200 OK", kHtml, page("First"));
  write_file(dir / "a.warc", first + second);
  auto records = read_all(dir / "a.warc");
  REQUIRE(records.size() == 2);
  CHECK(records[0].problem == "");
  CHECK(records[0].version == "WARC/1.1");
  CHECK(records[0].field("warc-type") == "warcinfo");
  CHECK(records[0].block == "software: test\r\n");
  CHECK(records[0].offset == 0);
  CHECK(records[1].number == 2);
  CHECK(records[1].offset == first.size());
  CHECK(records[1].field("WARC-Target-URI") == "https://example.com/a");
  CHECK(records[1].block.starts_with("HTTP/1.1 200 OK\r\n"));
  CHECK(records[1].where("a.warc") ==
        "a.warc, record 2 at byte " + std::to_string(first.size()));
}

TEST_CASE("warc records: a .warc.gz is read member by member") {
  auto dir = test::scratch_dir("warc_gzip");
  std::string one = gzip_member(warc_record("warcinfo", "", "a: b\r\n"));
  std::string two = gzip_member(
      warc_response("https://example.com/a", "200 OK", kHtml, page("A")));
  std::string three = gzip_member(
      warc_response("https://example.com/b", "200 OK", kHtml, page("B")));
  write_file(dir / "a.warc.gz", one + two + three);
  auto records = read_all(dir / "a.warc.gz");
  REQUIRE(records.size() == 3);
  for (const auto& r : records) CHECK(r.problem == "");
  // Offsets are those of the gzip members, as CDX indexes give them.
  CHECK(records[0].offset == 0);
  CHECK(records[1].offset == one.size());
  CHECK(records[2].offset == one.size() + two.size());
  CHECK(records[2].field("WARC-Target-URI") == "https://example.com/b");
}

TEST_CASE("warc records: corrupt gzip data costs its member only") {
  auto dir = test::scratch_dir("warc_gzip_corrupt");
  std::string one = gzip_member(
      warc_response("https://example.com/a", "200 OK", kHtml, page("A")));
  std::string two = gzip_member(
      warc_response("https://example.com/b", "200 OK", kHtml, page("B")));
  std::string three = gzip_member(
      warc_response("https://example.com/c", "200 OK", kHtml, page("C")));
  // Garble the middle of the second member's deflate data.
  for (std::size_t i = 20; i < 60; ++i) two[i] = static_cast<char>(i * 7);
  write_file(dir / "a.warc.gz", one + two + three);
  auto records = read_all(dir / "a.warc.gz");
  std::vector<std::string> uris;
  int broken = 0;
  for (const auto& r : records) {
    if (r.problem.empty()) {
      uris.emplace_back(r.field("WARC-Target-URI"));
    } else {
      ++broken;
      CHECK(r.problem.find("gzip") != std::string::npos);
    }
  }
  CHECK(broken == 1);
  CHECK(uris == std::vector<std::string>{"https://example.com/a",
                                         "https://example.com/c"});
}

TEST_CASE("warc records: a truncated .warc.gz ends with one broken record") {
  auto dir = test::scratch_dir("warc_gzip_truncated");
  std::string one = gzip_member(
      warc_response("https://example.com/a", "200 OK", kHtml, page("A")));
  std::string two = gzip_member(
      warc_response("https://example.com/b", "200 OK", kHtml, page("B")));
  write_file(dir / "a.warc.gz", one + two.substr(0, two.size() / 2));
  auto records = read_all(dir / "a.warc.gz");
  REQUIRE(records.size() == 2);
  CHECK(records[0].problem == "");
  CHECK(records[1].problem.find("cut short") != std::string::npos);
  CHECK(records[1].offset == one.size());
}

TEST_CASE("warc records: broken records are named and reading goes on") {
  auto dir = test::scratch_dir("warc_broken");
  std::string good1 =
      warc_response("https://example.com/1", "200 OK", kHtml, page("One"));
  std::string good2 =
      warc_response("https://example.com/2", "200 OK", kHtml, page("Two"));
  std::string good3 =
      warc_response("https://example.com/3", "200 OK", kHtml, page("Three"));
  std::string good4 =
      warc_response("https://example.com/4", "200 OK", kHtml, page("Four"));
  // A header line without a colon.
  std::string bad_header =
      "WARC/1.0\r\nWARC-Type: response\r\nno colon here"
      "\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n";
  // Content-Length not a number.
  std::string bad_length =
      "WARC/1.0\r\nWARC-Type: response\r\n"
      "Content-Length: 12x\r\n\r\nabc\r\n\r\n";
  // Content-Length too long: it swallows the next record's start.
  std::string too_long =
      "WARC/1.0\r\nWARC-Type: response\r\n"
      "Content-Length: 40\r\n\r\nabc\r\n\r\n";
  // Content-Length too short.
  std::string too_short =
      "WARC/1.0\r\nWARC-Type: response\r\n"
      "Content-Length: 2\r\n\r\nabcdef\r\n\r\n";
  // Junk where a record should start.
  std::string junk = "this is not a record\r\n\x01\x02\x03\r\n";
  // A header cut off by the next record.
  std::string no_end = "WARC/1.0\r\nWARC-Type: response\r\n";
  // The file ends inside a block.
  std::string truncated =
      "WARC/1.0\r\nWARC-Type: response\r\n"
      "Content-Length: 500\r\n\r\nonly a little";
  write_file(dir / "a.warc", bad_header + good1 + bad_length + too_long +
                                 good2 + too_short + good3 + junk + no_end +
                                 good4 + truncated);
  auto records = read_all(dir / "a.warc");
  std::vector<std::string> uris, problems;
  for (const auto& r : records) {
    if (r.problem.empty())
      uris.emplace_back(r.field("WARC-Target-URI"));
    else
      problems.push_back(r.problem);
  }
  CHECK(uris == std::vector<std::string>{
                    "https://example.com/1", "https://example.com/2",
                    "https://example.com/3", "https://example.com/4"});
  REQUIRE(problems.size() == 7);
  CHECK(problems[0] == "bad header line 'no colon here'");
  CHECK(problems[1] == "bad Content-Length '12x'");
  CHECK(problems[2].starts_with("Content-Length 40 does not end the record"));
  CHECK(problems[3].starts_with("Content-Length 2 does not end the record"));
  CHECK(problems[4].starts_with("no WARC version line"));
  CHECK(problems[5].starts_with("the header does not end"));
  CHECK(problems[6] == "truncated: the file ends 13 bytes into a block of 500");
  // The first record is named by its number and byte.
  CHECK(records[0].number == 1);
  CHECK(records[0].offset == 0);
  CHECK(records[1].offset == bad_header.size());
}

TEST_CASE("warc records: a block over the limit is skipped, not kept") {
  auto dir = test::scratch_dir("warc_big");
  std::string big = warc_response("https://example.com/big", "200 OK", kHtml,
                                  std::string(5000, 'x'));
  std::string small =
      warc_response("https://example.com/s", "200 OK", kHtml, page("Small"));
  write_file(dir / "a.warc", big + small);
  auto records = read_all(dir / "a.warc", 1000);
  REQUIRE(records.size() == 2);
  CHECK(records[0].problem.starts_with("a block of "));
  CHECK(records[0].block.empty());
  CHECK(records[1].problem == "");
  CHECK(records[1].field("WARC-Target-URI") == "https://example.com/s");
}

TEST_CASE("warc records: empty and blank files have no records") {
  auto dir = test::scratch_dir("warc_empty");
  write_file(dir / "empty.warc", "");
  write_file(dir / "blank.warc", "\r\n\r\n\n");
  CHECK(read_all(dir / "empty.warc").empty());
  CHECK(read_all(dir / "blank.warc").empty());
  CHECK_THROWS_AS(WarcRecordReader((dir / "missing.warc").string()),
                  std::runtime_error);
}

TEST_CASE("http responses: status, headers and body") {
  HttpResponse r;
  std::string block = http_response(
      "301 Moved Permanently",
      "Location: /b\r\nContent-Type: Text/HTML; Charset=\"windows-1251\"\r\n"
      "Content-Encoding: GZIP\r\nContent-Language: de-DE\r\n",
      "body");
  CHECK(parse_http_response(block, r) == "");
  CHECK(r.status == 301);
  CHECK(r.media_type == "text/html");
  CHECK(r.charset == "windows-1251");
  CHECK(r.content_encoding == "gzip");
  CHECK(r.content_language == "de-DE");
  CHECK(r.body == "body");
  CHECK(parse_http_response("GET / HTTP/1.1\r\n\r\n", r) ==
        "not an HTTP response");
  CHECK(parse_http_response("HTTP/1.1 abc\r\n\r\n", r)
            .starts_with("no HTTP status"));
  // Bare LF line ends and a status line alone are read too.
  CHECK(parse_http_response("HTTP/1.0 200 OK\nContent-Type: image/png\n\nPNG",
                            r) == "");
  CHECK(r.media_type == "image/png");
  CHECK(r.body == "PNG");
  CHECK(parse_http_response("HTTP/1.0 404", r) == "");
  CHECK(r.status == 404);
}

TEST_CASE("http responses: chunked, gzip and deflate bodies are decoded") {
  const std::string text = "<html><body><p>Decoded body</p></body></html>";
  struct Case {
    const char* name;
    std::string headers, body;
  };
  const Case cases[] = {
      {"plain", "", text},
      {"chunked", "Transfer-Encoding: chunked\r\n", chunked(text)},
      {"gzip", "Content-Encoding: gzip\r\n", gzip_member(text)},
      {"zlib deflate", "Content-Encoding: deflate\r\n",
       gzip_member(text, MAX_WBITS)},
      {"raw deflate", "Content-Encoding: deflate\r\n",
       gzip_member(text, -MAX_WBITS)},
      {"chunked gzip",
       "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
       chunked(gzip_member(text), 5)},
      // Archivers that store the body decoded but keep the headers.
      {"stored decoded",
       "Transfer-Encoding: chunked\r\n"
       "Content-Encoding: gzip\r\n",
       text},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    HttpResponse r;
    std::string block = http_response("200 OK", c.headers, c.body);
    REQUIRE(parse_http_response(block, r) == "");
    std::string out;
    CHECK(decode_http_body(r, 1 << 20, out) == "");
    CHECK(out == text);
  }
  HttpResponse r;
  std::string out;
  std::string block =
      http_response("200 OK", "Content-Encoding: br\r\n", "\x1b\x2c\x00");
  REQUIRE(parse_http_response(block, r) == "");
  CHECK(decode_http_body(r, 1 << 20, out) ==
        "content encoding 'br' is not supported");
  // A gzip bomb stops at the limit.
  block = http_response("200 OK", "Content-Encoding: gzip\r\n",
                        gzip_member(std::string(3 << 20, 'a')));
  REQUIRE(parse_http_response(block, r) == "");
  CHECK(decode_http_body(r, 1 << 20, out) == "a body over 1 MB");
  CHECK(out.empty());
  // Corrupt gzip data with nothing decodable.
  block = http_response("200 OK", "Content-Encoding: gzip\r\n",
                        std::string("\x1f\x8b\x08\x00garbage", 11));
  REQUIRE(parse_http_response(block, r) == "");
  CHECK(decode_http_body(r, 1 << 20, out) == "cannot inflate the gzip body");
}

TEST_CASE("http responses: a body without a type is sniffed for HTML") {
  CHECK(looks_like_html("<!DOCTYPE html><html>"));
  CHECK(looks_like_html("\xEF\xBB\xBF  \n<HTML lang=en>"));
  CHECK(looks_like_html("<p>text"));
  CHECK(looks_like_html("<!-- a comment -->"));
  CHECK_FALSE(looks_like_html("\x89PNG\r\n"));
  CHECK_FALSE(looks_like_html("{\"json\": 1}"));
  CHECK_FALSE(looks_like_html("<pre>text"));  // "<p" must end the name
  CHECK(is_html_media_type("application/xhtml+xml"));
  CHECK_FALSE(is_html_media_type("text/css"));
}

TEST_CASE("warc archives: which records are articles, and why not") {
  auto dir = test::scratch_dir("warc_articles");
  std::string archive =
      warc_record("warcinfo", "", "software: test\r\n") +
      warc_record("request", "https://example.com/a",
                  "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n") +
      warc_response("https://example.com/a", "200 OK",
                    "Content-Type: text/html\r\nContent-Language: fr\r\n"
                    "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                    chunked(gzip_member(page("Talks resume")), 100)) +
      warc_response("https://example.com/old", "301 Moved Permanently",
                    "Location: https://example.com/a\r\n", "") +
      warc_response("https://example.com/logo.png", "200 OK",
                    "Content-Type: image/png\r\n", "\x89PNG\r\n") +
      warc_response("https://example.com/a", "200 OK", kHtml,
                    page("Talks resume again")) +
      warc_response("https://example.com/gone", "404 Not Found", kHtml,
                    page("Not found")) +
      warc_record("revisit", "https://example.com/a",
                  "HTTP/1.1 200 OK\r\n\r\n") +
      warc_record("metadata", "https://example.com/a", "outlinks: x\r\n") +
      // No Content-Type: sniffed; the page names its canonical URL.
      warc_response(
          "https://example.com/b?utm=x", "200 OK", "",
          page("Second story",
               "<link rel=canonical href=\"https://example.com/b\">")) +
      // Another capture under another URI with the same canonical URL.
      warc_response(
          "http://example.com/b", "200 OK", "",
          page("Second story",
               "<link rel=canonical href=\"https://example.com/b\">")) +
      warc_response("https://example.com/empty", "200 OK", kHtml,
                    "<html><body><nav>Home</nav></body></html>") +
      warc_response("https://example.com/data.json", "200 OK", "",
                    "{\"not\": \"html\"}");
  write_file(dir / "crawl.warc", archive);
  ArchiveSink sink;
  read_warc(dir / "crawl.warc", sink);
  REQUIRE(sink.articles.size() == 2);
  const Article& a = sink.articles[0];
  CHECK(a.id == "https://example.com/a");
  CHECK(a.url == "https://example.com/a");
  CHECK(a.title == "Talks resume");
  CHECK(a.text.starts_with("The first paragraph"));
  CHECK(a.extra["language"] == "fr");  // Content-Language
  CHECK(sink.articles[1].id == "https://example.com/b");
  CHECK(sink.articles[1].title == "Second story");
  CHECK(sink.passed == std::map<std::string, int>{{"not_response", 3},
                                                  {"revisit", 1},
                                                  {"redirect", 1},
                                                  {"status", 1},
                                                  {"not_html", 2},
                                                  {"duplicate", 2}});
  REQUIRE(sink.bad.size() == 1);
  CHECK(sink.bad[0].first.starts_with((dir / "crawl.warc").string() +
                                      ", record 12 at byte "));
  CHECK(sink.bad[0].second == "no article text or title in the page");
}

TEST_CASE("warc archives: the HTTP charset is the page's declared one") {
  auto dir = test::scratch_dir("warc_charset");
  // "Переговоры" (talks) in windows-1251, declared only by the header; the
  // page's own <meta> is wrong, and the header wins over it.
  std::string body =
      "<html><head><meta charset=iso-8859-1><title>Kyiv story</title></head>"
      "<body><article><p>\xCF\xE5\xF0\xE5\xE3\xEE\xE2\xEE\xF0\xFB in Kyiv "
      "went on for a long time on Tuesday, as officials, diplomats and "
      "reporters waited outside.</p></article></body></html>";
  write_file(
      dir / "ru.warc",
      warc_response("https://example.ru/talks", "200 OK",
                    "Content-Type: text/html; charset=windows-1251\r\n", body));
  ArchiveSink sink;
  read_warc(dir / "ru.warc", sink);
  REQUIRE(sink.articles.size() == 1);
  CHECK(sink.articles[0].text.starts_with("Переговоры in Kyiv"));
}

TEST_CASE("warc archives: in a folder, beside pages") {
  auto dir = test::scratch_dir("warc_folder");
  write_file(dir / "crawls/a.warc.gz",
             gzip_member(warc_response("https://example.com/a", "200 OK", kHtml,
                                       page("Archived story"))));
  write_file(dir / "b.html", page("Saved page"));
  ArchiveSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 2);
  CHECK(sink.articles[0].id == "b.html");
  CHECK(sink.articles[1].id == "https://example.com/a");
  CHECK(sink.articles[1].folder == "crawls");
  CHECK(is_warc_name("a.WARC"));
  CHECK(is_warc_name("a.warc.gz"));
  CHECK_FALSE(is_warc_name("a.warc.zst"));
}

}  // namespace newsdex
