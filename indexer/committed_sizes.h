// What a database folder's files held at its last commit, so that a run
// that fails (a full disk above all) can give back the space it wrote
// after that commit instead of leaving the files grown.
#ifndef NEWSDEX_INDEXER_COMMITTED_SIZES_H_
#define NEWSDEX_INDEXER_COMMITTED_SIZES_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace newsdex {

// Xapian's glass tables are copy-on-write: a committed revision lives in
// blocks that were in its files when it was committed, and a later write
// never touches them. So a file can be cut back to its size at the last
// commit, and a file made since then removed, without touching what the
// database holds, as long as the revision on disk is still the one
// recorded (a commit that failed part-way may have made a new one: then
// nothing is touched).
class CommittedSizes {
 public:
  // Records the folder's files as they are now (call before writing).
  explicit CommittedSizes(std::filesystem::path dir);
  // Records them again: call after each commit.
  void record();
  // Cuts back the files grown since the last record() and removes those
  // made since, if the database's revision is still the recorded one;
  // call only once the writer will write no more (abandoned). Best effort;
  // returns the bytes given back.
  std::uintmax_t restore() noexcept;

 private:
  std::filesystem::path dir_;
  std::uint64_t revision_ = 0;                   // 0: none could be read
  std::map<std::string, std::uintmax_t> sizes_;  // file name -> bytes
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_COMMITTED_SIZES_H_
