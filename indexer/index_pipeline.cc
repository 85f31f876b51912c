// Readers, preparing workers and the collector of an indexing run.
#include "indexer/index_pipeline.h"

#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <thread>

#include "indexer/article_prep.h"
#include "indexer/article_sink.h"
#include "indexer/folder_reader.h"
#include "indexer/html_page_reader.h"
#include "indexer/input_size.h"
#include "indexer/jsonl_reader.h"
#include "indexer/line_reader.h"
#include "indexer/warc_reader.h"
#include "indexer/work_queue.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

// The reporter is told every this many records (it decides how often
// to draw).
constexpr std::size_t kProgressEvery = 16;
// Records handed to a worker at a time.
constexpr std::size_t kBatchSize = 32;

// A record as the reader found it: an article (with any date warnings the
// reader had for it) or a bad record.
struct Item {
  std::optional<Article> article;
  RecordOrigin origin;
  std::string bad_reason;
  std::vector<RecordProblem> date_warnings;
  std::vector<RecordProblem> flags;  // ArticleSink::flagged()
};

// What preparing a record gave.
struct Done {
  std::string where;
  std::string bad_reason;  // non-empty: skipped
  std::vector<RecordProblem> date_warnings;
  std::vector<RecordProblem> flags;
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
    done.flags = std::move(item.flags);
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

// How much of the input the readers have read, told to the collector's
// thread.
struct InputProgress {
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<std::uint64_t> files{0};
};

// Takes prepared records in reading order: counts, reports and writes.
class Collector {
 public:
  Collector(OrderedWriter& writer, IndexSummary& summary,
            IndexReporter& reporter, const InputProgress& read)
      : writer_(writer), summary_(summary), reporter_(reporter), read_(read) {}

  void take(Done done) {
    for (auto& warning : done.date_warnings) {
      summary_.undated.push_back(std::move(warning));
      reporter_.undated(summary_.undated.back());
    }
    if (done.prepared) {
      for (auto& flag : done.flags) {
        reporter_.flagged(flag);
        if (flag.reason == kNoArticleText)
          summary_.title_only.push_back(std::move(flag));
      }
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
      summary_.bytes_read = read_.bytes.load(std::memory_order_relaxed);
      summary_.files_read = read_.files.load(std::memory_order_relaxed);
      reporter_.progress(summary_);
    }
  }

 private:
  OrderedWriter& writer_;
  IndexSummary& summary_;
  IndexReporter& reporter_;
  const InputProgress& read_;
};

// Receives records from the readers and passes them on in batches: to
// `run_batch`, which prepares and collects them (in this thread or on
// workers).
class BatchingSink : public ArticleSink {
 public:
  BatchingSink(std::function<void(Batch)> run_batch,
               const std::atomic<bool>& stop, const std::atomic<bool>& failed,
               InputProgress& read)
      : run_batch_(std::move(run_batch)),
        stop_(stop),
        failed_(failed),
        read_(read) {}

  void read_progress(std::uint64_t bytes, std::size_t files) override {
    read_.bytes.fetch_add(bytes, std::memory_order_relaxed);
    read_.files.fetch_add(files, std::memory_order_relaxed);
  }

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

  void flagged(const RecordOrigin& origin, std::string reason) override {
    pending_flags_.push_back({origin.to_string(), std::move(reason)});
  }

  bool stop_requested() const override {
    return stop_.load() || failed_.load();
  }

  void file_not_read(const RecordOrigin& origin, std::string reason) override {
    not_read_.push_back({origin.to_string(), std::move(reason)});
  }
  std::vector<RecordProblem> take_not_read() { return std::move(not_read_); }

  void passed_over(const RecordOrigin& /*origin*/,
                   std::string_view reason) override {
    ++passed_over_[std::string(reason)];
  }
  std::map<std::string, std::size_t> take_passed_over() {
    return std::move(passed_over_);
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
    item.flags = std::move(pending_flags_);
    pending_flags_.clear();
    batch_.push_back(std::move(item));
    if (batch_.size() >= kBatchSize) flush();
  }

  std::function<void(Batch)> run_batch_;
  const std::atomic<bool>& stop_;
  const std::atomic<bool>& failed_;
  Batch batch_;
  std::vector<RecordProblem> pending_warnings_, pending_flags_;
  std::vector<RecordProblem> not_read_;
  std::map<std::string, std::size_t> passed_over_;
  InputProgress& read_;
};

void read_input(const std::string& input, int stdin_fd, ArticleSink& sink) {
  if (input == "-") {
    LineReader reader(stdin_fd, "<stdin>");
    read_jsonl(reader, "<stdin>", sink);
  } else if (fs::is_directory(input)) {
    read_folder(input, sink);
  } else if (input.ends_with(".txt") || is_html_page_name(input)) {
    fs::path path(input);
    auto read_page = is_html_page_name(input) ? read_html_page : read_text_page;
    read_page(path, path.filename().string(), nlohmann::json::object(), {},
              sink);
    std::error_code ec;
    std::uint64_t bytes = fs::file_size(path, ec);
    sink.read_progress(ec ? 0 : bytes, 1);
  } else if (is_warc_name(input)) {
    read_warc(input, sink);
  } else {
    LineReader reader(input);
    read_jsonl(reader, input, sink);
  }
}

// Reads the caller's records and every input into `sink`, then names the
// files no reader took in `summary`.
void read_all(const IndexOptions& options, BatchingSink& sink,
              IndexSummary& summary) {
  if (options.records) options.records(sink);
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
  summary.not_read = sink.take_not_read();
  summary.warc_skipped = sink.take_passed_over();
}

using Task = std::pair<Batch, std::promise<DoneBatch>>;

// A worker thread: prepares the batches of `tasks` until it is closed. No
// exception may leave the thread (that ends the process), and every task's
// promise must be kept (the collector waits on it): a worker that cannot
// start fails each task it takes.
void prepare_tasks(const PipelineContext& c, std::chrono::sys_days today,
                   WorkQueue<Task>& tasks) {
  std::unique_ptr<Xapian::Database> own;
  std::optional<Preparer> prepare;
  std::exception_ptr setup_error;
  try {
    own = c.open_snapshot();
    prepare.emplace(c.language, c.sources, c.actors, own.get(), c.options,
                    today, c.fields);
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
}

// Readers in this thread, `jobs` workers preparing batches, one collector
// taking them in reading order and writing.
void run_in_parallel(const PipelineContext& c, unsigned jobs,
                     std::chrono::sys_days today, Collector& collector,
                     IndexSummary& summary, const std::atomic<bool>& stop,
                     InputProgress& read) {
  std::atomic<bool> failed = false;
  WorkQueue<Task> tasks(4 * jobs);
  WorkQueue<std::future<DoneBatch>> in_order(8 * jobs);
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs; ++i) {
    workers.emplace_back([&] { prepare_tasks(c, today, tasks); });
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
      stop, failed, read);
  try {
    read_all(c.options, sink, summary);
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

}  // namespace

void run_pipeline(const PipelineContext& c, OrderedWriter& writer,
                  IndexSummary& summary, IndexReporter& reporter,
                  const std::atomic<bool>& stop) {
  const unsigned jobs = std::max(1u, c.options.jobs);
  if (c.options.measure_inputs) {
    InputSize size = measure_inputs(c.options.inputs);
    if (size.known) {
      summary.input_files = size.files;
      summary.input_bytes = size.bytes;
    }
  }
  InputProgress read;
  Collector collector(writer, summary, reporter, read);
  auto today = std::chrono::floor<std::chrono::days>(c.options.now);
  if (jobs > 1) {
    run_in_parallel(c, jobs, today, collector, summary, stop, read);
  } else {
    std::atomic<bool> failed = false;
    Preparer prepare(c.language, c.sources, c.actors, c.snapshot, c.options,
                     today, c.fields);
    BatchingSink sink(
        [&](Batch batch) {
          for (auto& item : batch) collector.take(prepare(std::move(item)));
        },
        stop, failed, read);
    read_all(c.options, sink, summary);
  }
  // Every thread has ended.
  summary.bytes_read = read.bytes.load();
  summary.files_read = read.files.load();
}

}  // namespace newsdex
