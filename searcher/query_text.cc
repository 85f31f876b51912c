#include "searcher/query_text.h"

#include <cctype>
#include <optional>

namespace newsdex {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

// Ends a bare word: space, brackets and quotes.
bool ends_word(char c) {
  return is_space(c) || c == '(' || c == ')' || c == '"';
}

// The operator `word` names, with its distance ("NEAR/3"), if any.
std::optional<QueryTokenKind> operator_kind(std::string_view word,
                                            unsigned& distance) {
  distance = 0;
  std::string_view name = word;
  if (auto slash = word.find('/'); slash != std::string_view::npos) {
    name = word.substr(0, slash);
    std::string_view digits = word.substr(slash + 1);
    if (name != "NEAR" && name != "ADJ") return std::nullopt;
    if (digits.empty() || digits.size() > 4 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    for (char c : digits)
      distance = distance * 10 + static_cast<unsigned>(c - '0');
    if (distance == 0) return std::nullopt;
  }
  if (name == "AND") return QueryTokenKind::kAnd;
  if (name == "OR") return QueryTokenKind::kOr;
  if (name == "NOT") return QueryTokenKind::kNot;
  if (name == "XOR") return QueryTokenKind::kXor;
  if (name == "NEAR") return QueryTokenKind::kNear;
  if (name == "ADJ") return QueryTokenKind::kAdj;
  return std::nullopt;
}

}  // namespace

bool is_query_operator(std::string_view word) {
  unsigned distance = 0;
  return operator_kind(word, distance).has_value();
}

std::vector<QueryToken> tokenize_query(
    std::string_view text,
    const std::function<bool(std::string_view)>& is_field) {
  std::vector<QueryToken> tokens;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    QueryToken token;
    token.begin = i;
    if (c == ')') {
      token.kind = QueryTokenKind::kClose;
      token.end = ++i;
      tokens.push_back(std::move(token));
      continue;
    }
    // A sign applies to what follows it directly.
    if ((c == '+' || c == '-') && i + 1 < n && !is_space(text[i + 1]) &&
        text[i + 1] != ')') {
      token.sign = c;
      ++i;
      c = text[i];
    }
    if (c == '(') {
      token.kind = QueryTokenKind::kOpen;
      token.end = ++i;
      tokens.push_back(std::move(token));
      continue;
    }
    // field:value or field:"..." for a known field.
    std::size_t name_end = i;
    while (name_end < n &&
           (std::isalnum(static_cast<unsigned char>(text[name_end])) ||
            text[name_end] == '_')) {
      ++name_end;
    }
    bool value_follows =
        name_end > i && name_end + 1 < n && text[name_end] == ':' &&
        (!ends_word(text[name_end + 1]) || text[name_end + 1] == '"');
    if (value_follows && is_field(text.substr(i, name_end - i))) {
      token.field = std::string(text.substr(i, name_end - i));
      i = name_end + 1;
      c = text[i];
    }
    if (c == '"') {
      std::size_t close = text.find('"', i + 1);
      std::size_t stop = close == std::string_view::npos ? n : close;
      token.kind = QueryTokenKind::kPhrase;
      token.text = std::string(text.substr(i + 1, stop - i - 1));
      i = close == std::string_view::npos ? n : close + 1;
      token.end = i;
      tokens.push_back(std::move(token));
      continue;
    }
    std::size_t stop = i;
    // A field's value runs to space or ')' (quotes included: source:o"x).
    if (!token.field.empty()) {
      while (stop < n && !is_space(text[stop]) && text[stop] != ')') ++stop;
    } else {
      while (stop < n && !ends_word(text[stop])) ++stop;
    }
    std::string_view word = text.substr(i, stop - i);
    token.end = stop;
    i = stop;
    if (word.empty()) continue;  // a lone sign before a quote at the end
    if (token.sign == 0 && token.field.empty()) {
      if (auto kind = operator_kind(word, token.distance)) {
        token.kind = *kind;
        token.text = std::string(word);
        tokens.push_back(std::move(token));
        continue;
      }
    }
    if (word.size() > 1 && word.back() == '*') {
      token.wildcard = true;
      word.remove_suffix(1);
    }
    token.text = std::string(word);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace newsdex
