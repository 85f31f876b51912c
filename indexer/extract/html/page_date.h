// The publication date of a web page: from the most reliable place the
// page offers, never the modified date, never a date after `today`.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_DATE_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_DATE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/date_parse.h"
#include "indexer/extract/html/html_tree.h"
#include "indexer/extract/html/page_signals.h"
#include "indexer/extract/html/written_date.h"

namespace newsdex {

struct PageDate {
  std::optional<ArticleDate> date;
  // Where it was found: "json-ld", "meta", "time", "url", "text"; "" when
  // none was.
  std::string found_in;
};

// In order, the first plausible date of: JSON-LD datePublished (then
// dateCreated), article:published_time and the other publication meta
// tags, a <time>/itemprop=datePublished element not marked as an update,
// the URL's path (/2025/06/02/), a date written in the elements around the
// headline and byline, then one written at the start of the article
// container. Dates are as the publisher wrote them (its own UTC offset).
// A date after `today` (a day's slack) or before 1995 is not plausible.
PageDate find_publication_date(const HtmlTree& tree, const PageSignals& signals,
                               std::string_view url, const GumboNode* container,
                               std::chrono::sys_days today);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_DATE_H_
