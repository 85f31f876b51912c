// Tests for indexer/jsonl_reader.cc and indexer/line_reader.cc.
#include "indexer/jsonl_reader.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include "test_support.h"

namespace newsdex {

using test::CollectingSink;

namespace {}  // namespace

TEST_CASE("a JSON Lines record maps its fields and keeps the extras") {
  Article a;
  std::string date_warning;
  std::string error = parse_jsonl_record(
      R"({"id": "r-1", "url": "https://www.reuters.com/x", "source": "Reuters",
          "date": "26-FEB-1987 15:01:01.79", "title": "Cocoa", "text": "Body",
          "people": ["james-baker"], "newid": 1})",
      a, date_warning);
  CHECK(error == "");
  CHECK(date_warning == "");
  CHECK(a.id == "r-1");
  CHECK(a.source == "Reuters");
  REQUIRE(a.date);
  CHECK(a.date->iso() == "1987-02-26T15:01:01Z");
  CHECK(a.extra["people"][0] == "james-baker");
  CHECK(a.extra["newid"] == 1);
}

TEST_CASE("bad JSON Lines records are reported with their line and skipped") {
  CollectingSink sink = test::read_jsonl_text(
      "{\"id\": \"a\", \"text\": \"good one\"}\n"
      "{\"id\": \"b\", \"text\": \n"                                  // 2
      "{\"id\": \"c\", \"text\": \"t\", \"date\": \"2025-13-45\"}\n"  // 3
      "\n"
      "{\"id\": \"d\", \"text\": \"bad \xff byte\"}\n"        // 5
      "{\"id\": \"e\", \"text\": \"  \", \"title\": \"\"}\n"  // 6
      "[1, 2]\n"                                              // 7
      "{\"id\": \"f\", \"text\": {\"nested\": 1}}\n"          // 8
      "{\"id\": \"g\", \"title\": \"Headline only\", \"text\": \"\"}\n",
      "jsonl_bad");
  REQUIRE(sink.articles.size() == 3);
  CHECK(sink.articles[0].id == "a");
  // An unreadable date leaves the article undated, with a warning.
  CHECK(sink.articles[1].id == "c");
  CHECK_FALSE(sink.articles[1].date.has_value());
  REQUIRE(sink.undated.size() == 1);
  CHECK(sink.undated[0].first == "in.jsonl:3");
  CHECK(sink.undated[0].second == "unparseable date '2025-13-45'");
  CHECK(sink.articles[2].id == "g");
  REQUIRE(sink.bad.size() == 5);
  CHECK(sink.bad[0].first == "in.jsonl:2");
  CHECK(sink.bad[0].second.find("JSON syntax error") == 0);
  CHECK(sink.bad[1].first == "in.jsonl:5");
  CHECK(sink.bad[2] ==
        std::pair<std::string, std::string>("in.jsonl:6", "empty text"));
  CHECK(sink.bad[3].second == "not a JSON object");
  CHECK(sink.bad[4].second == "field 'text' is not a string");
}

TEST_CASE("deep nesting, huge numbers and NUL bytes are named skips") {
  std::string deep(100000, '[');
  std::string line1 =
      "{\"id\": \"deep\", \"text\": \"t\", \"x\": " + deep + "}\n";
  std::string content =
      line1 +                                                       // 1
      "{\"id\": \"big\", \"text\": \"t\", \"n\": 1e400}\n" +        // 2
      std::string("{\"id\": \"nul\", \"text\": \"a\0b\"}\n", 29) +  // 3
      "{\"id\": \"after-nul\", \"text\": \"kept\"}\n" +             // 4
      "{\"id\": \"ok\", \"text\": \"t\", \"x\": [[[[1]]]]}\n";      // 5
  CollectingSink sink = test::read_jsonl_text(content, "jsonl_hostile");
  REQUIRE(sink.articles.size() == 2);
  CHECK(sink.articles[0].id == "after-nul");
  CHECK(sink.articles[1].id == "ok");
  REQUIRE(sink.bad.size() == 3);
  CHECK(sink.bad[0].first == "in.jsonl:1");
  CHECK(sink.bad[0].second.find("nested deeper than") != std::string::npos);
  CHECK(sink.bad[1].first == "in.jsonl:2");
  CHECK(sink.bad[1].second.find("1e400") != std::string::npos);
  CHECK(sink.bad[2].first == "in.jsonl:3");
}

TEST_CASE("records without an id use the URL, else file and line") {
  CollectingSink sink = test::read_jsonl_text(
      "{\"url\": \"https://example.com/1\", \"text\": \"one\"}\n"
      "{\"text\": \"two\", \"id\": 42}\n"
      "{\"text\": \"three\"}\n",
      "jsonl_ids");
  REQUIRE(sink.articles.size() == 3);
  CHECK(sink.articles[0].id == "https://example.com/1");
  CHECK(sink.articles[1].id == "42");
  CHECK(sink.articles[2].id == "in.jsonl:3");
}

TEST_CASE("gzip-compressed JSON Lines read like plain ones") {
  auto dir = test::scratch_dir("jsonl_gz");
  std::string path = (dir / "in.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  std::string content =
      "{\"id\": \"z1\", \"text\": \"zipped\"}\r\n"
      "{\"id\": \"z2\", \"text\": \"" +
      std::string(200000, 'x') + "\"}\n";
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  CollectingSink sink;
  LineReader reader(path);
  read_jsonl(reader, path, sink);
  REQUIRE(sink.articles.size() == 2);
  CHECK(sink.articles[0].text == "zipped");
  CHECK(sink.articles[1].text.size() == 200000);  // no truncation of long lines
}

TEST_CASE("a missing file is an error naming it") {
  CHECK_THROWS_WITH_AS(LineReader("/nonexistent/x.jsonl"),
                       doctest::Contains("/nonexistent/x.jsonl"),
                       std::runtime_error);
}

}  // namespace newsdex
