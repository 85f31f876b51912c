// One page in, one article out: charset, parse, metadata, main text.
#include "indexer/extract/html/html_article.h"

#include "common/text_utf8.h"
#include "indexer/extract/byline.h"
#include "indexer/extract/html/html_tree.h"
#include "indexer/extract/html/main_text.h"
#include "indexer/extract/html/page_charset.h"
#include "indexer/extract/html/page_date.h"
#include "indexer/extract/html/page_metadata.h"
#include "indexer/extract/html/page_signals.h"

namespace newsdex {
namespace {

// How much of a page is parsed to find its declared charset: browsers
// look at the first 1,024 bytes; pages with long heads put it later.
constexpr std::size_t kCharsetScanBytes = 64 * 1024;

// The charset the page declares in <meta charset> or an http-equiv
// Content-Type, as a label; "" when it declares none.
std::string declared_charset(std::string_view bytes) {
  HtmlTree tree(bytes.substr(0, kCharsetScanBytes));
  std::vector<const GumboNode*> metas;
  collect_elements(
      tree.document(),
      [](const GumboNode* e) { return e->v.element.tag == GUMBO_TAG_META; },
      metas);
  for (const GumboNode* m : metas) {
    std::string_view charset = attribute(m, "charset");
    if (!charset.empty()) return std::string(charset);
    std::string equiv(attribute(m, "http-equiv"));
    lower_ascii_in_place(equiv);
    if (equiv == "content-type") {
      std::string c = charset_from_content_type(attribute(m, "content"));
      if (!c.empty()) return c;
    }
  }
  return "";
}

std::string convert_or_repair(std::string_view bytes, const std::string& name) {
  if (name == "UTF-8") return repair_utf8(bytes);
  if (auto converted = convert_to_utf8(bytes, name)) return *converted;
  return repair_utf8(bytes);
}

}  // namespace

std::string page_to_utf8(std::string_view bytes, std::string_view http_charset,
                         std::string& charset, std::string* unknown) {
  ByteOrderMark bom = find_byte_order_mark(bytes);
  if (!bom.charset.empty()) {
    charset = bom.charset;
    return convert_or_repair(bytes.substr(bom.length), bom.charset);
  }
  if (std::string name = iconv_charset_name(http_charset); !name.empty()) {
    charset = name;
    return convert_or_repair(bytes, name);
  }
  const bool valid_utf8 = find_invalid_utf8(bytes) == std::string_view::npos;
  if (unknown && !valid_utf8 && !trim_space(http_charset).empty())
    *unknown = std::string(trim_space(http_charset));
  // Valid UTF-8 is UTF-8 whatever the page declares: legacy single-byte
  // text beyond ASCII is almost never valid UTF-8, while pages re-saved as
  // UTF-8 often keep their old declaration. (And the declaration need not
  // be parsed for the many pages that are.)
  charset = "UTF-8";
  if (valid_utf8) return std::string(bytes);
  std::string declared = declared_charset(bytes);
  std::string name = iconv_charset_name(declared);
  if (unknown && name.empty() && !trim_space(declared).empty() &&
      unknown->empty())
    *unknown = std::string(trim_space(declared));
  if (name == "UTF-8") return repair_utf8(bytes);
  if (name.empty()) name = detect_charset(bytes);
  if (name.empty() || name == "UTF-8") name = "CP1252";
  charset = name;
  return convert_or_repair(bytes, name);
}

HtmlArticle extract_html_article(const HtmlPageInput& input) {
  HtmlArticle article;
  std::string utf8 = page_to_utf8(input.bytes, input.http_charset,
                                  article.charset, &article.unknown_charset);
  HtmlTree tree(utf8);
  PageSignals signals = read_page_signals(tree);
  article.url = page_url(signals, input.url);
  article.source = page_source(signals, article.url);
  article.title = page_title(tree, signals, article.source);
  MainText main = extract_main_text(tree, article.title);
  article.text = std::move(main.text);
  PageDate date = find_publication_date(tree, signals, input.url,
                                        main.container, input.today);
  article.date = date.date;
  article.date_found_in = date.found_in;
  article.authors = page_authors(tree, signals, main.container, article.source);
  // Pages without author markup often open the text with a byline (ISW's
  // reports: "Mason Clark, George Barros, and Kateryna Stepanenko").
  if (article.authors.empty())
    article.authors = find_byline(article.text, article.title).authors;
  article.language = page_language(signals);
  return article;
}

}  // namespace newsdex
