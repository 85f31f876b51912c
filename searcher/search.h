// A search over a newsdex database: query, filters, ranking, page of hits
// with snippets, and facet counts. This is the whole of newsdex-search
// minus its command line and its output formats.
#ifndef NEWSDEX_SEARCHER_SEARCH_H_
#define NEWSDEX_SEARCHER_SEARCH_H_

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/document_record.h"
#include "searcher/display_title.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "searcher/snippet.h"

namespace newsdex {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

struct SearchRequest {
  std::string query;
  QueryFilters filters;
  MatchMode match = MatchMode::kAuto;
  SortOrder sort = SortOrder::kRelevance;
  std::size_t offset = 0;
  std::size_t limit = 10;
  std::vector<FacetRequest> facets;  // none: no facet counting
  std::size_t facet_size = 10;       // values per facet, 0 for all
  SnippetOptions snippet;
  // What relative dates ("7d", "yesterday") count from. The caller sets it
  // from its clock; the library never reads one.
  std::chrono::sys_days today{};
  // Blend recency into relevance: articles get a bonus that halves every
  // `recent_half_life` days of age, worth up to kRecencyShare of the best
  // match's relevance. 0 for plain relevance.
  double recent_half_life = 0;
  // Per hit, the weight each query term contributed.
  bool explain = false;
  // One hit per group of near-duplicate articles (wire copies); each hit
  // lists the others in its group.
  bool collapse = false;
  // "More like this": the id of an article; results are the articles most
  // like it (the article itself left out), still subject to the query text
  // and filters.
  std::string like;
  // When the search must give up (a server's per-request time limit): the
  // match and the hits' snippets stop once this passes and the response
  // says timed_out. The default (the clock's epoch) means no limit.
  std::chrono::steady_clock::time_point deadline{};
};

// The longest query text searched, in bytes: a longer one is an error
// (no one types it, and work on it grows with its length).
inline constexpr std::size_t kMaxQueryBytes = 10'000;

// Duplicate ids listed per hit at most.
inline constexpr std::size_t kMaxDuplicateIds = 20;

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result
  Xapian::docid docid = 0;
  double score = 0;
  StoredArticle article;
  // What the hit is called: the title, or for an article without one, its
  // first sentence, URL or id (searcher/display_title.h).
  std::string display_title;
  Fragment title;                 // display_title with matches marked
  std::vector<Fragment> snippet;  // best passages of the body
  // With collapse: the ids of the other articles in this hit's group (at
  // most kMaxDuplicateIds) and how many there are in all.
  std::vector<std::string> duplicates;
  std::size_t duplicate_count = 0;
  // With explain: each term's weight, and the recency bonus.
  std::vector<TermWeight> explanation;
  double recency = 0;
};

struct SearchResponse {
  bool ok = true;
  std::string error;       // a malformed query, when !ok
  std::string offending;   // the text the error is about
  bool timed_out = false;  // !ok because the request's deadline passed
  // Exact number of matching articles; with collapse, of the groups of
  // near-duplicates among them (never more than `matches`).
  std::size_t total = 0;
  std::size_t matches = 0;  // exact number of matching articles
  bool collapsed = false;   // whether total counts groups
  std::string suggestion;   // a respelled query worth trying, or ""
  // The default operator the query's words were joined with (kAll or kAny)
  // and how many words it joined, as ParsedQuery says.
  MatchMode match = MatchMode::kAll;
  std::size_t match_words = 0;
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;
  double seconds = 0;
};

// Searches one database (or a stub combining several). The database is
// opened once; search() may be called many times. Not thread-safe.
class Searcher {
 public:
  // Throws Xapian::DatabaseOpeningError when `db_path` is not a database,
  // std::runtime_error when it is not a newsdex database, StubError
  // (common/stub_file.h) when it is a stub naming shards outside its
  // folder or anything but local and TCP remote shards.
  explicit Searcher(const std::string& db_path);
  // Searches an already open database (an in-memory one in tests).
  explicit Searcher(Xapian::Database db);

  SearchResponse search(const SearchRequest& request);

  // Moves to the latest revision of the database (after a
  // Xapian::DatabaseModifiedError: a writer committed over the revision
  // being read) and forgets what was loaded from the old one.
  void reopen();
  // Moves to the latest revision when a writer has committed since the
  // database was opened (a cheap check when it has not); returns whether it
  // moved. Long-running readers call it before each search to see new
  // articles.
  bool refresh();

  const Xapian::Database& database() const { return db_; }
  const std::string& language() const { return language_; }
  // The source table and the gazetteer (built-in and stored), built when
  // first needed.
  const SourceNormalizer& sources() const;
  // The stored article with `id`, or nullopt.
  std::optional<StoredArticle> find_article(const std::string& id) const;

  // User synonyms applied to every query from now on.
  void set_synonyms(const SynonymTable& synonyms);
  const ActorGazetteer& actors() const;
  // The database's fields: built-in and declared (newsdex-index --field).
  const FieldTable& fields() const { return fields_; }

  // Matches with only what Xapian's remote backend can run on the server:
  // built-in match spies for facets, value sorts, no recency posting
  // source. The same counts and hits, except that undated articles sort
  // first in an ascending date sort. On by itself when the database names
  // remote shards; settable for tests.
  void set_portable(bool on);
  bool portable() const { return portable_; }

 private:
  // search() without the catch of a passed deadline.
  SearchResponse search_until_deadline(const SearchRequest& request);
  // After moving to another revision: what was read from the old one (the
  // field table, the facet table, the source and actor tables) is read
  // again when next needed.
  void forget_loaded();
  // The query for articles like the one with `id`, or nullopt when there
  // is no such article.
  std::optional<Xapian::Query> like_query(const std::string& id);
  // Fills hit.duplicates with the other articles of doc's group; hit.docid
  // must be set.
  void list_duplicates(const Xapian::Document& doc, Hit& hit);

  Xapian::Database db_;
  std::string language_;
  FieldTable fields_;
  mutable std::optional<SourceNormalizer> sources_;
  mutable std::optional<ActorGazetteer> actors_;
  // The synonyms for `query`: actor aliases (built on first need), then
  // the user's; nullptr when there are none to apply.
  const SynonymTable* synonyms_for(std::string_view query);

  // Actor aliases, then the user's, once a query may need them: a query
  // none of whose words occurs in the actor tables needs no aliases, and
  // a one-search process should not parse the tables.
  SynonymTable synonyms_;
  SynonymTable user_synonyms_;
  bool synonyms_built_ = false;
  // Until the aliases are built: the stored actor table, and both tables
  // ASCII lower-cased for the prefilter.
  std::string actor_table_;
  std::string alias_letters_;
  Xapian::Stem stemmer_;
  // Stems of the words snippets have looked at, kept across searches.
  std::shared_ptr<StemCache> stem_cache_;
  // Document ids follow indexing order (schema::kDocidOrderKey).
  bool docids_in_sequence_ = false;
  // Facet values in memory (single local database only), loaded by a
  // search once the matches counted before it add up to the database's
  // size.
  std::unique_ptr<FacetTable> facet_table_;
  // Per multi-valued field counted (author, declared keywords): the slots
  // its articles use (slots_in_use()), found once per revision.
  std::map<std::string, Xapian::valueno> slots_used_;
  std::uint64_t facet_matches_ = 0;
  bool portable_ = false;
  Xapian::valueno actor_slots_ = 0;  // with portable_
};

// Whether the database at `path` is a stub (a file, or a folder holding a
// XAPIANDB file) that names remote shards ("remote HOST:PORT" lines).
// Throws StubError as read_stub() does.
bool names_remote_shards(const std::string& path);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SEARCH_H_
