// One indexing run: read every input, write the articles, commit once, and
// report what happened. This is the whole of newsdex-index minus its
// command line.
#ifndef NEWSDEX_INDEXER_INDEX_RUN_H_
#define NEWSDEX_INDEXER_INDEX_RUN_H_

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsdex {

class ArticleSink;

// The most threads (--jobs) and shards (--shards) a run takes: more is a
// mistake (each shard has a writer thread and its own files), not a wish.
inline constexpr unsigned kMaxJobs = 256;
inline constexpr unsigned kMaxShards = 256;

struct IndexOptions {
  std::string db_path;
  // Folders, .txt pages, .jsonl/.jsonl.gz files, or "-" for standard input.
  std::vector<std::string> inputs;
  // Records the caller has in hand (a program's or a test's articles),
  // indexed before `inputs`: called once, from the run's reading thread,
  // with the sink the readers write to (indexer/article_sink.h).
  std::function<void(ArticleSink&)> records;
  // Snowball language or "none"; nullopt keeps the database's language
  // (english for a new database).
  std::optional<std::string> language;
  // The user's source tables (TSV files, see common/source_normalizer.h),
  // added to the built-in one and kept in the database for later runs and
  // for the searcher.
  std::vector<std::string> source_tables;
  // The user's actor tables (TSV, see common/actors.h), kept likewise.
  std::vector<std::string> actor_tables;
  // Synonym files ("Kyiv = Kiev", see common/synonyms.h), kept likewise
  // for every search of the database.
  std::vector<std::string> synonym_files;
  // Record fields to index as exact filters and facets ("NAME" or
  // "NAME:KIND", see FieldTable::declare()), added to those the database
  // declares already and kept in it.
  std::vector<std::string> fields;
  // Clean saved pages (.txt): keep the article, drop the page around it.
  bool clean = true;
  // Extract actors (people and organisations) for the actor facet.
  bool actors = true;
  // Threads preparing articles (cleaning, tokenising, actors,
  // fingerprints); with 2 or more, a new database is built as that many
  // shards in parallel and merged into one compacted database at the end.
  // The command line takes 1 to kMaxJobs.
  unsigned jobs = 1;
  // Keep N shards plus a stub file (folder db_path/XAPIANDB) instead of one
  // database; 0 keeps the database's layout (one database unless db_path
  // is already a sharded folder). The command line takes 2 to kMaxShards.
  unsigned shards = 0;
  // Commit each database after this many bytes of article text, so memory
  // stays bounded whatever the corpus size. Measured on 2,500 long OCR pages
  // (chronam1916, 58 MB): 64 MB took 45 s and 1.07 GB, 16 MB 37 s and
  // 410 MB, 4 MB 41 s and 198 MB (Xapian's buffered postings grow faster
  // than the text).
  std::size_t commit_bytes = 16u << 20;
  // Where "-" reads from.
  int stdin_fd = 0;
  // Size the inputs (files and bytes) before reading them, so progress
  // can say how far the run has come (a directory walk: worth it only
  // when progress is shown).
  bool measure_inputs = false;
  // Recorded in the database as the time of the last update.
  std::chrono::system_clock::time_point now;
};

// A record that was skipped, or indexed without its date.
struct RecordProblem {
  std::string where;   // "file" or "file:line"
  std::string reason;  // "invalid UTF-8 at byte 12", ...
};

struct IndexSummary {
  std::size_t added = 0, updated = 0, unchanged = 0;
  std::vector<RecordProblem> skipped;
  // Indexed, but without the date they gave (unreadable, impossible or in
  // the future): counted in added/updated/unchanged too.
  std::vector<RecordProblem> undated;
  // Files in the folders given that no reader takes (not counted above).
  std::vector<RecordProblem> not_read;
  // Indexed with a title and no text (a page with no article text: an
  // index page, a login wall): counted in added/updated/unchanged too.
  std::vector<RecordProblem> title_only;
  // Web archive records that give no article by rule, by reason
  // (kWarcSkipReasons: redirects, non-HTML, duplicates, ...).
  std::map<std::string, std::size_t> warc_skipped;
  // The inputs' size (measure_inputs; 0 when not measured or read from
  // standard input) and how much of it has been read: files finished and
  // bytes as stored. Updated as the run goes, for progress().
  std::uint64_t input_files = 0, input_bytes = 0;
  std::uint64_t files_read = 0, bytes_read = 0;
  std::size_t document_count = 0;  // documents in the database afterwards
  double seconds = 0;
  std::string language;
  bool interrupted = false;
  // Per declared field (in declaration order): its name, kind, and how
  // many records of this run had no value for it.
  struct FieldCount {
    std::string name, kind;
    std::size_t lacking = 0;
  };
  std::vector<FieldCount> fields;

  std::size_t records_seen() const {
    return added + updated + unchanged + skipped.size();
  }
};

// Receives what a run has to say while it runs. Implementations decide
// where it goes; the library never prints.
class IndexReporter {
 public:
  virtual ~IndexReporter() = default;
  // A record was skipped; called as soon as it is found.
  virtual void skipped(const RecordProblem& record) = 0;
  // A record is indexed without its date; called as soon as it is found.
  virtual void undated(const RecordProblem& record) = 0;
  // A record is indexed although something is wrong with it
  // (ArticleSink::flagged(): with its title only, IndexSummary::title_only;
  // a page read in another charset than the unknown one it declared).
  virtual void flagged(const RecordProblem& /*record*/) {}
  // A line of a source table that was ignored.
  virtual void table_warning(const std::string& message) = 0;
  // Called every few thousand records with the counts so far.
  virtual void progress(const IndexSummary& /*so_far*/) {}
  // Something the user should know that is not about one record (the
  // leftovers of a failed run were removed).
  virtual void notice(const std::string& /*message*/) {}
};

// An error that stops the run before or while it writes: bad options,
// an unreadable input, a database that cannot be opened.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks the inputs and --field declarations before anything is opened:
// each input exists and is a folder, a page, a web archive or a JSON
// Lines file (or "-"). Throws IndexError naming the first that is not.
void check_inputs(const IndexOptions& options);

// Throws IndexError when --language names no Snowball language (or
// "none"), listing those there are.
void check_language(const IndexOptions& options);

// Runs the indexer. The run holds a lock on the database path (RunLock,
// indexer/run_lock.h) from before it opens anything to the end of its
// merge; a second run on the same path throws IndexError. A new database
// is built in "<db>.shards" and merged into place: what a failed or killed
// run left there is removed first (with a notice), never merged, and a
// run that fails removes its own. Whatever was in the database before stays
// there unless replaced by a newer version of the same article; what was
// written is committed once at the end, also when `stop` turns true (the
// summary then says interrupted). Throws IndexError or Xapian::Error on
// failure; the articles written before the failure may be kept, and nothing
// that was in the database before is removed.
IndexSummary run_index(const IndexOptions& options, IndexReporter& reporter,
                       const std::atomic<bool>& stop);

// The same run (the same checks, reading, preparing, metadata and commit)
// into `db`, a database the caller holds (an in-memory one: tests), one
// writer in the calling thread; options.db_path, shards and commit_bytes
// are not used, and options.jobs must be 1 (else IndexError). `spelling`
// keeps the spelling data (in-memory databases have none). No lock is
// taken, and a failed run leaves `db` as the failure left it.
IndexSummary index_database(Xapian::WritableDatabase& db,
                            const IndexOptions& options, bool spelling,
                            IndexReporter& reporter,
                            const std::atomic<bool>& stop);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_RUN_H_
