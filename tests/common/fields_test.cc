// Tests for common/fields.cc: the built-in field table, declarations and
// keyword terms.
#include "common/fields.h"

#include <doctest/doctest.h>

#include "common/schema.h"

namespace newsdex {

TEST_CASE("built-in fields keep the prefixes and slots databases use") {
  FieldTable table;
  struct Row {
    const char* name;
    std::string_view prefix;
    Xapian::valueno slot;
    FieldKind kind;
    bool facet;
    const char* json_key;
  };
  const Row rows[] = {
      {"title", schema::kTitlePrefix, kNoSlot, FieldKind::kText, false,
       "title"},
      {"text", "", kNoSlot, FieldKind::kText, false, "text"},
      {"source", schema::kSourcePrefix, schema::kSourceSlot,
       FieldKind::kKeyword, true, "source"},
      {"date", schema::kDayPrefix, schema::kDateSlot, FieldKind::kDate, true,
       "date"},
      {"actor", schema::kActorPrefix, schema::kActorSlotBase,
       FieldKind::kKeywords, true, "actors"},
      {"author", schema::kAuthorPrefix, schema::kAuthorSlotBase,
       FieldKind::kKeywords, true, "authors"},
      {"url", "", kNoSlot, FieldKind::kKeyword, false, "url"},
      {"id", schema::kIdPrefix, kNoSlot, FieldKind::kKeyword, false, "id"},
      {"language", "", kNoSlot, FieldKind::kKeyword, false, "language"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const FieldSpec* f = table.find(row.name);
    REQUIRE(f != nullptr);
    CHECK(f->prefix == row.prefix);
    CHECK(f->slot == row.slot);
    CHECK(f->kind == row.kind);
    CHECK(f->facet == row.facet);
    CHECK(f->json_key == row.json_key);
    CHECK_FALSE(f->declared);
  }
  const FieldSpec& author = *table.find("author");
  CHECK(author.slots == schema::kMaxAuthorValues);
  CHECK(author.value_slot(7) == schema::kAuthorSlotBase + 7);
  CHECK(author.value_slot(8) == schema::kAuthorSpillSlotBase);
  CHECK(author.value_slot(schema::kMaxAuthorValues - 1) ==
        schema::kAuthorSpillSlotBase + schema::kMaxAuthorValues - 9);
  // Past the author slots and their spill slots are others.
  CHECK(author.value_slot(7) < schema::kActorSlotBase);
  CHECK(schema::kAuthorSpillSlotBase + schema::kMaxAuthorValues <
        schema::kDeclaredSpillSlotBase);
  CHECK(table.find("category") == nullptr);
  CHECK(table.facet_names() == "source, date, actor, author");
}

TEST_CASE("declared fields get their own prefix and slots") {
  FieldTable table;
  CHECK(table.declare("category") == "");
  CHECK(table.declare("keywords:keywords") == "");
  CHECK(table.declare("year:number") == "");
  const FieldSpec* category = table.find("category");
  REQUIRE(category != nullptr);
  CHECK(category->declared);
  CHECK(category->kind == FieldKind::kKeyword);
  CHECK(category->prefix == "XFCATEGORY:");
  CHECK(category->slot == schema::kDeclaredSlotBase);
  CHECK(category->slots == 1);
  CHECK(category->facet);
  CHECK(category->json_key == "category");
  const FieldSpec* keywords = table.find("keywords");
  REQUIRE(keywords != nullptr);
  CHECK(keywords->slot == schema::kDeclaredSlotBase + kDeclaredSlotStride);
  CHECK(keywords->slots == kMaxDeclaredValues);
  // The first kDeclaredSlotStride values in the field's own slots, the
  // rest in its spill slots.
  CHECK(keywords->value_slot(kDeclaredSlotStride - 1) ==
        schema::kDeclaredSlotBase + 2 * kDeclaredSlotStride - 1);
  CHECK(keywords->value_slot(kDeclaredSlotStride) ==
        schema::kDeclaredSpillSlotBase + kMaxDeclaredValues);
  CHECK(category->value_slot(0) == schema::kDeclaredSlotBase);
  CHECK(table.facet_names() ==
        "source, date, actor, author, category, keywords, year");
  // Declaring again with the same kind changes nothing.
  CHECK(table.declare("category:keyword") == "");
  CHECK(table.declared().size() == 3);
}

TEST_CASE("bad declarations say why") {
  FieldTable table;
  CHECK(table.declare("source").find("clashes with the built-in field "
                                     "source") != std::string::npos);
  CHECK(table.declare("authors").find("built-in field author (record key "
                                      "authors)") != std::string::npos);
  CHECK(table.declare("Category").find("invalid field name") !=
        std::string::npos);
  CHECK(table.declare("a-b").find("invalid field name") != std::string::npos);
  CHECK(table.declare("tag:colour")
            .find("choose keyword, keywords, number "
                  "or date") != std::string::npos);
  CHECK(table.declare("tag:keywords") == "");
  CHECK(table.declare("tag:number").find("declared as keywords") !=
        std::string::npos);
  CHECK(table.declared().size() == 1);
}

TEST_CASE("declarations round-trip through their stored text") {
  FieldTable table;
  REQUIRE(table.declare("event") == "");
  REQUIRE(table.declare("keywords:keywords") == "");
  std::string text = table.declarations_text();
  CHECK(text == "event\tkeyword\nkeywords\tkeywords\n");
  FieldTable again;
  CHECK(again.load_declarations(text) == "");
  REQUIRE(again.find("keywords") != nullptr);
  CHECK(again.find("keywords")->slot == table.find("keywords")->slot);
  CHECK(again.load_declarations("source\tkeyword\n") != "");
}

TEST_CASE("the field table of a database reads its declarations") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK(field_table_of(db).declared().empty());
  db.set_metadata(std::string(schema::kFieldsKey), "folder\tkeyword\n");
  FieldTable table = field_table_of(db);
  REQUIRE(table.declared().size() == 1);
  CHECK(table.declared()[0]->name == "folder");
}

TEST_CASE("keyword terms are folded, and long values hashed but exact") {
  FieldTable table;
  REQUIRE(table.declare("category") == "");
  const FieldSpec& f = *table.find("category");
  CHECK(keyword_term(f, "U.S. NEWS") == "XFCATEGORY:u.s. news");
  CHECK(keyword_term(f, "  Politics \t and  Power ") ==
        "XFCATEGORY:politics and power");
  std::string long_a(300, 'a'), long_b(300, 'a');
  long_b.back() = 'b';
  std::string a = keyword_term(f, long_a), b = keyword_term(f, long_b);
  CHECK(a.size() <= 245);
  CHECK(a != b);
  CHECK(a == keyword_term(f, long_a));
  // A cut never splits a character.
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "\xD0\xB6";  // ж
  std::string term = keyword_term(f, cyrillic);
  CHECK(term.size() <= 245);
  std::size_t hash = term.find('#');
  REQUIRE(hash != std::string::npos);
  CHECK((static_cast<unsigned char>(term[hash - 1]) & 0xC0) != 0xC0);
}

}  // namespace newsdex
