// Dates as pages write them in text ("Posted on June 2, 2025",
// "2. Juni 2025", "02.06.2025") and in URL paths (/2025/06/02/).
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_WRITTEN_DATE_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_WRITTEN_DATE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "common/date_parse.h"

namespace newsdex {

// Whether a numeric date may write its year with two digits ("31.10.23",
// read as 2023): only where the page marks the text as a date, since in
// running text such a number is as often a version or a score.
enum class YearDigits { kFour, kTwoOrFour };

// The first date written in free text ("Posted on June 2, 2025 by ...",
// "2. Juni 2025", "02.06.2025", "2025-06-02", "2025年6月2日"), month names
// in English, German, French, Spanish, Italian, Portuguese, Dutch,
// Turkish, Polish, Russian and Ukrainian. Numeric dates with dots or
// dashes are day first; with slashes, month first when `month_first` (or
// when the day could not be a month). With YearDigits::kTwoOrFour, also
// day-first dates with dots and a two-digit year (20YY). nullopt when there
// is none or the day is impossible.
std::optional<ArticleDate> find_date_in_text(
    std::string_view text, bool month_first,
    YearDigits years = YearDigits::kFour);

// A date written in text and what the words just before it say of it.
struct WrittenDate {
  ArticleDate date;
  std::size_t offset = 0;  // where it starts in the text, in bytes
  // Labelled as a change ("Updated", "Letzte Änderung", "mis à jour") or as
  // the publication ("Published", "Erschienen am", "publié le").
  bool labelled_updated = false;
  bool labelled_published = false;
};

// Every date written in `text` (as find_date_in_text reads them), in order,
// with the labels that precede each (between it and the date before).
std::vector<WrittenDate> find_dates_in_text(
    std::string_view text, bool month_first,
    YearDigits years = YearDigits::kFour);

// The date in a URL's path: /2025/06/02/, /2025-06-02/, /20250602/.
std::optional<ArticleDate> find_date_in_url(std::string_view url);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_WRITTEN_DATE_H_
