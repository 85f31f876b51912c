// Dates as pages write them in text ("Posted on June 2, 2025",
// "2. Juni 2025", "02.06.2025") and in URL paths (/2025/06/02/).
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_WRITTEN_DATE_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_WRITTEN_DATE_H_

#include <optional>
#include <string_view>

#include "common/date_parse.h"

namespace newsdex {

// The first date written in free text ("Posted on June 2, 2025 by ...",
// "2. Juni 2025", "02.06.2025", "2025-06-02", "2025年6月2日"), month names
// in English, German, French, Spanish, Italian, Portuguese, Dutch,
// Turkish, Polish, Russian and Ukrainian. Numeric dates with dots or
// dashes are day first; with slashes, month first when `month_first` (or
// when the day could not be a month). nullopt when there is none or the
// day is impossible.
std::optional<ArticleDate> find_date_in_text(std::string_view text,
                                             bool month_first);

// The date in a URL's path: /2025/06/02/, /2025-06-02/, /20250602/.
std::optional<ArticleDate> find_date_in_url(std::string_view url);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_WRITTEN_DATE_H_
