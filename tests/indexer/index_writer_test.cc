// Tests for indexer/index_writer.cc and indexer/index_target.cc, through
// the indexer's production path (index_database: the run's pipeline and
// target) on in-memory databases: document layout, idempotent writes,
// what a run records.
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
  auto db = test::make_db({test::make_article(
      "seed/a.txt", "Peace talks in Istanbul", "Delegations met for talks.",
      "SBS News", "2025-05-16")});
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
  Article a = test::make_article("x", "Title", "Body one");
  CHECK(test::index_into(db, test::index_options({a})).added == 1);
  CHECK(test::index_into(db, test::index_options({a})).unchanged == 1);
  a.text = "Body two";
  IndexSummary changed = test::index_into(db, test::index_options({a}));
  CHECK(changed.updated == 1);
  CHECK(changed.document_count == 1);
  CHECK(db.get_doccount() == 1);
  CHECK(db.term_exists("Ztwo"));
  CHECK_FALSE(db.term_exists("Zone"));
}

TEST_CASE("a month-precision date indexes year and month only") {
  auto db = test::make_db({test::make_article("m", "T", "B", "S", "2025-06")});
  CHECK(db.get_document(1).get_value(schema::kDateSlot) == "202506");
  CHECK(db.term_exists("M202506"));
  CHECK_FALSE(db.term_exists("D20250601"));
}

TEST_CASE("language none indexes words unstemmed") {
  auto db =
      test::make_db({test::make_article("n", "Talks", "negotiations")}, "none");
  CHECK(db.term_exists("negotiations"));
  CHECK_FALSE(db.term_exists("Znegoti"));
}

TEST_CASE("very long ids still make a valid unique term") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::string long_id(400, 'a');
  IndexSummary first = test::index_into(
      db, test::index_options({test::make_article(long_id, "T", "B"),
                               test::make_article(long_id + "b", "T", "B")}));
  CHECK(first.added == 2);
  IndexSummary again = test::index_into(
      db, test::index_options({test::make_article(long_id, "T", "B")}));
  CHECK(again.unchanged == 1);
  CHECK(db.get_doccount() == 2);
}

TEST_CASE("a run into a given database records what newsdex-index records") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexOptions options =
      test::index_options({test::make_article("a", "T", "Body"),
                           test::make_article("b", "T", "Other body")},
                          "french", {"category"});
  IndexSummary summary = test::index_into(db, options);
  CHECK(summary.added == 2);
  CHECK(summary.language == "french");
  REQUIRE(summary.fields.size() == 1);
  CHECK(summary.fields[0].lacking == 2);
  auto meta = [&](std::string_view key) {
    return db.get_metadata(std::string(key));
  };
  CHECK(meta(schema::kSchemaKey) == schema::kSchemaVersion);
  CHECK(meta(schema::kLanguageKey) == "french");
  CHECK(meta(schema::kFieldsKey) == "category\tkeyword\n");
  CHECK(meta(schema::kNextSequenceKey) == "2");
  CHECK(meta(schema::kDocidOrderKey) == "sequence");
  CHECK_FALSE(meta(schema::kUpdatedKey).empty());
  // One writer in the caller's thread: more jobs are refused.
  options.jobs = 2;
  test::RecordingReporter reporter;
  std::atomic<bool> stop = false;
  CHECK_THROWS_AS(index_database(db, options, false, reporter, stop),
                  IndexError);
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
