// Tests for indexer/html_page_reader.cc and .html pages in folders
// (indexer/folder_reader.cc).
#include "indexer/html_page_reader.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <algorithm>

#include "indexer/folder_reader.h"
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

std::string page(const std::string& title, const std::string& extra_head) {
  return "<html lang=en><head><title>" + title + " | Example News</title>" +
         extra_head +
         "</head><body><nav><a href=/>Home</a></nav><article><h1>" + title +
         "</h1><p>The first paragraph of the story says what happened, "
         "where, and when, in one long sentence.</p><p>The second "
         "paragraph says why it matters, to whom, and what comes next."
         "</p></article></body></html>";
}

void write_gzip(const std::filesystem::path& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f);
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
}

}  // namespace

TEST_CASE("html pages in a folder: .html, .htm and .html.gz are read") {
  auto dir = test::scratch_dir("html_folder");
  write_file(dir / "a.html",
             page("Talks resume",
                  "<meta property=og:site_name content=\"Example News\">"
                  "<meta property=\"article:published_time\" "
                  "content=\"2025-06-02T09:00:00+03:00\">"
                  "<meta name=author content=\"Jane Doe\">"
                  "<link rel=canonical href=\"https://example.com/talks\">"));
  write_file(dir / "sub/b.htm", page("Second story", ""));
  write_gzip(dir / "c.html.gz", page("Third story", ""));
  write_file(dir / "empty.html", "<html><body><nav>Home</nav></body></html>");
  write_file(dir / "notes.pdf", "%PDF-1.4");
  CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 3);
  const Article* a = find(sink, "a.html");
  REQUIRE(a);
  CHECK_FALSE(a->is_page);  // already extracted: no .txt cleaning
  CHECK(a->title == "Talks resume");
  CHECK(a->source == "Example News");
  CHECK(a->url == "https://example.com/talks");
  REQUIRE(a->date);
  CHECK(a->date->iso_date() == "2025-06-02");
  CHECK(a->authors == std::vector<std::string>{"Jane Doe"});
  CHECK(a->extra["language"] == "en");
  CHECK(a->text.starts_with("The first paragraph"));
  CHECK(a->text.find("Home") == std::string::npos);
  CHECK(find(sink, "sub/b.htm"));
  const Article* c = find(sink, "c.html.gz");
  REQUIRE(c);
  CHECK(c->title == "Third story");
  CHECK(c->source == "");  // no site name in the page: the writer's job
  // A page with neither title nor text is a bad record, named.
  REQUIRE(sink.bad.size() == 1);
  CHECK(sink.bad[0].first.ends_with("empty.html"));
}

TEST_CASE("html pages: a metadata sidecar value wins over the page's") {
  auto dir = test::scratch_dir("html_sidecar");
  write_file(dir / "a.html",
             page("Page title",
                  "<meta property=og:site_name content=\"Page Outlet\">"
                  "<meta property=\"article:published_time\" "
                  "content=\"2025-06-02\">"
                  "<meta name=author content=\"Jane Doe\">"));
  write_file(dir / "metadata.tsv",
             "file\tsource\tdate\ttitle\tauthors\n"
             "a.html\tSidecar Outlet\t2025-06-05\tSidecar title\tJohn Roe\n");
  CollectingSink sink;
  read_folder(dir, sink);
  REQUIRE(sink.articles.size() == 1);
  const Article& a = sink.articles[0];
  CHECK(a.source == "Sidecar Outlet");
  CHECK(a.title == "Sidecar title");
  CHECK(a.date->iso_date() == "2025-06-05");
  CHECK(a.authors == std::vector<std::string>{"John Roe"});
  // What the sidecar does not give comes from the page.
  CHECK(a.text.starts_with("The first paragraph"));
}

TEST_CASE("html pages: names the reader takes") {
  CHECK(is_html_page_name("a.html"));
  CHECK(is_html_page_name("a.HTM"));
  CHECK(is_html_page_name("a.html.gz"));
  CHECK_FALSE(is_html_page_name("a.txt"));
  CHECK_FALSE(is_html_page_name("a.xhtml.zip"));
}

}  // namespace newsdex
