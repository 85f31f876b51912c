// Whole-number option values from JSON numbers or their text.
#include "common/whole_number.h"

#include <charconv>

namespace newsdex {
namespace {

std::optional<std::uint64_t> whole_number(const nlohmann::json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  if (value.is_number_integer()) {
    long long n = value.get<long long>();
    if (n < 0) return std::nullopt;
    return static_cast<std::uint64_t>(n);
  }
  if (!value.is_string()) return std::nullopt;
  const std::string& s = value.get_ref<const std::string&>();
  std::uint64_t n = 0;
  // from_chars takes no sign, space or "0x" and reports overflow.
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return n;
}

}  // namespace

std::string option_value_text(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::optional<std::uint64_t> parse_whole_number(std::string_view option,
                                                const nlohmann::json& value,
                                                std::uint64_t min,
                                                std::uint64_t max,
                                                std::string& error) {
  auto n = whole_number(value);
  if (n && *n >= min && *n <= max) return n;
  error = "invalid value '" + option_value_text(value) + "' for --" +
          std::string(option) + "; needs a whole number from " +
          std::to_string(min) + " to " + std::to_string(max);
  return std::nullopt;
}

}  // namespace newsdex
