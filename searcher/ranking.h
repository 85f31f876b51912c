// Ranking beyond plain BM25: a recency bonus that blends freshness into
// relevance, and per-term explanations of a hit's score.
#ifndef NEWSDEX_SEARCHER_RANKING_H_
#define NEWSDEX_SEARCHER_RANKING_H_

#include <xapian.h>

#include <chrono>
#include <string>
#include <vector>

namespace newsdex {

// The recency bonus of a brand-new article, as a share of the best
// relevance score of the query: enough to reorder close matches, not to
// lift a weak match over a much better one.
inline constexpr double kRecencyShare = 0.25;

// The recency bonus of an article dated `date_key` (YYYY[MM[DD]]): `peak`
// for an article from `today` (or later), halving every `half_life_days`.
double recency_bonus(const std::string& date_key, std::chrono::sys_days today,
                     double half_life_days, double peak);

// A Xapian posting source over the date slot giving each dated article its
// recency_bonus(). Combine with OP_AND_MAYBE so it only re-ranks matches.
Xapian::PostingSource* make_recency_source(std::chrono::sys_days today,
                                           double half_life_days, double peak);

struct TermWeight {
  std::string term;  // the word as typed, stemmed ("talk"), or title:word
  double weight = 0;
};

// The weight each free-text term of `query` contributes to the document
// whose unique-id term is `id_term` (BM25 sums per-term weights, so these
// add up to the relevance score).
std::vector<TermWeight> explain_terms(const Xapian::Database& db,
                                      const Xapian::Query& query,
                                      const std::string& id_term);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_RANKING_H_
