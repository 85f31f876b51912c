// The lock one indexing run holds on its database path from its start to
// the end of its merge, so two runs never write the same database.
#ifndef NEWSDEX_INDEXER_RUN_LOCK_H_
#define NEWSDEX_INDEXER_RUN_LOCK_H_

#include <filesystem>
#include <string>

namespace newsdex {

// An exclusive flock(2) on "<db_path>.lock", a file beside the database
// that is created once and kept (removing a lock file races with a run
// about to take it). The kernel releases the lock when the process ends,
// also when it is killed, so a lock is never left behind. Not copyable.
class RunLock {
 public:
  // Takes the lock without waiting. Throws IndexError naming the database
  // when another run holds it, std::runtime_error when the lock file
  // cannot be created.
  explicit RunLock(const std::filesystem::path& db_path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  // The lock file for `db_path` (trailing slashes ignored).
  static std::filesystem::path lock_path(const std::filesystem::path& db_path);

 private:
  int fd_ = -1;
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_RUN_LOCK_H_
