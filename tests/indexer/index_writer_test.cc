// Tests for indexer/index_writer.cc: document layout and idempotent writes.
#include "indexer/index_writer.h"

#include <doctest/doctest.h>

#include "common/schema.h"
#include "test_support.h"

namespace newsdex {

namespace {

bool has_term(const Xapian::Database& db, const std::string& term) {
  return db.term_exists(term);
}

Xapian::doccount spelling_frequency(const Xapian::Database& db,
                                    const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

}  // namespace

TEST_CASE("a document carries id, title, source and date terms and values") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, "english", test::sources(), test::actors(), false);
  Article a = test::make_article("seed/a.txt", "Peace talks in Istanbul",
                                 "Delegations met for talks.", "SBS News",
                                 "2025-05-16");
  CHECK(writer.write(a) == WriteOutcome::kAdded);
  db.commit();
  CHECK(has_term(db, "Qseed/a.txt"));
  CHECK(has_term(db, "XSsbsnews"));
  CHECK(has_term(db, "Y2025"));
  CHECK(has_term(db, "M202505"));
  CHECK(has_term(db, "D20250516"));
  // Stems only (title field and free text), no unstemmed words.
  CHECK(has_term(db, "ZSistanbul"));
  CHECK(has_term(db, "Ztalk"));
  CHECK(has_term(db, "Zdeleg"));
  CHECK_FALSE(has_term(db, "Sistanbul"));
  CHECK_FALSE(has_term(db, "delegations"));
  Xapian::Document doc = db.get_document(1);
  CHECK(doc.get_value(schema::kSourceSlot) == "SBS News");
  CHECK(doc.get_value(schema::kDateSlot) == "20250516");
  // The title counts more than the body in the free-text field.
  Xapian::TermIterator t = db.termlist_begin(1);
  t.skip_to("Zistanbul");
  REQUIRE(*t == "Zistanbul");
  CHECK(t.get_wdf() == schema::kTitleWdfBoost);
  // Positions on the stems allow phrase search.
  CHECK(db.positionlist_begin(1, "Ztalk") != db.positionlist_end(1, "Ztalk"));
}

TEST_CASE("writing the same article again changes nothing, a change replaces") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, "english", test::sources(), test::actors(), false);
  Article a = test::make_article("x", "Title", "Body one");
  CHECK(writer.write(a) == WriteOutcome::kAdded);
  CHECK(writer.write(a) == WriteOutcome::kUnchanged);
  a.text = "Body two";
  CHECK(writer.write(a) == WriteOutcome::kUpdated);
  db.commit();
  CHECK(db.get_doccount() == 1);
  CHECK(db.term_exists("Ztwo"));
  CHECK_FALSE(db.term_exists("Zone"));
}

TEST_CASE("a month-precision date indexes year and month only") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, "english", test::sources(), test::actors(), false);
  writer.write(test::make_article("m", "T", "B", "S", "2025-06"));
  db.commit();
  CHECK(db.get_document(1).get_value(schema::kDateSlot) == "202506");
  CHECK(db.term_exists("M202506"));
  CHECK_FALSE(db.term_exists("D20250601"));
}

TEST_CASE("language none indexes words unstemmed") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, "none", test::sources(), test::actors(), false);
  writer.write(test::make_article("n", "Talks", "negotiations"));
  db.commit();
  CHECK(db.term_exists("negotiations"));
  CHECK_FALSE(db.term_exists("Znegoti"));
}

TEST_CASE("very long ids still make a valid unique term") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, "english", test::sources(), test::actors(), false);
  std::string long_id(400, 'a');
  CHECK(writer.write(test::make_article(long_id, "T", "B")) ==
        WriteOutcome::kAdded);
  CHECK(writer.write(test::make_article(long_id + "b", "T", "B")) ==
        WriteOutcome::kAdded);
  CHECK(writer.write(test::make_article(long_id, "T", "B")) ==
        WriteOutcome::kUnchanged);
}

TEST_CASE("spelling words reach the database with every commit, counted") {
  auto dir = test::scratch_dir("store_spelling");
  std::string path = (dir / "db").string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  // Commits after every article (1 byte).
  DatabaseStore store(db, /*spelling=*/true, /*commit_bytes=*/1);
  auto doc = [] {
    Xapian::Document d;
    d.set_data("{}");
    return d;
  };
  store.put("Qa", doc(), 0, 1, {{"talks", 2}, {"istanbul", 1}});
  store.put("Qb", doc(), 0, 2, {{"talks", 1}});
  {
    Xapian::Database reader(path);  // what the two commits made
    CHECK(reader.get_doccount() == 2);
    CHECK(spelling_frequency(reader, "talks") == 3);
    CHECK(spelling_frequency(reader, "istanbul") == 1);
  }
  DatabaseStore batched(db, true, /*commit_bytes=*/0);  // never commits
  batched.put("Qc", doc(), 0, 3, {{"talks", 4}, {"ankara", 1}});
  batched.flush();
  db.commit();
  Xapian::Database reader(path);
  CHECK(spelling_frequency(reader, "talks") == 7);
  CHECK(spelling_frequency(reader, "ankara") == 1);
}

}  // namespace newsdex
