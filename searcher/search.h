// A search over a newsdex database: query, filters, ranking, page of hits
// with snippets, and facet counts. This is the whole of newsdex-search
// minus its command line and its output formats.
#ifndef NEWSDEX_SEARCHER_SEARCH_H_
#define NEWSDEX_SEARCHER_SEARCH_H_

#include <xapian.h>

#include <chrono>
#include <string>
#include <vector>

#include "common/document_record.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"

namespace newsdex {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

struct SearchRequest {
  std::string query;
  QueryFilters filters;
  MatchMode match = MatchMode::kAll;
  SortOrder sort = SortOrder::kRelevance;
  std::size_t offset = 0;
  std::size_t limit = 10;
  std::vector<FacetRequest> facets;  // none: no facet counting
  std::size_t facet_size = 10;       // values per facet, 0 for all
  SnippetOptions snippet;
  // What relative dates ("7d", "yesterday") count from. The caller sets it
  // from its clock; the library never reads one.
  std::chrono::sys_days today{};
  // "More like this": the id of an article; results are the articles most
  // like it (the article itself left out), still subject to the query text
  // and filters.
  std::string like;
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result
  Xapian::docid docid = 0;
  double score = 0;
  StoredArticle article;
  Fragment title;                 // the title with matches marked
  std::vector<Fragment> snippet;  // best passages of the body
};

struct SearchResponse {
  bool ok = true;
  std::string error;       // a malformed query, when !ok
  std::string offending;   // the text the error is about
  std::size_t total = 0;   // exact number of matching documents
  std::string suggestion;  // a respelled query worth trying, or ""
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;
  double seconds = 0;
};

// Searches one database (or a stub combining several). The database is
// opened once; search() may be called many times. Not thread-safe.
class Searcher {
 public:
  // Throws Xapian::DatabaseOpeningError when `db_path` is not a database,
  // std::runtime_error when it is not a newsdex database.
  explicit Searcher(const std::string& db_path);
  // Searches an already open database (an in-memory one in tests).
  explicit Searcher(Xapian::Database db);

  SearchResponse search(const SearchRequest& request);

  const Xapian::Database& database() const { return db_; }
  const std::string& language() const { return language_; }
  const SourceNormalizer& sources() const { return sources_; }
  // User synonyms applied to every query from now on.
  void set_synonyms(SynonymTable synonyms) { synonyms_ = std::move(synonyms); }

 private:
  // The query for articles like the one with `id`, or nullopt when there
  // is no such article.
  std::optional<Xapian::Query> like_query(const std::string& id);

  Xapian::Database db_;
  std::string language_;
  SourceNormalizer sources_;
  SynonymTable synonyms_;
  Xapian::Stem stemmer_;
};

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SEARCH_H_
