// Word segmentation on utf8proc's character categories.
#include "common/word_split.h"

#include <utf8proc.h>

#include <array>

namespace newsdex {
namespace {

// ASCII letters and digits, by table: split_words runs over every stored
// text a search shows, and a call to std::isalnum per byte showed up in
// the profile.
constexpr auto kAsciiWord = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
  }
  return table;
}();

bool is_word_codepoint(utf8proc_int32_t cp) {
  if (cp < 0x80) return kAsciiWord[static_cast<std::size_t>(cp)];
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(utf8proc_int32_t cp) { return cp == '\'' || cp == 0x2019; }

// Decodes the code point at `pos`; an invalid byte is one non-word unit.
utf8proc_int32_t decode(std::string_view text, std::size_t pos,
                        std::size_t& length) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
      static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  length = n > 0 ? static_cast<std::size_t>(n) : 1;
  return n > 0 ? cp : -1;
}

}  // namespace

std::vector<WordSpan> split_words(std::string_view text) {
  std::vector<WordSpan> words;
  words.reserve(text.size() / 6 + 1);
  std::size_t pos = 0, cp_index = 0;
  bool in_word = false;
  WordSpan current;
  while (pos < text.size()) {
    std::size_t len;
    utf8proc_int32_t cp = decode(text, pos, len);
    bool word_char = cp >= 0 && is_word_codepoint(cp);
    if (!word_char && in_word && is_apostrophe(cp) && pos + len < text.size()) {
      std::size_t next_len;
      utf8proc_int32_t next = decode(text, pos + len, next_len);
      word_char = next >= 0 && is_word_codepoint(next);
    }
    if (word_char && !in_word) {
      current = WordSpan{pos, 0, cp_index, 0};
      in_word = true;
    } else if (!word_char && in_word) {
      current.end = pos;
      current.cp_end = cp_index;
      words.push_back(current);
      in_word = false;
    }
    pos += len;
    ++cp_index;
  }
  if (in_word) {
    current.end = pos;
    current.cp_end = cp_index;
    words.push_back(current);
  }
  return words;
}

}  // namespace newsdex
