// newsdex-search's command line: what the user asked for, read from argv
// with Boost.Program_options (which stays in this file). The request
// options come from the one option table (searcher/request_options.h);
// the options here are those of the program alone (database, output,
// modes).
#ifndef NEWSDEX_SEARCHER_SEARCH_CLI_H_
#define NEWSDEX_SEARCHER_SEARCH_CLI_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "searcher/printers.h"
#include "searcher/search.h"

namespace newsdex {

// Everything one run of newsdex-search does, as the command line says.
struct SearchCommand {
  SearchRequest request;
  std::string db_path;
  OutputFormat format = OutputFormat::kText;
  bool count = false;            // only the number of matches
  bool stats = false;            // --stats instead of searching
  std::string batch;             // --batch FILE ("-" for stdin), or ""
  bool highlight_given = false;  // --highlight other than auto
  HumanStyle style;
  std::vector<std::string> synonym_files;
  std::vector<std::string> show_ids;  // --show
  std::string show_dropped;           // --show-dropped
};

// What the environment tells the command line: $NEWSDEX_DB, whether
// colour is wanted on stdout (a terminal, TERM, NO_COLOR) and its width.
struct SearchEnvironment {
  std::string default_db;
  bool stdout_wants_color = false;
  std::size_t width = 80;
};

// Reads argv. Returns the command, or nullopt with `exit_code` set: 0
// after --help or --version (printed to `out`), 2 after an error (one
// line and a hint printed to `err`).
std::optional<SearchCommand> parse_search_command(
    int argc, const char* const* argv, const SearchEnvironment& env,
    std::ostream& out, std::ostream& err, int& exit_code);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SEARCH_CLI_H_
