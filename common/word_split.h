// Word segmentation shared by snippets and duplicate fingerprints: runs of
// letters, marks and digits, an apostrophe allowed between letters.
#ifndef NEWSDEX_COMMON_WORD_SPLIT_H_
#define NEWSDEX_COMMON_WORD_SPLIT_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsdex {

struct WordSpan {
  std::size_t begin = 0, end = 0;        // byte offsets in the text
  std::size_t cp_begin = 0, cp_end = 0;  // code point offsets
};

// The words of `text` in order. Invalid UTF-8 bytes separate words and
// are never part of one, so a span never splits a sequence.
std::vector<WordSpan> split_words(std::string_view text);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_WORD_SPLIT_H_
