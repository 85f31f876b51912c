// Sizing the inputs with a directory walk (std::filesystem), before the
// readers start.
#include "indexer/input_size.h"

#include <filesystem>

#include "indexer/folder_reader.h"

namespace fs = std::filesystem;

namespace newsdex {

InputSize measure_inputs(const std::vector<std::string>& inputs) {
  InputSize size;
  auto add = [&](const fs::path& path) {
    std::error_code ec;
    auto bytes = fs::file_size(path, ec);
    if (ec) return;
    ++size.files;
    size.bytes += bytes;
  };
  for (const auto& input : inputs) {
    if (input == "-") {
      size.known = false;
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      add(input);
      continue;
    }
    fs::recursive_directory_iterator it(
        input, fs::directory_options::skip_permission_denied, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end;
         it.increment(ec)) {
      std::error_code entry_ec;
      if (!it->is_regular_file(entry_ec) || entry_ec) continue;
      if (is_read_in_folder(it->path().filename().string())) add(it->path());
    }
  }
  return size;
}

}  // namespace newsdex
