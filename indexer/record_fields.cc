// Field mapping shared by the JSON Lines reader and the metadata loader.
#include "indexer/record_fields.h"

#include <cctype>

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

// Adds the names of an authors field to article.authors, each once.
void add_authors(const nlohmann::json& value, Article& article) {
  std::vector<std::string> names;
  if (value.is_array()) {
    for (const auto& v : value) {
      if (v.is_string()) names.push_back(v.get<std::string>());
    }
  } else if (value.is_string()) {
    std::string all = value.get<std::string>();
    std::size_t pos = 0;
    while (pos <= all.size()) {
      std::size_t comma = all.find(',', pos);
      if (comma == std::string::npos) comma = all.size();
      std::string part = all.substr(pos, comma - pos);
      std::size_t pos_and = part.find(" and ");
      if (pos_and != std::string::npos) {
        names.push_back(part.substr(0, pos_and));
        names.push_back(part.substr(pos_and + 5));
      } else {
        names.push_back(part);
      }
      pos = comma + 1;
    }
  }
  for (const std::string& raw : names) {
    std::string name(trim_space(raw));
    if (name.rfind("and ", 0) == 0) name = name.substr(4);
    if (find_invalid_utf8(name) != std::string::npos) continue;
    add_author(article, std::move(name));
  }
}

// Whether an authors-field value is no name: it has a digit ("January
// 22", "2023"), or the title starts with it (scraped authors fields hold
// pieces of the headline: "Russian Offensive Campaign Assessment").
bool is_no_author(const std::string& name, const std::string& folded_title) {
  for (unsigned char c : name) {
    if (std::isdigit(c)) return true;
  }
  std::string folded = fold_case(name);
  if (folded.empty() || !folded_title.starts_with(folded)) return false;
  return folded_title.size() == folded.size() ||
         !std::isalnum(static_cast<unsigned char>(folded_title[folded.size()]));
}

}  // namespace

void add_author(Article& article, std::string name) {
  std::string key = actor_key(name);
  if (key.empty()) return;
  for (const auto& a : article.authors) {
    if (actor_key(a) == key) return;
  }
  article.authors.push_back(std::move(name));
}

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
      // `authors`/`author` (a list, or one string "A, B and C") fill the
      // author field and stay in `extra` as they came.
      if (key == "authors" || key == "author") add_authors(value, article);
      article.extra[key] = value;
    }
  }
  // Checked once the title is known (keys come in any order).
  std::string folded_title = fold_case(trim_space(article.title));
  std::erase_if(article.authors, [&](const std::string& name) {
    return is_no_author(name, folded_title);
  });
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
