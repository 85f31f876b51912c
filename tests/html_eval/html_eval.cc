// Runs the HTML article extractor over saved pages, for scripts/html-quality:
//
//   newsdex_html_eval text PAGES_DIR OUT.jsonl
//     Every PAGES_DIR/KEY.html.gz: writes {"id": KEY, "text": ...} per line
//     (what ../shared/html-extraction/score.py reads).
//
//   newsdex_html_eval dates PAGES_DIR GROUND_TRUTH.jsonl OUT.jsonl [--no-url]
//     Every page the ground truth lists: writes {"id": FILE, "date":
//     "YYYY-MM-DD" or null} (../shared/html-dates/score.py). The page's URL
//     from the ground truth is given to the extractor, as a WARC record's
//     target URI would be, unless --no-url.
//
//   newsdex_html_eval one PAGE.html[.gz] [URL]
//     What the extractor finds in one page, as JSON (for looking into a
//     page's result).
//
//   newsdex_html_eval speed PAGES_DIR ROUNDS
//     Decoding, parsing, extraction and metadata of every page ROUNDS
//     times, timed: one JSON object {"pages", "rounds", "bytes", "wall_s",
//     "cpu_s", "chars"} on stdout (what
//     tests/html_eval/readability/speed.mjs prints for Readability.js).
//
// Progress and timing go to stderr.
#include <zlib.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/extract/html/html_article.h"

namespace fs = std::filesystem;
using newsdex::extract_html_article;
using newsdex::HtmlPageInput;

namespace {

std::string read_gzip(const fs::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path.string());
  std::string out;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

std::chrono::sys_days today() {
  return std::chrono::floor<std::chrono::days>(
      std::chrono::system_clock::now());
}

std::vector<fs::path> pages_in(const fs::path& dir) {
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().string().ends_with(".html.gz")) pages.push_back(e.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

int run_text(const fs::path& dir, const fs::path& out_path) {
  std::ofstream out(out_path);
  for (const fs::path& page : pages_in(dir)) {
    std::string bytes = read_gzip(page);
    std::string key = page.filename().string();
    key.resize(key.size() - std::string(".html.gz").size());
    HtmlPageInput input{bytes, "", "", today()};
    auto article = extract_html_article(input);
    out << nlohmann::json{{"id", key}, {"text", article.text}}.dump(
               -1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  }
  return 0;
}

int run_dates(const fs::path& dir, const fs::path& truth,
              const fs::path& out_path, bool with_url) {
  std::ifstream in(truth);
  std::ofstream out(out_path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    // The ground truth writes NaN for a page without a date.
    auto record = nlohmann::json::parse(line, nullptr, false);
    std::string id, url;
    if (record.is_discarded()) {
      auto at = line.find("\"id\": \"");
      if (at == std::string::npos) continue;
      id = line.substr(at + 7, line.find('"', at + 7) - at - 7);
    } else {
      id = record.value("id", "");
      url = record.value("url", "");
    }
    std::string bytes = read_gzip(dir / id);
    if (!with_url) url.clear();
    HtmlPageInput input{bytes, url, "", today()};
    auto article = extract_html_article(input);
    nlohmann::json row{{"id", id}};
    row["date"] = article.date ? nlohmann::json(article.date->iso_date())
                               : nlohmann::json(nullptr);
    row["found_in"] = article.date_found_in;
    out << row.dump() << '\n';
  }
  return 0;
}

int run_one(const fs::path& page, std::string url) {
  std::string bytes = read_gzip(page);  // gzread reads plain files as they are
  auto a = extract_html_article({bytes, url, "", today()});
  nlohmann::json out{{"title", a.title},
                     {"source", a.source},
                     {"url", a.url},
                     {"language", a.language},
                     {"authors", a.authors},
                     {"charset", a.charset},
                     {"date_found_in", a.date_found_in},
                     {"date", a.date ? a.date->iso() : ""},
                     {"text", a.text}};
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
  return 0;
}

int run_speed(const fs::path& dir, int rounds) {
  std::vector<std::string> pages;
  std::size_t bytes = 0;
  for (const fs::path& p : pages_in(dir)) {
    pages.push_back(read_gzip(p));
    bytes += pages.back().size();
  }
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  std::size_t chars = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& page : pages) {
      HtmlPageInput input{page, "", "", today()};
      chars += extract_html_article(input).text.size();
    }
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  // CPU time too: on a shared machine the wall clock counts other
  // processes' turns.
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  nlohmann::json out{{"pages", pages.size()}, {"rounds", rounds},
                     {"bytes", bytes},        {"wall_s", secs},
                     {"cpu_s", cpu},          {"chars", chars}};
  std::cout << out.dump() << '\n';
  return chars > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "text" && argc == 4) return run_text(argv[2], argv[3]);
    if (mode == "dates" && (argc == 5 || argc == 6))
      return run_dates(argv[2], argv[3], argv[4],
                       !(argc == 6 && std::string(argv[5]) == "--no-url"));
    if (mode == "one" && (argc == 3 || argc == 4))
      return run_one(argv[2], argc == 4 ? argv[3] : "");
    if (mode == "speed" && argc == 4)
      return run_speed(argv[2], std::stoi(argv[3]));
    std::cerr << "usage: newsdex_html_eval text PAGES_DIR OUT.jsonl\n"
                 "       newsdex_html_eval dates PAGES_DIR TRUTH.jsonl "
                 "OUT.jsonl [--no-url]\n"
                 "       newsdex_html_eval one PAGE.html[.gz] [URL]\n"
                 "       newsdex_html_eval speed PAGES_DIR ROUNDS\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "newsdex_html_eval: error: " << e.what() << '\n';
    return 2;
  }
}
