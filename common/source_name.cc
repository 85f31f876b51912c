// Source-name folding and the URL-site fallback.
#include "common/source_name.h"

#include <cctype>

#include "common/text_utf8.h"

namespace newsdex {

std::string source_key(std::string_view name) {
  std::string folded = fold_for_key(trim_space(name));
  std::string_view v = folded;
  auto strip = [&v](std::string_view prefix) {
    if (v.size() > prefix.size() && v.substr(0, prefix.size()) == prefix) {
      v.remove_prefix(prefix.size());
    }
  };
  strip("the ");
  strip("www.");
  std::string key;
  for (char c : v) {
    auto u = static_cast<unsigned char>(c);
    // Keep letters and digits; non-ASCII bytes are letters of other scripts.
    if (std::isalnum(u) || u >= 0x80) key += c;
  }
  return key;
}

std::string site_of_url(std::string_view url) {
  url = trim_space(url);
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    rest.remove_prefix(at + 1);
  }
  rest = rest.substr(0, rest.find(':'));
  std::string host = fold_case(rest);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::string display_source(std::string_view source, std::string_view url) {
  std::string_view s = trim_space(source);
  if (!s.empty()) return std::string(s);
  std::string site = site_of_url(url);
  if (!site.empty()) return site;
  return std::string(kUnknownSource);
}

}  // namespace newsdex
