// SimHash (Charikar) over hashed 3-word shingles, with xxHash.
#include "indexer/duplicate_fingerprint.h"

#include <xxhash.h>

#include <array>
#include <bit>
#include <cstdio>
#include <vector>

#include "common/schema.h"
#include "common/text_utf8.h"
#include "common/word_split.h"

namespace newsdex {

Fingerprint fingerprint(std::string_view text) {
  Fingerprint fp;
  std::vector<std::string> words;
  for (const WordSpan& w : split_words(text)) {
    words.push_back(fold_case(text.substr(w.begin, w.end - w.begin)));
  }
  fp.words = words.size();
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const auto& w : words) {
    XXH3_64bits_update(state, w.data(), w.size());
    XXH3_64bits_update(state, " ", 1);
  }
  fp.exact = XXH3_64bits_digest(state);
  XXH3_freeState(state);

  constexpr std::size_t kShingle = 3;
  std::array<int, 64> votes{};
  std::string shingle;
  for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
    shingle.clear();
    for (std::size_t k = 0; k < kShingle; ++k) {
      shingle += words[i + k];
      shingle += ' ';
    }
    std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    for (int bit = 0; bit < 64; ++bit) votes[bit] += (h >> bit & 1) ? 1 : -1;
  }
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[bit] > 0) fp.simhash |= std::uint64_t{1} << bit;
  }
  return fp;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) {
  return std::popcount(a ^ b);
}

std::string to_hex(std::uint64_t value) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(value));
  return buf;
}

std::string simhash_band_term(std::uint64_t simhash, int band) {
  constexpr int kBits = 64 / kSimhashBands;
  auto bits = (simhash >> (band * kBits)) & ((std::uint64_t{1} << kBits) - 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%04llx", band,
                static_cast<unsigned long long>(bits));
  return std::string(schema::kSimhashBandPrefix) + buf;
}

}  // namespace newsdex
