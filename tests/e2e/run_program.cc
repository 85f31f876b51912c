// Program runner over std::system with files for stdin, stdout and stderr.
#include "e2e/run_program.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <zlib.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace newsdex::e2e {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

namespace {

ProgramResult run_command(const std::string& prefix, const std::string& program,
                          const std::vector<std::string>& args,
                          const std::string& input,
                          const std::vector<std::string>& env);

}  // namespace

ProgramResult run(const std::string& program,
                  const std::vector<std::string>& args,
                  const std::string& input,
                  const std::vector<std::string>& env) {
  return run_command("", program, args, input, env);
}

ProgramResult run_limited(std::size_t kilobytes, const std::string& program,
                          const std::vector<std::string>& args,
                          const std::string& input) {
  return run_command("ulimit -v " + std::to_string(kilobytes) + " && ", program,
                     args, input, {});
}

namespace {

ProgramResult run_command(const std::string& prefix, const std::string& program,
                          const std::vector<std::string>& args,
                          const std::string& input,
                          const std::vector<std::string>& env) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(NEWSDEX_TMP_DIR) / "io";
  std::filesystem::create_directories(dir);
  std::string tag =
      std::to_string(::getpid()) + "-" + std::to_string(counter++);
  auto in_path = dir / (tag + ".in");
  auto out_path = dir / (tag + ".out");
  auto err_path = dir / (tag + ".err");
  std::ofstream(in_path, std::ios::binary) << input;

  std::string command = prefix + "env";
  for (const auto& e : env) command += " " + shell_quote(e);
  command += " " + shell_quote(std::string(NEWSDEX_BIN_DIR) + "/" + program);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " <" + shell_quote(in_path.string()) + " >" +
             shell_quote(out_path.string()) + " 2>" +
             shell_quote(err_path.string());
  int status = std::system(command.c_str());
  ProgramResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  std::filesystem::remove(in_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return result;
}

}  // namespace

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    CHECK_MESSAGE(!parsed.is_discarded(), "not JSON: " << line);
    lines.push_back(parsed);
  }
  return lines;
}

std::vector<nlohmann::json> of_type(const std::vector<nlohmann::json>& lines,
                                    const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const auto& l : lines) {
    if (l.value("type", "") == type) out.push_back(l["data"]);
  }
  return out;
}

std::vector<nlohmann::json> search_hits(const std::string& db,
                                        const std::string& query) {
  return of_type(
      json_lines(run("newsdex-search", {"--db", db, "--json", query}).out),
      "hit");
}

void for_each_jsonl_record(
    const std::filesystem::path& path,
    const std::function<bool(const nlohmann::json&)>& fn) {
  gzFile gz = gzopen(path.string().c_str(), "rb");
  REQUIRE(gz != nullptr);
  std::string line;
  char buf[1 << 16];
  while (gzgets(gz, buf, sizeof buf) != nullptr) {
    line += buf;
    if (line.back() != '\n') continue;
    bool more = fn(nlohmann::json::parse(line));
    line.clear();
    if (!more) break;
  }
  gzclose(gz);
}

std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::path(NEWSDEX_TMP_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string index_seed_corpus(const std::string& name,
                              const std::vector<std::string>& extra) {
  std::string db = (scratch(name) / "db").string();
  std::vector<std::string> args{"--db", db};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(corpus_dir().string());
  auto r = run("newsdex-index", args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return db;
}

std::filesystem::path shared_corpora() {
  auto dir = std::filesystem::path(NEWSDEX_SHARED_DIR) / "corpora";
  return std::filesystem::is_directory(dir) ? dir : std::filesystem::path();
}

std::filesystem::path corpus_dir() { return NEWSDEX_CORPUS_DIR; }

}  // namespace newsdex::e2e
