// newsdex-index: reads the command line and calls run_index().
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <csignal>
#include <ctime>
#include <iostream>
#include <thread>

#include "indexer/index_cli.h"
#include "indexer/index_report.h"
#include "indexer/print_records.h"

namespace {

std::atomic<bool> g_stop{false};

std::atomic<long long> g_first_signal_ms{0};

long long monotonic_ms() {  // async-signal-safe
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

// The first Ctrl-C stops reading and commits; a second one, a moment later,
// ends at once. Copies of the first signal that arrive together (a signal
// sent to the process and to its group, taken by different threads) count
// as one.
extern "C" void on_signal(int) {
  long long now = monotonic_ms();
  long long first = 0;
  if (g_first_signal_ms.compare_exchange_strong(first, now)) {
    g_stop.store(true);
  } else if (now - first > 500) {
    std::_Exit(130);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const char* env_db = std::getenv("NEWSDEX_DB");
  int exit_code = 0;
  auto command = newsdex::parse_index_command(
      argc, argv, env_db ? env_db : "", std::thread::hardware_concurrency(),
      std::cout, std::cerr, exit_code);
  if (!command) return exit_code;
  command->options.now = std::chrono::system_clock::now();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  const bool show_progress = isatty(STDERR_FILENO) != 0 && !command->quiet;
  command->options.measure_inputs = show_progress;
  newsdex::StreamReporter reporter(std::cerr, show_progress,
                                   command->quiet ? newsdex::Verbosity::kQuiet
                                   : command->verbose
                                       ? newsdex::Verbosity::kVerbose
                                       : newsdex::Verbosity::kNormal);
  try {
    if (command->print_records) {
      newsdex::IndexSummary summary =
          newsdex::print_records(command->options, reporter, g_stop, std::cout);
      reporter.clear_progress();
      reporter.finish();
      if (!command->quiet) newsdex::warn_lacking_fields(summary, std::cerr);
      newsdex::print_records_summary(summary, std::cerr);
      return summary.interrupted ? 130 : 0;
    }
    newsdex::IndexSummary summary =
        newsdex::run_index(command->options, reporter, g_stop);
    reporter.clear_progress();
    reporter.finish();
    if (!command->quiet) newsdex::warn_lacking_fields(summary, std::cerr);
    newsdex::print_summary(summary, command->json, std::cout);
    return summary.interrupted ? 130 : 0;
  } catch (const newsdex::IndexError& e) {
    reporter.clear_progress();
    std::cerr << "newsdex-index: error: " << e.what() << '\n';
  } catch (const std::bad_alloc&) {
    reporter.clear_progress();
    std::cerr << "newsdex-index: error: out of memory (fewer --jobs need "
                 "less)\n";
  } catch (const Xapian::Error& e) {
    reporter.clear_progress();
    std::cerr << "newsdex-index: error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    reporter.clear_progress();
    std::cerr << "newsdex-index: error: " << e.what() << '\n';
  }
  return 2;
}
