// Query-latency benchmark: opens a database once, runs a query set many
// times in one process and prints latency percentiles; or, with --spawn,
// times a whole process. Used by
// scripts/bench; not a test (timing never goes in tests).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/document_record.h"
#include "searcher/search.h"

namespace {

// A fixed-seed sample of title words from the database itself, so any
// corpus gets realistic one- and two-word queries.
std::vector<std::string> sample_queries(const Xapian::Database& db,
                                        std::size_t count) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<Xapian::docid> pick(1, db.get_lastdocid());
  std::vector<std::string> queries;
  for (std::size_t tries = 0; queries.size() < count && tries < count * 50;
       ++tries) {
    Xapian::Document doc;
    try {
      doc = db.get_document(pick(rng));
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    auto article = newsdex::from_document_data(doc.get_data());
    std::vector<std::string> words;
    std::string word;
    for (char c : article.title + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else {
        if (word.size() >= 4) words.push_back(word);
        word.clear();
      }
    }
    if (words.empty()) continue;
    std::string q = words[rng() % words.size()];
    if (words.size() > 1 && queries.size() % 2 == 1) {
      q += " " + words[rng() % words.size()];
    }
    queries.push_back(q);
  }
  return queries;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  std::size_t i =
      static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[i];
}

// Runs argv as a process `runs` times, output to /dev/null, and returns
// the median wall time in milliseconds: start, open, search, print, exit.
double median_process_ms(int runs, char** argv) {
  std::vector<double> ms;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    pid_t pid;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv, environ) != 0) {
      std::perror(argv[0]);
      std::exit(2);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ms.push_back(std::chrono::duration<double, std::milli>(
                     std::chrono::steady_clock::now() - start)
                     .count());
  }
  posix_spawn_file_actions_destroy(&actions);
  return percentile(ms, 0.5);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 3 && std::string(argv[1]) == "--spawn") {
    std::printf("%.2f\n", median_process_ms(std::stoi(argv[2]), argv + 3));
    return 0;
  }
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: newsdex_search_bench DB [QUERIES] [ROUNDS] [MODE]\n"
                 "       newsdex_search_bench --spawn RUNS PROGRAM [ARG...]\n");
    return 2;
  }
  std::size_t count = argc > 2 ? std::stoul(argv[2]) : 200;
  int rounds = argc > 3 ? std::stoi(argv[3]) : 5;
  // An optional fourth argument runs only that mode (for profiling).
  std::string only = argc > 4 ? argv[4] : "";
  newsdex::Searcher searcher{std::string(argv[1])};
  auto queries = sample_queries(searcher.database(), count);
  // The peers in scripts/bench run the same queries.
  if (const char* path = std::getenv("NEWSDEX_BENCH_QUERIES")) {
    std::ofstream out(path);
    for (const auto& q : queries) out << q << "\n";
  }

  struct Mode {
    const char* name;
    bool facets;
  };
  std::printf("mode\tqueries\tp50_ms\tp95_ms\tp99_ms\tmean_hits\n");
  for (Mode mode : {Mode{"snippets", false}, Mode{"snippets+facets", true}}) {
    if (!only.empty() && only != mode.name) continue;
    std::vector<double> ms;
    double hits = 0;
    for (int r = 0; r < rounds; ++r) {
      for (const auto& q : queries) {
        newsdex::SearchRequest request;
        request.query = q;
        request.limit = 10;
        if (mode.facets) {
          request.facets = {{"source", newsdex::DateGranularity::kDay},
                            {"date", newsdex::DateGranularity::kMonth},
                            {"actor", newsdex::DateGranularity::kDay}};
        }
        auto start = std::chrono::steady_clock::now();
        auto response = searcher.search(request);
        ms.push_back(std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count());
        hits += static_cast<double>(response.total);
      }
    }
    std::printf("%s\t%zu\t%.3f\t%.3f\t%.3f\t%.0f\n", mode.name, queries.size(),
                percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99),
                hits / static_cast<double>(ms.size()));
  }
  return 0;
}
