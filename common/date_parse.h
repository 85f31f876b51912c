// Publication dates: parsing the forms news metadata uses, and the sortable
// keys newsdex stores for filtering, sorting and facet counting.
#ifndef NEWSDEX_COMMON_DATE_PARSE_H_
#define NEWSDEX_COMMON_DATE_PARSE_H_

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// How much of a date is known. A record dated "2025-06" has month precision
// and is never pretended to be June 1st.
enum class DatePrecision { kYear, kMonth, kDay, kTime };

// A calendar date in UTC, with a time of day when the input had one.
struct ArticleDate {
  int year = 0;
  unsigned month = 0;  // 1-12, 0 when unknown
  unsigned day = 0;    // 1-31, 0 when unknown
  int hour = 0, minute = 0, second = 0;
  DatePrecision precision = DatePrecision::kDay;

  // "YYYY", "YYYYMM" or "YYYYMMDD": sorts as a string, stored in the date
  // value slot and used for range filters.
  std::string key() const;
  // "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ".
  std::string iso() const;
  // The calendar part only: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  std::string iso_date() const;

  bool operator==(const ArticleDate&) const = default;
};

// Parses a date in any of the forms news metadata uses: ISO 8601 (date,
// date-time, with "Z" or an offset, fractional seconds), RFC 2822, Unix
// seconds or milliseconds, "June 2, 2025", "2 June 2025", "Jun 2 2025",
// Reuters' "26-FEB-1987 15:01:01.79" (junk after the time is ignored),
// "YYYY-MM", "YYYY" and "YYYYMMDD". Times are converted to UTC. Returns
// nullopt for text that is not a date or names an impossible one.
std::optional<ArticleDate> parse_date(std::string_view text);

// Turns a date key ("2025", "202506", "20250602") into its display form
// ("2025", "2025-06", "2025-06-02"); other strings are returned unchanged.
std::string date_key_to_iso(std::string_view key);

// Bounds for a range filter over date keys. The lower bound of "2025-06"
// is "202506" and its upper bound "202506~", so the range covers every key
// that starts with "202506".
std::string date_lower_bound(const ArticleDate& date);
std::string date_upper_bound(const ArticleDate& date);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_DATE_PARSE_H_
