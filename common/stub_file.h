// Xapian stub databases (a folder holding XAPIANDB, or a stub file) read
// by one parser for the indexer and the searcher, which admits only shards
// inside the stub's folder and remote shards served over TCP.
#ifndef NEWSDEX_COMMON_STUB_FILE_H_
#define NEWSDEX_COMMON_STUB_FILE_H_

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsdex {

// The file inside a sharded database's folder that lists its shards: Xapian
// opens a folder holding a file of this name as a stub database.
inline constexpr const char* kStubFileName = "XAPIANDB";

// One line of a stub: a local shard (its path, resolved against the stub's
// folder) or a remote one ("remote HOST:PORT").
struct StubShard {
  bool remote = false;
  std::filesystem::path path;  // local
  std::string host;            // remote
  unsigned port = 0;           // remote
};

// A stub line newsdex refuses; the message names the file, the line and
// why.
class StubError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The stub file of the database at `db_path`: `db_path`/XAPIANDB when
// `db_path` is a folder holding one, `db_path` itself when it is a file;
// nullopt when `db_path` is neither (a plain database folder, or nothing).
std::optional<std::filesystem::path> stub_file_of(
    const std::filesystem::path& db_path);

// The shards the stub at `db_path` lists, in order; nullopt when it is not
// a stub. Lines are "auto PATH" (also "glass PATH", "chert PATH": PATH is
// the rest of the line, relative to the stub's folder or absolute) and
// "remote HOST:PORT"; blank lines and "#" comments are skipped. Throws
// StubError for a local path that is not inside the stub's folder once
// ".." and symbolic links are resolved (a stub must not make the indexer
// write elsewhere), for a remote program ("remote :PROG", which would run
// it), for any other backend, and when the stub cannot be read.
std::optional<std::vector<StubShard>> read_stub(
    const std::filesystem::path& db_path);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_STUB_FILE_H_
