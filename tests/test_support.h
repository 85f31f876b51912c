// Helpers shared by the unit tests: articles and in-memory databases.
#ifndef NEWSDEX_TESTS_TEST_SUPPORT_H_
#define NEWSDEX_TESTS_TEST_SUPPORT_H_

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/document_record.h"
#include "common/schema.h"
#include "indexer/article_sink.h"
#include "indexer/index_writer.h"

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

// An in-memory newsdex database holding `articles`, English stemming.
inline Xapian::WritableDatabase make_db(
    const std::vector<Article>& articles,
    const std::string& language = "english") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, language, sources(), actors(), /*spelling=*/false);
  for (const auto& a : articles) writer.write(a);
  db.set_metadata(std::string(schema::kSchemaKey),
                  std::string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kLanguageKey), language);
  db.commit();
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

}  // namespace newsdex::test

#endif  // NEWSDEX_TESTS_TEST_SUPPORT_H_
