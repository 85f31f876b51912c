// Reading the project's small TSV tables (outlets, actors): one record
// per line, tab-separated, '#' comments.
#ifndef NEWSDEX_COMMON_TABLE_TEXT_H_
#define NEWSDEX_COMMON_TABLE_TEXT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Calls `row` with the cells of each record line of `tsv` (blank lines and
// lines starting with '#' skipped; cells trimmed, empty cells dropped) and
// its place, "name:line". A line that is not valid UTF-8 is skipped with a
// message in `errors`; `row` adds its own messages there.
void for_each_table_row(
    std::string_view tsv, const std::string& name,
    const std::function<void(std::vector<std::string>& cells,
                             const std::string& where)>& row,
    std::vector<std::string>& errors);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_TABLE_TEXT_H_
