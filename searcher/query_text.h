// The query text, read once: words, phrases, brackets, operators, field
// prefixes and +/- signs, each with where it stands in the text. Everything
// that interprets a query (aliases, synonyms, fields, the query tree) works
// on these tokens, never on rewritten text.
#ifndef NEWSDEX_SEARCHER_QUERY_TEXT_H_
#define NEWSDEX_SEARCHER_QUERY_TEXT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class QueryTokenKind {
  kWord,    // a run of characters up to space, a bracket or a quote
  kPhrase,  // "..." (the text between the quotes)
  kOpen,    // (
  kClose,   // )
  kAnd,
  kOr,
  kNot,
  kXor,
  kNear,  // NEAR or NEAR/n
  kAdj,   // ADJ or ADJ/n
};

struct QueryToken {
  QueryTokenKind kind = QueryTokenKind::kWord;
  // kWord: the word as typed (without sign, field prefix and wildcard
  // star); kPhrase: the text between the quotes.
  std::string text;
  std::string field;      // "title" for title:word, title:"..."; else ""
  char sign = 0;          // '+' or '-' before a word, phrase or bracket
  bool wildcard = false;  // kWord written as word*
  unsigned distance = 0;  // NEAR/n, ADJ/n (0: not given)
  std::size_t begin = 0, end = 0;  // byte offsets in the query text
};

// Splits `text` into tokens. `is_field` says whether a name before ':' is
// a field ("title", "source", ...); other "name:value" stay words.
// AND, OR, NOT, XOR, NEAR, ADJ (and NEAR/n, ADJ/n) are operators when
// written in capitals outside phrases; whether one stands where an
// operator can is the parser's business. Never fails: an unbalanced quote
// runs to the end of the text.
std::vector<QueryToken> tokenize_query(
    std::string_view text,
    const std::function<bool(std::string_view)>& is_field);

// Whether `word` is an operator as tokenize_query() reads one (AND, OR,
// NOT, XOR, NEAR, ADJ, NEAR/n, ADJ/n).
bool is_query_operator(std::string_view word);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_QUERY_TEXT_H_
