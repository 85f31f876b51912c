// What newsdex-index tells the user: warnings and progress on stderr as a
// run goes (an IndexReporter), and the run's summary at the end.
#ifndef NEWSDEX_INDEXER_INDEX_REPORT_H_
#define NEWSDEX_INDEXER_INDEX_REPORT_H_

#include <ostream>
#include <string>

#include "indexer/index_run.h"

namespace newsdex {

// Warnings, each one line prefixed with the program's name, on `err`;
// progress ("N records read", redrawn with \r) only when `show_progress`
// (stderr is a terminal).
class StreamReporter : public IndexReporter {
 public:
  StreamReporter(std::ostream& err, bool show_progress)
      : err_(err), progress_(show_progress) {}
  void skipped(const RecordProblem& r) override;
  void undated(const RecordProblem& r) override;
  void table_warning(const std::string& message) override;
  void notice(const std::string& message) override;
  void progress(const IndexSummary& s) override;
  // Erases the progress line, if one is drawn.
  void clear_progress();

 private:
  std::ostream& err_;
  bool progress_;
  bool drawn_ = false;
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
