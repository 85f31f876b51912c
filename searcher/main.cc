// newsdex-search: parses the command line, runs one search, prints it.
#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "common/json_text.h"
#include "searcher/article_output.h"
#include "searcher/batch.h"
#include "searcher/csv_output.h"
#include "searcher/request_options.h"
#include "searcher/result_output.h"
#include "searcher/search.h"

namespace po = boost::program_options;

namespace {

// Checks `value` against a closed set; the error lists the allowed ones.
template <typename T>
T choose(const std::string& option, const std::string& value,
         const std::map<std::string, T>& allowed) {
  auto it = allowed.find(value);
  if (it != allowed.end()) return it->second;
  std::string names;
  for (const auto& [name, _] : allowed)
    names += (names.empty() ? "" : ", ") + name;
  throw po::error("invalid value '" + value + "' for --" + option +
                  "; choose one of: " + names);
}

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

bool color_wanted(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr &&
         !(term != nullptr && std::string(term) == "dumb");
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::SearchRequest request;
  std::string db_path, sort = "relevance", highlight = "auto", color = "auto",
                       match = "auto";
  std::vector<std::string> words;
  bool json = false, stats = false, count = false;
  std::string batch;
  std::vector<std::string> synonym_files;
  std::string show_dropped;
  std::vector<std::string> where, show_ids;
  std::string format = "text";

  // The help says what a bare --facets counts, from the list it counts.
  const std::string bare_facets =
      newsdex::facet_list_text(newsdex::default_facets());
  const std::string facets_help =
      "count facet values over all matches: a comma-separated LIST of "
      "source, actor, author, date (by day), date:month, date:year; bare "
      "--facets gives " +
      bare_facets;
  po::options_description visible(
      "Usage: newsdex-search --db PATH [options] QUERY...\n\n"
      "Searches a newsdex database. QUERY uses Xapian's query language:\n"
      "words (stemmed), \"phrases\", AND OR NOT, +word -word, NEAR, word*,\n"
      "and the fields title:, source:NAME, date:2025-06 or "
      "date:2025-06-01..2025-07-15.\nAn empty query with filters lists every "
      "matching article.\n\nExit status: 0 with hits, 1 with none, 2 on "
      "error.\n\nOptions");
  visible.add_options()("help,h", "print this help and exit")(
      "version", "print the version and exit")(
      "db,d", po::value<std::string>(&db_path),
      "database to search (default: $NEWSDEX_DB)")(
      "source,s", po::value<std::vector<std::string>>(&request.filters.sources),
      "only articles from this source (repeatable: any of them)")(
      "actor,a", po::value<std::vector<std::string>>(&request.filters.actors),
      "only articles naming this person or organisation, under any of its "
      "names (repeatable: any of them)")(
      "author", po::value<std::vector<std::string>>(&request.filters.authors),
      "only articles by this author, by full name or surname (repeatable: "
      "any of them); authors come from bylines and the records' authors "
      "field, and are never actors")(
      "where", po::value<std::vector<std::string>>(&where),
      "only articles whose FIELD has VALUE: FIELD=VALUE, for any field that "
      "filters (source, actor, author, date, id, a field declared with "
      "newsdex-index --field); repeatable: values of one field are "
      "alternatives, fields must all hold")(
      "since", po::value<std::string>(&request.filters.since),
      "only articles dated on or after this date (2025-06-01, 2025-06, 2025)")(
      "until", po::value<std::string>(&request.filters.until),
      "only articles dated on or before this date")(
      "match", po::value<std::string>(&match),
      "auto (default): every word must match in a query of up to 3 "
      "words, any of them in a longer one (ranked by how many and how "
      "rare); all: every word; any: at least one")(
      "limit,n", po::value<std::string>(),
      "number of hits to show (default 10)")(
      "offset", po::value<std::string>(),
      "skip this many hits first (default 0)")(
      "recent", po::value<std::string>()->implicit_value(""),
      "favour recent articles: a bonus halving every DAYS days of age (bare: "
      "30), at most a quarter of the best match's score")(
      "explain", po::bool_switch(&request.explain),
      "show the weight each query term contributed to each hit")(
      "collapse", po::bool_switch(&request.collapse),
      "one hit per group of near-duplicate articles (wire copies), listing "
      "the others")(
      "like", po::value<std::string>(&request.like),
      "find articles like the one with this id (combines with the query "
      "and filters)")(
      "sort", po::value<std::string>(&sort),
      "relevance (default), date (oldest first) or -date (newest first)")(
      "facets",
      po::value<std::string>()->value_name("LIST")->implicit_value("default"),
      facets_help.c_str())("facet-size", po::value<std::string>(),
                           "values per facet (default 10, 0 for all)")(
      "snippet-chars", po::value<std::string>(),
      "characters per snippet passage (default 160)")(
      "fragments", po::value<std::string>(),
      "snippet passages per hit (default 2)")(
      "highlight", po::value<std::string>(&highlight),
      "auto (default: ansi with colour, else markers), ansi, markers, html "
      "or none")("color", po::value<std::string>(&color),
                 "auto (default), always or never; NO_COLOR turns auto off")(
      "count", po::bool_switch(&count),
      "print only the number of matching articles")(
      "batch", po::value<std::string>(&batch),
      "run one query per line of FILE (- for stdin): plain text, or a JSON "
      "object with \"q\", \"id\" and any option by its long name; writes "
      "JSON Lines tagged with query_line and query_id")(
      "synonyms", po::value<std::vector<std::string>>(&synonym_files),
      "file of synonym groups, one per line: Kyiv = Kiev (repeatable)")(
      "show", po::value<std::vector<std::string>>(&show_ids)->multitoken(),
      "instead of searching, print the whole stored article with each ID "
      "(metadata, actors, authors, fields, full text); with --json one "
      "object per line")(
      "format", po::value<std::string>(&format),
      "text (default), json (as --json) or csv: the hits (rank, id, date, "
      "source, title, url, actors, authors, score) or, with --facets, the "
      "facet tables, as RFC 4180 CSV")(
      "show-dropped", po::value<std::string>(&show_dropped),
      "instead of searching, show what cleaning dropped from the saved page "
      "with this id, block by block")(
      "stats", po::bool_switch(&stats),
      "print a summary of the database (documents, dates, sources, size, "
      "last update) instead of searching")(
      "json", po::bool_switch(&json),
      "JSON Lines on stdout: one object per hit, facets, a summary");
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(&words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  newsdex::HighlightMode highlight_mode;
  bool use_color;
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
      std::cout << "newsdex-search " << NEWSDEX_VERSION << '\n';
      return 0;
    }
    if (db_path.empty()) {
      if (const char* env = std::getenv("NEWSDEX_DB")) db_path = env;
    }
    if (db_path.empty()) {
      throw po::error("no database: give --db PATH or set NEWSDEX_DB");
    }
    // Numbers are checked where batch lines are checked.
    for (const char* name :
         {"limit", "offset", "facet-size", "snippet-chars", "fragments"}) {
      if (!vm.count(name)) continue;
      std::string error = newsdex::apply_request_option(
          request, name, vm[name].as<std::string>());
      if (!error.empty()) throw po::error(error);
    }
    if (vm.count("recent")) {
      const std::string& days = vm["recent"].as<std::string>();
      std::string error = newsdex::apply_request_option(
          request, "recent",
          days.empty() ? nlohmann::json(true) : nlohmann::json(days));
      if (!error.empty()) throw po::error(error);
    }
    std::string error;
    auto sort_order = newsdex::parse_sort(sort, error);
    if (!sort_order) throw po::error(error);
    request.sort = *sort_order;
    auto match_mode = newsdex::parse_match(match, error);
    if (!match_mode) throw po::error(error);
    request.match = *match_mode;
    choose<int>("color", color, {{"auto", 0}, {"always", 1}, {"never", 2}});
    choose<int>("format", format, {{"text", 0}, {"json", 1}, {"csv", 2}});
    if (format == "json") json = true;
    if (json && format == "csv") {
      throw po::error("give either --json or --format csv, not both");
    }
    if (!where.empty()) {
      std::string error =
          newsdex::apply_request_option(request, "where", where);
      if (!error.empty()) throw po::error(error);
    }
    use_color = !json && color_wanted(color);
    highlight_mode = choose<newsdex::HighlightMode>(
        "highlight", highlight,
        {{"auto", use_color ? newsdex::HighlightMode::kAnsi
                            : newsdex::HighlightMode::kMarkers},
         {"ansi", newsdex::HighlightMode::kAnsi},
         {"markers", newsdex::HighlightMode::kMarkers},
         {"html", newsdex::HighlightMode::kHtml},
         {"none", newsdex::HighlightMode::kNone}});
    if (vm.count("facets")) {
      std::string list = vm["facets"].as<std::string>();
      if (list == "default") {
        request.facets = newsdex::default_facets();
      } else if (auto error = newsdex::parse_facet_list(list, request.facets)) {
        throw po::error(*error);
      }
    }
    for (const auto& w : words) {
      request.query += (request.query.empty() ? "" : " ") + w;
    }
    if (count) request.limit = 0;  // only the total is printed
    if (!batch.empty() && !words.empty()) {
      throw po::error("give either a QUERY or --batch FILE, not both");
    }
  } catch (const po::error& e) {
    std::cerr << "newsdex-search: error: " << e.what()
              << "\nTry 'newsdex-search --help'.\n";
    return 2;
  }

  request.today =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  try {
    newsdex::Searcher searcher(db_path);
    if (!synonym_files.empty()) {
      newsdex::SynonymTable synonyms;
      for (const auto& file : synonym_files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
          std::cerr << "newsdex-search: error: cannot read " << file << '\n';
          return 2;
        }
        std::string text(std::istreambuf_iterator<char>(in), {});
        for (const auto& message : synonyms.add(text, file)) {
          std::cerr << "newsdex-search: warning: " << message
                    << "; line ignored\n";
        }
      }
      searcher.set_synonyms(std::move(synonyms));
    }
    if (!show_ids.empty()) {
      // Each article whole; an id with no article is named on stderr.
      std::ostringstream output;
      bool all_found = true;
      for (std::size_t i = 0; i < show_ids.size(); ++i) {
        auto article = searcher.find_article(show_ids[i]);
        if (!article) {
          std::cerr << "newsdex-search: no article with id '" << show_ids[i]
                    << "'\n";
          all_found = false;
          continue;
        }
        if (json) {
          output << newsdex::json_text(
                        {{"type", "article"},
                         {"data", newsdex::article_to_json(*article)}})
                 << '\n';
        } else {
          if (output.tellp() > 0) output << '\n';
          newsdex::write_article_human(*article, output);
        }
      }
      std::cout << output.str();
      std::cout.flush();
      return all_found ? 0 : 1;
    }
    if (!show_dropped.empty()) {
      auto article = searcher.find_article(show_dropped);
      if (!article) {
        std::cerr << "newsdex-search: error: no article with id '"
                  << show_dropped << "'\n";
        return 2;
      }
      if (json) {
        std::cout << newsdex::json_text(
                         {{"type", "dropped"},
                          {"data",
                           {{"id", article->id},
                            {"dropped_chars", article->dropped_chars},
                            {"blocks", article->dropped}}}})
                  << '\n';
      } else {
        std::cout << newsdex::terminal_text(article->id) << ": "
                  << article->dropped.size() << " blocks, "
                  << article->dropped_chars << " bytes dropped\n";
        for (const auto& block : article->dropped) {
          std::cout << "[" << newsdex::terminal_text(block.value("kind", ""))
                    << "] " << newsdex::terminal_text(block.value("text", ""))
                    << '\n';
        }
      }
      return 0;
    }
    if (stats) {
      auto summary = newsdex::collect_stats(searcher.database(), db_path);
      if (json) {
        newsdex::write_stats_json(summary, request.facet_size, std::cout);
      } else {
        newsdex::HumanStyle style{use_color, highlight_mode, terminal_width()};
        newsdex::write_stats_human(summary, request.facet_size, style,
                                   std::cout);
      }
      return 0;
    }
    if (!batch.empty()) {
      std::ifstream file;
      std::istream* in = &std::cin;
      if (batch != "-") {
        file.open(batch);
        if (!file) {
          std::cerr << "newsdex-search: error: cannot read " << batch << '\n';
          return 2;
        }
        in = &file;
      }
      newsdex::BatchOptions options{highlight == "auto"
                                        ? newsdex::HighlightMode::kMarkers
                                        : highlight_mode,
                                    count};
      auto summary =
          newsdex::run_batch(searcher, request, options, *in, std::cout);
      std::cout.flush();
      return summary.errors == 0 ? 0 : 2;
    }
    newsdex::SearchResponse response = searcher.search(request);
    if (!response.ok) {
      if (response.offending.rfind("--", 0) == 0) {  // a filter option
        std::cerr << "newsdex-search: error: " << response.error << " in "
                  << response.offending.substr(0, response.offending.find(' '))
                  << '\n';
      } else {
        std::cerr << "newsdex-search: error: malformed query '"
                  << response.offending << "': " << response.error << '\n';
      }
      return 2;
    }
    // The whole output is made before any of it is written, so that an
    // error on the way leaves stdout empty.
    std::ostringstream output;
    if (json) {
      newsdex::write_json_lines(request, response, highlight_mode, output,
                                nlohmann::json::object(), count);
    } else if (count) {
      output << response.total << '\n';
    } else if (format == "csv") {
      if (request.facets.empty()) {
        newsdex::write_hits_csv(response, output);
      } else {
        newsdex::write_facets_csv(response, output);
      }
    } else {
      newsdex::HumanStyle style{use_color, highlight_mode, terminal_width()};
      newsdex::write_human(request, response, style, output);
    }
    std::cout << output.str();
    std::cout.flush();
    return response.total > 0 ? 0 : 1;
  } catch (const Xapian::DatabaseOpeningError& e) {
    std::cerr << "newsdex-search: error: cannot open database " << db_path
              << ": " << e.get_msg() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-search: error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "newsdex-search: error: " << e.what() << '\n';
  }
  return 2;
}
