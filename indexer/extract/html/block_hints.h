// What class and id names, roles and short block texts say about a block
// of a page: article body, boilerplate, or furniture Readability passes
// over. Matched against lower-cased class and id (class_and_id()).
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_BLOCK_HINTS_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_BLOCK_HINTS_H_

#include <string>
#include <string_view>

#include "indexer/extract/html/html_tree.h"

namespace newsdex {

// Readability's positive and negative class weights (article, body,
// content, entry, post, story...; comment, footer, share, sidebar, ...).
bool positive_hint(std::string_view ci);
bool negative_hint(std::string_view ci);

// Elements whose paragraphs Readability never scores (banners, menus,
// comments, sidebars), unless the name also says article, body, content
// or main.
bool unlikely_candidate(std::string_view ci);

// ARIA roles of page furniture (navigation, menu, complementary, dialog).
bool unlikely_role(std::string_view role);

// A block inside the article body that holds no article text: share and
// social bars, related stories, newsletters, bylines, captions, ads,
// hover cards. Embedded posts (a quoted tweet) are never boilerplate.
bool boilerplate_hint(std::string_view ci);

// The page's own markup for its article body: itemprop=articleBody or a
// well-known body class (article-body, entry-content, story-body, ...).
bool body_markup(const GumboNode* element, std::string_view ci);

// A share, reading or advertising prompt standing alone as a block
// ("Advertisement", "Read more:", "Share this article", "Weiterlesen"), or
// a line of hashtags.
bool is_prompt(const std::string& text);

// A short closing paragraph that asks the reader to subscribe or follow,
// says how to reach the author, or is a copyright line.
bool is_closing_prompt(const std::string& text);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_BLOCK_HINTS_H_
