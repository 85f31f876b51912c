// Page cleaning: per-block features, a vocabulary-fit score against the
// rest of the page, and the best contiguous run of article-like blocks.
#include "common/page_cleaner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {
namespace {

// Words too common to say what a paragraph is about.
const std::set<std::string>& stopwords() {
  static const std::set<std::string> kWords{
      "about",   "after",     "again",    "against", "also",      "among",
      "amid",    "been",      "before",   "being",   "between",   "both",
      "could",   "does",      "during",   "each",    "even",      "from",
      "further", "have",      "having",   "here",    "into",      "itself",
      "just",    "last",      "like",     "many",    "more",      "most",
      "much",    "must",      "near",     "only",    "other",     "over",
      "said",    "same",      "says",     "should",  "since",     "some",
      "still",   "such",      "than",     "that",    "their",     "them",
      "then",    "there",     "these",    "they",    "this",      "those",
      "through", "under",     "until",    "very",    "were",      "what",
      "when",    "where",     "whether",  "which",   "while",     "will",
      "with",    "within",    "would",    "year",    "years",     "your",
      "told",    "according", "week",     "today",   "yesterday", "monday",
      "tuesday", "wednesday", "thursday", "friday",  "saturday",  "sunday"};
  return kWords;
}

// Prompts and credits that pages put around articles, in any outlet's
// wording: matched against short blocks only.
const std::regex& prompt_pattern() {
  static const std::regex kPrompt(
      R"(^\s*(share( and follow| this( article| story)?| on \w+)?|follow us.*|)"
      R"(subscribe.*|sign (up|in).*|log ?in.*|register.*|newsletter.*|)"
      R"(leave (a|the first|your) comment.*|\d*\s*comments?|add (a )?comment.*|)"
      R"(what is your (opinion|view).*|what do you think.*|join the conversation.*|)"
      R"(.*\b(download|install)\b.*\b(app|application)\b.*|.*\b(app store|play store|google play)\b.*|)"
      R"(read (more|also|next).*|see also.*|related( articles| stories| news| coverage| content)?:?|)"
      R"(you (may|might) (also )?(like|be interested).*|more (from|on) .*|most (read|popular).*|)"
      R"(recommended.*|trending.*|latest (news|stories).*|top stories.*|)"
      R"(for (the )?(latest|more)( news| stories| updates)?( from| on| visit)? .*|)"
      R"(advertisement|sponsored.*|.*\bcookies?\b.*|accept( all)?|privacy policy.*|terms of (use|service).*|)"
      R"((photo|image|picture|video|credit|source|file photo)s?\s*[:/|].*|.*\bgetty images\b.*|)"
      R"((©|\(c\)|copyright\s*(©|\(c\)|\d{4})).*|.*all rights reserved.*|click here.*|tap here.*|)"
      R"(skip to (main )?content.*|back to top.*|print( this)?( article| page)?|email( this)?( article)?|)"
      R"(listen( to this article)?.*|watch:.*|updated?:?\s*\d.*|published:?\s*\d.*)\s*$)",
      std::regex::icase | std::regex::optimize);
  return kPrompt;
}

bool has_markup_debris(std::string_view s) {
  static constexpr std::string_view kDebris[] = {
      "<!",     "-->",  "<!\xE2\x80\x93",
      "&nbsp;", "<div", "<script",
      "<span",  "<p>",  "</",
      "{{",     "}}"};
  for (auto d : kDebris) {
    if (s.find(d) != std::string_view::npos) return true;
  }
  return false;
}

struct Block {
  std::string text;
  std::size_t words = 0;
  bool sentence_end = false;      // ends like a sentence
  bool truncated = false;         // "...", "…", or a long run cut off
  bool ellipsis = false;          // ends with "..." or "…"
  bool prompt = false;            // boilerplate by its wording or debris
  bool repeat = false;            // the same text appeared earlier
  std::set<std::string> content;  // content words
  double fit = 1;  // share of content words found elsewhere in the article
  BlockKind kind = BlockKind::kArticle;
};

// Lines, with hard-wrapped lines (no sentence end, next starts lower-case)
// joined back into their paragraph.
// Whether the text is hard-wrapped (most lines end near a fixed width, as
// in wire copy): then a paragraph is a run of lines up to a blank or an
// indented line, whatever case the next line starts with.
bool hard_wrapped(std::string_view page) {
  constexpr std::size_t kWrapWidth = 80, kMinLines = 5;
  std::size_t lines = 0, short_lines = 0;
  while (!page.empty()) {
    auto end = page.find('\n');
    std::string_view line = page.substr(0, end);
    page = end == std::string_view::npos ? "" : page.substr(end + 1);
    if (trim_space(line).empty()) continue;
    ++lines;
    if (line.size() <= kWrapWidth) ++short_lines;
  }
  return lines >= kMinLines && short_lines * 10 >= lines * 9;
}

std::vector<std::string> split_blocks(std::string_view page) {
  std::vector<std::string> blocks;
  bool joinable = false;
  const bool wrapped = hard_wrapped(page);
  while (!page.empty()) {
    auto end = page.find('\n');
    std::string_view raw = page.substr(0, end);
    std::string_view line = trim_space(raw);
    page = end == std::string_view::npos ? "" : page.substr(end + 1);
    if (line.empty()) {
      joinable = false;
      continue;
    }
    if (wrapped) {
      bool indented = raw.front() == ' ' || raw.front() == '\t';
      if (!blocks.empty() && joinable && !indented) {
        blocks.back() += ' ';
        blocks.back() += line;
      } else {
        blocks.emplace_back(line);
      }
      joinable = true;
      continue;
    }
    auto first = static_cast<unsigned char>(line.front());
    bool continues =
        std::islower(first) || first == ',' || first == ';' || first == ')';
    bool no_text = std::none_of(line.begin(), line.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) ||
             static_cast<unsigned char>(c) >= 0x80;
    });
    if (!blocks.empty() && no_text) {
      blocks.back() += line;  // a full stop that lost its line
    } else if (joinable && continues && !blocks.empty()) {
      blocks.back() += ' ';
      blocks.back() += line;
    } else {
      blocks.emplace_back(line);
    }
    char last = blocks.back().back();
    joinable = !(last == '.' || last == '!' || last == '?' || last == ':' ||
                 last == '"');
  }
  return blocks;
}

void describe(Block& b) {
  std::string_view t = b.text;
  std::vector<WordSpan> spans = split_words(t);
  b.words = spans.size();
  for (const auto& w : spans) {
    std::string word = fold_case(t.substr(w.begin, w.end - w.begin));
    if (word.size() < 4 || std::isdigit(static_cast<unsigned char>(word[0]))) {
      continue;
    }
    if (!stopwords().count(word)) b.content.insert(word);
  }
  // Strip closing quotes and brackets to find how the block ends.
  std::string_view end = t;
  while (!end.empty()) {
    if (end.ends_with("\xE2\x80\x9D") || end.ends_with("\xE2\x80\x99")) {
      end.remove_suffix(3);  // ” ’
    } else if (end.back() == '"' || end.back() == '\'' || end.back() == ')') {
      end.remove_suffix(1);
    } else {
      break;
    }
  }
  // An ellipsis closing a quotation ("…honest ceasefire…”) is the
  // speaker's; one at the very end of the block marks a cut.
  bool ellipsis = t.ends_with("...") || t.ends_with("..") ||
                  t.ends_with("\xE2\x80\xA6");  // …
  bool quoted_ellipsis =
      !ellipsis && end.size() < t.size() &&
      (end.ends_with("...") || end.ends_with("\xE2\x80\xA6"));
  char last = end.empty() ? ' ' : end.back();
  b.sentence_end = quoted_ellipsis ||
                   (!ellipsis && (last == '.' || last == '!' || last == '?'));
  // A long run of words with no sentence end was cut off.
  constexpr std::size_t kCutOffWords = 25;
  b.ellipsis = ellipsis;
  b.truncated =
      ellipsis || (!b.sentence_end && b.words >= kCutOffWords && last != ':');
  constexpr std::size_t kPromptMaxWords = 16;
  b.prompt =
      has_markup_debris(t) || (b.words <= kPromptMaxWords &&
                               std::regex_match(b.text, prompt_pattern()));
  if (b.words == 0) b.prompt = true;  // punctuation only
}

bool headline_like(const Block& b) {
  constexpr std::size_t kHeadlineMaxWords = 25;
  return !b.prompt && !b.truncated && !b.sentence_end && b.words >= 2 &&
         b.words <= kHeadlineMaxWords;
}

bool prose(const Block& b) {
  constexpr std::size_t kProseMinWords = 12;
  return !b.prompt && !b.truncated && b.sentence_end &&
         b.words >= kProseMinWords;
}

// For each block, the share of its content words that other article-like
// blocks use too. Two rounds: blocks that fit badly in the first round do
// not vote in the second.
void score_fit(std::vector<Block>& blocks) {
  std::vector<bool> voter(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    voter[i] = prose(blocks[i]) && !blocks[i].repeat;
  }
  constexpr double kLowFit = 0.2;
  for (int round = 0; round < 2; ++round) {
    std::map<std::string, int> df;
    int voters = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (!voter[i]) continue;
      ++voters;
      for (const auto& w : blocks[i].content) ++df[w];
    }
    if (voters < 3) return;  // too little text to judge fit: all fit
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      Block& b = blocks[i];
      if (b.content.empty()) {
        b.fit = 0;
        continue;
      }
      std::size_t shared = 0;
      for (const auto& w : b.content) {
        int others = df.count(w) ? df[w] - (voter[i] ? 1 : 0) : 0;
        if (others > 0) ++shared;
      }
      b.fit =
          static_cast<double>(shared) / static_cast<double>(b.content.size());
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (voter[i] && blocks[i].fit < kLowFit) voter[i] = false;
    }
  }
}

// How much a block argues for being inside the article.
double article_score(const Block& b) {
  if (b.words == 0) return 0;  // stray punctuation: dropped, not a border
  if (b.prompt) return -2;
  // A marked cut ("...") is a teaser; a long paragraph that only lacks its
  // full stop is weaker evidence (articles lose full stops too).
  // List items ("- Raised the threshold") continue the article.
  if (b.text.rfind("- ", 0) == 0 || b.text.rfind("\xE2\x80\xA2", 0) == 0 ||
      b.text.rfind("* ", 0) == 0) {
    return 0.1;
  }
  if (b.ellipsis) return -1.5;
  if (b.truncated) return -0.8;
  if (b.repeat) return 0;
  if (headline_like(b)) return -0.2;
  constexpr double kForeign = 0.2, kFits = 0.3;
  if (b.fit < kForeign) return -1;
  if (prose(b)) return b.fit >= kFits ? 1 : 0.3;
  return b.fit >= kFits ? 0.5 : -0.3;  // a short sentence
}

}  // namespace

const char* block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kArticle:
      return "article";
    case BlockKind::kHeadline:
      return "headline";
    case BlockKind::kBoilerplate:
      return "boilerplate";
    case BlockKind::kOtherStory:
      return "other-story";
    case BlockKind::kRepeat:
      return "repeat";
  }
  return "article";
}

CleanedPage clean_page(std::string_view page, bool judge_fit) {
  std::vector<Block> blocks;
  std::set<std::string> seen;
  for (auto& text : split_blocks(page)) {
    Block b;
    b.text = std::move(text);
    describe(b);
    std::string key = fold_case(b.text);
    b.repeat = !seen.insert(key).second;
    blocks.push_back(std::move(b));
  }
  CleanedPage result;
  if (blocks.empty()) return result;
  if (judge_fit) score_fit(blocks);

  // The article is the contiguous run with the best total score.
  double best = -1e9, run = 0;
  std::size_t first = 0, last = 0, start = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    double s = article_score(blocks[i]);
    if (run <= 0) {
      run = s;
      start = i;
    } else {
      run += s;
    }
    if (run > best) {
      best = run;
      first = start;
      last = i;
    }
  }

  // The headline: a headline-like line that the page repeats, else one
  // right before the article that is not a teaser (a teaser's headline is
  // followed by a cut-off summary).
  std::string headline_key;
  for (std::size_t i = 0; i <= last && headline_key.empty(); ++i) {
    if (blocks[i].repeat && headline_like(blocks[i])) {
      headline_key = fold_case(blocks[i].text);
    }
  }
  if (headline_key.empty()) {
    // Walk back over prompts and headline-like lines just before the
    // article: the first headline-like one is the headline, any after it
    // (a standfirst without its full stop) belong to the article.
    std::size_t i = first, top = first;
    while (i > 0 && (blocks[i - 1].prompt || headline_like(blocks[i - 1]))) {
      --i;
      if (headline_like(blocks[i])) top = i;
    }
    if (top < first) {
      headline_key = fold_case(blocks[top].text);
      first = top;
    } else if (headline_like(blocks[first]) && first < last &&
               !blocks[first + 1].truncated) {
      headline_key = fold_case(blocks[first].text);
    }
  }

  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    bool inside = i >= first && i <= last;
    if (!headline_key.empty() && fold_case(b.text) == headline_key) {
      b.kind =
          result.headline.empty() ? BlockKind::kHeadline : BlockKind::kRepeat;
      if (result.headline.empty()) result.headline = b.text;
    } else if (b.prompt) {
      b.kind = BlockKind::kBoilerplate;
    } else if (b.repeat) {
      b.kind = BlockKind::kRepeat;
    } else if (!inside &&
               !(i == last + 1 && i + 1 == blocks.size() && headline_like(b))) {
      // Outside the article; but a short closing line right after it at
      // the end of the page ("Halo 2 is out now") is the article's.
      b.kind = BlockKind::kOtherStory;
    } else {
      b.kind = BlockKind::kArticle;
    }
    if (b.kind == BlockKind::kArticle) {
      if (!result.text.empty()) result.text += "\n\n";
      result.text += b.text;
    } else if (b.kind != BlockKind::kHeadline) {
      result.dropped_chars += b.text.size();
    }
    result.blocks.push_back({b.text, b.kind});
  }
  return result;
}

bool looks_like_scraped_page(std::string_view text) {
  std::set<std::string> seen;
  std::size_t cut = 0, blocks = 0;
  for (auto& line : split_blocks(text)) {
    Block b;
    b.text = line;
    describe(b);
    ++blocks;
    if (b.prompt) return true;
    if (!seen.insert(fold_case(b.text)).second && b.words >= 3) return true;
    if (b.truncated && b.words >= 5) ++cut;
  }
  // One cut-off line can be a data table; several are teasers.
  return cut >= 2 && blocks >= 4;
}

std::string first_sentence(std::string_view text, std::size_t max_chars) {
  text = trim_space(text);
  std::size_t end = std::string_view::npos;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '!' || c == '?') &&
        (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      // Not after an initialism or a short abbreviation ("U.S.", "Mr.").
      std::size_t word_start = text.rfind(' ', i);
      word_start = word_start == std::string_view::npos ? 0 : word_start + 1;
      std::string_view token = text.substr(word_start, i - word_start);
      bool initialism = token.find('.') != std::string_view::npos;
      bool short_title = token.size() <= 2 && !token.empty() &&
                         std::isupper(static_cast<unsigned char>(token[0]));
      if (initialism || short_title) continue;
      end = i + 1;
      break;
    }
    if (c == '\n') {
      end = i;
      break;
    }
  }
  std::string_view s = text.substr(0, end);
  if (s.size() > max_chars) {
    s = s.substr(0, max_chars);
    auto space = s.rfind(' ');
    if (space != std::string_view::npos && space > max_chars / 2)
      s = s.substr(0, space);
    return std::string(trim_space(s)) + "\xE2\x80\xA6";
  }
  return std::string(trim_space(s));
}

}  // namespace newsdex
