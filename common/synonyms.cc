// Synonym groups, looked up by the query builder on the query's tokens.
#include "common/synonyms.h"

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
    index_group(groups_.size() - 1);
  }
  return errors;
}

void SynonymTable::add_group(const std::vector<std::string>& names) {
  std::vector<std::vector<std::string>> group;
  for (const auto& n : names) {
    auto member = words_of(fold_case(trim_space(n)));
    if (!member.empty()) group.push_back(std::move(member));
  }
  if (group.size() >= 2) {
    groups_.push_back(std::move(group));
    index_group(groups_.size() - 1);
  }
}

void SynonymTable::merge(const SynonymTable& other) {
  for (const auto& group : other.groups_) {
    groups_.push_back(group);
    index_group(groups_.size() - 1);
  }
}

void SynonymTable::index_group(std::size_t group) {
  const auto& members = groups_[group];
  for (std::size_t m = 0; m < members.size(); ++m) {
    by_first_word_[members[m].front()].emplace_back(group, m);
  }
}

SynonymTable::Match SynonymTable::match(const std::vector<std::string>& words,
                                        std::size_t at) const {
  Match best;
  if (at >= words.size()) return best;
  auto found = by_first_word_.find(words[at]);
  if (found == by_first_word_.end()) return best;
  for (auto [g, m] : found->second) {
    const auto& member = groups_[g][m];
    std::size_t n = member.size();
    if (n <= best.length || at + n > words.size()) continue;
    bool same = true;
    for (std::size_t k = 1; k < n && same; ++k)
      same = words[at + k] == member[k];
    if (same) best = {&groups_[g], n};
  }
  return best;
}

}  // namespace newsdex
