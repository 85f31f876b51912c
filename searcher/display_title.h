// The title a hit is shown with: the article's own, or, for an article
// published without a headline, one made from what it has.
#ifndef NEWSDEX_SEARCHER_DISPLAY_TITLE_H_
#define NEWSDEX_SEARCHER_DISPLAY_TITLE_H_

#include <cstddef>
#include <string>

#include "common/document_record.h"

namespace newsdex {

// How long a title made from the text may be, in bytes (then cut at a word,
// with an ellipsis): about a headline's length.
inline constexpr std::size_t kDisplayTitleChars = 100;

// The article's title when it has one (not just white space); else the
// first sentence of its text (at most kDisplayTitleChars, cut at a word);
// else its URL; else its id. Made when shown, never stored or indexed:
// the title field (title: searches, the title's ranking weight) holds only
// titles the input gave or the page showed.
std::string display_title(const StoredArticle& article);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_DISPLAY_TITLE_H_
