// Tests for indexer/committed_sizes.cc: giving back what an abandoned run
// wrote, never what a commit made.
#include "indexer/committed_sizes.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include "test_support.h"

namespace newsdex {

namespace {

void add_documents(Xapian::WritableDatabase& db, int from, int count) {
  for (int i = from; i < from + count; ++i) {
    Xapian::Document doc;
    for (int w = 0; w < 50; ++w) {
      doc.add_posting("w" + std::to_string(i * 50 + w), w + 1);
    }
    doc.set_data(std::string(200, 'x'));
    db.add_document(doc);
  }
}

std::uintmax_t folder_bytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

// Reads every document, its terms and data back (Xapian::Database::check
// would be the tool, but Xapian 1.4's own check trips AddressSanitizer
// with a new/delete size mismatch inside libxapian); returns how many.
Xapian::doccount read_back(const std::filesystem::path& dir) {
  Xapian::Database db(dir.string());
  Xapian::doccount n = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    static_cast<void>(doc.get_data());
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      static_cast<void>(db.get_termfreq(*t));
    }
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("restore cuts files back to the last recorded commit") {
  auto dir = test::scratch_dir("committed_sizes_restore") / "db";
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    add_documents(db, 0, 10);
    db.commit();
  }
  std::uintmax_t committed = folder_bytes(dir);
  CommittedSizes sizes(dir);
  // What an abandoned run leaves: files grown past the commit, a new one.
  std::filesystem::resize_file(dir / "postlist.glass", committed * 4);
  test::write_file(dir / "v.tmp", "half a version file");
  CHECK(sizes.restore() > 0);
  CHECK(folder_bytes(dir) == committed);
  CHECK_FALSE(std::filesystem::exists(dir / "v.tmp"));
  CHECK(read_back(dir) == 10);
}

TEST_CASE("restore touches nothing once a commit it did not see was made") {
  auto dir = test::scratch_dir("committed_sizes_unseen_commit") / "db";
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
  add_documents(db, 0, 10);
  db.commit();
  CommittedSizes sizes(dir);
  // A commit the caller did not record (Xapian's own every 10,000
  // changes, or one that failed after its version file was written).
  add_documents(db, 10, 2000);
  db.commit();
  CHECK(sizes.restore() == 0);
  CHECK(read_back(dir) == 2010);
  // Recorded, it cuts back to that commit.
  sizes.record();
  std::uintmax_t committed = folder_bytes(dir);
  std::filesystem::resize_file(
      dir / "termlist.glass",
      std::filesystem::file_size(dir / "termlist.glass") * 2);
  CHECK(sizes.restore() > 0);
  CHECK(folder_bytes(dir) == committed);
  CHECK(Xapian::Database(dir.string()).get_doccount() == 2010);
}

}  // namespace newsdex
