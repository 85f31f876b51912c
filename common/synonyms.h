// Synonym groups for search ("Kyiv = Kiev"), the user's and the actor
// aliases: a query word or phrase that a group lists matches any member of
// the group (the query builder makes the group one concept).
#ifndef NEWSDEX_COMMON_SYNONYMS_H_
#define NEWSDEX_COMMON_SYNONYMS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsdex {

class SynonymTable {
 public:
  // Adds groups from a file's text: one group per line, members separated
  // by '=' ("Kyiv = Kiev = Kiyv", "Volodymyr Zelensky = Zelenskyy");
  // '#' starts a comment. Returns one message per malformed line, naming
  // `name` and the line.
  std::vector<std::string> add(std::string_view text, const std::string& name);
  // The same, as the other user tables are read (newsdex-index keeps the
  // files' text in the database, like --sources and --actors).
  std::vector<std::string> add_table(std::string_view text,
                                     const std::string& name) {
    return add(text, name);
  }

  bool empty() const { return groups_.empty(); }

  // Adds one group of names (at least two).
  void add_group(const std::vector<std::string>& names);
  // Adds every group of `other`.
  void merge(const SynonymTable& other);

  // A group member found in a query: its group (each member as its
  // case-folded words) and how many words it spans.
  struct Match {
    const std::vector<std::vector<std::string>>* group = nullptr;
    std::size_t length = 0;
  };
  // The longest member that the case-folded words `words[at...]` start
  // with, or a Match with no group.
  Match match(const std::vector<std::string>& words, std::size_t at) const;

 private:
  void index_group(std::size_t group);
  // Each group: its members, each as its words.
  std::vector<std::vector<std::vector<std::string>>> groups_;
  // First word of a member -> (group, member).
  std::unordered_map<std::string,
                     std::vector<std::pair<std::size_t, std::size_t>>>
      by_first_word_;
};

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_SYNONYMS_H_
