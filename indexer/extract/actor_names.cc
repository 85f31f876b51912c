// Naming what the extractor finds.
#include "indexer/extract/actor_names.h"

#include <algorithm>

#include "common/text_utf8.h"
#include "indexer/extract/name_words.h"

namespace newsdex {

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
    if (!out.empty()) {
      const std::string& gap = tokens[i - 1].gap;
      // "A.B. Stoddard", "A.W. Clausen" (a line break after the dot).
      bool dot = !gap.empty() && gap[0] == '.';
      out += !dot ? " " : gap.size() == 1 ? "." : ". ";
    }
    out += tokens[i].text;
  }
  return out;
}

// The actor key with transliteration variants made alike: one person
// written "Valery" and "Valeriy" in one article is one actor.
std::string spelling_key(std::string_view name) {
  std::string key;
  for (const std::string& w : folded_name_words(name)) {
    if (!key.empty()) key += '-';
    key += name_spelling_key(w);
  }
  return key;
}

// The title without an outlet's suffix ("... « War in Ukraine |
// Censor.NET", "... | Reuters") and a trailing "(21.09.22 17:52)".
std::string_view title_without_suffix(std::string_view title) {
  for (std::string_view mark : {" \xC2\xAB ", " | "}) {
    std::size_t at = title.find(mark);
    if (at != std::string_view::npos && at > 0) title = title.substr(0, at);
  }
  title = trim_space(title);
  if (!title.empty() && title.back() == ')') {
    std::size_t open = title.rfind('(');
    if (open != std::string_view::npos &&
        title.find_first_not_of("0123456789.:/ ", open + 1) ==
            title.size() - 1) {
      title = trim_space(title.substr(0, open));
    }
  }
  return title;
}

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

namespace {

// An organisation's name words as compared: folded, without connectors
// and a closing company suffix ("Bank of Tokyo Ltd" and "Bank of Tokyo
// International Ltd" are two), a plural 's' dropped ("Trades Union" and
// "Trade Unions" alike).
std::vector<std::string> org_name_words(std::string_view name) {
  std::vector<std::string> out;
  for (std::string& w : folded_name_words(name)) {
    if (w == "of" || w == "for" || w == "the" || w == "and" || w == "&") {
      continue;
    }
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    out.push_back(name_spelling_key(w));
  }
  if (out.size() > 1 &&
      NameWords::builtin().has(WordList::kCompanySuffix, out.back())) {
    out.pop_back();
  }
  return out;
}

// Whether `short_words` are `long_words` with one word left out, the
// first and the last kept ("Baltic Exchange" is not the "Baltic
// International Freight Futures Exchange").
bool is_abridgement(const std::vector<std::string>& short_words,
                    const std::vector<std::string>& long_words) {
  if (short_words.size() + 1 != long_words.size() ||
      short_words.front() != long_words.front() ||
      short_words.back() != long_words.back()) {
    return false;
  }
  std::size_t k = 0;
  for (const std::string& w : long_words) {
    if (k < short_words.size() && w == short_words[k]) ++k;
  }
  return k == short_words.size();
}

// Whether `long_words` are `short_words` with a country or nationality
// before them ("Russian Ministry of Defence") or an "of" phrase after them
// ("Ministry of Defence of Ukraine", "General Staff of the Armed Forces
// of Ukraine"); words as spelling keys.
bool is_qualified(const std::vector<std::string>& short_words,
                  const std::vector<std::string>& long_words) {
  if (long_words.size() <= short_words.size()) return false;
  if (long_words.size() == short_words.size() + 1 &&
      std::equal(short_words.begin(), short_words.end(),
                 long_words.begin() + 1) &&
      NameWords::builtin().has(WordList::kPlace, long_words.front())) {
    return true;
  }
  return long_words.size() >= short_words.size() + 2 &&
         std::equal(short_words.begin(), short_words.end(),
                    long_words.begin()) &&
         long_words[short_words.size()] == "of";
}

std::vector<std::string> spelling_keys(std::string_view name) {
  std::vector<std::string> words = folded_name_words(name);
  for (std::string& w : words) w = name_spelling_key(w);
  return words;
}

}  // namespace

void Collector::add(const Actor& a, std::size_t at, std::string_view written) {
  // Whatever pass found it, a place or a thing that is never an actor
  // ("ZNPP", "Russian Federation") is not one.
  std::vector<std::string> words = folded_name_words(a.name);
  bool place = false;
  if (!words.empty() &&
      NameWords::builtin().phrase_at(words, 0, &place) == words.size()) {
    return;
  }
  // "Russian Government", "Government of Ukraine": a country's
  // government named by the country is the country.
  if (a.type == ActorType::kOrg && words.size() >= 2) {
    bool government = false, country = true;
    for (const std::string& w : words) {
      if (w == "government") {
        government = true;
      } else if (w != "of" && w != "the" &&
                 !NameWords::builtin().has(WordList::kPlace, w)) {
        country = false;
      }
    }
    if (government && country) return;
  }
  std::string key = spelling_key(a.name);
  if (key.empty()) return;
  auto [it, fresh] = index_.try_emplace(key, actors_.size());
  if (fresh) {
    actors_.push_back(a);
    first_.push_back(at);
    named_otherwise_.push_back(false);
  } else {
    first_[it->second] = std::min(first_[it->second], at);
  }
  if (!written.empty() && a.type == ActorType::kOrg &&
      spelling_key(written) != key) {
    named_otherwise_[it->second] = true;  // "UK Ministry of Defence"
  }
}

std::vector<Actor> Collector::take() {
  // "Mrs Parker Bowles" beside "Camilla Parker Bowles": a person whose
  // name of two or more words ends another person's name is that person.
  std::vector<bool> merged(actors_.size(), false);
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].type != ActorType::kPerson) continue;
    std::string key = spelling_key(actors_[i].name);
    if (key.find('-') == std::string::npos) continue;
    for (std::size_t j = 0; j < actors_.size(); ++j) {
      if (j == i || merged[j] || actors_[j].type != ActorType::kPerson) {
        continue;
      }
      if (ends_with_word(spelling_key(actors_[j].name), key)) {
        merged[i] = true;
        first_[j] = std::min(first_[j], first_[i]);
        break;
      }
    }
  }
  // "Powys Health Board" beside "Powys Local Health Board", "Trade Unions
  // Congress" beside "Trades Union Congress": an organisation whose name
  // is another's, or it with one word left out (not the first or last),
  // plurals, connectors and company suffixes aside, is that organisation.
  // A company's formal name is not short for another ("Lloyds Bank Plc"
  // and "Lloyds Merchant Bank" are two).
  std::vector<std::vector<std::string>> org_words(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].type == ActorType::kOrg) {
      org_words[i] = org_name_words(actors_[i].name);
    }
  }
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (merged[i] || org_words[i].size() < 2) continue;
    const std::vector<std::string>& short_words = org_words[i];
    std::vector<std::string> written = folded_name_words(actors_[i].name);
    bool formal =
        NameWords::builtin().has(WordList::kCompanySuffix, written.back());
    for (std::size_t j = 0; j < actors_.size(); ++j) {
      if (j == i || merged[j] || org_words[j].empty()) continue;
      const std::vector<std::string>& long_words = org_words[j];
      bool same = short_words == long_words;
      if (same && j > i) continue;  // the first found keeps its name
      if (!same && (formal || !is_abridgement(short_words, long_words))) {
        continue;
      }
      merged[i] = true;
      first_[j] = std::min(first_[j], first_[i]);
      break;
    }
  }
  // "the Ministry of Defense" beside "Russia's Ministry of Defense" or
  // "Ministry of Defence of Ukraine": a state body named bare (always
  // written so, with a word of name_words [state_body]) is the one
  // national body of that name the article names in full, if only one.
  // ("Labour Party" beside "Scottish Labour Party" is not a state body.)
  std::vector<std::vector<std::string>> keys(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].type == ActorType::kOrg)
      keys[i] = spelling_keys(actors_[i].name);
  }
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (merged[i] || keys[i].size() < 2 || named_otherwise_[i]) continue;
    std::vector<std::string> words = folded_name_words(actors_[i].name);
    if (std::none_of(words.begin(), words.end(), [](const std::string& w) {
          return NameWords::builtin().has(WordList::kStateBody, w);
        })) {
      continue;
    }
    std::size_t into = actors_.size(), found = 0;
    for (std::size_t j = 0; j < actors_.size(); ++j) {
      if (j != i && !merged[j] && is_qualified(keys[i], keys[j])) {
        into = j;
        ++found;
      }
    }
    if (found != 1) continue;
    merged[i] = true;
    first_[into] = std::min(first_[into], first_[i]);
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (!merged[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](auto a, auto b) { return first_[a] < first_[b]; });
  std::vector<Actor> out;
  for (std::size_t i : order) out.push_back(std::move(actors_[i]));
  return out;
}

}  // namespace newsdex
