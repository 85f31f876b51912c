// Near-duplicate groups, assigned in indexing order: an article joins the
// group of an earlier article with the same words, else of one whose
// SimHash is within kNearDuplicateBits, else starts its own. Earlier means
// stored before the run (looked up in a snapshot of the database) or
// written before it in this run (remembered here), so the groups come out
// the same whether the run writes one database or several shards.
#ifndef NEWSDEX_INDEXER_DUPLICATE_GROUPER_H_
#define NEWSDEX_INDEXER_DUPLICATE_GROUPER_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/duplicate_fingerprint.h"

namespace newsdex {

class DuplicateGrouper {
 public:
  // `snapshot` (may be null) is the database as it was before the run; it
  // must outlive the grouper.
  explicit DuplicateGrouper(Xapian::Database* snapshot) : snapshot_(snapshot) {}

  // The group of the next article in indexing order, with fingerprint `fp`
  // and unique-id term `id_term`; `existing` is its stored version's
  // document id in the snapshot (0 if none), never its own match.
  std::string assign(const Fingerprint& fp, const std::string& id_term,
                     Xapian::docid existing);

 private:
  struct Member {
    std::uint64_t simhash;
    std::string group;
    std::string id_term;
  };
  std::string from_snapshot(const Fingerprint& fp, Xapian::docid existing);
  std::string lookup_snapshot(const Fingerprint& fp, Xapian::docid existing);

  Xapian::Database* snapshot_;
  // This run's articles: by exact hash, and by SimHash band (a bounded
  // number per band: a band shared by very many articles is common
  // boilerplate, not evidence).
  std::unordered_map<std::uint64_t, Member> exact_;
  std::unordered_map<std::string, std::vector<Member>> bands_;
};

// Candidates looked at per SimHash band.
inline constexpr std::size_t kMaxCandidatesPerBand = 64;

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_DUPLICATE_GROUPER_H_
