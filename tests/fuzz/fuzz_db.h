// A small in-memory newsdex database for the search fuzz targets.
#ifndef NEWSDEX_TESTS_FUZZ_FUZZ_DB_H_
#define NEWSDEX_TESTS_FUZZ_FUZZ_DB_H_

#include "test_support.h"

namespace newsdex::fuzz {

inline Xapian::WritableDatabase seed_database() {
  return test::make_db({
      test::make_article("1", "Ceasefire talks in Istanbul",
                         "Delegations from Kyiv and Moscow met for peace "
                         "talks. Volodymyr Zelensky said negotiations go on.",
                         "SBS News", "2025-05-16"),
      test::make_article("2", "Grain prices", "Wheat and grain markets rose.",
                         "Reuters", "1987-02-26"),
      test::make_article("3", "Undated note", "Talks may follow, or not."),
  });
}

}  // namespace newsdex::fuzz

#endif  // NEWSDEX_TESTS_FUZZ_FUZZ_DB_H_
