// Runs what newsdex-search's command line asked for (a search, a batch,
// --stats, --show, --show-dropped) and prints it with the chosen printer.
#ifndef NEWSDEX_SEARCHER_SEARCH_COMMAND_H_
#define NEWSDEX_SEARCHER_SEARCH_COMMAND_H_

#include <istream>
#include <ostream>

#include "searcher/search_cli.h"

namespace newsdex {

// Returns the exit status: 0 with hits (or done), 1 with none (or an id
// that --show did not find), 2 on an error, which is one line on `err`.
// `in` is what --batch - reads. A search's whole output is made before
// any of it is written, so an error on the way leaves `out` empty.
// Environment failures (a database that cannot be opened) propagate as
// exceptions.
int run_search_command(const SearchCommand& command, std::istream& in,
                       std::ostream& out, std::ostream& err);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SEARCH_COMMAND_H_
