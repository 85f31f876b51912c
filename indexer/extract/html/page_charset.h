// Character sets of saved pages: the encoding a page declares or a BOM
// names, detection when nothing is declared, and conversion to UTF-8 with
// iconv (glibc).
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_CHARSET_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_CHARSET_H_

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// The iconv name for a charset label as pages and HTTP headers write it
// ("utf8", "Shift_JIS", "latin1", "x-cp1251", "euc-kr"), following the
// WHATWG Encoding standard's aliases where it makes a label a superset
// ("iso-8859-1" and "us-ascii" are read as windows-1252, "gb2312" as GBK).
// "UTF-8" for the UTF-8 labels; "" for a label it does not know.
std::string iconv_charset_name(std::string_view label);

// The charset a byte-order mark at the start of `bytes` names ("UTF-8",
// "UTF-16LE", "UTF-16BE") and the BOM's length; {"", 0} without one.
struct ByteOrderMark {
  std::string charset;
  std::size_t length = 0;
};
ByteOrderMark find_byte_order_mark(std::string_view bytes);

// The charset label a Content-Type value names ("text/html;
// charset=windows-1251" -> "windows-1251"), or "".
std::string charset_from_content_type(std::string_view content_type);

// `bytes` in `charset` (an iconv name) as UTF-8; a byte sequence invalid in
// that charset becomes U+FFFD. nullopt when iconv does not know `charset`.
std::optional<std::string> convert_to_utf8(std::string_view bytes,
                                           const std::string& charset);

// A guess at the charset of `bytes` (uchardet), as an iconv name; "" when
// it cannot tell.
std::string detect_charset(std::string_view bytes);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_PAGE_CHARSET_H_
