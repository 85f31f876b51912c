// Document data is JSON: readable with xapian-delve and easy to grow.
#include "common/document_record.h"

#include <xxhash.h>

#include <cstdio>

#include "common/schema.h"

namespace newsdex {

std::string article_id_term(const std::string& id) {
  constexpr std::size_t kMaxIdBytes = 200;
  std::string term(schema::kIdPrefix);
  if (id.size() <= kMaxIdBytes) return term + id;
  char hash[24];
  std::snprintf(
      hash, sizeof hash, "#%016llx",
      static_cast<unsigned long long>(XXH3_64bits(id.data(), id.size())));
  return term + id.substr(0, kMaxIdBytes - 20) + hash;
}

std::string to_document_data(const Article& article) {
  nlohmann::json j = {
      {"id", article.id},
      {"url", article.url},
      {"source", article.source},
      {"title", article.title},
      {"text", article.text},
      {"date", article.date ? article.date->iso() : std::string()}};
  if (!article.extra.empty()) j["extra"] = article.extra;
  if (!article.actors.empty()) {
    nlohmann::json actors = nlohmann::json::array();
    for (const Actor& a : article.actors) {
      actors.push_back({{"name", a.name}, {"type", actor_type_name(a.type)}});
    }
    j["actors"] = actors;
  }
  if (!article.dropped.empty()) {
    j["dropped"] = article.dropped;
    j["dropped_chars"] = article.dropped_chars;
  }
  return j.dump();
}

StoredArticle from_document_data(const std::string& data) {
  auto j = nlohmann::json::parse(data);
  StoredArticle a;
  a.id = j.value("id", "");
  a.url = j.value("url", "");
  a.source = j.value("source", "");
  a.title = j.value("title", "");
  a.text = j.value("text", "");
  a.date_iso = j.value("date", "");
  if (auto it = j.find("extra"); it != j.end()) a.extra = *it;
  if (auto it = j.find("dropped"); it != j.end()) a.dropped = *it;
  a.dropped_chars = j.value("dropped_chars", std::size_t{0});
  if (auto it = j.find("actors"); it != j.end()) {
    for (const auto& actor : *it) {
      a.actors.push_back(
          {actor.value("name", ""), actor.value("type", "") == "org"
                                        ? ActorType::kOrg
                                        : ActorType::kPerson});
    }
  }
  return a;
}

}  // namespace newsdex
