// Option names and values for search requests.
#include "searcher/request_options.h"

#include <map>

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
  return value.is_string() ? value.get<std::string>() : value.dump();
}

bool to_size(const nlohmann::json& value, std::size_t& out) {
  if (value.is_number_unsigned()) {
    out = value.get<std::size_t>();
    return true;
  }
  if (value.is_number_integer() && value.get<long long>() >= 0) {
    out = static_cast<std::size_t>(value.get<long long>());
    return true;
  }
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    out = std::stoul(s);
    return true;
  }
  return false;
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
      {"all", MatchMode::kAll}, {"any", MatchMode::kAny}};
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
    if (!to_size(value, r.facet_size)) return bad("a whole number");
  } else if (name == "limit") {
    if (!to_size(value, r.limit)) return bad("a whole number");
  } else if (name == "offset") {
    if (!to_size(value, r.offset)) return bad("a whole number");
  } else if (name == "snippet-chars") {
    if (!to_size(value, r.snippet.chars)) return bad("a whole number");
  } else if (name == "fragments") {
    if (!to_size(value, r.snippet.fragments)) return bad("a whole number");
  } else if (name == "recent") {
    if (value.is_boolean()) {
      r.recent_half_life = value.get<bool>() ? kDefaultRecentHalfLife : 0;
    } else if (value.is_number() && value.get<double>() >= 0) {
      r.recent_half_life = value.get<double>();
    } else {
      return bad("true, false or a half-life in days");
    }
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
