// Runs the built programs for end-to-end tests and reads their output.
#ifndef NEWSDEX_TESTS_E2E_RUN_PROGRAM_H_
#define NEWSDEX_TESTS_E2E_RUN_PROGRAM_H_

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace newsdex::e2e {

struct ProgramResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs build/bin/`program` with `args`, feeding `input` on stdin.
// `env` entries ("NAME=value") are added to the environment.
ProgramResult run(const std::string& program,
                  const std::vector<std::string>& args,
                  const std::string& input = "",
                  const std::vector<std::string>& env = {});

// Like run(), with the program's address space limited to `kilobytes`
// (ulimit -v), to make it run out of memory.
ProgramResult run_limited(std::size_t kilobytes, const std::string& program,
                          const std::vector<std::string>& args,
                          const std::string& input = "");

// Parses JSON Lines; fails the current test on a line that is not JSON.
std::vector<nlohmann::json> json_lines(const std::string& text);

// The objects of one "type" from JSON Lines output.
std::vector<nlohmann::json> of_type(const std::vector<nlohmann::json>& lines,
                                    const std::string& type);

// The hits of `newsdex-search --db DB --json QUERY`.
std::vector<nlohmann::json> search_hits(const std::string& db,
                                        const std::string& query);

// Calls `fn` with each JSON object of a (gzip-compressed) JSON Lines
// file, read independently of the indexer; stops when `fn` returns false.
void for_each_jsonl_record(
    const std::filesystem::path& path,
    const std::function<bool(const nlohmann::json&)>& fn);

// Indexes corpus/ into a fresh database under scratch(`name`), with
// `extra` newsdex-index options; returns the database path.
std::string index_seed_corpus(const std::string& name,
                              const std::vector<std::string>& extra = {});

// A fresh scratch folder for one test.
std::filesystem::path scratch(const std::string& name);

// The shared data folder, or "" when it is not there (tests then skip).
std::filesystem::path shared_corpora();

// The embedded corpus folder.
std::filesystem::path corpus_dir();

}  // namespace newsdex::e2e

#endif  // NEWSDEX_TESTS_E2E_RUN_PROGRAM_H_
