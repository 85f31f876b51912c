// The text, JSON and CSV printers: each forwards to its format's writers
// (text_output.h, json_output.h, csv_output.h; stats_output.h for --stats,
// article_output.h for --show and --show-dropped).
#include "searcher/printers.h"

#include "common/json_text.h"
#include "searcher/article_output.h"
#include "searcher/csv_output.h"
#include "searcher/json_output.h"
#include "searcher/stats_output.h"
#include "searcher/text_output.h"

namespace newsdex {
namespace {

class TextPrinter : public ResultPrinter {
 public:
  explicit TextPrinter(const HumanStyle& style) : style_(style) {}
  void response(const SearchRequest& request, const SearchResponse& response,
                bool count_only, std::ostream& out) const override {
    if (count_only) {
      out << response.total << '\n';
    } else {
      write_human(request, response, style_, out);
    }
  }
  void stats(const DatabaseStats& stats, std::size_t size,
             std::ostream& out) const override {
    write_stats_human(stats, size, style_, out);
  }
  void article(const StoredArticle& article, bool first,
               std::ostream& out) const override {
    if (!first) out << '\n';
    write_article_human(article, out);
  }
  void dropped(const StoredArticle& article, std::ostream& out) const override {
    write_dropped_human(article, out);
  }

 protected:
  HumanStyle style_;
};

class JsonPrinter : public ResultPrinter {
 public:
  explicit JsonPrinter(HighlightMode highlight) : highlight_(highlight) {}
  void response(const SearchRequest& request, const SearchResponse& response,
                bool count_only, std::ostream& out) const override {
    write_json_lines(request, response, highlight_, out,
                     nlohmann::json::object(), count_only);
  }
  void stats(const DatabaseStats& stats, std::size_t size,
             std::ostream& out) const override {
    write_stats_json(stats, size, out);
  }
  void article(const StoredArticle& article, bool,
               std::ostream& out) const override {
    out << json_text({{"type", "article"}, {"data", article_to_json(article)}})
        << '\n';
  }
  void dropped(const StoredArticle& article, std::ostream& out) const override {
    out << json_text({{"type", "dropped"}, {"data", dropped_to_json(article)}})
        << '\n';
  }

 private:
  HighlightMode highlight_;
};

class CsvPrinter : public TextPrinter {
 public:
  using TextPrinter::TextPrinter;
  void response(const SearchRequest& request, const SearchResponse& response,
                bool count_only, std::ostream& out) const override {
    if (count_only) {
      out << response.total << '\n';
    } else if (request.facets.empty()) {
      write_hits_csv(response, out);
    } else {
      write_facets_csv(response, out);
    }
  }
};

}  // namespace

std::unique_ptr<ResultPrinter> make_printer(OutputFormat format,
                                            const HumanStyle& style) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonPrinter>(style.highlight);
    case OutputFormat::kCsv:
      return std::make_unique<CsvPrinter>(style);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextPrinter>(style);
}

}  // namespace newsdex
