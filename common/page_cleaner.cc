// Page cleaning: per-block features, the best contiguous run of
// article-like blocks, then teasers of other stories trimmed from its ends
// by how well they fit the subject of the article's lead.
#include "common/page_cleaner.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {
namespace {

// "putin's" -> "putin" (straight or curly apostrophe).
void drop_possessive(std::string& word) {
  for (std::string_view s : {"'s", "\xE2\x80\x99s"}) {
    if (word.ends_with(s)) {
      word.resize(word.size() - s.size());
      return;
    }
  }
}

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
      R"(advertisement|sponsored.*|.*\b(use|uses|accept|allow)\b.*\bcookies?\b.*|.*\bcookies?\b.*\b(policy|settings|consent)\b.*|accept( all)?|privacy policy.*|terms of (use|service).*|)"
      R"((photo|image|picture|video|credit|source|file photo)s?\s*[:/|].*|.*\bgetty images\b.*|)"
      R"((©|\(c\)|copyright\s*(©|\(c\)|\d{4})).*|.*all rights reserved.*|click here.*|tap here.*|)"
      R"(skip to (main )?content.*|back to top.*|print( this)?( article| page)?|email( this)?( article)?|)"
      R"(listen( to this article)?.*|watch:.*|updated?:?\s*\d.*|published:?\s*\d.*)\s*$)",
      std::regex::icase | std::regex::optimize);
  return kPrompt;
}

// A cheap test before the prompt pattern: every prompt it matches holds
// one of these (lower-cased) pieces, and most short lines (table rows,
// headlines) hold none, which keeps std::regex off the hot path.
bool might_be_prompt(std::string_view text) {
  static constexpr std::string_view kKeys[] = {
      "shar",         "follow",     "subscri",  "sign",      "log",
      "regist",       "newsletter", "comment",  "opinion",   "think",
      "conversation", "download",   "install",  "app",       "store",
      "play",         "read",       "see also", "related",   "like",
      "interested",   "more",       "most",     "recommend", "trending",
      "latest",       "top",        "advertis", "sponsor",   "cookie",
      "accept",       "privacy",    "terms",    "photo",     "image",
      "picture",      "video",      "credit",   "source",    "\xC2\xA9",
      "(c)",          "copyright",  "rights",   "click",     "tap",
      "skip",         "back",       "print",    "email",     "listen",
      "watch",        "updated",    "published"};
  std::string lower(text);
  lower_ascii_in_place(lower);
  for (auto key : kKeys) {
    if (lower.find(key) != std::string::npos) return true;
  }
  return false;
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
  bool continuation = false;      // starts in lower case or with ", . '"
  bool repeat = false;            // the same text appeared earlier
  std::set<std::string> content;  // content words
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
  bool joinable = false, blank_before = false;
  const bool wrapped = hard_wrapped(page);
  while (!page.empty()) {
    auto end = page.find('\n');
    std::string_view raw = page.substr(0, end);
    std::string_view line = trim_space(raw);
    page = end == std::string_view::npos ? "" : page.substr(end + 1);
    if (line.empty()) {
      // A paragraph that stops mid-sentence ("... American") and one that
      // goes on in lower case ("was the winner") are one paragraph even
      // across a blank line (pages that lost a bold name's markup).
      joinable = joinable && !wrapped;
      blank_before = true;
      continue;
    }
    const bool after_blank = blank_before;
    blank_before = false;
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
    } else if (joinable && continues && !blocks.empty() &&
               (!after_blank || std::islower(first))) {
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

// With `words_too`, also collects the block's content words.
void describe(Block& b, bool words_too = true) {
  std::string_view t = b.text;
  std::vector<WordSpan> spans = split_words(t);
  b.words = spans.size();
  for (const auto& w : spans) {
    if (!words_too) break;
    std::string word = fold_case(t.substr(w.begin, w.end - w.begin));
    drop_possessive(word);
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
  // Debris makes a short block noise; a long paragraph (an OCR page, an
  // article) with a stray "</" in it is still text.
  constexpr std::size_t kDebrisMaxWords = 30;
  b.prompt = (has_markup_debris(t) && b.words <= kDebrisMaxWords) ||
             (b.words <= kPromptMaxWords && might_be_prompt(b.text) &&
              std::regex_match(b.text, prompt_pattern()));
  if (b.words == 0) b.prompt = true;  // punctuation only
  auto c0 = static_cast<unsigned char>(t.empty() ? 'A' : t.front());
  b.continuation = std::islower(c0) || c0 == ',' || c0 == '.' || c0 == '\'' ||
                   c0 == ':' || c0 == ';';
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
  // The rest of a sentence the page split ("was the winner ...").
  if (b.continuation) return 0.3;
  if (b.truncated) return -0.8;
  if (b.repeat) return 0;
  if (headline_like(b)) return -0.2;
  if (prose(b)) return 1;
  return 0.5;  // a short sentence
}

// Content words of a block (see describe) and its names: words written
// with a capital inside a sentence.
std::set<std::string> names_in(std::string_view t) {
  std::set<std::string> out;
  std::vector<WordSpan> spans = split_words(t);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const WordSpan& w = spans[i];
    auto c = static_cast<unsigned char>(t[w.begin]);
    if (!(c >= 'A' && c <= 'Z') || w.end - w.begin < 3) continue;
    std::size_t p = w.begin;
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '"' || t[p - 1] == '(' ||
                     static_cast<unsigned char>(t[p - 1]) >= 0x80)) {
      --p;
    }
    bool sentence_start = p == 0 || t[p - 1] == '.' || t[p - 1] == '!' ||
                          t[p - 1] == '?' || t[p - 1] == ':';
    if (sentence_start) continue;
    std::string word = fold_case(t.substr(w.begin, w.end - w.begin));
    drop_possessive(word);
    out.insert(word);
  }
  return out;
}

// Words any news story may use, whatever its subject: they do not say
// what an article is about.
bool generic_news_word(const std::string& w) {
  static const std::set<std::string> kWords{
      "president",     "minister",   "prime",        "government", "officials",
      "official",      "united",     "states",       "state",      "national",
      "international", "people",     "country",      "countries",  "world",
      "media",         "report",     "reported",     "reports",    "news",
      "military",      "security",   "first",        "second",     "third",
      "former",        "leader",     "leaders",      "political",  "public",
      "time",          "times",      "month",        "months",     "days",
      "including",     "while",      "where",        "made",       "make",
      "take",          "took",       "came",         "come",       "going",
      "several",       "least",      "part",         "number",     "high",
      "large",         "major",      "group",        "according",  "latest",
      "statement",     "announced",  "added",        "called",     "told",
      "week",          "weeks",      "year",         "years",      "american",
      "british",       "washington", "london",       "city",       "local",
      "chief",         "head",       "office",       "department", "foreign",
      "plans",         "plan",       "spokesperson", "spokesman",  "deal",
      "agreement",     "support",    "further",      "could",      "would"};
  return kWords.count(w) > 0;
}

// What an article is about: the words and names of its lead.
struct Topic {
  std::set<std::string> words, names;
  void take(const Block& b) {
    for (const auto& w : b.content) {
      if (!generic_news_word(w)) words.insert(w);
    }
    for (const auto& n : names_in(b.text)) {
      if (!generic_news_word(n)) names.insert(n);
    }
  }
  // +1 on the subject, -1 off it, 0 when the block is too short to say.
  int judge(const Block& b) const {
    if (b.prompt || b.repeat || b.words < 8) return 0;
    // Not shaped like a teaser (a story's first paragraph): a long
    // paragraph, a quotation, the rest of a split sentence.
    constexpr std::size_t kTeaserMaxWords = 80;
    if (b.words > kTeaserMaxWords || b.continuation || b.text.front() == '"' ||
        b.text.rfind("\xE2\x80\x9C", 0) == 0) {
      return 1;
    }
    std::size_t shared = 0;
    for (const auto& w : b.content) shared += words.count(w);
    if (shared >= 2) return 1;
    for (const auto& n : names_in(b.text)) {
      if (names.count(n)) return 1;
    }
    return -1;
  }
};

// A teaser of another story before the article: one or two paragraphs,
// then the article's own headline; dropped when they are off the subject
// of the article that follows.
void trim_teaser_head(std::vector<Block>& blocks, std::size_t& first,
                      std::size_t last) {
  for (std::size_t j = first + 1; j <= first + 3 && j + 2 <= last; ++j) {
    if (!headline_like(blocks[j]) || blocks[j].repeat) continue;
    if (!prose(blocks[j + 1])) return;
    Topic topic;
    topic.take(blocks[j]);
    topic.take(blocks[j + 1]);
    if (prose(blocks[j + 2])) topic.take(blocks[j + 2]);
    int off = 0, on = 0;
    for (std::size_t k = first; k < j; ++k) {
      int v = topic.judge(blocks[k]);
      off += v < 0;
      on += v > 0;
    }
    if (off > 0 && on == 0) first = j;
    return;
  }
}

// The subject of the article in [first, last]: its lead (the headline-like
// line before it, its first two paragraphs). Sets `body` to the first
// block after the lead.
Topic lead_topic(const std::vector<Block>& blocks, std::size_t first,
                 std::size_t last, std::size_t& body) {
  Topic topic;
  if (first > 0 && headline_like(blocks[first - 1]))
    topic.take(blocks[first - 1]);
  std::size_t lead = 0, i = first;
  for (; i <= last && lead < 2; ++i) {
    if (blocks[i].prompt || blocks[i].repeat) continue;
    topic.take(blocks[i]);
    if (!headline_like(blocks[i])) ++lead;
  }
  body = i;
  return topic;
}

// A story the page also teases elsewhere, cut off ("... signed a
// declaration on T..."), is not the article: when a paragraph of the run
// starts like such a teaser, it and the rest of the run go, and so do the
// paragraphs before it that are off the article's subject (the list of
// other stories it belongs to).
void trim_teased_story(std::vector<Block>& blocks, std::size_t first,
                       std::size_t& last) {
  constexpr std::size_t kPrefix = 40;
  std::set<std::string> teased;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i >= first && i <= last) continue;
    const Block& b = blocks[i];
    if ((b.ellipsis || b.truncated) && b.text.size() >= kPrefix) {
      teased.insert(fold_case(b.text.substr(0, kPrefix)));
    }
  }
  if (teased.empty()) return;
  std::size_t body = 0;
  Topic topic = lead_topic(blocks, first, last, body);
  for (std::size_t k = body; k <= last; ++k) {
    if (blocks[k].text.size() < kPrefix ||
        !teased.count(fold_case(blocks[k].text.substr(0, kPrefix)))) {
      continue;
    }
    std::size_t j = k;
    while (j > body && topic.judge(blocks[j - 1]) <= 0) --j;
    last = j - 1;
    return;
  }
}

void trim_teaser_tail(std::vector<Block>& blocks, std::size_t first,
                      std::size_t& last) {
  std::size_t body = 0;
  Topic topic = lead_topic(blocks, first, last, body);
  // Words the first half of the article repeats are its subject too.
  std::map<std::string, int> repeated;
  for (std::size_t k = body; k <= first + (last - first) / 2; ++k) {
    if (blocks[k].prompt || blocks[k].repeat) continue;
    for (const auto& w : blocks[k].content) {
      if (++repeated[w] == 2 && !generic_news_word(w)) topic.words.insert(w);
    }
  }
  // +1 on the subject, -1 off it, 0 neutral (prompts, short lines).
  std::vector<int> on(blocks.size(), 0);
  std::size_t counted = 0;
  for (std::size_t k = body; k <= last; ++k) {
    on[k] = topic.judge(blocks[k]);
    counted += on[k] != 0;
  }
  if (counted < 3) return;
  // The cut c maximising (on before c) + (off from c on).
  int before = 0, after_off = 0;
  for (std::size_t k = body; k <= last; ++k)
    after_off += on[k] < 0 ? 1 : -on[k];
  int best = after_off;  // c = body: everything after the lead is a tail
  std::size_t cut = body;
  for (std::size_t k = body; k <= last; ++k) {
    before += on[k];
    after_off -= on[k] < 0 ? 1 : -on[k];
    if (before + after_off > best) {
      best = before + after_off;
      cut = k + 1;
    }
  }
  std::size_t tail = 0, off = 0;
  for (std::size_t k = cut; k <= last; ++k) {
    tail += on[k] != 0;
    off += on[k] < 0;
  }
  // A teaser's headline goes with it.
  std::size_t head = cut;
  bool teaser_headline = false;
  while (head > body &&
         (blocks[head - 1].prompt || headline_like(blocks[head - 1]))) {
    --head;
    teaser_headline = teaser_headline || headline_like(blocks[head]);
  }
  if (cut > body && off * 10 >= tail * 7 &&
      (tail >= 2 || (tail == 1 && teaser_headline))) {
    last = head - 1;
  }
}

// The blocks of `text`, described; a block is a repeat when the same text
// (any case) came before and it has at least `repeat_min_words` words.
std::vector<Block> read_blocks(std::string_view text,
                               std::size_t repeat_min_words) {
  std::vector<Block> blocks;
  std::set<std::string> seen;
  for (auto& t : split_blocks(text)) {
    Block b;
    b.text = std::move(t);
    describe(b);
    b.repeat =
        !seen.insert(fold_case(b.text)).second && b.words >= repeat_min_words;
    blocks.push_back(std::move(b));
  }
  return blocks;
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

CleanedPage clean_page(std::string_view page) {
  std::vector<Block> blocks = read_blocks(page, 0);
  CleanedPage result;
  if (blocks.empty()) return result;

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

  // Teasers of other stories written as whole paragraphs after the
  // article (a list of short stories, each on its own subject). The
  // article's subject is the words of its lead (the headline-like line
  // before it and its first two paragraphs); a paragraph is on the subject
  // when it shares two of those words or one of its names. The tail is cut
  // where on-subject paragraphs before and off-subject ones after are most;
  // only a tail of two or more paragraphs, mostly off the subject, goes.
  if (last > first + 2) {
    trim_teaser_head(blocks, first, last);
    trim_teased_story(blocks, first, last);
    trim_teaser_tail(blocks, first, last);
  }
  // A list right after the article (fixtures, award winners, a team
  // sheet): three or more short items, none cut off, are the article's.
  {
    // Items are mostly names and numbers ("Leeds v Hull", "Drama -
    // Featherboy", "G Intoppa, S Perugini"), not sentences.
    auto list_item = [](const Block& b) {
      constexpr std::size_t kItemMaxWords = 20;
      if (b.prompt || b.ellipsis || b.repeat || b.words == 0 ||
          b.words > kItemMaxWords) {
        return false;
      }
      std::size_t lower = 0;
      for (const WordSpan& w : split_words(b.text)) {
        lower += std::islower(static_cast<unsigned char>(b.text[w.begin])) != 0;
      }
      return b.words <= 6 || lower * 10 <= b.words * 4;
    };
    std::size_t k = last + 1;
    while (k < blocks.size() && list_item(blocks[k])) ++k;
    if (k - last - 1 >= 3) last = k - 1;
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

CleanedPage clean_record(std::string_view text) {
  // Only repeated paragraphs: tables repeat rows legitimately.
  constexpr std::size_t kRepeatMinWords = 20;
  std::vector<Block> blocks = read_blocks(text, kRepeatMinWords);
  CleanedPage result;
  // Cut-off teasers, each a headline and its summary cut off ("..."):
  // two or more at the end, or one at the start. Paragraphs that merely
  // end in "..." (wire copy uses it between items) are kept.
  // A teaser: a headline in ordinary case (not a lead-in ending in "-" or
  // ":"), then a short summary cut off.
  auto teaser_pair = [&](std::size_t h) {
    const Block& head = blocks[h];
    const Block& summary = blocks[h + 1];
    constexpr std::size_t kSummaryMaxWords = 45;
    char end = head.text.back();
    std::size_t upper = 0, letters = 0;
    for (char c : head.text) {
      upper += std::isupper(static_cast<unsigned char>(c)) != 0;
      letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
    }
    return headline_like(head) && end != '-' && end != ':' &&
           upper * 2 < letters && summary.ellipsis &&
           summary.words <= kSummaryMaxWords;
  };
  std::vector<bool> edge(blocks.size(), false);
  if (blocks.size() >= 4 && teaser_pair(0)) edge[0] = edge[1] = true;
  std::size_t cut_teasers = 0;
  for (std::size_t i = blocks.size(); i > 2;) {
    --i;
    const Block& b = blocks[i];
    if (b.prompt) continue;
    if (b.ellipsis && teaser_pair(i - 1)) {
      // A teaser: its headline, then its summary cut off.
      edge[i] = true;
      ++cut_teasers;
    } else if (headline_like(b) && i + 1 < blocks.size() && edge[i + 1]) {
      edge[i] = true;
    } else {
      break;
    }
  }
  if (cut_teasers < 2) {  // one cut paragraph at the end: a truncated text
    for (std::size_t i = 2; i < blocks.size(); ++i) edge[i] = false;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.prompt) {
      b.kind = BlockKind::kBoilerplate;
    } else if (b.repeat) {
      b.kind = BlockKind::kRepeat;
    } else if (edge[i]) {
      b.kind = BlockKind::kOtherStory;
    }
    if (b.kind == BlockKind::kArticle) {
      if (!result.text.empty()) result.text += "\n\n";
      result.text += b.text;
    } else {
      result.dropped_chars += b.text.size();
    }
    result.blocks.push_back({b.text, b.kind});
  }
  // Nothing dropped, or everything (a record of emoji or one odd line):
  // the text stays as it came.
  if (result.dropped_chars == 0 || result.text.empty()) {
    result.text = std::string(text);
    result.dropped_chars = 0;
    for (auto& b : result.blocks) b.kind = BlockKind::kArticle;
  }
  return result;
}

bool looks_like_scraped_page(std::string_view text) {
  std::set<std::string> seen;
  std::size_t cut = 0, blocks = 0;
  for (auto& line : split_blocks(text)) {
    Block b;
    b.text = line;
    describe(b, /*words_too=*/false);
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
    // Cut before a character, never inside a multi-byte one.
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    s = s.substr(0, cut);
    auto space = s.rfind(' ');
    if (space != std::string_view::npos && space > max_chars / 2)
      s = s.substr(0, space);
    return std::string(trim_space(s)) + "\xE2\x80\xA6";
  }
  return std::string(trim_space(s));
}

}  // namespace newsdex
