// Search execution: one Enquire per request, exact totals and facet counts
// through check_at_least, snippets from the stored article text.
#include "searcher/search.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/schema.h"
#include "common/stub_file.h"
#include "common/text_utf8.h"
#include "searcher/collapse_count.h"
#include "searcher/spelling.h"

namespace newsdex {
namespace {

// Thrown when a request's deadline passes; caught in Searcher::search.
struct DeadlinePassed {};

void check_deadline(std::chrono::steady_clock::time_point deadline) {
  if (deadline != std::chrono::steady_clock::time_point{} &&
      std::chrono::steady_clock::now() >= deadline) {
    throw DeadlinePassed{};
  }
}

// Sees every match as the matcher finds it and ends the match once the
// deadline passes (looking at the clock every 64 documents).
class DeadlineSpy : public Xapian::MatchSpy {
 public:
  explicit DeadlineSpy(std::chrono::steady_clock::time_point deadline)
      : deadline_(deadline) {}
  void operator()(const Xapian::Document&, double) override {
    if ((seen_++ & 63) == 0) check_deadline(deadline_);
  }

 private:
  std::chrono::steady_clock::time_point deadline_;
  std::uint64_t seen_ = 0;
};

}  // namespace

bool names_remote_shards(const std::string& path) {
  auto stub = read_stub(path);
  if (!stub) return false;
  for (const StubShard& shard : *stub) {
    if (shard.remote) return true;
  }
  return false;
}

namespace {

// Opens the database at `path` once its stub, if it is one, has passed
// read_stub()'s checks (Xapian itself would open any path a stub names).
Xapian::Database open_checked(const std::string& path) {
  read_stub(path);
  return Xapian::Database(path);
}

}  // namespace

Searcher::Searcher(const std::string& db_path)
    : Searcher(open_checked(db_path)) {
  if (names_remote_shards(db_path)) set_portable(true);
}

void Searcher::set_portable(bool on) {
  portable_ = on;
  actor_slots_ = on ? actor_slots_used(db_) : 0;
}

Searcher::Searcher(Xapian::Database db) : db_(std::move(db)) {
  if (db_.get_metadata(std::string(schema::kSchemaKey)).empty() &&
      db_.get_doccount() > 0) {
    throw std::runtime_error("not a newsdex database (no schema version)");
  }
  language_ = db_.get_metadata(std::string(schema::kLanguageKey));
  if (language_.empty()) language_ = std::string(schema::kDefaultLanguage);
  stemmer_ = make_stemmer(language_);
  stem_cache_ = std::make_shared<StemCache>(stemmer_);
  docids_in_sequence_ =
      db_.size() == 1 &&
      db_.get_metadata(std::string(schema::kDocidOrderKey)) == "sequence";
  actor_table_ = db_.get_metadata(std::string(schema::kActorsKey));
  fields_ = field_table_of(db_);
  // Synonyms kept with the database (checked when indexed).
  static_cast<void>(user_synonyms_.add(
      db_.get_metadata(std::string(schema::kSynonymsKey)), "stored synonyms"));
}

void Searcher::reopen() {
  db_.reopen();
  forget_loaded();
}

bool Searcher::refresh() {
  // reopen() answers false when no writer has committed since.
  if (!db_.reopen()) return false;
  forget_loaded();
  return true;
}

void Searcher::forget_loaded() {
  fields_ = field_table_of(db_);
  slots_used_.clear();
  facet_table_.reset();
  facet_matches_ = 0;
  sources_.reset();
  actors_.reset();
}

void Searcher::set_synonyms(const SynonymTable& synonyms) {
  user_synonyms_.merge(synonyms);
  if (synonyms_built_) synonyms_.merge(synonyms);
}

namespace {

// Whether some word of `query` might be a word of an alias in `letters`
// (the tables, ASCII lower-cased): a word that occurs there whole, between
// white space, as SynonymTable::expand() compares them. Errs towards yes:
// so does any word with a non-ASCII letter, whose case folding only the
// synonym table knows.
bool may_name_alias(std::string_view query, std::string_view letters) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  auto occurs_whole = [&](std::string_view word) {
    for (std::size_t at = letters.find(word); at != std::string_view::npos;
         at = letters.find(word, at + 1)) {
      std::size_t end = at + word.size();
      if ((at == 0 || is_space(letters[at - 1])) &&
          (end == letters.size() || is_space(letters[end]))) {
        return true;
      }
    }
    return false;
  };
  std::string word;
  auto check = [&] {
    std::string_view core = word;
    // title:zelenskiy, title:"zelenskiy ...": the word after the field.
    if (auto colon = core.find(':'); colon != std::string_view::npos) {
      core.remove_prefix(colon + 1);
    }
    while (!core.empty() && std::string_view("+-(\"").find(core.front()) !=
                                std::string_view::npos) {
      core.remove_prefix(1);
    }
    while (!core.empty() && (core.back() == ')' || core.back() == '"')) {
      core.remove_suffix(1);
    }
    bool hit = !core.empty() && occurs_whole(core);
    for (char c : core) hit = hit || static_cast<unsigned char>(c) >= 0x80;
    word.clear();
    return hit;
  };
  for (char c : query) {
    if (is_space(c)) {
      if (!word.empty() && check()) return true;
    } else {
      word += ascii_lower(c);
    }
  }
  return !word.empty() && check();
}

}  // namespace

const SynonymTable* Searcher::synonyms_for(std::string_view query) {
  if (!synonyms_built_) {
    if (alias_letters_.empty()) {
      for (std::string_view table :
           {builtin_actor_table(), std::string_view(actor_table_)}) {
        for (char c : table) alias_letters_ += ascii_lower(c);
        alias_letters_ += '\n';
      }
    }
    if (user_synonyms_.empty() && !may_name_alias(query, alias_letters_)) {
      return nullptr;
    }
    // Any spelling of a known actor finds the others ("zelenskiy" finds
    // "Zelenskyy"). Read from the tables directly: the gazetteer itself is
    // only needed for actor filters.
    for (std::string_view table :
         {builtin_actor_table(), std::string_view(actor_table_)}) {
      for (const auto& group : actor_alias_groups(table)) {
        synonyms_.add_group(group);
      }
    }
    synonyms_.merge(user_synonyms_);
    synonyms_built_ = true;
    alias_letters_ = std::string();  // only the prefilter needed it
    actor_table_ = std::string();
  }
  return &synonyms_;
}

const SourceNormalizer& Searcher::sources() const {
  if (!sources_) {
    sources_ = SourceNormalizer::with_builtin_table();
    sources_->add_table(db_.get_metadata(std::string(schema::kSourcesKey)),
                        "stored sources");
  }
  return *sources_;
}

const ActorGazetteer& Searcher::actors() const {
  if (!actors_) {
    actors_ = ActorGazetteer::with_builtin_table();
    actors_->add_table(db_.get_metadata(std::string(schema::kActorsKey)),
                       "stored actors");
  }
  return *actors_;
}

namespace {

// Relevance feedback keeps the body's stemmed words: "Z" terms, but not
// title ("ZS") terms or boolean filter terms, and not words no other
// article has (they could only find the model itself).
class StemTermsOnly : public Xapian::ExpandDecider {
 public:
  explicit StemTermsOnly(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && term[0] == schema::kStemPrefix &&
           term[1] != schema::kTitlePrefix[0] &&
           !std::isupper(static_cast<unsigned char>(term[1])) &&
           db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
};

// How many terms of the model article make up a "more like this" query.
constexpr Xapian::termcount kLikeTerms = 25;

}  // namespace

std::optional<Xapian::Query> Searcher::like_query(const std::string& id) {
  std::string id_term = article_id_term(id);
  Xapian::PostingIterator it = db_.postlist_begin(id_term);
  if (it == db_.postlist_end(id_term)) return std::nullopt;
  Xapian::RSet rset;
  rset.add_document(*it);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(id_term));
  StemTermsOnly decider(db_);
  Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &decider);
  std::vector<Xapian::Query> terms;
  for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
  Xapian::Query similar(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_AND_NOT, similar,
                       Xapian::Query(id_term));
}

std::optional<StoredArticle> Searcher::find_article(
    const std::string& id) const {
  std::string term = article_id_term(id);
  Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  return from_document_data(db_.get_document(*it).get_data());
}

void Searcher::list_duplicates(const Xapian::Document& doc, Hit& hit) {
  std::string group = doc.get_value(schema::kDuplicateGroupSlot);
  if (group.empty()) return;
  std::string term = std::string(schema::kDuplicateGroupPrefix) + group;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    // hit.docid, not doc.get_docid(): over shards the document knows only
    // its id within its shard.
    if (*it == hit.docid) continue;
    ++hit.duplicate_count;
    if (hit.duplicates.size() < kMaxDuplicateIds) {
      hit.duplicates.push_back(
          from_document_data(db_.get_document(*it).get_data(), false).id);
    }
  }
}

namespace {

// The first text of a request that is not valid UTF-8, as an error, or "".
std::string invalid_utf8_in(const SearchRequest& request,
                            std::string& offending) {
  std::string error;
  auto check = [&](const std::string& text, const std::string& option) {
    if (!error.empty()) return;
    std::size_t at = find_invalid_utf8(text);
    if (at == std::string::npos) return;
    error = "invalid UTF-8 at byte " + std::to_string(at);
    offending = option.empty() ? text : option + " " + text;
  };
  check(request.query, "");
  for (const auto& s : request.filters.sources) check(s, "--source");
  for (const auto& a : request.filters.actors) check(a, "--actor");
  check(request.filters.since, "--since");
  check(request.filters.until, "--until");
  check(request.like, "--like");
  return error;
}

}  // namespace

SearchResponse Searcher::search(const SearchRequest& request) {
  try {
    return search_until_deadline(request);
  } catch (const DeadlinePassed&) {
    SearchResponse response;
    response.ok = false;
    response.timed_out = true;
    response.error = "the search took longer than its time limit";
    response.offending = request.query;
    return response;
  }
}

SearchResponse Searcher::search_until_deadline(const SearchRequest& request) {
  auto start = std::chrono::steady_clock::now();
  SearchResponse response;
  // Xapian and the JSON output both need valid UTF-8: refuse it here, so
  // no output is started for a request that cannot be answered.
  if (request.query.size() > kMaxQueryBytes) {
    response.ok = false;
    response.error = "query too long (" + std::to_string(request.query.size()) +
                     " bytes; at most " + std::to_string(kMaxQueryBytes) + ")";
    response.offending = request.query.substr(0, 40) + "...";
    return response;
  }
  if (std::string error = invalid_utf8_in(request, response.offending);
      !error.empty()) {
    response.ok = false;
    response.error = error;
    return response;
  }
  if (auto error = check_facets(request.facets, fields_)) {
    response.ok = false;
    response.error = *error;
    response.offending = "--facets " + facet_list_text(request.facets);
    return response;
  }
  if (portable_) {
    for (const FacetRequest& r : request.facets) {
      if (r.by.empty()) continue;
      response.ok = false;
      response.error =
          "cross-tabulated facets cannot be counted over remote shards";
      response.offending = "--facets " + facet_list_text(request.facets);
      return response;
    }
  }
  QueryBuilder builder(
      db_, language_, [this]() -> const SourceNormalizer& { return sources(); },
      request.today, synonyms_for(request.query), [this] { return &actors(); });
  builder.set_fields(&fields_);
  ParsedQuery parsed =
      builder.build(request.query, request.filters, request.match);
  if (!parsed.ok) {
    response.ok = false;
    response.error = parsed.message;
    response.offending = parsed.offending;
    return response;
  }
  response.match = parsed.match;
  response.match_words = parsed.match_words;

  Xapian::Query query = parsed.query;
  if (!request.like.empty()) {
    auto like = like_query(request.like);
    if (!like) {
      response.ok = false;
      response.error = "no article with id '" + request.like + "'";
      response.offending = "--like " + request.like;
      return response;
    }
    // The query text, if any, must still match; similarity ranks.
    query = parsed.text.get_type() == Xapian::Query::LEAF_MATCH_ALL
                ? *like
                : Xapian::Query(Xapian::Query::OP_AND, parsed.text, *like);
    if (parsed.filter) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, *parsed.filter);
    }
  }

  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(relevance_weight());
  Xapian::Query relevance_query = query;
  if (request.recent_half_life > 0 && portable_) {
    response.ok = false;
    response.error = "--recent cannot rank over remote shards";
    response.offending = "--recent";
    return response;
  }
  if (request.recent_half_life > 0 && request.sort == SortOrder::kRelevance) {
    // The bonus is scaled to the best relevance score, so recency
    // re-ranks close matches without turning into a date sort.
    enquire.set_query(query);
    Xapian::MSet best = enquire.get_mset(0, 1);
    double peak = best.empty() ? 0 : kRecencyShare * best.begin().get_weight();
    if (peak > 0) {
      query =
          Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                        Xapian::Query(make_recency_source(
                            request.today, request.recent_half_life, peak)));
    }
  }
  enquire.set_query(query);
  // Undated articles sort last in either direction.
  Xapian::MultiValueKeyMaker date_order;
  switch (request.sort) {
    case SortOrder::kRelevance:
      // Equal scores in indexing order, however the database is laid out.
      // Xapian orders them by document id, which is indexing order in a
      // database built by one writer: then the value sort is not needed.
      // (Not over remote shards either: Xapian 1.4's remote matcher then
      // feeds some documents to the match spies twice. Shards built by
      // newsdex-index --shards number documents in indexing order anyway.)
      if (!portable_ && !docids_in_sequence_) {
        enquire.set_sort_by_relevance_then_value(schema::kSequenceSlot, false);
      }
      break;
    case SortOrder::kDateAscending:
      if (portable_) {
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false);
        break;
      }
      date_order.add_value(schema::kDateSlot, false, "\xff");
      enquire.set_sort_by_key_then_relevance(&date_order, false);
      break;
    case SortOrder::kDateDescending:
      if (portable_) {
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
        break;
      }
      date_order.add_value(schema::kDateSlot, true);
      enquire.set_sort_by_key_then_relevance(&date_order, false);
      break;
  }
  std::optional<GroupCounter> groups;
  if (request.collapse) {
    enquire.set_collapse_key(schema::kDuplicateGroupSlot);
    response.collapsed = true;
    groups.emplace(portable_ ? nullptr : &db_, portable_);
    groups->register_with(enquire);
  }
  // Rent until buying costs no more than renting has: then, before the
  // next search that counts facets (never after the last), load.
  if (!request.facets.empty() && !facet_table_ && !portable_ &&
      db_.size() == 1 && facet_matches_ >= db_.get_doccount()) {
    facet_table_ = std::make_unique<FacetTable>(db_);
  }
  for (const FacetRequest& r : request.facets) {
    const FieldSpec* f = fields_.find(r.field);
    if (f && f->kind == FieldKind::kKeywords && f->slots > 1 &&
        !slots_used_.count(f->name)) {
      slots_used_[f->name] = slots_in_use(db_, *f);
    }
  }
  FacetCounter facets(request.facets, actor_slots_, portable_ ? nullptr : &db_,
                      facet_table_.get(), &fields_, &slots_used_);
  facets.register_with(enquire);
  std::optional<DeadlineSpy> deadline_spy;
  if (request.deadline != std::chrono::steady_clock::time_point{} &&
      !portable_) {
    deadline_spy.emplace(request.deadline);
    enquire.add_matchspy(&*deadline_spy);
  }

  // Exact totals and facet counts need every match looked at.
  Xapian::doccount check_at_least = db_.get_doccount();
  Xapian::MSet mset = enquire.get_mset(
      static_cast<Xapian::doccount>(request.offset),
      static_cast<Xapian::doccount>(request.limit), check_at_least);
  // Exact: every match was looked at. Under collapse Xapian's figure is
  // an estimate of the groups, so they are counted.
  response.total = response.matches = mset.get_matches_estimated();
  if (groups) {
    response.total = groups->groups();
    response.matches = groups->articles();
  }
  if (!request.facets.empty() && !facet_table_) {
    facet_matches_ += response.matches;
  }

  HighlightTerms terms = HighlightTerms::from_query(relevance_query);
  terms.wildcard_prefixes = parsed.wildcard_prefixes;
  TermMatcher matcher(std::move(terms), stem_cache_);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    check_deadline(request.deadline);
    Hit hit;
    hit.rank = it.get_rank() + 1;  // get_rank() counts the offset
    hit.docid = *it;
    hit.score = it.get_weight();
    Xapian::Document doc = it.get_document();
    hit.article = from_document_data(doc.get_data(), false);
    if (request.collapse) list_duplicates(doc, hit);
    if (request.explain) {
      hit.explanation =
          explain_units(db_, parsed.units, article_id_term(hit.article.id));
      double sum = 0;
      for (const auto& t : hit.explanation) sum += t.weight;
      // Under --recent, what the units do not explain is the recency bonus
      // (rounding aside).
      double rest = hit.score - sum;
      bool recent = request.recent_half_life > 0;
      hit.recency = recent && rest > 1e-6 * std::max(1.0, hit.score) ? rest : 0;
    }
    hit.display_title = display_title(hit.article);
    hit.title = highlight_all(hit.display_title, matcher);
    hit.snippet = make_snippet(hit.article.text, request.snippet, matcher);
    response.hits.push_back(std::move(hit));
  }
  if (!request.query.empty()) {
    response.suggestion = spelling_suggestion(db_, request.query, stemmer_);
  }
  if (!request.facets.empty()) {
    response.facets = facets.results(response.matches, request.facet_size);
  }
  response.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return response;
}

}  // namespace newsdex
