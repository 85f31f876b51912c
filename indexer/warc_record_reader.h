// Reads the records of a web archive (WARC/1.0 and WARC/1.1, ISO 28500):
// a version line, named fields, a blank line, a block of Content-Length
// bytes and two CRLF, as crawlers (Heritrix, wget --warc, Browsertrix,
// Common Crawl) write them, plain or as a series of gzip members.
#ifndef NEWSDEX_INDEXER_WARC_RECORD_READER_H_
#define NEWSDEX_INDEXER_WARC_RECORD_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex {

// The largest record block read into memory: a bigger record is skipped
// (read past, not kept) and reported.
inline constexpr std::size_t kMaxWarcBlockBytes = std::size_t{50} << 20;

struct WarcRecord {
  std::size_t number = 0;  // 1-based, in file order
  // Where the record starts: its byte in a plain file; in a gzip file, the
  // byte its gzip member starts at (what CDX indexes give as the offset).
  std::uint64_t offset = 0;
  std::string version;  // "WARC/1.0", "WARC/1.1"
  // The named fields in file order, names as written.
  std::vector<std::pair<std::string, std::string>> fields;
  std::string block;  // the Content-Length bytes
  // Non-empty when the record is broken (a bad header, a truncated block,
  // a Content-Length the record does not end at, corrupt gzip data, a
  // block over the limit): why. `block` is then empty.
  std::string problem;

  // The value of field `name` (case-insensitive), "" when absent.
  std::string_view field(std::string_view name) const;
  // "FILE, record N at byte OFFSET", for messages.
  std::string where(std::string_view file) const;
};

class WarcByteInput;

// Reads one archive record by record, with bounded memory. Gzip is told
// by the file's first bytes, not its name. A broken record comes back with
// its `problem` set, and reading goes on at the next record: the next
// line that starts with "WARC/" (and, in a gzip file, the next gzip member
// after corrupt data). Not thread-safe.
class WarcRecordReader {
 public:
  // Opens `path`; throws std::runtime_error naming it when it cannot.
  explicit WarcRecordReader(const std::string& path,
                            std::size_t max_block = kMaxWarcBlockBytes);
  ~WarcRecordReader();
  WarcRecordReader(const WarcRecordReader&) = delete;
  WarcRecordReader& operator=(const WarcRecordReader&) = delete;

  // Reads the next record into `record`; false at the end of the file.
  // Throws std::runtime_error on a read error of the file itself.
  bool next(WarcRecord& record);

  // How far into the file (as stored) reading has come.
  std::uint64_t file_offset() const;

 private:
  bool fill();
  // One line with its terminator (at most `max` bytes: a longer line
  // comes in pieces); false at the end of input.
  bool read_raw_line(std::string& raw, std::size_t max);
  // Up to `n` bytes into `out` (or dropped when `out` is null); returns
  // how many there were.
  std::size_t read_bytes(std::string* out, std::size_t n);
  // Puts consumed bytes back in front of what is still to be read.
  void unread(std::string_view bytes);
  // Skips to the next line that starts with "WARC/".
  void resync();
  // Drops what is buffered and reads on after corrupt gzip data.
  void skip_broken_member();
  std::uint64_t consumed() const {
    return delivered_ - (buffer_.size() - pos_);
  }
  // Reads one record's header and block; sets record.problem when broken.
  void read_record(WarcRecord& record);

  std::FILE* file_;
  std::unique_ptr<WarcByteInput> input_;
  std::size_t max_block_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::uint64_t delivered_ = 0;  // bytes the input has given
  bool line_start_ = true;       // the next byte starts a line
  std::size_t records_ = 0;
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_WARC_RECORD_READER_H_
