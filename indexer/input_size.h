// How much input a run has ahead of it, for its progress line: the files
// its readers will read and their bytes on disk.
#ifndef NEWSDEX_INDEXER_INPUT_SIZE_H_
#define NEWSDEX_INDEXER_INPUT_SIZE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

struct InputSize {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;  // as stored (compressed files compressed)
  bool known = true;        // false when an input is standard input
};

// Walks `inputs` as the readers will (folders recursively, counting the
// pages, JSON Lines files and web archives in them, not metadata files
// or files no reader takes). Entries that cannot be read are left out;
// never throws for a missing or unreadable input.
InputSize measure_inputs(const std::vector<std::string>& inputs);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INPUT_SIZE_H_
