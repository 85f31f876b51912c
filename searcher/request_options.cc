// Option names and values for search requests.
#include "searcher/request_options.h"

#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include "common/whole_number.h"

namespace newsdex {
namespace {

template <typename T>
std::optional<T> choose(std::string_view option, std::string_view value,
                        const std::map<std::string, T, std::less<>>& allowed,
                        std::string& error) {
  auto it = allowed.find(value);
  if (it != allowed.end()) return it->second;
  std::string names;
  for (const auto& [name, _] : allowed) {
    names += (names.empty() ? "" : ", ") + name;
  }
  error = "invalid value '" + std::string(value) + "' for --" +
          std::string(option) + "; choose one of: " + names;
  return std::nullopt;
}

std::string to_text(const nlohmann::json& value) {
  return option_value_text(value);
}

// A finite number from a JSON number or its text, or nullopt.
std::optional<double> finite_number(const nlohmann::json& value) {
  double n = 0;
  if (value.is_number()) {
    n = value.get<double>();
  } else if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(n)) return std::nullopt;
  return n;
}

std::string invalid_value(const std::string& option,
                          const nlohmann::json& value,
                          const std::string& needs) {
  return "invalid value '" + to_text(value) + "' for --" + option + "; needs " +
         needs;
}

// Sets `out` to a whole number in [0, max], or returns what is wrong.
std::string set_count(const std::string& option, const nlohmann::json& value,
                      std::uint64_t max, std::size_t& out) {
  std::string error;
  auto n = parse_whole_number(option, value, 0, max, error);
  if (!n) return error;
  out = static_cast<std::size_t>(*n);
  return "";
}

// A string, or an array of strings, as a list.
bool to_list(const nlohmann::json& value, std::vector<std::string>& out) {
  out.clear();
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return true;
  }
  if (!value.is_array()) return false;
  for (const auto& v : value) {
    if (!v.is_string()) return false;
    out.push_back(v.get<std::string>());
  }
  return true;
}

}  // namespace

std::optional<SortOrder> parse_sort(std::string_view value,
                                    std::string& error) {
  static const std::map<std::string, SortOrder, std::less<>> kSorts{
      {"relevance", SortOrder::kRelevance},
      {"date", SortOrder::kDateAscending},
      {"-date", SortOrder::kDateDescending}};
  return choose("sort", value, kSorts, error);
}

std::optional<MatchMode> parse_match(std::string_view value,
                                     std::string& error) {
  static const std::map<std::string, MatchMode, std::less<>> kModes{
      {"all", MatchMode::kAll},
      {"any", MatchMode::kAny},
      {"auto", MatchMode::kAuto}};
  return choose("match", value, kModes, error);
}

std::string apply_request_option(SearchRequest& r, const std::string& raw_name,
                                 const nlohmann::json& value) {
  std::string name = raw_name;
  for (char& c : name) {
    if (c == '_') c = '-';
  }
  std::string error;
  auto bad = [&](const char* what) {
    return "option '" + raw_name + "' needs " + what;
  };
  if (name == "q" || name == "query") {
    if (!value.is_string()) return bad("a string");
    r.query = value.get<std::string>();
  } else if (name == "since" || name == "until") {
    if (!value.is_string()) return bad("a date string");
    (name == "since" ? r.filters.since : r.filters.until) =
        value.get<std::string>();
  } else if (name == "author") {
    if (!to_list(value, r.filters.authors))
      return bad("a string or a list of strings");
  } else if (name == "actor") {
    if (!to_list(value, r.filters.actors))
      return bad("a string or a list of strings");
  } else if (name == "source") {
    if (!to_list(value, r.filters.sources))
      return bad("a string or a list of strings");
  } else if (name == "where") {
    std::vector<std::string> items;
    if (!to_list(value, items)) return bad("FIELD=VALUE or a list of them");
    r.filters.where.clear();
    for (const std::string& item : items) {
      auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0) {
        return "invalid value '" + item + "' for --where; needs FIELD=VALUE";
      }
      r.filters.where.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
  } else if (name == "facets") {
    if (value.is_boolean()) {
      r.facets =
          value.get<bool>() ? default_facets() : std::vector<FacetRequest>{};
    } else {
      std::vector<std::string> items;
      if (!to_list(value, items))
        return bad("a list such as \"source,date:month\"");
      std::string joined;
      for (const auto& i : items) joined += (joined.empty() ? "" : ",") + i;
      if (auto e = parse_facet_list(joined, r.facets)) return *e;
    }
  } else if (name == "facet-size") {
    return set_count(name, value, kMaxResultCount, r.facet_size);
  } else if (name == "limit") {
    return set_count(name, value, kMaxResultCount, r.limit);
  } else if (name == "offset") {
    return set_count(name, value, kMaxResultCount, r.offset);
  } else if (name == "snippet-chars") {
    return set_count(name, value, kMaxSnippetChars, r.snippet.chars);
  } else if (name == "fragments") {
    return set_count(name, value, kMaxFragments, r.snippet.fragments);
  } else if (name == "recent") {
    if (value.is_boolean()) {
      r.recent_half_life = value.get<bool>() ? kDefaultRecentHalfLife : 0;
      return "";
    }
    auto days = finite_number(value);
    if (!days || *days < 0 || *days > kMaxRecentHalfLife) {
      std::ostringstream max;
      max << kMaxRecentHalfLife;
      return invalid_value(
          name, value,
          "a half-life in days from 0 to " + max.str() + " (or true, false)");
    }
    r.recent_half_life = *days;
  } else if (name == "explain") {
    if (!value.is_boolean()) return bad("true or false");
    r.explain = value.get<bool>();
  } else if (name == "collapse") {
    if (!value.is_boolean()) return bad("true or false");
    r.collapse = value.get<bool>();
  } else if (name == "like") {
    if (!value.is_string()) return bad("an article id");
    r.like = value.get<std::string>();
  } else if (name == "sort") {
    auto s = parse_sort(to_text(value), error);
    if (!s) return error;
    r.sort = *s;
  } else if (name == "match") {
    auto m = parse_match(to_text(value), error);
    if (!m) return error;
    r.match = *m;
  } else {
    return "unknown option '" + raw_name + "'";
  }
  return "";
}

}  // namespace newsdex
