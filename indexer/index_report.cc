// newsdex-index's warnings, progress and summary.
#include "indexer/index_report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/json_text.h"

namespace newsdex {

void StreamReporter::skipped(const RecordProblem& r) {
  clear_progress();
  err_ << "newsdex-index: warning: " << r.where << ": " << r.reason
       << "; skipped\n";
}

void StreamReporter::undated(const RecordProblem& r) {
  clear_progress();
  err_ << "newsdex-index: warning: " << r.where << ": " << r.reason
       << "; indexed without a date\n";
}

void StreamReporter::table_warning(const std::string& message) {
  clear_progress();
  err_ << "newsdex-index: warning: " << message << "; line ignored\n";
}

void StreamReporter::notice(const std::string& message) {
  clear_progress();
  err_ << "newsdex-index: warning: " << message << '\n';
}

void StreamReporter::progress(const IndexSummary& s) {
  if (!progress_) return;
  err_ << "\rnewsdex-index: " << s.records_seen() << " records read"
       << std::flush;
  drawn_ = true;
}

void StreamReporter::clear_progress() {
  if (drawn_) err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

void warn_lacking_fields(const IndexSummary& s, std::ostream& err) {
  for (const auto& f : s.fields) {
    if (f.lacking == 0) continue;
    err << "newsdex-index: warning: field " << f.name << ": " << f.lacking
        << " of " << s.added + s.updated + s.unchanged
        << " records have no value for it\n";
  }
}

namespace {

nlohmann::json problems(const std::vector<RecordProblem>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : list) {
    out.push_back({{"where", r.where}, {"reason", r.reason}});
  }
  return out;
}

}  // namespace

void print_summary(const IndexSummary& s, bool json, std::ostream& out) {
  if (json) {
    nlohmann::json data = {{"version", 1},
                           {"added", s.added},
                           {"updated", s.updated},
                           {"unchanged", s.unchanged},
                           {"skipped", s.skipped.size()},
                           {"skipped_records", problems(s.skipped)},
                           {"undated", s.undated.size()},
                           {"undated_records", problems(s.undated)},
                           {"not_read", s.not_read.size()},
                           {"not_read_files", problems(s.not_read)},
                           {"documents", s.document_count},
                           {"language", s.language},
                           {"seconds", std::round(s.seconds * 1000) / 1000},
                           {"interrupted", s.interrupted}};
    if (!s.fields.empty()) {
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& f : s.fields) {
        fields.push_back(
            {{"name", f.name}, {"kind", f.kind}, {"lacking", f.lacking}});
      }
      data["fields"] = fields;
    }
    out << json_text({{"type", "summary"}, {"data", data}}) << '\n';
    return;
  }
  std::string undated;
  if (!s.undated.empty()) {
    undated = " (" + std::to_string(s.undated.size()) + " without a date)";
  }
  char line[512];
  std::snprintf(
      line, sizeof line,
      "%zu added, %zu updated, %zu unchanged%s, %zu skipped in %.2f s; "
      "%zu documents in the database%s\n",
      s.added, s.updated, s.unchanged, undated.c_str(), s.skipped.size(),
      s.seconds, s.document_count, s.interrupted ? " (interrupted)" : "");
  out << line;
  if (!s.not_read.empty()) {
    // Files no reader takes are named, a few of them here, all with --json.
    std::string names;
    for (std::size_t i = 0; i < s.not_read.size() && i < 5; ++i)
      names += (i ? ", " : "") + s.not_read[i].where;
    if (s.not_read.size() > 5)
      names += " and " + std::to_string(s.not_read.size() - 5) + " more";
    out << s.not_read.size()
        << " files not read (not .txt, .html, .htm, .html.gz or JSON Lines): "
        << names << '\n';
  }
}

}  // namespace newsdex
