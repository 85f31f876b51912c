// Tests for searcher/csv_output.cc: RFC 4180 quoting.
#include "searcher/csv_output.h"

#include <doctest/doctest.h>

#include <sstream>

namespace newsdex {

TEST_CASE("CSV fields are quoted only when RFC 4180 needs it") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {" padded", "\" padded\""},
      {"Zelenskyy; Putin", "Zelenskyy; Putin"},
      {"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2", "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(csv_field(row.in) == row.out);
  }
  CHECK(csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("facet tables come out in long form") {
  SearchResponse response;
  FacetResult source;
  source.field = "source";
  source.values = {{"BBC", 2, ""}, {"Reuters, Ltd", 1, ""}};
  source.missing = 1;
  source.other = 3;
  FacetResult cross;
  cross.field = "source";
  cross.cross = CrossTab{"date",   "year", {"BBC"}, {"2024", "2025"},
                         {{1, 2}}, {3},    {1, 2},  3};
  response.facets = {source, cross};
  std::ostringstream out;
  write_facets_csv(response, out);
  CHECK(out.str() ==
        "facet,value,by,count\r\n"
        "source,BBC,,2\r\n"
        "source,\"Reuters, Ltd\",,1\r\n"
        "source,unknown,,1\r\n"
        "source,(other),,3\r\n"
        "source/date:year,BBC,2024,1\r\n"
        "source/date:year,BBC,2025,2\r\n");
}

}  // namespace newsdex
