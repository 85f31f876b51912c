// Tests for common/date_parse.cc: every accepted form and the traps.
#include "common/date_parse.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("parse_date accepts the forms news metadata uses") {
  struct Row {
    const char* input;
    const char* iso;
  };
  const Row rows[] = {
      {"2025-06-02", "2025-06-02"},
      {"  2025-06-02 \n", "2025-06-02"},
      {"2025-06-02T10:11:12Z", "2025-06-02T10:11:12Z"},
      {"2025-06-02T10:11:12", "2025-06-02T10:11:12Z"},
      {"2025-06-02 10:11:12", "2025-06-02T10:11:12Z"},
      {"2025-06-02T10:11:12.345Z", "2025-06-02T10:11:12Z"},
      {"2025-06-02T10:11:12+02:00", "2025-06-02T08:11:12Z"},
      {"2025-06-02T10:11:12-0500", "2025-06-02T15:11:12Z"},
      // An offset can move the UTC date across midnight.
      {"2022-02-24T23:17:24-05:00", "2022-02-25T04:17:24Z"},
      {"2025-06-02T00:30:00+01:00", "2025-06-01T23:30:00Z"},
      {"Mon, 02 Jun 2025 10:11:12 +0000", "2025-06-02T10:11:12Z"},
      {"Mon, 02 Jun 2025 10:11:12 GMT", "2025-06-02T10:11:12Z"},
      {"02 Jun 2025 10:11:12 EST", "2025-06-02T15:11:12Z"},
      {"June 2, 2025", "2025-06-02"},
      {"2 June 2025", "2025-06-02"},
      {"Jun 2 2025", "2025-06-02"},
      {"November 16, 2021 12:51 AM", "2021-11-16T00:51:00Z"},
      {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
      {"5-MAR-1987 09:10:46.20 junk", "1987-03-05T09:10:46Z"},
      {"2025-06", "2025-06"},
      {"2025", "2025"},
      {"20250602", "2025-06-02"},
      {"1748858400", "2025-06-02T10:00:00Z"},
      {"1748858400000", "2025-06-02T10:00:00Z"},
      {"2024-02-29", "2024-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05Z"},  // two spaces
      {"27-MAR-1987 00:02:59.13RM", "1987-03-27T00:02:59Z"},
      // An impossible time keeps the day and drops the time.
      {"31-MAR-1987 605:12:19.12", "1987-03-31"},
      // Obsolete RFC 2822 two-digit years.
      {"Mon, 02 Jun 25 10:11:12 GMT", "2025-06-02T10:11:12Z"},
      {"Thu, 26 Feb 87 15:01:01 GMT", "1987-02-26T15:01:01Z"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    auto date = parse_date(row.input);
    REQUIRE(date.has_value());
    CHECK(date->iso() == row.iso);
  }
}

TEST_CASE("the day is the publisher's own, the time is kept as UTC") {
  // Issue #15: ISW's 22:00 in New York is already the next day in UTC, but
  // the report is of the day it was published there.
  struct Row {
    const char* input;
    const char* key;  // the publication day, in the offset given
    const char* iso;  // the instant, in UTC
  };
  const Row rows[] = {
      {"2023-01-24T22:00:00-05:00", "20230124", "2023-01-25T03:00:00Z"},
      {"2022-02-24T23:17:24-05:00", "20220224", "2022-02-25T04:17:24Z"},
      {"2025-06-02T00:30:00+01:00", "20250602", "2025-06-01T23:30:00Z"},
      {"2025-06-02T10:11:12-0500", "20250602", "2025-06-02T15:11:12Z"},
      {"02 Jun 2025 22:11:12 EST", "20250602", "2025-06-03T03:11:12Z"},
      {"Mon, 02 Jun 2025 23:30:00 -0800", "20250602", "2025-06-03T07:30:00Z"},
      {"2025-12-31T23:59:59-14:00", "20251231", "2026-01-01T13:59:59Z"},
      {"2025-01-01T00:00:01+14:00", "20250101", "2024-12-31T10:00:01Z"},
      {"2025-06-02T23:30:00Z", "20250602", "2025-06-02T23:30:00Z"},
      {"1748858400", "20250602", "2025-06-02T10:00:00Z"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    auto date = parse_date(row.input);
    REQUIRE(date.has_value());
    CHECK(date->key() == row.key);
    CHECK(date->iso_date() == date_key_to_iso(row.key));
    CHECK(date->iso() == row.iso);
    CHECK(date_lower_bound(*date) == row.key);
  }
}

TEST_CASE("parse_date rejects what is not a real date") {
  const char* rows[] = {"",
                        "yesterday-ish",
                        "2025-13-01",
                        "2023-02-29",
                        "0000-01-01",
                        "2025-06-31",
                        "June 31, 2025",
                        "12345",
                        "not a date 2025",
                        "2025-06-02T25:00:00"};
  for (const char* input : rows) {
    CAPTURE(input);
    CHECK_FALSE(parse_date(input).has_value());
  }
}

TEST_CASE("precision is kept: a month is not pretended to be its first day") {
  auto month = parse_date("2025-06");
  REQUIRE(month);
  CHECK(month->precision == DatePrecision::kMonth);
  CHECK(month->key() == "202506");
  auto year = parse_date("2025");
  REQUIRE(year);
  CHECK(year->key() == "2025");
  auto day = parse_date("2025-06-02T10:00:00Z");
  REQUIRE(day);
  CHECK(day->key() == "20250602");
  CHECK(day->iso_date() == "2025-06-02");
}

TEST_CASE("midnight given is a time, no time is a date") {
  auto with_time = parse_date("2025-06-02T00:00:00Z");
  auto without = parse_date("2025-06-02");
  REQUIRE(with_time);
  REQUIRE(without);
  CHECK(with_time->precision == DatePrecision::kTime);
  CHECK(without->precision == DatePrecision::kDay);
}

TEST_CASE("range bounds cover every key of the period") {
  auto june = *parse_date("2025-06");
  CHECK(date_lower_bound(june) == "202506");
  CHECK(date_upper_bound(june) > std::string("20250630"));
  CHECK(date_upper_bound(june) < std::string("20250701"));
  CHECK(date_key_to_iso("20250602") == "2025-06-02");
  CHECK(date_key_to_iso("202506") == "2025-06");
  CHECK(date_key_to_iso("2025") == "2025");
}

TEST_CASE("implausible dates: too early or in the future") {
  using namespace std::chrono;
  const sys_days today{year{2026} / 11 / 22};
  CHECK(implausible_date_reason(*parse_date("2026-11-22"), today) == "");
  CHECK(implausible_date_reason(*parse_date("2026-11-23"), today) == "");
  CHECK(implausible_date_reason(*parse_date("2026-11-25"), today) ==
        "is in the future");
  CHECK(implausible_date_reason(*parse_date("2027"), today) ==
        "is in the future");
  CHECK(implausible_date_reason(*parse_date("2026-12"), today) ==
        "is in the future");
  CHECK(implausible_date_reason(*parse_date("2026-11"), today) == "");
  CHECK(implausible_date_reason(*parse_date("0999-01-01"), today) ==
        "is before the year 1000");
  CHECK(implausible_date_reason(*parse_date("1916-01-01"), today) == "");
}

TEST_CASE("date periods: absolute and relative to a fixed today") {
  using namespace std::chrono;
  const sys_days today{year{2025} / 7 / 16};  // a Wednesday
  struct Row {
    const char* input;
    const char* lower;
    const char* upper;
  };
  const Row rows[] = {
      {"2025-06", "202506", "202506~"},
      {"2025", "2025", "2025~"},
      {"June 2, 2025", "20250602", "20250602~"},
      {"today", "20250716", "20250716~"},
      {"Yesterday", "20250715", "20250715~"},
      {"7d", "20250709", "20250709~"},
      {"2w", "20250702", "20250702~"},
      {"1m", "20250616", "20250616~"},
      {"1y", "20240716", "20240716~"},
      {"this-week", "20250714", "20250720~"},
      {"last-week", "20250707", "20250713~"},
      {"this-month", "20250701", "20250731~"},
      {"last-month", "20250601", "20250630~"},
      {"last-year", "20240101", "20241231~"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    auto p = parse_date_period(row.input, today);
    REQUIRE(p.has_value());
    CHECK(p->lower == row.lower);
    CHECK(p->upper == row.upper);
  }
  // A month back from March 31st is the last day of February.
  auto p = parse_date_period("1m", sys_days{year{2025} / 3 / 31});
  REQUIRE(p);
  CHECK(p->lower == "20250228");
  CHECK_FALSE(parse_date_period("7x", today).has_value());
  CHECK_FALSE(parse_date_period("next-week", today).has_value());
}

TEST_CASE("times whose seconds are not digits are refused, not converted") {
  // Found by scripts/fuzz date: date.h turned the missing seconds into
  // NaN and converted it to an integer (undefined behaviour; UBSan stops).
  CHECK_FALSE(parse_date("Mon, 20 Jun 2025 10:00:GMTGMT"));
  CHECK_FALSE(parse_date("2025-06-02 10:00:x"));
  auto reuters = parse_date("26-FEB-099301:0: 1501.79");
  CHECK((!reuters || reuters->precision != DatePrecision::kTime));
  // An offset date.h cannot read (it negated the smallest integer), and
  // offsets beyond 14:59.
  for (const char* text :
       {"2025-06-02T44:00:2025-0", "2025-06-02T44:6-:0+0000"}) {
    CAPTURE(text);
    auto odd = parse_date(text);
    CHECK((!odd || odd->precision != DatePrecision::kTime));
  }
  for (const char* text :
       {"2025-06-02T10:00:00+99:99", "2025-06-02 10:00:00 +9999",
        "Mon, 02 Jun 2025 10:00:00 +1560"}) {
    CAPTURE(text);
    auto d = parse_date(text);
    CHECK((!d || d->precision != DatePrecision::kTime));
  }
  REQUIRE(parse_date("2025-06-02T10:00:00+05:30"));
  CHECK(parse_date("2025-06-02T10:00:00+05:30")->iso() ==
        "2025-06-02T04:30:00Z");
  // Real times still read.
  REQUIRE(parse_date("Mon, 02 Jun 2025 10:00:00 GMT"));
  CHECK(parse_date("26-FEB-1987 15:01:01.79")->iso() == "1987-02-26T15:01:01Z");
}

}  // namespace newsdex
