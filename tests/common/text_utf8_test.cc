// Tests for common/text_utf8.cc.
#include "common/text_utf8.h"

#include <doctest/doctest.h>

namespace newsdex {

TEST_CASE("find_invalid_utf8 points at the first bad byte") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("Zelenskyy – “peace” £5") == std::string_view::npos);
  CHECK(find_invalid_utf8("price \xA3"
                          "5") == 6);           // Latin-1 pound sign
  CHECK(find_invalid_utf8("ab\xE2\x80") == 2);  // cut-off sequence
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);    // overlong
}

TEST_CASE("fold_case lower-cases any script, fold_for_key strips accents") {
  CHECK(fold_case("Talks AND Peace") == "talks and peace");
  CHECK(fold_case("ÉCOLE Ärger") == "école ärger");
  CHECK(fold_case("ПУТИН") == "путин");
  CHECK(fold_for_key("Jean-Noël Barrot") == "jean-noel barrot");
  // The ASCII shortcut agrees with the full mapping.
  CHECK(fold_for_key("Bank of ENGLAND, Inc. 1987") ==
        "bank of england, inc. 1987");
  CHECK(fold_for_key("") == "");
  CHECK(fold_case("MIXED ascii Ü") == "mixed ascii ü");
}

TEST_CASE("trim_space") {
  CHECK(trim_space("  a b \n") == "a b");
  CHECK(trim_space(" \t ").empty());
}

}  // namespace newsdex
