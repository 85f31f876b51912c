// Date parsing on Howard Hinnant's date library: each accepted form is a
// format string, tried in turn; the first that consumes the input wins.
#include "common/date_parse.h"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

using Millis = std::chrono::milliseconds;
using SysMillis = date::sys_time<Millis>;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
}

// Years outside this range are taken as errors, not dates.
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

std::optional<ArticleDate> from_ymd(date::year_month_day ymd,
                                    DatePrecision precision) {
  if (!ymd.ok()) return std::nullopt;
  int y = static_cast<int>(ymd.year());
  if (y < kMinYear || y > kMaxYear) return std::nullopt;
  ArticleDate d;
  d.year = y;
  d.month = static_cast<unsigned>(ymd.month());
  d.day = static_cast<unsigned>(ymd.day());
  d.precision = precision;
  return d;
}

// The date and time at `offset` from UTC of the instant `tp`.
std::optional<ArticleDate> from_time_point(
    SysMillis tp, std::chrono::minutes offset = std::chrono::minutes{0}) {
  SysMillis local = tp + offset;
  auto day = date::floor<date::days>(local);
  auto result = from_ymd(date::year_month_day{day}, DatePrecision::kTime);
  if (!result) return std::nullopt;
  date::hh_mm_ss<Millis> tod{local - day};
  result->hour = static_cast<int>(tod.hours().count());
  result->minute = static_cast<int>(tod.minutes().count());
  result->second = static_cast<int>(tod.seconds().count());
  result->utc_offset_minutes = static_cast<int>(offset.count());
  return result;
}

// Whether `text` ends with a UTC offset "+hhmm" or "-hhmm" (white space
// after it aside), hh at most 14 and mm at most 59.
bool ends_with_offset(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.size() < 5) return false;
  std::string_view offset = text.substr(text.size() - 5);
  if (offset[0] != '+' && offset[0] != '-') return false;
  for (char c : offset.substr(1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  int hours = (offset[1] - '0') * 10 + (offset[2] - '0');
  int minutes = (offset[3] - '0') * 10 + (offset[4] - '0');
  return hours <= 14 && minutes <= 59;
}

// Parses all of `text` with `format` into a time point; trailing white
// space is allowed, anything else is not unless `allow_junk`.
// `offset`, when given, receives the UTC offset a %z field read (out is
// then the instant in UTC).
template <typename T>
bool parse_all(const std::string& text, const char* format, T& out,
               bool allow_junk = false,
               std::chrono::minutes* offset = nullptr) {
  // date.h reads seconds as a long double and converts it before it checks
  // it: seconds that are not digits ("10:00:GMT") make it convert NaN,
  // which is undefined behaviour (found by scripts/fuzz date). The
  // minutes and the seconds always start with a digit after their colon.
  if (std::string_view(format).find("%S") != std::string_view::npos) {
    std::size_t c = text.find(':');
    for (int field = 0; field < 2 && c != std::string::npos; ++field) {
      if (c + 1 == text.size() ||
          !std::isdigit(static_cast<unsigned char>(text[c + 1]))) {
        return false;
      }
      c = text.find(':', c + 1);
    }
  }
  // Likewise an offset it cannot read is negated as the smallest integer:
  // a %z field must end the text, as +hhmm within 14:59 of UTC (which also
  // refuses nonsense such as +9999).
  if (std::string_view(format).find("%z") != std::string_view::npos) {
    if (!ends_with_offset(text)) return false;
    // %z is read after the time's first colon; a sign there that does not
    // start two digits is what date.h fails to read and then negates.
    for (std::size_t i = text.find(':'); i < text.size(); ++i) {
      if ((text[i] == '+' || text[i] == '-') &&
          (i + 2 >= text.size() ||
           !std::isdigit(static_cast<unsigned char>(text[i + 1])) ||
           !std::isdigit(static_cast<unsigned char>(text[i + 2])))) {
        return false;
      }
    }
  }
  std::istringstream in(text);
  std::chrono::minutes read_offset{0};
  in >> date::parse(format, out, read_offset);
  if (in.fail()) return false;
  if (offset != nullptr) *offset = read_offset;
  if (allow_junk) return true;
  in >> std::ws;
  return in.peek() == std::char_traits<char>::eof();
}

// RFC 2822 and US feeds name zones; date.h's %z wants an offset.
std::string replace_zone_name(std::string s) {
  static constexpr std::array<std::pair<const char*, const char*>, 12> kZones{{
      {" GMT", " +0000"},
      {" UTC", " +0000"},
      {" UT", " +0000"},
      {" Z", " +0000"},
      {" EST", " -0500"},
      {" EDT", " -0400"},
      {" CST", " -0600"},
      {" CDT", " -0500"},
      {" MST", " -0700"},
      {" MDT", " -0600"},
      {" PST", " -0800"},
      {" PDT", " -0700"},
  }};
  for (const auto& [name, offset] : kZones) {
    std::string_view n(name);
    if (s.size() > n.size() &&
        s.compare(s.size() - n.size(), n.size(), n) == 0) {
      return s.substr(0, s.size() - n.size()) + offset;
    }
  }
  return s;
}

std::optional<ArticleDate> parse_digits(const std::string& s) {
  auto number = [&](std::size_t pos, std::size_t len) {
    return std::stoi(s.substr(pos, len));
  };
  switch (s.size()) {
    case 4: {
      int y = number(0, 4);
      if (y < kMinYear || y > kMaxYear) return std::nullopt;
      ArticleDate d;
      d.year = y;
      d.precision = DatePrecision::kYear;
      return d;
    }
    case 6: {
      int y = number(0, 4), m = number(4, 2);
      if (y < kMinYear || m < 1 || m > 12) return std::nullopt;
      ArticleDate d;
      d.year = y;
      d.month = static_cast<unsigned>(m);
      d.precision = DatePrecision::kMonth;
      return d;
    }
    case 8:
      return from_ymd(date::year{number(0, 4)} /
                          static_cast<unsigned>(number(4, 2)) /
                          static_cast<unsigned>(number(6, 2)),
                      DatePrecision::kDay);
    default:
      break;
  }
  // Unix time: 9-11 digits are seconds, 12-14 milliseconds.
  if (s.size() >= 9 && s.size() <= 14) {
    long long n = std::stoll(s);
    Millis ms = s.size() <= 11 ? Millis{n * 1000} : Millis{n};
    return from_time_point(SysMillis{ms});
  }
  return std::nullopt;
}

std::optional<ArticleDate> parse_year_month(const std::string& s) {
  // "YYYY-MM" (ISO 8601 reduced precision).
  if (s.size() != 7 || s[4] != '-' || !all_digits(s.substr(0, 4)) ||
      !all_digits(s.substr(5, 2))) {
    return std::nullopt;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2));
  if (y < kMinYear || m < 1 || m > 12) return std::nullopt;
  ArticleDate d;
  d.year = y;
  d.month = static_cast<unsigned>(m);
  d.precision = DatePrecision::kMonth;
  return d;
}

// ISO 8601 date-times, after 'T' became ' ' and 'Z' became "+0000".
constexpr std::array kDateTimeFormats{
    "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M%z", "%Y-%m-%d %H:%M",
    // RFC 2822, with and without the weekday and the seconds; obsolete
    // two-digit years (%y: 69-99 are 19xx, 00-68 20xx) before four-digit.
    "%a, %d %b %y %H:%M:%S %z", "%d %b %y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M %z", "%d %b %Y %H:%M:%S %z",
    "%d %b %Y %H:%M %z", "%a %b %d %H:%M:%S %z %Y",
    // "November 16, 2021 12:51 AM" and friends.
    "%B %d, %Y %I:%M %p", "%B %d, %Y %H:%M", "%d %B %Y %H:%M",
    "%B %d %Y %H:%M"};

constexpr std::array kDateFormats{"%Y-%m-%d",      "%B %d, %Y", "%B %d %Y",
                                  "%d %B %Y",      "%d %B, %Y", "%a, %d %b %Y",
                                  "%A, %B %d, %Y", "%Y/%m/%d"};

std::string iso_to_parseable(std::string s) {
  // 2025-06-02T10:00:00Z -> 2025-06-02 10:00:00+0000
  if (s.size() > 10 && s[4] == '-' && s[7] == '-' &&
      (s[10] == 'T' || s[10] == 't')) {
    s[10] = ' ';
  }
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z') && s.size() > 10 &&
      std::isdigit(static_cast<unsigned char>(s[s.size() - 2]))) {
    s.back() = '+';
    s += "0000";
  }
  // date.h's %z wants +hhmm: drop the colon of a +hh:mm offset.
  if (s.size() > 16) {
    std::size_t n = s.size();
    if (s[n - 3] == ':' && (s[n - 6] == '+' || s[n - 6] == '-') &&
        all_digits(s.substr(n - 5, 2)) && all_digits(s.substr(n - 2, 2))) {
      s.erase(n - 3, 1);
    }
  }
  return s;
}

}  // namespace

std::optional<ArticleDate> parse_date(std::string_view text) {
  std::string s(trim_space(text));
  if (s.empty()) return std::nullopt;
  if (all_digits(s)) return parse_digits(s);
  if (auto ym = parse_year_month(s)) return ym;

  std::string candidate = replace_zone_name(iso_to_parseable(s));
  for (const char* format : kDateTimeFormats) {
    SysMillis tp;
    std::chrono::minutes offset{0};
    if (parse_all(candidate, format, tp, false, &offset)) {
      return from_time_point(tp, offset);
    }
  }
  for (const char* format : kDateFormats) {
    date::sys_days day;
    if (parse_all(candidate, format, day)) {
      return from_ymd(date::year_month_day{day}, DatePrecision::kDay);
    }
  }
  // Reuters-21578: "26-FEB-1987 15:01:01.79", sometimes with junk after.
  {
    SysMillis tp;
    if (parse_all(s, "%d-%b-%Y %H:%M:%S", tp, /*allow_junk=*/true)) {
      return from_time_point(tp);
    }
    // A date with an impossible time ("31-MAR-1987 605:12:19.12"): keep
    // the day, drop the time.
    date::sys_days day;
    std::istringstream in(s);
    in >> date::parse("%d-%b-%Y", day);
    if (!in.fail()) {
      int next = in.peek();
      if (next == std::char_traits<char>::eof() || std::isspace(next)) {
        return from_ymd(date::year_month_day{day}, DatePrecision::kDay);
      }
    }
  }
  return std::nullopt;
}

std::string ArticleDate::key() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d%02u", year, month);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%04d%02u%02u", year, month, day);
  }
  return buf;
}

std::string ArticleDate::iso_date() const { return date_key_to_iso(key()); }

std::string ArticleDate::iso() const {
  if (precision != DatePrecision::kTime) return iso_date();
  // The local time written, moved back by its offset.
  auto local = date::sys_days{date::year{year} / month / day} +
               std::chrono::hours{hour} + std::chrono::minutes{minute} +
               std::chrono::seconds{second};
  auto utc = local - std::chrono::minutes{utc_offset_minutes};
  auto utc_day = date::floor<date::days>(utc);
  date::year_month_day ymd{utc_day};
  date::hh_mm_ss<std::chrono::seconds> tod{utc - utc_day};
  char buf[32];
  std::snprintf(
      buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ",
      static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
      static_cast<unsigned>(ymd.day()), static_cast<int>(tod.hours().count()),
      static_cast<int>(tod.minutes().count()),
      static_cast<int>(tod.seconds().count()));
  return buf;
}

std::string date_key_to_iso(std::string_view key) {
  if (!all_digits(key)) return std::string(key);
  switch (key.size()) {
    case 4:
      return std::string(key);
    case 6:
      return std::string(key.substr(0, 4)) + "-" + std::string(key.substr(4));
    case 8:
      return std::string(key.substr(0, 4)) + "-" +
             std::string(key.substr(4, 2)) + "-" +
             std::string(key.substr(6, 2));
    default:
      return std::string(key);
  }
}

std::string date_lower_bound(const ArticleDate& date) { return date.key(); }

std::string implausible_date_reason(const ArticleDate& date,
                                    std::chrono::sys_days today) {
  constexpr int kFirstNewsYear = 1000;
  if (date.year < kFirstNewsYear) return "is before the year 1000";
  date::year_month_day t{today + date::days{1}};
  int ty = static_cast<int>(t.year());
  unsigned tm = static_cast<unsigned>(t.month());
  unsigned td = static_cast<unsigned>(t.day());
  bool future =
      date.year > ty || (date.year == ty && date.month > 0 &&
                         (date.month > tm ||
                          (date.month == tm && date.day > 0 && date.day > td)));
  return future ? "is in the future" : "";
}

namespace {

std::string day_key(date::sys_days day) {
  date::year_month_day ymd{day};
  ArticleDate d;
  d.year = static_cast<int>(ymd.year());
  d.month = static_cast<unsigned>(ymd.month());
  d.day = static_cast<unsigned>(ymd.day());
  return d.key();
}

DatePeriod day_span(date::sys_days first, date::sys_days last) {
  return {day_key(first), day_key(last) + "~"};
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<DatePeriod> parse_date_period(std::string_view text,
                                            std::chrono::sys_days today) {
  std::string t = lower_ascii(trim_space(text));
  date::year_month_day ymd{today};
  auto weekday_index = (date::weekday{today}.iso_encoding() - 1);  // Monday 0
  date::sys_days monday = today - date::days{weekday_index};
  date::year_month month_now = ymd.year() / ymd.month();

  if (t == "today") return day_span(today, today);
  if (t == "yesterday")
    return day_span(today - date::days{1}, today - date::days{1});
  if (t == "this-week") return day_span(monday, monday + date::days{6});
  if (t == "last-week") {
    return day_span(monday - date::days{7}, monday - date::days{1});
  }
  auto month_span = [](date::year_month m) {
    return day_span(date::sys_days{m / 1}, date::sys_days{m / date::last});
  };
  if (t == "this-month") return month_span(month_now);
  if (t == "last-month") return month_span(month_now - date::months{1});
  auto year_span = [](date::year y) {
    return day_span(date::sys_days{y / 1 / 1}, date::sys_days{y / 12 / 31});
  };
  if (t == "this-year") return year_span(ymd.year());
  if (t == "last-year") return year_span(ymd.year() - date::years{1});

  // "7d", "2w", "3m", "1y": that long ago.
  if (t.size() >= 2 && t.size() <= 6 &&
      std::string_view("dwmy").find(t.back()) != std::string_view::npos &&
      all_digits(t.substr(0, t.size() - 1))) {
    int n = std::stoi(t.substr(0, t.size() - 1));
    date::sys_days day;
    switch (t.back()) {
      case 'd':
        day = today - date::days{n};
        break;
      case 'w':
        day = today - date::days{7 * n};
        break;
      case 'm': {
        auto m = month_now - date::months{n};
        auto d = m / ymd.day();
        day = d.ok() ? date::sys_days{d} : date::sys_days{m / date::last};
        break;
      }
      case 'y': {
        auto y = (ymd.year() - date::years{n}) / ymd.month() / ymd.day();
        day = y.ok() ? date::sys_days{y}
                     : date::sys_days{y.year() / y.month() / date::last};
        break;
      }
      default:
        return std::nullopt;
    }
    return day_span(day, day);
  }
  auto absolute = parse_date(text);
  if (!absolute) return std::nullopt;
  return DatePeriod{date_lower_bound(*absolute), date_upper_bound(*absolute)};
}

std::string date_upper_bound(const ArticleDate& date) {
  return date.key() + "~";
}

}  // namespace newsdex
