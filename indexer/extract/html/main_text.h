// The main text of an article page: the body only, as paragraphs, without
// the navigation, share bars, teasers, comments and footers around it.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_MAIN_TEXT_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_MAIN_TEXT_H_

#include <string>

#include "indexer/extract/html/html_tree.h"

namespace newsdex {

struct MainText {
  // Paragraphs (headings, list items, quotations, table cells among them)
  // in reading order, separated by blank lines. Empty when the page has no
  // article text (an index page, a login wall).
  std::string text;
  // The element the text came from (null when none was found): metadata
  // looks for the byline and the date near it.
  const GumboNode* container = nullptr;
};

// Finds the article body the way Readability and trafilatura do, with
// their signals together: the page's structure (itemprop=articleBody,
// <article>, <main>, well-known body classes), paragraph scores that grow
// with text and commas and pass up to the ancestors, link density, and
// class/id hints (positive: article, body, content, story, post, entry;
// negative: nav, menu, footer, comment, share, related, promo, sidebar,
// cookie, subscribe, newsletter, ad). Inside the body, boilerplate blocks
// (share bars, related-story lists, captions, prompts) are dropped.
// `title`, when known, is not repeated as text.
MainText extract_main_text(const HtmlTree& tree, const std::string& title);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_MAIN_TEXT_H_
