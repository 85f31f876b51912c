// newsdex-index's command line, read with Boost.Program_options (which
// stays in this file) into the options run_index() takes.
#ifndef NEWSDEX_INDEXER_INDEX_CLI_H_
#define NEWSDEX_INDEXER_INDEX_CLI_H_

#include <optional>
#include <ostream>
#include <string>

#include "indexer/index_run.h"

namespace newsdex {

struct IndexCommand {
  IndexOptions options;  // all but `now` and `stdin_fd`
  bool json = false;     // the summary as JSON
  // Print the prepared records as JSON Lines instead of indexing them
  // (indexer/print_records.h); no database is needed.
  bool print_records = false;
  // --quiet: errors and the summary only; --verbose: every warning.
  bool quiet = false, verbose = false;
};

// Reads argv; `default_db` is $NEWSDEX_DB (or ""), `cpus` the number of
// CPUs (the default --jobs is that, at most 8). Returns the command, or
// nullopt with `exit_code` set: 0 after --help or --version (printed to
// `out`), 2 after an error (printed to `err` with a hint).
std::optional<IndexCommand> parse_index_command(
    int argc, const char* const* argv, const std::string& default_db,
    unsigned cpus, std::ostream& out, std::ostream& err, int& exit_code);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_CLI_H_
