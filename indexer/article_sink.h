// The interface between corpus readers and whatever consumes articles: the
// index writer in production, a vector in tests.
#ifndef NEWSDEX_INDEXER_ARTICLE_SINK_H_
#define NEWSDEX_INDEXER_ARTICLE_SINK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/document_record.h"

namespace newsdex {

// Where a record came from: a file, and a line for line-oriented input
// (0 for a whole-file record such as a .txt page).
struct RecordOrigin {
  std::string file;
  std::size_t line = 0;

  std::string to_string() const {
    return line == 0 ? file : file + ":" + std::to_string(line);
  }
};

// Receives what a reader finds. Readers call article() for each good
// record and bad_record() for each record they skip; they stop early when
// stop_requested() turns true.
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  virtual void article(Article article, const RecordOrigin& origin) = 0;
  virtual void bad_record(const RecordOrigin& origin, std::string reason) = 0;
  // Something is wrong with a record that is still indexed (a date that
  // cannot be read: the article is indexed without one). Called before
  // article() for that record.
  virtual void date_warning(const RecordOrigin& origin, std::string reason) = 0;
  // A record that is indexed although it lacks what it should have (a page
  // with a title and no article text: an index page, a login wall): told
  // and counted. Called before article() for that record.
  virtual void flagged(const RecordOrigin& /*origin*/, std::string /*reason*/) {
  }
  // A file in a folder that no reader takes (a .pdf, a README): named in
  // the run's summary, so that nothing is left out silently.
  virtual void file_not_read(const RecordOrigin& /*origin*/,
                             std::string /*reason*/) {}
  // A record a reader leaves out by rule although nothing is wrong with it
  // (a web archive's redirect, image or duplicate capture): counted by
  // `reason` in the run's summary (kWarcSkipReasons, warc_reader.h).
  virtual void passed_over(const RecordOrigin& /*origin*/,
                           std::string_view /*reason*/) {}
  // `bytes` more bytes of input files were read (as stored: a compressed
  // file's compressed bytes) and `files` more files finished, for the
  // run's progress line.
  virtual void read_progress(std::uint64_t /*bytes*/, std::size_t /*files*/) {}
  virtual bool stop_requested() const { return false; }
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_ARTICLE_SINK_H_
