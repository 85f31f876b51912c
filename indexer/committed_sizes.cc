#include "indexer/committed_sizes.h"

#include <xapian.h>

#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace newsdex {

namespace {

// Xapian's lock file is held by the abandoned writer: never touched.
bool is_lock(const fs::path& file) { return file.filename() == "flintlock"; }

// The revision committed in the database at `dir`, or 0.
std::uint64_t committed_revision(const fs::path& dir) {
  try {
    return Xapian::Database(dir.string()).get_revision();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace

CommittedSizes::CommittedSizes(fs::path dir) : dir_(std::move(dir)) {
  record();
}

void CommittedSizes::record() {
  sizes_.clear();
  revision_ = committed_revision(dir_);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::error_code size_ec;
    if (!entry.is_regular_file(size_ec) || is_lock(entry.path())) continue;
    auto size = entry.file_size(size_ec);
    if (!size_ec) sizes_[entry.path().filename().string()] = size;
  }
}

std::uintmax_t CommittedSizes::restore() noexcept {
  std::uintmax_t freed = 0;
  try {
    if (revision_ == 0 || committed_revision(dir_) != revision_) return 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
      std::error_code file_ec;
      if (!entry.is_regular_file(file_ec) || is_lock(entry.path())) continue;
      auto size = entry.file_size(file_ec);
      if (file_ec) continue;
      auto known = sizes_.find(entry.path().filename().string());
      if (known == sizes_.end()) {
        if (fs::remove(entry.path(), file_ec)) freed += size;
      } else if (size > known->second) {
        fs::resize_file(entry.path(), known->second, file_ec);
        if (!file_ec) freed += size - known->second;
      }
    }
  } catch (...) {
    // Out of memory for a path: the space stays used, nothing is lost.
  }
  return freed;
}

}  // namespace newsdex
