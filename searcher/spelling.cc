// Spelling suggestions on Xapian's spelling table (edit distance 2).
#include "searcher/spelling.h"

#include <cctype>

#include "common/schema.h"
#include "searcher/query_builder.h"

namespace newsdex {
namespace {

// A word the articles use is questioned when a close word is in this many
// times as many articles ("Bahmut" in 6, "Bakhmut" in 538): a slip, not a
// spelling of its own ("Kiev" against "Kyiv" is about 1 to 4).
constexpr Xapian::doccount kBetterBy = 20;
constexpr unsigned kMaxEditDistance = 2;

bool is_plain_word(const std::string& w) {
  if (w.size() < 3) return false;
  for (unsigned char c : w) {
    if (!(std::isalpha(c) || c >= 0x80 || c == '\'')) return false;
  }
  return true;
}

}  // namespace

std::string spelling_suggestion(const Xapian::Database& db,
                                const std::string& query,
                                const Xapian::Stem& stemmer) {
  // How many articles use the word in any form: the index holds stems.
  auto stem_of = [&](const std::string& word) {
    return stemmer.is_none() ? word : stemmer(word);
  };
  auto articles_with = [&](const std::string& word) {
    return db.get_termfreq(
        stemmer.is_none() ? word : schema::kStemPrefix + stemmer(word));
  };
  std::string folded = fold_query_case(query);
  std::string out;
  bool changed = false, in_phrase = false;
  std::size_t pos = 0;
  while (pos <= folded.size()) {
    std::size_t end = folded.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = folded.size();
    std::string chunk = folded.substr(pos, end - pos);
    // Split off leading and trailing punctuation: "(+word)".
    std::size_t a = 0, b = chunk.size();
    while (a < b &&
           std::string_view("+-(\"").find(chunk[a]) != std::string_view::npos)
      ++a;
    while (b > a && std::string_view(")\",.;!?").find(chunk[b - 1]) !=
                        std::string_view::npos)
      --b;
    std::string word = chunk.substr(a, b - a);
    bool quoted_start =
        chunk.find('"') != std::string::npos && chunk.find('"') < a;
    bool check = !in_phrase && !quoted_start && is_plain_word(word);
    if (check) {
      Xapian::doccount freq = articles_with(word);
      // Only a word rare enough for some word to be kBetterBy as common.
      if (static_cast<double>(freq) * kBetterBy <= db.get_doccount()) {
        std::string better = db.get_spelling_suggestion(word, kMaxEditDistance);
        // An unknown word takes any suggestion; a rare one only a much
        // more common word.
        // Another form of the same word ("negotiations" for
        // "negotiation") finds the same articles: no suggestion.
        if (!better.empty() && better != word &&
            stem_of(better) != stem_of(word) &&
            (freq == 0 || articles_with(better) >= kBetterBy * freq)) {
          chunk = chunk.substr(0, a) + better + chunk.substr(b);
          changed = true;
        }
      }
    }
    for (char c : folded.substr(pos, end - pos)) {
      if (c == '"') in_phrase = !in_phrase;
    }
    out += chunk;
    if (end < folded.size()) out += folded[end];
    pos = end + 1;
  }
  return changed ? out : "";
}

}  // namespace newsdex
