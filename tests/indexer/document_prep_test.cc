// Tests for indexer/document_prep.cc: declared fields' values, terms and
// slots.
#include "indexer/document_prep.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "common/schema.h"
#include "test_support.h"

namespace newsdex {
namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if (*t == term) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("declared values: strings, numbers, lists, and the folder") {
  FieldTable fields;
  REQUIRE(fields.declare("category") == "");
  REQUIRE(fields.declare("tags:keywords") == "");
  REQUIRE(fields.declare("rank:number") == "");
  REQUIRE(fields.declare("folder") == "");
  Article a = test::make_article("politics/1.txt", "T", "Text.");
  a.extra = nlohmann::json::parse(
      R"({"category": ["  Politics ", "World"], "tags": ["a", "b", "a", 7, ""],
          "rank": "n/a"})");
  a.folder = "politics";
  CHECK(declared_values(a, *fields.find("category")) ==
        std::vector<std::string>{"Politics"});  // a keyword takes the first
  CHECK(declared_values(a, *fields.find("tags")) ==
        std::vector<std::string>{"a", "b", "7"});  // each once, none empty
  CHECK(declared_values(a, *fields.find("rank")).empty());  // not a number
  CHECK(declared_values(a, *fields.find("folder")) ==
        std::vector<std::string>{"politics"});
  a.extra["rank"] = 2.5;
  CHECK(declared_values(a, *fields.find("rank")) ==
        std::vector<std::string>{"2.5"});
}

TEST_CASE("declared fields become exact terms and facet slots") {
  FieldTable fields;
  REQUIRE(fields.declare("category") == "");
  REQUIRE(fields.declare("tags:keywords") == "");
  REQUIRE(fields.declare("published:date") == "");
  REQUIRE(fields.declare("missing") == "");
  Article a = test::make_article("x", "T", "Text.");
  a.extra = nlohmann::json::parse(
      R"({"category": "U.S. News", "tags": ["b", "a"],
          "published": "3 March 2022"})");
  Xapian::Document doc;
  std::vector<std::string> missing;
  add_declared_fields(a, fields, doc, &missing);
  const FieldSpec& category = *fields.find("category");
  const FieldSpec& tags = *fields.find("tags");
  const FieldSpec& published = *fields.find("published");
  CHECK(has_term(doc, "XFCATEGORY:u.s. news"));
  CHECK(doc.get_value(category.slot) == "U.S. News");
  CHECK(has_term(doc, "XFTAGS:a"));
  CHECK(doc.get_value(tags.slot) == "b");
  CHECK(doc.get_value(tags.slot + 1) == "a");
  CHECK(has_term(doc, "XFPUBLISHED:2022"));
  CHECK(has_term(doc, "XFPUBLISHED:202203"));
  CHECK(has_term(doc, "XFPUBLISHED:20220303"));
  CHECK(doc.get_value(published.slot) == "20220303");
  CHECK(missing == std::vector<std::string>{"missing"});
}

TEST_CASE("declaring fields changes the signature only when there are some") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  DocumentPreparer plain("english", test::sources(), test::actors());
  DocumentPreparer declared("english", test::sources(), test::actors());
  DocumentPreparer none("english", test::sources(), test::actors());
  FieldTable fields, empty;
  REQUIRE(fields.declare("category") == "");
  declared.set_fields(&fields);
  none.set_fields(&empty);
  Article a = test::make_article("x", "T", "Text.");
  auto sig = [&](DocumentPreparer& p) {
    return p.prepare(a).doc.get_value(schema::kSignatureSlot);
  };
  CHECK(sig(plain) == sig(none));
  CHECK(sig(plain) != sig(declared));
}

}  // namespace newsdex
