// Actor extraction over word tokens: gazetteer matches first, then titles
// and "X said" for names the gazetteer lacks, then bare surnames resolved
// to full names met earlier in the article.
#include "common/actors.h"

#include <utf8proc.h>

#include <algorithm>
#include <set>

#include "common/table_text.h"
#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {
namespace {

struct Token {
  std::string text;    // as written, possessive removed
  std::string folded;  // case and accents folded
  bool capitalised = false;
  bool sentence_start = false;
  bool joined_to_next = false;  // only spaces before the next token
};

std::string strip_possessive(std::string word) {
  for (std::string_view s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (word.size() > s.size() &&
        word.compare(word.size() - s.size(), s.size(), s) == 0) {
      word.resize(word.size() - s.size());
      break;
    }
  }
  return word;
}

bool first_is_upper(std::string_view word) {
  utf8proc_int32_t cp = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return cp > 0 && utf8proc_isupper(cp);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::vector<WordSpan> spans = split_words(text);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const WordSpan& w = spans[i];
    Token t;
    t.text =
        strip_possessive(std::string(text.substr(w.begin, w.end - w.begin)));
    t.folded = fold_for_key(t.text);
    t.capitalised = first_is_upper(t.text);
    std::size_t p = w.begin;
    while (p > 0 &&
           (text[p - 1] == ' ' || text[p - 1] == '"' || text[p - 1] == '\'' ||
            static_cast<unsigned char>(text[p - 1]) >= 0x80)) {
      --p;
    }
    t.sentence_start = p == 0 || text[p - 1] == '.' || text[p - 1] == '!' ||
                       text[p - 1] == '?' || text[p - 1] == '\n' ||
                       text[p - 1] == ':';
    if (i + 1 < spans.size()) {
      std::string_view gap = text.substr(w.end, spans[i + 1].begin - w.end);
      // Spaces, or one line break of hard-wrapped text ("Paul\nVolcker").
      t.joined_to_next =
          gap.find_first_not_of(" \t\r\n") == std::string_view::npos &&
          std::count(gap.begin(), gap.end(), '\n') <= 1;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

// Words that introduce a person's name.
const std::set<std::string>& title_words() {
  static const std::set<std::string> kTitles{
      "president",    "minister",    "secretary",
      "spokesman",    "spokeswoman", "spokesperson",
      "envoy",        "chancellor",  "senator",
      "governor",     "mayor",       "king",
      "queen",        "prince",      "pope",
      "ambassador",   "aide",        "negotiator",
      "chairman",     "chairwoman",  "chief",
      "commissioner", "general",     "gen",
      "adviser",      "advisor",     "premier",
      "treasurer",    "mr",          "mrs",
      "ms",           "dr",          "lawyer",
      "economist",    "analyst",     "director",
      "leader",       "official",    "colonel",
      "admiral",      "judge",       "sir",
      "lord",         "deputy",      "representative",
      "exchequer",    "head"};
  return kTitles;
}

// Capitalised words that are not names: they end a name run.
const std::set<std::string>& not_name_words() {
  static const std::set<std::string> kWords{"the",
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
                                            "under",
                                            "after",
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
                                            "russia",
                                            "russian",
                                            "ukraine",
                                            "ukrainian",
                                            "kyiv",
                                            "moscow",
                                            "us",
                                            "u",
                                            "s",
                                            "uk",
                                            "united",
                                            "states",
                                            "america",
                                            "american",
                                            "britain",
                                            "british",
                                            "france",
                                            "french",
                                            "germany",
                                            "german",
                                            "europe",
                                            "european",
                                            "china",
                                            "chinese",
                                            "japan",
                                            "japanese",
                                            "turkey",
                                            "turkish",
                                            "istanbul",
                                            "washington",
                                            "london",
                                            "paris",
                                            "berlin",
                                            "beijing",
                                            "tokyo",
                                            "brussels",
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
                                            "white",
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
                                            "sunday"};
  return kWords;
}

bool nameish(const Token& t) {
  return t.capitalised && !not_name_words().count(t.folded) &&
         !title_words().count(t.folded) && t.folded.size() >= 2;
}

std::string join_text(const std::vector<Token>& tokens, std::size_t from,
                      std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i].text;
  }
  return out;
}

class Collector {
 public:
  void add(const Actor& a) {
    std::string key = actor_key(a.name);
    if (key.empty() || !seen_.insert(key).second) return;
    actors_.push_back(a);
  }
  std::vector<Actor> take() { return std::move(actors_); }
  const std::vector<Actor>& actors() const { return actors_; }

 private:
  std::set<std::string> seen_;
  std::vector<Actor> actors_;
};

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
          std::string joined;
          std::size_t count = 0;
          for (const WordSpan& w : split_words(cells[i])) {
            if (!joined.empty()) joined += ' ';
            joined += fold_for_key(cells[i].substr(w.begin, w.end - w.begin));
            ++count;
          }
          if (joined.empty()) continue;
          by_alias_[joined] = index;
          longest_alias_ = std::max(longest_alias_, count);
          aliases_[index].push_back(cells[i]);
        }
      },
      errors);
  return errors;
}

const Actor* ActorGazetteer::find(std::string_view name) const {
  std::string joined;
  std::string text(name);
  for (const WordSpan& w : split_words(text)) {
    if (!joined.empty()) joined += ' ';
    joined +=
        fold_for_key(strip_possessive(text.substr(w.begin, w.end - w.begin)));
  }
  auto it = by_alias_.find(joined);
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

std::vector<Actor> extract_actors(std::string_view title, std::string_view text,
                                  const ActorGazetteer& gazetteer) {
  std::string all(title);
  all += "\n\n";
  all += text;
  std::vector<Token> tokens = tokenize(all);
  std::vector<std::string> folded;
  for (const auto& t : tokens) folded.push_back(t.folded);

  Collector found;
  std::vector<std::string> titled_surnames;
  std::vector<bool> used(tokens.size(), false);
  auto is_said = [&](std::size_t i) {
    return i < tokens.size() &&
           (folded[i] == "said" || folded[i] == "says" || folded[i] == "told" ||
            folded[i] == "added" || folded[i] == "stated");
  };

  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    // 1. The gazetteer, longest alias first; names are capitalised.
    std::size_t length = 0;
    if (tokens[i].capitalised) {
      if (const Actor* a = gazetteer.match(folded, i, length)) {
        found.add(*a);
        for (std::size_t k = i; k < i + length; ++k) used[k] = true;
        i += length - 1;
        continue;
      }
    }
    // A run of name-like capitalised words joined by spaces.
    auto run_end = [&](std::size_t from) {
      std::size_t j = from;
      while (j < tokens.size() && j - from < 4 && nameish(tokens[j]) &&
             !used[j]) {
        if (!tokens[j].joined_to_next) {
          ++j;
          break;
        }
        ++j;
      }
      return j;
    };
    // 2. After a title: "President Vladimir Putin", "spokesman Dmitry Peskov".
    if (title_words().count(folded[i]) && i + 1 < tokens.size() &&
        tokens[i].joined_to_next && !tokens[i + 1].sentence_start) {
      std::size_t from = i + 1;
      std::size_t to = run_end(from);
      if (to - from >= 2) {
        std::string name = join_text(tokens, from, to);
        const Actor* known = gazetteer.find(name);
        found.add(known ? *known : Actor{name, ActorType::kPerson});
        for (std::size_t k = from; k < to; ++k) used[k] = true;
        i = to - 1;
        continue;
      }
      // "Minister Subroto", "Mr Volcker": a surname alone after a title.
      if (to - from == 1 && (to >= tokens.size() || !tokens[to].capitalised)) {
        if (const Actor* known = gazetteer.find(tokens[from].text)) {
          found.add(*known);
        } else {
          titled_surnames.push_back(tokens[from].text);
        }
        used[from] = true;
        i = from;
        continue;
      }
    }
    // 3. "Firstname Lastname said" and "said Firstname Lastname".
    if (nameish(tokens[i]) && (i == 0 || !nameish(tokens[i - 1]))) {
      std::size_t to = run_end(i);
      bool quoted = (is_said(to) || (i > 0 && is_said(i - 1)));
      if (quoted && to - i >= 2 && to - i <= 3) {
        std::string name = join_text(tokens, i, to);
        const Actor* known = gazetteer.find(name);
        found.add(known ? *known : Actor{name, ActorType::kPerson});
        for (std::size_t k = i; k < to; ++k) used[k] = true;
        i = to - 1;
        continue;
      }
    }
  }
  // A surname after a title is that person unless the article names
  // someone with that last name in full ("Mr Volcker" after "Paul
  // Volcker"). Other bare surnames ("Putin said") add nothing new: the
  // gazetteer knows them, or they name a person already found in full, or
  // they are left out rather than guessed.
  for (const auto& surname : titled_surnames) {
    std::string key = actor_key(surname);
    bool known = false;
    for (const Actor& a : found.actors()) {
      std::string full = actor_key(a.name);
      known = known || full == key ||
              (full.size() > key.size() &&
               full.compare(full.size() - key.size(), key.size(), key) == 0 &&
               full[full.size() - key.size() - 1] == '-');
    }
    if (!known) found.add({surname, ActorType::kPerson});
  }
  return found.take();
}

}  // namespace newsdex
