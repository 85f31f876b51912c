// Turns what a user typed (query text and filter options) into a Xapian
// query. A malformed query is a value, not an exception.
#ifndef NEWSDEX_SEARCHER_QUERY_BUILDER_H_
#define NEWSDEX_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/actors.h"
#include "common/fields.h"
#include "common/source_normalizer.h"
#include "common/synonyms.h"

namespace newsdex {

// The default operator between side-by-side words (operators, +/- and
// filters keep their meaning under each).
enum class MatchMode {
  kAll,   // every word must match
  kAny,   // any word may match; BM25 ranks articles with more of them first
  kAuto,  // kAll for up to kMaxAllWords words, kAny for a longer query
};

// Under MatchMode::kAuto, the most words a query may have and still need
// every one: a short keyword query means all its words, while a question
// or a sentence typed as it comes has words no article shares with it
// ("what", "were", "effects") and would find nothing. Counted are the
// unsigned words and phrases the default operator joins, as typed (a
// phrase, a title: word, a wildcard or a NEAR group is one word; +/- words
// and what signed brackets hold, filters and words that make no terms,
// such as ".", are not counted).
inline constexpr std::size_t kMaxAllWords = 3;

// Bounds on what one query may cost: a wildcard expands to at most
// kMaxWildcardExpansion words (in alphabetical order; over remote shards,
// the most frequent), all of a query's wildcards to kMaxQueryWildcardTerms.
inline constexpr std::size_t kMaxWildcardExpansion = 2000;
inline constexpr std::size_t kMaxQueryWildcardTerms = 5000;

struct QueryFilters {
  std::vector<std::string> sources;  // any variant of an outlet's name
  std::vector<std::string> actors;   // any alias or spelling of an actor
  std::vector<std::string> authors;  // an author's full name or surname
  std::string since;                 // a date in any accepted form, or ""
  std::string until;
  // --where FIELD=VALUE: any field that filters (source, actor, author,
  // date, id, a declared field); values of one field are alternatives.
  std::vector<std::pair<std::string, std::string>> where;
};

// What part of a query scores: a word, a phrase, a concept (its
// spellings as one), a NEAR group, a wildcard. The weights of a hit's
// units add up to its relevance score.
struct ExplainUnit {
  std::string label;  // as typed, case-folded: "talks", "title:peace"
  Xapian::Query query;
};

struct ParsedQuery {
  bool ok = true;
  std::string message;    // what is wrong, when !ok
  std::string offending;  // the text it is wrong about
  Xapian::Query query;    // the text query with the filters applied
  Xapian::Query text;     // the text query alone (MatchAll when empty)
  std::optional<Xapian::Query> filter;         // the filters, when any
  std::vector<std::string> wildcard_prefixes;  // for highlighting
  std::vector<ExplainUnit> units;              // for --explain
  // The default operator applied (kAll or kAny, never kAuto) and how many
  // words it joined (as counted for kMaxAllWords).
  MatchMode match = MatchMode::kAll;
  std::size_t match_words = 0;
};

// Folds the case of every query word except the operators (AND, OR, NOT,
// XOR, NEAR, ADJ, NEAR/n, ADJ/n), so "Talks" and "talks" are stemmed
// alike while "peace AND talks" keeps its operator.
std::string fold_query_case(std::string_view text);

class QueryBuilder {
 public:
  // `db` provides wildcard expansion; `language` is the database's
  // stemming language ("none" for none); `sources` resolves any spelling
  // of an outlet (it must outlive the builder); relative dates ("7d",
  // "last-week") are resolved against `today`.
  // `synonyms`, when given, expands query words first (it must outlive the
  // builder).
  QueryBuilder(const Xapian::Database& db, const std::string& language,
               const SourceNormalizer& sources, std::chrono::sys_days today,
               const SynonymTable* synonyms = nullptr,
               const ActorGazetteer* actors = nullptr);
  // The same with the source table and the gazetteer built only when a
  // query uses them (`actors` may return nullptr): most queries need
  // neither, and a one-search process should not pay for them.
  QueryBuilder(const Xapian::Database& db, const std::string& language,
               std::function<const SourceNormalizer&()> sources,
               std::chrono::sys_days today, const SynonymTable* synonyms,
               std::function<const ActorGazetteer*()> actors);

  // Parses `text` (Xapian's query language with the fields title:,
  // source: and date:) and applies `filters`. An empty text matches every
  // document, so filters alone browse the database.
  ParsedQuery build(const std::string& text, const QueryFilters& filters,
                    MatchMode mode) const;

  // The database's fields (it must outlive the builder): its declared
  // fields are then query fields (category:politics) and --where fields.
  // Without it, the built-in fields only.
  void set_fields(const FieldTable* fields) { fields_ = fields; }

 private:
  const FieldTable& fields() const {
    return fields_ != nullptr ? *fields_ : builtin_field_table();
  }
  const FieldTable* fields_ = nullptr;
  Xapian::Database db_;
  Xapian::Stem stemmer_;
  std::function<const SourceNormalizer&()> sources_;
  std::chrono::sys_days today_;
  const SynonymTable* synonyms_;
  std::function<const ActorGazetteer*()> actors_;
};

// The actor filter term for any alias or spelling of an actor: the
// gazetteer's canonical name when it knows one, else the name as given.
std::string actor_term(std::string_view name, const ActorGazetteer* actors);

// The filter for an exact field's value: id:ID, or a declared field's
// value (a declared date field's day, month or year). Returns nullopt and
// sets `error` for a field `fields` does not have, a built-in field that
// is not exact, or a declared date field's value that is not a date.
std::optional<Xapian::Query> exact_field_query(const FieldTable& fields,
                                               const std::string& field,
                                               const std::string& value,
                                               std::string& error);

// The author filter term for a full name or a surname ("Jane Doe", "doe").
std::string author_term(std::string_view name);

// A date filter for the range [since, until] (either may be empty; any
// form parse_date_period() accepts). Returns nullopt and sets `error` when
// a bound is not a date.
std::optional<Xapian::Query> date_range_query(const std::string& since,
                                              const std::string& until,
                                              std::chrono::sys_days today,
                                              std::string& error);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_QUERY_BUILDER_H_
