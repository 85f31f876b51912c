// Line reading over zlib's gzFile.
#include "indexer/line_reader.h"

#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace newsdex {

LineReader::LineReader(const std::string& path)
    : file_(gzopen(path.c_str(), "rb")), name_(path) {
  if (file_ == nullptr) {
    throw std::runtime_error("cannot open " + path + ": " +
                             std::strerror(errno));
  }
  gzbuffer(file_, 1 << 17);
}

LineReader::LineReader(int fd, std::string name)
    : file_(gzdopen(dup(fd), "rb")), name_(std::move(name)) {
  if (file_ == nullptr) throw std::runtime_error("cannot read " + name_);
  gzbuffer(file_, 1 << 17);
}

LineReader::~LineReader() { gzclose(file_); }

bool LineReader::next(std::string& line) {
  line.clear();
  char buf[1 << 16];
  bool got_any = false;
  while (gzgets(file_, buf, sizeof buf) != nullptr) {
    got_any = true;
    std::size_t n = std::strlen(buf);
    line.append(buf, n);
    if (n > 0 && buf[n - 1] == '\n') break;
  }
  if (!got_any) {
    int err = 0;
    const char* msg = gzerror(file_, &err);
    if (err != Z_OK && err != Z_STREAM_END) {
      throw std::runtime_error("cannot read " + name_ + ": " + msg);
    }
    return false;
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace newsdex
