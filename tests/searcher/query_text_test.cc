// Tests for searcher/query_text.cc: the query read once into tokens.
#include "searcher/query_text.h"

#include <doctest/doctest.h>

namespace newsdex {

namespace {

// Tokens as a compact string: kind letter, sign, field, text, '*'.
std::string show(std::string_view text) {
  auto is_field = [](std::string_view f) {
    return f == "title" || f == "source" || f == "date";
  };
  std::string out;
  for (const auto& t : tokenize_query(text, is_field)) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case QueryTokenKind::kWord:
        out += 'w';
        break;
      case QueryTokenKind::kPhrase:
        out += 'p';
        break;
      case QueryTokenKind::kOpen:
        out += '(';
        break;
      case QueryTokenKind::kClose:
        out += ')';
        break;
      case QueryTokenKind::kAnd:
        out += "AND";
        break;
      case QueryTokenKind::kOr:
        out += "OR";
        break;
      case QueryTokenKind::kNot:
        out += "NOT";
        break;
      case QueryTokenKind::kXor:
        out += "XOR";
        break;
      case QueryTokenKind::kNear:
        out += "NEAR";
        break;
      case QueryTokenKind::kAdj:
        out += "ADJ";
        break;
    }
    if (t.sign) out += t.sign;
    if (!t.field.empty()) out += t.field + ":";
    if (t.kind == QueryTokenKind::kWord || t.kind == QueryTokenKind::kPhrase) {
      out += "[" + t.text + "]";
    }
    if (t.wildcard) out += '*';
    if (t.distance) out += "/" + std::to_string(t.distance);
  }
  return out;
}

}  // namespace

TEST_CASE("the query tokeniser reads words, phrases, brackets and operators") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"peace talks", "w[peace] w[talks]"},
      {"  peace\ttalks\n", "w[peace] w[talks]"},
      {"peace AND talks", "w[peace] AND w[talks]"},
      {"peace and talks", "w[peace] w[and] w[talks]"},  // lower case: words
      {"a OR b XOR c NOT d", "w[a] OR w[b] XOR w[c] NOT w[d]"},
      {"kyiv NEAR/3 zelensky ADJ x", "w[kyiv] NEAR/3 w[zelensky] ADJ w[x]"},
      {"NEAR/x NEAR/0", "w[NEAR/x] w[NEAR/0]"},  // not operators
      {"((a OR b))", "( ( w[a] OR w[b] ) )"},
      {"-(a b) +c", "(- w[a] w[b] ) w+[c]"},
      {"well-known -x", "w[well-known] w-[x]"},
      {"\"peace talks\" now", "p[peace talks] w[now]"},
      {"+\"a b\"", "p+[a b]"},
      {"title:peace source:\"SBS News\"", "wtitle:[peace] psource:[SBS News]"},
      {"title:\"a b\"", "ptitle:[a b]"},
      {"foo:bar", "w[foo:bar]"},  // not a field: one word
      {"date:2025-01..2025-02)", "wdate:[2025-01..2025-02] )"},
      {"talk* title:peac*", "w[talk]* wtitle:[peac]*"},
      {"U.N. Kyïv Зеленський", "w[U.N.] w[Kyïv] w[Зеленський]"},
      {"\"unbalanced phrase", "p[unbalanced phrase]"},
      {"(a b", "( w[a] w[b]"},
      {"a) b", "w[a] ) w[b]"},
      {"+ - *", "w[+] w[-] w[*]"},
      {"", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(show(row.in) == row.out);
  }
}

TEST_CASE("tokens know where they stand in the text") {
  auto tokens = tokenize_query("a \"b c\" title:d",
                               [](std::string_view f) { return f == "title"; });
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 1);
  CHECK(tokens[1].begin == 2);
  CHECK(tokens[1].end == 7);
  CHECK(tokens[2].begin == 8);
  CHECK(tokens[2].end == 15);
}

}  // namespace newsdex
