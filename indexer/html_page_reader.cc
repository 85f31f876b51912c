// Saved web pages in: bytes (gzip or not), the HTML extractor, then the
// metadata row on top, as for .txt pages.
#include "indexer/html_page_reader.h"

#include <zlib.h>

#include <chrono>
#include <optional>

#include "common/source_name.h"
#include "common/text_utf8.h"
#include "indexer/record_fields.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

// The file's bytes, inflated when gzip-compressed (gzread passes plain
// files through). nullopt with `error` set when it cannot be read.
std::optional<std::string> read_page_bytes(const fs::path& path,
                                           std::string& error) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot open file";
    return std::nullopt;
  }
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > kMaxPageBytes) {
      gzclose(f);
      error = "page larger than " + std::to_string(kMaxPageBytes >> 20) + " MB";
      return std::nullopt;
    }
  }
  int code = 0;
  const char* message = gzerror(f, &code);
  // At the end of input, Z_BUF_ERROR says the gzip data was cut short (a
  // truncated download): gzread gives what it had without an error.
  if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
    error = std::string("read error: ") +
            (code == Z_BUF_ERROR ? "the gzip data is cut short (a truncated "
                                   "file)"
                                 : message);
    gzclose(f);
    return std::nullopt;
  }
  gzclose(f);
  return out;
}

}  // namespace

std::string binary_page_problem(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return "";  // UTF-16: NUL bytes are text
  std::size_t nul = bytes.substr(0, 4096).find('\0');
  if (nul == std::string_view::npos) return "";
  return "binary data, not a web page (a NUL byte at " + std::to_string(nul) +
         ")";
}

bool is_html_page_name(std::string_view name) {
  std::string lower(name);
  lower_ascii_in_place(lower);
  for (std::string_view ext : {".html", ".htm", ".html.gz", ".htm.gz"}) {
    if (lower.ends_with(ext)) return true;
  }
  return false;
}

Article article_from_html(HtmlArticle html) {
  Article article;
  article.url = std::move(html.url);
  // A site name the page does not give is left to the writer, which maps
  // the URL's site through the outlet table.
  if (html.source != site_of_url(article.url))
    article.source = std::move(html.source);
  article.title = std::move(html.title);
  article.text = std::move(html.text);
  article.date = html.date;
  for (std::string& name : html.authors) add_author(article, std::move(name));
  if (!html.language.empty()) article.extra["language"] = html.language;
  return article;
}

std::string article_from_page(std::string_view bytes,
                              std::string_view http_charset,
                              std::string_view url,
                              const nlohmann::json& fields, Article& article,
                              std::string& date_warning,
                              std::string* charset_warning) {
  std::string given_url(url);
  if (auto it = fields.find("url"); it != fields.end() && it->is_string())
    given_url = it->get<std::string>();
  // The run's own clock rejects dates after its day later on; here any
  // date up to the far future is a candidate.
  HtmlPageInput input{bytes, given_url, http_charset,
                      std::chrono::sys_days{std::chrono::year{9999} /
                                            std::chrono::December / 31}};
  HtmlArticle html = extract_html_article(input);
  if (charset_warning && !html.unknown_charset.empty()) {
    *charset_warning = "unknown charset '" + html.unknown_charset +
                       "'; read as " + html.charset;
  }
  article = article_from_html(std::move(html));
  if (fields.empty()) return "";
  if (fields.contains("authors") || fields.contains("author"))
    article.authors.clear();
  return apply_record_fields(fields, article, date_warning);
}

void read_html_page(const fs::path& path, const std::string& id,
                    const nlohmann::json& metadata,
                    const RecordOrigin& metadata_origin, ArticleSink& sink) {
  RecordOrigin origin{path.string(), 0};
  std::string error;
  std::optional<std::string> bytes = read_page_bytes(path, error);
  if (!bytes) {
    sink.bad_record(origin, error);
    return;
  }
  if (std::string binary = binary_page_problem(*bytes); !binary.empty()) {
    sink.bad_record(origin, binary);
    return;
  }
  Article article;
  std::string date_warning, charset_warning;
  error = article_from_page(*bytes, "", "", metadata, article, date_warning,
                            &charset_warning);
  if (!error.empty()) {
    sink.bad_record(origin,
                    error + " (metadata " + metadata_origin.to_string() + ")");
    return;
  }
  article.id = id;
  if (!date_warning.empty()) {
    date_warning += " (metadata " + metadata_origin.to_string() + ")";
  }
  deliver_page_article(std::move(article), origin, date_warning,
                       charset_warning, sink);
}

void deliver_page_article(Article article, const RecordOrigin& origin,
                          const std::string& date_warning,
                          const std::string& charset_warning,
                          ArticleSink& sink) {
  if (trim_space(article.text).empty() && trim_space(article.title).empty()) {
    sink.bad_record(origin, kNoPageText);
    return;
  }
  if (std::string bad = finish_article(article); !bad.empty()) {
    sink.bad_record(origin, bad);
    return;
  }
  if (!date_warning.empty()) sink.date_warning(origin, date_warning);
  if (!charset_warning.empty()) sink.flagged(origin, charset_warning);
  if (trim_space(article.text).empty()) sink.flagged(origin, kNoArticleText);
  sink.article(std::move(article), origin);
}

}  // namespace newsdex
