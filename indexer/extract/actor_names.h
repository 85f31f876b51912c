// Naming what the extractor finds: a name from its words as written, keys
// that merge spellings, the set of actors found in an article.
#ifndef NEWSDEX_INDEXER_EXTRACT_ACTOR_NAMES_H_
#define NEWSDEX_INDEXER_EXTRACT_ACTOR_NAMES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/actors.h"
#include "indexer/extract/actor_tokens.h"

namespace newsdex {

// Tokens [from, to) as an organisation writes its name: dots, "&" and
// commas kept ("B.F. Goodrich Co", "Cargill, Inc").
std::string join_raw(const std::vector<Token>& tokens, std::size_t from,
                     std::size_t to);

// Tokens [from, to) as a person's name, words separated by spaces.
std::string join_text(const std::vector<Token>& tokens, std::size_t from,
                      std::size_t to);

// The actor key with transliteration variants made alike: one person
// written "Valery" and "Valeriy" in one article is one actor.
std::string spelling_key(std::string_view name);

// The title without an outlet's suffix ("... « War in Ukraine |
// Censor.NET", "... | Reuters") and a trailing "(21.09.22 17:52)".
std::string_view title_without_suffix(std::string_view title);

// Whether `key` is the last (first) word of the actor key `full`.
bool ends_with_word(const std::string& full, const std::string& key);
bool starts_with_word(const std::string& full, const std::string& key);

// The actors found in one article, each once (by spelling_key), ordered
// by first mention (token index). Places and things that are never actors
// (corpus/places.list, not_actors.list) and a country's government named
// by the country are refused, whatever pass offers them.
class Collector {
 public:
  // `written`: the mention as the article writes it, when a pass named it
  // otherwise (a gazetteer alias); a body named only bare may be the
  // national body the article names in full (see take()).
  void add(const Actor& a, std::size_t at, std::string_view written = {});
  std::vector<Actor> take();
  const std::vector<Actor>& actors() const { return actors_; }

 private:
  std::map<std::string, std::size_t> index_;
  std::vector<Actor> actors_;
  std::vector<std::size_t> first_;
  std::vector<bool> named_otherwise_;  // a mention written unlike its name
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_ACTOR_NAMES_H_
