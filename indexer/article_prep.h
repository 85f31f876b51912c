// The last step before an article is written: saved pages are cleaned
// (or, without cleaning, split into headline and body) and given a title.
#ifndef NEWSDEX_INDEXER_ARTICLE_PREP_H_
#define NEWSDEX_INDEXER_ARTICLE_PREP_H_

#include "common/document_record.h"

namespace newsdex {

// For a saved page (`article.is_page`): with `clean`, keeps only the
// article text (common/page_cleaner.h), records what was dropped, and
// takes as title the metadata title, else the page's headline, else the
// article's first sentence; without `clean`, the page's first non-blank
// line is the title (unless metadata gave one) and the rest the text.
// Records that are not pages (JSON Lines, with their own title and text)
// go through the cautious clean_record() when, with `clean`, their text
// shows page noise; clean text is left as it is.
void prepare_article(Article& article, bool clean);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_ARTICLE_PREP_H_
