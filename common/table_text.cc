// TSV table lines to cells.
#include "common/table_text.h"

#include "common/text_utf8.h"

namespace newsdex {

void for_each_table_row(
    std::string_view tsv, const std::string& name,
    const std::function<void(std::vector<std::string>& cells,
                             const std::string& where)>& row,
    std::vector<std::string>& errors) {
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    auto end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv = end == std::string_view::npos ? "" : tsv.substr(end + 1);
    ++line_number;
    if (trim_space(line).empty() || trim_space(line).front() == '#') continue;
    std::string where = name + ":" + std::to_string(line_number);
    if (find_invalid_utf8(line) != std::string_view::npos) {
      errors.push_back(where + ": invalid UTF-8");
      continue;
    }
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      auto tab = line.find('\t', start);
      std::string cell(trim_space(line.substr(start, tab - start)));
      if (!cell.empty()) cells.push_back(std::move(cell));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    row(cells, where);
  }
}

}  // namespace newsdex
