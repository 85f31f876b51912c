// Byline recognition on the first line of an article.
#include "indexer/extract/byline.h"

#include "common/actors.h"
#include "common/text_utf8.h"
#include "indexer/extract/actor_tokens.h"
#include "indexer/extract/name_words.h"

namespace newsdex {
namespace {

constexpr std::size_t kMaxBylineBytes = 300;

// One author's name: two to four capitalised words or initials ("Frederick
// W. Kagan"), none of them a function or title word.
bool is_author_name(std::string_view name) {
  std::vector<Token> tokens = tokenize(name);
  if (tokens.size() < 2 || tokens.size() > 4) return false;
  const NameWords& words = NameWords::builtin();
  std::size_t full_words = 0;
  for (const Token& t : tokens) {
    if (!t.capitalised || t.number) return false;
    if (t.all_caps && t.text.size() > 1) return false;
    if (words.has(WordList::kFunction, t.folded) ||
        words.has(WordList::kTitle, t.folded) ||
        words.has(WordList::kNotName, t.folded) ||
        words.has(WordList::kPlace, t.folded)) {
      return false;
    }
    full_words += t.text.size() > 1;
  }
  return full_words >= 2;
}

// Splits "A, B, and C" / "A and B" / "A with B" into names.
std::vector<std::string> split_names(std::string_view list) {
  std::vector<std::string> parts;
  std::string current;
  auto flush = [&] {
    std::string_view p = trim_space(current);
    if (!p.empty()) parts.emplace_back(p);
    current.clear();
  };
  std::size_t i = 0;
  while (i < list.size()) {
    bool matched = false;
    for (std::string_view sep :
         {", and ", ", & ", " and ", " & ", " with ", ", with ", ", ", "; "}) {
      if (list.substr(i, sep.size()) == sep) {
        flush();
        i += sep.size();
        matched = true;
        break;
      }
    }
    if (!matched) current += list[i++];
  }
  flush();
  return parts;
}

}  // namespace

Byline find_byline(std::string_view text, std::string_view title) {
  auto skip_blank = [&](std::size_t at) {
    while (at < text.size() &&
           (text[at] == '\n' || text[at] == '\r' || text[at] == ' ')) {
      ++at;
    }
    return at;
  };
  std::size_t start = skip_blank(0);
  std::size_t end = text.find('\n', start);
  title = trim_space(title);
  if (end != std::string_view::npos && !title.empty() &&
      trim_space(text.substr(start, end - start)) == title) {
    start = skip_blank(end);
    end = text.find('\n', start);
  }
  if (end == std::string_view::npos || end - start > kMaxBylineBytes) return {};
  std::string_view line = trim_space(text.substr(start, end - start));
  if (line.empty() || line.back() == '.' || line.back() == ':') return {};
  bool by = line.size() > 3 &&
            (line.substr(0, 3) == "By " || line.substr(0, 3) == "by " ||
             line.substr(0, 3) == "BY ");
  if (by) line = trim_space(line.substr(3));
  std::vector<std::string> names = split_names(line);
  if (names.empty()) return {};
  for (const std::string& n : names) {
    if (!is_author_name(n)) return {};
  }
  // A single name on a line of its own may be a heading about that
  // person; without "By" it takes two names or an initial to be a byline.
  if (!by && names.size() == 1 && names[0].find(". ") == std::string::npos) {
    return {};
  }
  Byline b;
  b.authors = std::move(names);
  b.length = end + 1;
  return b;
}

}  // namespace newsdex
