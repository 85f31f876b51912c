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
  CHECK(s.date_iso == "1987-02-26");
  CHECK(s.datetime_iso == "1987-02-26T15:01:01Z");
  CHECK(s.extra()["people"][0] == "james-baker");
}

TEST_CASE("a stored date is the publisher's day, the time is kept in UTC") {
  Article a;
  a.id = "isw-2023-01-24";
  a.text = "t";
  a.date = parse_date("2023-01-24T22:00:00-05:00");
  StoredArticle s = from_document_data(to_document_data(a));
  CHECK(s.date_iso == "2023-01-24");
  CHECK(s.datetime_iso == "2023-01-25T03:00:00Z");
  a.date = parse_date("2023-01-24");
  s = from_document_data(to_document_data(a));
  CHECK(s.date_iso == "2023-01-24");
  CHECK(s.datetime_iso.empty());
  // Databases written before kept the UTC instant under "date".
  s = from_document_data(
      R"({"id":"old","text":"t","date":"2023-01-25T03:00:00Z"})");
  CHECK(s.date_iso == "2023-01-25");
  CHECK(s.datetime_iso == "2023-01-25T03:00:00Z");
}

TEST_CASE("an article without a date stores none") {
  Article a;
  a.id = "x";
  a.text = "t";
  StoredArticle s = from_document_data(to_document_data(a));
  CHECK(s.date_iso.empty());
  CHECK(s.datetime_iso.empty());
}

TEST_CASE("actors, dropped blocks and escaped text come back as written") {
  Article a;
  a.id = "bbc/1.txt";
  a.title = "Caf\xC3\xA9 \"talks\"";
  a.text = "Line one\n\ttab \\ back\xE2\x80\x99s \x01 control";
  a.actors = {{"Tony Blair", ActorType::kPerson},
              {"Bank of England", ActorType::kOrg}};
  a.dropped = nlohmann::json::array(
      {{{"kind", "boilerplate"}, {"text", "Share this"}}});
  a.dropped_chars = 10;
  std::string data = to_document_data(a);
  StoredArticle s = from_document_data(data);
  CHECK(s.title == a.title);
  CHECK(s.text == a.text);
  REQUIRE(s.actors.size() == 2);
  CHECK(s.actors[0].name == "Tony Blair");
  CHECK(s.actors[0].type == ActorType::kPerson);
  CHECK(s.actors[1].name == "Bank of England");
  CHECK(s.actors[1].type == ActorType::kOrg);
  REQUIRE(s.dropped.size() == 1);
  std::string kind = s.dropped[0]["kind"];
  CHECK(kind == "boilerplate");
  CHECK(s.dropped_chars == 10);
  // Hits skip the dropped blocks.
  StoredArticle hit = from_document_data(data, false);
  CHECK(hit.dropped.empty());
  CHECK(hit.text == a.text);
}

TEST_CASE("data that is not a stored article throws") {
  CHECK_THROWS(from_document_data("{\"id\": \"x\", \"text\": "));
  CHECK_THROWS(from_document_data("not json"));
  CHECK_THROWS(from_document_data("{\"id\": 5}"));
}

TEST_CASE(
    "document data is packed, and plain JSON from older databases reads") {
  Article a;
  a.id = "reuters-7";
  a.source = "Reuters";
  a.title = "Grain reserves";
  for (int i = 0; i < 40; ++i) a.text += "Wheat and corn prices rose. ";
  std::string json = to_document_json(a);
  std::string data = to_document_data(a);
  CHECK(data.size() < json.size() / 4);
  CHECK(data != json);
  CHECK(document_data_size(data) == json.size());
  CHECK(document_data_size(json) == json.size());
  CHECK(nlohmann::json::parse(json)["text"] == a.text);
  StoredArticle packed = from_document_data(data);
  StoredArticle plain = from_document_data(json);
  CHECK(packed.text == a.text);
  CHECK(plain.text == a.text);
  CHECK(packed.id == plain.id);
  CHECK(packed.extra_json.empty());
  CHECK(packed.extra().empty());
}

TEST_CASE("packed data cut short or damaged throws instead of reading junk") {
  Article a;
  a.id = "x";
  for (int i = 0; i < 40; ++i) a.text += "Talks went on. ";
  std::string data = to_document_data(a);
  CHECK_THROWS_AS(from_document_data(data.substr(0, data.size() / 2)),
                  std::runtime_error);
  CHECK_THROWS_AS(from_document_data(data.substr(0, 6)), std::runtime_error);
  std::string damaged = data;
  damaged[damaged.size() / 2] =
      static_cast<char>(damaged[damaged.size() / 2] ^ 0x5a);
  CHECK_THROWS_AS(from_document_data(damaged), std::runtime_error);
}

}  // namespace newsdex
