// Stub parsing: Xapian 1.4's format, with local shards confined to the
// stub's folder.
#include "common/stub_file.h"

#include <charconv>
#include <fstream>

#include "common/text_utf8.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

// Whether `path` lies strictly inside `dir` once both are resolved
// (symbolic links followed as far as they exist).
bool inside(const fs::path& dir, const fs::path& path) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(dir, ec);
  if (ec) return false;
  fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return false;
  fs::path rel = target.lexically_relative(root);
  return !rel.empty() && rel != "." && *rel.begin() != "..";
}

}  // namespace

std::optional<fs::path> stub_file_of(const fs::path& db_path) {
  std::error_code ec;
  if (fs::is_directory(db_path, ec)) {
    fs::path stub = db_path / kStubFileName;
    if (fs::is_regular_file(stub, ec)) return stub;
    return std::nullopt;
  }
  if (fs::is_regular_file(db_path, ec)) return db_path;
  return std::nullopt;
}

std::optional<std::vector<StubShard>> read_stub(const fs::path& db_path) {
  auto stub = stub_file_of(db_path);
  if (!stub) return std::nullopt;
  std::ifstream in(*stub);
  if (!in) throw StubError("cannot read " + stub->string());
  fs::path dir =
      stub->parent_path().empty() ? fs::path(".") : stub->parent_path();
  std::vector<StubShard> shards;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = trim_space(line);
    if (text.empty() || text.front() == '#') continue;
    auto where = [&] {
      return stub->string() + ":" + std::to_string(number) + ": '" +
             std::string(text) + "'";
    };
    std::size_t space = text.find_first_of(" \t");
    std::string_view type = text.substr(0, space);
    std::string_view rest =
        space == std::string_view::npos ? "" : trim_space(text.substr(space));
    StubShard shard;
    if (type == "auto" || type == "glass" || type == "chert") {
      if (rest.empty()) throw StubError(where() + " names no shard");
      fs::path p(rest);
      shard.path = p.is_absolute() ? p : dir / p;
      if (!inside(dir, shard.path)) {
        throw StubError(where() + " names a shard outside " + dir.string() +
                        "; a stub may list only shards inside its folder "
                        "and remote ones");
      }
    } else if (type == "remote") {
      std::size_t colon = rest.rfind(':');
      unsigned port = 0;
      std::string_view digits =
          colon == std::string_view::npos ? "" : rest.substr(colon + 1);
      auto [end, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), port);
      if (colon == 0 || colon == std::string_view::npos || digits.empty() ||
          ec != std::errc() || end != digits.data() + digits.size() ||
          port == 0 || port > 65535 ||
          rest.find_first_of(" \t") != std::string_view::npos) {
        throw StubError(where() +
                        " is not 'remote HOST:PORT' (remote programs are "
                        "not run)");
      }
      shard.remote = true;
      shard.host = std::string(rest.substr(0, colon));
      shard.port = port;
    } else {
      throw StubError(where() +
                      " is neither a local shard (auto PATH) nor a remote "
                      "one (remote HOST:PORT)");
    }
    shards.push_back(std::move(shard));
  }
  return shards;
}

}  // namespace newsdex
