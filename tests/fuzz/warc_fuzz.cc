// libFuzzer target: a web archive (plain or gzip members, well-formed or
// not) read into articles: WARC records, HTTP responses, chunked and
// gzip bodies, then the page extractor (scripts/fuzz warc SECONDS).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "common/text_utf8.h"
#include "indexer/warc_reader.h"

namespace {

// Checks what comes out: UTF-8 text, and every record accounted for.
struct CheckingSink : newsdex::ArticleSink {
  void article(newsdex::Article a, const newsdex::RecordOrigin&) override {
    if (newsdex::find_invalid_utf8(a.text) != std::string_view::npos ||
        newsdex::find_invalid_utf8(a.title) != std::string_view::npos ||
        a.id.empty())
      __builtin_trap();
  }
  void bad_record(const newsdex::RecordOrigin& o, std::string) override {
    if (o.file.empty()) __builtin_trap();
  }
  void date_warning(const newsdex::RecordOrigin&, std::string) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  // The reader reads files (and seeks in them after corrupt gzip data).
  static const std::string path =
      (std::filesystem::path(NEWSDEX_TMP_DIR) /
       ("fuzz_warc_" + std::to_string(getpid()) + ".warc"))
          .string();
  static bool made = [] {
    std::filesystem::create_directories(NEWSDEX_TMP_DIR);
    return true;
  }();
  (void)made;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  CheckingSink sink;
  try {
    newsdex::read_warc(path, sink);
  } catch (const std::runtime_error&) {
    // A read error of the file itself: not expected here, but allowed.
  }
  return 0;
}
