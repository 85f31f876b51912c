// Reads saved web pages (.html, .htm, .html.gz) as articles: the main text
// and the page's own metadata (indexer/extract/html/), under the folder's
// metadata rules.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_READER_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_READER_H_

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "indexer/article_sink.h"
#include "indexer/extract/html/html_article.h"

namespace newsdex {

// Why a page with neither title nor text is skipped.
inline constexpr const char* kNoPageText =
    "no article text or title in the page";

// Why a page with a title and no article text is flagged (it is indexed
// with its title).
inline constexpr const char* kNoArticleText =
    "no article text in the page (an index page or a login wall?)";

// The largest page read (a page file as inflated, a web archive's body):
// a bigger one is a bad record.
inline constexpr std::size_t kMaxPageBytes = std::size_t{50} << 20;

// Why `bytes` cannot be a web page, or "": binary data (a NUL byte in its
// first 4 KB, unless a UTF-16 BOM says why).
std::string binary_page_problem(std::string_view bytes);

// Whether `name` is a saved page this reader reads: it ends in ".html",
// ".htm", ".html.gz" or ".htm.gz" (any case).
bool is_html_page_name(std::string_view name);

// The article a page gives: title, text, source (empty when the page names
// no outlet: the writer then names it from the URL), date, authors, the
// canonical URL, and its language as the extra field "language".
Article article_from_html(HtmlArticle html);

// The article a page gives with a record's own fields on top: `fields`
// (a metadata row, or the other fields of a JSON Lines record; an empty
// object when there are none) win over what the page says, and their
// authors replace the page's. `url` is where the page was fetched from
// (a WARC record's target), used when `fields` gives no "url";
// `http_charset` the charset an HTTP header declared, or "". Returns ""
// on success, else the reason the record is bad (a field of the wrong
// type); `date_warning` as for apply_record_fields(). The id is left to
// the caller, and an article with neither title nor text is not refused
// here. `charset_warning` (may be null) is set when the page declared a
// charset iconv does not know ("unknown charset 'x-foo'; read as CP1252").
std::string article_from_page(std::string_view bytes,
                              std::string_view http_charset,
                              std::string_view url,
                              const nlohmann::json& fields, Article& article,
                              std::string& date_warning,
                              std::string* charset_warning = nullptr);

// Hands a page's article to `sink`: a bad record when it has neither title
// nor text or finish_article() refuses it; else its date warning and
// charset warning (either may be ""), a flag when it has a title and no
// text, and the article.
void deliver_page_article(Article article, const RecordOrigin& origin,
                          const std::string& date_warning,
                          const std::string& charset_warning,
                          ArticleSink& sink);

// Reads one page. `id` is the article id, `metadata` the fields of its
// metadata row (empty object when it has none): a metadata value wins over
// what the page says (its authors replace the page's). A page with neither
// title nor text, or that cannot be read, is a bad record, and one with
// a title and no text is flagged (ArticleSink::flagged()). A page is read
// whole; one that inflates past kMaxPageBytes (50 MB), or holds binary
// data, is a bad record.
void read_html_page(const std::filesystem::path& path, const std::string& id,
                    const nlohmann::json& metadata,
                    const RecordOrigin& metadata_origin, ArticleSink& sink);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_READER_H_
