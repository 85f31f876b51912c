// newsdex-search's modes, one function each.
#include "searcher/search_command.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "searcher/batch.h"

namespace newsdex {
namespace {

constexpr const char* kError = "newsdex-search: error: ";

// Adds the --synonyms files to the searcher; false (and a message) when
// one cannot be read.
bool load_synonyms(const SearchCommand& c, Searcher& searcher,
                   std::ostream& err) {
  if (c.synonym_files.empty()) return true;
  SynonymTable synonyms;
  for (const auto& file : c.synonym_files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      err << kError << "cannot read " << file << '\n';
      return false;
    }
    std::string text(std::istreambuf_iterator<char>(in), {});
    for (const auto& message : synonyms.add(text, file)) {
      err << "newsdex-search: warning: " << message << "; line ignored\n";
    }
  }
  searcher.set_synonyms(std::move(synonyms));
  return true;
}

// --show: each article whole; an id with no article is named on stderr.
int show_articles(const SearchCommand& c, const Searcher& searcher,
                  const ResultPrinter& printer, std::ostream& out,
                  std::ostream& err) {
  std::ostringstream output;
  bool all_found = true, first = true;
  for (const std::string& id : c.show_ids) {
    auto article = searcher.find_article(id);
    if (!article) {
      err << "newsdex-search: no article with id '" << id << "'\n";
      all_found = false;
      continue;
    }
    printer.article(*article, first, output);
    first = false;
  }
  out << output.str() << std::flush;
  return all_found ? 0 : 1;
}

int show_dropped(const SearchCommand& c, const Searcher& searcher,
                 const ResultPrinter& printer, std::ostream& out,
                 std::ostream& err) {
  auto article = searcher.find_article(c.show_dropped);
  if (!article) {
    err << kError << "no article with id '" << c.show_dropped << "'\n";
    return 2;
  }
  printer.dropped(*article, out);
  return 0;
}

int run_batch_file(const SearchCommand& c, Searcher& searcher, std::istream& in,
                   std::ostream& out, std::ostream& err) {
  std::ifstream file;
  std::istream* source = &in;
  if (c.batch != "-") {
    file.open(c.batch);
    if (!file) {
      err << kError << "cannot read " << c.batch << '\n';
      return 2;
    }
    source = &file;
  }
  // JSON marks matches with markers unless --highlight says otherwise.
  BatchOptions options{
      c.highlight_given ? c.style.highlight : HighlightMode::kMarkers, c.count};
  auto summary = run_batch(searcher, c.request, options, *source, out);
  out.flush();
  return summary.errors == 0 ? 0 : 2;
}

int search_once(const SearchCommand& c, Searcher& searcher,
                const ResultPrinter& printer, std::ostream& out,
                std::ostream& err) {
  SearchResponse response = searcher.search(c.request);
  if (!response.ok) {
    if (response.offending.rfind("--", 0) == 0) {  // a filter option
      err << kError << response.error << " in "
          << response.offending.substr(0, response.offending.find(' ')) << '\n';
    } else {
      err << kError << "malformed query '" << response.offending
          << "': " << response.error << '\n';
    }
    return 2;
  }
  std::ostringstream output;
  printer.response(c.request, response, c.count, output);
  out << output.str() << std::flush;
  return response.total > 0 ? 0 : 1;
}

}  // namespace

int run_search_command(const SearchCommand& c, std::istream& in,
                       std::ostream& out, std::ostream& err) {
  Searcher searcher(c.db_path);
  if (!load_synonyms(c, searcher, err)) return 2;
  auto printer = make_printer(c.format, c.style);
  if (!c.show_ids.empty()) {
    return show_articles(c, searcher, *printer, out, err);
  }
  if (!c.show_dropped.empty()) {
    return show_dropped(c, searcher, *printer, out, err);
  }
  if (c.stats) {
    printer->stats(collect_stats(searcher.database(), c.db_path),
                   c.request.facet_size, out);
    return 0;
  }
  if (!c.batch.empty()) return run_batch_file(c, searcher, in, out, err);
  return search_once(c, searcher, *printer, out, err);
}

}  // namespace newsdex
