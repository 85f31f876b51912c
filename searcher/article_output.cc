// Printing one whole stored article (newsdex-search --show).
#include "searcher/article_output.h"

#include "common/actors.h"
#include "common/json_text.h"
#include "searcher/rendering.h"

namespace newsdex {

void write_article_human(const StoredArticle& a, std::ostream& out) {
  auto line = [&](const std::string& label, const std::string& value) {
    if (value.empty()) return;
    std::string padded = label + ":";
    if (padded.size() < 10) padded.resize(10, ' ');
    out << terminal_text(padded) << ' ' << terminal_text(value) << '\n';
  };
  auto joined = [](const std::vector<std::string>& values) {
    std::string text;
    for (const auto& v : values) text += (text.empty() ? "" : ", ") + v;
    return text;
  };
  line("id", a.id);
  line("title", a.title);
  line("source", a.source);
  line("date", a.datetime_iso.empty() ? a.date_iso : a.datetime_iso);
  line("url", a.url);
  line("authors", joined(a.authors));
  std::vector<std::string> actors;
  for (const Actor& actor : a.actors) {
    actors.push_back(actor.name + " (" + actor_type_name(actor.type) + ")");
  }
  line("actors", joined(actors));
  nlohmann::json extra = a.extra();
  for (const auto& [key, value] : extra.items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : value) {
        items.push_back(item.is_string() ? item.get<std::string>()
                                         : item.dump());
      }
      text = joined(items);
    } else {
      text = value.dump();
    }
    line(key, text);
  }
  out << '\n';
  // The text keeps its paragraphs; control characters are made safe.
  std::string_view text = a.text;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    out << terminal_text(text.substr(0, end)) << '\n';
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

nlohmann::json dropped_to_json(const StoredArticle& article) {
  return {{"id", article.id},
          {"dropped_chars", article.dropped_chars},
          {"blocks", article.dropped}};
}

void write_dropped_human(const StoredArticle& article, std::ostream& out) {
  out << terminal_text(article.id) << ": " << article.dropped.size()
      << " blocks, " << article.dropped_chars << " bytes dropped\n";
  for (const auto& block : article.dropped) {
    out << "[" << terminal_text(block.value("kind", "")) << "] "
        << terminal_text(block.value("text", "")) << '\n';
  }
}

}  // namespace newsdex
