// UTF-8 validation and folding, delegated to utf8proc.
#include "common/text_utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <optional>

namespace newsdex {

std::size_t find_invalid_utf8(std::string_view text) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {  // ASCII fast path
      ++pos;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(
        p + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0 || cp < 0) return pos;
    pos += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

namespace {

std::string map_utf8(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out,
                                                                &std::free);
  if (n < 0) return std::string(text);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(n));
}

}  // namespace

namespace {

// ASCII text folds to lower case whatever else a mapping asks for.
std::optional<std::string> fold_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
  }
  std::string out(text);
  lower_ascii_in_place(out);
  return out;
}

}  // namespace

std::string fold_case(std::string_view text) {
  if (auto ascii = fold_ascii(text)) return std::move(*ascii);
  return map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string fold_for_key(std::string_view text) {
  if (auto ascii = fold_ascii(text)) return std::move(*ascii);
  return map_utf8(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                            UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

std::string_view trim_space(std::string_view text) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace newsdex
