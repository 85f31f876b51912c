// Actors: the people and organisations an article names, each under one
// canonical name; the gazetteer of well-known actors and their aliases.
// Both programs use it: the indexer to name what it extracts
// (indexer/extract/actor_extractor.h), the searcher to expand actor:NAME.
#ifndef NEWSDEX_COMMON_ACTORS_H_
#define NEWSDEX_COMMON_ACTORS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

// A folded name word with the spellings that transliterations of one name
// vary in made alike: y and i, doubled i, a leading "ye" ("Yevgeniy",
// "Evgeny" -> "evgeni"; "Zelenskyy", "Zelenskiy" -> "zelenski"), and
// British spellings in American form ("defence", "organisation", "centre",
// "co-operation"). Names are looked up in the gazetteer and merged within
// an article by it.
std::string name_spelling_key(std::string_view folded);

// The key an actor is filtered and counted by: case and accents folded,
// punctuation and spaces as '-' ("Jean-Noël Barrot" -> "jean-noel-barrot").
std::string actor_key(std::string_view name);

// The key spellings of one name share across articles: actor_key with
// each word's name_spelling_key ("Vitaliy Gerasimov", "Vitaly Gerasimov"
// -> "vitali-gerasimov"). Also takes an actor_key (a filter term's name).
std::string actor_variant_key(std::string_view name);

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

  // The actor any of whose names is `name` (any case, accents or
  // transliteration variant, see name_spelling_key), or nullptr.
  const Actor* find(std::string_view name) const;

  // The known person `name` ("Given Surname", not itself an alias) is a
  // spelling of: the one gazetteer person with that surname whose given
  // name starts alike and is at most two edits away ("Serhiy Shoigu",
  // "Peter Andriushchenko", "Voldymyr Zelensky"), or nullptr.
  const Actor* find_person_variant(std::string_view name) const;

  // Every actor with its aliases (canonical first), for query expansion.
  std::vector<std::vector<std::string>> alias_groups() const;

  // Longest alias match starting at word `start` of `keys` (each word's
  // name_spelling_key); sets `length` (0 when none) and `*acronym` (when
  // given) to whether the alias is written in capitals in the table
  // ("WHO" must not match "Who").
  const Actor* match(const std::vector<std::string>& keys, std::size_t start,
                     std::size_t& length, bool* acronym = nullptr) const;

 private:
  std::vector<Actor> actors_;
  std::vector<std::vector<std::string>> aliases_;  // per actor
  struct Alias {
    std::size_t actor;
    bool acronym;
  };
  // Alias words (their name_spelling_key) joined by ' ' -> actor.
  std::unordered_map<std::string, Alias> by_alias_;
  // Every proper prefix of a multi-word alias (words joined by ' '), so a
  // match stops at the first word sequence no alias starts with.
  std::unordered_set<std::string> alias_prefixes_;
  std::size_t longest_alias_ = 1;  // in tokens
  // Surname key -> people of the gazetteer with that surname (canonical
  // name's last word).
  std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
};

// The names of each well-formed actor of a table (as the gazetteer reads
// it), canonical first, without building a gazetteer: what query
// expansion needs. Malformed lines are left out (add_table reports them).
std::vector<std::vector<std::string>> actor_alias_groups(std::string_view tsv);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_ACTORS_H_
