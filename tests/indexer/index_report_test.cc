// Tests for indexer/index_report.cc: warnings summarised by kind,
// --quiet and --verbose, and the progress line with its ETA.
#include "indexer/index_report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

namespace newsdex {

namespace {

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  StreamReporter::Clock function() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("warning kinds: numbers and quoted text do not make new kinds") {
  CHECK(warning_kind("invalid UTF-8 at byte 257") == "invalid UTF-8 at byte N");
  CHECK(warning_kind("unparseable date '2025-02-30'") ==
        "unparseable date '\u2026'");
  CHECK(warning_kind("empty text") == "empty text");
  CHECK(warning_kind("it's") == "it's");
  CHECK(warning_kind("date 2999-01-01 is in the future") ==
        "date N-N-N is in the future");
}

TEST_CASE("warnings: the first of each kind named, the rest counted") {
  std::ostringstream err;
  StreamReporter reporter(err, false);
  for (int i = 0; i < 5; ++i) {
    reporter.skipped({"feed.jsonl:" + std::to_string(i + 1), "empty text"});
  }
  reporter.skipped({"a.txt", "invalid UTF-8 at byte 12"});
  reporter.undated({"feed.jsonl:9", "unparseable date 'x'"});
  reporter.finish();
  CHECK(err.str() ==
        "newsdex-index: warning: feed.jsonl:1: empty text; skipped\n"
        "newsdex-index: warning: feed.jsonl:2: empty text; skipped\n"
        "newsdex-index: warning: feed.jsonl:3: empty text; skipped\n"
        "newsdex-index: warning: a.txt: invalid UTF-8 at byte 12; skipped\n"
        "newsdex-index: warning: feed.jsonl:9: unparseable date 'x'; indexed "
        "without a date\n"
        "newsdex-index: warning: 5 records skipped: empty text (3 named "
        "above; --verbose names every one)\n");
}

TEST_CASE("warnings: --verbose names every one, --quiet none") {
  std::ostringstream verbose_err, quiet_err;
  StreamReporter verbose(verbose_err, false, Verbosity::kVerbose);
  StreamReporter quiet(quiet_err, true, Verbosity::kQuiet);
  for (int i = 0; i < 5; ++i) {
    verbose.skipped({"f:" + std::to_string(i), "empty text"});
    quiet.skipped({"f:" + std::to_string(i), "empty text"});
  }
  quiet.notice("removed leftovers");
  quiet.table_warning("sources.tsv:3: no name");
  IndexSummary s;
  s.added = 16;
  quiet.progress(s);
  verbose.finish();
  quiet.finish();
  std::string v = verbose_err.str();
  CHECK(std::count(v.begin(), v.end(), '\n') == 5);
  CHECK(v.find("records skipped") == std::string::npos);
  CHECK(quiet_err.str().empty());
}

TEST_CASE("progress: records read, or done of total with an ETA") {
  FakeClock clock;
  std::ostringstream err;
  StreamReporter reporter(err, true, Verbosity::kNormal, clock.function());
  IndexSummary s;
  s.added = 32;
  reporter.progress(s);
  CHECK(err.str() == "\r\033[Knewsdex-index: 32 records read");
  // Sized inputs: files and bytes done of their totals; an ETA once the
  // run has gone on long enough to tell.
  s.input_files = 10;
  s.input_bytes = 40'000'000;
  s.files_read = 5;
  s.bytes_read = 10'000'000;
  s.added = 2000;
  clock.now += std::chrono::milliseconds(100);
  reporter.progress(s);  // too soon after the last: not drawn
  CHECK(err.str() == "\r\033[Knewsdex-index: 32 records read");
  clock.now += std::chrono::seconds(30);
  err.str("");
  reporter.progress(s);
  // A quarter of the bytes in 30.1 s: about 90 s to go.
  CHECK(err.str() ==
        "\r\033[Knewsdex-index: 5/10 files, 10.0/40.0 MB (25%), 2000 records, "
        "ETA 1:30");
  err.str("");
  reporter.clear_progress();
  CHECK(err.str() == "\r\033[K");
}

}  // namespace newsdex
