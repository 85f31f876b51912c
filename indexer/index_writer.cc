// The writing end of an indexing run: stores for one database, and the
// writer that completes prepared documents in indexing order.
#include "indexer/index_writer.h"

#include <xxhash.h>

#include <new>
#include <vector>

#include "common/schema.h"

namespace newsdex {

using namespace newsdex::schema;

void DatabaseStore::put(std::string id_term, Xapian::Document doc,
                        Xapian::docid /*existing*/, std::uint64_t /*sequence*/,
                        SpellingWords spelling) {
  if (spelling_) {
    for (auto& [word, count] : spelling) {
      spelling_counts_[std::move(word)] += count;
    }
  }
  pending_bytes_ += document_data_size(doc.get_data());
  db_.replace_document(id_term, doc);
  if (commit_bytes_ != 0 && pending_bytes_ >= commit_bytes_) {
    flush();
    db_.commit();
    pending_bytes_ = 0;
  }
  if (committed_ && db_.get_revision() != revision_) {
    committed_->record();
    revision_ = db_.get_revision();
  }
}

void DatabaseStore::flush() {
  SpellingWords words(spelling_counts_.begin(), spelling_counts_.end());
  spelling_counts_.clear();
  add_spelling_words(db_, words);
}

DatabaseStore::~DatabaseStore() {
  try {
    flush();
  } catch (...) {
    // The run is failing already; what it committed stays.
  }
}

WriteOutcome OrderedWriter::write(PreparedDocument prepared) {
  if (prepared.unchanged) return WriteOutcome::kUnchanged;
  std::string group = grouper_.assign(prepared.fingerprint, prepared.id_term,
                                      prepared.existing);
  Xapian::Document& doc = prepared.doc;
  const Fingerprint& fp = prepared.fingerprint;
  doc.add_boolean_term(std::string(kExactTextPrefix) + to_hex(fp.exact));
  if (fp.words >= kMinWordsForNearDuplicate) {
    doc.add_value(kSimhashSlot, to_hex(fp.simhash));
    for (int band = 0; band < kSimhashBands; ++band) {
      doc.add_boolean_term(simhash_band_term(fp.simhash, band));
    }
  }
  doc.add_value(kDuplicateGroupSlot, group);
  doc.add_boolean_term(std::string(kDuplicateGroupPrefix) + group);

  std::uint64_t sequence;
  WriteOutcome outcome =
      prepared.existing ? WriteOutcome::kUpdated : WriteOutcome::kAdded;
  if (!prepared.existing_sequence.empty()) {
    sequence = static_cast<std::uint64_t>(
        Xapian::sortable_unserialise(prepared.existing_sequence));
  } else if (prepared.existing == 0) {
    auto [it, first_time] = new_in_run_.try_emplace(
        XXH3_64bits(prepared.id_term.data(), prepared.id_term.size()),
        next_sequence_);
    if (first_time) {
      ++next_sequence_;
    } else {
      outcome = WriteOutcome::kUpdated;  // given twice in this run
    }
    sequence = it->second;
  } else {
    sequence = next_sequence_++;
  }
  doc.add_value(kSequenceSlot,
                Xapian::sortable_serialise(static_cast<double>(sequence)));
  store_.put(std::move(prepared.id_term), std::move(prepared.doc),
             prepared.existing, sequence, std::move(prepared.spelling));
  return outcome;
}

void abandon_database(const Xapian::WritableDatabase& db,
                      CommittedSizes* committed) {
  // Reachable from a static, so leak checkers do not count it.
  static auto* kept = new std::vector<Xapian::WritableDatabase>;
  try {
    kept->push_back(db);
  } catch (const std::bad_alloc&) {
    // No memory even for a handle: leak one outright rather than commit.
    static_cast<void>(new (std::nothrow) Xapian::WritableDatabase(db));
  }
  if (committed) committed->restore();
}

std::uint64_t stored_next_sequence(const Xapian::Database& db) {
  std::string stored = db.get_metadata(std::string(kNextSequenceKey));
  if (!stored.empty()) return std::stoull(stored);
  return db.get_lastdocid();
}

}  // namespace newsdex
