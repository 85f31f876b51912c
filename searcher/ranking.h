// Ranking: the relevance weighting every search uses, a recency bonus that
// blends freshness into relevance, and per-term explanations of a hit's
// score.
#ifndef NEWSDEX_SEARCHER_RANKING_H_
#define NEWSDEX_SEARCHER_RANKING_H_

#include <xapian.h>

#include <chrono>
#include <string>
#include <vector>

#include "searcher/query_builder.h"

namespace newsdex {

// Relevance is Xapian's IneB2Weight, a divergence-from-randomness model
// (Amati and van Rijsbergen): a word weighs by how much more often an
// article uses it than chance would (inverse expected document frequency,
// from the word's count over the whole collection, so a word in most
// articles weighs next to nothing), tempered by the Bernoulli after-effect
// (the first occurrences count most) and with its frequency normalised to
// the article's length: tf * log2(1 + c * average_length / length).
// Chosen by measurement on the TIME and Cranfield relevance collections
// (scripts/relevance; README "Ranking"): MAP 0.710 and 0.320 against
// BM25's best 0.692 and 0.314 (k1 from 1 to 4, b from 0.5 to 1; Xapian's
// default k1 = 1, b = 0.5 gave 0.674 and 0.292), above SQLite FTS5 (0.696,
// 0.301) and plain Xapian BM25 (0.633, 0.285). c is the one parameter: TIME's
// MAP stays within 0.708-0.713 and Cranfield's within 0.319-0.321 for c from
// 0.25 to 0.75; 0.5 is the middle of that plateau. A built-in Xapian
// scheme, so remote shards (xapian-tcpsrv) rank the same.
inline constexpr double kLengthNormalisation = 0.5;

// The weighting scheme of every relevance score (searches, --explain).
Xapian::IneB2Weight relevance_weight();

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
