// Actors: the people and organisations an article names, each under one
// canonical name, found with a gazetteer of well-known actors and simple
// heuristics for names it lacks (titles, "X said").
#ifndef NEWSDEX_COMMON_ACTORS_H_
#define NEWSDEX_COMMON_ACTORS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// The built-in word lists (corpus/name_words.list, compiled in): given
// names, places and organisation words, by "[section]".
std::string_view builtin_name_words();

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

// The actors named in an article's title and text, in order of first
// mention, each once. In order of trust: gazetteer names; organisation
// names ending in an organisation word ("Continental Grain Co", "Bank of
// Korea") or defined as an acronym ("... Party (UKIP)"); people named
// after a title or role ("Kremlin spokesman Dmitry Peskov"), with a given
// name ("Joss Stone"), next to "said", or with an age ("Luke Tomlinson,
// 27"); a surname after a title ("Mr Walkington") resolved to the full
// name anywhere in the article; acronyms and single names that act as
// subjects ("Southcorp said") as organisations. Lines in capitals (wire
// headlines) count only for gazetteer names.
std::vector<Actor> extract_actors(std::string_view title, std::string_view text,
                                  const ActorGazetteer& gazetteer);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_ACTORS_H_
