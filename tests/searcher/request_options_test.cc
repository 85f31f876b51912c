// Tests for searcher/request_options.cc: option values as the command line
// and batch lines give them, checked in one place.
#include "searcher/request_options.h"

#include <doctest/doctest.h>

#include <set>

namespace newsdex {

TEST_CASE("numeric options reject negative, overflowing and non-numbers") {
  struct Row {
    const char* name;
    nlohmann::json value;
  };
  const Row bad[] = {
      {"limit", "-1"},
      {"limit", -1},
      {"limit", "99999999999999999999999"},
      {"limit", nlohmann::json::parse("99999999999999999999999")},
      {"limit", 4294967296ULL},
      {"offset", "4294967296"},
      {"limit", 2.5},
      {"limit", ""},
      {"limit", "+5"},
      {"limit", " 5"},
      {"limit", "5x"},
      {"facet-size", true},
      {"fragments", "1000000"},
      {"snippet-chars", "100000000"},
      {"recent", "nan"},
      {"recent", "-5"},
      {"recent", -5},
      {"recent", "inf"},
      {"recent", "1e400"},
      {"recent", "thirty"},
  };
  for (const Row& row : bad) {
    CAPTURE(row.name);
    CAPTURE(row.value.dump());
    SearchRequest r;
    std::string error = apply_request_option(r, row.name, row.value);
    CHECK(error.find("--" + std::string(row.name)) != std::string::npos);
    CHECK(r.limit == SearchRequest{}.limit);
    CHECK(r.offset == 0);
    CHECK(r.recent_half_life == 0);
  }
}

TEST_CASE("numeric options accept whole numbers as numbers or text") {
  SearchRequest r;
  CHECK(apply_request_option(r, "limit", "25") == "");
  CHECK(r.limit == 25);
  CHECK(apply_request_option(r, "limit", 0) == "");
  CHECK(r.limit == 0);
  CHECK(apply_request_option(r, "offset", 1000000) == "");
  CHECK(r.offset == 1000000);
  CHECK(apply_request_option(r, "facet_size", "0") == "");
  CHECK(r.facet_size == 0);
  CHECK(apply_request_option(r, "recent", "7.5") == "");
  CHECK(r.recent_half_life == 7.5);
  CHECK(apply_request_option(r, "recent", 0) == "");
  CHECK(r.recent_half_life == 0);
  CHECK(apply_request_option(r, "recent", true) == "");
  CHECK(r.recent_half_life == kDefaultRecentHalfLife);
}

TEST_CASE("the message names the option, the value and what it needs") {
  SearchRequest r;
  CHECK(apply_request_option(r, "limit", "-1") ==
        "invalid value '-1' for --limit; needs a whole number from 0 to "
        "1000000000");
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("the option table: unique names, each one a batch key") {
  std::set<std::string> names;
  for (const RequestOption& o : request_options()) {
    CAPTURE(o.name);
    CHECK(names.insert(o.name).second);
    CHECK_FALSE(o.help.empty());
    SearchRequest r;
    nlohmann::json value = "x";
    if (o.kind == RequestOption::Kind::kFlag) value = true;
    std::string error = apply_request_option(r, o.name, value);
    CHECK(error.find("unknown option") == std::string::npos);
  }
  CHECK(names.count("where") == 1);
  CHECK(names.count("facets") == 1);
  SearchRequest r;
  CHECK(apply_request_option(
            r, "where", nlohmann::json::array({"category=politics", "id=a"})) ==
        "");
  REQUIRE(r.filters.where.size() == 2);
  CHECK(r.filters.where[0] ==
        std::pair<std::string, std::string>{"category", "politics"});
  CHECK(apply_request_option(r, "where", "category").find("FIELD=VALUE") !=
        std::string::npos);
  CHECK(apply_request_option(r, "colour", "red") == "unknown option 'colour'");
}

}  // namespace newsdex
