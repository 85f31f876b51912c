// Fingerprints for near-duplicate detection: wire stories reappear across
// outlets with small edits. An exact hash of the words catches copies; a
// SimHash over word shingles catches near copies.
#ifndef NEWSDEX_INDEXER_DUPLICATE_FINGERPRINT_H_
#define NEWSDEX_INDEXER_DUPLICATE_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

// Texts shorter than this many words are grouped only when their words
// are identical: SimHash of a few shingles is too coarse.
inline constexpr std::size_t kMinWordsForNearDuplicate = 40;
// Two SimHashes at most this many bits apart are near-duplicates.
inline constexpr int kNearDuplicateBits = 3;
// The SimHash is split into this many bands for candidate lookup: two
// hashes within kNearDuplicateBits share at least one band exactly.
inline constexpr int kSimhashBands = 4;

struct Fingerprint {
  std::uint64_t exact = 0;    // hash of the case-folded words, in order
  std::uint64_t simhash = 0;  // SimHash of 3-word shingles
  std::size_t words = 0;
};

Fingerprint fingerprint(std::string_view text);

// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

// The band term of `simhash` for band `band` (0 .. kSimhashBands-1).
std::string simhash_band_term(std::uint64_t simhash, int band);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_DUPLICATE_FINGERPRINT_H_
