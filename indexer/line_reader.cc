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

std::uint64_t LineReader::file_offset() const {
  z_off_t offset = gzoffset(file_);
  return offset < 0 ? 0 : static_cast<std::uint64_t>(offset);
}

bool LineReader::fill() {
  // gzread, not gzgets: gzgets ends a line at a NUL byte without saying
  // how long it was, so a NUL swallowed the rest of its line and the next.
  constexpr unsigned kChunk = 1 << 16;
  buffer_.resize(kChunk);
  int n = gzread(file_, buffer_.data(), kChunk);
  if (n < 0) {
    int err = 0;
    const char* msg = gzerror(file_, &err);
    throw std::runtime_error("cannot read " + name_ + ": " + msg);
  }
  pos_ = 0;
  end_ = static_cast<std::size_t>(n);
  if (n == 0) {
    int err = 0;
    const char* msg = gzerror(file_, &err);
    if (err != Z_OK && err != Z_STREAM_END) {
      throw std::runtime_error("cannot read " + name_ + ": " + msg);
    }
  }
  return n > 0;
}

bool LineReader::next(std::string& line) {
  line.clear();
  bool got_any = false;
  while (true) {
    if (pos_ == end_ && !fill()) break;
    got_any = true;
    const char* start = buffer_.data() + pos_;
    const void* newline = std::memchr(start, '\n', end_ - pos_);
    if (newline != nullptr) {
      std::size_t len = static_cast<const char*>(newline) - start;
      line.append(start, len);
      pos_ += len + 1;
      break;
    }
    line.append(start, end_ - pos_);
    pos_ = end_;
  }
  if (!got_any) return false;
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace newsdex
