// Publication dates: parsing the forms news metadata uses, and the sortable
// keys newsdex stores for filtering, sorting and facet counting.
#ifndef NEWSDEX_COMMON_DATE_PARSE_H_
#define NEWSDEX_COMMON_DATE_PARSE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// How much of a date is known. A record dated "2025-06" has month precision
// and is never pretended to be June 1st.
enum class DatePrecision { kYear, kMonth, kDay, kTime };

// A publication date as the publisher wrote it: the calendar date (and
// time of day, when the input had one) in the publisher's own UTC offset.
// An article published at 22:00 in New York on 24 January is of 24
// January, although it is 25 January in UTC; the exact instant is kept
// too (iso()).
struct ArticleDate {
  int year = 0;
  unsigned month = 0;                    // 1-12, 0 when unknown
  unsigned day = 0;                      // 1-31, 0 when unknown
  int hour = 0, minute = 0, second = 0;  // local time, with kTime
  int utc_offset_minutes = 0;            // local time minus UTC, with kTime
  DatePrecision precision = DatePrecision::kDay;

  // The publication day, "YYYY", "YYYYMM" or "YYYYMMDD": sorts as a
  // string, stored in the date value slot and used for range filters and
  // facets.
  std::string key() const;
  // With a time, the instant in UTC ("YYYY-MM-DDTHH:MM:SSZ"); else what
  // iso_date() gives.
  std::string iso() const;
  // The publication day only: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  std::string iso_date() const;

  bool operator==(const ArticleDate&) const = default;
};

// Parses a date in any of the forms news metadata uses: ISO 8601 (date,
// date-time, with "Z" or an offset, fractional seconds), RFC 2822, Unix
// seconds or milliseconds, "June 2, 2025", "2 June 2025", "Jun 2 2025",
// Reuters' "26-FEB-1987 15:01:01.79" (junk after the time is ignored),
// "YYYY-MM", "YYYY" and "YYYYMMDD". The date is the one written, in the
// offset or zone given (UTC for Unix time; a time without an offset is
// taken as UTC). Returns nullopt for text that is not a date or names an
// impossible one.
std::optional<ArticleDate> parse_date(std::string_view text);

// Turns a date key ("2025", "202506", "20250602") into its display form
// ("2025", "2025-06", "2025-06-02"); other strings are returned unchanged.
std::string date_key_to_iso(std::string_view key);

// Why `date` cannot be a publication date as of `today`: "" when it can,
// else a reason ("is in the future", "is before the year 1000"). A day of
// slack allows for time zones.
std::string implausible_date_reason(const ArticleDate& date,
                                    std::chrono::sys_days today);

// A span of dates as range bounds over date keys: every key k with
// lower <= k <= upper is in the span.
struct DatePeriod {
  std::string lower;
  std::string upper;
};

// Parses what a user types for a date filter: any form parse_date()
// accepts (the period is that year, month or day), or a date relative to
// `today` as notmuch has them: "today", "yesterday", "7d" / "2w" / "3m" /
// "1y" (that many days, weeks, months, years ago), "this-week",
// "last-week", "this-month", "last-month", "this-year", "last-year"
// (weeks start on Monday). Returns nullopt for anything else.
std::optional<DatePeriod> parse_date_period(std::string_view text,
                                            std::chrono::sys_days today);

// Bounds for a range filter over date keys. The lower bound of "2025-06"
// is "202506" and its upper bound "202506~", so the range covers every key
// that starts with "202506".
std::string date_lower_bound(const ArticleDate& date);
std::string date_upper_bound(const ArticleDate& date);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_DATE_PARSE_H_
