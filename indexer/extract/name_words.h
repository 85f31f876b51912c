// The word lists actor extraction reads: given names, title words,
// organisation words, places and things that are never actors. They are
// data (corpus/name_words.list, corpus/places.list, corpus/not_actors.list),
// compiled in.
#ifndef NEWSDEX_INDEXER_EXTRACT_NAME_WORDS_H_
#define NEWSDEX_INDEXER_EXTRACT_NAME_WORDS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsdex {

// The compiled-in texts.
std::string_view builtin_name_words();
std::string_view builtin_place_names();
std::string_view builtin_not_actors();

// One list per section of corpus/name_words.list.
enum class WordList {
  kGiven,                // first names
  kPlace,                // single-word places and demonyms (name_words [places]
                         // and every one-word entry of places.list)
  kOrg,                  // words that end an organisation's name
  kTitle,                // titles and roles before a name
  kNotName,              // capitalised words that are not name words
  kFunction,             // words that never start a name
  kParticle,             // "du", "von" inside names
  kPlainAcronym,         // acronyms that are not organisations
  kSaid,                 // verbs of saying
  kOrgRole,              // "spokesman", "board" after an organisation
  kOrgVoice,             // "chairman" after an organisation of words
  kOrgDescriptor,        // "firm", "watchdog" before an organisation
  kAmbiguousDescriptor,  // "broker", "carrier": also before a person or thing
  kCompanySuffix,        // "Inc", "Ltd" after a comma
  kCommonOrg,            // organisations named by a common word ("Total")
  kTime,                 // days and months
  kAdjectiveEnding,      // "backed" in "Kremlin-backed"
  kSeatTitle,            // "MP for", "Archbishop of": a seat (a place) follows
  kPartyAdjective,       // "Republican", "Democratic": names the party
  kPartyMember,          // "Socialist" before a person's name
  kStateBody,            // "ministry", "staff": every state has one
  kCount
};

// The lists, read once; thread-safe after construction.
class NameWords {
 public:
  static const NameWords& builtin();

  // Whether the folded word is in the list.
  bool has(WordList list, const std::string& folded) const {
    return lists_[static_cast<int>(list)].count(folded) > 0;
  }

  // The length in words of the longest place or never-an-actor phrase
  // (folded words) starting at `start`, or 0. `place` says which it was.
  std::size_t phrase_at(const std::vector<std::string>& folded,
                        std::size_t start, bool* place) const;

  // A military unit type's abbreviation in full ("caa" -> "Combined Arms
  // Army"; name_words [unit_abbreviation]), or nullptr.
  const std::string* unit_type(const std::string& folded) const {
    auto it = unit_types_.find(folded);
    return it == unit_types_.end() ? nullptr : &it->second;
  }

  // The country a capitalised word points to ("british" -> "GB"; name_words
  // [country_cue]), or nullptr.
  const std::string* country_cue(const std::string& folded) const {
    auto it = country_cues_.find(folded);
    return it == country_cues_.end() ? nullptr : &it->second;
  }

  // A state body every country names alike ("treasury"), as the body of
  // `country` ("GB" -> "HM Treasury"; name_words [national_body]), or
  // nullptr. `folded`: the name's folded words joined by ' '.
  const std::string* national_body(const std::string& folded,
                                   const std::string& country) const {
    auto it = national_bodies_.find(folded + '\t' + country);
    return it == national_bodies_.end() ? nullptr : &it->second;
  }
  bool is_national_body(const std::string& folded) const {
    return national_body_names_.count(folded) > 0;
  }

 private:
  NameWords();
  std::unordered_set<std::string> lists_[static_cast<int>(WordList::kCount)];
  // Folded words joined by ' ' -> true for a place, false for a thing.
  std::unordered_map<std::string, bool> phrases_;
  std::size_t longest_phrase_ = 1;
  std::unordered_set<std::string> phrase_prefixes_;  // proper prefixes
  std::unordered_map<std::string, std::string> unit_types_;
  std::unordered_map<std::string, std::string> country_cues_;
  std::unordered_map<std::string, std::string> national_bodies_;
  std::unordered_set<std::string> national_body_names_;
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_NAME_WORDS_H_
