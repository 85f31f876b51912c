// Bounded JSON parsing on nlohmann::json: a SAX pass measures the nesting
// (without building anything) only when the text has enough brackets to
// nest too deeply, so ordinary records pay nothing extra.
#include "common/json_parse.h"

#include <algorithm>

namespace newsdex {
namespace {

// Stops the parse at the first array or object deeper than the limit.
class DepthCheck : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool too_deep = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception&) override {
    return false;  // the full parse reports it
  }

 private:
  bool enter() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep = true;
    return false;
  }
  bool leave() {
    --depth_;
    return true;
  }
  std::size_t depth_ = 0;
};

// nlohmann's what() is "[json.exception.parse_error.101] parse error at
// line 1, column 5: ..."; the part after the bracketed tag.
std::string without_tag(const std::string& what) {
  auto tag_end = what.find("] ");
  return tag_end == std::string::npos ? what : what.substr(tag_end + 2);
}

}  // namespace

std::optional<nlohmann::json> parse_json_text(std::string_view text,
                                              std::string& error) {
  error.clear();
  auto brackets = static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return c == '[' || c == '{'; }));
  if (brackets > kMaxJsonDepth) {
    DepthCheck check;
    nlohmann::json::sax_parse(text, &check,
                              nlohmann::json::input_format_t::json, false);
    if (check.too_deep) {
      error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
              " levels";
      return std::nullopt;
    }
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    error = "JSON syntax error: " + without_tag(e.what());
  } catch (const nlohmann::json::exception& e) {
    error = "JSON error: " + without_tag(e.what());
  }
  return std::nullopt;
}

}  // namespace newsdex
