// The run lock on flock(2): released by the kernel with the process.
#include "indexer/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "indexer/index_run.h"

namespace newsdex {

std::filesystem::path RunLock::lock_path(const std::filesystem::path& db_path) {
  std::string path = db_path.string();
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path + ".lock";
}

RunLock::RunLock(const std::filesystem::path& db_path) {
  std::filesystem::path path = lock_path(db_path);
  // A new database may go in folders that do not exist yet.
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw std::runtime_error("cannot create lock file " + path.string() + ": " +
                             std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw IndexError("database " + db_path.string() +
                       " is being written by another newsdex-index run (it "
                       "holds " +
                       path.string() + "); try again when it has finished");
    }
    throw std::runtime_error("cannot lock " + path.string() + ": " +
                             std::strerror(err));
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace newsdex
