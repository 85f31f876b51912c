// The run's target: choosing the layout, opening the databases, and the
// closing commit and merge.
#include "indexer/index_target.h"

#include <algorithm>
#include <exception>

namespace fs = std::filesystem;

namespace newsdex {
namespace {

bool holds_documents(const fs::path& db_path) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) return false;
  if (fs::is_directory(db_path, ec) && fs::is_empty(db_path, ec)) return false;
  return Xapian::Database(db_path.string()).get_doccount() > 0;
}

// Compacts `shards` into a new database at `db_path`, then removes them.
void merge_shards(const std::vector<fs::path>& shards,
                  const std::string& db_path) {
  Xapian::Database all;
  for (const auto& shard : shards) all.add_database(Xapian::Database(shard));
  std::string tmp = db_path + ".merging";
  fs::remove_all(tmp);
  all.compact(tmp, Xapian::Compactor::FULL);
  all.close();
  // Only an empty database may be where the merged one goes
  // (choose_layout checked): nothing indexed before is lost.
  fs::remove_all(db_path);
  fs::rename(tmp, db_path);
  fs::remove_all(shards.front().parent_path());
}

}  // namespace

// Folders a run builds in and removes when it fails (unless keep() was
// called: then they are gone already or wanted).
class IndexTarget::ScratchFolders {
 public:
  explicit ScratchFolders(std::vector<fs::path> paths)
      : paths_(std::move(paths)) {}
  ~ScratchFolders() {
    if (!kept_) remove_all();
  }
  ScratchFolders(const ScratchFolders&) = delete;
  ScratchFolders& operator=(const ScratchFolders&) = delete;

  // Removes those that exist; returns them.
  std::vector<fs::path> remove_all() {
    std::vector<fs::path> removed;
    for (const auto& p : paths_) {
      std::error_code ec;
      if (fs::exists(fs::symlink_status(p, ec)) &&
          fs::remove_all(p, ec) != static_cast<std::uintmax_t>(-1)) {
        removed.push_back(p);
      }
    }
    return removed;
  }
  void keep() { kept_ = true; }

 private:
  std::vector<fs::path> paths_;
  bool kept_ = false;
};

// On the way out of a failing run, keeps the watched database from being
// committed by Xapian's destructor (see abandon_database()).
class IndexTarget::AbandonOnFailure {
 public:
  // `committed` (its folder's files; may be null) must outlive this.
  AbandonOnFailure(const Xapian::WritableDatabase& db,
                   CommittedSizes* committed)
      : exceptions_(std::uncaught_exceptions()),
        db_(db),
        committed_(committed) {}
  ~AbandonOnFailure() {
    if (std::uncaught_exceptions() > exceptions_) {
      abandon_database(db_, committed_);
    }
  }
  AbandonOnFailure(const AbandonOnFailure&) = delete;
  AbandonOnFailure& operator=(const AbandonOnFailure&) = delete;

 private:
  int exceptions_;
  Xapian::WritableDatabase db_;
  CommittedSizes* committed_;
};

IndexTarget::IndexTarget(const IndexOptions& options, IndexReporter& reporter)
    : db_path_(options.db_path) {
  fs::path db_path(options.db_path);
  const bool existed = fs::exists(db_path);
  shard_paths_ = local_shards(db_path);
  if (!shard_paths_.empty()) {
    if (options.shards != 0 && options.shards != shard_paths_.size()) {
      throw IndexError("database " + options.db_path + " has " +
                       std::to_string(shard_paths_.size()) + " shards, not " +
                       std::to_string(options.shards));
    }
    layout_ = Layout::kSharded;
  } else if (options.shards == 1) {
    throw IndexError("--shards must be at least 2");
  } else if (holds_documents(db_path)) {
    // Parallel preparing (--jobs), one writer.
    if (options.shards >= 2) {
      throw IndexError("database " + options.db_path +
                       " is one database; --shards builds a new one");
    }
    layout_ = Layout::kSingle;
  } else {
    // A new database is always built as shards (one with --jobs 1: its
    // own writer thread) and compacted into place: a compacted database
    // is smaller and faster to search.
    unsigned n =
        options.shards >= 2 ? options.shards : std::max(1u, options.jobs);
    fs::path dir =
        options.shards >= 2 ? db_path : fs::path(options.db_path + ".shards");
    for (unsigned i = 0; i < n; ++i) {
      shard_paths_.push_back(dir / ("shard-" + std::to_string(i)));
    }
    layout_ = options.shards >= 2 ? Layout::kSharded : Layout::kMerged;
  }
  set_up_scratch(existed, options, reporter);
  if (layout_ == Layout::kSingle) {
    open_single(options);
    return;
  }
  sharded_ =
      std::make_unique<ShardStore>(shard_paths_, true, options.commit_bytes);
  if (layout_ == Layout::kSharded) {
    std::vector<std::string> names;
    for (const auto& p : shard_paths_) names.push_back(p.filename().string());
    write_stub(options.db_path, names);
  }
}

IndexTarget::IndexTarget(Xapian::WritableDatabase& db, bool spelling)
    : layout_(Layout::kGiven), single_(db) {
  single_store_ = std::make_unique<DatabaseStore>(*single_, spelling);
}

IndexTarget::~IndexTarget() = default;

void IndexTarget::open_single(const IndexOptions& options) {
  single_committed_.emplace(options.db_path);
  single_.emplace(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  abandon_ = std::make_unique<AbandonOnFailure>(*single_, &*single_committed_);
  single_store_ = std::make_unique<DatabaseStore>(
      *single_, true, options.commit_bytes, &*single_committed_);
}

// The scratch folders of a merged build belong to this run alone (it
// holds the lock): anything in them is left over from a run that failed
// or was killed, and would otherwise be merged in. A new sharded database
// is itself scratch until the run succeeds.
void IndexTarget::set_up_scratch(bool existed, const IndexOptions& options,
                                 IndexReporter& reporter) {
  if (layout_ == Layout::kMerged) {
    scratch_ = std::make_unique<ScratchFolders>(std::vector<fs::path>{
        shard_paths_.front().parent_path(), options.db_path + ".merging"});
    for (const auto& leftover : scratch_->remove_all()) {
      reporter.notice("removed " + leftover.string() +
                      ", left over from a run that did not finish");
    }
  }
  if (layout_ == Layout::kSharded && !existed) {
    scratch_ = std::make_unique<ScratchFolders>(
        std::vector<fs::path>{options.db_path});
  }
  if (layout_ == Layout::kSharded || layout_ == Layout::kMerged) {
    fs::create_directories(shard_paths_.front().parent_path());
  }
}

DocumentStore& IndexTarget::store() {
  if (sharded_) return *sharded_;
  return *single_store_;
}

const Xapian::Database& IndexTarget::first() const {
  if (sharded_) return sharded_->shard(0);
  return *single_;
}

Xapian::doccount IndexTarget::document_count() const {
  if (!sharded_) return single_->get_doccount();
  Xapian::doccount count = 0;
  for (std::size_t i = 0; i < sharded_->size(); ++i) {
    count += sharded_->shard(i).get_doccount();
  }
  return count;
}

bool IndexTarget::one_writer() const {
  return !sharded_ || sharded_->size() == 1;
}

std::unique_ptr<Xapian::Database> IndexTarget::open_snapshot() const {
  auto snapshot = std::make_unique<Xapian::Database>();
  if (layout_ == Layout::kGiven) {
    snapshot->add_database(*single_);
  } else if (layout_ == Layout::kSingle) {
    snapshot->add_database(Xapian::Database(db_path_));
  } else {
    for (const auto& p : shard_paths_) {
      snapshot->add_database(Xapian::Database(p.string()));
    }
  }
  return snapshot;
}

void IndexTarget::set_metadata(const Metadata& metadata) {
  if (!sharded_) {
    for (const auto& [k, v] : metadata) single_->set_metadata(k, v);
    return;
  }
  for (std::size_t i = 0; i < sharded_->size(); ++i) {
    for (const auto& [k, v] : metadata) sharded_->shard(i).set_metadata(k, v);
  }
}

Xapian::doccount IndexTarget::finish(const Metadata& metadata) {
  Xapian::doccount count = 0;
  if (!sharded_) {
    single_store_->flush();
    for (const auto& [k, v] : metadata) single_->set_metadata(k, v);
    single_->commit();
    count = single_->get_doccount();
  } else {
    sharded_->finish(metadata);
    count = document_count();
    sharded_.reset();
    if (layout_ == Layout::kMerged) merge_shards(shard_paths_, db_path_);
  }
  if (scratch_) scratch_->keep();  // merged: nothing left to remove
  return count;
}

}  // namespace newsdex
