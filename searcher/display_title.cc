// Display titles for articles without a headline (RUWA's sub-heading-only
// records, feeds that give only a summary).
#include "searcher/display_title.h"

#include "common/page_cleaner.h"
#include "common/text_utf8.h"

namespace newsdex {

std::string display_title(const StoredArticle& article) {
  if (!trim_space(article.title).empty()) return article.title;
  std::string sentence = first_sentence(article.text, kDisplayTitleChars);
  if (!sentence.empty()) return sentence;
  if (!article.url.empty()) return article.url;
  return article.id;
}

}  // namespace newsdex
