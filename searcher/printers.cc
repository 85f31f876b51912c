// The text, JSON and CSV printers: each forwards to its format's writer
// (result_output.h for text and JSON, csv_output.h, article_output.h).
#include "searcher/printers.h"

#include "common/json_text.h"
#include "searcher/article_output.h"
#include "searcher/csv_output.h"

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
    out << terminal_text(article.id) << ": " << article.dropped.size()
        << " blocks, " << article.dropped_chars << " bytes dropped\n";
    for (const auto& block : article.dropped) {
      out << "[" << terminal_text(block.value("kind", "")) << "] "
          << terminal_text(block.value("text", "")) << '\n';
    }
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
    out << json_text({{"type", "dropped"},
                      {"data",
                       {{"id", article.id},
                        {"dropped_chars", article.dropped_chars},
                        {"blocks", article.dropped}}}})
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
