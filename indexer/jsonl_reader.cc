// JSON Lines ingest: nlohmann::json parses (and rejects invalid UTF-8),
// with bounded nesting (common/json_parse.h).
#include "indexer/jsonl_reader.h"

#include "common/json_parse.h"
#include "common/text_utf8.h"
#include "indexer/record_fields.h"

namespace newsdex {

std::string parse_jsonl_record(const std::string& line, Article& article,
                               std::string& date_warning) {
  std::string error;
  auto object = parse_json_text(line, error);
  if (!object) return error;
  return apply_record_fields(*object, article, date_warning);
}

void read_jsonl(LineReader& reader, const std::string& name,
                ArticleSink& sink) {
  std::string line;
  while (!sink.stop_requested() && reader.next(line)) {
    if (trim_space(line).empty()) continue;
    RecordOrigin origin{name, reader.line_number()};
    Article article;
    std::string date_warning;
    std::string error = parse_jsonl_record(line, article, date_warning);
    if (error.empty()) {
      if (trim_space(article.id).empty()) {
        article.id =
            !trim_space(article.url).empty() ? article.url : origin.to_string();
      }
      error = finish_article(article);
    }
    if (!error.empty()) {
      sink.bad_record(origin, std::move(error));
      continue;
    }
    if (!date_warning.empty())
      sink.date_warning(origin, std::move(date_warning));
    sink.article(std::move(article), origin);
  }
}

}  // namespace newsdex
