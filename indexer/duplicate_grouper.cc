#include "indexer/duplicate_grouper.h"

#include "common/schema.h"
#include "indexer/document_prep.h"

namespace newsdex {

std::string DuplicateGrouper::from_snapshot(const Fingerprint& fp,
                                            Xapian::docid existing) {
  if (snapshot_ == nullptr) return {};
  return read_snapshot(*snapshot_,
                       [&] { return lookup_snapshot(fp, existing); });
}

std::string DuplicateGrouper::lookup_snapshot(const Fingerprint& fp,
                                              Xapian::docid existing) {
  if (snapshot_->get_doccount() == 0) return {};
  std::string exact = std::string(schema::kExactTextPrefix) + to_hex(fp.exact);
  for (auto it = snapshot_->postlist_begin(exact);
       it != snapshot_->postlist_end(exact); ++it) {
    if (*it == existing) continue;
    std::string group =
        snapshot_->get_document(*it).get_value(schema::kDuplicateGroupSlot);
    if (!group.empty()) return group;
  }
  if (fp.words < kMinWordsForNearDuplicate) return {};
  for (int band = 0; band < kSimhashBands; ++band) {
    std::string term = simhash_band_term(fp.simhash, band);
    std::size_t seen = 0;
    for (auto it = snapshot_->postlist_begin(term);
         it != snapshot_->postlist_end(term) && seen < kMaxCandidatesPerBand;
         ++it, ++seen) {
      if (*it == existing) continue;
      Xapian::Document candidate = snapshot_->get_document(*it);
      std::string hex = candidate.get_value(schema::kSimhashSlot);
      if (hex.size() != 16) continue;
      if (hamming_distance(std::stoull(hex, nullptr, 16), fp.simhash) <=
          kNearDuplicateBits) {
        std::string group = candidate.get_value(schema::kDuplicateGroupSlot);
        if (!group.empty()) return group;
      }
    }
  }
  return {};
}

std::string DuplicateGrouper::assign(const Fingerprint& fp,
                                     const std::string& id_term,
                                     Xapian::docid existing) {
  std::string group = from_snapshot(fp, existing);
  if (group.empty()) {
    auto it = exact_.find(fp.exact);
    if (it != exact_.end() && it->second.id_term != id_term) {
      group = it->second.group;
    }
  }
  bool near = fp.words >= kMinWordsForNearDuplicate;
  if (group.empty() && near) {
    for (int band = 0; band < kSimhashBands && group.empty(); ++band) {
      auto it = bands_.find(simhash_band_term(fp.simhash, band));
      if (it == bands_.end()) continue;
      for (const Member& m : it->second) {
        if (m.id_term != id_term &&
            hamming_distance(m.simhash, fp.simhash) <= kNearDuplicateBits) {
          group = m.group;
          break;
        }
      }
    }
  }
  if (group.empty()) group = to_hex(fp.exact);
  exact_.try_emplace(fp.exact, Member{fp.simhash, group, id_term});
  if (near) {
    for (int band = 0; band < kSimhashBands; ++band) {
      auto& members = bands_[simhash_band_term(fp.simhash, band)];
      if (members.size() < kMaxCandidatesPerBand) {
        members.push_back({fp.simhash, group, id_term});
      }
    }
  }
  return group;
}

}  // namespace newsdex
