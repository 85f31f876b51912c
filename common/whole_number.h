// The one check of whole-number option values, for both programs' command
// lines and for batch lines: nothing negative, fractional, overflowing or
// out of range is ever wrapped or clamped into a number.
#ifndef NEWSDEX_COMMON_WHOLE_NUMBER_H_
#define NEWSDEX_COMMON_WHOLE_NUMBER_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// Reads the value of option --`option` as a whole number from `min` to
// `max`: a JSON number, or text of decimal digits only (no sign, space,
// fraction or exponent; command lines pass their values as JSON strings).
// Returns nullopt and sets `error` to "invalid value 'V' for --OPTION;
// needs a whole number from MIN to MAX" for anything else.
std::optional<std::uint64_t> parse_whole_number(std::string_view option,
                                                const nlohmann::json& value,
                                                std::uint64_t min,
                                                std::uint64_t max,
                                                std::string& error);

// The value as it is shown in messages: a string as it is, anything else
// as JSON text.
std::string option_value_text(const nlohmann::json& value);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_WHOLE_NUMBER_H_
