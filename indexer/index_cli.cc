// newsdex-index's options.
#include "indexer/index_cli.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <tuple>

#include "common/whole_number.h"

namespace po = boost::program_options;

namespace newsdex {
namespace {

constexpr const char* kUsage =
    "Usage: newsdex-index --db PATH [options] INPUT...\n"
    "       newsdex-index --print-records [options] INPUT...\n\n"
    "Builds or updates a newsdex database from news articles. INPUT is a\n"
    "folder (walked for .txt and .html pages, described by\n"
    "metadata.tsv/.csv/.jsonl beside them, .jsonl files and .warc web\n"
    "archives), a .txt or .html page, a .warc or .warc.gz web archive, a\n"
    ".jsonl or .jsonl.gz file, or - for JSON Lines on standard input.\n\n"
    "Options";

// Flags and values read into `c` (and the two flags it stores inverted).
void add_options(po::options_description& visible, IndexCommand& c,
                 std::string& language, bool& no_clean, bool& no_actors) {
  visible.add_options()("help,h", "print this help and exit")(
      "version", "print the version and exit")(
      "db,d", po::value<std::string>(&c.options.db_path),
      "database to create or update (default: $NEWSDEX_DB)")(
      "language,l", po::value<std::string>(&language),
      "stemming language (english, french, ..., or none); default: the "
      "database's, english for a new one")(
      "sources", po::value<std::vector<std::string>>(&c.options.source_tables),
      "TSV file of outlets: display name, then other names and sites, "
      "tab-separated (repeatable; kept in the database)")(
      "no-clean", po::bool_switch(&no_clean),
      "index saved pages as they are: the first line is the title, nothing "
      "is dropped")(
      "no-actors", po::bool_switch(&no_actors),
      "skip actor extraction (faster; articles get no actors, so the actor "
      "facet and filter find nothing for them)")(
      "actors", po::value<std::vector<std::string>>(&c.options.actor_tables),
      "TSV file of actors: canonical name, person or org, then aliases, "
      "tab-separated (repeatable; kept in the database)")(
      "synonyms", po::value<std::vector<std::string>>(&c.options.synonym_files),
      "file of synonym groups, one per line: Kyiv = Kiev (repeatable; kept "
      "in the database for every search)")(
      "field", po::value<std::vector<std::string>>(&c.options.fields),
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
      "json", po::bool_switch(&c.json),
      "print the summary as a JSON object on stdout")(
      "quiet,q", po::bool_switch(&c.quiet),
      "print only errors and the summary (no warnings, no progress)")(
      "verbose,v", po::bool_switch(&c.verbose),
      "print every warning (by default the first 3 of each kind, then "
      "their count)")(
      "print-records", po::bool_switch(&c.print_records),
      "read and prepare the inputs as indexing would, but print each "
      "record as a JSON line on stdout instead of writing a database (no "
      "--db needed; the summary goes to stderr)");
}

// The checks Boost does not make; throws po::error.
void finish(const po::variables_map& vm, IndexCommand& c,
            const std::string& default_db, unsigned cpus) {
  if (c.options.db_path.empty()) c.options.db_path = default_db;
  if (c.options.db_path.empty() && !c.print_records) {
    throw po::error("no database: give --db PATH or set NEWSDEX_DB");
  }
  if (c.quiet && c.verbose) {
    throw po::error("--quiet and --verbose cannot be given together");
  }
  if (c.options.inputs.empty()) {
    throw po::error("no input: give a folder, a .jsonl file or -");
  }
  // Numbers are checked as newsdex-search checks its own.
  c.options.jobs = std::clamp(cpus, 1u, 8u);
  for (auto [name, min, max, out] :
       {std::tuple{"jobs", 1u, kMaxJobs, &c.options.jobs},
        std::tuple{"shards", 2u, kMaxShards, &c.options.shards}}) {
    if (!vm.count(name)) continue;
    std::string error;
    auto n =
        parse_whole_number(name, vm[name].as<std::string>(), min, max, error);
    if (!n) throw po::error(error);
    *out = static_cast<unsigned>(*n);
  }
}

}  // namespace

std::optional<IndexCommand> parse_index_command(
    int argc, const char* const* argv, const std::string& default_db,
    unsigned cpus, std::ostream& out, std::ostream& err, int& exit_code) {
  IndexCommand c;
  std::string language;
  bool no_clean = false, no_actors = false;
  po::options_description visible(kUsage);
  add_options(visible, c, language, no_clean, no_actors);
  po::options_description hidden;
  hidden.add_options()("input",
                       po::value<std::vector<std::string>>(&c.options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  exit_code = 0;
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
    if (vm.count("help")) {
      out << visible << '\n';
      return std::nullopt;
    }
    if (vm.count("version")) {
      out << "newsdex-index " << NEWSDEX_VERSION << '\n';
      return std::nullopt;
    }
    finish(vm, c, default_db, cpus);
    if (vm.count("language")) c.options.language = language;
  } catch (const po::error& e) {
    err << "newsdex-index: error: " << e.what()
        << "\nTry 'newsdex-index --help'.\n";
    exit_code = 2;
    return std::nullopt;
  }
  c.options.clean = !no_clean;
  c.options.actors = !no_actors;
  return c;
}

}  // namespace newsdex
