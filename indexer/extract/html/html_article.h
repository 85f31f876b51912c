// A saved web page as an article: its main text and what the page says of
// itself (title, outlet, publication date, authors, canonical URL,
// language). The entry point of indexer/extract/html/.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_HTML_ARTICLE_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_HTML_ARTICLE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date_parse.h"

namespace newsdex {

struct HtmlArticle {
  std::string title;
  std::string text;    // paragraphs separated by blank lines; may be empty
  std::string source;  // og:site_name, JSON-LD publisher, else the site
  std::optional<ArticleDate> date;  // the original publication date
  std::string date_found_in;        // "json-ld", "meta", "time", "url", "text"
  std::vector<std::string> authors;
  std::string url;       // canonical URL, else the page's own
  std::string language;  // primary language subtag ("en", "de"), or ""
  std::string charset;   // what the page was read as ("UTF-8", "CP1251")
  // A charset the HTTP header or the page declared that iconv does not
  // know (the page was read another way), or "".
  std::string unknown_charset;
};

struct HtmlPageInput {
  std::string_view bytes;  // the page as saved, in any charset
  std::string_view url;    // where it was saved from, when known
  // The charset an HTTP header gave (a WARC record's Content-Type), or "".
  std::string_view http_charset;
  // The day the run happens: no publication date may be after it.
  std::chrono::sys_days today;
};

// Reads one page. Never throws for any input: an unknown charset is read
// as windows-1252, a page without article text gives an empty `text`.
// Thread-safe (no shared state).
HtmlArticle extract_html_article(const HtmlPageInput& input);

// The UTF-8 text of a page: the BOM's charset, else the HTTP one, else the
// page's <meta charset> / http-equiv Content-Type, else a detected one
// (UTF-8 when the bytes are valid UTF-8). `charset` receives the iconv
// name used; `unknown` (may be null) the label of a declared charset that
// iconv does not know, when the bytes are not UTF-8. Exposed for tests.
std::string page_to_utf8(std::string_view bytes, std::string_view http_charset,
                         std::string& charset, std::string* unknown = nullptr);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_HTML_ARTICLE_H_
