// The target of an indexing run: where prepared documents are written and
// how they end up on disk. A run writes one database, shards kept under a
// stub file, or shards built in parallel and compacted into one database;
// tests and programs that hold their own database (an in-memory one) give
// it as the target instead.
#ifndef NEWSDEX_INDEXER_INDEX_TARGET_H_
#define NEWSDEX_INDEXER_INDEX_TARGET_H_

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indexer/committed_sizes.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/shard_store.h"

namespace newsdex {

// Metadata keys and values, as a run writes them into every database.
using Metadata = std::vector<std::pair<std::string, std::string>>;

// Not thread-safe: one run uses a target, from its constructor to
// finish(). A target destroyed without finish() (a failing run) commits
// nothing more: its databases are abandoned (abandon_database()), a new
// database's scratch folders removed.
class IndexTarget {
 public:
  // The database at options.db_path, in the layout it has or, for a new
  // one, the options ask for (see IndexOptions::jobs and ::shards): opens
  // or creates its databases, first removing what a failed run left in a
  // new database's scratch folders (with a notice to `reporter`). Throws
  // IndexError for a layout the options cannot have (--shards on one
  // database, another shard count), Xapian::Error when a database cannot
  // be opened. The caller holds the run's lock.
  IndexTarget(const IndexOptions& options, IndexReporter& reporter);
  // `db` as the target: one database written in the calling thread and
  // committed by finish(); it must outlive the target. `spelling` keeps
  // the spelling data for "did you mean" (an in-memory database has
  // none). Its snapshot is `db` itself, so only one preparing thread may
  // read it (IndexOptions::jobs 1).
  IndexTarget(Xapian::WritableDatabase& db, bool spelling);
  ~IndexTarget();
  IndexTarget(const IndexTarget&) = delete;
  IndexTarget& operator=(const IndexTarget&) = delete;

  // Where the run's writer puts documents.
  DocumentStore& store();
  // The first database: what earlier runs recorded (language, tables).
  const Xapian::Database& first() const;
  // The documents in the target now (before the run: what it held).
  Xapian::doccount document_count() const;
  // Whether one writer writes every document (one database, or one shard).
  bool one_writer() const;
  // A read-only view of the target as last committed, one per preparing
  // thread.
  std::unique_ptr<Xapian::Database> open_snapshot() const;
  // Sets `metadata` in every database (committed with the documents).
  void set_metadata(const Metadata& metadata);
  // Writes what is pending, sets `metadata` and commits every database,
  // then compacts a merged build's shards into place. Returns the
  // documents the target holds.
  Xapian::doccount finish(const Metadata& metadata);

 private:
  enum class Layout {
    kSingle,   // one database
    kSharded,  // shards plus a stub file, kept
    kMerged,   // shards built in parallel, then compacted into one database
    kGiven,    // a database the caller holds
  };
  class ScratchFolders;
  class AbandonOnFailure;

  void open_single(const IndexOptions& options);
  void set_up_scratch(bool existed, const IndexOptions& options,
                      IndexReporter& reporter);

  Layout layout_ = Layout::kGiven;
  std::string db_path_;
  std::vector<std::filesystem::path> shard_paths_;
  // Declared in the order of their destruction, last first: the scratch
  // folders go after every database is closed.
  std::unique_ptr<ScratchFolders> scratch_;
  std::optional<Xapian::WritableDatabase> single_;
  std::optional<CommittedSizes> single_committed_;
  std::unique_ptr<AbandonOnFailure> abandon_;
  std::unique_ptr<ShardStore> sharded_;
  std::unique_ptr<DatabaseStore> single_store_;
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_TARGET_H_
