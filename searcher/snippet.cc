// Passage scoring and highlighting over our own word segmentation, which
// is much cheaper than MSet::snippet()'s default path.
#include "searcher/snippet.h"

#include <algorithm>
#include <cctype>

#include "common/schema.h"
#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {
namespace {

// The words of a text (common/word_split.h) and, for each, the query term
// it matches (-1 for none), in two arrays: long pages have tens of
// thousands of words, and the spans come straight from split_words().
struct Words {
  std::vector<WordSpan> spans;
  std::vector<int> terms;
  std::size_t size() const { return spans.size(); }
  bool empty() const { return spans.empty(); }
};

bool is_space_byte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Appends text with white space runs folded to one space.
void append_folded(std::string& out, std::string_view text) {
  for (char c : text) {
    if (is_space_byte(c)) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

void add_span(Fragment& fragment, std::string_view text, bool highlighted) {
  if (text.empty()) return;
  if (!fragment.spans.empty() &&
      fragment.spans.back().highlighted == highlighted) {
    append_folded(fragment.spans.back().text, text);
    return;
  }
  TextSpan span;
  span.highlighted = highlighted;
  // Fold against the previous span's end so "a \n b" never gets two spaces.
  if (!fragment.spans.empty() && !fragment.spans.back().text.empty() &&
      fragment.spans.back().text.back() == ' ') {
    while (!text.empty() && is_space_byte(text.front())) text.remove_prefix(1);
  }
  append_folded(span.text, text);
  if (!span.text.empty()) fragment.spans.push_back(std::move(span));
}

// The text between two words: white space between two highlighted words
// joins them into one highlight ("**peace talks**").
void add_gap(Fragment& fragment, std::string_view gap) {
  bool blank = std::all_of(gap.begin(), gap.end(), is_space_byte);
  bool after_highlight =
      !fragment.spans.empty() && fragment.spans.back().highlighted;
  add_span(fragment, gap, blank && after_highlight && !gap.empty());
}

// Builds the fragment for words [first, last] of `text`.
Fragment render(std::string_view text, const Words& words, std::size_t first,
                std::size_t last) {
  Fragment fragment;
  fragment.cut_before = first > 0;
  fragment.cut_after = last + 1 < words.size();
  std::size_t pos = words.spans[first].begin;
  for (std::size_t i = first; i <= last; ++i) {
    if (words.terms[i] < 0) continue;
    const WordSpan& w = words.spans[i];
    add_gap(fragment, text.substr(pos, w.begin - pos));
    add_span(fragment, text.substr(w.begin, w.end - w.begin), true);
    pos = w.end;
  }
  std::size_t end = words.spans[last].end;
  // Keep closing punctuation right after the last word ("talks." not "talks").
  while (end < text.size() && !is_space_byte(text[end]) &&
         std::ispunct(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  add_span(fragment, text.substr(pos, end - pos), false);
  return fragment;
}

// The last word index j >= i with words[j] ending within `chars` of
// words[i]'s start.
std::size_t window_end(const std::vector<WordSpan>& words, std::size_t i,
                       std::size_t chars) {
  std::size_t j = i;
  while (j + 1 < words.size() &&
         words[j + 1].cp_end - words[i].cp_begin <= chars) {
    ++j;
  }
  return j;
}

// The words of `text` with their term ids, phrases taken into account.
Words match_words(std::string_view text, TermMatcher& matcher) {
  Words words;
  words.spans = split_words(text);
  words.terms.reserve(words.spans.size());
  for (const WordSpan& w : words.spans) {
    words.terms.push_back(matcher.match(text.substr(w.begin, w.end - w.begin)));
  }
  matcher.keep_whole_phrases(words.terms);
  return words;
}

struct Window {
  std::size_t first = 0, last = 0;
  long score = -1;
};

}  // namespace

namespace {

// Strips the "Z" (stemmed) and "S" (title) prefixes; returns false for
// boolean filter terms (any other upper-case prefix).
bool word_of_term(std::string term, std::string& word, bool& stem) {
  stem = false;
  if (!term.empty() && term[0] == schema::kStemPrefix) {
    stem = true;
    term.erase(0, 1);
  }
  if (term.size() > 1 && term[0] == 'S' &&
      !std::isupper(static_cast<unsigned char>(term[1]))) {
    term.erase(0, 1);
  }
  if (term.empty() || std::isupper(static_cast<unsigned char>(term[0]))) {
    return false;
  }
  word = std::move(term);
  return true;
}

// Walks the query tree: terms under OP_PHRASE go to `phrases`, others to
// `free_stems`.
void collect(const Xapian::Query& q, bool in_phrase, HighlightTerms& terms,
             std::set<std::string>& free_stems) {
  auto type = q.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    std::string word;
    bool stem;
    if (!word_of_term(*q.get_terms_begin(), word, stem)) return;
    if (in_phrase) {
      terms.phrases.back().push_back(word);
    } else if (stem) {
      free_stems.insert(word);
    }
    (stem ? terms.stems : terms.exact).insert(word);
    return;
  }
  bool phrase = type == Xapian::Query::OP_PHRASE;
  if (phrase) terms.phrases.emplace_back();
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    collect(q.get_subquery(i), in_phrase || phrase, terms, free_stems);
  }
}

}  // namespace

HighlightTerms HighlightTerms::from_query(const Xapian::Query& query) {
  HighlightTerms terms;
  std::set<std::string> free_stems;
  collect(query, false, terms, free_stems);
  for (const auto& phrase : terms.phrases) {
    for (const auto& stem : phrase) {
      if (!free_stems.count(stem)) terms.phrase_only_stems.insert(stem);
    }
  }
  return terms;
}

void TermMatcher::keep_whole_phrases(std::vector<int>& ids) {
  if (terms_.phrase_only_stems.empty()) return;
  std::vector<bool> in_phrase(ids.size(), false);
  for (const auto& phrase : terms_.phrases) {
    std::vector<int> want;
    for (const auto& stem : phrase) want.push_back(id_for("~" + stem));
    if (want.empty() || want.size() > ids.size()) continue;
    for (std::size_t i = 0; i + want.size() <= ids.size(); ++i) {
      if (std::equal(want.begin(), want.end(),
                     ids.begin() + static_cast<std::ptrdiff_t>(i))) {
        for (std::size_t k = 0; k < want.size(); ++k) in_phrase[i + k] = true;
      }
    }
  }
  std::set<int> phrase_only;
  for (const auto& stem : terms_.phrase_only_stems)
    phrase_only.insert(id_for("~" + stem));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] >= 0 && !in_phrase[i] && phrase_only.count(ids[i])) ids[i] = -1;
  }
}

StemCache::StemCache(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {
  std::string name = stemmer_.get_description();  // "Xapian::Stem(english)"
  keeps_first_letter_ = name == "Xapian::Stem(none)";
  for (const char* language : {"english", "porter", "earlyenglish"}) {
    if (name == "Xapian::Stem(" + std::string(language) + ")") {
      keeps_first_letter_ = true;
    }
  }
}

const std::string& StemCache::stem(const std::string& word) {
  auto it = stems_.find(word);
  if (it != stems_.end()) return it->second;
  if (stems_.size() >= kMaxWords) stems_.clear();
  return stems_.emplace(word, stemmer_(word)).first->second;
}

TermMatcher::TermMatcher(HighlightTerms terms, Xapian::Stem stemmer)
    : TermMatcher(std::move(terms),
                  std::make_shared<StemCache>(std::move(stemmer))) {}

TermMatcher::TermMatcher(HighlightTerms terms, std::shared_ptr<StemCache> stems)
    : terms_(std::move(terms)), stems_(std::move(stems)) {
  by_first_byte_ = stems_->keeps_first_letter();
  auto add = [&](const std::string& term) {
    if (term.empty()) return;
    auto first = static_cast<unsigned char>(term[0]);
    // A non-ASCII first byte (or punctuation) can come from any word.
    if (first >= 0x80 || !std::isalnum(first)) by_first_byte_ = false;
    first_bytes_.set(first);
  };
  for (const auto& t : terms_.exact) add(t);
  for (const auto& t : terms_.stems) add(t);
  for (const auto& t : terms_.wildcard_prefixes) add(t);
}

int TermMatcher::id_for(const std::string& key) {
  auto [it, inserted] = ids_.emplace(key, static_cast<int>(ids_.size()));
  return it->second;
}

int TermMatcher::match(std::string_view word) {
  if (terms_.empty() || word.empty()) return -1;
  if (by_first_byte_) {
    auto first = static_cast<unsigned char>(word[0]);
    if (first < 0x80) {
      first = static_cast<unsigned char>(std::tolower(first));
      if (!first_bytes_.test(first)) return -1;
    }
  }
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {  // the common case, without allocating
    lower_.assign(word);
    lower_ascii_in_place(lower_);
  } else {
    lower_ = fold_case(word);
    // Xapian indexes the typographic apostrophe as a plain one.
    for (std::size_t p;
         (p = lower_.find("\xE2\x80\x99")) != std::string::npos;) {
      lower_.replace(p, 3, "'");
    }
  }
  auto cached = cache_.find(lower_);
  if (cached != cache_.end()) return cached->second;

  int id = -1;
  if (terms_.exact.count(lower_)) {
    id = id_for("=" + lower_);
  } else {
    if (!terms_.stems.empty()) {
      const std::string& stem = stems_->stem(lower_);
      if (terms_.stems.count(stem)) id = id_for("~" + stem);
    }
    if (id < 0) {
      for (const auto& prefix : terms_.wildcard_prefixes) {
        if (lower_.compare(0, prefix.size(), prefix) == 0) {
          id = id_for("*" + prefix);
          break;
        }
      }
    }
  }
  cache_.emplace(lower_, id);
  return id;
}

std::vector<Fragment> make_snippet(std::string_view text,
                                   const SnippetOptions& options,
                                   TermMatcher& matcher) {
  if (options.fragments == 0) return {};
  // Passages come from the first kMaxSnippetScanBytes of a longer text,
  // cut at a space, so no article makes a snippet slow.
  if (text.size() > kMaxSnippetScanBytes) {
    std::size_t cut = text.rfind(' ', kMaxSnippetScanBytes);
    text = text.substr(0, cut == std::string_view::npos ? 0 : cut);
  }
  Words matched = match_words(text, matcher);
  if (matched.empty()) return {};
  const std::vector<WordSpan>& words = matched.spans;
  const std::vector<int>& terms = matched.terms;
  const std::size_t chars = std::max<std::size_t>(options.chars, 20);

  std::vector<bool> used(words.size(), false);
  std::vector<Window> chosen;
  int ids = 0;
  for (int t : terms) ids = std::max(ids, t + 1);
  const std::size_t n = words.size();
  while (chosen.size() < options.fragments) {
    // Every window starting at a matching word, up to `chars` long and
    // stopping before a word an earlier passage took, scored in one pass:
    // both ends only move forward, with counts per term kept as they go
    // (linear in the words, however long the passages).
    Window best;
    std::vector<int> count(static_cast<std::size_t>(ids), 0);
    long distinct = 0, matches = 0;
    std::size_t left = 0, right = 0;  // the counted words: [left, right)
    std::size_t last_added = 0;       // the last matching word counted
    std::size_t reach = 0;            // window_end() of the current start
    std::size_t next_used = 0;        // the first taken word at or after it
    auto add = [&](std::size_t k) {
      if (terms[k] < 0) return;
      if (count[static_cast<std::size_t>(terms[k])]++ == 0) ++distinct;
      ++matches;
      last_added = k;
    };
    auto remove = [&](std::size_t k) {
      if (terms[k] < 0) return;
      if (--count[static_cast<std::size_t>(terms[k])] == 0) --distinct;
      --matches;
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (terms[i] < 0 || used[i]) continue;
      if (right <= i) {
        while (left < right) remove(left++);
        left = right = i;
      } else {
        while (left < i) remove(left++);
      }
      reach = std::max(reach, i);
      while (reach + 1 < n &&
             words[reach + 1].cp_end - words[i].cp_begin <= chars) {
        ++reach;
      }
      next_used = std::max(next_used, i);
      while (next_used < n && !used[next_used]) ++next_used;
      std::size_t end = std::min(reach, next_used - 1);  // next_used > i
      while (right <= end) add(right++);
      long score = distinct * 1000 + matches;
      if (score > best.score) best = {i, last_added, score};
    }
    if (best.score < 0) break;
    // Centre the matches: spend the unused length half before, half after.
    std::size_t first = best.first, last = best.last;
    std::size_t span = words[last].cp_end - words[first].cp_begin;
    std::size_t slack = chars > span ? chars - span : 0;
    while (first > 0 && !used[first - 1] &&
           words[best.first].cp_begin - words[first - 1].cp_begin <=
               slack / 2) {
      --first;
    }
    while (last + 1 < words.size() && !used[last + 1] &&
           words[last + 1].cp_end - words[first].cp_begin <= chars) {
      ++last;
    }
    for (std::size_t k = first; k <= last; ++k) used[k] = true;
    chosen.push_back({first, last, best.score});
  }
  if (chosen.empty()) {
    chosen.push_back({0, window_end(words, 0, chars), 0});
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Window& a, const Window& b) { return a.first < b.first; });
  std::vector<Fragment> fragments;
  for (const Window& w : chosen) {
    fragments.push_back(render(text, matched, w.first, w.last));
  }
  return fragments;
}

Fragment highlight_all(std::string_view text, TermMatcher& matcher) {
  Words words = match_words(text, matcher);
  if (words.empty()) {
    Fragment f;
    add_span(f, text, false);
    return f;
  }
  Fragment f;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words.terms[i] < 0) continue;
    const WordSpan& w = words.spans[i];
    add_gap(f, text.substr(pos, w.begin - pos));
    add_span(f, text.substr(w.begin, w.end - w.begin), true);
    pos = w.end;
  }
  add_span(f, text.substr(pos), false);
  // Trim the folded ends.
  if (!f.spans.empty()) {
    auto& front = f.spans.front().text;
    while (!front.empty() && front.front() == ' ') front.erase(0, 1);
    auto& back = f.spans.back().text;
    while (!back.empty() && back.back() == ' ') back.pop_back();
  }
  return f;
}

}  // namespace newsdex
