// "Did you mean": spelling suggestions from the spelling data the indexer
// builds, for query words that are unknown or rare.
#ifndef NEWSDEX_SEARCHER_SPELLING_H_
#define NEWSDEX_SEARCHER_SPELLING_H_

#include <xapian.h>

#include <string>

namespace newsdex {

// Returns `query` with each unknown or rare free-text word replaced by a
// close word (two edits) that is in at least 20 times as many articles of
// `db` (counting articles that use any form of it, by `stemmer`'s stems) and
// not another form of the same word, or "" when no word needs correcting.
// Operators, field:value terms, wildcards and words inside "phrases" are left
// as they are; the query is case-folded first. Never changes what is searched:
// the caller only shows it.
std::string spelling_suggestion(const Xapian::Database& db,
                                const std::string& query,
                                const Xapian::Stem& stemmer);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_SPELLING_H_
