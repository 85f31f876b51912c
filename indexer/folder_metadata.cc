// Metadata loading: TSV by splitting on tabs (TSV has no quoting), CSV with
// libcsv (RFC 4180 quoting), JSON Lines with nlohmann::json.
#include "indexer/folder_metadata.h"

#include <csv.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/json_parse.h"
#include "common/text_utf8.h"
#include "indexer/line_reader.h"

namespace newsdex {
namespace {

using Row = std::vector<std::string>;

bool is_file_column(const std::string& name) {
  std::string n = fold_case(trim_space(name));
  return n == "file" || n == "path" || n == "filename";
}

std::string normalise_relative(std::string path, const std::string& prefix) {
  path = std::string(trim_space(path));
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  return prefix +
         std::filesystem::path(path).lexically_normal().generic_string();
}

// Adds rows given as a header and cells.
class RowCollector {
 public:
  RowCollector(const std::string& name, const std::string& prefix,
               MetadataTable& table, ArticleSink& sink)
      : name_(name), prefix_(prefix), table_(table), sink_(sink) {}

  void add(const Row& cells, std::size_t line) {
    if (header_.empty()) {
      header_ = cells;
      for (std::size_t i = 0; i < header_.size(); ++i) {
        if (is_file_column(header_[i])) file_column_ = i;
      }
      if (file_column_ == kNone) {
        throw std::runtime_error("no 'file' column in the header line");
      }
      return;
    }
    RecordOrigin origin{name_, line};
    if (cells.size() == 1 && trim_space(cells[0]).empty()) return;
    if (cells.size() > header_.size()) {
      sink_.bad_record(
          origin, "metadata row has " + std::to_string(cells.size()) +
                      " fields, the header " + std::to_string(header_.size()));
      return;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (auto bad = find_invalid_utf8(cells[i]); bad != std::string::npos) {
        sink_.bad_record(origin, "invalid UTF-8 at byte " +
                                     std::to_string(bad) + " of column '" +
                                     header_name(i) + "' in metadata row");
        return;
      }
    }
    MetadataRow row;
    row.origin = origin;
    std::string file;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i == file_column_) {
        file = cells[i];
      } else if (!trim_space(cells[i]).empty()) {
        row.fields[std::string(trim_space(header_[i]))] = cells[i];
      }
    }
    if (trim_space(file).empty()) {
      sink_.bad_record(origin, "metadata row names no file");
      return;
    }
    table_[normalise_relative(file, prefix_)] = std::move(row);
  }

 private:
  // The header's name for column `i`, printable in a message.
  std::string header_name(std::size_t i) const {
    if (i >= header_.size() ||
        find_invalid_utf8(header_[i]) != std::string::npos) {
      return std::to_string(i + 1);
    }
    return std::string(trim_space(header_[i]));
  }
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::string& name_;
  const std::string& prefix_;
  MetadataTable& table_;
  ArticleSink& sink_;
  Row header_;
  std::size_t file_column_ = kNone;
};

void load_tsv(const std::filesystem::path& path, RowCollector& rows) {
  LineReader reader(path.string());
  std::string line;
  while (reader.next(line)) {
    Row cells;
    std::size_t start = 0;
    while (true) {
      auto tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.add(cells, reader.line_number());
  }
}

struct CsvState {
  RowCollector* rows;
  Row cells;
  std::size_t line = 1;
  std::size_t row_start = 1;
};

void load_csv(const std::filesystem::path& path, RowCollector& rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
    throw std::runtime_error("cannot initialise the CSV parser");
  }
  CsvState state{&rows, {}, 1, 1};
  auto on_field = [](void* data, size_t len, void* st) {
    auto* s = static_cast<CsvState*>(st);
    s->cells.emplace_back(static_cast<const char*>(data), len);
  };
  auto on_row = [](int, void* st) {
    auto* s = static_cast<CsvState*>(st);
    s->rows->add(s->cells, s->row_start);
    s->cells.clear();
    s->row_start = s->line;
  };
  std::string line;
  try {
    while (std::getline(in, line)) {
      line += '\n';
      ++state.line;
      if (csv_parse(&parser, line.data(), line.size(), on_field, on_row,
                    &state) != line.size()) {
        throw std::runtime_error(path.string() + ":" +
                                 std::to_string(state.line - 1) + ": " +
                                 csv_strerror(csv_error(&parser)));
      }
    }
    csv_fini(&parser, on_field, on_row, &state);
  } catch (...) {
    csv_free(&parser);
    throw;
  }
  csv_free(&parser);
}

void load_jsonl(const std::filesystem::path& path, const std::string& name,
                const std::string& prefix, MetadataTable& table,
                ArticleSink& sink) {
  LineReader reader(path.string());
  std::string line;
  while (reader.next(line)) {
    if (trim_space(line).empty()) continue;
    RecordOrigin origin{name, reader.line_number()};
    std::string error;
    auto parsed = parse_json_text(line, error);
    if (!parsed) {
      sink.bad_record(origin, error + " in metadata row");
      continue;
    }
    const nlohmann::json& object = *parsed;
    if (!object.is_object()) {
      sink.bad_record(origin, "metadata row is not a JSON object");
      continue;
    }
    std::string file;
    MetadataRow row;
    row.origin = origin;
    for (const auto& [key, value] : object.items()) {
      if (is_file_column(key) && value.is_string()) {
        file = value.get<std::string>();
      } else {
        row.fields[key] = value;
      }
    }
    if (file.empty()) {
      sink.bad_record(origin, "metadata row names no file");
      continue;
    }
    table[normalise_relative(file, prefix)] = std::move(row);
  }
}

}  // namespace

const std::vector<std::string>& metadata_file_names() {
  static const std::vector<std::string> kNames{"metadata.tsv", "metadata.csv",
                                               "metadata.jsonl"};
  return kNames;
}

void load_metadata_file(const std::filesystem::path& path,
                        const std::string& display_name,
                        const std::string& dir_prefix, MetadataTable& table,
                        ArticleSink& sink) {
  auto ext = path.extension().string();
  if (ext == ".jsonl") {
    load_jsonl(path, display_name, dir_prefix, table, sink);
    return;
  }
  RowCollector rows(display_name, dir_prefix, table, sink);
  if (ext == ".csv") {
    load_csv(path, rows);
  } else {
    load_tsv(path, rows);
  }
}

}  // namespace newsdex
