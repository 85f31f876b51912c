// Reads a file line by line, gzip-compressed or not (zlib reads plain files
// transparently), with no limit on line length.
#ifndef NEWSDEX_INDEXER_LINE_READER_H_
#define NEWSDEX_INDEXER_LINE_READER_H_

#include <zlib.h>

#include <cstdint>
#include <string>

namespace newsdex {

class LineReader {
 public:
  // Opens `path`; throws std::runtime_error naming the file on failure.
  explicit LineReader(const std::string& path);
  // Reads from an already open file descriptor (standard input); `name` is
  // used in messages. Does not close `fd`.
  LineReader(int fd, std::string name);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into `line` without its newline (and without a
  // trailing '\r'); a NUL byte is kept in the line like any other byte
  // (the record is then bad, not joined to the next). Returns false at the
  // end of input; throws
  // std::runtime_error on a read error (a corrupt gzip stream).
  bool next(std::string& line);

  // 1-based number of the line last returned by next().
  std::size_t line_number() const { return line_number_; }

  // How far into the file (as stored: compressed bytes of a gzip file)
  // reading has come.
  std::uint64_t file_offset() const;

 private:
  // Refills buffer_ from the file; false at the end of input.
  bool fill();

  gzFile file_;
  std::string name_;
  std::size_t line_number_ = 0;
  // Bytes read but not yet returned: buffer_[pos_, end_).
  std::string buffer_;
  std::size_t pos_ = 0, end_ = 0;
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_LINE_READER_H_
