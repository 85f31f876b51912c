// newsdex-search's options: the request options from the option table,
// plus the program's own, read with Boost.Program_options.
#include "searcher/search_cli.h"

#include <boost/program_options.hpp>
#include <map>

#include "searcher/request_options.h"

namespace po = boost::program_options;

namespace newsdex {
namespace {

constexpr const char* kUsage =
    "Usage: newsdex-search --db PATH [options] QUERY...\n\n"
    "Searches a newsdex database. QUERY uses Xapian's query language:\n"
    "words (stemmed), \"phrases\", AND OR NOT, +word -word, NEAR, word*,\n"
    "and the fields title:, source:NAME, date:2025-06 or "
    "date:2025-06-01..2025-07-15,\nid:ID and any field declared with "
    "newsdex-index --field (category:politics).\nAn empty query with "
    "filters lists every matching article.\n\nExit status: 0 with hits, 1 "
    "with none, 2 on error.\n\nOptions";

// Checks `value` against a closed set; the error lists the allowed ones.
template <typename T>
T choose(const std::string& option, const std::string& value,
         const std::map<std::string, T>& allowed) {
  auto it = allowed.find(value);
  if (it != allowed.end()) return it->second;
  std::string names;
  for (const auto& [name, _] : allowed) {
    names += (names.empty() ? "" : ", ") + name;
  }
  throw po::error("invalid value '" + value + "' for --" + option +
                  "; choose one of: " + names);
}

// The program's own options (not request fields), in --help order.
struct ProgramOptions {
  std::string db_path, highlight = "auto", color = "auto", format = "text";
  std::string batch, show_dropped;
  std::vector<std::string> synonym_files, show_ids, words;
  bool json = false, stats = false, count = false;
};

void add_request_options(po::options_description& visible) {
  for (const RequestOption& o : request_options()) {
    std::string name =
        o.name + (o.short_name.empty() ? "" : "," + o.short_name);
    po::value_semantic* value = nullptr;
    switch (o.kind) {
      case RequestOption::Kind::kFlag:
        value = po::bool_switch();
        break;
      case RequestOption::Kind::kValue:
        value = po::value<std::string>()->value_name(o.value_name);
        break;
      case RequestOption::Kind::kOptionalValue:
        value = po::value<std::string>()
                    ->value_name(o.value_name)
                    ->implicit_value("");
        break;
      case RequestOption::Kind::kList:
        value = po::value<std::vector<std::string>>()->value_name(o.value_name);
        break;
    }
    visible.add_options()(name.c_str(), value, o.help.c_str());
  }
}

void add_program_options(po::options_description& visible, ProgramOptions& p) {
  visible.add_options()("highlight", po::value<std::string>(&p.highlight),
                        "auto (default: ansi with colour, else markers), "
                        "ansi, markers, html or none")(
      "color", po::value<std::string>(&p.color),
      "auto (default), always or never; NO_COLOR turns auto off")(
      "count", po::bool_switch(&p.count),
      "print only the number of matching articles")(
      "batch", po::value<std::string>(&p.batch),
      "run one query per line of FILE (- for stdin): plain text, or a JSON "
      "object with \"q\", \"id\" and any option by its long name; writes "
      "JSON Lines tagged with query_line and query_id")(
      "synonyms", po::value<std::vector<std::string>>(&p.synonym_files),
      "file of synonym groups, one per line: Kyiv = Kiev (repeatable)")(
      "show", po::value<std::vector<std::string>>(&p.show_ids)->multitoken(),
      "instead of searching, print the whole stored article with each ID "
      "(metadata, actors, authors, fields, full text); with --json one "
      "object per line")(
      "format", po::value<std::string>(&p.format),
      "text (default), json (as --json) or csv: the hits (rank, id, date, "
      "source, title, url, actors, authors, score) or, with --facets, the "
      "facet tables, as RFC 4180 CSV")(
      "show-dropped", po::value<std::string>(&p.show_dropped),
      "instead of searching, show what cleaning dropped from the saved page "
      "with this id, block by block")(
      "stats", po::bool_switch(&p.stats),
      "print a summary of the database (documents, dates, sources, size, "
      "last update, facets and declared fields) instead of searching")(
      "json", po::bool_switch(&p.json),
      "JSON Lines on stdout: one object per hit, facets, a summary");
}

// Passes each request option given to the table's setter, as batch lines
// are, so both check values in one place.
void apply_request_options(const po::variables_map& vm, SearchRequest& r) {
  for (const RequestOption& o : request_options()) {
    if (!vm.count(o.name)) continue;
    nlohmann::json value;
    switch (o.kind) {
      case RequestOption::Kind::kFlag:
        if (!vm[o.name].as<bool>()) continue;  // a switch is always there
        value = true;
        break;
      case RequestOption::Kind::kOptionalValue: {
        const auto& text = vm[o.name].as<std::string>();
        value = text.empty() ? nlohmann::json(true) : nlohmann::json(text);
        break;
      }
      case RequestOption::Kind::kList:
        value = vm[o.name].as<std::vector<std::string>>();
        break;
      case RequestOption::Kind::kValue:
        value = vm[o.name].as<std::string>();
        break;
    }
    std::string error = apply_request_option(r, o.name, value);
    if (!error.empty()) throw po::error(error);
  }
}

// The command from the program's options; throws po::error on a bad one.
SearchCommand make_command(ProgramOptions& p, SearchRequest request,
                           const SearchEnvironment& env) {
  SearchCommand c;
  c.request = std::move(request);
  c.db_path = p.db_path.empty() ? env.default_db : p.db_path;
  bool color = choose<bool>(
      "color", p.color,
      {{"auto", env.stdout_wants_color}, {"always", true}, {"never", false}});
  c.format = choose<OutputFormat>("format", p.format,
                                  {{"text", OutputFormat::kText},
                                   {"json", OutputFormat::kJson},
                                   {"csv", OutputFormat::kCsv}});
  if (p.json && c.format == OutputFormat::kCsv) {
    throw po::error("give either --json or --format csv, not both");
  }
  if (p.json) c.format = OutputFormat::kJson;
  c.style.color = c.format != OutputFormat::kJson && color;
  c.style.width = env.width;
  c.style.highlight = choose<HighlightMode>(
      "highlight", p.highlight,
      {{"auto", c.style.color ? HighlightMode::kAnsi : HighlightMode::kMarkers},
       {"ansi", HighlightMode::kAnsi},
       {"markers", HighlightMode::kMarkers},
       {"html", HighlightMode::kHtml},
       {"none", HighlightMode::kNone}});
  c.highlight_given = p.highlight != "auto";
  for (const auto& w : p.words) {
    c.request.query += (c.request.query.empty() ? "" : " ") + w;
  }
  c.count = p.count;
  if (c.count) c.request.limit = 0;  // only the total is printed
  if (!p.batch.empty() && !p.words.empty()) {
    throw po::error("give either a QUERY or --batch FILE, not both");
  }
  c.stats = p.stats;
  c.batch = p.batch;
  c.synonym_files = p.synonym_files;
  c.show_ids = p.show_ids;
  c.show_dropped = p.show_dropped;
  return c;
}

}  // namespace

std::optional<SearchCommand> parse_search_command(
    int argc, const char* const* argv, const SearchEnvironment& env,
    std::ostream& out, std::ostream& err, int& exit_code) {
  ProgramOptions p;
  po::options_description visible(kUsage);
  visible.add_options()("help,h", "print this help and exit")(
      "version", "print the version and exit")(
      "db,d", po::value<std::string>(&p.db_path),
      "database to search (default: $NEWSDEX_DB)");
  add_request_options(visible);
  add_program_options(visible, p);
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(&p.words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
    exit_code = 0;
    if (vm.count("help")) {
      out << visible << '\n';
      return std::nullopt;
    }
    if (vm.count("version")) {
      out << "newsdex-search " << NEWSDEX_VERSION << '\n';
      return std::nullopt;
    }
    if (p.db_path.empty() && env.default_db.empty()) {
      throw po::error("no database: give --db PATH or set NEWSDEX_DB");
    }
    SearchRequest request;
    apply_request_options(vm, request);
    return make_command(p, std::move(request), env);
  } catch (const po::error& e) {
    err << "newsdex-search: error: " << e.what()
        << "\nTry 'newsdex-search --help'.\n";
    exit_code = 2;
    return std::nullopt;
  }
}

}  // namespace newsdex
