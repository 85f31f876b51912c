// The printing target of the indexing pipeline: a DocumentStore that
// prints each document's stored article instead of writing it.
#include "indexer/print_records.h"

#include <xapian.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "common/actors.h"
#include "common/document_record.h"
#include "common/fields.h"
#include "common/json_text.h"
#include "common/schema.h"
#include "common/source_normalizer.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_writer.h"

namespace newsdex {
namespace {

// Prints what a database would store, in the order it would be written.
class PrintingStore : public DocumentStore {
 public:
  explicit PrintingStore(std::ostream& out) : out_(out) {}
  void put(std::string /*id_term*/, Xapian::Document doc,
           Xapian::docid /*existing*/, std::uint64_t /*sequence*/,
           SpellingWords /*spelling*/) override {
    StoredArticle stored = from_document_data(doc.get_data(), false);
    nlohmann::json data = article_to_json(stored);
    nlohmann::json extra = stored.extra();
    if (auto it = extra.find("language"); it != extra.end() && it->is_string())
      data["language"] = *it;
    out_ << json_text({{"type", "record"}, {"data", data}}) << '\n';
  }

 private:
  std::ostream& out_;
};

std::string read_table(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IndexError("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

template <typename Table>
void add_user_tables(Table& table, const std::vector<std::string>& files,
                     IndexReporter& reporter) {
  for (const auto& file : files) {
    for (const auto& message : table.add_table(read_table(file), file)) {
      reporter.table_warning(message);
    }
  }
}

}  // namespace

IndexSummary print_records(const IndexOptions& options, IndexReporter& reporter,
                           const std::atomic<bool>& stop, std::ostream& out) {
  auto start = std::chrono::steady_clock::now();
  check_inputs(options);
  check_language(options);
  IndexSummary summary;
  summary.language =
      options.language.value_or(std::string(schema::kDefaultLanguage));
  SourceNormalizer sources = SourceNormalizer::with_builtin_table();
  ActorGazetteer actors = ActorGazetteer::with_builtin_table();
  add_user_tables(sources, options.source_tables, reporter);
  add_user_tables(actors, options.actor_tables, reporter);
  FieldTable fields;
  for (const std::string& declaration : options.fields) {
    if (std::string error = fields.declare(declaration); !error.empty())
      throw IndexError(error);
  }
  for (const FieldSpec* f : fields.declared()) {
    summary.fields.push_back({f->name, field_kind_name(f->kind), 0});
  }
  PrintingStore store(out);
  OrderedWriter writer(nullptr, 1, store);
  PipelineContext context{
      options, summary.language, sources, actors, fields, nullptr, [] {
        return std::unique_ptr<Xapian::Database>();
      }};
  run_pipeline(context, writer, summary, reporter, stop);
  out.flush();
  summary.interrupted = stop.load();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return summary;
}

}  // namespace newsdex
