// Query building on Xapian::QueryParser, with field processors for the
// source: and date: fields so they accept what users type.
#include "searcher/query_builder.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "common/date_parse.h"
#include "common/schema.h"
#include "common/source_name.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

using namespace newsdex::schema;

// AND, OR, NOT, XOR, NEAR, ADJ, the last two also as NEAR/3, ADJ/2.
bool is_operator(std::string_view word) {
  std::size_t slash = word.find('/');
  std::string_view name = word.substr(0, slash);
  if (slash != std::string_view::npos) {
    std::string_view distance = word.substr(slash + 1);
    if (distance.empty() ||
        distance.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;
    }
  }
  for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (name == op) return true;
  }
  return false;
}

// Xapian 1.4's QueryParser must not have exceptions thrown through it
// from a field processor: inside a +/- clause it then frees memory it does
// not own, and elsewhere it leaks. So field processors never throw: the
// first error is kept here, the processor returns a query matching
// nothing, and build() reports the error once parse_query() has returned.
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

// actor:NAME matches the actor under any of its names.
class ActorFieldProcessor : public SafeFieldProcessor {
 public:
  ActorFieldProcessor(FieldError error,
                      std::function<const ActorGazetteer*()> actors)
      : SafeFieldProcessor(std::move(error)), actors_(std::move(actors)) {}
  Xapian::Query process(const std::string& value) override {
    return Xapian::Query(actor_term(value, actors_()));
  }

 private:
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

// Internal fields the query text's wildcards are rewritten to.
constexpr std::string_view kWildField = "xnewsdexwild";
constexpr std::string_view kTitleWildField = "xnewsdextitlewild";

// word* matches the stems of every word the articles use that starts with
// "word" (the index holds stems only, Z-prefixed, with positions; the
// words come from the spelling data). Without spelling data (remote
// shards, in-memory databases) it matches the stems that start with
// "word", which misses words whose stem is shorter than the prefix.
class WildcardProcessor : public SafeFieldProcessor {
 public:
  // `budget` is shared by the query's wildcards: the words they may still
  // expand to.
  WildcardProcessor(FieldError error, const Xapian::Database& db,
                    const Xapian::Stem& stemmer, std::string term_prefix,
                    std::shared_ptr<std::size_t> budget)
      : SafeFieldProcessor(std::move(error)),
        db_(db),
        stemmer_(stemmer),
        term_prefix_(std::move(term_prefix)),
        budget_(std::move(budget)) {}
  Xapian::Query process(const std::string& pattern) override {
    const std::size_t kMaxExpansion = std::min(kMaxWildcardExpansion, *budget_);
    const bool stems = !stemmer_.is_none();
    const std::string prefix = stems ? "Z" + term_prefix_ : term_prefix_;
    std::set<std::string> terms;
    bool have_words = false;  // the database has spelling data
    try {
      auto it = db_.spellings_begin();
      have_words = it != db_.spellings_end();
      it.skip_to(pattern);
      for (; it != db_.spellings_end() && terms.size() < kMaxExpansion; ++it) {
        const std::string& word = *it;
        if (word.compare(0, pattern.size(), pattern) != 0) break;
        std::string term = prefix + (stems ? stemmer_(word) : word);
        if (db_.term_exists(term)) terms.insert(term);
      }
    } catch (const Xapian::Error&) {
      have_words = false;  // no spelling data here (remote): stems instead
    }
    if (!have_words) {
      // Xapian expands it, to the most frequent terms within the budget.
      std::size_t most = std::max<std::size_t>(kMaxExpansion, 1);
      *budget_ -= std::min(*budget_, most);
      return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + pattern,
                           static_cast<Xapian::termcount>(most),
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    *budget_ -= terms.size();
    if (terms.empty()) return Xapian::Query(prefix + pattern);  // no match
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

 private:
  Xapian::Database db_;
  Xapian::Stem stemmer_;
  std::string term_prefix_;
  std::shared_ptr<std::size_t> budget_;
};

bool is_query_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

// A character of a wildcard's word: a letter, digit, '_' or an apostrophe
// (any byte of a UTF-8 letter). Punctuation Xapian reads as joining words
// into a phrase ("k/ab*", "u.s*") is left to Xapian: a field processor's
// query inside such a phrase crashes Xapian 1.4's parser.
bool is_wildcard_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80 || c == '_' || c == '\'';
}

// Rewrites "word*" to a field the WildcardProcessor handles ("title:word*"
// to its title twin), outside quoted phrases. A wildcard starts the text or
// follows space, "(", "+" or "-", and ends the text or comes before space
// or ")". One pass, linear in the length of the text (std::regex recursed
// once per character and overflowed the stack on long words).
std::string rewrite_wildcards(const std::string& folded) {
  if (folded.find('*') == std::string::npos) return folded;
  constexpr std::string_view kTitle = "title:";
  std::string out;
  out.reserve(folded.size() + 32);
  bool in_phrase = false;
  std::size_t i = 0;
  while (i < folded.size()) {
    char c = folded[i];
    if (c == '"') in_phrase = !in_phrase;
    bool starts_word = !in_phrase && c != '"' &&
                       (i == 0 || is_query_space(folded[i - 1]) ||
                        std::string_view("(+-\"").find(folded[i - 1]) !=
                            std::string_view::npos);
    if (!starts_word) {
      out += c;
      ++i;
      continue;
    }
    bool title = folded.compare(i, kTitle.size(), kTitle) == 0;
    std::size_t word = title ? i + kTitle.size() : i;
    std::size_t end = word;
    while (end < folded.size() && is_wildcard_char(folded[end])) ++end;
    bool wildcard = end > word && end < folded.size() && folded[end] == '*' &&
                    (end + 1 == folded.size() ||
                     is_query_space(folded[end + 1]) || folded[end + 1] == ')');
    if (wildcard) {
      out += title ? kTitleWildField : kWildField;
      out += ':';
      out.append(folded, word, end - word);
      i = end + 1;
    } else {
      // Nothing in [i, end) can start a wildcard: none of it follows a
      // separator. Copy it at once to stay linear.
      std::size_t stop = std::max(end, i + 1);
      out.append(folded, i, stop - i);
      i = stop;
    }
  }
  return out;
}

// The words before each "*" (for highlighting), in order.
std::vector<std::string> find_wildcards(const std::string& folded) {
  std::vector<std::string> prefixes;
  std::size_t start = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!is_wildcard_char(folded[i])) {
      if (folded[i] == '*' && i > start) {
        prefixes.push_back(folded.substr(start, i - start));
      }
      start = i + 1;
    }
  }
  return prefixes;
}

}  // namespace

std::string actor_term(std::string_view name, const ActorGazetteer* actors) {
  const Actor* known = actors != nullptr ? actors->find(name) : nullptr;
  return std::string(kActorPrefix) + actor_key(known ? known->name : name);
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
    if (!in_phrase && is_operator(core)) {
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
  if (language != kNoLanguage && !language.empty()) {
    stemmer_ = Xapian::Stem(language);
  }
}

ParsedQuery QueryBuilder::build(const std::string& text,
                                const QueryFilters& filters,
                                MatchMode mode) const {
  ParsedQuery result;
  Xapian::QueryParser parser;
  parser.set_database(db_);
  parser.set_stemmer(stemmer_);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_default_op(mode == MatchMode::kAll ? Xapian::Query::OP_AND
                                                : Xapian::Query::OP_OR);
  parser.add_prefix(std::string(kTitleField), std::string(kTitlePrefix));
  auto field_error = std::make_shared<std::string>();
  parser.add_boolean_prefix(
      std::string(kSourceField),
      (new SourceFieldProcessor(field_error, sources_))->release());
  parser.add_boolean_prefix(
      std::string(kActorField),
      (new ActorFieldProcessor(field_error, actors_))->release());
  parser.add_boolean_prefix(std::string(kAuthorField),
                            (new AuthorFieldProcessor(field_error))->release());
  parser.add_boolean_prefix(
      std::string(kDateField),
      (new DateFieldProcessor(field_error, today_))->release());
  auto budget = std::make_shared<std::size_t>(kMaxQueryWildcardTerms);
  parser.add_prefix(
      std::string(kWildField),
      (new WildcardProcessor(field_error, db_, stemmer_, "", budget))
          ->release());
  parser.add_prefix(std::string(kTitleWildField),
                    (new WildcardProcessor(field_error, db_, stemmer_,
                                           std::string(kTitlePrefix), budget))
                        ->release());

  std::string folded = fold_query_case(text);
  if (synonyms_ != nullptr) folded = synonyms_->expand(folded);
  Xapian::Query query = Xapian::Query::MatchAll;
  if (!trim_space(folded).empty()) {
    try {
      query = parser.parse_query(rewrite_wildcards(folded),
                                 Xapian::QueryParser::FLAG_DEFAULT |
                                     Xapian::QueryParser::FLAG_PURE_NOT);
    } catch (const Xapian::DatabaseModifiedError&) {
      throw;  // the database's, not the query's: the caller reopens
    } catch (const Xapian::Error& e) {
      // QueryParserError for syntax; Xapian 1.4 also raises other errors
      // for some queries (found by scripts/fuzz query): all are the
      // query's, not the run's.
      result.ok = false;
      result.message = e.get_msg().empty() ? e.get_type() : e.get_msg();
      result.offending = text;
      return result;
    }
    if (!field_error->empty()) {
      result.ok = false;
      result.message = *field_error;
      result.offending = text;
      return result;
    }
    if (query.empty()) query = Xapian::Query::MatchAll;
    result.wildcard_prefixes = find_wildcards(folded);
  }

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
      actors.emplace_back(actor_term(a, actors_()));
    filter_parts.emplace_back(Xapian::Query::OP_OR, actors.begin(),
                              actors.end());
  }
  if (!filters.authors.empty()) {
    std::vector<Xapian::Query> authors;
    for (const auto& a : filters.authors) authors.emplace_back(author_term(a));
    filter_parts.emplace_back(Xapian::Query::OP_OR, authors.begin(),
                              authors.end());
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
