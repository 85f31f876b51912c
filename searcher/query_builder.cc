// Query building: the query text is read once into tokens
// (searcher/query_text.h) and parsed here into a Xapian query, with the
// indexer's own TermGenerator making the terms, synonyms and actor aliases
// as one concept each, and field processors for source:, actor:, author:
// and date: so they accept what users type.
#include "searcher/query_builder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "common/date_parse.h"
#include "common/document_record.h"
#include "common/schema.h"
#include "common/source_name.h"
#include "common/text_utf8.h"
#include "searcher/actor_variants.h"
#include "searcher/query_text.h"

namespace newsdex {
namespace {

using namespace newsdex::schema;

// Field processors never throw: the first error is kept here, the
// processor returns a query matching nothing, and build() reports the error
// once the whole query is parsed.
using FieldError = std::shared_ptr<std::string>;

class SafeFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SafeFieldProcessor(FieldError error) : error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) final {
    try {
      return process(value);
    } catch (const Xapian::Error& e) {
      fail(e.get_msg());
    } catch (const std::exception& e) {
      fail(e.what());
    }
    return Xapian::Query::MatchNothing;
  }

 protected:
  virtual Xapian::Query process(const std::string& value) = 0;
  // Records `message` (the first one wins) and returns a placeholder.
  Xapian::Query fail(const std::string& message) {
    if (error_->empty()) *error_ = message;
    return Xapian::Query::MatchNothing;
  }

 private:
  FieldError error_;
};

// source:NAME matches the outlet whatever variant of its name is typed.
class SourceFieldProcessor : public SafeFieldProcessor {
 public:
  SourceFieldProcessor(FieldError error,
                       std::function<const SourceNormalizer&()> sources)
      : SafeFieldProcessor(std::move(error)), sources_(std::move(sources)) {}
  Xapian::Query process(const std::string& value) override {
    return Xapian::Query(std::string(kSourcePrefix) + sources_().key(value));
  }

 private:
  std::function<const SourceNormalizer&()> sources_;
};

// actor:NAME matches the actor under any of its names and spellings.
class ActorFieldProcessor : public SafeFieldProcessor {
 public:
  ActorFieldProcessor(FieldError error, const Xapian::Database& db,
                      std::function<const ActorGazetteer*()> actors)
      : SafeFieldProcessor(std::move(error)),
        db_(db),
        actors_(std::move(actors)) {}
  Xapian::Query process(const std::string& value) override {
    return actor_variants_query(db_, actor_term(value, actors_()));
  }

 private:
  const Xapian::Database& db_;
  std::function<const ActorGazetteer*()> actors_;
};

// author:NAME matches an author by full name or surname.
class AuthorFieldProcessor : public SafeFieldProcessor {
 public:
  explicit AuthorFieldProcessor(FieldError error)
      : SafeFieldProcessor(std::move(error)) {}
  Xapian::Query process(const std::string& value) override {
    return Xapian::Query(author_term(value));
  }
};

// date:2025-06, date:2025-06-01..2025-07-15, date:2025.., date:..2024.
class DateFieldProcessor : public SafeFieldProcessor {
 public:
  DateFieldProcessor(FieldError error, std::chrono::sys_days today)
      : SafeFieldProcessor(std::move(error)), today_(today) {}
  Xapian::Query process(const std::string& value) override {
    std::string since = value, until = value;
    if (auto dots = value.find(".."); dots != std::string::npos) {
      since = value.substr(0, dots);
      until = value.substr(dots + 2);
    }
    std::string error;
    auto q = date_range_query(since, until, today_, error);
    if (!q) return fail(error + " in date:" + value);
    return *q;
  }

 private:
  std::chrono::sys_days today_;
};

// id:ID, and NAME:VALUE for a declared field: an exact value (a declared
// date field: a day, month or year).
class ExactFieldProcessor : public SafeFieldProcessor {
 public:
  ExactFieldProcessor(FieldError error, const FieldTable& fields,
                      std::string& field)
      : SafeFieldProcessor(std::move(error)), fields_(fields), field_(field) {}
  Xapian::Query process(const std::string& value) override {
    std::string error;
    auto q = exact_field_query(fields_, field_, value, error);
    if (!q) return fail(error);
    return *q;
  }

 private:
  const FieldTable& fields_;
  std::string& field_;
};

// What the parser reads the query with.
struct ParseContext {
  const Xapian::Database& db;
  const Xapian::Stem& stemmer;
  Xapian::TermGenerator& terms;  // as the indexer makes terms
  const SynonymTable* synonyms;  // may be null
  const std::string& text;       // the query as typed
  Xapian::FieldProcessor* source;
  Xapian::FieldProcessor* actor;
  Xapian::FieldProcessor* author;
  Xapian::FieldProcessor* date;
  // Any other exact field (id:, declared fields).
  Xapian::FieldProcessor* other;
  std::string* other_field;  // the field `other` is asked about
};

// A wildcard word ("talk*"): the stems of every word the articles use
// that starts with it (the index holds stems only, Z-prefixed, with
// positions; the words come from the spelling data). Without spelling
// data (remote shards, in-memory databases) the stems that start with it,
// which misses words whose stem is shorter than the prefix. `budget` is
// what the query's wildcards may still expand to.
// The terms a wildcard word ("talk*") stands for: the stems of every word
// the articles use that starts with it (the index holds stems only,
// Z-prefixed, with positions; the words come from the spelling data), at
// most `budget` (less what they take). nullopt without spelling data
// (remote shards, in-memory databases).
std::optional<std::set<std::string>> wildcard_terms(
    const Xapian::Database& db, const Xapian::Stem& stemmer,
    const std::string& term_prefix, const std::string& pattern,
    std::size_t& budget) {
  const std::size_t max_expansion = std::min(kMaxWildcardExpansion, budget);
  const bool stems = !stemmer.is_none();
  const std::string prefix = stems ? kStemPrefix + term_prefix : term_prefix;
  std::set<std::string> terms;
  try {
    auto it = db.spellings_begin();
    if (it == db.spellings_end()) return std::nullopt;
    it.skip_to(pattern);
    for (; it != db.spellings_end() && terms.size() < max_expansion; ++it) {
      const std::string& word = *it;
      if (word.compare(0, pattern.size(), pattern) != 0) break;
      std::string term = prefix + (stems ? stemmer(word) : word);
      if (db.term_exists(term)) terms.insert(term);
    }
  } catch (const Xapian::Error&) {
    return std::nullopt;  // no spelling data here (remote)
  }
  budget -= terms.size();
  return terms;
}

// A wildcard word as a query: its terms as one synonym; without spelling
// data, the stems that start with it (which misses words whose stem is
// shorter than the prefix), the most frequent within the budget.
Xapian::Query expand_wildcard(const Xapian::Database& db,
                              const Xapian::Stem& stemmer,
                              const std::string& term_prefix,
                              const std::string& pattern, std::size_t& budget) {
  const std::string prefix =
      stemmer.is_none() ? term_prefix : kStemPrefix + term_prefix;
  auto terms = wildcard_terms(db, stemmer, term_prefix, pattern, budget);
  if (!terms) {
    std::size_t most =
        std::max<std::size_t>(std::min(kMaxWildcardExpansion, budget), 1);
    budget -= std::min(budget, most);
    return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + pattern,
                         static_cast<Xapian::termcount>(most),
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  if (terms->empty()) return Xapian::Query(prefix + pattern);  // no match
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms->begin(), terms->end());
}

// Brackets nested deeper than this are refused (the parser recurses).
constexpr int kMaxBracketDepth = 100;
// NEAR and ADJ without a distance: within 10 words, as Xapian's parser.
constexpr unsigned kDefaultNearDistance = 10;

using Positions = std::vector<std::vector<std::string>>;

// A piece of the query tree being built.
struct Operand {
  Xapian::Query query;  // empty: nothing (a word with no terms, "()")
  char sign = 0;        // '+', '-' or 0
  // A filter (field:value of a boolean field): no weight; unsigned values
  // of one field are alternatives.
  bool boolean = false;
  std::string field;
  // The term alternatives at each position, for NEAR and ADJ: set for a
  // word, a phrase and (word OR word ...).
  std::optional<Positions> positions;
  // A plain word (no field, no wildcard), case-folded: synonyms and
  // aliases may join it with its neighbours into one concept.
  std::optional<std::string> plain;
  // What the operand scores with, for --explain.
  std::vector<ExplainUnit> units;
};

class Parser {
 public:
  Parser(const ParseContext& context, std::vector<QueryToken> tokens,
         MatchMode mode)
      : c_(context), tokens_(std::move(tokens)), mode_(mode) {
    check_operators();
    words_ = count_words();
    if (mode_ == MatchMode::kAuto) {
      mode_ = words_ <= kMaxAllWords ? MatchMode::kAll : MatchMode::kAny;
    }
  }

  // The query; sets error() when the text cannot mean anything.
  Operand parse() {
    if (!error_.empty()) return {};
    Operand result = parse_xor();
    while (pos_ < tokens_.size()) {
      // A ')' with no '(' is ignored; parse what follows as more query.
      ++pos_;
      Operand more = parse_xor();
      result = combine_default({std::move(result), std::move(more)});
    }
    return result;
  }
  const std::string& error() const { return error_; }
  std::vector<std::string> wildcard_prefixes() const { return wildcards_; }
  // The default operator applied (kAll or kAny) and the words it joins.
  MatchMode match() const { return mode_; }
  std::size_t match_words() const { return words_; }

 private:
  using Kind = QueryTokenKind;

  static bool is_binary(Kind k) {
    return k == Kind::kAnd || k == Kind::kOr || k == Kind::kXor ||
           k == Kind::kNear || k == Kind::kAdj;
  }
  static bool is_operator(Kind k) { return is_binary(k) || k == Kind::kNot; }
  static bool ends_operand(Kind k) {
    return k == Kind::kWord || k == Kind::kPhrase || k == Kind::kClose;
  }
  static bool starts_operand(Kind k) {
    return k == Kind::kWord || k == Kind::kPhrase || k == Kind::kOpen;
  }

  // An operator needs an operand on each side (NOT: after it): "talks
  // AND" is an error, as in Xapian's parser.
  void check_operators() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      QueryToken& t = tokens_[i];
      if (!is_operator(t.kind)) continue;
      bool before = i > 0 && ends_operand(tokens_[i - 1].kind);
      Kind next = i + 1 < tokens_.size() ? tokens_[i + 1].kind : Kind::kClose;
      bool after = i + 1 < tokens_.size() &&
                   (starts_operand(next) ||
                    (next == Kind::kNot && t.kind == Kind::kAnd));
      bool ok = t.kind == Kind::kNot
                    ? after  // "a NOT b", "NOT b" (pure NOT), "a AND NOT b"
                    : before && after;
      if (!ok) {
        fail(t.kind == Kind::kNot
                 ? "NOT needs a query after it"
                 : "'" + t.text + "' needs a query on each side");
        return;
      }
    }
  }

  // The words the default operator joins, as kMaxAllWords counts them:
  // unsigned words and phrases (title: ones too) outside signed brackets
  // that make terms, a NEAR/ADJ chain as one.
  std::size_t count_words() {
    std::size_t words = 0;
    std::vector<bool> signed_brackets;
    bool in_signed = false;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const QueryToken& t = tokens_[i];
      if (t.kind == Kind::kOpen) {
        signed_brackets.push_back(in_signed);
        in_signed = in_signed || t.sign != 0;
        continue;
      }
      if (t.kind == Kind::kClose) {
        if (!signed_brackets.empty()) {
          in_signed = signed_brackets.back();
          signed_brackets.pop_back();
        }
        continue;
      }
      if (t.kind != Kind::kWord && t.kind != Kind::kPhrase) continue;
      if (in_signed || t.sign != 0) continue;
      if (!t.field.empty() && t.field != kTitleField) continue;
      if (i > 0 && (tokens_[i - 1].kind == Kind::kNear ||
                    tokens_[i - 1].kind == Kind::kAdj)) {
        continue;
      }
      if (t.wildcard || !terms_of(t.text, "").empty()) ++words;
    }
    return words;
  }

  bool at(Kind k) const {
    return pos_ < tokens_.size() && tokens_[pos_].kind == k;
  }

  Operand parse_xor() {
    Operand left = parse_or();
    while (at(Kind::kXor)) {
      ++pos_;
      left = binary(Xapian::Query::OP_XOR, std::move(left), parse_or());
    }
    return left;
  }

  Operand parse_or() {
    Operand left = parse_and();
    while (at(Kind::kOr)) {
      ++pos_;
      left = binary(Xapian::Query::OP_OR, std::move(left), parse_and());
    }
    return left;
  }

  Operand parse_and() {
    Operand left;
    if (at(Kind::kNot)) {  // pure NOT
      ++pos_;
      left.query = Xapian::Query::MatchAll;
      left = and_not(std::move(left), parse_group());
    } else {
      left = parse_group();
    }
    while (at(Kind::kAnd) || at(Kind::kNot)) {
      bool negate = at(Kind::kNot);
      ++pos_;
      if (!negate && at(Kind::kNot)) {
        negate = true;
        ++pos_;
      }
      Operand right = parse_group();
      left = negate ? and_not(std::move(left), std::move(right))
                    : binary(Xapian::Query::OP_AND, std::move(left),
                             std::move(right));
    }
    return left;
  }

  // Operands side by side, joined by the default operator, with +/-,
  // filters and concepts.
  Operand parse_group() {
    std::vector<Operand> items;
    while (pos_ < tokens_.size()) {
      Kind k = tokens_[pos_].kind;
      if (k == Kind::kClose ||
          (is_operator(k) && k != Kind::kNear && k != Kind::kAdj)) {
        break;
      }
      items.push_back(parse_near());
    }
    return combine_default(join_concepts(std::move(items)));
  }

  // item (NEAR|ADJ item)*
  Operand parse_near() {
    std::size_t start = pos_ < tokens_.size() ? tokens_[pos_].begin : 0;
    Operand first = parse_item();
    if (!at(Kind::kNear) && !at(Kind::kAdj)) return first;
    bool phrase = at(Kind::kAdj);
    unsigned distance = 0;
    std::vector<Operand> parts;
    parts.push_back(std::move(first));
    while (at(Kind::kNear) || at(Kind::kAdj)) {
      distance = std::max(distance, tokens_[pos_].distance);
      ++pos_;
      parts.push_back(parse_item());
    }
    Positions all;
    for (auto& part : parts) {
      if (!part.positions || part.boolean || part.sign != 0) {
        fail("NEAR and ADJ join words, phrases or (word OR word) groups");
        return {};
      }
      for (auto& p : *part.positions) all.push_back(std::move(p));
    }
    Operand out;
    if (all.empty()) return out;
    std::vector<Xapian::Query> subqueries;
    for (const auto& alternatives : all) {
      subqueries.push_back(leaf_or(alternatives));
    }
    if (distance == 0) distance = kDefaultNearDistance;
    auto window = static_cast<Xapian::termcount>(distance + all.size() - 1);
    out.query =
        subqueries.size() == 1
            ? subqueries.front()
            : Xapian::Query(
                  phrase ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR,
                  subqueries.begin(), subqueries.end(), window);
    std::size_t stop = tokens_[pos_ - 1].end;
    out.units.push_back(
        {fold_case(std::string_view(c_.text).substr(start, stop - start)),
         out.query});
    return out;
  }

  Operand parse_item() {
    if (pos_ >= tokens_.size()) return {};
    const QueryToken& t = tokens_[pos_++];
    switch (t.kind) {
      case Kind::kOpen:
        return parse_bracket(t.sign);
      case Kind::kPhrase:
        return phrase_operand(t);
      default:
        return word_operand(t);
    }
  }

  Operand parse_bracket(char sign) {
    if (++depth_ > kMaxBracketDepth) {
      fail("brackets nested deeper than " + std::to_string(kMaxBracketDepth));
      pos_ = tokens_.size();
      return {};
    }
    Operand inner = parse_xor();
    if (at(Kind::kClose)) ++pos_;  // an unclosed '(' ends with the text
    --depth_;
    inner.sign = sign;
    inner.plain.reset();
    if (inner.boolean && sign != 0) inner.boolean = inner.field.empty();
    return inner;
  }

  Operand word_operand(const QueryToken& t) {
    Operand out;
    out.sign = t.sign;
    if (!t.field.empty() && t.field != kTitleField) {
      return boolean_operand(t.field, t.text, t.sign);
    }
    std::string prefix = t.field.empty() ? "" : std::string(kTitlePrefix);
    std::string shown = (t.field.empty() ? "" : "title:") + fold_case(t.text);
    if (t.wildcard) {
      std::string pattern = fold_case(t.text);
      wildcards_.push_back(pattern);
      out.query =
          expand_wildcard(c_.db, c_.stemmer, prefix, pattern, wildcard_budget_);
      out.units.push_back({shown + "*", out.query});
      return out;
    }
    Positions positions = terms_of(t.text, prefix);
    if (positions.empty()) return out;
    if (positions.size() == 1) {
      // Plain words may join their neighbours into a concept; a title
      // word, and a word in NEAR and ADJ (Xapian takes only ORs of terms
      // there), takes its single-word spellings.
      if (t.field.empty()) out.plain = fold_case(t.text);
      positions.front() = single_word_alternatives(fold_case(t.text), prefix,
                                                   positions.front());
    }
    out.query = phrase_query(positions);
    out.positions = std::move(positions);
    out.units.push_back({shown, out.query});
    return out;
  }

  Operand phrase_operand(const QueryToken& t) {
    if (!t.field.empty() && t.field != kTitleField) {
      return boolean_operand(t.field, t.text, t.sign);
    }
    Operand out;
    out.sign = t.sign;
    std::string prefix = t.field.empty() ? "" : std::string(kTitlePrefix);
    Positions positions;
    // Word by word, so a known name's other single-word spellings join in.
    std::size_t i = 0;
    const std::string& text = t.text;
    while (i < text.size()) {
      std::size_t end = text.find_first_of(" \t\n\r", i);
      if (end == std::string::npos) end = text.size();
      if (end > i) {
        std::string chunk = text.substr(i, end - i);
        if (chunk.size() > 1 && chunk.back() == '*') {
          // A wildcard in a phrase: its terms at that position (Xapian
          // takes an OR of terms there).
          std::string pattern = fold_case(chunk.substr(0, chunk.size() - 1));
          wildcards_.push_back(pattern);
          auto terms = wildcard_terms(c_.db, c_.stemmer, prefix, pattern,
                                      wildcard_budget_);
          if (terms && !terms->empty()) {
            positions.emplace_back(terms->begin(), terms->end());
            i = end + 1;
            continue;
          }
        }
        Positions p = terms_of(chunk, prefix);
        if (p.size() == 1) {
          p.front() =
              single_word_alternatives(fold_case(chunk), prefix, p.front());
        }
        for (auto& alternatives : p)
          positions.push_back(std::move(alternatives));
      }
      i = end + 1;
    }
    if (positions.empty()) return out;
    out.query = phrase_query(positions);
    out.positions = std::move(positions);
    out.units.push_back(
        {(t.field.empty() ? "\"" : "title:\"") + fold_case(text) + "\"",
         out.query});
    return out;
  }

  Operand boolean_operand(const std::string& field, const std::string& value,
                          char sign) {
    Operand out;
    out.sign = sign;
    out.boolean = true;
    out.field = field;
    if (field == kSourceField) {
      out.query = (*c_.source)(value);
    } else if (field == kActorField) {
      out.query = (*c_.actor)(value);
    } else if (field == kAuthorField) {
      out.query = (*c_.author)(value);
    } else if (field == kDateField) {
      out.query = (*c_.date)(value);
    } else {
      *c_.other_field = field;
      out.query = (*c_.other)(value);
    }
    return out;
  }

  // The terms the indexer makes of `text` (with `prefix`), by position:
  // the same TermGenerator, so "U.N." is "un" and "well-known" two words
  // in a row, as in the articles.
  Positions terms_of(const std::string& text, const std::string& prefix) {
    Xapian::Document doc;
    c_.terms.set_document(doc);
    c_.terms.index_text(text, 1, prefix);
    std::vector<std::pair<Xapian::termpos, std::string>> at;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        at.emplace_back(*p, *t);
      }
    }
    std::sort(at.begin(), at.end());
    Positions out;
    for (auto& [p, term] : at) out.push_back({std::move(term)});
    return out;
  }

  // The one-term spellings of `word`'s concept (a synonym group or an
  // actor's aliases), `own` first; `own` alone when it has none.
  std::vector<std::string> single_word_alternatives(
      const std::string& word, const std::string& prefix,
      std::vector<std::string> own) {
    if (c_.synonyms == nullptr) return own;
    SynonymTable::Match m = c_.synonyms->match({word}, 0);
    if (m.group == nullptr) return own;
    for (const auto& member : *m.group) {
      if (member.size() != 1) continue;
      Positions p = terms_of(member.front(), prefix);
      if (p.size() != 1) continue;
      const std::string& term = p.front().front();
      if (std::find(own.begin(), own.end(), term) == own.end()) {
        own.push_back(term);
      }
    }
    return own;
  }

  // The alternatives of one position (numbered in query order, as
  // Xapian's parser does), ORed.
  Xapian::Query leaf_or(const std::vector<std::string>& alternatives,
                        Xapian::Query::op op = Xapian::Query::OP_OR) {
    auto at = ++query_position_;
    if (alternatives.size() == 1)
      return Xapian::Query(alternatives.front(), 1, at);
    std::vector<Xapian::Query> terms;
    for (const auto& a : alternatives) terms.emplace_back(a, 1, at);
    return Xapian::Query(op, terms.begin(), terms.end());
  }

  // One position: its term (or its spellings as one synonym); several: a
  // phrase of them.
  Xapian::Query phrase_query(const Positions& positions) {
    if (positions.size() == 1) {
      return leaf_or(positions.front(), Xapian::Query::OP_SYNONYM);
    }
    std::vector<Xapian::Query> subqueries;
    for (const auto& alternatives : positions) {
      subqueries.push_back(leaf_or(alternatives));
    }
    return Xapian::Query(Xapian::Query::OP_PHRASE, subqueries.begin(),
                         subqueries.end(),
                         static_cast<Xapian::termcount>(positions.size()));
  }

  // Runs of plain words that name one concept (a synonym group member or
  // an actor alias, longest first) become one operand: the group's
  // spellings as one OP_SYNONYM, scored as one word.
  std::vector<Operand> join_concepts(std::vector<Operand> items) {
    if (c_.synonyms == nullptr || c_.synonyms->empty()) return items;
    std::vector<Operand> out;
    std::size_t i = 0;
    while (i < items.size()) {
      // The plain words from i on (a signed word only alone).
      std::vector<std::string> words;
      for (std::size_t k = i;
           k < items.size() && items[k].plain && (k == i || items[k].sign == 0);
           ++k) {
        words.push_back(*items[k].plain);
        if (items[i].sign != 0) break;
      }
      SynonymTable::Match m = c_.synonyms->match(words, 0);
      if (m.group == nullptr) {
        out.push_back(std::move(items[i++]));
        continue;
      }
      Operand joined;
      joined.sign = items[i].sign;
      std::vector<Xapian::Query> spellings;
      std::set<std::string> seen;
      for (const auto& member : *m.group) {
        std::string text;
        for (const auto& w : member) text += (text.empty() ? "" : " ") + w;
        Positions p = terms_of(text, "");
        std::string key;
        for (const auto& alt : p) key += alt.front() + " ";
        if (p.empty() || !seen.insert(key).second) continue;
        spellings.push_back(phrase_query(p));
      }
      joined.query = spellings.size() == 1
                         ? spellings.front()
                         : Xapian::Query(Xapian::Query::OP_SYNONYM,
                                         spellings.begin(), spellings.end());
      std::string shown;
      for (std::size_t k = 0; k < m.length; ++k) {
        shown += (k == 0 ? "" : " ") + words[k];
      }
      if (m.length == 1) joined.positions = items[i].positions;
      joined.units.push_back({shown, joined.query});
      out.push_back(std::move(joined));
      i += m.length;
    }
    return out;
  }

  // Side-by-side operands: + must match, - must not, the rest by the
  // default operator; filters restrict without weight, alternatives
  // within one field.
  Operand combine_default(std::vector<Operand> items) {
    std::vector<Xapian::Query> optional, must, must_not, must_filters;
    std::map<std::string, std::vector<Xapian::Query>> filters;
    Operand out;
    std::size_t used = 0;
    for (auto& item : items) {
      if (item.query.empty()) continue;
      ++used;
      if (item.sign == '-') {
        must_not.push_back(item.query);
        continue;
      }
      if (item.boolean) {
        if (item.sign == '+') {
          must_filters.push_back(item.query);
        } else {
          filters[item.field].push_back(item.query);
        }
        continue;
      }
      (item.sign == '+' ? must : optional).push_back(item.query);
      for (auto& u : item.units) out.units.push_back(std::move(u));
    }
    if (used == 1) {
      // One operand: itself (alone, "-x" means everything but x).
      for (auto& item : items) {
        if (item.query.empty()) continue;
        if (item.sign == '-') {
          Operand pure;
          pure.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                     Xapian::Query::MatchAll, item.query);
          return pure;
        }
        item.sign = 0;
        item.units = std::move(out.units);  // moved there above
        return std::move(item);
      }
    }
    Xapian::Query scored;
    auto op =
        mode_ == MatchMode::kAll ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
    Xapian::Query opt =
        optional.empty() ? Xapian::Query()
                         : Xapian::Query(op, optional.begin(), optional.end());
    if (!must.empty()) {
      Xapian::Query m(Xapian::Query::OP_AND, must.begin(), must.end());
      if (opt.empty()) {
        scored = m;
      } else {
        scored = Xapian::Query(mode_ == MatchMode::kAll
                                   ? Xapian::Query::OP_AND
                                   : Xapian::Query::OP_AND_MAYBE,
                               m, opt);
      }
    } else {
      scored = opt;
    }
    std::vector<Xapian::Query> filter_parts = must_filters;
    for (auto& [field, values] : filters) {
      filter_parts.emplace_back(Xapian::Query::OP_OR, values.begin(),
                                values.end());
    }
    if (!filter_parts.empty()) {
      Xapian::Query filter(Xapian::Query::OP_AND, filter_parts.begin(),
                           filter_parts.end());
      scored = scored.empty()
                   ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0)
                   : Xapian::Query(Xapian::Query::OP_FILTER, scored, filter);
    }
    if (!must_not.empty()) {
      if (scored.empty()) scored = Xapian::Query::MatchAll;
      scored = Xapian::Query(Xapian::Query::OP_AND_NOT, scored,
                             Xapian::Query(Xapian::Query::OP_OR,
                                           must_not.begin(), must_not.end()));
    }
    out.query = scored;
    return out;
  }

  Operand binary(Xapian::Query::op op, Operand left, Operand right) {
    if (left.query.empty()) return right;
    if (right.query.empty()) return left;
    Operand out;
    out.query = Xapian::Query(op, left.query, right.query);
    out.boolean = left.boolean && right.boolean;
    for (auto& u : left.units) out.units.push_back(std::move(u));
    for (auto& u : right.units) out.units.push_back(std::move(u));
    // (a OR b) in NEAR: the alternatives of one position each.
    if (op == Xapian::Query::OP_OR && left.positions && right.positions &&
        left.positions->size() == 1 && right.positions->size() == 1) {
      std::vector<std::string> alternatives = left.positions->front();
      for (auto& a : right.positions->front()) alternatives.push_back(a);
      out.positions = Positions{std::move(alternatives)};
    }
    return out;
  }

  Operand and_not(Operand left, Operand right) {
    if (right.query.empty()) return left;
    if (left.query.empty()) left.query = Xapian::Query::MatchAll;
    Operand out;
    out.query =
        Xapian::Query(Xapian::Query::OP_AND_NOT, left.query, right.query);
    out.units = std::move(left.units);
    return out;
  }

  void fail(const std::string& message) {
    if (error_.empty()) error_ = message;
  }

  const ParseContext& c_;
  std::vector<QueryToken> tokens_;
  MatchMode mode_;
  std::size_t words_ = 0;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::size_t wildcard_budget_ = kMaxQueryWildcardTerms;
  Xapian::termpos query_position_ = 0;
  std::vector<std::string> wildcards_;
  std::string error_;
};
}  // namespace

std::string actor_term(std::string_view name, const ActorGazetteer* actors) {
  const Actor* known = actors != nullptr ? actors->find(name) : nullptr;
  return std::string(kActorPrefix) + actor_key(known ? known->name : name);
}

std::optional<Xapian::Query> exact_field_query(const FieldTable& fields,
                                               const std::string& field,
                                               const std::string& value,
                                               std::string& error) {
  const FieldSpec* f = fields.find(field);
  if (f == nullptr) {
    std::string names;
    for (const FieldSpec& known : fields.fields()) {
      if (known.facet || known.name == kIdField) {
        names += (names.empty() ? "" : ", ") + known.name;
      }
    }
    error =
        "unknown field '" + field + "'; this database has the fields " + names;
    return std::nullopt;
  }
  if (f->name == kIdField) return Xapian::Query(article_id_term(value));
  if (!f->declared) {
    error = "field '" + field + "' is not an exact field";
    return std::nullopt;
  }
  if (f->kind == FieldKind::kDate) {
    auto date = parse_date(value);
    if (!date) {
      error = "'" + value + "' is not a date in " + field + ":" + value;
      return std::nullopt;
    }
    return Xapian::Query(f->prefix + date->key());
  }
  return Xapian::Query(keyword_term(*f, value));
}

std::string author_term(std::string_view name) {
  return std::string(kAuthorPrefix) + actor_key(name);
}

std::string fold_query_case(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  bool in_phrase = false;  // inside "...", AND is a word like any other
  while (pos < text.size()) {
    std::size_t space = text.find_first_of(" \t\n", pos);
    if (space == std::string_view::npos) space = text.size();
    std::string_view chunk = text.substr(pos, space - pos);
    // "(NOT" and "AND)" are operators too.
    std::string_view core = chunk;
    while (!core.empty() && core.front() == '(') core.remove_prefix(1);
    while (!core.empty() && core.back() == ')') core.remove_suffix(1);
    if (!in_phrase && is_query_operator(core)) {
      out += chunk;
    } else {
      out += fold_case(chunk);
    }
    for (char c : chunk) {
      if (c == '"') in_phrase = !in_phrase;
    }
    if (space < text.size()) out += text[space];
    pos = space + 1;
  }
  return out;
}

std::optional<Xapian::Query> date_range_query(const std::string& since,
                                              const std::string& until,
                                              std::chrono::sys_days today,
                                              std::string& error) {
  std::optional<DatePeriod> from, to;
  if (!trim_space(since).empty()) {
    from = parse_date_period(since, today);
    if (!from) {
      error = "invalid date '" + since + "'";
      return std::nullopt;
    }
  }
  if (!trim_space(until).empty()) {
    to = parse_date_period(until, today);
    if (!to) {
      error = "invalid date '" + until + "'";
      return std::nullopt;
    }
  }
  if (from && to) {
    if (from->lower > to->upper) {
      error = "date range '" + since + ".." + until + "' ends before it starts";
      return std::nullopt;
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, from->lower,
                         to->upper);
  }
  if (from) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, from->lower);
  }
  if (to) {
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, to->upper);
  }
  // "date:.." means any document with a date.
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, std::string());
}

QueryBuilder::QueryBuilder(const Xapian::Database& db,
                           const std::string& language,
                           const SourceNormalizer& sources,
                           std::chrono::sys_days today,
                           const SynonymTable* synonyms,
                           const ActorGazetteer* actors)
    : QueryBuilder(
          db, language,
          [&sources]() -> const SourceNormalizer& { return sources; }, today,
          synonyms, [actors] { return actors; }) {}

QueryBuilder::QueryBuilder(const Xapian::Database& db,
                           const std::string& language,
                           std::function<const SourceNormalizer&()> sources,
                           std::chrono::sys_days today,
                           const SynonymTable* synonyms,
                           std::function<const ActorGazetteer*()> actors)
    : db_(db),
      sources_(std::move(sources)),
      today_(today),
      synonyms_(synonyms),
      actors_(std::move(actors)) {
  if (!language.empty()) stemmer_ = make_stemmer(language);
}

ParsedQuery QueryBuilder::build(const std::string& text,
                                const QueryFilters& filters,
                                MatchMode mode) const {
  ParsedQuery result;
  auto field_error = std::make_shared<std::string>();
  SourceFieldProcessor source(field_error, sources_);
  ActorFieldProcessor actor(field_error, db_, actors_);
  AuthorFieldProcessor author(field_error);
  DateFieldProcessor date(field_error, today_);
  std::string other_field;
  ExactFieldProcessor other(field_error, fields(), other_field);
  Xapian::TermGenerator terms;
  terms.set_stemmer(stemmer_);
  terms.set_stemming_strategy(stemmer_.is_none()
                                  ? Xapian::TermGenerator::STEM_NONE
                                  : Xapian::TermGenerator::STEM_ALL_Z);
  ParseContext context{db_,    stemmer_, terms, synonyms_, text,        &source,
                       &actor, &author,  &date, &other,    &other_field};
  auto is_field = [this](std::string_view name) {
    const FieldSpec* f = fields().find(name);
    return f != nullptr && f->query;
  };
  Parser parser(context, tokenize_query(text, is_field), mode);
  Operand parsed = parser.parse();
  if (!parser.error().empty() || !field_error->empty()) {
    result.ok = false;
    result.message = !parser.error().empty() ? parser.error() : *field_error;
    result.offending = text;
    return result;
  }
  Xapian::Query query = parsed.query;
  if (query.empty()) query = Xapian::Query::MatchAll;
  // Filters alone match without weight.
  if (parsed.boolean) {
    query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0);
  }
  result.units = std::move(parsed.units);
  result.wildcard_prefixes = parser.wildcard_prefixes();
  result.match = parser.match();
  result.match_words = parser.match_words();

  std::vector<Xapian::Query> filter_parts;
  if (!filters.sources.empty()) {
    std::vector<Xapian::Query> sources;
    for (const auto& s : filters.sources) {
      sources.emplace_back(std::string(kSourcePrefix) + sources_().key(s));
    }
    filter_parts.emplace_back(Xapian::Query::OP_OR, sources.begin(),
                              sources.end());
  }
  if (!filters.actors.empty()) {
    std::vector<Xapian::Query> actors;
    for (const auto& a : filters.actors)
      actors.push_back(actor_variants_query(db_, actor_term(a, actors_())));
    filter_parts.emplace_back(Xapian::Query::OP_OR, actors.begin(),
                              actors.end());
  }
  if (!filters.authors.empty()) {
    std::vector<Xapian::Query> authors;
    for (const auto& a : filters.authors) authors.emplace_back(author_term(a));
    filter_parts.emplace_back(Xapian::Query::OP_OR, authors.begin(),
                              authors.end());
  }
  if (!filters.where.empty()) {
    // Values of one field are alternatives; fields all hold.
    std::map<std::string, std::vector<Xapian::Query>> by_field;
    for (const auto& [field, value] : filters.where) {
      std::string error;
      std::optional<Xapian::Query> q;
      if (field == kSourceField) {
        q = Xapian::Query(std::string(kSourcePrefix) + sources_().key(value));
      } else if (field == kActorField) {
        q = Xapian::Query(actor_term(value, actors_()));
      } else if (field == kAuthorField) {
        q = Xapian::Query(author_term(value));
      } else if (field == kDateField) {
        std::string since = value, until = value;
        if (auto dots = value.find(".."); dots != std::string::npos) {
          since = value.substr(0, dots);
          until = value.substr(dots + 2);
        }
        q = date_range_query(since, until, today_, error);
      } else {
        q = exact_field_query(fields(), field, value, error);
      }
      if (!q) {
        result.ok = false;
        result.message = error;
        result.offending = "--where " + field + "=" + value;
        return result;
      }
      by_field[field].push_back(*q);
    }
    for (auto& [field, queries] : by_field) {
      filter_parts.emplace_back(Xapian::Query::OP_OR, queries.begin(),
                                queries.end());
    }
  }
  if (!filters.since.empty() || !filters.until.empty()) {
    std::string error;
    auto range = date_range_query(filters.since, filters.until, today_, error);
    if (!range) {
      result.ok = false;
      result.message = error;
      bool until_bad =
          !filters.until.empty() && !parse_date_period(filters.until, today_) &&
          (filters.since.empty() || parse_date_period(filters.since, today_));
      result.offending =
          until_bad ? "--until " + filters.until : "--since " + filters.since;
      return result;
    }
    filter_parts.push_back(*range);
  }
  result.text = query;
  if (!filter_parts.empty()) {
    result.filter = Xapian::Query(Xapian::Query::OP_AND, filter_parts.begin(),
                                  filter_parts.end());
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, *result.filter);
  }
  result.query = query;
  return result;
}

}  // namespace newsdex
