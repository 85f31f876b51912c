// The indexing run: inputs are checked before the database is touched,
// then streamed through the writer with one commit at the end.
#include "indexer/index_run.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "common/fields.h"
#include "common/schema.h"
#include "common/synonyms.h"
#include "indexer/html_page_reader.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_target.h"
#include "indexer/run_lock.h"
#include "indexer/warc_reader.h"

namespace fs = std::filesystem;

namespace newsdex {

void check_inputs(const IndexOptions& options) {
  if (options.inputs.empty() && !options.records) {
    throw IndexError("no input given");
  }
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

// The run proper, whatever its target: the tables and metadata, the
// pipeline, the closing metadata and the commit.
IndexSummary index_into(IndexTarget& target, const IndexOptions& options,
                        IndexReporter& reporter,
                        const std::atomic<bool>& stop) {
  IndexSummary summary;
  const Xapian::doccount before = target.document_count();
  summary.language = run_language(
      options, target.first().get_metadata(std::string(schema::kLanguageKey)),
      before);
  RunTables tables(options, target.first(), summary.language, reporter);
  for (const FieldSpec* f : tables.fields.declared()) {
    summary.fields.push_back({f->name, field_kind_name(f->kind), 0});
  }
  // Written first too, so a database committed part-way (a memory-bound
  // commit) is already a newsdex database.
  target.set_metadata(tables.metadata);

  const StoredMarks stored = read_stored_marks(target.first());
  std::unique_ptr<Xapian::Database> snapshot = target.open_snapshot();
  OrderedWriter writer(snapshot.get(), stored_next_sequence(*snapshot),
                       target.store());
  PipelineContext context{options,
                          summary.language,
                          tables.sources,
                          tables.actors,
                          tables.fields,
                          snapshot.get(),
                          [&target] { return target.open_snapshot(); }};
  run_pipeline(context, writer, summary, reporter, stop);
  summary.interrupted = stop.load();

  add_closing_metadata(options, summary, writer.next_sequence(),
                       target.one_writer(), before, stored, tables.metadata);
  snapshot.reset();
  summary.document_count = target.finish(tables.metadata);
  return summary;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

IndexSummary index_inputs(const IndexOptions& options, IndexReporter& reporter,
                          const std::atomic<bool>& stop) {
  auto start = std::chrono::steady_clock::now();
  check_inputs(options);
  check_language(options);
  RunLock lock(options.db_path);
  IndexTarget target(options, reporter);
  IndexSummary summary = index_into(target, options, reporter, stop);
  summary.seconds = seconds_since(start);
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

IndexSummary index_database(Xapian::WritableDatabase& db,
                            const IndexOptions& options, bool spelling,
                            IndexReporter& reporter,
                            const std::atomic<bool>& stop) {
  auto start = std::chrono::steady_clock::now();
  if (options.jobs > 1) {
    throw IndexError("a database given to index_database takes --jobs 1");
  }
  check_inputs(options);
  check_language(options);
  IndexTarget target(db, spelling);
  IndexSummary summary = index_into(target, options, reporter, stop);
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace newsdex
