// Splitting an article into the words actor extraction reads.
#include "indexer/extract/actor_tokens.h"

#include <utf8proc.h>

#include <algorithm>

#include "common/actors.h"
#include "common/text_utf8.h"
#include "indexer/extract/name_words.h"

namespace newsdex {

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

Letters count_letters(std::string_view text) {
  Letters n;
  if (is_ascii(text)) {
    for (char c : text) {
      n.upper += c >= 'A' && c <= 'Z';
      n.lower += c >= 'a' && c <= 'z';
    }
    return n;
  }
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) {
      len = 1;
    } else if (utf8proc_isupper(cp)) {
      ++n.upper;
    } else if (utf8proc_islower(cp)) {
      ++n.lower;
    }
    p += len;
    left -= len;
  }
  return n;
}

namespace {

bool first_is_upper(std::string_view word) {
  utf8proc_int32_t cp = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return cp > 0 && utf8proc_isupper(cp);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  // Lines written mostly in capitals (wire headlines, tables).
  std::vector<std::pair<std::size_t, bool>> shouting;  // line end, shouts
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    Letters n = count_letters(text.substr(pos, end - pos));
    shouting.emplace_back(end, n.upper >= 4 && n.upper > 4 * n.lower);
    pos = end + 1;
  }
  std::vector<Token> tokens;
  std::vector<WordSpan> spans = name_spans(text);
  std::size_t line = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    WordSpan w = spans[i];
    // "Workers' Union": the apostrophe of a plural possessive is part of
    // the word, as in "Worker's".
    if (w.end > w.begin && (text[w.end - 1] == 's' || text[w.end - 1] == 'S')) {
      std::size_t quote = text.compare(w.end, 1, "'") == 0              ? 1
                          : text.compare(w.end, 3, "\xE2\x80\x99") == 0 ? 3
                                                                        : 0;
      std::size_t after = w.end + quote;
      if (quote > 0 && (after == text.size() || text[after] == ' ') &&
          (i + 1 >= spans.size() || spans[i + 1].begin > after)) {
        w.end = after;
      }
    }
    Token t;
    t.raw = std::string(text.substr(w.begin, w.end - w.begin));
    t.text = strip_possessive(t.raw, &t.possessive);
    if (is_ascii(t.text)) {  // the common case, without utf8proc
      t.folded = t.text;
      lower_ascii_in_place(t.folded);
      t.capitalised = t.text[0] >= 'A' && t.text[0] <= 'Z';
    } else {
      t.folded = fold_for_key(t.text);
      t.capitalised = first_is_upper(t.text);
    }
    // "al-Kadhimi", "el-Sisi": a name whose particle is written small.
    if (!t.capitalised && t.text.size() > 4 && t.text[2] == '-' &&
        (t.text.compare(0, 3, "al-") == 0 ||
         t.text.compare(0, 3, "el-") == 0) &&
        t.text[3] >= 'A' && t.text[3] <= 'Z') {
      t.capitalised = true;
    }
    // "Kremlin-backed", "DNR-affiliated": an adjective, not a name.
    if (std::size_t dash = t.folded.rfind('-');
        t.capitalised && dash != std::string::npos && dash > 0 &&
        NameWords::builtin().has(WordList::kAdjectiveEnding,
                                 t.folded.substr(dash + 1))) {
      t.capitalised = false;
      if (std::size_t raw_dash = t.text.rfind('-');
          raw_dash != std::string::npos) {
        t.adjective_of = t.text.substr(0, raw_dash);
      }
    }
    Letters n = count_letters(t.text);
    t.all_caps = n.upper >= 2 && n.lower == 0;
    t.number = n.upper == 0 && n.lower == 0;
    t.ordinal = t.text.size() >= 3 && t.text[0] >= '0' && t.text[0] <= '9' &&
                n.upper == 0 &&
                (t.folded.ends_with("st") || t.folded.ends_with("nd") ||
                 t.folded.ends_with("rd") || t.folded.ends_with("th"));
    while (line + 1 < shouting.size() && shouting[line].first < w.begin) {
      ++line;
    }
    t.shout = shouting[line].second;
    std::size_t p = w.begin;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '"' ||
                     text[p - 1] == '\'' || text[p - 1] == '(' ||
                     static_cast<unsigned char>(text[p - 1]) >= 0x80)) {
      --p;
    }
    t.sentence_start = p == 0 || text[p - 1] == '.' || text[p - 1] == '!' ||
                       text[p - 1] == '?' || text[p - 1] == '\n' ||
                       text[p - 1] == ':';
    if (i + 1 < spans.size()) {
      t.gap = std::string(text.substr(w.end, spans[i + 1].begin - w.end));
      // Spaces, or one line break of hard-wrapped text ("Paul\nVolcker").
      t.joined_to_next =
          t.gap.find_first_not_of(" \t\r\n") == std::string::npos &&
          std::count(t.gap.begin(), t.gap.end(), '\n') <= 1;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace newsdex
