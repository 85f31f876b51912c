// End-to-end tests of what newsdex-index says while it runs: repeated
// warnings summarised, --verbose and --quiet.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

std::size_t count_lines(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t pos = 0; (pos = text.find(part, pos)) != std::string::npos;
       pos += part.size())
    ++n;
  return n;
}

// Two good records and 7 with neither title nor text.
std::filesystem::path feed(const std::string& name) {
  auto dir = scratch(name);
  std::ofstream out(dir / "feed.jsonl");
  out << "{\"id\": \"a\", \"title\": \"Talks\", \"text\": \"Talks went "
         "on.\"}\n";
  for (int i = 0; i < 7; ++i)
    out << "{\"id\": \"e" << i << "\", \"title\": \"\", \"text\": \" \"}\n";
  out << "{\"id\": \"b\", \"title\": \"More\", \"text\": \"More talks.\"}\n";
  return dir;
}

}  // namespace

TEST_CASE("repeated warnings of one kind are summarised, --verbose names all") {
  auto dir = feed("output_summarised");
  std::string input = (dir / "feed.jsonl").string();
  auto r = run("newsdex-index", {"--db", (dir / "db").string(), input});
  REQUIRE(r.exit_code == 0);
  CHECK(count_lines(r.err, ": empty text; skipped\n") == 3);
  CHECK(r.err.find("feed.jsonl:2: empty text; skipped") != std::string::npos);
  CHECK(r.err.find("newsdex-index: warning: 7 records skipped: empty text (3 "
                   "named above; --verbose names every one)") !=
        std::string::npos);
  CHECK(r.out.find("2 added, 0 updated, 0 unchanged, 7 skipped") !=
        std::string::npos);

  auto v = run("newsdex-index",
               {"--db", (dir / "db2").string(), "--verbose", input});
  REQUIRE(v.exit_code == 0);
  CHECK(count_lines(v.err, ": empty text; skipped\n") == 7);
  CHECK(v.err.find("records skipped:") == std::string::npos);
  // The JSON summary lists every one whatever is printed.
  auto j =
      run("newsdex-index", {"--db", (dir / "db3").string(), "--json", input});
  auto s = of_type(json_lines(j.out), "summary").at(0);
  CHECK(s["skipped_records"].size() == 7);
}

TEST_CASE("--quiet prints only errors and the summary") {
  auto dir = feed("output_quiet");
  std::string input = (dir / "feed.jsonl").string();
  auto q =
      run("newsdex-index", {"--db", (dir / "db").string(), "--quiet", input});
  REQUIRE(q.exit_code == 0);
  CHECK(q.err.empty());
  CHECK(q.out.find("2 added, 0 updated, 0 unchanged, 7 skipped") !=
        std::string::npos);
  // Errors still are.
  auto e = run("newsdex-index", {"--db", (dir / "db").string(), "-q",
                                 (dir / "missing.jsonl").string()});
  CHECK(e.exit_code == 2);
  CHECK(e.err.find("error: input not found") != std::string::npos);
  auto both =
      run("newsdex-index", {"--db", (dir / "db").string(), "-q", "-v", input});
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("--quiet and --verbose cannot be given together") !=
        std::string::npos);
}

}  // namespace newsdex::e2e
