// The indexing run: inputs are checked before the database is touched,
// then streamed through the writer with one commit at the end.
#include "indexer/index_run.h"

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "common/schema.h"
#include "indexer/article_prep.h"
#include "indexer/article_sink.h"
#include "indexer/folder_reader.h"
#include "indexer/index_writer.h"
#include "indexer/jsonl_reader.h"
#include "indexer/line_reader.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

constexpr std::size_t kProgressEvery = 2000;

class WritingSink : public ArticleSink {
 public:
  WritingSink(IndexWriter& writer, IndexSummary& summary,
              IndexReporter& reporter, const std::atomic<bool>& stop,
              std::chrono::sys_days today, bool clean)
      : clean_(clean),
        writer_(writer),
        summary_(summary),
        reporter_(reporter),
        stop_(stop),
        today_(today) {}

  void article(Article article, const RecordOrigin& origin) override {
    prepare_article(article, clean_);
    if (article.date) {
      std::string why = implausible_date_reason(*article.date, today_);
      if (!why.empty()) {
        date_warning(origin, "date " + article.date->iso() + " " + why);
        article.date.reset();
      }
    }
    switch (writer_.write(article)) {
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
    tick();
  }

  void bad_record(const RecordOrigin& origin, std::string reason) override {
    summary_.skipped.push_back({origin.to_string(), std::move(reason)});
    reporter_.skipped(summary_.skipped.back());
    tick();
  }

  void date_warning(const RecordOrigin& origin, std::string reason) override {
    summary_.undated.push_back({origin.to_string(), std::move(reason)});
    reporter_.undated(summary_.undated.back());
  }

  bool stop_requested() const override { return stop_.load(); }

 private:
  void tick() {
    if (summary_.records_seen() % kProgressEvery == 0) {
      reporter_.progress(summary_);
    }
  }

  bool clean_;
  IndexWriter& writer_;
  IndexSummary& summary_;
  IndexReporter& reporter_;
  const std::atomic<bool>& stop_;
  std::chrono::sys_days today_;
};

void check_inputs(const IndexOptions& options) {
  if (options.inputs.empty()) throw IndexError("no input given");
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
  }
}

std::string resolve_language(const IndexOptions& options,
                             const Xapian::WritableDatabase& db) {
  std::string stored = db.get_metadata(std::string(schema::kLanguageKey));
  if (options.language) {
    if (!stored.empty() && stored != *options.language &&
        db.get_doccount() > 0) {
      throw IndexError("database " + options.db_path +
                       " was built with --language " + stored +
                       "; re-index into a new database to change it");
    }
    return *options.language;
  }
  return stored.empty() ? std::string(schema::kDefaultLanguage) : stored;
}

std::string read_table_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IndexError("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Adds to `table` (a SourceNormalizer or ActorGazetteer) the user tables
// stored by earlier runs under `key`, then the new `files`, and stores
// them all back so later runs and the searcher see the same names.
template <typename Table>
void load_user_tables(Table& table, const std::vector<std::string>& files,
                      std::string_view key, Xapian::WritableDatabase& db,
                      IndexReporter& reporter) {
  std::string stored = db.get_metadata(std::string(key));
  table.add_table(stored, "stored tables");
  for (const auto& file : files) {
    std::string text = read_table_file(file);
    for (const auto& message : table.add_table(text, file)) {
      reporter.table_warning(message);
    }
    if (stored.find(text) == std::string::npos) stored += text + "\n";
  }
  db.set_metadata(std::string(key), stored);
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

}  // namespace

IndexSummary run_index(const IndexOptions& options, IndexReporter& reporter,
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

  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  IndexSummary summary;
  summary.language = resolve_language(options, db);

  SourceNormalizer sources = SourceNormalizer::with_builtin_table();
  load_user_tables(sources, options.source_tables, schema::kSourcesKey, db,
                   reporter);
  ActorGazetteer actors = ActorGazetteer::with_builtin_table();
  load_user_tables(actors, options.actor_tables, schema::kActorsKey, db,
                   reporter);

  IndexWriter writer(db, summary.language, sources, actors);
  WritingSink sink(writer, summary, reporter, stop,
                   std::chrono::floor<std::chrono::days>(options.now),
                   options.clean);
  for (const auto& input : options.inputs) {
    if (stop.load()) break;
    try {
      read_input(input, options.stdin_fd, sink);
    } catch (const std::runtime_error& e) {
      // A read error in one input (a truncated gzip file) skips the rest of
      // that input, not the run: what was read is still indexed.
      summary.skipped.push_back({input, e.what()});
      reporter.skipped(summary.skipped.back());
    }
  }
  summary.interrupted = stop.load();

  db.set_metadata(std::string(schema::kSchemaKey),
                  std::string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kLanguageKey), summary.language);
  if (summary.added + summary.updated > 0) {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                    options.now.time_since_epoch())
                    .count();
    db.set_metadata(std::string(schema::kUpdatedKey), std::to_string(secs));
  }
  db.commit();
  summary.document_count = db.get_doccount();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return summary;
}

}  // namespace newsdex
