// WARC records over a byte stream that inflates gzip members one after
// another (zlib), so that corrupt data costs its member, not the file.
#include "indexer/warc_record_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <stdexcept>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

// A header line longer than this, or a header longer than kMaxHeader,
// is not a WARC header.
constexpr std::size_t kMaxLine = 64 * 1024;
constexpr std::size_t kMaxHeader = 1 << 20;
constexpr std::size_t kChunk = 1 << 16;

std::string_view strip_eol(std::string_view raw) {
  if (raw.ends_with('\n')) raw.remove_suffix(1);
  if (raw.ends_with('\r')) raw.remove_suffix(1);
  return raw;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

// "WARC/1.0", "WARC/1.1" (and the 0.x drafts some old crawls carry).
bool is_version_line(std::string_view line) {
  if (!line.starts_with("WARC/")) return false;
  line.remove_prefix(5);
  auto dot = line.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == line.size())
    return false;
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

// The start of a line as messages quote it: printable ASCII only.
std::string quote_start(std::string_view line) {
  std::string out;
  for (char c : line.substr(0, 40)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  return "'" + out + (line.size() > 40 ? "...'" : "'");
}

std::string_view trim(std::string_view s) { return trim_space(s); }

}  // namespace

// The file's bytes: as they are, or inflated gzip member by gzip member.
// Corrupt gzip data stops the stream (read() gives 0 and broken() says
// why) until resume() moves on to the next gzip member.
class WarcByteInput {
 public:
  WarcByteInput(std::FILE* file, std::string name)
      : file_(file), name_(std::move(name)), in_(kChunk) {
    refill();
    gzip_ = in_len_ >= 2 && in_[0] == 0x1f && in_[1] == 0x8b;
    if (gzip_ && inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK)
      throw std::runtime_error("cannot read " + name_ + ": zlib failed");
  }
  ~WarcByteInput() {
    if (gzip_) inflateEnd(&z_);
  }

  std::size_t read(char* out, std::size_t n) {
    if (!broken_.empty()) return 0;
    if (!gzip_) {
      if (!refill()) return 0;
      std::size_t k = std::min(n, in_len_ - in_pos_);
      std::memcpy(out, in_.data() + in_pos_, k);
      in_pos_ += k;
      out_total_ += k;
      return k;
    }
    while (true) {
      if (!refill()) {
        if (in_member_) {
          broken_ = "the gzip member at byte " + std::to_string(member_start_) +
                    " is cut short (a truncated file)";
          in_member_ = false;
          resync_from_ = in_base_;
        }
        return 0;
      }
      if (!in_member_) {
        member_start_ = in_base_ + in_pos_;
        members_.emplace_back(out_total_, member_start_);
        in_member_ = true;
      }
      z_.next_in = in_.data() + in_pos_;
      z_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      z_.next_out = reinterpret_cast<Bytef*>(out);
      z_.avail_out = static_cast<uInt>(n);
      int ret = inflate(&z_, Z_NO_FLUSH);
      std::size_t used = (in_len_ - in_pos_) - z_.avail_in;
      in_pos_ += used;
      std::size_t produced = n - z_.avail_out;
      out_total_ += produced;
      if (ret == Z_STREAM_END) {
        inflateReset(&z_);
        in_member_ = false;
      } else if ((ret != Z_OK && ret != Z_BUF_ERROR) ||
                 (produced == 0 && used == 0)) {
        // Corrupt data, or no progress with input and room for output
        // (never loop on it).
        broken_ = "corrupt gzip data in the member at byte " +
                  std::to_string(member_start_) + " (" +
                  (z_.msg ? z_.msg : "zlib error " + std::to_string(ret)) + ")";
        inflateReset(&z_);
        in_member_ = false;
        resync_from_ = member_start_ + 1;
        return produced;
      }
      if (produced > 0) return produced;
    }
  }

  const std::string& broken() const { return broken_; }

  std::uint64_t file_offset() const { return in_base_ + in_pos_; }

  // Goes on at the next gzip member header after the corrupt data.
  void resume() {
    broken_.clear();
    if (std::fseek(file_, static_cast<long>(resync_from_), SEEK_SET) != 0) {
      in_pos_ = in_len_ = 0;
      return;
    }
    in_base_ = resync_from_;
    in_pos_ = in_len_ = 0;
    while (refill()) {
      const unsigned char* data = in_.data();
      for (std::size_t i = in_pos_; i < in_len_; ++i) {
        if (data[i] != 0x1f) continue;
        if (i + 3 > in_len_) {
          // Too near the end of the chunk to tell: read on from here.
          std::uint64_t at = in_base_ + i;
          if (std::fseek(file_, static_cast<long>(at), SEEK_SET) != 0) {
            in_pos_ = in_len_ = 0;
            return;
          }
          in_base_ = at;
          in_pos_ = in_len_ = 0;
          if (!refill() || in_len_ < 3) {
            in_pos_ = in_len_;
            return;
          }
          i = static_cast<std::size_t>(-1);  // scan the new chunk
          data = in_.data();
          continue;
        }
        if (data[i + 1] == 0x8b && data[i + 2] == 0x08) {
          in_pos_ = i;
          return;
        }
      }
      in_pos_ = in_len_;
    }
  }

  // WarcRecord::offset for the byte at position `pos` of the stream.
  std::uint64_t offset_of(std::uint64_t pos) {
    if (!gzip_) return pos;
    while (members_.size() > 1 && members_[1].first <= pos)
      members_.pop_front();
    return members_.empty() ? 0 : members_.front().second;
  }

 private:
  // Makes input bytes available; false at the end of the file.
  bool refill() {
    if (in_pos_ < in_len_) return true;
    in_base_ += in_len_;
    in_pos_ = 0;
    in_len_ = std::fread(in_.data(), 1, in_.size(), file_);
    if (in_len_ == 0 && std::ferror(file_))
      throw std::runtime_error("cannot read " + name_ + ": " +
                               std::strerror(errno));
    return in_len_ > 0;
  }

  std::FILE* file_;
  std::string name_;
  std::vector<unsigned char> in_;
  std::size_t in_pos_ = 0, in_len_ = 0;
  std::uint64_t in_base_ = 0;  // the file offset of in_[0]
  bool gzip_ = false;
  z_stream z_{};
  bool in_member_ = false;
  std::uint64_t member_start_ = 0, resync_from_ = 0, out_total_ = 0;
  // (stream position, file offset) of the members started and not passed.
  std::deque<std::pair<std::uint64_t, std::uint64_t>> members_;
  std::string broken_;
};

std::string_view WarcRecord::field(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (equal_ignoring_case(key, name)) return value;
  }
  return {};
}

std::string WarcRecord::where(std::string_view file) const {
  return std::string(file) + ", record " + std::to_string(number) +
         " at byte " + std::to_string(offset);
}

WarcRecordReader::WarcRecordReader(const std::string& path,
                                   std::size_t max_block)
    : file_(std::fopen(path.c_str(), "rb")), max_block_(max_block) {
  if (file_ == nullptr) {
    throw std::runtime_error("cannot open " + path + ": " +
                             std::strerror(errno));
  }
  try {
    input_ = std::make_unique<WarcByteInput>(file_, path);
  } catch (...) {
    std::fclose(file_);
    throw;
  }
}

std::uint64_t WarcRecordReader::file_offset() const {
  return input_->file_offset();
}

WarcRecordReader::~WarcRecordReader() {
  input_.reset();
  std::fclose(file_);
}

bool WarcRecordReader::fill() {
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ >= kChunk) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[kChunk];
  std::size_t n = input_->read(chunk, sizeof chunk);
  if (n == 0) return false;
  buffer_.append(chunk, n);
  delivered_ += n;
  return true;
}

bool WarcRecordReader::read_raw_line(std::string& raw, std::size_t max) {
  raw.clear();
  while (raw.size() < max) {
    if (pos_ == buffer_.size() && !fill()) break;
    const char* start = buffer_.data() + pos_;
    std::size_t scan = std::min(buffer_.size() - pos_, max - raw.size());
    const void* newline = std::memchr(start, '\n', scan);
    std::size_t len =
        newline ? static_cast<const char*>(newline) - start + 1 : scan;
    raw.append(start, len);
    pos_ += len;
    if (newline) break;
  }
  if (!raw.empty()) line_start_ = raw.back() == '\n';
  return !raw.empty();
}

std::size_t WarcRecordReader::read_bytes(std::string* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    if (pos_ == buffer_.size() && !fill()) break;
    std::size_t k = std::min(n - got, buffer_.size() - pos_);
    if (out) out->append(buffer_, pos_, k);
    pos_ += k;
    got += k;
    // (fill() may empty the buffer before it finds the end of input.)
    line_start_ = buffer_[pos_ - 1] == '\n';
  }
  return got;
}

void WarcRecordReader::unread(std::string_view bytes) {
  buffer_ = std::string(bytes) + buffer_.substr(pos_);
  pos_ = 0;
  line_start_ = true;
}

void WarcRecordReader::skip_broken_member() {
  input_->resume();
  buffer_.clear();
  pos_ = 0;
  line_start_ = true;
}

void WarcRecordReader::resync() {
  std::string raw;
  while (true) {
    bool at_start = line_start_;
    if (!read_raw_line(raw, kMaxLine)) return;
    if (at_start && is_version_line(trim(strip_eol(raw)))) {
      unread(raw);
      return;
    }
  }
}

bool WarcRecordReader::next(WarcRecord& record) {
  record = WarcRecord{};
  std::string raw;
  bool found = false;
  // Blank lines between records belong to none.
  while (read_raw_line(raw, kMaxLine)) {
    if (!trim(raw).empty()) {
      found = true;
      break;
    }
  }
  if (!found) {
    if (input_->broken().empty()) return false;
    // Corrupt gzip data between records.
    record.number = ++records_;
    record.offset = input_->offset_of(consumed());
    record.problem = input_->broken();
    skip_broken_member();
    return true;
  }
  unread(raw);
  record.number = ++records_;
  read_record(record);
  if (!record.problem.empty()) {
    record.block.clear();
    if (!input_->broken().empty()) {
      // The record ran into corrupt gzip data: that is why it is broken;
      // what is left of its member is not read.
      record.problem = input_->broken();
      skip_broken_member();
    }
  }
  return true;
}

void WarcRecordReader::read_record(WarcRecord& r) {
  const std::uint64_t start = consumed();
  std::string raw;
  read_raw_line(raw, kMaxLine);
  r.offset = input_->offset_of(start);
  std::string_view line = trim(strip_eol(raw));
  if (!is_version_line(line)) {
    r.problem = "no WARC version line where a record starts (it reads " +
                quote_start(line) + ")";
    resync();
    return;
  }
  r.version = std::string(line);

  std::size_t header_bytes = 0;
  while (true) {
    if (!read_raw_line(raw, kMaxLine)) {
      r.problem = "the file ends inside the record's header";
      return;
    }
    header_bytes += raw.size();
    if (raw.back() != '\n' && raw.size() >= kMaxLine) {
      r.problem = "a header line longer than 64 KB";
      resync();
      return;
    }
    if (header_bytes > kMaxHeader) {
      r.problem = "a header longer than 1 MB";
      resync();
      return;
    }
    line = strip_eol(raw);
    if (trim(line).empty()) break;
    if (is_version_line(trim(line))) {
      // The next record, before this one's header ended.
      unread(raw);
      r.problem =
          "the header does not end (no blank line before the next "
          "record)";
      return;
    }
    if (line[0] == ' ' || line[0] == '\t') {  // a folded line
      if (r.fields.empty()) {
        r.problem = "bad header line " + quote_start(line);
        resync();
        return;
      }
      r.fields.back().second += " ";
      r.fields.back().second += trim(line);
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos ||
        trim(line.substr(0, colon)).empty()) {
      r.problem = "bad header line " + quote_start(line);
      resync();
      return;
    }
    r.fields.emplace_back(std::string(trim(line.substr(0, colon))),
                          std::string(trim(line.substr(colon + 1))));
  }

  std::string_view length_text = r.field("Content-Length");
  std::uint64_t length = 0;
  bool digits = !length_text.empty() && length_text.size() <= 18 &&
                std::all_of(length_text.begin(), length_text.end(),
                            [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    r.problem = length_text.empty()
                    ? "no Content-Length"
                    : "bad Content-Length " + quote_start(length_text);
    resync();
    return;
  }
  for (char c : length_text) length = length * 10 + (c - '0');
  const bool too_big = length > max_block_;
  if (!too_big) r.block.reserve(length);
  std::size_t got = read_bytes(too_big ? nullptr : &r.block, length);
  if (got < length) {
    r.problem = "truncated: the file ends " + std::to_string(got) +
                " bytes into a block of " + std::to_string(length);
    return;
  }
  // Two CRLF end the record (LF LF and the end of the file are let pass).
  std::string end;
  std::size_t n = read_bytes(&end, 4);
  if (end == "\r\n\r\n" || n == 0 || end == "\r\n") {
    // as it should be
  } else if (end.starts_with("\n\n")) {
    unread(end.substr(2));
  } else {
    r.problem = "Content-Length " + std::to_string(length) +
                " does not end the record (no blank line after the block)";
    // A Content-Length too long swallowed the next record's start: read
    // on from there.
    std::string tail = r.block + end;
    std::size_t next = tail.find("\nWARC/");
    if (!too_big && next != std::string::npos) {
      unread(std::string_view(tail).substr(next + 1));
      return;
    }
    unread(end);
    resync();
    return;
  }
  if (too_big) {
    r.problem = "a block of " + std::to_string(length) +
                " bytes, over the limit of " +
                std::to_string(max_block_ >> 20) + " MB";
  }
}

}  // namespace newsdex
