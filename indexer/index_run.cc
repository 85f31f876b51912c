// The indexing run: inputs are checked before the database is touched,
// then streamed through the writer with one commit at the end.
#include "indexer/index_run.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <thread>

#include "common/fields.h"
#include "common/schema.h"
#include "common/synonyms.h"
#include "indexer/article_prep.h"
#include "indexer/article_sink.h"
#include "indexer/folder_reader.h"
#include "indexer/html_page_reader.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_writer.h"
#include "indexer/jsonl_reader.h"
#include "indexer/line_reader.h"
#include "indexer/run_lock.h"
#include "indexer/shard_store.h"
#include "indexer/warc_reader.h"
#include "indexer/work_queue.h"

namespace fs = std::filesystem;

namespace newsdex {

void check_inputs(const IndexOptions& options) {
  if (options.inputs.empty()) throw IndexError("no input given");
  // Declarations that can never be right fail before anything is opened.
  FieldTable fields;
  for (const std::string& declaration : options.fields) {
    if (std::string error = fields.declare(declaration); !error.empty()) {
      throw IndexError(error);
    }
  }
  for (const auto& input : options.inputs) {
    if (input == "-") continue;
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      throw IndexError("input not found: " + input);
    }
    if (!fs::is_directory(status) && !input.ends_with(".txt") &&
        !is_html_page_name(input) && !is_warc_name(input) &&
        !input.ends_with(".jsonl") && !input.ends_with(".jsonl.gz")) {
      throw IndexError("input " + input +
                       " is neither a folder, a .txt or .html page, a "
                       ".warc or .warc.gz web archive nor a .jsonl or "
                       ".jsonl.gz file");
    }
    // A FIFO or device would block the run in open() (use "-" for a pipe).
    if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
      throw IndexError("input " + input +
                       " is not a regular file; give a pipe's data as -");
    }
  }
}

namespace {

std::string read_table_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IndexError("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Adds to `table` (a SourceNormalizer or ActorGazetteer) the user tables
// stored by earlier runs (`stored`), then the new `files`; returns them all,
// to be stored back so later runs and the searcher see the same names.
template <typename Table>
std::string load_user_tables(Table& table,
                             const std::vector<std::string>& files,
                             std::string stored, IndexReporter& reporter) {
  table.add_table(stored, "stored tables");
  for (const auto& file : files) {
    std::string text = read_table_file(file);
    for (const auto& message : table.add_table(text, file)) {
      reporter.table_warning(message);
    }
    if (stored.find(text) == std::string::npos) stored += text + "\n";
  }
  return stored;
}

// How the run writes.
enum class Layout {
  kSingle,   // one database
  kSharded,  // shards plus a stub file, kept
  kMerged,   // shards built in parallel, then compacted into one database
};

bool holds_documents(const fs::path& db_path) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) return false;
  if (fs::is_directory(db_path, ec) && fs::is_empty(db_path, ec)) return false;
  return Xapian::Database(db_path.string()).get_doccount() > 0;
}

Layout choose_layout(const IndexOptions& options,
                     std::vector<fs::path>& shards) {
  fs::path db_path(options.db_path);
  shards = local_shards(db_path);
  if (!shards.empty()) {
    if (options.shards != 0 && options.shards != shards.size()) {
      throw IndexError("database " + options.db_path + " has " +
                       std::to_string(shards.size()) + " shards, not " +
                       std::to_string(options.shards));
    }
    return Layout::kSharded;
  }
  if (options.shards == 1) throw IndexError("--shards must be at least 2");
  // A new database is always built as shards (one with --jobs 1: its own
  // writer thread) and compacted into place: a compacted database is
  // smaller and faster to search.
  const bool fresh = !holds_documents(db_path);
  if (options.shards >= 2 || options.jobs >= 2 || fresh) {
    if (!fresh) {
      if (options.shards >= 2) {
        throw IndexError("database " + options.db_path +
                         " is one database; --shards builds a new one");
      }
      return Layout::kSingle;  // parallel preparing, one writer
    }
    unsigned n =
        options.shards >= 2 ? options.shards : std::max(1u, options.jobs);
    fs::path dir =
        options.shards >= 2 ? db_path : fs::path(options.db_path + ".shards");
    for (unsigned i = 0; i < n; ++i) {
      shards.push_back(dir / ("shard-" + std::to_string(i)));
    }
    return options.shards >= 2 ? Layout::kSharded : Layout::kMerged;
  }
  return Layout::kSingle;
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

// On the way out of a failing run, keeps the watched database from being
// committed by Xapian's destructor (see abandon_database()).
class AbandonOnFailure {
 public:
  AbandonOnFailure() : exceptions_(std::uncaught_exceptions()) {}
  ~AbandonOnFailure() {
    if (db_ && std::uncaught_exceptions() > exceptions_) {
      abandon_database(*db_, committed_);
    }
  }
  AbandonOnFailure(const AbandonOnFailure&) = delete;
  AbandonOnFailure& operator=(const AbandonOnFailure&) = delete;
  // `committed` (its folder's files; may be null) must outlive this.
  void watch(const Xapian::WritableDatabase& db, CommittedSizes* committed) {
    db_ = db;
    committed_ = committed;
  }

 private:
  int exceptions_;
  std::optional<Xapian::WritableDatabase> db_;
  CommittedSizes* committed_ = nullptr;
};

// Folders a run builds in and removes when it fails (unless keep() was
// called: then they are gone already or wanted).
class ScratchFolders {
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

// The articles in the database at `db_path`, or nullopt if there is no
// database there (or none that opens).
std::optional<Xapian::doccount> stored_documents(const std::string& db_path) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) return std::nullopt;
  try {
    return Xapian::Database(db_path).get_doccount();
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

bool is_disk_full(const std::string& system_error) {
  return system_error == std::strerror(ENOSPC) ||
         system_error == std::strerror(EDQUOT);
}

// The one-line message for a run that ran out of disk space (`what`
// happened), saying what the database holds now.
std::string disk_full_message(const std::string& db_path,
                              std::optional<Xapian::doccount> before,
                              const std::string& what) {
  std::string message =
      "no space left on the disk of " + db_path + " (" + what + "); ";
  auto now = stored_documents(db_path);
  if (!now) return message + "no database was made";
  message += "the database holds ";
  if (before && *before == *now) {
    return message + "its " + std::to_string(*now) +
           " documents, as before this run";
  }
  return message + std::to_string(*now) +
         " documents (this run's articles committed before the disk filled "
         "are kept)";
}

}  // namespace

void check_language(const IndexOptions& options) {
  if (!options.language || *options.language == schema::kNoLanguage) return;
  try {
    Xapian::Stem check(*options.language);
  } catch (const Xapian::InvalidArgumentError&) {
    throw IndexError("unknown language '" + *options.language +
                     "'; choose one of: " +
                     Xapian::Stem::get_available_languages() + " none");
  }
}

namespace {

// The run's language: --language, else the database's (`stored`), else
// the default. A database holding documents keeps its language.
std::string run_language(const IndexOptions& options, const std::string& stored,
                         Xapian::doccount before) {
  if (!options.language) {
    return stored.empty() ? std::string(schema::kDefaultLanguage) : stored;
  }
  if (!stored.empty() && stored != *options.language && before > 0) {
    throw IndexError("database " + options.db_path +
                     " was built with --language " + stored +
                     "; re-index into a new database to change it");
  }
  return *options.language;
}

// The scratch folders of a merged build belong to this run alone (it
// holds the lock): anything in them is left over from a run that failed
// or was killed, and would otherwise be merged in. A new sharded database
// is itself scratch until the run succeeds.
void set_up_scratch(Layout layout, bool existed,
                    const std::vector<fs::path>& shard_paths,
                    const IndexOptions& options, IndexReporter& reporter,
                    std::optional<ScratchFolders>& scratch) {
  if (layout == Layout::kMerged) {
    scratch.emplace(std::vector<fs::path>{shard_paths.front().parent_path(),
                                          options.db_path + ".merging"});
    for (const auto& leftover : scratch->remove_all()) {
      reporter.notice("removed " + leftover.string() +
                      ", left over from a run that did not finish");
    }
  }
  if (layout == Layout::kSharded && !existed) {
    scratch.emplace(std::vector<fs::path>{options.db_path});
  }
  if (layout == Layout::kSharded || layout == Layout::kMerged) {
    fs::create_directories(shard_paths.front().parent_path());
  }
}

using Metadata = std::vector<std::pair<std::string, std::string>>;

// The tables a run indexes with: the database's declared fields and user
// tables with this run's added, and the metadata that keeps them.
struct RunTables {
  RunTables(const IndexOptions& options, const Xapian::Database& first,
            const std::string& language, IndexReporter& reporter)
      : sources(SourceNormalizer::with_builtin_table()),
        actors(ActorGazetteer::with_builtin_table()) {
    auto stored = [&](std::string_view key) {
      return first.get_metadata(std::string(key));
    };
    if (std::string error =
            fields.load_declarations(stored(schema::kFieldsKey));
        !error.empty()) {
      throw IndexError("database " + options.db_path + ": " + error);
    }
    for (const std::string& declaration : options.fields) {
      if (std::string error = fields.declare(declaration); !error.empty()) {
        throw IndexError(error);
      }
    }
    SynonymTable synonyms;
    metadata = {
        {std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion)},
        {std::string(schema::kLanguageKey), language},
        {std::string(schema::kSourcesKey),
         load_user_tables(sources, options.source_tables,
                          stored(schema::kSourcesKey), reporter)},
        {std::string(schema::kActorsKey),
         load_user_tables(actors, options.actor_tables,
                          stored(schema::kActorsKey), reporter)},
        {std::string(schema::kSynonymsKey),
         load_user_tables(synonyms, options.synonym_files,
                          stored(schema::kSynonymsKey), reporter)},
        {std::string(schema::kFieldsKey), fields.declarations_text()},
    };
  }
  FieldTable fields;
  SourceNormalizer sources;
  ActorGazetteer actors;
  Metadata metadata;
};

// What the run's commit records besides the tables: the next sequence
// number, whether document ids follow indexing order, the last update.
// What the database said before the run that the closing metadata keeps.
// Read before the writers start: their threads own the databases until
// they finish, even when they fail (out of memory), so nothing may read
// the databases in between.
struct StoredMarks {
  std::string docid_order, updated;
};

StoredMarks read_stored_marks(const Xapian::Database& first) {
  return {first.get_metadata(std::string(schema::kDocidOrderKey)),
          first.get_metadata(std::string(schema::kUpdatedKey))};
}

void add_closing_metadata(const IndexOptions& options,
                          const IndexSummary& summary,
                          std::uint64_t next_sequence, bool one_writer,
                          Xapian::doccount before, const StoredMarks& stored,
                          Metadata& metadata) {
  metadata.emplace_back(std::string(schema::kNextSequenceKey),
                        std::to_string(next_sequence));
  // One writer from the start keeps document ids in indexing order, and
  // later runs only append; shards merged from several writers interleave.
  bool in_order =
      one_writer && (before == 0 || stored.docid_order == "sequence");
  metadata.emplace_back(std::string(schema::kDocidOrderKey),
                        in_order ? "sequence" : "");
  std::string updated = stored.updated;
  if (summary.added + summary.updated > 0) {
    updated = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                 options.now.time_since_epoch())
                                 .count());
  }
  if (!updated.empty()) {
    metadata.emplace_back(std::string(schema::kUpdatedKey), updated);
  }
}

IndexSummary index_inputs(const IndexOptions& options, IndexReporter& reporter,
                          const std::atomic<bool>& stop) {
  auto start = std::chrono::steady_clock::now();
  check_inputs(options);
  check_language(options);

  RunLock lock(options.db_path);
  const bool existed = fs::exists(options.db_path);
  std::vector<fs::path> shard_paths;
  Layout layout = choose_layout(options, shard_paths);
  std::optional<ScratchFolders> scratch;
  set_up_scratch(layout, existed, shard_paths, options, reporter, scratch);

  auto shard_names = [&] {
    std::vector<std::string> names;
    for (const auto& p : shard_paths) names.push_back(p.filename().string());
    return names;
  };
  // The writers, and a read-only view of what was stored before the run.
  std::optional<Xapian::WritableDatabase> single;
  std::optional<CommittedSizes> single_committed;
  AbandonOnFailure abandon_if_failing;  // destroyed before those
  std::unique_ptr<ShardStore> sharded;
  std::unique_ptr<DatabaseStore> single_store;
  auto open_snapshot = [&]() -> std::unique_ptr<Xapian::Database> {
    auto snap = std::make_unique<Xapian::Database>();
    if (layout == Layout::kSingle) {
      snap->add_database(Xapian::Database(options.db_path));
    } else {
      for (const auto& p : shard_paths) {
        snap->add_database(Xapian::Database(p.string()));
      }
    }
    return snap;
  };
  if (layout == Layout::kSingle) {
    single_committed.emplace(options.db_path);
    single.emplace(options.db_path, Xapian::DB_CREATE_OR_OPEN);
    abandon_if_failing.watch(*single, &*single_committed);
    single_store = std::make_unique<DatabaseStore>(
        *single, true, options.commit_bytes, &*single_committed);
  } else {
    sharded =
        std::make_unique<ShardStore>(shard_paths, true, options.commit_bytes);
    if (layout == Layout::kSharded) write_stub(options.db_path, shard_names());
  }
  Xapian::WritableDatabase& first = single ? *single : sharded->shard(0);
  DocumentStore& store = single ? static_cast<DocumentStore&>(*single_store)
                                : static_cast<DocumentStore&>(*sharded);

  IndexSummary summary;
  Xapian::doccount before = 0;
  if (single) {
    before = single->get_doccount();
  } else {
    for (std::size_t i = 0; i < sharded->size(); ++i) {
      before += sharded->shard(i).get_doccount();
    }
  }
  summary.language = run_language(
      options, first.get_metadata(std::string(schema::kLanguageKey)), before);
  RunTables tables(options, first, summary.language, reporter);
  for (const FieldSpec* f : tables.fields.declared()) {
    summary.fields.push_back({f->name, field_kind_name(f->kind), 0});
  }
  Metadata& metadata = tables.metadata;
  // Written first too, so a database committed part-way (a memory-bound
  // commit) is already a newsdex database.
  if (single) {
    for (const auto& [k, v] : metadata) single->set_metadata(k, v);
  } else {
    for (std::size_t i = 0; i < sharded->size(); ++i) {
      for (const auto& [k, v] : metadata) sharded->shard(i).set_metadata(k, v);
    }
  }

  const StoredMarks stored = read_stored_marks(first);
  std::unique_ptr<Xapian::Database> snapshot = open_snapshot();
  OrderedWriter writer(snapshot.get(), stored_next_sequence(*snapshot), store);
  PipelineContext context{options,       summary.language, tables.sources,
                          tables.actors, tables.fields,    snapshot.get(),
                          open_snapshot};
  run_pipeline(context, writer, summary, reporter, stop);
  summary.interrupted = stop.load();

  add_closing_metadata(options, summary, writer.next_sequence(),
                       single || sharded->size() == 1, before, stored,
                       metadata);
  snapshot.reset();
  if (single) {
    single_store->flush();
    for (const auto& [k, v] : metadata) single->set_metadata(k, v);
    single->commit();
    summary.document_count = single->get_doccount();
  } else {
    sharded->finish(metadata);
    for (std::size_t i = 0; i < sharded->size(); ++i) {
      summary.document_count += sharded->shard(i).get_doccount();
    }
    sharded.reset();
    if (layout == Layout::kMerged) merge_shards(shard_paths, options.db_path);
  }
  if (scratch) scratch->keep();  // merged: nothing left to remove
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return summary;
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, IndexReporter& reporter,
                       const std::atomic<bool>& stop) {
  std::optional<Xapian::doccount> before = stored_documents(options.db_path);
  try {
    return index_inputs(options, reporter, stop);
  } catch (const Xapian::Error& e) {
    const char* system_error = e.get_error_string();
    if (!system_error || !is_disk_full(system_error)) throw;
    throw IndexError(disk_full_message(options.db_path, before, e.get_msg()));
  } catch (const fs::filesystem_error& e) {
    if (!is_disk_full(e.code().message())) throw;
    throw IndexError(disk_full_message(options.db_path, before, e.what()));
  }
}

}  // namespace newsdex
