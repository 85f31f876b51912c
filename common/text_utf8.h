// UTF-8 checks and Unicode case folding (on utf8proc), shared by the
// indexer, the query builder and the snippet highlighter.
#ifndef NEWSDEX_COMMON_TEXT_UTF8_H_
#define NEWSDEX_COMMON_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

// Byte offset of the first invalid UTF-8 sequence in `text`, or
// std::string_view::npos when the whole text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// Lower-cases `text` (full Unicode case folding). Invalid sequences are
// copied through unchanged.
std::string fold_case(std::string_view text);

// Case-folds and strips accents: "Noël" -> "noel". For keys, not display.
std::string fold_for_key(std::string_view text);

// 'A'-'Z' to 'a'-'z', any other byte as it is: the fast path of case
// folding where a text is known to be ASCII.
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
inline void lower_ascii_in_place(std::string& text) {
  for (char& c : text) c = ascii_lower(c);
}

// Trims ASCII white space at both ends.
std::string_view trim_space(std::string_view text);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_TEXT_UTF8_H_
