// What newsdex-index tells the user: warnings and progress on stderr as a
// run goes (an IndexReporter), and the run's summary at the end.
#ifndef NEWSDEX_INDEXER_INDEX_REPORT_H_
#define NEWSDEX_INDEXER_INDEX_REPORT_H_

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/index_run.h"

namespace newsdex {

// How much newsdex-index says on stderr: --quiet (errors only), the
// default, --verbose (every warning).
enum class Verbosity { kQuiet, kNormal, kVerbose };

// Warnings about records of one kind shown one by one before the rest
// are only counted (without --verbose).
inline constexpr std::size_t kWarningsShownPerKind = 3;

// The kind of a warning's reason: its numbers as N and quoted text as
// '…', so that "invalid UTF-8 at byte 12" and "invalid UTF-8 at byte 257"
// are one kind.
std::string warning_kind(std::string_view reason);

// Warnings, each one line prefixed with the program's name, on `err`:
// of each kind of record warning (skipped, indexed without a date) the
// first kWarningsShownPerKind, the rest counted and told by finish();
// every one with kVerbose, none with kQuiet. Progress, redrawn with \r
// at most five times a second, only when `show_progress` (stderr is a
// terminal): "N records read", or with the inputs' size known "files
// done/total, MB done/total (percent), records, ETA". `clock` is the
// time progress and the ETA are measured by.
class StreamReporter : public IndexReporter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  StreamReporter(std::ostream& err, bool show_progress,
                 Verbosity verbosity = Verbosity::kNormal,
                 Clock clock = std::chrono::steady_clock::now);
  void skipped(const RecordProblem& r) override;
  void undated(const RecordProblem& r) override;
  void flagged(const RecordProblem& r) override;
  void table_warning(const std::string& message) override;
  void notice(const std::string& message) override;
  void progress(const IndexSummary& s) override;
  // Erases the progress line, if one is drawn.
  void clear_progress();
  // One line for each kind of warning some of which were only counted:
  // "194 records skipped: empty text (3 named above; --verbose names
  // every one)". Call once, at the end of the run.
  void finish();

 private:
  // Whether the warning is shown one by one.
  bool count(const char* what, const std::string& reason);

  std::ostream& err_;
  bool progress_;
  Verbosity verbosity_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_, drawn_at_;
  bool drawn_ = false;
  struct Kind {
    const char* what;  // "skipped", "indexed without a date"
    std::string kind;
    std::size_t count = 0;
  };
  std::vector<Kind> kinds_;  // in the order first met
};

// One warning per declared field some records lacked ("field category: 1
// of 6 records have no value for it").
void warn_lacking_fields(const IndexSummary& s, std::ostream& err);

// The summary: one line of text, or with `json` one {"type":"summary"}
// object (README: Indexing).
void print_summary(const IndexSummary& s, bool json, std::ostream& out);

// The summary of newsdex-index --print-records, for stderr: "N records
// printed, M skipped in S s", then print_input_notes().
void print_records_summary(const IndexSummary& s, std::ostream& err);

// The lines that name the files not read (the first five) and count the
// web archive records not indexed, when there are any.
void print_input_notes(const IndexSummary& s, std::ostream& out);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_REPORT_H_
