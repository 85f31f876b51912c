// Synonym expansion as a rewrite of the query text, before Xapian's query
// parser sees it (Xapian's own synonym table needs a writable database).
#include "searcher/synonyms.h"

#include <cctype>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// A token that may take part in a synonym match: letters, digits, '-',
// '\'', '.', and no field prefix, wildcard, quote or bracket.
bool is_plain(const std::string& token) {
  for (unsigned char c : token) {
    if (!(std::isalnum(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.')) {
      return false;
    }
  }
  return !token.empty() && token.front() != '-';
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::vector<std::string> SynonymTable::add(std::string_view text,
                                           const std::string& name) {
  std::vector<std::string> errors;
  std::size_t line_number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? "" : text.substr(end + 1);
    ++line_number;
    if (auto hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (trim_space(line).empty()) continue;
    std::vector<std::vector<std::string>> group;
    std::string_view rest = line;
    while (true) {
      auto eq = rest.find('=');
      auto member = words_of(fold_case(trim_space(rest.substr(0, eq))));
      if (!member.empty()) group.push_back(std::move(member));
      if (eq == std::string_view::npos) break;
      rest = rest.substr(eq + 1);
    }
    if (group.size() < 2) {
      errors.push_back(
          name + ":" + std::to_string(line_number) +
          ": a synonym line needs two or more names joined by '='");
      continue;
    }
    groups_.push_back(std::move(group));
  }
  return errors;
}

void SynonymTable::add_group(const std::vector<std::string>& names) {
  std::vector<std::vector<std::string>> group;
  for (const auto& n : names) {
    auto member = words_of(fold_case(trim_space(n)));
    if (!member.empty()) group.push_back(std::move(member));
  }
  if (group.size() >= 2) groups_.push_back(std::move(group));
}

void SynonymTable::merge(const SynonymTable& other) {
  groups_.insert(groups_.end(), other.groups_.begin(), other.groups_.end());
}

std::string SynonymTable::expand(const std::string& folded_query) const {
  if (groups_.empty()) return folded_query;
  // Tokens with their separators; phrases are left alone.
  // Brackets outside phrases stand alone, so "(kiev OR lviv)" expands.
  std::vector<std::string> tokens;
  std::vector<bool> quoted;
  bool in_phrase = false;
  for (std::string& token : words_of(folded_query)) {
    bool has_quote = token.find('"') != std::string::npos;
    bool is_quoted = in_phrase || has_quote;
    for (char c : token) {
      if (c == '"') in_phrase = !in_phrase;
    }
    if (is_quoted) {
      tokens.push_back(std::move(token));
      quoted.push_back(true);
      continue;
    }
    std::size_t a = 0, b = token.size();
    while (a < b && token[a] == '(') ++a;
    while (b > a && token[b - 1] == ')') --b;
    for (std::size_t k = 0; k < a; ++k) tokens.emplace_back("(");
    if (b > a) tokens.push_back(token.substr(a, b - a));
    for (std::size_t k = b; k < token.size(); ++k) tokens.emplace_back(")");
    quoted.resize(tokens.size(), false);
  }
  std::string out;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t best_len = 0;
    const std::vector<std::vector<std::string>>* best_group = nullptr;
    for (const auto& group : groups_) {
      for (const auto& member : group) {
        std::size_t n = member.size();
        if (n <= best_len || i + n > tokens.size()) continue;
        bool match = true;
        for (std::size_t k = 0; k < n && match; ++k) {
          match = !quoted[i + k] && is_plain(tokens[i + k]) &&
                  tokens[i + k] == member[k];
        }
        if (match) {
          best_len = n;
          best_group = &group;
        }
      }
    }
    if (!out.empty()) out += ' ';
    if (best_group == nullptr) {
      out += tokens[i++];
      continue;
    }
    std::string alternatives;
    for (const auto& member : *best_group) {
      std::string m = join(member);
      if (member.size() > 1) m = "\"" + m + "\"";
      alternatives += (alternatives.empty() ? "" : " OR ") + m;
    }
    out += "(" + alternatives + ")";
    i += best_len;
  }
  return out;
}

}  // namespace newsdex
