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
#include "indexer/index_writer.h"
#include "indexer/jsonl_reader.h"
#include "indexer/line_reader.h"
#include "indexer/run_lock.h"
#include "indexer/shard_store.h"
#include "indexer/work_queue.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

constexpr std::size_t kProgressEvery = 2000;
// Records handed to a worker at a time.
constexpr std::size_t kBatchSize = 32;

// A record as the reader found it: an article (with any date warnings the
// reader had for it) or a bad record.
struct Item {
  std::optional<Article> article;
  RecordOrigin origin;
  std::string bad_reason;
  std::vector<RecordProblem> date_warnings;
};

// What preparing a record gave.
struct Done {
  std::string where;
  std::string bad_reason;  // non-empty: skipped
  std::vector<RecordProblem> date_warnings;
  std::optional<PreparedDocument> prepared;
};

using Batch = std::vector<Item>;
using DoneBatch = std::vector<Done>;

// The text work for one record: cleaning, date checks, actors, tokens.
struct Preparer {
  Preparer(const std::string& language, const SourceNormalizer& sources,
           const ActorGazetteer& actors, Xapian::Database* snapshot,
           const IndexOptions& options, std::chrono::sys_days today,
           const FieldTable& fields)
      : prep(language, sources, actors),
        snapshot(snapshot),
        clean(options.clean),
        today(today) {
    prep.set_extract_actors(options.actors);
    prep.set_fields(&fields);
  }

  // The one place where anything a record makes go wrong becomes a named
  // skip: an exception while preparing one record (a field Xapian cannot
  // index, a value JSON cannot hold, a fault it brings out in our code)
  // skips that record, not the run. Environment failures (out of memory,
  // a database error) end the run.
  Done operator()(Item item) {
    Done done;
    done.where = item.origin.to_string();
    done.date_warnings = std::move(item.date_warnings);
    if (!item.article) {
      done.bad_reason = std::move(item.bad_reason);
      return done;
    }
    try {
      prepare(*item.article, done);
    } catch (const BadRecord& e) {
      done.bad_reason = e.what();
    } catch (const nlohmann::json::exception& e) {
      done.bad_reason = std::string("cannot store the record: ") + e.what();
    } catch (const Xapian::InvalidArgumentError& e) {
      done.bad_reason = "cannot index the record: " + e.get_msg();
    } catch (const std::bad_alloc&) {
      throw;  // the machine's, not the record's
    } catch (const std::exception& e) {
      // A fault of ours that this record brings out (a std::out_of_range
      // in cleaning): the record is skipped and named, the run goes on.
      done.bad_reason = std::string("cannot prepare the record: ") + e.what();
    }
    if (!done.bad_reason.empty()) done.prepared.reset();
    return done;
  }

  void prepare(Article& article, Done& done) {
    prepare_article(article, clean);
    if (article.date) {
      std::string why = implausible_date_reason(*article.date, today);
      if (!why.empty()) {
        done.date_warnings.push_back(
            {done.where, "date " + article.date->iso() + " " + why});
        article.date.reset();
      }
    }
    done.prepared = prep.prepare(std::move(article), snapshot);
  }

  DocumentPreparer prep;
  Xapian::Database* snapshot;
  bool clean;
  std::chrono::sys_days today;
};

// Takes prepared records in reading order: counts, reports and writes.
class Collector {
 public:
  Collector(OrderedWriter& writer, IndexSummary& summary,
            IndexReporter& reporter)
      : writer_(writer), summary_(summary), reporter_(reporter) {}

  void take(Done done) {
    for (auto& warning : done.date_warnings) {
      summary_.undated.push_back(std::move(warning));
      reporter_.undated(summary_.undated.back());
    }
    if (!done.prepared) {
      summary_.skipped.push_back({done.where, std::move(done.bad_reason)});
      reporter_.skipped(summary_.skipped.back());
    } else {
      for (const std::string& name : done.prepared->missing_fields) {
        for (auto& field : summary_.fields) {
          if (field.name == name) ++field.lacking;
        }
      }
      switch (writer_.write(std::move(*done.prepared))) {
        case WriteOutcome::kAdded:
          ++summary_.added;
          break;
        case WriteOutcome::kUpdated:
          ++summary_.updated;
          break;
        case WriteOutcome::kUnchanged:
          ++summary_.unchanged;
          break;
      }
    }
    if (summary_.records_seen() % kProgressEvery == 0) {
      reporter_.progress(summary_);
    }
  }

 private:
  OrderedWriter& writer_;
  IndexSummary& summary_;
  IndexReporter& reporter_;
};

// Receives records from the readers and passes them on in batches: to
// `run_batch`, which prepares and collects them (in this thread or on
// workers).
class BatchingSink : public ArticleSink {
 public:
  BatchingSink(std::function<void(Batch)> run_batch,
               const std::atomic<bool>& stop, const std::atomic<bool>& failed)
      : run_batch_(std::move(run_batch)), stop_(stop), failed_(failed) {}

  void article(Article article, const RecordOrigin& origin) override {
    Item item;
    item.article = std::move(article);
    item.origin = origin;
    add(std::move(item));
  }

  void bad_record(const RecordOrigin& origin, std::string reason) override {
    Item item;
    item.origin = origin;
    item.bad_reason = std::move(reason);
    add(std::move(item));
  }

  void date_warning(const RecordOrigin& origin, std::string reason) override {
    pending_warnings_.push_back({origin.to_string(), std::move(reason)});
  }

  bool stop_requested() const override {
    return stop_.load() || failed_.load();
  }

  // A read error that ends one input, reported in order with its records.
  void input_error(const std::string& input, std::string reason) {
    Item item;
    item.origin.file = input;
    item.bad_reason = std::move(reason);
    add(std::move(item));
  }

  void flush() {
    if (!batch_.empty()) run_batch_(std::move(batch_));
    batch_.clear();
  }

 private:
  void add(Item item) {
    // Date warnings come just before their record (ArticleSink).
    item.date_warnings = std::move(pending_warnings_);
    pending_warnings_.clear();
    batch_.push_back(std::move(item));
    if (batch_.size() >= kBatchSize) flush();
  }

  std::function<void(Batch)> run_batch_;
  const std::atomic<bool>& stop_;
  const std::atomic<bool>& failed_;
  Batch batch_;
  std::vector<RecordProblem> pending_warnings_;
};

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
        !input.ends_with(".jsonl") && !input.ends_with(".jsonl.gz")) {
      throw IndexError("input " + input +
                       " is neither a folder, a .txt page nor a .jsonl or "
                       ".jsonl.gz file");
    }
    // A FIFO or device would block the run in open() (use "-" for a pipe).
    if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
      throw IndexError("input " + input +
                       " is not a regular file; give a pipe's data as -");
    }
  }
}

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

void read_input(const std::string& input, int stdin_fd, ArticleSink& sink) {
  if (input == "-") {
    LineReader reader(stdin_fd, "<stdin>");
    read_jsonl(reader, "<stdin>", sink);
  } else if (fs::is_directory(input)) {
    read_folder(input, sink);
  } else if (input.ends_with(".txt")) {
    fs::path path(input);
    read_text_page(path, path.filename().string(), nlohmann::json::object(), {},
                   sink);
  } else {
    LineReader reader(input);
    read_jsonl(reader, input, sink);
  }
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

IndexSummary index_inputs(const IndexOptions& options, IndexReporter& reporter,
                          const std::atomic<bool>& stop) {
  auto start = std::chrono::steady_clock::now();
  check_inputs(options);
  if (options.language && *options.language != schema::kNoLanguage) {
    try {
      Xapian::Stem check(*options.language);
    } catch (const Xapian::InvalidArgumentError&) {
      throw IndexError("unknown language '" + *options.language +
                       "'; choose one of: " +
                       Xapian::Stem::get_available_languages() + " none");
    }
  }
  unsigned jobs = std::max(1u, options.jobs);

  RunLock lock(options.db_path);
  const bool existed = fs::exists(options.db_path);
  std::vector<fs::path> shard_paths;
  Layout layout = choose_layout(options, shard_paths);
  // The scratch folders of a merged build belong to this run alone (it
  // holds the lock): anything in them is left over from a run that failed
  // or was killed, and would otherwise be merged in.
  std::optional<ScratchFolders> scratch;
  if (layout == Layout::kMerged) {
    scratch.emplace(std::vector<fs::path>{shard_paths.front().parent_path(),
                                          options.db_path + ".merging"});
    for (const auto& leftover : scratch->remove_all()) {
      reporter.notice("removed " + leftover.string() +
                      ", left over from a run that did not finish");
    }
  }
  if (layout == Layout::kSharded && !existed) {
    // A new sharded database: nothing to keep if the run fails.
    scratch.emplace(std::vector<fs::path>{options.db_path});
  }
  if (layout == Layout::kSharded || layout == Layout::kMerged) {
    fs::create_directories(shard_paths.front().parent_path());
  }

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
  {
    // Any language stored in a non-empty database must match.
    std::string stored = first.get_metadata(std::string(schema::kLanguageKey));
    if (single) {
      before = single->get_doccount();
    } else {
      for (std::size_t i = 0; i < sharded->size(); ++i) {
        before += sharded->shard(i).get_doccount();
      }
    }
    if (options.language) {
      if (!stored.empty() && stored != *options.language && before > 0) {
        throw IndexError("database " + options.db_path +
                         " was built with --language " + stored +
                         "; re-index into a new database to change it");
      }
      summary.language = *options.language;
    } else {
      summary.language =
          stored.empty() ? std::string(schema::kDefaultLanguage) : stored;
    }
  }

  FieldTable fields;
  if (std::string error = fields.load_declarations(
          first.get_metadata(std::string(schema::kFieldsKey)));
      !error.empty()) {
    throw IndexError("database " + options.db_path + ": " + error);
  }
  for (const std::string& declaration : options.fields) {
    if (std::string error = fields.declare(declaration); !error.empty()) {
      throw IndexError(error);
    }
  }
  for (const FieldSpec* f : fields.declared()) {
    summary.fields.push_back({f->name, field_kind_name(f->kind), 0});
  }
  SourceNormalizer sources = SourceNormalizer::with_builtin_table();
  std::string source_tables = load_user_tables(
      sources, options.source_tables,
      first.get_metadata(std::string(schema::kSourcesKey)), reporter);
  ActorGazetteer actors = ActorGazetteer::with_builtin_table();
  std::string actor_tables = load_user_tables(
      actors, options.actor_tables,
      first.get_metadata(std::string(schema::kActorsKey)), reporter);
  SynonymTable synonyms;
  std::string synonym_files = load_user_tables(
      synonyms, options.synonym_files,
      first.get_metadata(std::string(schema::kSynonymsKey)), reporter);
  std::vector<std::pair<std::string, std::string>> metadata{
      {std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion)},
      {std::string(schema::kLanguageKey), summary.language},
      {std::string(schema::kSourcesKey), source_tables},
      {std::string(schema::kActorsKey), actor_tables},
      {std::string(schema::kSynonymsKey), synonym_files},
      {std::string(schema::kFieldsKey), fields.declarations_text()},
  };
  // Written first too, so a database committed part-way (a memory-bound
  // commit) is already a newsdex database.
  if (single) {
    for (const auto& [k, v] : metadata) single->set_metadata(k, v);
  } else {
    for (std::size_t i = 0; i < sharded->size(); ++i) {
      for (const auto& [k, v] : metadata) sharded->shard(i).set_metadata(k, v);
    }
  }

  std::unique_ptr<Xapian::Database> snapshot = open_snapshot();
  OrderedWriter writer(snapshot.get(), stored_next_sequence(*snapshot), store);
  Collector collector(writer, summary, reporter);
  auto today = std::chrono::floor<std::chrono::days>(options.now);
  std::atomic<bool> failed = false;

  auto read_all = [&](BatchingSink& sink) {
    for (const auto& input : options.inputs) {
      if (sink.stop_requested()) break;
      try {
        read_input(input, options.stdin_fd, sink);
      } catch (const std::runtime_error& e) {
        // A read error in one input (a truncated gzip file) skips the rest
        // of that input, not the run: what was read is still indexed.
        sink.input_error(input, e.what());
      }
    }
    sink.flush();
  };

  if (jobs == 1) {
    Preparer prepare(summary.language, sources, actors, snapshot.get(), options,
                     today, fields);
    BatchingSink sink(
        [&](Batch batch) {
          for (auto& item : batch) collector.take(prepare(std::move(item)));
        },
        stop, failed);
    read_all(sink);
  } else {
    // Readers here, `jobs` workers preparing batches, one collector taking
    // them in reading order and writing.
    using Task = std::pair<Batch, std::promise<DoneBatch>>;
    WorkQueue<Task> tasks(4 * jobs);
    WorkQueue<std::future<DoneBatch>> in_order(8 * jobs);
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < jobs; ++i) {
      workers.emplace_back([&] {
        // No exception may leave the thread (that ends the process), and
        // every task's promise must be kept (the collector waits on it):
        // a worker that cannot start fails each task it takes.
        std::unique_ptr<Xapian::Database> own;
        std::optional<Preparer> prepare;
        std::exception_ptr setup_error;
        try {
          own = open_snapshot();
          prepare.emplace(summary.language, sources, actors, own.get(), options,
                          today, fields);
        } catch (...) {
          setup_error = std::current_exception();
        }
        while (auto task = tasks.pop()) {
          try {
            if (setup_error) std::rethrow_exception(setup_error);
            DoneBatch done;
            done.reserve(task->first.size());
            for (auto& item : task->first) {
              done.push_back((*prepare)(std::move(item)));
            }
            task->second.set_value(std::move(done));
          } catch (...) {
            task->second.set_exception(std::current_exception());
          }
        }
      });
    }
    std::exception_ptr error, collect_error;
    std::thread collecting([&] {
      while (auto future = in_order.pop()) {
        if (collect_error) continue;  // drain
        try {
          for (auto& done : future->get()) collector.take(std::move(done));
        } catch (...) {
          collect_error = std::current_exception();
          failed = true;
        }
      }
    });
    BatchingSink sink(
        [&](Batch batch) {
          std::promise<DoneBatch> promise;
          in_order.push(promise.get_future());
          tasks.push({std::move(batch), std::move(promise)});
        },
        stop, failed);
    try {
      read_all(sink);
    } catch (...) {
      error = std::current_exception();
    }
    tasks.close();
    for (auto& w : workers) w.join();
    in_order.close();
    collecting.join();
    if (collect_error) std::rethrow_exception(collect_error);
    if (error) std::rethrow_exception(error);
  }
  summary.interrupted = stop.load();

  metadata.emplace_back(std::string(schema::kNextSequenceKey),
                        std::to_string(writer.next_sequence()));
  // One writer from the start keeps document ids in indexing order, and
  // later runs only append; shards merged from several writers interleave.
  bool one_writer = single || sharded->size() == 1;
  bool in_order =
      one_writer &&
      (before == 0 ||
       first.get_metadata(std::string(schema::kDocidOrderKey)) == "sequence");
  metadata.emplace_back(std::string(schema::kDocidOrderKey),
                        in_order ? "sequence" : "");
  if (summary.added + summary.updated > 0) {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                    options.now.time_since_epoch())
                    .count();
    metadata.emplace_back(std::string(schema::kUpdatedKey),
                          std::to_string(secs));
  } else {
    std::string updated = first.get_metadata(std::string(schema::kUpdatedKey));
    if (!updated.empty()) {
      metadata.emplace_back(std::string(schema::kUpdatedKey), updated);
    }
  }
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
