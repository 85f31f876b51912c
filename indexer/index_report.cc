// newsdex-index's warnings, progress and summary.
#include "indexer/index_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/json_text.h"
#include "indexer/html_page_reader.h"
#include "indexer/warc_reader.h"

namespace newsdex {

std::string warning_kind(std::string_view reason) {
  std::string kind;
  for (std::size_t i = 0; i < reason.size(); ++i) {
    char c = reason[i];
    auto letter = [&](std::size_t at) {
      char b = reason[at];
      return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    };
    // Digits in a name ("UTF-8", "windows-1251") stay.
    bool in_name = i > 0 && (letter(i - 1) ||
                             (reason[i - 1] == '-' && i > 1 && letter(i - 2)));
    if (c >= '0' && c <= '9' && !in_name) {
      while (i + 1 < reason.size() && reason[i + 1] >= '0' &&
             reason[i + 1] <= '9')
        ++i;
      kind += 'N';
    } else if (c == '\'' &&
               reason.find('\'', i + 1) != std::string_view::npos) {
      i = reason.find('\'', i + 1);
      kind += "'\u2026'";
    } else {
      kind += c;
    }
  }
  return kind;
}

StreamReporter::StreamReporter(std::ostream& err, bool show_progress,
                               Verbosity verbosity, Clock clock)
    : err_(err),
      progress_(show_progress && verbosity != Verbosity::kQuiet),
      verbosity_(verbosity),
      clock_(std::move(clock)),
      start_(clock_()) {}

bool StreamReporter::count(const char* what, const std::string& reason) {
  if (verbosity_ == Verbosity::kQuiet) return false;
  std::string kind = warning_kind(reason);
  auto it = std::find_if(kinds_.begin(), kinds_.end(), [&](const Kind& k) {
    return std::string_view(k.what) == what && k.kind == kind;
  });
  if (it == kinds_.end()) {
    kinds_.push_back({what, std::move(kind), 0});
    it = kinds_.end() - 1;
  }
  ++it->count;
  return verbosity_ == Verbosity::kVerbose ||
         it->count <= kWarningsShownPerKind;
}

void StreamReporter::skipped(const RecordProblem& r) {
  if (!count("skipped", r.reason)) return;
  clear_progress();
  err_ << "newsdex-index: warning: " << r.where << ": " << r.reason
       << "; skipped\n";
}

void StreamReporter::undated(const RecordProblem& r) {
  if (!count("indexed without a date", r.reason)) return;
  clear_progress();
  err_ << "newsdex-index: warning: " << r.where << ": " << r.reason
       << "; indexed without a date\n";
}

void StreamReporter::flagged(const RecordProblem& r) {
  const bool title_only = r.reason == kNoArticleText;
  if (!count(title_only ? "indexed with a title only" : "indexed", r.reason))
    return;
  clear_progress();
  err_ << "newsdex-index: warning: " << r.where << ": " << r.reason
       << (title_only ? "; indexed with its title only\n" : "; indexed\n");
}

void StreamReporter::table_warning(const std::string& message) {
  if (verbosity_ == Verbosity::kQuiet) return;
  clear_progress();
  err_ << "newsdex-index: warning: " << message << "; line ignored\n";
}

void StreamReporter::notice(const std::string& message) {
  if (verbosity_ == Verbosity::kQuiet) return;
  clear_progress();
  err_ << "newsdex-index: warning: " << message << '\n';
}

void StreamReporter::finish() {
  if (verbosity_ != Verbosity::kNormal) return;
  for (const Kind& k : kinds_) {
    if (k.count <= kWarningsShownPerKind) continue;
    clear_progress();
    err_ << "newsdex-index: warning: " << k.count << " records " << k.what
         << ": " << k.kind << " (" << kWarningsShownPerKind
         << " named above; --verbose names every one)\n";
  }
}

namespace {

// "0:42", "12:05", "1:02:03".
std::string clock_time(double seconds) {
  auto s = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600,
                  s / 60 % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
  return text;
}

}  // namespace

void StreamReporter::progress(const IndexSummary& s) {
  if (!progress_) return;
  auto now = clock_();
  if (drawn_ && now - drawn_at_ < std::chrono::milliseconds(200)) return;
  char line[256];
  if (s.input_files == 0) {
    std::snprintf(line, sizeof line, "%zu records read", s.records_seen());
  } else {
    // Bytes say more than files (one archive may hold every page).
    double done = s.input_bytes > 0
                      ? static_cast<double>(s.bytes_read) / s.input_bytes
                      : static_cast<double>(s.files_read) / s.input_files;
    done = std::min(done, 1.0);
    double elapsed = std::chrono::duration<double>(now - start_).count();
    std::string eta;
    if (elapsed >= 2 && done >= 0.01 && done < 1)
      eta = ", ETA " + clock_time(elapsed * (1 - done) / done);
    std::snprintf(line, sizeof line,
                  "%llu/%llu files, %.1f/%.1f MB (%.0f%%), %zu records%s",
                  static_cast<unsigned long long>(s.files_read),
                  static_cast<unsigned long long>(s.input_files),
                  s.bytes_read / 1e6, s.input_bytes / 1e6, done * 100,
                  s.records_seen(), eta.c_str());
  }
  err_ << "\r\033[Knewsdex-index: " << line << std::flush;
  drawn_ = true;
  drawn_at_ = now;
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

// Every reason a web archive record is passed over, with its count (0
// for the reasons not met), so the object always has the same keys.
nlohmann::json warc_skip_counts(const IndexSummary& s) {
  nlohmann::json out = nlohmann::json::object();
  for (std::string_view reason : kWarcSkipReasons) {
    auto it = s.warc_skipped.find(std::string(reason));
    out[std::string(reason)] = it == s.warc_skipped.end() ? 0 : it->second;
  }
  return out;
}

// "3 redirects, 1 not HTML, ..." in kWarcSkipReasons order.
std::string warc_skip_text(const IndexSummary& s) {
  struct Label {
    std::string_view reason;
    const char *one, *many;
  };
  static const Label kLabels[] = {
      {"not_response", "not a response", "not responses"},
      {"revisit", "revisit", "revisits"},
      {"redirect", "redirect", "redirects"},
      {"status", "other HTTP status than 200", "other HTTP status than 200"},
      {"not_html", "not HTML", "not HTML"},
      {"duplicate", "duplicate capture", "duplicate captures"}};
  std::string out;
  for (const Label& label : kLabels) {
    auto it = s.warc_skipped.find(std::string(label.reason));
    if (it == s.warc_skipped.end() || it->second == 0) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(it->second) + " " +
           (it->second == 1 ? label.one : label.many);
  }
  return out;
}

// " (2 without a date, 1 with a title only)", or "".
std::string undated_note(const IndexSummary& s) {
  std::string note;
  if (!s.undated.empty())
    note = std::to_string(s.undated.size()) + " without a date";
  if (!s.title_only.empty())
    note += (note.empty() ? "" : ", ") + std::to_string(s.title_only.size()) +
            " with a title only";
  return note.empty() ? "" : " (" + note + ")";
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
                           {"title_only", s.title_only.size()},
                           {"title_only_records", problems(s.title_only)},
                           {"not_read", s.not_read.size()},
                           {"not_read_files", problems(s.not_read)},
                           {"warc_skipped", warc_skip_counts(s)},
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
  std::string undated = undated_note(s);
  char line[512];
  std::snprintf(
      line, sizeof line,
      "%zu added, %zu updated, %zu unchanged%s, %zu skipped in %.2f s; "
      "%zu documents in the database%s\n",
      s.added, s.updated, s.unchanged, undated.c_str(), s.skipped.size(),
      s.seconds, s.document_count, s.interrupted ? " (interrupted)" : "");
  out << line;
  print_input_notes(s, out);
}

void print_records_summary(const IndexSummary& s, std::ostream& err) {
  std::string undated = undated_note(s);
  char line[256];
  std::snprintf(line, sizeof line,
                "newsdex-index: %zu records printed%s, %zu skipped in %.2f "
                "s%s\n",
                s.added + s.updated, undated.c_str(), s.skipped.size(),
                s.seconds, s.interrupted ? " (interrupted)" : "");
  err << line;
  print_input_notes(s, err);
}

void print_input_notes(const IndexSummary& s, std::ostream& out) {
  if (!s.not_read.empty()) {
    // Files no reader takes are named, a few of them here, all with --json.
    std::string names;
    for (std::size_t i = 0; i < s.not_read.size() && i < 5; ++i)
      names += (i ? ", " : "") + s.not_read[i].where;
    if (s.not_read.size() > 5)
      names += " and " + std::to_string(s.not_read.size() - 5) + " more";
    out << s.not_read.size()
        << " files not read (not .txt, .html, .htm, .html.gz, .warc, "
           ".warc.gz or JSON Lines): "
        << names << '\n';
  }
  if (std::string skips = warc_skip_text(s); !skips.empty()) {
    out << "web archive records not indexed: " << skips << '\n';
  }
}

}  // namespace newsdex
