// The title, outlet, authors, canonical URL and language of a page, each
// from the most reliable place the page offers.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_METADATA_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/html/html_tree.h"
#include "indexer/extract/html/page_signals.h"

namespace newsdex {

// `title` without a site name set off at its end or start ("... |
// Reuters", "... - BBC News", "Reuters | ..."): the part dropped names
// `site` or is short (at most four words) beside a longer headline.
std::string strip_site_suffix(std::string_view title, std::string_view site);

// og:title, JSON-LD headline, the page's <h1>, then <title>, each without
// a site suffix. An og:title or headline that is only the site's name is
// passed over.
std::string page_title(const HtmlTree& tree, const PageSignals& signals,
                       std::string_view site);

// og:site_name, JSON-LD publisher.name, application-name, else the host
// of `url` ("bbc.co.uk").
std::string page_source(const PageSignals& signals, std::string_view url);

// JSON-LD author names, else <meta name=author> (and its variants), else
// <a rel=author>, else a byline ("By Jane Doe and John Roe") in an
// element whose class or id says byline or author, near `container`.
// Names that are URLs or the outlet's own name are dropped.
std::vector<std::string> page_authors(const HtmlTree& tree,
                                      const PageSignals& signals,
                                      const GumboNode* container,
                                      std::string_view source);

// The canonical URL (<link rel=canonical>, og:url, JSON-LD url), made
// absolute against `url`; else `url`.
std::string page_url(const PageSignals& signals, std::string_view url);

// The primary language subtag of <html lang>, og:locale,
// Content-Language or JSON-LD inLanguage ("en-GB" -> "en"), or "".
std::string page_language(const PageSignals& signals);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_METADATA_H_
