// Bylines: the authors an article names at its top ("By Jane Doe and John
// Roe", a first line that only lists names, as ISW reports open). Authors
// are not actors: the extractor never reads the byline.
#ifndef NEWSDEX_INDEXER_EXTRACT_BYLINE_H_
#define NEWSDEX_INDEXER_EXTRACT_BYLINE_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct Byline {
  std::vector<std::string> authors;  // as written, in order
  std::size_t length = 0;  // bytes of the text the byline takes, from 0
};

// The byline opening `text`, or an empty Byline when its first non-blank
// line is not one. A byline line is at most 300 bytes and is either "By "
// and a list of names, or only a list of names (two to four capitalised
// words or initials each, separated by commas, "and", "&" or "with"),
// ending without a full stop and followed by a line break.
// A first line that repeats `title` is skipped (ISW's pages open with the
// headline, then the byline).
Byline find_byline(std::string_view text, std::string_view title = {});

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_BYLINE_H_
