// The actor model both programs share: canonical names, keys, and the
// gazetteer of known actors with their aliases.
#include "common/actors.h"

#include <algorithm>
#include <cctype>

#include "common/table_text.h"
#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {

std::string strip_possessive(std::string word, bool* stripped) {
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

// Folded name words as the extractor's tokens fold them.
std::vector<std::string> folded_name_words(std::string_view name) {
  std::vector<std::string> out;
  for (const WordSpan& w : name_spans(name)) {
    out.push_back(fold_for_key(
        strip_possessive(std::string(name.substr(w.begin, w.end - w.begin)))));
  }
  return out;
}

namespace {

struct Letters {
  int upper = 0, lower = 0;
};

// ASCII capitals and small letters (enough to tell "WHO" from "Who").
Letters count_name_letters(std::string_view text) {
  Letters n;
  for (char c : text) {
    n.upper += c >= 'A' && c <= 'Z';
    n.lower += c >= 'a' && c <= 'z';
  }
  return n;
}

std::string join_words(std::vector<std::string> words) {
  for (auto& w : words) w = name_spelling_key(w);
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

namespace {

// British spellings in American form: "Defence", "Organisation",
// "Centre", "Programme", "Co-operation" ("co" and a word starting with
// "o" as one word). In place: asked of every word of every article.
void to_american_spelling(std::string& w) {
  if (w.starts_with("co-o")) w.erase(2, 1);
  if (w.size() < 6) return;
  auto ends = [&](std::string_view tail) { return w.ends_with(tail); };
  auto swap_end = [&](std::size_t n, std::string_view by) {
    w.replace(w.size() - n, n, by);
  };
  if (w == "defence" || w == "offence") {
    swap_end(2, "se");
  } else if (ends("isation") || ends("isations")) {
    w[w.rfind("isation") + 1] = 'z';
  } else if (w == "centre" || w == "centres" || w == "theatre") {
    std::size_t re = w.rfind("re");
    w.replace(re, 2, "er");
  } else if (w == "programme" || w == "programmes") {
    w.erase(w.find("mme") + 1, 2);
  }
}

}  // namespace

std::string name_spelling_key(std::string_view folded) {
  std::string key;
  key.reserve(folded.size());
  std::size_t i = 0;
  if (folded.size() > 3 && folded[0] == 'y' && folded[1] == 'e') i = 1;
  for (; i < folded.size(); ++i) {
    char c = folded[i] == 'y' ? 'i' : folded[i];
    if (c == 'i' && !key.empty() && key.back() == 'i') continue;
    key += c;
  }
  to_american_spelling(key);  // (no word it changes has a y or an ii)
  return key;
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

std::string actor_variant_key(std::string_view name) {
  std::string key = actor_key(name);
  std::string out;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find('-', start);
    if (end == std::string::npos) end = key.size();
    // "co-operation" is one word.
    if (end - start == 2 && key.compare(start, 2, "co") == 0 &&
        end + 1 < key.size() && key[end + 1] == 'o') {
      key.erase(end, 1);
      end = key.find('-', start);
      if (end == std::string::npos) end = key.size();
    }
    if (!out.empty()) out += '-';
    out += name_spelling_key(std::string_view(key).substr(start, end - start));
    start = end + 1;
  }
  return out;
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
        if (cells[1] == "person") {
          std::vector<std::string> words = folded_name_words(cells[0]);
          if (words.size() >= 2) {
            by_surname_[name_spelling_key(words.back())].push_back(index);
          }
        }
        aliases_.emplace_back();
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i == 1) continue;
          std::vector<std::string> words = folded_name_words(cells[i]);
          if (words.empty()) continue;
          Letters n = count_name_letters(cells[i]);
          bool acronym = words.size() == 1 && n.upper >= 2 && n.lower == 0;
          by_alias_[join_words(words)] = {index, acronym};
          std::string prefix;
          for (std::size_t w = 0; w + 1 < words.size(); ++w) {
            if (w) prefix += ' ';
            prefix += name_spelling_key(words[w]);
            alias_prefixes_.insert(prefix);
          }
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
  auto it = by_alias_.find(join_words(folded_name_words(name)));
  return it == by_alias_.end() ? nullptr : &actors_[it->second.actor];
}

namespace {

// Levenshtein distance, for short given names.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

const Actor* ActorGazetteer::find_person_variant(std::string_view name) const {
  std::vector<std::string> words = folded_name_words(name);
  if (words.size() != 2) return nullptr;
  auto it = by_surname_.find(name_spelling_key(words[1]));
  if (it == by_surname_.end()) return nullptr;
  std::string given = name_spelling_key(words[0]);
  const Actor* found = nullptr;
  for (std::size_t index : it->second) {
    std::vector<std::string> known = folded_name_words(actors_[index].name);
    std::string known_given = name_spelling_key(known.front());
    if (given.size() < 4 || known_given.size() < 4 ||
        given[0] != known_given[0] || edit_distance(given, known_given) > 2) {
      continue;
    }
    if (found != nullptr) return nullptr;  // two candidates: neither
    found = &actors_[index];
  }
  return found;
}

std::vector<std::vector<std::string>> ActorGazetteer::alias_groups() const {
  return aliases_;
}

const Actor* ActorGazetteer::match(const std::vector<std::string>& keys,
                                   std::size_t start, std::size_t& length,
                                   bool* acronym) const {
  length = 0;
  const Actor* found = nullptr;
  std::string joined;
  for (std::size_t n = 1; n <= longest_alias_ && start + n <= keys.size();
       ++n) {
    if (n > 1) joined += ' ';
    joined += keys[start + n - 1];
    auto it = by_alias_.find(joined);
    if (it != by_alias_.end()) {
      found = &actors_[it->second.actor];
      length = n;
      if (acronym) *acronym = it->second.acronym;
    }
    if (!alias_prefixes_.count(joined)) break;
  }
  return found;
}

}  // namespace newsdex
