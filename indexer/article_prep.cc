// Page preparation on the page cleaner.
#include "indexer/article_prep.h"

#include "common/page_cleaner.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

// Splits a page into its first non-blank line and the rest.
std::pair<std::string, std::string> split_headline(const std::string& page) {
  std::size_t pos = 0;
  while (pos < page.size()) {
    std::size_t end = page.find('\n', pos);
    if (end == std::string::npos) end = page.size();
    std::string_view line =
        trim_space(std::string_view(page).substr(pos, end - pos));
    if (!line.empty()) {
      return {std::string(line),
              end < page.size() ? page.substr(end + 1) : std::string()};
    }
    pos = end + 1;
  }
  return {"", ""};
}

}  // namespace

void prepare_article(Article& article, bool clean) {
  if (!article.is_page) {
    // Records with their own title and text (JSON Lines) get the cautious
    // cleaner, and only when their text shows page noise.
    if (!clean || !looks_like_scraped_page(article.text)) return;
    CleanedPage cleaned = clean_record(article.text);
    if (cleaned.dropped_chars == 0) return;
    article.text = std::move(cleaned.text);
    article.dropped = nlohmann::json::array();
    for (const PageBlock& b : cleaned.blocks) {
      if (b.kind == BlockKind::kArticle) continue;
      article.dropped.push_back(
          {{"kind", block_kind_name(b.kind)}, {"text", b.text}});
    }
    article.dropped_chars = cleaned.dropped_chars;
    return;
  }
  article.is_page = false;
  bool has_title = !trim_space(article.title).empty();
  if (!clean) {
    if (!has_title) {
      auto [headline, body] = split_headline(article.text);
      article.title = std::move(headline);
      article.text = std::move(body);
    }
    return;
  }
  CleanedPage page = clean_page(article.text);
  article.text = std::move(page.text);
  article.dropped = nlohmann::json::array();
  for (const PageBlock& b : page.blocks) {
    if (b.kind == BlockKind::kArticle || b.kind == BlockKind::kHeadline)
      continue;
    article.dropped.push_back(
        {{"kind", block_kind_name(b.kind)}, {"text", b.text}});
  }
  article.dropped_chars = page.dropped_chars;
  if (!has_title) {
    article.title =
        page.headline.empty() ? first_sentence(article.text) : page.headline;
  }
}

}  // namespace newsdex
