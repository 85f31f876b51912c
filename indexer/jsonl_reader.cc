// JSON Lines ingest: nlohmann::json parses (and rejects invalid UTF-8),
// with bounded nesting (common/json_parse.h).
#include "indexer/jsonl_reader.h"

#include <algorithm>

#include "common/json_parse.h"
#include "common/text_utf8.h"
#include "indexer/html_page_reader.h"
#include "indexer/record_fields.h"

namespace newsdex {
namespace {

// A record whose page is in `html` (a string): the page is read as a
// saved page is, and the record's other fields win over what it says, as
// a metadata row's do. A field the record gives empty or null leaves the
// page's value.
std::string html_record(nlohmann::json& object, Article& article,
                        std::string& date_warning) {
  auto html = object.find("html");  // present, not null
  if (!html->is_string()) return "field 'html' is not a string";
  std::string page = html->get<std::string>();
  object.erase(html);
  if (std::string binary = binary_page_problem(page); !binary.empty())
    return binary;
  for (const char* key :
       {"id", "url", "source", "title", "text", "date", "authors", "author"}) {
    auto it = object.find(key);
    if (it == object.end()) continue;
    if (it->is_null() ||
        (it->is_string() &&
         trim_space(it->get_ref<const std::string&>()).empty()))
      object.erase(it);
  }
  std::string error =
      article_from_page(page, "", "", object, article, date_warning);
  if (!error.empty()) return error;
  if (trim_space(article.text).empty() && trim_space(article.title).empty())
    return kNoPageText;
  return "";
}

}  // namespace

std::string parse_jsonl_record(const std::string& line, Article& article,
                               std::string& date_warning, bool* from_page) {
  std::string error;
  auto object = parse_json_text(line, error);
  if (!object) return error;
  if (object->is_object()) {
    if (auto html = object->find("html"); html != object->end()) {
      if (!html->is_null()) {
        if (from_page) *from_page = true;
        return html_record(*object, article, date_warning);
      }
      object->erase(html);
    }
  }
  return apply_record_fields(*object, article, date_warning);
}

void read_jsonl(LineReader& reader, const std::string& name,
                ArticleSink& sink) {
  std::string line;
  std::uint64_t reported = 0;
  auto report = [&](std::size_t files) {
    std::uint64_t offset = reader.file_offset();
    sink.read_progress(offset > reported ? offset - reported : 0, files);
    reported = std::max(reported, offset);
  };
  while (!sink.stop_requested() && reader.next(line)) {
    if (reader.line_number() % 256 == 0) report(0);
    if (trim_space(line).empty()) continue;
    RecordOrigin origin{name, reader.line_number()};
    Article article;
    std::string date_warning;
    bool from_page = false;
    std::string error =
        parse_jsonl_record(line, article, date_warning, &from_page);
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
    if (from_page && trim_space(article.text).empty())
      sink.flagged(origin, kNoArticleText);
    sink.article(std::move(article), origin);
  }
  report(1);
}

}  // namespace newsdex
