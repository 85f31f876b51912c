// Snippets: the best passages of an article for a query, with the words
// that match the query (any form with the same stem) marked.
#ifndef NEWSDEX_SEARCHER_SNIPPET_H_
#define NEWSDEX_SEARCHER_SNIPPET_H_

#include <xapian.h>

#include <bitset>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsdex {

// The words a query looks for, as the highlighter needs them.
struct HighlightTerms {
  std::set<std::string> exact;                 // lower-case words ("talks")
  std::set<std::string> stems;                 // stems ("talk")
  std::vector<std::string> wildcard_prefixes;  // "negotiat" for negotiat*
  // Phrases, as their stems in order; a stem found only in phrases is
  // highlighted only where the whole phrase occurs.
  std::vector<std::vector<std::string>> phrases;
  std::set<std::string> phrase_only_stems;

  bool empty() const {
    return exact.empty() && stems.empty() && wildcard_prefixes.empty();
  }
  // Collects the free-text and title terms of `query` (Z-prefixed terms are
  // stems; boolean filter terms are ignored).
  static HighlightTerms from_query(const Xapian::Query& query);
};

// Stems lower-case words, remembering each result: a searcher keeps one
// for its lifetime, so a run of queries stems each distinct word once.
// Holds at most kMaxWords words (then starts afresh). Not thread-safe.
class StemCache {
 public:
  explicit StemCache(Xapian::Stem stemmer);
  const std::string& stem(const std::string& word);
  static constexpr std::size_t kMaxWords = 1 << 18;
  // Whether the stem of a word starting with an ASCII letter starts with
  // that letter: true of the Snowball English stemmers, which only strip
  // suffixes (checked over Reuters' 46,000 words; not so Lovins: "ul" ->
  // "l", nor Irish or Indonesian, which strip prefixes), and of none. Lets a
  // matcher turn most words away by their first letter.
  bool keeps_first_letter() const { return keeps_first_letter_; }

 private:
  Xapian::Stem stemmer_;
  bool keeps_first_letter_ = false;
  std::unordered_map<std::string, std::string> stems_;
};

// Decides whether a word of the text matches the query. Caches stems, so
// one matcher should serve all hits of a search. Not thread-safe.
class TermMatcher {
 public:
  TermMatcher(HighlightTerms terms, Xapian::Stem stemmer);
  // Stems through `stems`, which may outlive this matcher.
  TermMatcher(HighlightTerms terms, std::shared_ptr<StemCache> stems);
  // Returns an id for the query term `word` matches (same id for all forms
  // of one term), or -1.
  int match(std::string_view word);

  // Clears the matches of phrase-only terms in `ids` (one per word, in
  // text order) that are not part of a whole occurrence of their phrase.
  void keep_whole_phrases(std::vector<int>& ids);

 private:
  HighlightTerms terms_;
  std::shared_ptr<StemCache> stems_;
  // With stems_->keeps_first_letter(): the first bytes any match can have.
  std::bitset<256> first_bytes_;
  bool by_first_byte_ = false;
  std::unordered_map<std::string, int> cache_;
  std::string lower_;  // scratch space for the folded word
  std::unordered_map<std::string, int> ids_;
  int id_for(const std::string& key);
};

// A piece of snippet text, highlighted or not.
struct TextSpan {
  std::string text;
  bool highlighted = false;
};

// One passage: its spans, and whether text was cut before or after it.
struct Fragment {
  std::vector<TextSpan> spans;
  bool cut_before = false;
  bool cut_after = false;
};

// Snippets are chosen from the first this many bytes of an article (cut
// at a space): a passage can be found in linear time, but splitting and
// stemming a 50 MB article would still take seconds.
inline constexpr std::size_t kMaxSnippetScanBytes = 1 << 20;

struct SnippetOptions {
  std::size_t chars = 160;    // length of each fragment, in characters
  std::size_t fragments = 2;  // at most this many passages
};

// Picks up to `options.fragments` non-overlapping passages of `text` of
// about `options.chars` characters with the most distinct matching query
// terms (then the most matches), in text order. Passages start and end at
// word boundaries; white space runs are folded to one space. With no
// matching word, returns the lead of the text. Never splits a UTF-8
// sequence.
std::vector<Fragment> make_snippet(std::string_view text,
                                   const SnippetOptions& options,
                                   TermMatcher& matcher);

// The whole of `text` (a title) with its matching words marked.
Fragment highlight_all(std::string_view text, TermMatcher& matcher);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SNIPPET_H_
