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
  // Where it was found: "json-ld", "meta", "time", "url", "script", "text",
  // "page"; "" when none was.
  std::string found_in;
};

// In order, the first plausible date of: JSON-LD datePublished (then
// dateCreated), article:published_time and the other publication meta
// tags (a bare <meta name=date> only after a <time> marked as published),
// a JSON-LD video's or podcast's date, site-specific publication
// meta keys, a <time>/itemprop=datePublished element not marked as an
// update, the URL's path (/2025/06/02/), a publication key in the page's
// inline JSON ("publishedDate"), a date written in the elements around the
// headline and byline (two-digit years too: "30.10.23"), one written at the
// start of the article container, then the first one the page's text
// writes. Written dates labelled as a change ("Updated", "Letzte
// Änderung") yield to the others beside them. Dates are as the publisher
// wrote them (its own UTC offset); a UTC stamp one day from the URL's day
// moves to it when an offset in use (UTC-10 to UTC+14) puts it there.
// A date after `today` (a day's slack) or before 1995 is not plausible:
// never a date in the future.
PageDate find_publication_date(const HtmlTree& tree, const PageSignals& signals,
                               std::string_view url, const GumboNode* container,
                               std::chrono::sys_days today);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_DATE_H_
