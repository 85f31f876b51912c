// Output printers behind one interface: newsdex-search picks one by
// --format (text, json, csv) and hands it what it has to print, whatever
// the mode (a search, --stats, --show, --show-dropped).
#ifndef NEWSDEX_SEARCHER_PRINTERS_H_
#define NEWSDEX_SEARCHER_PRINTERS_H_

#include <memory>
#include <ostream>

#include "searcher/db_stats.h"
#include "searcher/rendering.h"
#include "searcher/search.h"

namespace newsdex {

enum class OutputFormat { kText, kJson, kCsv };

class ResultPrinter {
 public:
  virtual ~ResultPrinter() = default;
  // A search's hits, facets and summary (only the count with
  // `count_only`).
  virtual void response(const SearchRequest& request,
                        const SearchResponse& response, bool count_only,
                        std::ostream& out) const = 0;
  // --stats; `size` limits the sources and actors listed (0: all).
  virtual void stats(const DatabaseStats& stats, std::size_t size,
                     std::ostream& out) const = 0;
  // --show: one whole article. `first` is false for the second and later.
  virtual void article(const StoredArticle& article, bool first,
                       std::ostream& out) const = 0;
  // --show-dropped: what cleaning dropped from a saved page.
  virtual void dropped(const StoredArticle& article,
                       std::ostream& out) const = 0;
};

// The printer for `format`; `style` is for text (and the highlighting of
// JSON). CSV prints stats and articles as text does.
std::unique_ptr<ResultPrinter> make_printer(OutputFormat format,
                                            const HumanStyle& style);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_PRINTERS_H_
