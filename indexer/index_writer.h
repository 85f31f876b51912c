// Writing prepared articles in indexing order: near-duplicate groups and
// sequence numbers are assigned here, then each document goes to a store
// (one database, or shards written by threads of their own).
#ifndef NEWSDEX_INDEXER_INDEX_WRITER_H_
#define NEWSDEX_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "common/document_record.h"
#include "indexer/committed_sizes.h"
#include "indexer/document_prep.h"
#include "indexer/duplicate_grouper.h"

namespace newsdex {

enum class WriteOutcome { kAdded, kUpdated, kUnchanged };

// Where finished documents go.
class DocumentStore {
 public:
  virtual ~DocumentStore() = default;
  // Adds `doc` or replaces the document with `id_term`. `existing` is the
  // stored version's document id in the run's snapshot (0 for a new
  // article); `sequence` the article's sequence number.
  // `spelling` are the article's words for the spelling data.
  virtual void put(std::string id_term, Xapian::Document doc,
                   Xapian::docid existing, std::uint64_t sequence,
                   SpellingWords spelling) = 0;
};

// One database, written in the calling thread.
class DatabaseStore : public DocumentStore {
 public:
  // `spelling` builds the spelling data for "did you mean" (not supported
  // by in-memory databases).
  // `commit_bytes` (0: never) commits after that many bytes of stored
  // records (as JSON, before packing), to bound memory.
  // Spelling words are counted here and handed to Xapian once per word
  // at each commit (and by flush()), not once per word of every article.
  // `committed` (may be null) is recorded after each commit, Xapian's own
  // included.
  DatabaseStore(Xapian::WritableDatabase& db, bool spelling,
                std::size_t commit_bytes = 0,
                CommittedSizes* committed = nullptr)
      : db_(db),
        spelling_(spelling),
        commit_bytes_(commit_bytes),
        committed_(committed),
        revision_(committed ? db.get_revision() : 0) {}
  // Flushes (best effort: a database left with changes commits them when
  // it closes).
  ~DatabaseStore() override;
  DatabaseStore(const DatabaseStore&) = delete;
  DatabaseStore& operator=(const DatabaseStore&) = delete;
  void put(std::string id_term, Xapian::Document doc, Xapian::docid existing,
           std::uint64_t sequence, SpellingWords spelling) override;
  // Adds the spelling words counted so far to the database; call before
  // committing it.
  void flush();

 private:
  Xapian::WritableDatabase& db_;
  bool spelling_;
  std::size_t commit_bytes_, pending_bytes_ = 0;
  CommittedSizes* committed_;
  // The revision `committed_` was last recorded at (Xapian also commits
  // by itself, every 10,000 documents changed).
  Xapian::rev revision_;
  std::unordered_map<std::string, Xapian::termcount> spelling_counts_;
};

// Takes prepared articles in indexing order, completes them (group,
// sequence) and hands them to a store.
class OrderedWriter {
 public:
  // `snapshot` (may be null) is the database as it was before the run;
  // both it and `store` must outlive the writer.
  OrderedWriter(Xapian::Database* snapshot, std::uint64_t next_sequence,
                DocumentStore& store)
      : grouper_(snapshot), next_sequence_(next_sequence), store_(store) {}

  // An id written earlier in the same run (not in the snapshot) is
  // written again under the same sequence number, so it replaces that
  // document in whatever shard holds it, and counts as kUpdated.
  WriteOutcome write(PreparedDocument prepared);
  std::uint64_t next_sequence() const { return next_sequence_; }

 private:
  DuplicateGrouper grouper_;
  std::uint64_t next_sequence_;
  DocumentStore& store_;
  // Sequence numbers of the new articles written in this run, by a 64-bit
  // hash of the id term (16 bytes an article instead of its id).
  std::unordered_map<std::uint64_t, std::uint64_t> new_in_run_;
};

// Keeps a handle to `db` open until the process ends, so that Xapian's
// destructor never commits it: a failing run (std::bad_alloc part-way
// through a write, after which Xapian 1.4 has been seen to crash in that
// commit) writes nothing more. What earlier commits wrote stays; with
// `committed` (the database's folder), the space written since is given
// back.
void abandon_database(const Xapian::WritableDatabase& db,
                      CommittedSizes* committed = nullptr);

// The sequence number the next new article of `db` gets.
std::uint64_t stored_next_sequence(const Xapian::Database& db);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_WRITER_H_
