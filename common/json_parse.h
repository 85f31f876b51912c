// Parsing JSON from input files and batch lines with bounded nesting, every
// failure a value: readers name the record and skip it.
#ifndef NEWSDEX_COMMON_JSON_PARSE_H_
#define NEWSDEX_COMMON_JSON_PARSE_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// How deeply arrays and objects may nest in one JSON text. Copying and
// printing a parsed value recurse once per level, so 100,000 levels would
// overflow the stack; no news record needs more than a few.
inline constexpr std::size_t kMaxJsonDepth = 100;

// Parses `text` as one JSON value. On failure returns nullopt and sets
// `error`: "JSON syntax error: <where and what>", "JSON nested deeper than
// 100 levels", or "JSON error: number overflow parsing '1e400'" (a number
// out of range). Never throws for any input.
std::optional<nlohmann::json> parse_json_text(std::string_view text,
                                              std::string& error);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_JSON_PARSE_H_
