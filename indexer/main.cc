// newsdex-index: parses the command line and calls run_index().
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>
#include <tuple>

#include "common/json_text.h"
#include "common/schema.h"
#include "common/whole_number.h"
#include "indexer/index_run.h"

namespace po = boost::program_options;

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

class StderrReporter : public newsdex::IndexReporter {
 public:
  explicit StderrReporter(bool show_progress) : progress_(show_progress) {}
  void skipped(const newsdex::RecordProblem& r) override {
    clear_progress();
    std::cerr << "newsdex-index: warning: " << r.where << ": " << r.reason
              << "; skipped\n";
  }
  void undated(const newsdex::RecordProblem& r) override {
    clear_progress();
    std::cerr << "newsdex-index: warning: " << r.where << ": " << r.reason
              << "; indexed without a date\n";
  }
  void table_warning(const std::string& message) override {
    clear_progress();
    std::cerr << "newsdex-index: warning: " << message << "; line ignored\n";
  }
  void notice(const std::string& message) override {
    clear_progress();
    std::cerr << "newsdex-index: warning: " << message << '\n';
  }
  void progress(const newsdex::IndexSummary& s) override {
    if (!progress_) return;
    std::cerr << "\rnewsdex-index: " << s.records_seen() << " records read"
              << std::flush;
    drawn_ = true;
  }
  void clear_progress() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  bool progress_;
  bool drawn_ = false;
};

void print_summary(const newsdex::IndexSummary& s, bool json) {
  if (json) {
    auto problems = [](const std::vector<newsdex::RecordProblem>& list) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : list) {
        out.push_back({{"where", r.where}, {"reason", r.reason}});
      }
      return out;
    };
    nlohmann::json out = {{"type", "summary"},
                          {"data",
                           {{"version", 1},
                            {"added", s.added},
                            {"updated", s.updated},
                            {"unchanged", s.unchanged},
                            {"skipped", s.skipped.size()},
                            {"skipped_records", problems(s.skipped)},
                            {"undated", s.undated.size()},
                            {"undated_records", problems(s.undated)},
                            {"documents", s.document_count},
                            {"language", s.language},
                            {"seconds", std::round(s.seconds * 1000) / 1000},
                            {"interrupted", s.interrupted}}}};
    if (!s.fields.empty()) {
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& f : s.fields) {
        fields.push_back(
            {{"name", f.name}, {"kind", f.kind}, {"lacking", f.lacking}});
      }
      out["data"]["fields"] = fields;
    }
    std::cout << newsdex::json_text(out) << '\n';
    return;
  }
  std::string undated;
  if (!s.undated.empty()) {
    undated = " (" + std::to_string(s.undated.size()) + " without a date)";
  }
  std::printf(
      "%zu added, %zu updated, %zu unchanged%s, %zu skipped in %.2f s; "
      "%zu documents in the database%s\n",
      s.added, s.updated, s.unchanged, undated.c_str(), s.skipped.size(),
      s.seconds, s.document_count, s.interrupted ? " (interrupted)" : "");
}

}  // namespace

namespace {
unsigned default_jobs() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}
}  // namespace

int main(int argc, char** argv) {
  newsdex::IndexOptions options;
  bool json = false, no_clean = false, no_actors = false;
  po::options_description visible(
      "Usage: newsdex-index --db PATH [options] INPUT...\n\n"
      "Builds or updates a newsdex database from news articles. INPUT is a\n"
      "folder (walked for .txt pages, described by metadata.tsv/.csv/.jsonl\n"
      "beside them, and .jsonl files), a .txt page, a .jsonl or .jsonl.gz\n"
      "file, or - for JSON Lines on standard input.\n\nOptions");
  std::string language;
  visible.add_options()("help,h", "print this help and exit")(
      "version", "print the version and exit")(
      "db,d", po::value<std::string>(&options.db_path),
      "database to create or update (default: $NEWSDEX_DB)")(
      "language,l", po::value<std::string>(&language),
      "stemming language (english, french, ..., or none); default: the "
      "database's, english for a new one")(
      "sources", po::value<std::vector<std::string>>(&options.source_tables),
      "TSV file of outlets: display name, then other names and sites, "
      "tab-separated (repeatable; kept in the database)")(
      "no-clean", po::bool_switch(&no_clean),
      "index saved pages as they are: the first line is the title, nothing "
      "is dropped")(
      "no-actors", po::bool_switch(&no_actors),
      "skip actor extraction (faster; articles get no actors, so the actor "
      "facet and filter find nothing for them)")(
      "actors", po::value<std::vector<std::string>>(&options.actor_tables),
      "TSV file of actors: canonical name, person or org, then aliases, "
      "tab-separated (repeatable; kept in the database)")(
      "synonyms", po::value<std::vector<std::string>>(&options.synonym_files),
      "file of synonym groups, one per line: Kyiv = Kiev (repeatable; kept "
      "in the database for every search)")(
      "field", po::value<std::vector<std::string>>(&options.fields),
      "index record field NAME (a JSON Lines key or metadata column; "
      "folder: a page's first folder level) as an exact filter and facet; "
      "NAME:keyword (default), NAME:keywords (a list), NAME:number or "
      "NAME:date (repeatable; kept in the database)")(
      "jobs,j", po::value<std::string>(),
      "threads preparing articles; a new database is then built as that many "
      "shards in parallel and merged into one (default: the number of CPUs, "
      "at most 8)")(
      "shards", po::value<std::string>(),
      "keep N shard databases in the --db folder, listed in its XAPIANDB "
      "stub file, instead of merging them (see README: Scaling out)")(
      "json", po::bool_switch(&json),
      "print the summary as a JSON object on stdout");
  po::options_description hidden;
  hidden.add_options()("input",
                       po::value<std::vector<std::string>>(&options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << '\n';
      return 0;
    }
    if (vm.count("version")) {
      std::cout << "newsdex-index " << NEWSDEX_VERSION << '\n';
      return 0;
    }
    if (options.db_path.empty()) {
      if (const char* env = std::getenv("NEWSDEX_DB")) options.db_path = env;
    }
    if (options.db_path.empty()) {
      throw po::error("no database: give --db PATH or set NEWSDEX_DB");
    }
    if (options.inputs.empty()) {
      throw po::error("no input: give a folder, a .jsonl file or -");
    }
    if (vm.count("language")) options.language = language;
    // Numbers are checked as newsdex-search checks its own.
    options.jobs = default_jobs();
    for (auto [name, min, max, out] :
         {std::tuple{"jobs", 1u, newsdex::kMaxJobs, &options.jobs},
          std::tuple{"shards", 2u, newsdex::kMaxShards, &options.shards}}) {
      if (!vm.count(name)) continue;
      std::string error;
      auto n = newsdex::parse_whole_number(name, vm[name].as<std::string>(),
                                           min, max, error);
      if (!n) throw po::error(error);
      *out = static_cast<unsigned>(*n);
    }
  } catch (const po::error& e) {
    std::cerr << "newsdex-index: error: " << e.what()
              << "\nTry 'newsdex-index --help'.\n";
    return 2;
  }

  options.clean = !no_clean;
  options.actors = !no_actors;
  options.now = std::chrono::system_clock::now();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  StderrReporter reporter(isatty(STDERR_FILENO) != 0);
  try {
    newsdex::IndexSummary summary =
        newsdex::run_index(options, reporter, g_stop);
    reporter.clear_progress();
    for (const auto& f : summary.fields) {
      if (f.lacking == 0) continue;
      std::cerr << "newsdex-index: warning: field " << f.name << ": "
                << f.lacking << " of "
                << summary.added + summary.updated + summary.unchanged
                << " records have no value for it\n";
    }
    print_summary(summary, json);
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
