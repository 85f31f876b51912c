// Tests for indexer/folder_reader.cc and indexer/folder_metadata.cc.
#include "indexer/folder_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "test_support.h"

namespace newsdex {

using test::CollectingSink;
using test::write_file;

namespace {

const Article* find(const CollectingSink& sink, const std::string& id) {
  auto it = std::find_if(sink.articles.begin(), sink.articles.end(),
                         [&](const Article& a) { return a.id == id; });
  return it == sink.articles.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a folder of pages with metadata.tsv") {
  auto dir = test::scratch_dir("folder_tsv");
  write_file(dir / "a.txt", "\n  Headline A  \n\nBody of A.\nMore.\n");
  write_file(dir / "b.txt", "Headline B\nBody of B.\n");
  write_file(dir / "sub/c.txt", "Headline C\nBody of C.\n");
  write_file(dir / "README.TXT", "not an article\n");
  write_file(dir / "metadata.tsv",
             "file\tsource\tdate\tnote\n"
             "a.txt\tAnewZ\t2025-06-02\tteaser first\n"
             "./sub/c.txt\tSBS News\tJune 3, 2025\t\n"
             "b.txt\t\t\t\n");
  CollectingSink sink;
  read_folder(dir, sink);
  CHECK(sink.bad.empty());
  REQUIRE(sink.articles.size() == 3);
  const Article* a = find(sink, "a.txt");
  REQUIRE(a);
  // The page as saved: headline and cleaning come later (article_prep).
  CHECK(a->is_page);
  CHECK(a->title == "");
  CHECK(a->text == "\n  Headline A  \n\nBody of A.\nMore.\n");
  CHECK(a->source == "AnewZ");
  CHECK(a->date->iso() == "2025-06-02");
  CHECK(a->extra["note"] == "teaser first");
  const Article* b = find(sink, "b.txt");
  REQUIRE(b);
  CHECK(b->source == "");  // the writer names it
  CHECK_FALSE(b->date.has_value());
  const Article* c = find(sink, "sub/c.txt");
  REQUIRE(c);
  CHECK(c->source == "SBS News");
  CHECK(c->date->iso() == "2025-06-03");
}

TEST_CASE("metadata.csv with quoted fields, and a title from metadata") {
  auto dir = test::scratch_dir("folder_csv");
  write_file(dir / "x.txt", "First line is body here.\nSecond.\n");
  write_file(dir / "metadata.csv",
             "file,source,date,title,url\n"
             "x.txt,\"Reuters, London\",2025-06-02,\"A \"\"quoted\"\" title\","
             "https://reuters.com/x\n");
  CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 1);
  const Article& x = sink.articles[0];
  CHECK(x.source == "Reuters, London");
  CHECK(x.title == "A \"quoted\" title");
  CHECK(x.text == "First line is body here.\nSecond.\n");
  CHECK(x.url == "https://reuters.com/x");
}

TEST_CASE("metadata.jsonl in a subfolder applies to that subfolder") {
  auto dir = test::scratch_dir("folder_jsonl_meta");
  write_file(dir / "news/p.txt", "Title P\nBody P\n");
  write_file(
      dir / "news/metadata.jsonl",
      "{\"file\": \"p.txt\", \"source\": \"BBC\", \"date\": \"2005-03-01\"}\n");
  CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 1);
  CHECK(sink.articles[0].id == "news/p.txt");
  CHECK(sink.articles[0].source == "BBC");
}

TEST_CASE("bad pages are reported by file and skipped, the rest is read") {
  auto dir = test::scratch_dir("folder_bad");
  write_file(dir / "good.txt", "Good\nbody\n");
  write_file(dir / "latin1.txt",
             "Price\n\xA3"
             "5 only\n");
  write_file(dir / "empty.txt", " \n\n");
  write_file(dir / "baddate.txt", "Title\nbody\n");
  write_file(dir / "metadata.tsv",
             "file\tsource\tdate\nbaddate.txt\tX\t31 Febtember 2025\n");
  CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 2);
  CHECK(sink.articles[0].id == "baddate.txt");
  CHECK_FALSE(sink.articles[0].date.has_value());
  CHECK(sink.articles[1].id == "good.txt");
  REQUIRE(sink.undated.size() == 1);
  CHECK(sink.undated[0].first == (dir / "baddate.txt").string());
  CHECK(sink.undated[0].second.find("unparseable date '31 Febtember 2025'") ==
        0);
  CHECK(sink.undated[0].second.find("metadata.tsv:2") != std::string::npos);
  REQUIRE(sink.bad.size() == 2);
  std::sort(sink.bad.begin(), sink.bad.end());
  CHECK(sink.bad[0].first == (dir / "empty.txt").string());
  CHECK(sink.bad[0].second == "empty text");
  CHECK(sink.bad[1].first == (dir / "latin1.txt").string());
  CHECK(sink.bad[1].second == "invalid UTF-8 at byte 6");
}

TEST_CASE("JSON Lines files inside a folder are read as records") {
  auto dir = test::scratch_dir("folder_streams");
  write_file(dir / "feed.jsonl",
             "{\"id\": \"f1\", \"text\": \"from a feed\"}\n");
  CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 1);
  CHECK(sink.articles[0].id == "f1");
}

TEST_CASE("a folder that does not exist is an error") {
  CollectingSink sink;
  CHECK_THROWS_AS(read_folder("/nonexistent/folder", sink), std::runtime_error);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("articles know their first folder level, pages and JSON Lines") {
  auto dir = test::scratch_dir("folder_level");
  test::write_file(dir / "top.txt", "Top\nBody.\n");
  test::write_file(dir / "politics/deep/001.txt", "Deep\nBody.\n");
  test::write_file(dir / "sport/feed.jsonl",
                   R"({"id":"j1","title":"J","text":"Body."})"
                   "\n"
                   R"({"id":"j2","title":"K","text":"Body.","folder":"own"})"
                   "\n");
  test::CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 4);
  std::map<std::string, std::string> folders;
  for (const Article& a : sink.articles) folders[a.id] = a.folder;
  CHECK(folders["top.txt"] == "");
  CHECK(folders["politics/deep/001.txt"] == "politics");
  CHECK(folders["j1"] == "sport");
  // A record's own folder key is its value (declared_values reads extra
  // first); Article::folder is what the path says.
  CHECK(folders["j2"] == "sport");
}

}  // namespace newsdex
