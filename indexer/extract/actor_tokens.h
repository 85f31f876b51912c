// The words actor extraction reads, with what it needs to know of each:
// case, possessive, what separates it from the next word, whether it
// starts a sentence or sits on a line written in capitals.
#ifndef NEWSDEX_INDEXER_EXTRACT_ACTOR_TOKENS_H_
#define NEWSDEX_INDEXER_EXTRACT_ACTOR_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// One word of an article.
struct Token {
  std::string raw;     // as written
  std::string text;    // as written, possessive removed
  std::string folded;  // `text` with case and accents folded
  std::string gap;     // what separates it from the next token
  bool capitalised = false;
  bool all_caps = false;  // two or more letters, all capitals
  bool possessive = false;
  bool sentence_start = false;
  bool joined_to_next = false;  // only spaces (or one line break) follow
  bool shout = false;           // on a line written in capitals
  bool number = false;
  bool ordinal = false;  // "8th", "22nd": may start a unit's name
  // "GOP" in "GOP-led", "Kremlin" in "Kremlin-backed": the name an
  // adjective is made of (the token itself is no name).
  std::string adjective_of;
  // In a headline written in Title Case: a capitalised word the article's
  // body writes in lower case (`denied`), or never writes capitalised in
  // mid-sentence and that is no given name (`unconfirmed`). Set by the
  // extractor; neither can make a name on its own.
  bool denied = false;
  bool unconfirmed = false;
};

struct Letters {
  int upper = 0, lower = 0;
};

// Upper- and lower-case letters in `text` (UTF-8).
Letters count_letters(std::string_view text);

bool is_ascii(std::string_view text);

// The article's words in order (hyphenated words whole).
std::vector<Token> tokenize(std::string_view text);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_ACTOR_TOKENS_H_
