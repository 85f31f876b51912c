// End-to-end tests of the command-line contracts: help, errors, exit
// codes, stdin input, bad records, colour.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <fstream>
#include <set>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

std::string index_corpus(const std::string& name) {
  std::string db = (scratch(name) / "db").string();
  REQUIRE(run("newsdex-index", {"--db", db, corpus_dir().string()}).exit_code ==
          0);
  return db;
}

std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("--help and --version print to stdout and exit 0") {
  for (const char* program : {"newsdex-index", "newsdex-search"}) {
    CAPTURE(program);
    auto help = run(program, {"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Usage: ") == 0);
    CHECK(help.err.empty());
    auto version = run(program, {"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find(program) == 0);
  }
}

TEST_CASE("--help says what a bare --facets counts, and it does") {
  // Issue #15: the help said source,date:month, but actors were counted too.
  auto help = run("newsdex-search", {"--help"});
  std::string text;  // white space folded, as the help wraps lines
  for (char c : help.out) {
    bool space = c == ' ' || c == '\n';
    if (!space || (!text.empty() && text.back() != ' '))
      text += space ? ' ' : c;
  }
  CHECK(text.find("bare --facets gives source,date:month,actor") !=
        std::string::npos);
  std::string db = index_corpus("cli_bare_facets");
  auto r = run("newsdex-search", {"--db", db, "--json", "--facets", "--", ""});
  auto lines = json_lines(r.out);
  auto facets = of_type(lines, "facets");
  REQUIRE(facets.size() == 1);
  auto summary = of_type(lines, "summary");
  REQUIRE(summary.size() == 1);
  std::set<std::string> keys;
  for (const auto& [key, value] : summary[0]["facets"].items()) {
    keys.insert(key);
  }
  CHECK(keys == std::set<std::string>{"source", "date:month", "date", "actor"});
  CHECK(facets[0]["actor"].size() > 0);
}

TEST_CASE("option mistakes exit 2 with a one-line reason on stderr") {
  std::string db = index_corpus("cli_options");
  struct Row {
    std::vector<std::string> args;
    const char* expect;
  };
  const Row rows[] = {
      {{"--db", db, "--sort", "oldest", "x"}, "relevance"},
      {{"--db", db, "--color", "sometimes", "x"}, "always"},
      {{"--db", db, "--highlight", "bold", "x"}, "markers"},
      {{"--db", db, "--facets", "colour", "x"}, "unknown facet 'colour'"},
      {{"--db", db, "--limit", "many", "x"}, "limit"},
      {{"--db", db, "--limit", "-1", "x"}, "for --limit; needs a whole number"},
      {{"--db", db, "-n", "-5", "x"}, "invalid value '-5' for --limit"},
      {{"--db", db, "--offset", "-3", "x"}, "invalid value '-3' for --offset"},
      {{"--db", db, "--limit", "4294967296", "x"}, "'4294967296' for --limit"},
      {{"--db", db, "--offset", "4294967296", "x"},
       "'4294967296' for --offset"},
      {{"--db", db, "--facet-size", "1e3", "x"}, "for --facet-size"},
      {{"--db", db, "--recent=-5", "x"}, "'-5' for --recent"},
      {{"--db", db, "--recent=nan", "x"}, "'nan' for --recent"},
      {{"--db", db, "--bogus"}, "bogus"},
      {{"--db", db, "--since", "someday", "x"}, "invalid date 'someday'"},
      {{"x"}, "no database"},
  };
  for (const Row& row : rows) {
    auto r = run("newsdex-search", row.args, "", {"NEWSDEX_DB="});
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("newsdex-search: error: ") == 0);
    CHECK(r.err.find(row.expect) != std::string::npos);
  }
}

TEST_CASE("the indexer's numbers are checked like the searcher's") {
  // Issue #15: boost read "--jobs -1" as 4294967295 threads.
  auto dir = scratch("cli_index_numbers");
  std::string db = (dir / "db").string();
  struct Row {
    std::vector<std::string> args;
    const char* expect;
  };
  const Row rows[] = {
      {{"--jobs", "-1"},
       "invalid value '-1' for --jobs; needs a whole number "
       "from 1 to 256"},
      {{"--jobs=-1"}, "invalid value '-1' for --jobs"},
      {{"-j", "0"}, "invalid value '0' for --jobs"},
      {{"--jobs", "99999999999"}, "invalid value '99999999999' for --jobs"},
      {{"--jobs", "1.5"}, "invalid value '1.5' for --jobs"},
      {{"--jobs", "two"}, "invalid value 'two' for --jobs"},
      {{"--shards", "-2"},
       "invalid value '-2' for --shards; needs a whole "
       "number from 2 to 256"},
      {{"--shards", "100000"}, "invalid value '100000' for --shards"},
      {{"--shards", "1"}, "invalid value '1' for --shards"},
  };
  for (const Row& row : rows) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), row.args.begin(), row.args.end());
    args.push_back(corpus_dir().string());
    auto r = run("newsdex-index", args);
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("newsdex-index: error: ") == 0);
    CHECK(r.err.find(row.expect) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));
  }
  auto fine = run("newsdex-index", {"--db", db, "--jobs", "2", "--shards", "2",
                                    corpus_dir().string()});
  CHECK(fine.exit_code == 0);
}

TEST_CASE("a malformed query names the query and exits 2") {
  std::string db = index_corpus("cli_badquery");
  auto r = run("newsdex-search", {"--db", db, "talks AND"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(count_lines(r.err) == 1);
  CHECK(r.err.find("'talks AND'") != std::string::npos);
}

TEST_CASE("an error leaves stdout empty, whatever was asked for") {
  std::string db = index_corpus("cli_nothing_before_error");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--json", "--facets=source", "oil \xff"},
           {"--facets=source", "oil \xff"},
           {"--json", "--source", "SBS\xc3", "talks"},
       }) {
    std::vector<std::string> all = {"--db", db};
    all.insert(all.end(), args.begin(), args.end());
    auto r = run("newsdex-search", all);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("invalid UTF-8") != std::string::npos);
  }
}

TEST_CASE("a missing database is an error naming it") {
  auto r = run("newsdex-search", {"--db", "/nonexistent/db", "x"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/nonexistent/db") != std::string::npos);
}

TEST_CASE("JSON Lines on stdin: bad records are named, counted and skipped") {
  std::string db = (scratch("cli_stdin") / "db").string();
  std::string input =
      "{\"id\": \"s1\", \"title\": \"Quokka census\", \"text\": \"Quokkas "
      "counted.\", \"source\": \"Wild News\", \"date\": \"June 2, 2025\", "
      "\"tags\": [\"animals\"]}\n"
      "{\"id\": \"s2\", \"text\": \n"
      "{\"id\": \"s3\", \"text\": \"x\", \"date\": \"2025-02-30\"}\n"
      "{\"id\": \"s4\", \"text\": \"\"}\n"
      "{\"id\": \"s5\", \"text\": \"Second quokka story\"}\n";
  auto r = run("newsdex-index", {"--db", db, "--json", "-"}, input);
  CHECK(r.exit_code == 0);
  auto summary = json_lines(r.out);
  REQUIRE(summary.size() == 1);
  auto s = summary[0]["data"];
  CHECK(s["added"] == 3);
  CHECK(s["skipped"] == 2);
  REQUIRE(s["skipped_records"].size() == 2);
  CHECK(s["skipped_records"][0]["where"] == "<stdin>:2");
  CHECK(s["skipped_records"][1]["reason"] == "empty text");
  // A date that does not exist: indexed without a date, and said so.
  CHECK(s["undated"] == 1);
  CHECK(s["undated_records"][0]["where"] == "<stdin>:3");
  CHECK(s["undated_records"][0]["reason"] == "unparseable date '2025-02-30'");
  CHECK(count_lines(r.err) == 3);
  CHECK(r.err.find("newsdex-index: warning: <stdin>:3: unparseable date "
                   "'2025-02-30'; indexed without a date") !=
        std::string::npos);

  auto found = run("newsdex-search", {"--db", db, "--json", "quokka"});
  CHECK(found.exit_code == 0);
  auto hits = of_type(json_lines(found.out), "hit");
  REQUIRE(hits.size() == 2);
  // Unknown fields are kept.
  for (const auto& h : hits) {
    if (h["id"] == "s1") {
      CHECK(h["extra"]["tags"][0] == "animals");
      CHECK(h["date"] == "2025-06-02");
      CHECK(h["source"] == "Wild News");
    }
  }
}

TEST_CASE("a failed run loses nothing already indexed") {
  std::string db = index_corpus("cli_nothing_lost");
  auto missing = run("newsdex-index", {"--db", db, "/nonexistent/input"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent/input") != std::string::npos);
  auto wrong_language = run("newsdex-index", {"--db", db, "--language",
                                              "french", corpus_dir().string()});
  CHECK(wrong_language.exit_code == 2);
  CHECK(wrong_language.err.find("english") != std::string::npos);
  auto bad_language = run("newsdex-index", {"--db", db, "--language", "klingon",
                                            corpus_dir().string()});
  CHECK(bad_language.exit_code == 2);
  CHECK(bad_language.err.find("choose one of") != std::string::npos);
  // A truncated gzip input: what could be read is kept, the error is named.
  auto dir = scratch("cli_truncated");
  std::string gz = (dir / "cut.jsonl.gz").string();
  std::string make =
      "printf '{\"id\":\"t1\",\"text\":\"kept\"}\\n' | gzip -c | head -c 30 "
      "> " +
      gz;
  REQUIRE(std::system(make.c_str()) == 0);
  auto truncated = run("newsdex-index", {"--db", db, "--json", gz});
  CHECK(truncated.exit_code == 0);
  CHECK(truncated.err.find("cut.jsonl.gz") != std::string::npos);

  auto all = run("newsdex-search", {"--db", db, "--json", ""});
  CHECK(all.exit_code == 0);
  auto summary = of_type(json_lines(all.out), "summary");
  REQUIRE(summary.size() == 1);
  CHECK(summary[0]["total"] >= 5);
}

TEST_CASE("--language none indexes without stemming") {
  std::string db = (scratch("cli_nostem") / "db").string();
  REQUIRE(run("newsdex-index",
              {"--db", db, "--language", "none", corpus_dir().string()})
              .exit_code == 0);
  // Only 002 has the singular "negotiation"; all five have the plural.
  auto singular = run("newsdex-search", {"--db", db, "--json", "negotiation"});
  CHECK(singular.exit_code == 0);
  auto hits = of_type(json_lines(singular.out), "hit");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "002_db9a38a8cd49fc85.txt");
}

TEST_CASE("colour follows --color, NO_COLOR and the terminal") {
  std::string db = index_corpus("cli_color");
  auto piped = run("newsdex-search", {"--db", db, "istanbul"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.find("\033[") == std::string::npos);
  CHECK(piped.out.find("**Istanbul**") != std::string::npos);
  auto forced =
      run("newsdex-search", {"--db", db, "--color", "always", "istanbul"});
  CHECK(forced.out.find("\033[1;31mIstanbul\033[0m") != std::string::npos);
  auto html = run("newsdex-search",
                  {"--db", db, "--json", "--highlight", "html", "istanbul"});
  CHECK(html.out.find("<b>Istanbul</b>") != std::string::npos);
  auto json_forced = run("newsdex-search", {"--db", db, "--json", "--color",
                                            "always", "istanbul"});
  CHECK(json_forced.out.find("\033[") ==
        std::string::npos);  // JSON never coloured
}

TEST_CASE("Ctrl-C commits what was indexed and exits 130") {
  auto dir = scratch("cli_interrupt");
  {
    std::ofstream big(dir / "big.jsonl");
    for (int i = 0; i < 300000; ++i) {
      big << "{\"id\": \"n" << i << "\", \"text\": \"record number " << i
          << " about interrupted indexing runs\"}\n";
    }
  }
  std::string db = (dir / "db").string();
  std::string command = "timeout --preserve-status -s INT 1 " +
                        std::string(NEWSDEX_BIN_DIR) + "/newsdex-index --db " +
                        db + " --json " + (dir / "big.jsonl").string() + " >" +
                        (dir / "out").string() + " 2>" + (dir / "err").string();
  int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  std::ifstream out(dir / "out");
  std::string line;
  std::getline(out, line);
  auto summary = nlohmann::json::parse(line)["data"];
  CHECK(summary["interrupted"] == true);
  std::size_t added = summary["added"];
  CHECK(added > 0);
  CHECK(added < 300000);
  // What was added is committed and searchable.
  auto r = run("newsdex-search", {"--db", db, "--count", "interrupted"});
  CHECK(r.out == std::to_string(added) + "\n");
}

TEST_CASE("a Xapian stub file searches several databases together") {
  auto dir = scratch("cli_stub");
  std::string one = (dir / "one").string(), two = (dir / "two").string();
  REQUIRE(
      run("newsdex-index", {"--db", one, corpus_dir().string()}).exit_code ==
      0);
  REQUIRE(run("newsdex-index", {"--db", two, "-"},
              "{\"id\": \"x1\", \"text\": \"istanbul ferry\", \"source\": "
              "\"Test\"}\n")
              .exit_code == 0);
  std::ofstream(dir / "stub") << "auto " << one << "\nauto " << two << "\n";
  auto r = run("newsdex-search",
               {"--db", (dir / "stub").string(), "--json", "--facets", "source",
                "--facet-size", "0", "istanbul"});
  CHECK(r.exit_code == 0);
  auto lines = json_lines(r.out);
  CHECK(of_type(lines, "summary")[0]["total"] == 6);
  CHECK(of_type(lines, "hit").size() == 6);
  CHECK(of_type(lines, "facets")[0]["source"].size() == 6);
}

TEST_CASE("a closed pipe ends the output quietly") {
  std::string db = index_corpus("cli_pipe");
  std::string err = (scratch("cli_pipe_err") / "err").string();
  std::string command = std::string(NEWSDEX_BIN_DIR) + "/newsdex-search --db " +
                        db + " --limit 5 istanbul 2>" + err +
                        " | head -c 10 >/dev/null";
  std::system(command.c_str());
  std::ifstream in(err);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  CHECK(text.empty());
}

TEST_CASE("the human summary line and facet tables") {
  std::string db = index_corpus("cli_human");
  auto r =
      run("newsdex-search", {"--db", db, "--facets", "source", "istanbul"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("source:\n") != std::string::npos);
  CHECK(r.out.find("Taipei Times 1") != std::string::npos);
  CHECK(r.out.find("5 matches, showing 1-5") != std::string::npos);
}

}  // namespace newsdex::e2e
