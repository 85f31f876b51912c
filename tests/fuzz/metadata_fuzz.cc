// libFuzzer target: a metadata file (TSV, CSV or JSON Lines, chosen by the
// first byte) as the folder reader loads it (scripts/fuzz metadata SECONDS).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "indexer/folder_metadata.h"

namespace {

struct NullSink : newsdex::ArticleSink {
  void article(newsdex::Article, const newsdex::RecordOrigin&) override {}
  void bad_record(const newsdex::RecordOrigin&, std::string) override {}
  void date_warning(const newsdex::RecordOrigin&, std::string) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("newsdex-fuzz-metadata-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const char* names[] = {"metadata.tsv", "metadata.csv", "metadata.jsonl"};
  std::filesystem::path path = dir / names[data[0] % 3];
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(data + 1),
             static_cast<std::streamsize>(size - 1));
  newsdex::MetadataTable table;
  NullSink sink;
  try {
    newsdex::load_metadata_file(path, path.string(), "sub/", table, sink);
  } catch (const std::runtime_error&) {
    // A file the reader refuses as a whole (no file column): documented.
  }
  return 0;
}
