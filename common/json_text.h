// JSON text for output lines, one way for every program.
#ifndef NEWSDEX_COMMON_JSON_TEXT_H_
#define NEWSDEX_COMMON_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace newsdex {

// `value` as compact JSON text. Never throws: an invalid UTF-8 sequence in
// a string (a file name, a message quoting a bad record) becomes U+FFFD,
// where nlohmann::json::dump() would throw and lose the whole line.
inline std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_JSON_TEXT_H_
