// Tests for common/document_record.cc: stored data round-trips.
#include "common/document_record.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("document data keeps every field and the extras") {
  Article a;
  a.id = "reuters-1";
  a.url = "https://example.com/a";
  a.source = "Reuters";
  a.title = "Cocoa review";
  a.text = "Showers continued \"throughout\" the week.";
  a.date = parse_date("1987-02-26T15:01:01");
  a.extra["people"] = {"james-baker"};
  StoredArticle s = from_document_data(to_document_data(a));
  CHECK(s.id == a.id);
  CHECK(s.url == a.url);
  CHECK(s.source == a.source);
  CHECK(s.title == a.title);
  CHECK(s.text == a.text);
  CHECK(s.date_iso == "1987-02-26T15:01:01Z");
  CHECK(s.extra["people"][0] == "james-baker");
}

TEST_CASE("an article without a date stores none") {
  Article a;
  a.id = "x";
  a.text = "t";
  CHECK(from_document_data(to_document_data(a)).date_iso.empty());
}

}  // namespace newsdex
