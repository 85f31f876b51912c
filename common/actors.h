// Actors: the people and organisations an article names, each under one
// canonical name; the gazetteer of well-known actors and their aliases.
// Both programs use it: the indexer to name what it extracts
// (indexer/extract/actor_extractor.h), the searcher to expand actor:NAME.
#ifndef NEWSDEX_COMMON_ACTORS_H_
#define NEWSDEX_COMMON_ACTORS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/word_split.h"

namespace newsdex {

enum class ActorType { kPerson, kOrg };

// "person" or "org".
const char* actor_type_name(ActorType type);

struct Actor {
  std::string name;  // canonical display name
  ActorType type = ActorType::kPerson;
  bool operator==(const Actor&) const = default;
};

// The key an actor is filtered and counted by: case and accents folded,
// punctuation and spaces as '-' ("Jean-Noël Barrot" -> "jean-noel-barrot").
std::string actor_key(std::string_view name);

// The built-in gazetteer text (corpus/actors.tsv, compiled in).
std::string_view builtin_actor_table();

// A word without its possessive ("Putin's" -> "Putin", "Jones'" ->
// "Jones"); sets *stripped when one was removed.
std::string strip_possessive(std::string word, bool* stripped = nullptr);

// Words as split_words() splits them, with hyphenated words kept whole
// ("Leigh-Pemberton", "Jean-Noël", "vice-president").
std::vector<WordSpan> name_spans(std::string_view text);

// The words of a name, possessive removed, case and accents folded.
std::vector<std::string> folded_name_words(std::string_view name);

// Known actors and their aliases. A table is TSV: canonical name, type,
// then aliases; '#' starts a comment.
class ActorGazetteer {
 public:
  static ActorGazetteer with_builtin_table();

  // Adds a table; returns one message per malformed line.
  std::vector<std::string> add_table(std::string_view tsv,
                                     const std::string& name);

  // The actor any of whose names is `name` (any case or accents), or
  // nullptr.
  const Actor* find(std::string_view name) const;

  // Every actor with its aliases (canonical first), for query expansion.
  std::vector<std::vector<std::string>> alias_groups() const;

  // Longest alias match starting at token `start` of `folded` (folded
  // tokens); sets `length` (0 when none).
  const Actor* match(const std::vector<std::string>& folded, std::size_t start,
                     std::size_t& length) const;

 private:
  std::vector<Actor> actors_;
  std::vector<std::vector<std::string>> aliases_;  // per actor
  // Alias token sequence joined by ' ' -> actor index.
  std::unordered_map<std::string, std::size_t> by_alias_;
  std::size_t longest_alias_ = 1;  // in tokens
};

// The names of each well-formed actor of a table (as the gazetteer reads
// it), canonical first, without building a gazetteer: what query
// expansion needs. Malformed lines are left out (add_table reports them).
std::vector<std::vector<std::string>> actor_alias_groups(std::string_view tsv);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_ACTORS_H_
