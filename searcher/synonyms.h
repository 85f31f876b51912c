// User synonyms for search ("Kyiv = Kiev"): a query word or phrase that a
// group lists matches any member of the group.
#ifndef NEWSDEX_SEARCHER_SYNONYMS_H_
#define NEWSDEX_SEARCHER_SYNONYMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

class SynonymTable {
 public:
  // Adds groups from a file's text: one group per line, members separated
  // by '=' ("Kyiv = Kiev = Kiyv", "Volodymyr Zelensky = Zelenskyy");
  // '#' starts a comment. Returns one message per malformed line, naming
  // `name` and the line.
  std::vector<std::string> add(std::string_view text, const std::string& name);

  bool empty() const { return groups_.empty(); }

  // Adds one group of names (at least two).
  void add_group(const std::vector<std::string>& names);
  // Adds every group of `other`.
  void merge(const SynonymTable& other);

  // Rewrites a case-folded query: each run of plain words (outside
  // "phrases" and field:values) that equals a member of a group becomes
  // "(member OR member ...)", multi-word members quoted. The longest member
  // wins where several start at the same word.
  std::string expand(const std::string& folded_query) const;

 private:
  // Each group: its members, each as its words.
  std::vector<std::vector<std::vector<std::string>>> groups_;
};

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SYNONYMS_H_
