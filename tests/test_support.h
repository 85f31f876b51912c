// Helpers shared by the unit tests: articles and in-memory databases.
#ifndef NEWSDEX_TESTS_TEST_SUPPORT_H_
#define NEWSDEX_TESTS_TEST_SUPPORT_H_

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/actors.h"
#include "common/document_record.h"
#include "common/schema.h"
#include "common/source_normalizer.h"
#include "indexer/article_sink.h"
#include "indexer/index_run.h"
#include "indexer/jsonl_reader.h"
#include "searcher/snippet.h"

namespace newsdex::test {

inline Article make_article(std::string id, std::string title, std::string text,
                            std::string source = "Test News",
                            std::string date = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  a.source = std::move(source);
  if (!date.empty()) a.date = parse_date(date);
  return a;
}

// The built-in source table.
inline const SourceNormalizer& sources() {
  static const SourceNormalizer kSources =
      SourceNormalizer::with_builtin_table();
  return kSources;
}

// The built-in actor gazetteer.
inline const ActorGazetteer& actors() {
  static const ActorGazetteer kActors = ActorGazetteer::with_builtin_table();
  return kActors;
}

// Keeps what an indexing run reports.
struct RecordingReporter : IndexReporter {
  std::vector<RecordProblem> skipped_records, undated_records;
  std::vector<std::string> messages;
  void skipped(const RecordProblem& record) override {
    skipped_records.push_back(record);
  }
  void undated(const RecordProblem& record) override {
    undated_records.push_back(record);
  }
  void table_warning(const std::string& message) override {
    messages.push_back(message);
  }
  void notice(const std::string& message) override {
    messages.push_back(message);
  }
};

// Options for indexing `articles` as newsdex-index does: one job, English
// unless `language` says otherwise, `fields` declared (--field).
inline IndexOptions index_options(const std::vector<Article>& articles,
                                  const std::string& language = "english",
                                  std::vector<std::string> fields = {}) {
  IndexOptions options;
  options.language = language;
  options.fields = std::move(fields);
  options.now = std::chrono::system_clock::now();
  options.records = [articles](ArticleSink& sink) {
    std::size_t line = 0;
    for (const Article& a : articles) {
      sink.article(a, RecordOrigin{"test.jsonl", ++line});
    }
  };
  return options;
}

// A test's records are all meant to be indexed.
inline void throw_if_skipped(const RecordingReporter& reporter) {
  for (const auto& r : reporter.skipped_records) {
    throw std::runtime_error("record " + r.where + " skipped: " + r.reason);
  }
}

// Indexes into `db` (in memory: no spelling data) through the indexer's
// production path (index_database: the run's pipeline and target).
// Throws if a record is skipped.
inline IndexSummary index_into(Xapian::WritableDatabase& db,
                               const IndexOptions& options) {
  RecordingReporter reporter;
  std::atomic<bool> stop = false;
  IndexSummary summary =
      index_database(db, options, /*spelling=*/false, reporter, stop);
  throw_if_skipped(reporter);
  return summary;
}

// Indexes into the database at `path` with run_index, as newsdex-index
// does (a new database is built as a shard and compacted into place).
inline IndexSummary index_at(const std::filesystem::path& path,
                             IndexOptions options) {
  options.db_path = path.string();
  RecordingReporter reporter;
  std::atomic<bool> stop = false;
  IndexSummary summary = run_index(options, reporter, stop);
  throw_if_skipped(reporter);
  return summary;
}

// An in-memory newsdex database holding `articles`, indexed as
// newsdex-index indexes them (English stemming unless `language` says
// otherwise; `fields` declared as with --field).
inline Xapian::WritableDatabase make_db(const std::vector<Article>& articles,
                                        const std::string& language = "english",
                                        std::vector<std::string> fields = {}) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  index_into(db, index_options(articles, language, std::move(fields)));
  return db;
}

// Collects what a reader produces.
struct CollectingSink : ArticleSink {
  std::vector<Article> articles;
  std::vector<std::pair<std::string, std::string>> bad;      // where, why
  std::vector<std::pair<std::string, std::string>> undated;  // where, why
  void article(Article a, const RecordOrigin&) override {
    articles.push_back(std::move(a));
  }
  void bad_record(const RecordOrigin& o, std::string reason) override {
    bad.emplace_back(o.to_string(), std::move(reason));
  }
  void date_warning(const RecordOrigin& o, std::string reason) override {
    undated.emplace_back(o.to_string(), std::move(reason));
  }
};

// A fresh scratch folder under the build tree.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::path(NEWSDEX_TMP_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& path,
                       const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A snippet fragment of `spans`, cut off before and/or after.
inline Fragment fragment(std::vector<TextSpan> spans, bool before = false,
                         bool after = false) {
  Fragment f;
  f.spans = std::move(spans);
  f.cut_before = before;
  f.cut_after = after;
  return f;
}

// What read_jsonl() makes of `content` written to a scratch file "in.jsonl"
// in a folder named `name`.
inline CollectingSink read_jsonl_text(const std::string& content,
                                      const char* name) {
  auto dir = scratch_dir(name);
  write_file(dir / "in.jsonl", content);
  CollectingSink sink;
  LineReader reader((dir / "in.jsonl").string());
  read_jsonl(reader, "in.jsonl", sink);
  return sink;
}

}  // namespace newsdex::test

#endif  // NEWSDEX_TESTS_TEST_SUPPORT_H_
