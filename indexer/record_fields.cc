// Field mapping shared by the JSON Lines reader and the metadata loader.
#include "indexer/record_fields.h"

#include "common/text_utf8.h"

namespace newsdex {
namespace {

// Reads a scalar field as a string: strings as they are, numbers as their
// JSON text (ids and Unix dates are often numbers), null as "".
bool scalar_to_string(const nlohmann::json& value, std::string& out) {
  if (value.is_string()) {
    out = value.get<std::string>();
    return true;
  }
  if (value.is_number()) {
    out = value.dump();
    return true;
  }
  if (value.is_null()) {
    out.clear();
    return true;
  }
  return false;
}

}  // namespace

std::string apply_record_fields(const nlohmann::json& object, Article& article,
                                std::string& date_warning) {
  if (!object.is_object()) return "not a JSON object";
  for (const auto& [key, value] : object.items()) {
    std::string* target = nullptr;
    if (key == "id")
      target = &article.id;
    else if (key == "url")
      target = &article.url;
    else if (key == "source")
      target = &article.source;
    else if (key == "title")
      target = &article.title;
    else if (key == "text")
      target = &article.text;

    if (target != nullptr) {
      if (!scalar_to_string(value, *target)) {
        return "field '" + key + "' is not a string";
      }
    } else if (key == "date") {
      std::string raw;
      if (!scalar_to_string(value, raw)) return "field 'date' is not a string";
      if (trim_space(raw).empty()) {
        article.date.reset();
        continue;
      }
      article.date = parse_date(raw);
      if (!article.date) date_warning = "unparseable date '" + raw + "'";
    } else {
      article.extra[key] = value;
    }
  }
  return "";
}

std::string finish_article(Article& article) {
  for (const std::string* field : {&article.id, &article.title, &article.text,
                                   &article.source, &article.url}) {
    if (auto bad = find_invalid_utf8(*field); bad != std::string::npos) {
      return "invalid UTF-8 at byte " + std::to_string(bad);
    }
  }
  if (trim_space(article.text).empty() && trim_space(article.title).empty()) {
    return "empty text";
  }
  if (trim_space(article.id).empty()) return "no id";
  return "";
}

}  // namespace newsdex
