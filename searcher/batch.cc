// Batch mode on top of Searcher and the shared option names.
#include "searcher/batch.h"

#include <chrono>
#include <cmath>

#include "common/json_parse.h"
#include "common/json_text.h"
#include "common/text_utf8.h"
#include "searcher/request_options.h"

namespace newsdex {
namespace {

// Builds the request for one batch line; returns "" or what is wrong.
std::string request_for_line(const std::string& line,
                             const SearchRequest& defaults,
                             SearchRequest& request, nlohmann::json& tag) {
  request = defaults;
  std::string_view text = trim_space(line);
  if (text.front() != '{') {
    request.query = std::string(text);
    return "";
  }
  std::string error;
  auto parsed = parse_json_text(text, error);
  if (!parsed) return error;
  const nlohmann::json& object = *parsed;
  if (!object.is_object()) return "not a JSON object";
  // The id first, so that an error in any option is tagged with it.
  if (auto id = object.find("id"); id != object.end()) {
    tag["query_id"] = *id;
  }
  for (const auto& [key, value] : object.items()) {
    if (key == "id") continue;
    if (std::string error = apply_request_option(request, key, value);
        !error.empty()) {
      return error;
    }
  }
  return "";
}

// `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD,
// so that a line with a bad byte can still be read for its id.
std::string with_replacement_characters(std::string_view text) {
  std::string out;
  for (std::size_t bad = find_invalid_utf8(text); bad != std::string::npos;
       bad = find_invalid_utf8(text)) {
    out.append(text.substr(0, bad));
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
  out.append(text);
  return out;
}

}  // namespace

// How often a query is tried again on a database that writers keep
// committing to.
constexpr int kModifiedRetries = 5;

// Runs the search; when a writer committed over the revision being read,
// moves to the latest one and tries again, so no query of a long batch
// fails because the index was updated.
SearchResponse search_latest(Searcher& searcher, const SearchRequest& request) {
  for (int attempt = 0;; ++attempt) {
    try {
      return searcher.search(request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kModifiedRetries) {
        SearchResponse failed;
        failed.ok = false;
        failed.error = "the database kept changing: " + e.get_msg();
        failed.offending = request.query;
        return failed;
      }
      searcher.reopen();
    }
  }
}

BatchSummary run_batch(Searcher& searcher, const SearchRequest& defaults,
                       const BatchOptions& options, std::istream& in,
                       std::ostream& out) {
  auto start = std::chrono::steady_clock::now();
  BatchSummary summary;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (trim_space(line).empty()) continue;
    ++summary.queries;
    nlohmann::json tag = {{"query_line", line_number}};
    SearchRequest request;
    // A line that is not valid UTF-8 is an error, tagged with its id.
    std::size_t bad = find_invalid_utf8(line);
    std::string error = request_for_line(
        bad == std::string::npos ? line : with_replacement_characters(line),
        defaults, request, tag);
    if (bad != std::string::npos) {
      error = "invalid UTF-8 at byte " + std::to_string(bad);
    }
    if (options.count_only) request.limit = 0;  // no hits to fetch
    SearchResponse response;
    if (error.empty()) {
      response = search_latest(searcher, request);
      if (!response.ok) {
        error = response.error + " in '" + response.offending + "'";
      }
    }
    if (!error.empty()) {
      ++summary.errors;
      nlohmann::json e = tag;
      e["type"] = "error";
      e["data"] = {{"message", error}};
      out << json_text(e) << '\n';
      continue;
    }
    write_json_lines(request, response, options.highlight, out, tag,
                     options.count_only);
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  double qps = summary.seconds > 0
                   ? static_cast<double>(summary.queries) / summary.seconds
                   : 0;
  out << json_text({{"type", "batch_summary"},
                    {"data",
                     {{"version", kJsonFormatVersion},
                      {"queries", summary.queries},
                      {"errors", summary.errors},
                      {"seconds", std::round(summary.seconds * 1000) / 1000},
                      {"queries_per_second", std::round(qps * 10) / 10}}}})
      << '\n';
  return summary;
}

}  // namespace newsdex
