// Actor extraction over word tokens: gazetteer matches first, then
// organisation names, then people (titles, given names, "said", ages),
// then surnames and single names resolved against the whole article.
#include "common/actors.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "common/table_text.h"
#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {
namespace {

struct Token {
  std::string raw;     // as written
  std::string text;    // as written, possessive removed
  std::string folded;  // `text` with case and accents folded
  std::string gap;     // what separates it from the next token
  bool capitalised = false;
  bool all_caps = false;  // two or more letters, all capitals
  bool possessive = false;
  bool sentence_start = false;
  bool joined_to_next = false;  // only spaces (or one line break) follow
  bool shout = false;           // on a line written in capitals
  bool number = false;
};

std::string strip_possessive(std::string word, bool* stripped = nullptr) {
  for (std::string_view s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (word.size() > s.size() &&
        word.compare(word.size() - s.size(), s.size(), s) == 0) {
      word.resize(word.size() - s.size());
      if (stripped) *stripped = true;
      break;
    }
  }
  return word;
}

struct Letters {
  int upper = 0, lower = 0;
};

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

bool first_is_upper(std::string_view word) {
  utf8proc_int32_t cp = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return cp > 0 && utf8proc_isupper(cp);
}

// Words split as split_words() does, with hyphenated words kept whole
// ("Leigh-Pemberton", "Jean-Noël", "vice-president").
std::vector<WordSpan> name_spans(std::string_view text) {
  std::vector<WordSpan> spans = split_words(text);
  std::vector<WordSpan> out;
  for (const WordSpan& w : spans) {
    if (!out.empty() && out.back().end + 1 == w.begin &&
        text[out.back().end] == '-') {
      out.back().end = w.end;
      out.back().cp_end = w.cp_end;
    } else {
      out.push_back(w);
    }
  }
  return out;
}

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
    const WordSpan& w = spans[i];
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
    Letters n = count_letters(t.text);
    t.all_caps = n.upper >= 2 && n.lower == 0;
    t.number = n.upper == 0 && n.lower == 0;
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

using WordSet = std::unordered_set<std::string>;

// The built-in word lists by section.
const std::map<std::string, WordSet>& word_lists() {
  static const std::map<std::string, WordSet> kLists = [] {
    std::map<std::string, WordSet> lists;
    std::string section;
    std::string_view all = builtin_name_words();
    std::size_t pos = 0;
    while (pos < all.size()) {
      std::size_t end = all.find('\n', pos);
      if (end == std::string_view::npos) end = all.size();
      std::string_view line = all.substr(pos, end - pos);
      pos = end + 1;
      line = trim_space(line.substr(0, line.find('#')));
      if (line.empty()) continue;
      if (line.front() == '[' && line.back() == ']') {
        section = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      for (const WordSpan& w : name_spans(line)) {
        lists[section].insert(
            fold_for_key(line.substr(w.begin, w.end - w.begin)));
      }
    }
    return lists;
  }();
  return kLists;
}

bool in_list(const char* section, const std::string& folded) {
  const auto& lists = word_lists();
  auto it = lists.find(section);
  return it != lists.end() && it->second.count(folded) > 0;
}

bool is_given(const std::string& f) { return in_list("given", f); }
bool is_place(const std::string& f) { return in_list("places", f); }
bool is_org_word(const std::string& f) { return in_list("org", f); }

// Words that introduce a person's name ("President", "spokesman", "Mr").
const WordSet& title_words() {
  static const WordSet kTitles{"president",
                               "minister",
                               "secretary",
                               "spokesman",
                               "spokeswoman",
                               "spokesperson",
                               "envoy",
                               "chancellor",
                               "senator",
                               "governor",
                               "mayor",
                               "king",
                               "queen",
                               "prince",
                               "princess",
                               "pope",
                               "ambassador",
                               "aide",
                               "negotiator",
                               "chairman",
                               "chairwoman",
                               "chief",
                               "commissioner",
                               "general",
                               "gen",
                               "adviser",
                               "advisor",
                               "premier",
                               "treasurer",
                               "mr",
                               "mrs",
                               "ms",
                               "dr",
                               "lawyer",
                               "economist",
                               "analyst",
                               "director",
                               "leader",
                               "official",
                               "colonel",
                               "admiral",
                               "judge",
                               "sir",
                               "lord",
                               "lady",
                               "baroness",
                               "dame",
                               "deputy",
                               "representative",
                               "exchequer",
                               "speaker",
                               "solicitor",
                               "executive",
                               "star",
                               "singer",
                               "manager",
                               "reporter",
                               "presenter",
                               "editor",
                               "founder",
                               "investor",
                               "tycoon",
                               "billionaire",
                               "businessman",
                               "businesswoman",
                               "boss",
                               "professor",
                               "prof",
                               "archbishop",
                               "bishop",
                               "coach",
                               "captain",
                               "striker",
                               "actor",
                               "actress",
                               "dancer",
                               "chef",
                               "jockey",
                               "auctioneer",
                               "huntsman",
                               "vice-president",
                               "co-chairman",
                               "mp",
                               "peer",
                               "counsel",
                               "attorney",
                               "prosecutor",
                               "sheriff",
                               "officer",
                               "inspector",
                               "sergeant",
                               "detective",
                               "superintendent",
                               "commander",
                               "correspondent",
                               "vice",
                               "emir",
                               "sheikh",
                               "ayatollah",
                               "rabbi",
                               "cardinal",
                               "father",
                               "justice",
                               "strategist",
                               "trader",
                               "partner",
                               "president-elect"};
  return kTitles;
}

bool is_title(const std::string& f) { return title_words().count(f) > 0; }

// Capitalised words that are not names: they end a name run.
const WordSet& not_name_words() {
  static const WordSet kWords{"the",
                              "a",
                              "an",
                              "in",
                              "on",
                              "at",
                              "but",
                              "and",
                              "or",
                              "he",
                              "she",
                              "it",
                              "they",
                              "we",
                              "i",
                              "this",
                              "that",
                              "these",
                              "those",
                              "under",
                              "after",
                              "before",
                              "while",
                              "when",
                              "if",
                              "as",
                              "for",
                              "with",
                              "by",
                              "from",
                              "of",
                              "to",
                              "his",
                              "her",
                              "their",
                              "our",
                              "its",
                              "my",
                              "your",
                              "there",
                              "here",
                              "what",
                              "who",
                              "why",
                              "how",
                              "where",
                              "which",
                              "yesterday",
                              "today",
                              "tomorrow",
                              "january",
                              "february",
                              "march",
                              "april",
                              "may",
                              "june",
                              "july",
                              "august",
                              "september",
                              "october",
                              "november",
                              "december",
                              "monday",
                              "tuesday",
                              "wednesday",
                              "thursday",
                              "friday",
                              "saturday",
                              "sunday",
                              "new",
                              "york",
                              "reuters",
                              "afp",
                              "foreign",
                              "affairs",
                              "defence",
                              "defense",
                              "finance",
                              "trade",
                              "prime",
                              "state",
                              "security",
                              "council",
                              "house",
                              "national",
                              "federal",
                              "central",
                              "bank",
                              "ministry",
                              "government",
                              "party",
                              "black",
                              "sea",
                              "north",
                              "south",
                              "east",
                              "west",
                              "northern",
                              "southern",
                              "eastern",
                              "western",
                              "international",
                              "world",
                              "first",
                              "second",
                              "third",
                              "last",
                              "next",
                              "united",
                              "states",
                              "u",
                              "s",
                              "european",
                              "union",
                              "also",
                              "however",
                              "meanwhile",
                              "although",
                              "despite",
                              "since",
                              "some",
                              "many",
                              "most",
                              "all",
                              "both",
                              "other",
                              "more",
                              "one",
                              "two",
                              "three",
                              "four",
                              "five",
                              "six",
                              "ten",
                              "nearly",
                              "only",
                              "almost",
                              "earlier",
                              "later",
                              "now",
                              "then",
                              "so",
                              "yet",
                              "still",
                              "even",
                              "not",
                              "no",
                              "former",
                              "ex",
                              "senior",
                              "according",
                              "local",
                              "photo",
                              "video",
                              "read",
                              "more",
                              "share",
                              "follow",
                              "christmas",
                              "easter",
                              "god",
                              "internet",
                              "web",
                              "online",
                              "tv",
                              "parliament",
                              "congress",
                              "senate",
                              "cabinet",
                              "opposition",
                              "commons",
                              "lords",
                              "army",
                              "navy",
                              "police",
                              "court",
                              "supreme",
                              "street",
                              "road",
                              "avenue",
                              "square",
                              "palace",
                              "airport",
                              "station",
                              "hospital",
                              "school",
                              "stadium",
                              "river",
                              "island",
                              "islands",
                              "mountain",
                              "valley",
                              "republic",
                              "kingdom",
                              "empire",
                              "province",
                              "region",
                              "county",
                              "city",
                              "district",
                              "war",
                              "act",
                              "bill",
                              "treaty",
                              "accord",
                              "agreement",
                              "plan",
                              "summit",
                              "conference",
                              "week",
                              "year",
                              "day",
                              "dow",
                              "nasdaq",
                              "ftse",
                              "nikkei",
                              "dax",
                              "analysts",
                              "officials",
                              "sources",
                              "experts",
                              "critics",
                              "doctors",
                              "police",
                              "workers",
                              "residents",
                              "voters",
                              "shares",
                              "prices",
                              "sales",
                              "profits",
                              "exports",
                              "imports",
                              "tories",
                              "labour",
                              "socialists",
                              "democrats",
                              "republicans",
                              "conservatives",
                              "liberals",
                              "muslims",
                              "christians",
                              "jews",
                              "catholics",
                              "protestants"};
  return kWords;
}

bool is_not_name(const std::string& f) { return not_name_words().count(f) > 0; }

// Words that never start a name (sentence openers, pronouns, articles).
bool is_function_word(const std::string& f) {
  static const WordSet kWords{
      "the",       "a",         "an",       "in",      "on",    "at",
      "but",       "and",       "or",       "he",      "she",   "it",
      "they",      "we",        "i",        "this",    "that",  "these",
      "those",     "under",     "after",    "before",  "while", "when",
      "if",        "as",        "for",      "with",    "by",    "from",
      "of",        "to",        "his",      "her",     "their", "our",
      "its",       "my",        "your",     "there",   "here",  "what",
      "who",       "why",       "how",      "where",   "which", "also",
      "however",   "meanwhile", "although", "despite", "since", "some",
      "many",      "most",      "all",      "both",    "other", "only",
      "almost",    "earlier",   "later",    "now",     "then",  "so",
      "yet",       "still",     "even",     "not",     "no",    "according",
      "yesterday", "today",     "tomorrow", "last",    "next",  "nearly"};
  return kWords.count(f) > 0;
}

// Name particles inside a person's name ("Barend du Plessis").
bool is_particle(const std::string& f) {
  static const WordSet kParticles{"de",  "du",  "da",  "di",  "von", "van",
                                  "der", "den", "la",  "le",  "del", "della",
                                  "dos", "das", "bin", "ibn", "al",  "el"};
  return kParticles.count(f) > 0;
}

// Acronyms that are not organisations.
bool is_plain_acronym(const std::string& f) {
  static const WordSet kPlain{
      "gdp",  "gmt",  "bst",  "est", "cet", "utc", "edt",  "pst", "tv",  "ceo",
      "cfo",  "coo",  "cto",  "md",  "mp",  "mps", "qc",   "pm",  "am",  "uk",
      "us",   "usa",  "ussr", "ii",  "iii", "iv",  "lng",  "lpg", "ipo", "vat",
      "dna",  "hiv",  "aids", "ai",  "ok",  "id",  "pc",   "ps",  "pr",  "hr",
      "ev",   "suv",  "cd",   "dvd", "usb", "sms", "gcse", "faq", "pdf", "url",
      "www",  "mph",  "kg",   "km",  "mw",  "gw",  "kwh",  "bpd", "pct", "dlrs",
      "mln",  "bln",  "cts",  "shr", "qtr", "avg", "vs",   "inc", "co",  "ltd",
      "plc",  "nv",   "ag",   "sa",  "llc", "lp",  "pow",  "ces", "ufo", "atm",
      "rsvp", "asap", "diy",  "fyi", "cv",  "phd", "mba",  "ba",  "ma",  "bsc",
      "ad",   "bc",   "op",   "ed",  "ii",  "jr",  "sr",   "st",  "no",  "x"};
  return kPlain.count(f) > 0;
}

bool is_said(const Token& t) {
  static const WordSet kSaid{"said",     "says",     "told",      "added",
                             "stated",   "warned",   "announced", "reported",
                             "argued",   "insisted", "claimed",   "claims",
                             "believes", "denied",   "confirmed", "declined"};
  return kSaid.count(t.folded) > 0;
}

// Words after a name that show it is an organisation acting ("Yukos
// spokesman", "Southcorp's board").
bool is_org_role(const std::string& f) {
  static const WordSet kRoles{
      "spokesman",  "spokeswoman",  "spokesperson",   "chairman",
      "chairwoman", "executive",    "executives",     "lawyers",
      "shares",     "shareholders", "board",          "boss",
      "members",    "officials",    "leader",         "leadership",
      "chief",      "president",    "vice-president", "director",
      "staff",      "spokespeople", "management",     "subsidiary",
      "unit"};
  return kRoles.count(f) > 0;
}

// Nouns that introduce an organisation's name ("oil firm Rosneft").
bool is_org_descriptor(const std::string& f) {
  static const WordSet kWords{
      "company",      "firm",         "group",        "giant",
      "bank",         "lender",       "carrier",      "airline",
      "operator",     "chain",        "channel",      "broadcaster",
      "newspaper",    "paper",        "watchdog",     "regulator",
      "consultancy",  "agency",       "insurer",      "retailer",
      "maker",        "producer",     "winemaker",    "brewer",
      "supplier",     "manufacturer", "conglomerate", "startup",
      "broker",       "brokerage",    "publisher",    "network",
      "charity",      "union",        "club",         "airlines",
      "automaker",    "carmaker",     "subsidiary",   "unit",
      "rival",        "pollster",     "daily",        "weekly",
      "magazine",     "website",      "service",      "party",
      "organisation", "organization", "association",  "fund",
      "exchange",     "monopoly"};
  return kWords.count(f) > 0;
}

// A capitalised word that can be part of a person's name.
bool nameish(const Token& t) {
  return t.capitalised && !t.shout && !t.all_caps && !t.number &&
         t.folded.size() >= 2 && !is_not_name(t.folded) &&
         !is_title(t.folded) && !is_org_word(t.folded);
}

// "." then at most white space with one line break.
bool dotted_gap(const std::string& gap) {
  return !gap.empty() && gap[0] == '.' &&
         gap.find_first_not_of(" \t\r\n", 1) == std::string::npos &&
         std::count(gap.begin(), gap.end(), '\n') <= 1;
}

// A single capital letter written as an initial ("George W. Bush").
bool is_initial(const Token& t) {
  return t.text.size() == 1 && t.capitalised && !t.shout && dotted_gap(t.gap);
}

std::string join_raw(const std::vector<Token>& tokens, std::size_t from,
                     std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    out += i + 1 < to ? tokens[i].raw : tokens[i].text;
    if (i + 1 < to) {
      const std::string& gap = tokens[i].gap;
      bool dotted = gap.find('.') != std::string::npos;
      bool amp = gap.find('&') != std::string::npos;
      bool comma = gap.find(',') != std::string::npos;
      if (amp) {
        out += " & ";
      } else if (dotted && gap.find(' ') == std::string::npos) {
        out += '.';
      } else if (dotted) {
        out += ". ";
      } else if (comma) {
        out += ", ";
      } else {
        out += ' ';
      }
    }
  }
  return out;
}

std::string join_text(const std::vector<Token>& tokens, std::size_t from,
                      std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += tokens[i - 1].gap == ". " ? ". " : " ";
    out += tokens[i].text;
  }
  return out;
}

// The actors found, each once, ordered by first mention (token `at`).
class Collector {
 public:
  void add(const Actor& a, std::size_t at) {
    std::string key = actor_key(a.name);
    if (key.empty()) return;
    auto [it, fresh] = index_.try_emplace(key, actors_.size());
    if (fresh) {
      actors_.push_back(a);
      first_.push_back(at);
    } else {
      first_[it->second] = std::min(first_[it->second], at);
    }
  }
  std::vector<Actor> take() {
    std::vector<std::size_t> order(actors_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return first_[a] < first_[b]; });
    std::vector<Actor> out;
    for (std::size_t i : order) out.push_back(std::move(actors_[i]));
    return out;
  }
  const std::vector<Actor>& actors() const { return actors_; }

 private:
  std::map<std::string, std::size_t> index_;
  std::vector<Actor> actors_;
  std::vector<std::size_t> first_;
};

// True when `key` is the last word of the actor key `full`.
bool ends_with_word(const std::string& full, const std::string& key) {
  return full.size() > key.size() &&
         full.compare(full.size() - key.size(), key.size(), key) == 0 &&
         full[full.size() - key.size() - 1] == '-';
}

bool starts_with_word(const std::string& full, const std::string& key) {
  return full.size() > key.size() && full.compare(0, key.size(), key) == 0 &&
         full[key.size()] == '-';
}

// Folded name words as the extractor's tokens fold them.
std::vector<std::string> folded_words(std::string_view name) {
  std::vector<std::string> out;
  for (const WordSpan& w : name_spans(name)) {
    out.push_back(fold_for_key(
        strip_possessive(std::string(name.substr(w.begin, w.end - w.begin)))));
  }
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const auto& w : words) {
    if (!joined.empty()) joined += ' ';
    joined += w;
  }
  return joined;
}

}  // namespace

const char* actor_type_name(ActorType type) {
  return type == ActorType::kOrg ? "org" : "person";
}

std::string actor_key(std::string_view name) {
  std::string folded = fold_for_key(name);
  std::string key;
  for (char c : folded) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      key += c;
    } else if (!key.empty() && key.back() != '-') {
      key += '-';
    }
  }
  while (!key.empty() && key.back() == '-') key.pop_back();
  return key;
}

ActorGazetteer ActorGazetteer::with_builtin_table() {
  ActorGazetteer g;
  g.add_table(builtin_actor_table(), "built-in actors");
  return g;
}

std::vector<std::string> ActorGazetteer::add_table(std::string_view tsv,
                                                   const std::string& name) {
  std::vector<std::string> errors;
  for_each_table_row(
      tsv, name,
      [&](std::vector<std::string>& cells, const std::string& where) {
        if (cells.size() < 2 || (cells[1] != "person" && cells[1] != "org")) {
          errors.push_back(where + ": needs a name and a type (person or org)");
          return;
        }
        std::size_t index = actors_.size();
        actors_.push_back({cells[0], cells[1] == "org" ? ActorType::kOrg
                                                       : ActorType::kPerson});
        aliases_.emplace_back();
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i == 1) continue;
          std::vector<std::string> words = folded_words(cells[i]);
          if (words.empty()) continue;
          by_alias_[join_words(words)] = index;
          longest_alias_ = std::max(longest_alias_, words.size());
          aliases_[index].push_back(cells[i]);
        }
      },
      errors);
  return errors;
}

std::vector<std::vector<std::string>> actor_alias_groups(std::string_view tsv) {
  std::vector<std::vector<std::string>> groups;
  std::vector<std::string> errors;  // reported where the gazetteer is built
  for_each_table_row(
      tsv, "actors",
      [&](std::vector<std::string>& cells, const std::string&) {
        if (cells.size() < 2 || (cells[1] != "person" && cells[1] != "org")) {
          return;
        }
        std::vector<std::string> names;
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i != 1 && !split_words(cells[i]).empty()) {
            names.push_back(std::move(cells[i]));
          }
        }
        groups.push_back(std::move(names));
      },
      errors);
  return groups;
}

const Actor* ActorGazetteer::find(std::string_view name) const {
  auto it = by_alias_.find(join_words(folded_words(name)));
  return it == by_alias_.end() ? nullptr : &actors_[it->second];
}

std::vector<std::vector<std::string>> ActorGazetteer::alias_groups() const {
  return aliases_;
}

const Actor* ActorGazetteer::match(const std::vector<std::string>& folded,
                                   std::size_t start,
                                   std::size_t& length) const {
  length = 0;
  const Actor* found = nullptr;
  std::string joined;
  for (std::size_t n = 1; n <= longest_alias_ && start + n <= folded.size();
       ++n) {
    if (n > 1) joined += ' ';
    joined += folded[start + n - 1];
    auto it = by_alias_.find(joined);
    if (it != by_alias_.end()) {
      found = &actors_[it->second];
      length = n;
    }
  }
  return found;
}

namespace {

class Extractor {
 public:
  Extractor(std::string_view title, std::string_view text,
            const ActorGazetteer& gazetteer)
      : gazetteer_(gazetteer) {
    std::string all(title);
    all += "\n\n";
    all += text;
    tokens_ = tokenize(all);
    for (const auto& t : tokens_) folded_.push_back(t.folded);
    used_.assign(tokens_.size(), false);
  }

  std::vector<Actor> run() {
    gazetteer_pass();
    organisation_pass();
    acronym_definitions();
    person_pass();
    resolve_titled_surnames();
    single_name_pass();
    return found_.take();
  }

 private:
  const Token& tok(std::size_t i) const { return tokens_[i]; }
  std::size_t size() const { return tokens_.size(); }
  void mark(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) used_[k] = true;
  }

  // 1. Known actors, longest alias first. Names are capitalised; a single
  // known surname after another given name is someone else ("Jacques
  // Barrot" is not "Jean-Noël Barrot").
  void gazetteer_pass() {
    for (std::size_t i = 0; i < size(); ++i) {
      if (used_[i] || !tok(i).capitalised) continue;
      std::size_t length = 0;
      const Actor* a = gazetteer_.match(folded_, i, length);
      if (a == nullptr) continue;
      if (tok(i).shout && length == 1 && a->type == ActorType::kOrg &&
          !tok(i).all_caps) {
        continue;  // "APPLE" in a headline in capitals: too ambiguous
      }
      if (length == 1 && a->type == ActorType::kPerson && i > 0 &&
          tok(i - 1).joined_to_next && nameish(tok(i - 1)) &&
          folded_words(a->name).front() != folded_[i - 1] &&
          folded_words(a->name).size() > 1) {
        continue;
      }
      found_.add(*a, i);
      mark(i, i + length);
      i += length - 1;
    }
  }

  bool org_span_token(std::size_t j) const {
    const Token& t = tok(j);
    return (t.capitalised || t.number) && !t.shout && !used_[j];
  }

  // Whether the gap after token j keeps a name going.
  bool joins(std::size_t j) const {
    const Token& t = tok(j);
    if (t.joined_to_next) return true;
    if (t.gap == " & ") return true;
    if (t.text.size() <= 2 && t.capitalised && dotted_gap(t.gap))
      return true;  // "U.S. Department", "B.F. Goodrich"
    return false;
  }

  // Words of [from, to] that are not initials ("U.S." counts none).
  std::size_t words_since(std::size_t from, std::size_t to) const {
    std::size_t n = 0;
    for (std::size_t k = from; k <= to; ++k) n += tok(k).text.size() > 2;
    return n;
  }

  bool is_company_suffix(const std::string& f) const {
    static const WordSet kSuffixes{
        "inc",     "corp",        "co",  "ltd",     "plc",          "group",
        "company", "corporation", "cos", "limited", "incorporated", "bancorp"};
    return kSuffixes.count(f) > 0;
  }

  // 2. Organisation names: capitalised words ending in an organisation
  // word ("Continental Grain Co", "China Legal News") or starting with one
  // followed by "of" ("Bank of Korea", "Board of Investments").
  void organisation_pass() {
    for (std::size_t i = 0; i < size(); ++i) {
      if (!org_span_token(i) || tok(i).number) continue;
      // Leading words that are not part of a name.
      if (is_function_word(folded_[i])) continue;
      std::size_t j = i;
      constexpr std::size_t kNone = static_cast<std::size_t>(-1);
      std::size_t last_org = kNone;
      bool of_form = false;
      while (j < size() && j - i < 9) {
        if (!org_span_token(j)) break;
        if (is_org_word(folded_[j]) && j > i) last_org = j;
        if (is_org_word(folded_[j]) && j == i && j + 2 < size() &&
            folded_[j + 1] == "of" && joins(j) && joins(j + 1) &&
            org_span_token(j + 2)) {
          of_form = true;
        }
        if (tok(j).possessive) {
          // "Foster's Group", "Co's" end the span unless an org word follows.
          if (!(j + 1 < size() && joins(j) && is_org_word(folded_[j + 1]))) {
            ++j;
            break;
          }
        }
        if (!joins(j) || j + 1 >= size()) {
          // ", Inc" after a company name ("Cargill, Inc").
          if (tok(j).gap == ", " && j + 1 < size() &&
              is_company_suffix(folded_[j + 1]) && tok(j + 1).capitalised) {
            last_org = j + 1;
            j += 2;
          } else {
            ++j;
          }
          break;
        }
        // Connectors: "of", "and", "&", "for", "des" between capitalised
        // words; "and The" starts another name.
        std::size_t next = j + 1;
        if (tok(j).gap == " & ") {
          ++j;
          continue;
        }
        const std::string& f = folded_[next];
        if ((f == "of" || f == "and" || f == "for" || f == "des" || f == "de" ||
             f == "on") &&
            next + 1 < size() && joins(next) && org_span_token(next + 1) &&
            !(f == "and" && (folded_[next + 1] == "the" ||
                             (last_org == j && words_since(i, j) >= 2)))) {
          j = next + 1;
          continue;
        }
        ++j;
      }
      std::size_t end = j;  // span [i, end)
      std::size_t stop = kNone;
      if (of_form) {
        stop = end;
        // "Bank of Communications Ltd": up to the last organisation word.
        if (last_org != kNone && last_org > i + 2) stop = last_org + 1;
        // Keep "Bank of Korea", not a person or title that follows.
        for (std::size_t k = i + 2; k < end; ++k) {
          if (is_title(folded_[k]) || is_given(folded_[k])) {
            stop = k;
            break;
          }
        }
      } else if (last_org != kNone) {
        stop = last_org + 1;
        // "U.S. Department of Energy": "of" and a name after the org word.
        if (stop + 1 < end && folded_[stop] == "of") stop = end;
      }
      if (stop == kNone || stop <= i + 1) {
        i = std::max(i, end > 0 ? end - 1 : 0);
        continue;
      }
      std::size_t begin = i;
      while (begin < stop && folded_[begin] == "the") ++begin;
      // "Shares of B.F. Goodrich Co": a common word and "of" lead in.
      if (begin + 2 < stop && folded_[begin + 1] == "of" && !of_form &&
          !is_org_word(folded_[begin])) {
        begin += 2;
      }
      if (stop - begin >= 2 ||
          (stop - begin == 1 && !is_org_word(folded_[begin]))) {
        std::string name = join_raw(tokens_, begin, stop);
        const Actor* known = gazetteer_.find(name);
        Actor a = known ? *known : Actor{name, ActorType::kOrg};
        // "Delta Motors" after "Delta Motors Corp" is the same company.
        if (!known && same_as_found_org(actor_key(name))) {
          mark(begin, stop);
          i = stop - 1;
          continue;
        }
        found_.add(a, begin);
        mark(begin, stop);
        maybe_acronym(stop - 1, a.name);
      }
      i = stop - 1;
    }
  }

  bool same_as_found_org(const std::string& key) const {
    for (const Actor& a : found_.actors()) {
      if (a.type != ActorType::kOrg) continue;
      std::string full = actor_key(a.name);
      if (starts_with_word(full, key) || starts_with_word(key, full)) {
        return true;
      }
    }
    return false;
  }

  // Whether `acronym` (folded) is made of the initials of an organisation
  // found ("AMC" for American Motors Corp, "DOE" for Department of Energy).
  bool initials_of_found_org(const std::string& acronym) const {
    for (const Actor& a : found_.actors()) {
      if (a.type != ActorType::kOrg) continue;
      std::string all, without_of;
      for (const std::string& w : folded_words(a.name)) {
        if (w.empty()) continue;
        all += w[0];
        if (w != "of" && w != "and" && w != "the") without_of += w[0];
      }
      for (const std::string& initials : {all, without_of}) {
        // A leading "U.S." may be left out of the acronym.
        if (initials == acronym ||
            (initials.size() > 2 && initials.compare(0, 2, "us") == 0 &&
             initials.substr(2) == acronym)) {
          return true;
        }
      }
    }
    return false;
  }

  // "Oil & Natural Gas Corporation (ONGC)": the acronym names the same
  // organisation.
  void maybe_acronym(std::size_t last, const std::string& name) {
    if (last + 1 >= size()) return;
    const std::string& gap = tok(last).gap;
    if (gap.find('(') == std::string::npos) return;
    if (!tok(last + 1).all_caps) return;
    acronyms_[tok(last + 1).folded] = name;
    used_[last + 1] = true;
  }

  // 2b. Acronyms defined after a gazetteer name too.
  void acronym_definitions() {
    for (std::size_t i = 0; i + 1 < size(); ++i) {
      if (!tok(i + 1).all_caps || used_[i + 1]) continue;
      if (tok(i).gap.find('(') == std::string::npos || !used_[i]) continue;
      // The actor ending at i: the gazetteer or an organisation found.
      for (const Actor& a : found_.actors()) {
        if (a.type != ActorType::kOrg) continue;
        std::vector<std::string> words = folded_words(a.name);
        if (!words.empty() && words.back() == folded_[i]) {
          acronyms_[tok(i + 1).folded] = a.name;
          used_[i + 1] = true;
          break;
        }
      }
    }
  }

  // The end of a run of name words from `from` (particles and initials
  // inside, a possessive ends it).
  std::size_t name_run_end(std::size_t from, bool given_first) const {
    std::size_t j = from;
    while (j < size() && j - from < 5) {
      const Token& t = tok(j);
      bool ok = !used_[j] && (nameish(t) || (j > from && is_initial(t)));
      if (j > from && !ok && !used_[j] && given_first && t.capitalised &&
          !t.shout && is_place(t.folded) && !is_not_name(t.folded)) {
        ok = true;  // "Michael Jordan"
      }
      if (j == from && is_place(t.folded)) ok = false;
      if (!ok) break;
      ++j;
      if (t.possessive) break;
      if (!(t.joined_to_next || is_initial(t))) break;
      // A particle between name words: "Barend du Plessis".
      if (j + 1 < size() && is_particle(folded_[j]) && !tok(j).capitalised &&
          tok(j).joined_to_next && nameish(tok(j + 1)) && !used_[j + 1]) {
        ++j;
      }
    }
    // Never end on a particle or an initial.
    while (j > from && (is_particle(folded_[j - 1]) || is_initial(tok(j - 1))))
      --j;
    return j;
  }

  bool has_age_after(std::size_t end) const {
    // "Luke Tomlinson, 27," / "David Redvers, 34, from Hartpury"
    return end < size() && end > 0 && tok(end - 1).gap == ", " &&
           tok(end).number && tok(end).text.size() <= 3 &&
           tok(end).gap.find_first_of(",.;)") != std::string::npos;
  }

  // "Mike Lake, a Yukos spokesman": a role in apposition.
  bool has_role_apposition(std::size_t end) const {
    if (end >= size() || end == 0 || tok(end - 1).gap != ", ") return false;
    const std::string& f = folded_[end];
    if (f != "a" && f != "an" && f != "the" && f != "its" && f != "his" &&
        f != "her" && f != "their" && f != "former") {
      return false;
    }
    for (std::size_t k = end + 1; k < size() && k <= end + 4; ++k) {
      if (is_title(folded_[k])) return true;
      if (!tok(k).joined_to_next) break;
    }
    return false;
  }

  void add_person(std::size_t from, std::size_t to, std::size_t at) {
    std::string name = join_text(tokens_, from, to);
    const Actor* known = gazetteer_.find(name);
    found_.add(known ? *known : Actor{name, ActorType::kPerson}, at);
    mark(from, to);
  }

  // 3. People: a run of two to four name words with evidence: a title or
  // role before it, a given name first, "said" next to it, or an age.
  // Runs without evidence are kept as candidates for surnames.
  void person_pass() {
    for (std::size_t i = 0; i < size(); ++i) {
      if (used_[i]) continue;
      const Token& t = tok(i);
      bool after_title = i > 0 && is_title(folded_[i - 1]) &&
                         tok(i - 1).joined_to_next && !tok(i - 1).shout;
      if (!nameish(t)) continue;
      if (i > 0 && !used_[i - 1] && nameish(tok(i - 1)) &&
          tok(i - 1).joined_to_next) {
        continue;  // inside a run already looked at
      }
      std::size_t from = i;
      bool given = is_given(folded_[from]);
      std::size_t to = name_run_end(from, given);
      // "Irishmen JP McManus": start at the given name inside the run.
      if (!given && !after_title) {
        for (std::size_t k = from + 1; k + 1 < to; ++k) {
          if (is_given(folded_[k])) {
            from = k;
            given = true;
            break;
          }
        }
      }
      std::size_t n = to - from;
      if (n == 0) continue;
      // "a spokeswoman for Royal Mail": the name is the employer's.
      if (from >= 2 &&
          (folded_[from - 1] == "for" || folded_[from - 1] == "at") &&
          is_org_role(folded_[from - 2]) && n <= 3) {
        std::string name = join_text(tokens_, from, to);
        const Actor* known = gazetteer_.find(name);
        found_.add(known ? *known : Actor{name, ActorType::kOrg}, from);
        mark(from, to);
        i = to - 1;
        continue;
      }
      bool said =
          (to < size() && is_said(tok(to))) ||
          (from > 0 && is_said(tok(from - 1)) && tok(from - 1).joined_to_next);
      // "said" alone does not vouch for a capitalised sentence opener
      // ("Winemaker Southcorp said").
      bool said_ok =
          said && n >= 2 && n <= 3 && (!tok(from).sentence_start || given);
      bool evidence =
          after_title || (given && n >= 2) || said_ok ||
          ((has_age_after(to) || has_role_apposition(to)) && n >= 2);
      if (n >= 2 && evidence) {
        add_person(from, to, from);
        i = to - 1;
        continue;
      }
      if (n == 1 && after_title && !is_place(folded_[from])) {
        // "Minister Subroto", "Mr Volcker": resolved at the end.
        if (const Actor* known = gazetteer_.find(tok(from).text)) {
          found_.add(*known, from);
        } else {
          titled_surnames_.push_back(from);
        }
        used_[from] = true;
        continue;
      }
      if (n >= 2 && n <= 3) candidates_.push_back({from, to});
      i = to - 1;
    }
  }

  // A surname after a title is the person of that surname the article
  // names in full (even later: "Mr Walkington" / "Sandy Walkington will"),
  // else the surname alone.
  void resolve_titled_surnames() {
    for (std::size_t at : titled_surnames_) {
      std::string key = actor_key(tok(at).text);
      if (const Actor* a = person_with_surname(key)) {
        found_.add(Actor(*a), at);  // mentioned first by surname
        continue;
      }
      bool resolved = false;
      for (const auto& [from, to] : candidates_) {
        if (folded_[to - 1] == tok(at).folded && !used_[from]) {
          add_person(from, to, std::min(from, at));
          resolved = true;
          break;
        }
      }
      if (!resolved) found_.add({tok(at).text, ActorType::kPerson}, at);
    }
  }

  const Actor* person_with_surname(const std::string& key) const {
    for (const Actor& a : found_.actors()) {
      if (a.type != ActorType::kPerson) continue;
      std::string full = actor_key(a.name);
      if (full == key || ends_with_word(full, key)) return &a;
      // A gazetteer alias of this actor ("Zelensky" for "Volodymyr
      // Zelenskyy").
      const Actor* known = gazetteer_.find(key);
      if (known != nullptr && known->name == a.name) return &a;
    }
    return nullptr;
  }

  bool part_of_found_name(const std::string& key) const {
    for (const Actor& a : found_.actors()) {
      std::string full = "-" + actor_key(a.name) + "-";
      if (full.find("-" + key + "-") != std::string::npos) return true;
    }
    return false;
  }

  // 4. Single names acting as subjects: acronyms ("the DOE said", "UAW
  // vice-president") and names seen often, in mid-sentence, that "said"
  // something or own something ("Southcorp's board").
  void single_name_pass() {
    struct Seen {
      std::size_t first = 0, mentions = 0;
      bool said = false, role = false, possessive = false, titled = false;
    };
    std::map<std::string, Seen> seen;
    std::vector<std::string> order;
    for (std::size_t i = 0; i < size(); ++i) {
      const Token& t = tok(i);
      if (used_[i] || !t.capitalised || t.shout || t.number) continue;
      if (i > 0 && is_title(folded_[i - 1])) {
        seen[t.folded].titled = true;
      }
      bool alone = (i == 0 || !tok(i - 1).joined_to_next ||
                    !tok(i - 1).capitalised || is_not_name(folded_[i - 1]) ||
                    is_org_descriptor(folded_[i - 1]) || tok(i - 1).number) &&
                   (!t.joined_to_next || i + 1 >= size() ||
                    !tok(i + 1).capitalised || tok(i + 1).shout);
      if (!alone) continue;
      if (t.gap.find('>') != std::string::npos) continue;  // "<TWA>" ticker
      auto [it, fresh] = seen.try_emplace(t.folded);
      if (fresh) {
        it->second.first = i;
        order.push_back(t.folded);
      }
      Seen& s = it->second;
      if (!t.sentence_start || t.all_caps) ++s.mentions;
      if (t.possessive) s.possessive = true;
      if (i + 1 < size() && is_said(tok(i + 1)) && t.joined_to_next) {
        s.said = true;
      }
      if (i + 1 < size() && t.joined_to_next && is_org_role(folded_[i + 1])) {
        s.role = true;
      }
      if (i > 0 && tok(i - 1).joined_to_next &&
          is_org_descriptor(folded_[i - 1])) {
        s.role = true;  // "food group Kraft", "watchdog Ofsted"
      }
    }
    for (const std::string& f : order) {
      const Seen& s = seen[f];
      const Token& t = tok(s.first);
      // "MPs", "CEOs": plural acronyms are people, not an organisation.
      bool plural_acronym =
          t.text.size() >= 3 && t.text.back() == 's' &&
          count_letters(t.text).upper == static_cast<int>(t.text.size()) - 1;
      if (plural_acronym || s.titled || f.size() < 2 || is_not_name(f) ||
          is_title(f) || is_place(f) || is_given(f) || is_org_word(f)) {
        continue;
      }
      if (auto a = acronyms_.find(f); a != acronyms_.end()) continue;
      if (t.all_caps && initials_of_found_org(f)) continue;
      std::string key = actor_key(t.text);
      if (person_with_surname(key) || part_of_found_name(key)) continue;
      bool org = false;
      if (t.all_caps) {
        if (is_plain_acronym(f) || t.text.size() > 6) continue;
        org = s.mentions >= 2 || s.said || s.role;
      } else {
        org = s.mentions >= 1 &&
              (s.said || s.role || (s.possessive && s.mentions >= 3));
      }
      if (!org) continue;
      const Actor* known = gazetteer_.find(t.text);
      found_.add(known ? *known : Actor{t.text, ActorType::kOrg}, s.first);
    }
  }

  const ActorGazetteer& gazetteer_;
  std::vector<Token> tokens_;
  std::vector<std::string> folded_;
  std::vector<bool> used_;
  Collector found_;
  std::vector<std::size_t> titled_surnames_;
  std::vector<std::pair<std::size_t, std::size_t>> candidates_;
  std::map<std::string, std::string> acronyms_;
};

}  // namespace

std::vector<Actor> extract_actors(std::string_view title, std::string_view text,
                                  const ActorGazetteer& gazetteer) {
  return Extractor(title, text, gazetteer).run();
}

}  // namespace newsdex
