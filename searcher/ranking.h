// Ranking beyond plain BM25: a recency bonus that blends freshness into
// relevance, and per-term explanations of a hit's score.
#ifndef NEWSDEX_SEARCHER_RANKING_H_
#define NEWSDEX_SEARCHER_RANKING_H_

#include <xapian.h>

#include <chrono>
#include <string>
#include <vector>

#include "searcher/query_builder.h"

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
  std::string term;  // the unit as typed: "talks", "title:peace", "\"a b\""
  double weight = 0;
};

// The weight each scoring unit of a query (ParsedQuery::units) gives the
// document whose unique-id term is `id_term`, in query order, units of one
// label summed and those the document does not match left out. Xapian's
// weights add up over a query's parts, so these add up to the relevance
// score.
std::vector<TermWeight> explain_units(const Xapian::Database& db,
                                      const std::vector<ExplainUnit>& units,
                                      const std::string& id_term);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_RANKING_H_
