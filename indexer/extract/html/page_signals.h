// What a page says about itself in markup: <meta> tags, JSON-LD objects,
// <link rel=canonical>, <html lang>. Read once, consulted by the title,
// date, source, author and language rules.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_SIGNALS_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_SIGNALS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/extract/html/html_tree.h"

namespace newsdex {

// One JSON-LD object describing the page or its article.
struct JsonLdArticle {
  std::string type;  // "NewsArticle", "WebPage", ...
  std::string headline;
  std::string date_published, date_created, date_modified;
  std::string publisher;  // publisher.name
  std::string language;   // inLanguage
  std::string url;
  std::vector<std::string> authors;  // author[].name, as written
};

struct PageSignals {
  // Every <meta> with content, in page order: the key is its name,
  // property, itemprop or http-equiv, lower-cased.
  std::vector<std::pair<std::string, std::string>> meta;
  // Article-like objects first (NewsArticle, Article, BlogPosting, ...),
  // then pages (WebPage), each group in page order.
  std::vector<JsonLdArticle> json_ld;
  std::string canonical;                 // <link rel=canonical href>
  std::string html_lang;                 // <html lang>
  std::vector<std::string> rel_authors;  // texts of <a rel=author>
  // JSON-LD VideoObject and AudioObject dates (datePublished, else
  // uploadDate): a video page's date, or an embedded clip's.
  std::vector<std::string> media_dates;
  // Values of the keys that name a publication date ("publishedDate",
  // "published_at", "datePublished", ...) in the page's inline scripts
  // (a page's JSON state, JSON-LD that did not parse), in page order, the
  // first few; only values that start as an ISO date does ("2016-11-04").
  std::vector<std::string> script_dates;

  // The first non-empty content of meta `key` (lower case), or "".
  std::string_view meta_value(std::string_view key) const;
};

// Reads `tree`'s metadata. JSON-LD that does not parse (the project's
// bounded JSON parser) is ignored; never throws for any page.
PageSignals read_page_signals(const HtmlTree& tree);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_SIGNALS_H_
