// newsdex-search: reads the command line, runs it, reports errors.
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "searcher/search_command.h"

namespace {

std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 20) return static_cast<std::size_t>(n);
  }
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) {
    return ws.ws_col;
  }
  return 80;
}

// Colour when stdout is a terminal that is not dumb and NO_COLOR is unset.
bool stdout_wants_color() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr &&
         !(term != nullptr && std::string(term) == "dumb");
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::SearchEnvironment env;
  if (const char* db = std::getenv("NEWSDEX_DB")) env.default_db = db;
  env.stdout_wants_color = stdout_wants_color();
  env.width = terminal_width();
  int exit_code = 0;
  auto command = newsdex::parse_search_command(argc, argv, env, std::cout,
                                               std::cerr, exit_code);
  if (!command) return exit_code;
  // What relative dates count from: the library never reads a clock.
  command->request.today =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  try {
    return newsdex::run_search_command(*command, std::cin, std::cout,
                                       std::cerr);
  } catch (const Xapian::DatabaseOpeningError& e) {
    std::cerr << "newsdex-search: error: cannot open database "
              << command->db_path << ": " << e.get_msg() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-search: error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "newsdex-search: error: " << e.what() << '\n';
  }
  return 2;
}
